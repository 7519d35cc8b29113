//! What the legal guarantee covers and who must prove what (L217-3, L217-7, L217-13, L217-28).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::{Calendar, CalendarDays, Deadline, MonthsPeriod, Period, Roll, clock};

use crate::{AfterSalesError, GuaranteePolicy, Months};

/// Whether the good was sold new or second-hand: the presumption of L217-7 lasts 24 months
/// for the first, 12 for the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Condition {
    /// Sold new (the shop's default).
    #[default]
    New,
    /// Sold second-hand ("bien d'occasion").
    SecondHand,
}

/// Who must prove that a defect existed at delivery (L217-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Burden {
    /// The defect appeared within the presumption: it is presumed to exist at delivery, and
    /// the shop must prove otherwise (a report, tests, an expert's opinion), not merely say so.
    Seller,
    /// The defect appeared after the presumption, within the guarantee: the customer must show
    /// it existed at delivery.
    Customer,
}

/// The legal guarantee of one delivered good (RET-5): until when a defect may appear and be
/// covered (L217-3: two years from delivery), and until when it is presumed to exist at
/// delivery (L217-7: 24 months, 12 for second-hand goods).
///
/// Both periods count from the delivery in the sense of L216-1, the customer taking physical
/// possession (SHIP-2: for a parcel held at a relay point, its collection), read on the Paris
/// clock; each ends at the end of its last day (see [`Months`]). They do not roll to a working
/// day: they bound when a defect may *appear*, not when someone must act.
///
/// A case that ends in a repair or a replacement gives the coverage that follows
/// ([`AfterSalesCase::coverage`](crate::AfterSalesCase::coverage)): the time the good was
/// away added (L217-28), six months more after a repair (L217-13 al. 1), a new guarantee for a
/// replacement the shop imposed instead of the repair asked for (L217-13 al. 2). A later claim
/// on the same good opens on that coverage.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_aftersales::{Burden, Condition, Coverage, GuaranteePolicy};
/// use comptoir_calendar::Calendar;
///
/// let collected = Paris.with_ymd_and_hms(2026, 6, 10, 17, 45, 0).single().ok_or("instant")?;
/// let policy = GuaranteePolicy::default();
/// let new = Coverage::compute(&collected, Condition::New, &policy, &Calendar::metropolitan())?;
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// assert_eq!(new.guarantee().last_day(), ymd(2028, 6, 10)?);
/// assert_eq!(new.burden(ymd(2028, 1, 5)?), Burden::Seller);
///
/// let used = Coverage::compute(&collected, Condition::SecondHand, &policy, &Calendar::metropolitan())?;
/// assert_eq!(used.presumption().last_day(), ymd(2027, 6, 10)?);
/// assert_eq!(used.burden(ymd(2028, 1, 5)?), Burden::Customer);
/// assert!(used.covers(ymd(2028, 6, 10)?) && !used.covers(ymd(2028, 6, 11)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Coverage {
    delivered_at: DateTime<Utc>,
    delivered_on: NaiveDate,
    condition: Condition,
    guarantee: Deadline,
    presumption: Deadline,
}

impl Coverage {
    /// The coverage of a good delivered at `delivered_at` (the customer's taking possession).
    ///
    /// # Errors
    ///
    /// - [`AfterSalesError::UnlawfulPolicy`] for a policy [`GuaranteePolicy::validate`]
    ///   refuses;
    /// - [`AfterSalesError::Calendar`] when the delivery cannot be read on the Paris clock or
    ///   a period leaves the calendar's range (1900 to 2200).
    pub fn compute<Tz: TimeZone>(
        delivered_at: &DateTime<Tz>,
        condition: Condition,
        policy: &GuaranteePolicy,
        calendar: &Calendar,
    ) -> Result<Coverage, AfterSalesError> {
        policy.validate()?;
        let delivered_on = clock::paris_date(delivered_at)?;
        let presumption = match condition {
            Condition::New => policy.presumption_new,
            Condition::SecondHand => policy.presumption_second_hand,
        };
        Ok(Coverage {
            delivered_at: delivered_at.with_timezone(&Utc),
            delivered_on,
            condition,
            guarantee: months_deadline(delivered_on, policy.guarantee, calendar)?,
            presumption: months_deadline(delivered_on, presumption, calendar)?,
        })
    }

    /// When the customer took possession of the good.
    pub fn delivered_at(&self) -> DateTime<Utc> {
        self.delivered_at
    }

    /// The Paris date of the delivery, from which both periods count.
    pub fn delivered_on(&self) -> NaiveDate {
        self.delivered_on
    }

    /// New or second-hand.
    pub fn condition(&self) -> Condition {
        self.condition
    }

    /// The last day a defect may appear and be covered (L217-3, with L217-13 and L217-28
    /// after a remedy).
    pub fn guarantee(&self) -> Deadline {
        self.guarantee
    }

    /// The last day a defect is presumed to exist at delivery (L217-7).
    pub fn presumption(&self) -> Deadline {
        self.presumption
    }

    /// Whether a defect that appeared on `appeared_on` is covered: on or after the delivery
    /// day, on or before the guarantee's last day.
    pub fn covers(&self, appeared_on: NaiveDate) -> bool {
        self.delivered_on <= appeared_on && appeared_on <= self.guarantee.last_day()
    }

    /// Who must prove that a defect that appeared on `appeared_on` existed at delivery.
    pub fn burden(&self, appeared_on: NaiveDate) -> Burden {
        if appeared_on <= self.presumption.last_day() {
            Burden::Seller
        } else {
            Burden::Customer
        }
    }

    /// The coverage after a remedy asked for on `requested_on` and delivered on
    /// `delivered_on` (L217-13, L217-28).
    ///
    /// - L217-28: the time the good is immobilised, from the request (the start most
    ///   favourable to the customer, since the request comes before the good is handed over)
    ///   to the remedy's delivery, is added to what remained.
    /// - L217-13 al. 1: a repair adds the policy's extension (six months).
    /// - L217-13 al. 2: a replacement the shop chose when the customer asked for a repair
    ///   starts a new guarantee from the replacement's delivery; the later end is kept.
    ///
    /// The presumption moves with the guarantee: a defect of the repaired or replacing good
    /// within its own presumption is presumed to exist when it was handed over.
    pub(crate) fn after_remedy(
        &self,
        requested_on: NaiveDate,
        delivered_on: NaiveDate,
        repaired: bool,
        renewed: bool,
        policy: &GuaranteePolicy,
        calendar: &Calendar,
    ) -> Result<Coverage, AfterSalesError> {
        let away = CalendarDays::between(requested_on, delivered_on)?;
        let mut guarantee = away.after(self.guarantee.last_day())?;
        let mut presumption = away.after(self.presumption.last_day())?;
        if repaired {
            guarantee = policy.repair_extension.after(guarantee)?;
            presumption = policy.repair_extension.after(presumption)?;
        }
        if renewed {
            guarantee = guarantee.max(policy.guarantee.after(delivered_on)?);
            presumption = presumption.max(policy.presumption_new.after(delivered_on)?);
        }
        Ok(Coverage {
            guarantee: deadline_until(self.delivered_on, guarantee, calendar)?,
            presumption: deadline_until(self.delivered_on, presumption, calendar)?,
            ..*self
        })
    }
}

/// The deadline of a period from `event_day` whose last day is `last_day`, not rolled: the
/// calendar's [`Deadline`], so that every deadline of the crates reads the same way.
pub(crate) fn deadline_until(
    event_day: NaiveDate,
    last_day: NaiveDate,
    calendar: &Calendar,
) -> Result<Deadline, AfterSalesError> {
    let days = CalendarDays::between(event_day, last_day)?;
    days_deadline(event_day, days, calendar)
}

/// `days` calendar days from the day after `event_day`, not rolled.
pub(crate) fn days_deadline(
    event_day: NaiveDate,
    days: CalendarDays,
    calendar: &Calendar,
) -> Result<Deadline, AfterSalesError> {
    let period = Period {
        days,
        roll: Roll::None,
    };
    Ok(period.deadline(event_day, calendar)?)
}

/// `months` from `event_day`, not rolled.
pub(crate) fn months_deadline(
    event_day: NaiveDate,
    months: Months,
    calendar: &Calendar,
) -> Result<Deadline, AfterSalesError> {
    let period = MonthsPeriod {
        months,
        roll: Roll::None,
    };
    Ok(period.deadline(event_day, calendar)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn delivered(y: i32, m: u32, d: u32) -> Coverage {
        let at = clock::from_paris(
            ymd(y, m, d).and_hms_opt(12, 0, 0).unwrap(),
            clock::Ambiguity::Reject,
        )
        .unwrap();
        Coverage::compute(
            &at,
            Condition::New,
            &GuaranteePolicy::default(),
            &Calendar::metropolitan(),
        )
        .unwrap()
    }

    // RET-5, L217-3, L217-7: two years, and the presumption as long for a new good; a last
    // day on a Sunday stays a Sunday.
    #[test]
    fn ret5_l217_3_two_years_from_delivery_without_roll() {
        let c = delivered(2026, 3, 1);
        assert_eq!(c.guarantee().last_day(), ymd(2028, 3, 1));
        assert_eq!(c.presumption().last_day(), ymd(2028, 3, 1));
        let sunday = delivered(2026, 2, 27); // 2028-02-27 is a Sunday
        assert_eq!(sunday.guarantee().last_day(), ymd(2028, 2, 27));
        assert!(!sunday.guarantee().is_rolled());
        assert!(!c.covers(ymd(2026, 2, 28)), "before the delivery");
    }

    // RET-5, L217-13, L217-28: a repair asked on 1 March and delivered on 21 March adds the
    // 20 days away and six months.
    #[test]
    fn ret5_l217_13_a_repair_extends_by_the_time_away_and_six_months() {
        let c = delivered(2026, 3, 1);
        let policy = GuaranteePolicy::default();
        let cal = Calendar::metropolitan();
        let after = c
            .after_remedy(
                ymd(2027, 3, 1),
                ymd(2027, 3, 21),
                true,
                false,
                &policy,
                &cal,
            )
            .unwrap();
        assert_eq!(after.guarantee().last_day(), ymd(2028, 9, 21));
        assert_eq!(after.presumption().last_day(), ymd(2028, 9, 21));
        // L217-13 al. 2: a replacement imposed instead of a repair restarts two years.
        let renewed = c
            .after_remedy(
                ymd(2027, 3, 1),
                ymd(2027, 3, 21),
                false,
                true,
                &policy,
                &cal,
            )
            .unwrap();
        assert_eq!(renewed.guarantee().last_day(), ymd(2029, 3, 21));
        // A replacement the customer chose keeps the coverage, plus the time away.
        let chosen = c
            .after_remedy(
                ymd(2027, 3, 1),
                ymd(2027, 3, 21),
                false,
                false,
                &policy,
                &cal,
            )
            .unwrap();
        assert_eq!(chosen.guarantee().last_day(), ymd(2028, 3, 21));
    }
}
