use core::fmt;

use thiserror::Error;

/// A field of one of the account forms (registration, profile, address).
///
/// Each field knows the label the shop prints above it, used in the French messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Field {
    /// The e-mail address, which is also the login.
    Email,
    /// The password (registration) or the new password (profile change).
    Password,
    /// The first name.
    FirstName,
    /// The last name.
    LastName,
    /// The birth date.
    BirthDate,
    /// The postcode.
    Postcode,
    /// The phone number.
    Phone,
    /// The name the customer gives a saved address ("Maison", "Travail").
    AddressName,
    /// The first line of a postal address (number and street).
    AddressLine1,
    /// The optional second line of a postal address.
    AddressLine2,
    /// The town of a postal address.
    City,
    /// The box "J'accepte les conditions générales et la politique de confidentialité" (ACC-3).
    TermsConsent,
}

impl Field {
    /// The label the shop shows for the field, in French.
    pub fn label_fr(self) -> &'static str {
        match self {
            Field::Email => "E-mail",
            Field::Password => "Mot de passe",
            Field::FirstName => "Prénom",
            Field::LastName => "Nom",
            Field::BirthDate => "Date de naissance",
            Field::Postcode => "Code postal",
            Field::Phone => "Téléphone",
            Field::AddressName => "Nom de l'adresse",
            Field::AddressLine1 => "Adresse",
            Field::AddressLine2 => "Complément d'adresse",
            Field::City => "Ville",
            Field::TermsConsent => "Conditions générales",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Field::Email => "email",
            Field::Password => "password",
            Field::FirstName => "first name",
            Field::LastName => "last name",
            Field::BirthDate => "birth date",
            Field::Postcode => "postcode",
            Field::Phone => "phone",
            Field::AddressName => "address name",
            Field::AddressLine1 => "address line 1",
            Field::AddressLine2 => "address line 2",
            Field::City => "city",
            Field::TermsConsent => "terms consent",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why one field was refused (ACC-2).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum FieldReason {
    /// A required field is empty or only spaces.
    Empty,
    /// The field is longer than the policy allows.
    TooLong {
        /// The most the field may hold (characters, or bytes for the password).
        max: usize,
    },
    /// The field holds a control character (newline, tab, NUL, ...).
    ControlCharacter,
    /// The field's bytes are not UTF-8 text.
    InvalidUtf8,
    /// A character the field does not accept (e.g. a digit in a name).
    InvalidCharacter {
        /// The first offending character.
        character: char,
    },
    /// Not an e-mail address per RFC 5322/5321 with a domain that has a top-level domain.
    InvalidEmail,
    /// The password has fewer characters than the policy asks.
    PasswordTooShort {
        /// The minimum number of characters.
        min: usize,
    },
    /// The password has no letter though the policy asks for one.
    PasswordNeedsLetter,
    /// The password has no digit though the policy asks for one.
    PasswordNeedsDigit,
    /// The password has no lower-case letter though the policy asks for one.
    PasswordNeedsLowercase,
    /// The password has no upper-case letter though the policy asks for one.
    PasswordNeedsUppercase,
    /// The password has no special character (neither letter, digit nor space) though the
    /// policy asks for one.
    PasswordNeedsSymbol,
    /// The date is not a calendar date written `JJ/MM/AAAA` or `AAAA-MM-JJ`.
    UnreadableDate,
    /// The birth date is after today.
    BirthDateInFuture,
    /// The customer is younger than the policy's minimum age.
    TooYoung {
        /// The minimum age in years.
        min_age: u32,
    },
    /// The birth date gives an age above the policy's maximum (a typing slip, e.g. 1885).
    ImplausibleAge {
        /// The maximum age in years.
        max_age: u32,
    },
    /// Not a French postcode (metropolitan, Corsica or overseas).
    InvalidPostcode,
    /// Not a valid phone number.
    InvalidPhone,
    /// A valid phone number, but not a French one (metropolitan or overseas).
    ForeignPhone,
    /// The consent box was not ticked (ACC-3).
    ConsentRequired,
}

impl fmt::Display for FieldReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldReason::Empty => f.write_str("is empty"),
            FieldReason::TooLong { max } => write!(f, "is longer than {max}"),
            FieldReason::ControlCharacter => f.write_str("contains a control character"),
            FieldReason::InvalidUtf8 => f.write_str("is not valid utf-8"),
            FieldReason::InvalidCharacter { character } => {
                write!(f, "contains the character {character:?}")
            }
            FieldReason::InvalidEmail => f.write_str("is not an e-mail address"),
            FieldReason::PasswordTooShort { min } => {
                write!(f, "has fewer than {min} characters")
            }
            FieldReason::PasswordNeedsLetter => f.write_str("has no letter"),
            FieldReason::PasswordNeedsDigit => f.write_str("has no digit"),
            FieldReason::PasswordNeedsLowercase => f.write_str("has no lower-case letter"),
            FieldReason::PasswordNeedsUppercase => f.write_str("has no upper-case letter"),
            FieldReason::PasswordNeedsSymbol => f.write_str("has no special character"),
            FieldReason::UnreadableDate => f.write_str("is not a date"),
            FieldReason::BirthDateInFuture => f.write_str("is in the future"),
            FieldReason::TooYoung { min_age } => write!(f, "gives an age below {min_age}"),
            FieldReason::ImplausibleAge { max_age } => {
                write!(f, "gives an age above {max_age}")
            }
            FieldReason::InvalidPostcode => f.write_str("is not a french postcode"),
            FieldReason::InvalidPhone => f.write_str("is not a phone number"),
            FieldReason::ForeignPhone => f.write_str("is not a french phone number"),
            FieldReason::ConsentRequired => f.write_str("is not ticked"),
        }
    }
}

/// One refused field: which field, and why (ACC-2).
///
/// This is what the shop prints in red under the field, via [`FieldError::message_fr`].
///
/// # Example
///
/// ```
/// use comptoir_account::{Field, FieldError, FieldReason};
///
/// let e = FieldError::new(Field::Postcode, FieldReason::InvalidPostcode);
/// assert_eq!(e.to_string(), "postcode is not a french postcode");
/// assert_eq!(e.message_fr(), "Le code postal n'est pas un code postal français valide.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FieldError {
    field: Field,
    reason: FieldReason,
}

impl FieldError {
    /// The error for `field`, refused for `reason`.
    pub fn new(field: Field, reason: FieldReason) -> FieldError {
        FieldError { field, reason }
    }

    /// The field that was refused.
    pub fn field(&self) -> Field {
        self.field
    }

    /// Why it was refused.
    pub fn reason(&self) -> &FieldReason {
        &self.reason
    }

    /// The French sentence shown in red under the field ("notification en rouge", ACC-2).
    pub fn message_fr(&self) -> String {
        let label = self.field.label_fr();
        match &self.reason {
            FieldReason::Empty => format!("Le champ « {label} » est obligatoire."),
            FieldReason::TooLong { max } => {
                format!("Le champ « {label} » ne doit pas dépasser {max} caractères.")
            }
            FieldReason::ControlCharacter => {
                format!("Le champ « {label} » contient un caractère non autorisé (retour à la ligne, tabulation…).")
            }
            FieldReason::InvalidUtf8 => {
                format!("Le champ « {label} » contient des caractères illisibles.")
            }
            FieldReason::InvalidCharacter { character } => {
                format!("Le champ « {label} » ne peut pas contenir le caractère « {character} ».")
            }
            FieldReason::InvalidEmail => {
                "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).".to_owned()
            }
            FieldReason::PasswordTooShort { min } => {
                format!("Le mot de passe doit contenir au moins {min} caractères.")
            }
            FieldReason::PasswordNeedsLetter => {
                "Le mot de passe doit contenir au moins une lettre.".to_owned()
            }
            FieldReason::PasswordNeedsDigit => {
                "Le mot de passe doit contenir au moins un chiffre.".to_owned()
            }
            FieldReason::PasswordNeedsLowercase => {
                "Le mot de passe doit contenir au moins une lettre minuscule.".to_owned()
            }
            FieldReason::PasswordNeedsUppercase => {
                "Le mot de passe doit contenir au moins une lettre majuscule.".to_owned()
            }
            FieldReason::PasswordNeedsSymbol => {
                "Le mot de passe doit contenir au moins un caractère spécial (par exemple ! ? - _ @)."
                    .to_owned()
            }
            FieldReason::UnreadableDate => {
                "La date de naissance doit être une date valide au format JJ/MM/AAAA.".to_owned()
            }
            FieldReason::BirthDateInFuture => {
                "La date de naissance ne peut pas être dans le futur.".to_owned()
            }
            FieldReason::TooYoung { min_age } => {
                format!("Vous devez avoir au moins {min_age} ans pour créer un compte.")
            }
            FieldReason::ImplausibleAge { .. } => {
                "La date de naissance semble erronée, veuillez la vérifier.".to_owned()
            }
            FieldReason::InvalidPostcode => {
                "Le code postal n'est pas un code postal français valide.".to_owned()
            }
            FieldReason::InvalidPhone => {
                "Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).".to_owned()
            }
            FieldReason::ForeignPhone => {
                "Veuillez indiquer un numéro de téléphone français (métropole ou outre-mer)."
                    .to_owned()
            }
            FieldReason::ConsentRequired => "Veuillez accepter les conditions générales et la politique de confidentialité pour enregistrer vos modifications.".to_owned(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.reason)
    }
}

/// Why an account operation was refused.
///
/// Callers that branch on kinds can use the predicates ([`AccountError::is_invalid_form`], ...)
/// rather than matching variants, which may grow.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum AccountError {
    /// A form has invalid fields; every one of them is listed, in form order (ACC-2).
    #[error("{} invalid field(s): {}", errors.len(), join(errors))]
    InvalidForm {
        /// One entry per invalid field, never empty.
        errors: Vec<FieldError>,
    },
    /// A single value (an e-mail, a postcode, ...) was refused.
    #[error("invalid value: {0}")]
    InvalidField(FieldError),
    /// The customer already has an address of that name, compared case-insensitively (ACC-4).
    #[error("an address named {name:?} already exists")]
    DuplicateAddressName {
        /// The name that was asked for.
        name: String,
    },
    /// No address of that name in the address book (ACC-4).
    #[error("no address named {name:?}")]
    UnknownAddress {
        /// The name that was asked for.
        name: String,
    },
    /// Ordering needs a registered customer (ACC-1).
    #[error("an account is required to order")]
    AccountRequired,
    /// A policy that no form could meet (a name of no character, an empty age range, a
    /// password longer than its own byte limit...), refused when built, read or used.
    #[error("invalid form policy: {reason}")]
    InvalidPolicy {
        /// Which limit is wrong.
        reason: &'static str,
    },
    /// A string that is not a customer identifier (digits only).
    #[error("cannot read {input:?} as a customer id: expected digits only")]
    InvalidCustomerId {
        /// The string given.
        input: String,
    },
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl AccountError {
    /// True when a form or value was refused; [`AccountError::field_errors`] lists why.
    pub fn is_invalid_form(&self) -> bool {
        matches!(
            self,
            AccountError::InvalidForm { .. } | AccountError::InvalidField(_)
        )
    }

    /// True when the ACC-3 consent box was not ticked (possibly among other field errors).
    pub fn is_consent_missing(&self) -> bool {
        self.field_errors()
            .iter()
            .any(|e| e.reason == FieldReason::ConsentRequired)
    }

    /// True when an address name is already taken (ACC-4).
    pub fn is_duplicate_address_name(&self) -> bool {
        matches!(self, AccountError::DuplicateAddressName { .. })
    }

    /// The refused fields, empty for errors that are not about fields.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AccountError::InvalidForm { errors } => errors,
            AccountError::InvalidField(e) => core::slice::from_ref(e),
            _ => &[],
        }
    }

    /// The French sentences the shop shows: one per refused field, or one for the whole error.
    pub fn messages_fr(&self) -> Vec<String> {
        match self {
            AccountError::InvalidForm { errors } => {
                errors.iter().map(FieldError::message_fr).collect()
            }
            AccountError::InvalidField(e) => vec![e.message_fr()],
            AccountError::DuplicateAddressName { .. } => {
                vec![
                    "Vous avez déjà une adresse portant ce nom, veuillez en choisir un autre."
                        .to_owned(),
                ]
            }
            AccountError::UnknownAddress { .. } => {
                vec!["Cette adresse n'existe pas dans votre carnet d'adresses.".to_owned()]
            }
            AccountError::AccountRequired => {
                vec!["Pour passer commande, veuillez vous connecter ou créer un compte.".to_owned()]
            }
            AccountError::InvalidPolicy { .. } => vec![
                "Ce formulaire est mal configuré : veuillez contacter le service client."
                    .to_owned(),
            ],
            AccountError::InvalidCustomerId { .. } => vec![
                "Ce compte client est introuvable : reconnectez-vous ou contactez le service \
                 client."
                    .to_owned(),
            ],
        }
    }

    /// The French text the shop shows for the whole error: the sentences of
    /// [`AccountError::messages_fr`], one after the other. A form shows each under its field
    /// instead.
    pub fn message_fr(&self) -> String {
        self.messages_fr().join(" ")
    }
}
