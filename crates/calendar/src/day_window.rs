use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::{CalendarDate, CalendarDays, CalendarError, Day, TextForm, TextProblem};

/// A window of days, both ends included: "expédiée sous 1 à 2 jours ouvrés", "remboursé
/// sous 3 à 5 jours ouvrés", the days a card may be debited.
///
/// The one shape every crate uses for "from this day to that day": the expected dispatch
/// (DISP-2), the expected refund (REF-2), the expected debit (PAY-3). [`DayWindow::new`]
/// refuses a window that ends before it starts, so a window that exists is one. The ends are
/// [`NaiveDate`]s by default, or [`Day`]s in pipelines.
///
/// `Display` is ISO 8601's interval of two dates, `2025-03-19/2025-03-21`; with `{:#}` it is
/// the friendlier `Wednesday 2025-03-19 to Friday 2025-03-21` (one weekday and date alone for
/// a one-day window). `FromStr` reads both forms, and serde uses the first, through the same
/// check as `new`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::DayWindow;
///
/// let ymd = |d| NaiveDate::from_ymd_opt(2025, 3, d).ok_or("date");
/// let refund = DayWindow::new(ymd(19)?, ymd(21)?)?;
/// assert_eq!((refund.earliest(), refund.latest()), (ymd(19)?, ymd(21)?));
/// assert!(refund.contains(ymd(20)?));
/// assert_eq!(refund.to_string(), "2025-03-19/2025-03-21");
/// assert_eq!(format!("{refund:#}"), "Wednesday 2025-03-19 to Friday 2025-03-21");
/// assert_eq!("2025-03-19/2025-03-21".parse::<DayWindow>()?, refund);
/// assert!(DayWindow::new(ymd(21)?, ymd(19)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayWindow<D = NaiveDate> {
    earliest: D,
    latest: D,
}

impl<D: CalendarDate + Ord> DayWindow<D> {
    /// The days from `earliest` to `latest`, both included.
    ///
    /// # Errors
    ///
    /// [`CalendarError::ReversedWindow`] when `latest` is before `earliest`.
    #[inline]
    pub fn new(earliest: D, latest: D) -> Result<DayWindow<D>, CalendarError> {
        if latest < earliest {
            return Err(reversed(earliest.to_day(), latest.to_day()));
        }
        Ok(DayWindow { earliest, latest })
    }

    /// Whether `day` is in the window, ends included.
    pub fn contains(self, day: D) -> bool {
        self.earliest <= day && day <= self.latest
    }
}

impl<D: CalendarDate> DayWindow<D> {
    /// The window of one day.
    pub fn single(day: D) -> DayWindow<D> {
        DayWindow {
            earliest: day,
            latest: day,
        }
    }

    /// The first day.
    #[inline]
    pub fn earliest(self) -> D {
        self.earliest
    }

    /// The last day.
    #[inline]
    pub fn latest(self) -> D {
        self.latest
    }

    /// The number of days in the window, ends included: 1 for a one-day window.
    pub fn day_count(self) -> CalendarDays {
        // Two i32 day numbers in order differ by less than 2^32.
        i64::from(self.latest.to_day().days_since_epoch())
            .checked_sub(i64::from(self.earliest.to_day().days_since_epoch()))
            .and_then(|days| days.checked_add(1))
            .and_then(|days| CalendarDays::try_from(days).ok())
            .unwrap_or(CalendarDays::MAX)
    }

    /// The same window with its ends as [`NaiveDate`]s.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] for a [`Day`] beyond chrono's dates (about ±262 000
    /// years), which no calendar computation gives.
    pub fn to_dates(self) -> Result<DayWindow<NaiveDate>, CalendarError> {
        let date = |d: D| {
            let day = d.to_day();
            day.date().ok_or(CalendarError::OutOfRange {
                date: day,
                min: NaiveDate::MIN,
                max: NaiveDate::MAX,
            })
        };
        // The conversion keeps the order: no check needed.
        Ok(DayWindow {
            earliest: date(self.earliest)?,
            latest: date(self.latest)?,
        })
    }

    /// The same window with its ends as [`Day`]s.
    pub fn to_days(self) -> DayWindow<Day> {
        DayWindow {
            earliest: self.earliest.to_day(),
            latest: self.latest.to_day(),
        }
    }
}

#[cold]
fn reversed(earliest: Day, latest: Day) -> CalendarError {
    CalendarError::ReversedWindow { earliest, latest }
}

impl<D: CalendarDate> fmt::Display for DayWindow<D> {
    /// `2025-03-19/2025-03-21`; with `{:#}`, `Wednesday 2025-03-19 to Friday 2025-03-21`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (earliest, latest) = (self.earliest.to_day(), self.latest.to_day());
        if !f.alternate() {
            return write!(f, "{earliest}/{latest}");
        }
        let friendly = |day: Day, f: &mut fmt::Formatter<'_>| match day.date() {
            Some(date) => write!(f, "{}", date.format("%A %Y-%m-%d")),
            None => write!(f, "{day}"),
        };
        friendly(earliest, f)?;
        if latest != earliest {
            f.write_str(" to ")?;
            friendly(latest, f)?;
        }
        Ok(())
    }
}

impl<D: CalendarDate + Ord> FromStr for DayWindow<D> {
    type Err = CalendarError;

    /// Reads `2025-03-19/2025-03-21` (ISO 8601 dates, no spaces) or the `{:#}` form,
    /// `Wednesday 2025-03-19 to Friday 2025-03-21` or `Wednesday 2025-03-19`, whose weekdays
    /// must be those of the dates.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for another form, a date that does not exist or a weekday
    /// that is not the date's; [`CalendarError::ReversedWindow`] when the window ends before
    /// it starts.
    fn from_str(s: &str) -> Result<DayWindow<D>, CalendarError> {
        let fail = |problem| CalendarError::parse(TextForm::DayWindow, problem);
        let (earliest, latest) = if let Some((a, b)) = s.split_once('/') {
            (iso_date(a).map_err(fail)?, iso_date(b).map_err(fail)?)
        } else {
            let (a, b) = s.split_once(" to ").unwrap_or((s, s));
            let read = |part: &str| friendly_date(part).map_err(fail);
            (read(a)?, read(b)?)
        };
        let form =
            |date: NaiveDate| D::from_day(Day::from(date)).ok_or(fail(TextProblem::NoSuchDate));
        DayWindow::new(form(earliest)?, form(latest)?)
    }
}

/// `YYYY-MM-DD` exactly: four-digit year, two-digit month and day.
fn iso_date(s: &str) -> Result<NaiveDate, TextProblem> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(TextProblem::NotTheForm);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| TextProblem::NoSuchDate)
}

/// `Wednesday 2025-03-19`, the weekday checked against the date.
fn friendly_date(s: &str) -> Result<NaiveDate, TextProblem> {
    let (weekday, date) = s.split_once(' ').ok_or(TextProblem::NotTheForm)?;
    let named = WEEKDAYS
        .iter()
        .find(|(name, _)| *name == weekday)
        .map(|(_, w)| *w)
        .ok_or(TextProblem::NotTheForm)?;
    let date = iso_date(date)?;
    if named != date.weekday() {
        return Err(TextProblem::WrongWeekday);
    }
    Ok(date)
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

#[cfg(feature = "serde")]
impl<D: CalendarDate> serde::Serialize for DayWindow<D> {
    /// As the ISO 8601 interval, `"2025-03-19/2025-03-21"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de, D: CalendarDate + Ord> serde::Deserialize<'de> for DayWindow<D> {
    /// From the ISO 8601 interval (or the friendly form), checked as [`DayWindow::new`] does.
    fn deserialize<De: serde::Deserializer<'de>>(deserializer: De) -> Result<Self, De::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    // DISP-2, REF-2: a window is one only when it does not end before it starts.
    #[test]
    fn reversed_windows_are_refused() {
        let w = DayWindow::new(ymd(2025, 3, 19), ymd(2025, 3, 19));
        assert_eq!(w.map(DayWindow::day_count), Ok(CalendarDays::new(1)));
        assert_eq!(
            DayWindow::new(ymd(2025, 3, 20), ymd(2025, 3, 19)),
            Err(CalendarError::ReversedWindow {
                earliest: Day::from(ymd(2025, 3, 20)),
                latest: Day::from(ymd(2025, 3, 19)),
            })
        );
        assert!(
            "2025-03-20/2025-03-19"
                .parse::<DayWindow>()
                .is_err_and(|e| matches!(e, CalendarError::ReversedWindow { .. }))
        );
    }

    // DISP-2, REF-2: both text forms read back; a one-day window is one date when friendly.
    #[test]
    fn both_text_forms_read_back() {
        let w = DayWindow::new(ymd(2025, 3, 19), ymd(2025, 3, 21))
            .unwrap_or(DayWindow::single(ymd(2025, 3, 19)));
        assert_eq!(w.to_string().parse::<DayWindow>(), Ok(w));
        assert_eq!(format!("{w:#}").parse::<DayWindow>(), Ok(w));
        let one = DayWindow::single(Day::from(ymd(2026, 5, 26)));
        assert_eq!(format!("{one:#}"), "Tuesday 2026-05-26");
        assert_eq!(one.to_string(), "2026-05-26/2026-05-26");
        assert_eq!("Tuesday 2026-05-26".parse::<DayWindow<Day>>(), Ok(one));
        assert_eq!(one.to_dates().map(DayWindow::to_days), Ok(one));
    }

    // DISP-2, REF-2: anything but the two forms is a typed error saying what is wrong.
    #[test]
    fn malformed_windows_are_refused() {
        let problem = |s: &str| match s.parse::<DayWindow>() {
            Err(CalendarError::Parse { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(
            problem("2025-02-30/2025-03-01"),
            Some(TextProblem::NoSuchDate)
        );
        assert_eq!(
            problem("Thursday 2025-03-19 to Friday 2025-03-21"),
            Some(TextProblem::WrongWeekday)
        );
        assert_eq!(
            problem("2025-3-19/2025-03-21"),
            Some(TextProblem::NotTheForm)
        );
        for bad in [
            "",
            "2025-03-19",
            "2025-03-19/",
            "2025-3-19/2025-03-21",
            "2025-03-19 / 2025-03-21",
            "2025-03-19/2025-03-21/2025-03-22",
            "2025-02-30/2025-03-01",
            "Thursday 2025-03-19 to Friday 2025-03-21",
            "wednesday 2025-03-19",
            "Wednesday 2025-03-19 until Friday 2025-03-21",
            "+2025-03-19/2025-03-21",
        ] {
            assert!(
                bad.parse::<DayWindow>().is_err_and(|e| e.is_parse()),
                "{bad:?}"
            );
        }
    }
}
