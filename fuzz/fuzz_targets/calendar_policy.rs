//! `CalendarPolicy` from JSON: what is accepted passes `CalendarPolicy::validate`, builds a
//! calendar, and reads back from what it writes.
#![no_main]

use comptoir_calendar::{Calendar, CalendarPolicy};
use comptoir_fuzz::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(policy) = json::<CalendarPolicy>(data) else {
        return;
    };
    assert_eq!(policy.validate(), Ok(()));
    for closure in &policy.closures {
        assert!(Calendar::MIN_DATE <= *closure && *closure <= Calendar::MAX_DATE);
    }
    // Building the tables costs a few hundred microseconds: once in 16 inputs is enough to
    // keep checking the constructor agrees without slowing the search.
    if data.len() % 16 == 0 {
        let calendar = Calendar::new(&policy).expect("a validated policy builds");
        assert_eq!(calendar.policy(), &policy);
    }
});
