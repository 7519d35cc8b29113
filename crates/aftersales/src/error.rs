use chrono::{DateTime, NaiveDate, Utc};
use comptoir_calendar::CalendarError;
use comptoir_money::{Eur, MoneyError};
use comptoir_refund::RefundError;
use thiserror::Error;

use crate::{CaseEventKind, CaseStatus};

/// Why an after-sales case could not be opened or moved, or a guarantee computed.
///
/// Every error leaves the case as it was. Callers that branch on kinds use the predicates
/// ([`AfterSalesError::is_illegal_transition`], ...) rather than matching variants, which may
/// grow; [`AfterSalesError::message_fr`] gives the sentence the shop shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum AfterSalesError {
    /// A transition the case's state does not allow: a repair delivered before the
    /// diagnosis, a refund before any termination...
    #[error("{event} is not possible while the case is {status}")]
    IllegalTransition {
        /// Where the case stands.
        status: CaseStatus,
        /// What was asked.
        event: CaseEventKind,
    },
    /// An event dated before the case's last one.
    #[error("{event} at {at} is before {earlier} at {earlier_at}")]
    OutOfOrder {
        /// What was asked.
        event: &'static str,
        /// When it was said to happen.
        at: DateTime<Utc>,
        /// The case's last event.
        earlier: CaseEventKind,
        /// When that happened.
        earlier_at: DateTime<Utc>,
    },
    /// A request made before the good was delivered.
    #[error("the request at {requested_at} is before the delivery at {delivered_at}")]
    RequestBeforeDelivery {
        /// The request.
        requested_at: DateTime<Utc>,
        /// The delivery.
        delivered_at: DateTime<Utc>,
    },
    /// A defect said to appear outside the delivery-to-request span.
    #[error(
        "the defect is said to appear on {appeared_on}, outside {delivered_on} to {requested_on}"
    )]
    AppearanceOutOfSpan {
        /// The day given.
        appeared_on: NaiveDate,
        /// The delivery's day.
        delivered_on: NaiveDate,
        /// The request's day.
        requested_on: NaiveDate,
    },
    /// A defect that appeared after the guarantee's last day (L217-3).
    #[error("the defect appeared on {appeared_on}, after the guarantee ended on {guarantee_ends}")]
    OutsideGuarantee {
        /// When the defect appeared.
        appeared_on: NaiveDate,
        /// The guarantee's last day.
        guarantee_ends: NaiveDate,
    },
    /// A description, a report or a reason with nothing in it.
    #[error("{what} is blank")]
    BlankText {
        /// Which text.
        what: &'static str,
    },
    /// Something the case allows once, asked again.
    #[error("{event} was already recorded")]
    AlreadyRecorded {
        /// What was asked.
        event: CaseEventKind,
    },
    /// A defect said to be both serious and minor (L217-14).
    #[error("{event} contradicts {earlier}")]
    Contradiction {
        /// What was asked.
        event: CaseEventKind,
        /// What it contradicts.
        earlier: CaseEventKind,
    },
    /// A price reduction or a termination the customer is not entitled to at that instant
    /// (L217-14): the remedy is still within its 30 days, or the case is closed.
    #[error("{option} is not among the customer's options at {at}")]
    OptionNotOpen {
        /// `"a price reduction"` or `"a termination"`.
        option: &'static str,
        /// When it was asked.
        at: DateTime<Utc>,
    },
    /// A termination for a defect the shop showed to be minor (L217-14 last al.).
    #[error("no termination for a minor defect ({reason})")]
    MinorDefect {
        /// The shop's reasons.
        reason: String,
    },
    /// A price reduction of zero or less, or above the net paid for the units (L217-15).
    #[error("price reduction {amount} is not above zero and at most the net paid {net_paid}")]
    ReductionOutOfRange {
        /// The reduction asked.
        amount: Eur,
        /// The net paid for the units.
        net_paid: Eur,
    },
    /// Postage paid by the customer of zero or less.
    #[error("postage {amount} is not above zero")]
    InvalidPostage {
        /// The amount given.
        amount: Eur,
    },
    /// A policy that gives the customer less than the law.
    #[error("policy breaches {article}: {reason}")]
    UnlawfulPolicy {
        /// The article it breaches.
        article: &'static str,
        /// How.
        reason: &'static str,
    },
    /// A text that cannot be read as the value asked.
    #[error("invalid {what}: {text:?}")]
    Parse {
        /// What was read.
        what: &'static str,
        /// The text.
        text: String,
    },
    /// The order, the units or the refund ledger refused the claim or its refund.
    #[error(transparent)]
    Refund(#[from] RefundError),
    /// A date left the calendar's range, or an instant cannot be read on the Paris clock.
    #[error("date out of range: {0}")]
    Calendar(#[from] CalendarError),
    /// An amount computation overflowed.
    #[error("amount computation failed: {0}")]
    Money(#[from] MoneyError),
}

impl AfterSalesError {
    /// True when the case's state does not allow what was asked.
    pub fn is_illegal_transition(&self) -> bool {
        matches!(
            self,
            AfterSalesError::IllegalTransition { .. }
                | AfterSalesError::AlreadyRecorded { .. }
                | AfterSalesError::OptionNotOpen { .. }
        )
    }

    /// True when the facts given contradict each other or the case's history.
    pub fn is_bad_facts(&self) -> bool {
        matches!(
            self,
            AfterSalesError::OutOfOrder { .. }
                | AfterSalesError::RequestBeforeDelivery { .. }
                | AfterSalesError::AppearanceOutOfSpan { .. }
                | AfterSalesError::Contradiction { .. }
        )
    }

    /// True when the defect is not covered by the legal guarantee.
    pub fn is_outside_guarantee(&self) -> bool {
        matches!(self, AfterSalesError::OutsideGuarantee { .. })
    }

    /// True when the shop's policy gives less than the law.
    pub fn is_unlawful_policy(&self) -> bool {
        matches!(self, AfterSalesError::UnlawfulPolicy { .. })
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> String {
        match self {
            AfterSalesError::IllegalTransition { status, .. } => format!(
                "Cette étape n'est pas possible à ce stade de votre dossier ({}).",
                status.label_fr()
            ),
            AfterSalesError::OutOfOrder { .. }
            | AfterSalesError::RequestBeforeDelivery { .. }
            | AfterSalesError::AppearanceOutOfSpan { .. } => {
                "Les dates indiquées ne sont pas cohérentes avec votre dossier.".into()
            }
            AfterSalesError::OutsideGuarantee { guarantee_ends, .. } => format!(
                "Le défaut est apparu après la fin de la garantie légale de conformité, le {} : \
                 contactez notre service client pour une solution hors garantie.",
                guarantee_ends.format("%d/%m/%Y")
            ),
            AfterSalesError::BlankText { .. } => {
                "Décrivez en quelques mots le défaut ou le motif.".into()
            }
            AfterSalesError::AlreadyRecorded { .. } | AfterSalesError::Contradiction { .. } => {
                "Cette information figure déjà dans votre dossier.".into()
            }
            AfterSalesError::OptionNotOpen { .. } => {
                "Cette solution n'est possible que si la réparation ou le remplacement est refusé, \
                 tardif, sans effet, ou si le défaut est grave."
                    .into()
            }
            AfterSalesError::MinorDefect { .. } => {
                "Le défaut étant mineur, la vente ne peut pas être résolue : une réduction du prix \
                 reste possible."
                    .into()
            }
            AfterSalesError::ReductionOutOfRange { net_paid, .. } => format!(
                "La réduction du prix doit être positive et au plus égale au prix payé, {}.",
                net_paid.french()
            ),
            AfterSalesError::InvalidPostage { .. } => {
                "Le montant des frais d'envoi doit être positif.".into()
            }
            AfterSalesError::UnlawfulPolicy { .. } => {
                "Les conditions de garantie de la boutique sont mal configurées.".into()
            }
            AfterSalesError::Parse { .. } => "Cette valeur n'est pas lisible.".into(),
            AfterSalesError::Refund(e) => e.message_fr().to_owned(),
            AfterSalesError::Calendar(_) | AfterSalesError::Money(_) => {
                "Une erreur technique empêche de traiter ce dossier : contactez notre service \
                 client."
                    .into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RET-5: developer messages follow the house form; every error has a French sentence.
    #[test]
    fn ret5_errors_read_in_both_languages() {
        let errors = [
            AfterSalesError::IllegalTransition {
                status: CaseStatus::Reported,
                event: CaseEventKind::RemedyDelivered,
            },
            AfterSalesError::BlankText {
                what: "the defect's description",
            },
            AfterSalesError::UnlawfulPolicy {
                article: "L217-3",
                reason: "x",
            },
            AfterSalesError::InvalidPostage { amount: Eur::ZERO },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(text.starts_with(|c: char| c.is_lowercase()), "{text}");
            assert!(!text.ends_with(['.', '!', '?']), "{text}");
            assert!(e.message_fr().ends_with('.'), "{e:?}");
        }
        assert_eq!(
            AfterSalesError::IllegalTransition {
                status: CaseStatus::Reported,
                event: CaseEventKind::RemedyDelivered,
            }
            .to_string(),
            "the delivery of the remedy is not possible while the case is reported"
        );
    }

    // RET-5: the errors cross threads and compare.
    #[test]
    fn ret5_errors_are_send_and_sync() {
        fn check<T: Send + Sync + Clone + PartialEq + std::error::Error>() {}
        check::<AfterSalesError>();
    }
}
