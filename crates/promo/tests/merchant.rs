//! Promotions as merchants configure them, as PrestaShop's cart-rule scenarios exercise
//! them: empty carts, several effects in one offer, one code per cart, lines already on
//! sale, quantities within a selection, and restrictions by delivery, destination and
//! customer group (PROMO-1..5).

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::*;

fn eur(s: &str) -> Eur {
    s.parse().unwrap()
}

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn line(id: &str, product: &str, price: &str, quantity: u32) -> Line {
    Line::new(
        id.parse().unwrap(),
        product.parse().unwrap(),
        eur(price),
        Quantity::new(quantity).unwrap(),
    )
    .unwrap()
}

fn percent(p: &str) -> Effect {
    Effect::PercentOff {
        percent: p.parse().unwrap(),
        on: Target::Order,
    }
}

fn amount(a: &str) -> Effect {
    Effect::AmountOff {
        amount: eur(a),
        on: Target::Order,
    }
}

fn gift(product: &str, price: &str) -> Effect {
    Effect::Gift {
        product: product.parse().unwrap(),
        unit_price: eur(price),
    }
}

fn offer(id: &str, effect: Effect) -> OfferBuilder {
    Offer::builder(id.parse().unwrap(), format!("Offre {id}"), effect)
}

fn codes(list: &[&str]) -> BTreeSet<Code> {
    list.iter().map(|c| Code::new(c).unwrap()).collect()
}

fn run_with(
    offers: Vec<Offer>,
    entered: &[&str],
    lines: &[Line],
    shipping: &str,
    context: &EvaluationContext,
    policy: &PromoPolicy,
) -> Evaluation {
    let catalogue = Catalogue::new(offers).unwrap();
    evaluate(
        &catalogue,
        &codes(entered),
        lines,
        eur(shipping),
        context,
        policy,
    )
    .unwrap()
}

fn run(offers: Vec<Offer>, entered: &[&str], lines: &[Line], shipping: &str) -> Evaluation {
    run_with(
        offers,
        entered,
        lines,
        shipping,
        &EvaluationContext::new(noon()),
        &PromoPolicy::default(),
    )
}

fn reason(e: &Evaluation, offer: &str) -> Option<Refusal> {
    e.reason(&offer.parse().unwrap()).cloned()
}

// PROMO-1, PROMO-4: an automatic gift offer does not apply to an empty cart: no gift line,
// nothing applied, and the reason is the empty cart.
#[test]
fn promo_4_automatic_gift_does_not_apply_to_an_empty_cart() {
    let e = run(
        vec![offer("tote", gift("tote-bag", "9.90")).build().unwrap()],
        &[],
        &[],
        "0",
    );
    assert!(e.applied().is_empty());
    assert!(e.lines().is_empty());
    assert_eq!(reason(&e, "tote"), Some(Refusal::EmptyCart));
    assert_eq!(e.total(), Eur::ZERO);
}

// PROMO-1, PROMO-4: a free-shipping code entered on an empty cart is refused as such.
#[test]
fn promo_1_free_shipping_code_on_an_empty_cart_is_refused() {
    let port = offer("port", Effect::FreeShipping)
        .code(Code::new("PORT").unwrap())
        .build()
        .unwrap();
    let e = run(vec![port], &["port"], &[], "4.90");
    assert!(e.applied().is_empty());
    assert_eq!(reason(&e, "port"), Some(Refusal::EmptyCart));
    assert_eq!(e.shipping_net(), eur("4.90"));
}

// PROMO-1: an order-wide percentage or amount code on an empty cart is refused for the
// empty cart, not for a product restriction the offer does not have.
#[test]
fn promo_1_order_wide_code_on_an_empty_cart_says_the_cart_is_empty() {
    let offers = vec![
        offer("dix", percent("10"))
            .code(Code::new("DIX").unwrap())
            .build()
            .unwrap(),
        offer("cinq", amount("5"))
            .code(Code::new("CINQ").unwrap())
            .build()
            .unwrap(),
    ];
    let e = run(offers, &["dix", "cinq"], &[], "0");
    assert_eq!(reason(&e, "dix"), Some(Refusal::EmptyCart));
    assert_eq!(reason(&e, "cinq"), Some(Refusal::EmptyCart));
    assert_eq!(
        Refusal::EmptyCart.message_fr(),
        "Votre panier est vide : ajoutez un article pour profiter de cette offre."
    );
    assert_eq!(Refusal::EmptyCart.to_string(), "cart is empty");
}

// PROMO-4: the same gift applies as soon as the cart holds one product.
#[test]
fn promo_4_gift_applies_once_the_cart_holds_a_product() {
    let lines = [line("l1", "mug", "12.00", 1)];
    let e = run(
        vec![offer("tote", gift("tote-bag", "9.90")).build().unwrap()],
        &[],
        &lines,
        "0",
    );
    assert!(e.applies(&"tote".parse().unwrap()));
    assert_eq!(e.total(), eur("12.00"));
}
