//! `Password::new` against the default policy (the CNIL's), the weaker one and any valid
//! policy: a second, plain reading of the policy accepts exactly the passwords it accepts.
#![no_main]

use arbitrary::Arbitrary;
use comptoir_account::{AccountError, CharClasses, Composition, Password, PasswordPolicy};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    password: String,
    policy: u8,
    max_bytes: u8,
    mixed: (u8, u8),
    long: Option<(u8, u8)>,
    words: Option<u8>,
}

fn composition((min_chars, bits): (u8, u8)) -> Composition {
    Composition {
        min_chars: usize::from(min_chars % 32),
        classes: CharClasses {
            lowercase: bits & 1 != 0,
            uppercase: bits & 2 != 0,
            letter: bits & 4 != 0,
            digit: bits & 8 != 0,
            symbol: bits & 16 != 0,
        },
    }
}

/// The policy read plainly, character by character.
fn plainly_meets(password: &str, c: &Composition) -> bool {
    let has = |f: fn(char) -> bool| password.chars().any(f);
    password.chars().count() >= c.min_chars
        && (!c.classes.lowercase || has(char::is_lowercase))
        && (!c.classes.uppercase || has(char::is_uppercase))
        && (!c.classes.letter || has(char::is_alphabetic))
        && (!c.classes.digit || has(|ch| ch.is_ascii_digit()))
        && (!c.classes.symbol || has(|ch| !ch.is_alphanumeric() && !ch.is_whitespace()))
}

fn plainly_accepted(password: &str, policy: &PasswordPolicy) -> bool {
    let words = password
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    !password.is_empty()
        && password.len() <= policy.max_bytes
        && !password.chars().any(char::is_control)
        && (plainly_meets(password, &policy.mixed)
            || policy.long.is_some_and(|l| plainly_meets(password, &l))
            || policy.passphrase_min_words.is_some_and(|n| words >= n))
}

fuzz_target!(|input: Input| {
    let policy = match input.policy % 3 {
        0 => PasswordPolicy::CNIL,
        1 => PasswordPolicy::WEAKER_LETTER_AND_DIGIT,
        _ => PasswordPolicy {
            max_bytes: usize::from(input.max_bytes),
            mixed: composition(input.mixed),
            long: input.long.map(composition),
            passphrase_min_words: input.words.map(|w| usize::from(w % 12)),
        },
    };
    let result = Password::new(&input.password, &policy);
    if policy.validate().is_err() {
        assert!(matches!(result, Err(AccountError::InvalidPolicy { .. })));
        return;
    }
    let plain = plainly_accepted(&input.password, &policy);
    match result {
        Ok(password) => {
            assert!(plain, "{:?} accepted under {policy:?}", input.password);
            assert_eq!(password.expose_secret(), input.password);
        }
        Err(e) => {
            assert!(!plain, "{:?} refused under {policy:?}: {e}", input.password);
            assert_eq!(e.field_errors().len(), 1);
            assert!(!e.messages_fr()[0].is_empty());
        }
    }
});
