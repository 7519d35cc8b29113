//! The account's value types from text and JSON (`Email`, `Phone`, `Postcode`, `PersonName`,
//! `CustomerId`, `AddressName`): what is accepted reads back from what it writes.
#![no_main]

use comptoir_account::{AddressName, CustomerId, Email, PersonName, Phone, Postcode};
use comptoir_fuzz::{json, json_string, parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        let string = json_string(text);
        if let Some(email) = parsed::<Email>(text) {
            assert_eq!(email.as_str(), text.trim());
            assert_eq!(json::<Email>(&string), Some(email));
        }
        if let Some(phone) = parsed::<Phone>(text) {
            let e164 = phone.as_e164();
            assert!(e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()));
            assert_eq!(json::<Phone>(&string), Some(phone));
        }
        if let Some(postcode) = parsed::<Postcode>(text) {
            assert_eq!(postcode.to_string(), text.trim());
            assert_eq!(json::<Postcode>(&string), Some(postcode));
        }
        if let Some(name) = parsed::<PersonName>(text) {
            assert!(name.as_str().chars().count() <= PersonName::DEFAULT_MAX_CHARS);
            assert_eq!(json::<PersonName>(&string), Some(name));
        }
        if let Some(id) = parsed::<CustomerId>(text) {
            assert_eq!(CustomerId::new(id.get()), id);
        }
        if let Some(name) = parsed::<AddressName>(text) {
            assert!(name.as_str().chars().count() <= AddressName::MAX_CHARS);
            assert!(name.same_as(&name));
            assert_eq!(json::<AddressName>(&string), Some(name));
        }
    }
    let _ = json::<Email>(data);
    let _ = json::<Phone>(data);
    let _ = json::<Postcode>(data);
    let _ = json::<PersonName>(data);
    let _ = json::<CustomerId>(data);
    let _ = json::<AddressName>(data);
});
