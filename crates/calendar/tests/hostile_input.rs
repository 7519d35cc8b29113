//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked, panicked or looped stays here, fixed.

use bdays::HolidayCalendar;
use chrono::NaiveDate;
use comptoir_calendar::{Calendar, CalendarError, CalendarPolicy};

// CAL-4: a policy whose closure lies outside 1900-2200 cannot be read from a file; before,
// "-2030-05-28" deserialised and only `Calendar::new` refused it.
#[cfg(feature = "serde")]
#[test]
fn cal_4_a_policy_with_a_closure_out_of_range_does_not_deserialise() {
    for closure in ["-2030-05-28", "1899-12-31", "2201-01-01", "+262142-12-31"] {
        let json = format!(r#"{{"closures":["2026-12-24","{closure}"]}}"#);
        let error = serde_json::from_str::<CalendarPolicy>(&json).unwrap_err();
        assert!(
            error.to_string().contains("outside the calendar's range"),
            "{closure}: {error}"
        );
    }
    let edges = r#"{"closures":["1900-01-01","2200-12-31"]}"#;
    let policy: CalendarPolicy = serde_json::from_str(edges).unwrap();
    assert_eq!(policy.validate(), Ok(()));
    assert!(Calendar::new(&policy).is_ok());
    // What deserialises round-trips.
    let back: CalendarPolicy =
        serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);
    assert!(serde_json::from_str::<CalendarPolicy>(r#"{"closure":[]}"#).is_err());
}

// CAL-1, CAL-4: validation is one function, shared by the constructor and serde.
#[test]
fn cal_4_validate_is_what_the_calendar_checks() {
    let date = NaiveDate::from_ymd_opt(-2030, 5, 28).unwrap();
    let policy = CalendarPolicy {
        closures: vec![date],
        ..CalendarPolicy::default()
    };
    let expected = Err(CalendarError::ClosureOutOfRange {
        date,
        min: Calendar::MIN_DATE,
        max: Calendar::MAX_DATE,
    });
    assert_eq!(policy.validate(), expected);
    assert_eq!(Calendar::new(&policy).map(|_| ()), expected);
}

// CAL-5: bdays' provided methods panicked at chrono's last date (+262142-12-31) and the
// first; the calendar overrides them and saturates there.
#[test]
fn cal_5_bdays_methods_do_not_panic_at_chronos_ends() {
    let cal = Calendar::metropolitan();
    for date in [NaiveDate::MAX, NaiveDate::MIN] {
        let _ = cal.to_bday(date, true);
        let _ = cal.to_bday(date, false);
        let _ = cal.advance_bdays(date, 1);
        let _ = cal.advance_bdays(date, -1);
        let _ = cal.bdays(date, NaiveDate::from_ymd_opt(2026, 5, 25).unwrap());
    }
    assert_eq!(cal.advance_bdays(NaiveDate::MAX, 1), NaiveDate::MAX);
    assert_eq!(cal.advance_bdays(NaiveDate::MIN, -1), NaiveDate::MIN);
}
