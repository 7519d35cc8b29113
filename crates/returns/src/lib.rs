//! After-sale dates and sums: withdrawal windows, refund deadlines, late-refund surcharges.
//!
//! Once an order's parcels have arrived the customer may withdraw, the shop must refund, and
//! a late refund costs more. This crate decides the dates and the surcharge, on the shop's
//! business calendar ([`comptoir_calendar`]) and Paris clock:
//!
//! - **RET-1** the withdrawal windows ([`WithdrawalWindows`]): the FAQ's 30 days and the law's
//!   14 (C. conso L221-18), counted from the day after the last parcel's receipt, a last day
//!   on a weekend, public holiday or shop closure moved to the next business day
//!   (Regulation 1182/71), and whether a notice sent at a given instant is on time;
//! - **REF-2** the refund deadlines ([`RefundDeadlines`]): the expected refund 3 to 5
//!   business days after the goods are checked, and the 14-day ceiling after the notice,
//!   deferred until the goods or a proof of shipment (L221-24) — [`RefundDue::Pending`] until
//!   one of them is known;
//! - **REF-3** the surcharge on a late refund ([`Surcharge`], L242-4): legal interest up to
//!   10 days late (pro rata by default, the rate once as a [`SurchargePolicy`] option), then
//!   5, 10, 20, 50 % and 5 more points per month, capped at the products' price; the legal
//!   interest the article adds after the cap is left to the caller.
//!
//! Every length, roll and switch is a policy value ([`ReturnsPolicy`]) whose `Default` is the
//! FAQ's. Nothing reads the clock: every instant is an argument, in any chrono time zone.
//!
//! The refund *amounts* after partial returns (REF-1) will join this crate later, on top of
//! the promotion engine; they will take the deadlines here as they are.
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeZone};
//! use chrono_tz::Europe::Paris;
//! use comptoir_calendar::Calendar;
//! use comptoir_returns::{NoticeTimeliness, ReturnsPolicy, WithdrawalWindows};
//!
//! let cal = Calendar::metropolitan();
//! let policy = ReturnsPolicy::default();
//! let validated = Paris.with_ymd_and_hms(2025, 2, 26, 18, 5, 0).single().ok_or("instant")?;
//! let received = Paris.with_ymd_and_hms(2025, 3, 1, 10, 40, 0).single().ok_or("instant")?;
//! let windows = WithdrawalWindows::compute(&validated, &[received], &policy.withdrawal, &cal)?;
//!
//! // RET-1's worked example: received Saturday 2025-03-01 -> 14-day deadline Monday 17 March.
//! let ymd = |d| NaiveDate::from_ymd_opt(2025, 3, d).ok_or("date");
//! assert_eq!(windows.statutory().last_day(), ymd(17)?);
//!
//! let late_evening = Paris.with_ymd_and_hms(2025, 3, 17, 23, 30, 0).single().ok_or("instant")?;
//! assert_eq!(windows.notice(&late_evening)?, NoticeTimeliness::WithinStatutoryWindow);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run -p comptoir-returns --example withdrawal_and_refund` follows one withdrawal from
//! the parcels to a late refund.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for the policies, [`RefundFacts`],
//!   [`LegalInterestRate`] and the small enums; `Serialize` only for computed results
//!   ([`Deadline`], [`WithdrawalWindows`], [`RefundDeadlines`], [`Surcharge`]), which only
//!   the computations may build.
//! - `proptest`: the `strategies` module: receipts, refund facts, policies, lateness and
//!   interest rates.
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
mod period;
mod policy;
mod refund_deadline;
#[cfg(feature = "proptest")]
pub mod strategies;
mod surcharge;
mod withdrawal;

/// The count of calendar days the periods and lateness use, from the calendar crate.
pub use comptoir_calendar::CalendarDays;
pub use error::ReturnsError;
pub use period::{Deadline, Period, Roll};
pub use policy::{Deferral, LEGAL_DAYS, RefundPolicy, ReturnsPolicy, WithdrawalPolicy};
pub use refund_deadline::{DeferredUntil, RefundDeadlines, RefundDue, RefundFacts};
pub use surcharge::{
    LegalInterestRate, LegalInterestReading, Surcharge, SurchargePolicy, SurchargeTier,
};
pub use withdrawal::{NoticeTimeliness, WithdrawalWindows};
