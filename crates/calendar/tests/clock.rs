//! The Paris clock ("Time" in docs/rules.md) against chrono-tz, the IANA database.

use chrono::{DateTime, Datelike, Days, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use comptoir_calendar::clock::{self, Ambiguity};
use comptoir_calendar::{CalendarError, strategies};
use proptest::prelude::*;

/// Instants chrono-tz can check: 0.10 lists Paris's summer-time changes up to 2099 only.
fn instant_chrono_tz_knows() -> impl Strategy<Value = DateTime<Utc>> {
    let end_2099 = Utc
        .with_ymd_and_hms(2100, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    prop_oneof![
        (-2_208_902_400i64..end_2099).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        (1996i32..2100, any::<bool>(), -10_800i64..=10_800).prop_map(|(year, spring, delta)| {
            last_sunday_0100_utc(year, if spring { 3 } else { 10 })
                + chrono::Duration::seconds(delta)
        }),
    ]
}

fn last_sunday_0100_utc(year: i32, month: u32) -> DateTime<Utc> {
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap();
    let back = u64::from(last.weekday().num_days_from_sunday());
    let sunday = last.checked_sub_days(Days::new(back)).unwrap();
    sunday.and_hms_opt(1, 0, 0).unwrap().and_utc()
}

fn assert_agrees(instant: DateTime<Utc>) {
    let ours = clock::paris_time(&instant).unwrap();
    let reference = instant.with_timezone(&Paris);
    assert_eq!(ours.naive(), reference.naive_local(), "{instant}");
    assert_eq!(ours.offset(), reference.offset().fix(), "{instant}");
}

// Time: every hour from 1900 to 2099 reads the same as chrono-tz.
#[test]
fn paris_clock_agrees_with_chrono_tz_every_hour_1900_to_2099() {
    let mut t = Utc
        .with_ymd_and_hms(1900, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    let end = Utc
        .with_ymd_and_hms(2100, 1, 1, 0, 0, 0)
        .unwrap()
        .timestamp();
    while t < end {
        assert_agrees(DateTime::from_timestamp(t, 0).unwrap());
        t += 3_600;
    }
}

// Time: the second before and the second of every change from 1996 to 2099.
#[test]
fn paris_clock_agrees_with_chrono_tz_at_every_change() {
    for year in 1996..2100 {
        for month in [3, 10] {
            let change = last_sunday_0100_utc(year, month);
            for delta in [-3_601, -1, 0, 1, 3_599, 3_600] {
                assert_agrees(change + chrono::Duration::seconds(delta));
            }
        }
    }
}

// Time: from 2100 the EU rule goes on (chrono-tz stops listing changes there).
#[test]
fn paris_clock_keeps_the_eu_rule_after_2099() {
    for year in 2100..=2200 {
        let spring = last_sunday_0100_utc(year, 3);
        let autumn = last_sunday_0100_utc(year, 10);
        let offset = |t: DateTime<Utc>| clock::paris_time(&t).unwrap().offset().local_minus_utc();
        assert_eq!(
            offset(spring - chrono::Duration::seconds(1)),
            3_600,
            "{year}"
        );
        assert_eq!(offset(spring), 7_200, "{year}");
        assert_eq!(
            offset(autumn - chrono::Duration::seconds(1)),
            7_200,
            "{year}"
        );
        assert_eq!(offset(autumn), 3_600, "{year}");
    }
}

// Time: the spring gap is an error, the autumn overlap a choice, the rest round-trips.
#[test]
fn paris_wall_clock_gap_and_overlap_are_explicit() {
    let local = |y, m, d, h, min| {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    };
    for year in [1996, 2026, 2099, 2150] {
        let spring = last_sunday_0100_utc(year, 3).date_naive();
        let autumn = last_sunday_0100_utc(year, 10).date_naive();
        let gap = local(year, spring.month(), spring.day(), 2, 30);
        for choice in [Ambiguity::Reject, Ambiguity::Earlier, Ambiguity::Later] {
            assert_eq!(
                clock::from_paris(gap, choice),
                Err(CalendarError::NonexistentLocalTime { local: gap })
            );
        }
        let twice = local(year, autumn.month(), autumn.day(), 2, 30);
        assert_eq!(
            clock::from_paris(twice, Ambiguity::Reject),
            Err(CalendarError::AmbiguousLocalTime { local: twice })
        );
        let earlier = clock::from_paris(twice, Ambiguity::Earlier).unwrap();
        let later = clock::from_paris(twice, Ambiguity::Later).unwrap();
        assert_eq!(earlier.offset().local_minus_utc(), 7_200);
        assert_eq!(later.offset().local_minus_utc(), 3_600);
        assert_eq!((later - earlier).num_seconds(), 3_600);
        assert_eq!(clock::to_paris(&earlier).unwrap(), twice);
        assert_eq!(clock::to_paris(&later).unwrap(), twice);
    }
}

// Time: historic transitions come from the IANA data (1940's change to German time, 1976's
// return of summer time); ambiguity rules hold there too.
#[test]
fn paris_wall_clock_before_1996_follows_the_iana_history() {
    let local = NaiveDate::from_ymd_opt(1976, 3, 28)
        .unwrap()
        .and_hms_opt(1, 30, 0)
        .unwrap();
    assert!(clock::from_paris(local, Ambiguity::Reject).is_err_and(|e| e.is_local_time()));
    let summer_1985 = NaiveDate::from_ymd_opt(1985, 7, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    assert_eq!(
        clock::from_paris(summer_1985, Ambiguity::Reject)
            .unwrap()
            .offset()
            .local_minus_utc(),
        7_200
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    // Time: any instant of the range, any hour of a change, reads as chrono-tz reads it.
    #[test]
    fn paris_clock_agrees_with_chrono_tz(instant in instant_chrono_tz_knows()) {
        let ours = clock::paris_time(&instant)?;
        let reference = instant.with_timezone(&Paris);
        prop_assert_eq!(ours.naive(), reference.naive_local());
    }

    // Time: reading the clock and converting back gives the same instant, choosing the
    // occurrence by the offset read.
    #[test]
    fn paris_clock_round_trips(instant in prop_oneof![
        strategies::instant_in_range(),
        strategies::instant_near_dst_change(),
    ]) {
        let reading = clock::paris_time(&instant)?;
        let back = match clock::from_paris(reading.naive(), Ambiguity::Reject) {
            Ok(t) => t,
            Err(CalendarError::AmbiguousLocalTime { .. }) => {
                let first = clock::from_paris(reading.naive(), Ambiguity::Earlier)?;
                if first.offset().fix() == reading.offset() {
                    first
                } else {
                    clock::from_paris(reading.naive(), Ambiguity::Later)?
                }
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        prop_assert_eq!(back, instant);
    }

    // Time: Unix seconds and chrono instants give the same reading.
    #[test]
    fn unix_and_chrono_readings_agree(instant in strategies::instant_in_range()) {
        prop_assert_eq!(clock::paris_time_from_unix(instant.timestamp())?, clock::paris_time(&instant)?);
    }
}
