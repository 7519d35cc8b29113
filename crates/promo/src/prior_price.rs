//! The prior price of an announced price reduction (C. conso L112-1-1, since 28 May 2022).
//!
//! Any announcement of a reduction of a product's price (a struck-through price, "-20 %",
//! sales) states the prior price: the lowest price charged to all consumers during the 30
//! days before the reduction; during a declared period of successive reductions, the price
//! before the first of them. A "-x %" is computed on that prior price (CJEU C-330/23, Aldi
//! Süd). A breach is a misleading commercial practice (L121-2, L132-2).
//!
//! **In scope** ([`check_announcement`]): a reduction of a product's price announced to all,
//! and a code open to all announced as a reduction of a product's price (the cautious
//! reading of the Commission notice 2021/C 526/02). **Out of scope**, though they must not
//! mislead either (L121-1 ff.): personalised codes, loyalty programmes, and conditional
//! offers such as "-10 EUR dès 100 EUR", which announce no reduction of a product's price;
//! perishable goods and comparisons with other traders' prices.
//!
//! "The 30 days before" are the 30 Paris days before the day the reduction starts: a price
//! charged at any moment of those days, or on the day itself before the reduction, counts.

use chrono::{DateTime, Days, TimeZone, Utc};
use comptoir_calendar::clock;
use comptoir_money::{Eur, Percent};

use crate::PromoError;

/// The article, as the errors name it.
const L112_1_1: &str = "C. conso L112-1-1";

/// A price charged from an instant on, until the next price of its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DatedPrice {
    /// When the price started to be charged.
    pub from: DateTime<Utc>,
    /// The price, VAT included.
    pub price: Eur,
}

/// A product's price history: the prices charged to all consumers, each from an instant on
/// until the next.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Paris;
/// use comptoir_money::Eur;
/// use comptoir_promo::{AnnouncedReduction, DatedPrice, PriceHistory, check_announcement};
///
/// let at = |m, d| Paris.with_ymd_and_hms(2026, m, d, 9, 0, 0).single().ok_or("instant");
/// let history = PriceHistory::new([
///     DatedPrice { from: at(1, 2)?.to_utc(), price: "89.00".parse()? },
///     DatedPrice { from: at(2, 20)?.to_utc(), price: "99.00".parse()? },
/// ])?;
/// // A sale from 10 March: 89.00 was charged until 20 February, 18 days before: it is the
/// // prior price, and "-20 %" on it is 71.20, not 79.20.
/// let sale = at(3, 10)?;
/// assert_eq!(history.prior_price(&sale, None)?, "89.00".parse::<Eur>()?);
/// let honest = AnnouncedReduction::Percent("20".parse()?);
/// assert!(check_announcement(&history, honest, "71.20".parse()?, &sale, None).is_ok());
/// assert!(check_announcement(&history, honest, "79.20".parse()?, &sale, None).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<DatedPrice>", into = "Vec<DatedPrice>")
)]
pub struct PriceHistory {
    prices: Vec<DatedPrice>,
}

impl PriceHistory {
    /// The history of `prices`, in the order they were charged.
    ///
    /// # Errors
    ///
    /// [`PromoError::InvalidPriceHistory`] for no price, instants that do not strictly
    /// increase (unordered or overlapping), and [`PromoError::NegativeAmount`] for a negative
    /// price.
    pub fn new(prices: impl IntoIterator<Item = DatedPrice>) -> Result<PriceHistory, PromoError> {
        let prices: Vec<DatedPrice> = prices.into_iter().collect();
        if prices.is_empty() {
            return Err(PromoError::InvalidPriceHistory {
                reason: "a price history has at least one price",
            });
        }
        if let Some(negative) = prices.iter().find(|p| p.price.is_negative()) {
            return Err(PromoError::NegativeAmount {
                what: "a price of the history",
                amount: negative.price,
            });
        }
        if !prices.windows(2).all(|w| match w {
            [a, b] => a.from < b.from,
            _ => true,
        }) {
            return Err(PromoError::InvalidPriceHistory {
                reason: "the prices' instants strictly increase: none overlaps or comes out of order",
            });
        }
        Ok(PriceHistory { prices })
    }

    /// The prices, oldest first.
    pub fn prices(&self) -> &[DatedPrice] {
        &self.prices
    }

    /// The price charged at `at`.
    ///
    /// # Errors
    ///
    /// [`PromoError::NoPriceAt`] before the first price.
    pub fn price_at<Z: TimeZone>(&self, at: &DateTime<Z>) -> Result<Eur, PromoError> {
        let at = at.with_timezone(&Utc);
        self.prices
            .iter()
            .rev()
            .find(|p| p.from <= at)
            .map(|p| p.price)
            .ok_or(PromoError::NoPriceAt { at })
    }

    /// The prior price of a reduction starting at `starts_at` (L112-1-1): the lowest price
    /// charged during the 30 Paris days before its day (and on that day before it); or,
    /// when the reduction belongs to a declared period of successive reductions whose first
    /// started at `first_of_period`, the prior price of that first reduction.
    ///
    /// # Errors
    ///
    /// [`PromoError::NoPriceAt`] when the history has no price at the start of those 30
    /// days (a product too new to have a prior price), and a calendar error as
    /// [`PromoError::InvalidPriceHistory`] for an instant the Paris clock cannot read.
    pub fn prior_price<Z: TimeZone>(
        &self,
        starts_at: &DateTime<Z>,
        first_of_period: Option<&DateTime<Utc>>,
    ) -> Result<Eur, PromoError> {
        let reduction = match first_of_period {
            Some(first) => *first,
            None => starts_at.with_timezone(&Utc),
        };
        let window_start = thirty_days_before(&reduction)?;
        let mut lowest = self.price_at(&window_start)?;
        for p in &self.prices {
            if p.from > window_start && p.from < reduction && p.price < lowest {
                lowest = p.price;
            }
        }
        Ok(lowest)
    }
}

#[cfg(feature = "serde")]
impl TryFrom<Vec<DatedPrice>> for PriceHistory {
    type Error = PromoError;

    fn try_from(prices: Vec<DatedPrice>) -> Result<PriceHistory, PromoError> {
        PriceHistory::new(prices)
    }
}

#[cfg(feature = "serde")]
impl From<PriceHistory> for Vec<DatedPrice> {
    fn from(h: PriceHistory) -> Vec<DatedPrice> {
        h.prices
    }
}

/// The first instant of the 30th Paris day before the day of `at`.
fn thirty_days_before(at: &DateTime<Utc>) -> Result<DateTime<Utc>, PromoError> {
    let unreadable = || PromoError::InvalidPriceHistory {
        reason: "an instant the Paris clock cannot read",
    };
    let day = clock::paris_date(at).map_err(|_| unreadable())?;
    let first = day.checked_sub_days(Days::new(30)).ok_or_else(unreadable)?;
    // Paris never changes its clocks at midnight: midnight exists once.
    clock::from_paris(
        first.and_time(chrono::NaiveTime::MIN),
        clock::Ambiguity::Reject,
    )
    .map(|at| at.with_timezone(&Utc))
    .map_err(|_| unreadable())
}

/// How a reduction is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AnnouncedReduction {
    /// "-x %": the price must be the prior price less x %, rounded half away from zero to
    /// the cent.
    Percent(Percent),
    /// A struck-through price: it must be the prior price.
    StruckThrough(Eur),
}

/// Checks an announced reduction of a product's price, selling at `price` from `starts_at`,
/// against the prior price its history gives (L112-1-1); `first_of_period` is the start of the
/// declared period of successive reductions it belongs to, if any.
///
/// # Errors
///
/// [`PromoError::MisleadingReduction`] with the prior price announced (or implied by the
/// percentage), the lawful one and the article, when they differ; and as
/// [`PriceHistory::prior_price`].
pub fn check_announcement<Z: TimeZone>(
    history: &PriceHistory,
    announced: AnnouncedReduction,
    price: Eur,
    starts_at: &DateTime<Z>,
    first_of_period: Option<&DateTime<Utc>>,
) -> Result<(), PromoError> {
    let prior = history.prior_price(starts_at, first_of_period)?;
    let (announced_prior, expected_price) = match announced {
        AnnouncedReduction::StruckThrough(struck) => (struck, price),
        AnnouncedReduction::Percent(percent) => {
            let off = prior.percent(percent)?;
            (prior, prior.checked_sub(off)?)
        }
    };
    if announced_prior != prior || expected_price != price {
        return Err(PromoError::MisleadingReduction {
            announced: announced_prior,
            price,
            lawful_prior: prior,
            lawful_price: expected_price,
            article: L112_1_1,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use comptoir_calendar::clock::Paris;

    fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Paris::at(2026, m, d, h, 0, 0).unwrap().to_utc()
    }

    fn eur(s: &str) -> Eur {
        s.parse().unwrap()
    }

    /// 100.00, a low of 80.00 that ends `days_before` Paris days before the reduction of
    /// 10 April 2026 (its last day is the day `days_before` before the 10th), then 100.00.
    fn history_with_low_ending(days_before: u32) -> PriceHistory {
        let end_day = 10u32.checked_sub(days_before);
        let (m, d) = match end_day {
            Some(d) if d >= 1 => (4, d),
            _ => (3, 31 + 10 - days_before),
        };
        PriceHistory::new([
            DatedPrice {
                from: at(1, 5, 9),
                price: eur("100.00"),
            },
            DatedPrice {
                from: at(2, 1, 9),
                price: eur("80.00"),
            },
            // Back to 100.00 the day after the low's last day, at midnight.
            DatedPrice {
                from: Paris::at(2026, m, d, 23, 59, 59).unwrap().to_utc()
                    + chrono::TimeDelta::seconds(1),
                price: eur("100.00"),
            },
        ])
        .unwrap()
    }

    // PROMO-6, L112-1-1: a low price charged 29 or 30 days before the reduction's day is the
    // prior price; one last charged 31 days before is not.
    #[test]
    fn promo_l112_1_1_the_lowest_price_of_the_30_days_before() {
        let reduction = at(4, 10, 9);
        for (days, prior) in [(29, "80.00"), (30, "80.00"), (31, "100.00")] {
            let history = history_with_low_ending(days);
            assert_eq!(
                history.prior_price(&reduction, None).unwrap(),
                eur(prior),
                "low last charged {days} days before"
            );
        }
    }

    // PROMO-6, L112-1-1: during a declared period of successive reductions, the prior price is
    // the one before the first reduction, not the reduced price of the last.
    #[test]
    fn promo_l112_1_1_successive_reductions_keep_the_price_before_the_first() {
        let history = PriceHistory::new([
            DatedPrice {
                from: Paris::at(2025, 11, 1, 9, 0, 0).unwrap().to_utc(),
                price: eur("100.00"),
            },
            DatedPrice {
                from: at(1, 14, 8),
                price: eur("80.00"),
            },
            DatedPrice {
                from: at(1, 28, 8),
                price: eur("60.00"),
            },
        ])
        .unwrap();
        let first = at(1, 14, 8);
        let second = at(1, 28, 8);
        assert_eq!(history.prior_price(&second, None).unwrap(), eur("80.00"));
        assert_eq!(
            history.prior_price(&second, Some(&first)).unwrap(),
            eur("100.00")
        );
        assert!(
            check_announcement(
                &history,
                AnnouncedReduction::Percent("40".parse().unwrap()),
                eur("60.00"),
                &second,
                Some(&first)
            )
            .is_ok()
        );
    }

    // PROMO-6, L112-1-1: an announcement against another prior price is refused with the
    // lawful prior price and the article; a struck-through price must be the prior price.
    #[test]
    fn promo_l112_1_1_a_reduction_announced_against_another_price_is_refused() {
        let history = history_with_low_ending(10);
        let reduction = at(4, 10, 9);
        let err = check_announcement(
            &history,
            AnnouncedReduction::StruckThrough(eur("100.00")),
            eur("75.00"),
            &reduction,
            None,
        )
        .unwrap_err();
        assert_eq!(
            err,
            PromoError::MisleadingReduction {
                announced: eur("100.00"),
                price: eur("75.00"),
                lawful_prior: eur("80.00"),
                lawful_price: eur("75.00"),
                article: "C. conso L112-1-1",
            }
        );
        assert!(err.to_string().contains("L112-1-1"));
        assert!(
            check_announcement(
                &history,
                AnnouncedReduction::StruckThrough(eur("80.00")),
                eur("75.00"),
                &reduction,
                None
            )
            .is_ok()
        );
    }

    // PROMO-6, L112-1-1: bad histories and instants without a price are typed errors.
    #[test]
    fn promo_l112_1_1_bad_histories_are_refused() {
        let p = |from, price: &str| DatedPrice {
            from,
            price: eur(price),
        };
        assert!(PriceHistory::new([]).is_err());
        assert!(PriceHistory::new([p(at(2, 1, 9), "10.00"), p(at(1, 1, 9), "9.00")]).is_err());
        assert!(PriceHistory::new([p(at(1, 1, 9), "10.00"), p(at(1, 1, 9), "9.00")]).is_err());
        assert!(matches!(
            PriceHistory::new([p(at(1, 1, 9), "-1.00")]),
            Err(PromoError::NegativeAmount { .. })
        ));
        let young = PriceHistory::new([p(at(3, 20, 9), "10.00")]).unwrap();
        assert!(matches!(
            young.prior_price(&at(4, 10, 9), None),
            Err(PromoError::NoPriceAt { .. })
        ));
    }
}
