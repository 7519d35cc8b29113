//! Invariants of DISP-1..3 over generated instants, calendars and policies.

use comptoir_calendar::{BusinessDays, Calendar, clock, strategies as cal_strategies};
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule, strategies};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    // DISP-1: the day taken into account is a business day, never before the Paris date, and
    // the same day only when the order came before the cutoff.
    #[test]
    fn disp_1_taken_is_a_business_day_not_before_the_order(
        instant in prop_oneof![cal_strategies::instant_in_range(), cal_strategies::instant_near_dst_change()],
        calendar_policy in cal_strategies::calendar_policy(),
        policy in strategies::dispatch_policy(),
    ) {
        let cal = Calendar::new(&calendar_policy)?;
        let reading = clock::paris_time(&instant)?;
        let Ok(taken) = policy.taken_into_account(&instant, &cal) else {
            // Only at the very end of the range.
            prop_assert!(reading.date() >= Calendar::MAX_DATE - chrono::Days::new(40));
            return Ok(());
        };
        prop_assert!(cal.is_business_day(taken)?);
        prop_assert!(taken >= reading.date());
        // Taken the same day exactly when that day is open and the order came before the cutoff.
        let same_day = cal.is_business_day(reading.date())? && reading.time() < policy.cutoff;
        prop_assert_eq!(taken == reading.date(), same_day);
        // Otherwise it is the very next business day: none lies between the order and `taken`.
        if !same_day {
            prop_assert_eq!(taken, cal.next_business_day(reading.date())?);
        }
    }

    // DISP-1: around the cutoff (a second either side, the cutoff itself, summer-time
    // Sundays), an order is taken the same day exactly when that day is open and the order
    // came strictly before the cutoff; otherwise the next business day.
    #[test]
    fn disp_1_the_cutoff_decides_the_day_to_the_second(
        (policy, instant) in strategies::dispatch_policy()
            .prop_flat_map(|p| (Just(p), cal_strategies::instant_near_cutoff(p.cutoff))),
    ) {
        let cal = Calendar::metropolitan();
        let reading = clock::paris_time(&instant)?;
        let taken = policy.taken_into_account(&instant, &cal)?;
        let same_day = cal.is_business_day(reading.date())? && reading.time() < policy.cutoff;
        if same_day {
            prop_assert_eq!(taken, reading.date());
        } else {
            prop_assert_eq!(taken, cal.next_business_day(reading.date())?);
        }
    }

    // DISP-1: a later order is never taken into account earlier.
    #[test]
    fn disp_1_later_orders_are_never_taken_earlier(
        instant in cal_strategies::instant_in_range(),
        gap in 0i64..=10 * 86_400,
    ) {
        let cal = Calendar::metropolitan();
        let policy = DispatchPolicy::default();
        let later = instant + chrono::Duration::seconds(gap);
        if let (Ok(a), Ok(b)) = (policy.taken_into_account(&instant, &cal), policy.taken_into_account(&later, &cal)) {
            prop_assert!(a <= b);
        }
    }

    // DISP-2, DISP-3: the window and the promise are exactly their business days after T.
    #[test]
    fn disp_3_dispatch_by_is_exactly_the_promise_after_taken(
        instant in cal_strategies::instant_in_range(),
        policy in strategies::dispatch_policy(),
    ) {
        let cal = Calendar::metropolitan();
        if let Ok(s) = DispatchSchedule::compute(&instant, &policy, &cal) {
            let t = s.taken_into_account();
            prop_assert_eq!(cal.business_days_between(t, s.dispatch_by())?, policy.promise);
            prop_assert_eq!(cal.business_days_between(t, s.expected_dispatch().earliest())?, policy.preparation_min);
            prop_assert_eq!(cal.business_days_between(t, s.expected_dispatch().latest())?, policy.preparation_max);
            prop_assert!(s.expected_dispatch().earliest() <= s.expected_dispatch().latest());
            prop_assert!(s.expected_dispatch().latest() <= s.dispatch_by());
            if policy.promise > BusinessDays::ZERO {
                prop_assert!(cal.is_business_day(s.dispatch_by())?);
            }
        }
    }

    // DISP-1: the ParisTime entry point agrees with the instant one.
    #[test]
    fn disp_1_paris_time_and_instant_entry_points_agree(instant in cal_strategies::instant_in_range()) {
        let cal = Calendar::metropolitan();
        let policy = DispatchPolicy::default();
        let by_instant = policy.taken_into_account(&instant, &cal).ok();
        let by_reading = policy
            .taken_into_account_on(clock::paris_time_from_unix(instant.timestamp())?, &cal)
            .ok()
            .and_then(|d| d.date());
        prop_assert_eq!(by_instant, by_reading);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    // DISP-1, DISP-3: the one-walk entry point gives exactly what the day taken into account
    // and adding the promise to it give, errors included: on any calendar, with any cutoff
    // and any promise (negative, zero, beyond 64 days), and at the ends of the range.
    #[test]
    fn disp_3_taken_and_dispatch_by_agree_with_the_separate_functions(
        seconds in prop_oneof![
            cal_strategies::instant_in_range().prop_map(|t| t.timestamp()),
            cal_strategies::instant_near_dst_change().prop_map(|t| t.timestamp()),
            // The last weeks of the range and the first days past it (UTC and Paris).
            7_286_000_000i64..7_289_800_000,
            // The first days of the range.
            -2_208_992_400i64..-2_208_000_000,
        ],
        calendar_policy in cal_strategies::calendar_policy(),
        policy in strategies::dispatch_policy(),
        promise in prop_oneof![-3i32..=25, -300i32..=300],
    ) {
        let cal = Calendar::new(&calendar_policy)?;
        let policy = DispatchPolicy { promise: BusinessDays::new(promise), ..policy };
        let Ok(reading) = clock::paris_time_from_unix(seconds) else {
            return Ok(());
        };
        let separate = policy
            .taken_into_account_on(reading, &cal)
            .and_then(|taken| Ok((taken, cal.add_business_days(taken, policy.promise)?)));
        prop_assert_eq!(policy.taken_and_dispatch_by_on(reading, &cal), separate);
    }
}

// DISP-1..3: policies and schedules are stored as data and come back unchanged.
#[cfg(feature = "serde")]
#[test]
fn disp_policy_and_schedule_round_trip_through_json() {
    let policy = DispatchPolicy::default();
    let json = serde_json::to_string(&policy).unwrap();
    assert_eq!(
        json,
        r#"{"cutoff":"11:00:00","preparation_min":1,"preparation_max":2,"promise":3}"#
    );
    assert_eq!(
        serde_json::from_str::<DispatchPolicy>(&json).unwrap(),
        policy
    );
    let instant = chrono::DateTime::from_timestamp(1_768_471_199, 0).unwrap();
    let schedule = DispatchSchedule::compute(&instant, &policy, &Calendar::metropolitan()).unwrap();
    let json = serde_json::to_string(&schedule).unwrap();
    assert_eq!(
        json,
        r#"{"taken_into_account":"2026-01-15","expected_dispatch":"2026-01-16/2026-01-19","dispatch_by":"2026-01-20"}"#
    );
    assert_eq!(
        serde_json::from_str::<DispatchSchedule>(&json).unwrap(),
        schedule
    );
    // A stored schedule is checked: days out of order are refused.
    let reversed = r#"{"taken_into_account":"2026-01-15","expected_dispatch":"2026-01-19/2026-01-16","dispatch_by":"2026-01-20"}"#;
    assert!(serde_json::from_str::<DispatchSchedule>(reversed).is_err());
    let early_by = r#"{"taken_into_account":"2026-01-15","expected_dispatch":"2026-01-16/2026-01-19","dispatch_by":"2026-01-18"}"#;
    assert!(serde_json::from_str::<DispatchSchedule>(early_by).is_err());
}
