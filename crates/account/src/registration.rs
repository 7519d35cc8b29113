//! The registration form (ACC-2) and the profile change form (ACC-3).

use core::fmt;

use chrono::NaiveDate;

use crate::text::{FormText, Presence};
use crate::values::{self, Email, Password, PersonName, Phone, Postcode};
use crate::{AccountError, Field, FieldError, FieldReason};

/// The password rules. The FAQ says nothing; the default follows common practice for a shop.
///
/// Default: at least 8 characters, at most 72 bytes (bcrypt reads no further, and a longer
/// limit would let two passwords hash alike), at least one letter and one digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PasswordPolicy {
    /// Fewest characters (Unicode scalar values).
    pub min_chars: usize,
    /// Most bytes once UTF-8 encoded.
    pub max_bytes: usize,
    /// Whether a letter is required.
    pub require_letter: bool,
    /// Whether an ASCII digit is required.
    pub require_digit: bool,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            min_chars: 8,
            max_bytes: 72,
            require_letter: true,
            require_digit: true,
        }
    }
}

/// What the registration and profile forms accept (ACC-2).
///
/// The FAQ only says that badly formatted fields are shown in red; the defaults are the
/// shop's documented reading:
/// - names: at most 64 characters ([`PersonName`] lists the characters allowed);
/// - password: [`PasswordPolicy::default`];
/// - birth date optional; when given, an age from 15 years (the age from which French law lets
///   a minor consent alone to an online service's use of their data, loi 78-17 art. 45) to
///   120 years (beyond that it is a typing slip);
/// - phone optional, postcode required.
///
/// # Example
///
/// ```
/// use comptoir_account::FormPolicy;
///
/// let strict = FormPolicy { phone_required: true, ..FormPolicy::default() };
/// assert_eq!(strict.min_age_years, 15);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FormPolicy {
    /// Most characters in a first or last name, once trimmed.
    pub max_name_chars: usize,
    /// The password rules.
    pub password: PasswordPolicy,
    /// Youngest age accepted, in completed years.
    pub min_age_years: u32,
    /// Oldest age accepted, in completed years.
    pub max_age_years: u32,
    /// Whether the birth date must be given.
    pub birth_date_required: bool,
    /// Whether the phone number must be given.
    pub phone_required: bool,
}

impl Default for FormPolicy {
    fn default() -> Self {
        FormPolicy {
            max_name_chars: PersonName::DEFAULT_MAX_CHARS,
            password: PasswordPolicy::default(),
            min_age_years: 15,
            max_age_years: 120,
            birth_date_required: false,
            phone_required: false,
        }
    }
}

fn presence(required: bool) -> Presence {
    if required {
        Presence::Required
    } else {
        Presence::Optional
    }
}

/// A customer's personal information, every field valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Profile {
    email: Email,
    first_name: PersonName,
    last_name: PersonName,
    birth_date: Option<NaiveDate>,
    postcode: Postcode,
    phone: Option<Phone>,
}

impl Profile {
    /// The e-mail address, also the login.
    pub fn email(&self) -> &Email {
        &self.email
    }

    /// The first name.
    pub fn first_name(&self) -> &PersonName {
        &self.first_name
    }

    /// The last name.
    pub fn last_name(&self) -> &PersonName {
        &self.last_name
    }

    /// The birth date, when given.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
    }

    /// The postcode.
    pub fn postcode(&self) -> Postcode {
        self.postcode
    }

    /// The phone number, when given.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }
}

/// Collects one result per field, so that every invalid field is reported (ACC-2).
#[derive(Default)]
pub(crate) struct Errors(Vec<FieldError>);

impl Errors {
    pub(crate) fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    /// The value when no field failed; otherwise every error, in the order of the fields on
    /// the form (the order of [`Field`]'s variants).
    pub(crate) fn finish<T>(mut self, value: Option<T>) -> Result<T, AccountError> {
        match value {
            Some(value) if self.0.is_empty() => Ok(value),
            _ => {
                self.0.sort_by_key(FieldError::field);
                Err(AccountError::InvalidForm { errors: self.0 })
            }
        }
    }
}

/// The raw fields a profile is read from, shared by registration and profile changes.
struct ProfileFields<'a> {
    email: &'a FormText,
    first_name: &'a FormText,
    last_name: &'a FormText,
    birth_date: &'a FormText,
    postcode: &'a FormText,
    phone: &'a FormText,
}

/// Reads every field of a profile, recording one error per invalid field.
fn read_profile(
    errors: &mut Errors,
    fields: ProfileFields<'_>,
    policy: &FormPolicy,
    today: NaiveDate,
) -> Option<Profile> {
    let ProfileFields {
        email,
        first_name,
        last_name,
        birth_date,
        postcode,
        phone,
    } = fields;
    let email = errors.take(Email::from_form(email));
    let first_name = errors.take(PersonName::from_form(
        Field::FirstName,
        first_name,
        policy.max_name_chars,
    ));
    let last_name = errors.take(PersonName::from_form(
        Field::LastName,
        last_name,
        policy.max_name_chars,
    ));
    let birth_date = errors.take(values::birth_date(
        birth_date,
        presence(policy.birth_date_required),
        today,
        policy.min_age_years,
        policy.max_age_years,
    ));
    let postcode = errors.take(Postcode::from_form(postcode));
    let phone = errors.take(Phone::from_form(phone, presence(policy.phone_required)));
    Some(Profile {
        email: email?,
        first_name: first_name?,
        last_name: last_name?,
        birth_date: birth_date?,
        postcode: postcode?,
        phone: phone?,
    })
}

/// The registration form as sent (ACC-2): raw text, validated as a whole by
/// [`RegistrationForm::validate`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_account::{Field, FormPolicy, RegistrationForm};
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
/// let form = RegistrationForm {
///     email: "marie.dupont@exemple".into(),
///     password: "court".into(),
///     first_name: "Marie".into(),
///     last_name: "Dupont".into(),
///     birth_date: "".into(),
///     postcode: "75011".into(),
///     phone: "06 12 34 56 78".into(),
/// };
/// let err = form.validate(&FormPolicy::default(), today).unwrap_err();
/// let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field()).collect();
/// assert_eq!(fields, [Field::Email, Field::Password]);
/// assert_eq!(err.messages_fr()[1], "Le mot de passe doit contenir au moins 8 caractères.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct RegistrationForm {
    /// E-mail address.
    pub email: FormText,
    /// Password, not trimmed.
    pub password: FormText,
    /// First name.
    pub first_name: FormText,
    /// Last name.
    pub last_name: FormText,
    /// Birth date, `JJ/MM/AAAA` or `AAAA-MM-JJ`; empty when not given.
    pub birth_date: FormText,
    /// Postcode.
    pub postcode: FormText,
    /// Phone number; empty when not given.
    pub phone: FormText,
}

impl fmt::Debug for RegistrationForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistrationForm")
            .field("email", &self.email)
            .field("password", &"<redacted>")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("birth_date", &self.birth_date)
            .field("postcode", &self.postcode)
            .field("phone", &self.phone)
            .finish()
    }
}

/// A registration whose every field passed: the profile to store and the password to hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// The new customer's information.
    pub profile: Profile,
    /// The chosen password.
    pub password: Password,
}

impl RegistrationForm {
    /// Checks every field against `policy`; `today` (the shop's date, Paris time) is what the
    /// birth date is checked against.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidForm`] listing every invalid field, in form order, one error per
    /// field (ACC-2).
    pub fn validate(
        &self,
        policy: &FormPolicy,
        today: NaiveDate,
    ) -> Result<Registration, AccountError> {
        let mut errors = Errors::default();
        let profile = read_profile(
            &mut errors,
            ProfileFields {
                email: &self.email,
                first_name: &self.first_name,
                last_name: &self.last_name,
                birth_date: &self.birth_date,
                postcode: &self.postcode,
                phone: &self.phone,
            },
            policy,
            today,
        );
        let password = errors.take(Password::from_form(&self.password, &policy.password));
        let registration = profile
            .zip(password)
            .map(|(profile, password)| Registration { profile, password });
        errors.finish(registration)
    }
}

/// A change of personal information (ACC-3): the new values of every field, the optional new
/// password, and the consent box.
///
/// "Changez l'information de votre choix et cochez sur « J'accepte les conditions générales
/// et la politique de confidentialité » avant de confirmer": the change is refused unless
/// `terms_accepted` is true, whatever else the form holds.
#[derive(Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct ProfileForm {
    /// E-mail address.
    pub email: FormText,
    /// First name.
    pub first_name: FormText,
    /// Last name.
    pub last_name: FormText,
    /// Birth date, `JJ/MM/AAAA` or `AAAA-MM-JJ`; empty when not given.
    pub birth_date: FormText,
    /// Postcode.
    pub postcode: FormText,
    /// Phone number; empty when not given.
    pub phone: FormText,
    /// A new password, or empty to keep the current one.
    pub new_password: FormText,
    /// Whether the box "J'accepte les conditions générales et la politique de
    /// confidentialité" is ticked.
    pub terms_accepted: bool,
}

impl fmt::Debug for ProfileForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileForm")
            .field("email", &self.email)
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("birth_date", &self.birth_date)
            .field("postcode", &self.postcode)
            .field("phone", &self.phone)
            .field("new_password", &"<redacted>")
            .field("terms_accepted", &self.terms_accepted)
            .finish()
    }
}

impl ProfileForm {
    /// The form pre-filled with `profile`, as the shop shows it, box unticked.
    pub fn prefilled(profile: &Profile) -> ProfileForm {
        ProfileForm {
            email: profile.email.as_str().into(),
            first_name: profile.first_name.as_str().into(),
            last_name: profile.last_name.as_str().into(),
            birth_date: profile
                .birth_date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default()
                .into(),
            postcode: profile.postcode.to_string().into(),
            phone: profile
                .phone
                .as_ref()
                .map(|p| p.as_e164().to_owned())
                .unwrap_or_default()
                .into(),
            new_password: FormText::default(),
            terms_accepted: false,
        }
    }

    /// Checks the change: every field as at registration, the new password if one is given,
    /// and the consent box (ACC-3). Returns the new profile and the new password, if any.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidForm`] listing every invalid field, the unticked box included
    /// as [`Field::TermsConsent`] (last, where the box sits on the form).
    pub fn validate(
        &self,
        policy: &FormPolicy,
        today: NaiveDate,
    ) -> Result<(Profile, Option<Password>), AccountError> {
        let mut errors = Errors::default();
        let profile = read_profile(
            &mut errors,
            ProfileFields {
                email: &self.email,
                first_name: &self.first_name,
                last_name: &self.last_name,
                birth_date: &self.birth_date,
                postcode: &self.postcode,
                phone: &self.phone,
            },
            policy,
            today,
        );
        let password = if self.new_password.as_bytes().is_empty() {
            Some(None)
        } else {
            errors
                .take(Password::from_form(&self.new_password, &policy.password))
                .map(Some)
        };
        if !self.terms_accepted {
            errors.0.push(FieldError::new(
                Field::TermsConsent,
                FieldReason::ConsentRequired,
            ));
        }
        errors.finish(profile.zip(password))
    }
}
