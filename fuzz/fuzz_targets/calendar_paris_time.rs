//! `ParisTime` from text (`2026-03-30 11:30:00 +02:00`): what is accepted carries Paris's
//! own offset at that instant, reads back from what it writes, and is the reading of the
//! clock at its instant.
#![no_main]

use chrono::TimeZone;
use comptoir_calendar::clock::{self, ParisTime};
use comptoir_fuzz::{parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(reading) = text(data).and_then(parsed::<ParisTime>) else {
        return;
    };
    assert!(reading.second_of_day() < 86_400);
    let instant = reading
        .offset()
        .from_local_datetime(&reading.naive())
        .single()
        .expect("a fixed offset maps a wall-clock time to one instant");
    assert_eq!(clock::paris_time(&instant), Ok(reading));
});
