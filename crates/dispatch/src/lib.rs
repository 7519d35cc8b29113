//! When an order is taken into account and when it leaves the warehouse.
//!
//! "Toute commande passée après 11h ne sera prise en compte qu'à compter du jour ouvré
//! suivant", "nos équipes traitent et préparent votre commande sous 1 à 2 jours ouvrés",
//! "Expédition en 3 jours ouvrés": this crate turns those FAQ sentences into dates, on the
//! shop's calendar and the Paris clock ([`comptoir_calendar`]). It decides:
//!
//! - **DISP-1** the day `T` an order is taken into account: its Paris date when that is a
//!   business day and the Paris time is before 11:00:00, otherwise the next business day
//!   after that date (an order at exactly 11:00:00 is after the cutoff);
//! - **DISP-2** the expected dispatch window, `T + 1` to `T + 2` business days;
//! - **DISP-3** the promise: dispatched at the latest on `T + 3` business days, and late once
//!   that day has ended without a dispatch.
//!
//! The numbers are a [`DispatchPolicy`] whose default is the FAQ's.
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeZone};
//! use chrono_tz::Europe::Paris;
//! use comptoir_calendar::Calendar;
//! use comptoir_dispatch::DispatchPolicy;
//!
//! let cal = Calendar::metropolitan();
//! let policy = DispatchPolicy::default();
//! let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//!
//! // DISP-1's worked example: Saturday 23 May 2026 at 18:00 -> Tuesday 26
//! // (Monday 25 May is Whit Monday).
//! let ordered_at = Paris.with_ymd_and_hms(2026, 5, 23, 18, 0, 0).single().ok_or("instant")?;
//! let schedule = policy.schedule(&cal, &ordered_at)?;
//! assert_eq!(schedule.taken_into_account(), ymd(2026, 5, 26)?);
//! assert_eq!(schedule.expected_dispatch(), (ymd(2026, 5, 27)?, ymd(2026, 5, 28)?));
//! assert_eq!(schedule.dispatch_by(), ymd(2026, 5, 29)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`DispatchPolicy`] and [`DispatchSchedule`].
//! - `proptest`: the `strategies` module (dispatch policies).
//!
//! No feature changes behaviour.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod error;
mod policy;
mod schedule;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use error::DispatchError;
pub use policy::DispatchPolicy;
pub use schedule::DispatchSchedule;
