use chrono::{DateTime, NaiveDate, Utc};
use comptoir_calendar::CalendarError;
use thiserror::Error;

use crate::french::date_fr;

/// Why a dispatch date could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum DispatchError {
    /// The calendar or the clock could not answer (a date outside 1900-2200, mostly).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The buffers of a batch differ in length from its instants (nothing written).
    #[error(
        "a batch of {instants} instants needs buffers of that length: {taken} days taken, {dispatch_by} dispatch-by days given"
    )]
    BufferLength {
        /// The instants given.
        instants: usize,
        /// The length of the buffer of days taken into account.
        taken: usize,
        /// The length of the buffer of dispatch-by days.
        dispatch_by: usize,
    },
    /// An error about one order of a batch: the first one met, the buffers written before
    /// it and nothing after.
    #[error("order {index} of the batch: {error}")]
    AtIndex {
        /// The order's index in the batch, from 0.
        index: usize,
        /// What went wrong with it.
        error: Box<DispatchError>,
    },
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
    /// A schedule no computation gives: days not in order (taken, earliest, latest,
    /// dispatch-by) or on a Saturday or Sunday, which no calendar opens.
    #[error("invalid dispatch schedule: {reason}")]
    InvalidSchedule {
        /// What is wrong.
        reason: &'static str,
    },
    /// A busy period or its lengthening that cannot be declared (DISP-4).
    #[error("invalid busy period: {reason}")]
    InvalidPeak {
        /// What is wrong.
        reason: &'static str,
    },
    /// Two declared busy periods share days (DISP-4).
    #[error("busy periods {first} and {second} overlap")]
    OverlappingPeaks {
        /// The earlier period's name.
        first: String,
        /// The later period's name.
        second: String,
    },
    /// An incident without a usable reason (DISP-4).
    #[error("invalid incident: {reason}")]
    InvalidIncident {
        /// What is wrong.
        reason: &'static str,
    },
    /// A parcel identifier that is not a tracking number.
    #[error("invalid parcel id {input:?}: expected 1 to 40 ASCII letters, digits or hyphens")]
    InvalidParcelId {
        /// The text given.
        input: String,
    },
    /// An event dated before the order was validated.
    #[error("event at {at} is before the order was validated at {validated_at}")]
    EventBeforeValidation {
        /// The event's instant.
        at: DateTime<Utc>,
        /// The validation's instant.
        validated_at: DateTime<Utc>,
    },
    /// An event dated before the previous event recorded on the order.
    #[error("event at {at} is before the previous event, at {previous}")]
    EventBeforePrevious {
        /// The event's instant.
        at: DateTime<Utc>,
        /// The previous event's instant.
        previous: DateTime<Utc>,
    },
    /// An event on an order whose contract was terminated (L216-6).
    #[error("the contract was terminated at {terminated_at}: no further event")]
    OrderTerminated {
        /// When the termination took effect.
        terminated_at: DateTime<Utc>,
    },
    /// A line the order does not have.
    #[error("no line {line} in the order")]
    UnknownLine {
        /// The line.
        line: String,
    },
    /// An event on a line whose every unit was cancelled (an incident, an unavailability, a
    /// parcel).
    #[error("line {line} is cancelled")]
    LineCancelled {
        /// The line.
        line: String,
    },
    /// More units than the line still has to pack.
    #[error("{asked} units of line {line} asked, {pending} still to pack")]
    MoreUnitsThanPending {
        /// The line.
        line: String,
        /// The units asked for.
        asked: u32,
        /// The units still to pack.
        pending: u32,
    },
    /// A choice about unavailable units of a line that has none awaiting it (DISP-4).
    #[error("no unit of line {line} is unavailable")]
    NothingUnavailable {
        /// The line.
        line: String,
    },
    /// A restock of a line whose units do not wait for one.
    #[error("no unit of line {line} waits for a restock")]
    NothingAwaitingRestock {
        /// The line.
        line: String,
    },
    /// A restock expected before the customer chose to wait for it.
    #[error("restock expected at {expected}, before the choice at {chosen_at}")]
    RestockBeforeChoice {
        /// The expected restock.
        expected: DateTime<Utc>,
        /// The customer's choice.
        chosen_at: DateTime<Utc>,
    },
    /// A parcel the order does not have.
    #[error("no parcel {parcel} in the order")]
    UnknownParcel {
        /// The parcel.
        parcel: String,
    },
    /// A parcel identifier already used in the order.
    #[error("parcel {parcel} is already in the order")]
    DuplicateParcel {
        /// The parcel.
        parcel: String,
    },
    /// A parcel packed without contents.
    #[error("parcel {parcel} carries nothing")]
    EmptyParcel {
        /// The parcel.
        parcel: String,
    },
    /// A parcel naming one line twice.
    #[error("parcel {parcel} names line {line} twice")]
    DuplicateParcelLine {
        /// The parcel.
        parcel: String,
        /// The line.
        line: String,
    },
    /// A tracking event the parcel's state does not allow: collected before it was held,
    /// dispatched twice... (SHIP-2).
    #[error("parcel {parcel} cannot be {event}: it is {state}")]
    TrackingOutOfOrder {
        /// The parcel.
        parcel: String,
        /// The event.
        event: &'static str,
        /// Its state.
        state: &'static str,
    },
    /// A tracking event of the other delivery service: a relay point for Colissimo, a
    /// letterbox for Pickup (SHIP-1).
    #[error("parcel {parcel} cannot be {event} with {service}")]
    WrongServiceEvent {
        /// The parcel.
        parcel: String,
        /// The event.
        event: &'static str,
        /// The order's service.
        service: &'static str,
    },
    /// A loss reported after the customer took possession: the risk had passed (L216-4).
    #[error("parcel {parcel} was in the customer's possession: its loss is not the shop's risk")]
    RiskPassed {
        /// The parcel.
        parcel: String,
    },
    /// A loss to settle on a parcel not lost, or whose loss is settled.
    #[error("parcel {parcel} has no loss to settle")]
    NotLost {
        /// The parcel.
        parcel: String,
    },
    /// A claim about a parcel the customer does not have.
    #[error("parcel {parcel} is {state}, not in the customer's possession")]
    ParcelNotReceived {
        /// The parcel.
        parcel: String,
        /// Its state.
        state: &'static str,
    },
    /// More units than the parcel carried.
    #[error("{asked} units of line {line} claimed from parcel {parcel}, which carried {carried}")]
    MoreUnitsThanCarried {
        /// The parcel.
        parcel: String,
        /// The line.
        line: String,
        /// The units claimed.
        asked: u32,
        /// The units it carried.
        carried: u32,
    },
    /// An item reported missing whose units were all received in other parcels.
    #[error("line {line} is not missing: every unit was received, none in parcel {parcel}")]
    NotMissing {
        /// The line.
        line: String,
        /// The parcel named.
        parcel: String,
    },
    /// A claim the order does not have.
    #[error("no claim {claim} in the order")]
    UnknownClaim {
        /// The claim's number.
        claim: u32,
    },
    /// A claim settled already.
    #[error("claim {claim} is settled already")]
    ClaimSettled {
        /// The claim's number.
        claim: u32,
    },
    /// An incident the order does not have open.
    #[error("no open incident {incident} in the order")]
    UnknownIncident {
        /// The incident's number.
        incident: u32,
    },
    /// A delivery date agreed before the contract (L216-1).
    #[error("delivery date {agreed} is before the contract, on {contract}")]
    AgreedDateBeforeContract {
        /// The agreed date.
        agreed: NaiveDate,
        /// The contract's day.
        contract: NaiveDate,
    },
    /// A formal notice whose extra delay ends on the day it is sent or before (L216-6).
    #[error("formal notice of {sent_on} gives no extra delay (ends {ends})")]
    NoExtraDelay {
        /// The notice's day.
        sent_on: NaiveDate,
        /// The end of the delay given.
        ends: NaiveDate,
    },
    /// A formal notice sent before the delivery deadline passed (L216-6 I 2°).
    #[error("formal notice at {sent_at} is before the delivery deadline passed ({due})")]
    FormalNoticeBeforeDeadline {
        /// When it was sent.
        sent_at: DateTime<Utc>,
        /// The deadline.
        due: NaiveDate,
    },
    /// A termination before the deadline passed, without the shop's refusal (L216-6).
    #[error("the delivery deadline ({due}) has not passed and the shop has not refused")]
    TerminationBeforeDeadline {
        /// The deadline.
        due: NaiveDate,
    },
    /// A termination after the deadline without a formal notice, a refusal or an essential
    /// date (L216-6 I 2°).
    #[error("the deadline ({due}) passed but no formal notice was given")]
    NoFormalNotice {
        /// The deadline.
        due: NaiveDate,
    },
    /// A termination while the extra delay of the formal notice runs (L216-6 I 2°).
    #[error("the extra delay of the formal notice runs until {ends}")]
    ExtraDelayRunning {
        /// Its last day.
        ends: NaiveDate,
    },
    /// A termination of an order delivered before it took effect (L216-6 I).
    #[error("the order was delivered at {delivered_at}")]
    AlreadyDelivered {
        /// When.
        delivered_at: DateTime<Utc>,
    },
    /// A termination recorded on another order's fulfilment.
    #[error("termination of the order validated at {termination}, not at {order}")]
    TerminationOfAnotherOrder {
        /// The terminated order's validation.
        termination: DateTime<Utc>,
        /// This order's validation.
        order: DateTime<Utc>,
    },
}

impl DispatchError {
    /// True when the date lies outside the calendar's range.
    pub fn is_out_of_range(&self) -> bool {
        match self {
            DispatchError::Calendar(e) => e.is_out_of_range(),
            DispatchError::AtIndex { error, .. } => error.is_out_of_range(),
            _ => false,
        }
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    ///
    /// The dates, parcels and events a back office records are not the customer's doing: a
    /// bad policy or record says to contact customer service, as the calendar's errors do.
    /// Errors about the customer's own steps (a termination too early, a notice without
    /// delay) say what the law requires.
    pub fn message_fr(&self) -> String {
        match self {
            DispatchError::Calendar(e) => e.message_fr(),
            DispatchError::AtIndex { error, .. } => error.message_fr(),
            DispatchError::BufferLength { .. } => {
                "Une erreur technique empêche de calculer les dates d'expédition de ce lot de \
                 commandes : contactez le service client."
                    .to_owned()
            }
            DispatchError::DispatchBeforeOrder { .. }
            | DispatchError::DispatchInTheFuture { .. }
            | DispatchError::InvalidSchedule { .. } => {
                "Les dates d'expédition enregistrées pour cette commande sont incohérentes : \
                 contactez le service client."
                    .to_owned()
            }
            DispatchError::InvalidPolicy { .. }
            | DispatchError::InvalidPeak { .. }
            | DispatchError::OverlappingPeaks { .. } => {
                "Les délais d'expédition de la boutique sont mal configurés : contactez le \
                 service client."
                    .to_owned()
            }
            DispatchError::TerminationBeforeDeadline { due } => format!(
                "La date limite de livraison de votre commande, le {}, n'est pas dépassée : le \
                 contrat ne peut pas encore être résolu.",
                date_fr(*due)
            ),
            DispatchError::NoFormalNotice { due } => format!(
                "La date limite de livraison, le {}, est dépassée : mettez-nous d'abord en \
                 demeure de livrer dans un délai supplémentaire raisonnable ; sans livraison \
                 dans ce délai, vous pourrez résoudre le contrat.",
                date_fr(*due)
            ),
            DispatchError::ExtraDelayRunning { ends } => format!(
                "Le délai supplémentaire que vous nous avez accordé court jusqu'au {} : sans \
                 livraison d'ici là, vous pourrez résoudre le contrat.",
                date_fr(*ends)
            ),
            DispatchError::AlreadyDelivered { .. } => {
                "Votre commande vous a été livrée : le contrat ne peut plus être résolu pour \
                 retard de livraison."
                    .to_owned()
            }
            DispatchError::NoExtraDelay { .. } => {
                "Le délai supplémentaire de votre mise en demeure doit se terminer après le \
                 jour de son envoi."
                    .to_owned()
            }
            DispatchError::RiskPassed { .. } => {
                "Ce colis vous avait été remis : il voyageait alors à vos risques. Contactez \
                 le service client."
                    .to_owned()
            }
            DispatchError::MoreUnitsThanCarried { .. } | DispatchError::NotMissing { .. } => {
                "Ce colis ne contenait pas ce produit en cette quantité : contactez le service \
                 client."
                    .to_owned()
            }
            DispatchError::InvalidParcelId { .. } => {
                "Ce numéro de suivi n'est pas valide.".to_owned()
            }
            DispatchError::InvalidIncident { .. }
            | DispatchError::EventBeforeValidation { .. }
            | DispatchError::EventBeforePrevious { .. }
            | DispatchError::OrderTerminated { .. }
            | DispatchError::UnknownLine { .. }
            | DispatchError::LineCancelled { .. }
            | DispatchError::MoreUnitsThanPending { .. }
            | DispatchError::NothingUnavailable { .. }
            | DispatchError::NothingAwaitingRestock { .. }
            | DispatchError::RestockBeforeChoice { .. }
            | DispatchError::UnknownParcel { .. }
            | DispatchError::DuplicateParcel { .. }
            | DispatchError::EmptyParcel { .. }
            | DispatchError::DuplicateParcelLine { .. }
            | DispatchError::TrackingOutOfOrder { .. }
            | DispatchError::WrongServiceEvent { .. }
            | DispatchError::NotLost { .. }
            | DispatchError::ParcelNotReceived { .. }
            | DispatchError::UnknownClaim { .. }
            | DispatchError::ClaimSettled { .. }
            | DispatchError::UnknownIncident { .. }
            | DispatchError::AgreedDateBeforeContract { .. }
            | DispatchError::FormalNoticeBeforeDeadline { .. }
            | DispatchError::TerminationOfAnotherOrder { .. } => {
                "Le suivi de cette commande est incohérent : contactez le service client."
                    .to_owned()
            }
        }
    }
}
