//! The Paris clock on any instant and any wall-clock time: reading never panics, a reading
//! is on Paris's offset at that instant, and the wall-clock time of a reading maps back to
//! its instant with the right choice in the autumn overlap.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, NaiveDateTime};
use comptoir_calendar::clock::{self, Ambiguity, Paris};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    unix: i64,
    nanos: u32,
    wall: (i32, u32, u32, u32, u32, u32),
    ambiguity: u8,
}

fuzz_target!(|input: Input| {
    let reading = clock::paris_time_from_unix(input.unix);
    if let Ok(reading) = reading {
        assert!(reading.second_of_day() < 86_400);
        let offset = reading.offset().local_minus_utc();
        assert!((0..=7_200).contains(&offset), "offset {offset}");
        let local = reading.naive();
        let earlier = clock::from_paris(local, Ambiguity::Earlier);
        let later = clock::from_paris(local, Ambiguity::Later);
        // Away from the ends of chrono's range, a time the clock showed exists.
        if (-200_000..=200_000).contains(&chrono::Datelike::year(&local)) {
            assert!(earlier.is_ok() && later.is_ok(), "{local}: {earlier:?} {later:?}");
        }
        // The instant is one of the two an ambiguous time names (or the only one).
        if let (Ok(a), Ok(b)) = (earlier, later) {
            assert!(
                a.timestamp() == input.unix || b.timestamp() == input.unix,
                "{local} maps to {a} and {b}, not {}",
                input.unix
            );
        }
    }
    if let Some(instant) = DateTime::from_timestamp(input.unix, input.nanos % 2_000_000_000) {
        let _ = clock::paris_time(&instant).map(|r| r.naive());
    }
    let (year, month, day, hour, minute, second) = input.wall;
    let _ = Paris::at(year, month, day, hour, minute, second);
    let ambiguity = Ambiguity::ALL[usize::from(input.ambiguity) % 3];
    if let Some(local) = chrono::NaiveDate::from_ymd_opt(year, month, day)
        .and_then(|d| d.and_hms_opt(hour % 24, minute % 60, second % 60))
    {
        check_wall_clock(local, ambiguity);
    }
});

fn check_wall_clock(local: NaiveDateTime, ambiguity: Ambiguity) {
    if let Ok(instant) = clock::from_paris(local, ambiguity) {
        let back = clock::paris_time(&instant).expect("an instant from the clock reads back");
        assert_eq!(back.naive(), local, "{local} gave {instant}");
    }
}
