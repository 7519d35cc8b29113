//! [`proptest`](mod@proptest) strategies for dispatch policies, busy periods, validated
//! orders, parcel plans and sequences of events after validation; for order instants use
//! [`comptoir_calendar::strategies`].
//!
//! # Example
//!
//! ```
//! use comptoir_dispatch::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(policy in strategies::dispatch_policy())| {
//!     prop_assert!(policy.validate().is_ok());
//! });
//! ```

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use comptoir_calendar::{BusinessDays, DayWindow};
use comptoir_cart::strategies as cart;
use comptoir_cart::{Cart, CustomerId, Order, Terms};
use comptoir_promo::strategies as promo;
use comptoir_promo::{Catalogue, LineRef, Quantity};
use proptest::prelude::*;

use crate::{
    CancelledUnits, ClaimId, DispatchError, DispatchPolicy, DropPoint, Fulfilment, Incident,
    IncidentKind, Lengthening, ParcelId, ParcelState, PeakPeriod, PeakPeriods, Resolution,
    Settlement, TrackingEvent, TrackingKind,
};

/// A valid policy: any cutoff to the second, `0 ≤ min ≤ max ≤ promise ≤ 20`.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "sums of three small drawn ranges, at most 20"
)]
pub fn dispatch_policy() -> impl Strategy<Value = DispatchPolicy> {
    (0u32..86_400, 0i32..=5, 0i32..=5, 0i32..=10).prop_map(|(cutoff, min, extra, slack)| {
        DispatchPolicy {
            cutoff: NaiveTime::from_num_seconds_from_midnight_opt(cutoff, 0)
                .unwrap_or(NaiveTime::MIN),
            preparation_min: BusinessDays::new(min),
            preparation_max: BusinessDays::new(min + extra),
            promise: BusinessDays::new(min + extra + slack),
        }
    })
}

/// A valid lengthening: 0 to 5 more business days of preparation, the promise moving at least
/// as far.
#[allow(clippy::arithmetic_side_effects, reason = "at most 5 + 3")]
pub fn lengthening() -> impl Strategy<Value = Lengthening> {
    (0i32..=5, 0i32..=3).prop_filter_map("valid lengthening", |(p, extra)| {
        Lengthening::new(BusinessDays::new(p), BusinessDays::new(p + extra)).ok()
    })
}

/// Up to `max` busy periods in 2000..2190, none overlapping another: each starts after the
/// previous one ends.
pub fn peak_periods(max: usize) -> impl Strategy<Value = PeakPeriods> {
    proptest::collection::vec((1u32..=120, 0u32..=60, lengthening()), 0..=max).prop_map(|specs| {
        let mut periods = Vec::new();
        let mut start = NaiveDate::from_ymd_opt(2000, 1, 1);
        for (i, (gap, length, lengthening)) in specs.into_iter().enumerate() {
            let Some(from) = start.and_then(|d| d.checked_add_days(chrono::Days::new(gap.into())))
            else {
                break;
            };
            let Some(to) = from.checked_add_days(chrono::Days::new(length.into())) else {
                break;
            };
            if let Ok(days) = DayWindow::new(from, to)
                && let Ok(period) = PeakPeriod::new(format!("période {i}"), days, lengthening)
            {
                periods.push(period);
            }
            start = to.checked_add_days(chrono::Days::new(1));
        }
        PeakPeriods::new(periods).unwrap_or_default()
    })
}

/// A validated order of 1 to `max_lines` lines (1 to 5 units each), without offers, with a
/// delivery of any service, for customer 1; valid by construction, no case discarded. For an
/// order with offers applied, see
/// [`comptoir_cart::strategies::validated_order`].
pub fn validated_order(max_lines: usize) -> impl Strategy<Value = Order> {
    (
        promo::non_empty_lines(max_lines),
        cart::delivery(),
        promo::context(),
    )
        .prop_filter_map(
            "a cart of valid parts validates",
            |(lines, delivery, context)| {
                let catalogue = Catalogue::default();
                let terms = Terms::new(&catalogue, &context);
                let mut cart = Cart::new();
                for line in lines {
                    cart.add_line(line, &terms).ok()?;
                }
                cart.choose_delivery(delivery, &terms).ok()?;
                cart.validate(CustomerId::new(1), &terms).ok()
            },
        )
}

/// A plan of parcels for `order`: every unit of every line (gift lines included) in one of up
/// to `max_parcels` parcels, no parcel empty. Packing the plan carries each unit exactly once.
pub fn parcel_plan(
    order: &Order,
    max_parcels: usize,
) -> impl Strategy<Value = Vec<Vec<(LineRef, Quantity)>>> + use<> {
    let units: Vec<(LineRef, u32)> = order
        .evaluated_lines()
        .iter()
        .map(|l| (l.line().clone(), l.quantity().get()))
        .collect();
    let total: usize = units
        .iter()
        .map(|(_, n)| usize::try_from(*n).unwrap_or(0))
        .sum();
    let max_parcels = max_parcels.max(1);
    proptest::collection::vec(0..max_parcels, total).prop_map(move |choices| {
        let mut parcels: Vec<Vec<(LineRef, u32)>> = vec![Vec::new(); max_parcels];
        let mut choice = choices.iter();
        for (line, n) in &units {
            for _ in 0..*n {
                let Some(parcel) = choice.next().and_then(|c| parcels.get_mut(*c)) else {
                    continue;
                };
                match parcel.iter_mut().find(|(l, _)| l == line) {
                    Some((_, k)) => *k = k.saturating_add(1),
                    None => parcel.push((line.clone(), 1)),
                }
            }
        }
        parcels
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.into_iter()
                    .filter_map(|(l, n)| Quantity::new(n).ok().map(|q| (l, q)))
                    .collect()
            })
            .collect()
    })
}

/// One event after validation, as a property test drives a [`Fulfilment`]: lines and
/// parcels by index, so that a step names the order's lines (or, past their number, none),
/// units that may exceed what the line has. Valid or not: a refused step must change
/// nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Units of a line found unavailable.
    Unavailable {
        /// The line's index.
        line: usize,
        /// The units.
        units: u32,
    },
    /// The customer waits for the restock, expected a day later.
    WaitForRestock {
        /// The line's index.
        line: usize,
    },
    /// The stock is back.
    Restocked {
        /// The line's index.
        line: usize,
    },
    /// The customer chooses the refund of the unavailable units.
    RefundUnavailable {
        /// The line's index.
        line: usize,
    },
    /// A parcel packed with the given contents.
    Pack {
        /// The parcel's number (`P0`, `P1`...).
        parcel: u8,
        /// Line indices and units.
        contents: Vec<(usize, u32)>,
    },
    /// A parcel packed with every unit still to pack.
    PackEverything {
        /// The parcel's number.
        parcel: u8,
    },
    /// A tracking event; `None` is the parcel's natural next event (dispatched, then
    /// delivered or held, then collected).
    Track {
        /// The parcel's number.
        parcel: u8,
        /// The event, or the natural next one.
        kind: Option<TrackingKind>,
    },
    /// A loss settled by re-shipping in parcel `reship`, or by a refund.
    SettleLoss {
        /// The lost parcel's number.
        parcel: u8,
        /// The new parcel's number, or a refund.
        reship: Option<u8>,
    },
    /// A wrong product reported.
    WrongItem {
        /// The parcel's number.
        parcel: u8,
        /// The line's index.
        line: usize,
        /// The units.
        units: u32,
    },
    /// An item reported missing.
    Missing {
        /// The parcel's number.
        parcel: u8,
        /// The line's index.
        line: usize,
        /// The units.
        units: u32,
    },
    /// A claim settled by re-shipping in parcel `reship`, or by a refund.
    SettleClaim {
        /// The claim's number.
        claim: u32,
        /// The new parcel's number, or a refund.
        reship: Option<u8>,
    },
    /// An incident on a line, or on the whole order.
    Incident {
        /// The line's index, or the whole order.
        line: Option<usize>,
    },
}

fn line_ref(order: &Order, index: usize) -> Result<LineRef, DispatchError> {
    match order.evaluated_lines().get(index) {
        Some(line) => Ok(line.line().clone()),
        // Past the order's lines: a line the fulfilment does not know, for it to refuse.
        None => comptoir_promo::LineId::new("absent")
            .map(LineRef::Item)
            .map_err(|_| DispatchError::UnknownLine {
                line: "absent".into(),
            }),
    }
}

fn parcel_id(n: u8) -> Result<ParcelId, DispatchError> {
    ParcelId::new(&format!("P{n}"))
}

fn quantity(units: u32) -> Quantity {
    Quantity::new(units.max(1)).unwrap_or(Quantity::ONE)
}

impl Step {
    /// Applies the step to `fulfilment` of `order` at `at`; the units it cancelled, if any.
    ///
    /// # Errors
    ///
    /// The fulfilment's refusal of the step.
    pub fn apply(
        &self,
        fulfilment: &mut Fulfilment,
        order: &Order,
        at: DateTime<Utc>,
    ) -> Result<Option<CancelledUnits>, DispatchError> {
        let settled = |s: Settlement| match s {
            Settlement::Refunded(units) => Some(units),
            Settlement::Reshipped(_) => None,
        };
        match self {
            Step::Unavailable { line, units } => fulfilment
                .report_unavailable(&line_ref(order, *line)?, quantity(*units), &at)
                .map(|_| None),
            Step::WaitForRestock { line } => fulfilment
                .wait_for_restock(
                    &line_ref(order, *line)?,
                    at.checked_add_signed(TimeDelta::days(1)),
                    &at,
                )
                .map(|_| None),
            Step::Restocked { line } => fulfilment
                .restocked(&line_ref(order, *line)?, &at)
                .map(|_| None),
            Step::RefundUnavailable { line } => fulfilment
                .refund_unavailable(&line_ref(order, *line)?, &at)
                .map(Some),
            Step::Pack { parcel, contents } => {
                let contents = contents
                    .iter()
                    .map(|(l, n)| Ok((line_ref(order, *l)?, quantity(*n))))
                    .collect::<Result<Vec<(LineRef, Quantity)>, DispatchError>>()?;
                fulfilment
                    .pack(parcel_id(*parcel)?, contents, &at)
                    .map(|_| None)
            }
            Step::PackEverything { parcel } => {
                let contents: Vec<(LineRef, Quantity)> = fulfilment
                    .lines()
                    .filter_map(|l| {
                        Quantity::new(l.pending())
                            .ok()
                            .map(|q| (l.line().clone(), q))
                    })
                    .collect();
                fulfilment
                    .pack(parcel_id(*parcel)?, contents, &at)
                    .map(|_| None)
            }
            Step::Track { parcel, kind } => {
                let id = parcel_id(*parcel)?;
                let kind = match kind {
                    Some(kind) => *kind,
                    None => natural_next(fulfilment, &id, order),
                };
                fulfilment
                    .track(&id, TrackingEvent::new(kind, &at))
                    .map(|_| None)
            }
            Step::SettleLoss { parcel, reship } => fulfilment
                .settle_loss(&parcel_id(*parcel)?, resolution(*reship)?, &at)
                .map(settled),
            Step::WrongItem {
                parcel,
                line,
                units,
            } => fulfilment
                .report_wrong_item(
                    &parcel_id(*parcel)?,
                    &line_ref(order, *line)?,
                    quantity(*units),
                    &at,
                )
                .map(|_| None),
            Step::Missing {
                parcel,
                line,
                units,
            } => fulfilment
                .report_missing(
                    &parcel_id(*parcel)?,
                    &line_ref(order, *line)?,
                    quantity(*units),
                    &at,
                )
                .map(|_| None),
            Step::SettleClaim { claim, reship } => fulfilment
                .settle_claim(ClaimId::new(*claim), resolution(*reship)?, &at)
                .map(settled),
            Step::Incident { line } => {
                let mut incident =
                    Incident::new(IncidentKind::TechnicalIncident, "incident de test", &at)?;
                if let Some(line) = line {
                    incident = incident.concerning([line_ref(order, *line)?]);
                }
                fulfilment.report_incident(incident).map(|_| None)
            }
        }
    }
}

fn resolution(reship: Option<u8>) -> Result<Resolution, DispatchError> {
    Ok(match reship {
        Some(n) => Resolution::Reship(parcel_id(n)?),
        None => Resolution::Refund,
    })
}

/// The event that moves a parcel along its usual way: dispatched, then delivered or held
/// (by the order's service), then collected.
fn natural_next(fulfilment: &Fulfilment, id: &ParcelId, order: &Order) -> TrackingKind {
    let pickup = order.delivery().service() == comptoir_cart::DeliveryService::Pickup;
    match fulfilment.parcel(id).map(|p| p.state()) {
        Some(ParcelState::InTransit { .. }) if pickup => TrackingKind::ArrivedAtRelayPoint,
        Some(ParcelState::InTransit { dispatched_at }) => {
            // One parcel in four waits at the post office.
            if dispatched_at.timestamp() % 4 == 0 {
                TrackingKind::HeldAtPostOffice
            } else {
                TrackingKind::DeliveredToLetterbox
            }
        }
        Some(ParcelState::AwaitingCollection {
            at: DropPoint::PostOffice | DropPoint::RelayPoint,
            ..
        }) => TrackingKind::Collected,
        _ => TrackingKind::Dispatched,
    }
}

fn tracking_kind() -> impl Strategy<Value = TrackingKind> {
    prop_oneof![
        Just(TrackingKind::Dispatched),
        Just(TrackingKind::DeliveredToLetterbox),
        Just(TrackingKind::DeliveredAtWorkplace),
        Just(TrackingKind::HeldAtPostOffice),
        Just(TrackingKind::ArrivedAtRelayPoint),
        Just(TrackingKind::Collected),
        Just(TrackingKind::Lost),
    ]
}

/// Any step on an order of up to `lines` lines and up to 4 parcels, weighted towards the
/// steps that move an order along (packing, the natural tracking events).
pub fn step(lines: usize) -> impl Strategy<Value = Step> {
    // Mostly the first lines, which every order has; now and then one past the order's.
    let lines = lines.max(1);
    let line = prop_oneof![6 => 0..2usize, 3 => 0..lines, 1 => Just(lines.saturating_add(1))];
    let parcel = 0u8..4;
    let units = 1u32..=6;
    prop_oneof![
        3 => (line.clone(), units.clone()).prop_map(|(line, units)| Step::Unavailable { line, units }),
        1 => line.clone().prop_map(|line| Step::WaitForRestock { line }),
        1 => line.clone().prop_map(|line| Step::Restocked { line }),
        3 => line.clone().prop_map(|line| Step::RefundUnavailable { line }),
        2 => (parcel.clone(), proptest::collection::vec((line.clone(), units.clone()), 0..=3))
            .prop_map(|(parcel, contents)| Step::Pack { parcel, contents }),
        1 => parcel.clone().prop_map(|parcel| Step::PackEverything { parcel }),
        6 => (parcel.clone(), proptest::option::weighted(0.2, tracking_kind()))
            .prop_map(|(parcel, kind)| Step::Track { parcel, kind }),
        1 => (parcel.clone(), proptest::option::of(4u8..8))
            .prop_map(|(parcel, reship)| Step::SettleLoss { parcel, reship }),
        1 => (parcel.clone(), line.clone(), units.clone())
            .prop_map(|(parcel, line, units)| Step::WrongItem { parcel, line, units }),
        1 => (parcel.clone(), line.clone(), units)
            .prop_map(|(parcel, line, units)| Step::Missing { parcel, line, units }),
        1 => (0u32..3, proptest::option::of(8u8..12))
            .prop_map(|(claim, reship)| Step::SettleClaim { claim, reship }),
        1 => proptest::option::of(line).prop_map(|line| Step::Incident { line }),
    ]
}

/// Up to `max` steps on an order of up to `lines` lines, each with the minutes since the
/// previous one: mostly hours to days later, sometimes earlier (an event out of order).
pub fn steps(lines: usize, max: usize) -> impl Strategy<Value = Vec<(Step, i64)>> {
    proptest::collection::vec(
        (step(lines), prop_oneof![9 => 0i64..=4_000, 1 => -600i64..0]),
        0..=max,
    )
}
