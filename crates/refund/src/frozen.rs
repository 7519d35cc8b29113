//! What the refund rules read from a validated order (CART-3): its lines and their net paid
//! amounts, its gifts, its frozen offers and their repricing.
//!
//! This is the one module that calls the cart's and the promotion engine's accessors, so a
//! change of name there is mended here and nowhere else in the refund rules.

use chrono::{DateTime, Utc};
use comptoir_cart::{CartError, Order};
use comptoir_money::Eur;
use comptoir_promo::{
    Effect, EvaluatedLine, EvaluationTotals, Line, LineRef, Offer, OfferId, ProductId, Quantity,
    Refusal,
};

use crate::RefundError;
use crate::outcome::{LapseReason, OfferKind};

/// A line the customer bought: as ordered, with its net paid amount (PROMO-5).
pub(crate) struct ItemLine<'a> {
    pub(crate) line: &'a Line,
    pub(crate) net: Eur,
}

/// The gift line an offer added (PROMO-4), with the offer.
pub(crate) struct GiftLine<'a> {
    pub(crate) offer: &'a Offer,
    pub(crate) product: &'a ProductId,
    /// The gift's listed price, what RET-4 deducts when it is kept without its condition.
    pub(crate) value: Eur,
}

/// The order's item lines, in the order's order, with their net paid amounts.
///
/// An evaluation lists the cart's lines first, in the cart's order, then the gifts, so the
/// i-th evaluated line is the i-th ordered line; a record where that does not hold is refused.
pub(crate) fn item_lines(order: &Order) -> Result<Vec<ItemLine<'_>>, RefundError> {
    order
        .lines()
        .iter()
        .zip(order.evaluated_lines())
        .map(|(line, evaluated)| match evaluated.line() {
            LineRef::Item(id) if id == line.id() => Ok(ItemLine {
                line,
                net: evaluated.net(),
            }),
            _ => Err(RefundError::Cart(CartError::InconsistentOrder {
                what: "an evaluated line is not the order's line",
            })),
        })
        .collect()
}

/// The gift lines of the order, each with the offer that added it.
pub(crate) fn gift_lines(order: &Order) -> Result<Vec<GiftLine<'_>>, RefundError> {
    order
        .evaluated_lines()
        .iter()
        .filter_map(|evaluated| match evaluated.line() {
            LineRef::Gift(offer) => Some((offer, evaluated)),
            LineRef::Item(_) => None,
        })
        .map(|(offer_id, evaluated): (&OfferId, &EvaluatedLine)| {
            let offer =
                order
                    .offers()
                    .iter()
                    .find(|o| o.id() == offer_id)
                    .ok_or(RefundError::Cart(CartError::InconsistentOrder {
                        what: "a gift line's offer is not among the order's offers",
                    }))?;
            Ok(GiftLine {
                offer,
                product: evaluated.product(),
                value: evaluated.amount(),
            })
        })
        .collect()
}

/// What the customer paid for the products, after every discount, shipping left out.
pub(crate) fn paid_products(order: &Order) -> Eur {
    order.products_total()
}

/// What the customer paid for delivery, after a free-shipping offer.
pub(crate) fn paid_delivery(order: &Order) -> Eur {
    order.shipping_net()
}

/// The cost of the delivery the customer chose, before offers.
pub(crate) fn delivery_cost(order: &Order) -> Eur {
    order.delivery().cost()
}

/// The instant the order was validated.
pub(crate) fn validated_at(order: &Order) -> DateTime<Utc> {
    order.validated_at()
}

/// What the customer paid in all.
pub(crate) fn total(order: &Order) -> Eur {
    order.total()
}

/// The lines as ordered, with their quantities.
pub(crate) fn ordered_lines(order: &Order) -> &[Line] {
    order.lines()
}

/// The discount an applied offer gave at validation.
pub(crate) fn discount_at_validation(order: &Order, offer: &OfferId) -> Eur {
    order
        .evaluation()
        .applied()
        .iter()
        .find(|a| a.offer() == offer)
        .map_or(Eur::ZERO, |a| a.discount())
}

/// What an offer's effects bear on, for the explanation: an offer of several effects is one
/// offer (PROMO-2), told as a discount when any of its effects takes money off items (its
/// gift, if any, is told with what happens to the gift line).
pub(crate) fn offer_kind(offer: &Offer) -> OfferKind {
    let effects = offer.effects();
    if effects
        .iter()
        .any(|e| matches!(e, Effect::PercentOff { .. } | Effect::AmountOff { .. }))
    {
        OfferKind::Discount
    } else if offer.gift().is_some() {
        OfferKind::Gift
    } else {
        OfferKind::FreeShipping
    }
}

/// True when the offer's condition depends on the items bought (RET-4's "conditional" gift).
pub(crate) fn is_conditional(offer: &Offer) -> bool {
    offer.conditions().depend_on_items()
}

/// The kept items repriced under the order's frozen offers, as at validation (REF-1).
pub(crate) struct Repriced {
    evaluation: EvaluationTotals,
}

impl Repriced {
    /// Reprices the `kept` lines, each at the units kept, under `order`'s offers, with the
    /// order's own delivery cost (a minimum that counts shipping counts the delivery the
    /// customer had). Totals only: a refund needs no share per line.
    pub(crate) fn compute<'a>(
        order: &Order,
        kept: impl IntoIterator<Item = (&'a Line, Quantity)>,
    ) -> Result<Repriced, RefundError> {
        Ok(Repriced {
            evaluation: order.reprice_totals(kept, delivery_cost(order))?,
        })
    }

    /// What the kept items cost: their net amounts, shipping left out.
    pub(crate) fn items_total(&self) -> Eur {
        self.evaluation.items_net()
    }

    /// True when `offer` still applies to the kept items.
    pub(crate) fn applies(&self, offer: &OfferId) -> bool {
        self.evaluation.applies(offer)
    }

    /// Why `offer` no longer applies, in the terms of the kept items.
    pub(crate) fn lapse_reason(&self, offer: &Offer) -> LapseReason {
        let c = offer.conditions();
        match self.evaluation.reason(offer.id()) {
            Some(Refusal::MinimumAmountNotReached { missing }) => match c.minimum_amount {
                Some(minimum) => LapseReason::MinimumAmount {
                    kept: minimum.checked_sub(*missing).unwrap_or(Eur::ZERO),
                    minimum,
                },
                None => LapseReason::Other(Refusal::MinimumAmountNotReached { missing: *missing }),
            },
            Some(Refusal::MinimumQuantityNotReached { missing }) => match c.minimum_quantity {
                Some(minimum) => LapseReason::MinimumQuantity {
                    kept: minimum.get().saturating_sub(*missing),
                    minimum: minimum.get(),
                },
                None => {
                    LapseReason::Other(Refusal::MinimumQuantityNotReached { missing: *missing })
                }
            },
            Some(Refusal::ProductRestrictionNotMet) => LapseReason::NoQualifyingItemKept,
            Some(other) => LapseReason::Other(other.clone()),
            // Not reported as refused: an offer the evaluation did not consider at all.
            None => LapseReason::NoQualifyingItemKept,
        }
    }
}
