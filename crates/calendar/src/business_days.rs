use core::fmt;

/// A number of business days (negative: backwards), as the rules count delays
/// ("sous 1 à 2 jours ouvrés", "3 jours ouvrés").
///
/// # Example
///
/// ```
/// use comptoir_calendar::BusinessDays;
/// let promise = BusinessDays::new(3);
/// assert_eq!(promise.get(), 3);
/// assert_eq!(promise.to_string(), "3 business days");
/// assert_eq!("3".parse::<BusinessDays>(), Ok(promise));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct BusinessDays(i32);

impl BusinessDays {
    /// No business day.
    pub const ZERO: BusinessDays = BusinessDays(0);

    /// `n` business days.
    pub const fn new(n: i32) -> BusinessDays {
        BusinessDays(n)
    }

    /// The count.
    pub const fn get(self) -> i32 {
        self.0
    }
}

impl fmt::Display for BusinessDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.abs() == 1 {
            write!(f, "{} business day", self.0)
        } else {
            write!(f, "{} business days", self.0)
        }
    }
}

impl core::str::FromStr for BusinessDays {
    type Err = core::num::ParseIntError;

    /// Reads a whole number, such as a delay in a configuration file: `"3"`, `"-2"`.
    fn from_str(s: &str) -> Result<BusinessDays, Self::Err> {
        s.trim().parse().map(BusinessDays)
    }
}

impl From<i32> for BusinessDays {
    fn from(n: i32) -> BusinessDays {
        BusinessDays(n)
    }
}
