use rust_decimal::Decimal;

use crate::{Eur, MoneyError};

impl Eur {
    /// The most parts [`Eur::split_evenly`] makes: 10 000, far more than any instalment plan
    /// (at most 255) or share-out a shop makes, and 160 KB of parts at most.
    pub const MAX_SPLIT_PARTS: usize = 10_000;

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
        allocate_cents(self.cents(), &integer_weights)?
            .into_iter()
            .map(Eur::try_from_cents)
            .collect()
    }

    /// Splits this amount into `n` parts as equal as cents allow, the leftover cents on the
    /// earliest parts (100.00 in three: 33.34 / 33.33 / 33.33).
    ///
    /// # Errors
    ///
    /// - [`MoneyError::ZeroWeights`] when `n` is zero and the amount is not;
    /// - [`MoneyError::TooManyParts`] when `n` is above [`Eur::MAX_SPLIT_PARTS`]: the parts are
    ///   allocated up front, and a count read from outside must not decide how much memory is
    ///   taken.
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
        if n > Eur::MAX_SPLIT_PARTS {
            return Err(MoneyError::TooManyParts {
                parts: n,
                max: Eur::MAX_SPLIT_PARTS,
            });
        }
        self.allocate(&vec![1u8; n])
    }
}

/// Splits `amount` cents over integer `weights`, exact to the cent: the parts always sum to
/// `amount`. The split of [`Eur::allocate`], on integers, for callers that split many times
/// and keep their amounts in cents (the promotion engine allocates every discount with it).
///
/// Each part first gets its exact share `amount × wᵢ / Σw` rounded towards zero; the cents
/// left over go one each to the parts with the largest remainders, the earlier part first on
/// equal remainders (largest-remainder method). A negative amount is split like its absolute
/// value, with every part negative; a part whose weight is zero gets nothing. It runs in time
/// linear in the number of weights.
///
/// # Errors
///
/// - [`MoneyError::NegativeWeight`] when a weight is below zero;
/// - [`MoneyError::ZeroWeights`] when a non-zero amount meets weights that sum to zero
///   (including no weights at all); zero over such weights gives zero parts;
/// - [`MoneyError::Overflow`] when an amount times a weight exceeds 128 bits.
///
/// # Example
///
/// ```
/// // 10.00 over lines of 90.00 and 30.00, in cents.
/// assert_eq!(comptoir_money::allocate_cents(1_000, &[9_000, 3_000])?, vec![750, 250]);
/// // 0.10 over three equal lines: the leftover cent to the first.
/// assert_eq!(comptoir_money::allocate_cents(10, &[1, 1, 1])?, vec![4, 3, 3]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn allocate_cents(amount: i128, weights: &[i128]) -> Result<Vec<i128>, MoneyError> {
    let mut splitter = CentSplitter::default();
    splitter.split(amount, weights)?;
    Ok(splitter.parts)
}

/// The split of [`allocate_cents`], keeping its buffers from one split to the next: a caller
/// that splits many amounts (the promotion engine, once per discount) allocates nothing
/// after the first splits.
///
/// # Example
///
/// ```
/// use comptoir_money::CentSplitter;
///
/// let mut splitter = CentSplitter::default();
/// assert_eq!(splitter.split(1_000, &[9_000, 3_000])?, [750, 250]);
/// assert_eq!(splitter.split(10, &[1, 1, 1])?, [4, 3, 3]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CentSplitter {
    parts: Vec<i128>,
    /// The remainders of a split whose products need more than 64 bits.
    remainders: Vec<i128>,
    /// The remainders of a split on 64 bits, each packed with its index in one integer.
    packed: Vec<u128>,
    /// The parts that get a leftover cent.
    order: Vec<usize>,
}

impl CentSplitter {
    /// Splits `amount` cents over `weights` as [`allocate_cents`] does and returns the parts,
    /// which stay borrowed until the next split.
    ///
    /// # Errors
    ///
    /// As [`allocate_cents`].
    pub fn split(&mut self, amount: i128, weights: &[i128]) -> Result<&[i128], MoneyError> {
        self.parts.clear();
        self.remainders.clear();
        self.packed.clear();
        let mut total = 0i128;
        for (index, w) in weights.iter().enumerate() {
            if *w < 0 {
                return Err(MoneyError::NegativeWeight {
                    index,
                    value: w.to_string(),
                });
            }
            total = total
                .checked_add(*w)
                .ok_or_else(|| MoneyError::overflow("allocate"))?;
        }
        if amount == 0 {
            self.parts.resize(weights.len(), 0);
            return Ok(&self.parts);
        }
        if total == 0 {
            return Err(MoneyError::ZeroWeights {
                amount: Eur::try_from_cents(amount)
                    .map_or_else(|_| format!("{amount} cents"), |e| e.to_string()),
            });
        }
        // i128::MIN has no positive counterpart: refused, not negated into a panic.
        let magnitude = amount
            .checked_abs()
            .ok_or_else(|| MoneyError::overflow("allocate"))?;
        let (parts, remainders, packed) = (&mut self.parts, &mut self.remainders, &mut self.packed);
        let max_weight = weights.iter().copied().max().unwrap_or(0);
        // Shop amounts fit 64-bit products, whose division is far cheaper than 128-bit
        // division.
        let narrow = i64::try_from(magnitude)
            .ok()
            .zip(i64::try_from(total).ok())
            .zip(i64::try_from(max_weight).ok())
            .filter(|((a, _), w)| a.checked_mul(*w).is_some());
        if let Some(((magnitude, total), _)) = narrow {
            for (index, w) in weights.iter().enumerate() {
                let (part, remainder) =
                    narrow_share(magnitude, i64::try_from(*w).unwrap_or(0), total);
                parts.push(i128::from(part));
                // Weights are not negative and the total is positive: so is the remainder.
                packed.push(pack(remainder.unsigned_abs(), index));
            }
        } else {
            for w in weights {
                let product = magnitude
                    .checked_mul(*w)
                    .ok_or_else(|| MoneyError::overflow("allocate"))?;
                let (part, remainder) = product
                    .checked_div(total)
                    .zip(product.checked_rem(total))
                    .ok_or_else(|| MoneyError::overflow("allocate"))?;
                parts.push(part);
                remainders.push(remainder);
            }
        }
        // Each floor lost less than one cent, so fewer cents are left over than there are
        // parts.
        let given = parts
            .iter()
            .try_fold(0i128, |sum, part| sum.checked_add(*part))
            .ok_or_else(|| MoneyError::overflow("allocate"))?;
        let leftover = magnitude
            .checked_sub(given)
            .and_then(|left| usize::try_from(left).ok())
            .ok_or_else(|| MoneyError::overflow("allocate"))?;
        if leftover > 0 {
            // Largest remainders first, the earlier part on ties: the key is unique, so
            // selecting the first `leftover` (linear time) picks the parts a stable sort would.
            let take = leftover.saturating_sub(1);
            let order = &mut self.order;
            order.clear();
            if narrow.is_some() {
                // One integer comparison per pair of keys.
                if take < packed.len() {
                    packed.select_nth_unstable(take);
                }
                order.extend(packed.iter().take(leftover).map(|key| unpack_index(*key)));
            } else {
                order.extend(0..parts.len());
                let key = |i: &usize| (core::cmp::Reverse(remainder_at(remainders, *i)), *i);
                if leftover < order.len() {
                    order.select_nth_unstable_by_key(take, key);
                }
                order.truncate(leftover);
            }
            for index in order.iter() {
                if let Some(part) = parts.get_mut(*index) {
                    *part = part
                        .checked_add(1)
                        .ok_or_else(|| MoneyError::overflow("allocate"))?;
                }
            }
        }
        if amount < 0 {
            for part in parts.iter_mut() {
                *part = part
                    .checked_neg()
                    .ok_or_else(|| MoneyError::overflow("allocate"))?;
            }
        }
        Ok(&self.parts)
    }
}

/// `magnitude × weight` divided by `total`: the floor and the remainder, on 64 bits.
///
/// The caller has checked that `magnitude × max_weight` fits an `i64` and that `total` is
/// positive; the cent split runs this once per weight, so it stays unchecked arithmetic.
#[inline]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "the product fits (checked against the largest weight) and total is positive"
)]
fn narrow_share(magnitude: i64, weight: i64, total: i64) -> (i64, i64) {
    let product = magnitude * weight;
    (product / total, product % total)
}

/// Packs a remainder and its part's index so that the keys order as (largest remainder first,
/// earlier part on ties): one integer comparison instead of a tuple's.
fn pack(remainder: u64, index: usize) -> u128 {
    // The complement turns the largest remainder into the smallest key; an index fits 64 bits
    // on every platform Rust supports.
    let index = u64::try_from(index).unwrap_or(u64::MAX);
    u128::from(!remainder).rotate_left(64) | u128::from(index)
}

fn unpack_index(key: u128) -> usize {
    let low = u64::try_from(key & u128::from(u64::MAX)).unwrap_or(u64::MAX);
    usize::try_from(low).unwrap_or(usize::MAX)
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
            scale
                .checked_sub(w.scale())
                .and_then(|exponent| 10i128.checked_pow(exponent))
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

    // Money (docs/rules.md), PAY-5: an even split is bounded, so a count read from outside
    // cannot make it take unbounded memory; the limit itself still splits exactly.
    #[test]
    fn even_splits_refuse_more_parts_than_the_limit() {
        let amount = Eur::from_cents(100_000);
        assert_eq!(
            amount.split_evenly(usize::MAX),
            Err(MoneyError::TooManyParts {
                parts: usize::MAX,
                max: Eur::MAX_SPLIT_PARTS
            })
        );
        assert!(
            amount
                .split_evenly(Eur::MAX_SPLIT_PARTS + 1)
                .is_err_and(|e| matches!(e, MoneyError::TooManyParts { .. }))
        );
        let parts = amount.split_evenly(Eur::MAX_SPLIT_PARTS).unwrap();
        assert_eq!(parts.len(), Eur::MAX_SPLIT_PARTS);
        assert_eq!(Eur::try_sum(parts), Ok(amount));
        assert_eq!(Eur::ZERO.split_evenly(0), Ok(vec![]));
    }

    /// The largest-remainder split as RULES.md words it, written plainly: floors, then a
    /// stable sort of the remainders.
    fn plain_split(amount: i128, weights: &[i128]) -> Vec<i128> {
        let total: i128 = weights.iter().sum();
        let magnitude = amount.abs();
        let mut parts: Vec<i128> = weights.iter().map(|w| magnitude * w / total).collect();
        let mut order: Vec<usize> = (0..weights.len()).collect();
        order.sort_by_key(|i| core::cmp::Reverse(magnitude * weights[*i] % total));
        let leftover = magnitude - parts.iter().sum::<i128>();
        for i in order.into_iter().take(usize::try_from(leftover).unwrap()) {
            parts[i] += 1;
        }
        let sign = if amount < 0 { -1 } else { 1 };
        parts.iter().map(|p| p * sign).collect()
    }

    // Money (docs/rules.md), PROMO-5: the linear-time cent split is exactly the plain
    // largest-remainder split, for every amount from -3.00 to 3.00 over every weight vector of
    // up to four weights from 0 to 4 (at least one positive).
    #[test]
    fn cent_split_is_the_plain_largest_remainder_split_on_a_small_domain() {
        let mut vectors: Vec<Vec<i128>> = vec![vec![]];
        for _ in 0..4 {
            let longer: Vec<Vec<i128>> = vectors
                .iter()
                .filter(|v| v.len() < 4)
                .flat_map(|v| (0..=4).map(move |w| [v.clone(), vec![w]].concat()))
                .collect();
            vectors.extend(longer);
        }
        vectors.sort();
        vectors.dedup();
        // One splitter for every split: its buffers carry nothing from one to the next.
        let mut splitter = CentSplitter::default();
        for weights in vectors.iter().filter(|v| v.iter().any(|w| *w > 0)) {
            for amount in -300..=300 {
                let parts = allocate_cents(amount, weights).unwrap();
                assert_eq!(splitter.split(amount, weights).unwrap(), parts.as_slice());
                assert_eq!(
                    parts,
                    plain_split(amount, weights),
                    "{amount} over {weights:?}"
                );
                assert_eq!(parts.iter().sum::<i128>(), amount);
            }
        }
        assert_eq!(allocate_cents(0, &[0, 0]), Ok(vec![0, 0]));
        assert!(matches!(
            allocate_cents(1, &[0, 0]),
            Err(MoneyError::ZeroWeights { .. })
        ));
        assert!(matches!(
            allocate_cents(1, &[2, -1]),
            Err(MoneyError::NegativeWeight { index: 1, .. })
        ));
    }

    // Money (docs/rules.md): parts sum to the whole with decimal weights.
    #[test]
    fn decimal_weights_of_mixed_scales_compare_exactly() {
        let w = [Decimal::new(1, 1), Decimal::new(2, 0), Decimal::new(5, 3)];
        let parts = Eur::from_cents(1000).allocate(&w);
        let sum: i128 = parts.as_deref().map(cents).unwrap_or_default().iter().sum();
        assert_eq!(sum, 1000);
    }

    // Money (docs/rules.md): remainders beyond 64 bits are selected as the packed ones are,
    // largest first and the earlier part on ties.
    #[test]
    fn wide_remainders_go_to_the_largest_then_the_earliest() {
        let w = 1i128 << 70;
        let mut splitter = CentSplitter::default();
        assert_eq!(splitter.split(10, &[w, w, w]).unwrap(), [4, 3, 3]);
        assert_eq!(splitter.split(10, &[w, 2 * w, w]).unwrap(), [3, 5, 2]);
        assert_eq!(splitter.split(-10, &[w, 2 * w, w]).unwrap(), [-3, -5, -2]);
        // The same shapes with narrow weights take the packed path and agree.
        assert_eq!(splitter.split(10, &[1, 2, 1]).unwrap(), [3, 5, 2]);
        assert_eq!(plain_split(10, &[1, 2, 1]), [3, 5, 2]);
    }
}
