use core::fmt;

use chrono::{Datelike, NaiveDate};

/// Days between 0001-01-01 (day 1 of the common era for chrono) and 1970-01-01.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// A calendar day as a count of days since 1970-01-01, the compact form of a [`NaiveDate`].
///
/// Every calendar function accepts either a `NaiveDate` or a `Day` and answers in the same
/// form (see [`CalendarDate`]). Code that handles millions of dates, such as a data pipeline
/// computing dispatch days, keeps `Day`s and skips the year-month-day arithmetic that a
/// `NaiveDate` costs on every step.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::Day;
///
/// let date = NaiveDate::from_ymd_opt(2026, 5, 25).ok_or("date")?;
/// let day = Day::from(date);
/// assert_eq!(day.days_since_epoch(), 20_598);
/// assert_eq!(day.date(), Some(date));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(i32);

impl Day {
    /// The day `days` after 1970-01-01 (before it when negative).
    #[inline]
    pub const fn from_days_since_epoch(days: i32) -> Day {
        Day(days)
    }

    /// Days since 1970-01-01.
    #[inline]
    pub const fn days_since_epoch(self) -> i32 {
        self.0
    }

    /// The day `days` later (earlier when negative), unless that overflows.
    #[inline]
    pub const fn checked_add(self, days: i32) -> Option<Day> {
        match self.0.checked_add(days) {
            Some(d) => Some(Day(d)),
            None => None,
        }
    }

    /// The day as a `NaiveDate`, or `None` beyond chrono's range (about ±262 000 years).
    pub fn date(self) -> Option<NaiveDate> {
        self.0
            .checked_add(UNIX_EPOCH_FROM_CE)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
    }
}

impl From<NaiveDate> for Day {
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "chrono's dates span about ±2^18 years, far inside i32 days"
    )]
    fn from(date: NaiveDate) -> Day {
        Day(date.num_days_from_ce() - UNIX_EPOCH_FROM_CE)
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date() {
            Some(d) => write!(f, "Day({d})"),
            None => write!(f, "Day({} days since 1970-01-01)", self.0),
        }
    }
}

impl fmt::Display for Day {
    /// As the ISO date, `2026-05-25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date() {
            Some(d) => fmt::Display::fmt(&d, f),
            None => write!(f, "{} days since 1970-01-01", self.0),
        }
    }
}

impl core::str::FromStr for Day {
    type Err = crate::CalendarError;

    /// Reads the ISO date `Display` writes, `2026-05-25`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`](crate::CalendarError::Parse) for anything else.
    fn from_str(s: &str) -> Result<Day, crate::CalendarError> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            // chrono accepts a one-digit month or day; the written form has two.
            .filter(|d| d.format("%Y-%m-%d").to_string() == s)
            .map(Day::from)
            .ok_or_else(|| {
                crate::CalendarError::parse(crate::TextForm::Day, crate::TextProblem::NotTheForm)
            })
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "callers pass years within chrono's ±262 143: every term stays below 2^37"
)]
pub(crate) const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for chrono::NaiveDate {}
    impl Sealed for super::Day {}
}

/// A form of date the calendar accepts and answers in: [`NaiveDate`] or [`Day`].
///
/// Sealed: the calendar's range checks rely on the two conversions below.
pub trait CalendarDate: Copy + sealed::Sealed {
    /// The date as a [`Day`].
    fn to_day(self) -> Day;
    /// The date back from a [`Day`]; `None` beyond what the type can hold.
    fn from_day(day: Day) -> Option<Self>;

    /// The date back from a [`Day`], the type's first or last date beyond what it can hold:
    /// for values whose days are known to be in the calendar's range, with no error to carry.
    #[doc(hidden)]
    fn from_day_saturating(day: Day) -> Self;

    /// The date `days` later (earlier when negative); `None` beyond what the type can hold.
    /// Lets a form move by a difference when that is cheaper than building it anew.
    #[doc(hidden)]
    #[inline]
    fn moved_by(self, days: i32) -> Option<Self> {
        self.to_day().checked_add(days).and_then(Self::from_day)
    }

    /// The year and the day of the year (from 1), when the form holds them: the calendar
    /// then finds the date in its tables without counting days since an epoch.
    #[doc(hidden)]
    #[inline]
    fn year_and_ordinal(self) -> Option<(i32, u32)> {
        None
    }
}

impl CalendarDate for NaiveDate {
    #[inline]
    fn to_day(self) -> Day {
        Day::from(self)
    }

    #[inline]
    fn from_day(day: Day) -> Option<Self> {
        day.date()
    }

    #[inline]
    fn from_day_saturating(day: Day) -> Self {
        day.date().unwrap_or(if day.days_since_epoch() < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
    }

    /// chrono adds days within a year without a calendar computation, where building a date
    /// from a day count divides by 400-year cycles.
    #[inline]
    fn moved_by(self, days: i32) -> Option<Self> {
        // Within the year, only the day of the year changes (chrono's `with_ordinal` is
        // inlined; its general date arithmetic is a function call).
        if let Some(moved) = self
            .ordinal()
            .checked_add_signed(days)
            .and_then(|ordinal| self.with_ordinal(ordinal))
        {
            return Some(moved);
        }
        let steps = chrono::Days::new(u64::from(days.unsigned_abs()));
        if days >= 0 {
            self.checked_add_days(steps)
        } else {
            self.checked_sub_days(steps)
        }
    }

    #[inline]
    fn year_and_ordinal(self) -> Option<(i32, u32)> {
        Some((self.year(), self.ordinal()))
    }
}

impl CalendarDate for Day {
    #[inline]
    fn to_day(self) -> Day {
        self
    }

    #[inline]
    fn from_day(day: Day) -> Option<Self> {
        Some(day)
    }

    #[inline]
    fn from_day_saturating(day: Day) -> Self {
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // CAL-4: day numbers convert both ways over chrono's whole range.
    #[test]
    fn epoch_is_day_zero_and_conversions_round_trip() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1);
        assert_eq!(epoch.map(Day::from), Some(Day(0)));
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(Day::from(d).date(), Some(d));
        }
        assert_eq!(Day(i32::MAX).date(), None);
        assert_eq!(Day(i32::MIN).date(), None);
    }

    // CAL-4: a day's ISO form reads back; other forms are refused.
    #[test]
    fn iso_form_reads_back() {
        for days in [-25_567, -1, 0, 20_598, 84_370] {
            let day = Day(days);
            assert_eq!(day.to_string().parse::<Day>(), Ok(day));
        }
        for bad in ["", "2026-5-25", "25/05/2026", "2026-02-30", " 2026-05-25"] {
            assert!(bad.parse::<Day>().is_err(), "{bad:?}");
        }
    }
}
