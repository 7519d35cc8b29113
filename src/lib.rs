//! comptoir: the business rules of a French online shop, as pure Rust libraries.
//!
//! This crate gathers the rule crates under one name, so that an application depends on one
//! crate and imports one prelude. Each module is a crate of its own, usable alone:
//!
//! - [`money`]: euro amounts at cent scale, rounding and exact allocation;
//! - [`calendar`]: French business days and the Europe/Paris shop clock (CAL-1..5);
//! - [`dispatch`]: the 11:00 cutoff and dispatch dates, busy periods, unavailable products,
//!   parcels and their tracking, the legal delivery deadline (DISP-1..5, SHIP-2, L216-1,
//!   L216-6);
//! - [`promo`]: the promotion engine, offers as data, stacking and allocation, the prior price
//!   of an announced reduction (PROMO-1..6);
//! - [`cart`]: the open cart, its lock-in at validation and the frozen order of a customer
//!   (CART-1..3, SHIP-1, ACC-1);
//! - [`payment`]: payment methods, 3-D Secure attempts, debit at shipment, paying in 3x
//!   (PAY-1..7);
//! - [`withdrawal`]: the receipt of the goods, the withdrawal windows and the timeliness of a
//!   notice, the withdrawal policy and its lawful bounds, returned parcels nobody can identify
//!   (SHIP-2, RET-1, RET-3);
//! - [`refund`]: refund amounts after returns and cancellations, inspections and deductions,
//!   refund deadlines and ceiling, late-refund surcharges, the refund of products never
//!   delivered (REF-1..4, RET-2, RET-4, L216-7, L241-4);
//! - [`aftersales`]: after-sales under the legal guarantee of conformity, the case's states,
//!   deadlines and the customer's options (RET-5);
//! - [`support`]: customer-service phone hours and the written-answer deadline (SUP-1..2);
//! - [`account`]: registration form, profile changes, address book (ACC-1..4).
//!
//! The rule IDs are those of the [`rules`] reference (`docs/rules.md` in the repository),
//! where each rule is stated in full with how the crates read it. Where the shop's FAQ and
//! mandatory consumer law disagree, the law is the default and no setting can breach it: the
//! [`legal`] notes (`docs/legal.md`) give the articles.
//!
//! What it adds:
//!
//! - [`prelude`]: `use comptoir::prelude::*;` brings the types of the common path;
//! - [`Error`]: one error type with `From` for every crate's, its French message
//!   ([`Error::message_fr`]) and the predicates callers branch on ([`Error::is_locked`],
//!   [`Error::is_out_of_range`]...);
//! - [`Paris`]: instants from the Paris wall clock, `Paris::at(2026, 5, 23, 18, 0, 0)?`,
//!   refusing the times that do not exist or happened twice, without chrono-tz;
//! - [`chrono`] and [`chrono_tz`], re-exported at the versions the crates use, so that an
//!   application need not pin them itself (every function still takes a
//!   `chrono::DateTime` in any time zone, chrono-tz's included).
//!
//! # Example
//!
//! ```
//! use comptoir::prelude::*;
//!
//! fn debit_days(ordered_at: &DateTime<chrono::FixedOffset>) -> Result<DayWindow, comptoir::Error> {
//!     let debit = ExpectedDebit::compute(ordered_at, &DispatchPolicy::default(), &Calendar::metropolitan())?;
//!     Ok(debit.expected())
//! }
//!
//! let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
//! assert_eq!(debit_days(&ordered_at)?.to_string(), "2026-05-27/2026-05-28");
//! # Ok::<(), comptoir::Error>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: serde support in every rule crate.
//! - `proptest`: every rule crate's `strategies` module.
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
pub mod prelude;

/// The rules reference: every rule of the crates under its ID, as `docs/rules.md` in the
/// repository states it. Each ID is an anchor (`rules/index.html#disp-1`) the crates' pages
/// link to.
#[doc = include_str!("../docs/rules.md")]
pub mod rules {}

/// The legal notes: for each rule French consumer law constrains, the article, what the law
/// requires, what the FAQ says, and what the crates do by default and allow, as
/// `docs/legal.md` in the repository states it.
#[doc = include_str!("../docs/legal.md")]
pub mod legal {}

pub use chrono;
pub use chrono_tz;
pub use comptoir_account as account;
pub use comptoir_aftersales as aftersales;
pub use comptoir_calendar as calendar;
pub use comptoir_calendar::clock::Paris;
pub use comptoir_cart as cart;
pub use comptoir_dispatch as dispatch;
pub use comptoir_money as money;
pub use comptoir_payment as payment;
pub use comptoir_promo as promo;
pub use comptoir_refund as refund;
pub use comptoir_support as support;
pub use comptoir_withdrawal as withdrawal;
pub use error::Error;

/// The former `comptoir-returns` crate, split into [`withdrawal`] and [`refund`]: every name
/// it had, re-exported from where it went, for one release.
///
/// - from [`withdrawal`]: [`Receipt`](withdrawal::Receipt), [`Handover`](withdrawal::Handover),
///   [`WithdrawalWindows`](withdrawal::WithdrawalWindows),
///   [`NoticeTimeliness`](withdrawal::NoticeTimeliness),
///   [`WithdrawalPolicy`](withdrawal::WithdrawalPolicy), [`LEGAL_DAYS`](withdrawal::LEGAL_DAYS)
///   and the returned parcels ([`ParcelMatch`](withdrawal::ParcelMatch),
///   [`ParcelDecision`](withdrawal::ParcelDecision), [`ReturnedParcel`](withdrawal::ReturnedParcel)...);
/// - from [`calendar`]: [`Period`](calendar::Period), [`Deadline`](calendar::Deadline),
///   [`Roll`](calendar::Roll), [`CalendarDays`](calendar::CalendarDays);
/// - from [`refund`]: everything else (the ledger, the returns and cancellations, the
///   deadlines, the surcharges, the policies, the decisions); `ReturnsError` is
///   [`refund::RefundError`], which wraps [`withdrawal::WithdrawalError`];
/// - `strategies`: [`refund::strategies`], plus [`withdrawal::strategies`]' receipts,
///   withdrawal policies and parcels.
///
/// Stored values (serde) read and write as before.
#[deprecated(
    since = "0.1.0",
    note = "comptoir-returns is split: use comptoir::withdrawal (receipts, windows, parcels) and comptoir::refund (ledger, deadlines, surcharges)"
)]
pub mod returns {
    pub use comptoir_calendar::{CalendarDays, Deadline, Period, Roll};
    pub use comptoir_refund::RefundError as ReturnsError;
    pub use comptoir_refund::*;
    pub use comptoir_withdrawal::{
        Arrival, DescriptionScore, Disposal, Handover, LEGAL_DAYS, MatchConflict, MatchKey,
        NoticeTimeliness, OrderNumber, Packaging, ParcelDecision, ParcelDescription, ParcelMatch,
        ParcelPolicy, Receipt, ReturnCandidate, ReturnGround, ReturnedParcel, TrackingNumber,
        WithdrawalPolicy, WithdrawalWindows,
    };

    /// The former crate's property-test strategies: the refund crate's and the withdrawal
    /// crate's.
    #[cfg(feature = "proptest")]
    pub mod strategies {
        pub use comptoir_refund::strategies::*;
        pub use comptoir_withdrawal::strategies::{
            any_withdrawal_policy, order_number, order_receipts, packaging, parcel_description,
            receipt_after, return_candidate, return_candidates, returned_parcel, tracking_number,
            withdrawal_policy,
        };
    }
}

/// A result whose error is the umbrella [`Error`].
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// The README's Rust examples, compiled and run as documentation tests, so that the first
/// code a newcomer copies is known to build with the prelude.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExamples;
