//! [`proptest`](mod@proptest) strategies for account forms, for property tests of code built on this crate.
//!
//! Every form generated passes validation under the default [`FormPolicy`](crate::FormPolicy)
//! for any "today" from 2000 to 2100 (the birth dates keep an age from 20 to 90 years).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use comptoir_account::{strategies, FormPolicy};
//! use proptest::prelude::*;
//!
//! let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
//! proptest!(|(form in strategies::registration_form(today))| {
//!     prop_assert!(form.validate(&FormPolicy::default(), today).is_ok());
//! });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use crate::{AddressForm, FormText, RegistrationForm};

/// A valid first or last name: letters, with an optional hyphenated second part.
pub fn person_name() -> impl Strategy<Value = String> {
    let part = proptest::sample::select(vec![
        "Marie", "Jean", "Éloïse", "Zoé", "Martin", "Dupont", "Nguyễn", "Lefèvre", "Anaïs", "Lucas",
    ]);
    (part.clone(), proptest::option::of(part)).prop_map(|(a, b)| match b {
        Some(b) => format!("{a}-{b}"),
        None => a.to_owned(),
    })
}

/// A valid e-mail address.
pub fn email() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z0-9._]{0,15}[a-z0-9]",
        proptest::sample::select(vec!["exemple.fr", "orange.fr", "gmail.com", "laposte.net"]),
    )
        .prop_map(|(local, domain)| format!("{local}@{domain}"))
        .prop_filter("no double dot", |e| !e.contains(".."))
}

/// A valid password under the default policy (the CNIL's): 12 to 27 characters mixing
/// upper and lower case, digits and a special character, or a passphrase of 7 or 8 words
/// (nine of the longest words would pass the 72-byte limit).
pub fn password() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(vec![
        "chat", "soleil", "marée", "vélo", "prune", "orage", "tilleul", "fjord", "brioche",
        "lanterne",
    ]);
    prop_oneof![
        "[A-Z][a-z]{6,12}[0-9]{2,5}[!?_@-][a-z]{2,8}",
        proptest::collection::vec(word, 7..=8).prop_map(|words| words.join(" ")),
    ]
}

/// A valid French postcode, metropolitan, Corsican or overseas.
pub fn postcode() -> impl Strategy<Value = String> {
    prop_oneof![
        (1_000u32..=95_999).prop_map(|c| format!("{c:05}")),
        (97_100u32..=97_699).prop_map(|c| c.to_string()),
        (98_600u32..=98_890).prop_map(|c| c.to_string()),
    ]
}

/// A valid French phone number as a customer types it (mobile, metropolitan or overseas).
pub fn phone() -> impl Strategy<Value = String> {
    prop_oneof![
        // Mobile blocks allocated in metropolitan France: 060-062, 064-068, 073-079.
        ("6[0-24-8]|7[3-9]", 0u32..=9_999_999).prop_map(|(p, n)| format!("0{p}{n:07}")),
        (0u32..=9_999).prop_map(|n| format!("0690 00 {:02} {:02}", n / 100, n % 100)),
        (0u32..=999_999).prop_map(|n| format!("+262 692 {n:06}")),
    ]
}

/// A birth date that gives an age from 20 to 90 years on `today`, written `JJ/MM/AAAA`.
pub fn birth_date(today: NaiveDate) -> impl Strategy<Value = String> {
    let year = today.year();
    (
        year.saturating_sub(90)..=year.saturating_sub(21),
        1u32..=12,
        1u32..=28,
    )
        .prop_map(|(y, m, d)| format!("{d:02}/{m:02}/{y:04}"))
}

/// A registration form whose every field is valid on `today`.
pub fn registration_form(today: NaiveDate) -> impl Strategy<Value = RegistrationForm> {
    (
        email(),
        password(),
        person_name(),
        person_name(),
        proptest::option::of(birth_date(today)),
        postcode(),
        proptest::option::of(phone()),
    )
        .prop_map(
            |(email, password, first, last, birth, postcode, phone)| RegistrationForm {
                email: email.into(),
                password: password.into(),
                first_name: first.into(),
                last_name: last.into(),
                birth_date: birth.unwrap_or_default().into(),
                postcode: postcode.into(),
                phone: phone.unwrap_or_default().into(),
            },
        )
}

/// An address name: a word and an optional number.
pub fn address_name() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(vec![
            "Maison", "Travail", "Vacances", "maison", "TRAVAIL", "Parents",
        ]),
        proptest::option::of(1u8..4),
    )
        .prop_map(|(w, n)| n.map_or_else(|| w.to_owned(), |n| format!("{w} {n}")))
}

/// An address form whose every field is valid.
pub fn address_form() -> impl Strategy<Value = AddressForm> {
    (
        address_name(),
        person_name(),
        person_name(),
        1u32..200,
        postcode(),
        proptest::option::of(phone()),
    )
        .prop_map(|(name, first, last, number, postcode, phone)| AddressForm {
            name: name.into(),
            first_name: first.into(),
            last_name: last.into(),
            line1: format!("{number} rue de la République").into(),
            line2: FormText::default(),
            postcode: postcode.into(),
            city: "Lyon".into(),
            phone: phone.unwrap_or_default().into(),
        })
}
