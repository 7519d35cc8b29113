//! Customer service: when the phone line is open and when a written answer is due.
//!
//! The FAQ promises two things, both read on the Paris clock with the shop's calendar
//! (business days, CAL-1, from `comptoir-calendar`):
//!
//! - **[SUP-1] Phone hours.** "du lundi au jeudi de 9h à 13h et de 14h à 17h30 et le vendredi
//!   de 9h à 13h et de 14h à 17h", closed on weekends and public holidays.
//!   [`Support::is_open`], [`Support::line_status`] and [`Support::next_opening`] answer for
//!   any instant; the hours are data ([`PhoneHours`]) whose default is the FAQ's.
//! - **[SUP-2] Written answer.** "une réponse par email sous 24 heures (jours ouvrés)":
//!   [`Support::answer_due`] counts 24 hours on business days only, Friday 15:00 giving
//!   Monday 15:00. How the hours are counted is documented there.
//!
//! Nothing here reads a clock: every question takes the instant it is about.
//!
//! The rule IDs are those of the [rules reference] (`docs/rules.md` in the repository),
//! where each rule is stated in full.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use comptoir_support::{LineStatus, Support};
//!
//! let support = Support::faq();
//! // Thursday 30 April 2026, 17:15 in Paris (15:15 UTC): open until 17:30.
//! let thursday = Utc.with_ymd_and_hms(2026, 4, 30, 15, 15, 0).single().ok_or("instant")?;
//! assert!(support.is_open(&thursday)?);
//! // Friday 1 May is Labour Day: closed all day, the line opens again on Monday 4 May.
//! let may_day = Utc.with_ymd_and_hms(2026, 5, 1, 8, 0, 0).single().ok_or("instant")?;
//! match support.line_status(&may_day)? {
//!     LineStatus::Closed { opens_at } => assert_eq!(opens_at.to_rfc3339(), "2026-05-04T09:00:00+02:00"),
//!     LineStatus::Open { .. } => return Err("should be closed".into()),
//! }
//! // A message sent that Thursday evening is answered by Monday evening.
//! assert_eq!(support.answer_due(&thursday)?.to_rfc3339(), "2026-05-04T17:15:00+02:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A [`Support`] keeps its policy and calendar, given in that order
//! (`Support::new(policy, calendar)`), as every crate's computations take them last.
//! `cargo run -p comptoir-support --example phone_line` answers for a few moments of a week.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`SupportPolicy`], [`PhoneHours`], [`Slot`],
//!   [`BusinessHours`] and [`LineStatus`]; deserialising checks what the constructors check.
//! - `proptest`: the `strategies` module, generators of valid phone hours and policies.
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [SUP-1]: ../comptoir/rules/index.html#sup-1
//! [SUP-2]: ../comptoir/rules/index.html#sup-2
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

mod error;
mod hours;
mod service;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use error::SupportError;
pub use hours::{BusinessHours, PhoneHours, Slot, SupportPolicy};
pub use service::{LineStatus, Support};
