//! An order between its validation and the customer (DISP-4, DISP-5, SHIP-2): unavailable
//! products and the customer's choice, parcels and their tracking, losses, wrong and missing
//! items, incidents.

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::Calendar;
use comptoir_cart::{DeliveryService, Order};
use comptoir_promo::{LineRef, ProductId, Quantity};

use crate::french::{date_fr, line_label};
use crate::{
    DispatchError, DispatchPolicy, DispatchSchedule, Incident, Parcel, ParcelId, ParcelReceipt,
    ParcelState, Termination, TrackingEvent,
};

/// The units of one line and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct LineState {
    line: LineRef,
    product: ProductId,
    ordered: u32,
    /// Found unavailable, awaiting the customer's choice.
    unavailable: u32,
    /// The customer chose to wait for the restock.
    awaiting_restock: u32,
    restock_expected: Option<DateTime<Utc>>,
    /// Cancelled: refunded instead of delivered.
    cancelled: u32,
    /// Wrong or missing from a received parcel, awaiting the customer's choice.
    claimed: u32,
}

/// One line of the order and where its units stand.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineProgress {
    line: LineRef,
    product: ProductId,
    ordered: u32,
    pending: u32,
    unavailable: u32,
    awaiting_restock: u32,
    restock_expected: Option<DateTime<Utc>>,
    cancelled: u32,
    claimed: u32,
    in_parcels: u32,
    received: u32,
}

impl LineProgress {
    /// The line of the order: an item, or the gift an offer added.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// Its product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The units ordered.
    pub fn ordered(&self) -> u32 {
        self.ordered
    }

    /// The units still to pack.
    pub fn pending(&self) -> u32 {
        self.pending
    }

    /// The units found unavailable whose customer has not chosen yet (DISP-4).
    pub fn unavailable(&self) -> u32 {
        self.unavailable
    }

    /// The units waiting for the restock, by the customer's choice (DISP-4).
    pub fn awaiting_restock(&self) -> u32 {
        self.awaiting_restock
    }

    /// When the restock is expected, if the shop said.
    pub fn restock_expected(&self) -> Option<DateTime<Utc>> {
        self.restock_expected
    }

    /// The units cancelled: refunded, never delivered (REF-4).
    pub fn cancelled(&self) -> u32 {
        self.cancelled
    }

    /// The units of an open wrong-item or missing-item claim (DISP-5).
    pub fn claimed(&self) -> u32 {
        self.claimed
    }

    /// The units packed in parcels that count (on their way, delivered or lost and not
    /// settled yet).
    pub fn in_parcels(&self) -> u32 {
        self.in_parcels
    }

    /// The units in the customer's possession.
    pub fn received(&self) -> u32 {
        self.received
    }
}

/// The e-mail a customer gets when products of the order are found unavailable at
/// preparation (DISP-4): what is missing, and the choice between waiting for the restock and
/// a refund of that product.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UnavailabilityNotice {
    line: LineRef,
    product: ProductId,
    units: Quantity,
    reported_at: DateTime<Utc>,
}

impl UnavailabilityNotice {
    /// The line of the order.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// The product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The units unavailable.
    pub fn units(&self) -> Quantity {
        self.units
    }

    /// When the preparation team found them unavailable.
    pub fn reported_at(&self) -> DateTime<Utc> {
        self.reported_at
    }

    /// The e-mail, in French.
    pub fn message_fr(&self) -> String {
        let units = match self.units.get() {
            1 => "1 exemplaire".to_owned(),
            n => format!("{n} exemplaires"),
        };
        format!(
            "Le produit « {} » ({units}) de votre commande est indisponible lors de sa \
             préparation. Vous pouvez patienter jusqu'à son réapprovisionnement, ou demander \
             son remboursement : il vous sera alors remboursé au prix payé, sans que les \
             offres de votre commande soient remises en cause. Les autres produits de votre \
             commande ne sont pas concernés.",
            self.product
        )
    }
}

/// The customer chose to wait for the restock (DISP-4): the units stay in the order, with a
/// new expected dispatch once the stock is back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RestockWait {
    line: LineRef,
    units: u32,
    expected_at: Option<DateTime<Utc>>,
}

impl RestockWait {
    /// The line.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// The units that wait.
    pub fn units(&self) -> u32 {
        self.units
    }

    /// When the stock is expected, if the shop knows.
    pub fn expected_at(&self) -> Option<DateTime<Utc>> {
        self.expected_at
    }

    /// The new dispatch dates of the units that wait (DISP-1..3), counted as for an order
    /// placed when the stock is expected; `None` when that is not known.
    ///
    /// # Errors
    ///
    /// As [`DispatchSchedule::compute`].
    pub fn schedule(
        &self,
        policy: &DispatchPolicy,
        calendar: &Calendar,
    ) -> Result<Option<DispatchSchedule>, DispatchError> {
        self.expected_at
            .map(|at| DispatchSchedule::compute(&at, policy, calendar))
            .transpose()
    }
}

/// Why units of an order were cancelled: refunded instead of delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CancelReason {
    /// Unavailable at preparation, and the customer chose the refund (DISP-4, REF-4).
    Unavailable,
    /// In a parcel lost or stolen before the customer had it, and the customer chose the
    /// refund (DISP-5, L216-4).
    LostParcel,
    /// A wrong product was delivered in their place, and the customer chose the refund
    /// (DISP-5).
    WrongItem,
    /// Missing from a parcel that arrived, and the customer chose the refund (DISP-5,
    /// L216-4).
    MissingFromParcel,
    /// The customer terminated the contract for late delivery (L216-6).
    Termination,
}

/// Units an event cancelled: what the refund engine refunds at their net paid amount
/// (REF-4), and what the debit leaves out (PAY-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CancelledUnits {
    reason: CancelReason,
    units: Vec<(LineRef, Quantity)>,
    at: DateTime<Utc>,
}

impl CancelledUnits {
    /// Why they were cancelled.
    pub fn reason(&self) -> CancelReason {
        self.reason
    }

    /// The lines and their units cancelled, gift lines included.
    pub fn units(&self) -> &[(LineRef, Quantity)] {
        &self.units
    }

    /// When.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

/// What the customer chooses when an item does not arrive as ordered: a lost parcel, a wrong
/// product, an item missing from a parcel (DISP-5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Resolution {
    /// Send the ordered items again, in a new parcel with this identifier.
    Reship(ParcelId),
    /// Refund them.
    Refund,
}

/// How a loss or a claim was settled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Settlement {
    /// Sent again in this new parcel, packed with the same items.
    Reshipped(ParcelId),
    /// Refunded: the units are cancelled.
    Refunded(CancelledUnits),
}

/// A claim's number within its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ClaimId(u32);

impl ClaimId {
    /// The claim numbered `number` (from 0, in the order claims were made).
    pub const fn new(number: u32) -> ClaimId {
        ClaimId(number)
    }

    /// Its number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a claim is about (DISP-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ClaimKind {
    /// Another product arrived in place of the ordered one.
    WrongItem,
    /// The item was packed in the parcel but not in it on arrival: lost or stolen from a
    /// badly sealed parcel before the customer had it (L216-4).
    MissingFromParcel,
}

/// A customer's claim about a parcel that arrived (DISP-5): a wrong product, or an item
/// missing from it.
///
/// Neither is a withdrawal: the shop takes a wrong product back at its own cost, then sends
/// the ordered item again or refunds it as the customer chooses; the ordered item is only
/// received when the customer has it, so the claim uses up none of the withdrawal period.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Claim {
    id: ClaimId,
    kind: ClaimKind,
    parcel: ParcelId,
    line: LineRef,
    product: ProductId,
    units: Quantity,
    reported_at: DateTime<Utc>,
    settlement: Option<Settlement>,
}

impl Claim {
    /// Its number within the order.
    pub fn id(&self) -> ClaimId {
        self.id
    }

    /// Wrong or missing.
    pub fn kind(&self) -> ClaimKind {
        self.kind
    }

    /// The parcel it is about.
    pub fn parcel(&self) -> &ParcelId {
        &self.parcel
    }

    /// The line of the order not delivered as ordered.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// The units concerned.
    pub fn units(&self) -> Quantity {
        self.units
    }

    /// When the customer reported it.
    pub fn reported_at(&self) -> DateTime<Utc> {
        self.reported_at
    }

    /// How it was settled, once the customer chose.
    pub fn settlement(&self) -> Option<&Settlement> {
        self.settlement.as_ref()
    }

    /// What the customer is told when the claim is recorded, in French.
    pub fn message_fr(&self) -> String {
        match self.kind {
            ClaimKind::WrongItem => format!(
                "Nous sommes désolés : vous avez reçu un autre produit que « {} ». Nous le \
                 reprenons à nos frais, puis nous vous envoyons le produit commandé ou vous le \
                 remboursons, selon votre choix. Ce retour n'est pas une rétractation et ne \
                 réduit pas votre délai de rétractation.",
                self.product
            ),
            ClaimKind::MissingFromParcel => format!(
                "Nous sommes désolés : « {} » manquait dans votre colis {}. Jusqu'à sa \
                 réception, le produit voyage à nos risques : nous vous le renvoyons ou vous le \
                 remboursons, selon votre choix.",
                self.product, self.parcel
            ),
        }
    }
}

/// Where a missing item is, when the customer reports it missing from a parcel that arrived
/// (DISP-5: "commande incomplète").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MissingItem {
    /// Not in this parcel: packed in another one not received yet, or still to be packed.
    AnotherParcel {
        /// The parcels on their way that carry it.
        parcels: Vec<ParcelId>,
        /// Its units not packed yet.
        not_packed: u32,
    },
    /// Unavailable at preparation (DISP-4): the customer's choice is awaited, the restock is
    /// awaited, or it was refunded.
    Unavailable {
        /// Units awaiting the customer's choice.
        awaiting_choice: u32,
        /// Units waiting for the restock.
        awaiting_restock: u32,
        /// Units cancelled and refunded.
        cancelled: u32,
    },
    /// It was packed in this parcel and is not in it: lost or stolen from a badly sealed
    /// parcel, the shop's risk until the customer had it (L216-4). A claim is open: re-ship
    /// or refund.
    LostFromParcel(ClaimId),
}

impl MissingItem {
    /// What the customer is told, in French.
    pub fn message_fr(&self) -> String {
        match self {
            MissingItem::AnotherParcel { parcels, .. } if !parcels.is_empty() => {
                "Votre commande a été préparée en plusieurs colis : ce produit se trouve dans un \
                 autre colis, encore en cours de livraison."
                    .to_owned()
            }
            MissingItem::AnotherParcel { .. } => {
                "Ce produit sera expédié dans un autre colis, encore à venir.".to_owned()
            }
            MissingItem::Unavailable {
                awaiting_choice, ..
            } if *awaiting_choice > 0 => "Ce produit était indisponible lors de la préparation \
                 de votre commande : choisissez entre patienter jusqu'à son réapprovisionnement \
                 et son remboursement."
                .to_owned(),
            MissingItem::Unavailable {
                awaiting_restock, ..
            } if *awaiting_restock > 0 => "Ce produit était indisponible lors de la préparation \
                 de votre commande : il vous sera expédié dès son réapprovisionnement."
                .to_owned(),
            MissingItem::Unavailable { .. } => "Ce produit était indisponible lors de la \
                 préparation de votre commande : il vous a été remboursé."
                .to_owned(),
            MissingItem::LostFromParcel(_) => "Ce produit manquait dans votre colis : nous vous \
                 le renvoyons ou vous le remboursons, selon votre choix."
                .to_owned(),
        }
    }
}

/// An incident's number within its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct IncidentId(u32);

impl IncidentId {
    /// The incident numbered `number` (from 0, in the order incidents were reported).
    pub const fn new(number: u32) -> IncidentId {
        IncidentId(number)
    }

    /// Its number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for IncidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RecordedIncident {
    incident: Incident,
    resolved_at: Option<DateTime<Utc>>,
}

/// Where an order stands for its customer (DISP-5, SHIP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "progress"))]
pub enum Progress {
    /// Nothing has left the warehouse yet.
    InPreparation,
    /// Parcels are on their way, none received yet.
    OnTheWay {
        /// The parcels on their way.
        parcels: usize,
    },
    /// Some parcels were received and another is still to come: the customer can be told.
    PartlyReceived {
        /// The parcels received.
        received: usize,
        /// The units not received yet (on their way, to pack, awaited).
        units_to_come: u32,
    },
    /// Every unit not cancelled is in the customer's possession.
    Received {
        /// When the last one was (SHIP-2: physical possession).
        at: DateTime<Utc>,
    },
    /// Every unit was cancelled: nothing will be delivered.
    Cancelled,
}

impl Progress {
    /// What the customer is told, in French.
    pub fn message_fr(&self) -> String {
        match self {
            Progress::InPreparation => "Votre commande est en cours de préparation.".to_owned(),
            Progress::OnTheWay { parcels: 1 } => "Votre commande a été expédiée.".to_owned(),
            Progress::OnTheWay { parcels } => {
                format!("Votre commande a été expédiée en {parcels} colis.")
            }
            Progress::PartlyReceived { .. } => "Une partie de votre commande vous a été \
                 livrée : un autre colis est encore à venir."
                .to_owned(),
            Progress::Received { at } => match comptoir_calendar::clock::paris_date(at) {
                Ok(day) => format!("Votre commande vous a été livrée le {}.", date_fr(day)),
                Err(_) => "Votre commande vous a été livrée.".to_owned(),
            },
            Progress::Cancelled => {
                "Les produits de votre commande ont été annulés : ils vous sont remboursés."
                    .to_owned()
            }
        }
    }
}

/// An order from its validation to the customer's hands: the state of every unit, the
/// parcels and their tracking, incidents and claims (DISP-4, DISP-5, SHIP-2).
///
/// A back office keeps one per order, next to the order and its refund ledger, and records
/// each event as it happens: a product found unavailable and the customer's choice, a parcel
/// packed, a tracking event, a loss and how it is settled, a wrong or missing item, an
/// incident. Every event is checked against the order and what happened before: an event
/// earlier than the previous one, a parcel collected before it was dispatched, more units
/// than the line still has, an incident on a cancelled line... each is a typed
/// [`DispatchError`] and leaves the fulfilment exactly as it was.
///
/// Units are conserved: for every line, the units pending, unavailable, waiting for the
/// restock, cancelled, claimed and in parcels always add up to the units ordered, and a unit
/// is carried by one parcel at a time.
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::Paris;
/// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// use comptoir_dispatch::{Fulfilment, Progress, TrackingEvent, TrackingKind};
/// use comptoir_promo::{Catalogue, EvaluationContext, Line, LineRef, Quantity};
///
/// let validated_at = Paris::at(2026, 6, 1, 10, 0, 0)?;
/// let (catalogue, context) = (Catalogue::default(), EvaluationContext::new(validated_at));
/// let terms = Terms::new(&catalogue, &context);
/// let mut cart = Cart::new();
/// cart.add_line(Line::new("tea".parse()?, "the-vert".parse()?, "8.50".parse()?, Quantity::new(2)?)?, &terms)?;
/// cart.add_line(Line::new("cup".parse()?, "tasse".parse()?, "12.00".parse()?, Quantity::ONE)?, &terms)?;
/// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
/// let order = cart.validate(CustomerId::new(42), &terms)?;
///
/// let mut fulfilment = Fulfilment::new(&order);
/// let (tea, cup) = (LineRef::Item("tea".parse()?), LineRef::Item("cup".parse()?));
/// let at = |d, h| Paris::at(2026, 6, d, h, 0, 0);
/// fulfilment.pack("P1".parse()?, [(tea, Quantity::new(2)?)], &at(2, 9)?)?;
/// fulfilment.pack("P2".parse()?, [(cup, Quantity::ONE)], &at(2, 9)?)?;
/// for parcel in ["P1", "P2"] {
///     fulfilment.track(&parcel.parse()?, TrackingEvent::new(TrackingKind::Dispatched, &at(2, 15)?))?;
/// }
/// fulfilment.track(&"P1".parse()?, TrackingEvent::new(TrackingKind::ArrivedAtRelayPoint, &at(4, 10)?))?;
/// fulfilment.track(&"P1".parse()?, TrackingEvent::new(TrackingKind::Collected, &at(5, 18)?))?;
/// assert_eq!(
///     fulfilment.progress().message_fr(),
///     "Une partie de votre commande vous a été livrée : un autre colis est encore à venir."
/// );
/// // Collecting the second parcel before it arrived is refused, and changes nothing.
/// let before = fulfilment.clone();
/// assert!(fulfilment.track(&"P2".parse()?, TrackingEvent::new(TrackingKind::Collected, &at(6, 9)?)).is_err());
/// assert_eq!(fulfilment, before);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fulfilment {
    validated_at: DateTime<Utc>,
    pickup: bool,
    lines: Vec<LineState>,
    parcels: Vec<Parcel>,
    incidents: Vec<RecordedIncident>,
    claims: Vec<Claim>,
    last_event_at: DateTime<Utc>,
    shipped_in_full_at: Option<DateTime<Utc>>,
    terminated_at: Option<DateTime<Utc>>,
}

impl Fulfilment {
    /// The fulfilment of `order`, just validated: every unit of every line (gift lines
    /// included, they ship too) waits to be packed.
    pub fn new(order: &Order) -> Fulfilment {
        let validated_at = order.validated_at();
        Fulfilment {
            validated_at,
            pickup: order.delivery().service() == DeliveryService::Pickup,
            lines: order
                .evaluated_lines()
                .iter()
                .map(|l| LineState {
                    line: l.line().clone(),
                    product: l.product().clone(),
                    ordered: l.quantity().get(),
                    unavailable: 0,
                    awaiting_restock: 0,
                    restock_expected: None,
                    cancelled: 0,
                    claimed: 0,
                })
                .collect(),
            parcels: Vec::new(),
            incidents: Vec::new(),
            claims: Vec::new(),
            last_event_at: validated_at,
            shipped_in_full_at: None,
            terminated_at: None,
        }
    }

    // ----- Reading -----

    /// The instant the order was validated.
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.validated_at
    }

    /// Every line and where its units stand, in the order's order.
    pub fn lines(&self) -> impl Iterator<Item = LineProgress> + '_ {
        self.lines.iter().map(|l| self.progress_of(l))
    }

    /// Where the units of `line` stand; `None` for a line not in the order.
    pub fn line(&self, line: &LineRef) -> Option<LineProgress> {
        self.lines
            .iter()
            .find(|l| &l.line == line)
            .map(|l| self.progress_of(l))
    }

    fn progress_of(&self, l: &LineState) -> LineProgress {
        let in_parcels = self.in_parcels(&l.line);
        LineProgress {
            line: l.line.clone(),
            product: l.product.clone(),
            ordered: l.ordered,
            pending: pending(l, in_parcels),
            unavailable: l.unavailable,
            awaiting_restock: l.awaiting_restock,
            restock_expected: l.restock_expected,
            cancelled: l.cancelled,
            claimed: l.claimed,
            in_parcels,
            received: self
                .parcels
                .iter()
                .filter(|p| p.possession_at().is_some())
                .map(|p| p.effective(&l.line))
                .sum(),
        }
    }

    fn in_parcels(&self, line: &LineRef) -> u32 {
        self.parcels.iter().map(|p| p.effective(line)).sum()
    }

    /// The parcels, in the order they were packed.
    pub fn parcels(&self) -> &[Parcel] {
        &self.parcels
    }

    /// The parcel `id`.
    pub fn parcel(&self, id: &ParcelId) -> Option<&Parcel> {
        self.parcels.iter().find(|p| p.id() == id)
    }

    /// The claims about wrong or missing items, in the order they were made.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The incidents not resolved yet (DISP-4).
    pub fn open_incidents(&self) -> impl Iterator<Item = (IncidentId, &Incident)> {
        self.incidents
            .iter()
            .zip(0u32..)
            .filter(|(r, _)| r.resolved_at.is_none())
            .map(|(r, i)| (IncidentId(i), &r.incident))
    }

    /// The receipts of the parcels the carrier has brought and that carry items of the order
    /// (a parcel whose only contents were a wrong product does not count), in packing order:
    /// the carrier's arrival and the customer's physical possession of each (SHIP-2). A
    /// withdrawal period counts from the latest possession.
    pub fn receipts(&self) -> Vec<ParcelReceipt> {
        self.parcels
            .iter()
            .filter(|p| p.effective_contents().next().is_some())
            .filter_map(Parcel::receipt)
            .collect()
    }

    /// The instant every unit not cancelled was in the customer's possession: the delivery of
    /// the order (L216-1: transfer of physical possession). `None` while a unit is still to
    /// come, and for an order whose every unit was cancelled.
    pub fn received_at(&self) -> Option<DateTime<Utc>> {
        if self.terminated_at.is_some() {
            return None;
        }
        let mut last = None;
        for l in &self.lines {
            let in_parcels = self.in_parcels(&l.line);
            if pending(l, in_parcels) > 0
                || l.unavailable > 0
                || l.awaiting_restock > 0
                || l.claimed > 0
            {
                return None;
            }
        }
        for p in &self.parcels {
            if p.effective_contents().next().is_none() {
                continue;
            }
            let possession = p.possession_at()?;
            last = last.max(Some(possession));
        }
        last
    }

    /// The instant the order had shipped in full: every unit not cancelled had left the
    /// warehouse. PAY-3 debits the order then ("à l'expédition du produit"), for what it
    /// holds then; a unit cancelled before is never debited. `None` until then, and for an
    /// order whose every unit was cancelled.
    pub fn shipped_in_full_at(&self) -> Option<DateTime<Utc>> {
        self.shipped_in_full_at
    }

    /// The instant the contract was terminated for late delivery (L216-6), if it was.
    pub fn terminated_at(&self) -> Option<DateTime<Utc>> {
        self.terminated_at
    }

    /// Where the order stands for its customer.
    pub fn progress(&self) -> Progress {
        if self.terminated_at.is_some() || self.lines.iter().all(|l| l.cancelled == l.ordered) {
            return Progress::Cancelled;
        }
        if let Some(at) = self.received_at() {
            return Progress::Received { at };
        }
        let received = self
            .parcels
            .iter()
            .filter(|p| p.possession_at().is_some() && p.effective_contents().next().is_some())
            .count();
        if received > 0 {
            let units_to_come = self
                .lines()
                .map(|l| {
                    l.ordered
                        .saturating_sub(l.cancelled)
                        .saturating_sub(l.received)
                })
                .sum();
            return Progress::PartlyReceived {
                received,
                units_to_come,
            };
        }
        let on_the_way = self
            .parcels
            .iter()
            .filter(|p| {
                matches!(
                    p.state(),
                    ParcelState::InTransit { .. } | ParcelState::AwaitingCollection { .. }
                )
            })
            .count();
        if on_the_way > 0 {
            Progress::OnTheWay {
                parcels: on_the_way,
            }
        } else {
            Progress::InPreparation
        }
    }

    // ----- Events -----

    /// Runs `event` on a copy and keeps it only if it succeeded, so a refused event changes
    /// nothing; records `at` as the last event's instant.
    fn apply<T>(
        &mut self,
        at: DateTime<Utc>,
        event: impl FnOnce(&mut Fulfilment) -> Result<T, DispatchError>,
    ) -> Result<T, DispatchError> {
        self.check_time(at)?;
        let mut next = self.clone();
        let out = event(&mut next)?;
        next.last_event_at = at;
        if next.shipped_in_full_at.is_none() && next.has_shipped_in_full() {
            next.shipped_in_full_at = Some(at);
        }
        *self = next;
        Ok(out)
    }

    /// The checks every event passes: the contract stands, and the event is neither before
    /// the order nor before the previous event.
    fn check_time(&self, at: DateTime<Utc>) -> Result<(), DispatchError> {
        if let Some(terminated_at) = self.terminated_at {
            return Err(DispatchError::OrderTerminated { terminated_at });
        }
        if at < self.validated_at {
            return Err(DispatchError::EventBeforeValidation {
                at,
                validated_at: self.validated_at,
            });
        }
        if at < self.last_event_at {
            return Err(DispatchError::EventBeforePrevious {
                at,
                previous: self.last_event_at,
            });
        }
        Ok(())
    }

    fn has_shipped_in_full(&self) -> bool {
        let all_out = self.lines.iter().all(|l| {
            pending(l, self.in_parcels(&l.line)) == 0
                && l.unavailable == 0
                && l.awaiting_restock == 0
        });
        let packed_left = self
            .parcels
            .iter()
            .filter(|p| p.effective_contents().next().is_some())
            .all(|p| p.dispatched_at().is_some());
        let something_left = self
            .parcels
            .iter()
            .any(|p| p.dispatched_at().is_some() && p.effective_contents().next().is_some());
        all_out && packed_left && something_left
    }

    fn line_mut(&mut self, line: &LineRef) -> Result<&mut LineState, DispatchError> {
        self.lines
            .iter_mut()
            .find(|l| &l.line == line)
            .ok_or_else(|| DispatchError::UnknownLine {
                line: line_label(line),
            })
    }

    fn parcel_index(&self, id: &ParcelId) -> Result<usize, DispatchError> {
        self.parcels
            .iter()
            .position(|p| p.id() == id)
            .ok_or_else(|| DispatchError::UnknownParcel {
                parcel: id.to_string(),
            })
    }

    /// `units` of `line`, found unavailable at preparation at `at` (DISP-4), and the e-mail
    /// the customer gets. The units wait for the customer's choice:
    /// [`wait_for_restock`](Fulfilment::wait_for_restock) or
    /// [`refund_unavailable`](Fulfilment::refund_unavailable).
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownLine`], [`DispatchError::LineCancelled`] for a line cancelled
    /// in full, [`DispatchError::MoreUnitsThanPending`] for more units than are still to pack,
    /// and the errors of every event ([`DispatchError::EventBeforePrevious`],
    /// [`DispatchError::EventBeforeValidation`], [`DispatchError::OrderTerminated`]).
    pub fn report_unavailable<Tz: TimeZone>(
        &mut self,
        line: &LineRef,
        units: Quantity,
        at: &DateTime<Tz>,
    ) -> Result<UnavailabilityNotice, DispatchError> {
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            let in_parcels = f.in_parcels(line);
            let state = f.line_mut(line)?;
            check_not_cancelled(state)?;
            let pending = pending(state, in_parcels);
            if units.get() > pending {
                return Err(DispatchError::MoreUnitsThanPending {
                    line: line_label(line),
                    asked: units.get(),
                    pending,
                });
            }
            state.unavailable = add_units(state.unavailable, units.get());
            Ok(UnavailabilityNotice {
                line: line.clone(),
                product: state.product.clone(),
                units,
                reported_at: at,
            })
        })
    }

    /// The customer chose at `at` to wait for the restock of the unavailable units of `line`
    /// (DISP-4), expected at `expected_at` when the shop knows: the units stay in the order
    /// and get a new expected dispatch ([`RestockWait::schedule`]).
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownLine`], [`DispatchError::NothingUnavailable`] when no unit of
    /// the line awaits a choice, [`DispatchError::RestockBeforeChoice`] for a restock
    /// expected before the choice, and the errors of every event.
    pub fn wait_for_restock<Tz: TimeZone>(
        &mut self,
        line: &LineRef,
        expected_at: Option<DateTime<Utc>>,
        at: &DateTime<Tz>,
    ) -> Result<RestockWait, DispatchError> {
        let at = at.with_timezone(&Utc);
        if let Some(expected) = expected_at
            && expected < at
        {
            return Err(DispatchError::RestockBeforeChoice {
                expected,
                chosen_at: at,
            });
        }
        self.apply(at, |f| {
            let state = f.line_mut(line)?;
            if state.unavailable == 0 {
                return Err(DispatchError::NothingUnavailable {
                    line: line_label(line),
                });
            }
            state.awaiting_restock = add_units(state.awaiting_restock, state.unavailable);
            state.unavailable = 0;
            state.restock_expected = expected_at;
            Ok(RestockWait {
                line: line.clone(),
                units: state.awaiting_restock,
                expected_at,
            })
        })
    }

    /// The stock of `line` is back at `at`: the units that waited are to pack again.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownLine`], [`DispatchError::NothingAwaitingRestock`] when no unit
    /// of the line waits, and the errors of every event.
    pub fn restocked<Tz: TimeZone>(
        &mut self,
        line: &LineRef,
        at: &DateTime<Tz>,
    ) -> Result<u32, DispatchError> {
        self.apply(at.with_timezone(&Utc), |f| {
            let state = f.line_mut(line)?;
            if state.awaiting_restock == 0 {
                return Err(DispatchError::NothingAwaitingRestock {
                    line: line_label(line),
                });
            }
            let units = state.awaiting_restock;
            state.awaiting_restock = 0;
            state.restock_expected = None;
            Ok(units)
        })
    }

    /// The customer chose at `at` the refund of the unavailable units of `line`, those
    /// awaiting a choice and those waiting for the restock (DISP-4, REF-4): they are
    /// cancelled, to refund at their net paid amount and to leave out of the debit.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownLine`], [`DispatchError::NothingUnavailable`] when no unit of
    /// the line is unavailable, and the errors of every event.
    pub fn refund_unavailable<Tz: TimeZone>(
        &mut self,
        line: &LineRef,
        at: &DateTime<Tz>,
    ) -> Result<CancelledUnits, DispatchError> {
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            let state = f.line_mut(line)?;
            let units = add_units(state.unavailable, state.awaiting_restock);
            let Ok(quantity) = Quantity::new(units) else {
                return Err(DispatchError::NothingUnavailable {
                    line: line_label(line),
                });
            };
            state.unavailable = 0;
            state.awaiting_restock = 0;
            state.restock_expected = None;
            state.cancelled = add_units(state.cancelled, units);
            Ok(CancelledUnits {
                reason: CancelReason::Unavailable,
                units: vec![(line.clone(), quantity)],
                at,
            })
        })
    }

    /// Packs the parcel `id` with `contents` at `at`: the order now expects it (DISP-5).
    ///
    /// # Errors
    ///
    /// [`DispatchError::DuplicateParcel`] for an identifier already used,
    /// [`DispatchError::EmptyParcel`] without contents, [`DispatchError::DuplicateParcelLine`]
    /// for a line given twice, [`DispatchError::UnknownLine`], [`DispatchError::LineCancelled`]
    /// and [`DispatchError::MoreUnitsThanPending`] for more units than the line has to pack,
    /// and the errors of every event.
    pub fn pack<Tz: TimeZone>(
        &mut self,
        id: ParcelId,
        contents: impl IntoIterator<Item = (LineRef, Quantity)>,
        at: &DateTime<Tz>,
    ) -> Result<&Parcel, DispatchError> {
        let contents: Vec<(LineRef, Quantity)> = contents.into_iter().collect();
        self.apply(at.with_timezone(&Utc), |f| f.add_parcel(id, contents))?;
        self.parcels.last().ok_or(DispatchError::EmptyParcel {
            parcel: String::new(),
        })
    }

    fn add_parcel(
        &mut self,
        id: ParcelId,
        contents: Vec<(LineRef, Quantity)>,
    ) -> Result<(), DispatchError> {
        if self.parcel(&id).is_some() {
            return Err(DispatchError::DuplicateParcel {
                parcel: id.to_string(),
            });
        }
        if contents.is_empty() {
            return Err(DispatchError::EmptyParcel {
                parcel: id.to_string(),
            });
        }
        for (i, (line, units)) in contents.iter().enumerate() {
            if contents.iter().take(i).any(|(l, _)| l == line) {
                return Err(DispatchError::DuplicateParcelLine {
                    parcel: id.to_string(),
                    line: line_label(line),
                });
            }
            let in_parcels = self.in_parcels(line);
            let state = self.line_mut(line)?;
            check_not_cancelled(state)?;
            let pending = pending(state, in_parcels);
            if units.get() > pending {
                return Err(DispatchError::MoreUnitsThanPending {
                    line: line_label(line),
                    asked: units.get(),
                    pending,
                });
            }
        }
        self.parcels.push(Parcel::packed(id, contents));
        Ok(())
    }

    /// Records a tracking event of the parcel `id` (SHIP-2): dispatched, delivered to the
    /// letterbox or at work, held at a post office or a relay point, collected, lost.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownParcel`]; [`DispatchError::TrackingOutOfOrder`] for an event
    /// the parcel's state does not allow (collected before it was held or dispatched,
    /// dispatched twice...); [`DispatchError::WrongServiceEvent`] for a relay point on a
    /// Colissimo order or a letterbox on a Pickup one; [`DispatchError::RiskPassed`] for a
    /// loss after the customer had the parcel (L216-4); and the errors of every event.
    pub fn track(&mut self, id: &ParcelId, event: TrackingEvent) -> Result<&Parcel, DispatchError> {
        let index = self.parcel_index(id)?;
        let pickup = self.pickup;
        self.apply(event.at(), |f| match f.parcels.get_mut(index) {
            Some(parcel) => parcel.track(event, pickup),
            None => Err(DispatchError::UnknownParcel {
                parcel: id.to_string(),
            }),
        })?;
        self.parcels
            .get(index)
            .ok_or_else(|| DispatchError::UnknownParcel {
                parcel: id.to_string(),
            })
    }

    /// Settles the loss of parcel `id` at `at` as the customer chose (DISP-5, L216-4: lost or
    /// stolen before the customer had it, the loss is the shop's): its items are sent again
    /// in a new parcel, or refunded.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownParcel`], [`DispatchError::NotLost`] for a parcel not lost or
    /// whose loss is settled, [`DispatchError::DuplicateParcel`] for a new parcel whose
    /// identifier is taken, and the errors of every event.
    pub fn settle_loss<Tz: TimeZone>(
        &mut self,
        id: &ParcelId,
        resolution: Resolution,
        at: &DateTime<Tz>,
    ) -> Result<Settlement, DispatchError> {
        let index = self.parcel_index(id)?;
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            let parcel = f
                .parcels
                .get_mut(index)
                .ok_or_else(|| DispatchError::UnknownParcel {
                    parcel: id.to_string(),
                })?;
            if !parcel.is_loss_pending() {
                return Err(DispatchError::NotLost {
                    parcel: id.to_string(),
                });
            }
            let units: Vec<(LineRef, u32)> = parcel
                .effective_contents()
                .map(|(l, n)| (l.clone(), n))
                .collect();
            for (line, n) in &units {
                parcel.void(line, *n);
            }
            parcel.settle();
            f.settle_units(units, resolution, CancelReason::LostParcel, at)
        })
    }

    /// Sends `units` again in a new parcel, or cancels them.
    fn settle_units(
        &mut self,
        units: Vec<(LineRef, u32)>,
        resolution: Resolution,
        reason: CancelReason,
        at: DateTime<Utc>,
    ) -> Result<Settlement, DispatchError> {
        let units: Vec<(LineRef, Quantity)> = units
            .into_iter()
            .filter_map(|(l, n)| Quantity::new(n).ok().map(|q| (l, q)))
            .collect();
        match resolution {
            Resolution::Reship(new) => {
                self.add_parcel(new.clone(), units)?;
                Ok(Settlement::Reshipped(new))
            }
            Resolution::Refund => {
                for (line, q) in &units {
                    let state = self.line_mut(line)?;
                    state.cancelled = add_units(state.cancelled, q.get());
                }
                Ok(Settlement::Refunded(CancelledUnits { reason, units, at }))
            }
        }
    }

    /// The customer reports at `at` that `units` of `line` in parcel `id` are another
    /// product (DISP-5): the shop takes it back at its own cost, and the ordered item waits
    /// for the customer's choice ([`settle_claim`](Fulfilment::settle_claim)). This is not a
    /// withdrawal: the ordered item is not received until the customer has it.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownParcel`], [`DispatchError::ParcelNotReceived`] for a parcel
    /// the customer does not have, [`DispatchError::UnknownLine`],
    /// [`DispatchError::MoreUnitsThanCarried`] for more units than the parcel carried, and the
    /// errors of every event.
    pub fn report_wrong_item<Tz: TimeZone>(
        &mut self,
        id: &ParcelId,
        line: &LineRef,
        units: Quantity,
        at: &DateTime<Tz>,
    ) -> Result<&Claim, DispatchError> {
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            f.open_claim(id, line, units, ClaimKind::WrongItem, at)
        })?;
        self.claims
            .last()
            .ok_or(DispatchError::UnknownClaim { claim: 0 })
    }

    fn open_claim(
        &mut self,
        id: &ParcelId,
        line: &LineRef,
        units: Quantity,
        kind: ClaimKind,
        at: DateTime<Utc>,
    ) -> Result<ClaimId, DispatchError> {
        let index = self.parcel_index(id)?;
        let product = self
            .lines
            .iter()
            .find(|l| &l.line == line)
            .map(|l| l.product.clone())
            .ok_or_else(|| DispatchError::UnknownLine {
                line: line_label(line),
            })?;
        let parcel = self
            .parcels
            .get_mut(index)
            .ok_or_else(|| DispatchError::UnknownParcel {
                parcel: id.to_string(),
            })?;
        if parcel.possession_at().is_none() {
            return Err(DispatchError::ParcelNotReceived {
                parcel: id.to_string(),
                state: parcel.state().label(),
            });
        }
        let carried = parcel.effective(line);
        if units.get() > carried {
            return Err(DispatchError::MoreUnitsThanCarried {
                parcel: id.to_string(),
                line: line_label(line),
                asked: units.get(),
                carried,
            });
        }
        parcel.void(line, units.get());
        let state = self.line_mut(line)?;
        state.claimed = add_units(state.claimed, units.get());
        let claim = ClaimId(u32::try_from(self.claims.len()).unwrap_or(u32::MAX));
        self.claims.push(Claim {
            id: claim,
            kind,
            parcel: id.clone(),
            line: line.clone(),
            product,
            units,
            reported_at: at,
            settlement: None,
        });
        Ok(claim)
    }

    /// The customer reports at `at` that `units` of `line` are missing from parcel `id`
    /// (DISP-5), and the answer says where they are: in another parcel or still to pack,
    /// unavailable (DISP-4), or lost from this parcel, for which a claim is opened (the
    /// shop's risk until the customer had it, L216-4).
    ///
    /// Only the last case changes the fulfilment.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownParcel`], [`DispatchError::ParcelNotReceived`],
    /// [`DispatchError::UnknownLine`], [`DispatchError::MoreUnitsThanCarried`] when the
    /// parcel carried some but fewer units, [`DispatchError::NotMissing`] when every unit of
    /// the line was received in other parcels, and the errors of every event.
    pub fn report_missing<Tz: TimeZone>(
        &mut self,
        id: &ParcelId,
        line: &LineRef,
        units: Quantity,
        at: &DateTime<Tz>,
    ) -> Result<MissingItem, DispatchError> {
        let at = at.with_timezone(&Utc);
        let parcel = self
            .parcel(id)
            .ok_or_else(|| DispatchError::UnknownParcel {
                parcel: id.to_string(),
            })?;
        let carried = parcel.effective(line);
        if carried > 0 {
            let claim = self.apply(at, |f| {
                f.open_claim(id, line, units, ClaimKind::MissingFromParcel, at)
            })?;
            return Ok(MissingItem::LostFromParcel(claim));
        }
        // Not packed in this parcel: say where it is, changing nothing. The checks of an
        // event still apply, so that a report out of order is refused the same way.
        self.check_time(at)?;
        let f = &*self;
        {
            let parcel = f.parcel(id).ok_or_else(|| DispatchError::UnknownParcel {
                parcel: id.to_string(),
            })?;
            if parcel.possession_at().is_none() {
                return Err(DispatchError::ParcelNotReceived {
                    parcel: id.to_string(),
                    state: parcel.state().label(),
                });
            }
            let progress = f.line(line).ok_or_else(|| DispatchError::UnknownLine {
                line: line_label(line),
            })?;
            let parcels: Vec<ParcelId> = f
                .parcels
                .iter()
                .filter(|p| p.possession_at().is_none() && !p.is_lost() && p.effective(line) > 0)
                .map(|p| p.id().clone())
                .collect();
            if !parcels.is_empty() || progress.pending > 0 {
                return Ok(MissingItem::AnotherParcel {
                    parcels,
                    not_packed: progress.pending,
                });
            }
            if progress.unavailable > 0 || progress.awaiting_restock > 0 || progress.cancelled > 0 {
                return Ok(MissingItem::Unavailable {
                    awaiting_choice: progress.unavailable,
                    awaiting_restock: progress.awaiting_restock,
                    cancelled: progress.cancelled,
                });
            }
            Err(DispatchError::NotMissing {
                line: line_label(line),
                parcel: id.to_string(),
            })
        }
    }

    /// Settles claim `claim` at `at` as the customer chose: the ordered item sent again in a
    /// new parcel, or refunded (DISP-5).
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownClaim`], [`DispatchError::ClaimSettled`] for a claim already
    /// settled, [`DispatchError::DuplicateParcel`] for a new parcel whose identifier is
    /// taken, and the errors of every event.
    pub fn settle_claim<Tz: TimeZone>(
        &mut self,
        claim: ClaimId,
        resolution: Resolution,
        at: &DateTime<Tz>,
    ) -> Result<Settlement, DispatchError> {
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            let index = usize::try_from(claim.0).unwrap_or(usize::MAX);
            let found = f
                .claims
                .get(index)
                .ok_or(DispatchError::UnknownClaim { claim: claim.0 })?;
            if found.settlement.is_some() {
                return Err(DispatchError::ClaimSettled { claim: claim.0 });
            }
            let (line, units, kind) = (found.line.clone(), found.units, found.kind);
            let state = f.line_mut(&line)?;
            state.claimed = state.claimed.saturating_sub(units.get());
            let reason = match kind {
                ClaimKind::WrongItem => CancelReason::WrongItem,
                ClaimKind::MissingFromParcel => CancelReason::MissingFromParcel,
            };
            let settlement = f.settle_units(vec![(line, units.get())], resolution, reason, at)?;
            if let Some(c) = f.claims.get_mut(index) {
                c.settlement = Some(settlement.clone());
            }
            Ok(settlement)
        })
    }

    /// Records an anomaly or a technical incident (DISP-4), at the instant it was reported.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownLine`] and [`DispatchError::LineCancelled`] for a line it
    /// concerns that is not in the order or is cancelled in full, and the errors of every
    /// event.
    pub fn report_incident(&mut self, incident: Incident) -> Result<IncidentId, DispatchError> {
        self.apply(incident.reported_at(), |f| {
            for line in incident.lines() {
                check_not_cancelled(f.line_mut(line)?)?;
            }
            let id = IncidentId(u32::try_from(f.incidents.len()).unwrap_or(u32::MAX));
            f.incidents.push(RecordedIncident {
                incident,
                resolved_at: None,
            });
            Ok(id)
        })
    }

    /// The incident `id` is resolved at `at`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::UnknownIncident`] for an incident not recorded or already resolved,
    /// and the errors of every event.
    pub fn resolve_incident<Tz: TimeZone>(
        &mut self,
        id: IncidentId,
        at: &DateTime<Tz>,
    ) -> Result<(), DispatchError> {
        let at = at.with_timezone(&Utc);
        self.apply(at, |f| {
            match f
                .incidents
                .get_mut(usize::try_from(id.0).unwrap_or(usize::MAX))
            {
                Some(r) if r.resolved_at.is_none() => {
                    r.resolved_at = Some(at);
                    Ok(())
                }
                _ => Err(DispatchError::UnknownIncident { incident: id.0 }),
            }
        })
    }

    /// Records the customer's termination of the contract for late delivery (L216-6): every
    /// unit not cancelled yet is cancelled, the shop refunds everything paid (L216-7), and
    /// the fulfilment takes no further event. Goods the customer received go back to the
    /// shop, at its cost.
    ///
    /// # Errors
    ///
    /// [`DispatchError::AlreadyDelivered`] when every unit was in the customer's possession
    /// before the termination took effect ("à moins que le professionnel ne se soit exécuté
    /// entre-temps"), [`DispatchError::TerminationOfAnotherOrder`] for a termination of an
    /// order validated at another instant, and the errors of every event.
    pub fn terminate(
        &mut self,
        termination: &Termination,
    ) -> Result<CancelledUnits, DispatchError> {
        let at = termination.terminated_at();
        if termination.validated_at() != self.validated_at {
            return Err(DispatchError::TerminationOfAnotherOrder {
                termination: termination.validated_at(),
                order: self.validated_at,
            });
        }
        if let Some(received) = self.received_at()
            && received <= at
        {
            return Err(DispatchError::AlreadyDelivered {
                delivered_at: received,
            });
        }
        let cancelled = self.apply(at, |f| {
            let mut units = Vec::new();
            for parcel in &mut f.parcels {
                let contents: Vec<(LineRef, u32)> = parcel
                    .effective_contents()
                    .map(|(l, n)| (l.clone(), n))
                    .collect();
                for (line, n) in contents {
                    parcel.void(&line, n);
                }
            }
            for l in &mut f.lines {
                let n = l.ordered.saturating_sub(l.cancelled);
                l.unavailable = 0;
                l.awaiting_restock = 0;
                l.restock_expected = None;
                l.claimed = 0;
                l.cancelled = l.ordered;
                if let Ok(q) = Quantity::new(n) {
                    units.push((l.line.clone(), q));
                }
            }
            Ok(CancelledUnits {
                reason: CancelReason::Termination,
                units,
                at,
            })
        })?;
        self.terminated_at = Some(at);
        Ok(cancelled)
    }
}

/// The units of a line still to pack.
/// Units of one line moving into a state. A line's units in every state (unavailable,
/// awaiting the restock, cancelled, claimed, in parcels) add up to its ordered count, a
/// `u32`, and each step moves at most the units the state it takes them from holds.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "bounded by the line's ordered count, a u32, as said above"
)]
fn add_units(held: u32, more: u32) -> u32 {
    held + more
}

fn pending(l: &LineState, in_parcels: u32) -> u32 {
    l.ordered
        .saturating_sub(l.unavailable)
        .saturating_sub(l.awaiting_restock)
        .saturating_sub(l.cancelled)
        .saturating_sub(l.claimed)
        .saturating_sub(in_parcels)
}

fn check_not_cancelled(l: &LineState) -> Result<(), DispatchError> {
    if l.cancelled == l.ordered {
        return Err(DispatchError::LineCancelled {
            line: line_label(&l.line),
        });
    }
    Ok(())
}
