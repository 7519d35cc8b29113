//! Customer accounts: who may order, what the registration form accepts, how a profile is
//! changed and how saved addresses are kept.
//!
//! The crate decides four rules of the [rules reference] (`docs/rules.md` in the repository):
//!
//! - **[ACC-1] Account required.** Ordering needs a [`RegisteredCustomer`], which only an
//!   [`Account`] gives out; [`require_account`] turns a session without one into the typed
//!   refusal [`AccountError::AccountRequired`].
//! - **[ACC-2] Registration form.** [`RegistrationForm::validate`] checks every field and
//!   reports *all* invalid ones at once, each with its reason and the French sentence shown in
//!   red under the field ([`FieldError::message_fr`]). E-mail addresses are checked per
//!   RFC 5322/5321 by the `email_address` crate, phone numbers against libphonenumber's
//!   metadata by the `phonenumber` crate (metropolitan and overseas numbers), postcodes against
//!   the table of ranges of [`Postcode`]; names and passwords follow [`FormPolicy`], whose
//!   default password rule is the CNIL's recommendation for a password alone
//!   ([`PasswordPolicy::CNIL`]: 12 characters of four kinds, 14 of three, or 7 words).
//! - **[ACC-3] Profile changes** ([`ProfileForm`], [`Account::change_profile`]) are refused
//!   unless the box "J'accepte les conditions générales et la politique de confidentialité"
//!   is ticked.
//! - **[ACC-4] Address book.** [`AddressBook`]: several addresses, each under a name unique for
//!   the customer ignoring case, added, edited and removed.
//!
//! Forms are raw text ([`FormText`]): empty or oversized fields, control characters and
//! bytes that are not UTF-8 are all reported as field errors, never a panic. Nothing here
//! reads a clock: the date the birth date is checked against is an argument.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use comptoir_account::{Field, FieldReason, FormPolicy, RegistrationForm};
//!
//! let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
//! let mut form = RegistrationForm {
//!     email: "jean@exemple".into(),       // no top-level domain
//!     password: "Motdepasse-été".into(),  // no digit
//!     first_name: "Jean".into(),
//!     last_name: "Martin".into(),
//!     birth_date: "31/02/1990".into(),    // no such date
//!     postcode: "13008".into(),
//!     phone: "06 12 34 56 78".into(),
//! };
//! let err = form.validate(&FormPolicy::default(), today).unwrap_err();
//! assert_eq!(err.field_errors().len(), 3);
//! assert_eq!(err.field_errors()[1].reason(), &FieldReason::PasswordNeedsDigit);
//! assert_eq!(err.messages_fr()[0], "L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
//!
//! form.email = "jean@exemple.fr".into();
//! form.password = "Motdepasse-2026".into();
//! form.birth_date = "28/02/1990".into();
//! let registration = form.validate(&FormPolicy::default(), today)?;
//! assert_eq!(registration.profile.postcode().department(), "13");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The value types read back what they display (`"42".parse::<CustomerId>()`,
//! `"Maison".parse::<AddressName>()`, names, e-mails, phones, postcodes), through the same
//! checks as the forms. [`AccountError::message_fr`] gives the French text for any error,
//! [`AccountError::messages_fr`] one sentence per refused field.
//!
//! `cargo run -p comptoir-account --example register` registers a customer, every invalid
//! field reported at once, and fills an address book.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for profiles, accounts, addresses, address books and
//!   policies, and `Deserialize` for the forms (a field may arrive as bytes that are not
//!   UTF-8: it is then reported as [`FieldReason::InvalidUtf8`]). Deserialising a validated
//!   type runs the same checks as building it (a profile's birth date through the form's
//!   date reading, policies through their `validate`); an address book refuses duplicate
//!   names.
//!   [`Password`] has no serde support on purpose, and the forms holding one are not
//!   `Serialize`.
//! - `proptest`: the `strategies` module, generators of valid forms and addresses.
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [ACC-1]: ../comptoir/rules/index.html#acc-1
//! [ACC-2]: ../comptoir/rules/index.html#acc-2
//! [ACC-3]: ../comptoir/rules/index.html#acc-3
//! [ACC-4]: ../comptoir/rules/index.html#acc-4
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod account;
mod address;
mod error;
mod registration;
#[cfg(feature = "proptest")]
pub mod strategies;
mod text;
mod values;

pub use account::{Account, CustomerId, RegisteredCustomer, require_account};
pub use address::{Address, AddressBook, AddressForm, AddressName};
pub use error::{AccountError, Field, FieldError, FieldReason};
pub use registration::{
    CharClasses, Composition, FormPolicy, PasswordPolicy, Profile, ProfileForm, Registration,
    RegistrationForm,
};
pub use text::FormText;
pub use values::{Email, Password, PersonName, Phone, Postcode};
