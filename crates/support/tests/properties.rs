//! Invariants of the phone hours and the answer deadline (SUP-1, SUP-2).

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_calendar::{Calendar, strategies as cal};
use comptoir_support::{BusinessHours, Slot, Support, strategies};
use proptest::prelude::*;

/// Instants from 1980 to 2199: since 1976 French clocks change on Sunday nights only, which
/// is what makes business-day hours real hours (SUP-2's documented counting).
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        cal::instant_between(
            DateTime::parse_from_rfc3339("1980-01-01T00:00:00Z")
                .unwrap()
                .to_utc(),
            DateTime::parse_from_rfc3339("2200-01-01T00:00:00Z")
                .unwrap()
                .to_utc(),
        ),
        cal::instant_near_dst_change().prop_filter("1980-2199", |i| (1980..2200)
            .contains(&chrono::Datelike::year(i))),
    ]
}

proptest! {
    // SUP-1, SUP-2: slots and delays read back from what they display.
    #[test]
    fn slots_and_delays_round_trip(slots in strategies::day_slots(), delay in strategies::business_hours()) {
        for slot in slots {
            prop_assert_eq!(slot.to_string().parse::<Slot>()?, slot);
        }
        prop_assert_eq!(delay.to_string().parse::<BusinessHours>()?, delay);
    }

    // SUP-2
    #[test]
    fn answer_is_never_due_less_than_24_hours_after_the_message(sent in instant()) {
        let due = Support::faq().answer_due(&sent)?;
        prop_assert!(due.to_utc() - sent >= TimeDelta::hours(24), "{sent} -> {due}");
    }

    // SUP-1
    #[test]
    fn next_opening_is_after_the_instant_and_within_opening_hours(at in instant()) {
        let support = Support::faq();
        let opening = support.next_opening(&at)?;
        prop_assert!(opening > at);
        prop_assert!(support.is_open(&opening)?);
        // It is an opening: the line was closed just before.
        prop_assert!(!support.is_open(&(opening - TimeDelta::nanoseconds(1)))?);
    }

    // SUP-1: the status agrees with is_open, and says until when.
    #[test]
    fn line_status_agrees_with_is_open(at in instant()) {
        let support = Support::faq();
        let status = support.line_status(&at)?;
        prop_assert_eq!(status.is_open(), support.is_open(&at)?);
        if let comptoir_support::LineStatus::Open { closes_at } = status {
            prop_assert!(closes_at > at);
            prop_assert!(!support.is_open(&closes_at)?);
            prop_assert!(support.is_open(&(closes_at - TimeDelta::nanoseconds(1)))?);
        }
    }
}

/// The same invariants under any valid policy, with the crate's own generators.
mod any_policy {
    use super::*;
    use comptoir_support::strategies;

    proptest! {
        // SUP-2, any delay and any calendar policy.
        #[test]
        fn answer_is_never_due_before_the_delay(
            sent in instant(),
            policy in strategies::support_policy(),
            calendar in cal::calendar_policy(),
        ) {
            let support = Support::new(policy.clone(), Calendar::new(&calendar)?);
            if let Ok(due) = support.answer_due(&sent) {
                let hours = i64::from(policy.answer_within.get());
                prop_assert!(due.to_utc() - sent >= TimeDelta::hours(hours));
            }
        }

        // SUP-1, any valid hours.
        #[test]
        fn next_opening_holds_for_any_hours(at in instant(), policy in strategies::support_policy()) {
            let support = Support::new(policy, Calendar::metropolitan());
            if let Ok(opening) = support.next_opening(&at) {
                prop_assert!(opening > at);
                prop_assert!(support.is_open(&opening)?);
                prop_assert!(!support.is_open(&(opening - TimeDelta::nanoseconds(1)))?);
            }
        }
    }
}
