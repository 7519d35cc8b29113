//! The 3-D Secure tracker from JSON, then any outcomes: what is accepted is a tracker some
//! sequence of outcomes reaches from `SecureTracker::new` (at most three wrong codes), reads
//! back, and records further outcomes without a panic, each state read back too.
#![no_main]

use comptoir_fuzz::{json, json_written_back};
use comptoir_payment::{
    Attempt, NextStep, RefusalReason, SecureOutcome, SecureState, SecureTracker,
};
use libfuzzer_sys::fuzz_target;

const OUTCOMES: [SecureOutcome; 5] = [
    SecureOutcome::Authenticated,
    SecureOutcome::WrongCode,
    SecureOutcome::SoftDecline,
    SecureOutcome::HardDecline(RefusalReason::InsufficientFunds),
    SecureOutcome::HardDecline(RefusalReason::CardExpired),
];

fuzz_target!(|data: &[u8]| {
    let _ = json::<Attempt>(data);
    let _ = json::<NextStep>(data);
    let _ = json::<SecureState>(data);
    let Some((steps, rest)) = data.split_first_chunk::<4>() else {
        return;
    };
    let Some(mut tracker) = json::<SecureTracker>(rest) else {
        return;
    };
    assert!(tracker.wrong_codes() <= 3);
    for step in steps {
        let outcome = OUTCOMES[usize::from(*step) % OUTCOMES.len()];
        let before = tracker.clone();
        match tracker.record(outcome) {
            Ok(_) => json_written_back(&tracker),
            Err(_) => assert_eq!(tracker, before, "a refused outcome changes nothing"),
        }
        assert!(tracker.wrong_codes() <= 3);
    }
});
