//! A refund ledger from JSON: an order (read through its checks), a stored ledger of it or
//! a refund policy, and returns and cancellations to record (REF-1, REF-4, RET-2, RET-4,
//! L221-24). A record accepted loads only on its own order; then every cause recorded keeps
//! the money: a refund is never negative, its line shares and delivery sum to it, what was
//! refunded grows by exactly each refund and never exceeds what was paid, a refused cause
//! leaves the ledger as it was, and the ledger stored and read back loads equal.
#![no_main]

use comptoir_cart::Order;
use comptoir_money::Eur;
use comptoir_refund::{LedgerRecord, RefundAmountPolicy, RefundCause, RefundLedger};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Scenario {
    order: Order,
    #[serde(default)]
    record: Option<LedgerRecord>,
    #[serde(default)]
    policy: RefundAmountPolicy,
    #[serde(default)]
    causes: Vec<RefundCause>,
}

fn sum(amounts: impl Iterator<Item = Eur>) -> Eur {
    Eur::try_sum(amounts).expect("a refund's figures fit")
}

fn stored_and_loaded(ledger: &RefundLedger, order: &Order) {
    let written = serde_json::to_string(ledger).expect("a ledger serialises");
    let record: LedgerRecord = match serde_json::from_str(&written) {
        Ok(record) => record,
        Err(e) => panic!("{written} does not read back: {e}"),
    };
    assert_eq!(record, ledger.to_record());
    assert_eq!(RefundLedger::load(record, order).as_ref(), Ok(ledger));
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = serde_json::from_slice::<Scenario>(data) else {
        return;
    };
    let order = &s.order;
    let mut ledger = match s.record {
        Some(record) => match RefundLedger::load(record, order) {
            Ok(ledger) => ledger,
            Err(e) => {
                assert!(e.is_bad_ledger() || matches!(e, comptoir_refund::RefundError::InvalidPolicy { .. }), "{e}");
                return;
            }
        },
        None => match RefundLedger::new(order, s.policy) {
            Ok(ledger) => ledger,
            Err(_) => return,
        },
    };
    let total = order.total();
    assert!(ledger.refunded().expect("refunds fit") <= total);
    stored_and_loaded(&ledger, order);
    for cause in s.causes.into_iter().take(16) {
        let before = ledger.clone();
        let refunded_before = ledger.refunded().expect("refunds fit");
        match ledger.record(order, cause) {
            Ok(refund) => {
                assert!(!refund.amount().is_negative(), "{refund:?}");
                assert!(!refund.delivery().is_negative() && !refund.products().is_negative());
                let shares = sum(refund.lines().iter().map(|l| l.amount()));
                assert_eq!(shares, refund.products(), "the shares are the products' part");
                assert_eq!(refund.products().checked_add(refund.delivery()), Ok(refund.amount()));
                for line in refund.lines() {
                    assert!(!line.amount().is_negative(), "{line:?}");
                    assert!(line.deduction() <= line.net_paid(), "{line:?}");
                }
                let refunded = ledger.refunded().expect("refunds fit");
                assert_eq!(refunded_before.checked_add(refund.amount()), Ok(refunded));
                assert!(refunded <= total, "refunded {refunded} of {total} paid");
                assert_eq!(ledger.refunds().last(), Some(&refund));
            }
            Err(_) => assert_eq!(ledger, before, "a refused cause changed the ledger"),
        }
    }
    stored_and_loaded(&ledger, order);
});
