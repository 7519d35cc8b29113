//! French business days and the shop's Paris clock.
//!
//! The shop is closed on Saturdays, Sundays and public holidays ("nos services sont fermés le
//! samedi, dimanche et jours fériés"); every delay the FAQ gives in "jours ouvrés" (dispatch,
//! refunds, written answers) is counted on this calendar, and every cutoff is read on the
//! Europe/Paris clock. This crate decides:
//!
//! - **[CAL-1]** what a business day is: Monday to Friday, not a public holiday, not a closure
//!   the shop declares ([`Calendar`], [`CalendarPolicy`]);
//! - **[CAL-2]** the 11 national public holidays, Easter-based ones included, with the Whit
//!   Monday switch ([`Holiday`], [`easter_sunday`]);
//! - **[CAL-3]** the regional ones: Alsace-Moselle and the overseas regions, Saint-Martin and
//!   Saint-Barthélemy included, with customary days as a policy switch ([`Region`],
//!   [`LocalDays`]); the legal calendar of a customer's region for statutory periods
//!   ([`Calendar::legal`]);
//! - **[CAL-4]** the range, 1900-01-01 to 2200-12-31: outside it every method returns
//!   [`CalendarError::OutOfRange`], and nothing panics on any date chrono can represent;
//! - **[CAL-5]** interoperability: [`Calendar`] implements `bdays::HolidayCalendar<NaiveDate>`,
//!   with each of bdays' provided methods overridden: they read the tables, skip whole years
//!   beyond the range and saturate at chrono's last and first dates, where bdays' own panic;
//! - the shop clock ([`clock`], [Time]): instants to Paris wall-clock time and back, with an explicit
//!   choice or error for the spring gap and the autumn overlap ([`clock::Paris`] writes an
//!   instant as people say it, `Paris::at(2026, 5, 23, 18, 0, 0)?`, without chrono-tz).
//!
//! It also holds the shapes every rule crate shares for days: [`DayWindow`] ("from this day
//! to that day", both included), [`BusinessDays`] and [`CalendarDays`] (counts of open days
//! and of all days). Each prints a canonical text form that its `FromStr` reads back.
//!
//! Every calendar question (is it a business day, the next or previous one, add or subtract
//! N business days, count them between two days) is answered in constant time from bit tables
//! built once per calendar.
//!
//! The rule IDs are those of the [rules reference] (`docs/rules.md` in the repository),
//! where each rule is stated in full.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use comptoir_calendar::{BusinessDays, Calendar, Holiday};
//!
//! let cal = Calendar::metropolitan();
//! let whit_monday = NaiveDate::from_ymd_opt(2026, 5, 25).ok_or("date")?;
//! assert_eq!(cal.holiday(whit_monday)?, Some(Holiday::WhitMonday));
//! assert!(!cal.is_business_day(whit_monday)?);
//!
//! // Saturday 23 May 2026 + 1 business day is Tuesday 26 (DISP-1's worked example).
//! let saturday = NaiveDate::from_ymd_opt(2026, 5, 23).ok_or("date")?;
//! let tuesday = NaiveDate::from_ymd_opt(2026, 5, 26).ok_or("date")?;
//! assert_eq!(cal.add_business_days(saturday, BusinessDays::new(1))?, tuesday);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run -p comptoir-calendar --example business_days` prints a month of the calendar
//! and a few questions answered on it.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`CalendarPolicy`] (read through
//!   [`CalendarPolicy::validate`]), [`Region`], [`LocalDays`],
//!   [`Holiday`], [`BusinessDays`], [`CalendarDays`] (numbers), [`DayWindow`] (the ISO string
//!   `"2025-03-19/2025-03-21"`, checked as [`DayWindow::new`] does) and [`clock::Ambiguity`].
//! - `proptest`: the `strategies` module: days in range, windows of days, day counts,
//!   instants (DST changes included), calendar policies (legal ones included).
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [Time]: ../comptoir/rules/index.html#time
//! [CAL-1]: ../comptoir/rules/index.html#cal-1
//! [CAL-2]: ../comptoir/rules/index.html#cal-2
//! [CAL-3]: ../comptoir/rules/index.html#cal-3
//! [CAL-4]: ../comptoir/rules/index.html#cal-4
//! [CAL-5]: ../comptoir/rules/index.html#cal-5
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod bdays_interop;
mod business_days;
mod calendar;
mod calendar_days;
pub mod clock;
mod day;
mod day_window;
mod error;
pub mod french;
mod holidays;
pub mod law;
mod months;
pub mod period;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use business_days::BusinessDays;
pub use calendar::{BusinessDaysFrom, Calendar, CalendarPolicy};
pub use calendar_days::CalendarDays;
pub use day::{CalendarDate, Day};
pub use day_window::DayWindow;
pub use error::{CalendarError, TextForm, TextProblem};
pub use holidays::{Holiday, LocalDays, Region, easter_sunday, holidays_of_year};
pub use months::Months;
pub use period::{Deadline, MonthsPeriod, Period, Roll};
