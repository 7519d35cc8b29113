use core::fmt;
use core::iter::Sum;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::{MoneyError, Percent};

/// An amount of euros, incl. VAT unless a name says otherwise, always at cent scale.
///
/// The value inside is a [`Decimal`] with exactly two decimals, so two equal amounts are equal
/// bit for bit, hash alike and print alike ("12.30", not "12.3"). An `Eur` may be negative
/// (a discount line, a balance); rules that need a non-negative amount check it themselves.
///
/// # Example
///
/// ```
/// use comptoir_money::Eur;
///
/// let a = Eur::from_cents(1_999);
/// let b: Eur = "0.01".parse()?;
/// assert_eq!(a.checked_add(b)?, "20.00".parse()?);
/// assert!(a > b);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Eur(Decimal);

impl Eur {
    /// Zero euros.
    pub const ZERO: Eur = Eur(Decimal::from_parts(0, 0, 0, false, 2));

    /// One cent.
    pub const CENT: Eur = Eur(Decimal::from_parts(1, 0, 0, false, 2));

    /// An amount from a whole number of cents.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    /// assert_eq!(Eur::from_cents(-250).to_string(), "-2.50");
    /// ```
    #[inline]
    pub fn from_cents(cents: i64) -> Eur {
        // The parts of the 96-bit mantissa, built inline: the promotion engine makes an
        // amount from cents for every discount share.
        let magnitude = cents.unsigned_abs();
        let low = u32::try_from(magnitude & u64::from(u32::MAX)).unwrap_or(0);
        let middle = u32::try_from(magnitude.rotate_right(32) & u64::from(u32::MAX)).unwrap_or(0);
        Eur(Decimal::from_parts(low, middle, 0, cents < 0, 2))
    }

    /// An amount from a whole number of euros.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    /// assert_eq!(Eur::from_euros(100).to_string(), "100.00");
    /// ```
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "|euros| × 100 < 2^70, far inside i128 and the 96-bit mantissa"
    )]
    pub fn from_euros(euros: i64) -> Eur {
        Eur(Decimal::from_i128_with_scale(i128::from(euros) * 100, 2))
    }

    /// The exact amount `value`, which must not have non-zero digits below the cent.
    ///
    /// `12.3` and `12.300` are accepted (as 12.30); `12.345` is refused.
    ///
    /// # Errors
    ///
    /// [`MoneyError::SubCent`] when a digit below the cent is not zero, and
    /// [`MoneyError::Overflow`] when the value is too large to carry two decimals.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::{Decimal, Eur};
    /// assert_eq!(Eur::new(Decimal::new(123, 1))?.to_string(), "12.30");
    /// assert!(Eur::new(Decimal::new(12345, 3)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: Decimal) -> Result<Eur, MoneyError> {
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(MoneyError::SubCent {
                value: value.to_string(),
            });
        }
        Eur::at_cent_scale(normalized)
    }

    /// `value` rounded half away from zero to the cent: the one rounding the rules use.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the value is too large to carry two decimals.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::{Decimal, Eur};
    /// assert_eq!(Eur::round_from(Decimal::new(12345, 3))?.to_string(), "12.35");
    /// assert_eq!(Eur::round_from(Decimal::new(-12345, 3))?.to_string(), "-12.35");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round_from(value: Decimal) -> Result<Eur, MoneyError> {
        Eur::at_cent_scale(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    /// The amount of a value known to have at most two decimals.
    fn at_cent_scale(value: Decimal) -> Result<Eur, MoneyError> {
        let factor = 10i128.pow(2u32.saturating_sub(value.scale()));
        let cents = value
            .mantissa()
            .checked_mul(factor)
            .ok_or_else(|| MoneyError::overflow("rescale"))?;
        Eur::try_from_cents(cents)
    }

    /// The amount as a [`Decimal`] with two decimals.
    #[inline]
    pub fn to_decimal(self) -> Decimal {
        self.0
    }

    /// The amount as a whole number of cents.
    ///
    /// Every `Eur` fits: a `Decimal` mantissa has 96 bits.
    #[inline]
    pub fn cents(self) -> i128 {
        self.0.mantissa()
    }

    /// An amount from a whole number of cents, for values beyond `i64`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when `cents` needs more than 96 bits.
    pub fn try_from_cents(cents: i128) -> Result<Eur, MoneyError> {
        Decimal::try_from_i128_with_scale(cents, 2)
            .map(Eur)
            .map_err(|_| MoneyError::overflow("from cents"))
    }

    /// True for exactly zero euros.
    #[inline]
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// True below zero.
    #[inline]
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True above zero.
    #[inline]
    pub fn is_positive(self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }

    /// The absolute value.
    pub fn abs(self) -> Eur {
        Eur(self.0.abs())
    }

    /// `self + other`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the sum leaves the representable range.
    pub fn checked_add(self, other: Eur) -> Result<Eur, MoneyError> {
        self.0
            .checked_add(other.0)
            .ok_or_else(|| MoneyError::overflow("add"))
            .and_then(Eur::keep_scale)
    }

    /// `self - other`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the difference leaves the representable range.
    pub fn checked_sub(self, other: Eur) -> Result<Eur, MoneyError> {
        self.0
            .checked_sub(other.0)
            .ok_or_else(|| MoneyError::overflow("subtract"))
            .and_then(Eur::keep_scale)
    }

    /// `self - other`, but never below zero: what is left of `self` after taking `other`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the difference leaves the representable range.
    pub fn saturating_sub_to_zero(self, other: Eur) -> Result<Eur, MoneyError> {
        Ok(self.checked_sub(other)?.max(Eur::ZERO))
    }

    /// The amount of `quantity` units at this unit price.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product leaves the representable range.
    pub fn times(self, quantity: u32) -> Result<Eur, MoneyError> {
        self.0
            .checked_mul(Decimal::from(quantity))
            .ok_or_else(|| MoneyError::overflow("multiply"))
            .and_then(Eur::keep_scale)
    }

    /// `percent` of this amount, rounded half away from zero to the cent.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product leaves the representable range.
    pub fn percent(self, percent: Percent) -> Result<Eur, MoneyError> {
        let exact = self
            .0
            .checked_mul(percent.to_decimal())
            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| MoneyError::overflow("percent"))?;
        Eur::round_from(exact)
    }

    /// The sum of `amounts`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the sum leaves the representable range.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    /// let total = Eur::try_sum([Eur::from_cents(150), Eur::from_cents(250)])?;
    /// assert_eq!(total, Eur::from_cents(400));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_sum<I: IntoIterator<Item = Eur>>(amounts: I) -> Result<Eur, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Eur::ZERO, |acc, a| acc.checked_add(a))
    }

    /// A view that prints the amount the French way: `1 234,50 €`, with a narrow no-break
    /// space between thousands and a no-break space before the sign, as French typography
    /// (and CLDR's `fr` locale) writes it.
    pub fn french(self) -> French {
        French(self)
    }

    /// Sums, differences and integer multiples of two-decimal values have at most two
    /// decimals; going through cents also drops the sign of a negative zero.
    fn keep_scale(value: Decimal) -> Result<Eur, MoneyError> {
        Eur::at_cent_scale(value)
    }
}

impl Default for Eur {
    /// Zero euros, the neutral amount of a sum.
    fn default() -> Self {
        Eur::ZERO
    }
}

impl fmt::Debug for Eur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Eur({})", self.0)
    }
}

impl fmt::Display for Eur {
    /// The canonical form: `-1234.50`, a dot and always two decimals. With `{:#}`, the French
    /// form [`Eur::french`] writes, `-1 234,50 €`. [`FromStr`](core::str::FromStr) reads both.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            fmt::Display::fmt(&self.french(), f)
        } else {
            fmt::Display::fmt(&self.0, f)
        }
    }
}

impl core::ops::Neg for Eur {
    type Output = Eur;

    /// `-self`; never overflows, the range is symmetric.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "cents fit 96 bits, so their negation fits i128 and the mantissa"
    )]
    fn neg(self) -> Eur {
        Eur(Decimal::from_i128_with_scale(-self.cents(), 2))
    }
}

impl From<Eur> for Decimal {
    fn from(value: Eur) -> Decimal {
        value.0
    }
}

impl TryFrom<Decimal> for Eur {
    type Error = MoneyError;

    /// Same as [`Eur::new`]: exact, sub-cent digits refused.
    fn try_from(value: Decimal) -> Result<Eur, MoneyError> {
        Eur::new(value)
    }
}

impl Sum<Eur> for Result<Eur, MoneyError> {
    fn sum<I: Iterator<Item = Eur>>(iter: I) -> Self {
        Eur::try_sum(iter)
    }
}

/// An [`Eur`] printed the French way; see [`Eur::french`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct French(Eur);

impl fmt::Display for French {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = self.0.cents();
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        let units = (abs / 100).to_string();
        let rest = abs % 100;
        f.write_str(sign)?;
        let lead = units.len() % 3;
        for (i, ch) in units.chars().enumerate() {
            // A group starts where as many digits are left as a multiple of three.
            if i != 0 && i % 3 == lead {
                f.write_str("\u{202f}")?;
            }
            write!(f, "{ch}")?;
        }
        write!(f, ",{rest:02}\u{a0}€")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Money (docs/rules.md): amounts are exact to the cent.
    #[test]
    fn zero_and_cent_constants_are_at_cent_scale() {
        assert_eq!(Eur::ZERO.to_string(), "0.00");
        assert_eq!(Eur::CENT.to_string(), "0.01");
        assert_eq!(Eur::default(), Eur::ZERO);
    }

    // Money (docs/rules.md): no silent rounding of sub-cent input.
    #[test]
    fn new_accepts_trailing_zeros_and_refuses_sub_cents() {
        assert_eq!(
            Eur::new(Decimal::new(12300, 3)).map(|e| e.cents()),
            Ok(1230)
        );
        assert!(Eur::new(Decimal::new(12301, 3)).is_err_and(|e| e.is_sub_cent()));
    }

    // Money (docs/rules.md): rounding is half away from zero to the cent.
    #[test]
    fn round_from_is_half_away_from_zero() {
        let r = |m, s| Eur::round_from(Decimal::new(m, s)).map(Eur::cents);
        assert_eq!(r(5, 3), Ok(1));
        assert_eq!(r(-5, 3), Ok(-1));
        assert_eq!(r(4, 3), Ok(0));
        assert_eq!(r(125, 3), Ok(13));
        assert_eq!(r(135, 3), Ok(14));
    }

    // Money (docs/rules.md): arithmetic is checked.
    #[test]
    fn huge_values_overflow_instead_of_panicking() {
        assert!(Eur::new(Decimal::MAX).is_err_and(|e| e.is_overflow()));
        // The largest amount: a 96-bit mantissa of cents.
        let big = Eur::try_from_cents((1i128 << 96) - 1).unwrap_or(Eur::ZERO);
        assert!(big.is_positive());
        assert!(big.checked_add(big).is_err_and(|e| e.is_overflow()));
        assert!(big.times(u32::MAX).is_err_and(|e| e.is_overflow()));
        assert!(Eur::try_from_cents(i128::MAX).is_err());
    }

    // Money (docs/rules.md): arithmetic stays at cent scale.
    #[test]
    fn arithmetic_keeps_cent_scale() {
        let a = Eur::from_cents(1050);
        assert_eq!(a.times(3).map(|e| e.to_string()), Ok("31.50".to_owned()));
        assert_eq!(
            a.checked_sub(Eur::from_cents(1050)).map(|e| e.to_string()),
            Ok("0.00".to_owned())
        );
        assert_eq!(
            Eur::from_cents(100).saturating_sub_to_zero(Eur::from_cents(300)),
            Ok(Eur::ZERO)
        );
    }

    // Money (docs/rules.md): amounts print the French way.
    #[test]
    fn french_display_groups_thousands() {
        let f = |c| Eur::from_cents(c).french().to_string();
        assert_eq!(f(0), "0,00\u{a0}€");
        assert_eq!(f(5), "0,05\u{a0}€");
        assert_eq!(f(123_456), "1\u{202f}234,56\u{a0}€");
        assert_eq!(f(-12_345_678_901), "-123\u{202f}456\u{202f}789,01\u{a0}€");
        assert_eq!(f(100_000), "1\u{202f}000,00\u{a0}€");
    }
}
