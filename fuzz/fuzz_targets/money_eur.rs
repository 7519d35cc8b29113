//! `Eur` from text (`FromStr`, every French form) and from JSON: what is accepted is at cent
//! scale, is what `Eur::new` makes of its value, and reads back from both its text forms.
#![no_main]

use comptoir_fuzz::{alternate_back, json, json_string, parsed, text};
use comptoir_money::{Eur, Percent};
use libfuzzer_sys::fuzz_target;

fn check(amount: Eur) {
    assert_eq!(amount.to_decimal().scale(), 2, "{amount:?}");
    assert_eq!(Eur::new(amount.to_decimal()), Ok(amount));
    assert_eq!(Eur::try_from_cents(amount.cents()), Ok(amount));
    alternate_back(&amount);
    assert_eq!(amount.french().to_string(), format!("{amount:#}"));
    // Arithmetic on any accepted amount answers or errs, never panics; what it answers is
    // at cent scale.
    for result in [
        amount.checked_add(amount),
        amount.checked_sub(-amount),
        amount.times(3),
        amount.percent(Percent::HUNDRED),
        amount.saturating_sub_to_zero(Eur::CENT),
    ] {
        if let Ok(value) = result {
            assert_eq!(value.to_decimal().scale(), 2, "{value:?}");
        }
    }
    assert_eq!(amount.percent(Percent::HUNDRED), Ok(amount));
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(amount) = parsed::<Eur>(text) {
            check(amount);
            // The JSON form is the same string, read by the same parser.
            let from_json: Option<Eur> = json(&json_string(text));
            assert_eq!(from_json, Some(amount));
        }
    }
    if let Some(amount) = json::<Eur>(data) {
        check(amount);
    }
});
