//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked or panicked stays here, fixed.
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use comptoir_account::{
    Account, AddressBook, AddressForm, CustomerId, FormPolicy, PasswordPolicy, Profile,
    RegistrationForm,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn account() -> Account {
    let form = RegistrationForm {
        email: "marie.dupont@exemple.fr".into(),
        password: "Motdepasse-2026".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        birth_date: "14/07/1990".into(),
        postcode: "75011".into(),
        phone: "06 12 34 56 78".into(),
    };
    let registration = form.validate(&FormPolicy::default(), today()).unwrap();
    registration.into_account(CustomerId::new(7)).0
}

// ACC-2: a stored profile's birth date is one the form could have read. Before, any date
// chrono reads deserialised ("-1995-02-18", year 0, five-digit years).
#[test]
fn acc_2_a_profile_or_account_with_an_impossible_birth_date_does_not_deserialise() {
    let account = account();
    let json = serde_json::to_string(&account).unwrap();
    assert!(json.contains(r#""birth_date":"1990-07-14""#), "{json}");
    for bad in [
        "-1995-02-18",
        "0000-02-18",
        "+12345-02-18",
        "1995-2-18",
        "1995-02-30",
    ] {
        let mutated = json.replace("1990-07-14", bad);
        let error = serde_json::from_str::<Account>(&mutated).unwrap_err();
        assert!(error.to_string().contains("birth date"), "{bad}: {error}");
        let profile = serde_json::to_string(account.profile())
            .unwrap()
            .replace("1990-07-14", bad);
        assert!(serde_json::from_str::<Profile>(&profile).is_err(), "{bad}");
    }
    // The form's other spelling is read too; what deserialises round-trips.
    let french = json.replace("1990-07-14", "14/07/1990");
    assert_eq!(serde_json::from_str::<Account>(&french).unwrap(), account);
    assert_eq!(serde_json::from_str::<Account>(&json).unwrap(), account);
    let without = json.replace(r#""birth_date":"1990-07-14","#, "");
    let read: Account = serde_json::from_str(&without).unwrap();
    assert_eq!(read.profile().birth_date(), None);
    let null = json.replace(r#""1990-07-14""#, "null");
    assert_eq!(serde_json::from_str::<Account>(&null).unwrap(), read);
}

// ACC-2: a form policy no form could meet does not load; the weaker password rule must be
// asked for by name, and an old policy file (with the fields of the rule before) is
// refused rather than silently read as the default.
#[test]
fn acc_2_form_policies_are_checked_when_read() {
    for bad in [
        r#"{"min_age_years":30,"max_age_years":20}"#,
        r#"{"max_name_chars":0}"#,
        r#"{"password":{"max_bytes":8}}"#,
        r#"{"password":{"mixed":{"min_chars":0,"classes":{}}}}"#,
        r#"{"password":{"passphrase_min_words":0}}"#,
        r#"{"password":{"min_chars":8,"max_bytes":72,"require_letter":true,"require_digit":true}}"#,
    ] {
        assert!(serde_json::from_str::<FormPolicy>(bad).is_err(), "{bad}");
    }
    let default: FormPolicy = serde_json::from_str("{}").unwrap();
    assert_eq!(default, FormPolicy::default());
    let weaker = FormPolicy {
        password: PasswordPolicy::WEAKER_LETTER_AND_DIGIT,
        ..FormPolicy::default()
    };
    let json = serde_json::to_string(&weaker).unwrap();
    assert_eq!(serde_json::from_str::<FormPolicy>(&json).unwrap(), weaker);
    let invalid = FormPolicy {
        min_age_years: 30,
        max_age_years: 20,
        ..FormPolicy::default()
    };
    assert!(matches!(
        AddressForm::default().validate(&invalid),
        Err(comptoir_account::AccountError::InvalidPolicy { .. })
    ));
}

// ACC-4: a stored address book loads in linear time and still refuses duplicate names.
#[test]
fn acc_4_a_large_stored_address_book_loads_and_refuses_duplicates() {
    let address = |name: &str| {
        AddressForm {
            name: name.into(),
            first_name: "Marie".into(),
            last_name: "Dupont".into(),
            line1: "1 rue de la Paix".into(),
            postcode: "75002".into(),
            city: "Paris".into(),
            ..AddressForm::default()
        }
        .validate(&FormPolicy::default())
        .unwrap()
    };
    let many: Vec<_> = (0..20_000)
        .map(|i| address(&format!("Adresse {i}")))
        .collect();
    let book = AddressBook::try_from(many.clone()).unwrap();
    assert_eq!(book.len(), 20_000);
    let mut duplicate = many;
    duplicate.push(address("ADRESSE 17"));
    assert!(AddressBook::try_from(duplicate).is_err_and(|e| e.is_duplicate_address_name()));
}

// ACC-1: found by fuzzing. "+687(00050091" was accepted as the New Caledonian number
// "+687050091", which the same reading then refuses (the phone-number parser answers
// differently for one number depending on the region it assumes). A number is kept only
// when its stored form reads back as itself.
#[test]
fn acc_1_a_phone_number_is_kept_only_if_its_stored_form_reads_back() {
    use comptoir_account::Phone;
    assert!("+687(00050091".parse::<Phone>().is_err());
    assert!("+687050091".parse::<Phone>().is_err());
    for text in [
        "06 12 34 56 78",
        "+687 28 12 34",
        "0692 12 34 56",
        "+33 (0)6 12 34 56 78",
    ] {
        if let Ok(phone) = text.parse::<Phone>() {
            assert_eq!(
                phone.as_e164().parse::<Phone>().ok(),
                Some(phone.clone()),
                "{text}"
            );
            let json = serde_json::to_string(&phone).unwrap();
            assert_eq!(
                serde_json::from_str::<Phone>(&json).ok(),
                Some(phone),
                "{text}"
            );
        } else {
            assert!(text.starts_with("+33 (0)"), "{text} should be accepted");
        }
    }
}
