use thiserror::Error;

/// Why an amount could not be made, parsed or computed.
///
/// Callers that branch on kinds can use the predicates ([`MoneyError::is_overflow`], ...)
/// rather than matching variants, which may grow.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The result does not fit in an amount (about ±7.9 × 10²⁶ euros).
    #[error("amount overflow in {operation}")]
    Overflow {
        /// The operation that overflowed, e.g. `"add"`.
        operation: &'static str,
    },
    /// A value with digits below the cent was given where an exact amount is required.
    #[error("{value} has more than two decimals; round it explicitly with Eur::round_from")]
    SubCent {
        /// The offending value, as written.
        value: String,
    },
    /// A string is not an amount.
    #[error("cannot read {input:?} as an amount: {reason}")]
    Parse {
        /// The string that was given.
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A percentage outside 0 to 100.
    #[error("percentage {value} is outside 0 to 100")]
    PercentOutOfRange {
        /// The offending value.
        value: String,
    },
    /// An allocation was asked with a negative weight.
    #[error("allocation weight {index} is negative ({value})")]
    NegativeWeight {
        /// Position of the weight.
        index: usize,
        /// Its value.
        value: String,
    },
    /// An allocation of a non-zero amount over weights that are all zero (or no weights).
    #[error("cannot allocate {amount} over weights that sum to zero")]
    ZeroWeights {
        /// The amount that was to be allocated.
        amount: String,
    },
}

impl MoneyError {
    pub(crate) fn overflow(operation: &'static str) -> Self {
        MoneyError::Overflow { operation }
    }

    /// True when a computation left the representable range.
    pub fn is_overflow(&self) -> bool {
        matches!(self, MoneyError::Overflow { .. })
    }

    /// True when a string could not be read as an amount or percentage.
    pub fn is_parse(&self) -> bool {
        matches!(self, MoneyError::Parse { .. })
    }

    /// True when an exact amount was asked of a value with sub-cent digits.
    pub fn is_sub_cent(&self) -> bool {
        matches!(self, MoneyError::SubCent { .. })
    }
}
