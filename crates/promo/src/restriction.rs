//! What an offer may be restricted to besides the cart's products: the delivery service
//! (SHIP-1), the destination (the overseas regions of CAL-3 included) and the customer's
//! groups. The evaluation context carries the cart's side of each.

use core::fmt;
use core::str::FromStr;

use crate::PromoError;

/// Where Colissimo delivers (SHIP-1, SHIP-2): an address of the customer's address book
/// (ACC-4) at home, at work or where the customer spends the holidays ("vous faire livrer au
/// travail, à la maison ou sur votre lieu de vacances").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ColissimoDestination {
    /// The customer's home.
    Home,
    /// The customer's workplace.
    Work,
    /// A holiday address saved in the customer's address book.
    Holiday,
}

/// The delivery services of SHIP-1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DeliveryService {
    /// A La Poste relay point.
    Pickup,
    /// Colissimo to home, work or a holiday address.
    Colissimo(ColissimoDestination),
}

impl DeliveryService {
    /// The service's name, in French, as the shop shows it.
    pub fn name_fr(self) -> &'static str {
        match self {
            DeliveryService::Pickup => "Pickup (point relais)",
            DeliveryService::Colissimo(ColissimoDestination::Home) => "Colissimo à domicile",
            DeliveryService::Colissimo(ColissimoDestination::Work) => "Colissimo au travail",
            DeliveryService::Colissimo(ColissimoDestination::Holiday) => {
                "Colissimo sur le lieu de vacances"
            }
        }
    }
}

/// Where a parcel goes, as an offer may restrict it: metropolitan France, one of the
/// overseas regions of CAL-3, or another country.
///
/// Written as its ISO 3166-1 alpha-2 code, under which carriers list the overseas regions
/// too: `FR` is metropolitan France (Corsica included), `GP` Guadeloupe, `MQ` Martinique,
/// `GF` Guyane, `RE` La Réunion, `YT` Mayotte; any other pair of letters is a country
/// abroad. The code is checked for its form (two letters), not against ISO's list.
///
/// ```
/// use comptoir_promo::Destination;
///
/// let reunion: Destination = "re".parse()?;
/// assert_eq!(reunion, Destination::Reunion);
/// assert!(reunion.is_overseas());
/// assert_eq!("BE".parse::<Destination>()?.to_string(), "BE");
/// assert!("France".parse::<Destination>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub enum Destination {
    /// Metropolitan France, Corsica included (`FR`).
    MetropolitanFrance,
    /// Guadeloupe (`GP`).
    Guadeloupe,
    /// Martinique (`MQ`).
    Martinique,
    /// Guyane (`GF`).
    Guyane,
    /// La Réunion (`RE`).
    Reunion,
    /// Mayotte (`YT`).
    Mayotte,
    /// Another country.
    Abroad(CountryCode),
}

const FRENCH: [(&str, Destination); 6] = [
    ("FR", Destination::MetropolitanFrance),
    ("GP", Destination::Guadeloupe),
    ("MQ", Destination::Martinique),
    ("GF", Destination::Guyane),
    ("RE", Destination::Reunion),
    ("YT", Destination::Mayotte),
];

impl Destination {
    /// True for the overseas regions.
    pub fn is_overseas(self) -> bool {
        !matches!(
            self,
            Destination::MetropolitanFrance | Destination::Abroad(_)
        )
    }

    /// The ISO 3166-1 alpha-2 code.
    pub fn code(&self) -> &str {
        match self {
            Destination::Abroad(country) => country.as_str(),
            french => FRENCH
                .iter()
                .find(|(_, d)| d == french)
                .map_or("FR", |(code, _)| code),
        }
    }
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Destination {
    type Err = PromoError;

    /// Reads the two letters of an ISO 3166-1 alpha-2 code, in either case.
    fn from_str(s: &str) -> Result<Destination, PromoError> {
        let country = CountryCode::new(s)?;
        Ok(FRENCH
            .iter()
            .find(|(code, _)| *code == country.as_str())
            .map_or(Destination::Abroad(country), |(_, d)| *d))
    }
}

impl TryFrom<String> for Destination {
    type Error = PromoError;

    fn try_from(s: String) -> Result<Destination, PromoError> {
        s.parse()
    }
}

impl From<Destination> for String {
    fn from(d: Destination) -> String {
        d.to_string()
    }
}

/// Two upper-case ASCII letters: the form of an ISO 3166-1 alpha-2 country code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code `code`, upper-cased.
    ///
    /// # Errors
    ///
    /// [`PromoError::InvalidDestination`] unless `code` is two ASCII letters.
    pub fn new(code: &str) -> Result<CountryCode, PromoError> {
        match code.trim().as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Ok(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => Err(PromoError::InvalidDestination {
                input: code.to_owned(),
            }),
        }
    }

    /// The two letters.
    pub fn as_str(&self) -> &str {
        // Two ASCII letters are UTF-8.
        core::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// A group of customers an offer may be reserved to ("pro", "vip"), as the shop's customer
/// records say; the evaluation context lists the customer's groups.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct CustomerGroup(std::sync::Arc<str>);

impl CustomerGroup {
    /// The group `name`, with surrounding spaces removed.
    ///
    /// # Errors
    ///
    /// [`PromoError::EmptyId`] when nothing but spaces is given.
    pub fn new(name: impl AsRef<str>) -> Result<CustomerGroup, PromoError> {
        let trimmed = name.as_ref().trim();
        if trimmed.is_empty() {
            return Err(PromoError::EmptyId {
                what: "customer group",
            });
        }
        Ok(CustomerGroup(trimmed.into()))
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CustomerGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CustomerGroup {
    type Err = PromoError;

    fn from_str(s: &str) -> Result<CustomerGroup, PromoError> {
        CustomerGroup::new(s)
    }
}

impl TryFrom<String> for CustomerGroup {
    type Error = PromoError;

    fn try_from(s: String) -> Result<CustomerGroup, PromoError> {
        CustomerGroup::new(s)
    }
}

impl From<CustomerGroup> for String {
    fn from(g: CustomerGroup) -> String {
        g.0.as_ref().to_owned()
    }
}
