//! `Slot` (`09h00-13h00`) and `BusinessHours` (`24 business hours`) from text and from JSON:
//! what is accepted is what `Slot::new` / `BusinessHours::new` make of its parts and reads
//! back from what it writes.
#![no_main]

use chrono::Timelike;
use comptoir_fuzz::{json, parsed, text};
use comptoir_support::{BusinessHours, Slot};
use libfuzzer_sys::fuzz_target;

fn check_slot(slot: Slot) {
    assert_eq!(Slot::new(slot.start(), slot.end()), Ok(slot));
    assert!(slot.start() < slot.end());
    for time in [slot.start(), slot.end()] {
        assert_eq!((time.second(), time.nanosecond()), (0, 0), "{slot:?}");
    }
    assert!(slot.contains(slot.start()) && !slot.contains(slot.end()));
    assert_eq!(slot.to_string().parse(), Ok(slot));
}

fn check_hours(hours: BusinessHours) {
    assert_eq!(BusinessHours::new(hours.get()), Ok(hours));
    assert_eq!(hours.to_string().parse(), Ok(hours));
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(slot) = parsed::<Slot>(text) {
            check_slot(slot);
        }
        if let Some(hours) = parsed::<BusinessHours>(text) {
            check_hours(hours);
        }
    }
    if let Some(slot) = json::<Slot>(data) {
        check_slot(slot);
    }
    if let Some(hours) = json::<BusinessHours>(data) {
        check_hours(hours);
    }
});
