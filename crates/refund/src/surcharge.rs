//! Late-refund surcharges (REF-3, C. conso L242-4).
//!
//! L242-4 says the sums owed are "majorées du taux d'intérêt légal si le remboursement
//! intervient au plus tard dix jours après l'expiration des délais", then of 5 %, 10 %,
//! 20 %, 50 % and 5 more points per month late "jusqu'à concurrence du prix du produit,
//! puis du taux d'intérêt légal".
//!
//! # Up to 10 days late: two readings
//!
//! "Majorées du taux d'intérêt légal" is read two ways, and [`LegalInterestReading`] lets
//! the shop choose ([`SurchargePolicy`]):
//!
//! - [`LegalInterestReading::ProRata`] (the default): interest at the legal rate over the
//!   days late, `amount × rate × days / 365`. The legal rate is a rate *a year*
//!   (C. monét. fin. L313-2), and interest at it runs day by day; this reading also keeps
//!   the scale climbing with lateness whatever the rate, as a graduated scale is meant to.
//! - [`LegalInterestReading::Flat`]: the sums increased by the rate once, `amount × rate`,
//!   like the later tiers are increased by 5 % or 10 %. With a legal rate above 5 % (the
//!   rate for consumer creditors has been above it in recent half-years) 10 days late then
//!   costs more than 11; the crate computes it as the reading says and does not smooth it.
//!
//! # Beyond the cap: not computed
//!
//! Once the stepped surcharge reaches the products' price, the article adds "puis du taux
//! d'intérêt légal": legal interest running on the sums still owed after that point. This
//! crate stops at the capped amount ([`Surcharge::is_capped`] says when the cap was
//! reached); the interest that runs afterwards depends on the day the cap was reached and
//! on the rates in force over the following half-years, and is left to the caller.

use core::fmt;

use chrono::{Datelike, NaiveDate};
use comptoir_calendar::CalendarDays;
use comptoir_money::{Decimal, Eur, MoneyError, Percent};

use crate::RefundError;

/// The legal interest rate ("taux de l'intérêt légal"), in percent a year, 0 to 100.
///
/// France publishes it every half-year (C. monét. fin. L313-2; an arrêté in the Journal
/// officiel, also listed by the Banque de France), with one rate for creditors who are
/// natural persons not acting for professional purposes and another for the others. A late
/// refund is owed to a consumer: pass the first, in force on the day the refund was due.
/// The crates know the rates of a few half-years ([`LegalInterestRate::published`]); for the
/// others the application keeps the published rates as data (a configuration file, a table)
/// and passes the one in force, read with `FromStr` or serde from the text `Display` writes
/// (`"7.62 %"`, `"7.62"` and `"7,62 %"` read too).
///
/// Rates above 100 % a year are refused: none has ever come near, and the cap keeps the first
/// tier below the 5 % of the second (10 days of 100 % a year is 2.74 %), so a surcharge never
/// decreases with lateness.
///
/// # Example
///
/// ```
/// use comptoir_money::Decimal;
/// use comptoir_refund::LegalInterestRate;
///
/// // The rate for the half-year, as the shop's configuration holds it.
/// let rate: LegalInterestRate = "7.62 %".parse()?;
/// assert_eq!(rate, LegalInterestRate::new(Decimal::new(762, 2))?);
/// assert_eq!(rate.to_string(), "7.62 %");
/// assert!("-0.5 %".parse::<LegalInterestRate>().is_err());
/// assert!(LegalInterestRate::new(Decimal::new(-1, 2)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct LegalInterestRate(Percent);

impl LegalInterestRate {
    /// 0 % a year.
    pub const ZERO: LegalInterestRate = LegalInterestRate(Percent::ZERO);

    /// `percent_a_year` % a year.
    ///
    /// # Errors
    ///
    /// [`RefundError::NegativeInterestRate`] below 0,
    /// [`RefundError::InterestRateOutOfRange`] above 100.
    pub fn new(percent_a_year: Decimal) -> Result<LegalInterestRate, RefundError> {
        if percent_a_year.is_sign_negative() && !percent_a_year.is_zero() {
            return Err(RefundError::NegativeInterestRate {
                rate: percent_a_year.to_string(),
            });
        }
        Percent::new(percent_a_year)
            .map(LegalInterestRate)
            .map_err(|_| RefundError::InterestRateOutOfRange {
                rate: percent_a_year.to_string(),
            })
    }

    /// The rate as a percentage a year.
    pub fn percent_a_year(self) -> Percent {
        self.0
    }
}

impl fmt::Display for LegalInterestRate {
    /// As [`Percent`] writes it: `7.62 %`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl core::str::FromStr for LegalInterestRate {
    type Err = RefundError;

    /// Reads a percentage as [`Percent`] does (`7.62 %`, `7.62`, `7,62 %`).
    ///
    /// # Errors
    ///
    /// [`RefundError::NegativeInterestRate`] for a rate below zero,
    /// [`RefundError::InterestRateOutOfRange`] above 100, and [`RefundError::Money`] with
    /// [`MoneyError::Parse`] for a string that is no percentage.
    fn from_str(s: &str) -> Result<LegalInterestRate, RefundError> {
        if let Some(magnitude) = s.trim().strip_prefix('-') {
            // Read the rest, so that "-abc" is a parse error and "-0" is zero.
            let percent: Percent = magnitude.parse()?;
            if percent != Percent::ZERO {
                return Err(RefundError::NegativeInterestRate { rate: s.to_owned() });
            }
            return Ok(LegalInterestRate(percent));
        }
        match s.parse::<Percent>() {
            Ok(percent) => Ok(LegalInterestRate(percent)),
            Err(MoneyError::PercentOutOfRange { .. }) => {
                Err(RefundError::InterestRateOutOfRange { rate: s.to_owned() })
            }
            Err(e) => Err(e.into()),
        }
    }
}

/// A half of a calendar year, the period the legal interest rate is fixed for (C. monét.
/// fin. L313-2): January to June, or July to December.
///
/// `Display` writes `2026-H1`; `FromStr` reads it back. With the `serde` feature it is that
/// string.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_refund::HalfYear;
///
/// let day = NaiveDate::from_ymd_opt(2026, 7, 1).ok_or("date")?;
/// assert_eq!(HalfYear::of(day).to_string(), "2026-H2");
/// assert_eq!("2026-H2".parse::<HalfYear>()?, HalfYear::of(day));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct HalfYear {
    year: i32,
    second: bool,
}

impl HalfYear {
    /// The half-year `day` falls in.
    pub fn of(day: NaiveDate) -> HalfYear {
        HalfYear {
            year: day.year(),
            second: day.month() > 6,
        }
    }

    /// The first (`1`) or second (`2`) half of `year`.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidHalfYear`] for a half other than 1 or 2.
    pub fn new(year: i32, half: u8) -> Result<HalfYear, RefundError> {
        match half {
            1 | 2 => Ok(HalfYear {
                year,
                second: half == 2,
            }),
            _ => Err(RefundError::InvalidHalfYear {
                text: format!("{year}-H{half}"),
            }),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// `1` for January to June, `2` for July to December.
    pub fn half(self) -> u8 {
        if self.second { 2 } else { 1 }
    }
}

impl fmt::Display for HalfYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-H{}", self.year, self.half())
    }
}

impl core::str::FromStr for HalfYear {
    type Err = RefundError;

    /// Reads `2026-H1` or `2026-H2`.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidHalfYear`] for anything else.
    fn from_str(s: &str) -> Result<HalfYear, RefundError> {
        let bad = || RefundError::InvalidHalfYear { text: s.to_owned() };
        let (year, half) = s.trim().split_once("-H").ok_or_else(bad)?;
        if year.is_empty() || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        match half {
            "1" => HalfYear::new(year, 1),
            "2" => HalfYear::new(year, 2),
            _ => Err(bad()),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<String> for HalfYear {
    type Error = RefundError;

    fn try_from(s: String) -> Result<HalfYear, RefundError> {
        s.parse()
    }
}

#[cfg(feature = "serde")]
impl From<HalfYear> for String {
    fn from(h: HalfYear) -> String {
        h.to_string()
    }
}

/// The consumers' legal interest rates published (the rate "pour les créances des personnes
/// physiques n'agissant pas pour des besoins professionnels"), in hundredths of a percent,
/// by half-year: the 2026-H1 rate from the arrêté du 15 décembre 2025, the 2025 rates as the
/// legal notes record them. A half-year not listed is not known to the crates.
const PUBLISHED_RATES: [(i32, u8, i64); 3] = [(2025, 1, 721), (2025, 2, 665), (2026, 1, 667)];

impl LegalInterestRate {
    /// The consumers' rate published for `half`, or `None` for a half-year the crates do
    /// not know (the July-December 2026 rate, for one, was not found when this table was
    /// written): 7.21 % for 2025-H1, 6.65 % for 2025-H2, 6.67 % for 2026-H1 (arrêté du 15
    /// décembre 2025). [`RefundDecision::compute_at_published_rate`] uses it.
    ///
    /// [`RefundDecision::compute_at_published_rate`]: crate::RefundDecision::compute_at_published_rate
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_refund::{HalfYear, LegalInterestRate};
    /// assert_eq!(LegalInterestRate::published(HalfYear::new(2026, 1)?), Some("6.67".parse()?));
    /// assert_eq!(LegalInterestRate::published(HalfYear::new(2026, 2)?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn published(half: HalfYear) -> Option<LegalInterestRate> {
        PUBLISHED_RATES
            .iter()
            .find(|(year, h, _)| *year == half.year() && *h == half.half())
            .and_then(|(_, _, hundredths)| {
                LegalInterestRate::new(Decimal::new(*hundredths, 2)).ok()
            })
    }

    /// The consumers' rate in force on `day`: the rate published for its half-year.
    ///
    /// # Errors
    ///
    /// [`RefundError::LegalRateUnknown`] naming the half-year when the crates do not know
    /// its rate: the caller passes the rate it has read in the Journal officiel.
    pub fn in_force_on(day: NaiveDate) -> Result<LegalInterestRate, RefundError> {
        let half = HalfYear::of(day);
        LegalInterestRate::published(half).ok_or(RefundError::LegalRateUnknown {
            half_year: half.to_string(),
        })
    }
}

/// The L242-4 tier a lateness falls in (REF-3). Boundaries are inclusive at the top: "up
/// to 10 days" means 1 to 10, "10 to 20" means 11 to 20, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SurchargeTier {
    /// Paid by the due date: nothing owed.
    OnTime,
    /// 1 to 10 days late: the legal interest rate on the amount due, read as the
    /// [`SurchargePolicy`] says: pro rata over the days late by default (actual/365:
    /// `amount × rate × days / 365`), or the rate once (`amount × rate`).
    LegalInterest,
    /// More than 10 days late: a flat percentage of the amount due. 11-20 days: 5; 21-30: 10;
    /// 31-60: 20; 61-90: 50; then 5 more points for each month of 30 days begun (91-120: 55,
    /// 121-150: 60, ...). May exceed 100: the cap on the products' price applies after.
    Points(u64),
}

impl SurchargeTier {
    /// The tier of `days` late.
    pub fn of(days: CalendarDays) -> SurchargeTier {
        match days.get() {
            0 => SurchargeTier::OnTime,
            1..=10 => SurchargeTier::LegalInterest,
            11..=20 => SurchargeTier::Points(5),
            21..=30 => SurchargeTier::Points(10),
            31..=60 => SurchargeTier::Points(20),
            61..=90 => SurchargeTier::Points(50),
            d => {
                // "cinq points supplémentaires par nouveau mois de retard": a month begun
                // counts, as a day begun counts in the tiers above (day 61 is 50 %).
                let months_begun = u64::from(d.saturating_sub(90)).div_ceil(30);
                // d is a u32 above 90: at most 2^32 / 30 months, five points each, far
                // below u64::MAX.
                SurchargeTier::Points(months_begun.saturating_mul(5).saturating_add(50))
            }
        }
    }
}

/// How L242-4's "majorées du taux d'intérêt légal" applies to a refund 1 to 10 days late
/// (REF-3). See the module documentation for why the default is pro rata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LegalInterestReading {
    /// Interest at the yearly legal rate for the days late: `amount × rate × days / 365`.
    #[default]
    ProRata,
    /// The amount increased by the legal rate once, whatever the days late from 1 to 10:
    /// `amount × rate`. With a rate above 5 %, 10 days late then costs more than 11.
    Flat,
}

/// How late-refund surcharges are computed (REF-3).
///
/// Default: [`LegalInterestReading::ProRata`] for the first 10 days late.
///
/// # Example
///
/// ```
/// use comptoir_refund::{LegalInterestReading, SurchargePolicy};
/// assert_eq!(SurchargePolicy::default().legal_interest, LegalInterestReading::ProRata);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct SurchargePolicy {
    /// The reading of the first tier, 1 to 10 days late.
    pub legal_interest: LegalInterestReading,
}

/// The sum a late refund is owed on (REF-3): what the shop had to refund, delivery included.
///
/// A type of its own, apart from [`ProductsPrice`], so that the two amounts of
/// [`Surcharge::compute`] cannot be given in the wrong order.
///
/// # Example
///
/// ```
/// use comptoir_refund::AmountDue;
/// assert_eq!(AmountDue::new("20.00".parse()?)?.amount(), "20.00".parse()?);
/// assert!(AmountDue::new("-0.01".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Eur", into = "Eur"))]
pub struct AmountDue(Eur);

impl AmountDue {
    /// The refund `amount` owed.
    ///
    /// # Errors
    ///
    /// [`RefundError::NegativeAmount`] when `amount` is below zero.
    pub fn new(amount: Eur) -> Result<AmountDue, RefundError> {
        non_negative("amount due", amount).map(AmountDue)
    }

    /// The amount.
    pub fn amount(self) -> Eur {
        self.0
    }
}

impl TryFrom<Eur> for AmountDue {
    type Error = RefundError;

    fn try_from(amount: Eur) -> Result<AmountDue, RefundError> {
        AmountDue::new(amount)
    }
}

impl From<AmountDue> for Eur {
    fn from(due: AmountDue) -> Eur {
        due.0
    }
}

/// The price of the products a late refund is for: L242-4 caps the surcharge "jusqu'à
/// concurrence du prix du produit" (REF-3).
///
/// A type of its own, apart from [`AmountDue`], so that the two amounts of
/// [`Surcharge::compute`] cannot be given in the wrong order.
///
/// # Example
///
/// ```
/// use comptoir_refund::ProductsPrice;
/// assert_eq!(ProductsPrice::new("27.50".parse()?)?.amount(), "27.50".parse()?);
/// assert!(ProductsPrice::new("-1".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Eur", into = "Eur"))]
pub struct ProductsPrice(Eur);

impl ProductsPrice {
    /// The products' price `amount`.
    ///
    /// # Errors
    ///
    /// [`RefundError::NegativeAmount`] when `amount` is below zero.
    pub fn new(amount: Eur) -> Result<ProductsPrice, RefundError> {
        non_negative("products' price", amount).map(ProductsPrice)
    }

    /// The amount.
    pub fn amount(self) -> Eur {
        self.0
    }
}

impl TryFrom<Eur> for ProductsPrice {
    type Error = RefundError;

    fn try_from(amount: Eur) -> Result<ProductsPrice, RefundError> {
        ProductsPrice::new(amount)
    }
}

impl From<ProductsPrice> for Eur {
    fn from(price: ProductsPrice) -> Eur {
        price.0
    }
}

fn non_negative(what: &'static str, amount: Eur) -> Result<Eur, RefundError> {
    if amount.is_negative() {
        return Err(RefundError::NegativeAmount { what, amount });
    }
    Ok(amount)
}

/// The surcharge owed on a late refund (REF-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Surcharge {
    days_late: CalendarDays,
    tier: SurchargeTier,
    uncapped: Eur,
    amount: Eur,
}

impl Surcharge {
    /// The surcharge on `amount_due`, refunded `days_late` days late, under L242-4 as the
    /// default [`SurchargePolicy`] reads it (pro rata legal interest up to 10 days late).
    /// [`Surcharge::compute_with`] takes the policy.
    ///
    /// The tier's rate applies to the amount due; the result is rounded half away from zero
    /// to the cent and then capped at `products_price` ("jusqu'au prix du produit"). The two
    /// amounts have types of their own, so they cannot be swapped.
    ///
    /// # Errors
    ///
    /// [`RefundError::Money`] on overflow.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Decimal;
    /// use comptoir_refund::{AmountDue, CalendarDays, LegalInterestRate, ProductsPrice, Surcharge};
    ///
    /// let rate = LegalInterestRate::new(Decimal::new(762, 2))?;
    /// let due = AmountDue::new("120.00".parse()?)?;
    /// let price = ProductsPrice::new("120.00".parse()?)?;
    /// let s = Surcharge::compute(due, price, CalendarDays::new(15), rate)?;
    /// assert_eq!(s.amount(), "6.00".parse()?); // 5 % of 120.00
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(
        amount_due: AmountDue,
        products_price: ProductsPrice,
        days_late: CalendarDays,
        legal_rate: LegalInterestRate,
    ) -> Result<Surcharge, RefundError> {
        Surcharge::compute_with(
            amount_due,
            products_price,
            days_late,
            legal_rate,
            &SurchargePolicy::default(),
        )
    }

    /// The surcharge on `amount_due`, refunded `days_late` days late, under L242-4 as
    /// `policy` reads its first tier.
    ///
    /// As [`Surcharge::compute`] otherwise: rounded half away from zero to the cent, then
    /// capped at `products_price`.
    ///
    /// # Errors
    ///
    /// [`RefundError::Money`] on overflow.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Decimal;
    /// use comptoir_refund::{
    ///     AmountDue, CalendarDays, LegalInterestRate, LegalInterestReading, ProductsPrice, Surcharge,
    ///     SurchargePolicy,
    /// };
    ///
    /// let rate = LegalInterestRate::new(Decimal::new(762, 2))?; // 7.62 % a year
    /// let due = AmountDue::new("120.00".parse()?)?;
    /// let price = ProductsPrice::new("120.00".parse()?)?;
    /// let flat = SurchargePolicy { legal_interest: LegalInterestReading::Flat };
    /// let s = Surcharge::compute_with(due, price, CalendarDays::new(5), rate, &flat)?;
    /// assert_eq!(s.amount(), "9.14".parse()?); // 120.00 × 7.62 % = 9.144
    /// let s = Surcharge::compute_with(due, price, CalendarDays::new(5), rate, &SurchargePolicy::default())?;
    /// assert_eq!(s.amount(), "0.13".parse()?); // 120.00 × 7.62 % × 5 / 365 = 0.1253
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute_with(
        amount_due: AmountDue,
        products_price: ProductsPrice,
        days_late: CalendarDays,
        legal_rate: LegalInterestRate,
        policy: &SurchargePolicy,
    ) -> Result<Surcharge, RefundError> {
        let (amount_due, products_price) = (amount_due.amount(), products_price.amount());
        let tier = SurchargeTier::of(days_late);
        let overflow = || {
            RefundError::Money(comptoir_money::MoneyError::Overflow {
                operation: "surcharge",
            })
        };
        let uncapped = match tier {
            SurchargeTier::OnTime => Eur::ZERO,
            SurchargeTier::LegalInterest => {
                let yearly = amount_due
                    .to_decimal()
                    .checked_mul(legal_rate.percent_a_year().as_fraction());
                let exact = match policy.legal_interest {
                    // Actual/365, the day count of the legal rate (C. monét. fin. L313-2).
                    LegalInterestReading::ProRata => yearly
                        .and_then(|v| v.checked_mul(Decimal::from(days_late.get())))
                        .and_then(|v| v.checked_div(Decimal::from(365))),
                    LegalInterestReading::Flat => yearly,
                }
                .ok_or_else(overflow)?;
                Eur::round_from(exact)?
            }
            SurchargeTier::Points(points) => {
                let exact = amount_due
                    .to_decimal()
                    .checked_mul(Decimal::from(points))
                    .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    .ok_or_else(overflow)?;
                Eur::round_from(exact)?
            }
        };
        Ok(Surcharge {
            days_late,
            tier,
            uncapped,
            amount: uncapped.min(products_price),
        })
    }

    /// The lateness it was computed for.
    pub fn days_late(&self) -> CalendarDays {
        self.days_late
    }

    /// The tier that lateness falls in.
    pub fn tier(&self) -> SurchargeTier {
        self.tier
    }

    /// The tier's amount before the cap.
    pub fn uncapped(&self) -> Eur {
        self.uncapped
    }

    /// The amount owed on top of the refund.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// True when the cap at the products' price cut the tier's amount.
    pub fn is_capped(&self) -> bool {
        self.amount < self.uncapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(s: &str) -> LegalInterestRate {
        LegalInterestRate::new(s.parse().unwrap()).unwrap()
    }

    fn due(cents: i64) -> AmountDue {
        AmountDue::new(Eur::from_cents(cents)).unwrap()
    }

    fn price(cents: i64) -> ProductsPrice {
        ProductsPrice::new(Eur::from_cents(cents)).unwrap()
    }

    // REF-3, L242-4: each boundary belongs to the lower tier.
    #[test]
    fn tier_boundaries() {
        let tier = |d| SurchargeTier::of(CalendarDays::new(d));
        assert_eq!(tier(0), SurchargeTier::OnTime);
        assert_eq!(tier(1), SurchargeTier::LegalInterest);
        assert_eq!(tier(10), SurchargeTier::LegalInterest);
        assert_eq!(tier(11), SurchargeTier::Points(5));
        assert_eq!(tier(20), SurchargeTier::Points(5));
        assert_eq!(tier(21), SurchargeTier::Points(10));
        assert_eq!(tier(30), SurchargeTier::Points(10));
        assert_eq!(tier(31), SurchargeTier::Points(20));
        assert_eq!(tier(60), SurchargeTier::Points(20));
        assert_eq!(tier(61), SurchargeTier::Points(50));
        assert_eq!(tier(90), SurchargeTier::Points(50));
        assert_eq!(tier(91), SurchargeTier::Points(55));
        assert_eq!(tier(120), SurchargeTier::Points(55));
        assert_eq!(tier(121), SurchargeTier::Points(60));
        assert_eq!(
            tier(CalendarDays::MAX.get()),
            SurchargeTier::Points(715_827_920)
        );
    }

    // REF-3: 100.00 at 7.30 % for 5 days = 0.10 exactly.
    #[test]
    fn legal_interest_is_actual_over_365_rounded_half_away() {
        let s = Surcharge::compute(
            due(10_000),
            price(10_000),
            CalendarDays::new(5),
            rate("7.3"),
        )
        .unwrap();
        assert_eq!(s.amount(), Eur::from_cents(10));
        // 1.00 at 36.5 % for 1 day = 0.001 -> 0.00; 15.00 -> 0.015 -> 0.02 (half away).
        let s = Surcharge::compute(due(1_500), price(1_500), CalendarDays::new(1), rate("36.5"))
            .unwrap();
        assert_eq!(s.amount(), Eur::from_cents(2));
    }

    // REF-3
    #[test]
    fn bad_numbers_are_typed_errors() {
        assert!(matches!(
            LegalInterestRate::new(Decimal::new(-1, 3)),
            Err(RefundError::NegativeInterestRate { .. })
        ));
        assert!(matches!(
            LegalInterestRate::new(Decimal::new(10_001, 2)),
            Err(RefundError::InterestRateOutOfRange { .. })
        ));
        assert_eq!(
            AmountDue::new(Eur::from_cents(-1)),
            Err(RefundError::NegativeAmount {
                what: "amount due",
                amount: Eur::from_cents(-1)
            })
        );
        assert_eq!(
            ProductsPrice::new(Eur::from_cents(-1)),
            Err(RefundError::NegativeAmount {
                what: "products' price",
                amount: Eur::from_cents(-1)
            })
        );
        assert_eq!(
            AmountDue::new(Eur::ZERO).map(AmountDue::amount),
            Ok(Eur::ZERO)
        );
    }

    // REF-3: the rate reads back from what it displays, and from the usual ways to write it.
    #[test]
    fn legal_rate_reads_back() {
        for text in ["7.62 %", "7.62", "7,62 %", " 7.62\u{a0}% "] {
            assert_eq!(
                text.parse::<LegalInterestRate>(),
                Ok(rate("7.62")),
                "{text:?}"
            );
        }
        assert_eq!(rate("7.62").to_string().parse(), Ok(rate("7.62")));
        assert_eq!("-0".parse(), Ok(LegalInterestRate::ZERO));
        assert!(matches!(
            "-0.5 %".parse::<LegalInterestRate>(),
            Err(RefundError::NegativeInterestRate { .. })
        ));
        assert!(matches!(
            "100.5 %".parse::<LegalInterestRate>(),
            Err(RefundError::InterestRateOutOfRange { .. })
        ));
        for bad in ["", "%", "seven", "-x", "7.6.2"] {
            assert!(
                matches!(
                    bad.parse::<LegalInterestRate>(),
                    Err(RefundError::Money(MoneyError::Parse { .. }))
                ),
                "{bad:?}"
            );
        }
    }

    // REF-3, L242-4: the flat reading charges the rate once from day 1 to day 10, the
    // same whatever the days, and leaves the later tiers alone.
    #[test]
    fn flat_reading_charges_the_rate_once_up_to_ten_days() {
        let flat = SurchargePolicy {
            legal_interest: LegalInterestReading::Flat,
        };
        let (due, price) = (due(12_000), price(12_000));
        let at = |days, policy: &SurchargePolicy| {
            Surcharge::compute_with(due, price, CalendarDays::new(days), rate("7.62"), policy)
                .unwrap()
                .amount()
        };
        // 120.00 × 7.62 % = 9.144 -> 9.14, on day 1 as on day 10.
        for days in 1..=10 {
            assert_eq!(at(days, &flat), Eur::from_cents(914), "{days} days");
        }
        assert_eq!(at(0, &flat), Eur::ZERO);
        // From day 11 both readings take 5 %: the reading only touches the first tier.
        assert_eq!(at(11, &flat), Eur::from_cents(600));
        assert_eq!(at(11, &flat), at(11, &SurchargePolicy::default()));
        // At a rate above 5 %, the flat reading makes day 10 dearer than day 11: the
        // crate computes the reading as it stands, documented on `LegalInterestReading`.
        assert!(at(10, &flat) > at(11, &flat));
        // The default is the pro-rata reading: 120.00 × 7.62 % × 10 / 365 = 0.2505… -> 0.25.
        assert_eq!(at(10, &SurchargePolicy::default()), Eur::from_cents(25));
        assert_eq!(
            Surcharge::compute(due, price, CalendarDays::new(10), rate("7.62")).unwrap(),
            Surcharge::compute_with(
                due,
                price,
                CalendarDays::new(10),
                rate("7.62"),
                &SurchargePolicy::default()
            )
            .unwrap()
        );
    }

    // REF-3: the flat reading is capped at the products' price like every tier.
    #[test]
    fn flat_reading_is_capped_at_the_products_price() {
        let flat = SurchargePolicy {
            legal_interest: LegalInterestReading::Flat,
        };
        let s = Surcharge::compute_with(
            due(10_000),
            price(500),
            CalendarDays::new(3),
            rate("8"),
            &flat,
        )
        .unwrap();
        assert_eq!(s.uncapped(), Eur::from_cents(800));
        assert_eq!(s.amount(), Eur::from_cents(500));
        assert!(s.is_capped());
    }
}
