use comptoir_calendar::CalendarError;
use thiserror::Error;

/// Why a dispatch date could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum DispatchError {
    /// The calendar or the clock could not answer (a date outside 1900-2200, mostly).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The policy's delays are inconsistent.
    #[error("invalid dispatch policy: {reason}")]
    InvalidPolicy {
        /// What is inconsistent.
        reason: &'static str,
    },
    /// A dispatch recorded before the order was taken into account.
    #[error(
        "dispatch on {dispatched_on} is before the order was taken into account on {taken_into_account}"
    )]
    DispatchBeforeOrder {
        /// The recorded dispatch day.
        dispatched_on: chrono::NaiveDate,
        /// The day the order was taken into account.
        taken_into_account: chrono::NaiveDate,
    },
    /// A dispatch recorded after the day it is asked about.
    #[error("dispatch on {dispatched_on} is after today, {today}")]
    DispatchInTheFuture {
        /// The recorded dispatch day.
        dispatched_on: chrono::NaiveDate,
        /// The Paris date of the instant asked about.
        today: chrono::NaiveDate,
    },
    /// A stored schedule whose days are not in order (taken, earliest, latest, dispatch-by).
    #[error("schedule days are not in order")]
    InvalidSchedule,
}

impl DispatchError {
    /// True when the date lies outside the calendar's range.
    pub fn is_out_of_range(&self) -> bool {
        matches!(self, DispatchError::Calendar(e) if e.is_out_of_range())
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    ///
    /// None of these comes from a customer's choice: a bad policy or record, or a date the
    /// rules do not cover, so each says to contact customer service, as the calendar's do.
    pub fn message_fr(&self) -> String {
        match self {
            DispatchError::Calendar(e) => e.message_fr(),
            DispatchError::DispatchBeforeOrder { .. }
            | DispatchError::DispatchInTheFuture { .. }
            | DispatchError::InvalidSchedule => {
                "Les dates d'expédition enregistrées pour cette commande sont incohérentes : \
                 contactez le service client."
                    .to_owned()
            }
            DispatchError::InvalidPolicy { .. } => {
                "Les délais d'expédition de la boutique sont mal configurés : contactez le \
                 service client."
                    .to_owned()
            }
        }
    }
}
