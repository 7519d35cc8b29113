//! Invariants of an order after validation (DISP-4, DISP-5, SHIP-2) over generated orders,
//! parcel plans and sequences of events, valid or not.

use chrono::TimeDelta;
use comptoir_calendar::{Calendar, strategies as cal_strategies};
use comptoir_dispatch::strategies;
use comptoir_dispatch::{
    DispatchError, DispatchForecast, DispatchSchedule, Fulfilment, ParcelId, ParcelState,
};
use proptest::prelude::*;

/// Every line's units add up to the units ordered, and no parcel counts more units of a line
/// than it was packed with.
fn conserves_units(f: &Fulfilment) -> Result<(), TestCaseError> {
    for l in f.lines() {
        let accounted = l.pending()
            + l.unavailable()
            + l.awaiting_restock()
            + l.cancelled()
            + l.claimed()
            + l.in_parcels();
        prop_assert_eq!(accounted, l.ordered(), "line {:?}", l.line());
        prop_assert!(l.received() <= l.in_parcels());
        let carried: u32 = f.parcels().iter().map(|p| p.effective(l.line())).sum();
        prop_assert_eq!(carried, l.in_parcels());
        for p in f.parcels() {
            prop_assert!(p.effective(l.line()) <= p.carried(l.line()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    // DISP-5: packing a plan that splits the order over several parcels carries each ordered
    // unit exactly once; nothing is left to pack, and one more unit is refused.
    #[test]
    fn disp5_an_orders_parcels_carry_each_ordered_unit_exactly_once(
        (order, plan) in strategies::validated_order(5)
            .prop_flat_map(|order| {
                let plan = strategies::parcel_plan(&order, 4);
                (Just(order), plan)
            }),
    ) {
        let mut f = Fulfilment::new(&order);
        let at = order.validated_at();
        for (i, contents) in plan.iter().enumerate() {
            f.pack(format!("P{i}").parse()?, contents.clone(), &at)?;
        }
        for line in order.evaluated_lines() {
            let carried: u32 = f.parcels().iter().map(|p| p.carried(line.line())).sum();
            prop_assert_eq!(carried, line.quantity().get());
            let parcels_with_it = f.parcels().iter().filter(|p| p.carried(line.line()) > 0).count();
            prop_assert!(parcels_with_it >= 1);
            prop_assert_eq!(f.line(line.line()).map(|l| l.pending()), Some(0));
            let more = f.pack("EXTRA".parse()?, [(line.line().clone(), comptoir_promo::Quantity::ONE)], &at);
            let refused = matches!(more, Err(DispatchError::MoreUnitsThanPending { pending: 0, .. }));
            prop_assert!(refused, "{:?}", more);
        }
        conserves_units(&f)?;
    }

    // DISP-4, DISP-5, SHIP-2: whatever the sequence of events (unavailability, choices,
    // packing, tracking, losses, claims, incidents, out of order or not), a refused event
    // changes nothing, units are conserved, a unit is never in two parcels, and a parcel is
    // only ever received after it was dispatched.
    #[test]
    fn disp4_disp5_any_sequence_of_events_keeps_the_order_consistent(
        order in strategies::validated_order(4),
        steps in strategies::steps(4, 40),
    ) {
        let mut f = Fulfilment::new(&order);
        let mut at = order.validated_at();
        let mut accepted = 0;
        for (step, minutes) in steps {
            at = at.checked_add_signed(TimeDelta::minutes(minutes)).unwrap_or(at);
            let before = f.clone();
            match step.apply(&mut f, &order, at) {
                Ok(cancelled) => {
                    accepted += 1;
                    if let Some(units) = cancelled {
                        prop_assert!(!units.units().is_empty());
                        prop_assert_eq!(units.at(), at);
                    }
                }
                Err(_) => prop_assert_eq!(&f, &before, "refused {:?} changed the order", step),
            }
            conserves_units(&f)?;
            for p in f.parcels() {
                if let (Some(possession), Some(dispatched)) = (p.possession_at(), p.dispatched_at()) {
                    prop_assert!(dispatched <= possession);
                    prop_assert!(p.arrived_at().is_some_and(|a| a <= possession));
                }
                prop_assert_eq!(p.tracking().is_empty(), matches!(p.state(), ParcelState::Packed));
            }
            // Received in full means shipped in full (PAY-3 debits then), and after every
            // parcel that counts left.
            if let Some(received) = f.received_at() {
                prop_assert!(f.shipped_in_full_at().is_some());
                for p in f.parcels() {
                    if let (Some(dispatched), Some(_)) = (p.dispatched_at(), p.possession_at()) {
                        prop_assert!(dispatched <= received);
                    }
                }
            }
        }
        // The generator moves orders along: the property is not only about refusals.
        let _ = accepted;
    }

    // DISP-4: a busy period only ever lengthens a schedule, by exactly its amount counted in
    // business days, and says why; outside busy periods the forecast is the plain schedule.
    #[test]
    fn disp4_busy_periods_only_lengthen_and_say_why(
        instant in cal_strategies::instant_in_range(),
        policy in strategies::dispatch_policy(),
        peaks in strategies::peak_periods(40),
    ) {
        let cal = Calendar::metropolitan();
        let (Ok(plain), Ok(forecast)) = (
            DispatchSchedule::compute(&instant, &policy, &cal),
            DispatchForecast::compute(&instant, &policy, &peaks, &cal),
        ) else {
            return Ok(());
        };
        let schedule = forecast.schedule();
        prop_assert_eq!(schedule.taken_into_account(), plain.taken_into_account());
        match forecast.peak() {
            None => {
                prop_assert_eq!(schedule, plain);
                prop_assert!(peaks.on(plain.taken_into_account()).is_none());
            }
            Some(peak) => {
                prop_assert!(peak.days().contains(plain.taken_into_account()));
                let l = peak.lengthening();
                prop_assert_eq!(
                    schedule.dispatch_by(),
                    cal.add_business_days(plain.dispatch_by(), l.promise())?
                );
                prop_assert_eq!(
                    schedule.expected_dispatch().earliest(),
                    cal.add_business_days(plain.expected_dispatch().earliest(), l.preparation())?
                );
                prop_assert!(forecast.message_fr().contains(peak.name()));
            }
        }
    }

    // DISP-5: a tracking number reads back from what it displays.
    #[test]
    fn disp5_parcel_ids_read_back(id in "[A-Za-z0-9-]{1,40}") {
        let parsed: ParcelId = id.parse()?;
        prop_assert_eq!(parsed.to_string().parse::<ParcelId>()?, parsed);
    }
}

// DISP-5: the generated steps are not all refused: over many orders, parcels get dispatched,
// received and settled, and units get cancelled.
#[test]
fn disp5_generated_steps_move_orders_along() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let (mut received, mut cancelled, mut shipped) = (0, 0, 0);
    for _ in 0..200 {
        let order = strategies::validated_order(4)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let steps = strategies::steps(4, 40)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let mut f = Fulfilment::new(&order);
        let mut at = order.validated_at();
        for (step, minutes) in steps {
            at += TimeDelta::minutes(minutes);
            // Refusals are part of the mix; only where the orders end up is counted.
            step.apply(&mut f, &order, at).ok();
        }
        received += usize::from(f.parcels().iter().any(|p| p.possession_at().is_some()));
        cancelled += usize::from(f.lines().any(|l| l.cancelled() > 0));
        shipped += usize::from(f.shipped_in_full_at().is_some());
    }
    eprintln!("received {received}, cancelled {cancelled}, shipped {shipped}");
    assert!(received > 10, "{received} orders with a parcel received");
    assert!(cancelled > 20, "{cancelled} orders with a cancellation");
    assert!(shipped > 10, "{shipped} orders shipped in full");
}
