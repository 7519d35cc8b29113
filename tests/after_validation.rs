//! Money after validation, across the dispatch, refund and payment rules: whatever happens
//! to an order (products unavailable and refunded or awaited, parcels packed, dispatched,
//! received, lost, wrong or missing items, withdrawals, a termination for late delivery), the
//! money refunded never exceeds what was paid, and a cancelled line is never debited (REF-4,
//! PAY-3, DISP-4, DISP-5, L216-7).

use chrono::TimeDelta;
use comptoir::dispatch::strategies as dispatch;
use comptoir::dispatch::{CancelReason, DeliveryDeadline, DeliveryFacts, Fulfilment, Termination};
use comptoir::money::Eur;
use comptoir::payment::{OrderAmount, PaymentError};
use comptoir::promo::{LineRef, Quantity};
use comptoir::refund::strategies as returns;
use comptoir::refund::{
    Cancellation, RefundAmountPolicy, RefundError, RefundLedger, Return, ReturnedItem,
};
use proptest::prelude::*;

/// What the customer or the shop does beside the fulfilment's events.
#[derive(Debug, Clone, Copy)]
enum Extra {
    /// A withdrawal: one received unit of the line at this index comes back.
    Return(usize),
    /// The shop refuses to deliver; the customer terminates at once (L216-6 II 1°).
    Terminate,
}

fn extra() -> impl Strategy<Value = Option<Extra>> {
    prop_oneof![
        24 => Just(None),
        5 => (0usize..4).prop_map(|l| Some(Extra::Return(l))),
        1 => Just(Some(Extra::Terminate)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(250))]

    // REF-4, PAY-3, DISP-4, DISP-5, L216-7: the order is debited once it has shipped in full,
    // for what is not cancelled then; whatever the sequence of cancellations, refunds and
    // deliveries, the money refunded never exceeds what was paid, a product cancelled as
    // unavailable is never debited, and the ledger and the fulfilment agree on the units.
    #[test]
    fn ref4_pay3_refunds_never_exceed_what_was_paid_and_cancelled_lines_are_never_debited(
        order in returns::validated_order(4),
        steps in dispatch::steps(4, 40),
        extras in proptest::collection::vec(extra(), 40),
    ) {
        let mut fulfilment = Fulfilment::new(&order);
        let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
        let mut at = order.validated_at();
        let mut paid: Option<Eur> = None;
        let mut refunded_after_debit = Eur::ZERO;
        let mut returned: Vec<(LineRef, u32)> = Vec::new();

        for ((step, minutes), extra) in steps.into_iter().zip(extras) {
            at = at.checked_add_signed(TimeDelta::minutes(minutes)).unwrap_or(at);
            let mut cancelled = Vec::new();
            if let Ok(Some(units)) = step.apply(&mut fulfilment, &order, at) {
                cancelled.push(units);
            }
            for units in cancelled {
                // DISP-4, PAY-3: a product cancelled as unavailable never left, so the order
                // had not shipped in full and was not debited.
                if units.reason() == CancelReason::Unavailable {
                    prop_assert!(paid.is_none(), "unavailable units cancelled after the debit");
                }
                // A claim about a unit the customer already sent back by withdrawal is a
                // story the shop's records refuse (the fulfilment does not see withdrawals):
                // the case ends there.
                let claims_a_returned_unit = matches!(
                    units.reason(),
                    CancelReason::WrongItem | CancelReason::MissingFromParcel
                ) && units
                    .units()
                    .iter()
                    .any(|(line, _)| returned.iter().any(|(l, _)| l == line));
                if claims_a_returned_unit {
                    return Ok(());
                }
                match Cancellation::from_units(&units) {
                    Ok(cancellation) => {
                        let refund = ledger.record(&order, cancellation)?;
                        if paid.is_some() {
                            refunded_after_debit =
                                refunded_after_debit.checked_add(refund.amount())?;
                        } else {
                            // REF-4: refunded (here: left out of the debit) at the units' net
                            // paid amount, no offer clawed back.
                            for line in refund.lines() {
                                prop_assert_eq!(line.amount(), line.net_paid());
                            }
                        }
                    }
                    // Gift lines only: nothing was paid for them.
                    Err(RefundError::NothingToRefund { .. }) => {}
                    Err(e) => return Err(TestCaseError::fail(e.to_string())),
                }
            }
            match extra {
                Some(Extra::Return(index)) if paid.is_some() => {
                    let line = order.evaluated_lines().get(index).map(|l| l.line().clone());
                    if let Some(line) = line
                        && let Some(id) = line.item_id()
                    {
                        let received = fulfilment.line(&line).map_or(0, |l| l.received());
                        let back =
                            returned.iter().find(|(l, _)| *l == line).map_or(0, |(_, n)| *n);
                        if received > back {
                            let refund = ledger.record(
                                &order,
                                Return::new([ReturnedItem::item(id.clone(), Quantity::ONE)])?,
                            )?;
                            refunded_after_debit =
                                refunded_after_debit.checked_add(refund.amount())?;
                            match returned.iter_mut().find(|(l, _)| *l == line) {
                                Some((_, n)) => *n += 1,
                                None => returned.push((line, 1)),
                            }
                        }
                    }
                }
                Some(Extra::Terminate) => {
                    let deadline = DeliveryDeadline::for_order(&order, None)?;
                    let facts = DeliveryFacts::default().with_refusal(&at);
                    if let Ok(termination) = Termination::compute(&deadline, &facts, &at)
                        && let Ok(units) = fulfilment.terminate(&termination)
                    {
                        prop_assert_eq!(units.reason(), CancelReason::Termination);
                        match Cancellation::everything_kept(&ledger, &order) {
                            Ok(all) => {
                                let refund = ledger.record(&order, all)?;
                                if paid.is_some() {
                                    refunded_after_debit =
                                        refunded_after_debit.checked_add(refund.amount())?;
                                }
                            }
                            Err(RefundError::NothingToRefund { .. }) => {}
                            Err(e) => return Err(TestCaseError::fail(e.to_string())),
                        }
                    }
                }
                _ => {}
            }
            // PAY-3: debited once, when the order has shipped in full, for what is left.
            if paid.is_none() && fulfilment.shipped_in_full_at().is_some() {
                let amount = match OrderAmount::after_cancellations(
                    &order,
                    ledger.refunded_products(),
                    ledger.refunded_delivery(),
                ) {
                    Ok(amount) => amount.total()?,
                    Err(PaymentError::NothingToPay) => Eur::ZERO,
                    Err(e) => return Err(TestCaseError::fail(e.to_string())),
                };
                // What was cancelled before and what is debited make up what was agreed.
                prop_assert_eq!(amount.checked_add(ledger.refunded()?)?, order.total());
                paid = Some(amount);
            }

            // Money is refunded only once taken, and never more than was taken.
            match paid {
                Some(paid) => prop_assert!(
                    refunded_after_debit <= paid,
                    "refunded {} of {} paid", refunded_after_debit, paid
                ),
                None => prop_assert_eq!(refunded_after_debit, Eur::ZERO),
            }
            prop_assert!(ledger.refunded()? <= order.total());
            // The two records agree: units cancelled in the fulfilment and returned are the
            // units the ledger no longer counts as kept.
            if fulfilment.terminated_at().is_none() {
                for line in fulfilment.lines() {
                    let Some(id) = line.line().item_id() else { continue };
                    let back = returned.iter().find(|(l, _)| l == line.line()).map_or(0, |(_, n)| *n);
                    prop_assert_eq!(
                        ledger.kept_units(id),
                        Some(line.ordered() - line.cancelled() - back)
                    );
                }
            }
        }
    }
}
