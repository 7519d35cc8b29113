//! The FAQ's account rules as a customer meets them (ACC-1..4), and bad input.

use chrono::NaiveDate;
use comptoir_account::{
    Account, AccountError, AddressBook, AddressForm, CustomerId, Field, FieldReason, FormPolicy,
    FormText, ProfileForm, RegistrationForm, require_account,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

fn valid_form() -> RegistrationForm {
    RegistrationForm {
        email: "marie.dupont@exemple.fr".into(),
        password: "Motdepasse-2026".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        birth_date: "14/07/1990".into(),
        postcode: "75011".into(),
        phone: "06 12 34 56 78".into(),
    }
}

fn account() -> Account {
    let registration = valid_form()
        .validate(&FormPolicy::default(), today())
        .unwrap();
    registration.into_account(CustomerId::new(7)).0
}

fn address(name: &str, city: &str) -> AddressForm {
    AddressForm {
        name: name.into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        line1: "3 rue des Lilas".into(),
        postcode: "69003".into(),
        city: city.into(),
        ..AddressForm::default()
    }
}

// ACC-2
#[test]
fn a_valid_registration_gives_a_profile_and_a_password() {
    let registration = valid_form()
        .validate(&FormPolicy::default(), today())
        .unwrap();
    let profile = &registration.profile;
    assert_eq!(profile.email().as_str(), "marie.dupont@exemple.fr");
    assert_eq!(profile.phone().unwrap().as_e164(), "+33612345678");
    assert_eq!(profile.birth_date(), NaiveDate::from_ymd_opt(1990, 7, 14));
    assert_eq!(registration.password.expose_secret(), "Motdepasse-2026");
}

// ACC-2: every field wrong at once, each reported with its reason and its red sentence.
#[test]
fn every_invalid_field_is_reported_at_once_in_form_order() {
    let form = RegistrationForm {
        email: "marie.dupont@".into(),
        password: "1234".into(),
        first_name: "M4rie".into(),
        last_name: "".into(),
        birth_date: "30/02/1990".into(),
        postcode: "00123".into(),
        phone: "+1 202 555 0123".into(),
    };
    let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
    let got: Vec<(Field, FieldReason)> = err
        .field_errors()
        .iter()
        .map(|e| (e.field(), e.reason().clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Field::Email, FieldReason::InvalidEmail),
            (Field::Password, FieldReason::PasswordTooShort { min: 12 }),
            (
                Field::FirstName,
                FieldReason::InvalidCharacter { character: '4' }
            ),
            (Field::LastName, FieldReason::Empty),
            (Field::BirthDate, FieldReason::UnreadableDate),
            (Field::Postcode, FieldReason::InvalidPostcode),
            (Field::Phone, FieldReason::ForeignPhone),
        ]
    );
    assert_eq!(
        err.messages_fr(),
        [
            "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
            "Le mot de passe doit contenir au moins 12 caractères.",
            "Le champ « Prénom » ne peut pas contenir le caractère « 4 ».",
            "Le champ « Nom » est obligatoire.",
            "La date de naissance doit être une date valide au format JJ/MM/AAAA.",
            "Le code postal n'est pas un code postal français valide.",
            "Veuillez indiquer un numéro de téléphone français (métropole ou outre-mer).",
        ]
    );
}

// ACC-2: the birth date is checked against the date passed in.
#[test]
fn birth_date_is_checked_against_today() {
    let mut form = valid_form();
    form.birth_date = "2012-01-01".into();
    let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
    assert_eq!(
        err.field_errors()[0].reason(),
        &FieldReason::TooYoung { min_age: 15 }
    );
    assert_eq!(
        err.messages_fr(),
        ["Vous devez avoir au moins 15 ans pour créer un compte."]
    );
    // The same form is fine three years later.
    let later = NaiveDate::from_ymd_opt(2029, 6, 1).unwrap();
    assert!(form.validate(&FormPolicy::default(), later).is_ok());
}

// ACC-2: French overseas numbers and postcodes are French.
#[test]
fn overseas_customers_register_like_anyone() {
    let mut form = valid_form();
    form.postcode = "97410".into();
    form.phone = "0692 12 34 56".into();
    let registration = form.validate(&FormPolicy::default(), today()).unwrap();
    assert!(registration.profile.postcode().is_overseas());
    assert_eq!(
        registration.profile.phone().unwrap().as_e164(),
        "+262692123456"
    );
}

// ACC-2: optional fields, and the policy switches that make them required.
#[test]
fn phone_and_birth_date_are_optional_unless_the_policy_requires_them() {
    let mut form = valid_form();
    form.phone = "  ".into();
    form.birth_date = "".into();
    assert!(form.validate(&FormPolicy::default(), today()).is_ok());
    let strict = FormPolicy {
        phone_required: true,
        birth_date_required: true,
        ..FormPolicy::default()
    };
    let err = form.validate(&strict, today()).unwrap_err();
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field()).collect();
    assert_eq!(fields, [Field::BirthDate, Field::Phone]);
}

// ACC-2, bad input: oversized fields and control characters are typed field errors.
#[test]
fn oversized_fields_and_control_characters_are_field_errors() {
    let mut form = valid_form();
    form.email = format!("{}@exemple.fr", "a".repeat(1_000_000)).into();
    form.first_name = "Marie\nDROP TABLE".into();
    form.last_name = "D".repeat(65).into();
    form.password = "a1".repeat(100).into();
    form.postcode = "75011\u{0}".into();
    form.phone = "0".repeat(10_000).into();
    let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
    let reasons: Vec<FieldReason> = err
        .field_errors()
        .iter()
        .map(|e| e.reason().clone())
        .collect();
    assert_eq!(
        reasons,
        [
            FieldReason::TooLong { max: 254 },
            FieldReason::TooLong { max: 72 },
            FieldReason::ControlCharacter,
            FieldReason::TooLong { max: 64 },
            FieldReason::ControlCharacter,
            FieldReason::TooLong { max: 32 },
        ]
    );
}

// ACC-2, bad input: bytes that are not UTF-8 name their field.
#[test]
fn invalid_utf8_is_reported_for_its_field_only() {
    let mut form = valid_form();
    form.last_name = FormText::from_bytes(vec![b'D', 0xff, b'p']);
    let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
    assert_eq!(err.field_errors().len(), 1);
    assert_eq!(err.field_errors()[0].field(), Field::LastName);
    assert_eq!(err.field_errors()[0].reason(), &FieldReason::InvalidUtf8);
}

// ACC-1
#[test]
fn ordering_needs_an_account() {
    assert_eq!(require_account(None), Err(AccountError::AccountRequired));
    let account = account();
    assert_eq!(
        require_account(Some(&account)).unwrap().id(),
        CustomerId::new(7)
    );
}

// ACC-3
#[test]
fn profile_change_is_refused_without_the_consent_box() {
    let mut account = account();
    let mut form = ProfileForm::prefilled(account.profile());
    form.first_name = "Marie-Claire".into();
    let err = account
        .change_profile(&form, &FormPolicy::default(), today())
        .unwrap_err();
    assert!(err.is_consent_missing());
    assert_eq!(err.field_errors().len(), 1);
    assert_eq!(
        err.messages_fr(),
        [
            "Veuillez accepter les conditions générales et la politique de confidentialité pour enregistrer vos modifications."
        ]
    );
    assert_eq!(account.profile().first_name().as_str(), "Marie");

    form.terms_accepted = true;
    let new_password = account
        .change_profile(&form, &FormPolicy::default(), today())
        .unwrap();
    assert!(new_password.is_none());
    assert_eq!(account.profile().first_name().as_str(), "Marie-Claire");
}

// ACC-3: consent is one more field error, reported with the others.
#[test]
fn profile_change_reports_consent_with_the_other_errors() {
    let mut account = account();
    let mut form = ProfileForm::prefilled(account.profile());
    form.postcode = "7501".into();
    form.new_password = "short".into();
    let err = account
        .change_profile(&form, &FormPolicy::default(), today())
        .unwrap_err();
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field()).collect();
    assert_eq!(
        fields,
        [Field::Password, Field::Postcode, Field::TermsConsent]
    );
    form.postcode = "75011".into();
    form.new_password = "Nouveau-mot-2026".into();
    form.terms_accepted = true;
    let password = account
        .change_profile(&form, &FormPolicy::default(), today())
        .unwrap();
    assert_eq!(password.unwrap().expose_secret(), "Nouveau-mot-2026");
}

// ACC-4
#[test]
fn address_book_holds_home_work_and_holiday_addresses() {
    let policy = FormPolicy::default();
    let mut account = account();
    let book = account.addresses_mut();
    for (name, city) in [
        ("Maison", "Lyon"),
        ("Travail", "Villeurbanne"),
        ("Vacances", "Biarritz"),
    ] {
        book.add(address(name, city).validate(&policy).unwrap())
            .unwrap();
    }
    assert_eq!(book.len(), 3);
    let names: Vec<&str> = book.iter().map(|a| a.name().as_str()).collect();
    assert_eq!(names, ["Maison", "Travail", "Vacances"]);
}

// ACC-4: names are unique ignoring case and surrounding spaces.
#[test]
fn an_address_name_cannot_be_used_twice_whatever_its_case() {
    let policy = FormPolicy::default();
    let mut book = AddressBook::new();
    book.add(address("Maison", "Lyon").validate(&policy).unwrap())
        .unwrap();
    let err = book
        .add(address("  MAISON ", "Paris").validate(&policy).unwrap())
        .unwrap_err();
    assert_eq!(
        err,
        AccountError::DuplicateAddressName {
            name: "MAISON".to_owned()
        }
    );
    assert_eq!(
        err.messages_fr(),
        ["Vous avez déjà une adresse portant ce nom, veuillez en choisir un autre."]
    );
    assert_eq!(book.len(), 1);
    assert_eq!(book.get("maison").unwrap().city(), "Lyon");
}

// ACC-4: edit in place, rename, and refuse a rename onto another address.
#[test]
fn addresses_are_edited_renamed_and_removed() {
    let policy = FormPolicy::default();
    let mut book = AddressBook::new();
    book.add(address("Maison", "Lyon").validate(&policy).unwrap())
        .unwrap();
    book.add(address("Travail", "Lyon").validate(&policy).unwrap())
        .unwrap();

    book.edit(
        "maison",
        address("Maison", "Bron").validate(&policy).unwrap(),
    )
    .unwrap();
    assert_eq!(book.get("Maison").unwrap().city(), "Bron");
    // Changing only the case of its own name is an edit, not a duplicate.
    book.edit(
        "Maison",
        address("MAISON", "Bron").validate(&policy).unwrap(),
    )
    .unwrap();
    assert_eq!(book.get("maison").unwrap().name().as_str(), "MAISON");

    let err = book
        .edit(
            "Maison",
            address("travail", "Bron").validate(&policy).unwrap(),
        )
        .unwrap_err();
    assert!(err.is_duplicate_address_name());
    assert_eq!(book.len(), 2);

    assert!(matches!(
        book.edit(
            "Chalet",
            address("Chalet", "Annecy").validate(&policy).unwrap()
        ),
        Err(AccountError::UnknownAddress { .. })
    ));
    assert_eq!(book.remove("TRAVAIL").unwrap().name().as_str(), "Travail");
    assert!(matches!(
        book.remove("Travail"),
        Err(AccountError::UnknownAddress { .. })
    ));
    assert_eq!(book.len(), 1);
}

// ACC-4, bad input: every invalid address field at once.
#[test]
fn address_form_reports_every_invalid_field() {
    let form = AddressForm {
        name: "x".repeat(33).into(),
        line1: "".into(),
        line2: "bâtiment\tB".into(),
        postcode: "98000".into(),
        city: "Lyon".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        phone: "06 12".into(),
    };
    let err = form.validate(&FormPolicy::default()).unwrap_err();
    let got: Vec<(Field, FieldReason)> = err
        .field_errors()
        .iter()
        .map(|e| (e.field(), e.reason().clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Field::Postcode, FieldReason::InvalidPostcode),
            (Field::Phone, FieldReason::InvalidPhone),
            (Field::AddressName, FieldReason::TooLong { max: 32 }),
            (Field::AddressLine1, FieldReason::Empty),
            (Field::AddressLine2, FieldReason::ControlCharacter),
        ]
    );
}

#[cfg(feature = "serde")]
mod with_serde {
    use super::*;

    // ACC-2, bad input: invalid UTF-8 in JSON is refused by the parser with an error.
    #[test]
    fn invalid_utf8_in_json_is_an_error_not_a_panic() {
        let json = b"{\"email\": \"a\xff@exemple.fr\"}";
        assert!(serde_json::from_slice::<RegistrationForm>(json).is_err());
        let lone_surrogate = br#"{"email": "\udc00@exemple.fr"}"#;
        assert!(serde_json::from_slice::<RegistrationForm>(lone_surrogate).is_err());
    }

    // ACC-2, bad input: a format that carries strings as bytes reaches the field check.
    #[test]
    fn bytes_that_are_not_utf8_become_a_field_error() {
        use serde::Deserialize;
        use serde::de::value::{BytesDeserializer, Error};
        let text = FormText::deserialize(BytesDeserializer::<Error>::new(b"Dupont\xc3")).unwrap();
        assert_eq!(text.as_str(), None);
        let mut form = valid_form();
        form.last_name = text;
        let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
        assert_eq!(err.field_errors()[0].reason(), &FieldReason::InvalidUtf8);
    }

    // ACC-2: a JSON form with missing fields is read, and the missing ones reported.
    #[test]
    fn a_json_form_is_validated_like_any_other() {
        let json = r#"{"email": "marie@exemple.fr", "password": "Motdepasse-2026", "first_name": "Marie", "postcode": null}"#;
        let form: RegistrationForm = serde_json::from_str(json).unwrap();
        let err = form.validate(&FormPolicy::default(), today()).unwrap_err();
        let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field()).collect();
        assert_eq!(fields, [Field::LastName, Field::Postcode]);
    }

    // ACC-4, bad input: a stored address book with a duplicate name is refused.
    #[test]
    fn an_account_round_trips_and_a_duplicate_name_is_refused() {
        let policy = FormPolicy::default();
        let mut account = account();
        account
            .addresses_mut()
            .add(address("Maison", "Lyon").validate(&policy).unwrap())
            .unwrap();
        account
            .addresses_mut()
            .add(address("Travail", "Lyon").validate(&policy).unwrap())
            .unwrap();
        let json = serde_json::to_string(&account).unwrap();
        assert_eq!(serde_json::from_str::<Account>(&json).unwrap(), account);

        let duplicated = json.replace("\"Travail\"", "\"maison\"");
        assert!(serde_json::from_str::<Account>(&duplicated).is_err());
        let bad_email = json.replace("marie.dupont@exemple.fr", "marie.dupont");
        assert!(serde_json::from_str::<Account>(&bad_email).is_err());
        let bad_postcode = json.replacen("\"69003\"", "\"00003\"", 1);
        assert!(serde_json::from_str::<Account>(&bad_postcode).is_err());
    }
}
