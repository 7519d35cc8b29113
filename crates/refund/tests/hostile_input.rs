//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every stored refund policy or ledger value that deserialised though no constructor would
//! make it stays here, refused.
#![cfg(feature = "serde")]

use chrono::{TimeZone, Utc};
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
use comptoir_refund::{
    Depreciation, Inspection, LedgerRecord, RefundAmountPolicy, RefundError, RefundLedger,
    RefundPolicy, Return, ReturnedItem, ReturnsPolicy,
};
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

// REF-2: a refund policy with a zero-day (or a longer) ceiling, or an expected window that
// ends before it starts, is refused when read.
#[test]
fn ref_2_refund_policy_with_zero_day_ceiling_is_refused_when_read() {
    refused::<RefundPolicy>(
        json!({ "ceiling": { "days": 0, "roll": "none" } }),
        "refund.ceiling.days",
    );
    refused::<RefundPolicy>(
        json!({ "ceiling": { "days": 30, "roll": "none" } }),
        "L221-24",
    );
    refused::<RefundPolicy>(
        json!({ "expected_from": 5, "expected_to": 3 }),
        "refund.expected_to",
    );
    refused::<RefundPolicy>(json!({ "expected_from": 12, "expected_to": 12 }), "L221-24");
}

// RET-1, REF-2: the whole returns policy is read through its parts' checks and has a
// `validate` of its own.
#[test]
fn ret_1_ref_2_returns_policy_with_zero_day_windows_is_refused_when_read() {
    refused::<ReturnsPolicy>(
        json!({ "withdrawal": { "statutory": { "days": 0, "roll": "next_business_day" } } }),
        "L221-18",
    );
    refused::<ReturnsPolicy>(
        json!({ "refund": { "ceiling": { "days": 0, "roll": "none" } } }),
        "refund.ceiling.days",
    );
    let policy: ReturnsPolicy = serde_json::from_value(json!({})).unwrap();
    assert_eq!(policy, ReturnsPolicy::default());
    assert_eq!(policy.validate(), Ok(()));
    let mut unlawful = ReturnsPolicy::default();
    unlawful.refund.ceiling.days = comptoir_refund::CalendarDays::new(0);
    assert!(matches!(
        unlawful.validate(),
        Err(RefundError::InvalidPolicy { .. })
    ));
}

/// An order of two lines: "a" 2 x 30.00, "b" 1 x 20.00, delivery 5.00, paid 85.00.
fn order() -> Order {
    let context = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, price, units) in [("a", "30.00", 2), ("b", "20.00", 1)] {
        let line = Line::new(
            id.parse().unwrap(),
            id.parse().unwrap(),
            price.parse().unwrap(),
            Quantity::new(units).unwrap(),
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, "5.00".parse().unwrap()).unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(1), &terms).unwrap()
}

fn back(id: &str, units: u32) -> ReturnedItem {
    ReturnedItem::item(id.parse().unwrap(), Quantity::new(units).unwrap())
}

/// The stored ledger of `order` after one unit of "a" came back.
fn stored_ledger(order: &Order) -> Value {
    let mut ledger = RefundLedger::new(order, RefundAmountPolicy::default()).unwrap();
    ledger
        .record(order, Return::new([back("a", 1)]).unwrap())
        .unwrap();
    serde_json::to_value(&ledger).unwrap()
}

// REF-1: a ledger written reads back and loads equal.
#[test]
fn ref_1_a_stored_ledger_reads_back_and_loads() {
    let order = order();
    let stored = stored_ledger(&order);
    assert_eq!(stored["refunds"][0]["amount"], json!("30.00"));
    let record: LedgerRecord = serde_json::from_value(stored).unwrap();
    let ledger = RefundLedger::load(record, &order).unwrap();
    assert_eq!(ledger.refunded(), Ok("30.00".parse().unwrap()));
}

// REF-1, the hostile-input review: a stored ledger whose refunds sum above what was paid
// deserialised; it is refused when read, before any order is at hand.
#[test]
fn ref_1_stored_ledger_refunding_above_the_total_paid_is_refused_when_read() {
    let mut stored = stored_ledger(&order());
    stored["refunds"][0]["amount"] = json!("90.00");
    stored["refunds"][0]["lines"][0]["amount"] = json!("90.00");
    refused::<LedgerRecord>(stored, "above the total paid 85.00");
}

// REF-1: each refund's line shares and delivery sum to its amount, and no figure is negative.
#[test]
fn ref_1_stored_ledger_whose_shares_do_not_sum_or_are_negative_is_refused_when_read() {
    let order = order();
    let mut stored = stored_ledger(&order);
    stored["refunds"][0]["lines"][0]["amount"] = json!("29.00");
    refused::<LedgerRecord>(stored, "do not sum to the amount");
    let mut stored = stored_ledger(&order);
    stored["refunds"][0]["amount"] = json!("-30.00");
    stored["refunds"][0]["lines"][0]["amount"] = json!("-30.00");
    refused::<LedgerRecord>(stored, "below zero");
    let mut stored = stored_ledger(&order);
    stored["order"]["total"] = json!("-1.00");
    refused::<LedgerRecord>(stored, "below zero");
}

// REF-1, REF-4: a stored refund names lines of the order, never more units than ordered, nor,
// over all refunds, more than were kept.
#[test]
fn ref_1_stored_ledger_returning_more_units_than_ordered_is_refused_when_read() {
    let order = order();
    let mut stored = stored_ledger(&order);
    stored["refunds"][0]["cause"]["return"]["items"][0]["quantity"] = json!(3);
    refused::<LedgerRecord>(stored, "3 units asked, 2 ordered");
    let mut stored = stored_ledger(&order);
    let first = stored["refunds"][0].clone();
    for _ in 0..2 {
        stored["refunds"]
            .as_array_mut()
            .unwrap()
            .push(first.clone());
    }
    stored["refunds"][1]["amount"] = json!("0.00");
    stored["refunds"][1]["lines"][0]["amount"] = json!("0.00");
    stored["refunds"][2]["amount"] = json!("0.00");
    stored["refunds"][2]["lines"][0]["amount"] = json!("0.00");
    refused::<LedgerRecord>(stored, "1 units asked, 0 still kept");
    let mut stored = stored_ledger(&order);
    stored["refunds"][0]["cause"]["return"]["items"][0]["line"] = json!({ "item": "z" });
    refused::<LedgerRecord>(stored, "line z is not in the order");
}

// REF-1: the order stamp has lines, each once.
#[test]
fn ref_1_stored_ledger_whose_stamp_has_no_line_or_one_twice_is_refused_when_read() {
    let order = order();
    let mut stored = stored_ledger(&order);
    stored["order"]["lines"] = json!([]);
    refused::<LedgerRecord>(stored, "no line");
    let mut stored = stored_ledger(&order);
    let first = stored["order"]["lines"][0].clone();
    stored["order"]["lines"][1] = first;
    refused::<LedgerRecord>(stored, "twice in the stamp");
}

// RET-2: a deduction above the net paid for the units returned needs the order to be seen;
// the record reads, `load` refuses it.
#[test]
fn ret_2_stored_deduction_above_the_lines_net_is_refused_by_load() {
    let order = order();
    let mut stored = stored_ledger(&order);
    let deduction = Depreciation::new("31.00".parse().unwrap(), "rayé").unwrap();
    let item = back("a", 1).inspected(Inspection::Depreciated(deduction));
    stored["refunds"][0]["cause"]["return"]["items"][0] = serde_json::to_value(item).unwrap();
    let record: LedgerRecord = serde_json::from_value(stored).unwrap();
    let error = RefundLedger::load(record, &order).unwrap_err();
    assert!(
        matches!(&error, RefundError::LedgerEntryInvalid { error, .. }
            if matches!(**error, RefundError::DeductionAboveNet { .. })),
        "{error:?}"
    );
}
