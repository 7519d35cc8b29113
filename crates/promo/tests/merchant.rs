//! Promotions as merchants configure them, as PrestaShop's cart-rule scenarios exercise
//! them: empty carts, several effects in one offer, one code per cart, lines already on
//! sale, quantities within a selection, and restrictions by delivery, destination and
//! customer group (PROMO-1..5).

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::{Eur, Percent};
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

// PROMO-4, PROMO-2: one code gives free shipping and 10 EUR off; it is one offer applied,
// whose effects each say what they gave.
#[test]
fn promo_4_one_code_gives_free_shipping_and_an_amount_off() {
    let duo = offer("duo", Effect::FreeShipping)
        .also(amount("10"))
        .code(Code::new("DUO").unwrap())
        .build()
        .unwrap();
    let lines = [line("a", "A", "30.00", 1), line("b", "B", "10.00", 1)];
    let e = run(vec![duo], &["duo"], &lines, "4.90");
    assert_eq!(e.applied().len(), 1);
    let applied = &e.applied()[0];
    assert_eq!(applied.discount(), eur("14.90"));
    assert_eq!(applied.shipping_discount(), eur("4.90"));
    let parts: Vec<(Eur, Eur)> = applied
        .effects()
        .iter()
        .map(|x| (x.discount(), x.shipping_discount()))
        .collect();
    assert_eq!(
        parts,
        [(eur("4.90"), eur("4.90")), (eur("10.00"), Eur::ZERO)]
    );
    let said: Vec<String> = applied
        .effects()
        .iter()
        .map(AppliedEffect::message_fr)
        .collect();
    assert_eq!(
        said,
        [
            "Livraison offerte : −4,90\u{a0}€",
            "10,00\u{a0}€ de remise sur la commande : −10,00\u{a0}€"
        ]
    );
    // 10.00 over 30.00 and 10.00: 7.50 and 2.50.
    let shares: Vec<Eur> = applied.lines().iter().map(|d| d.amount()).collect();
    assert_eq!(shares, [eur("7.50"), eur("2.50")]);
    assert_eq!(e.total(), eur("30.00"));
}

// PROMO-4: a percentage and a gift in one offer; the gift line is named by the offer.
#[test]
fn promo_4_one_offer_gives_a_percentage_and_a_gift() {
    let both = offer("noel", percent("10"))
        .also(gift("boule", "5.00"))
        .minimum_amount("50".parse().unwrap())
        .build()
        .unwrap();
    let lines = [line("a", "A", "60.00", 1)];
    let e = run(vec![both], &[], &lines, "0");
    let gift_line = e.lines().iter().find(|l| l.is_gift()).unwrap();
    assert_eq!(
        gift_line.line().gift_offer().map(OfferId::as_str),
        Some("noel")
    );
    assert_eq!(e.applied()[0].discount(), eur("11.00"));
    assert_eq!(e.total(), eur("54.00"));
}

// PROMO-4: effects apply in the order listed, each on what the one before left.
#[test]
fn promo_4_effects_apply_in_the_order_listed() {
    let lines = [line("a", "A", "100.00", 1)];
    let amount_first = offer("x", amount("10"))
        .also(percent("10"))
        .build()
        .unwrap();
    let percent_first = offer("x", percent("10"))
        .also(amount("10"))
        .build()
        .unwrap();
    // 100 - 10 = 90, then 10 % of 90 = 9: 81. The other way: 100 - 10 % = 90, - 10 = 80.
    assert_eq!(
        run(vec![amount_first], &[], &lines, "0").total(),
        eur("81.00")
    );
    assert_eq!(
        run(vec![percent_first], &[], &lines, "0").total(),
        eur("80.00")
    );
}

// PROMO-2: an offer with several effects is one offer: a non-combinable one of higher
// priority removes it whole, naming itself once.
#[test]
fn promo_2_an_offer_with_several_effects_conflicts_as_one() {
    let duo = offer("duo", Effect::FreeShipping)
        .also(amount("10"))
        .priority(5)
        .build()
        .unwrap();
    let vip = offer("vip", percent("30"))
        .not_combinable()
        .priority(1)
        .build()
        .unwrap();
    let lines = [line("a", "A", "50.00", 1)];
    let e = run(vec![duo, vip], &[], &lines, "4.90");
    assert_eq!(e.applied().len(), 1);
    assert!(matches!(
        reason(&e, "duo"),
        Some(Refusal::NotCombinable { with, .. }) if with.as_str() == "vip"
    ));
    assert_eq!(e.shipping_net(), eur("4.90"));
}

// PROMO-4: an offer that takes one of its discounts from a selection applies only when the
// cart holds one of its products, whatever its other effects.
#[test]
fn promo_4_a_selection_effect_without_its_products_refuses_the_whole_offer() {
    let teas = Target::Selection(Selection::categories(["the".parse().unwrap()]));
    let both = offer("the", Effect::FreeShipping)
        .also(Effect::PercentOff {
            percent: "10".parse().unwrap(),
            on: teas,
        })
        .code(Code::new("THE").unwrap())
        .build()
        .unwrap();
    let e = run(
        vec![both],
        &["the"],
        &[line("a", "mug", "20.00", 1)],
        "4.90",
    );
    assert_eq!(reason(&e, "the"), Some(Refusal::ProductRestrictionNotMet));
}

// PROMO-1, PROMO-2: under one code per cart, the code first in (priority, id) order applies
// and the other is refused naming it; automatic offers still combine by their own terms.
#[test]
fn promo_1_one_code_per_cart_refuses_the_second_code_naming_the_first() {
    let offers = vec![
        offer("dix", percent("10"))
            .code(Code::new("DIX").unwrap())
            .priority(1)
            .build()
            .unwrap(),
        offer("cinq", amount("5"))
            .code(Code::new("CINQ").unwrap())
            .priority(2)
            .build()
            .unwrap(),
        offer("port", Effect::FreeShipping)
            .priority(9)
            .build()
            .unwrap(),
    ];
    let policy = PromoPolicy {
        one_code_per_cart: true,
        ..PromoPolicy::default()
    };
    let lines = [line("a", "A", "40.00", 1)];
    let context = EvaluationContext::new(noon());
    let e = run_with(
        offers.clone(),
        &["cinq", "dix"],
        &lines,
        "4.90",
        &context,
        &policy,
    );
    let applied: Vec<&str> = e.applied().iter().map(|a| a.offer().as_str()).collect();
    assert_eq!(applied, ["dix", "port"]);
    let refused = reason(&e, "cinq").unwrap();
    assert_eq!(
        refused,
        Refusal::OneCodePerCart {
            entered: Code::new("DIX").unwrap()
        }
    );
    assert_eq!(
        refused.message_fr(),
        "Un seul code promo par commande : retirez le code « DIX » pour utiliser celui-ci."
    );
    // Several codes by default.
    let e = run(offers, &["cinq", "dix"], &lines, "4.90");
    assert_eq!(e.applied().len(), 3);
}

// PROMO-4, PROMO-3: an offer that leaves lines on sale alone takes its percentage from the
// others only; they still count towards its minimum unless the merchant says so.
#[test]
fn promo_4_lines_on_sale_are_left_out_of_the_discount_and_optionally_the_minimum() {
    let lines = [
        line("a", "A", "50.00", 1).with_on_sale(true),
        line("b", "B", "30.00", 1),
    ];
    let ten = |on_sale| {
        offer("dix", percent("10"))
            .minimum_amount("60".parse().unwrap())
            .on_sale(on_sale)
            .build()
            .unwrap()
    };
    let all = run(vec![ten(OnSale::Included)], &[], &lines, "0");
    assert_eq!(all.applied()[0].discount(), eur("8.00"));
    let others = run(vec![ten(OnSale::ExcludedFromDiscounts)], &[], &lines, "0");
    assert_eq!(others.applied()[0].discount(), eur("3.00"));
    assert_eq!(
        others.line(&"a".parse().unwrap()).unwrap().discount(),
        Eur::ZERO
    );
    let strict = run(
        vec![ten(OnSale::ExcludedFromDiscountsAndMinimum)],
        &[],
        &lines,
        "0",
    );
    assert_eq!(
        reason(&strict, "dix"),
        Some(Refusal::MinimumAmountNotReached {
            missing: eur("30.00")
        })
    );
}

// PROMO-4: the cheapest unit stays the cart's cheapest: when it is on sale, an offer that
// leaves those alone gives nothing (it never moves onto a dearer product) and says why.
#[test]
fn promo_4_cheapest_unit_on_sale_is_left_alone_and_the_offer_says_why() {
    let half = offer(
        "half",
        Effect::PercentOff {
            percent: "50".parse().unwrap(),
            on: Target::CheapestUnit,
        },
    )
    .on_sale(OnSale::ExcludedFromDiscounts)
    .build()
    .unwrap();
    let cheapest_on_sale = [
        line("a", "A", "5.00", 1).with_on_sale(true),
        line("b", "B", "12.00", 1),
    ];
    let e = run(vec![half.clone()], &[], &cheapest_on_sale, "0");
    assert_eq!(reason(&e, "half"), Some(Refusal::OnlyProductsOnSale));
    assert_eq!(
        Refusal::OnlyProductsOnSale.message_fr(),
        "Cette offre ne s'applique pas aux articles déjà en promotion."
    );
    let dearer_on_sale = [
        line("a", "A", "5.00", 1),
        line("b", "B", "12.00", 1).with_on_sale(true),
    ];
    let e = run(vec![half], &[], &dearer_on_sale, "0");
    assert_eq!(
        e.line(&"a".parse().unwrap()).unwrap().discount(),
        eur("2.50")
    );
}

// PROMO-3, PROMO-4: "two teas bought, the cheaper one free": a quantity counted among the
// teas only, and the cheapest tea, not the cheapest product of the cart.
#[test]
fn promo_3_two_teas_bought_the_cheaper_one_free() {
    let teas = Selection::categories(["the".parse().unwrap()]);
    let deal = offer(
        "deux-thes",
        Effect::PercentOff {
            percent: Percent::HUNDRED,
            on: Target::CheapestUnitIn(teas.clone()),
        },
    )
    .minimum_quantity_in(Quantity::new(2).unwrap(), teas)
    .build()
    .unwrap();
    let tea =
        |id: &str, price: &str| line(id, id, price, 1).with_categories(["the".parse().unwrap()]);
    let one_tea = [tea("sencha", "8.50"), line("mug", "mug", "3.00", 2)];
    let e = run(vec![deal.clone()], &[], &one_tea, "0");
    let refused = reason(&e, "deux-thes").unwrap();
    assert_eq!(refused, Refusal::SelectionQuantityNotReached { missing: 1 });
    assert_eq!(
        refused.message_fr(),
        "Ajoutez encore 1 article concerné par cette offre pour en profiter."
    );
    let two_teas = [
        tea("sencha", "8.50"),
        tea("oolong", "6.00"),
        line("mug", "mug", "3.00", 2),
    ];
    let e = run(vec![deal], &[], &two_teas, "0");
    assert_eq!(e.applied()[0].discount(), eur("6.00"));
    assert_eq!(e.line(&"oolong".parse().unwrap()).unwrap().net(), Eur::ZERO);
    assert_eq!(
        e.line(&"mug".parse().unwrap()).unwrap().discount(),
        Eur::ZERO
    );
}

// PROMO-3, SHIP-1: an offer for a delivery service, a destination or a customer group says
// which restriction the cart does not meet, and applies once it does.
#[test]
fn promo_3_restrictions_by_delivery_destination_and_customer_group() {
    let lines = [line("a", "A", "40.00", 1)];
    let pro: CustomerGroup = "pro".parse().unwrap();
    let offers = vec![
        offer("relais", amount("2"))
            .delivery([DeliveryService::Pickup])
            .build()
            .unwrap(),
        offer("outre-mer", Effect::FreeShipping)
            .destinations(["GP", "MQ", "GF", "RE", "YT"].map(|d| d.parse().unwrap()))
            .build()
            .unwrap(),
        offer("pros", percent("5"))
            .customer_groups([pro.clone()])
            .build()
            .unwrap(),
    ];
    let policy = PromoPolicy::default();
    let nowhere = EvaluationContext::new(noon());
    let e = run_with(offers.clone(), &[], &lines, "9.90", &nowhere, &policy);
    assert!(e.applied().is_empty());
    assert_eq!(
        reason(&e, "relais"),
        Some(Refusal::DeliveryServiceNotAllowed)
    );
    assert_eq!(
        reason(&e, "outre-mer"),
        Some(Refusal::DestinationNotAllowed)
    );
    assert_eq!(reason(&e, "pros"), Some(Refusal::CustomerGroupNotAllowed));
    let home = EvaluationContext::new(noon())
        .with_delivery(DeliveryService::Colissimo(ColissimoDestination::Home))
        .with_destination(Destination::MetropolitanFrance);
    let e = run_with(offers.clone(), &[], &lines, "9.90", &home, &policy);
    assert_eq!(
        reason(&e, "relais"),
        Some(Refusal::DeliveryServiceNotAllowed)
    );
    assert_eq!(
        reason(&e, "outre-mer"),
        Some(Refusal::DestinationNotAllowed)
    );
    let reunion_pro = EvaluationContext::new(noon())
        .with_delivery(DeliveryService::Pickup)
        .with_destination("RE".parse().unwrap())
        .with_customer_group(pro);
    let e = run_with(offers, &[], &lines, "9.90", &reunion_pro, &policy);
    assert_eq!(e.applied().len(), 3);
    assert_eq!(e.shipping_net(), Eur::ZERO);
    for refusal in [
        Refusal::DeliveryServiceNotAllowed,
        Refusal::DestinationNotAllowed,
        Refusal::CustomerGroupNotAllowed,
    ] {
        assert!(!refusal.message_fr().is_empty() && !refusal.to_string().is_empty());
    }
    assert_eq!(
        Refusal::DestinationNotAllowed.message_fr(),
        "Cette offre n'est pas valable pour votre adresse de livraison."
    );
}
