//! When an order is taken into account and when it leaves the warehouse.
//!
//! "Toute commande passée après 11h ne sera prise en compte qu'à compter du jour ouvré
//! suivant", "nos équipes traitent et préparent votre commande sous 1 à 2 jours ouvrés",
//! "Expédition en 3 jours ouvrés": this crate turns those FAQ sentences into dates, on the
//! shop's calendar and the Paris clock ([`comptoir_calendar`]). It decides:
//!
//! - **[DISP-1]** the day `T` an order is taken into account: its Paris date when that is a
//!   business day and the Paris time is before 11:00:00, otherwise the next business day
//!   after that date (an order at exactly 11:00:00 is after the cutoff);
//! - **[DISP-2]** the expected dispatch window, `T + 1` to `T + 2` business days;
//! - **[DISP-3]** the promise: dispatched at the latest on `T + 3` business days, and late once
//!   that day has ended without a dispatch.
//!
//! The numbers are a [`DispatchPolicy`] whose default is the FAQ's.
//!
//! The rule IDs are those of the [rules reference] (`docs/rules.md` in the repository),
//! where each rule is stated in full.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use comptoir_calendar::{clock::Paris, Calendar};
//! use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
//!
//! let cal = Calendar::metropolitan();
//! let policy = DispatchPolicy::default();
//! let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//!
//! // DISP-1's worked example: Saturday 23 May 2026 at 18:00 -> Tuesday 26
//! // (Monday 25 May is Whit Monday).
//! let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
//! let schedule = DispatchSchedule::compute(&ordered_at, &policy, &cal)?;
//! assert_eq!(schedule.taken_into_account(), ymd(2026, 5, 26)?);
//! assert_eq!(schedule.expected_dispatch().earliest(), ymd(2026, 5, 27)?);
//! assert_eq!(schedule.expected_dispatch().latest(), ymd(2026, 5, 28)?);
//! assert_eq!(schedule.dispatch_by(), ymd(2026, 5, 29)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every computation takes the order first, then the policy, then the calendar. Pipelines
//! that handle millions of orders from Unix timestamps read the clock once
//! ([`comptoir_calendar::clock::paris_time_from_unix`]) and call
//! [`DispatchSchedule::compute_on`] or [`DispatchPolicy::taken_and_dispatch_by_on`], which
//! answer in [`Day`](comptoir_calendar::Day)s.
//!
//! `cargo run -p comptoir-dispatch --example dispatch_dates` prints the schedules of a few
//! orders around the cutoff, a weekend and public holidays.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`DispatchPolicy`] (checked when read) and
//!   [`DispatchSchedule`] (its window as an ISO 8601 interval, `"2026-05-27/2026-05-28"`).
//! - `proptest`: the `strategies` module (dispatch policies).
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [DISP-1]: ../comptoir/rules/index.html#disp-1
//! [DISP-2]: ../comptoir/rules/index.html#disp-2
//! [DISP-3]: ../comptoir/rules/index.html#disp-3
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod deadline;
mod error;
mod french;
mod fulfilment;
mod incident;
mod parcel;
mod peak;
mod policy;
mod schedule;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use deadline::{
    DeliveryDeadline, DeliveryFacts, DeliveryRemedies, DeliveryStanding, FormalNotice,
    LEGAL_DELIVERY_DAYS, Termination, TerminationBasis,
};
pub use error::DispatchError;
pub use fulfilment::{
    CancelReason, CancelledUnits, Claim, ClaimId, ClaimKind, Fulfilment, IncidentId, LineProgress,
    MissingItem, Progress, Resolution, RestockWait, Settlement, UnavailabilityNotice,
};
pub use incident::{Incident, IncidentKind};
pub use parcel::{
    DropPoint, Parcel, ParcelId, ParcelReceipt, ParcelState, TrackingEvent, TrackingKind,
};
pub use peak::{DispatchForecast, Lengthening, PeakPeriod, PeakPeriods};
pub use policy::DispatchPolicy;
pub use schedule::DispatchSchedule;
