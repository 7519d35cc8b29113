//! The returns crate's policies, from JSON: `WithdrawalPolicy` (RET-1), `RefundPolicy`
//! (REF-2), `ReturnsPolicy`, `RefundAmountPolicy` (REF-1), `SurchargePolicy` (REF-3),
//! `ParcelPolicy` (RET-3) and `Period`. What is accepted reads back from what it writes and
//! passes its `validate`: the law's windows (at least 14 days to withdraw, rolled; the
//! refund's 14-day ceiling), a window of expected refund that fits in it.
#![no_main]

use comptoir_fuzz::json;
use comptoir_calendar::{Period, Roll};
use comptoir_refund::{RefundAmountPolicy, RefundPolicy, ReturnsPolicy, SurchargePolicy};
use comptoir_withdrawal::{LEGAL_DAYS, ParcelPolicy, WithdrawalPolicy};
use libfuzzer_sys::fuzz_target;

fn check_withdrawal(policy: &WithdrawalPolicy) {
    assert_eq!(policy.validate(), Ok(()));
    assert!(policy.statutory.days >= LEGAL_DAYS && policy.statutory.roll == Roll::NextBusinessDay);
    assert!(policy.contractual.days >= policy.statutory.days);
}

fn check_refund(policy: &RefundPolicy) {
    assert_eq!(policy.validate(), Ok(()));
    assert_eq!(policy.ceiling.days, LEGAL_DAYS);
    assert!(policy.expected_from.get() >= 0 && policy.expected_to >= policy.expected_from);
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 7 {
        0 => {
            if let Some(policy) = json::<WithdrawalPolicy>(rest) {
                check_withdrawal(&policy);
            }
        }
        1 => {
            if let Some(policy) = json::<RefundPolicy>(rest) {
                check_refund(&policy);
            }
        }
        2 => {
            if let Some(policy) = json::<ReturnsPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
                check_withdrawal(&policy.withdrawal);
                check_refund(&policy.refund);
            }
        }
        3 => {
            if let Some(policy) = json::<RefundAmountPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
            }
        }
        4 => {
            let _ = json::<SurchargePolicy>(rest);
        }
        5 => {
            if let Some(policy) = json::<ParcelPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
            }
        }
        _ => {
            let _ = json::<Period>(rest);
        }
    }
});
