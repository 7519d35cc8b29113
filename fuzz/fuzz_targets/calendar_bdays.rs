//! The calendar as a `bdays::HolidayCalendar`, on any date chrono holds: bdays' provided
//! methods (which the calendar overrides) never panic, agree with the calendar's own methods
//! inside 1900-2200, and count what they step.
//!
//! Counts and the distance between two dates are kept within ±5 000 business days (about
//! 20 years): beyond the range each call skips whole years, so far larger ones are slow to
//! fuzz; the unit tests take them to chrono's ends.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use bdays::HolidayCalendar;
use chrono::NaiveDate;
use comptoir_calendar::{BusinessDays, Calendar, CalendarPolicy, Region};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    calendar: u8,
    days_from_ce: i32,
    count: i16,
    span: i16,
    forward: bool,
}

fn calendars() -> &'static [Calendar] {
    static CALENDARS: OnceLock<Vec<Calendar>> = OnceLock::new();
    CALENDARS.get_or_init(|| {
        let edge_closures = CalendarPolicy {
            closures: ["1900-01-02", "2200-12-29", "2200-12-30", "2200-12-31"]
                .iter()
                .filter_map(|d| d.parse().ok())
                .collect(),
            ..CalendarPolicy::default()
        };
        vec![
            Calendar::metropolitan(),
            Calendar::legal(Region::Guadeloupe),
            Calendar::new(&edge_closures).unwrap_or_default(),
        ]
    })
}

fn saturated(date: NaiveDate) -> bool {
    date == NaiveDate::MAX || date == NaiveDate::MIN
}

fuzz_target!(|input: Input| {
    let calendars = calendars();
    let cal = &calendars[usize::from(input.calendar) % calendars.len()];
    let Some(date) = NaiveDate::from_num_days_from_ce_opt(input.days_from_ce) else {
        return;
    };
    let n = i32::from(input.count) % 5_000;
    let rolled = cal.to_bday(date, input.forward);
    assert!(cal.is_bday(rolled) || saturated(rolled), "{date} rolled to {rolled}");
    if let Ok(inside) = if input.forward {
        cal.roll_forward(date)
    } else {
        cal.roll_backward(date)
    } {
        assert_eq!(rolled, inside);
    }
    let start = cal.to_bday(date, true);
    let moved = cal.advance_bdays(date, n);
    assert!(cal.is_bday(moved) || saturated(moved), "{date} + {n} gave {moved}");
    if let Ok(inside) = cal.add_business_days(start, BusinessDays::new(n)) {
        assert_eq!(moved, inside);
    }
    if !saturated(moved) && !saturated(start) {
        assert_eq!(cal.bdays(start, moved), n, "{start} + {n} = {moved}");
    }
    let other = date
        .checked_add_signed(chrono::TimeDelta::days(i64::from(input.span) % 7_300))
        .unwrap_or(date);
    let counted = cal.bdays(date, other);
    assert_eq!(cal.bdays(other, date), -counted);
    if let (Ok(a), Ok(b)) = (cal.roll_forward(date), cal.roll_forward(other)) {
        assert_eq!(cal.business_days_between(a, b).map(BusinessDays::get), Ok(counted));
    }
    let _ = cal.is_holiday(date);
});
