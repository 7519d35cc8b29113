//! What an application stores and reads back, from JSON: `Account`, `Profile`, `Address`,
//! `AddressBook`, `FormPolicy`, `PasswordPolicy`. What is accepted reads back from what it
//! writes and passes its constructor's checks: a policy its `validate`, a birth date the
//! form's date reading, an address its form's validation, a book its unique names.
#![no_main]

use chrono::Datelike;
use comptoir_account::{
    Account, Address, AddressBook, AddressForm, FormPolicy, PasswordPolicy, Profile,
};
use comptoir_fuzz::json;
use libfuzzer_sys::fuzz_target;

fn check_profile(profile: &Profile) {
    if let Some(date) = profile.birth_date() {
        assert!((1..=9999).contains(&date.year()), "{date}");
    }
}

fn check_address(address: &Address) {
    let form = AddressForm {
        name: address.name().as_str().into(),
        first_name: address.first_name().as_str().into(),
        last_name: address.last_name().as_str().into(),
        line1: address.line1().into(),
        line2: address.line2().unwrap_or_default().into(),
        postcode: address.postcode().to_string().into(),
        city: address.city().into(),
        phone: address.phone().map(|p| p.as_e164()).unwrap_or_default().into(),
    };
    assert_eq!(form.validate(&FormPolicy::default()).as_ref(), Ok(address));
}

fn check_book(book: &AddressBook) {
    for (i, a) in book.iter().enumerate() {
        check_address(a);
        assert!(book.iter().skip(i + 1).all(|b| !a.name().same_as(b.name())));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 6 {
        0 => {
            if let Some(account) = json::<Account>(rest) {
                check_profile(account.profile());
                check_book(account.addresses());
            }
        }
        1 => {
            if let Some(profile) = json::<Profile>(rest) {
                check_profile(&profile);
            }
        }
        2 => {
            if let Some(address) = json::<Address>(rest) {
                check_address(&address);
            }
        }
        3 => {
            if let Some(book) = json::<AddressBook>(rest) {
                check_book(&book);
            }
        }
        4 => {
            if let Some(policy) = json::<FormPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
            }
        }
        _ => {
            if let Some(policy) = json::<PasswordPolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
            }
        }
    }
});
