//! `SupportPolicy` from JSON, then the phone line and the answer deadline on any instant:
//! what is accepted is what `PhoneHours::new` makes of its slots and reads back from what
//! it writes; the service never panics, and its answers are consistent (a line said open
//! closes later, a closed one opens later, an answer is due after the message).
#![no_main]

use std::sync::OnceLock;

use chrono::{DateTime, Weekday};
use comptoir_calendar::Calendar;
use comptoir_fuzz::json;
use comptoir_support::{LineStatus, PhoneHours, Support, SupportPolicy};
use libfuzzer_sys::fuzz_target;

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::metropolitan)
}

fuzz_target!(|data: &[u8]| {
    let Some((seconds, rest)) = data.split_first_chunk::<8>() else {
        return;
    };
    let Some(policy) = json::<SupportPolicy>(rest) else {
        return;
    };
    let days = WEEK.map(|day| policy.phone_hours.slots(day).to_vec());
    assert_eq!(PhoneHours::new(days).as_ref(), Ok(&policy.phone_hours));
    // Instants from 1900 to 2200 and a little beyond, where the calendar answers.
    let span = 7_600_000_000i64;
    let unix = i64::from_le_bytes(*seconds).rem_euclid(span) - 2_300_000_000;
    let Some(instant) = DateTime::from_timestamp(unix, 0) else {
        return;
    };
    let support = Support::new(policy, calendar().clone());
    let open = support.is_open(&instant);
    match support.line_status(&instant) {
        Ok(LineStatus::Open { closes_at }) => {
            assert_eq!(open, Ok(true));
            assert!(closes_at > instant, "closes at {closes_at}, asked at {instant}");
        }
        Ok(LineStatus::Closed { opens_at }) => {
            assert_eq!(open, Ok(false));
            assert!(opens_at > instant, "opens at {opens_at}, asked at {instant}");
        }
        Err(_) => {}
    }
    if let Ok(opening) = support.next_opening(&instant) {
        assert!(opening > instant);
    }
    if let Ok(due) = support.answer_due(&instant) {
        assert!(due > instant, "due {due} for a message at {instant}");
    }
});
