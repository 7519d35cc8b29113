//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked or panicked stays here, fixed.

use chrono::NaiveTime;
use comptoir_support::{Slot, SupportError};

// SUP-1: a slot bound with seconds, a fraction or a leap second was accepted, and its text
// form (`09h00-13h00`) read back as another slot. Slots are on whole minutes now.
#[test]
fn sup_1_a_slot_off_the_minute_is_refused() {
    let t = |h, m, s, nano| NaiveTime::from_hms_nano_opt(h, m, s, nano).unwrap();
    for (start, end) in [
        (t(9, 0, 30, 0), t(13, 0, 0, 0)),
        (t(9, 0, 0, 1), t(13, 0, 0, 0)),
        (t(9, 0, 0, 0), t(12, 59, 59, 1_500_000_000)),
    ] {
        assert!(matches!(
            Slot::new(start, end),
            Err(SupportError::SlotNotOnMinute { .. })
        ));
    }
    let slot = Slot::new(t(9, 0, 0, 0), t(13, 0, 0, 0)).unwrap();
    assert_eq!(slot.to_string().parse::<Slot>(), Ok(slot));
    assert!(
        SupportError::SlotNotOnMinute {
            time: t(9, 0, 30, 0)
        }
        .is_invalid_policy()
    );
}

#[cfg(feature = "serde")]
#[test]
fn sup_1_a_slot_off_the_minute_does_not_deserialise() {
    for json in [
        r#"{"start":"09:00:30","end":"13:00:00"}"#,
        r#"{"start":"09:00:00","end":"12:59:60"}"#,
        r#"{"start":"09:00:00.5","end":"13:00:00"}"#,
    ] {
        let error = serde_json::from_str::<Slot>(json).unwrap_err();
        assert!(
            error.to_string().contains("whole minute"),
            "{json}: {error}"
        );
    }
    let slot: Slot = serde_json::from_str(r#"{"start":"09:00:00","end":"13:00:00"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&slot).unwrap(),
        r#"{"start":"09:00:00","end":"13:00:00"}"#
    );
}
