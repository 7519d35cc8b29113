//! The customer's withdrawal: when the goods are received, how long the customer may
//! withdraw, whether a notice is on time, and what the shop does with a returned parcel
//! nobody announced.
//!
//! From the validation of an order on, the customer may withdraw from it without giving a
//! reason (C. conso L221-18). This crate decides the dates and the facts the withdrawal
//! turns on, on the shop's business calendar and the legal calendar
//! ([`comptoir_calendar`]) and the Paris clock:
//!
//! - **SHIP-2** the receipt of a parcel ([`Receipt`]): the instant the customer takes
//!   physical possession, which for a relay point or a post office is the collection, not
//!   the carrier's arrival scan (L221-18, L216-4); built by hand or from the dispatch
//!   tracking ([`Receipt::of_fulfilment`]);
//! - **RET-1** the withdrawal windows ([`WithdrawalWindows`]): the law's 14 days (L221-18) on
//!   the legal calendar of the customer's region, whatever the shop works or closes, ending no
//!   earlier than midnight on the customer's clock; the FAQ's 30 days on the shop's calendar,
//!   never closing before the law's; both counted from the day after possession of the last
//!   parcel (Regulation 1182/71, with [`comptoir_calendar::Period`]), and whether a notice
//!   sent at a given instant is on time, from the validation of the order on
//!   ([`NoticeTimeliness`]);
//! - the withdrawal policy and its lawful bounds ([`WithdrawalPolicy`]): a shop may lengthen
//!   the law's window, never shorten it or stop it rolling;
//! - **RET-3** returned parcels nobody announced or can identify ([`ParcelMatch`],
//!   [`ParcelDecision`], [`Disposal`]): matched to an order by order number, tracking number
//!   (the proof of shipment) or description, never guessed; held and recorded when unmatched,
//!   never destroyed without notice; sent back when neither a withdrawal nor agreed; never
//!   taken by hand. See [`ReturnedParcel`] and the section below.
//!
//! The refund that follows a withdrawal (its amount, its deadline, its surcharge when late) is
//! `comptoir-refund`'s, which builds on this crate. Nothing here reads the clock: every instant
//! is an argument, in any chrono time zone.
//!
//! The rule IDs are those of the [rules reference] (`docs/rules.md` in the repository).
//!
//! # Lawful by default
//!
//! Where the FAQ and mandatory consumer law disagree, the law decides, and no policy value
//! can make the crate break it (the rules of withdrawal are public order, L221-29). The
//! [legal notes] list, rule by rule, the article, what the law requires, what the FAQ says,
//! and what the crate does by default and allows. In short:
//!
//! - the law's withdrawal window rolls on the legal calendar of the customer's region
//!   ([`Calendar::legal`](comptoir_calendar::Calendar::legal)); a setting that would shorten
//!   it, or stop it rolling, is refused by [`WithdrawalPolicy::validate`] with
//!   [`WithdrawalError::UnlawfulPolicy`], naming the field and the article, and so is a stored
//!   policy when it is read;
//! - a notice is any unambiguous statement, from the validation of the order on, before or
//!   after the goods come back (Directive 2011/83 art. 9 and recital 40, L221-21).
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [legal notes]: ../comptoir/legal/index.html
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeZone};
//! use chrono_tz::Europe::Paris;
//! use comptoir_calendar::{Calendar, Region};
//! use comptoir_withdrawal::{NoticeTimeliness, Receipt, WithdrawalPolicy, WithdrawalWindows};
//!
//! let cal = Calendar::metropolitan();
//! let validated = Paris.with_ymd_and_hms(2025, 2, 26, 18, 5, 0).single().ok_or("instant")?;
//! let delivered = Paris.with_ymd_and_hms(2025, 3, 1, 10, 40, 0).single().ok_or("instant")?;
//! let windows = WithdrawalWindows::compute(
//!     &validated,
//!     &[Receipt::at_address(&delivered)],
//!     Region::Metropolitan,
//!     &WithdrawalPolicy::default(),
//!     &cal,
//! )?;
//!
//! // RET-1's worked example: received Saturday 2025-03-01 -> 14-day deadline Monday 17 March.
//! let ymd = |d| NaiveDate::from_ymd_opt(2025, 3, d).ok_or("date");
//! assert_eq!(windows.statutory().last_day(), ymd(17)?);
//!
//! let late_evening = Paris.with_ymd_and_hms(2025, 3, 17, 23, 30, 0).single().ok_or("instant")?;
//! assert_eq!(windows.notice(&late_evening)?, NoticeTimeliness::WithinStatutoryWindow);
//! // A notice before the parcel arrived was on time too.
//! let in_transit = Paris.with_ymd_and_hms(2025, 2, 27, 9, 0, 0).single().ok_or("instant")?;
//! assert_eq!(windows.notice(&in_transit)?, NoticeTimeliness::BeforeReceipt);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # A returned parcel without its form (RET-3)
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use comptoir_withdrawal::{
//!     Packaging, ParcelDecision, ParcelDescription, ParcelMatch, ParcelPolicy, ReturnCandidate,
//!     ReturnGround, ReturnedParcel,
//! };
//!
//! // A padded envelope with a unicorn sticker and a teapot inside, no form, no number.
//! let at = Utc.with_ymd_and_hms(2026, 6, 15, 9, 30, 0).single().ok_or("instant")?;
//! let seen = ParcelDescription::new(
//!     Some(Packaging::PaddedEnvelope),
//!     ["autocollant licorne"],
//!     ["theiere".parse()?],
//! )?;
//! let parcel = ReturnedParcel::by_carrier(&at).with_description(seen);
//!
//! // Two orders could be it: a withdrawal whose customer described the envelope, and an
//! // order of the same teapot with nothing announced.
//! let candidates = [
//!     ReturnCandidate::new("CMD41".parse()?, ReturnGround::Withdrawal).with_description(
//!         ParcelDescription::new(Some(Packaging::PaddedEnvelope), ["Autocollant licorne"], ["theiere".parse()?])?,
//!     ),
//!     ReturnCandidate::new("CMD42".parse()?, ReturnGround::None)
//!         .with_description(ParcelDescription::of_products(["theiere".parse()?])),
//! ];
//! let policy = ParcelPolicy::default();
//! let found = ParcelMatch::compute(&parcel, &candidates, &policy)?;
//! assert_eq!(found.order().map(|o| o.as_str()), Some("CMD41"));
//! assert!(!found.is_identified()); // a description is never enough on its own
//! let decision = ParcelDecision::compute(&parcel, &candidates, &policy)?;
//! assert!(matches!(decision, ParcelDecision::ConfirmWithCustomer { .. }));
//! assert!(decision.keeps_parcel());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run -p comptoir-withdrawal --example withdrawal_windows` follows one order's
//! parcels to its withdrawal deadlines.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`WithdrawalPolicy`] (read through its
//!   `validate`: an unlawful stored policy fails at load), [`Receipt`], the returned
//!   parcels' values ([`ReturnedParcel`], [`ParcelDescription`], [`ParcelPolicy`]...), each
//!   through its constructor's checks; `Serialize` only for computed results
//!   ([`WithdrawalWindows`], [`ParcelMatch`], [`ParcelDecision`]), which only the
//!   computations may build.
//! - `proptest`: the `strategies` module: receipts, withdrawal policies (lawful ones, and any
//!   values for checking what validation refuses), returned parcels and their candidates.
//!
//! No feature changes behaviour.
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
mod exceptions;
mod online;
mod policy;
mod receipt;
mod returned_parcel;
#[cfg(feature = "proptest")]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "test generators computing on small drawn ranges; not library code"
)]
pub mod strategies;
mod windows;

/// The periods and counts the windows are made of, from the calendar crate.
pub use comptoir_calendar::{CalendarDays, Deadline, Period, Roll};
pub use error::WithdrawalError;
pub use exceptions::{ItemCondition, OrderExceptions, WithdrawalException};
pub use online::{
    Acknowledgement, CONFIRM_LABEL_FR, ConfirmedWithdrawal, FunctionDue, OnlineWithdrawal,
    OnlineWithdrawalPolicy, ShownUntil, WITHDRAW_LABEL_FR, WithdrawalStatement, WithdrawnItems,
    how_to_withdraw_fr, model_notice_sentence_fr,
};
pub use policy::{LEGAL_DAYS, STATUTORY_WITHDRAWAL, WithdrawalPolicy};
pub use receipt::{Handover, Receipt};
pub use returned_parcel::{
    Arrival, DescriptionScore, Disposal, MatchConflict, MatchKey, OrderNumber, Packaging,
    ParcelDecision, ParcelDescription, ParcelMatch, ParcelPolicy, ReturnCandidate, ReturnGround,
    ReturnedParcel, TrackingNumber,
};
pub use windows::{NoticeTimeliness, WithdrawalWindows};
