//! Dispatch days of whole batches (DISP-1, DISP-3): the batch API gives the days and the errors
//! of the one-at-a-time paths, for every minute of 2026 and 2027, around every cutoff, over a
//! declared closure and at the ends of the calendar's range.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use comptoir_calendar::{Calendar, CalendarPolicy, Day, clock};
use comptoir_dispatch::{
    DispatchError, DispatchPolicy, DispatchSchedule, DispatchTable, dispatch_days_unix,
    dispatch_days_utc,
};

const ZERO: Day = Day::from_days_since_epoch(0);

/// The fast path: one order at a time from a reading of the Paris clock.
fn fast(
    seconds: i64,
    policy: &DispatchPolicy,
    cal: &Calendar,
) -> Result<(Day, Day), DispatchError> {
    policy.taken_and_dispatch_by_on(clock::paris_time_from_unix(seconds)?, cal)
}

/// The ordinary path: the whole schedule from a chrono instant.
fn ordinary(
    at: &DateTime<Utc>,
    policy: &DispatchPolicy,
    cal: &Calendar,
) -> Result<(Day, Day), DispatchError> {
    let s = DispatchSchedule::compute(at, policy, cal)?;
    Ok((
        Day::from(s.taken_into_account()),
        Day::from(s.dispatch_by()),
    ))
}

fn paris_midnight(y: i32, m: u32, d: u32) -> i64 {
    clock::from_paris(
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_time(NaiveTime::MIN),
        clock::Ambiguity::Reject,
    )
    .unwrap()
    .timestamp()
}

// DISP-1, DISP-3: every minute of 2026 and 2027 on the Paris clock (the hours skipped and
// repeated at the clock changes included, as instants are counted in UTC) gives the same two
// days through the batch (from Unix seconds and from chrono instants), the fast path and the
// ordinary API.
#[test]
fn disp1_disp3_every_minute_of_2026_and_2027_agrees_on_every_path() {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let from = paris_midnight(2026, 1, 1);
    let to = paris_midnight(2028, 1, 1);
    let seconds: Vec<i64> = (from..to).step_by(60).collect();
    assert_eq!(seconds.len(), 730 * 24 * 60);
    let mut taken = vec![ZERO; seconds.len()];
    let mut by = vec![ZERO; seconds.len()];
    dispatch_days_unix(&seconds, &policy, &cal, &mut taken, &mut by).unwrap();
    let instants: Vec<DateTime<Utc>> = seconds
        .iter()
        .map(|s| DateTime::from_timestamp(*s, 0).unwrap())
        .collect();
    let mut taken_utc = vec![ZERO; seconds.len()];
    let mut by_utc = vec![ZERO; seconds.len()];
    dispatch_days_utc(&instants, &policy, &cal, &mut taken_utc, &mut by_utc).unwrap();
    assert_eq!(taken, taken_utc);
    assert_eq!(by, by_utc);
    for (i, s) in seconds.iter().enumerate() {
        let expected = fast(*s, &policy, &cal).unwrap();
        assert_eq!((taken[i], by[i]), expected, "{s}");
        assert_eq!(
            ordinary(&instants[i], &policy, &cal).unwrap(),
            expected,
            "{s}"
        );
    }
}

// DISP-1: on each day of 2026 and 2027, 10:59:59.999999999 is before the cutoff and
// 11:00:00 after it, through the batch as through the ordinary API.
#[test]
fn disp1_the_cutoff_to_the_nanosecond_every_day() {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let mut instants = Vec::new();
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    while day.year() <= 2027 {
        let eleven =
            clock::from_paris(day.and_hms_opt(11, 0, 0).unwrap(), clock::Ambiguity::Reject)
                .unwrap()
                .to_utc();
        instants.push(eleven - TimeDelta::nanoseconds(1));
        instants.push(eleven);
        day = day.succ_opt().unwrap();
    }
    let mut taken = vec![ZERO; instants.len()];
    let mut by = vec![ZERO; instants.len()];
    dispatch_days_utc(&instants, &policy, &cal, &mut taken, &mut by).unwrap();
    for (i, at) in instants.iter().enumerate() {
        let expected = ordinary(at, &policy, &cal).unwrap();
        assert_eq!((taken[i], by[i]), expected, "{at}");
        // The fast path, from the reading of the instant with its nanoseconds.
        let fast = policy
            .taken_and_dispatch_by_on(clock::paris_time(at).unwrap(), &cal)
            .unwrap();
        assert_eq!(fast, expected, "{at}");
    }
    // A business day: before the cutoff the same day, at it the next.
    let thursday = instants
        .iter()
        .position(|at| at.to_rfc3339().starts_with("2026-01-15T09:59:59"))
        .unwrap();
    assert_eq!(taken[thursday].to_string(), "2026-01-15");
    assert_eq!(taken[thursday + 1].to_string(), "2026-01-16");
}

// CAL-1, DISP-1: a batch over a declared closure gives the closed calendar's days, as the
// ordinary API does on it.
#[test]
fn disp1_a_batch_spanning_a_declared_closure() {
    let closures: Vec<NaiveDate> = (10..=14)
        .map(|d| NaiveDate::from_ymd_opt(2026, 8, d).unwrap())
        .collect();
    let cal = Calendar::new(&CalendarPolicy {
        closures,
        ..CalendarPolicy::default()
    })
    .unwrap();
    let policy = DispatchPolicy::default();
    let seconds: Vec<i64> = (paris_midnight(2026, 8, 1)..paris_midnight(2026, 9, 1))
        .step_by(1_800)
        .collect();
    let mut taken = vec![ZERO; seconds.len()];
    let mut by = vec![ZERO; seconds.len()];
    dispatch_days_unix(&seconds, &policy, &cal, &mut taken, &mut by).unwrap();
    for (i, s) in seconds.iter().enumerate() {
        assert_eq!((taken[i], by[i]), fast(*s, &policy, &cal).unwrap());
    }
    // Friday 7 August at noon: the next business day is Monday 17, past the closed week.
    let friday_noon = clock::from_paris(
        NaiveDate::from_ymd_opt(2026, 8, 7)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap(),
        clock::Ambiguity::Reject,
    )
    .unwrap()
    .timestamp();
    let i = seconds.iter().position(|s| *s == friday_noon).unwrap();
    assert_eq!(taken[i].to_string(), "2026-08-17");
}

// CAL-4, DISP-1: at the ends of the calendar's range the batch answers what the fast path
// answers and fails where it fails, naming the first bad instant's index; nothing is written
// past it.
#[test]
fn disp1_the_ends_of_the_range_fail_as_the_fast_path_does_with_the_index() {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let last_days = paris_midnight(2200, 12, 20);
    let seconds: Vec<i64> = (0..12).map(|d| last_days + d * 86_400 + 43_200).collect();
    let mut taken = vec![ZERO; seconds.len()];
    let mut by = vec![ZERO; seconds.len()];
    let result = dispatch_days_unix(&seconds, &policy, &cal, &mut taken, &mut by);
    let first_bad = seconds
        .iter()
        .position(|s| fast(*s, &policy, &cal).is_err())
        .unwrap();
    match result {
        Err(DispatchError::AtIndex { index, error }) => {
            assert_eq!(index, first_bad);
            assert_eq!(
                Err(*error),
                fast(seconds[first_bad], &policy, &cal),
                "the fast path's own error"
            );
        }
        other => panic!("{other:?}"),
    }
    for i in 0..first_bad {
        assert_eq!((taken[i], by[i]), fast(seconds[i], &policy, &cal).unwrap());
    }
    assert!(taken[first_bad..].iter().all(|d| *d == ZERO));
    assert!(by[first_bad..].iter().all(|d| *d == ZERO));

    // The start of the range: an order of 31 December 1899 before the cutoff is outside it
    // (after it, it would be taken from 1900 on).
    let before = vec![
        paris_midnight(1900, 1, 2),
        paris_midnight(1900, 1, 1) - 86_400 + 9 * 3_600,
    ];
    assert!(fast(before[1], &policy, &cal).is_err());
    let mut taken = vec![ZERO; 2];
    let mut by = vec![ZERO; 2];
    let err = dispatch_days_unix(&before, &policy, &cal, &mut taken, &mut by).unwrap_err();
    assert!(
        matches!(err, DispatchError::AtIndex { index: 1, .. }),
        "{err:?}"
    );
    assert!(err.is_out_of_range());
    assert_ne!(taken[0], ZERO);
}

// DISP-1: buffers of the wrong length and an invalid policy are typed errors, nothing
// written; an instant outside a table built by hand names the table's span.
#[test]
fn disp1_bad_batches_are_typed_errors() {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let seconds = [paris_midnight(2026, 3, 2)];
    let mut short: Vec<Day> = Vec::new();
    let mut by = vec![ZERO; 1];
    assert!(matches!(
        dispatch_days_unix(&seconds, &policy, &cal, &mut short, &mut by),
        Err(DispatchError::BufferLength {
            instants: 1,
            taken: 0,
            dispatch_by: 1
        })
    ));
    assert_eq!(by, [ZERO]);
    let bad = DispatchPolicy {
        promise: comptoir_calendar::BusinessDays::new(1),
        ..policy
    };
    let mut taken = vec![ZERO; 1];
    assert!(matches!(
        dispatch_days_unix(&seconds, &bad, &cal, &mut taken, &mut by),
        Err(DispatchError::InvalidPolicy { .. })
    ));
    assert!(
        DispatchTable::new(
            "2026-01-01".parse().unwrap(),
            "2026-01-31".parse().unwrap(),
            &bad,
            &cal
        )
        .is_err()
    );
    let table = DispatchTable::new(
        "2026-01-01".parse().unwrap(),
        "2026-01-31".parse().unwrap(),
        &policy,
        &cal,
    )
    .unwrap();
    assert!(table.memory_bytes() >= 32 * 8);
    let february = [
        paris_midnight(2026, 1, 31),
        paris_midnight(2026, 2, 2) + 7_200,
    ];
    let mut taken = vec![ZERO; 2];
    let mut by = vec![ZERO; 2];
    let err = table
        .compute_unix(&february, &mut taken, &mut by)
        .unwrap_err();
    assert!(
        matches!(err, DispatchError::AtIndex { index: 1, .. }),
        "{err:?}"
    );
    assert_eq!(taken[1], ZERO);
    // 31 January after the cutoff is still in the table (its answer is the next candidate day's).
    let late_january = [paris_midnight(2026, 1, 31) + 86_399];
    let mut t = [ZERO];
    let mut b = [ZERO];
    table.compute_unix(&late_january, &mut t, &mut b).unwrap();
    assert_eq!((t[0], b[0]), fast(late_january[0], &policy, &cal).unwrap());
    assert!(
        DispatchTable::new(
            "2026-02-01".parse().unwrap(),
            "2026-01-01".parse().unwrap(),
            &policy,
            &cal
        )
        .is_err()
    );
}

mod properties {
    use super::*;
    use comptoir_dispatch::strategies::dispatch_policy;
    use proptest::prelude::*;

    proptest! {
        // DISP-1, DISP-3: for random policies and instants from 1990 to 2150, the batch gives
        // the fast path's days, order by order.
        #[test]
        fn the_batch_gives_the_fast_path_s_days(
            policy in dispatch_policy(),
            seconds in prop::collection::vec(631_152_000i64..5_680_281_600, 1..200),
        ) {
            let cal = Calendar::metropolitan();
            let mut taken = vec![ZERO; seconds.len()];
            let mut by = vec![ZERO; seconds.len()];
            dispatch_days_unix(&seconds, &policy, &cal, &mut taken, &mut by).unwrap();
            for (i, s) in seconds.iter().enumerate() {
                prop_assert_eq!((taken[i], by[i]), fast(*s, &policy, &cal).unwrap());
            }
        }
    }
}

// DISP-1, CAL-4: before 1977 Paris changed its clocks at other hours than 01:00 UTC (23:00
// UTC from 1916 to 1939): the batch reads those days with the calendar's own clock, so that
// with any cutoff it answers as the fast path does. (A review found the table's reading
// wrong around those changes.)
#[test]
fn disp1_the_clock_changes_before_1977_are_read_exactly() {
    let cal = Calendar::metropolitan();
    for cutoff in ["00:05:00", "00:30:00", "11:00:00", "23:30:00"] {
        let policy = DispatchPolicy {
            cutoff: cutoff.parse().unwrap(),
            ..DispatchPolicy::default()
        };
        // Every 5 minutes of June 1916 (the first summer time, from 1916-06-14T23:00Z) and of
        // October 1976.
        let mut seconds: Vec<i64> = (-1_690_848_000i64..-1_688_256_000).step_by(300).collect();
        seconds.extend((212_976_000i64..215_654_400).step_by(300));
        let mut taken = vec![ZERO; seconds.len()];
        let mut by = vec![ZERO; seconds.len()];
        dispatch_days_unix(&seconds, &policy, &cal, &mut taken, &mut by).unwrap();
        for (i, s) in seconds.iter().enumerate() {
            assert_eq!(
                (taken[i], by[i]),
                fast(*s, &policy, &cal).unwrap(),
                "{cutoff} {s}"
            );
        }
        // The review's order: 1916-06-14T23:00Z is midnight on Thursday 15 June in Paris.
        let midnight = [-1_689_814_800i64];
        let (mut t, mut b) = ([ZERO], [ZERO]);
        dispatch_days_unix(&midnight, &policy, &cal, &mut t, &mut b).unwrap();
        assert_eq!(
            t[0].to_string(),
            fast(midnight[0], &policy, &cal).unwrap().0.to_string()
        );
        assert!(
            t[0].to_string().as_str() >= "1916-06-15",
            "{cutoff}: {}",
            t[0]
        );
    }
}

// DISP-1: a table built by hand names the calendar's range for an order outside it, its own
// span for one inside the calendar but outside the table; its memory counts both its tables.
#[test]
fn disp1_a_table_s_errors_and_memory() {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let table = DispatchTable::new(
        "2026-01-01".parse().unwrap(),
        "2026-12-31".parse().unwrap(),
        &policy,
        &cal,
    )
    .unwrap();
    assert!(table.memory_bytes() >= 366 * (8 + 16));
    let beyond = [DateTime::parse_from_rfc3339("2300-06-01T10:00:00Z")
        .unwrap()
        .to_utc()];
    let (mut t, mut b) = ([ZERO], [ZERO]);
    let err = table.compute_utc(&beyond, &mut t, &mut b).unwrap_err();
    let DispatchError::AtIndex { error, .. } = err else {
        panic!("{err:?}")
    };
    assert!(
        matches!(*error, DispatchError::Calendar(comptoir_calendar::CalendarError::OutOfRange { min, max, .. })
            if min == Calendar::MIN_DATE && max == Calendar::MAX_DATE),
        "{error:?}"
    );
    let next_year = [DateTime::parse_from_rfc3339("2027-03-01T10:00:00Z")
        .unwrap()
        .to_utc()];
    let err = table.compute_utc(&next_year, &mut t, &mut b).unwrap_err();
    let DispatchError::AtIndex { error, .. } = err else {
        panic!("{err:?}")
    };
    assert!(
        matches!(*error, DispatchError::Calendar(comptoir_calendar::CalendarError::OutOfRange { max, .. })
            if max.to_string() == "2026-12-31"),
        "{error:?}"
    );
}
