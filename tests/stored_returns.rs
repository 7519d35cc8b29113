//! Stored values written by the former `comptoir-returns` crate read and write the same
//! through the crates it was split into (`comptoir-withdrawal`, `comptoir-refund`), and the
//! results computed from them serialise as they did.
//!
//! The files under `tests/data/returns-0.1.0/` were written by `comptoir-returns` 0.1.0 (the
//! last commit before the split) from the inputs this test rebuilds: the policies, receipts,
//! refund facts, a ledger after a return with a deduction and a cancellation, a returned
//! parcel and its candidates (SHIP-2, RET-1, RET-2, RET-3, REF-1, REF-2, REF-3, REF-4).

use chrono::TimeZone;
use chrono_tz::Europe::Paris;
use comptoir::calendar::{Calendar, Region};
use comptoir::cart::Order;
use comptoir::refund::{
    LedgerRecord, LegalInterestRate, RefundAmountPolicy, RefundDeadlines, RefundDecision,
    RefundFacts, RefundLedger, RefundPolicy, Return, ReturnsPolicy,
};
use comptoir::withdrawal::{
    ParcelDecision, ParcelPolicy, Receipt, ReturnCandidate, ReturnedParcel, WithdrawalPolicy,
    WithdrawalWindows,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn stored(name: &str) -> Value {
    let path = format!(
        "{}/tests/data/returns-0.1.0/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads the file as `T` and checks that it writes back the same JSON.
fn reads_back<T: Serialize + DeserializeOwned>(name: &str) -> T {
    let json = stored(name);
    let value: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(serde_json::to_value(&value).unwrap(), json, "{name}");
    value
}

/// Checks that a computed result serialises as the former crate wrote it.
fn writes_as_before(name: &str, value: &impl Serialize) {
    assert_eq!(serde_json::to_value(value).unwrap(), stored(name), "{name}");
}

// RET-1, REF-2, REF-3: the policies read and write as before, defaults and settings alike.
#[test]
fn policies_read_and_write_as_before() {
    let default: ReturnsPolicy = reads_back("returns_policy_default");
    assert_eq!(default, ReturnsPolicy::default());
    let custom: ReturnsPolicy = reads_back("returns_policy_custom");
    assert_eq!(
        reads_back::<WithdrawalPolicy>("withdrawal_policy"),
        custom.withdrawal
    );
    assert_eq!(reads_back::<RefundPolicy>("refund_policy"), custom.refund);
    assert_eq!(
        reads_back::<RefundAmountPolicy>("refund_amount_policy"),
        RefundAmountPolicy::default()
    );
    let _: LegalInterestRate = reads_back("legal_interest_rate");
}

// SHIP-2, RET-1: stored receipts give the windows the former crate computed.
#[test]
fn ret1_receipts_and_windows_as_before() {
    let receipts: Vec<Receipt> = reads_back("receipts");
    let custom: ReturnsPolicy = reads_back("returns_policy_custom");
    let validated = Paris.with_ymd_and_hms(2025, 2, 26, 18, 5, 0).unwrap();
    let windows = WithdrawalWindows::compute(
        &validated,
        &receipts,
        Region::Martinique,
        &custom.withdrawal,
        &Calendar::metropolitan(),
    )
    .unwrap();
    writes_as_before("withdrawal_windows", &windows);
}

// REF-1, REF-2, REF-3, REF-4, RET-2: a stored ledger loads on its order, and its refunds,
// deadlines and decision are the ones the former crate gave.
#[test]
fn ref1_ledger_refunds_and_decision_as_before() {
    let order: Order = serde_json::from_value(stored("order")).unwrap();
    let record: LedgerRecord = reads_back("ledger");
    let ledger = RefundLedger::load(record, &order).unwrap();
    assert_eq!(serde_json::to_value(&ledger).unwrap(), stored("ledger"));

    let first: Return = reads_back("return");
    let mut fresh = RefundLedger::new(&order, RefundAmountPolicy::default()).unwrap();
    let refund = fresh.record(&order, first).unwrap();
    writes_as_before("refund", &refund);

    let facts: RefundFacts = reads_back("refund_facts");
    let calendar = Calendar::metropolitan();
    let deadlines =
        RefundDeadlines::compute(&facts, &ReturnsPolicy::default().refund, &calendar).unwrap();
    writes_as_before("refund_deadlines", &deadlines);
    let paid = Paris.with_ymd_and_hms(2025, 4, 8, 10, 0, 0).unwrap();
    let decision = RefundDecision::compute(
        &refund,
        &facts,
        &paid,
        "7.21".parse().unwrap(),
        &ReturnsPolicy::default(),
        &calendar,
    )
    .unwrap();
    writes_as_before("refund_decision", &decision);
}

// RET-3: a stored returned parcel and its candidates give the decision the former crate gave.
#[test]
fn ret3_returned_parcels_as_before() {
    let parcel: ReturnedParcel = reads_back("returned_parcel");
    let candidates: Vec<ReturnCandidate> = reads_back("return_candidates");
    let policy: ParcelPolicy = reads_back("parcel_policy");
    let decision = ParcelDecision::compute(&parcel, &candidates, &policy).unwrap();
    writes_as_before("parcel_decision", &decision);
}

// The deprecated path still names every type of the former crate, so that code written
// against it builds for one more release.
#[test]
#[allow(deprecated)]
fn the_former_crate_s_names_still_resolve() {
    use comptoir::returns;
    let policy: returns::ReturnsPolicy =
        serde_json::from_value(stored("returns_policy_default")).unwrap();
    let error: returns::ReturnsError = returns::RefundPolicy {
        ceiling: returns::Period {
            days: returns::CalendarDays::new(30),
            roll: returns::Roll::None,
        },
        ..policy.refund
    }
    .validate()
    .unwrap_err();
    assert!(error.is_unlawful_policy());
    let _: Option<returns::Deadline> = None;
    let _: Option<(
        returns::Receipt,
        returns::WithdrawalWindows,
        returns::ParcelMatch,
    )> = None;
    assert_eq!(returns::LEGAL_DAYS.get(), 14);
}
