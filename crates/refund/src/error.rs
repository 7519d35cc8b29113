use chrono::{DateTime, Utc};
use comptoir_calendar::CalendarError;
use comptoir_cart::CartError;
use comptoir_dispatch::DispatchError;
use comptoir_money::{Eur, MoneyError};
use comptoir_withdrawal::WithdrawalError;
use thiserror::Error;

/// Why a refund, its deadline or its surcharge could not be computed, or a refund policy
/// accepted.
///
/// Callers that branch on kinds can use the predicates ([`RefundError::is_bad_facts`], ...)
/// rather than matching variants, which may grow: they see through the withdrawal's errors
/// ([`RefundError::Withdrawal`]) as through this crate's. [`RefundError::message_fr`] gives
/// the sentence the shop shows a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum RefundError {
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
    /// A half-year that is not one (REF-3): `2026-H3`.
    #[error("{text:?} is not a half-year (2026-H1 or 2026-H2)")]
    InvalidHalfYear {
        /// The text given.
        text: String,
    },
    /// The legal interest rate of a half-year the crates do not know (REF-3): the caller
    /// passes the rate published in the Journal officiel.
    #[error("the legal interest rate of {half_year} is not known: pass the published rate")]
    LegalRateUnknown {
        /// The half-year, `2026-H2`.
        half_year: String,
    },
    /// A negative amount where an amount owed or a price is expected (REF-3).
    #[error("{what} is negative ({amount})")]
    NegativeAmount {
        /// Which amount.
        what: &'static str,
        /// Its value.
        amount: Eur,
    },
    /// A policy whose values contradict each other.
    #[error("invalid refund policy: {reason}")]
    InvalidPolicy {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A policy value that would make the shop break mandatory consumer law (RET-1, RET-2,
    /// REF-2): the rules of withdrawal are public order (C. conso L221-29), so no setting may
    /// give the customer less than they do.
    #[error("policy field {field} breaches {article}: {requirement}")]
    UnlawfulPolicy {
        /// The field, as a path from [`ReturnsPolicy`](crate::ReturnsPolicy) or
        /// [`RefundAmountPolicy`](crate::RefundAmountPolicy): `withdrawal.statutory.roll`.
        field: &'static str,
        /// The article the value would breach: `C. conso L221-18`.
        article: &'static str,
        /// What the article requires.
        requirement: &'static str,
    },
    /// A return or a cancellation that names no line (REF-1, REF-4).
    #[error("the {what} names no line")]
    NothingToRefund {
        /// `"return"` or `"cancellation"`.
        what: &'static str,
    },
    /// A return or a cancellation that names a line twice (REF-1, REF-4).
    #[error("line {line} is named twice in one {what}")]
    DuplicateRefundLine {
        /// The line.
        line: String,
        /// `"return"` or `"cancellation"`.
        what: &'static str,
    },
    /// A returned or cancelled line that is not in the order (REF-1, REF-4).
    #[error("line {line} is not in the order")]
    UnknownOrderLine {
        /// The line.
        line: String,
    },
    /// More units returned or cancelled than the line had (REF-1, REF-4).
    #[error("line {line}: {asked} units asked, {ordered} ordered")]
    MoreUnitsThanOrdered {
        /// The line.
        line: String,
        /// Units asked.
        asked: u32,
        /// Units ordered.
        ordered: u32,
    },
    /// More units returned or cancelled than the line still has after earlier returns and
    /// cancellations (REF-1, REF-4).
    #[error(
        "line {line}: {asked} units asked, {kept} still kept ({returned} returned, {cancelled} cancelled)"
    )]
    MoreUnitsThanKept {
        /// The line.
        line: String,
        /// Units asked.
        asked: u32,
        /// Units still kept.
        kept: u32,
        /// Units returned before.
        returned: u32,
        /// Units cancelled before.
        cancelled: u32,
    },
    /// A line cancelled in full for unavailability cannot be returned or cancelled again
    /// (REF-4).
    #[error("line {line} was cancelled ({cancelled} units)")]
    LineCancelled {
        /// The line.
        line: String,
        /// Units cancelled.
        cancelled: u32,
    },
    /// A depreciation deduction above the net paid for the units returned (RET-2).
    #[error(
        "line {line}: deduction {deduction} is above the net paid for the units returned, {net}"
    )]
    DeductionAboveNet {
        /// The line.
        line: String,
        /// The deduction asked.
        deduction: Eur,
        /// The net paid for the units returned.
        net: Eur,
    },
    /// A depreciation deduction of zero or less (RET-2).
    #[error("deduction {amount} is not above zero")]
    NonPositiveDeduction {
        /// The amount given.
        amount: Eur,
    },
    /// A depreciation deduction without its reason (RET-2).
    #[error("deduction without a reason")]
    DeductionWithoutReason,
    /// A returned line whose inspection is not finished: its deduction is not known (RET-2).
    #[error("line {line}: the inspection of the returned goods is not finished")]
    InspectionPending {
        /// The line.
        line: String,
    },
    /// A refund ledger used with, or stored for, another order (REF-1).
    #[error(
        "ledger belongs to another order: {what} is {ledger} in the ledger, {order} in the order"
    )]
    LedgerOfAnotherOrder {
        /// The figure that differs.
        what: &'static str,
        /// Its value in the ledger.
        ledger: String,
        /// Its value in the order.
        order: String,
    },
    /// A stored refund whose figure differs from the one computed again on the order: the
    /// record was tampered with or corrupted (REF-1).
    #[error("stored refund {refund}: {figure} is {stored} in the record, {computed} computed")]
    LedgerFigureMismatch {
        /// The refund's number, from 1.
        refund: usize,
        /// Which figure.
        figure: String,
        /// The stored value.
        stored: String,
        /// The value computed.
        computed: String,
    },
    /// A stored ledger whose figures contradict each other whatever the order: a negative
    /// figure, line shares and delivery that do not sum to the refund, refunds summing above
    /// the total paid, an order stamp without lines or with a line twice (REF-1).
    #[error("stored ledger is inconsistent: {reason}")]
    InconsistentLedgerRecord {
        /// The refund's number, from 1, when the figure is one refund's.
        refund: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    /// A stored refund whose cause the order refuses (REF-1).
    #[error("stored refund {refund} cannot be replayed on the order: {error}")]
    LedgerEntryInvalid {
        /// The refund's number, from 1.
        refund: usize,
        /// Why the order refuses it.
        error: Box<RefundError>,
    },
    /// A cancellation's refund has no withdrawal deadline or surcharge (REF-2, REF-3 apply to
    /// withdrawals; [`CancellationDecision`](crate::CancellationDecision) decides a
    /// cancellation's).
    #[error("refund {refund} is for a cancellation, not a withdrawal")]
    NotAWithdrawal {
        /// The refund's number, from 1.
        refund: usize,
    },
    /// A withdrawal's refund has no cancellation deadline or L241-4 surcharge
    /// ([`CancellationDecision`](crate::CancellationDecision) is for products never
    /// delivered).
    #[error("refund {refund} is for a withdrawal, not a cancellation")]
    NotACancellation {
        /// The refund's number, from 1.
        refund: usize,
    },
    /// A cancellation or termination dated before the order was validated.
    #[error("cancellation at {decided_at} is before the order was validated at {validated_at}")]
    CancellationBeforeValidation {
        /// When it was decided.
        decided_at: DateTime<Utc>,
        /// When the order was validated.
        validated_at: DateTime<Utc>,
    },
    /// A refund paid before the cancellation it pays for.
    #[error("refund paid at {paid_at}, before the cancellation at {decided_at}")]
    PaidBeforeCancellation {
        /// When it was paid.
        paid_at: DateTime<Utc>,
        /// When the cancellation was decided.
        decided_at: DateTime<Utc>,
    },
    /// The dispatch rules refused a fact (a termination of another order, most often).
    #[error(transparent)]
    Dispatch(#[from] DispatchError),
    /// The order could not be read or repriced.
    #[error(transparent)]
    Cart(#[from] CartError),
    /// A date computation left the calendar's range.
    #[error("date out of range: {0}")]
    Calendar(#[from] CalendarError),
    /// An amount computation overflowed.
    #[error("amount computation failed: {0}")]
    Money(#[from] MoneyError),
    /// The withdrawal rules refused a fact or a policy (a receipt before the order, a notice
    /// before it, a withdrawal policy below the law).
    #[error(transparent)]
    Withdrawal(#[from] WithdrawalError),
}

impl RefundError {
    /// True when the facts given contradict each other (an event before the one it follows).
    pub fn is_bad_facts(&self) -> bool {
        matches!(
            self,
            RefundError::CheckedWithoutReceipt { .. }
                | RefundError::CheckedBeforeReceived { .. }
                | RefundError::CancellationBeforeValidation { .. }
                | RefundError::PaidBeforeCancellation { .. }
        ) || matches!(self, RefundError::Withdrawal(e) if e.is_bad_facts())
    }

    /// True when what was read on or said of a returned parcel is refused (RET-3).
    pub fn is_bad_parcel_input(&self) -> bool {
        matches!(self, RefundError::Withdrawal(e) if e.is_bad_parcel_input())
    }

    /// True when a policy is refused, because its values contradict each other
    /// ([`RefundError::InvalidPolicy`]) or the law ([`RefundError::UnlawfulPolicy`]), this
    /// crate's or the withdrawal's.
    pub fn is_invalid_policy(&self) -> bool {
        matches!(
            self,
            RefundError::InvalidPolicy { .. } | RefundError::UnlawfulPolicy { .. }
        ) || matches!(self, RefundError::Withdrawal(e) if e.is_invalid_policy())
    }

    /// True when a policy is refused because it would breach mandatory consumer law; the
    /// error names the field and the article ([`RefundError::policy_breach`]).
    pub fn is_unlawful_policy(&self) -> bool {
        self.policy_breach().is_some()
    }

    /// The field and the article of a policy refused as unlawful, this crate's
    /// ([`RefundError::UnlawfulPolicy`]) or the withdrawal's
    /// ([`WithdrawalError::UnlawfulPolicy`]): `("withdrawal.statutory.roll", "C. conso
    /// L221-18")`.
    pub fn policy_breach(&self) -> Option<(&'static str, &'static str)> {
        match self {
            RefundError::UnlawfulPolicy { field, article, .. }
            | RefundError::Withdrawal(WithdrawalError::UnlawfulPolicy { field, article, .. }) => {
                Some((field, article))
            }
            _ => None,
        }
    }

    /// True when a number given to the surcharge computation is out of its domain.
    pub fn is_bad_number(&self) -> bool {
        matches!(
            self,
            RefundError::NegativeInterestRate { .. }
                | RefundError::InterestRateOutOfRange { .. }
                | RefundError::InvalidHalfYear { .. }
                | RefundError::NegativeAmount { .. }
        )
    }

    /// True when a return, a cancellation or a deduction is refused for what it asks (REF-1,
    /// REF-4, RET-2): nothing was recorded.
    pub fn is_bad_refund_input(&self) -> bool {
        matches!(
            self,
            RefundError::NothingToRefund { .. }
                | RefundError::DuplicateRefundLine { .. }
                | RefundError::UnknownOrderLine { .. }
                | RefundError::MoreUnitsThanOrdered { .. }
                | RefundError::MoreUnitsThanKept { .. }
                | RefundError::LineCancelled { .. }
                | RefundError::DeductionAboveNet { .. }
                | RefundError::NonPositiveDeduction { .. }
                | RefundError::DeductionWithoutReason
                | RefundError::InspectionPending { .. }
        )
    }

    /// True when a refund ledger belongs to another order or its stored figures disagree with
    /// the order (REF-1).
    pub fn is_bad_ledger(&self) -> bool {
        matches!(
            self,
            RefundError::LedgerOfAnotherOrder { .. }
                | RefundError::LedgerFigureMismatch { .. }
                | RefundError::InconsistentLedgerRecord { .. }
                | RefundError::LedgerEntryInvalid { .. }
        )
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> &'static str {
        match self {
            RefundError::CheckedWithoutReceipt { .. }
            | RefundError::CheckedBeforeReceived { .. } => {
                "Le contrôle des produits retournés ne peut précéder leur réception."
            }
            RefundError::NegativeInterestRate { .. }
            | RefundError::InterestRateOutOfRange { .. } => {
                "Le taux d'intérêt légal indiqué est invalide."
            }
            RefundError::InvalidHalfYear { .. } => "Le semestre indiqué est invalide.",
            RefundError::LegalRateUnknown { .. } => {
                "Le taux d'intérêt légal de ce semestre n'est pas encore connu : la majoration sera calculée dès sa publication."
            }
            RefundError::NegativeAmount { .. } => "Un montant indiqué est négatif.",
            RefundError::InvalidPolicy { .. } => {
                "Les conditions de retour de la boutique sont mal configurées : contactez notre service client."
            }
            RefundError::UnlawfulPolicy { .. } => {
                "Les conditions de retour configurées par la boutique ne respectent pas le Code de la consommation : contactez notre service client."
            }
            RefundError::NothingToRefund { .. } => "Aucun article n'est indiqué.",
            RefundError::DuplicateRefundLine { .. } => {
                "Un même article est indiqué deux fois : indiquez-le une fois avec sa quantité."
            }
            RefundError::UnknownOrderLine { .. } => {
                "Cet article ne fait pas partie de la commande."
            }
            RefundError::MoreUnitsThanOrdered { .. } => {
                "La quantité indiquée dépasse la quantité commandée."
            }
            RefundError::MoreUnitsThanKept { .. } => {
                "La quantité indiquée dépasse ce qui n'a pas déjà été retourné ou annulé."
            }
            RefundError::LineCancelled { .. } => {
                "Cet article a été annulé et remboursé : il ne peut pas être retourné."
            }
            RefundError::DeductionAboveNet { .. } => {
                "La retenue pour dépréciation dépasse le prix payé pour les articles retournés."
            }
            RefundError::NonPositiveDeduction { .. } => {
                "Une retenue pour dépréciation doit être d'un montant positif."
            }
            RefundError::DeductionWithoutReason => {
                "Une retenue pour dépréciation doit indiquer son motif."
            }
            RefundError::InspectionPending { .. } => {
                "Le contrôle des articles retournés n'est pas terminé : le remboursement sera calculé ensuite."
            }
            RefundError::Withdrawal(e) => e.message_fr(),
            RefundError::NotAWithdrawal { .. } => {
                "Ce remboursement fait suite à une annulation, pas à une rétractation."
            }
            RefundError::NotACancellation { .. } => {
                "Ce remboursement fait suite à une rétractation, pas à une annulation."
            }
            RefundError::CancellationBeforeValidation { .. } => {
                "La date d'annulation précède la validation de la commande."
            }
            RefundError::PaidBeforeCancellation { .. } => {
                "La date du remboursement précède celle de l'annulation."
            }
            RefundError::LedgerOfAnotherOrder { .. }
            | RefundError::LedgerFigureMismatch { .. }
            | RefundError::InconsistentLedgerRecord { .. }
            | RefundError::LedgerEntryInvalid { .. }
            | RefundError::Cart(_)
            | RefundError::Dispatch(_)
            | RefundError::Calendar(_)
            | RefundError::Money(_) => {
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
            RefundError::Withdrawal(WithdrawalError::NoParcels),
            RefundError::InterestRateOutOfRange {
                rate: "101".to_owned(),
            },
            RefundError::NegativeInterestRate {
                rate: "-1".to_owned(),
            },
            RefundError::InvalidPolicy { reason: "x" },
            RefundError::UnlawfulPolicy {
                field: "withdrawal.statutory.roll",
                article: "C. conso L221-18",
                requirement: "x",
            },
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
        check::<RefundError>();
    }
}

#[cfg(test)]
mod lawful_message_tests {
    use super::*;

    // RET-1, RET-2: no customer message says a withdrawal waits for the parcel or needs the
    // form: a notice may be sent from the validation of the order, in any unambiguous words.
    #[test]
    fn ret1_ret2_messages_never_make_receipt_or_the_form_a_condition() {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        let errors = [
            RefundError::from(WithdrawalError::NoParcels),
            RefundError::from(WithdrawalError::ReceiptBeforeValidation {
                parcel: 0,
                received: at,
                validated: at,
            }),
            RefundError::from(WithdrawalError::CollectedBeforeArrival {
                arrived: at,
                collected: at,
            }),
            RefundError::from(WithdrawalError::NoticeBeforeValidation {
                notice: at,
                validated: at,
            }),
            RefundError::CheckedWithoutReceipt { checked: at },
            RefundError::InspectionPending { line: "a".into() },
        ];
        for e in errors {
            let text = e.message_fr();
            assert!(!text.contains("formulaire"), "{text}");
            assert!(!text.contains("à réception"), "{text}");
            assert!(!text.contains("précède la réception"), "{text}");
        }
        assert!(
            RefundError::from(WithdrawalError::NoParcels)
                .message_fr()
                .contains("vous pouvez déjà vous rétracter")
        );
    }
}
