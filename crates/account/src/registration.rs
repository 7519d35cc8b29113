//! The registration form (ACC-2) and the profile change form (ACC-3).

use core::fmt;

use chrono::NaiveDate;

use crate::text::{FormText, Presence};
use crate::values::{self, Email, Password, PersonName, Phone, Postcode};
use crate::{AccountError, Field, FieldError, FieldReason};

/// The kinds of characters a password must mix ([`Composition`]).
///
/// A letter is upper-case or lower-case as Unicode says (`É` is upper-case); a digit is an
/// ASCII digit; a special character is anything else that is neither a letter, a digit nor
/// a space (`!`, `?`, `€`, `_`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct CharClasses {
    /// A lower-case letter is required.
    pub lowercase: bool,
    /// An upper-case letter is required.
    pub uppercase: bool,
    /// A letter of any case (or of a script without case) is required.
    pub letter: bool,
    /// An ASCII digit is required.
    pub digit: bool,
    /// A special character is required.
    pub symbol: bool,
}

/// One way for a password to meet a [`PasswordPolicy`]: a length and the kinds of
/// characters it mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Composition {
    /// Fewest characters (Unicode scalar values).
    pub min_chars: usize,
    /// The kinds of characters it must contain.
    pub classes: CharClasses,
}

/// The password rules (ACC-2). The FAQ says nothing, so the default is the French data
/// protection authority's recommendation for a password that alone protects an account.
///
/// The CNIL's recommendation on passwords (délibération n° 2022-100 du 21 juillet 2022,
/// case 1, "authentification par mot de passe seul") asks for at least 80 bits of entropy
/// and gives three ways to get there; [`PasswordPolicy::CNIL`], the default, accepts a
/// password that meets any one of them:
///
/// - at least 12 characters with an upper-case letter, a lower-case letter, a digit and a
///   special character;
/// - at least 14 characters with an upper-case letter, a lower-case letter and a digit;
/// - a passphrase of at least 7 words (a word being a run of letters or digits between
///   spaces or punctuation).
///
/// In every case at most 72 bytes once UTF-8 encoded (bcrypt reads no further, and a longer
/// limit would let two passwords hash alike) and no control character. A refused password
/// is reported against the first way (too short, or which kind of character is missing);
/// [`PasswordPolicy::description_fr`] gives the sentence that explains all three under the
/// field.
///
/// [`PasswordPolicy::WEAKER_LETTER_AND_DIGIT`] keeps the rule the shop used before: 8
/// characters with a letter and a digit. It is below the recommendation (at most
/// 8 × log2(62) ≈ 48 bits, short of even the 50 bits the CNIL asks when failed attempts are
/// limited, its case 2), and is there only for a shop that must accept passwords chosen
/// under it; choose it explicitly:
///
/// ```
/// use comptoir_account::{FormPolicy, Password, PasswordPolicy};
///
/// assert!(Password::new("Soleil-2026!", &PasswordPolicy::default()).is_ok());
/// assert!(Password::new("trois petits chats dans le jardin fleuri", &PasswordPolicy::default()).is_ok());
/// assert!(Password::new("motdepasse7", &PasswordPolicy::default()).is_err());
///
/// let weaker = FormPolicy { password: PasswordPolicy::WEAKER_LETTER_AND_DIGIT, ..FormPolicy::default() };
/// assert!(Password::new("motdepasse7", &weaker.password).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature a policy deserialises through [`PasswordPolicy::validate`];
/// fields left out take the default's values, unknown fields (such as the `min_chars` of
/// the rule before) are refused rather than ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PasswordPolicyData"))]
pub struct PasswordPolicy {
    /// Most bytes once UTF-8 encoded.
    pub max_bytes: usize,
    /// The main way to meet the policy; a refused password is reported against it.
    pub mixed: Composition,
    /// Another way, usually longer with fewer kinds of characters, if any.
    pub long: Option<Composition>,
    /// Fewest words of a passphrase accepted whatever its characters, if passphrases are.
    pub passphrase_min_words: Option<usize>,
}

impl PasswordPolicy {
    /// The CNIL's recommendation for a password alone (délibération n° 2022-100, case 1):
    /// 12 characters mixing upper and lower case, digits and special characters; or 14
    /// mixing upper and lower case and digits; or a passphrase of 7 words. The default.
    pub const CNIL: PasswordPolicy = PasswordPolicy {
        max_bytes: 72,
        mixed: Composition {
            min_chars: 12,
            classes: CharClasses {
                lowercase: true,
                uppercase: true,
                letter: false,
                digit: true,
                symbol: true,
            },
        },
        long: Some(Composition {
            min_chars: 14,
            classes: CharClasses {
                lowercase: true,
                uppercase: true,
                letter: false,
                digit: true,
                symbol: false,
            },
        }),
        passphrase_min_words: Some(7),
    };

    /// The rule before the CNIL's: at least 8 characters with a letter and a digit, at most
    /// 72 bytes. **Weaker than the recommendation** (about 48 bits at best): keep it only
    /// where passwords chosen under it must still be accepted, with failed attempts limited.
    pub const WEAKER_LETTER_AND_DIGIT: PasswordPolicy = PasswordPolicy {
        max_bytes: 72,
        mixed: Composition {
            min_chars: 8,
            classes: CharClasses {
                lowercase: false,
                uppercase: false,
                letter: true,
                digit: true,
                symbol: false,
            },
        },
        long: None,
        passphrase_min_words: None,
    };

    /// Checks the policy can accept a password: at least one character asked, and the
    /// shortest accepted password fits in `max_bytes`.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidPolicy`] saying which limit is wrong.
    pub fn validate(&self) -> Result<(), AccountError> {
        let invalid = |reason| Err(AccountError::InvalidPolicy { reason });
        for composition in core::iter::once(&self.mixed).chain(&self.long) {
            if composition.min_chars == 0 {
                return invalid("a password composition must ask for at least one character");
            }
            if composition.min_chars > self.max_bytes {
                return invalid(
                    "a password composition asks for more characters than max_bytes holds",
                );
            }
        }
        if self.passphrase_min_words == Some(0) {
            return invalid("a passphrase must have at least one word");
        }
        Ok(())
    }

    /// What the password field asks for, in French, to show under it before the customer
    /// types (the default's: "Au moins 12 caractères dont une majuscule, une minuscule, un
    /// chiffre et un caractère spécial ; ou au moins 14 caractères dont une majuscule, une
    /// minuscule et un chiffre ; ou une phrase d'au moins 7 mots.").
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_account::PasswordPolicy;
    ///
    /// assert_eq!(
    ///     PasswordPolicy::WEAKER_LETTER_AND_DIGIT.description_fr(),
    ///     "Au moins 8 caractères dont une lettre et un chiffre."
    /// );
    /// ```
    pub fn description_fr(&self) -> String {
        let mut ways: Vec<String> = core::iter::once(&self.mixed)
            .chain(&self.long)
            .map(Composition::description_fr)
            .collect();
        if let Some(words) = self.passphrase_min_words {
            ways.push(format!("une phrase d'au moins {words} mots"));
        }
        let mut text = ways.join(" ; ou ");
        if let Some(first) = text.get(..1) {
            let upper = first.to_uppercase();
            text.replace_range(..1, &upper);
        }
        text.push('.');
        text
    }
}

impl Composition {
    /// "au moins 12 caractères dont une majuscule, ...".
    fn description_fr(&self) -> String {
        let c = self.classes;
        let kinds: Vec<&str> = [
            (c.uppercase, "une majuscule"),
            (c.lowercase, "une minuscule"),
            (c.letter, "une lettre"),
            (c.digit, "un chiffre"),
            (c.symbol, "un caractère spécial"),
        ]
        .into_iter()
        .filter_map(|(asked, kind)| asked.then_some(kind))
        .collect();
        let chars = format!("au moins {} caractères", self.min_chars);
        match kinds.split_last() {
            None => chars,
            Some((last, [])) => format!("{chars} dont {last}"),
            Some((last, rest)) => format!("{chars} dont {} et {last}", rest.join(", ")),
        }
    }
}

impl Default for PasswordPolicy {
    /// [`PasswordPolicy::CNIL`].
    fn default() -> Self {
        PasswordPolicy::CNIL
    }
}

/// The serde form of [`PasswordPolicy`]: the same fields, the default's for those left out.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PasswordPolicyData {
    max_bytes: usize,
    mixed: Composition,
    long: Option<Composition>,
    passphrase_min_words: Option<usize>,
}

#[cfg(feature = "serde")]
impl Default for PasswordPolicyData {
    fn default() -> Self {
        let PasswordPolicy {
            max_bytes,
            mixed,
            long,
            passphrase_min_words,
        } = PasswordPolicy::default();
        PasswordPolicyData {
            max_bytes,
            mixed,
            long,
            passphrase_min_words,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PasswordPolicyData> for PasswordPolicy {
    type Error = AccountError;

    /// Through [`PasswordPolicy::validate`].
    fn try_from(data: PasswordPolicyData) -> Result<PasswordPolicy, AccountError> {
        let PasswordPolicyData {
            max_bytes,
            mixed,
            long,
            passphrase_min_words,
        } = data;
        let policy = PasswordPolicy {
            max_bytes,
            mixed,
            long,
            passphrase_min_words,
        };
        policy.validate()?;
        Ok(policy)
    }
}

/// What the registration and profile forms accept (ACC-2).
///
/// The FAQ only says that badly formatted fields are shown in red; the defaults are the
/// shop's documented reading:
/// - names: at most 64 characters ([`PersonName`] lists the characters allowed);
/// - password: [`PasswordPolicy::default`], the CNIL's recommendation;
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
///
/// With the `serde` feature a policy deserialises through [`FormPolicy::validate`]; fields
/// left out take the default's values, unknown fields are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "FormPolicyData"))]
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

impl FormPolicy {
    /// Checks the policy can accept a form: names of at least one character, an age range
    /// that is not empty and a password policy that [`PasswordPolicy::validate`] accepts.
    /// Every form's `validate` calls it first, as deserialising does.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidPolicy`] saying which limit is wrong.
    pub fn validate(&self) -> Result<(), AccountError> {
        if self.max_name_chars == 0 {
            return Err(AccountError::InvalidPolicy {
                reason: "names must be allowed at least one character",
            });
        }
        if self.min_age_years > self.max_age_years {
            return Err(AccountError::InvalidPolicy {
                reason: "the youngest age accepted is above the oldest",
            });
        }
        self.password.validate()
    }
}

/// The serde form of [`FormPolicy`]: the same fields, the default's for those left out.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FormPolicyData {
    max_name_chars: usize,
    password: PasswordPolicy,
    min_age_years: u32,
    max_age_years: u32,
    birth_date_required: bool,
    phone_required: bool,
}

#[cfg(feature = "serde")]
impl Default for FormPolicyData {
    fn default() -> Self {
        let FormPolicy {
            max_name_chars,
            password,
            min_age_years,
            max_age_years,
            birth_date_required,
            phone_required,
        } = FormPolicy::default();
        FormPolicyData {
            max_name_chars,
            password,
            min_age_years,
            max_age_years,
            birth_date_required,
            phone_required,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<FormPolicyData> for FormPolicy {
    type Error = AccountError;

    /// Through [`FormPolicy::validate`].
    fn try_from(data: FormPolicyData) -> Result<FormPolicy, AccountError> {
        let FormPolicyData {
            max_name_chars,
            password,
            min_age_years,
            max_age_years,
            birth_date_required,
            phone_required,
        } = data;
        let policy = FormPolicy {
            max_name_chars,
            password,
            min_age_years,
            max_age_years,
            birth_date_required,
            phone_required,
        };
        policy.validate()?;
        Ok(policy)
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
///
/// With the `serde` feature it deserialises through the checks of the forms: the e-mail,
/// names, postcode and phone as their types read them, the birth date as the form's field
/// reads it (a date written `AAAA-MM-JJ` or `JJ/MM/AAAA`, years 0001 to 9999). The age
/// limits are not checked again: they depend on the day the profile was made, which the
/// stored profile does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Profile {
    email: Email,
    first_name: PersonName,
    last_name: PersonName,
    // Read back through the form's own date reading: a stored birth date is one a form
    // could have given (years 0001 to 9999, `AAAA-MM-JJ` or `JJ/MM/AAAA`).
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "crate::values::birth_date_serde")
    )]
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
/// assert_eq!(err.messages_fr()[1], "Le mot de passe doit contenir au moins 12 caractères.");
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
    /// [`AccountError::InvalidPolicy`] when `policy` is one [`FormPolicy::validate`]
    /// refuses.
    pub fn validate(
        &self,
        policy: &FormPolicy,
        today: NaiveDate,
    ) -> Result<Registration, AccountError> {
        policy.validate()?;
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
    /// [`AccountError::InvalidPolicy`] when `policy` is one [`FormPolicy::validate`]
    /// refuses.
    pub fn validate(
        &self,
        policy: &FormPolicy,
        today: NaiveDate,
    ) -> Result<(Profile, Option<Password>), AccountError> {
        policy.validate()?;
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
