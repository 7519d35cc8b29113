//! The ledger of an order's refunds, and the computation of each new refund against it
//! (REF-1, REF-4, RET-2, RET-4, L221-24).

use chrono::{DateTime, Utc};
use comptoir_cart::Order;
use comptoir_money::Eur;
use comptoir_promo::{Line, LineId, LineRef, OfferId, Quantity};

use crate::RefundError;
use crate::amount_policy::{RefundAmountPolicy, RefundMethod};
use crate::frozen::{self, GiftLine, ItemLine, Repriced};
use crate::input::{Inspection, RefundCause, line_label};
use crate::outcome::{
    DeliveryRefund, KeptGift, LapsedOffer, LineDeduction, Refund, RefundExplanation, RefundedLine,
};

/// What the ledger keeps to recognise its order: the validation instant, the total paid and
/// the lines with the quantities ordered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct OrderStamp {
    validated_at: DateTime<Utc>,
    total: Eur,
    lines: Vec<StampLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct StampLine {
    line: LineId,
    quantity: Quantity,
}

impl OrderStamp {
    fn of(order: &Order) -> OrderStamp {
        OrderStamp {
            validated_at: frozen::validated_at(order),
            total: frozen::total(order),
            lines: frozen::ordered_lines(order)
                .iter()
                .map(|l| StampLine {
                    line: l.id().clone(),
                    quantity: l.quantity(),
                })
                .collect(),
        }
    }

    /// The first figure where this stamp and `order` differ.
    fn check(&self, order: &Order) -> Result<(), RefundError> {
        let mismatch = |what, ledger: String, order: String| {
            Err(RefundError::LedgerOfAnotherOrder {
                what,
                ledger,
                order,
            })
        };
        let validated_at = frozen::validated_at(order);
        if self.validated_at != validated_at {
            return mismatch(
                "validation instant",
                self.validated_at.to_rfc3339(),
                validated_at.to_rfc3339(),
            );
        }
        let total = frozen::total(order);
        if self.total != total {
            return mismatch("total paid", self.total.to_string(), total.to_string());
        }
        let lines = frozen::ordered_lines(order);
        if self.lines.len() != lines.len() {
            return mismatch(
                "number of lines",
                self.lines.len().to_string(),
                lines.len().to_string(),
            );
        }
        for (ours, line) in self.lines.iter().zip(lines) {
            if &ours.line != line.id() || ours.quantity != line.quantity() {
                return mismatch(
                    "line",
                    format!("{} x {}", ours.line, ours.quantity),
                    format!("{} x {}", line.id(), line.quantity()),
                );
            }
        }
        Ok(())
    }
}

/// Units of one line that left the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct LineTally {
    returned: u32,
    cancelled: u32,
}

impl LineTally {
    fn removed(self) -> u32 {
        self.returned.saturating_add(self.cancelled)
    }
}

/// Where an order stands after its refunds so far: what one more refund is computed from,
/// in time that does not grow with the number of earlier refunds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Tally {
    /// Per item line of the order, in the order's order.
    lines: Vec<LineTally>,
    /// Per gift line of the order: the offer, and whether the gift came back.
    gifts: Vec<(OfferId, bool)>,
    /// The net paid amounts of every unit returned or cancelled.
    removed_net: Eur,
    /// Every RET-2 deduction so far.
    deductions: Eur,
    /// What was refunded on the products.
    refunded_products: Eur,
    /// What was refunded on delivery.
    refunded_delivery: Eur,
    /// True once every item is returned or cancelled: delivery was refunded then.
    complete: bool,
}

/// A line of the refund being computed, before its share.
struct Part {
    line: LineRef,
    product: comptoir_promo::ProductId,
    quantity: Quantity,
    net_paid: Eur,
    deduction: Eur,
    reason: Option<String>,
    /// The units' price before discounts: the weight of last resort.
    gross: Eur,
}

/// The ledger of one order's refunds: what was returned, cancelled and refunded so far, and
/// the engine that computes each new refund against it (REF-1, REF-4, RET-2, RET-4,
/// L221-24).
///
/// A back office keeps one ledger per order: it calls [`RefundLedger::record`] once per
/// return or cancellation and gets the whole answer, the refund with its split over the lines
/// and its explanation. Refused input (a line not in the order, more units than are still
/// kept, a deduction above the net paid...) is a typed error naming the line and the figure,
/// and leaves the ledger exactly as it was.
///
/// **The rule** (REF-1). After each return or cancellation, with the items still kept:
///
/// ```text
/// entitlement = paid for products - value of the kept items - deductions (RET-2)
///               - price of each conditional gift kept though its condition lapsed (RET-4)
/// refund      = entitlement - refunded already, never below zero
/// ```
///
/// The kept items' value is their price repriced under the order's frozen offers as at
/// validation ([`RefundMethod::Repricing`], the FAQ's), or their net paid amounts
/// ([`RefundMethod::Proportional`]). A refund never takes an earlier one back, and the
/// refunds never sum above what was paid. A cancellation (REF-4) refunds the cancelled units'
/// net paid amount with no offer clawed back (never more than is still paid; a cancellation
/// that leaves nothing refunds what the entitlement still owes, if that is more); it counts
/// among the refunds made. When everything is returned or
/// cancelled, the delivery paid is refunded up to the cheapest standard delivery
/// ([`RefundAmountPolicy::cheapest_standard_delivery`]), in full when nothing came back by a
/// withdrawal (an order emptied by cancellations alone was never delivered as agreed); a
/// partial return refunds none.
///
/// **Storing it.** With the `serde` feature the ledger serialises to a [`LedgerRecord`]: the
/// order's stamp, the policy, and each refund's cause and figures. A stored ledger is read
/// back with [`RefundLedger::load`], which replays every refund on the order and refuses a
/// record whose figures disagree (tampered or corrupted) or that belongs to another order.
///
/// # Example
///
/// RULES.md's example: A 90.00 + B 30.00 under "-10 EUR from 100 EUR", 110.00 paid; B comes
/// back, A alone (90.00) is below the minimum, the offer lapses: 110.00 - 90.00 = 20.00.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// use comptoir_promo::*;
/// use comptoir_refund::{RefundAmountPolicy, RefundLedger, Return, ReturnedItem};
///
/// let ten_off = Effect::AmountOff { amount: "10".parse()?, on: Target::Order };
/// let catalogue = Catalogue::new([Offer::builder("dix".parse()?, "-10 € dès 100 €", ten_off)
///     .code(Code::new("DIX")?)
///     .minimum_amount("100".parse()?)
///     .priority(1)
///     .build()?])?;
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at);
/// let terms = Terms::new(&catalogue, &context);
/// let mut cart = Cart::new();
/// cart.add_line(Line::new("a".parse()?, "A".parse()?, "90".parse()?, Quantity::ONE)?, &terms)?;
/// cart.add_line(Line::new("b".parse()?, "B".parse()?, "30".parse()?, Quantity::ONE)?, &terms)?;
/// cart.enter_code("DIX", &terms)?;
/// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
/// let order = cart.validate(CustomerId::new(1), &terms)?;
/// assert_eq!(order.total(), "110.00".parse()?);
///
/// let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
/// let refund = ledger.record(&order, Return::new([ReturnedItem::item("b".parse()?, Quantity::ONE)])?)?;
/// assert_eq!(refund.amount(), "20.00".parse()?);
/// let lapsed = &refund.explanation().lapsed()[0];
/// assert_eq!(lapsed.reason().to_string(), "kept 90.00 < minimum 100.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RefundLedger {
    order: OrderStamp,
    policy: RefundAmountPolicy,
    tally: Tally,
    refunds: Vec<Refund>,
}

impl RefundLedger {
    /// The empty ledger of `order`, whose refunds will be computed under `policy`. The policy
    /// is kept: every refund of one order is computed the same way.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] for a policy [`RefundAmountPolicy::validate`] refuses;
    /// [`RefundError::Cart`] for an order whose evaluation does not match its lines.
    pub fn new(order: &Order, policy: RefundAmountPolicy) -> Result<RefundLedger, RefundError> {
        policy.validate()?;
        let items = frozen::item_lines(order)?;
        let gifts = frozen::gift_lines(order)?;
        Ok(RefundLedger {
            order: OrderStamp::of(order),
            policy,
            tally: Tally {
                lines: vec![LineTally::default(); items.len()],
                gifts: gifts
                    .iter()
                    .map(|g| (g.offer.id().clone(), false))
                    .collect(),
                removed_net: Eur::ZERO,
                deductions: Eur::ZERO,
                refunded_products: Eur::ZERO,
                refunded_delivery: Eur::ZERO,
                complete: false,
            },
            refunds: Vec::new(),
        })
    }

    /// Computes the refund of `cause` (a [`Return`](crate::Return) or a
    /// [`Cancellation`](crate::Cancellation)) against the refunds so far, records it and
    /// returns it.
    ///
    /// # Errors
    ///
    /// Nothing is recorded on an error:
    ///
    /// - [`RefundError::LedgerOfAnotherOrder`] when `order` is not this ledger's order;
    /// - [`RefundError::UnknownOrderLine`] for a line (or a gift) not in the order;
    /// - [`RefundError::MoreUnitsThanOrdered`] and [`RefundError::MoreUnitsThanKept`] for
    ///   more units than the line had, or still has after earlier returns and cancellations;
    /// - [`RefundError::LineCancelled`] for a line cancelled in full;
    /// - [`RefundError::DeductionAboveNet`] for a deduction above the net paid for the units
    ///   returned (RET-2);
    /// - [`RefundError::InspectionPending`] for a line not inspected yet;
    /// - [`RefundError::Cart`] and [`RefundError::Money`] when repricing fails (overflow
    ///   far beyond any real order).
    pub fn record(
        &mut self,
        order: &Order,
        cause: impl Into<RefundCause>,
    ) -> Result<Refund, RefundError> {
        self.order.check(order)?;
        let (refund, tally) = self.compute(order, cause.into())?;
        self.tally = tally;
        self.refunds.push(refund.clone());
        Ok(refund)
    }

    /// The refund `cause` would give, without recording it.
    ///
    /// # Errors
    ///
    /// As [`RefundLedger::record`].
    pub fn preview(&self, order: &Order, cause: &RefundCause) -> Result<Refund, RefundError> {
        self.order.check(order)?;
        Ok(self.compute(order, cause.clone())?.0)
    }

    /// The refunds recorded, oldest first.
    pub fn refunds(&self) -> &[Refund] {
        &self.refunds
    }

    /// The policy the refunds are computed under.
    pub fn policy(&self) -> RefundAmountPolicy {
        self.policy
    }

    /// Everything refunded so far: products and delivery.
    ///
    /// # Errors
    ///
    /// [`RefundError::Money`] on overflow, beyond any real order.
    pub fn refunded(&self) -> Result<Eur, RefundError> {
        Ok(self
            .tally
            .refunded_products
            .checked_add(self.tally.refunded_delivery)?)
    }

    /// What was refunded on the products so far.
    pub fn refunded_products(&self) -> Eur {
        self.tally.refunded_products
    }

    /// What was refunded on delivery so far.
    pub fn refunded_delivery(&self) -> Eur {
        self.tally.refunded_delivery
    }

    /// Every RET-2 deduction so far.
    pub fn deductions(&self) -> Eur {
        self.tally.deductions
    }

    /// The units of line `id` still kept: ordered, not returned, not cancelled. `None` for a
    /// line not in the order.
    pub fn kept_units(&self, id: &LineId) -> Option<u32> {
        self.order
            .lines
            .iter()
            .zip(&self.tally.lines)
            .find(|(s, _)| &s.line == id)
            .map(|(s, t)| s.quantity.get().saturating_sub(t.removed()))
    }

    /// True once every item is returned or cancelled.
    pub fn is_complete(&self) -> bool {
        self.tally.complete
    }

    /// The refund of `cause` and the tally after it, the ledger untouched.
    fn compute(&self, order: &Order, cause: RefundCause) -> Result<(Refund, Tally), RefundError> {
        let items = frozen::item_lines(order)?;
        let gifts = frozen::gift_lines(order)?;
        if items.len() != self.tally.lines.len() || gifts.len() != self.tally.gifts.len() {
            return Err(RefundError::LedgerOfAnotherOrder {
                what: "number of gift lines",
                ledger: self.tally.gifts.len().to_string(),
                order: gifts.len().to_string(),
            });
        }
        let mut tally = self.tally.clone();
        let (parts, gifts_back) = take_parts(&items, &gifts, &mut tally, &cause)?;
        let this_net = Eur::try_sum(parts.iter().map(|p| p.net_paid))?;
        let this_deductions = Eur::try_sum(parts.iter().map(|p| p.deduction))?;
        tally.removed_net = tally.removed_net.checked_add(this_net)?;
        tally.deductions = tally.deductions.checked_add(this_deductions)?;

        let paid = frozen::paid_products(order);
        let mut kept = self.assess(order, &items, &gifts, &tally, &gifts_back)?;
        let entitlement = paid
            .checked_sub(kept.value)?
            .checked_sub(tally.deductions)?
            .checked_sub(Eur::try_sum(kept.gifts.iter().map(|g| g.value))?)?;
        let before = self.tally.refunded_products;
        let owed = entitlement.checked_sub(before)?;
        let units_kept: u64 = tally
            .lines
            .iter()
            .zip(&items)
            .map(|(t, it)| u64::from(it.line.quantity().get().saturating_sub(t.removed())))
            .sum();
        let nothing_kept = units_kept == 0;
        let products = match &cause {
            RefundCause::Return(_) => owed.max(Eur::ZERO),
            // REF-4: the units' net paid amount, no offer clawed back. When nothing is left,
            // REF-1's "returning everything refunds everything" settles what earlier returns
            // left owed. Never more than is still paid, so that money is never created.
            RefundCause::Cancellation(_) => {
                let settles = nothing_kept && owed > this_net;
                if !settles {
                    // Nothing is clawed back from a cancellation: lapsed offers and kept
                    // gifts do not change it, so its explanation does not list them.
                    kept.lapsed.clear();
                    kept.gifts.clear();
                }
                let due = if settles { owed } else { this_net };
                due.min(paid.checked_sub(before)?).max(Eur::ZERO)
            }
        };
        tally.refunded_products = tally.refunded_products.checked_add(products)?;
        let delivery = if nothing_kept && !tally.complete {
            // L221-24's cap on delivery is a withdrawal's: an order emptied by cancellations
            // alone was never delivered as agreed, and everything paid comes back (REF-4,
            // L216-7).
            let withdrawn = tally.lines.iter().any(|t| t.returned > 0)
                || tally.gifts.iter().any(|(_, back)| *back);
            let delivery = self.delivery_refund(order, withdrawn);
            tally.complete = true;
            tally.refunded_delivery = tally.refunded_delivery.checked_add(delivery.refunded)?;
            Some(delivery)
        } else {
            None
        };
        let delivery_amount = delivery.map_or(Eur::ZERO, |d| d.refunded);

        let shares = split(products, &parts)?;
        let deductions = parts
            .iter()
            .filter_map(|p| {
                p.reason.as_ref().map(|reason| LineDeduction {
                    line: p.line.clone(),
                    product: p.product.clone(),
                    amount: p.deduction,
                    reason: reason.clone(),
                })
            })
            .collect();
        let lines = parts
            .into_iter()
            .zip(shares)
            .map(|(p, amount)| RefundedLine {
                line: p.line,
                product: p.product,
                quantity: p.quantity,
                net_paid: p.net_paid,
                deduction: p.deduction,
                amount,
            })
            .collect();
        let cancelled_net = (!cause.is_return()).then_some(this_net);
        let return_costs = cause.is_return().then_some(self.policy.return_costs);
        let refund = Refund {
            number: self.refunds.len().saturating_add(1),
            cause,
            lines,
            products,
            delivery: delivery_amount,
            amount: products.checked_add(delivery_amount)?,
            explanation: RefundExplanation {
                method: self.policy.method,
                paid_products: paid,
                kept_value: kept.value,
                units_kept,
                lapsed: kept.lapsed,
                deductions,
                deductions_total: tally.deductions,
                kept_gifts: kept.gifts,
                gifts_returned_with_lapsed_offer: kept.gifts_back_with_lapsed_offer,
                entitlement,
                refunded_before: before,
                cancelled_net,
                delivery,
                return_costs,
            },
        };
        Ok((refund, tally))
    }

    /// What the items kept after `tally` are worth under the ledger's method, which offers
    /// lapsed (repricing only), and which conditional gifts are kept without their condition
    /// (RET-4, under either method).
    fn assess(
        &self,
        order: &Order,
        items: &[ItemLine<'_>],
        gifts: &[GiftLine<'_>],
        tally: &Tally,
        gifts_back: &[OfferId],
    ) -> Result<Kept, RefundError> {
        let method = self.policy.method;
        let gift_condition_matters = tally
            .gifts
            .iter()
            .zip(gifts)
            .any(|((_, back), g)| !back && frozen::is_conditional(g.offer));
        let mut kept = Kept {
            value: frozen::paid_products(order).checked_sub(tally.removed_net)?,
            lapsed: Vec::new(),
            gifts: Vec::new(),
            gifts_back_with_lapsed_offer: Vec::new(),
        };
        // The proportional method reprices only to check a gift's condition.
        if method == RefundMethod::Proportional && !gift_condition_matters {
            return Ok(kept);
        }
        let repriced = Repriced::compute(order, kept_lines(items, tally))?;
        if method == RefundMethod::Repricing {
            kept.value = repriced.items_total();
            kept.lapsed = order
                .offers()
                .iter()
                .filter(|o| !repriced.applies(o.id()))
                .map(|o| LapsedOffer {
                    offer: o.id().clone(),
                    name: o.name().to_owned(),
                    kind: frozen::offer_kind(o),
                    discount_at_validation: frozen::discount_at_validation(order, o.id()),
                    reason: repriced.lapse_reason(o),
                })
                .collect();
        }
        for ((offer, back), g) in tally.gifts.iter().zip(gifts) {
            if !frozen::is_conditional(g.offer) || repriced.applies(offer) {
                continue;
            }
            if !back {
                kept.gifts.push(KeptGift {
                    offer: offer.clone(),
                    offer_name: g.offer.name().to_owned(),
                    product: g.product.clone(),
                    value: g.value,
                    reason: repriced.lapse_reason(g.offer),
                });
            } else if gifts_back.contains(offer) {
                kept.gifts_back_with_lapsed_offer.push(offer.clone());
            }
        }
        Ok(kept)
    }

    /// The delivery refund of a return or cancellation that completes the order: the delivery
    /// paid, up to the cheapest standard delivery (L221-24) when goods came back after a
    /// withdrawal, in full when everything was cancelled.
    fn delivery_refund(&self, order: &Order, withdrawn: bool) -> DeliveryRefund {
        let paid = frozen::paid_delivery(order);
        let cheapest_standard = self
            .policy
            .cheapest_standard_delivery
            .unwrap_or_else(|| frozen::delivery_cost(order));
        DeliveryRefund {
            paid,
            cheapest_standard,
            refunded: if withdrawn {
                paid.min(cheapest_standard)
            } else {
                paid
            },
        }
    }
}

/// What the kept items are worth, and what the offers say of them.
struct Kept {
    value: Eur,
    lapsed: Vec<LapsedOffer>,
    gifts: Vec<KeptGift>,
    gifts_back_with_lapsed_offer: Vec<OfferId>,
}

/// Takes the lines of `cause` out of what the customer keeps: each line's part, and the gift
/// offers whose gift comes back.
fn take_parts(
    items: &[ItemLine<'_>],
    gifts: &[GiftLine<'_>],
    tally: &mut Tally,
    cause: &RefundCause,
) -> Result<(Vec<Part>, Vec<OfferId>), RefundError> {
    let mut parts = Vec::new();
    let mut gifts_back = Vec::new();
    match cause {
        RefundCause::Return(r) => {
            for item in r.items() {
                let part = match item.line() {
                    LineRef::Item(id) => take_units(items, tally, id, item.quantity(), false)?,
                    LineRef::Gift(offer) => {
                        gifts_back.push(offer.clone());
                        take_gift(gifts, tally, offer, item.quantity())?
                    }
                };
                parts.push(inspect(part, item.inspection())?);
            }
        }
        RefundCause::Cancellation(c) => {
            for cancelled in c.lines() {
                parts.push(take_units(
                    items,
                    tally,
                    cancelled.line(),
                    cancelled.quantity(),
                    true,
                )?);
            }
        }
    }
    Ok((parts, gifts_back))
}

/// Takes `asked` units of item line `id` out of the kept items, returning the line's part.
fn take_units(
    items: &[ItemLine<'_>],
    tally: &mut Tally,
    id: &LineId,
    asked: Quantity,
    cancelling: bool,
) -> Result<Part, RefundError> {
    let label = || id.to_string();
    let (item, t) = items
        .iter()
        .zip(tally.lines.iter_mut())
        .find(|(it, _)| it.line.id() == id)
        .ok_or_else(|| RefundError::UnknownOrderLine { line: label() })?;
    let ordered = item.line.quantity().get();
    let asked_units = asked.get();
    if asked_units > ordered {
        return Err(RefundError::MoreUnitsThanOrdered {
            line: label(),
            asked: asked_units,
            ordered,
        });
    }
    let before = t.removed();
    let kept = ordered.saturating_sub(before);
    if kept == 0 && t.cancelled == ordered {
        return Err(RefundError::LineCancelled {
            line: label(),
            cancelled: t.cancelled,
        });
    }
    let more_than_kept = || RefundError::MoreUnitsThanKept {
        line: label(),
        asked: asked_units,
        kept,
        returned: t.returned,
        cancelled: t.cancelled,
    };
    if asked_units > kept {
        return Err(more_than_kept());
    }
    // At most what is kept: the sum stays within the line's ordered units.
    let count = if cancelling { t.cancelled } else { t.returned };
    let count = count.checked_add(asked_units).ok_or_else(more_than_kept)?;
    if cancelling {
        t.cancelled = count;
    } else {
        t.returned = count;
    }
    let after = t.removed();
    // The units' share of the line's net amount, so that the shares of successive returns of
    // one line sum exactly to the line's net (PROMO-5's exact split, per unit).
    let net_paid = units_share(item.net, ordered, after)?
        .checked_sub(units_share(item.net, ordered, before)?)?;
    Ok(Part {
        line: LineRef::Item(id.clone()),
        product: item.line.product().clone(),
        quantity: asked,
        net_paid,
        deduction: Eur::ZERO,
        reason: None,
        gross: item.line.unit_price().times(asked_units)?,
    })
}

/// Takes the gift of `offer` out of what the customer keeps.
fn take_gift(
    gifts: &[GiftLine<'_>],
    tally: &mut Tally,
    offer: &OfferId,
    asked: Quantity,
) -> Result<Part, RefundError> {
    let label = || line_label(&LineRef::Gift(offer.clone()));
    let (gift, (_, back)) = gifts
        .iter()
        .zip(tally.gifts.iter_mut())
        .find(|(_, (o, _))| o == offer)
        .ok_or_else(|| RefundError::UnknownOrderLine { line: label() })?;
    if asked.get() > 1 {
        return Err(RefundError::MoreUnitsThanOrdered {
            line: label(),
            asked: asked.get(),
            ordered: 1,
        });
    }
    if *back {
        return Err(RefundError::MoreUnitsThanKept {
            line: label(),
            asked: 1,
            kept: 0,
            returned: 1,
            cancelled: 0,
        });
    }
    *back = true;
    Ok(Part {
        line: LineRef::Gift(offer.clone()),
        product: gift.product.clone(),
        quantity: asked,
        // A gift is free: nothing was paid for it.
        net_paid: Eur::ZERO,
        deduction: Eur::ZERO,
        reason: None,
        gross: gift.value,
    })
}

/// The part with the inspection's deduction, which RET-2 caps at the net paid for the units.
fn inspect(mut part: Part, inspection: &Inspection) -> Result<Part, RefundError> {
    match inspection {
        Inspection::Accepted => Ok(part),
        Inspection::Pending => Err(RefundError::InspectionPending {
            line: line_label(&part.line),
        }),
        Inspection::Depreciated(d) => {
            if d.amount() > part.net_paid {
                return Err(RefundError::DeductionAboveNet {
                    line: line_label(&part.line),
                    deduction: d.amount(),
                    net: part.net_paid,
                });
            }
            part.deduction = d.amount();
            part.reason = Some(d.reason().to_owned());
            Ok(part)
        }
    }
}

/// The share of a line's `net` amount that its first `units` of `ordered` units carry: the
/// first part of the net split over `units` and the rest, largest remainder (money's split).
fn units_share(net: Eur, ordered: u32, units: u32) -> Result<Eur, RefundError> {
    if units == 0 {
        return Ok(Eur::ZERO);
    }
    if units >= ordered {
        return Ok(net);
    }
    let rest = ordered.saturating_sub(units);
    let parts = net.allocate(&[units, rest])?;
    Ok(parts.first().copied().unwrap_or(Eur::ZERO))
}

/// The items still kept, each with the units kept: borrowed, not copied, since a refund
/// reprices them once per return.
fn kept_lines<'a>(
    items: &'a [ItemLine<'a>],
    tally: &'a Tally,
) -> impl Iterator<Item = (&'a Line, Quantity)> + 'a {
    items.iter().zip(&tally.lines).filter_map(|(it, t)| {
        let kept = it.line.quantity().get().saturating_sub(t.removed());
        Quantity::new(kept).ok().map(|q| (it.line, q))
    })
}

/// The products' refund split over the parts, exact to the cent: in proportion to what each
/// brings back (net paid less deduction); failing that, to the units' list price; failing
/// that, to the units.
fn split(products: Eur, parts: &[Part]) -> Result<Vec<Eur>, RefundError> {
    // One line takes it all: the usual return of one line needs no allocation of cents.
    if let [_] = parts {
        return Ok(vec![products]);
    }
    let brought: Vec<Eur> = parts
        .iter()
        .map(|p| p.net_paid.checked_sub(p.deduction))
        .collect::<Result<_, _>>()?;
    let weights: Vec<Eur> = if brought.iter().any(|w| w.is_positive()) {
        brought
    } else if parts.iter().any(|p| p.gross.is_positive()) {
        parts.iter().map(|p| p.gross).collect()
    } else {
        parts
            .iter()
            .map(|p| Eur::from_cents(i64::from(p.quantity.get())))
            .collect()
    };
    Ok(products.allocate(&weights)?)
}

/// A stored ledger, as [`RefundLedger`] serialises (with the `serde` feature): the order's
/// stamp (validation instant, total, lines and quantities), the policy, and each refund's
/// cause with its figures (amount, delivery, each line's share).
///
/// It is read back into a ledger with [`RefundLedger::load`], which needs the order: the
/// figures are checked by computing every refund again. That check needs the order, which
/// deserialising cannot see, so a ledger is never deserialised directly.
///
/// What can be checked without the order is checked when a record is deserialised, by the
/// function [`RefundLedger::load`] starts with: the stamp has lines, each once; every
/// figure is zero or more; each refund's line shares and delivery sum to its amount; the
/// refunds never sum above the total paid; each refund names lines of the stamp, and never
/// more units of a line, over all the refunds, than it ordered. A record breaking one of
/// these is refused with [`RefundError::InconsistentLedgerRecord`] or, for a cause the
/// stamp's lines refuse, [`RefundError::LedgerEntryInvalid`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "LedgerRecordData", into = "LedgerRecordData")
)]
pub struct LedgerRecord {
    order: OrderStamp,
    policy: RefundAmountPolicy,
    refunds: Vec<RefundRecord>,
}

/// The stored form of a [`LedgerRecord`], read through [`LedgerRecord::check`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LedgerRecordData {
    order: OrderStamp,
    policy: RefundAmountPolicy,
    refunds: Vec<RefundRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<LedgerRecordData> for LedgerRecord {
    type Error = RefundError;

    fn try_from(d: LedgerRecordData) -> Result<LedgerRecord, RefundError> {
        let record = LedgerRecord {
            order: d.order,
            policy: d.policy,
            refunds: d.refunds,
        };
        record.check()?;
        Ok(record)
    }
}

#[cfg(feature = "serde")]
impl From<LedgerRecord> for LedgerRecordData {
    fn from(r: LedgerRecord) -> LedgerRecordData {
        LedgerRecordData {
            order: r.order,
            policy: r.policy,
            refunds: r.refunds,
        }
    }
}

impl LedgerRecord {
    /// What a record must satisfy whatever its order (see [`LedgerRecord`]).
    fn check(&self) -> Result<(), RefundError> {
        let inconsistent = |refund: Option<usize>, reason: String| {
            let reason = match refund {
                Some(number) => format!("refund {number}: {reason}"),
                None => reason,
            };
            Err(RefundError::InconsistentLedgerRecord { refund, reason })
        };
        if self.order.lines.is_empty() {
            return inconsistent(None, "the order stamp has no line".into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for stamp in &self.order.lines {
            if !seen.insert(&stamp.line) {
                return inconsistent(None, format!("line {} is twice in the stamp", stamp.line));
            }
        }
        if self.order.total.is_negative() {
            return inconsistent(None, format!("total paid {} below zero", self.order.total));
        }
        // Units of each stamp line returned or cancelled so far, in the stamp's order.
        let mut removed = vec![(0u32, 0u32); self.order.lines.len()];
        let mut refunded = Eur::ZERO;
        for (index, stored) in self.refunds.iter().enumerate() {
            let number = index.saturating_add(1);
            let refused = |error| {
                Err(RefundError::LedgerEntryInvalid {
                    refund: number,
                    error: Box::new(error),
                })
            };
            for figure in stored
                .lines
                .iter()
                .map(|l| l.amount)
                .chain([stored.amount, stored.delivery])
            {
                if figure.is_negative() {
                    return inconsistent(Some(number), format!("figure {figure} below zero"));
                }
            }
            let shares = Eur::try_sum(stored.lines.iter().map(|l| l.amount))?;
            if shares.checked_add(stored.delivery)? != stored.amount {
                return inconsistent(
                    Some(number),
                    format!(
                        "line shares {shares} and delivery {} do not sum to the amount {}",
                        stored.delivery, stored.amount
                    ),
                );
            }
            refunded = refunded.checked_add(stored.amount)?;
            if refunded > self.order.total {
                return inconsistent(
                    Some(number),
                    format!(
                        "refunds sum to {refunded}, above the total paid {}",
                        self.order.total
                    ),
                );
            }
            let asked: Vec<(&LineId, u32, bool)> = match &stored.cause {
                RefundCause::Return(r) => r
                    .items()
                    .iter()
                    .filter_map(|item| match item.line() {
                        LineRef::Item(id) => Some((id, item.quantity().get(), false)),
                        // The stamp does not list the gift lines: the order checks them.
                        LineRef::Gift(_) => None,
                    })
                    .collect(),
                RefundCause::Cancellation(c) => c
                    .lines()
                    .iter()
                    .map(|l| (l.line(), l.quantity().get(), true))
                    .collect(),
            };
            for (id, units, cancelling) in asked {
                let Some((stamp, (returned, cancelled))) = self
                    .order
                    .lines
                    .iter()
                    .zip(removed.iter_mut())
                    .find(|(s, _)| &s.line == id)
                else {
                    return refused(RefundError::UnknownOrderLine {
                        line: id.to_string(),
                    });
                };
                let ordered = stamp.quantity.get();
                if units > ordered {
                    return refused(RefundError::MoreUnitsThanOrdered {
                        line: id.to_string(),
                        asked: units,
                        ordered,
                    });
                }
                let kept = ordered.saturating_sub(*returned).saturating_sub(*cancelled);
                if units > kept {
                    return refused(RefundError::MoreUnitsThanKept {
                        line: id.to_string(),
                        asked: units,
                        kept,
                        returned: *returned,
                        cancelled: *cancelled,
                    });
                }
                // At most what is kept: the counts stay within the units ordered.
                let count = if cancelling { cancelled } else { returned };
                *count = count.saturating_add(units);
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RefundRecord {
    cause: RefundCause,
    amount: Eur,
    delivery: Eur,
    lines: Vec<LineFigure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct LineFigure {
    line: LineRef,
    amount: Eur,
}

impl RefundLedger {
    /// The ledger as it is stored: what [`RefundLedger::load`] reads back.
    pub fn to_record(&self) -> LedgerRecord {
        LedgerRecord {
            order: self.order.clone(),
            policy: self.policy,
            refunds: self
                .refunds
                .iter()
                .map(|r| RefundRecord {
                    cause: r.cause.clone(),
                    amount: r.amount,
                    delivery: r.delivery,
                    lines: r
                        .lines
                        .iter()
                        .map(|l| LineFigure {
                            line: l.line.clone(),
                            amount: l.amount,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Reads a stored ledger back for `order`: every refund is computed again, in order, and
    /// must give the stored figures.
    ///
    /// # Errors
    ///
    /// - [`RefundError::InconsistentLedgerRecord`], and [`RefundError::LedgerEntryInvalid`]
    ///   for a cause the stamp's lines refuse, when the record contradicts itself (the checks
    ///   deserialising runs, listed on [`LedgerRecord`]);
    /// - [`RefundError::LedgerOfAnotherOrder`] when the record's stamp is not `order`'s;
    /// - [`RefundError::LedgerEntryInvalid`] when a stored refund's cause is refused on the
    ///   order (e.g. more units than ordered), with that refused error;
    /// - [`RefundError::LedgerFigureMismatch`] when a stored amount, delivery or line share
    ///   differs from the one computed (tampered or corrupted record);
    /// - [`RefundError::InvalidPolicy`] for a policy the ledger could not have been made with.
    ///
    /// # Example
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
    /// # use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
    /// use comptoir_refund::{LedgerRecord, RefundAmountPolicy, RefundLedger, Return, ReturnedItem};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
    /// # let context = EvaluationContext::new(at);
    /// # let catalogue = Catalogue::default();
    /// # let terms = Terms::new(&catalogue, &context);
    /// # let mut cart = Cart::new();
    /// # cart.add_line(Line::new("mug".parse()?, "mug".parse()?, "12.00".parse()?, Quantity::new(2)?)?, &terms)?;
    /// # cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
    /// # let order = cart.validate(CustomerId::new(1), &terms)?;
    /// let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    /// ledger.record(&order, Return::new([ReturnedItem::item("mug".parse()?, Quantity::ONE)])?)?;
    /// let stored = serde_json::to_string(&ledger)?;
    ///
    /// let record: LedgerRecord = serde_json::from_str(&stored)?;
    /// assert_eq!(RefundLedger::load(record, &order)?, ledger);
    ///
    /// let tampered = stored.replace("\"12.00\"", "\"15.00\"");
    /// let record: LedgerRecord = serde_json::from_str(&tampered)?;
    /// assert!(RefundLedger::load(record, &order).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load(record: LedgerRecord, order: &Order) -> Result<RefundLedger, RefundError> {
        record.check()?;
        record.order.check(order)?;
        let mut ledger = RefundLedger::new(order, record.policy)?;
        for (index, stored) in record.refunds.into_iter().enumerate() {
            let number = index.saturating_add(1);
            let refund = ledger.record(order, stored.cause).map_err(|error| {
                RefundError::LedgerEntryInvalid {
                    refund: number,
                    error: Box::new(error),
                }
            })?;
            let mismatch = |figure: String, stored: String, computed: String| {
                Err(RefundError::LedgerFigureMismatch {
                    refund: number,
                    figure,
                    stored,
                    computed,
                })
            };
            if stored.amount != refund.amount {
                return mismatch(
                    "amount".into(),
                    stored.amount.to_string(),
                    refund.amount.to_string(),
                );
            }
            if stored.delivery != refund.delivery {
                return mismatch(
                    "delivery".into(),
                    stored.delivery.to_string(),
                    refund.delivery.to_string(),
                );
            }
            if stored.lines.len() != refund.lines.len() {
                return mismatch(
                    "number of lines".into(),
                    stored.lines.len().to_string(),
                    refund.lines.len().to_string(),
                );
            }
            for (s, computed) in stored.lines.iter().zip(&refund.lines) {
                if s.line != computed.line {
                    return mismatch(
                        "line".into(),
                        line_label(&s.line),
                        line_label(&computed.line),
                    );
                }
                if s.amount != computed.amount {
                    return mismatch(
                        format!("share of line {}", line_label(&computed.line)),
                        s.amount.to_string(),
                        computed.amount.to_string(),
                    );
                }
            }
        }
        Ok(ledger)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RefundLedger {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_record().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // REF-1, PROMO-5: the units' shares of a line's net sum to the net whatever the steps.
    #[test]
    fn ref1_unit_shares_of_a_line_sum_to_its_net() {
        let net = Eur::from_cents(1_000);
        for ordered in 1..=7u32 {
            for step in 1..=ordered {
                let mut done = 0;
                let mut sum = Eur::ZERO;
                while done < ordered {
                    let next = (done + step).min(ordered);
                    let part = units_share(net, ordered, next)
                        .unwrap()
                        .checked_sub(units_share(net, ordered, done).unwrap())
                        .unwrap();
                    assert!(!part.is_negative());
                    sum = sum.checked_add(part).unwrap();
                    done = next;
                }
                assert_eq!(sum, net, "{ordered} units by {step}");
            }
        }
        // 10.00 over 3 units: the first unit carries 3.33 (3.333… rounds down), two 6.67.
        assert_eq!(units_share(net, 3, 1), Ok(Eur::from_cents(333)));
        assert_eq!(units_share(net, 3, 2), Ok(Eur::from_cents(667)));
    }
}
