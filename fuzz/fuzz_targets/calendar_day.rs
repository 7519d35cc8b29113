//! `Day` from text: what is accepted is a date chrono holds, written back the same way.
#![no_main]

use comptoir_calendar::Day;
use comptoir_fuzz::{parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(day) = text(data).and_then(parsed::<Day>) else {
        return;
    };
    let date = day.date().expect("a parsed day is a date");
    assert_eq!(Day::from(date), day);
    assert_eq!(text(data), Some(day.to_string().as_str()), "only the written form is read");
});
