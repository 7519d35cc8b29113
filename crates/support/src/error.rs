use comptoir_calendar::CalendarError;
use thiserror::Error;

/// Why a customer-service question could not be answered, or a policy was refused.
///
/// None of these reach a customer in normal operation (they mean a bad policy or an instant
/// outside the calendar's years); [`SupportError::message_fr`] gives the sentence to show if
/// one does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum SupportError {
    /// The calendar could not answer (instant outside 1900-2200, CAL-4).
    #[error("calendar: {0}")]
    Calendar(#[from] CalendarError),
    /// A phone slot that ends before it starts, or is empty.
    #[error("phone slot {start} to {end} is empty or reversed")]
    EmptySlot {
        /// Where the slot starts.
        start: chrono::NaiveTime,
        /// Where it ends.
        end: chrono::NaiveTime,
    },
    /// A phone slot bound with seconds or a fraction of a second: hours are set to the
    /// minute.
    #[error("phone slot bound {time} is not on a whole minute")]
    SlotNotOnMinute {
        /// The bound given.
        time: chrono::NaiveTime,
    },
    /// Two phone slots of one day overlap, touch or are out of order.
    #[error("phone slots of {weekday} overlap, touch or are not in order")]
    OverlappingSlots {
        /// The day of the week concerned.
        weekday: chrono::Weekday,
    },
    /// No phone slot on any day from Monday to Friday: the line would never open, since
    /// weekends are never business days (CAL-1).
    #[error("the phone line has no slot from monday to friday")]
    NeverOpen,
    /// A written-answer delay of zero hours.
    #[error("the answer delay must be at least one hour")]
    ZeroDelay,
    /// A string that is not the text form of a support value (a slot, a delay).
    #[error("cannot read {input:?} as {what}: expected {expected}")]
    Parse {
        /// The kind of value expected, e.g. `"a phone slot"`.
        what: &'static str,
        /// The string given.
        input: String,
        /// The form accepted.
        expected: &'static str,
    },
}

impl SupportError {
    /// True when the calendar's range was left.
    pub fn is_out_of_range(&self) -> bool {
        matches!(self, SupportError::Calendar(e) if e.is_out_of_range() || *e == CalendarError::InstantOutOfRange)
    }

    /// True when the policy itself is refused.
    pub fn is_invalid_policy(&self) -> bool {
        matches!(
            self,
            SupportError::EmptySlot { .. }
                | SupportError::SlotNotOnMinute { .. }
                | SupportError::OverlappingSlots { .. }
                | SupportError::NeverOpen
                | SupportError::ZeroDelay
        )
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    pub fn message_fr(&self) -> String {
        match self {
            SupportError::Calendar(e) => e.message_fr(),
            SupportError::Parse { .. } => {
                "Cet horaire n'a pas pu être lu : écrivez-le par exemple 09h00-13h00.".to_owned()
            }
            SupportError::EmptySlot { .. }
            | SupportError::SlotNotOnMinute { .. }
            | SupportError::OverlappingSlots { .. }
            | SupportError::NeverOpen
            | SupportError::ZeroDelay => {
                "Les horaires du service client sont mal configurés : écrivez-nous par e-mail."
                    .to_owned()
            }
        }
    }
}
