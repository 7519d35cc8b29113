use chrono::{DateTime, Utc};
use comptoir_calendar::CalendarError;
use comptoir_money::{Eur, MoneyError};
use thiserror::Error;

/// Why a withdrawal window, a refund deadline or a surcharge could not be computed.
///
/// Callers that branch on kinds can use the predicates ([`ReturnsError::is_bad_facts`], ...)
/// rather than matching variants, which may grow. [`ReturnsError::message_fr`] gives the
/// sentence the shop shows a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum ReturnsError {
    /// No parcel receipt was given: the withdrawal window cannot open (RET-1).
    #[error(
        "no parcel receipt given: the withdrawal window opens at the receipt of the last parcel"
    )]
    NoParcels,
    /// A parcel was received before the order was validated (RET-1).
    #[error(
        "parcel {parcel} was received at {received} before the order was validated at {validated}"
    )]
    ReceiptBeforeValidation {
        /// Position of the parcel in the list given.
        parcel: usize,
        /// When it was received.
        received: DateTime<Utc>,
        /// When the order was validated.
        validated: DateTime<Utc>,
    },
    /// A withdrawal notice dated before the receipt of the order's last parcel (RET-1).
    #[error(
        "withdrawal notice sent at {notice} before the last parcel was received at {last_receipt}"
    )]
    NoticeBeforeReceipt {
        /// When the notice was sent.
        notice: DateTime<Utc>,
        /// When the last parcel was received.
        last_receipt: DateTime<Utc>,
    },
    /// The returned goods were received before the withdrawal notice, which the refund
    /// policy forbids (REF-2).
    #[error("returned goods received at {received} before the withdrawal notice at {notice}")]
    GoodsBeforeNotice {
        /// When the goods were received back.
        received: DateTime<Utc>,
        /// When the notice was given.
        notice: DateTime<Utc>,
    },
    /// The goods were shipped back before the withdrawal notice, which the refund policy
    /// forbids (REF-2).
    #[error("proof of shipment dated {shipped} before the withdrawal notice at {notice}")]
    ShipmentBeforeNotice {
        /// When the customer proved shipment.
        shipped: DateTime<Utc>,
        /// When the notice was given.
        notice: DateTime<Utc>,
    },
    /// The returned goods were said to be checked but not to be received (REF-2).
    #[error("returned goods checked at {checked} but never received")]
    CheckedWithoutReceipt {
        /// When the check was recorded.
        checked: DateTime<Utc>,
    },
    /// The returned goods were checked before they were received (REF-2).
    #[error("returned goods checked at {checked} before they were received at {received}")]
    CheckedBeforeReceived {
        /// When the check was recorded.
        checked: DateTime<Utc>,
        /// When the goods were received back.
        received: DateTime<Utc>,
    },
    /// A legal interest rate below zero (REF-3).
    #[error("legal interest rate {rate} % is negative")]
    NegativeInterestRate {
        /// The rate given, in percent a year.
        rate: String,
    },
    /// A legal interest rate above 100 % a year (REF-3).
    #[error("legal interest rate {rate} % is above 100 % a year")]
    InterestRateOutOfRange {
        /// The rate given, in percent a year.
        rate: String,
    },
    /// A negative amount where an amount owed or a price is expected (REF-3).
    #[error("{what} is negative ({amount})")]
    NegativeAmount {
        /// Which amount.
        what: &'static str,
        /// Its value.
        amount: Eur,
    },
    /// A policy whose values contradict each other or the law.
    #[error("invalid returns policy: {reason}")]
    InvalidPolicy {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A date computation left the calendar's range.
    #[error("date out of range: {0}")]
    Calendar(#[from] CalendarError),
    /// An amount computation overflowed.
    #[error("amount computation failed: {0}")]
    Money(#[from] MoneyError),
}

impl ReturnsError {
    /// True when the facts given contradict each other (an event before the one it follows).
    pub fn is_bad_facts(&self) -> bool {
        matches!(
            self,
            ReturnsError::NoParcels
                | ReturnsError::ReceiptBeforeValidation { .. }
                | ReturnsError::NoticeBeforeReceipt { .. }
                | ReturnsError::GoodsBeforeNotice { .. }
                | ReturnsError::ShipmentBeforeNotice { .. }
                | ReturnsError::CheckedWithoutReceipt { .. }
                | ReturnsError::CheckedBeforeReceived { .. }
        )
    }

    /// True when a number given to the surcharge computation is out of its domain.
    pub fn is_bad_number(&self) -> bool {
        matches!(
            self,
            ReturnsError::NegativeInterestRate { .. }
                | ReturnsError::InterestRateOutOfRange { .. }
                | ReturnsError::NegativeAmount { .. }
        )
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> &'static str {
        match self {
            ReturnsError::NoParcels => {
                "Aucune réception de colis n'est enregistrée : le délai de rétractation n'a pas commencé."
            }
            ReturnsError::ReceiptBeforeValidation { .. } => {
                "La date de réception d'un colis précède la validation de la commande."
            }
            ReturnsError::NoticeBeforeReceipt { .. } => {
                "La demande de rétractation précède la réception du dernier colis de la commande."
            }
            ReturnsError::GoodsBeforeNotice { .. } => {
                "Les produits retournés sont arrivés avant la demande de rétractation : joignez le formulaire de rétractation à votre colis."
            }
            ReturnsError::ShipmentBeforeNotice { .. } => {
                "Le colis de retour a été expédié avant la demande de rétractation : joignez le formulaire de rétractation à votre colis."
            }
            ReturnsError::CheckedWithoutReceipt { .. }
            | ReturnsError::CheckedBeforeReceived { .. } => {
                "Le contrôle des produits retournés ne peut précéder leur réception."
            }
            ReturnsError::NegativeInterestRate { .. }
            | ReturnsError::InterestRateOutOfRange { .. } => {
                "Le taux d'intérêt légal indiqué est invalide."
            }
            ReturnsError::NegativeAmount { .. } => "Un montant indiqué est négatif.",
            ReturnsError::InvalidPolicy { .. } => {
                "Les conditions de retour de la boutique sont mal configurées."
            }
            ReturnsError::Calendar(_) | ReturnsError::Money(_) => {
                "Une erreur technique empêche de calculer cette date ou ce montant : contactez notre service client."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RET-1, REF-2, REF-3: the developer messages of every rule's errors follow the house form.
    #[test]
    fn display_is_lowercase_without_trailing_punctuation() {
        let errors = [
            ReturnsError::NoParcels,
            ReturnsError::InterestRateOutOfRange {
                rate: "101".to_owned(),
            },
            ReturnsError::NegativeInterestRate {
                rate: "-1".to_owned(),
            },
            ReturnsError::InvalidPolicy { reason: "x" },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(text.starts_with(|c: char| c.is_lowercase()), "{text}");
            assert!(!text.ends_with(['.', '!', '?']), "{text}");
            assert!(!e.message_fr().is_empty());
        }
    }

    // RET-1, REF-2, REF-3: the rules' errors cross threads and compare.
    #[test]
    fn errors_are_send_and_sync() {
        fn check<T: Send + Sync + Clone + PartialEq>() {}
        check::<ReturnsError>();
    }
}
