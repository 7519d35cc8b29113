use chrono::{DateTime, Utc};
use comptoir_calendar::CalendarError;
use comptoir_cart::CartError;
use comptoir_dispatch::DispatchError;
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
    /// A parcel said to be collected at a relay point or a post office before it arrived
    /// there (SHIP-2).
    #[error("parcel collected at {collected} before it arrived at {arrived}")]
    CollectedBeforeArrival {
        /// When it arrived at the relay point or the post office.
        arrived: DateTime<Utc>,
        /// When it was said to be collected.
        collected: DateTime<Utc>,
    },
    /// A withdrawal notice dated before the order was validated: there was no contract to
    /// withdraw from yet (RET-1). A notice after the validation is never early: the customer
    /// may withdraw before receiving the goods (Directive 2011/83 art. 9, recital 40).
    #[error("withdrawal notice sent at {notice} before the order was validated at {validated}")]
    NoticeBeforeValidation {
        /// When the notice was sent.
        notice: DateTime<Utc>,
        /// When the order was validated.
        validated: DateTime<Utc>,
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
    /// A policy whose values contradict each other.
    #[error("invalid returns policy: {reason}")]
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
        error: Box<ReturnsError>,
    },
    /// A cancellation's refund has no withdrawal deadline or surcharge (REF-2, REF-3 apply to
    /// withdrawals; [`CancellationDecision`](crate::CancellationDecision) decides a
    /// cancellation's).
    #[error("refund {refund} is for a cancellation, not a withdrawal")]
    NotAWithdrawal {
        /// The refund's number, from 1.
        refund: usize,
    },
    /// A returned parcel's order or tracking number that cannot be a reference (RET-3).
    #[error("{what} {value:?} is not a reference: {reason}")]
    InvalidParcelReference {
        /// `"order number"` or `"tracking number"`.
        what: &'static str,
        /// The text given.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A mark of a parcel's description with nothing but spaces (RET-3).
    #[error("a parcel mark is blank")]
    BlankParcelMark,
    /// Two candidates for a returned parcel with the same order number (RET-3).
    #[error("order {order} is given twice among the candidates for a returned parcel")]
    DuplicateReturnCandidate {
        /// The order number.
        order: String,
    },
    /// An event about a returned parcel dated before the one it follows (RET-3).
    #[error("{event} at {at} is before {earlier} at {earlier_at}")]
    ParcelTimeline {
        /// The event out of order.
        event: &'static str,
        /// When it was said to happen.
        at: DateTime<Utc>,
        /// The event it must follow.
        earlier: &'static str,
        /// When that happened.
        earlier_at: DateTime<Utc>,
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
}

impl ReturnsError {
    /// True when the facts given contradict each other (an event before the one it follows).
    pub fn is_bad_facts(&self) -> bool {
        matches!(
            self,
            ReturnsError::NoParcels
                | ReturnsError::ReceiptBeforeValidation { .. }
                | ReturnsError::CollectedBeforeArrival { .. }
                | ReturnsError::NoticeBeforeValidation { .. }
                | ReturnsError::CheckedWithoutReceipt { .. }
                | ReturnsError::CheckedBeforeReceived { .. }
                | ReturnsError::ParcelTimeline { .. }
                | ReturnsError::CancellationBeforeValidation { .. }
                | ReturnsError::PaidBeforeCancellation { .. }
        )
    }

    /// True when what was read on or said of a returned parcel is refused (RET-3).
    pub fn is_bad_parcel_input(&self) -> bool {
        matches!(
            self,
            ReturnsError::InvalidParcelReference { .. }
                | ReturnsError::BlankParcelMark
                | ReturnsError::DuplicateReturnCandidate { .. }
                | ReturnsError::ParcelTimeline { .. }
        )
    }

    /// True when a policy is refused, because its values contradict each other
    /// ([`ReturnsError::InvalidPolicy`]) or the law ([`ReturnsError::UnlawfulPolicy`]).
    pub fn is_invalid_policy(&self) -> bool {
        matches!(
            self,
            ReturnsError::InvalidPolicy { .. } | ReturnsError::UnlawfulPolicy { .. }
        )
    }

    /// True when a policy is refused because it would breach mandatory consumer law; the
    /// error names the field and the article.
    pub fn is_unlawful_policy(&self) -> bool {
        matches!(self, ReturnsError::UnlawfulPolicy { .. })
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

    /// True when a return, a cancellation or a deduction is refused for what it asks (REF-1,
    /// REF-4, RET-2): nothing was recorded.
    pub fn is_bad_refund_input(&self) -> bool {
        matches!(
            self,
            ReturnsError::NothingToRefund { .. }
                | ReturnsError::DuplicateRefundLine { .. }
                | ReturnsError::UnknownOrderLine { .. }
                | ReturnsError::MoreUnitsThanOrdered { .. }
                | ReturnsError::MoreUnitsThanKept { .. }
                | ReturnsError::LineCancelled { .. }
                | ReturnsError::DeductionAboveNet { .. }
                | ReturnsError::NonPositiveDeduction { .. }
                | ReturnsError::DeductionWithoutReason
                | ReturnsError::InspectionPending { .. }
        )
    }

    /// True when a refund ledger belongs to another order or its stored figures disagree with
    /// the order (REF-1).
    pub fn is_bad_ledger(&self) -> bool {
        matches!(
            self,
            ReturnsError::LedgerOfAnotherOrder { .. }
                | ReturnsError::LedgerFigureMismatch { .. }
                | ReturnsError::InconsistentLedgerRecord { .. }
                | ReturnsError::LedgerEntryInvalid { .. }
        )
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> &'static str {
        match self {
            ReturnsError::NoParcels => {
                "Aucune réception de colis n'est enregistrée : le délai de rétractation n'a pas encore commencé, mais vous pouvez déjà vous rétracter."
            }
            ReturnsError::ReceiptBeforeValidation { .. } => {
                "La date de réception d'un colis précède la validation de la commande."
            }
            ReturnsError::CollectedBeforeArrival { .. } => {
                "La date de retrait d'un colis précède son arrivée au point de retrait."
            }
            ReturnsError::NoticeBeforeValidation { .. } => {
                "La demande de rétractation précède la validation de la commande."
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
                "Les conditions de retour de la boutique sont mal configurées : contactez notre service client."
            }
            ReturnsError::UnlawfulPolicy { .. } => {
                "Les conditions de retour configurées par la boutique ne respectent pas le Code de la consommation : contactez notre service client."
            }
            ReturnsError::NothingToRefund { .. } => "Aucun article n'est indiqué.",
            ReturnsError::DuplicateRefundLine { .. } => {
                "Un même article est indiqué deux fois : indiquez-le une fois avec sa quantité."
            }
            ReturnsError::UnknownOrderLine { .. } => {
                "Cet article ne fait pas partie de la commande."
            }
            ReturnsError::MoreUnitsThanOrdered { .. } => {
                "La quantité indiquée dépasse la quantité commandée."
            }
            ReturnsError::MoreUnitsThanKept { .. } => {
                "La quantité indiquée dépasse ce qui n'a pas déjà été retourné ou annulé."
            }
            ReturnsError::LineCancelled { .. } => {
                "Cet article a été annulé et remboursé : il ne peut pas être retourné."
            }
            ReturnsError::DeductionAboveNet { .. } => {
                "La retenue pour dépréciation dépasse le prix payé pour les articles retournés."
            }
            ReturnsError::NonPositiveDeduction { .. } => {
                "Une retenue pour dépréciation doit être d'un montant positif."
            }
            ReturnsError::DeductionWithoutReason => {
                "Une retenue pour dépréciation doit indiquer son motif."
            }
            ReturnsError::InspectionPending { .. } => {
                "Le contrôle des articles retournés n'est pas terminé : le remboursement sera calculé ensuite."
            }
            ReturnsError::InvalidParcelReference { .. } => {
                "Ce numéro de commande ou de suivi n'est pas valide : vérifiez-le sur votre confirmation de commande ou votre preuve de dépôt."
            }
            ReturnsError::BlankParcelMark => {
                "Décrivez chaque signe distinctif du colis (autocollant, timbre, inscription) par quelques mots."
            }
            ReturnsError::DuplicateReturnCandidate { .. } | ReturnsError::ParcelTimeline { .. } => {
                "Une erreur technique empêche de traiter ce colis de retour : contactez notre service client."
            }
            ReturnsError::NotAWithdrawal { .. } => {
                "Ce remboursement fait suite à une annulation, pas à une rétractation."
            }
            ReturnsError::NotACancellation { .. } => {
                "Ce remboursement fait suite à une rétractation, pas à une annulation."
            }
            ReturnsError::CancellationBeforeValidation { .. } => {
                "La date d'annulation précède la validation de la commande."
            }
            ReturnsError::PaidBeforeCancellation { .. } => {
                "La date du remboursement précède celle de l'annulation."
            }
            ReturnsError::LedgerOfAnotherOrder { .. }
            | ReturnsError::LedgerFigureMismatch { .. }
            | ReturnsError::InconsistentLedgerRecord { .. }
            | ReturnsError::LedgerEntryInvalid { .. }
            | ReturnsError::Cart(_)
            | ReturnsError::Dispatch(_)
            | ReturnsError::Calendar(_)
            | ReturnsError::Money(_) => {
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
            ReturnsError::UnlawfulPolicy {
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
        check::<ReturnsError>();
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
            ReturnsError::NoParcels,
            ReturnsError::ReceiptBeforeValidation {
                parcel: 0,
                received: at,
                validated: at,
            },
            ReturnsError::CollectedBeforeArrival {
                arrived: at,
                collected: at,
            },
            ReturnsError::NoticeBeforeValidation {
                notice: at,
                validated: at,
            },
            ReturnsError::CheckedWithoutReceipt { checked: at },
            ReturnsError::InspectionPending { line: "a".into() },
        ];
        for e in errors {
            let text = e.message_fr();
            assert!(!text.contains("formulaire"), "{text}");
            assert!(!text.contains("à réception"), "{text}");
            assert!(!text.contains("précède la réception"), "{text}");
        }
        assert!(
            ReturnsError::NoParcels
                .message_fr()
                .contains("vous pouvez déjà vous rétracter")
        );
    }
}
