//! CAL-5: the calendar as a `bdays::HolidayCalendar`, so code written against bdays uses it.

use bdays::HolidayCalendar;
use chrono::{Datelike, NaiveDate, Weekday};

use crate::Calendar;

impl HolidayCalendar<NaiveDate> for Calendar {
    /// Whether `date` is a public holiday or a declared closure.
    ///
    /// bdays' trait has no room for errors, so outside 1900 to 2200 this answers from the
    /// holiday rules themselves (the same rules the tables are built from), never a guess;
    /// prefer the inherent methods, which report such dates as errors (CAL-4).
    fn is_holiday(&self, date: NaiveDate) -> bool {
        match self.holiday(date) {
            Ok(found) => found.is_some(),
            Err(_) => self
                .public_holidays(date.year())
                .iter()
                .any(|(d, _)| *d == date),
        }
    }

    /// One table lookup inside the range instead of bdays' weekday test plus holiday search.
    fn is_bday(&self, date: NaiveDate) -> bool {
        match self.is_business_day(date) {
            Ok(open) => open,
            Err(_) => {
                !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
            }
        }
    }
}
