//! `DispatchSchedule` from JSON: what is accepted is what `DispatchSchedule::new` makes of
//! its days (weekdays within the calendar's range, in order) and reads back from what it
//! writes, in dates and in `Day`s alike.
#![no_main]

use chrono::{Datelike, Weekday};
use comptoir_calendar::Calendar;
use comptoir_dispatch::DispatchSchedule;
use comptoir_fuzz::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(schedule) = json::<DispatchSchedule>(data) else {
        return;
    };
    let (taken, window, by) = (
        schedule.taken_into_account(),
        schedule.expected_dispatch(),
        schedule.dispatch_by(),
    );
    assert_eq!(DispatchSchedule::new(taken, window, by), Ok(schedule));
    assert!(taken <= window.earliest() && window.latest() <= by);
    for day in [taken, window.earliest(), window.latest(), by] {
        assert!(
            Calendar::MIN_DATE <= day && day <= Calendar::MAX_DATE,
            "{day}"
        );
        assert!(
            !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
            "{day}"
        );
    }
    let days = schedule.to_days();
    assert_eq!(
        DispatchSchedule::new(
            days.taken_into_account(),
            days.expected_dispatch(),
            days.dispatch_by()
        ),
        Ok(days)
    );
    assert_eq!(days.to_dates(), Ok(schedule));
    assert_eq!(days.to_string(), schedule.to_string());
});
