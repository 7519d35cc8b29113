//! Properties of the returned-parcel rules (RET-3), over parcels and candidate orders drawn
//! from small pools so that references and descriptions collide often.

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_calendar::{Calendar, CalendarDays};
use comptoir_withdrawal::strategies::{
    order_number, return_candidates, returned_parcel, tracking_number,
};
use comptoir_withdrawal::{
    Arrival, Disposal, OrderNumber, ParcelDecision, ParcelMatch, ParcelPolicy, TrackingNumber,
};
use proptest::prelude::*;

/// An instant from 2000 to 2190: deadlines months later stay inside the calendar's range.
fn instant_2000_to_2190() -> impl Strategy<Value = DateTime<Utc>> {
    let year = |y| {
        DateTime::parse_from_rfc3339(&format!("{y}-01-01T00:00:00Z"))
            .unwrap()
            .to_utc()
    };
    comptoir_calendar::strategies::instant_between(year(2000), year(2190))
}

fn policy() -> impl Strategy<Value = ParcelPolicy> {
    (1u32..=8, prop::option::of(1u32..=90)).prop_map(|(min, days)| ParcelPolicy {
        min_description_score: min,
        disposal_after_notice: days.map(CalendarDays::new),
    })
}

proptest! {
    // RET-3: a reference reads back from what it writes, and the separators and case people
    // copy it with do not change it.
    #[test]
    fn ret3_references_round_trip(order in order_number(), tracking in tracking_number()) {
        prop_assert_eq!(order.to_string().parse::<OrderNumber>().unwrap(), order.clone());
        prop_assert_eq!(tracking.to_string().parse::<TrackingNumber>().unwrap(), tracking.clone());
        let decorated = format!(" {}-{} ", &order.as_str()[..2].to_lowercase(), &order.as_str()[2..]);
        prop_assert_eq!(OrderNumber::new(decorated).unwrap(), order);
    }

    // RET-3: the match never depends on the order the candidates come in.
    #[test]
    fn ret3_matching_ignores_the_candidates_order(
        (parcel, candidates, policy) in instant_2000_to_2190().prop_flat_map(|at| {
            (returned_parcel(at), return_candidates(6), policy())
        })
    ) {
        let mut reversed = candidates.clone();
        reversed.reverse();
        prop_assert_eq!(
            ParcelMatch::compute(&parcel, &candidates, &policy).unwrap(),
            ParcelMatch::compute(&parcel, &reversed, &policy).unwrap()
        );
    }

    // RET-3: only an exact reference identifies a parcel; a description at best makes it
    // probable, and whatever is not identified is kept (held or awaiting confirmation), never
    // processed or sent back on a guess. Hand deliveries are always refused.
    #[test]
    fn ret3_nothing_is_processed_on_a_guess(
        (parcel, candidates, policy) in instant_2000_to_2190().prop_flat_map(|at| {
            (returned_parcel(at), return_candidates(6), policy())
        })
    ) {
        let found = ParcelMatch::compute(&parcel, &candidates, &policy).unwrap();
        let decision = ParcelDecision::compute(&parcel, &candidates, &policy).unwrap();
        if let ParcelMatch::Identified { order, .. } = &found {
            let named_by_number = parcel.order_number() == Some(order);
            let named_by_tracking = parcel.tracking().is_some_and(|t| {
                candidates.iter().any(|c| c.order() == order && c.tracking().contains(t))
            });
            prop_assert!(named_by_number || named_by_tracking);
        }
        if parcel.arrival() == Arrival::ByHand {
            prop_assert_eq!(decision, ParcelDecision::RefuseHandDelivery);
        } else if found.is_identified() {
            prop_assert!(!decision.keeps_parcel());
            prop_assert_eq!(decision.order(), found.order());
        } else {
            prop_assert!(decision.keeps_parcel(), "{:?} -> {:?}", found, decision);
        }
        if let ParcelMatch::Probable { score, runner_up, .. } = found {
            prop_assert!(score.points() >= policy.min_description_score);
            prop_assert!(runner_up.is_none_or(|r| r.points() < score.points()));
        }
    }

    // RET-3: without a notice to its sender, a parcel is never disposed of, however long it
    // has been held and whatever the policy.
    #[test]
    fn ret3_no_disposal_without_notice(
        (parcel, policy, held_days) in instant_2000_to_2190().prop_flat_map(|at| {
            (returned_parcel(at), policy(), 0i64..=3_650)
        })
    ) {
        let later: DateTime<Utc> = parcel.received_at() + TimeDelta::days(held_days);
        let disposal = Disposal::compute(
            &parcel, None::<&DateTime<Utc>>, &later, &policy, &Calendar::metropolitan(),
        );
        prop_assert_eq!(disposal.unwrap(), Disposal::Keep);
    }
}
