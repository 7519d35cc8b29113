//! The validated values of the forms: each type exists only when its checks passed.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};
use email_address::{EmailAddress, Options};
use phonenumber::country::Id;

use crate::text::{self, FormText};
use crate::{AccountError, Field, FieldError, FieldReason, PasswordPolicy};

/// An e-mail address, checked per RFC 5322/5321 by the `email_address` crate.
///
/// The shop's reading of the RFCs: the domain must have a top-level domain
/// (`prenom@exemple.fr`, not `prenom@localhost`), and neither a display name
/// (`Marie <marie@exemple.fr>`) nor an IP literal (`marie@[192.0.2.1]`) is accepted, since the
/// address is the customer's login and where answers are sent. At most
/// [`Email::MAX_CHARS`] characters, surrounding spaces ignored.
///
/// # Example
///
/// ```
/// use comptoir_account::Email;
///
/// let e: Email = " marie.dupont@exemple.fr ".parse()?;
/// assert_eq!(e.as_str(), "marie.dupont@exemple.fr");
/// assert_eq!(e.domain(), "exemple.fr");
/// assert!("marie.dupont@".parse::<Email>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    /// The longest address accepted: RFC 5321's 256-octet path less its angle brackets.
    pub const MAX_CHARS: usize = 254;

    pub(crate) fn from_form(raw: &FormText) -> Result<Email, FieldError> {
        let text = text::required(Field::Email, raw, Email::MAX_CHARS)?;
        let options = Options::default()
            .with_required_tld()
            .without_domain_literal()
            .without_display_text();
        EmailAddress::parse_with_options(text, options)
            .map(|_| Email(text.to_owned()))
            .map_err(|_| FieldError::new(Field::Email, FieldReason::InvalidEmail))
    }

    /// The address as written, without surrounding spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the last `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl FromStr for Email {
    type Err = AccountError;

    /// # Errors
    ///
    /// [`AccountError::InvalidField`] naming [`Field::Email`] with the reason.
    fn from_str(s: &str) -> Result<Email, AccountError> {
        Email::from_form(&FormText::from(s)).map_err(AccountError::InvalidField)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A French phone number (metropolitan or overseas), checked by the `phonenumber` crate
/// against libphonenumber's numbering-plan metadata, kept in E.164 form (`+33612345678`).
///
/// Read as customers write them:
/// - the national form `0X XX XX XX XX` for metropolitan France and the overseas departments,
///   which share its ten-digit plan (Guadeloupe, Saint-Barthélemy, Saint-Martin, Martinique,
///   Guyane, La Réunion, Mayotte: `0690 …`, `0692 …`, `0262 …`);
/// - the international form (`+33 6 …`, `0033 6 …`, `+687 …`) for those and for the
///   collectivities with their own plans (Saint-Pierre-et-Miquelon, Wallis-et-Futuna,
///   Polynésie française, Nouvelle-Calédonie), whose short national numbers would be ambiguous.
///
/// Spaces, dots, hyphens and parentheses between digits are allowed; letters are not.
///
/// # Example
///
/// ```
/// use comptoir_account::Phone;
///
/// assert_eq!("06 12 34 56 78".parse::<Phone>()?.as_e164(), "+33612345678");
/// assert_eq!("0692 12 34 56".parse::<Phone>()?.as_e164(), "+262692123456");
/// assert!("+1 202 555 0123".parse::<Phone>().is_err()); // not French
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone(String);

/// Regions whose numbers use the French ten-digit national plan, tried in this order for a
/// number written in national form (metropolitan first: it is by far the most common).
const NATIONAL_PLAN: [Id; 6] = [Id::FR, Id::GP, Id::MQ, Id::GF, Id::RE, Id::YT];

/// Every region whose numbers count as French.
const FRENCH_REGIONS: [Id; 12] = [
    Id::FR,
    Id::GP,
    Id::BL,
    Id::MF,
    Id::MQ,
    Id::GF,
    Id::RE,
    Id::YT,
    Id::PM,
    Id::WF,
    Id::PF,
    Id::NC,
];

impl Phone {
    /// The longest input read, spaces and separators included.
    pub const MAX_CHARS: usize = 32;

    pub(crate) fn from_form(
        raw: &FormText,
        presence: text::Presence,
    ) -> Result<Option<Phone>, FieldError> {
        let err = |reason| FieldError::new(Field::Phone, reason);
        let Some(text) = text::clean(Field::Phone, raw, Phone::MAX_CHARS, presence)? else {
            return Ok(None);
        };
        if let Some(c) = text
            .chars()
            .enumerate()
            .find(|&(i, c)| !(c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0)))
            .map(|(_, c)| c)
        {
            return Err(err(FieldReason::InvalidCharacter { character: c }));
        }
        let e164 = french_e164(text).map_err(err)?;
        // The stored form must read back as itself. The parser's answer depends on the
        // region it is told to assume: "+687(00050091" reads as the New Caledonian
        // "+687050091" under the French plan, which that plan then refuses.
        if french_e164(&e164).as_ref() != Ok(&e164) {
            return Err(err(FieldReason::InvalidPhone));
        }
        Ok(Some(Phone(e164)))
    }

    /// The number in E.164 form, `+` and digits only.
    pub fn as_e164(&self) -> &str {
        &self.0
    }
}

/// The E.164 form of a French number read under each national plan in turn, or why not.
fn french_e164(text: &str) -> Result<String, FieldReason> {
    let is_french = |n: &phonenumber::PhoneNumber| {
        n.country()
            .id()
            .is_some_and(|id| FRENCH_REGIONS.contains(&id))
    };
    let international = text.starts_with('+') || text.starts_with("00");
    let mut valid_elsewhere = false;
    for region in NATIONAL_PLAN {
        let Ok(number) = phonenumber::parse(Some(region), text) else {
            continue;
        };
        if !number.is_valid() {
            continue;
        }
        if is_french(&number) {
            return Ok(number.format().mode(phonenumber::Mode::E164).to_string());
        }
        valid_elsewhere = international;
    }
    Err(if valid_elsewhere {
        FieldReason::ForeignPhone
    } else {
        FieldReason::InvalidPhone
    })
}

impl FromStr for Phone {
    type Err = AccountError;

    /// # Errors
    ///
    /// [`AccountError::InvalidField`] naming [`Field::Phone`] with the reason.
    fn from_str(s: &str) -> Result<Phone, AccountError> {
        match Phone::from_form(&FormText::from(s), text::Presence::Required) {
            Ok(Some(phone)) => Ok(phone),
            Ok(None) => Err(AccountError::InvalidField(FieldError::new(
                Field::Phone,
                FieldReason::Empty,
            ))),
            Err(e) => Err(AccountError::InvalidField(e)),
        }
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A French postcode: five digits within the ranges La Poste allocates.
///
/// No maintained Rust crate validates French postcodes, and the real list of codes (La Poste's
/// "base officielle des codes postaux") changes every year and would be data, not a rule. So
/// this checks the structure, which is stable:
///
/// | range | where |
/// |---|---|
/// | 01000-19999, 21000-95999 | metropolitan departments 01 to 95, the first two digits |
/// | 20000-20199, 20200-20999 | Corse-du-Sud (2A), Haute-Corse (2B) |
/// | 97100-97699 | overseas: 971 Guadeloupe (and 97133 Saint-Barthélemy, 97150 Saint-Martin), 972 Martinique, 973 Guyane, 974 La Réunion, 975 Saint-Pierre-et-Miquelon, 976 Mayotte |
/// | 98600-98899 up to 98890 | 986 Wallis-et-Futuna, 987 Polynésie française, 988 Nouvelle-Calédonie |
///
/// Refused: 00xxx and 96xxx (unallocated), 977-979xx, 980xx (Monaco, another country that
/// shares La Poste's scheme), 984xx (French Southern Lands, no home delivery), above 98890.
/// A code in range that La Poste has not allocated (e.g. 75999) passes: only the official
/// list could tell.
///
/// # Example
///
/// ```
/// use comptoir_account::Postcode;
///
/// let p: Postcode = "20200".parse()?;
/// assert_eq!(p.department(), "2B");
/// assert_eq!("97411".parse::<Postcode>()?.department(), "974");
/// assert!("00100".parse::<Postcode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(u32);

impl Postcode {
    pub(crate) fn from_form(raw: &FormText) -> Result<Postcode, FieldError> {
        let err = |reason| FieldError::new(Field::Postcode, reason);
        let text = text::required(Field::Postcode, raw, 5)?;
        if text.len() != 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(FieldReason::InvalidPostcode));
        }
        let code: u32 = text
            .parse()
            .map_err(|_| err(FieldReason::InvalidPostcode))?;
        let valid = matches!(code,
            1_000..=95_999 | 97_100..=97_699 | 98_600..=98_890);
        if valid {
            Ok(Postcode(code))
        } else {
            Err(err(FieldReason::InvalidPostcode))
        }
    }

    /// The department (or overseas collectivity) code: `"01"` to `"95"`, `"2A"`, `"2B"`,
    /// `"971"` to `"976"`, `"986"` to `"988"`.
    pub fn department(&self) -> String {
        match self.0 {
            20_000..=20_199 => "2A".to_owned(),
            20_200..=20_999 => "2B".to_owned(),
            97_000.. => (self.0 / 100).to_string(),
            _ => format!("{:02}", self.0 / 1000),
        }
    }

    /// True outside metropolitan France and Corsica.
    pub fn is_overseas(&self) -> bool {
        self.0 >= 97_000
    }
}

impl FromStr for Postcode {
    type Err = AccountError;

    /// # Errors
    ///
    /// [`AccountError::InvalidField`] naming [`Field::Postcode`] with the reason.
    fn from_str(s: &str) -> Result<Postcode, AccountError> {
        Postcode::from_form(&FormText::from(s)).map_err(AccountError::InvalidField)
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.0)
    }
}

/// A first or last name.
///
/// The policy: at most the [`FormPolicy::max_name_chars`](crate::FormPolicy) characters once
/// trimmed; letters of any script (accents included: "Éloïse", "Nguyễn") with spaces,
/// hyphens, apostrophes (`'` and `’`) and dots between them ("Jean-Pierre", "O’Neil",
/// "St. John"); at least one letter. Digits and symbols are refused with the character named.
/// Letters must be precomposed (NFC), as browsers send them.
///
/// # Example
///
/// ```
/// use comptoir_account::PersonName;
///
/// assert_eq!(PersonName::new("  Jean-Pierre ")?.as_str(), "Jean-Pierre");
/// assert!(PersonName::new("R2D2").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

impl PersonName {
    /// The length limit [`PersonName::new`] applies.
    pub const DEFAULT_MAX_CHARS: usize = 64;

    /// A name under the default length limit.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidField`] (as [`Field::LastName`]) when the name is empty, too
    /// long, or holds a character names do not have.
    pub fn new(name: &str) -> Result<PersonName, AccountError> {
        PersonName::from_form(
            Field::LastName,
            &FormText::from(name),
            PersonName::DEFAULT_MAX_CHARS,
        )
        .map_err(AccountError::InvalidField)
    }

    pub(crate) fn from_form(
        field: Field,
        raw: &FormText,
        max_chars: usize,
    ) -> Result<PersonName, FieldError> {
        let text = text::required(field, raw, max_chars)?;
        let allowed = |c: char| c.is_alphabetic() || " -'’.".contains(c);
        if let Some(c) = text.chars().find(|c| !allowed(*c)) {
            return Err(FieldError::new(
                field,
                FieldReason::InvalidCharacter { character: c },
            ));
        }
        if !text.chars().any(char::is_alphabetic) {
            let first = text.chars().next().unwrap_or('-');
            return Err(FieldError::new(
                field,
                FieldReason::InvalidCharacter { character: first },
            ));
        }
        Ok(PersonName(text.to_owned()))
    }

    /// The name, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    /// The name, trimmed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for PersonName {
    type Err = AccountError;

    /// As [`PersonName::new`], under the default length limit.
    ///
    /// # Errors
    ///
    /// As [`PersonName::new`].
    fn from_str(s: &str) -> Result<PersonName, AccountError> {
        PersonName::new(s)
    }
}

/// A password that meets the [`PasswordPolicy`], to be hashed by the application.
///
/// It never shows in `Debug` output and has no `Display` and no serde support, so it cannot
/// leak into logs or stored records by accident.
///
/// # Example
///
/// ```
/// use comptoir_account::{Password, PasswordPolicy};
///
/// let p = Password::new("Correct-Horse-42", &PasswordPolicy::default())?;
/// assert_eq!(format!("{p:?}"), "Password(<redacted>)");
/// assert!(Password::new("short1", &PasswordPolicy::default()).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// A password checked against `policy`.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidField`] naming [`Field::Password`] with the first rule broken
    /// (against [`PasswordPolicy::mixed`] when no way of the policy is met);
    /// [`AccountError::InvalidPolicy`] when [`PasswordPolicy::validate`] refuses `policy`.
    pub fn new(password: &str, policy: &PasswordPolicy) -> Result<Password, AccountError> {
        policy.validate()?;
        Password::from_form(&FormText::from(password), policy).map_err(AccountError::InvalidField)
    }

    pub(crate) fn from_form(
        raw: &FormText,
        policy: &PasswordPolicy,
    ) -> Result<Password, FieldError> {
        let err = |reason| FieldError::new(Field::Password, reason);
        let text = raw.as_str().ok_or_else(|| err(FieldReason::InvalidUtf8))?;
        // Bytes, not characters: the limit comes from bcrypt, which reads 72 bytes.
        if text.len() > policy.max_bytes {
            return Err(err(FieldReason::TooLong {
                max: policy.max_bytes,
            }));
        }
        if text.chars().any(char::is_control) {
            return Err(err(FieldReason::ControlCharacter));
        }
        // Not trimmed: spaces are legitimate in a passphrase.
        if text.is_empty() {
            return Err(err(FieldReason::Empty));
        }
        let meets = |c: &crate::Composition| missing(text, c).is_none();
        let passphrase = policy
            .passphrase_min_words
            .is_some_and(|words| word_count(text) >= words);
        if meets(&policy.mixed) || policy.long.as_ref().is_some_and(meets) || passphrase {
            return Ok(Password(text.to_owned()));
        }
        Err(err(missing(text, &policy.mixed).unwrap_or(
            FieldReason::PasswordTooShort {
                min: policy.mixed.min_chars,
            },
        )))
    }

    /// The password itself, for the application's hashing function only.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

/// What `text` lacks to meet `composition`, in the order the form reports it: its length,
/// then each kind of character.
fn missing(text: &str, composition: &crate::Composition) -> Option<FieldReason> {
    let c = composition.classes;
    if let Some(last) = composition.min_chars.checked_sub(1)
        && text.chars().nth(last).is_none()
    {
        return Some(FieldReason::PasswordTooShort {
            min: composition.min_chars,
        });
    }
    let has = |test: fn(&char) -> bool| text.chars().any(|ch| test(&ch));
    [
        (
            c.lowercase,
            has(|ch| ch.is_lowercase()),
            FieldReason::PasswordNeedsLowercase,
        ),
        (
            c.uppercase,
            has(|ch| ch.is_uppercase()),
            FieldReason::PasswordNeedsUppercase,
        ),
        (
            c.letter,
            has(|ch| ch.is_alphabetic()),
            FieldReason::PasswordNeedsLetter,
        ),
        (
            c.digit,
            has(char::is_ascii_digit),
            FieldReason::PasswordNeedsDigit,
        ),
        (
            c.symbol,
            has(|ch| is_special(*ch)),
            FieldReason::PasswordNeedsSymbol,
        ),
    ]
    .into_iter()
    .find_map(|(asked, present, reason)| (asked && !present).then_some(reason))
}

/// A special character: neither a letter, a digit nor a space (`!`, `€`, `_`, ...).
fn is_special(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// The words of a passphrase: runs of letters or digits between spaces or punctuation.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .count()
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// Reads a birth date written `JJ/MM/AAAA` (the French form) or `AAAA-MM-JJ` (what an HTML
/// date input sends) and checks it against `today` and the age limits.
pub(crate) fn birth_date(
    raw: &FormText,
    presence: text::Presence,
    today: NaiveDate,
    min_age: u32,
    max_age: u32,
) -> Result<Option<NaiveDate>, FieldError> {
    let err = |reason| FieldError::new(Field::BirthDate, reason);
    let Some(text) = text::clean(Field::BirthDate, raw, 10, presence)? else {
        return Ok(None);
    };
    let date = read_date(text).ok_or_else(|| err(FieldReason::UnreadableDate))?;
    let Some(age) = today.years_since(date) else {
        return Err(err(FieldReason::BirthDateInFuture));
    };
    if age < min_age {
        return Err(err(FieldReason::TooYoung { min_age }));
    }
    if age > max_age {
        return Err(err(FieldReason::ImplausibleAge { max_age }));
    }
    Ok(Some(date))
}

fn read_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |range: core::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = match (b.len(), b.get(2), b.get(4)) {
        (10, Some(b'/'), _) if b.get(5) == Some(&b'/') => {
            (digits(6..10)?, digits(3..5)?, digits(0..2)?)
        }
        (10, _, Some(b'-')) if b.get(7) == Some(&b'-') => {
            (digits(0..4)?, digits(5..7)?, digits(8..10)?)
        }
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    // Keep what was read: a date chrono reformatted differently would be a silent fix.
    (date.year() >= 1).then_some(date)
}

/// Serde for a profile's birth date: written `AAAA-MM-JJ`, read back by the form's own
/// reading ([`read_date`]), so a stored date is one a form could have given.
#[cfg(feature = "serde")]
pub(crate) mod birth_date_serde {
    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? else {
            return Ok(None);
        };
        super::read_date(&text).map(Some).ok_or_else(|| {
            D::Error::custom(format_args!(
                "birth date {text:?} is not a date written AAAA-MM-JJ or JJ/MM/AAAA"
            ))
        })
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Email, PersonName, Phone, Postcode};
    use crate::Field;
    use crate::text::FormText;

    macro_rules! as_string {
        ($ty:ty, $parse:expr) => {
            impl Serialize for $ty {
                /// As a string.
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_str(self)
                }
            }

            impl<'de> Deserialize<'de> for $ty {
                /// From a string, with the same checks as parsing.
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                    let parse: fn(&str) -> Result<$ty, crate::AccountError> = $parse;
                    parse(&s).map_err(D::Error::custom)
                }
            }
        };
    }

    as_string!(Email, |s| s.parse());
    as_string!(Phone, |s| s.parse());
    as_string!(Postcode, |s| s.parse());
    as_string!(PersonName, |s| {
        // A stored name may be longer than a form would take today; the character rules hold.
        PersonName::from_form(Field::LastName, &FormText::from(s), usize::MAX)
            .map_err(crate::AccountError::InvalidField)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // ACC-2: the birth date field reads dd/mm/yyyy and ISO dates, nothing looser.
    #[test]
    fn reads_french_and_iso_dates_only() {
        assert_eq!(read_date("14/07/1990"), Some(date(1990, 7, 14)));
        assert_eq!(read_date("1990-07-14"), Some(date(1990, 7, 14)));
        for bad in [
            "31/02/1990",
            "1/7/1990",
            "14-07-1990",
            "1990/07/14",
            "+1990-07-1",
            "00/00/0000",
            "aa/bb/cccc",
            "14/07/199é",
        ] {
            assert_eq!(read_date(bad), None, "{bad}");
        }
    }

    // ACC-2: the birth date is checked against an age in completed years.
    #[test]
    fn age_is_counted_in_completed_years() {
        let today = date(2026, 3, 10);
        let check = |s: &str| birth_date(&s.into(), text::Presence::Required, today, 15, 120);
        assert!(check("10/03/2011").is_ok()); // 15 today
        assert_eq!(
            check("11/03/2011").unwrap_err().reason(),
            &FieldReason::TooYoung { min_age: 15 }
        );
        assert_eq!(
            check("11/03/2026").unwrap_err().reason(),
            &FieldReason::BirthDateInFuture
        );
        assert_eq!(
            check("09/03/1905").unwrap_err().reason(),
            &FieldReason::ImplausibleAge { max_age: 120 }
        );
    }

    // ACC-2: a postcode is valid only within the ranges of the table.
    #[test]
    fn postcode_ranges_follow_the_table() {
        for ok in [
            "01000", "20000", "20190", "20600", "75001", "95999", "97100", "97133", "97150",
            "97411", "97600", "98600", "98714", "98890",
        ] {
            assert!(ok.parse::<Postcode>().is_ok(), "{ok}");
        }
        for bad in [
            "00100",
            "00000",
            "96000",
            "97000",
            "97700",
            "98000",
            "98404",
            "98891",
            "99999",
            "7500",
            "750011",
            "75 01",
            "2A004",
            "-7500",
            "+7500",
            "٧٥٠٠١",
        ] {
            assert!(bad.parse::<Postcode>().is_err(), "{bad}");
        }
        assert_eq!("20190".parse::<Postcode>().unwrap().department(), "2A");
        assert_eq!("01000".parse::<Postcode>().unwrap().department(), "01");
        assert_eq!("98800".parse::<Postcode>().unwrap().department(), "988");
        assert_eq!("01000".parse::<Postcode>().unwrap().to_string(), "01000");
    }

    // ACC-2: a phone number is accepted in national and international forms.
    #[test]
    fn phones_in_national_and_international_forms() {
        let e164 = |s: &str| s.parse::<Phone>().map(|p| p.as_e164().to_owned());
        assert_eq!(e164("06 12 34 56 78").unwrap(), "+33612345678");
        assert_eq!(e164("06.12.34.56.78").unwrap(), "+33612345678");
        assert_eq!(e164("+33 (0)6 12 34 56 78").ok(), e164("+33612345678").ok());
        assert_eq!(e164("0033 6 12 34 56 78").unwrap(), "+33612345678");
        assert_eq!(e164("01 23 45 67 89").unwrap(), "+33123456789");
        assert_eq!(e164("0690 00 12 34").unwrap(), "+590690001234"); // Guadeloupe mobile
        assert_eq!(e164("0696 20 12 34").unwrap(), "+596696201234"); // Martinique
        assert_eq!(e164("0694 20 12 34").unwrap(), "+594694201234"); // Guyane
        assert_eq!(e164("0639 01 23 45").unwrap(), "+262639012345"); // Mayotte
        assert_eq!(e164("+687 75 12 34").unwrap(), "+687751234"); // Nouvelle-Calédonie
        assert_eq!(e164("+508 41 23 45").unwrap(), "+508412345"); // Saint-Pierre-et-Miquelon
        let reason = |s: &str| {
            s.parse::<Phone>().unwrap_err().field_errors()[0]
                .reason()
                .clone()
        };
        assert_eq!(reason("+1 202 555 0123"), FieldReason::ForeignPhone);
        assert_eq!(reason("+44 20 7946 0958"), FieldReason::ForeignPhone);
        assert_eq!(reason("06 12 34 56 7"), FieldReason::InvalidPhone);
        assert_eq!(reason("12"), FieldReason::InvalidPhone);
        assert_eq!(
            reason("06 12 34 56 78 ext 2"),
            FieldReason::InvalidCharacter { character: 'e' }
        );
        assert_eq!(
            reason("06+12345678"),
            FieldReason::InvalidCharacter { character: '+' }
        );
    }

    // ACC-2: the e-mail field follows the shop's reading of the RFCs.
    #[test]
    fn emails_follow_the_shop_reading_of_the_rfcs() {
        for ok in [
            "a@b.fr",
            "prenom.nom+shop@exemple.co.uk",
            "\"quoted\"@exemple.fr",
            "élodie@exemple.fr",
        ] {
            assert!(ok.parse::<Email>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a@b",
            "a@",
            "@b.fr",
            "a b@c.fr",
            "Marie <marie@exemple.fr>",
            "a@[192.0.2.1]",
            "a@@b.fr",
            "a@b..fr",
        ] {
            assert!(bad.parse::<Email>().is_err(), "{bad}");
        }
        let long = format!("{}@exemple.fr", "a".repeat(300));
        assert_eq!(
            long.parse::<Email>().unwrap_err().field_errors()[0].reason(),
            &FieldReason::TooLong { max: 254 }
        );
    }

    // ACC-2: names accept letters of any script and the usual joiners.
    #[test]
    fn names_accept_letters_of_any_script_and_joiners() {
        for ok in [
            "Éloïse",
            "Jean-Pierre",
            "O’Neil",
            "d'Artagnan",
            "St. John",
            "Nguyễn",
            "Ólafur",
        ] {
            assert!(PersonName::new(ok).is_ok(), "{ok}");
        }
        for (bad, c) in [
            ("R2D2", '2'),
            ("Marie!", '!'),
            ("-", '-'),
            ("''", '\''),
            ("Jean_Pierre", '_'),
        ] {
            assert_eq!(
                PersonName::new(bad).unwrap_err().field_errors()[0].reason(),
                &FieldReason::InvalidCharacter { character: c },
                "{bad}"
            );
        }
    }

    // ACC-2: the password rules are checked and reported in a fixed order (the weaker rule
    // kept as an option: 8 characters, a letter and a digit).
    #[test]
    fn password_rules_in_order() {
        let policy = PasswordPolicy::WEAKER_LETTER_AND_DIGIT;
        let reason = |s: &str| {
            Password::new(s, &policy).unwrap_err().field_errors()[0]
                .reason()
                .clone()
        };
        assert_eq!(reason(""), FieldReason::Empty);
        assert_eq!(reason("abc1"), FieldReason::PasswordTooShort { min: 8 });
        assert_eq!(reason("abcdefgh"), FieldReason::PasswordNeedsDigit);
        assert_eq!(reason("12345678"), FieldReason::PasswordNeedsLetter);
        assert_eq!(reason("abcd\t1234"), FieldReason::ControlCharacter);
        assert_eq!(
            reason(&format!("a1{}", "é".repeat(36))),
            FieldReason::TooLong { max: 72 }
        );
        assert!(Password::new("  spaced 1  ", &policy).is_ok());
    }

    // ACC-2: the default follows the CNIL's recommendation for a password alone
    // (délibération n° 2022-100, case 1): any one of its three examples is accepted, and a
    // refusal names what the 12-character way lacks, in that order.
    #[test]
    fn default_password_rule_is_the_cnil_recommendation() {
        let policy = PasswordPolicy::default();
        assert_eq!(policy, PasswordPolicy::CNIL);
        let ok = |s: &str| Password::new(s, &policy).is_ok();
        assert!(ok("Soleil-2026!"), "12 characters, four kinds");
        assert!(ok("Éclair#2026ab"), "accented capitals count as capitals");
        assert!(ok("Soleildu2026ab"), "14 characters, three kinds");
        assert!(ok("le chat de la voisine mange des croquettes"), "7 words");
        assert!(
            ok("un-deux-trois-quatre-cinq-six-sept"),
            "7 words, any separator"
        );
        let reason = |s: &str| {
            Password::new(s, &policy).unwrap_err().field_errors()[0]
                .reason()
                .clone()
        };
        assert_eq!(
            reason("Soleil-202!"),
            FieldReason::PasswordTooShort { min: 12 }
        );
        assert_eq!(
            reason("motdepasse7"),
            FieldReason::PasswordTooShort { min: 12 }
        );
        assert_eq!(reason("SOLEIL-2026!"), FieldReason::PasswordNeedsLowercase);
        assert_eq!(reason("soleil-2026!"), FieldReason::PasswordNeedsUppercase);
        assert_eq!(reason("Soleil-deux!"), FieldReason::PasswordNeedsDigit);
        // 13 characters of three kinds: short of the 14 of the second way, so the first
        // way's missing kind is named.
        assert_eq!(reason("Soleildu2026a"), FieldReason::PasswordNeedsSymbol);
        assert_eq!(
            reason("six mots ne suffisent pas ici"),
            FieldReason::PasswordNeedsUppercase
        );
        assert_eq!(
            reason(&format!("Ab1!{}", "é".repeat(35))),
            FieldReason::TooLong { max: 72 }
        );
        assert_eq!(
            policy.description_fr(),
            "Au moins 12 caractères dont une majuscule, une minuscule, un chiffre et un \
             caractère spécial ; ou au moins 14 caractères dont une majuscule, une minuscule \
             et un chiffre ; ou une phrase d'au moins 7 mots."
        );
    }

    // ACC-2: a policy no password could meet is refused, not applied.
    #[test]
    fn impossible_password_policies_are_refused() {
        let mut policy = PasswordPolicy::CNIL;
        policy.mixed.min_chars = 0;
        assert!(matches!(
            Password::new("x", &policy),
            Err(AccountError::InvalidPolicy { .. })
        ));
        let mut policy = PasswordPolicy::CNIL;
        policy.max_bytes = 11;
        assert!(policy.validate().is_err());
        let policy = PasswordPolicy {
            passphrase_min_words: Some(0),
            ..PasswordPolicy::CNIL
        };
        assert!(policy.validate().is_err());
        assert_eq!(PasswordPolicy::WEAKER_LETTER_AND_DIGIT.validate(), Ok(()));
    }
}
