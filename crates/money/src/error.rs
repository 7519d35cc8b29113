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
    /// A string that reads as two different amounts (`12.345`: thousands or decimals?), which
    /// is refused rather than guessed.
    #[error("{input:?} is ambiguous as an amount: {reason}")]
    AmbiguousAmount {
        /// The string that was given.
        input: String,
        /// Why it reads two ways, and how to write it.
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
    /// An even split asked for more parts than [`Eur::MAX_SPLIT_PARTS`](crate::Eur::MAX_SPLIT_PARTS).
    #[error("cannot split an amount into {parts} parts: at most {max}")]
    TooManyParts {
        /// The number of parts asked for.
        parts: usize,
        /// The most parts a split makes.
        max: usize,
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

    /// True when a string could not be read as an amount or percentage, ambiguous ones
    /// included.
    pub fn is_parse(&self) -> bool {
        matches!(
            self,
            MoneyError::Parse { .. } | MoneyError::AmbiguousAmount { .. }
        )
    }

    /// True when a string was refused because it reads as two different amounts.
    pub fn is_ambiguous(&self) -> bool {
        matches!(self, MoneyError::AmbiguousAmount { .. })
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    ///
    /// An amount or percentage typed wrongly says how to write it; a computation that
    /// overflows or an allocation over no weight means the application passed values no
    /// real order has, and says to contact customer service.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_money::Eur;
    ///
    /// let error = "1,234.50".parse::<Eur>().unwrap_err();
    /// assert!(error.message_fr().starts_with("Ce montant peut se lire de deux façons"));
    /// ```
    pub fn message_fr(&self) -> String {
        match self {
            MoneyError::AmbiguousAmount { .. } => {
                "Ce montant peut se lire de deux façons : écrivez-le avec une virgule pour les \
                 centimes et des espaces entre les milliers, par exemple 1 234,50 €."
                    .to_owned()
            }
            MoneyError::Parse { .. } => {
                "Ce montant n'a pas pu être lu : écrivez-le par exemple 1 234,50 €.".to_owned()
            }
            MoneyError::SubCent { .. } => {
                "Un montant ne peut pas avoir plus de deux chiffres après la virgule.".to_owned()
            }
            MoneyError::PercentOutOfRange { .. } => {
                "Un pourcentage doit être compris entre 0 et 100.".to_owned()
            }
            MoneyError::Overflow { .. }
            | MoneyError::TooManyParts { .. }
            | MoneyError::NegativeWeight { .. }
            | MoneyError::ZeroWeights { .. } => {
                "Une erreur technique empêche de calculer ce montant : contactez le service \
                 client."
                    .to_owned()
            }
        }
    }

    /// True when an exact amount was asked of a value with sub-cent digits.
    pub fn is_sub_cent(&self) -> bool {
        matches!(self, MoneyError::SubCent { .. })
    }
}
