//! The calendar's named values from text and JSON: `Region` and `Ambiguity` (`FromStr`,
//! serde), `LocalDays` and `Holiday` (serde): what is accepted is one of the names and
//! reads back.
#![no_main]

use comptoir_calendar::clock::Ambiguity;
use comptoir_calendar::{Holiday, LocalDays, Region};
use comptoir_fuzz::{json, json_string, parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(region) = parsed::<Region>(text) {
            assert_eq!(region.as_str(), text);
            assert!(Region::ALL.contains(&region));
            assert_eq!(json::<Region>(&json_string(text)), Some(region));
        }
        if let Some(ambiguity) = parsed::<Ambiguity>(text) {
            assert!(Ambiguity::ALL.contains(&ambiguity));
            assert_eq!(json::<Ambiguity>(&json_string(text)), Some(ambiguity));
        }
    }
    let _ = json::<Region>(data);
    let _ = json::<Ambiguity>(data);
    if let Some(level) = json::<LocalDays>(data) {
        assert!(LocalDays::ALL.contains(&level));
    }
    let _ = json::<Holiday>(data);
});
