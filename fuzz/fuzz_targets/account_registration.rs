//! The registration and profile forms from JSON (any field, any bytes), validated under the
//! default policy: never a panic, and a form accepted gives a profile whose every value
//! parses back as itself, which writes JSON that reads back equal, and which the profile
//! form, pre-filled with it, gives back unchanged.
#![no_main]

use chrono::NaiveDate;
use comptoir_account::{
    Email, FormPolicy, Password, PersonName, Phone, Postcode, Profile, ProfileForm,
    RegistrationForm,
};
use comptoir_fuzz::json_written_back;
use libfuzzer_sys::fuzz_target;

fn check(profile: &Profile, policy: &FormPolicy, today: NaiveDate) {
    json_written_back(profile);
    assert_eq!(profile.email().as_str().parse::<Email>().as_ref(), Ok(profile.email()));
    for name in [profile.first_name(), profile.last_name()] {
        assert_eq!(name.as_str().parse::<PersonName>().as_ref(), Ok(name));
    }
    assert_eq!(profile.postcode().to_string().parse::<Postcode>(), Ok(profile.postcode()));
    if let Some(phone) = profile.phone() {
        assert_eq!(phone.as_e164().parse::<Phone>().as_ref(), Ok(phone));
    }
    let mut form = ProfileForm::prefilled(profile);
    form.terms_accepted = true;
    assert_eq!(form.validate(policy, today), Ok((profile.clone(), None)));
}

fuzz_target!(|data: &[u8]| {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default();
    let policy = FormPolicy::default();
    if let Ok(form) = serde_json::from_slice::<RegistrationForm>(data) {
        if let Ok(registration) = form.validate(&policy, today) {
            check(&registration.profile, &policy, today);
            let password = registration.password.expose_secret();
            assert!(Password::new(password, &policy.password).is_ok());
        }
    }
    if let Ok(form) = serde_json::from_slice::<ProfileForm>(data) {
        if let Ok((profile, password)) = form.validate(&policy, today) {
            assert!(form.terms_accepted, "ACC-3: accepted without the box ticked");
            check(&profile, &policy, today);
            assert_eq!(password.is_some(), !form.new_password.as_bytes().is_empty());
        }
    }
});
