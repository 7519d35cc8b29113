//! The returns crate's text values, from text and JSON: `OrderNumber`, `TrackingNumber`
//! (RET-3) and `LegalInterestRate` (REF-3). What is accepted is what its constructor makes
//! and reads back: a reference upper-case letters and digits, at most 40 of them; a rate
//! from 0 to 100 % a year.
#![no_main]

use comptoir_fuzz::{json, json_string, parsed, text};
use comptoir_money::Percent;
use comptoir_refund::{LegalInterestRate};
use comptoir_withdrawal::{OrderNumber, TrackingNumber};
use libfuzzer_sys::fuzz_target;

macro_rules! reference {
    ($ty:ty, $text:expr) => {
        if let Some(reference) = parsed::<$ty>($text) {
            let s = reference.as_str();
            assert!(!s.is_empty() && s.len() <= 40, "{s:?}");
            assert!(s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{s:?}");
            assert_eq!(<$ty>::new(s).as_ref(), Ok(&reference));
            assert_eq!(json::<$ty>(&json_string($text)), Some(reference));
        } else {
            assert_eq!(json::<$ty>(&json_string($text)), None);
        }
    };
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else {
        return;
    };
    reference!(OrderNumber, text);
    reference!(TrackingNumber, text);
    if let Some(rate) = parsed::<LegalInterestRate>(text) {
        let percent = rate.percent_a_year();
        assert!(percent >= Percent::ZERO);
        assert_eq!(LegalInterestRate::new(percent.to_decimal()), Ok(rate));
        assert_eq!(json::<LegalInterestRate>(&json_string(&rate.to_string())), Some(rate));
    }
    if let Some(rate) = json::<LegalInterestRate>(data) {
        assert_eq!(LegalInterestRate::new(rate.percent_a_year().to_decimal()), Ok(rate));
    }
});
