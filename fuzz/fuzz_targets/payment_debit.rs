//! `ExpectedDebit` from JSON: what is accepted is what `ExpectedDebit::new` makes of its days
//! (weekdays within the calendar's range, the window ending on or before the last day) and
//! reads back from what it writes.
#![no_main]

use chrono::{Datelike, Weekday};
use comptoir_calendar::Calendar;
use comptoir_fuzz::json;
use comptoir_payment::ExpectedDebit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(debit) = json::<ExpectedDebit>(data) else {
        return;
    };
    assert_eq!(
        ExpectedDebit::new(debit.expected(), debit.at_latest()),
        Ok(debit)
    );
    let window = debit.expected();
    assert!(window.latest() <= debit.at_latest());
    for day in [window.earliest(), window.latest(), debit.at_latest()] {
        assert!(
            Calendar::MIN_DATE <= day && day <= Calendar::MAX_DATE,
            "{day}"
        );
        assert!(
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            "{day}"
        );
    }
    let _ = debit.to_string();
});
