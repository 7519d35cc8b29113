use rust_decimal::Decimal;

use crate::{Eur, MoneyError};

impl Eur {
    /// Splits this amount over `weights`, exact to the cent: the parts always sum to `self`.
    ///
    /// Each part first gets its exact share `self × wᵢ / Σw` rounded towards zero to the cent;
    /// the cents left over go one each to the parts with the largest remainders, the earlier
    /// part first on equal remainders (largest-remainder method, `docs/rules.md` "Money"). Every
    /// part therefore differs from its exact share by less than one cent, and a part whose
    /// weight is zero gets nothing.
    ///
    /// A negative amount is split like its absolute value, with every part negative.
    ///
    /// # Errors
    ///
    /// - [`MoneyError::NegativeWeight`] when a weight is below zero;
    /// - [`MoneyError::ZeroWeights`] when a non-zero amount meets weights that sum to zero
    ///   (including no weights at all); zero over such weights gives zero parts;
    /// - [`MoneyError::Overflow`] when the weights are too large or precise to combine
    ///   exactly (far beyond any price list).
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    ///
    /// // A 10.00 discount over lines of 90.00 and 30.00.
    /// let lines = [Eur::from_cents(9_000), Eur::from_cents(3_000)];
    /// let parts = Eur::from_cents(1_000).allocate(&lines)?;
    /// assert_eq!(parts, vec![Eur::from_cents(750), Eur::from_cents(250)]);
    ///
    /// // 0.10 over three equal weights: 0.04 / 0.03 / 0.03.
    /// let parts = Eur::from_cents(10).allocate(&[1u8, 1, 1])?;
    /// assert_eq!(parts, vec![Eur::from_cents(4), Eur::from_cents(3), Eur::from_cents(3)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocate<W>(self, weights: &[W]) -> Result<Vec<Eur>, MoneyError>
    where
        W: Copy + Into<Decimal>,
    {
        let weights: Vec<Decimal> = weights.iter().map(|w| (*w).into()).collect();
        for (index, w) in weights.iter().enumerate() {
            if w.is_sign_negative() && !w.is_zero() {
                return Err(MoneyError::NegativeWeight {
                    index,
                    value: w.to_string(),
                });
            }
        }
        let integer_weights = to_common_scale(&weights)?;
        let total_weight = integer_weights
            .iter()
            .try_fold(0i128, |acc, w| acc.checked_add(*w))
            .ok_or_else(|| MoneyError::overflow("allocate"))?;
        if total_weight == 0 {
            if self.is_zero() {
                return Ok(vec![Eur::ZERO; weights.len()]);
            }
            return Err(MoneyError::ZeroWeights {
                amount: self.to_string(),
            });
        }

        let cents = self.cents();
        let magnitude = cents.abs();
        let mut parts = Vec::with_capacity(integer_weights.len());
        let mut remainders = Vec::with_capacity(integer_weights.len());
        let mut given = 0i128;
        for w in &integer_weights {
            let product = magnitude
                .checked_mul(*w)
                .ok_or_else(|| MoneyError::overflow("allocate"))?;
            let floor = product / total_weight;
            given += floor;
            parts.push(floor);
            remainders.push(product % total_weight);
        }
        // Fewer leftover cents than parts: each floor lost less than one cent.
        let leftover =
            usize::try_from(magnitude - given).map_err(|_| MoneyError::overflow("allocate"))?;
        let mut order: Vec<usize> = (0..parts.len()).collect();
        // Stable sort: equal remainders keep their order, so ties go to the earlier part.
        order.sort_by_key(|i| core::cmp::Reverse(remainder_at(&remainders, *i)));
        for index in order.into_iter().take(leftover) {
            if let Some(part) = parts.get_mut(index) {
                *part += 1;
            }
        }
        let sign = if cents < 0 { -1 } else { 1 };
        parts
            .into_iter()
            .map(|p| Eur::try_from_cents(sign * p))
            .collect()
    }

    /// Splits this amount into `n` parts as equal as cents allow, the leftover cents on the
    /// earliest parts (100.00 in three: 33.34 / 33.33 / 33.33).
    ///
    /// # Errors
    ///
    /// [`MoneyError::ZeroWeights`] when `n` is zero and the amount is not.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    /// let parts = Eur::from_cents(10_000).split_evenly(3)?;
    /// assert_eq!(parts, vec![Eur::from_cents(3_334), Eur::from_cents(3_333), Eur::from_cents(3_333)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split_evenly(self, n: usize) -> Result<Vec<Eur>, MoneyError> {
        self.allocate(&vec![1u8; n])
    }
}

fn remainder_at(remainders: &[i128], index: usize) -> i128 {
    remainders.get(index).copied().unwrap_or(0)
}

/// The weights as integers over one common power of ten, so that shares compare exactly.
fn to_common_scale(weights: &[Decimal]) -> Result<Vec<i128>, MoneyError> {
    let scale = weights
        .iter()
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    weights
        .iter()
        .map(|w| {
            let w = w.normalize();
            10i128
                .checked_pow(scale - w.scale())
                .and_then(|f| w.mantissa().checked_mul(f))
                .ok_or_else(|| MoneyError::overflow("allocate"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(parts: &[Eur]) -> Vec<i128> {
        parts.iter().map(|p| p.cents()).collect()
    }

    // Money (docs/rules.md): largest remainder, ties to the earlier part.
    #[test]
    fn ties_go_to_the_earlier_part() {
        let parts = Eur::from_cents(2).allocate(&[1u8, 1, 1]);
        assert_eq!(parts.as_deref().map(cents), Ok(vec![1, 1, 0]));
    }

    // Money (docs/rules.md): largest remainder first.
    #[test]
    fn largest_remainder_wins_over_position() {
        // Exact shares 0.333.., 0.666..: the second has the larger remainder.
        let parts = Eur::from_cents(1).allocate(&[1u8, 2]);
        assert_eq!(parts.as_deref().map(cents), Ok(vec![0, 1]));
    }

    // Money (docs/rules.md): splits of negative amounts mirror positive ones.
    #[test]
    fn negative_amounts_split_symmetrically() {
        let parts = Eur::from_cents(-100).allocate(&[1u8, 1, 1]);
        assert_eq!(parts.as_deref().map(cents), Ok(vec![-34, -33, -33]));
    }

    // Money (docs/rules.md): a zero weight gets no cent.
    #[test]
    fn zero_weights_get_nothing() {
        let parts = Eur::from_cents(100).allocate(&[0u8, 3, 0, 1]);
        assert_eq!(parts.as_deref().map(cents), Ok(vec![0, 75, 0, 25]));
    }

    // Money (docs/rules.md): bad weights are typed errors.
    #[test]
    fn bad_weights_are_refused() {
        assert!(matches!(
            Eur::from_cents(100).allocate(&[Decimal::ONE, Decimal::NEGATIVE_ONE]),
            Err(MoneyError::NegativeWeight { index: 1, .. })
        ));
        assert!(matches!(
            Eur::from_cents(100).allocate::<u8>(&[]),
            Err(MoneyError::ZeroWeights { .. })
        ));
        assert_eq!(
            Eur::ZERO.allocate(&[0u8, 0]),
            Ok(vec![Eur::ZERO, Eur::ZERO])
        );
    }

    // Money (docs/rules.md): parts sum to the whole with decimal weights.
    #[test]
    fn decimal_weights_of_mixed_scales_compare_exactly() {
        let w = [Decimal::new(1, 1), Decimal::new(2, 0), Decimal::new(5, 3)];
        let parts = Eur::from_cents(1000).allocate(&w);
        let sum: i128 = parts.as_deref().map(cents).unwrap_or_default().iter().sum();
        assert_eq!(sum, 1000);
    }
}
