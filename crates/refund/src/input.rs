//! What comes back and what is cancelled: the inputs of a refund (REF-1, REF-4, RET-2, RET-4).

use comptoir_money::Eur;
use comptoir_promo::{LineId, LineRef, OfferId, Quantity};

use crate::RefundError;

/// A depreciation deduction found when the returned goods were inspected (RET-2, L221-23):
/// the loss of value caused by handling beyond what is needed to establish the goods'
/// nature, characteristics and working, with its reason.
///
/// A `Depreciation` that exists has an amount above zero and a reason that is not blank; the
/// cap at the line's net paid amount needs the order, and is checked when the return is
/// recorded.
///
/// # Example
///
/// ```
/// use comptoir_refund::Depreciation;
///
/// let scratched = Depreciation::new("5.00".parse()?, "couvercle rayé")?;
/// assert_eq!(scratched.amount(), "5.00".parse()?);
/// assert!(Depreciation::new("0.00".parse()?, "rien").is_err());
/// assert!(Depreciation::new("5.00".parse()?, "  ").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DepreciationData", into = "DepreciationData")
)]
pub struct Depreciation {
    amount: Eur,
    reason: String,
}

impl Depreciation {
    /// A deduction of `amount` for `reason` (the words the customer reads, in French).
    ///
    /// # Errors
    ///
    /// [`RefundError::NonPositiveDeduction`] when `amount` is zero or below (an inspection
    /// that finds nothing is [`Inspection::Accepted`]), [`RefundError::DeductionWithoutReason`]
    /// when `reason` is blank: RET-2 allows a deduction only with its reason.
    pub fn new(amount: Eur, reason: impl Into<String>) -> Result<Depreciation, RefundError> {
        if !amount.is_positive() {
            return Err(RefundError::NonPositiveDeduction { amount });
        }
        let reason = reason.into();
        let trimmed = reason.trim();
        if trimmed.is_empty() {
            return Err(RefundError::DeductionWithoutReason);
        }
        Ok(Depreciation {
            amount,
            reason: trimmed.to_owned(),
        })
    }

    /// The amount deducted.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// Why, as the customer reads it.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct DepreciationData {
    amount: Eur,
    reason: String,
}

#[cfg(feature = "serde")]
impl TryFrom<DepreciationData> for Depreciation {
    type Error = RefundError;

    fn try_from(d: DepreciationData) -> Result<Depreciation, RefundError> {
        Depreciation::new(d.amount, d.reason)
    }
}

#[cfg(feature = "serde")]
impl From<Depreciation> for DepreciationData {
    fn from(d: Depreciation) -> DepreciationData {
        DepreciationData {
            amount: d.amount,
            reason: d.reason,
        }
    }
}

/// The outcome of inspecting a returned line (RET-2): what the inspection of the goods
/// produces and the refund takes.
///
/// The law never lets the shop refuse a returned product for signs of use or missing
/// packaging (L221-23); it may only deduct the depreciation, with its reason. A refund is
/// computed once every line is [`Inspection::Accepted`] or [`Inspection::Depreciated`]: a
/// [`Inspection::Pending`] line is refused with [`RefundError::InspectionPending`], because a
/// refund paid before a deduction is known could never take the deduction back (REF-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Inspection {
    /// Back in a state that calls for no deduction.
    #[default]
    Accepted,
    /// Back with a depreciation deducted from the refund.
    Depreciated(Depreciation),
    /// Not inspected yet.
    Pending,
}

impl Inspection {
    /// The deduction, if the goods were depreciated.
    pub fn depreciation(&self) -> Option<&Depreciation> {
        match self {
            Inspection::Depreciated(d) => Some(d),
            Inspection::Accepted | Inspection::Pending => None,
        }
    }
}

/// One line of a return: which line of the order, how many of its units, and the
/// inspection's outcome (REF-1, RET-2).
///
/// The line is an item the customer bought ([`LineRef::Item`]) or the gift an offer added
/// ([`LineRef::Gift`], one unit; RET-4: returning a conditional gift avoids its deduction).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReturnedItem {
    line: LineRef,
    quantity: Quantity,
    #[cfg_attr(feature = "serde", serde(default))]
    inspection: Inspection,
}

impl ReturnedItem {
    /// `quantity` units of `line`, with `inspection`.
    pub fn new(line: LineRef, quantity: Quantity, inspection: Inspection) -> ReturnedItem {
        ReturnedItem {
            line,
            quantity,
            inspection,
        }
    }

    /// `quantity` units of the order's line `id`, accepted without deduction.
    pub fn item(id: LineId, quantity: Quantity) -> ReturnedItem {
        ReturnedItem::new(LineRef::Item(id), quantity, Inspection::Accepted)
    }

    /// The gift that `offer` added to the order, accepted without deduction.
    pub fn gift(offer: OfferId) -> ReturnedItem {
        ReturnedItem::new(LineRef::Gift(offer), Quantity::ONE, Inspection::Accepted)
    }

    /// The same line with the inspection's outcome.
    #[must_use]
    pub fn inspected(mut self, inspection: Inspection) -> ReturnedItem {
        self.inspection = inspection;
        self
    }

    /// The line of the order.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// The units that come back.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// The inspection's outcome.
    pub fn inspection(&self) -> &Inspection {
        &self.inspection
    }
}

/// The goods a customer sends back after withdrawing (RET-2), for one refund (REF-1): lines
/// of one validated order, each with the units returned and its inspection.
///
/// A `Return` that exists names at least one line and no line twice; whether those lines and
/// units are in the order is checked when it is recorded in the order's
/// [`RefundLedger`](crate::RefundLedger).
///
/// # Example
///
/// ```
/// use comptoir_promo::Quantity;
/// use comptoir_refund::{Depreciation, Inspection, Return, ReturnedItem};
///
/// let parcel = Return::new([
///     ReturnedItem::item("tea".parse()?, Quantity::new(2)?),
///     ReturnedItem::item("teapot".parse()?, Quantity::ONE).inspected(Inspection::Depreciated(
///         Depreciation::new("5.00".parse()?, "couvercle rayé")?,
///     )),
/// ])?;
/// assert_eq!(parcel.items().len(), 2);
/// assert!(Return::new([]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReturnData", into = "ReturnData"))]
pub struct Return {
    items: Vec<ReturnedItem>,
}

impl Return {
    /// A return of `items`.
    ///
    /// # Errors
    ///
    /// [`RefundError::NothingToRefund`] without items, [`RefundError::DuplicateRefundLine`]
    /// when two items name the same line (give the line once with its total quantity).
    pub fn new(items: impl IntoIterator<Item = ReturnedItem>) -> Result<Return, RefundError> {
        let items: Vec<ReturnedItem> = items.into_iter().collect();
        check_lines(items.iter().map(ReturnedItem::line), "return")?;
        Ok(Return { items })
    }

    /// The lines returned, in the order given.
    pub fn items(&self) -> &[ReturnedItem] {
        &self.items
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct ReturnData {
    items: Vec<ReturnedItem>,
}

#[cfg(feature = "serde")]
impl TryFrom<ReturnData> for Return {
    type Error = RefundError;

    fn try_from(d: ReturnData) -> Result<Return, RefundError> {
        Return::new(d.items)
    }
}

#[cfg(feature = "serde")]
impl From<Return> for ReturnData {
    fn from(r: Return) -> ReturnData {
        ReturnData { items: r.items }
    }
}

/// Units of an order's line cancelled because the product is unavailable (REF-4, DISP-4).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CancelledLine {
    line: LineId,
    quantity: Quantity,
}

impl CancelledLine {
    /// `quantity` units of the order's line `line`.
    pub fn new(line: LineId, quantity: Quantity) -> CancelledLine {
        CancelledLine { line, quantity }
    }

    /// The line of the order.
    pub fn line(&self) -> &LineId {
        &self.line
    }

    /// The units cancelled.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }
}

/// Products of an order cancelled for unavailability, refunded at their net paid amount with
/// no offer clawed back (REF-4).
///
/// # Example
///
/// ```
/// use comptoir_promo::Quantity;
/// use comptoir_refund::{Cancellation, CancelledLine};
///
/// let out_of_stock = Cancellation::new([CancelledLine::new("teapot".parse()?, Quantity::ONE)])?;
/// assert_eq!(out_of_stock.lines().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "CancellationData", into = "CancellationData")
)]
pub struct Cancellation {
    lines: Vec<CancelledLine>,
}

impl Cancellation {
    /// A cancellation of `lines`.
    ///
    /// # Errors
    ///
    /// [`RefundError::NothingToRefund`] without lines, [`RefundError::DuplicateRefundLine`]
    /// when a line is named twice.
    pub fn new(
        lines: impl IntoIterator<Item = CancelledLine>,
    ) -> Result<Cancellation, RefundError> {
        let lines: Vec<CancelledLine> = lines.into_iter().collect();
        let refs: Vec<LineRef> = lines
            .iter()
            .map(|l| LineRef::Item(l.line.clone()))
            .collect();
        check_lines(refs.iter(), "cancellation")?;
        Ok(Cancellation { lines })
    }

    /// The lines cancelled, in the order given.
    pub fn lines(&self) -> &[CancelledLine] {
        &self.lines
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct CancellationData {
    lines: Vec<CancelledLine>,
}

#[cfg(feature = "serde")]
impl TryFrom<CancellationData> for Cancellation {
    type Error = RefundError;

    fn try_from(d: CancellationData) -> Result<Cancellation, RefundError> {
        Cancellation::new(d.lines)
    }
}

#[cfg(feature = "serde")]
impl From<Cancellation> for CancellationData {
    fn from(c: Cancellation) -> CancellationData {
        CancellationData { lines: c.lines }
    }
}

fn check_lines<'a>(
    lines: impl Iterator<Item = &'a LineRef>,
    what: &'static str,
) -> Result<(), RefundError> {
    let mut seen: Vec<&LineRef> = lines.collect();
    if seen.is_empty() {
        return Err(RefundError::NothingToRefund { what });
    }
    seen.sort_unstable();
    if let Some(pair) = seen.windows(2).find(|p| p.first() == p.get(1))
        && let Some(line) = pair.first()
    {
        return Err(RefundError::DuplicateRefundLine {
            line: line_label(line),
            what,
        });
    }
    Ok(())
}

/// Why money goes back to the customer: goods returned after a withdrawal (REF-1) or
/// products cancelled for unavailability (REF-4). A [`RefundLedger`](crate::RefundLedger)
/// records one refund per cause.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RefundCause {
    /// Goods returned after a withdrawal.
    Return(Return),
    /// Products cancelled for unavailability.
    Cancellation(Cancellation),
}

impl RefundCause {
    /// True for goods returned after a withdrawal.
    pub fn is_return(&self) -> bool {
        matches!(self, RefundCause::Return(_))
    }

    /// The return, if this is one.
    pub fn as_return(&self) -> Option<&Return> {
        match self {
            RefundCause::Return(r) => Some(r),
            RefundCause::Cancellation(_) => None,
        }
    }

    /// The cancellation, if this is one.
    pub fn as_cancellation(&self) -> Option<&Cancellation> {
        match self {
            RefundCause::Cancellation(c) => Some(c),
            RefundCause::Return(_) => None,
        }
    }
}

impl From<Return> for RefundCause {
    fn from(r: Return) -> RefundCause {
        RefundCause::Return(r)
    }
}

impl From<Cancellation> for RefundCause {
    fn from(c: Cancellation) -> RefundCause {
        RefundCause::Cancellation(c)
    }
}

/// How an error names a line: the item's id, or the gift of an offer.
pub(crate) fn line_label(line: &LineRef) -> String {
    match line {
        LineRef::Item(id) => id.to_string(),
        LineRef::Gift(offer) => format!("gift of offer {offer}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> LineId {
        s.parse().unwrap()
    }

    // RET-2: a deduction comes with an amount above zero and its reason.
    #[test]
    fn ret2_deductions_need_an_amount_and_a_reason() {
        assert_eq!(
            Depreciation::new(Eur::from_cents(-1), "x"),
            Err(RefundError::NonPositiveDeduction {
                amount: Eur::from_cents(-1)
            })
        );
        assert_eq!(
            Depreciation::new(Eur::CENT, " \t"),
            Err(RefundError::DeductionWithoutReason)
        );
        let d = Depreciation::new(Eur::CENT, "  rayure ").unwrap();
        assert_eq!(d.reason(), "rayure");
    }

    // REF-1, REF-4: a return or a cancellation names lines, each once.
    #[test]
    fn ref1_ref4_empty_or_repeated_lines_are_refused() {
        assert_eq!(
            Return::new([]),
            Err(RefundError::NothingToRefund { what: "return" })
        );
        let twice = Return::new([
            ReturnedItem::item(id("a"), Quantity::ONE),
            ReturnedItem::item(id("b"), Quantity::ONE),
            ReturnedItem::item(id("a"), Quantity::ONE),
        ]);
        assert_eq!(
            twice,
            Err(RefundError::DuplicateRefundLine {
                line: "a".into(),
                what: "return"
            })
        );
        assert_eq!(
            Cancellation::new([]),
            Err(RefundError::NothingToRefund {
                what: "cancellation"
            })
        );
        let twice = Cancellation::new([
            CancelledLine::new(id("a"), Quantity::ONE),
            CancelledLine::new(id("a"), Quantity::ONE),
        ]);
        assert!(matches!(
            twice,
            Err(RefundError::DuplicateRefundLine { .. })
        ));
        // An item and a gift are different lines, even with the same id.
        let both = Return::new([
            ReturnedItem::item(id("a"), Quantity::ONE),
            ReturnedItem::gift("a".parse().unwrap()),
        ]);
        assert!(both.is_ok());
    }
}
