use core::fmt;
use core::str::FromStr;

use chrono::{Months as ChronoMonths, NaiveDate};

use crate::calendar_days::parse_count;
use crate::{Calendar, CalendarError, Day, TextForm, TextProblem};

/// A number of calendar months: the law's guarantee lengths ("deux ans", "vingt-quatre mois",
/// "six mois", C. conso L217-3, L217-13) and the instalments a month apart (PAY-5).
///
/// A period of months from an event ends on the day of the last month with the event day's
/// number, or on that month's last day when it has no such day (Regulation 1182/71 art.
/// 3(2)(c); Code de procédure civile art. 641): 24 months from 29 February 2024 end on 28
/// February 2026. [`MonthsPeriod`](crate::MonthsPeriod) gives such a period its roll and its
/// [`Deadline`](crate::Deadline).
///
/// `Display` writes `24 months` (`1 month`); `FromStr` reads that back, and a bare number.
/// With the `serde` feature it is a plain JSON number.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::Months;
///
/// let two_years = Months::new(24);
/// assert_eq!(two_years.to_string(), "24 months");
/// assert_eq!("24 months".parse::<Months>()?, two_years);
/// let leap = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("date")?;
/// assert_eq!(two_years.after(leap)?, NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Months(u32);

impl Months {
    /// No month.
    pub const ZERO: Months = Months(0);

    /// `months` months.
    pub const fn new(months: u32) -> Months {
        Months(months)
    }

    /// The count.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// The last day of a period of these months counted from `event_day`, not rolled.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when that day is past the last date chrono can
    /// represent (the calendar's own range is checked where the day is used).
    pub fn after(self, event_day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        // chrono keeps the day number and falls back to the month's last day, as the rule says.
        event_day
            .checked_add_months(ChronoMonths::new(self.0))
            .ok_or(CalendarError::OutOfRange {
                date: Day::from(event_day),
                min: Calendar::MIN_DATE,
                max: Calendar::MAX_DATE,
            })
    }
}

impl fmt::Display for Months {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 1 {
            f.write_str("1 month")
        } else {
            write!(f, "{} months", self.0)
        }
    }
}

impl FromStr for Months {
    type Err = CalendarError;

    /// Reads `"24 months"`, `"1 month"` or `"24"`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for anything else, a sign included.
    fn from_str(s: &str) -> Result<Months, CalendarError> {
        // Only ASCII digits: `u32::from_str` would also take a leading '+'.
        let months = parse_count(s, TextForm::Months, "month")?;
        if months < 0 {
            return Err(CalendarError::parse(
                TextForm::Months,
                TextProblem::Negative,
            ));
        }
        u32::try_from(months)
            .map(Months)
            .map_err(|_| CalendarError::parse(TextForm::Months, TextProblem::TooLarge))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // RET-5, L217-3: months keep the day number, or fall back to the month's last day.
    #[test]
    fn ret5_months_end_on_the_same_day_number_or_the_months_last() {
        let two_years = Months::new(24);
        assert_eq!(two_years.after(ymd(2026, 3, 10)).unwrap(), ymd(2028, 3, 10));
        assert_eq!(two_years.after(ymd(2024, 2, 29)).unwrap(), ymd(2026, 2, 28));
        assert_eq!(
            Months::new(6).after(ymd(2026, 8, 31)).unwrap(),
            ymd(2027, 2, 28)
        );
        assert_eq!(
            Months::ZERO.after(ymd(2026, 1, 31)).unwrap(),
            ymd(2026, 1, 31)
        );
        let err = Months::new(u32::MAX).after(ymd(2026, 1, 1)).unwrap_err();
        assert!(err.is_out_of_range(), "{err:?}");
    }

    // RET-5: the count reads back from what it writes, and refuses anything else.
    #[test]
    fn ret5_months_read_back() {
        for n in [0, 1, 6, 24, u32::MAX] {
            let m = Months::new(n);
            assert_eq!(m.to_string().parse::<Months>().unwrap(), m);
        }
        assert_eq!("12".parse::<Months>().unwrap(), Months::new(12));
        for bad in ["", "-1", "+3", "two years", "24 mois", "1.5", "99999999999"] {
            assert!(bad.parse::<Months>().is_err(), "{bad:?}");
        }
    }
}
