use core::fmt;
use core::str::FromStr;

use crate::{CalendarDate, CalendarError, TextForm, TextProblem};

/// A number of calendar days, every day counted whatever its weekday: the law's delays
/// ("quatorze jours", C. conso L221-18), the spacing of instalments, the days a refund is late.
///
/// [`BusinessDays`](crate::BusinessDays) counts the shop's open days; this counts all of them.
/// Never negative; up to [`CalendarDays::MAX`].
///
/// `Display` writes `14 calendar days` (`1 calendar day`); `FromStr` reads that back, and a
/// bare number (`"14"`) as a configuration file writes it. With the `serde` feature the
/// count is a plain JSON number.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::CalendarDays;
///
/// let window = CalendarDays::new(14);
/// assert_eq!(window.get(), 14);
/// assert_eq!(window.to_string(), "14 calendar days");
/// assert_eq!("14 calendar days".parse::<CalendarDays>()?, window);
///
/// let due = NaiveDate::from_ymd_opt(2025, 3, 24).ok_or("date")?;
/// let paid = NaiveDate::from_ymd_opt(2025, 3, 29).ok_or("date")?;
/// assert_eq!(CalendarDays::between(due, paid)?, CalendarDays::new(5));
/// assert!(CalendarDays::between(paid, due).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct CalendarDays(u32);

impl CalendarDays {
    /// No day.
    pub const ZERO: CalendarDays = CalendarDays(0);

    /// The largest count, 4 294 967 295 days (about 11.7 million years): every date
    /// difference within the calendar's range fits, and sums of a few stay exact in `u64`.
    pub const MAX: CalendarDays = CalendarDays(u32::MAX);

    /// `days` calendar days.
    pub const fn new(days: u32) -> CalendarDays {
        CalendarDays(days)
    }

    /// The count.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// The days from `from` to `to`: 0 for the same day, 1 for the next one.
    ///
    /// # Errors
    ///
    /// [`CalendarError::NegativeDayCount`] when `to` is before `from`.
    pub fn between<D: CalendarDate>(from: D, to: D) -> Result<CalendarDays, CalendarError> {
        let (from, to) = (from.to_day(), to.to_day());
        // Two i32 day numbers in order differ by less than 2^32: the count always fits.
        i64::from(to.days_since_epoch())
            .checked_sub(i64::from(from.days_since_epoch()))
            .and_then(|days| u32::try_from(days).ok())
            .map(CalendarDays)
            .ok_or(CalendarError::NegativeDayCount { from, to })
    }
}

impl TryFrom<i64> for CalendarDays {
    type Error = CalendarError;

    /// # Errors
    ///
    /// [`CalendarError::InvalidDayCount`] below 0 or above [`CalendarDays::MAX`].
    fn try_from(days: i64) -> Result<CalendarDays, CalendarError> {
        u32::try_from(days)
            .map(CalendarDays)
            .map_err(|_| CalendarError::InvalidDayCount)
    }
}

impl From<u32> for CalendarDays {
    fn from(days: u32) -> CalendarDays {
        CalendarDays(days)
    }
}

impl From<CalendarDays> for u32 {
    fn from(days: CalendarDays) -> u32 {
        days.0
    }
}

impl fmt::Display for CalendarDays {
    /// `14 calendar days`, `1 calendar day`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 1 {
            f.write_str("1 calendar day")
        } else {
            write!(f, "{} calendar days", self.0)
        }
    }
}

impl FromStr for CalendarDays {
    type Err = CalendarError;

    /// Reads what `Display` writes (`14 calendar days`, `1 calendar day`) or a bare number
    /// (`14`).
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for anything else, a negative number included, and
    /// [`CalendarError::InvalidDayCount`] above [`CalendarDays::MAX`].
    fn from_str(s: &str) -> Result<CalendarDays, CalendarError> {
        let days = parse_count(s, TextForm::CalendarDays, "calendar day")?;
        if days < 0 {
            return Err(CalendarError::parse(
                TextForm::CalendarDays,
                TextProblem::Negative,
            ));
        }
        u32::try_from(days)
            .map(CalendarDays)
            .map_err(|_| CalendarError::parse(TextForm::CalendarDays, TextProblem::TooLarge))
    }
}

/// Reads `N`, `N unit` or `N units` (`unit` singular, e.g. `"calendar day"`): the text forms
/// of the day counts.
pub(crate) fn parse_count(
    input: &str,
    form: TextForm,
    unit: &'static str,
) -> Result<i64, CalendarError> {
    let fail = |problem| CalendarError::parse(form, problem);
    let trimmed = input.trim();
    let (number, rest) = match trimmed.split_once(' ') {
        Some((number, rest)) => (number, Some(rest)),
        None => (trimmed, None),
    };
    let digits = number.strip_prefix('-').unwrap_or(number);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail(TextProblem::NotTheForm));
    }
    if let Some(rest) = rest {
        let singular = rest.strip_suffix('s').unwrap_or(rest);
        if singular != unit {
            let other_unit = ["business day", "calendar day", "month"].contains(&singular);
            return Err(fail(if other_unit {
                TextProblem::WrongUnit
            } else {
                TextProblem::NotTheForm
            }));
        }
    }
    number.parse().map_err(|_| fail(TextProblem::TooLarge))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Day;
    use chrono::NaiveDate;

    // RET-1, REF-3, PAY-5: the text forms read back; bad ones are typed errors.
    #[test]
    fn text_forms_read_back_and_bad_ones_are_refused() {
        for days in [0, 1, 2, 14, 30, u32::MAX] {
            let d = CalendarDays::new(days);
            assert_eq!(d.to_string().parse::<CalendarDays>(), Ok(d));
            assert_eq!(days.to_string().parse::<CalendarDays>(), Ok(d));
        }
        assert_eq!(CalendarDays::new(1).to_string(), "1 calendar day");
        for bad in [
            "",
            "-1",
            "1.5",
            "14 business days",
            "14 days",
            "fourteen",
            "+3",
            "14 calendar days ago",
            "4294967296",
        ] {
            assert!(
                bad.parse::<CalendarDays>().is_err_and(|e| e.is_parse()),
                "{bad:?}"
            );
        }
        let problem = |s: &str| match s.parse::<CalendarDays>() {
            Err(CalendarError::Parse { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(problem("-1"), Some(TextProblem::Negative));
        assert_eq!(problem("14 business days"), Some(TextProblem::WrongUnit));
        assert_eq!(problem("4294967296"), Some(TextProblem::TooLarge));
        assert_eq!(problem("fourteen"), Some(TextProblem::NotTheForm));
    }

    // REF-3: a count between two days is never negative.
    #[test]
    fn between_counts_forward_only() {
        let d = |day| NaiveDate::from_ymd_opt(2025, 3, day).unwrap_or(NaiveDate::MIN);
        assert_eq!(CalendarDays::between(d(24), d(24)), Ok(CalendarDays::ZERO));
        assert_eq!(
            CalendarDays::between(d(24), d(29)),
            Ok(CalendarDays::new(5))
        );
        assert_eq!(
            CalendarDays::between(d(24), d(20)),
            Err(CalendarError::NegativeDayCount {
                from: Day::from(d(24)),
                to: Day::from(d(20))
            })
        );
        assert_eq!(
            CalendarDays::try_from(i64::from(u32::MAX) + 1),
            Err(CalendarError::InvalidDayCount)
        );
        assert_eq!(
            CalendarDays::try_from(-1i64),
            Err(CalendarError::InvalidDayCount)
        );
    }
}
