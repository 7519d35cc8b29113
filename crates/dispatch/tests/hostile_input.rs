//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked, panicked or gave a wrong answer stays here,
//! fixed.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use comptoir_calendar::{BusinessDays, Calendar, CalendarError, DayWindow, clock};
use comptoir_dispatch::{DispatchError, DispatchPolicy, DispatchSchedule};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn negative_promise() -> DispatchPolicy {
    DispatchPolicy {
        cutoff: NaiveTime::from_hms_opt(11, 0, 0).unwrap(),
        preparation_min: BusinessDays::new(1),
        preparation_max: BusinessDays::new(1),
        promise: BusinessDays::new(-1),
    }
}

// DISP-3: a promise of -1 business day gave, for an order at 2041-10-27T02:29:38Z, the day
// taken 2041-10-28 and a dispatch-by day 2041-10-25, before the order. Every path that
// takes a policy now checks it with `validate`, the function deserialising calls.
#[test]
fn disp_3_a_negative_promise_is_refused_on_every_path() {
    let policy = negative_promise();
    let cal = Calendar::metropolitan();
    let ordered_at: DateTime<Utc> = Utc.with_ymd_and_hms(2041, 10, 27, 2, 29, 38).unwrap();
    let reading = clock::paris_time(&ordered_at).unwrap();
    let refused = DispatchError::InvalidPolicy {
        reason: "promise is below preparation_max",
    };
    assert_eq!(policy.validate(), Err(refused.clone()));
    assert_eq!(
        policy.taken_and_dispatch_by_on(reading, &cal),
        Err(refused.clone())
    );
    assert_eq!(
        policy.taken_into_account_on(reading, &cal),
        Err(refused.clone())
    );
    assert_eq!(
        policy.taken_into_account(&ordered_at, &cal),
        Err(refused.clone())
    );
    assert_eq!(
        DispatchSchedule::compute(&ordered_at, &policy, &cal),
        Err(refused.clone())
    );
    assert_eq!(
        DispatchSchedule::compute_on(reading, &policy, &cal),
        Err(refused)
    );

    // The same order under the FAQ's policy: nothing before the order.
    let (taken, by) = DispatchPolicy::default()
        .taken_and_dispatch_by_on(reading, &cal)
        .unwrap();
    assert_eq!(taken.date(), Some(ymd(2041, 10, 28)));
    assert!(by >= taken && taken >= reading.day());
}

// DISP-2: `{"preparation_min":4,"promise":19}` must not load with the maximum left at the
// default 2; a partial file is checked once the defaults are filled in.
#[cfg(feature = "serde")]
#[test]
fn disp_2_a_partial_stored_policy_is_checked_after_its_defaults() {
    let error = serde_json::from_str::<DispatchPolicy>(r#"{"preparation_min":4,"promise":19}"#)
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("preparation_max is below preparation_min"),
        "{error}"
    );
    let error = serde_json::from_str::<DispatchPolicy>(
        r#"{"cutoff":"11:00:00","preparation_min":1,"preparation_max":1,"promise":-1}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("promise is below preparation_max"),
        "{error}"
    );
    // The same file with its maximum is a valid policy, and reads back.
    let policy: DispatchPolicy =
        serde_json::from_str(r#"{"preparation_min":4,"preparation_max":4,"promise":19}"#).unwrap();
    assert_eq!(policy.validate(), Ok(()));
    let back: DispatchPolicy =
        serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);
}

// DISP-1..3: a stored schedule with a day on a weekend or outside the calendar's range
// deserialised, though no calendar gives one; it now reads through `DispatchSchedule::new`.
#[cfg(feature = "serde")]
#[test]
fn disp_3_a_stored_schedule_on_a_weekend_or_out_of_range_does_not_deserialise() {
    let json = |taken: &str, window: &str, by: &str| {
        format!(
            r#"{{"taken_into_account":"{taken}","expected_dispatch":"{window}","dispatch_by":"{by}"}}"#
        )
    };
    let good = json("2026-05-26", "2026-05-27/2026-05-28", "2026-05-29");
    let schedule: DispatchSchedule = serde_json::from_str(&good).unwrap();
    assert_eq!(serde_json::to_string(&schedule).unwrap(), good);

    for (bad, expected) in [
        // Saturday 30 May 2026 as the dispatch-by day, Sunday 24 May as the day taken.
        (
            json("2026-05-26", "2026-05-27/2026-05-28", "2026-05-30"),
            "Saturday or a Sunday",
        ),
        (
            json("2026-05-24", "2026-05-27/2026-05-28", "2026-05-29"),
            "Saturday or a Sunday",
        ),
        (
            json("2026-05-26", "2026-05-30/2026-06-01", "2026-06-01"),
            "Saturday or a Sunday",
        ),
        // Before 1900 and after 2200.
        (
            json("1899-12-29", "2026-05-27/2026-05-28", "2026-05-29"),
            "outside",
        ),
        (
            json("2026-05-26", "2026-05-27/2026-05-28", "2201-01-02"),
            "outside",
        ),
        (
            json("-2026-05-26", "2026-05-27/2026-05-28", "2026-05-29"),
            "outside",
        ),
        // Out of order.
        (
            json("2026-05-28", "2026-05-27/2026-05-28", "2026-05-29"),
            "not in order",
        ),
        (
            json("2026-05-26", "2026-05-27/2026-05-29", "2026-05-28"),
            "not in order",
        ),
    ] {
        let error = serde_json::from_str::<DispatchSchedule>(&bad).unwrap_err();
        assert!(error.to_string().contains(expected), "{bad}: {error}");
    }
}

// DISP-1..3: `DispatchSchedule::new` is what every computed schedule satisfies: every order
// of 2026, hour by hour, under policies from the tightest to a long promise, on two
// calendars, gives a schedule that `new` rebuilds equal.
#[test]
fn disp_1_every_computed_schedule_is_one_new_accepts() {
    let policies = [
        DispatchPolicy::default(),
        DispatchPolicy {
            preparation_min: BusinessDays::new(0),
            preparation_max: BusinessDays::new(0),
            promise: BusinessDays::new(0),
            ..DispatchPolicy::default()
        },
        DispatchPolicy {
            cutoff: NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
            preparation_min: BusinessDays::new(2),
            preparation_max: BusinessDays::new(5),
            promise: BusinessDays::new(12),
        },
    ];
    let calendars = [
        Calendar::metropolitan(),
        Calendar::legal(comptoir_calendar::Region::AlsaceMoselle),
    ];
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    for hour in 0..(365 * 24) {
        let at = start + chrono::Duration::hours(hour);
        for policy in &policies {
            for cal in &calendars {
                let schedule = DispatchSchedule::compute(&at, policy, cal).unwrap();
                let rebuilt = DispatchSchedule::new(
                    schedule.taken_into_account(),
                    schedule.expected_dispatch(),
                    schedule.dispatch_by(),
                );
                assert_eq!(rebuilt, Ok(schedule), "{at} {policy:?}");
                assert!(schedule.taken_into_account() >= at.date_naive());
            }
        }
    }
}

// DISP-1: the range's edges: a schedule on the calendar's first and last business days is
// accepted, a day past them is the calendar's out-of-range error.
#[test]
fn disp_1_a_schedule_at_the_range_edges() {
    // 1900-01-01 was a Monday, 2200-12-31 a Wednesday.
    let first = ymd(1900, 1, 1);
    let last = ymd(2200, 12, 31);
    let window = |a, b| DayWindow::new(a, b).unwrap();
    assert!(DispatchSchedule::new(first, window(first, first), first).is_ok());
    assert!(DispatchSchedule::new(last, window(last, last), last).is_ok());
    let past = ymd(2201, 1, 1);
    assert!(matches!(
        DispatchSchedule::new(last, window(last, last), past),
        Err(DispatchError::Calendar(CalendarError::OutOfRange { .. }))
    ));
    let before = ymd(1899, 12, 29);
    assert!(matches!(
        DispatchSchedule::new(before, window(first, first), first),
        Err(DispatchError::Calendar(CalendarError::OutOfRange { .. }))
    ));
    // chrono's own ends, far outside.
    assert!(DispatchSchedule::new(NaiveDate::MIN, window(first, first), first).is_err());
    assert!(DispatchSchedule::new(last, window(last, last), NaiveDate::MAX).is_err());
}
