//! Busy periods from JSON (`PeakPeriods`, `PeakPeriod`, `Lengthening`), then the forecast of
//! an order at any instant of the range: what is accepted is what the constructors make of
//! its parts and reads back; a forecast's schedule is one `DispatchSchedule::new` accepts,
//! and never earlier than the schedule without the busy period.
#![no_main]

use std::sync::OnceLock;

use chrono::DateTime;
use comptoir_calendar::Calendar;
use comptoir_dispatch::{
    DispatchForecast, DispatchPolicy, DispatchSchedule, Lengthening, PeakPeriod, PeakPeriods,
};
use comptoir_fuzz::json;
use libfuzzer_sys::fuzz_target;

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::metropolitan)
}

fn check_period(period: &PeakPeriod) {
    let l = period.lengthening();
    assert_eq!(Lengthening::new(l.preparation(), l.promise()), Ok(l));
    assert_eq!(
        PeakPeriod::new(period.name(), period.days(), l).as_ref(),
        Ok(period)
    );
}

fuzz_target!(|data: &[u8]| {
    if let Some(l) = json::<Lengthening>(data) {
        assert_eq!(Lengthening::new(l.preparation(), l.promise()), Ok(l));
    }
    if let Some(period) = json::<PeakPeriod>(data) {
        check_period(&period);
    }
    let Some((seconds, rest)) = data.split_first_chunk::<8>() else {
        return;
    };
    let Some(peaks) = json::<PeakPeriods>(rest) else {
        return;
    };
    peaks.iter().for_each(check_period);
    assert_eq!(PeakPeriods::new(peaks.iter().cloned()).as_ref(), Ok(&peaks));
    let span = 7_600_000_000i64;
    let unix = i64::from_le_bytes(*seconds).rem_euclid(span) - 2_300_000_000;
    let Some(ordered_at) = DateTime::from_timestamp(unix, 0) else {
        return;
    };
    let policy = DispatchPolicy::default();
    let Ok(forecast) = DispatchForecast::compute(&ordered_at, &policy, &peaks, calendar()) else {
        return;
    };
    let schedule = forecast.schedule();
    assert_eq!(
        DispatchSchedule::new(
            schedule.taken_into_account(),
            schedule.expected_dispatch(),
            schedule.dispatch_by()
        ),
        Ok(schedule)
    );
    assert_eq!(forecast.is_lengthened(), forecast.peak().is_some());
    let plain =
        DispatchSchedule::compute(&ordered_at, &policy, calendar()).expect("as the forecast");
    assert_eq!(plain.taken_into_account(), schedule.taken_into_account());
    assert!(plain.dispatch_by() <= schedule.dispatch_by());
    assert!(plain.expected_dispatch().latest() <= schedule.expected_dispatch().latest());
    let _ = forecast.message_fr();
});
