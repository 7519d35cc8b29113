//! `Percent` from text and from JSON: what is accepted lies in 0..=100, is what
//! `Percent::new` makes of its value, and reads back from both its text forms.
#![no_main]

use comptoir_fuzz::{alternate_back, json, json_string, parsed, text};
use comptoir_money::{Decimal, Eur, Percent};
use libfuzzer_sys::fuzz_target;

fn check(percent: Percent) {
    let value = percent.to_decimal();
    assert!(Decimal::ZERO <= value && value <= Decimal::ONE_HUNDRED, "{percent:?}");
    assert_eq!(Percent::new(value), Ok(percent));
    alternate_back(&percent);
    let fraction = percent.as_fraction();
    assert!(Decimal::ZERO <= fraction && fraction <= Decimal::ONE, "{percent:?}");
    // A percentage of an amount is at most the amount.
    let amount = Eur::from_cents(123_456_789);
    let part = amount.percent(percent);
    assert!(matches!(part, Ok(p) if Eur::ZERO <= p && p <= amount), "{part:?}");
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(percent) = parsed::<Percent>(text) {
            check(percent);
            let from_json: Option<Percent> = json(&json_string(text));
            assert_eq!(from_json, Some(percent));
        }
    }
    if let Some(percent) = json::<Percent>(data) {
        check(percent);
    }
});
