//! When an order is taken into account, when it leaves the warehouse, and what happens to it
//! until the customer has it.
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
//! After validation ("Plusieurs raisons peuvent justifier que votre commande n'ait pas été
//! expédiée", "commande incomplète"), it decides:
//!
//! - **[DISP-4]** a product unavailable at preparation: the e-mail the customer gets
//!   ([`UnavailabilityNotice`]), the choice between waiting for the restock, with a new
//!   expected dispatch ([`RestockWait::schedule`]), and a refund, which cancels the units
//!   ([`CancelledUnits`], refunded at their net paid amount by `comptoir-refund`'s
//!   ledger, REF-4); declared busy periods that lengthen the schedule and say why
//!   ([`PeakPeriods`], [`DispatchForecast`]); anomalies and technical incidents, a typed
//!   status with a reason ([`Incident`]);
//! - **[DISP-5]** the parcels an order expects and what each carries, their tracking, "another
//!   parcel is still to come" ([`Progress`]), a parcel lost before the customer had it (the
//!   shop's risk, L216-4) re-shipped or refunded, a wrong product taken back at the shop's
//!   cost and the ordered one re-shipped or refunded, and a missing item routed to another
//!   parcel, an unavailable product or a loss ([`MissingItem`]);
//! - **[SHIP-2]** receipt as physical possession: every parcel's carrier arrival and the
//!   customer's possession, the collection day for a post office or a relay point
//!   ([`ParcelReceipt`]);
//! - **L216-1, L216-6** the delivery deadline, 30 days after the contract without an agreed
//!   date ([`DeliveryDeadline`]), the customer's remedies at a given instant
//!   ([`DeliveryRemedies`]) and a termination that exists only when L216-6 allows it
//!   ([`Termination`]).
//!
//! One [`Fulfilment`] per order records these events, each checked against the order and
//! what came before: a parcel collected before it was dispatched, more units than the order
//! holds, an incident on a cancelled line, a termination before the deadline... is a typed
//! [`DispatchError`] that changes nothing.
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
//! answer in [`Day`](comptoir_calendar::Day)s. Whole batches go to [`dispatch_days_unix`] or
//! [`dispatch_days_utc`], which check the policy and build a [`DispatchTable`] of days once,
//! then fill the caller's buffers at table speed, with the same answers and errors (the
//! index of the first bad instant included). A [`DispatchSchedule`] holds day numbers and
//! builds a chrono date only when an accessor is read.
//!
//! `cargo run -p comptoir-dispatch --example dispatch_dates` prints the schedules of a few
//! orders around the cutoff, a weekend and public holidays;
//! `cargo run --example after_validation` (in the repository's root) follows one order with
//! an unavailable product and two parcels to the customer.
//!
//! # After validation
//!
//! ```
//! use comptoir_calendar::clock::Paris;
//! use comptoir_cart::{Cart, ColissimoDestination, CustomerId, Delivery, DeliveryService, Terms};
//! use comptoir_dispatch::{Fulfilment, Progress, TrackingEvent, TrackingKind};
//! use comptoir_promo::{Catalogue, EvaluationContext, Line, LineRef, Quantity};
//!
//! let validated_at = Paris::at(2026, 6, 1, 10, 0, 0)?;
//! let (catalogue, context) = (Catalogue::default(), EvaluationContext::new(validated_at));
//! let terms = Terms::new(&catalogue, &context);
//! let mut cart = Cart::new();
//! cart.add_line(Line::new("tea".parse()?, "the-vert".parse()?, "8.50".parse()?, Quantity::new(2)?)?, &terms)?;
//! cart.add_line(Line::new("cup".parse()?, "tasse".parse()?, "12.00".parse()?, Quantity::ONE)?, &terms)?;
//! let home = DeliveryService::Colissimo(ColissimoDestination::Home);
//! cart.choose_delivery(Delivery::new(home, "4.90".parse()?)?, &terms)?;
//! let order = cart.validate(CustomerId::new(42), &terms)?;
//!
//! let mut fulfilment = Fulfilment::new(&order);
//! let (tea, cup) = (LineRef::Item("tea".parse()?), LineRef::Item("cup".parse()?));
//! // DISP-4: the cup is unavailable; the customer chooses the refund.
//! let notice = fulfilment.report_unavailable(&cup, Quantity::ONE, &Paris::at(2026, 6, 2, 9, 0, 0)?)?;
//! assert!(notice.message_fr().contains("indisponible"));
//! let cancelled = fulfilment.refund_unavailable(&cup, &Paris::at(2026, 6, 2, 18, 0, 0)?)?;
//! assert_eq!(cancelled.units(), &[(cup, Quantity::ONE)]);
//!
//! // SHIP-2: the teas are held at the post office, then collected.
//! let parcel = "6A0001".parse()?;
//! fulfilment.pack("6A0001".parse()?, [(tea, Quantity::new(2)?)], &Paris::at(2026, 6, 3, 9, 0, 0)?)?;
//! for (kind, (d, h)) in [
//!     (TrackingKind::Dispatched, (3, 15)),
//!     (TrackingKind::HeldAtPostOffice, (4, 11)),
//!     (TrackingKind::Collected, (6, 10)),
//! ] {
//!     fulfilment.track(&parcel, TrackingEvent::new(kind, &Paris::at(2026, 6, d, h, 0, 0)?))?;
//! }
//! let receipt = &fulfilment.receipts()[0];
//! assert_eq!(receipt.arrived_at(), Paris::at(2026, 6, 4, 11, 0, 0)?);
//! assert_eq!(receipt.possession_at(), Some(Paris::at(2026, 6, 6, 10, 0, 0)?.into()));
//! assert!(matches!(fulfilment.progress(), Progress::Received { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`DispatchPolicy`] (checked when read),
//!   [`DispatchSchedule`] (its window as an ISO 8601 interval, `"2026-05-27/2026-05-28"`,
//!   checked by [`DispatchSchedule::new`]),
//!   busy periods, incidents, parcel identifiers, tracking events, formal notices and
//!   delivery facts (each checked when read as its constructor checks it); `Serialize` for
//!   the computed values (forecasts, parcels, receipts, remedies, terminations). A
//!   [`Fulfilment`] is not serialised: a back office stores the events it recorded and
//!   records them again on a new one.
//! - `proptest`: the `strategies` module (dispatch policies, busy periods, validated orders,
//!   parcel plans, sequences of steps after validation).
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [DISP-1]: ../comptoir/rules/index.html#disp-1
//! [DISP-2]: ../comptoir/rules/index.html#disp-2
//! [DISP-3]: ../comptoir/rules/index.html#disp-3
//! [DISP-4]: ../comptoir/rules/index.html#disp-4
//! [DISP-5]: ../comptoir/rules/index.html#disp-5
//! [SHIP-2]: ../comptoir/rules/index.html#ship-2
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

mod batch;
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

pub use batch::{DispatchTable, dispatch_days_unix, dispatch_days_utc};
pub use deadline::{
    DeliveryDeadline, DeliveryFacts, DeliveryRemedies, DeliveryStanding, FormalNotice,
    LEGAL_DELIVERY, LEGAL_DELIVERY_DAYS, Termination, TerminationBasis,
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
