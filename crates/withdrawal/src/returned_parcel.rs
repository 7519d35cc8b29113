//! Returned parcels that nobody announced or that nobody can identify (RET-3).
//!
//! The FAQ: "Le retour de votre produit s'effectue dans le cadre d'une rétractation de votre
//! commande ou en accord avec notre service client. Si vous n'êtes pas concerné par ces
//! conditions, votre colis ne pourra être traité, voire sera détruit sans aucun recours", and
//! "Si le formulaire est absent et qu'aucune autre information n'est visible sur votre colis
//! retour, notre équipe ne pourra pas déterminer qu'il s'agit de votre envoi", with the advice
//! to give customer service the tracking number or "un maximum de caractéristiques
//! physiques : carton, enveloppe-bulle, autocollant, type de timbre".
//!
//! # Matching, in this order
//!
//! 1. **Exact references.** The order number written on the parcel (or its form) and the
//!    carrier's tracking number (the proof of shipment the customer holds, REF-2) are compared
//!    with each candidate's, after the normalisation of [`OrderNumber`]. A reference that
//!    names exactly one candidate identifies the parcel; two references naming two different
//!    candidates, or one reference shared by two candidates, is reported as ambiguous.
//! 2. **Description.** Failing that, the parcel's description is scored against each
//!    candidate's ([`DescriptionScore`]): 3 points per product found in both, 2 when the
//!    packaging is the same kind, 1 per mark (sticker, stamp, writing) described alike. The
//!    best candidate is a *probable* match when it reaches [`ParcelPolicy::min_description_score`]
//!    and scores strictly more than every other; a tie at the top is ambiguous.
//!
//! A description never identifies a parcel on its own: a probable match is held until the
//! customer confirms it, and an ambiguous one names every candidate to contact. Nothing is
//! ever guessed silently.
//!
//! # Why a parcel is never destroyed without notice
//!
//! The FAQ's "voire sera détruit sans aucun recours" cannot be the default:
//!
//! - the parcel and what it holds belong to the customer; a term that lets the shop destroy
//!   them with no remedy removes the customer's right to compensation for the shop's own
//!   failing, which C. conso R212-1 6° presumes abusive without proof to the contrary, and
//!   which L241-1 and L212-1 make void;
//! - a parcel without its form may be a valid withdrawal return: the form is optional and any
//!   unambiguous statement, made before or after, is a notice (L221-21, RET-2), so the goods
//!   may be exactly what the shop owes a refund against.
//!
//! So an unmatched parcel is held and recorded ([`ParcelDecision::Hold`]), every candidate is
//! contacted, and [`Disposal`] allows disposing of a parcel only when the shop's policy
//! provides for it, the sender was notified, and the notice period has passed: never for a
//! parcel whose sender nobody could tell.
//!
//! # Parcels outside a withdrawal or an agreement
//!
//! A parcel identified with an order for which no withdrawal was notified and nothing was
//! agreed with customer service is not handled as a withdrawal ([`ParcelDecision::SendBack`]):
//! the customer is told, and the parcel goes back at the customer's cost, unless the customer
//! then notifies a withdrawal within its period or agrees a return with customer service (the
//! caller then updates the candidate and decides again). Goods brought by hand to the
//! premises are not taken in ("Nos locaux ne sont pas publics ; par conséquent, nous
//! n'acceptons pas la remise en main propre"): the customer is asked to post them.

use core::fmt;
use core::str::FromStr;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::{Calendar, CalendarDays, Period, Roll, clock};
use comptoir_promo::ProductId;

use crate::WithdrawalError;

/// The longest reference accepted, after normalisation: carriers' numbers stay well below it
/// (a Colissimo number has 13 characters, an international one up to 35).
const MAX_REFERENCE_LEN: usize = 40;

/// Spaces, hyphens, dots, slashes and underscores are dropped and letters upper-cased: people
/// copy references with the separators of the label or the e-mail they read them from.
fn normalise_reference(what: &'static str, text: &str) -> Result<Arc<str>, WithdrawalError> {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '_') && !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let invalid = |reason| WithdrawalError::InvalidParcelReference {
        what,
        value: text.to_owned(),
        reason,
    };
    if kept.is_empty() {
        return Err(invalid("nothing but separators"));
    }
    if !kept.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(invalid("only letters and digits are allowed"));
    }
    if kept.len() > MAX_REFERENCE_LEN {
        return Err(invalid("longer than 40 characters"));
    }
    Ok(Arc::from(kept))
}

macro_rules! parcel_reference {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
        pub struct $name(Arc<str>);

        impl $name {
            #[doc = concat!("The ", $what, " `text`, normalised: letters upper-cased; spaces, ")]
            /// hyphens, dots, slashes and underscores removed.
            ///
            /// # Errors
            ///
            /// [`WithdrawalError::InvalidParcelReference`] when nothing is left, when a character
            /// other than an ASCII letter or digit remains, or when more than 40 remain.
            pub fn new(text: impl AsRef<str>) -> Result<Self, WithdrawalError> {
                normalise_reference($what, text.as_ref()).map($name)
            }

            /// The normalised reference.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = WithdrawalError;

            fn from_str(s: &str) -> Result<Self, WithdrawalError> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = WithdrawalError;

            fn try_from(s: String) -> Result<Self, WithdrawalError> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(reference: $name) -> String {
                reference.0.as_ref().to_owned()
            }
        }
    };
}

parcel_reference!(
    /// An order number as written on a returned parcel, its form, or given by the customer
    /// (RET-3).
    ///
    /// Compared after normalisation, so that `"cmd-2026/0042"` and `"CMD20260042"` are the
    /// same order; `Display` writes the normalised form and `FromStr` reads it back.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_withdrawal::OrderNumber;
    ///
    /// let typed: OrderNumber = "cmd-2026/0042".parse()?;
    /// assert_eq!(typed, OrderNumber::new("CMD 2026 0042")?);
    /// assert_eq!(typed.to_string(), "CMD20260042");
    /// assert!(OrderNumber::new(" - ").is_err());
    /// assert!(OrderNumber::new("n°42").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    OrderNumber,
    "order number"
);

parcel_reference!(
    /// A carrier's tracking number: for a returned parcel, the proof of shipment the customer
    /// holds (REF-2, L221-24), read off the label or given by the customer (RET-3).
    ///
    /// Compared after normalisation, as [`OrderNumber`] is.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_withdrawal::TrackingNumber;
    ///
    /// let label: TrackingNumber = "6a 123 456 789 01".parse()?;
    /// assert_eq!(label.as_str(), "6A12345678901");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TrackingNumber,
    "tracking number"
);

/// The kind of packaging a parcel came in, as the FAQ lists what to describe ("carton,
/// enveloppe-bulle...").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Packaging {
    /// A cardboard box ("carton").
    Box,
    /// A padded envelope ("enveloppe à bulles").
    PaddedEnvelope,
    /// A plain envelope.
    Envelope,
    /// A plastic mailing bag.
    Bag,
    /// Anything else (a tube, a reused bag...).
    Other,
}

impl Packaging {
    /// Every kind, in declaration order.
    pub const ALL: [Packaging; 5] = [
        Packaging::Box,
        Packaging::PaddedEnvelope,
        Packaging::Envelope,
        Packaging::Bag,
        Packaging::Other,
    ];

    /// The French noun, as the back office shows it.
    pub fn label_fr(self) -> &'static str {
        match self {
            Packaging::Box => "carton",
            Packaging::PaddedEnvelope => "enveloppe à bulles",
            Packaging::Envelope => "enveloppe",
            Packaging::Bag => "sachet d'expédition",
            Packaging::Other => "autre emballage",
        }
    }
}

/// What a returned parcel looks like and holds, or what a customer said of the parcel they
/// sent (RET-3): the packaging, its marks (stickers, stamps, writing) and the products inside.
///
/// Marks are compared whole, after trimming, lower-casing and collapsing inner spaces:
/// `"Timbre  Marianne"` and `"timbre marianne"` are the same mark; `"timbre"` is another one.
/// Whole marks rather than single words keep common words ("rouge", "grand") from matching
/// unrelated parcels.
///
/// # Example
///
/// ```
/// use comptoir_withdrawal::{Packaging, ParcelDescription};
///
/// let seen = ParcelDescription::new(
///     Some(Packaging::PaddedEnvelope),
///     ["Autocollant  licorne", "timbre Marianne"],
///     ["theiere-fonte".parse()?],
/// )?;
/// let told = ParcelDescription::new(Some(Packaging::PaddedEnvelope), ["autocollant licorne"], [])?;
/// let score = seen.score(&told);
/// assert_eq!((score.products(), score.same_packaging(), score.marks()), (0, true, 1));
/// assert_eq!(score.points(), 3);
/// assert!(ParcelDescription::new(None, ["  "], []).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DescriptionData", into = "DescriptionData")
)]
pub struct ParcelDescription {
    packaging: Option<Packaging>,
    marks: Vec<String>,
    products: Vec<ProductId>,
}

impl ParcelDescription {
    /// A description: the packaging if known, the marks seen, the products inside. Marks and
    /// products are kept once each, sorted.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::BlankParcelMark`] for a mark with nothing but spaces.
    pub fn new<M: AsRef<str>>(
        packaging: Option<Packaging>,
        marks: impl IntoIterator<Item = M>,
        products: impl IntoIterator<Item = ProductId>,
    ) -> Result<ParcelDescription, WithdrawalError> {
        let mut normalised = Vec::new();
        for mark in marks {
            let words: Vec<String> = mark
                .as_ref()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            if words.is_empty() {
                return Err(WithdrawalError::BlankParcelMark);
            }
            normalised.push(words.join(" "));
        }
        normalised.sort_unstable();
        normalised.dedup();
        let mut products: Vec<ProductId> = products.into_iter().collect();
        products.sort_unstable();
        products.dedup();
        Ok(ParcelDescription {
            packaging,
            marks: normalised,
            products,
        })
    }

    /// A description of its products only: what an order holds, before its customer says
    /// anything about the parcel.
    pub fn of_products(products: impl IntoIterator<Item = ProductId>) -> ParcelDescription {
        let mut products: Vec<ProductId> = products.into_iter().collect();
        products.sort_unstable();
        products.dedup();
        ParcelDescription {
            packaging: None,
            marks: Vec::new(),
            products,
        }
    }

    /// The packaging, when known.
    pub fn packaging(&self) -> Option<Packaging> {
        self.packaging
    }

    /// The marks, normalised and sorted.
    pub fn marks(&self) -> &[String] {
        &self.marks
    }

    /// The products, sorted.
    pub fn products(&self) -> &[ProductId] {
        &self.products
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.packaging.is_none() && self.marks.is_empty() && self.products.is_empty()
    }

    /// How much this description and `other` have in common. Symmetric.
    pub fn score(&self, other: &ParcelDescription) -> DescriptionScore {
        DescriptionScore {
            products: count_common(&self.products, &other.products),
            same_packaging: self.packaging.is_some() && self.packaging == other.packaging,
            marks: count_common(&self.marks, &other.marks),
        }
    }
}

/// Elements two sorted, deduplicated slices share.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "each index stays below its slice's length, which fits in usize"
)]
fn count_common<T: Ord>(a: &[T], b: &[T]) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0u32);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            core::cmp::Ordering::Less => i += 1,
            core::cmp::Ordering::Greater => j += 1,
            core::cmp::Ordering::Equal => {
                n = n.saturating_add(1);
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptionData {
    #[serde(default)]
    packaging: Option<Packaging>,
    #[serde(default)]
    marks: Vec<String>,
    #[serde(default)]
    products: Vec<ProductId>,
}

#[cfg(feature = "serde")]
impl TryFrom<DescriptionData> for ParcelDescription {
    type Error = WithdrawalError;

    fn try_from(d: DescriptionData) -> Result<ParcelDescription, WithdrawalError> {
        ParcelDescription::new(d.packaging, d.marks, d.products)
    }
}

#[cfg(feature = "serde")]
impl From<ParcelDescription> for DescriptionData {
    fn from(d: ParcelDescription) -> DescriptionData {
        DescriptionData {
            packaging: d.packaging,
            marks: d.marks,
            products: d.products,
        }
    }
}

/// What two descriptions share (RET-3): the products found in both, whether the packaging is
/// the same kind, the marks described alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DescriptionScore {
    products: u32,
    same_packaging: bool,
    marks: u32,
}

impl DescriptionScore {
    /// Products found in both.
    pub fn products(self) -> u32 {
        self.products
    }

    /// True when both name the same kind of packaging.
    pub fn same_packaging(self) -> bool {
        self.same_packaging
    }

    /// Marks described alike.
    pub fn marks(self) -> u32 {
        self.marks
    }

    /// The points: 3 per product, 2 for the packaging, 1 per mark. A product is the strongest
    /// sign because it comes from the order itself; packaging and marks come from memory.
    pub fn points(self) -> u32 {
        self.products
            .saturating_mul(3)
            .saturating_add(if self.same_packaging { 2 } else { 0 })
            .saturating_add(self.marks)
    }
}

impl fmt::Display for DescriptionScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} points ({} products, packaging {}, {} marks)",
            self.points(),
            self.products,
            if self.same_packaging {
                "alike"
            } else {
                "not alike"
            },
            self.marks
        )
    }
}

/// How a returned parcel reached the shop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Arrival {
    /// Delivered by a carrier or the post.
    Carrier,
    /// Brought by hand to the premises, which the shop does not accept (RET-3).
    ByHand,
}

/// A parcel that came back to the shop, with what can be read on it and seen inside (RET-3).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_withdrawal::{
///     OrderNumber, ParcelDecision, ParcelPolicy, ReturnCandidate, ReturnGround, ReturnedParcel,
/// };
///
/// let at = Utc.with_ymd_and_hms(2026, 6, 15, 9, 30, 0).single().ok_or("instant")?;
/// let parcel = ReturnedParcel::by_carrier(&at).with_order_number("cmd-42".parse()?);
/// let candidates = [ReturnCandidate::new("CMD42".parse()?, ReturnGround::Withdrawal)];
/// let decision = ParcelDecision::compute(&parcel, &candidates, &ParcelPolicy::default())?;
/// assert_eq!(decision, ParcelDecision::ProcessWithdrawal { order: OrderNumber::new("CMD42")? });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ReturnedParcel {
    received_at: DateTime<Utc>,
    arrival: Arrival,
    #[cfg_attr(feature = "serde", serde(default))]
    order_number: Option<OrderNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    tracking: Option<TrackingNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    description: ParcelDescription,
}

impl ReturnedParcel {
    /// A parcel a carrier delivered at `received_at`, nothing read on it yet.
    pub fn by_carrier<Tz: TimeZone>(received_at: &DateTime<Tz>) -> ReturnedParcel {
        ReturnedParcel::arrived(received_at, Arrival::Carrier)
    }

    /// Goods brought by hand to the premises at `received_at` (refused, RET-3).
    pub fn by_hand<Tz: TimeZone>(received_at: &DateTime<Tz>) -> ReturnedParcel {
        ReturnedParcel::arrived(received_at, Arrival::ByHand)
    }

    fn arrived<Tz: TimeZone>(received_at: &DateTime<Tz>, arrival: Arrival) -> ReturnedParcel {
        ReturnedParcel {
            received_at: received_at.with_timezone(&Utc),
            arrival,
            order_number: None,
            tracking: None,
            description: ParcelDescription::default(),
        }
    }

    /// The order number written on the parcel or its form.
    pub fn with_order_number(mut self, order: OrderNumber) -> ReturnedParcel {
        self.order_number = Some(order);
        self
    }

    /// The tracking number on the parcel's label.
    pub fn with_tracking(mut self, tracking: TrackingNumber) -> ReturnedParcel {
        self.tracking = Some(tracking);
        self
    }

    /// What the parcel looks like and holds.
    pub fn with_description(mut self, description: ParcelDescription) -> ReturnedParcel {
        self.description = description;
        self
    }

    /// When it reached the shop.
    pub fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }

    /// How it reached the shop.
    pub fn arrival(&self) -> Arrival {
        self.arrival
    }

    /// The order number read on it.
    pub fn order_number(&self) -> Option<&OrderNumber> {
        self.order_number.as_ref()
    }

    /// The tracking number read on it.
    pub fn tracking(&self) -> Option<&TrackingNumber> {
        self.tracking.as_ref()
    }

    /// What it looks like and holds.
    pub fn description(&self) -> &ParcelDescription {
        &self.description
    }
}

/// Why the shop would take a parcel of an order back (RET-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReturnGround {
    /// The customer notified a withdrawal (RET-1, RET-2): the parcel is a withdrawal return.
    Withdrawal,
    /// Customer service agreed the return: after-sales (RET-5), a wrong item (DISP-5)...
    Agreement,
    /// Nothing was notified or agreed: an order the parcel may belong to.
    None,
}

/// An order a returned parcel may belong to, with what the shop knows of it (RET-3): the
/// tracking numbers the customer gave as proofs of shipment (REF-2), and a description (the
/// products of the order, and what the customer said of the parcel when contacting customer
/// service).
///
/// The caller passes the orders to match against: those with a withdrawal or an agreed
/// return under way, and, to identify parcels sent without notice, recent orders.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(from = "CandidateData", into = "CandidateData")
)]
pub struct ReturnCandidate {
    order: OrderNumber,
    ground: ReturnGround,
    #[cfg_attr(feature = "serde", serde(default))]
    tracking: Vec<TrackingNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    description: ParcelDescription,
}

impl ReturnCandidate {
    /// The order `order`, expected back on `ground`.
    pub fn new(order: OrderNumber, ground: ReturnGround) -> ReturnCandidate {
        ReturnCandidate {
            order,
            ground,
            tracking: Vec::new(),
            description: ParcelDescription::default(),
        }
    }

    /// A tracking number the customer gave for the return.
    pub fn with_tracking(mut self, tracking: TrackingNumber) -> ReturnCandidate {
        if !self.tracking.contains(&tracking) {
            self.tracking.push(tracking);
        }
        self
    }

    /// What the parcel should hold and look like.
    pub fn with_description(mut self, description: ParcelDescription) -> ReturnCandidate {
        self.description = description;
        self
    }

    /// The order.
    pub fn order(&self) -> &OrderNumber {
        &self.order
    }

    /// Why it would come back.
    pub fn ground(&self) -> ReturnGround {
        self.ground
    }

    /// The tracking numbers given.
    pub fn tracking(&self) -> &[TrackingNumber] {
        &self.tracking
    }

    /// The expected description.
    pub fn description(&self) -> &ParcelDescription {
        &self.description
    }
}

/// The stored form of a [`ReturnCandidate`]: a tracking number given twice is kept once, as
/// [`ReturnCandidate::with_tracking`] keeps it.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CandidateData {
    order: OrderNumber,
    ground: ReturnGround,
    #[serde(default)]
    tracking: Vec<TrackingNumber>,
    #[serde(default)]
    description: ParcelDescription,
}

#[cfg(feature = "serde")]
impl From<CandidateData> for ReturnCandidate {
    fn from(d: CandidateData) -> ReturnCandidate {
        // What `with_tracking` does one number at a time, in linear time over a long list:
        // the first of equal numbers is kept, in the order given.
        let mut seen = std::collections::BTreeSet::new();
        let mut candidate = ReturnCandidate::new(d.order, d.ground).with_description(d.description);
        candidate.tracking = d
            .tracking
            .into_iter()
            .filter(|t| seen.insert(t.clone()))
            .collect();
        candidate
    }
}

#[cfg(feature = "serde")]
impl From<ReturnCandidate> for CandidateData {
    fn from(c: ReturnCandidate) -> CandidateData {
        CandidateData {
            order: c.order,
            ground: c.ground,
            tracking: c.tracking,
            description: c.description,
        }
    }
}

/// Which exact reference identified a parcel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchKey {
    /// The order number.
    OrderNumber,
    /// The tracking number (the proof of shipment).
    TrackingNumber,
    /// Both, naming the same order.
    Both,
}

/// Why a parcel matches several orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchConflict {
    /// The order number names one order, the tracking number another, or a tracking number
    /// was given for several orders.
    References,
    /// Several orders share the best description score.
    TiedScores,
}

/// Which order a returned parcel belongs to, as far as the shop can tell (RET-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ParcelMatch {
    /// An exact reference names the order.
    Identified {
        /// The order.
        order: OrderNumber,
        /// The reference that names it.
        by: MatchKey,
    },
    /// The description points to one order, which the customer must confirm.
    Probable {
        /// The order.
        order: OrderNumber,
        /// Its score.
        score: DescriptionScore,
        /// The next best score, if another order scored at all.
        runner_up: Option<DescriptionScore>,
    },
    /// Several orders match equally well: every one is named.
    Ambiguous {
        /// The orders, sorted.
        orders: Vec<OrderNumber>,
        /// Why.
        conflict: MatchConflict,
    },
    /// Nothing matches.
    Unidentified,
}

impl ParcelMatch {
    /// Matches `parcel` against `candidates` (the rules in the module's documentation).
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::InvalidPolicy`] for a policy [`ParcelPolicy::validate`] refuses,
    /// [`WithdrawalError::DuplicateReturnCandidate`] when two candidates have the same order
    /// number.
    pub fn compute(
        parcel: &ReturnedParcel,
        candidates: &[ReturnCandidate],
        policy: &ParcelPolicy,
    ) -> Result<ParcelMatch, WithdrawalError> {
        policy.validate()?;
        let mut orders: Vec<&OrderNumber> = candidates.iter().map(|c| &c.order).collect();
        orders.sort_unstable();
        if let Some(pair) = orders.windows(2).find(|p| p.first() == p.get(1))
            && let Some(order) = pair.first()
        {
            return Err(WithdrawalError::DuplicateReturnCandidate {
                order: order.to_string(),
            });
        }

        let by_number = parcel
            .order_number
            .as_ref()
            .and_then(|n| candidates.iter().find(|c| &c.order == n));
        let by_tracking: Vec<&ReturnCandidate> = parcel
            .tracking
            .as_ref()
            .map(|t| {
                candidates
                    .iter()
                    .filter(|c| c.tracking.contains(t))
                    .collect()
            })
            .unwrap_or_default();
        let mut named: Vec<&OrderNumber> = by_number
            .iter()
            .chain(by_tracking.iter())
            .map(|c| &c.order)
            .collect();
        named.sort_unstable();
        named.dedup();
        match named.as_slice() {
            [] => {}
            [order] => {
                let by = match (by_number.is_some(), by_tracking.is_empty()) {
                    (true, false) => MatchKey::Both,
                    (true, true) => MatchKey::OrderNumber,
                    (false, _) => MatchKey::TrackingNumber,
                };
                return Ok(ParcelMatch::Identified {
                    order: (*order).clone(),
                    by,
                });
            }
            several => {
                return Ok(ParcelMatch::Ambiguous {
                    orders: several.iter().map(|o| (*o).clone()).collect(),
                    conflict: MatchConflict::References,
                });
            }
        }

        let mut scored: Vec<(DescriptionScore, &OrderNumber)> = candidates
            .iter()
            .map(|c| (parcel.description.score(&c.description), &c.order))
            .filter(|(s, _)| s.points() >= policy.min_description_score)
            .collect();
        // Best first; among equals, by order number so that the result never depends on the
        // order the candidates came in.
        scored.sort_by(|a, b| b.0.points().cmp(&a.0.points()).then(a.1.cmp(b.1)));
        let Some(&(best, order)) = scored.first() else {
            return Ok(ParcelMatch::Unidentified);
        };
        let tied: Vec<OrderNumber> = scored
            .iter()
            .take_while(|(s, _)| s.points() == best.points())
            .map(|(_, o)| (*o).clone())
            .collect();
        if tied.len() > 1 {
            return Ok(ParcelMatch::Ambiguous {
                orders: tied,
                conflict: MatchConflict::TiedScores,
            });
        }
        Ok(ParcelMatch::Probable {
            order: order.clone(),
            score: best,
            runner_up: scored.get(1).map(|(s, _)| *s),
        })
    }

    /// The order, when exactly one is named (identified or probable).
    pub fn order(&self) -> Option<&OrderNumber> {
        match self {
            ParcelMatch::Identified { order, .. } | ParcelMatch::Probable { order, .. } => {
                Some(order)
            }
            ParcelMatch::Ambiguous { .. } | ParcelMatch::Unidentified => None,
        }
    }

    /// True when an exact reference names the order.
    pub fn is_identified(&self) -> bool {
        matches!(self, ParcelMatch::Identified { .. })
    }
}

/// The shop's settings for returned parcels (RET-3).
///
/// Default: a description identifies nothing below 3 points (a product, or the packaging and
/// a mark), and no parcel is ever disposed of.
///
/// # Example
///
/// ```
/// use comptoir_withdrawal::ParcelPolicy;
///
/// let policy = ParcelPolicy::default();
/// assert_eq!(policy.min_description_score, 3);
/// assert_eq!(policy.disposal_after_notice, None);
/// assert!(ParcelPolicy { min_description_score: 0, ..policy }.validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ParcelPolicyData", into = "ParcelPolicyData")
)]
pub struct ParcelPolicy {
    /// The points ([`DescriptionScore::points`]) a description needs to point to an order.
    pub min_description_score: u32,
    /// How long after notifying the sender a held parcel may be disposed of; `None`: never.
    /// No statute fixes a length; the notice is what the law requires (see the module's
    /// documentation).
    pub disposal_after_notice: Option<CalendarDays>,
}

impl Default for ParcelPolicy {
    fn default() -> Self {
        ParcelPolicy {
            min_description_score: 3,
            disposal_after_notice: None,
        }
    }
}

impl ParcelPolicy {
    /// Checks the policy.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::InvalidPolicy`] when the minimum score is 0 (every order would match
    /// an empty description) or the notice period is zero days (the sender would have no time
    /// to answer).
    pub fn validate(&self) -> Result<(), WithdrawalError> {
        if self.min_description_score == 0 {
            return Err(WithdrawalError::InvalidPolicy {
                reason: "a minimum description score of 0 matches every order",
            });
        }
        if self.disposal_after_notice == Some(CalendarDays::ZERO) {
            return Err(WithdrawalError::InvalidPolicy {
                reason: "a parcel cannot be disposed of on the day its sender is notified",
            });
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ParcelPolicyData {
    min_description_score: u32,
    #[serde(default)]
    disposal_after_notice: Option<CalendarDays>,
}

#[cfg(feature = "serde")]
impl TryFrom<ParcelPolicyData> for ParcelPolicy {
    type Error = WithdrawalError;

    fn try_from(d: ParcelPolicyData) -> Result<ParcelPolicy, WithdrawalError> {
        let policy = ParcelPolicy {
            min_description_score: d.min_description_score,
            disposal_after_notice: d.disposal_after_notice,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<ParcelPolicy> for ParcelPolicyData {
    fn from(p: ParcelPolicy) -> ParcelPolicyData {
        ParcelPolicyData {
            min_description_score: p.min_description_score,
            disposal_after_notice: p.disposal_after_notice,
        }
    }
}

/// What the shop does with a returned parcel (RET-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ParcelDecision {
    /// Goods brought by hand: not taken in; the customer is asked to post them.
    RefuseHandDelivery,
    /// A withdrawal return: inspect it (RET-2) and refund it (REF-1, REF-2), the goods being
    /// back from [`ReturnedParcel::received_at`].
    ProcessWithdrawal {
        /// The order.
        order: OrderNumber,
    },
    /// A return agreed with customer service: handle it as agreed.
    ProcessAgreedReturn {
        /// The order.
        order: OrderNumber,
    },
    /// Neither a withdrawal nor agreed: not handled as a withdrawal; the customer is told,
    /// and the parcel goes back at the customer's cost.
    SendBack {
        /// The order.
        order: OrderNumber,
    },
    /// The description points to one order: keep the parcel and ask that customer to confirm
    /// before anything else.
    ConfirmWithCustomer {
        /// The order.
        order: OrderNumber,
    },
    /// Keep and record the parcel; contact every customer named (none when nothing matched).
    Hold {
        /// The orders whose customers are contacted, sorted.
        contact: Vec<OrderNumber>,
    },
}

impl ParcelDecision {
    /// What to do with `parcel`, matched against `candidates`: hand deliveries are refused,
    /// identified parcels follow their order's ground, probable matches wait for the
    /// customer's confirmation, the others are held.
    ///
    /// # Errors
    ///
    /// As [`ParcelMatch::compute`].
    pub fn compute(
        parcel: &ReturnedParcel,
        candidates: &[ReturnCandidate],
        policy: &ParcelPolicy,
    ) -> Result<ParcelDecision, WithdrawalError> {
        // The match is computed (and its inputs checked) even for a hand delivery, so that a
        // bad candidate list is reported the same way whatever the parcel.
        let found = ParcelMatch::compute(parcel, candidates, policy)?;
        if parcel.arrival == Arrival::ByHand {
            return Ok(ParcelDecision::RefuseHandDelivery);
        }
        Ok(match found {
            ParcelMatch::Identified { order, .. } => {
                let ground = candidates
                    .iter()
                    .find(|c| c.order == order)
                    .map_or(ReturnGround::None, |c| c.ground);
                match ground {
                    ReturnGround::Withdrawal => ParcelDecision::ProcessWithdrawal { order },
                    ReturnGround::Agreement => ParcelDecision::ProcessAgreedReturn { order },
                    ReturnGround::None => ParcelDecision::SendBack { order },
                }
            }
            ParcelMatch::Probable { order, .. } => ParcelDecision::ConfirmWithCustomer { order },
            ParcelMatch::Ambiguous { orders, .. } => ParcelDecision::Hold { contact: orders },
            ParcelMatch::Unidentified => ParcelDecision::Hold {
                contact: Vec::new(),
            },
        })
    }

    /// The order it concerns, when there is exactly one.
    pub fn order(&self) -> Option<&OrderNumber> {
        match self {
            ParcelDecision::ProcessWithdrawal { order }
            | ParcelDecision::ProcessAgreedReturn { order }
            | ParcelDecision::SendBack { order }
            | ParcelDecision::ConfirmWithCustomer { order } => Some(order),
            ParcelDecision::RefuseHandDelivery | ParcelDecision::Hold { .. } => None,
        }
    }

    /// True when the shop keeps the parcel for now (held, or waiting for a confirmation).
    pub fn keeps_parcel(&self) -> bool {
        matches!(
            self,
            ParcelDecision::ConfirmWithCustomer { .. } | ParcelDecision::Hold { .. }
        )
    }

    /// The sentence for the customer (or the back office when nobody can be told), in French.
    pub fn message_fr(&self) -> String {
        match self {
            ParcelDecision::RefuseHandDelivery => {
                "Nos locaux ne sont pas ouverts au public : nous ne pouvons pas accepter de \
                 retour remis en main propre. Envoyez votre colis par voie postale à l'adresse \
                 de retour."
                    .into()
            }
            ParcelDecision::ProcessWithdrawal { order } => format!(
                "Nous avons bien reçu votre retour pour la commande {order} : nous le \
                 contrôlons et procédons au remboursement."
            ),
            ParcelDecision::ProcessAgreedReturn { order } => format!(
                "Nous avons bien reçu le colis convenu avec notre service client pour la \
                 commande {order} : nous le traitons comme convenu."
            ),
            ParcelDecision::SendBack { order } => format!(
                "Nous avons reçu un colis pour la commande {order}, sans demande de \
                 rétractation ni accord de notre service client : il ne peut pas être traité \
                 comme une rétractation et vous sera renvoyé à vos frais. Si vous souhaitez \
                 vous rétracter dans le délai prévu, ou convenir d'un retour, contactez notre \
                 service client avant son renvoi."
            ),
            ParcelDecision::ConfirmWithCustomer { order } => format!(
                "Nous avons reçu un colis qui semble correspondre à votre commande {order}. \
                 Confirmez-nous qu'il s'agit de votre envoi (numéro de suivi ou description) : \
                 nous le conservons en attendant."
            ),
            ParcelDecision::Hold { contact } if contact.is_empty() => {
                "Colis de retour non identifié : il est conservé et enregistré jusqu'à ce que \
                 son expéditeur se manifeste ; il ne sera pas détruit sans que l'expéditeur en \
                 soit averti."
                    .into()
            }
            ParcelDecision::Hold { .. } => {
                "Nous avons reçu un colis de retour qui pourrait être le vôtre. Indiquez-nous son \
                 numéro de suivi ou décrivez-le (carton, enveloppe à bulles, autocollants, type \
                 de timbre) : nous le conservons en attendant."
                    .into()
            }
        }
    }
}

/// Whether a held parcel may be disposed of (RET-3): only when the policy provides for it,
/// after its sender was notified, once the notice period has passed.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_calendar::{Calendar, CalendarDays};
/// use comptoir_withdrawal::{Disposal, ParcelPolicy, ReturnedParcel};
///
/// let cal = Calendar::metropolitan();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).single().ok_or("instant");
/// let parcel = ReturnedParcel::by_carrier(&day(6, 15)?);
/// let policy = ParcelPolicy { disposal_after_notice: Some(CalendarDays::new(60)), ..ParcelPolicy::default() };
///
/// // Nobody could be told: the parcel stays, however long it waits.
/// assert_eq!(Disposal::compute(&parcel, None::<&chrono::DateTime<Utc>>, &day(12, 31)?, &policy, &cal)?, Disposal::Keep);
/// // Its sender was told on 1 July: 60 days later it may go.
/// assert_eq!(Disposal::compute(&parcel, Some(&day(7, 1)?), &day(8, 30)?, &policy, &cal)?, Disposal::Keep);
/// assert_eq!(Disposal::compute(&parcel, Some(&day(7, 1)?), &day(8, 31)?, &policy, &cal)?, Disposal::Allowed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Disposal {
    /// Keep the parcel.
    Keep,
    /// The sender was notified and the notice period has passed.
    Allowed,
}

impl Disposal {
    /// Whether `parcel`, held, may be disposed of at `at`, its sender having been notified at
    /// `notified_at` (`None`: nobody was notified, which is always the case for a parcel whose
    /// sender is unknown).
    ///
    /// The notice period counts in calendar days from the day after the notice (Paris date)
    /// and ends at the end of its last day; it does not roll.
    ///
    /// # Errors
    ///
    /// - [`WithdrawalError::InvalidPolicy`] for a policy [`ParcelPolicy::validate`] refuses;
    /// - [`WithdrawalError::ParcelTimeline`] when the notice predates the parcel's arrival, or
    ///   `at` predates the notice or the arrival;
    /// - [`WithdrawalError::Calendar`] when a date leaves the calendar's range.
    pub fn compute<A: TimeZone, B: TimeZone>(
        parcel: &ReturnedParcel,
        notified_at: Option<&DateTime<A>>,
        at: &DateTime<B>,
        policy: &ParcelPolicy,
        calendar: &Calendar,
    ) -> Result<Disposal, WithdrawalError> {
        policy.validate()?;
        let at = at.with_timezone(&Utc);
        if at < parcel.received_at {
            return Err(WithdrawalError::ParcelTimeline {
                event: "the question",
                at,
                earlier: "the parcel's arrival",
                earlier_at: parcel.received_at,
            });
        }
        let Some(notified_at) = notified_at.map(|n| n.with_timezone(&Utc)) else {
            return Ok(Disposal::Keep);
        };
        if notified_at < parcel.received_at {
            return Err(WithdrawalError::ParcelTimeline {
                event: "the notice",
                at: notified_at,
                earlier: "the parcel's arrival",
                earlier_at: parcel.received_at,
            });
        }
        if at < notified_at {
            return Err(WithdrawalError::ParcelTimeline {
                event: "the question",
                at,
                earlier: "the notice",
                earlier_at: notified_at,
            });
        }
        let Some(days) = policy.disposal_after_notice else {
            return Ok(Disposal::Keep);
        };
        let period = Period {
            days,
            roll: Roll::None,
        };
        let deadline = period.deadline(clock::paris_date(&notified_at)?, calendar)?;
        Ok(if deadline.is_on_time(&at)? {
            Disposal::Keep
        } else {
            Disposal::Allowed
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn description(
        packaging: Option<Packaging>,
        marks: &[&str],
        products: &[&str],
    ) -> ParcelDescription {
        ParcelDescription::new(
            packaging,
            marks.iter().copied(),
            products.iter().map(|p| ProductId::new(p).unwrap()),
        )
        .unwrap()
    }

    // RET-3: references are compared after the normalisation people's copies need.
    #[test]
    fn ret3_references_normalise_and_refuse_junk() {
        assert_eq!(
            OrderNumber::new(" cmd_12.34/56 ").unwrap().as_str(),
            "CMD123456"
        );
        for bad in ["", "  ", "-./_", "n°1", "é1", &"A".repeat(41)] {
            let err = OrderNumber::new(bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    WithdrawalError::InvalidParcelReference {
                        what: "order number",
                        ..
                    }
                ),
                "{bad:?}: {err:?}"
            );
        }
        assert!(TrackingNumber::new("A".repeat(40)).is_ok());
    }

    // RET-3: common elements of sorted lists, each counted once.
    #[test]
    fn ret3_common_elements_are_counted_once() {
        assert_eq!(count_common(&[1, 2, 3, 5], &[2, 3, 4, 5, 6]), 3);
        assert_eq!(count_common::<u8>(&[], &[1]), 0);
        let a = description(Some(Packaging::Box), &["x", "Y  z"], &["p", "q"]);
        let b = description(Some(Packaging::Box), &["y z"], &["q", "r"]);
        let s = a.score(&b);
        assert_eq!(
            (s.products(), s.same_packaging(), s.marks(), s.points()),
            (1, true, 1, 6)
        );
        assert_eq!(s, b.score(&a));
        // Unknown packaging on both sides is not "the same packaging".
        assert!(
            !ParcelDescription::default()
                .score(&ParcelDescription::default())
                .same_packaging()
        );
    }
}
