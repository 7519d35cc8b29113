//! Invariants of the account forms and the address book (ACC-2, ACC-4).

use chrono::NaiveDate;
use comptoir_account::{
    AddressBook, AddressForm, AddressName, CustomerId, Email, Field, FormPolicy, FormText,
    PersonName, Phone, Postcode, RegistrationForm, strategies,
};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// An invalid value for field number `field` of the registration form, chosen by `pick`.
fn invalid_value(field: usize, pick: usize) -> FormText {
    let choices: &[&str] = match field {
        0 => &[
            "",
            "sans-arobase",
            "a@b",
            "a@@b.fr",
            "x\n@b.fr",
            "Marie <m@b.fr>",
        ],
        1 => &["", "court1", "sanschiffre", "12345678", "tab\t1234a"],
        2 | 3 => &["", "R2D2", "Jean_Paul", "--", "Jean\u{7}"],
        4 => &[
            "31/02/1990",
            "1990-13-01",
            "01/01/2030",
            "01/01/1850",
            "01/01/2020",
            "hier",
        ],
        5 => &["", "00100", "7500", "98000", "2A000", "75 01"],
        _ => &["12", "+1 202 555 0123", "06 12 34 56 7x", "0612"],
    };
    match choices.get(pick % choices.len()) {
        Some(value) => (*value).into(),
        None => FormText::from_bytes(vec![0xff]),
    }
}

fn set(form: &mut RegistrationForm, field: usize, value: FormText) {
    match field {
        0 => form.email = value,
        1 => form.password = value,
        2 => form.first_name = value,
        3 => form.last_name = value,
        4 => form.birth_date = value,
        5 => form.postcode = value,
        _ => form.phone = value,
    }
}

const FIELDS: [Field; 7] = [
    Field::Email,
    Field::Password,
    Field::FirstName,
    Field::LastName,
    Field::BirthDate,
    Field::Postcode,
    Field::Phone,
];

proptest! {
    // ACC-2
    #[test]
    fn a_valid_form_is_accepted(form in strategies::registration_form(today())) {
        prop_assert!(form.validate(&FormPolicy::default(), today()).is_ok());
    }

    // ACC-2: a form with k invalid fields reports exactly k errors, naming those fields.
    #[test]
    fn a_form_with_k_invalid_fields_reports_exactly_k_errors(
        mut form in strategies::registration_form(today()),
        broken in proptest::sample::subsequence((0..7usize).collect::<Vec<_>>(), 0..=7),
        picks in proptest::collection::vec(any::<usize>(), 7),
        not_utf8 in proptest::collection::vec(any::<bool>(), 7),
    ) {
        for &field in &broken {
            let value = if not_utf8[field] {
                FormText::from_bytes(vec![b'a', 0xc3, 0x28])
            } else {
                invalid_value(field, picks[field])
            };
            set(&mut form, field, value);
        }
        let result = form.validate(&FormPolicy::default(), today());
        if broken.is_empty() {
            prop_assert!(result.is_ok());
        } else {
            let err = result.unwrap_err();
            let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field()).collect();
            let expected: Vec<Field> = broken.iter().map(|&i| FIELDS[i]).collect();
            prop_assert_eq!(fields, expected);
            prop_assert_eq!(err.messages_fr().len(), broken.len());
        }
    }

    // ACC-2, bad input: any text in any field gives an answer, never a panic.
    #[test]
    fn any_text_in_any_field_is_answered(
        mut form in strategies::registration_form(today()),
        field in 0..7usize,
        text in any::<String>(),
    ) {
        set(&mut form, field, text.into());
        let result = form.validate(&FormPolicy::default(), today());
        if let Err(err) = result {
            prop_assert_eq!(err.field_errors().len(), 1);
            prop_assert_eq!(err.field_errors()[0].field(), FIELDS[field]);
        }
    }

    // ACC-2, bad input: digit-heavy text in the phone field never panics the parser.
    #[test]
    fn any_phone_like_text_is_answered(text in "[+0-9 ().-]{0,40}") {
        match text.parse::<comptoir_account::Phone>() {
            Ok(phone) => {
                let digits = phone.as_e164().strip_prefix('+').unwrap_or("");
                prop_assert!(!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()));
            }
            Err(err) => prop_assert_eq!(err.field_errors()[0].field(), Field::Phone),
        }
    }

    // ACC-4: whatever is added, edited and removed, no two addresses share a name.
    #[test]
    fn an_address_book_never_holds_two_addresses_with_the_same_name(
        forms in proptest::collection::vec(strategies::address_form(), 1..20),
        ops in proptest::collection::vec((0..3u8, any::<usize>(), any::<usize>()), 1..40),
    ) {
        let policy = FormPolicy::default();
        let addresses: Vec<_> = forms.iter().map(|f: &AddressForm| f.validate(&policy).unwrap()).collect();
        let mut book = AddressBook::new();
        for (op, a, b) in ops {
            let address = addresses[a % addresses.len()].clone();
            let before = book.clone();
            let result = match op {
                0 => book.add(address),
                1 => {
                    let target = addresses[b % addresses.len()].name().as_str().to_owned();
                    book.edit(&target, address)
                }
                _ => book.remove(address.name().as_str()).map(|_| ()),
            };
            if result.is_err() {
                // A refused change leaves the book as it was.
                prop_assert_eq!(&book, &before);
            }
            let keys: Vec<String> = book.iter().map(|a| a.name().as_str().to_lowercase()).collect();
            let mut unique = keys.clone();
            unique.sort();
            unique.dedup();
            prop_assert_eq!(unique.len(), keys.len(), "{:?}", keys);
        }
    }
}

proptest! {
    // ACC-2, ACC-4: every value type reads back from what it displays.
    #[test]
    fn acc_2_acc_4_values_read_back_from_their_text(
        name in strategies::person_name(),
        email in strategies::email(),
        postcode in strategies::postcode(),
        phone in strategies::phone(),
        address_name in strategies::address_name(),
        id in any::<u64>(),
    ) {
        let name: PersonName = name.parse()?;
        prop_assert_eq!(name.to_string().parse::<PersonName>()?, name);
        let email: Email = email.parse()?;
        prop_assert_eq!(email.to_string().parse::<Email>()?, email);
        let postcode: Postcode = postcode.parse()?;
        prop_assert_eq!(postcode.to_string().parse::<Postcode>()?, postcode);
        let phone: Phone = phone.parse()?;
        prop_assert_eq!(phone.to_string().parse::<Phone>()?, phone);
        let address_name: AddressName = address_name.parse()?;
        prop_assert_eq!(address_name.to_string().parse::<AddressName>()?, address_name);
        let id = CustomerId::new(id);
        prop_assert_eq!(id.to_string().parse::<CustomerId>()?, id);
    }
}

// ACC-1: a customer id is digits only.
#[test]
fn acc_1_customer_ids_are_digits_only() {
    for bad in ["", "-1", "+1", " 1", "1a", "18446744073709551616"] {
        assert!(bad.parse::<CustomerId>().is_err(), "{bad:?}");
    }
}
