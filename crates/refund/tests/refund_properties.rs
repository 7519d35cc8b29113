//! Invariants of refund amounts over generated orders with offers and sequences of returns
//! and cancellations (REF-1, REF-4, RET-2, RET-4, L221-24).

use comptoir_cart::Order;
use comptoir_money::Eur;
use comptoir_promo::{Line, LineRef, Quantity};
use comptoir_refund::strategies::{self, EventMix};
use comptoir_refund::{
    Refund, RefundAmountPolicy, RefundCause, RefundError, RefundLedger, RefundMethod, Return,
    ReturnCosts, ReturnedItem,
};
use proptest::prelude::*;

fn mix() -> impl Strategy<Value = EventMix> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(cancellations, deductions, gifts_returned)| EventMix {
            cancellations,
            deductions,
            gifts_returned,
        },
    )
}

fn method() -> impl Strategy<Value = RefundMethod> {
    prop_oneof![
        Just(RefundMethod::Repricing),
        Just(RefundMethod::Proportional)
    ]
}

fn policy() -> impl Strategy<Value = RefundAmountPolicy> {
    (
        method(),
        proptest::option::of(comptoir_money::strategies::amount_up_to(1_500)),
        prop_oneof![Just(ReturnCosts::Shop), Just(ReturnCosts::Customer)],
    )
        .prop_map(
            |(method, cheapest_standard_delivery, return_costs)| RefundAmountPolicy {
                method,
                cheapest_standard_delivery,
                return_costs,
            },
        )
}

/// The delivery refund the rule gives when the order is complete: capped at the cheapest
/// standard delivery when goods came back by withdrawal (L221-24), in full when everything
/// was cancelled (REF-4).
fn refundable_delivery(order: &Order, policy: &RefundAmountPolicy, withdrawn: bool) -> Eur {
    if !withdrawn {
        return order.shipping_net();
    }
    order.shipping_net().min(
        policy
            .cheapest_standard_delivery
            .unwrap_or(order.delivery().cost()),
    )
}

/// Whether goods came back by withdrawal before the order's last item was gone: that is when
/// L221-24's cap on delivery applies. A gift sent back after the shop cancelled every item
/// finds the order already complete, its delivery refunded in full.
fn withdrawn_before_emptied(order: &Order, events: &[RefundCause]) -> bool {
    let mut units_left: u64 = order
        .lines()
        .iter()
        .map(|l| u64::from(l.quantity().get()))
        .sum();
    let mut returned = false;
    for event in events {
        let gone: u64 = match (event.as_return(), event.as_cancellation()) {
            (Some(r), _) => {
                returned = true;
                r.items()
                    .iter()
                    .filter(|i| matches!(i.line(), LineRef::Item(_)))
                    .map(|i| u64::from(i.quantity().get()))
                    .sum()
            }
            (None, Some(c)) => c
                .lines()
                .iter()
                .map(|l| u64::from(l.quantity().get()))
                .sum(),
            (None, None) => 0,
        };
        units_left = units_left.saturating_sub(gone);
        if units_left == 0 {
            return returned;
        }
    }
    returned
}

/// What the kept items cost repriced under the order's offers, computed from the cart alone.
fn repriced_kept(order: &Order, ledger: &RefundLedger) -> Eur {
    let kept: Vec<Line> = order
        .lines()
        .iter()
        .filter_map(|l| {
            let units = ledger.kept_units(l.id())?;
            Quantity::new(units)
                .ok()
                .map(|q| l.clone().with_quantity(q))
        })
        .collect();
    let evaluation = order.reprice(&kept, order.delivery().cost()).unwrap();
    evaluation
        .total()
        .checked_sub(evaluation.shipping_net())
        .unwrap()
}

fn sum_of_shares(refund: &Refund) -> Eur {
    Eur::try_sum(refund.lines().iter().map(|l| l.amount())).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // REF-1, REF-4, Money: under either method, with cancellations, deductions and gifts, every
    // refund is at least zero, its split over the lines plus delivery is the refund exactly,
    // and the refunds never sum above what was paid.
    #[test]
    fn ref1_refunds_are_non_negative_split_exactly_and_never_exceed_what_was_paid(
        (order, events) in strategies::order_and_events(6, EventMix::ALL),
        policy in policy(),
    ) {
        let mut ledger = RefundLedger::new(&order, policy)?;
        let mut total = Eur::ZERO;
        for event in events {
            let refund = ledger.record(&order, event)?;
            prop_assert!(!refund.amount().is_negative());
            prop_assert!(!refund.products().is_negative());
            prop_assert!(!refund.delivery().is_negative());
            prop_assert!(refund.lines().iter().all(|l| !l.amount().is_negative()));
            prop_assert_eq!(sum_of_shares(&refund), refund.products());
            prop_assert_eq!(refund.products().checked_add(refund.delivery())?, refund.amount());
            prop_assert!(refund.lines().iter().all(|l| l.deduction() <= l.net_paid()));
            total = total.checked_add(refund.amount())?;
            prop_assert!(total <= order.total(), "{} > {}", total, order.total());
            prop_assert!(ledger.refunded_products() <= order.products_total());
        }
        prop_assert_eq!(ledger.refunded()?, total);
    }

    // REF-1, REF-4, L221-24: any sequence of returns and cancellations that empties the order
    // (gifts returned, no deductions) refunds exactly what was paid for the products plus the
    // refundable delivery cost (all of it when nothing came back by withdrawal), under either
    // method.
    #[test]
    fn ref1_ref4_emptying_the_order_refunds_exactly_what_was_paid(
        (order, events) in strategies::order_and_events(
            6,
            EventMix { cancellations: true, deductions: false, gifts_returned: true },
        ),
        policy in policy(),
    ) {
        let withdrawn = withdrawn_before_emptied(&order, &events);
        let mut ledger = RefundLedger::new(&order, policy)?;
        for event in events {
            ledger.record(&order, event)?;
        }
        prop_assert!(ledger.is_complete());
        let expected = order
            .products_total()
            .checked_add(refundable_delivery(&order, &policy, withdrawn))?;
        prop_assert_eq!(ledger.refunded()?, expected);
    }

    // RET-2, RET-4: with deductions and gifts kept, emptying the order refunds at least what
    // was paid less the deductions and the prices of the conditional gifts kept (their
    // condition cannot hold once nothing is kept), and never more than was paid.
    #[test]
    fn ret2_ret4_emptying_the_order_with_deductions_stays_between_the_bounds(
        (order, events) in mix().prop_flat_map(|mix| strategies::order_and_events(6, mix)),
        policy in policy(),
    ) {
        let returned_gifts: Vec<LineRef> = events
            .iter()
            .filter_map(RefundCause::as_return)
            .flat_map(|r| r.items().iter().map(|i| i.line().clone()))
            .filter(|l| matches!(l, LineRef::Gift(_)))
            .collect();
        let gifts_kept = Eur::try_sum(
            order
                .evaluated_lines()
                .iter()
                .filter(|l| !returned_gifts.contains(l.line()))
                .filter_map(|l| match l.line() {
                    LineRef::Gift(id) => order
                        .offers()
                        .iter()
                        .find(|o| o.id() == id)
                        .filter(|o| o.conditions().depend_on_items())
                        .map(|_| l.amount()),
                    LineRef::Item(_) => None,
                }),
        )?;
        let withdrawn = withdrawn_before_emptied(&order, &events);
        let mut ledger = RefundLedger::new(&order, policy)?;
        for event in events {
            ledger.record(&order, event)?;
        }
        let most = order
            .products_total()
            .checked_add(refundable_delivery(&order, &policy, withdrawn))?;
        let least = most
            .checked_sub(ledger.deductions())?
            .checked_sub(gifts_kept)?;
        let refunded = ledger.refunded()?;
        prop_assert!(refunded <= most, "{} > {}", refunded, most);
        prop_assert!(refunded >= least, "{} < {}", refunded, least);
    }

    // REF-1: with no deductions, gifts or cancellations, the refunds made so far under the
    // default method are what was paid minus the kept items repriced, whenever that is more
    // than before: the cumulative refund is the running maximum of the entitlement.
    #[test]
    fn ref1_cumulative_refund_is_the_running_maximum_of_paid_minus_repriced_kept(
        (order, events) in strategies::order_without_gifts_and_events(6, EventMix::RETURNS_ONLY),
    ) {
        let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
        let paid = order.products_total();
        let mut expected = Eur::ZERO;
        for event in events {
            ledger.record(&order, event)?;
            let entitlement = paid.checked_sub(repriced_kept(&order, &ledger))?;
            expected = expected.max(entitlement);
            prop_assert_eq!(ledger.refunded_products(), expected);
        }
    }

    // REF-1 (proportional option): without deductions, gifts or cancellations, each refund is
    // the net paid for the units returned, line by line.
    #[test]
    fn ref1_proportional_refunds_the_returned_units_net_line_by_line(
        (order, events) in strategies::order_without_gifts_and_events(6, EventMix::RETURNS_ONLY),
    ) {
        let policy = RefundAmountPolicy { method: RefundMethod::Proportional, ..RefundAmountPolicy::default() };
        let mut ledger = RefundLedger::new(&order, policy)?;
        for event in events {
            let refund = ledger.record(&order, event)?;
            for line in refund.lines() {
                prop_assert_eq!(line.amount(), line.net_paid());
            }
        }
    }

    // REF-1, REF-4: a return of more units than are still kept is refused, names the line,
    // and leaves the ledger exactly as it was; so does any return of a line not in the order.
    #[test]
    fn ref1_refused_returns_leave_the_ledger_as_it_was(
        (order, events) in strategies::order_and_events(5, EventMix::ALL),
        split in any::<prop::sample::Index>(),
        line in any::<prop::sample::Index>(),
        extra in 1u32..3,
        policy in policy(),
    ) {
        let mut ledger = RefundLedger::new(&order, policy)?;
        let done = split.index(events.len() + 1);
        for event in events.into_iter().take(done) {
            ledger.record(&order, event)?;
        }
        let before = ledger.clone();
        let target = line.get(order.lines());
        let kept = ledger.kept_units(target.id()).unwrap_or(0);
        let too_many = Return::new([ReturnedItem::item(target.id().clone(), Quantity::new(kept + extra)?)])?;
        let refused = ledger.record(&order, too_many).unwrap_err();
        prop_assert!(refused.is_bad_refund_input(), "{}", refused);
        prop_assert!(refused.to_string().contains(target.id().as_str()));
        prop_assert_eq!(&ledger, &before);
        let unknown = Return::new([ReturnedItem::item("not-a-line".parse()?, Quantity::ONE)])?;
        prop_assert_eq!(
            ledger.record(&order, unknown),
            Err(RefundError::UnknownOrderLine { line: "not-a-line".into() })
        );
        prop_assert_eq!(&ledger, &before);
    }

    // REF-1, REF-4, RET-2: any return or cancellation, valid or not (lines from a wider pool,
    // quantities and deductions at random), gives a refund or a typed error, never a panic; a
    // refused one records nothing.
    #[test]
    fn ref1_any_input_is_a_refund_or_a_typed_error(
        order in strategies::validated_order(5),
        attempts in proptest::collection::vec(
            (0u32..8, 1u32..8, proptest::option::of(1i64..100_000), any::<bool>()),
            1..8,
        ),
        policy in policy(),
    ) {
        use comptoir_refund::{Cancellation, CancelledLine, Depreciation, Inspection};
        let mut ledger = RefundLedger::new(&order, policy)?;
        for (line, units, deduction, cancel) in attempts {
            let id: comptoir_promo::LineId = format!("l{line}").parse()?;
            let quantity = Quantity::new(units)?;
            let cause: RefundCause = if cancel {
                Cancellation::new([CancelledLine::new(id, quantity)])?.into()
            } else {
                let item = ReturnedItem::item(id, quantity);
                let item = match deduction {
                    Some(cents) => item.inspected(Inspection::Depreciated(
                        Depreciation::new(Eur::from_cents(cents), "usure")?,
                    )),
                    None => item,
                };
                Return::new([item])?.into()
            };
            let before = ledger.clone();
            match ledger.record(&order, cause) {
                Ok(refund) => prop_assert!(!refund.amount().is_negative()),
                Err(e) => {
                    prop_assert!(e.is_bad_refund_input(), "{}", e);
                    prop_assert_eq!(&ledger, &before);
                }
            }
            prop_assert!(ledger.refunded()? <= order.total());
        }
    }
}

#[cfg(feature = "serde")]
mod stored {
    use super::*;
    use comptoir_refund::LedgerRecord;

    /// The ledger stored as `json`, refused when read (a record that contradicts itself) or
    /// when loaded on `order` (figures the order does not give).
    fn load(json: &str, order: &Order) -> Result<RefundLedger, String> {
        let record: LedgerRecord = serde_json::from_str(json).map_err(|e| e.to_string())?;
        RefundLedger::load(record, order).map_err(|e| {
            assert!(e.is_bad_ledger(), "{e}");
            e.to_string()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        // REF-1: a ledger survives a serde round trip, and a stored ledger with any refund's
        // amount or line share changed by a cent is refused.
        #[test]
        fn ref1_a_ledger_round_trips_and_a_tampered_one_is_refused(
            (order, events) in strategies::order_and_events(5, EventMix::ALL),
            policy in policy(),
            which in any::<prop::sample::Index>(),
            share in any::<bool>(),
        ) {
            let mut ledger = RefundLedger::new(&order, policy)?;
            for event in events {
                ledger.record(&order, event)?;
            }
            let json = serde_json::to_string(&ledger).unwrap();
            prop_assert_eq!(&load(&json, &order).unwrap(), &ledger);

            let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
            let refunds = value["refunds"].as_array_mut().unwrap();
            let k = which.index(refunds.len());
            let figure = if share {
                &mut refunds[k]["lines"][0]["amount"]
            } else {
                &mut refunds[k]["amount"]
            };
            let stored: Eur = figure.as_str().unwrap().parse().unwrap();
            *figure = serde_json::Value::String(stored.checked_add(Eur::CENT)?.to_string());
            let tampered = serde_json::to_string(&value).unwrap();
            // A share changed alone no longer sums to its refund: deserialising refuses it.
            prop_assert!(load(&tampered, &order).is_err());
        }
    }
}
