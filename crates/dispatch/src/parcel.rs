//! Parcels and their tracking (DISP-5, SHIP-2): what each carries, where it is, and when the
//! customer took possession of it.

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_promo::{LineRef, Quantity};

use crate::DispatchError;

/// A parcel's identifier: the carrier's tracking number (La Poste's, for Colissimo and
/// Pickup), also the shop's proof of shipment.
///
/// 1 to [`ParcelId::MAX_LEN`] ASCII letters, digits or hyphens once trimmed; letters are
/// kept as given, so `6A12345678901` and `6a12345678901` are two parcels.
///
/// # Example
///
/// ```
/// use comptoir_dispatch::ParcelId;
///
/// let id: ParcelId = " 6A12345678901 ".parse()?;
/// assert_eq!(id.as_str(), "6A12345678901");
/// assert!("6A 123".parse::<ParcelId>().is_err());
/// assert!("".parse::<ParcelId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct ParcelId(String);

impl ParcelId {
    /// The longest identifier accepted.
    pub const MAX_LEN: usize = 40;

    /// The identifier `id`, trimmed.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidParcelId`] for an empty identifier, one longer than
    /// [`ParcelId::MAX_LEN`] or holding anything but ASCII letters, digits and hyphens.
    pub fn new(id: &str) -> Result<ParcelId, DispatchError> {
        let trimmed = id.trim();
        if trimmed.is_empty()
            || trimmed.len() > ParcelId::MAX_LEN
            || !trimmed
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(DispatchError::InvalidParcelId {
                input: id.to_owned(),
            });
        }
        Ok(ParcelId(trimmed.to_owned()))
    }

    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ParcelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl core::str::FromStr for ParcelId {
    type Err = DispatchError;

    /// As [`ParcelId::new`].
    ///
    /// # Errors
    ///
    /// As [`ParcelId::new`].
    fn from_str(s: &str) -> Result<ParcelId, DispatchError> {
        ParcelId::new(s)
    }
}

impl TryFrom<String> for ParcelId {
    type Error = DispatchError;

    fn try_from(s: String) -> Result<ParcelId, DispatchError> {
        ParcelId::new(&s)
    }
}

impl From<ParcelId> for String {
    fn from(id: ParcelId) -> String {
        id.0
    }
}

/// What the carrier's tracking says happened to a parcel (SHIP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TrackingKind {
    /// Handed to the carrier: the parcel has left the warehouse (DISP-3, PAY-3).
    Dispatched,
    /// Colissimo: left in the customer's letterbox, no signature asked. The customer has it.
    DeliveredToLetterbox,
    /// Colissimo: handed over at the customer's workplace, to the person the customer chose
    /// to receive it. The customer has it.
    DeliveredAtWorkplace,
    /// Colissimo, rarely: held at a post office, where only the addressee with an identity
    /// document may collect it.
    HeldAtPostOffice,
    /// Pickup: arrived at the relay point, waiting for the customer.
    ArrivedAtRelayPoint,
    /// Collected by the customer at the post office or relay point.
    Collected,
    /// Lost or stolen on the way, before the customer took possession of it: the shop's risk
    /// (L216-4).
    Lost,
}

impl TrackingKind {
    /// The event as a developer reads it: `collected`.
    pub fn label(self) -> &'static str {
        match self {
            TrackingKind::Dispatched => "dispatched",
            TrackingKind::DeliveredToLetterbox => "delivered to the letterbox",
            TrackingKind::DeliveredAtWorkplace => "delivered at the workplace",
            TrackingKind::HeldAtPostOffice => "held at a post office",
            TrackingKind::ArrivedAtRelayPoint => "arrived at the relay point",
            TrackingKind::Collected => "collected",
            TrackingKind::Lost => "lost",
        }
    }
}

impl fmt::Display for TrackingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One tracking event: what happened, and when.
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::{TrackingEvent, TrackingKind};
///
/// let event = TrackingEvent::new(TrackingKind::HeldAtPostOffice, &Paris::at(2026, 6, 4, 11, 20, 0)?);
/// assert_eq!(event.kind(), TrackingKind::HeldAtPostOffice);
/// assert_eq!(event.at().to_rfc3339(), "2026-06-04T09:20:00+00:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TrackingEvent {
    kind: TrackingKind,
    at: DateTime<Utc>,
}

impl TrackingEvent {
    /// `kind` at the instant `at`, in any time zone.
    pub fn new<Tz: TimeZone>(kind: TrackingKind, at: &DateTime<Tz>) -> TrackingEvent {
        TrackingEvent {
            kind,
            at: at.with_timezone(&Utc),
        }
    }

    /// What happened.
    pub fn kind(&self) -> TrackingKind {
        self.kind
    }

    /// When.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// Where a parcel was left for the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DropPoint {
    /// The customer's letterbox (Colissimo).
    Letterbox,
    /// The customer's workplace (Colissimo).
    Workplace,
    /// A post office, for the addressee with an identity document (Colissimo).
    PostOffice,
    /// A La Poste relay point (Pickup).
    RelayPoint,
}

/// Where a parcel stands (SHIP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "state"))]
pub enum ParcelState {
    /// Packed, not handed to the carrier yet.
    Packed,
    /// On its way.
    InTransit {
        /// When it left.
        dispatched_at: DateTime<Utc>,
    },
    /// Waiting at a post office or relay point for the customer.
    AwaitingCollection {
        /// When it left.
        dispatched_at: DateTime<Utc>,
        /// Where it waits.
        at: DropPoint,
        /// When it arrived there.
        arrived_at: DateTime<Utc>,
    },
    /// In the customer's possession: left in the letterbox or at work, or collected.
    Received {
        /// When it left.
        dispatched_at: DateTime<Utc>,
        /// Where it was left.
        at: DropPoint,
        /// When the carrier brought it there.
        arrived_at: DateTime<Utc>,
        /// When the customer took possession of it: the arrival for a letterbox or a
        /// workplace, the collection for a post office or relay point.
        possession_at: DateTime<Utc>,
    },
    /// Lost or stolen before the customer took possession of it (L216-4: the shop's risk).
    Lost {
        /// When it left, if it had.
        dispatched_at: Option<DateTime<Utc>>,
        /// When the loss was recorded.
        lost_at: DateTime<Utc>,
    },
}

impl ParcelState {
    /// A short name, for errors: `in transit`.
    pub fn label(&self) -> &'static str {
        match self {
            ParcelState::Packed => "packed",
            ParcelState::InTransit { .. } => "in transit",
            ParcelState::AwaitingCollection { .. } => "awaiting collection",
            ParcelState::Received { .. } => "received",
            ParcelState::Lost { .. } => "lost",
        }
    }
}

/// A parcel's receipt as SHIP-2 reads it: when the carrier brought it, and when the customer
/// took physical possession of it (L216-4, L221-18). The two differ for a parcel held at a
/// post office or a relay point: possession is the day it is collected, not the carrier's
/// arrival scan.
///
/// This is what a withdrawal window counts from: the receipt of the last parcel of an order
/// is the latest `possession_at` of its parcels ([`Fulfilment::receipts`]).
///
/// [`Fulfilment::receipts`]: crate::Fulfilment::receipts
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParcelReceipt {
    parcel: ParcelId,
    at: DropPoint,
    arrived_at: DateTime<Utc>,
    possession_at: Option<DateTime<Utc>>,
}

impl ParcelReceipt {
    /// The parcel.
    pub fn parcel(&self) -> &ParcelId {
        &self.parcel
    }

    /// Where it was left.
    pub fn drop_point(&self) -> DropPoint {
        self.at
    }

    /// The carrier's arrival: in the letterbox, at work, at the post office or relay point.
    pub fn arrived_at(&self) -> DateTime<Utc> {
        self.arrived_at
    }

    /// When the customer took physical possession: the arrival for a letterbox or a
    /// workplace, the collection for a post office or relay point; `None` while it waits to
    /// be collected.
    pub fn possession_at(&self) -> Option<DateTime<Utc>> {
        self.possession_at
    }
}

/// A parcel of an order: what it carries, its tracking, where it stands (DISP-5, SHIP-2).
///
/// Parcels are made and moved by a [`Fulfilment`](crate::Fulfilment), which checks every
/// event against the order; this type only reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Parcel {
    id: ParcelId,
    contents: Vec<(LineRef, Quantity)>,
    /// Units of the contents that never reached the customer as ordered (a wrong product, an
    /// item missing from the parcel, the whole parcel lost and settled).
    voided: Vec<(LineRef, u32)>,
    tracking: Vec<TrackingEvent>,
    state: ParcelState,
    /// True once a loss is settled (re-shipped or refunded).
    settled: bool,
}

impl Parcel {
    pub(crate) fn packed(id: ParcelId, contents: Vec<(LineRef, Quantity)>) -> Parcel {
        Parcel {
            id,
            contents,
            voided: Vec::new(),
            tracking: Vec::new(),
            state: ParcelState::Packed,
            settled: false,
        }
    }

    /// Its identifier (the tracking number).
    pub fn id(&self) -> &ParcelId {
        &self.id
    }

    /// The lines it was packed with, and their units.
    pub fn contents(&self) -> &[(LineRef, Quantity)] {
        &self.contents
    }

    /// The units of `line` it was packed with.
    pub fn carried(&self, line: &LineRef) -> u32 {
        self.contents
            .iter()
            .find(|(l, _)| l == line)
            .map_or(0, |(_, q)| q.get())
    }

    /// The units of `line` it carries that count as delivered or on their way: those packed,
    /// less those that never reached the customer as ordered (wrong, missing, lost and
    /// settled).
    pub fn effective(&self, line: &LineRef) -> u32 {
        self.carried(line).saturating_sub(self.voided_units(line))
    }

    pub(crate) fn voided_units(&self, line: &LineRef) -> u32 {
        self.voided
            .iter()
            .find(|(l, _)| l == line)
            .map_or(0, |(_, n)| *n)
    }

    pub(crate) fn void(&mut self, line: &LineRef, units: u32) {
        match self.voided.iter_mut().find(|(l, _)| l == line) {
            Some((_, n)) => *n = n.saturating_add(units),
            None => self.voided.push((line.clone(), units)),
        }
    }

    /// The lines it carries with their effective units, those above zero.
    pub(crate) fn effective_contents(&self) -> impl Iterator<Item = (&LineRef, u32)> {
        self.contents
            .iter()
            .map(|(l, _)| (l, self.effective(l)))
            .filter(|(_, n)| *n > 0)
    }

    /// Its tracking events, oldest first.
    pub fn tracking(&self) -> &[TrackingEvent] {
        &self.tracking
    }

    /// Where it stands.
    pub fn state(&self) -> ParcelState {
        self.state
    }

    /// When it left the warehouse, if it has.
    pub fn dispatched_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            ParcelState::Packed => None,
            ParcelState::InTransit { dispatched_at }
            | ParcelState::AwaitingCollection { dispatched_at, .. }
            | ParcelState::Received { dispatched_at, .. } => Some(dispatched_at),
            ParcelState::Lost { dispatched_at, .. } => dispatched_at,
        }
    }

    /// When the carrier brought it to the letterbox, the workplace, the post office or the
    /// relay point, if it has.
    pub fn arrived_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            ParcelState::AwaitingCollection { arrived_at, .. }
            | ParcelState::Received { arrived_at, .. } => Some(arrived_at),
            ParcelState::Packed | ParcelState::InTransit { .. } | ParcelState::Lost { .. } => None,
        }
    }

    /// When the customer took physical possession of it (SHIP-2), if they have.
    pub fn possession_at(&self) -> Option<DateTime<Utc>> {
        match self.state {
            ParcelState::Received { possession_at, .. } => Some(possession_at),
            _ => None,
        }
    }

    /// Its receipt (arrival and possession), once the carrier has brought it somewhere.
    pub fn receipt(&self) -> Option<ParcelReceipt> {
        match self.state {
            ParcelState::AwaitingCollection { at, arrived_at, .. } => Some(ParcelReceipt {
                parcel: self.id.clone(),
                at,
                arrived_at,
                possession_at: None,
            }),
            ParcelState::Received {
                at,
                arrived_at,
                possession_at,
                ..
            } => Some(ParcelReceipt {
                parcel: self.id.clone(),
                at,
                arrived_at,
                possession_at: Some(possession_at),
            }),
            _ => None,
        }
    }

    /// True once lost or stolen before the customer had it.
    pub fn is_lost(&self) -> bool {
        matches!(self.state, ParcelState::Lost { .. })
    }

    /// True for a lost parcel whose loss is not settled yet (re-shipped or refunded).
    pub fn is_loss_pending(&self) -> bool {
        self.is_lost() && !self.settled
    }

    pub(crate) fn settle(&mut self) {
        self.settled = true;
    }

    /// Applies a tracking event, checking its order (a parcel is collected only once held,
    /// and after it was dispatched); `pickup` says whether the order goes to a relay point.
    pub(crate) fn track(
        &mut self,
        event: TrackingEvent,
        pickup: bool,
    ) -> Result<(), DispatchError> {
        let out_of_order = || DispatchError::TrackingOutOfOrder {
            parcel: self.id.to_string(),
            event: event.kind.label(),
            state: self.state.label(),
        };
        let at = event.at;
        let next = match (self.state, event.kind) {
            (ParcelState::Packed, TrackingKind::Dispatched) => {
                ParcelState::InTransit { dispatched_at: at }
            }
            (
                ParcelState::InTransit { dispatched_at },
                kind @ (TrackingKind::DeliveredToLetterbox
                | TrackingKind::DeliveredAtWorkplace
                | TrackingKind::HeldAtPostOffice
                | TrackingKind::ArrivedAtRelayPoint),
            ) => {
                let point = match kind {
                    TrackingKind::DeliveredToLetterbox => DropPoint::Letterbox,
                    TrackingKind::DeliveredAtWorkplace => DropPoint::Workplace,
                    TrackingKind::HeldAtPostOffice => DropPoint::PostOffice,
                    _ => DropPoint::RelayPoint,
                };
                // SHIP-1: Pickup parcels go to a relay point, Colissimo ones to the customer or,
                // rarely, a post office.
                if pickup != (point == DropPoint::RelayPoint) {
                    return Err(DispatchError::WrongServiceEvent {
                        parcel: self.id.to_string(),
                        event: kind.label(),
                        service: if pickup { "Pickup" } else { "Colissimo" },
                    });
                }
                match point {
                    DropPoint::Letterbox | DropPoint::Workplace => ParcelState::Received {
                        dispatched_at,
                        at: point,
                        arrived_at: at,
                        possession_at: at,
                    },
                    DropPoint::PostOffice | DropPoint::RelayPoint => {
                        ParcelState::AwaitingCollection {
                            dispatched_at,
                            at: point,
                            arrived_at: at,
                        }
                    }
                }
            }
            (
                ParcelState::AwaitingCollection {
                    dispatched_at,
                    at: point,
                    arrived_at,
                },
                TrackingKind::Collected,
            ) => ParcelState::Received {
                dispatched_at,
                at: point,
                arrived_at,
                possession_at: at,
            },
            (
                ParcelState::InTransit { dispatched_at }
                | ParcelState::AwaitingCollection { dispatched_at, .. },
                TrackingKind::Lost,
            ) => ParcelState::Lost {
                dispatched_at: Some(dispatched_at),
                lost_at: at,
            },
            (ParcelState::Received { .. }, TrackingKind::Lost) => {
                // L216-4: the risk passed to the customer with physical possession.
                return Err(DispatchError::RiskPassed {
                    parcel: self.id.to_string(),
                });
            }
            _ => return Err(out_of_order()),
        };
        self.state = next;
        self.tracking.push(event);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, day, hour, 0, 0).unwrap()
    }

    fn parcel() -> Parcel {
        Parcel::packed(
            ParcelId::new("P1").unwrap(),
            vec![(LineRef::Item("a".parse().unwrap()), Quantity::ONE)],
        )
    }

    // SHIP-2: a parcel held at the post office is received when collected, not when it
    // arrived there.
    #[test]
    fn ship2_held_parcel_is_received_at_collection() {
        let mut p = parcel();
        p.track(
            TrackingEvent::new(TrackingKind::Dispatched, &at(1, 9)),
            false,
        )
        .unwrap();
        p.track(
            TrackingEvent::new(TrackingKind::HeldAtPostOffice, &at(3, 10)),
            false,
        )
        .unwrap();
        assert_eq!(p.arrived_at(), Some(at(3, 10)));
        assert_eq!(p.possession_at(), None);
        p.track(
            TrackingEvent::new(TrackingKind::Collected, &at(5, 16)),
            false,
        )
        .unwrap();
        let receipt = p.receipt().unwrap();
        assert_eq!(receipt.arrived_at(), at(3, 10));
        assert_eq!(receipt.possession_at(), Some(at(5, 16)));
        assert_eq!(receipt.drop_point(), DropPoint::PostOffice);
    }

    // SHIP-2: collected before dispatch, dispatched twice, a relay point for Colissimo: each
    // is a typed error that leaves the parcel as it was.
    #[test]
    fn ship2_events_out_of_order_are_refused() {
        let mut p = parcel();
        let before = p.clone();
        assert_eq!(
            p.track(
                TrackingEvent::new(TrackingKind::Collected, &at(1, 9)),
                false
            ),
            Err(DispatchError::TrackingOutOfOrder {
                parcel: "P1".into(),
                event: "collected",
                state: "packed"
            })
        );
        assert_eq!(p, before);
        p.track(
            TrackingEvent::new(TrackingKind::Dispatched, &at(1, 9)),
            false,
        )
        .unwrap();
        assert!(
            p.track(
                TrackingEvent::new(TrackingKind::Dispatched, &at(1, 10)),
                false
            )
            .is_err()
        );
        assert!(matches!(
            p.track(
                TrackingEvent::new(TrackingKind::ArrivedAtRelayPoint, &at(2, 10)),
                false
            ),
            Err(DispatchError::WrongServiceEvent { .. })
        ));
        assert!(matches!(
            p.track(
                TrackingEvent::new(TrackingKind::DeliveredToLetterbox, &at(2, 10)),
                true
            ),
            Err(DispatchError::WrongServiceEvent { .. })
        ));
    }

    // DISP-5, L216-4: a parcel lost after the customer had it is not the shop's risk.
    #[test]
    fn disp5_loss_after_possession_is_refused() {
        let mut p = parcel();
        p.track(
            TrackingEvent::new(TrackingKind::Dispatched, &at(1, 9)),
            false,
        )
        .unwrap();
        p.track(
            TrackingEvent::new(TrackingKind::DeliveredToLetterbox, &at(2, 9)),
            false,
        )
        .unwrap();
        assert_eq!(
            p.track(TrackingEvent::new(TrackingKind::Lost, &at(3, 9)), false),
            Err(DispatchError::RiskPassed {
                parcel: "P1".into()
            })
        );
    }

    // DISP-5: tracking numbers are checked for their form.
    #[test]
    fn disp5_parcel_ids_are_checked() {
        assert!(ParcelId::new("6A-1234").is_ok());
        for bad in ["", "  ", "6A 12", "colis/1", "é"] {
            assert!(ParcelId::new(bad).is_err(), "{bad:?}");
        }
        assert!(ParcelId::new(&"9".repeat(41)).is_err());
    }
}
