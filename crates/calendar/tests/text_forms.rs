//! Every value type's text form reads back as the same value (CAL-1, CAL-4, "Time" and the
//! shared shapes of days), and serde uses the same form.

use chrono::{DateTime, Utc};
use comptoir_calendar::clock::{self, Ambiguity, ParisTime};
use comptoir_calendar::{BusinessDays, CalendarDays, Day, DayWindow, strategies};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    // DISP-2, REF-2: a window reads back from its ISO form and from its friendly form.
    #[test]
    fn day_window_round_trips(window in strategies::day_window()) {
        prop_assert_eq!(window.to_string().parse::<DayWindow>()?, window);
        prop_assert_eq!(format!("{window:#}").parse::<DayWindow>()?, window);
        let days = window.to_days();
        prop_assert_eq!(days.to_string().parse::<DayWindow<Day>>()?, days);
        prop_assert_eq!(days.to_dates()?, window);
        prop_assert!(window.contains(window.earliest()) && window.contains(window.latest()));
    }

    // RET-1, REF-3, PAY-5: counts of calendar days read back.
    #[test]
    fn calendar_days_round_trip(days in strategies::calendar_days()) {
        prop_assert_eq!(days.to_string().parse::<CalendarDays>()?, days);
    }

    // DISP-2, REF-2: counts of business days read back.
    #[test]
    fn business_days_round_trip(days in strategies::business_days()) {
        prop_assert_eq!(days.to_string().parse::<BusinessDays>()?, days);
    }

    // CAL-4: a day reads back from its ISO date.
    #[test]
    fn day_round_trips(date in strategies::date_in_range()) {
        let day = Day::from(date);
        prop_assert_eq!(day.to_string().parse::<Day>()?, day);
    }

    // Time (docs/rules.md): a reading of the Paris clock reads back, offset checked, around
    // summer-time changes too.
    #[test]
    fn paris_time_round_trips(
        instant in prop_oneof![strategies::instant_in_range(), strategies::instant_near_dst_change()],
        nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
    ) {
        let instant = DateTime::<Utc>::from_timestamp(instant.timestamp(), nanos).unwrap_or(instant);
        let reading = clock::paris_time(&instant)?;
        prop_assert_eq!(reading.to_string().parse::<ParisTime>()?, reading);
    }
}

// Time (docs/rules.md): an offset Paris did not have at that time is refused, not corrected.
#[test]
fn paris_time_with_a_wrong_offset_is_refused() {
    assert!("2026-07-14 12:00:00 +02:00".parse::<ParisTime>().is_ok());
    for bad in [
        "2026-07-14 12:00:00 +01:00",
        "2026-01-14 12:00:00 +02:00",
        "2026-07-14 12:00:00",
        "2026-07-14T12:00:00 +02:00",
        "2026-07-14 12:00:00 +2:00",
        "2026-07-14 12:00:00 Z",
    ] {
        assert!(
            bad.parse::<ParisTime>().is_err_and(|e| e.is_parse()),
            "{bad:?}"
        );
    }
    // Before 1911 Paris was on its mean time, nine minutes and 21 seconds ahead of UTC.
    let old = "1900-06-01 12:00:00 +00:09:21".parse::<ParisTime>();
    assert_eq!(old.map(|t| t.offset().local_minus_utc()), Ok(561));
}

// Time (docs/rules.md): the ambiguity choice reads back from its name.
#[test]
fn ambiguity_round_trips() {
    for choice in Ambiguity::ALL {
        assert_eq!(choice.to_string().parse::<Ambiguity>(), Ok(choice));
    }
    assert!("Later".parse::<Ambiguity>().is_err());
}

// DISP-2, REF-2: serde writes the window as its ISO string and checks it when reading.
#[cfg(feature = "serde")]
#[test]
fn day_window_serde_uses_the_iso_string_and_checks_it() {
    let window: DayWindow = "2025-03-19/2025-03-21".parse().unwrap();
    let json = serde_json::to_string(&window).unwrap();
    assert_eq!(json, r#""2025-03-19/2025-03-21""#);
    assert_eq!(serde_json::from_str::<DayWindow>(&json).unwrap(), window);
    let reversed = serde_json::from_str::<DayWindow>(r#""2025-03-21/2025-03-19""#);
    assert!(
        reversed
            .unwrap_err()
            .to_string()
            .contains("before it starts")
    );
    assert_eq!(serde_json::to_string(&CalendarDays::new(14)).unwrap(), "14");
    assert!(serde_json::from_str::<CalendarDays>("-1").is_err());
}
