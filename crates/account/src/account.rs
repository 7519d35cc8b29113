//! Accounts and the registered customers who may order (ACC-1).

use core::fmt;

use chrono::NaiveDate;

use crate::{AccountError, AddressBook, FormPolicy, Password, Profile, ProfileForm, Registration};

/// The shop's identifier of a customer account, given by the application's storage.
///
/// # Example
///
/// ```
/// use comptoir_account::CustomerId;
///
/// let id: CustomerId = "42".parse()?;
/// assert_eq!(id, CustomerId::new(42));
/// assert_eq!(id.to_string(), "42");
/// assert!("-42".parse::<CustomerId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct CustomerId(u64);

impl CustomerId {
    /// The identifier `id`.
    pub const fn new(id: u64) -> CustomerId {
        CustomerId(id)
    }

    /// The number.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for CustomerId {
    /// The number, `42`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl core::str::FromStr for CustomerId {
    type Err = AccountError;

    /// Reads the number `Display` writes: digits only, as a URL or a log holds it.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidCustomerId`] for anything else (signs, spaces, letters, a
    /// number beyond `u64`).
    fn from_str(s: &str) -> Result<CustomerId, AccountError> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::InvalidCustomerId {
                input: s.to_owned(),
            });
        }
        s.parse()
            .map(CustomerId)
            .map_err(|_| AccountError::InvalidCustomerId {
                input: s.to_owned(),
            })
    }
}

/// A customer account: identifier, personal information (ACC-2, ACC-3), address book (ACC-4).
///
/// An `Account` is made from a validated [`Registration`], so every account holds valid
/// information. It holds no password: the application hashes
/// [`Registration::password`] and keeps the hash.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_account::{Account, CustomerId, FormPolicy, RegistrationForm};
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
/// let form = RegistrationForm {
///     email: "marie.dupont@exemple.fr".into(),
///     password: "Motdepasse-2026".into(),
///     first_name: "Marie".into(),
///     last_name: "Dupont".into(),
///     postcode: "69003".into(),
///     ..RegistrationForm::default()
/// };
/// let registration = form.validate(&FormPolicy::default(), today)?;
/// let account = Account::open(CustomerId::new(42), registration.profile);
/// let customer = account.customer(); // ACC-1: what the order journey asks for
/// assert_eq!(customer.id(), CustomerId::new(42));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Account {
    id: CustomerId,
    profile: Profile,
    addresses: AddressBook,
}

impl Account {
    /// A new account with an empty address book.
    pub fn open(id: CustomerId, profile: Profile) -> Account {
        Account {
            id,
            profile,
            addresses: AddressBook::new(),
        }
    }

    /// The account's identifier.
    pub fn id(&self) -> CustomerId {
        self.id
    }

    /// The customer's personal information.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The saved addresses (ACC-4).
    pub fn addresses(&self) -> &AddressBook {
        &self.addresses
    }

    /// The saved addresses, to add, edit or remove one (ACC-4).
    pub fn addresses_mut(&mut self) -> &mut AddressBook {
        &mut self.addresses
    }

    /// Applies a profile change (ACC-3) and returns the new password to hash, if one was
    /// asked. The account is unchanged when the change is refused.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidForm`] listing every invalid field, including
    /// [`Field::TermsConsent`](crate::Field::TermsConsent) when the box is not ticked.
    pub fn change_profile(
        &mut self,
        form: &ProfileForm,
        policy: &FormPolicy,
        today: NaiveDate,
    ) -> Result<Option<Password>, AccountError> {
        let (profile, password) = form.validate(policy, today)?;
        self.profile = profile;
        Ok(password)
    }

    /// Proof that this customer is registered, for the rules that need one (ACC-1).
    pub fn customer(&self) -> RegisteredCustomer {
        RegisteredCustomer { id: self.id }
    }
}

impl Registration {
    /// Opens the account with the identifier the storage gave it (the password is left for
    /// the caller to hash).
    pub fn into_account(self, id: CustomerId) -> (Account, Password) {
        (Account::open(id, self.profile), self.password)
    }
}

/// A registered customer, the only kind who may order (ACC-1: "il est indispensable de créer
/// un compte").
///
/// It can only be obtained from an [`Account`] (or [`require_account`]), so a function that
/// takes a `RegisteredCustomer` cannot be called for a visitor without an account:
///
/// ```compile_fail
/// use comptoir_account::{CustomerId, RegisteredCustomer};
/// // No public constructor: an identifier alone does not make a registered customer.
/// let customer = RegisteredCustomer { id: CustomerId::new(1) };
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegisteredCustomer {
    id: CustomerId,
}

impl RegisteredCustomer {
    /// The customer's account identifier.
    pub fn id(self) -> CustomerId {
        self.id
    }
}

/// The registered customer behind a session, or the refusal the shop shows a visitor who
/// tries to order without being logged in (ACC-1).
///
/// # Errors
///
/// [`AccountError::AccountRequired`] when `session` has no account.
///
/// # Example
///
/// ```
/// use comptoir_account::{require_account, AccountError};
///
/// let err = require_account(None).unwrap_err();
/// assert_eq!(err, AccountError::AccountRequired);
/// assert_eq!(err.messages_fr(), ["Pour passer commande, veuillez vous connecter ou créer un compte."]);
/// ```
pub fn require_account(session: Option<&Account>) -> Result<RegisteredCustomer, AccountError> {
    session
        .map(Account::customer)
        .ok_or(AccountError::AccountRequired)
}
