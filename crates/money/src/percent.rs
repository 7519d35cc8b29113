use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::MoneyError;

/// A percentage from 0 to 100 inclusive, with up to 28 decimals (`12.5` is 12.5 %).
///
/// Discounts (PROMO-4) and surcharges (REF-3) are percentages of an amount; the range check
/// happens once, here, so a `Percent` that exists can be applied without further checks.
///
/// # Example
///
/// ```
/// use comptoir_money::{Eur, Percent};
///
/// let p: Percent = "12.5".parse()?;
/// assert_eq!(Eur::from_cents(8_000).percent(p)?, Eur::from_cents(1_000));
/// assert!("100.01".parse::<Percent>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Percent(Decimal);

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(Decimal::ZERO);

    /// 100 %.
    pub const HUNDRED: Percent = Percent(Decimal::ONE_HUNDRED);

    /// The percentage `value` (so `Decimal::from(20)` is 20 %).
    ///
    /// # Errors
    ///
    /// [`MoneyError::PercentOutOfRange`] when `value` is below 0 or above 100.
    pub fn new(value: Decimal) -> Result<Percent, MoneyError> {
        if value.is_sign_negative() && !value.is_zero() || value > Decimal::ONE_HUNDRED {
            return Err(MoneyError::PercentOutOfRange {
                value: value.to_string(),
            });
        }
        Ok(Percent(value.normalize()))
    }

    /// The percentage as a number from 0 to 100.
    pub fn to_decimal(self) -> Decimal {
        self.0
    }

    /// The share of a whole it stands for, from 0 to 1.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a value of at most 100 divided by 100 cannot overflow"
    )]
    pub fn as_fraction(self) -> Decimal {
        self.0 / Decimal::ONE_HUNDRED
    }
}

impl fmt::Debug for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Percent({})", self.0)
    }
}

impl fmt::Display for Percent {
    /// The number and the sign, `12.5 %`: the one text form of every percentage of the
    /// crates (a discount, a legal interest rate). With `{:#}`, the French form `12,5 %`
    /// with a narrow no-break space. [`FromStr`] reads both, and the bare number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            let number = self.0.to_string().replace('.', ",");
            write!(f, "{number}\u{202f}%")
        } else {
            write!(f, "{} %", self.0)
        }
    }
}

impl FromStr for Percent {
    type Err = MoneyError;

    /// Reads what `Display` writes (`12.5 %`, or `12,5 %` with `{:#}`) and the bare number
    /// (`12.5`, `12,5`), as a configuration file writes it.
    fn from_str(s: &str) -> Result<Percent, MoneyError> {
        let parse_error = |reason| MoneyError::Parse {
            input: s.to_owned(),
            reason,
        };
        let trimmed = s.trim();
        let number = trimmed.strip_suffix('%').map_or(trimmed, |rest| {
            rest.trim_end_matches([' ', '\u{a0}', '\u{202f}'])
        });
        if number.is_empty() {
            return Err(parse_error("no digits"));
        }
        if !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(parse_error(
                "only digits and one decimal separator are allowed",
            ));
        }
        let dotted = number.replace(',', ".");
        let value =
            Decimal::from_str_exact(&dotted).map_err(|_| parse_error("not a decimal number"))?;
        Percent::new(value)
    }
}

impl TryFrom<Decimal> for Percent {
    type Error = MoneyError;

    fn try_from(value: Decimal) -> Result<Percent, MoneyError> {
        Percent::new(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // PROMO-4: a percentage off is 0 to 100.
    #[test]
    fn bounds_are_inclusive() {
        assert!(Percent::new(Decimal::ZERO).is_ok());
        assert!(Percent::new(Decimal::ONE_HUNDRED).is_ok());
        assert!(Percent::new(Decimal::new(-1, 2)).is_err());
        assert!(Percent::new(Decimal::new(10001, 2)).is_err());
    }

    // PROMO-4: percentages are read in both forms.
    #[test]
    fn parses_french_and_plain_forms() {
        assert_eq!(
            "12,5 %".parse::<Percent>(),
            Percent::new(Decimal::new(125, 1))
        );
        assert_eq!(
            "12.50".parse::<Percent>(),
            Percent::new(Decimal::new(125, 1))
        );
        for bad in ["", "%", "1e2", "-5", "1.2.3", "abc", "5,5,5"] {
            assert!(bad.parse::<Percent>().is_err(), "{bad:?} should be refused");
        }
    }

    // PROMO-4, REF-3: both text forms read back.
    #[test]
    fn display_reads_back() {
        for hundredths in [0, 1, 5, 1000, 762, 1250, 10_000] {
            let p = Percent::new(Decimal::new(hundredths, 2)).unwrap();
            assert_eq!(p.to_string().parse(), Ok(p));
            assert_eq!(format!("{p:#}").parse(), Ok(p));
        }
        assert_eq!(
            Percent::new(Decimal::new(125, 1)).map(|p| (p.to_string(), format!("{p:#}"))),
            Ok(("12.5 %".to_owned(), "12,5\u{202f}%".to_owned()))
        );
    }

    // PROMO-4: 10 % is 10.0 %.
    #[test]
    fn equal_values_are_equal_whatever_their_scale() {
        assert_eq!(
            Percent::new(Decimal::new(100, 1)),
            Percent::new(Decimal::new(10, 0))
        );
    }
}
