use std::collections::BTreeSet;
use std::sync::Arc;

use comptoir_money::{CentSplitter, Eur};

use crate::{
    Catalogue, Code, Effect, EvaluationContext, Line, LineId, Offer, OfferId, PercentStacking,
    ProductId, PromoError, PromoPolicy, Quantity, Refusal, Target,
};

/// Which line of an evaluation a discount sits on: a line of the cart, or the line a gift
/// offer adds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LineRef {
    /// A line of the cart.
    Item(LineId),
    /// The gift line added by this offer.
    Gift(OfferId),
}

impl LineRef {
    /// The cart's line id, for a line of the cart.
    pub fn item_id(&self) -> Option<&LineId> {
        match self {
            LineRef::Item(id) => Some(id),
            LineRef::Gift(_) => None,
        }
    }

    /// The offer that added the line, for a gift line.
    pub fn gift_offer(&self) -> Option<&OfferId> {
        match self {
            LineRef::Gift(offer) => Some(offer),
            LineRef::Item(_) => None,
        }
    }
}

/// A line after the offers: its amount before discounts, the discounts allocated to it and
/// its net amount (PROMO-5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EvaluatedLine {
    line: LineRef,
    product: ProductId,
    unit_price: Eur,
    quantity: Quantity,
    amount: Eur,
    discount: Eur,
    net: Eur,
}

impl EvaluatedLine {
    /// Which line this is.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// The product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The listed unit price.
    pub fn unit_price(&self) -> Eur {
        self.unit_price
    }

    /// The number of units.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Unit price times quantity, before discounts.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// The sum of the discounts allocated to this line.
    pub fn discount(&self) -> Eur {
        self.discount
    }

    /// What the customer pays for this line: amount minus discount, never below zero
    /// (REF-4 refunds an unavailable product at this amount).
    pub fn net(&self) -> Eur {
        self.net
    }

    /// True for the line a gift offer adds.
    pub fn is_gift(&self) -> bool {
        matches!(self.line, LineRef::Gift(_))
    }
}

/// The part of an offer's discount that one line carries.
///
/// The line is named by its position in [`Evaluation::lines`] (an index rather than an id
/// keeps evaluation free of copies); [`Evaluation::allocation`] pairs shares with their lines.
/// Only an evaluation makes one, so the position always names a line of that evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineDiscount {
    line: usize,
    amount: Eur,
}

impl LineDiscount {
    /// The line's position in [`Evaluation::lines`] of the evaluation this share comes from.
    pub fn position(&self) -> usize {
        self.line
    }

    /// The line's share of the offer's discount, positive.
    pub fn amount(&self) -> Eur {
        self.amount
    }
}

/// An offer that applies, with its discount and where the discount sits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AppliedOffer {
    offer: OfferId,
    name: Arc<str>,
    discount: Eur,
    /// The shares of several effects summed per line; empty for an offer of one effect,
    /// whose shares are its effect's (no copy on the evaluation's path).
    merged: Vec<LineDiscount>,
    shipping_discount: Eur,
    effects: Parts,
}

/// An applied offer's effects: most offers have one, kept without a vector of its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Parts {
    One(AppliedEffect),
    Several(Vec<AppliedEffect>),
}

#[cfg(feature = "serde")]
impl serde::Serialize for AppliedOffer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;

        let mut s = serializer.serialize_struct("AppliedOffer", 6)?;
        s.serialize_field("offer", &self.offer)?;
        s.serialize_field("name", &*self.name)?;
        s.serialize_field("discount", &self.discount)?;
        s.serialize_field("lines", self.lines())?;
        s.serialize_field("shipping_discount", &self.shipping_discount)?;
        s.serialize_field("effects", self.effects())?;
        s.end()
    }
}

impl AppliedOffer {
    /// The offer's id.
    pub fn offer(&self) -> &OfferId {
        &self.offer
    }

    /// The offer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The whole discount the offer gives: the sum of [`lines`](Self::lines) and
    /// [`shipping_discount`](Self::shipping_discount), exactly.
    pub fn discount(&self) -> Eur {
        self.discount
    }

    /// The discount allocated to each line it covers (lines with a zero share are left out),
    /// the shares of all its effects summed per line.
    pub fn lines(&self) -> &[LineDiscount] {
        match &self.effects {
            Parts::One(only) => &only.lines,
            Parts::Several(_) => &self.merged,
        }
    }

    /// The discount taken off shipping (a free-shipping offer).
    pub fn shipping_discount(&self) -> Eur {
        self.shipping_discount
    }

    /// What each of the offer's effects gave, in the order they applied: the offer's
    /// [`lines`](Self::lines), shipping and gift split by effect.
    pub fn effects(&self) -> &[AppliedEffect] {
        match &self.effects {
            Parts::One(only) => core::slice::from_ref(only),
            Parts::Several(all) => all,
        }
    }
}

/// What one effect of an applied offer gave, and where (PROMO-4, PROMO-5).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AppliedEffect {
    effect: Effect,
    discount: Eur,
    lines: Vec<LineDiscount>,
    shipping_discount: Eur,
}

impl AppliedEffect {
    /// The effect, as the offer states it.
    pub fn effect(&self) -> &Effect {
        &self.effect
    }

    /// What it took off: the sum of [`lines`](Self::lines) and
    /// [`shipping_discount`](Self::shipping_discount), exactly.
    pub fn discount(&self) -> Eur {
        self.discount
    }

    /// Its discount on each line it covers (lines with a zero share are left out); a gift's
    /// is on the gift line.
    pub fn lines(&self) -> &[LineDiscount] {
        &self.lines
    }

    /// What it took off shipping.
    pub fn shipping_discount(&self) -> Eur {
        self.shipping_discount
    }

    /// What the effect gave, in French, for the customer's receipt
    /// (« Livraison offerte : −4,90 € »).
    pub fn message_fr(&self) -> String {
        let what = match &self.effect {
            Effect::PercentOff { percent, on } => {
                format!("{} % {}", percent.to_decimal().normalize(), target_fr(on))
            }
            Effect::AmountOff { amount, on } => {
                format!("{} de remise {}", amount.french(), target_fr(on))
            }
            Effect::FreeShipping => "Livraison offerte".to_owned(),
            Effect::Gift { product, .. } => format!("Produit offert ({product})"),
        };
        format!("{what} : −{}", self.discount.french())
    }
}

fn target_fr(on: &Target) -> &'static str {
    match on {
        Target::Order => "sur la commande",
        Target::Selection(_) => "sur les articles de l'offre",
        Target::CheapestUnit | Target::CheapestUnitIn(_) => "sur l'article le moins cher",
    }
}

/// An offer that was considered and does not apply, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NotApplied {
    offer: OfferId,
    reason: Refusal,
}

impl NotApplied {
    /// The offer.
    pub fn offer(&self) -> &OfferId {
        &self.offer
    }

    /// Why it does not apply.
    pub fn reason(&self) -> &Refusal {
        &self.reason
    }
}

/// The result of evaluating offers against lines: what applies, in order, and what every
/// line and the whole cost.
///
/// Invariants (checked by the crate's property tests): no amount is negative; the discounts
/// of an applied offer sum exactly to its discount; the total is the sum of the lines' net
/// amounts plus net shipping.
///
/// With the `serde` feature an evaluation serialises (to show or log it) but does not
/// deserialise: it is a computed result, and one read back could break those invariants. Store
/// its inputs and evaluate again, as a stored order does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Evaluation {
    applied: Vec<AppliedOffer>,
    lines: Vec<EvaluatedLine>,
    /// The lines' net amounts, for [`Evaluation::totals`]; the total less net shipping.
    #[cfg_attr(feature = "serde", serde(skip))]
    items_net: Eur,
    shipping_amount: Eur,
    shipping_discount: Eur,
    shipping_net: Eur,
    total: Eur,
    not_applied: Vec<NotApplied>,
    unknown_codes: Vec<Code>,
}

impl Evaluation {
    /// The offers that apply, in the order they applied (priority, then id).
    pub fn applied(&self) -> &[AppliedOffer] {
        &self.applied
    }

    /// True when `offer` applies.
    pub fn applies(&self, offer: &OfferId) -> bool {
        self.applied.iter().any(|a| &a.offer == offer)
    }

    /// The lines: the cart's, in the cart's order, then one per gift offer that applies.
    pub fn lines(&self) -> &[EvaluatedLine] {
        &self.lines
    }

    /// The evaluated line of the cart's line `id`.
    pub fn line(&self, id: &LineId) -> Option<&EvaluatedLine> {
        self.lines.iter().find(|l| l.line.item_id() == Some(id))
    }

    /// Shipping before offers: the delivery's cost.
    pub fn shipping_amount(&self) -> Eur {
        self.shipping_amount
    }

    /// What offers took off shipping: [`shipping_amount`](Self::shipping_amount) minus
    /// [`shipping_net`](Self::shipping_net).
    pub fn shipping_discount(&self) -> Eur {
        self.shipping_discount
    }

    /// What the customer pays for shipping, after a free-shipping offer.
    pub fn shipping_net(&self) -> Eur {
        self.shipping_net
    }

    /// What the customer pays: the lines' net amounts plus
    /// [`shipping_net`](Self::shipping_net).
    pub fn total(&self) -> Eur {
        self.total
    }

    /// The offers considered that do not apply, each with its reason, in priority order.
    pub fn not_applied(&self) -> &[NotApplied] {
        &self.not_applied
    }

    /// Why `offer` does not apply, if it was considered and does not.
    pub fn reason(&self, offer: &OfferId) -> Option<&Refusal> {
        reason_of(&self.not_applied, offer)
    }

    /// The lines `applied` covers, each with its share of the offer's discount.
    pub fn allocation<'a>(
        &'a self,
        applied: &'a AppliedOffer,
    ) -> impl Iterator<Item = (&'a EvaluatedLine, Eur)> + 'a {
        applied
            .lines()
            .iter()
            .filter_map(|d| self.lines.get(d.line).map(|l| (l, d.amount)))
    }

    /// The codes entered that no offer has.
    pub fn unknown_codes(&self) -> &[Code] {
        &self.unknown_codes
    }

    /// What the evaluation comes to, without its per-line detail: what
    /// [`evaluate_totals_as_at`] gives for the same lines and offers.
    pub fn totals(&self) -> EvaluationTotals {
        EvaluationTotals {
            applied: self.applied.iter().map(|a| a.offer.clone()).collect(),
            items_net: self.items_net,
            shipping_net: self.shipping_net,
            total: self.total,
            not_applied: self.not_applied.clone(),
        }
    }
}

/// The reason `offer` is among `not_applied`, if it is.
fn reason_of<'a>(not_applied: &'a [NotApplied], offer: &OfferId) -> Option<&'a Refusal> {
    not_applied
        .iter()
        .find(|n| &n.offer == offer)
        .map(|n| &n.reason)
}

/// What an evaluation comes to, without its per-line detail: the totals, which offers apply
/// and why the others do not. [`evaluate_totals_as_at`] computes it for a fraction of a whole
/// evaluation's cost, for callers that need no shares (a refund reprices the items kept after
/// every return); [`Evaluation::totals`] gives it from a whole evaluation.
///
/// It is a computed result: it serialises (to show or log it) but does not deserialise.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EvaluationTotals {
    applied: Vec<OfferId>,
    items_net: Eur,
    shipping_net: Eur,
    total: Eur,
    not_applied: Vec<NotApplied>,
}

impl EvaluationTotals {
    /// The offers that apply, in the order they applied (priority, then id).
    pub fn applied(&self) -> &[OfferId] {
        &self.applied
    }

    /// True when `offer` applies.
    pub fn applies(&self, offer: &OfferId) -> bool {
        self.applied.contains(offer)
    }

    /// What the customer pays for the products: the lines' net amounts (gifts are free).
    pub fn items_net(&self) -> Eur {
        self.items_net
    }

    /// What the customer pays for shipping, after a free-shipping offer.
    pub fn shipping_net(&self) -> Eur {
        self.shipping_net
    }

    /// What the customer pays: [`items_net`](Self::items_net) plus
    /// [`shipping_net`](Self::shipping_net).
    pub fn total(&self) -> Eur {
        self.total
    }

    /// The offers considered that do not apply, each with its reason, in priority order.
    pub fn not_applied(&self) -> &[NotApplied] {
        &self.not_applied
    }

    /// Why `offer` does not apply, if it was considered and does not.
    pub fn reason(&self, offer: &OfferId) -> Option<&Refusal> {
        reason_of(&self.not_applied, offer)
    }
}

/// Evaluates a cart against the shop's catalogue: the offers whose code is in `codes`, and
/// the automatic offers that can apply to `lines` at the context's instant (PROMO-1..5).
///
/// `codes` is a set, and offers are considered in the order of (priority, id), so the result
/// depends only on the cart, the codes and the offers, never on the order codes were
/// entered. An offer applies when its conditions hold (PROMO-3) and it does not conflict with
/// an offer considered before it (PROMO-2): two offers apply together only when each allows
/// the other ([`Combinable`](crate::Combinable)), so a non-combinable offer never applies
/// with another. Each discount is allocated to the lines it covers in proportion to what they
/// still cost, exact to the cent (PROMO-5).
///
/// **Which offers are considered.** Every offer whose code was entered, and every automatic
/// offer valid at the context's instant whose product selections (the products it requires,
/// those its discount is taken from) each match a line of the cart: the
/// [`Catalogue`] finds them through its indexes, so the cost follows the cart, not the
/// catalogue. Automatic offers outside their window, or bound to products the cart does not
/// hold, are not listed among the offers not applied.
///
/// **Equal priorities.** PROMO-2 lets a newcomer displace an applied offer only with a
/// strictly higher priority, and breaks ties by (priority, offer id). This crate reads the two
/// together: between two conflicting offers of *equal* priority, the one with the smaller id
/// wins, whichever was there first. So a code entered later, of the same priority and with a
/// smaller id, displaces the offer already applied. The result must not depend on the order
/// codes were entered, and "already applied" is an order of entry; the id is the only
/// tie-break that gives the same cart whatever that order.
///
/// # Errors
///
/// [`PromoError::DuplicateLine`] when two lines share an id, [`PromoError::NegativeAmount`]
/// for a negative shipping cost, and [`PromoError::Money`] on overflow. The catalogue was
/// checked when it was built.
///
/// # Example
///
/// ```
/// use std::collections::BTreeSet;
/// use chrono::{TimeZone, Utc};
/// use comptoir_money::Eur;
/// use comptoir_promo::*;
///
/// let ten_off_100 = Offer::builder(
///     "ten-off".parse()?,
///     "-10 € dès 100 €",
///     Effect::AmountOff { amount: "10".parse()?, on: Target::Order },
/// )
/// .code(Code::new("DIX")?)
/// .minimum_amount("100".parse()?)
/// .priority(1)
/// .build()?;
/// let catalogue = Catalogue::new([ten_off_100])?;
/// let lines = [
///     Line::new("a".parse()?, "A".parse()?, "90".parse()?, Quantity::ONE)?,
///     Line::new("b".parse()?, "B".parse()?, "30".parse()?, Quantity::ONE)?,
/// ];
/// let codes = BTreeSet::from([Code::new(" dix ")?]);
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at);
/// let result = evaluate(&catalogue, &codes, &lines, Eur::ZERO, &context, &PromoPolicy::default())?;
/// assert_eq!(result.total(), "110.00".parse()?);
/// // 10.00 over 90.00 and 30.00: 7.50 and 2.50.
/// assert_eq!(result.line(&"a".parse()?).map(|l| l.net()), Some("82.50".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate(
    catalogue: &Catalogue,
    codes: &BTreeSet<Code>,
    lines: &[Line],
    shipping: Eur,
    context: &EvaluationContext,
    policy: &PromoPolicy,
) -> Result<Evaluation, PromoError> {
    let (candidates, unknown_codes) = catalogue.candidates(codes, lines, context.at());
    let items = as_ordered(lines);
    let run = run(candidates, &items, shipping, context, policy, Detail::Full)?;
    run.evaluation(&items, shipping, unknown_codes)
}

/// Evaluates exactly `offers` (codes or not, all taken as entered, whatever their window and
/// products) against `lines`, as at `context`: how an order's frozen offers reprice the items
/// kept after a return (CART-3, REF-1). Offers whose conditions no longer hold lapse, with
/// their reason. [`evaluate_totals_as_at`] gives the totals alone, cheaper, for callers that
/// need no share per line (the refund ledger).
///
/// Given the offers an evaluation applied, with the same lines and context, it gives the
/// same lines, discounts and total as that evaluation.
///
/// # Errors
///
/// As [`evaluate`], and [`PromoError::DuplicateOffer`] or [`PromoError::DuplicateCode`] when
/// two of `offers` share an id or a code.
pub fn evaluate_as_at(
    offers: &[Offer],
    lines: &[Line],
    shipping: Eur,
    context: &EvaluationContext,
    policy: &PromoPolicy,
) -> Result<Evaluation, PromoError> {
    check_unique(offers)?;
    let items = as_ordered(lines);
    let run = run(
        offers.iter().collect(),
        &items,
        shipping,
        context,
        policy,
        Detail::Full,
    )?;
    run.evaluation(&items, shipping, Vec::new())
}

/// Evaluates exactly `offers` as [`evaluate_as_at`] does, against `lines` each counted at the
/// units given (the units a customer keeps after a return, say), and gives the totals alone:
/// the same totals, applied offers and refusals as [`evaluate_as_at`] on those lines at those
/// quantities, without building a share per line.
///
/// # Errors
///
/// As [`evaluate_as_at`].
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_money::Eur;
/// use comptoir_promo::*;
///
/// let ten_off_100 = Offer::builder(
///     "ten-off".parse()?,
///     "-10 € dès 100 €",
///     Effect::AmountOff { amount: "10".parse()?, on: Target::Order },
/// )
/// .minimum_amount("100".parse()?)
/// .build()?;
/// let tea = Line::new("tea".parse()?, "TEA".parse()?, "30".parse()?, Quantity::new(4)?)?;
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at);
/// let policy = PromoPolicy::default();
/// let offers = [ten_off_100];
/// // Four teas ordered (120.00), three kept: 90.00, below the minimum.
/// let kept = [(&tea, Quantity::new(3)?)];
/// let totals = evaluate_totals_as_at(&offers, kept, Eur::ZERO, &context, &policy)?;
/// assert_eq!(totals.items_net(), "90.00".parse()?);
/// assert!(!totals.applies(&"ten-off".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_totals_as_at<'a>(
    offers: &[Offer],
    lines: impl IntoIterator<Item = (&'a Line, Quantity)>,
    shipping: Eur,
    context: &EvaluationContext,
    policy: &PromoPolicy,
) -> Result<EvaluationTotals, PromoError> {
    check_unique(offers)?;
    let items: Vec<Item<'_>> = lines
        .into_iter()
        .map(|(line, quantity)| Item { line, quantity })
        .collect();
    run(
        offers.iter().collect(),
        &items,
        shipping,
        context,
        policy,
        Detail::Totals,
    )?
    .totals()
}

/// Checks that no two of `offers` share an id or a code, as a [`Catalogue`] does.
fn check_unique(offers: &[Offer]) -> Result<(), PromoError> {
    let mut ids: Vec<&OfferId> = offers.iter().map(Offer::id).collect();
    ids.sort_unstable();
    if let Some([a, _]) = ids.windows(2).find(|p| p.first() == p.get(1)) {
        return Err(PromoError::DuplicateOffer { id: a.to_string() });
    }
    let mut codes: Vec<(&Code, usize)> = offers
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.code().map(|c| (c, i)))
        .collect();
    codes.sort_unstable();
    for pair in codes.windows(2) {
        if let [(code, first), (other, second)] = pair
            && code == other
        {
            let id = |i: &usize| offers.get(*i).map(|o| o.id().to_string());
            return Err(PromoError::DuplicateCode {
                code: code.to_string(),
                first: id(first).unwrap_or_default(),
                second: id(second).unwrap_or_default(),
            });
        }
    }
    Ok(())
}

/// The first eight bytes of `id`, big-endian and zero-padded: ordered as the ids are, up
/// to ties that the full id then breaks.
fn id_prefix(id: &OfferId) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, byte) in bytes.iter_mut().zip(id.as_str().bytes()) {
        *slot = byte;
    }
    u64::from_be_bytes(bytes)
}

/// Checks that no two lines share an id, naming the smallest repeated one. Carts usually
/// list their lines in the order of their ids, which the sort sees in one pass.
fn check_unique_lines(items: &[Item<'_>]) -> Result<(), PromoError> {
    let mut ids: Vec<&LineId> = items.iter().map(|i| i.line.id()).collect();
    ids.sort_unstable();
    match ids.windows(2).find(|p| p.first() == p.get(1)) {
        Some([id, _]) => Err(PromoError::DuplicateLine { id: id.to_string() }),
        _ => Ok(()),
    }
}

/// Buffers an evaluation reuses from one discount to the next: the lines a discount covers,
/// what they still cost, and the cent split.
#[derive(Default)]
struct Scratch {
    covered: Vec<usize>,
    weights: Vec<i128>,
    splitter: CentSplitter,
}

/// What applying an effect changes: the lines, shipping, and the buffers it works in.
struct Applying<'a> {
    work: &'a mut [Work],
    shipping_left: &'a mut i128,
    scratch: &'a mut Scratch,
}

/// A line while offers are applied, in cents: integer arithmetic keeps evaluation cheap.
struct Work {
    amount: i128,
    remaining: i128,
}

fn cents(amount: Eur) -> i128 {
    amount.cents()
}

fn eur(cents: i128) -> Result<Eur, PromoError> {
    // Shop amounts fit 64 bits, whose conversion needs no range check.
    match i64::try_from(cents) {
        Ok(small) => Ok(Eur::from_cents(small)),
        Err(_) => Ok(Eur::try_from_cents(cents)?),
    }
}

fn add(a: i128, b: i128) -> Result<i128, PromoError> {
    a.checked_add(b).ok_or_else(PromoError::overflow)
}

fn sub(a: i128, b: i128) -> Result<i128, PromoError> {
    a.checked_sub(b).ok_or_else(PromoError::overflow)
}

/// A line as the offers see it: the cart's line, at the units counted (its own quantity, or
/// the units kept after a return).
#[derive(Clone, Copy)]
struct Item<'a> {
    line: &'a Line,
    quantity: Quantity,
}

/// The lines at their own quantities.
fn as_ordered(lines: &[Line]) -> Vec<Item<'_>> {
    lines
        .iter()
        .map(|line| Item {
            line,
            quantity: line.quantity(),
        })
        .collect()
}

/// How much of each applied offer an evaluation keeps: everything, or only which applied.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// The shares of every effect, for an [`Evaluation`].
    Full,
    /// The totals alone, for [`EvaluationTotals`].
    Totals,
}

/// The offers applied to the lines, before the result is put in shape.
struct Run<'o> {
    work: Vec<Work>,
    shipping_left: i128,
    kept: Vec<&'o Offer>,
    /// Empty under [`Detail::Totals`].
    applied: Vec<AppliedOffer>,
    not_applied: Vec<NotApplied>,
    /// Empty under [`Detail::Totals`].
    gifts: Vec<EvaluatedLine>,
}

fn run<'o>(
    mut candidates: Vec<&'o Offer>,
    items: &[Item<'_>],
    shipping: Eur,
    context: &EvaluationContext,
    policy: &PromoPolicy,
    detail: Detail,
) -> Result<Run<'o>, PromoError> {
    if shipping.is_negative() {
        return Err(PromoError::NegativeAmount {
            what: "shipping cost",
            amount: shipping,
        });
    }
    check_unique_lines(items)?;
    // PROMO-2: a fixed order, whatever order the offers or codes came in. Ids are unique
    // (checked by the catalogue or the caller), so the order is total.
    // The key starts with the id's first bytes, so most comparisons read no string.
    candidates.sort_by_cached_key(|o| (o.priority(), id_prefix(o.id()), o.id()));

    let mut work = Vec::with_capacity(items.len());
    let mut totals = Totals {
        units: 0,
        products: 0,
        on_sale: 0,
        shipping: if policy.minimum_includes_shipping {
            cents(shipping)
        } else {
            0
        },
    };
    for item in items {
        // Integer cents: the same product as `Line::amount`, without decimal arithmetic.
        let amount = cents(item.line.unit_price())
            .checked_mul(i128::from(item.quantity.get()))
            .ok_or_else(PromoError::overflow)?;
        totals.products = add(totals.products, amount)?;
        if item.line.is_on_sale() {
            totals.on_sale = add(totals.on_sale, amount)?;
        }
        totals.units = totals.units.saturating_add(u64::from(item.quantity.get()));
        work.push(Work {
            amount,
            remaining: amount,
        });
    }

    let mut shipping_left = cents(shipping);
    let mut scratch = Scratch::default();
    let mut applied: Vec<AppliedOffer> = Vec::new();
    let mut kept: Vec<&Offer> = Vec::new();
    let mut not_applied = Vec::new();
    let mut gifts = Vec::new();
    for offer in candidates {
        // PROMO-1: under one code per cart, the first code offer that applies in
        // (priority, id) order is the cart's code; any other is refused naming it.
        let code_entered = kept
            .iter()
            .find_map(|k| k.code())
            .filter(|_| policy.one_code_per_cart && offer.code().is_some());
        let refusal = match unmet_condition(offer, items, &totals, context)? {
            Some(r) => Some(r),
            None if code_entered.is_some() => code_entered.map(|entered| Refusal::OneCodePerCart {
                entered: entered.clone(),
            }),
            // PROMO-2: whichever comes first in (priority, id) wins; the refusal names the
            // first applied offer that does not combine with this one.
            None => kept
                .iter()
                .find(|f| !offer.combines_with(f))
                .map(|f| Refusal::NotCombinable {
                    with: f.id().clone(),
                    with_name: f.name().to_owned(),
                }),
        };
        if let Some(reason) = refusal {
            not_applied.push(NotApplied {
                offer: offer.id().clone(),
                reason,
            });
            continue;
        }
        kept.push(offer);
        let into = Applying {
            work: &mut work,
            shipping_left: &mut shipping_left,
            scratch: &mut scratch,
        };
        if detail == Detail::Totals {
            apply_effects(offer, items, into, policy, None, |_, _, _, _| {})?;
            continue;
        }
        let gift_at = items
            .len()
            .checked_add(gifts.len())
            .ok_or_else(PromoError::overflow)?;
        applied.push(apply(offer, items, into, policy, gift_at)?);
        if let Some((product, unit_price)) = offer.gift() {
            gifts.push(EvaluatedLine {
                line: LineRef::Gift(offer.id().clone()),
                product: product.clone(),
                unit_price,
                quantity: Quantity::ONE,
                amount: unit_price,
                discount: unit_price,
                net: Eur::ZERO,
            });
        }
    }
    Ok(Run {
        work,
        shipping_left,
        kept,
        applied,
        not_applied,
        gifts,
    })
}

impl Run<'_> {
    /// The evaluation, with every line and share; `self` must come from [`Detail::Full`].
    fn evaluation(
        self,
        items: &[Item<'_>],
        shipping: Eur,
        unknown_codes: Vec<Code>,
    ) -> Result<Evaluation, PromoError> {
        let mut evaluated = Vec::with_capacity(items.len().saturating_add(self.gifts.len()));
        let mut items_net = 0i128;
        for (item, w) in items.iter().zip(&self.work) {
            items_net = add(items_net, w.remaining)?;
            evaluated.push(EvaluatedLine {
                line: LineRef::Item(item.line.id().clone()),
                product: item.line.product().clone(),
                unit_price: item.line.unit_price(),
                quantity: item.quantity,
                amount: eur(w.amount)?,
                discount: eur(sub(w.amount, w.remaining)?)?,
                net: eur(w.remaining)?,
            });
        }
        evaluated.extend(self.gifts);
        Ok(Evaluation {
            applied: self.applied,
            lines: evaluated,
            items_net: eur(items_net)?,
            shipping_amount: shipping,
            shipping_discount: eur(sub(cents(shipping), self.shipping_left)?)?,
            shipping_net: eur(self.shipping_left)?,
            total: eur(add(items_net, self.shipping_left)?)?,
            not_applied: self.not_applied,
            unknown_codes,
        })
    }

    /// The totals alone.
    fn totals(self) -> Result<EvaluationTotals, PromoError> {
        let items = self
            .work
            .iter()
            .try_fold(0i128, |sum, w| add(sum, w.remaining))?;
        Ok(EvaluationTotals {
            applied: self.kept.iter().map(|o| o.id().clone()).collect(),
            items_net: eur(items)?,
            shipping_net: eur(self.shipping_left)?,
            total: eur(add(items, self.shipping_left)?)?,
            not_applied: self.not_applied,
        })
    }
}

/// The first condition of PROMO-3 that `offer` does not meet, in the order a customer would
/// fix them: dates, eligibility, products, then quantities and amounts.
fn unmet_condition(
    offer: &Offer,
    items: &[Item<'_>],
    totals: &Totals,
    context: &EvaluationContext,
) -> Result<Option<Refusal>, PromoError> {
    let window = offer.window();
    if !window.contains(context.at()) {
        return Ok(Some(match window.starts() {
            Some(starts) if context.at() < starts => Refusal::NotYetValid { starts },
            _ => Refusal::Expired {
                ended: window.ends().unwrap_or(context.at()),
            },
        }));
    }
    let c = offer.conditions();
    if c.first_order_only && !context.is_first_order() {
        return Ok(Some(Refusal::FirstOrderOnly));
    }
    if c.delivery
        .as_ref()
        .is_some_and(|allowed| context.delivery().is_none_or(|d| !allowed.contains(&d)))
    {
        return Ok(Some(Refusal::DeliveryServiceNotAllowed));
    }
    if c.destinations
        .as_ref()
        .is_some_and(|allowed| context.destination().is_none_or(|d| !allowed.contains(&d)))
    {
        return Ok(Some(Refusal::DestinationNotAllowed));
    }
    if c.customer_groups
        .as_ref()
        .is_some_and(|allowed| allowed.is_disjoint(context.customer_groups()))
    {
        return Ok(Some(Refusal::CustomerGroupNotAllowed));
    }
    let usage = context.usage(offer.id());
    if c.per_customer_limit.is_some_and(|l| usage.by_customer >= l) {
        return Ok(Some(Refusal::CustomerUsageLimitReached));
    }
    if c.total_limit.is_some_and(|l| usage.total >= l) {
        return Ok(Some(Refusal::TotalUsageLimitReached));
    }
    // PROMO-1: an empty cart gets its own reason, before any product restriction: a gift or
    // free shipping needs something bought, and an order-wide offer has nothing to cover.
    if items.is_empty() {
        return Ok(Some(Refusal::EmptyCart));
    }
    if let Some(required) = &c.requires
        && !items.iter().any(|i| required.matches(i.line))
    {
        return Ok(Some(Refusal::ProductRestrictionNotMet));
    }
    // Every effect taken from a product selection must find one of its products, and one
    // not on sale when the offer leaves those alone.
    let skip_on_sale = c.on_sale.excludes_from_discounts();
    let mut only_on_sale = false;
    for effect in offer.effects() {
        let on = match effect {
            Effect::PercentOff { on, .. } | Effect::AmountOff { on, .. } => on,
            Effect::FreeShipping | Effect::Gift { .. } => continue,
        };
        let selection = on.selection();
        let mut covered = items
            .iter()
            .map(|i| i.line)
            .filter(|l| selection.is_none_or(|s| s.matches(l)));
        let Some(first) = covered.next() else {
            return Ok(Some(Refusal::ProductRestrictionNotMet));
        };
        if skip_on_sale {
            only_on_sale |= match on {
                // The cheapest unit is the cart's (or the selection's), on sale or not:
                // leaving lines on sale alone never moves the discount onto a dearer product.
                Target::CheapestUnit | Target::CheapestUnitIn(_) => {
                    cheapest(items, |l| selection.is_none_or(|s| s.matches(l)))
                        .and_then(|i| items.get(i))
                        .is_some_and(|i| i.line.is_on_sale())
                }
                Target::Order | Target::Selection(_) => {
                    first.is_on_sale() && covered.all(Line::is_on_sale)
                }
            };
        }
    }
    if only_on_sale {
        return Ok(Some(Refusal::OnlyProductsOnSale));
    }
    if let Some(min) = c.minimum_quantity {
        let min = u64::from(min.get());
        if totals.units < min {
            // Exact: `min` is the larger.
            let missing = u32::try_from(min.abs_diff(totals.units)).unwrap_or(u32::MAX);
            return Ok(Some(Refusal::MinimumQuantityNotReached { missing }));
        }
    }
    if let Some(required) = &c.minimum_quantity_in {
        let units = items
            .iter()
            .filter(|i| required.of.matches(i.line))
            .fold(0u64, |n, i| n.saturating_add(u64::from(i.quantity.get())));
        let min = u64::from(required.units.get());
        if units < min {
            // Exact: `min` is the larger.
            let missing = u32::try_from(min.abs_diff(units)).unwrap_or(u32::MAX);
            return Ok(Some(Refusal::SelectionQuantityNotReached { missing }));
        }
    }
    if let Some(min) = c.minimum_amount {
        let min = cents(min);
        let base = totals.minimum_base(c.on_sale.excludes_from_minimum())?;
        if base < min {
            return Ok(Some(Refusal::MinimumAmountNotReached {
                missing: eur(sub(min, base)?)?,
            }));
        }
    }
    Ok(None)
}

/// What the cart's lines add up to, for the conditions of PROMO-3.
struct Totals {
    units: u64,
    products: i128,
    /// The part of `products` on lines already on sale.
    on_sale: i128,
    /// Shipping when it counts towards minimum amounts, zero otherwise.
    shipping: i128,
}

impl Totals {
    /// PROMO-3: the minimum is on products before discounts, gifts excluded, lines on sale
    /// excluded when the offer says so; shipping only when the shop says so.
    fn minimum_base(&self, without_on_sale: bool) -> Result<i128, PromoError> {
        let products = if without_on_sale {
            sub(self.products, self.on_sale)?
        } else {
            self.products
        };
        add(products, self.shipping)
    }
}

/// Applies one offer's effects in order (PROMO-4) and allocates their discounts (PROMO-5).
fn apply(
    offer: &Offer,
    items: &[Item<'_>],
    into: Applying<'_>,
    policy: &PromoPolicy,
    gift_at: usize,
) -> Result<AppliedOffer, PromoError> {
    // Most offers have one effect, kept without a vector of its own.
    let mut first: Option<AppliedEffect> = None;
    let mut rest = Vec::new();
    let (discount, shipping_discount) = apply_effects(
        offer,
        items,
        into,
        policy,
        Some(gift_at),
        |effect, discount, shipping_discount, lines| {
            let applied = AppliedEffect {
                effect: effect.clone(),
                discount,
                lines,
                shipping_discount,
            };
            match first {
                None => first = Some(applied),
                Some(_) => rest.push(applied),
            }
        },
    )?;
    let (effects, merged) = match first {
        Some(only) if rest.is_empty() => (Parts::One(only), Vec::new()),
        first => {
            let all: Vec<AppliedEffect> = first.into_iter().chain(rest).collect();
            let merged = merge_shares(&all)?;
            (Parts::Several(all), merged)
        }
    };
    Ok(AppliedOffer {
        offer: offer.id().clone(),
        name: Arc::clone(offer.shared_name()),
        discount,
        merged,
        shipping_discount,
        effects,
    })
}

/// Applies one offer's effects in order (PROMO-4): each effect, what it took off in all and
/// from shipping, and its shares (kept only when `gift_at` is given) go to `each`. Returns
/// what the offer took off in all and from shipping. Every discount is made an amount here,
/// so that one beyond an amount's range (a gift and free shipping at the largest amounts)
/// fails whether the shares are kept or not.
fn apply_effects(
    offer: &Offer,
    items: &[Item<'_>],
    into: Applying<'_>,
    policy: &PromoPolicy,
    gift_at: Option<usize>,
    mut each: impl FnMut(&Effect, Eur, Eur, Vec<LineDiscount>),
) -> Result<(Eur, Eur), PromoError> {
    let Applying {
        work,
        shipping_left,
        scratch,
    } = into;
    let skip_on_sale = offer.conditions().on_sale.excludes_from_discounts();
    let (mut discount, mut shipping) = (0i128, 0i128);
    for effect in offer.effects() {
        let into = Applying {
            work: &mut *work,
            shipping_left: &mut *shipping_left,
            scratch: &mut *scratch,
        };
        let mut lines = Vec::new();
        let shares = gift_at.map(|gift_at| Shares {
            into: &mut lines,
            gift_at,
        });
        let taken = apply_effect(effect, items, into, policy, skip_on_sale, shares)?;
        let effect_discount = add(taken.lines, taken.shipping)?;
        each(effect, eur(effect_discount)?, eur(taken.shipping)?, lines);
        discount = add(discount, effect_discount)?;
        shipping = add(shipping, taken.shipping)?;
    }
    Ok((eur(discount)?, eur(shipping)?))
}

/// The shares of several effects, summed per line, in the order of the lines.
fn merge_shares(effects: &[AppliedEffect]) -> Result<Vec<LineDiscount>, PromoError> {
    let mut shares: Vec<(usize, i128)> = effects
        .iter()
        .flat_map(|e| e.lines.iter().map(|d| (d.line, cents(d.amount))))
        .collect();
    shares.sort_by_key(|(line, _)| *line);
    let mut merged: Vec<LineDiscount> = Vec::with_capacity(shares.len());
    let mut current: Option<(usize, i128)> = None;
    for (line, amount) in shares {
        current = match current {
            Some((at, sum)) if at == line => Some((at, add(sum, amount)?)),
            Some((at, sum)) => {
                merged.push(LineDiscount {
                    line: at,
                    amount: eur(sum)?,
                });
                Some((line, amount))
            }
            None => Some((line, amount)),
        };
    }
    if let Some((line, sum)) = current {
        merged.push(LineDiscount {
            line,
            amount: eur(sum)?,
        });
    }
    Ok(merged)
}

/// Where an effect's shares go when they are kept: the shares, and the position of the gift
/// line the offer adds.
struct Shares<'a> {
    into: &'a mut Vec<LineDiscount>,
    gift_at: usize,
}

/// What an effect took off, in cents: from the lines (a gift's value, on its own line,
/// included) and from shipping.
struct Taken {
    lines: i128,
    shipping: i128,
}

/// Applies one effect (PROMO-4) and allocates its discount (PROMO-5), pushing the shares to
/// `shares` when given.
fn apply_effect(
    effect: &Effect,
    items: &[Item<'_>],
    into: Applying<'_>,
    policy: &PromoPolicy,
    skip_on_sale: bool,
    shares: Option<Shares<'_>>,
) -> Result<Taken, PromoError> {
    let Applying {
        work,
        shipping_left,
        scratch,
    } = into;
    let (on, percent) = match effect {
        Effect::FreeShipping => {
            let shipping = *shipping_left;
            *shipping_left = 0;
            return Ok(Taken { lines: 0, shipping });
        }
        Effect::Gift { unit_price, .. } => {
            if let Some(Shares { into, gift_at }) = shares {
                into.push(LineDiscount {
                    line: gift_at,
                    amount: *unit_price,
                });
            }
            return Ok(Taken {
                lines: cents(*unit_price),
                shipping: 0,
            });
        }
        Effect::PercentOff { percent, on } => (on, Some(*percent)),
        Effect::AmountOff { on, .. } => (on, None),
    };
    // A fixed amount always comes off what is left; only percentages have the choice.
    let sequential = percent.is_none() || policy.stacking == PercentStacking::Sequential;

    let eligible = |l: &Line| !(skip_on_sale && l.is_on_sale());
    let line_at = |i: &usize| items.get(*i).map(|it| it.line);
    let Scratch {
        covered,
        weights: remaining,
        splitter,
    } = scratch;
    covered.clear();
    match on {
        Target::Order => {
            covered.extend((0..items.len()).filter(|i| line_at(i).is_some_and(eligible)))
        }
        Target::Selection(s) => covered.extend(
            (0..items.len()).filter(|i| line_at(i).is_some_and(|l| eligible(l) && s.matches(l))),
        ),
        Target::CheapestUnit => {
            covered.extend(cheapest(items, |_| true).filter(|i| line_at(i).is_some_and(eligible)))
        }
        Target::CheapestUnitIn(s) => covered
            .extend(cheapest(items, |l| s.matches(l)).filter(|i| line_at(i).is_some_and(eligible))),
    }
    remaining.clear();
    remaining.extend(
        covered
            .iter()
            .map(|i| work.get(*i).map_or(0, |w| w.remaining)),
    );
    let cap = remaining.iter().try_fold(0i128, |a, r| add(a, *r))?;
    let base = match on {
        Target::CheapestUnit | Target::CheapestUnitIn(_) => {
            match covered.first().and_then(|i| items.get(*i)) {
                None => 0,
                Some(item) if sequential => {
                    // The unit's share of what the line still costs, rounded half up to the cent.
                    let quantity = i128::from(item.quantity.get());
                    cap.checked_mul(2)
                        .and_then(|x| x.checked_add(quantity))
                        .zip(quantity.checked_mul(2))
                        .and_then(|(x, units)| x.checked_div(units))
                        .ok_or_else(PromoError::overflow)?
                }
                Some(item) => cents(item.line.unit_price()),
            }
        }
        Target::Order | Target::Selection(_) if sequential => cap,
        Target::Order | Target::Selection(_) => covered
            .iter()
            .map(|i| work.get(*i).map_or(0, |w| w.amount))
            .try_fold(0i128, add)?,
    };
    let discount = match (percent, effect) {
        (Some(p), _) => cents(eur(base)?.percent(p)?),
        (None, Effect::AmountOff { amount, .. }) => cents(*amount).min(base),
        (None, _) => 0,
    };
    // PROMO-4: never more than what the covered lines still cost.
    let discount = discount.min(cap).max(0);
    let split = splitter.split(discount, remaining)?;
    let mut into = shares.map(|s| s.into);
    if let Some(into) = into.as_deref_mut() {
        into.reserve(covered.len());
    }
    for (i, &share) in covered.iter().zip(split) {
        if share == 0 {
            continue;
        }
        if let Some(w) = work.get_mut(*i) {
            w.remaining = sub(w.remaining, share)?;
            if let Some(into) = into.as_deref_mut() {
                into.push(LineDiscount {
                    line: *i,
                    amount: eur(share)?,
                });
            }
        }
    }
    Ok(Taken {
        lines: discount,
        shipping: 0,
    })
}

/// The line holding the cheapest unit among those `among` accepts; on equal prices the
/// smallest line id, so the choice does not depend on the order lines were added.
fn cheapest(items: &[Item<'_>], among: impl Fn(&Line) -> bool) -> Option<usize> {
    items
        .iter()
        .map(|i| i.line)
        .enumerate()
        .filter(|(_, l)| among(l))
        // Cents compare as the prices do (every amount has two decimals), and faster.
        .min_by(|(_, a), (_, b)| {
            (a.unit_price().cents(), a.id()).cmp(&(b.unit_price().cents(), b.id()))
        })
        .map(|(i, _)| i)
}
