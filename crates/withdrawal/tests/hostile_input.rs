//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every stored withdrawal policy or parcel value that deserialised though no constructor
//! would make it stays here, refused.
#![cfg(feature = "serde")]

use comptoir_withdrawal::{ReturnCandidate, WithdrawalPolicy};
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

// RET-1, the hostile-input review: withdrawal policies with zero-day windows deserialised and
// failed only later, in `compute`. They are refused when read, naming the article.
#[test]
fn ret_1_withdrawal_policy_with_zero_day_windows_is_refused_when_read() {
    let period = |days: u32| json!({ "days": days, "roll": "next_business_day" });
    refused::<WithdrawalPolicy>(
        json!({ "contractual": period(0), "statutory": period(0) }),
        "L221-18",
    );
    refused::<WithdrawalPolicy>(
        json!({ "contractual": period(30), "statutory": period(0) }),
        "L221-18",
    );
    refused::<WithdrawalPolicy>(
        json!({ "contractual": period(0), "statutory": period(14) }),
        "L221-18",
    );
    refused::<WithdrawalPolicy>(
        json!({ "statutory": { "days": 14, "roll": "none" } }),
        "L221-18",
    );
    let default: WithdrawalPolicy = serde_json::from_value(json!({})).unwrap();
    assert_eq!(default, WithdrawalPolicy::default());
}

// RET-3: a candidate read with a tracking number twice keeps it once, as its builder does.
#[test]
fn ret_3_stored_candidate_keeps_each_tracking_number_once() {
    let candidate: ReturnCandidate = serde_json::from_value(json!({
        "order": "CMD-1", "ground": "withdrawal", "tracking": ["6a 1", "6A1", "7B2"]
    }))
    .unwrap();
    let tracking: Vec<&str> = candidate.tracking().iter().map(|t| t.as_str()).collect();
    assert_eq!(tracking, ["6A1", "7B2"]);
    let back: ReturnCandidate =
        serde_json::from_str(&serde_json::to_string(&candidate).unwrap()).unwrap();
    assert_eq!(back, candidate);
}
