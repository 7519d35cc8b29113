//! The cart's side of promotions as merchants configure them: codes on an empty cart and one
//! code per cart (PROMO-1, PROMO-2).

use chrono::{TimeZone, Utc};
use comptoir_cart::*;
use comptoir_promo::*;

fn line(id: &str, price: &str) -> Line {
    Line::new(
        id.parse().unwrap(),
        format!("product-{id}").parse().unwrap(),
        price.parse().unwrap(),
        Quantity::ONE,
    )
    .unwrap()
}

fn coded(id: &str, code: &str, effect: Effect) -> Offer {
    Offer::builder(id.parse().unwrap(), format!("Offre {id}"), effect)
        .code(Code::new(code).unwrap())
        .build()
        .unwrap()
}

fn catalogue() -> Catalogue {
    let ten = Effect::PercentOff {
        percent: "10".parse().unwrap(),
        on: Target::Order,
    };
    Catalogue::new([
        coded("dix", "DIX", ten),
        coded("port", "PORT", Effect::FreeShipping),
        Offer::builder(
            "bienvenue".parse().unwrap(),
            "Bienvenue",
            Effect::FreeShipping,
        )
        .build()
        .unwrap(),
    ])
    .unwrap()
}

fn context() -> EvaluationContext {
    EvaluationContext::new(Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap())
}

// PROMO-1: a code entered on an empty cart is refused because the cart is empty, with the
// shop's sentence; it stays entered and applies once a product is added.
#[test]
fn promo_1_code_on_an_empty_cart_is_refused_for_the_empty_cart() {
    let (catalogue, ctx) = (catalogue(), context());
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = Cart::new();
    let outcome = cart.enter_code("dix", &terms).unwrap();
    assert_eq!(outcome, CodeOutcome::Refused(Refusal::EmptyCart));
    assert_eq!(
        outcome.message_fr(),
        "Votre panier est vide : ajoutez un article pour profiter de cette offre."
    );
    let change = cart.add_line(line("a", "20.00"), &terms).unwrap();
    assert!(change.added.contains(&"dix".parse().unwrap()));
}

// PROMO-1: with one code per cart, a second code is refused naming the first and is not
// kept; removing the first lets the second in.
#[test]
fn promo_1_one_code_per_cart_keeps_the_first_code_only() {
    let (catalogue, ctx) = (catalogue(), context());
    let policy = PromoPolicy {
        one_code_per_cart: true,
        ..PromoPolicy::default()
    };
    let terms = Terms::new(&catalogue, &ctx).with_policy(policy);
    let mut cart = Cart::new();
    cart.add_line(line("a", "20.00"), &terms).unwrap();
    assert!(cart.enter_code("dix", &terms).unwrap().is_applied());
    assert_eq!(
        cart.enter_code("port", &terms).unwrap(),
        CodeOutcome::Refused(Refusal::OneCodePerCart {
            entered: Code::new("DIX").unwrap()
        })
    );
    assert_eq!(cart.codes().len(), 1);
    // The automatic offer still combines with the code.
    assert!(
        cart.evaluate(&terms)
            .unwrap()
            .applies(&"bienvenue".parse().unwrap())
    );
    cart.remove_code("DIX", &terms).unwrap();
    assert!(cart.enter_code("port", &terms).unwrap().is_applied());
}

// SHIP-1, PROMO-3: an offer for relay-point deliveries applies once the cart chooses one,
// and the order keeps the service it was priced with.
#[test]
fn ship_1_an_offer_for_a_delivery_service_follows_the_carts_choice() {
    let relay = Offer::builder(
        "relais".parse().unwrap(),
        "-2 € en point relais",
        Effect::AmountOff {
            amount: "2".parse().unwrap(),
            on: Target::Order,
        },
    )
    .delivery([DeliveryService::Pickup])
    .build()
    .unwrap();
    let catalogue = Catalogue::new([relay]).unwrap();
    let ctx = context();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = Cart::new();
    cart.add_line(line("a", "20.00"), &terms).unwrap();
    let id: OfferId = "relais".parse().unwrap();
    assert_eq!(
        cart.evaluate(&terms).unwrap().reason(&id),
        Some(&Refusal::DeliveryServiceNotAllowed)
    );
    let home = DeliveryService::Colissimo(ColissimoDestination::Home);
    cart.choose_delivery(
        Delivery::new(home, "4.90".parse().unwrap()).unwrap(),
        &terms,
    )
    .unwrap();
    assert!(!cart.evaluate(&terms).unwrap().applies(&id));
    let change = cart
        .choose_delivery(
            Delivery::new(DeliveryService::Pickup, "3.90".parse().unwrap()).unwrap(),
            &terms,
        )
        .unwrap();
    assert_eq!(change.added, std::slice::from_ref(&id));
    let order = cart.validate(CustomerId::new(1), &terms).unwrap();
    assert_eq!(order.total(), "21.90".parse().unwrap());
    assert_eq!(order.context().delivery(), Some(DeliveryService::Pickup));
    let repriced = order
        .reprice(order.lines(), order.shipping_amount())
        .unwrap();
    assert!(repriced.applies(&id));
}
