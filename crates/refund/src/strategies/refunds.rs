//! Validated orders with offers applied, and sequences of returns and cancellations that are
//! valid for them, for property tests of the refund rules (REF-1, REF-4, RET-2, RET-4).
//!
//! Everything is valid by construction: an order is a cart of generated lines and offers run
//! through [`Cart::validate`], and the events name only lines of that order, never more units
//! than it has, and deductions below the units' net paid amount.

use std::collections::BTreeMap;

use comptoir_cart::Order;
#[cfg(doc)]
use comptoir_cart::{Cart, strategies as cart};
use comptoir_money::Eur;
use comptoir_promo::{LineId, LineRef, OfferId, Quantity};
use proptest::prelude::*;

use crate::{
    Cancellation, CancelledLine, Depreciation, Inspection, RefundCause, Return, ReturnedItem,
};

/// Which kinds of events a generated sequence holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventMix {
    /// Some events are cancellations for unavailability (REF-4) rather than returns.
    pub cancellations: bool,
    /// Some returned lines carry a RET-2 deduction.
    pub deductions: bool,
    /// The gifts of the order come back too, each in some return (RET-4).
    pub gifts_returned: bool,
}

impl EventMix {
    /// Returns and cancellations, deductions, gifts returned.
    pub const ALL: EventMix = EventMix {
        cancellations: true,
        deductions: true,
        gifts_returned: true,
    };

    /// Returns only, without deductions; gifts stay with the customer.
    pub const RETURNS_ONLY: EventMix = EventMix {
        cancellations: false,
        deductions: false,
        gifts_returned: false,
    };
}

/// A validated order with offers applied: [`cart::validated_order`], re-exported here
/// because the refund rules start from it.
pub use comptoir_cart::strategies::{validated_order, validated_order_without_gifts};

/// What a sequence is built from: one token per unit of every item, one per gift.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Token {
    Item(usize),
    Gift(usize),
}

/// A sequence of returns and cancellations of `order` that empties it: every unit of every
/// item leaves in some event, and, under `mix.gifts_returned`, every gift comes back. Any
/// prefix of it is a valid sequence too.
pub fn emptying_events(
    order: &Order,
    mix: EventMix,
) -> impl Strategy<Value = Vec<RefundCause>> + use<> {
    let lines: Vec<(LineId, u32, Eur)> = order
        .lines()
        .iter()
        .map(|l| {
            (
                l.id().clone(),
                l.quantity().get(),
                order.net_of(l.id()).unwrap_or(Eur::ZERO),
            )
        })
        .collect();
    let gifts: Vec<OfferId> = order
        .evaluated_lines()
        .iter()
        .filter_map(|l| match l.line() {
            LineRef::Gift(offer) => Some(offer.clone()),
            LineRef::Item(_) => None,
        })
        .collect();
    let mut tokens: Vec<Token> = Vec::new();
    for (i, (_, quantity, _)) in lines.iter().enumerate() {
        tokens.extend((0..*quantity).map(|_| Token::Item(i)));
    }
    if mix.gifts_returned {
        tokens.extend((0..gifts.len()).map(Token::Gift));
    }
    let n = tokens.len();
    (
        Just(tokens).prop_shuffle(),
        proptest::collection::vec(
            (proptest::bool::weighted(0.4), any::<bool>(), 0u32..=100),
            n,
        ),
    )
        .prop_map(move |(tokens, draws)| {
            let mut events = Vec::new();
            let mut chunk: BTreeMap<Token, u32> = BTreeMap::new();
            let last = tokens.len().saturating_sub(1);
            for (k, (token, (cut, cancel, percent))) in tokens.into_iter().zip(draws).enumerate() {
                *chunk.entry(token).or_default() += 1;
                if cut || k == last {
                    let taken = core::mem::take(&mut chunk);
                    let event = if mix.cancellations
                        && cancel
                        && taken.keys().all(|t| matches!(t, Token::Item(_)))
                    {
                        cancellation(&lines, &taken)
                    } else {
                        a_return(&lines, &gifts, &taken, mix.deductions.then_some(percent))
                    };
                    events.extend(event);
                }
            }
            events
        })
}

/// A validated order (with gifts) and an emptying sequence of its returns and cancellations.
pub fn order_and_events(
    max_lines: usize,
    mix: EventMix,
) -> impl Strategy<Value = (Order, Vec<RefundCause>)> {
    validated_order(max_lines).prop_flat_map(move |order| {
        let events = emptying_events(&order, mix);
        (Just(order), events)
    })
}

/// A validated order without gift offers and an emptying sequence of its returns and
/// cancellations.
pub fn order_without_gifts_and_events(
    max_lines: usize,
    mix: EventMix,
) -> impl Strategy<Value = (Order, Vec<RefundCause>)> {
    validated_order_without_gifts(max_lines).prop_flat_map(move |order| {
        let events = emptying_events(&order, mix);
        (Just(order), events)
    })
}

fn quantity(units: u32) -> Option<Quantity> {
    Quantity::new(units).ok()
}

fn cancellation(lines: &[(LineId, u32, Eur)], taken: &BTreeMap<Token, u32>) -> Option<RefundCause> {
    let cancelled = taken.iter().filter_map(|(token, units)| match token {
        Token::Item(i) => lines
            .get(*i)
            .and_then(|(id, _, _)| Some(CancelledLine::new(id.clone(), quantity(*units)?))),
        Token::Gift(_) => None,
    });
    Cancellation::new(cancelled).ok().map(RefundCause::from)
}

fn a_return(
    lines: &[(LineId, u32, Eur)],
    gifts: &[OfferId],
    taken: &BTreeMap<Token, u32>,
    deduction_percent: Option<u32>,
) -> Option<RefundCause> {
    let items = taken.iter().filter_map(|(token, units)| match token {
        Token::Item(i) => {
            let (id, ordered, net) = lines.get(*i)?;
            let item = ReturnedItem::item(id.clone(), quantity(*units)?);
            Some(
                match deduction_percent.and_then(|p| deduction(*net, *ordered, *units, p)) {
                    Some(d) => item.inspected(Inspection::Depreciated(d)),
                    None => item,
                },
            )
        }
        Token::Gift(g) => gifts.get(*g).map(|offer| ReturnedItem::gift(offer.clone())),
    });
    Return::new(items).ok().map(RefundCause::from)
}

/// `percent` of a deduction cap that any `units` of a line satisfy: the units' exact share of
/// the line's net, less a cent for the rounding of the engine's split, floored.
fn deduction(net: Eur, ordered: u32, units: u32, percent: u32) -> Option<Depreciation> {
    let cap = net.cents().checked_mul(i128::from(units))? / i128::from(ordered.max(1)) - 1;
    let cents = cap.checked_mul(i128::from(percent))? / 100;
    let amount = Eur::try_from_cents(cents).ok()?;
    Depreciation::new(amount, "dépréciation constatée au contrôle").ok()
}
