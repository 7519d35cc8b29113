//! `DispatchPolicy` from JSON, then the schedule of an order at any instant of the calendar's
//! range: what is accepted passes `DispatchPolicy::validate` and reads back; every computed
//! schedule is one `DispatchSchedule::new` accepts, starts on or after the order's Paris
//! date, and agrees with `compute_on`, `taken_and_dispatch_by_on` and the expected debit.
#![no_main]

use std::sync::OnceLock;

use chrono::DateTime;
use comptoir_calendar::{Calendar, clock};
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
use comptoir_fuzz::{json, json_written_back};
use comptoir_payment::ExpectedDebit;
use libfuzzer_sys::fuzz_target;

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::metropolitan)
}

fuzz_target!(|data: &[u8]| {
    let Some((seconds, rest)) = data.split_first_chunk::<8>() else {
        return;
    };
    let Some(policy) = json::<DispatchPolicy>(rest) else {
        return;
    };
    assert_eq!(policy.validate(), Ok(()));
    // Instants from 1900 to 2200 and a little beyond, where the calendar answers.
    let span = 7_600_000_000i64;
    let unix = i64::from_le_bytes(*seconds).rem_euclid(span) - 2_300_000_000;
    let Some(ordered_at) = DateTime::from_timestamp(unix, 0) else {
        return;
    };
    let cal = calendar();
    let Ok(schedule) = DispatchSchedule::compute(&ordered_at, &policy, cal) else {
        return;
    };
    assert_eq!(
        DispatchSchedule::new(
            schedule.taken_into_account(),
            schedule.expected_dispatch(),
            schedule.dispatch_by()
        ),
        Ok(schedule)
    );
    json_written_back(&schedule);
    let reading = clock::paris_time(&ordered_at).expect("the schedule read the clock");
    let ordered_on = reading.day().date().expect("a date in the range");
    assert!(
        schedule.taken_into_account() >= ordered_on,
        "{schedule} for {ordered_at}"
    );
    let on = DispatchSchedule::compute_on(reading, &policy, cal).expect("as compute");
    assert_eq!(on.to_dates(), Ok(schedule));
    let (taken, by) = policy
        .taken_and_dispatch_by_on(reading, cal)
        .expect("as compute");
    assert_eq!((taken, by), (on.taken_into_account(), on.dispatch_by()));
    let debit = ExpectedDebit::compute(&ordered_at, &policy, cal).expect("as compute");
    assert_eq!(
        ExpectedDebit::new(debit.expected(), debit.at_latest()),
        Ok(debit)
    );
    json_written_back(&debit);
});
