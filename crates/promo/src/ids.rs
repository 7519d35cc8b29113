//! Identifiers and counts: newtypes so that a product id is never mistaken for a line id.
//!
//! Ids hold an `Arc<str>`: an evaluation copies line and offer ids into its result many times,
//! and sharing them keeps that copy free of allocations.

use core::fmt;
use core::str::FromStr;
use std::sync::Arc;

use crate::PromoError;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
        pub struct $name(Arc<str>);

        impl $name {
            #[doc = concat!("A ", $what, " from `id`, with surrounding spaces removed.")]
            ///
            /// # Errors
            ///
            /// [`PromoError::EmptyId`] when nothing but spaces is given.
            pub fn new(id: impl AsRef<str>) -> Result<Self, PromoError> {
                let trimmed = id.as_ref().trim();
                if trimmed.is_empty() {
                    return Err(PromoError::EmptyId { what: $what });
                }
                Ok($name(Arc::from(trimmed)))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = PromoError;

            fn from_str(s: &str) -> Result<Self, PromoError> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = PromoError;

            fn try_from(s: String) -> Result<Self, PromoError> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0.as_ref().to_owned()
            }
        }
    };
}

string_id!(
    /// The shop's identifier of an offer, unique among the offers evaluated together.
    ///
    /// Offers of equal priority apply in the order of their ids (PROMO-2's tie-break).
    OfferId,
    "offer id"
);
string_id!(
    /// The shop's identifier of a product (a reference of the catalogue).
    ProductId,
    "product id"
);
string_id!(
    /// A category of the catalogue that offers may select ("books", "summer-sale").
    CategoryId,
    "category id"
);
string_id!(
    /// The identifier of a line of a cart, unique within that cart.
    LineId,
    "line id"
);

/// A promotional code as the customer types it, compared case-insensitively and ignoring
/// surrounding spaces (PROMO-1): `" summer10 "` and `"SUMMER10"` are the same code.
///
/// # Example
///
/// ```
/// use comptoir_promo::Code;
/// assert_eq!(Code::new(" summer10 ")?, Code::new("SUMMER10")?);
/// assert_eq!(Code::new("summer10")?.to_string(), "SUMMER10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Code(Arc<str>);

impl Code {
    /// The code `typed`, trimmed and upper-cased.
    ///
    /// # Errors
    ///
    /// [`PromoError::EmptyId`] when nothing but spaces is given.
    pub fn new(typed: impl AsRef<str>) -> Result<Code, PromoError> {
        let trimmed = typed.as_ref().trim();
        if trimmed.is_empty() {
            return Err(PromoError::EmptyId { what: "code" });
        }
        Ok(Code(Arc::from(trimmed.to_uppercase())))
    }

    /// The normalised code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Code {
    type Err = PromoError;

    fn from_str(s: &str) -> Result<Code, PromoError> {
        Code::new(s)
    }
}

impl TryFrom<String> for Code {
    type Error = PromoError;

    fn try_from(s: String) -> Result<Code, PromoError> {
        Code::new(s)
    }
}

impl From<Code> for String {
    fn from(code: Code) -> String {
        code.0.as_ref().to_owned()
    }
}

/// A number of units of a product, at least one.
///
/// # Example
///
/// ```
/// use comptoir_promo::Quantity;
/// assert_eq!(Quantity::new(3)?.get(), 3);
/// assert!(Quantity::new(0).is_err());
/// assert!(Quantity::try_from(-2i64).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "i64", into = "u32"))]
pub struct Quantity(u32);

impl Quantity {
    /// One unit.
    pub const ONE: Quantity = Quantity(1);

    /// `units` units.
    ///
    /// # Errors
    ///
    /// [`PromoError::NonPositiveQuantity`] for zero.
    pub fn new(units: u32) -> Result<Quantity, PromoError> {
        if units == 0 {
            return Err(PromoError::NonPositiveQuantity { value: 0 });
        }
        Ok(Quantity(units))
    }

    /// The number of units.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<i64> for Quantity {
    type Error = PromoError;

    /// Accepts 1 to `u32::MAX`; zero and negative values are refused, never clamped.
    fn try_from(value: i64) -> Result<Quantity, PromoError> {
        let units = u32::try_from(value).map_err(|_| PromoError::NonPositiveQuantity { value })?;
        Quantity::new(units)
    }
}

impl From<Quantity> for u32 {
    fn from(q: Quantity) -> u32 {
        q.0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Reads what [`Display`](fmt::Display) writes: a whole number of units, at least one
/// (`"3"`; surrounding spaces are ignored).
///
/// ```
/// use comptoir_promo::Quantity;
/// assert_eq!("3".parse::<Quantity>()?, Quantity::new(3)?);
/// assert!("0".parse::<Quantity>().is_err());
/// assert!("2.5".parse::<Quantity>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for Quantity {
    type Err = PromoError;

    fn from_str(s: &str) -> Result<Quantity, PromoError> {
        let value: i64 = s.trim().parse().map_err(|_| PromoError::NotANumber {
            what: "quantity",
            input: s.to_owned(),
        })?;
        Quantity::try_from(value)
    }
}

/// The rank of an offer: lower numbers apply first and win conflicts (PROMO-2).
///
/// # Example
///
/// ```
/// use comptoir_promo::Priority;
/// assert!(Priority::new(1) < Priority::new(5));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct Priority(u32);

impl Priority {
    /// The priority numbered `rank` (0 is the highest).
    pub const fn new(rank: u32) -> Priority {
        Priority(rank)
    }

    /// The rank number.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Reads what [`Display`](fmt::Display) writes: the rank, a whole number from 0 (`"10"`;
/// surrounding spaces are ignored).
///
/// ```
/// use comptoir_promo::Priority;
/// assert_eq!("10".parse::<Priority>()?, Priority::new(10));
/// assert!("-1".parse::<Priority>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl FromStr for Priority {
    type Err = PromoError;

    fn from_str(s: &str) -> Result<Priority, PromoError> {
        s.trim()
            .parse()
            .map(Priority)
            .map_err(|_| PromoError::NotANumber {
                what: "priority",
                input: s.to_owned(),
            })
    }
}
