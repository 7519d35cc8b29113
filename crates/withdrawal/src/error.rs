use chrono::{DateTime, Utc};
use comptoir_calendar::CalendarError;
use thiserror::Error;

/// Why a withdrawal window could not be computed, a notice placed, a policy accepted or a
/// returned parcel matched.
///
/// Callers that branch on kinds can use the predicates ([`WithdrawalError::is_bad_facts`],
/// ...) rather than matching variants, which may grow. [`WithdrawalError::message_fr`] gives
/// the sentence the shop shows a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum WithdrawalError {
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
    /// An online withdrawal statement that the law's function does not allow or that does
    /// not fit its order (RET-1, L221-21): a blank name, no e-mail address, no item, an item
    /// not in the order or beyond its units.
    #[error("invalid withdrawal statement: {reason}")]
    InvalidStatement {
        /// What is wrong with it.
        reason: String,
    },
    /// An online withdrawal statement naming another order than the one it is made for.
    #[error("the withdrawal statement names order {stated}, not order {order}")]
    StatementForAnotherOrder {
        /// The order the statement names.
        stated: String,
        /// The order it was made for.
        order: String,
    },
    /// A confirmation dated before its statement (D221-5).
    #[error("withdrawal confirmed at {confirmed}, before its statement at {stated}")]
    ConfirmationBeforeStatement {
        /// When it was confirmed.
        confirmed: DateTime<Utc>,
        /// When the statement was made.
        stated: DateTime<Utc>,
    },
    /// A statement confirmed a second time.
    #[error("the withdrawal statement was already confirmed at {submitted}")]
    AlreadyConfirmed {
        /// When it was confirmed and submitted.
        submitted: DateTime<Utc>,
    },
    /// A withdrawal of an item excepted from the right (L221-28), the customer told before
    /// the order (L221-5) and, for sealed goods, the item unsealed after delivery.
    #[error("line {line} cannot be withdrawn: {exception} ({article})")]
    ExceptionApplies {
        /// The line.
        line: String,
        /// The exception.
        exception: crate::WithdrawalException,
        /// The article: `C. conso L221-28 5°`.
        article: &'static str,
    },
    /// A statement not yet confirmed used as a notice or acknowledged: it is neither.
    #[error("the withdrawal statement is not confirmed: it is no notice yet")]
    NotConfirmed,
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
    /// A policy whose values contradict each other.
    #[error("invalid withdrawal policy: {reason}")]
    InvalidPolicy {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A policy value that would make the shop break mandatory consumer law (RET-1, RET-2,
    /// REF-2): the rules of withdrawal are public order (C. conso L221-29), so no setting may
    /// give the customer less than they do.
    #[error("policy field {field} breaches {article}: {requirement}")]
    UnlawfulPolicy {
        /// The field, as a path from the after-sale policy that holds the withdrawal policy
        /// (`comptoir_refund::ReturnsPolicy`): `withdrawal.statutory.roll`.
        field: &'static str,
        /// The article the value would breach: `C. conso L221-18`.
        article: &'static str,
        /// What the article requires.
        requirement: &'static str,
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
    /// A date computation left the calendar's range.
    #[error("date out of range: {0}")]
    Calendar(#[from] CalendarError),
}

impl WithdrawalError {
    /// True when the facts given contradict each other (an event before the one it follows).
    pub fn is_bad_facts(&self) -> bool {
        matches!(
            self,
            WithdrawalError::NoParcels
                | WithdrawalError::ReceiptBeforeValidation { .. }
                | WithdrawalError::CollectedBeforeArrival { .. }
                | WithdrawalError::NoticeBeforeValidation { .. }
                | WithdrawalError::ParcelTimeline { .. }
                | WithdrawalError::ConfirmationBeforeStatement { .. }
        )
    }

    /// True when an online withdrawal statement or its confirmation is refused (L221-21):
    /// nothing was recorded.
    pub fn is_bad_statement(&self) -> bool {
        matches!(
            self,
            WithdrawalError::InvalidStatement { .. }
                | WithdrawalError::StatementForAnotherOrder { .. }
                | WithdrawalError::ConfirmationBeforeStatement { .. }
                | WithdrawalError::AlreadyConfirmed { .. }
                | WithdrawalError::NotConfirmed
        )
    }

    /// True when what was read on or said of a returned parcel is refused (RET-3).
    pub fn is_bad_parcel_input(&self) -> bool {
        matches!(
            self,
            WithdrawalError::InvalidParcelReference { .. }
                | WithdrawalError::BlankParcelMark
                | WithdrawalError::DuplicateReturnCandidate { .. }
                | WithdrawalError::ParcelTimeline { .. }
        )
    }

    /// True when a policy is refused, because its values contradict each other
    /// ([`WithdrawalError::InvalidPolicy`]) or the law ([`WithdrawalError::UnlawfulPolicy`]).
    pub fn is_invalid_policy(&self) -> bool {
        matches!(
            self,
            WithdrawalError::InvalidPolicy { .. } | WithdrawalError::UnlawfulPolicy { .. }
        )
    }

    /// True when a policy is refused because it would breach mandatory consumer law; the
    /// error names the field and the article.
    pub fn is_unlawful_policy(&self) -> bool {
        matches!(self, WithdrawalError::UnlawfulPolicy { .. })
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> &'static str {
        match self {
            WithdrawalError::NoParcels => {
                "Aucune réception de colis n'est enregistrée : le délai de rétractation n'a pas encore commencé, mais vous pouvez déjà vous rétracter."
            }
            WithdrawalError::ReceiptBeforeValidation { .. } => {
                "La date de réception d'un colis précède la validation de la commande."
            }
            WithdrawalError::CollectedBeforeArrival { .. } => {
                "La date de retrait d'un colis précède son arrivée au point de retrait."
            }
            WithdrawalError::NoticeBeforeValidation { .. } => {
                "La demande de rétractation précède la validation de la commande."
            }
            WithdrawalError::InvalidStatement { .. } => {
                "Votre déclaration de rétractation est incomplète : indiquez votre nom, les articles concernés et une adresse e-mail pour l'accusé de réception."
            }
            WithdrawalError::StatementForAnotherOrder { .. } => {
                "Cette déclaration de rétractation ne concerne pas cette commande."
            }
            WithdrawalError::ConfirmationBeforeStatement { .. } => {
                "La confirmation de la rétractation précède la déclaration."
            }
            WithdrawalError::AlreadyConfirmed { .. } => {
                "Votre rétractation est déjà confirmée : l'accusé de réception vous a été envoyé."
            }
            WithdrawalError::ExceptionApplies { exception, .. } => exception.notice_fr(),
            WithdrawalError::NotConfirmed => {
                "Confirmez votre rétractation avec le bouton « confirmer la rétractation » pour qu'elle soit enregistrée."
            }
            WithdrawalError::InvalidPolicy { .. } => {
                "Les conditions de retour de la boutique sont mal configurées : contactez notre service client."
            }
            WithdrawalError::UnlawfulPolicy { .. } => {
                "Les conditions de retour configurées par la boutique ne respectent pas le Code de la consommation : contactez notre service client."
            }
            WithdrawalError::InvalidParcelReference { .. } => {
                "Ce numéro de commande ou de suivi n'est pas valide : vérifiez-le sur votre confirmation de commande ou votre preuve de dépôt."
            }
            WithdrawalError::BlankParcelMark => {
                "Décrivez chaque signe distinctif du colis (autocollant, timbre, inscription) par quelques mots."
            }
            WithdrawalError::DuplicateReturnCandidate { .. }
            | WithdrawalError::ParcelTimeline { .. } => {
                "Une erreur technique empêche de traiter ce colis de retour : contactez notre service client."
            }
            WithdrawalError::Calendar(_) => {
                "Une erreur technique empêche de calculer cette date : contactez notre service client."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RET-1: the developer messages of the withdrawal's errors follow the house form.
    #[test]
    fn display_is_lowercase_without_trailing_punctuation() {
        let errors = [
            WithdrawalError::NoParcels,
            WithdrawalError::InvalidPolicy { reason: "x" },
            WithdrawalError::UnlawfulPolicy {
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

    // RET-1, RET-3: the rules' errors cross threads and compare.
    #[test]
    fn errors_are_send_and_sync() {
        fn check<T: Send + Sync + Clone + PartialEq>() {}
        check::<WithdrawalError>();
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
            WithdrawalError::NoParcels,
            WithdrawalError::ReceiptBeforeValidation {
                parcel: 0,
                received: at,
                validated: at,
            },
            WithdrawalError::CollectedBeforeArrival {
                arrived: at,
                collected: at,
            },
            WithdrawalError::NoticeBeforeValidation {
                notice: at,
                validated: at,
            },
        ];
        for e in errors {
            let text = e.message_fr();
            assert!(!text.contains("formulaire"), "{text}");
            assert!(!text.contains("à réception"), "{text}");
            assert!(!text.contains("précède la réception"), "{text}");
        }
        assert!(
            WithdrawalError::NoParcels
                .message_fr()
                .contains("vous pouvez déjà vous rétracter")
        );
    }
}
