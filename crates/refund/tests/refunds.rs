//! Refund amounts after returns and cancellations, read like the FAQ and RULES.md (REF-1,
//! REF-4, RET-2, RET-4, L221-24), and the refund as one decision (REF-2, REF-3).

use chrono::{DateTime, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir_calendar::Calendar;
use comptoir_cart::{
    Cart, ColissimoDestination, CustomerId, Delivery, DeliveryService, Order, Terms,
};
use comptoir_money::{Decimal, Eur};
use comptoir_promo::{
    Catalogue, Combinable, Conditions, Effect, EvaluationContext, Line, LineRef, Offer, OfferSpec,
    Priority, Quantity, Target, Trigger, ValidityWindow,
};
use comptoir_refund::{
    Cancellation, CancelledLine, Depreciation, Inspection, LapseReason, LegalInterestRate,
    OfferKind, RefundAmountPolicy, RefundCause, RefundDecision, RefundError, RefundFacts,
    RefundLedger, RefundMethod, Return, ReturnCosts, ReturnedItem, ReturnsPolicy, SurchargeTier,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn eur(s: &str) -> Eur {
    s.parse().unwrap()
}

fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Tz> {
    Paris.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
}

fn offer(id: &str, name: &str, conditions: Conditions, effect: Effect) -> Offer {
    Offer::new(OfferSpec {
        id: id.parse().unwrap(),
        name: name.into(),
        trigger: Trigger::Automatic,
        window: ValidityWindow::ALWAYS,
        conditions,
        effects: vec![effect],
        combinable: Combinable::Always,
        priority: Priority::new(1),
    })
    .unwrap()
}

fn from(minimum: &str) -> Conditions {
    Conditions {
        minimum_amount: Some(eur(minimum)),
        ..Conditions::default()
    }
}

fn amount_off(amount: &str) -> Effect {
    Effect::AmountOff {
        amount: eur(amount),
        on: Target::Order,
    }
}

fn percent_off(percent: &str) -> Effect {
    Effect::PercentOff {
        percent: percent.parse().unwrap(),
        on: Target::Order,
    }
}

fn gift(product: &str, price: &str) -> Effect {
    Effect::Gift {
        product: product.parse().unwrap(),
        unit_price: eur(price),
    }
}

/// An order of `lines` (id, unit price, quantity; the product is named after the line), with
/// every offer of `offers` automatic, delivered at `delivery`.
fn order_with(lines: &[(&str, &str, u32)], offers: &[Offer], delivery: Delivery) -> Order {
    let context = EvaluationContext::new(paris(2026, 3, 2, 10));
    let catalogue = Catalogue::new(offers.iter().cloned()).unwrap();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, price, quantity) in lines {
        let line = Line::new(
            id.parse().unwrap(),
            id.parse().unwrap(),
            eur(price),
            Quantity::new(*quantity).unwrap(),
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    cart.choose_delivery(delivery, &terms).unwrap();
    cart.validate(CustomerId::new(1), &terms).unwrap()
}

fn order_of(lines: &[(&str, &str, u32)], offers: &[Offer]) -> Order {
    order_with(
        lines,
        offers,
        Delivery::new(DeliveryService::Pickup, eur("4.90")).unwrap(),
    )
}

fn units(line: &str, quantity: u32) -> ReturnedItem {
    ReturnedItem::item(line.parse().unwrap(), Quantity::new(quantity).unwrap())
}

fn ret(items: &[(&str, u32)]) -> Return {
    Return::new(items.iter().map(|(l, q)| units(l, *q))).unwrap()
}

fn cancel(items: &[(&str, u32)]) -> Cancellation {
    Cancellation::new(
        items
            .iter()
            .map(|(l, q)| CancelledLine::new(l.parse().unwrap(), Quantity::new(*q).unwrap())),
    )
    .unwrap()
}

fn ledger(order: &Order, method: RefundMethod) -> RefundLedger {
    RefundLedger::new(
        order,
        RefundAmountPolicy {
            method,
            ..RefundAmountPolicy::default()
        },
    )
    .unwrap()
}

/// RULES.md's REF-1 example: A 90 + B 30 with "-10 EUR from 100 EUR", paid 110.
fn rules_example() -> Order {
    order_of(
        &[("a", "90", 1), ("b", "30", 1)],
        &[offer(
            "dix",
            "-10 € dès 100 €",
            from("100"),
            amount_off("10"),
        )],
    )
}

// REF-1: RULES.md's example: return B -> A alone is below 100, the offer lapses, 110 - 90 =
// 20.00 comes back, all of it on B's line.
#[test]
fn ref1_rules_example_return_b_refunds_20_under_repricing() -> Result {
    let order = rules_example();
    assert_eq!(order.products_total(), eur("110.00"));
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("20.00"));
    assert_eq!(refund.delivery(), Eur::ZERO);
    let line = &refund.lines()[0];
    assert_eq!(line.net_paid(), eur("27.50"));
    assert_eq!(line.amount(), eur("20.00"));
    let e = refund.explanation();
    assert_eq!(e.paid_products(), eur("110.00"));
    assert_eq!(e.kept_value(), eur("90.00"));
    assert_eq!(e.entitlement(), eur("20.00"));
    let lapsed = &e.lapsed()[0];
    assert_eq!(lapsed.name(), "-10 € dès 100 €");
    assert_eq!(lapsed.kind(), OfferKind::Discount);
    assert_eq!(lapsed.discount_at_validation(), eur("10.00"));
    assert_eq!(
        lapsed.reason(),
        &LapseReason::MinimumAmount {
            kept: eur("90.00"),
            minimum: eur("100.00")
        }
    );
    assert_eq!(lapsed.reason().to_string(), "kept 90.00 < minimum 100.00");
    Ok(())
}

// REF-1: the proportional option refunds B's net paid amount, 30 - 2.50 = 27.50.
#[test]
fn ref1_rules_example_proportional_option_refunds_27_50() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Proportional);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("27.50"));
    assert!(refund.explanation().lapsed().is_empty());
    assert_eq!(refund.explanation().kept_value(), eur("82.50"));
    // The rest, A, brings the refunds to what was paid, delivery included.
    let last = ledger.record(&order, ret(&[("a", 1)]))?;
    assert_eq!(last.products(), eur("82.50"));
    assert_eq!(last.delivery(), eur("4.90"));
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// REF-1: `net_of` is what the line cost at validation, the proportional figure; repricing
// asks what the kept items cost now, and that is the FAQ's rule.
#[test]
fn ref1_net_of_and_repricing_differ_and_repricing_is_the_default() -> Result {
    let order = rules_example();
    assert_eq!(order.net_of(&"b".parse()?), Some(eur("27.50")));
    let default = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = default.preview(&order, &ret(&[("b", 1)]).into())?;
    assert_eq!(refund.amount(), eur("20.00"));
    // A preview records nothing.
    assert!(default.refunds().is_empty());
    Ok(())
}

// REF-1: the crate documentation's second case: under a fixed 5.00 code over 100.60 of
// products, the 15.30 line's net is 14.54, but the kept items still get the whole 5.00 off,
// so repricing refunds the line's full 15.30.
#[test]
fn ref1_a_fixed_code_falls_whole_on_the_kept_items() -> Result {
    let order = order_of(
        &[("mug", "15.30", 1), ("teapot", "85.30", 1)],
        &[offer(
            "cinq",
            "-5 €",
            Conditions::default(),
            amount_off("5"),
        )],
    );
    assert_eq!(order.net_of(&"mug".parse()?), Some(eur("14.54")));
    let mut repricing = ledger(&order, RefundMethod::Repricing);
    assert_eq!(
        repricing.record(&order, ret(&[("mug", 1)]))?.amount(),
        eur("15.30")
    );
    let mut proportional = ledger(&order, RefundMethod::Proportional);
    assert_eq!(
        proportional.record(&order, ret(&[("mug", 1)]))?.amount(),
        eur("14.54")
    );
    Ok(())
}

// REF-1: the explanation a customer reads says what lapsed and why, in words of a refund, not
// the cart's "Il vous manque".
#[test]
fn ref1_explanation_in_french_names_the_lapsed_offer_and_the_figures() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let message = ledger.record(&order, ret(&[("b", 1)]))?.message_fr();
    assert!(
        message.starts_with("Nous vous remboursons 20,00\u{a0}€ pour votre retour (« b » × 1).")
    );
    assert!(message.contains("vous aviez payé 110,00\u{a0}€ d'articles"));
    assert!(message.contains("ceux que vous conservez reviennent à 90,00\u{a0}€"));
    assert!(message.contains(
        "L'offre « -10 € dès 100 € » ne s'applique plus : le montant des articles conservés \
         (90,00\u{a0}€) est inférieur au minimum de 100,00\u{a0}€."
    ));
    assert!(!message.contains("Il vous manque"));
    Ok(())
}

// REF-1: "-10 % dès 100 €", A 80 + B 40 = 120, paid 108; return B -> A alone lapses the
// percentage: 108 - 80 = 28.00 (B's net, 36.00, under the proportional option).
#[test]
fn ref1_a_return_that_makes_a_percentage_offer_lapse() -> Result {
    let order = order_of(
        &[("a", "80", 1), ("b", "40", 1)],
        &[offer(
            "pct",
            "-10 % dès 100 €",
            from("100"),
            percent_off("10"),
        )],
    );
    assert_eq!(order.products_total(), eur("108.00"));
    let mut repricing = ledger(&order, RefundMethod::Repricing);
    let refund = repricing.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("28.00"));
    assert_eq!(
        refund.explanation().lapsed()[0].reason().to_string(),
        "kept 80.00 < minimum 100.00"
    );
    let mut proportional = ledger(&order, RefundMethod::Proportional);
    assert_eq!(
        proportional.record(&order, ret(&[("b", 1)]))?.amount(),
        eur("36.00")
    );
    Ok(())
}

// REF-1: an offer that still holds is not touched: -10 % on everything, return B -> B's net.
#[test]
fn ref1_an_offer_that_still_holds_gives_the_returned_lines_net() -> Result {
    let order = order_of(
        &[("a", "80", 1), ("b", "40", 1)],
        &[offer(
            "pct",
            "-10 %",
            Conditions::default(),
            percent_off("10"),
        )],
    );
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("36.00"));
    assert!(refund.explanation().lapsed().is_empty());
    Ok(())
}

/// A 40 + B 20 with a tote bag (7.90) offered from 50 EUR.
fn gift_order() -> Order {
    order_of(
        &[("a", "40", 1), ("b", "20", 1)],
        &[offer(
            "sac",
            "Sac offert dès 50 €",
            from("50"),
            gift("tote-bag", "7.90"),
        )],
    )
}

// RET-4, REF-1: return B and keep the gift: the offer lapses (kept 40 < 50), the gift's price
// is deducted: 60 - 40 - 7.90 = 12.10. Sending the gift back later returns the 7.90.
#[test]
fn ret4_a_kept_conditional_gift_is_deducted_until_it_comes_back() -> Result {
    let order = gift_order();
    assert_eq!(order.products_total(), eur("60.00"));
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("12.10"));
    let kept = &refund.explanation().kept_gifts()[0];
    assert_eq!(kept.value(), eur("7.90"));
    assert_eq!(kept.product().as_str(), "tote-bag");
    assert_eq!(kept.reason().to_string(), "kept 40.00 < minimum 50.00");
    assert!(refund.message_fr().contains(
        "Vous conservez le cadeau « tote-bag » de l'offre « Sac offert dès 50 € », qui ne \
         s'applique plus : le montant des articles conservés (40,00\u{a0}€) est inférieur au \
         minimum de 50,00\u{a0}€."
    ));
    assert!(
        refund
            .message_fr()
            .contains("Sa valeur, 7,90\u{a0}€, est déduite du remboursement.")
    );

    let gift_back = Return::new([ReturnedItem::gift("sac".parse()?)])?;
    let refund = ledger.record(&order, gift_back)?;
    assert_eq!(refund.amount(), eur("7.90"));
    assert!(refund.explanation().kept_gifts().is_empty());
    assert_eq!(refund.lines()[0].line(), &LineRef::Gift("sac".parse()?));
    assert_eq!(refund.lines()[0].amount(), eur("7.90"));
    Ok(())
}

// RET-4: a conditional gift returned with the goods is not deducted.
#[test]
fn ret4_a_conditional_gift_returned_with_the_goods_is_not_deducted() -> Result {
    let order = gift_order();
    for method in [RefundMethod::Repricing, RefundMethod::Proportional] {
        let mut ledger = ledger(&order, method);
        let both = Return::new([units("b", 1), ReturnedItem::gift("sac".parse()?)])?;
        let refund = ledger.record(&order, both)?;
        assert_eq!(refund.amount(), eur("20.00"), "{method:?}");
        assert!(refund.explanation().kept_gifts().is_empty());
        // The gift brings nothing back: it was free.
        assert_eq!(refund.lines()[1].amount(), Eur::ZERO);
    }
    Ok(())
}

// RET-4: under the proportional option offers do not lapse, but RET-4 still deducts a kept
// gift whose condition no longer holds: 20.00 - 7.90.
#[test]
fn ret4_the_proportional_option_still_deducts_a_kept_conditional_gift() -> Result {
    let order = gift_order();
    let mut ledger = ledger(&order, RefundMethod::Proportional);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(refund.amount(), eur("12.10"));
    assert!(refund.explanation().lapsed().is_empty());
    assert_eq!(refund.explanation().kept_gifts().len(), 1);
    Ok(())
}

// RET-4: "Si l'offre n'inclut aucune condition, alors vous conservez le produit offert": an
// unconditional gift stays, and returning everything refunds everything.
#[test]
fn ret4_an_unconditional_gift_is_kept_without_deduction() -> Result {
    let order = order_of(
        &[("a", "40", 1), ("b", "20", 1)],
        &[offer(
            "sac",
            "Sac offert",
            Conditions::default(),
            gift("tote-bag", "7.90"),
        )],
    );
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("a", 1), ("b", 1)]))?;
    assert_eq!(refund.amount(), order.total());
    assert!(refund.explanation().kept_gifts().is_empty());
    assert!(ledger.is_complete());
    Ok(())
}

// REF-1: "-50 € dès 100 €", A 90 + B 30, paid 70. Return B: A alone costs 90, more than was
// paid: nothing comes back and nothing is taken. Return A later: everything paid comes back.
#[test]
fn ref1_a_refund_floored_at_zero_then_a_later_return_brings_money_back() -> Result {
    let order = order_of(
        &[("a", "90", 1), ("b", "30", 1)],
        &[offer(
            "cinquante",
            "-50 € dès 100 €",
            from("100"),
            amount_off("50"),
        )],
    );
    assert_eq!(order.products_total(), eur("70.00"));
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let nothing = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(nothing.amount(), Eur::ZERO);
    assert_eq!(nothing.explanation().entitlement(), eur("-20.00"));
    assert_eq!(nothing.lines()[0].amount(), Eur::ZERO);
    assert!(nothing.message_fr().starts_with(
        "Votre retour (« b » × 1) ne donne lieu à aucun remboursement supplémentaire."
    ));
    let back = ledger.record(&order, ret(&[("a", 1)]))?;
    assert_eq!(back.products(), eur("70.00"));
    assert_eq!(back.delivery(), eur("4.90"));
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// REF-1: a refund never takes back an earlier one. "-50 € dès 100 €" on A 60 + B 45 + C 45,
// paid 100. Return C: A + B keep the offer, 105 - 50 = 55, so 45.00 comes back. Return B: A
// alone lapses the offer and costs 60: the entitlement falls to 40, below the 45 refunded,
// and the refund is zero, not negative. Returning A settles the rest.
#[test]
fn ref1_a_later_return_never_takes_an_earlier_refund_back() -> Result {
    let order = order_of(
        &[("a", "60", 1), ("b", "45", 1), ("c", "45", 1)],
        &[offer(
            "cinquante",
            "-50 € dès 100 €",
            from("100"),
            amount_off("50"),
        )],
    );
    assert_eq!(order.products_total(), eur("100.00"));
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    assert_eq!(
        ledger.record(&order, ret(&[("c", 1)]))?.amount(),
        eur("45.00")
    );
    let nothing = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(nothing.explanation().entitlement(), eur("40.00"));
    assert_eq!(nothing.explanation().refunded_before(), eur("45.00"));
    assert_eq!(nothing.amount(), Eur::ZERO);
    assert!(nothing.message_fr().contains("rien ne vous est repris"));
    assert_eq!(
        ledger.record(&order, ret(&[("a", 1)]))?.products(),
        eur("55.00")
    );
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// REF-1, Money: three successive returns of a three-line order under a fixed discount sum
// exactly to what was paid, delivery included, under both methods.
#[test]
fn ref1_three_successive_returns_under_a_fixed_discount_sum_to_what_was_paid() -> Result {
    let order = order_of(
        &[("a", "19.99", 2), ("b", "5.55", 1), ("c", "12.34", 3)],
        &[offer(
            "sept",
            "-7 €",
            Conditions::default(),
            amount_off("7"),
        )],
    );
    // 39.98 + 5.55 + 37.02 = 82.55, minus 7.00.
    assert_eq!(order.products_total(), eur("75.55"));
    for method in [RefundMethod::Repricing, RefundMethod::Proportional] {
        let mut ledger = ledger(&order, method);
        let mut total = Eur::ZERO;
        for line in ["b", "c", "a"] {
            let quantity = order
                .lines()
                .iter()
                .find(|l| l.id().as_str() == line)
                .map(|l| l.quantity().get())
                .unwrap();
            let refund = ledger.record(&order, ret(&[(line, quantity)]))?;
            let shares = Eur::try_sum(refund.lines().iter().map(|l| l.amount()))?;
            assert_eq!(shares.checked_add(refund.delivery())?, refund.amount());
            total = total.checked_add(refund.amount())?;
        }
        assert_eq!(total, order.total(), "{method:?}");
        assert_eq!(total, eur("80.45"));
    }
    Ok(())
}

// REF-1: two of three units of a line is a normal return; the units carry their share of the
// line's net, to the cent, and the third unit later brings the rest.
#[test]
fn ref1_a_partial_quantity_return_and_then_the_last_unit() -> Result {
    let order = order_of(
        &[("a", "10", 3), ("b", "20", 1)],
        &[offer(
            "cinq",
            "-5 €",
            Conditions::default(),
            amount_off("5"),
        )],
    );
    // 50.00 - 5.00: A carries 3.00 of the discount, 27.00 net for three units.
    assert_eq!(order.net_of(&"a".parse()?), Some(eur("27.00")));
    let mut ledger = ledger(&order, RefundMethod::Proportional);
    let two = ledger.record(&order, ret(&[("a", 2)]))?;
    assert_eq!(two.amount(), eur("18.00"));
    assert_eq!(ledger.kept_units(&"a".parse()?), Some(1));
    let last = ledger.record(&order, ret(&[("a", 1)]))?;
    assert_eq!(last.amount(), eur("9.00"));
    assert_eq!(ledger.kept_units(&"a".parse()?), Some(0));
    Ok(())
}

// REF-4: a line cancelled for unavailability is refunded at its net paid amount with no offer
// clawed back, even when what remains falls below the offer's minimum.
#[test]
fn ref4_a_cancelled_line_is_refunded_at_its_net_without_clawing_back_the_offer() -> Result {
    // A 90 + C 20 = 110 - 10 = 100 paid; C carries 1.82 of the discount.
    let order = order_of(
        &[("a", "90", 1), ("c", "20", 1)],
        &[offer(
            "dix",
            "-10 € dès 100 €",
            from("100"),
            amount_off("10"),
        )],
    );
    assert_eq!(order.net_of(&"c".parse()?), Some(eur("18.18")));
    for method in [RefundMethod::Repricing, RefundMethod::Proportional] {
        let mut ledger = ledger(&order, method);
        let refund = ledger.record(&order, cancel(&[("c", 1)]))?;
        assert_eq!(refund.amount(), eur("18.18"), "{method:?}");
        assert_eq!(refund.explanation().cancelled_net(), Some(eur("18.18")));
        assert!(!refund.is_withdrawal());
        assert!(refund.message_fr().contains(
            "nous vous remboursons le prix payé, 18,18\u{a0}€, sans remettre en cause les offres"
        ));
        // Returning A afterwards refunds the rest of what was paid: the cancellation counts
        // among the refunds made.
        let rest = ledger.record(&order, ret(&[("a", 1)]))?;
        assert_eq!(rest.products(), eur("81.82"));
        assert_eq!(ledger.refunded()?, order.total());
    }
    Ok(())
}

// REF-4, REF-1: after a cancellation, later returns are computed on what remains: A 90 + B 30
// + C 20, "-10 € dès 100 €", paid 130. Cancel C (net 18.57), return B (A alone, the offer
// lapses: 130 - 90 = 40, 18.57 already refunded: 21.43).
#[test]
fn ref4_later_returns_are_computed_on_what_remains() -> Result {
    let order = order_of(
        &[("a", "90", 1), ("b", "30", 1), ("c", "20", 1)],
        &[offer(
            "dix",
            "-10 € dès 100 €",
            from("100"),
            amount_off("10"),
        )],
    );
    assert_eq!(order.products_total(), eur("130.00"));
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let cancelled = ledger.record(&order, cancel(&[("c", 1)]))?;
    assert_eq!(cancelled.amount(), eur("18.57"));
    let returned = ledger.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(returned.explanation().refunded_before(), eur("18.57"));
    assert_eq!(returned.amount(), eur("21.43"));
    Ok(())
}

// REF-4: a cancelled line cannot be returned; a cancellation of the last items completes the
// order and refunds the delivery.
#[test]
fn ref4_a_cancelled_line_cannot_be_returned_and_completing_refunds_delivery() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    ledger.record(&order, cancel(&[("b", 1)]))?;
    let before = ledger.clone();
    assert_eq!(
        ledger.record(&order, ret(&[("b", 1)])),
        Err(RefundError::LineCancelled {
            line: "b".into(),
            cancelled: 1
        })
    );
    assert_eq!(ledger, before);
    let last = ledger.record(&order, cancel(&[("a", 1)]))?;
    assert_eq!(last.delivery(), eur("4.90"));
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// REF-4, RET-4: a cancellation claws nothing back, not even a conditional gift whose
// condition the cancellation breaks; a later withdrawal of the rest deducts the gift kept.
#[test]
fn ref4_a_cancellation_does_not_deduct_a_gift_but_a_later_return_does() -> Result {
    let order = gift_order();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let cancelled = ledger.record(&order, cancel(&[("b", 1)]))?;
    assert_eq!(cancelled.amount(), eur("20.00"));
    assert!(cancelled.explanation().kept_gifts().is_empty());
    assert!(!cancelled.message_fr().contains("cadeau"));
    let returned = ledger.record(&order, ret(&[("a", 1)]))?;
    // 60.00 paid - 7.90 for the gift kept - 20.00 refunded.
    assert_eq!(returned.products(), eur("32.10"));
    assert_eq!(returned.explanation().kept_gifts().len(), 1);
    Ok(())
}

// REF-4, REF-1: RULES.md's example, B returned (20.00 back), then A cancelled: its net is
// 82.50, but nothing is left, and returning or cancelling everything refunds everything paid:
// 90.00, with the delivery.
#[test]
fn ref4_a_cancellation_that_leaves_nothing_settles_everything_paid() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    assert_eq!(
        ledger.record(&order, ret(&[("b", 1)]))?.amount(),
        eur("20.00")
    );
    let last = ledger.record(&order, cancel(&[("a", 1)]))?;
    assert_eq!(last.explanation().cancelled_net(), Some(eur("82.50")));
    assert_eq!(last.products(), eur("90.00"));
    assert_eq!(last.delivery(), eur("4.90"));
    assert!(
        last.message_fr()
            .contains("tout ce qu'il restait à vous rendre sur les articles, 90,00\u{a0}€")
    );
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// REF-1, L221-24: a partial return refunds no delivery; completing the order refunds the
// delivery paid, up to the cheapest standard delivery; the customer's dearer choice keeps the
// difference.
#[test]
fn ref1_delivery_is_refunded_on_completion_up_to_the_cheapest_standard_delivery() -> Result {
    let colissimo = Delivery::new(
        DeliveryService::Colissimo(ColissimoDestination::Home),
        eur("6.90"),
    )?;
    let order = order_with(&[("a", "30", 1), ("b", "20", 1)], &[], colissimo);
    let policy = RefundAmountPolicy {
        cheapest_standard_delivery: Some(eur("3.90")),
        ..RefundAmountPolicy::default()
    };
    let mut capped = RefundLedger::new(&order, policy)?;
    let partial = capped.record(&order, ret(&[("a", 1)]))?;
    assert_eq!(partial.delivery(), Eur::ZERO);
    assert!(partial.explanation().delivery().is_none());
    let last = capped.record(&order, ret(&[("b", 1)]))?;
    assert_eq!(last.delivery(), eur("3.90"));
    let delivery = last.explanation().delivery().unwrap();
    assert!(delivery.is_capped());
    assert_eq!(delivery.paid(), eur("6.90"));
    assert!(last.message_fr().contains(
        "à hauteur de la livraison standard la moins chère, 3,90\u{a0}€ (vous aviez payé \
         6,90\u{a0}€ pour la livraison choisie)"
    ));
    assert_eq!(capped.refunded()?, eur("53.90"));

    // By default the order's own delivery cost comes back.
    let mut default = ledger(&order, RefundMethod::Repricing);
    let all = default.record(&order, ret(&[("a", 1), ("b", 1)]))?;
    assert_eq!(all.delivery(), eur("6.90"));
    assert_eq!(all.amount(), order.total());
    Ok(())
}

// REF-1: free delivery paid nothing, so nothing comes back for it; a later gift-only return
// does not refund the delivery twice.
#[test]
fn ref1_delivery_is_refunded_once_and_never_more_than_paid() -> Result {
    let order = order_of(
        &[("a", "60", 1)],
        &[
            offer(
                "port",
                "Livraison offerte",
                Conditions::default(),
                Effect::FreeShipping,
            ),
            offer(
                "sac",
                "Sac offert dès 50 €",
                from("50"),
                gift("tote-bag", "7.90"),
            ),
        ],
    );
    assert_eq!(order.shipping_net(), Eur::ZERO);
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let all = ledger.record(&order, ret(&[("a", 1)]))?;
    assert_eq!(all.delivery(), Eur::ZERO);
    // The gift is still out: its price is deducted until it comes back.
    assert_eq!(all.amount(), eur("52.10"));
    let gift_back = ledger.record(&order, Return::new([ReturnedItem::gift("sac".parse()?)])?)?;
    assert_eq!(gift_back.amount(), eur("7.90"));
    assert_eq!(gift_back.delivery(), Eur::ZERO);
    assert_eq!(ledger.refunded()?, order.total());
    Ok(())
}

// RET-2: a depreciation is deducted with its reason, up to the net paid for the units returned.
#[test]
fn ret2_a_deduction_is_made_with_its_reason_and_capped_at_the_units_net() -> Result {
    let order = order_of(&[("mug", "12.00", 2), ("cup", "8.00", 1)], &[]);
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let chipped = |amount: &str| {
        Inspection::Depreciated(Depreciation::new(eur(amount), "anse ébréchée").unwrap())
    };
    // One mug of two: 12.00 paid for it; 12.01 is refused, naming the line and both figures.
    let too_much = Return::new([units("mug", 1).inspected(chipped("12.01"))])?;
    let before = ledger.clone();
    assert_eq!(
        ledger.record(&order, too_much),
        Err(RefundError::DeductionAboveNet {
            line: "mug".into(),
            deduction: eur("12.01"),
            net: eur("12.00"),
        })
    );
    assert_eq!(ledger, before);
    let refund = ledger.record(
        &order,
        Return::new([units("mug", 1).inspected(chipped("3.00"))])?,
    )?;
    assert_eq!(refund.amount(), eur("9.00"));
    assert_eq!(refund.lines()[0].deduction(), eur("3.00"));
    assert_eq!(
        refund.explanation().deductions()[0].reason(),
        "anse ébréchée"
    );
    assert!(refund.message_fr().contains(
        "Une retenue de 3,00\u{a0}€ s'applique à « mug » pour dépréciation : anse ébréchée."
    ));
    // The deduction stays deducted: returning the rest refunds what was paid minus 3.00.
    let rest = ledger.record(&order, ret(&[("mug", 1), ("cup", 1)]))?;
    assert_eq!(ledger.deductions(), eur("3.00"));
    assert_eq!(ledger.refunded()?, order.total().checked_sub(eur("3.00"))?);
    assert_eq!(rest.explanation().deductions_total(), eur("3.00"));
    Ok(())
}

// RET-2: a line whose inspection is not finished cannot be refunded yet.
#[test]
fn ret2_a_pending_inspection_is_refused() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let pending = Return::new([units("b", 1).inspected(Inspection::Pending)])?;
    assert_eq!(
        ledger.record(&order, pending),
        Err(RefundError::InspectionPending { line: "b".into() })
    );
    assert!(ledger.refunds().is_empty());
    Ok(())
}

// RET-2, L221-23: the FAQ refuses products with "traces d'utilisations anormales" or without
// their packaging; the law only lets the shop deduct the depreciation that handling beyond
// trying the product caused. A mug used and sent back without its box is taken back: the
// inspection deducts 4.00 with its reason, the rest is refunded, and the mug no longer counts
// among the items kept. An inspection has no "refused" outcome.
#[test]
fn ret2_a_used_product_without_its_packaging_is_depreciated_never_refused() -> Result {
    let order = order_of(&[("mug", "12.00", 2), ("cup", "8.00", 1)], &[]);
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let worn = Depreciation::new(eur("4.00"), "traces d'usage, boîte manquante")?;
    let refund = ledger.record(
        &order,
        Return::new([units("mug", 1).inspected(Inspection::Depreciated(worn))])?,
    )?;
    assert_eq!(refund.amount(), eur("8.00"));
    assert_eq!(ledger.kept_units(&"mug".parse()?), Some(1));
    let message = refund.message_fr();
    assert!(message.contains("pour dépréciation : traces d'usage, boîte manquante."));
    assert!(!message.contains("refus"));
    // Every outcome of an inspection either refunds or waits; none turns the goods away.
    for inspection in [
        Inspection::Accepted,
        Inspection::Depreciated(Depreciation::new(eur("0.01"), "rayure")?),
        Inspection::Pending,
    ] {
        let back = Return::new([units("cup", 1).inspected(inspection.clone())])?;
        match ledger.preview(&order, &back.into()) {
            Ok(refund) => assert!(refund.amount().is_positive(), "{inspection:?}"),
            Err(e) => assert_eq!(e, RefundError::InspectionPending { line: "cup".into() }),
        }
    }
    Ok(())
}

// RET-2, L221-23: sending the goods back is at the shop's cost unless its terms told the
// customer otherwise before the order; the refund says which, for a return only.
#[test]
fn ret2_return_costs_are_the_shop_s_by_default_and_the_refund_says_so() -> Result {
    let order = order_of(&[("mug", "12.00", 2), ("cup", "8.00", 1)], &[]);
    let mut shop_pays = ledger(&order, RefundMethod::Repricing);
    assert_eq!(shop_pays.policy().return_costs, ReturnCosts::Shop);
    let refund = shop_pays.record(&order, ret(&[("mug", 1)]))?;
    assert_eq!(refund.explanation().return_costs(), Some(ReturnCosts::Shop));
    assert!(
        refund
            .message_fr()
            .ends_with("Les frais de renvoi des articles sont à notre charge.")
    );
    let cancelled = shop_pays.record(&order, cancel(&[("cup", 1)]))?;
    assert_eq!(cancelled.explanation().return_costs(), None);
    assert!(!cancelled.message_fr().contains("frais de renvoi"));

    let mut customer_pays = RefundLedger::new(
        &order,
        RefundAmountPolicy {
            return_costs: ReturnCosts::Customer,
            ..RefundAmountPolicy::default()
        },
    )?;
    let refund = customer_pays.record(&order, ret(&[("mug", 1)]))?;
    assert_eq!(refund.amount(), eur("12.00"));
    assert_eq!(
        refund.explanation().return_costs(),
        Some(ReturnCosts::Customer)
    );
    assert!(refund.message_fr().contains(
        "Les frais de renvoi des articles restent à votre charge, comme nos conditions de vente \
         vous l'indiquaient avant votre commande."
    ));
    Ok(())
}

// REF-1: every bad input is a typed error naming the line and the figure, and the ledger is
// left exactly as it was.
#[test]
fn ref1_bad_returns_are_typed_errors_and_leave_the_ledger_as_it_was() -> Result {
    let order = order_of(&[("a", "10", 3), ("b", "20", 1)], &[]);
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    ledger.record(&order, ret(&[("a", 2)]))?;
    let before = ledger.clone();
    let cases: Vec<(RefundCause, RefundError)> = vec![
        (
            ret(&[("z", 1)]).into(),
            RefundError::UnknownOrderLine { line: "z".into() },
        ),
        (
            Return::new([ReturnedItem::gift("nope".parse()?)])?.into(),
            RefundError::UnknownOrderLine {
                line: "gift of offer nope".into(),
            },
        ),
        (
            ret(&[("b", 2)]).into(),
            RefundError::MoreUnitsThanOrdered {
                line: "b".into(),
                asked: 2,
                ordered: 1,
            },
        ),
        (
            ret(&[("b", 1), ("a", 2)]).into(),
            RefundError::MoreUnitsThanKept {
                line: "a".into(),
                asked: 2,
                kept: 1,
                returned: 2,
                cancelled: 0,
            },
        ),
        (
            cancel(&[("a", 3)]).into(),
            RefundError::MoreUnitsThanKept {
                line: "a".into(),
                asked: 3,
                kept: 1,
                returned: 2,
                cancelled: 0,
            },
        ),
    ];
    for (cause, expected) in cases {
        let got = ledger.record(&order, cause);
        assert_eq!(got.as_ref().err(), Some(&expected));
        assert!(expected.is_bad_refund_input());
        assert!(!expected.message_fr().is_empty());
        assert_eq!(ledger, before, "after {expected}");
    }
    Ok(())
}

// REF-1: a ledger used with another order is refused, naming the figure that differs.
#[test]
fn ref1_a_ledger_of_another_order_is_refused() -> Result {
    let order = rules_example();
    let other = order_of(&[("a", "90", 1), ("b", "30", 2)], &[]);
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refused = ledger.record(&other, ret(&[("b", 1)])).unwrap_err();
    assert!(refused.is_bad_ledger());
    assert!(matches!(
        refused,
        RefundError::LedgerOfAnotherOrder {
            what: "total paid",
            ..
        }
    ));
    assert!(ledger.refunds().is_empty());
    Ok(())
}

// REF-2, REF-3: the refund as one decision: due 14 days after the notice, paid on time owes no
// surcharge; paid 15 days late owes 5 % of the refund, capped at the returned products' price.
#[test]
fn ref2_ref3_the_refund_decision_gives_the_due_date_the_surcharge_and_the_total() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    let facts =
        RefundFacts::notified(&paris(2026, 3, 16, 9)).with_goods_received(&paris(2026, 3, 19, 15));
    let rate = LegalInterestRate::new(Decimal::new(762, 2))?;
    let policy = ReturnsPolicy::default();
    let cal = Calendar::metropolitan();
    let on_time = RefundDecision::compute(
        &refund,
        &facts,
        &paris(2026, 3, 25, 10),
        rate,
        &policy,
        &cal,
    )?;
    assert_eq!(
        on_time.due().last_day().map(|d| d.to_string()),
        Some("2026-03-30".into())
    );
    assert!(!on_time.is_late());
    assert_eq!(on_time.surcharge().amount(), Eur::ZERO);
    assert_eq!(on_time.total(), eur("20.00"));
    assert!(on_time.deadlines().expected().is_some());

    let late = RefundDecision::compute(
        &refund,
        &facts,
        &paris(2026, 4, 14, 10),
        rate,
        &policy,
        &cal,
    )?;
    assert_eq!(late.days_late().get(), 15);
    assert_eq!(late.surcharge().tier(), SurchargeTier::Points(5));
    assert_eq!(late.surcharge().amount(), eur("1.00"));
    assert_eq!(late.total(), eur("21.00"));

    // Two years late: 150 % of 20.00 is 30.00, capped at the 27.50 paid for B.
    let very_late =
        RefundDecision::compute(&refund, &facts, &paris(2028, 2, 1, 10), rate, &policy, &cal)?;
    assert_eq!(very_late.surcharge().tier(), SurchargeTier::Points(150));
    assert!(very_late.surcharge().is_capped());
    assert_eq!(very_late.surcharge().amount(), eur("27.50"));
    assert_eq!(very_late.total(), eur("47.50"));
    Ok(())
}

// REF-4: a cancellation's refund is not a withdrawal's: it has no REF-2 deadline.
#[test]
fn ref4_a_cancellation_refund_has_no_withdrawal_decision() -> Result {
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, cancel(&[("b", 1)]))?;
    let facts = RefundFacts::notified(&paris(2026, 3, 16, 9));
    let refused = RefundDecision::compute(
        &refund,
        &facts,
        &paris(2026, 3, 20, 9),
        LegalInterestRate::ZERO,
        &ReturnsPolicy::default(),
        &Calendar::metropolitan(),
    );
    assert_eq!(refused, Err(RefundError::NotAWithdrawal { refund: 1 }));
    Ok(())
}

#[cfg(feature = "serde")]
mod stored {
    use super::*;
    use comptoir_refund::LedgerRecord;

    fn stored_after_two_refunds() -> (Order, RefundLedger, String) {
        let order = gift_order();
        let mut ledger = ledger(&order, RefundMethod::Repricing);
        ledger.record(&order, cancel(&[("b", 1)])).unwrap();
        ledger
            .record(
                &order,
                Return::new([units("a", 1).inspected(Inspection::Depreciated(
                    Depreciation::new(eur("2.00"), "boîte abîmée").unwrap(),
                ))])
                .unwrap(),
            )
            .unwrap();
        let json = serde_json::to_string(&ledger).unwrap();
        (order, ledger, json)
    }

    fn load(json: &str, order: &Order) -> core::result::Result<RefundLedger, RefundError> {
        let record: LedgerRecord = serde_json::from_str(json).unwrap();
        RefundLedger::load(record, order)
    }

    // REF-1: a stored ledger reads back equal, explanations recomputed.
    #[test]
    fn ref1_a_ledger_survives_storage() {
        let (order, ledger, json) = stored_after_two_refunds();
        assert_eq!(load(&json, &order), Ok(ledger));
    }

    // REF-1: a stored ledger whose figures disagree with the order is refused, naming the
    // refund and the figure.
    #[test]
    fn ref1_a_tampered_ledger_is_refused() {
        let (order, ledger, json) = stored_after_two_refunds();
        let first = &ledger.refunds()[0];
        let stored_amount = format!("\"amount\":\"{}\"", first.amount());
        assert!(json.contains(&stored_amount));
        let tampered = json.replacen(&stored_amount, "\"amount\":\"25.00\"", 1);
        // The amount no longer sums its line shares: refused when read, without the order.
        let refused = serde_json::from_str::<LedgerRecord>(&tampered)
            .unwrap_err()
            .to_string();
        assert!(refused.contains("refund 1: line shares"), "{refused}");

        // A deduction rewritten from 2.00 to 1.00 changes the computed refund, not the stored
        // one.
        let tampered = json.replace("\"2.00\"", "\"1.00\"");
        assert!(matches!(
            load(&tampered, &order),
            Err(RefundError::LedgerFigureMismatch { refund: 2, .. })
        ));

        // A cause the order refuses is named with its refund.
        let at = json.find("\"refunds\"").unwrap();
        let (stamp, refunds) = json.split_at(at);
        let tampered = format!(
            "{stamp}{}",
            refunds.replacen("\"quantity\":1", "\"quantity\":5", 1)
        );
        // More units than the stamp's line ordered: refused when read, without the order.
        let refused = serde_json::from_str::<LedgerRecord>(&tampered)
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("stored refund 1 cannot be replayed")
                && refused.contains("5 units asked, 1 ordered"),
            "{refused}"
        );
    }

    // REF-1: a stored ledger read for another order is refused.
    #[test]
    fn ref1_a_stored_ledger_of_another_order_is_refused() {
        let (_, _, json) = stored_after_two_refunds();
        let other = rules_example();
        assert!(matches!(
            load(&json, &other),
            Err(RefundError::LedgerOfAnotherOrder { .. })
        ));
    }

    // RET-2, REF-1: stored inputs are checked as built ones are.
    #[test]
    fn ret2_stored_inputs_are_checked_like_constructors() {
        assert!(serde_json::from_str::<Depreciation>(r#"{"amount":"0.00","reason":"x"}"#).is_err());
        assert!(serde_json::from_str::<Depreciation>(r#"{"amount":"1.00","reason":" "}"#).is_err());
        assert!(serde_json::from_str::<Return>(r#"{"items":[]}"#).is_err());
        let r: Return =
            serde_json::from_str(r#"{"items":[{"line":{"item":"a"},"quantity":2}]}"#).unwrap();
        assert_eq!(r.items()[0].inspection(), &Inspection::Accepted);
    }
}

// REF-3: without a rate from the caller, the decision reads the consumers' legal rate
// published for the half-year of the first day late; a half-year the crates do not know is a
// typed error naming it, and a refund on time needs no rate at all.
#[test]
fn ref3_the_published_legal_rate_is_used_when_the_caller_gives_none() -> Result {
    use comptoir_refund::HalfYear;
    let order = rules_example();
    let mut ledger = ledger(&order, RefundMethod::Repricing);
    let refund = ledger.record(&order, ret(&[("b", 1)]))?;
    let facts =
        RefundFacts::notified(&paris(2026, 3, 16, 9)).with_goods_received(&paris(2026, 3, 19, 15));
    let policy = ReturnsPolicy::default();
    let cal = Calendar::metropolitan();
    // Due 2026-03-30; paid 5 days late, in 2026-H1 (6.67 %): 20.00 x 6.67 % x 5 / 365.
    let paid = paris(2026, 4, 4, 10);
    let published =
        RefundDecision::compute_at_published_rate(&refund, &facts, &paid, &policy, &cal)?;
    let given = RefundDecision::compute(&refund, &facts, &paid, "6.67".parse()?, &policy, &cal)?;
    assert_eq!(published, given);
    assert!(published.surcharge().amount().is_positive());
    // On time: no rate needed.
    let on_time = RefundDecision::compute_at_published_rate(
        &refund,
        &facts,
        &paris(2026, 3, 30, 18),
        &policy,
        &cal,
    )?;
    assert_eq!(on_time.surcharge().amount(), Eur::ZERO);
    // Paid in July, but late since 31 March: the rate of the first day late, 2026-H1's.
    let paid_in_july = RefundDecision::compute_at_published_rate(
        &refund,
        &facts,
        &paris(2026, 7, 10, 10),
        &policy,
        &cal,
    )?;
    assert_eq!(
        paid_in_july,
        RefundDecision::compute(
            &refund,
            &facts,
            &paris(2026, 7, 10, 10),
            "6.67".parse()?,
            &policy,
            &cal
        )?
    );
    // Late from July 2026, a half-year whose rate the crates do not know.
    let facts_july =
        RefundFacts::notified(&paris(2026, 6, 20, 9)).with_goods_received(&paris(2026, 6, 22, 15));
    let first_day_late_in_july = RefundDecision::compute_at_published_rate(
        &refund,
        &facts_july,
        &paris(2026, 7, 10, 10),
        &policy,
        &cal,
    );
    match first_day_late_in_july {
        Err(RefundError::LegalRateUnknown { half_year }) => assert_eq!(half_year, "2026-H2"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        comptoir_refund::LegalInterestRate::published(HalfYear::new(2025, 1)?),
        Some("7.21".parse()?)
    );
    assert_eq!(
        comptoir_refund::LegalInterestRate::published(HalfYear::new(2025, 2)?),
        Some("6.65".parse()?)
    );
    assert!(HalfYear::new(2026, 3).is_err());
    assert!("2026-H3".parse::<HalfYear>().is_err());
    assert_eq!("2026-H2".parse::<HalfYear>()?.to_string(), "2026-H2");
    Ok(())
}
