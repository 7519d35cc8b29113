//! Periods counted the way the law counts them (Regulation 1182/71): "N days" or "N months"
//! from the day after an event, with the roll of a last day that is not a business day.
//!
//! Every statutory or contractual period of the crates is counted here: the withdrawal
//! windows (C. conso L221-18), the refund ceiling (L221-24, L216-7), the delivery deadline
//! (L216-1), the guarantee's months and remedy deadlines (L217-3 ff.), the instalments'
//! spacing (PAY-5). Each crate names its periods, with their articles, as constants.

use core::fmt;

use chrono::{
    DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::{Calendar, CalendarDays, CalendarError, Day, Months, clock};

/// The shop's clock, on which every deadline but the law's withdrawal window is read.
const PARIS: Tz = Tz::Europe__Paris;

/// What happens when a period's last day is not a business day of the calendar it is counted
/// on.
///
/// Which calendar that is depends on whose period it is. The shop's own promises (the FAQ's
/// 30 days) roll on the shop's calendar, its closures and its choice on Whit Monday included.
/// A statutory period rolls on the legal calendar only
/// ([`Calendar::legal`]: Saturdays, Sundays and public holidays, Whit Monday always), so that
/// nothing the shop works or closes can move it; the withdrawal windows and the refund
/// deadlines (`comptoir-withdrawal`, `comptoir-refund`) pick that calendar themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Roll {
    /// The period ends at the end of the next business day (Regulation 1182/71 art. 3(4), which
    /// C. conso L221-18 and L221-24 follow): a last day that the calendar counts as closed
    /// moves to the next day it counts as open.
    #[default]
    NextBusinessDay,
    /// The last day stays where it falls, whatever the weekday. Never lawful for the law's
    /// withdrawal window (`comptoir_withdrawal::WithdrawalPolicy::validate`). The right
    /// choice for a period whose end the law fixes to the day, as the delivery deadline of
    /// C. conso L216-1 and the guarantee's months.
    None,
}

/// A period of calendar days and its roll: "N days from the day after an event".
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{Calendar, CalendarDays, Period, Region, Roll};
///
/// // RET-1's worked example: received Saturday 2025-03-01, 14 days -> Monday 2025-03-17.
/// let period = Period { days: CalendarDays::new(14), roll: Roll::NextBusinessDay };
/// let received = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
/// let deadline = period.deadline(received, &Calendar::legal(Region::Metropolitan))?;
/// assert_eq!(deadline.last_day(), NaiveDate::from_ymd_opt(2025, 3, 17).ok_or("date")?);
/// // The 14th day after the 1st is Saturday the 15th: the deadline rolls to Monday.
/// assert_eq!(deadline.nominal_last_day(), NaiveDate::from_ymd_opt(2025, 3, 15).ok_or("date")?);
/// assert!(deadline.is_rolled());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Period {
    /// Its length, counted from the day after the event.
    pub days: CalendarDays,
    /// What happens to a last day that is not a business day.
    pub roll: Roll,
}

impl Period {
    /// The nominal last day of this period for an event on `event_day`: `event_day + days`,
    /// before any roll. For a period that does not roll ([`Roll::None`]) it is the last day,
    /// known without a calendar: the delivery deadline of C. conso L216-1 reads it so.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when that day is past chrono's last date.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::{CalendarDays, Period, Roll};
    /// let delivery = Period { days: CalendarDays::new(30), roll: Roll::None };
    /// let contract = NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?;
    /// assert_eq!(delivery.nominal_last_day(contract)?, NaiveDate::from_ymd_opt(2026, 7, 1).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn nominal_last_day(self, event_day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.days.after(event_day)
    }

    /// The deadline of this period for an event on `event_day` (a Paris date), on `calendar`,
    /// read on the Paris clock.
    ///
    /// The event's day is not counted (Regulation 1182/71 art. 3(1)): the nominal last day is
    /// `event_day + days`; with [`Roll::NextBusinessDay`] it moves to the next business day of
    /// `calendar` when it is not one.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when the event or the deadline is outside the calendar's
    /// range (1900 to 2200).
    pub fn deadline(
        self,
        event_day: NaiveDate,
        calendar: &Calendar,
    ) -> Result<Deadline, CalendarError> {
        self.deadline_in(event_day, calendar, PARIS)
    }

    /// The deadline of this period for an event on `event_day`, a date read on the clock of
    /// `time_zone`, counted on `calendar`: the period ends at the end of its last day in that
    /// time zone. The law's withdrawal window of a customer overseas is counted this way on the
    /// customer's clock ([`Region::time_zone`](crate::Region::time_zone)) as well
    /// as on Paris's, and lasts until both have ended
    /// (`comptoir_withdrawal::WithdrawalWindows`).
    ///
    /// # Errors
    ///
    /// As [`Period::deadline`].
    pub fn deadline_in(
        self,
        event_day: NaiveDate,
        calendar: &Calendar,
        time_zone: Tz,
    ) -> Result<Deadline, CalendarError> {
        // Checking the event day first reports the day the caller gave, not a derived one.
        calendar.is_business_day(event_day)?;
        let nominal = self.days.after(event_day)?;
        Deadline::ending(self, None, event_day, nominal, calendar, time_zone)
    }
}

/// A period of calendar months and its roll: "N months from an event" (Regulation 1182/71
/// art. 3(2)(c)): it ends on the day of the last month with the event day's number, or on
/// that month's last day when it has no such day ([`Months::after`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{Calendar, Months, MonthsPeriod, Roll};
///
/// // The legal guarantee of conformity (C. conso L217-3): two years from delivery, not rolled.
/// let guarantee = MonthsPeriod { months: Months::new(24), roll: Roll::None };
/// let delivered = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
/// let deadline = guarantee.deadline(delivered, &Calendar::metropolitan())?;
/// assert_eq!(deadline.last_day(), NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("date")?);
/// assert_eq!(deadline.months(), Some(Months::new(24)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MonthsPeriod {
    /// Its length.
    pub months: Months,
    /// What happens to a last day that is not a business day.
    pub roll: Roll,
}

impl MonthsPeriod {
    /// The deadline of this period for an event on `event_day` (a Paris date), on
    /// `calendar`, read on the Paris clock.
    ///
    /// The deadline's [`Deadline::period`] is the period in days it amounts to from that
    /// event (730 days for 24 months from 2024-02-29), and [`Deadline::months`] the months.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when the event or the deadline is outside the
    /// calendar's range (1900 to 2200).
    pub fn deadline(
        self,
        event_day: NaiveDate,
        calendar: &Calendar,
    ) -> Result<Deadline, CalendarError> {
        calendar.is_business_day(event_day)?;
        let nominal = self.months.after(event_day)?;
        let period = Period {
            days: CalendarDays::between(event_day, nominal)?,
            roll: self.roll,
        };
        Deadline::ending(
            period,
            Some(self.months),
            event_day,
            nominal,
            calendar,
            PARIS,
        )
    }
}

impl CalendarDays {
    /// The day these days after `day`: `day + days`, the event's day not counted
    /// (Regulation 1182/71 art. 3(1)); nothing rolls.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when that day is past chrono's last date, which is past
    /// the calendar's last year too (CAL-4), naming the day asked for.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::CalendarDays;
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
    /// assert_eq!(CalendarDays::new(14).after(day)?, NaiveDate::from_ymd_opt(2025, 3, 15).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn after(self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        day.checked_add_days(Days::new(u64::from(self.get())))
            .ok_or_else(|| {
                let from = Day::from(day);
                CalendarError::OutOfRange {
                    // The day asked for, when it is a day number at all; the fallback only
                    // keeps this free of panics for counts beyond i32.
                    date: i32::try_from(self.get())
                        .ok()
                        .and_then(|n| from.checked_add(n))
                        .unwrap_or(from),
                    min: Calendar::MIN_DATE,
                    max: Calendar::MAX_DATE,
                }
            })
    }
}

/// The date of `instant` on the clock of `time_zone`: the shop's Paris clock (the calendar
/// crate's, which keeps the EU rule after 2099) or a region's.
///
/// # Errors
///
/// [`CalendarError::InstantOutOfRange`] when the instant cannot be read on the Paris clock
/// (the very ends of chrono's range); an instant Paris can read is far enough from them for
/// any other zone to read it too.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use chrono_tz::Tz;
/// use comptoir_calendar::{clock::Paris, period::local_date};
/// // 23:30 in Paris is still the afternoon of the same day in Martinique.
/// let at = Paris::at(2026, 7, 22, 23, 30, 0)?;
/// assert_eq!(local_date(&at, Tz::America__Martinique)?, NaiveDate::from_ymd_opt(2026, 7, 22).ok_or("date")?);
/// assert_eq!(local_date(&at, Tz::Europe__Paris)?, NaiveDate::from_ymd_opt(2026, 7, 22).ok_or("date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn local_date<Z: TimeZone>(
    instant: &DateTime<Z>,
    time_zone: Tz,
) -> Result<NaiveDate, CalendarError> {
    let paris = clock::paris_date(instant)?;
    if time_zone == PARIS {
        Ok(paris)
    } else {
        Ok(instant.with_timezone(&time_zone).date_naive())
    }
}

/// The first instant of `day` on the clock of `time_zone`.
fn start_of_day(day: NaiveDate, time_zone: Tz) -> Result<DateTime<FixedOffset>, CalendarError> {
    let midnight = day.and_time(NaiveTime::MIN);
    if time_zone == PARIS {
        // Paris changes its clocks at 02:00/03:00, never at midnight, so midnight always
        // exists exactly once and `Reject` cannot trigger.
        return clock::from_paris(midnight, clock::Ambiguity::Reject);
    }
    Ok(match time_zone.from_local_datetime(&midnight) {
        LocalResult::Single(at) => at.fixed_offset(),
        // Midnight happened twice: the day before ends when its clock reads midnight the
        // second time.
        LocalResult::Ambiguous(_, later) => later.fixed_offset(),
        // Midnight was skipped (none of the regions' zones has done so since 1900; the case
        // is handled so that no zone can make this fail): midnight read at the offset in
        // force a day earlier is at or after the change, so the day before has ended.
        LocalResult::None => {
            let day_before = midnight
                .checked_sub_days(Days::new(1))
                .ok_or(CalendarError::InstantOutOfRange)?;
            let offset = time_zone.offset_from_utc_datetime(&day_before).fix();
            let utc = midnight
                .checked_sub_offset(offset)
                .ok_or(CalendarError::InstantOutOfRange)?;
            Utc.from_utc_datetime(&utc)
                .with_timezone(&time_zone)
                .fixed_offset()
        }
    })
}

/// The last day of a period: something is on time when it happens before the end of that day,
/// on the deadline's clock (Paris for the shop's periods, the customer's region for the law's
/// withdrawal window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Deadline {
    period: Period,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    months: Option<Months>,
    event_day: NaiveDate,
    nominal_last_day: NaiveDate,
    last_day: NaiveDate,
    time_zone: Tz,
}

impl Deadline {
    /// The deadline of a period from `event_day` whose nominal last day is `nominal`, rolled
    /// as `period` says on `calendar`.
    fn ending(
        period: Period,
        months: Option<Months>,
        event_day: NaiveDate,
        nominal: NaiveDate,
        calendar: &Calendar,
        time_zone: Tz,
    ) -> Result<Deadline, CalendarError> {
        let last_day = match period.roll {
            Roll::NextBusinessDay => calendar.roll_forward(nominal)?,
            Roll::None => {
                calendar.is_business_day(nominal)?;
                nominal
            }
        };
        Ok(Deadline {
            period,
            months,
            event_day,
            nominal_last_day: nominal,
            last_day,
            time_zone,
        })
    }

    /// The period counted, in days: for a period of months ([`MonthsPeriod`]), the days
    /// those months last from the event.
    pub fn period(self) -> Period {
        self.period
    }

    /// The months counted, for a period of months ([`MonthsPeriod`]); `None` for a period of
    /// days.
    pub fn months(self) -> Option<Months> {
        self.months
    }

    /// The date of the event the period counts from (not itself counted), on the deadline's
    /// clock.
    pub fn event_day(self) -> NaiveDate {
        self.event_day
    }

    /// The event's day plus the period's days (or months), before any roll.
    pub fn nominal_last_day(self) -> NaiveDate {
        self.nominal_last_day
    }

    /// The last day, rolled to a business day where the period says so, on the deadline's
    /// clock.
    pub fn last_day(self) -> NaiveDate {
        self.last_day
    }

    /// True when the nominal last day was not a business day and the deadline moved.
    pub fn is_rolled(self) -> bool {
        self.last_day != self.nominal_last_day
    }

    /// The clock the days are read on: `Europe/Paris` for the shop's periods, and for the
    /// law's withdrawal window whichever of Paris's and the customer region's clocks ends it
    /// later. Paris is read as [`crate::clock`] reads it, which keeps the EU
    /// summer-time rule after 2099 where chrono-tz 0.10 stops; [`Deadline::closes_at`] gives
    /// the instant without that pitfall.
    pub fn time_zone(self) -> Tz {
        self.time_zone
    }

    /// The first instant after the deadline: midnight at the start of the day after the last
    /// day, on the deadline's clock. Anything at or after it is late.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when the next day is beyond the calendar's range.
    pub fn closes_at(self) -> Result<DateTime<FixedOffset>, CalendarError> {
        start_of_day(CalendarDays::new(1).after(self.last_day)?, self.time_zone)
    }

    /// Whether something happening at `at` is on time: before [`Deadline::closes_at`], i.e.
    /// on the last day or earlier, on the deadline's clock.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InstantOutOfRange`] when `at` cannot be read on the Paris clock (the
    /// very ends of chrono's range).
    pub fn is_on_time<Z: TimeZone>(self, at: &DateTime<Z>) -> Result<bool, CalendarError> {
        Ok(local_date(at, self.time_zone)? <= self.last_day)
    }
}

impl fmt::Display for Deadline {
    /// `Monday 2025-03-17 (end of day, Paris time)`, or the zone's name for another clock:
    /// `Wednesday 2026-07-22 (end of day, America/Martinique time)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let zone = if self.time_zone == PARIS {
            "Paris"
        } else {
            self.time_zone.name()
        };
        write!(
            f,
            "{} (end of day, {zone} time)",
            self.last_day.format("%A %Y-%m-%d")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // RET-1: 14 days from a Monday end on the Monday two weeks later.
    #[test]
    fn event_day_is_not_counted() {
        let period = Period {
            days: CalendarDays::new(14),
            roll: Roll::None,
        };
        let d = period
            .deadline(ymd(2025, 3, 3), &Calendar::metropolitan())
            .unwrap();
        assert_eq!(d.last_day(), ymd(2025, 3, 17));
        assert!(!d.is_rolled());
    }

    // RET-1: the roll is a policy value; without it the last day is not moved.
    #[test]
    fn without_roll_a_sunday_stays_a_sunday() {
        let period = Period {
            days: CalendarDays::new(14),
            roll: Roll::None,
        };
        let d = period
            .deadline(ymd(2025, 3, 2), &Calendar::metropolitan())
            .unwrap();
        assert_eq!(d.last_day(), ymd(2025, 3, 16));
    }

    // RET-1: a window ends at the end of its last day, Paris time, even the night the clocks change.
    #[test]
    fn closes_at_midnight_paris_even_on_dst_sunday() {
        let period = Period {
            days: CalendarDays::new(0),
            roll: Roll::None,
        };
        // Last day Saturday 2026-03-28: closes at Sunday 00:00 +01:00.
        let d = period
            .deadline(ymd(2026, 3, 28), &Calendar::metropolitan())
            .unwrap();
        assert_eq!(
            d.closes_at().unwrap().to_rfc3339(),
            "2026-03-29T00:00:00+01:00"
        );
    }

    // RET-5, PAY-5: a period of months ends on the same day number, rolls like one of days,
    // and says both its months and the days they last.
    #[test]
    fn months_period_counts_and_rolls_as_days_do() {
        let cal = Calendar::metropolitan();
        let guarantee = MonthsPeriod {
            months: Months::new(24),
            roll: Roll::None,
        };
        // Delivered Saturday 2024-03-16: two years later is Monday 2026-03-16.
        let d = guarantee.deadline(ymd(2024, 3, 16), &cal).unwrap();
        assert_eq!(d.last_day(), ymd(2026, 3, 16));
        assert_eq!(d.months(), Some(Months::new(24)));
        assert_eq!(d.period().days, CalendarDays::new(730));
        // One month from 2026-01-31 is Saturday 28 February: rolled, Monday 2 March.
        let rolled = MonthsPeriod {
            months: Months::new(1),
            roll: Roll::NextBusinessDay,
        }
        .deadline(ymd(2026, 1, 31), &cal)
        .unwrap();
        assert_eq!(rolled.nominal_last_day(), ymd(2026, 2, 28));
        assert_eq!(rolled.last_day(), ymd(2026, 3, 2));
        assert!(rolled.is_rolled());
        // A period of days says no months.
        let days = Period {
            days: CalendarDays::new(14),
            roll: Roll::None,
        }
        .deadline(ymd(2026, 1, 31), &cal)
        .unwrap();
        assert_eq!(days.months(), None);
        assert_eq!(
            guarantee.deadline(ymd(2199, 6, 1), &cal).unwrap_err(),
            CalendarError::OutOfRange {
                date: Day::from(ymd(2201, 6, 1)),
                min: Calendar::MIN_DATE,
                max: Calendar::MAX_DATE,
            }
        );
    }

    // RET-1, CAL-4: a window that leaves the calendar's years is an out-of-range error.
    #[test]
    fn out_of_range_is_an_error() {
        let period = Period {
            days: CalendarDays::new(30),
            roll: Roll::NextBusinessDay,
        };
        for event in [ymd(2200, 12, 20), NaiveDate::MAX] {
            match period.deadline(event, &Calendar::metropolitan()) {
                Err(e) => assert!(e.is_out_of_range(), "{e:?}"),
                other => panic!("{event}: {other:?}"),
            }
        }
    }

    // RET-1, CAL-4: a day past chrono's last date is reported as beyond the calendar's
    // range, naming the day asked for, not as an unreadable instant.
    #[test]
    fn a_day_past_the_last_date_is_out_of_range() {
        let err = CalendarDays::new(1).after(NaiveDate::MAX).unwrap_err();
        let CalendarError::OutOfRange { date, min, max } = err else {
            panic!("{err:?}");
        };
        assert_eq!(
            date,
            Day::from(NaiveDate::MAX).checked_add(1).unwrap(),
            "the day asked for"
        );
        assert_eq!((min, max), (Calendar::MIN_DATE, Calendar::MAX_DATE));
        assert_eq!(
            CalendarDays::new(14).after(ymd(2025, 3, 1)),
            Ok(ymd(2025, 3, 15))
        );
    }
}
