//! `DayWindow` (of `NaiveDate`s and of `Day`s) from text, both forms, and from JSON: what is
//! accepted is what `DayWindow::new` makes of its ends, and reads back from both forms.
#![no_main]

use chrono::NaiveDate;
use comptoir_calendar::{CalendarDate, Day, DayWindow};
use comptoir_fuzz::{alternate_back, json, json_string, parsed, text};
use libfuzzer_sys::fuzz_target;

fn check<D: CalendarDate + Ord + core::fmt::Debug>(window: DayWindow<D>)
where
    DayWindow<D>: core::fmt::Display + core::str::FromStr + PartialEq,
    <DayWindow<D> as core::str::FromStr>::Err: core::fmt::Debug,
{
    assert_eq!(DayWindow::new(window.earliest(), window.latest()), Ok(window));
    assert!(window.earliest() <= window.latest());
    assert!(window.contains(window.earliest()) && window.contains(window.latest()));
    assert!(window.day_count().get() >= 1);
    alternate_back(&window);
    let dates = window.to_dates().expect("a parsed window holds dates");
    assert_eq!(dates.to_days(), window.to_days());
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        let of_dates = parsed::<DayWindow<NaiveDate>>(text);
        let of_days = parsed::<DayWindow<Day>>(text);
        assert_eq!(of_dates.map(DayWindow::to_days), of_days, "both forms read alike");
        if let Some(window) = of_dates {
            check(window);
            assert_eq!(json::<DayWindow>(&json_string(text)), Some(window));
        }
        if let Some(window) = of_days {
            check(window);
        }
    }
    if let Some(window) = json::<DayWindow<NaiveDate>>(data) {
        check(window);
    }
    if let Some(window) = json::<DayWindow<Day>>(data) {
        check(window);
    }
});
