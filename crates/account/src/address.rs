//! The address book (ACC-4): several named addresses per customer.

use core::fmt;

use crate::registration::Errors;
use crate::text::{self, FormText, Presence};
use crate::values::{PersonName, Phone, Postcode};
use crate::{AccountError, Field, FieldError, FormPolicy};

/// The name a customer gives a saved address ("Maison", "Travail", "Vacances").
///
/// At most [`AddressName::MAX_CHARS`] characters once trimmed, no control characters.
/// Two names are the same name when they are equal once trimmed and lower-cased
/// ([`AddressName::same_as`]): "Maison" and " MAISON " cannot both be in one book.
///
/// # Example
///
/// ```
/// use comptoir_account::AddressName;
///
/// let home = AddressName::new(" Maison ")?;
/// assert_eq!(home.as_str(), "Maison");
/// assert!(home.same_as(&AddressName::new("MAISON")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AddressName(String);

impl AddressName {
    /// The longest name accepted.
    pub const MAX_CHARS: usize = 32;

    /// The name, trimmed.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidField`] naming [`Field::AddressName`] when the name is empty,
    /// too long or holds a control character.
    pub fn new(name: &str) -> Result<AddressName, AccountError> {
        AddressName::from_form(&FormText::from(name)).map_err(AccountError::InvalidField)
    }

    fn from_form(raw: &FormText) -> Result<AddressName, FieldError> {
        text::required(Field::AddressName, raw, AddressName::MAX_CHARS)
            .map(|t| AddressName(t.to_owned()))
    }

    /// The name as the customer wrote it, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the two names are the same for the book: equal ignoring case (ACC-4).
    pub fn same_as(&self, other: &AddressName) -> bool {
        self.key() == other.key()
    }

    fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for AddressName {
    /// The name as the customer wrote it, trimmed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::str::FromStr for AddressName {
    type Err = AccountError;

    /// As [`AddressName::new`].
    ///
    /// # Errors
    ///
    /// As [`AddressName::new`].
    fn from_str(s: &str) -> Result<AddressName, AccountError> {
        AddressName::new(s)
    }
}

/// A saved postal address, every field valid.
///
/// With the `serde` feature it is read back through [`AddressForm::validate`] under the
/// default [`FormPolicy`], so a stored address is checked like a typed one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AddressForm"))]
pub struct Address {
    name: AddressName,
    first_name: PersonName,
    last_name: PersonName,
    line1: String,
    line2: Option<String>,
    postcode: Postcode,
    city: String,
    phone: Option<Phone>,
}

impl Address {
    /// The longest address line accepted.
    pub const MAX_LINE_CHARS: usize = 128;
    /// The longest town name accepted.
    pub const MAX_CITY_CHARS: usize = 64;

    /// The name the customer gave it.
    pub fn name(&self) -> &AddressName {
        &self.name
    }

    /// The recipient's first name.
    pub fn first_name(&self) -> &PersonName {
        &self.first_name
    }

    /// The recipient's last name.
    pub fn last_name(&self) -> &PersonName {
        &self.last_name
    }

    /// Number and street.
    pub fn line1(&self) -> &str {
        &self.line1
    }

    /// The complement (building, floor), if any.
    pub fn line2(&self) -> Option<&str> {
        self.line2.as_deref()
    }

    /// The postcode.
    pub fn postcode(&self) -> Postcode {
        self.postcode
    }

    /// The town.
    pub fn city(&self) -> &str {
        &self.city
    }

    /// The phone number for the carrier, if any.
    pub fn phone(&self) -> Option<&Phone> {
        self.phone.as_ref()
    }
}

/// The address form as sent, validated by [`AddressForm::validate`].
///
/// # Example
///
/// ```
/// use comptoir_account::{AddressForm, FormPolicy};
///
/// let form = AddressForm {
///     name: "Travail".into(),
///     first_name: "Marie".into(),
///     last_name: "Dupont".into(),
///     line1: "12 rue de la Paix".into(),
///     postcode: "75002".into(),
///     city: "Paris".into(),
///     ..AddressForm::default()
/// };
/// let address = form.validate(&FormPolicy::default())?;
/// assert_eq!(address.name().as_str(), "Travail");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct AddressForm {
    /// The name of the address.
    pub name: FormText,
    /// Recipient's first name.
    pub first_name: FormText,
    /// Recipient's last name.
    pub last_name: FormText,
    /// Number and street.
    pub line1: FormText,
    /// Complement; empty when not given.
    pub line2: FormText,
    /// Postcode.
    pub postcode: FormText,
    /// Town.
    pub city: FormText,
    /// Phone number; empty when not given.
    pub phone: FormText,
}

impl AddressForm {
    /// Checks every field; names follow `policy` like the registration form's.
    ///
    /// # Errors
    ///
    /// [`AccountError::InvalidForm`] listing every invalid field, one error per field;
    /// [`AccountError::InvalidPolicy`] when [`FormPolicy::validate`] refuses `policy`.
    pub fn validate(&self, policy: &FormPolicy) -> Result<Address, AccountError> {
        policy.validate()?;
        let mut errors = Errors::default();
        let name = errors.take(AddressName::from_form(&self.name));
        let first_name = errors.take(PersonName::from_form(
            Field::FirstName,
            &self.first_name,
            policy.max_name_chars,
        ));
        let last_name = errors.take(PersonName::from_form(
            Field::LastName,
            &self.last_name,
            policy.max_name_chars,
        ));
        let line1 = errors.take(
            text::required(Field::AddressLine1, &self.line1, Address::MAX_LINE_CHARS)
                .map(str::to_owned),
        );
        let line2 = errors.take(
            text::clean(
                Field::AddressLine2,
                &self.line2,
                Address::MAX_LINE_CHARS,
                Presence::Optional,
            )
            .map(|t| t.map(str::to_owned)),
        );
        let postcode = errors.take(Postcode::from_form(&self.postcode));
        let city = errors.take(
            text::required(Field::City, &self.city, Address::MAX_CITY_CHARS).map(str::to_owned),
        );
        let phone = errors.take(Phone::from_form(&self.phone, Presence::Optional));
        let address = (|| {
            Some(Address {
                name: name?,
                first_name: first_name?,
                last_name: last_name?,
                line1: line1?,
                line2: line2?,
                postcode: postcode?,
                city: city?,
                phone: phone?,
            })
        })();
        errors.finish(address)
    }
}

/// A customer's saved addresses (ACC-4): any number, each under a name unique for the
/// customer, compared ignoring case ([`AddressName::same_as`]). Kept in the order added.
///
/// Every change either succeeds or leaves the book as it was.
///
/// # Example
///
/// ```
/// use comptoir_account::{AddressBook, AddressForm, FormPolicy};
///
/// let policy = FormPolicy::default();
/// let form = |name: &str, city: &str| AddressForm {
///     name: name.into(),
///     first_name: "Marie".into(),
///     last_name: "Dupont".into(),
///     line1: "1 place du Marché".into(),
///     postcode: "33000".into(),
///     city: city.into(),
///     ..AddressForm::default()
/// };
/// let mut book = AddressBook::new();
/// book.add(form("Maison", "Bordeaux").validate(&policy)?)?;
/// assert!(book.add(form("maison", "Talence").validate(&policy)?).is_err());
/// book.edit("MAISON", form("Maison", "Talence").validate(&policy)?)?;
/// assert_eq!(book.get("maison").map(|a| a.city()), Some("Talence"));
/// book.remove("Maison")?;
/// assert!(book.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<Address>", into = "Vec<Address>")
)]
pub struct AddressBook {
    addresses: Vec<Address>,
}

impl AddressBook {
    /// An empty book.
    pub fn new() -> AddressBook {
        AddressBook::default()
    }

    fn position(&self, name: &str) -> Option<usize> {
        let key = name.trim().to_lowercase();
        self.addresses.iter().position(|a| a.name.key() == key)
    }

    /// The address of that name (compared ignoring case and surrounding spaces).
    pub fn get(&self, name: &str) -> Option<&Address> {
        self.position(name).and_then(|i| self.addresses.get(i))
    }

    /// Saves a new address.
    ///
    /// # Errors
    ///
    /// [`AccountError::DuplicateAddressName`] when an address already has that name.
    pub fn add(&mut self, address: Address) -> Result<(), AccountError> {
        if self.position(address.name.as_str()).is_some() {
            return Err(AccountError::DuplicateAddressName {
                name: address.name.0,
            });
        }
        self.addresses.push(address);
        Ok(())
    }

    /// Replaces the address called `name` by `address`, which may carry a new name.
    ///
    /// # Errors
    ///
    /// [`AccountError::UnknownAddress`] when no address is called `name`;
    /// [`AccountError::DuplicateAddressName`] when the new name is another address's.
    pub fn edit(&mut self, name: &str, address: Address) -> Result<(), AccountError> {
        let index = self
            .position(name)
            .ok_or_else(|| AccountError::UnknownAddress {
                name: name.to_owned(),
            })?;
        if self
            .position(address.name.as_str())
            .is_some_and(|other| other != index)
        {
            return Err(AccountError::DuplicateAddressName {
                name: address.name.0,
            });
        }
        if let Some(slot) = self.addresses.get_mut(index) {
            *slot = address;
        }
        Ok(())
    }

    /// Removes the address called `name` and returns it.
    ///
    /// # Errors
    ///
    /// [`AccountError::UnknownAddress`] when no address is called `name`.
    pub fn remove(&mut self, name: &str) -> Result<Address, AccountError> {
        let index = self
            .position(name)
            .ok_or_else(|| AccountError::UnknownAddress {
                name: name.to_owned(),
            })?;
        Ok(self.addresses.remove(index))
    }

    /// The addresses, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Address> {
        self.addresses.iter()
    }

    /// How many addresses are saved.
    pub fn len(&self) -> usize {
        self.addresses.len()
    }

    /// True when no address is saved.
    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty()
    }
}

impl TryFrom<AddressForm> for Address {
    type Error = AccountError;

    /// [`AddressForm::validate`] under the default [`FormPolicy`].
    fn try_from(form: AddressForm) -> Result<Address, AccountError> {
        form.validate(&FormPolicy::default())
    }
}

impl TryFrom<Vec<Address>> for AddressBook {
    type Error = AccountError;

    /// A book from stored addresses, checking that the names are unique.
    fn try_from(addresses: Vec<Address>) -> Result<AddressBook, AccountError> {
        // The duplicate test of `add` (the same key), through a set: a stored book of n
        // addresses loads in time linear in n, not quadratic.
        let mut keys = std::collections::HashSet::with_capacity(addresses.len());
        for address in &addresses {
            if !keys.insert(address.name.key()) {
                return Err(AccountError::DuplicateAddressName {
                    name: address.name.0.clone(),
                });
            }
        }
        Ok(AddressBook { addresses })
    }
}

impl From<AddressBook> for Vec<Address> {
    fn from(book: AddressBook) -> Vec<Address> {
        book.addresses
    }
}

impl<'a> IntoIterator for &'a AddressBook {
    type Item = &'a Address;
    type IntoIter = core::slice::Iter<'a, Address>;

    fn into_iter(self) -> Self::IntoIter {
        self.addresses.iter()
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::AddressName;

    impl Serialize for AddressName {
        /// As a string.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for AddressName {
        /// From a string, with the checks of [`AddressName::new`].
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
            AddressName::new(&s).map_err(D::Error::custom)
        }
    }
}
