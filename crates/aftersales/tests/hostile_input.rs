//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every stored after-sales value that deserialised though no constructor would make it
//! stays here, refused.
#![cfg(feature = "serde")]

use comptoir_aftersales::{Claim, Finding, GuaranteePolicy, Months};
use serde_json::{Value, json};

fn refused<T: serde::de::DeserializeOwned + core::fmt::Debug>(value: Value, words: &str) {
    let error = serde_json::from_value::<T>(value.clone())
        .map(|v| format!("{v:?} accepted"))
        .unwrap_or_else(|e| e.to_string());
    assert!(
        error.contains(words),
        "{value}: {error:?} does not say {words:?}"
    );
}

// RET-5, L217-3..L241-6: every field the law fixes is checked when a policy is read, by the
// same `validate` as a policy built in code; an empty object is the law's policy.
#[test]
fn ret_5_guarantee_policy_below_the_law_is_refused_when_read() {
    for (field, value, article) in [
        ("guarantee", json!(0), "L217-3"),
        ("presumption_new", json!(0), "L217-7"),
        ("presumption_second_hand", json!(11), "L217-7"),
        ("presumption_new", json!(36), "L217-7"),
        ("repair_extension", json!(0), "L217-13"),
        ("remedy_within", json!(31), "L217-10"),
        ("refund_within", json!(15), "L217-17"),
        ("postage_refund_within", json!(15), "L241-6"),
    ] {
        let mut policy = json!({});
        policy[field] = value;
        refused::<GuaranteePolicy>(policy, article);
    }
    let policy: GuaranteePolicy = serde_json::from_value(json!({})).unwrap();
    assert_eq!(policy, GuaranteePolicy::default());
    // Longer than the law is the shop's to give.
    let longer: GuaranteePolicy =
        serde_json::from_value(json!({ "guarantee": 36, "remedy_within": 10 })).unwrap();
    assert_eq!(longer.validate(), Ok(()));
    refused::<GuaranteePolicy>(json!({ "warranty": 24 }), "unknown field");
}

// RET-5: a claim and a finding carry a description, trimmed, as their constructors take it.
#[test]
fn ret_5_claim_or_finding_without_a_description_is_refused_when_read() {
    let claim = json!({
        "line": "mug", "remedy": "repair", "defect": " \t ",
        "requested_at": "2026-03-02T09:00:00Z"
    });
    refused::<Claim>(claim.clone(), "blank");
    let mut kept = claim;
    kept["defect"] = json!("  anse fendue ");
    let read: Claim = serde_json::from_value(kept).unwrap();
    assert_eq!(read.defect(), "anse fendue");
    assert_eq!(read.units().get(), 1);
    refused::<Finding>(json!({ "kind": "no_defect", "report": "" }), "blank");
    refused::<Claim>(
        json!({
            "line": "mug", "remedy": "repair", "defect": "x", "units": 0,
            "requested_at": "2026-03-02T09:00:00Z"
        }),
        "quantity",
    );
}

// RET-5: a number of months reads exactly what it writes, and nothing signed or empty.
#[test]
fn ret_5_months_read_only_their_written_forms() {
    for months in [0, 1, 24, u32::MAX] {
        let m = Months::new(months);
        assert_eq!(m.to_string().parse::<Months>(), Ok(m));
    }
    for bad in ["", "+24", "-1", "24 mois", "4294967296", " months"] {
        assert!(
            matches!(
                bad.parse::<Months>(),
                Err(comptoir_calendar::CalendarError::Parse { .. })
            ),
            "{bad:?}"
        );
    }
}
