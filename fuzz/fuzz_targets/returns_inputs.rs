//! What a back office records of returns, from JSON: `Return`, `Cancellation`,
//! `ReturnedItem`, `Depreciation` (REF-1, REF-4, RET-2), `Receipt`, `RefundFacts`
//! (RET-1, REF-2), `ReturnedParcel`, `ReturnCandidate`, `ParcelDescription` (RET-3),
//! `AmountDue`, `ProductsPrice` (REF-3). What is accepted reads back from what it writes and
//! is what its constructor makes from its parts.
#![no_main]

use std::collections::BTreeSet;

use comptoir_fuzz::json;
use comptoir_promo::LineRef;
use comptoir_refund::{AmountDue, Cancellation, Depreciation, ProductsPrice, RefundFacts, ReturnedItem, Return};
use comptoir_withdrawal::{Handover, ParcelDescription, Receipt, ReturnCandidate, ReturnedParcel};
use libfuzzer_sys::fuzz_target;

fn check_depreciation(d: &Depreciation) {
    assert_eq!(Depreciation::new(d.amount(), d.reason()).as_ref(), Ok(d));
    assert!(d.amount().is_positive() && d.reason() == d.reason().trim());
}

fn check_item(item: &ReturnedItem) {
    if let Some(d) = item.inspection().depreciation() {
        check_depreciation(d);
    }
}

fn check_description(d: &ParcelDescription) {
    let again = ParcelDescription::new(d.packaging(), d.marks(), d.products().iter().cloned());
    assert_eq!(again.as_ref(), Ok(d));
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 10 {
        0 => {
            if let Some(r) = json::<Return>(rest) {
                assert_eq!(Return::new(r.items().iter().cloned()).as_ref(), Ok(&r));
                let lines: BTreeSet<&LineRef> = r.items().iter().map(|i| i.line()).collect();
                assert_eq!(lines.len(), r.items().len());
                r.items().iter().for_each(check_item);
            }
        }
        1 => {
            if let Some(c) = json::<Cancellation>(rest) {
                assert_eq!(Cancellation::new(c.lines().iter().cloned()).as_ref(), Ok(&c));
                assert!(!c.lines().is_empty());
            }
        }
        2 => {
            if let Some(item) = json::<ReturnedItem>(rest) {
                check_item(&item);
            }
        }
        3 => {
            if let Some(d) = json::<Depreciation>(rest) {
                check_depreciation(&d);
            }
        }
        4 => {
            if let Some(r) = json::<Receipt>(rest) {
                let again = match r.handover() {
                    Handover::AtAddress => Ok(Receipt::at_address(&r.possession())),
                    Handover::Collected => Receipt::collected(&r.arrival(), &r.possession()),
                };
                assert_eq!(again, Ok(r));
                assert!(r.arrival() <= r.possession());
            }
        }
        5 => {
            let _ = json::<RefundFacts>(rest);
        }
        6 => {
            if let Some(parcel) = json::<ReturnedParcel>(rest) {
                check_description(parcel.description());
            }
        }
        7 => {
            if let Some(candidate) = json::<ReturnCandidate>(rest) {
                let again = candidate.tracking().iter().cloned().fold(
                    ReturnCandidate::new(candidate.order().clone(), candidate.ground()),
                    ReturnCandidate::with_tracking,
                );
                let again = again.with_description(candidate.description().clone());
                assert_eq!(again, candidate);
                check_description(candidate.description());
            }
        }
        8 => {
            if let Some(d) = json::<ParcelDescription>(rest) {
                check_description(&d);
            }
        }
        _ => {
            if let Some(due) = json::<AmountDue>(rest) {
                assert_eq!(AmountDue::new(due.amount()), Ok(due));
            }
            if let Some(price) = json::<ProductsPrice>(rest) {
                assert_eq!(ProductsPrice::new(price.amount()), Ok(price));
            }
        }
    }
});
