//! A whole evaluation from JSON: a catalogue, the codes entered, the cart's lines, shipping,
//! the context and the shop's policy. Never a panic, and every evaluation that succeeds
//! keeps the money: each line's net is its amount less its discount and never negative, the
//! discounts of the offers applied are what the lines and shipping lost, and the total is
//! the lines' nets plus shipping's. The offers applied, evaluated again on their own as an
//! order reprices (the units halved, as after a return), give the same totals, offers and
//! reasons whether the evaluation is whole or totals only.
#![no_main]

use std::collections::BTreeSet;

use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, EvaluationContext, Line, Offer, PromoPolicy, Quantity, evaluate,
    evaluate_as_at, evaluate_totals_as_at,
};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Scenario {
    catalogue: Catalogue,
    #[serde(default)]
    codes: BTreeSet<Code>,
    lines: Vec<Line>,
    #[serde(default)]
    shipping: Eur,
    context: EvaluationContext,
    #[serde(default)]
    policy: PromoPolicy,
}

fn sum(amounts: impl Iterator<Item = Eur>) -> Eur {
    Eur::try_sum(amounts).expect("the sums of an evaluation that succeeded fit")
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = serde_json::from_slice::<Scenario>(data) else {
        return;
    };
    let Ok(result) = evaluate(&s.catalogue, &s.codes, &s.lines, s.shipping, &s.context, &s.policy)
    else {
        return;
    };
    for line in result.lines() {
        assert_eq!(line.amount().checked_sub(line.discount()), Ok(line.net()), "{line:?}");
        assert!(!line.net().is_negative() && !line.discount().is_negative(), "{line:?}");
    }
    let items = result.lines().iter().filter(|l| !l.is_gift());
    assert_eq!(items.count(), s.lines.len());
    assert!(!result.shipping_net().is_negative());
    assert_eq!(
        result.shipping_amount().checked_sub(result.shipping_discount()),
        Ok(result.shipping_net())
    );
    let nets = sum(result.lines().iter().map(|l| l.net()));
    assert_eq!(nets.checked_add(result.shipping_net()), Ok(result.total()));
    let line_discounts = sum(result.lines().iter().map(|l| l.discount()));
    let offer_discounts = sum(result.applied().iter().map(|a| a.discount()));
    assert_eq!(
        line_discounts.checked_add(result.shipping_discount()),
        Ok(offer_discounts),
        "the offers' discounts are what the lines and shipping lost, exactly"
    );
    let shipping_discounts = sum(result.applied().iter().map(|a| a.shipping_discount()));
    assert_eq!(shipping_discounts, result.shipping_discount());
    for applied in result.applied() {
        let allocated = sum(applied.lines().iter().map(|d| d.amount()));
        assert_eq!(
            allocated.checked_add(applied.shipping_discount()),
            Ok(applied.discount()),
            "{applied:?}"
        );
        assert!(s.catalogue.offer(applied.offer()).is_some());
        assert!(result.reason(applied.offer()).is_none());
    }
    // CART-3, REF-1: the totals-only repricing is the whole repricing's totals.
    let frozen: Vec<Offer> = result
        .applied()
        .iter()
        .filter_map(|a| s.catalogue.offer(a.offer()).cloned())
        .collect();
    let kept: Vec<(&Line, Quantity)> = s
        .lines
        .iter()
        .filter_map(|l| Quantity::new(l.quantity().get() / 2).ok().map(|q| (l, q)))
        .collect();
    let at_kept: Vec<Line> = kept.iter().map(|(l, q)| (*l).clone().with_quantity(*q)).collect();
    let whole = evaluate_as_at(&frozen, &at_kept, s.shipping, &s.context, &s.policy);
    let totals = evaluate_totals_as_at(&frozen, kept, s.shipping, &s.context, &s.policy);
    assert_eq!(whole.map(|w| w.totals()), totals);
});
