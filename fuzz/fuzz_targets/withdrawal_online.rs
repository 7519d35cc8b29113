//! The online withdrawal function's stored values and the exceptions to the withdrawal, from
//! JSON: `OnlineWithdrawal` (a confirmation never before its statement, a notice instant only
//! once confirmed, its acknowledgement readable), `OnlineWithdrawalPolicy` (passes `validate`:
//! no reason, signature or form asked), `OrderExceptions` (each line once). What is accepted
//! reads back from what it writes.
#![no_main]

use comptoir_fuzz::json;
use comptoir_withdrawal::{ItemCondition, OnlineWithdrawal, OnlineWithdrawalPolicy, OrderExceptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 3 {
        0 => {
            if let Some(stored) = json::<OnlineWithdrawal>(rest) {
                match stored.confirmed() {
                    Some(confirmed) => {
                        assert!(confirmed.notice_at() >= confirmed.statement().stated_at());
                        assert_eq!(stored.notice_at(), Ok(confirmed.notice_at()));
                        assert!(!confirmed.statement().customer_name().trim().is_empty());
                        assert!(!confirmed.statement().items().is_empty());
                        // The Paris clock may not read an instant at chrono's very ends.
                        let _ = confirmed.acknowledgement().text_fr();
                    }
                    None => assert!(stored.notice_at().is_err()),
                }
            }
        }
        1 => {
            if let Some(policy) = json::<OnlineWithdrawalPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
            }
        }
        _ => {
            if let Some(exceptions) = json::<OrderExceptions>(rest) {
                // Without the notice before the order, no exception ever applies.
                if !exceptions.was_told() {
                    for unsealed in [false, true] {
                        let condition = ItemCondition {
                            unsealed_after_delivery: unsealed,
                            supply_began_with_consent: unsealed,
                        };
                        let line = "x".parse().expect("a line id");
                        assert_eq!(exceptions.check(&line, condition), Ok(()));
                    }
                }
            }
        }
    }
});
