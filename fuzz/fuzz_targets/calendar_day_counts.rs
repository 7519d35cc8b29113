//! `BusinessDays` and `CalendarDays` from text and from JSON: what is accepted reads back
//! from what it writes, and a count of calendar days is never negative.
#![no_main]

use comptoir_calendar::{BusinessDays, CalendarDays};
use comptoir_fuzz::{json, parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(days) = parsed::<BusinessDays>(text) {
            assert_eq!(BusinessDays::new(days.get()), days);
        }
        if let Some(days) = parsed::<CalendarDays>(text) {
            assert_eq!(CalendarDays::try_from(i64::from(days.get())), Ok(days));
        }
    }
    if let Some(days) = json::<BusinessDays>(data) {
        assert_eq!(days.to_string().parse(), Ok(days));
    }
    if let Some(days) = json::<CalendarDays>(data) {
        assert_eq!(days.to_string().parse(), Ok(days));
    }
});
