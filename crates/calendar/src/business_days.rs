use core::fmt;

use crate::calendar_days::parse_count;
use crate::{CalendarError, TextForm, TextProblem};

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
/// assert_eq!("3 business days".parse::<BusinessDays>()?, promise);
/// assert_eq!("3".parse::<BusinessDays>()?, promise);
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
        if self.0.unsigned_abs() == 1 {
            write!(f, "{} business day", self.0)
        } else {
            write!(f, "{} business days", self.0)
        }
    }
}

impl core::str::FromStr for BusinessDays {
    type Err = CalendarError;

    /// Reads what `Display` writes (`3 business days`, `-1 business day`) or a bare whole
    /// number, as a configuration file writes a delay (`3`, `-2`).
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for anything else, or a number beyond `i32`.
    fn from_str(s: &str) -> Result<BusinessDays, CalendarError> {
        let n = parse_count(s, TextForm::BusinessDays, "business day")?;
        i32::try_from(n)
            .map(BusinessDays)
            .map_err(|_| CalendarError::parse(TextForm::BusinessDays, TextProblem::TooLarge))
    }
}

impl From<i32> for BusinessDays {
    fn from(n: i32) -> BusinessDays {
        BusinessDays(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // DISP-2, REF-2: what is printed reads back, bare numbers too; bad input is refused.
    #[test]
    fn text_forms_read_back() {
        for n in [i32::MIN, -2, -1, 0, 1, 3, i32::MAX] {
            let d = BusinessDays::new(n);
            assert_eq!(d.to_string().parse::<BusinessDays>(), Ok(d));
            assert_eq!(n.to_string().parse::<BusinessDays>(), Ok(d));
        }
        assert_eq!(BusinessDays::new(-1).to_string(), "-1 business day");
        for bad in ["", "3 calendar days", "three", "2147483648", "3.0", "- 3"] {
            assert!(
                bad.parse::<BusinessDays>().is_err_and(|e| e.is_parse()),
                "{bad:?}"
            );
        }
    }
}
