//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every stored cart or order that deserialised though no change or validation could have
//! produced it stays here, refused.
#![cfg(feature = "serde")]

use chrono::{TimeZone, Utc};
use comptoir_cart::*;
use comptoir_promo::*;
use serde_json::{Value, json};

fn line(id: &str, price: &str) -> Line {
    Line::new(
        id.parse().unwrap(),
        format!("product-{id}").parse().unwrap(),
        price.parse().unwrap(),
        Quantity::ONE,
    )
    .unwrap()
}

/// An order with one offer applied ("hiver", 10 % by code) and one that did not ("vip",
/// whose minimum is not reached), validated with usage counts for both.
fn order() -> Order {
    let hiver = Offer::builder(
        "hiver".parse().unwrap(),
        "Hiver",
        Effect::PercentOff {
            percent: "10".parse().unwrap(),
            on: Target::Order,
        },
    )
    .code(Code::new("HIVER10").unwrap())
    .build()
    .unwrap();
    let vip = Offer::builder(
        "vip".parse().unwrap(),
        "VIP",
        Effect::AmountOff {
            amount: "5".parse().unwrap(),
            on: Target::Order,
        },
    )
    .minimum_amount("500".parse().unwrap())
    .build()
    .unwrap();
    let catalogue = Catalogue::new([hiver, vip]).unwrap();
    let context = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap())
        .with_usage(
            "hiver".parse().unwrap(),
            Usage {
                by_customer: 0,
                total: 3,
            },
        )
        .with_usage(
            "vip".parse().unwrap(),
            Usage {
                by_customer: 1,
                total: 7,
            },
        );
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    cart.add_line(line("a", "40.00"), &terms).unwrap();
    cart.add_line(line("b", "20.00"), &terms).unwrap();
    cart.enter_code("HIVER10", &terms).unwrap();
    cart.choose_delivery(
        Delivery::new(
            DeliveryService::Colissimo(ColissimoDestination::Home),
            "4.90".parse().unwrap(),
        )
        .unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(7), &terms).unwrap()
}

fn stored(order: &Order) -> Value {
    serde_json::to_value(order).unwrap()
}

fn read(value: Value) -> Result<Order, serde_json::Error> {
    let order: Result<Order, _> = serde_json::from_value(value.clone());
    let either: Result<CartOrOrder, _> = serde_json::from_value(json!({ "order": value }));
    assert_eq!(order.is_ok(), either.is_ok(), "Order and CartOrOrder agree");
    order
}

fn refused_saying(value: Value, words: &str) {
    let error = read(value).unwrap_err().to_string();
    assert!(error.contains(words), "{error:?} does not say {words:?}");
}

// CART-3: the order validated keeps the usage counts of the offer applied only, and reads
// back equal.
#[test]
fn cart_3_a_validated_order_keeps_usage_of_applied_offers_only() {
    let order = order();
    assert_eq!(order.offers().len(), 1);
    let usage = stored(&order)["context"]["usage"].clone();
    assert!(usage.get("hiver").is_some(), "{usage}");
    assert!(usage.get("vip").is_none(), "{usage}");
    assert_eq!(read(stored(&order)).unwrap(), order);
}

// CART-3, the hostile-input review: an order kept usage counts of an offer that did not apply
// and deserialised, though no validation could have frozen them.
#[test]
fn cart_3_stored_order_with_usage_of_an_offer_not_applied_is_refused() {
    let mut value = stored(&order());
    value["context"]["usage"]["vip"] = json!({ "by_customer": 1, "total": 7 });
    refused_saying(value, "usage counts of an offer that did not apply");
}

// CART-1, CART-3: an order has lines; a stored one without any is refused as a cart without
// any is.
#[test]
fn cart_1_stored_order_without_lines_is_refused() {
    let mut value = stored(&order());
    value["lines"] = json!([]);
    refused_saying(value, "cart is empty");
}

// CART-1: one line per id in an order as in a cart.
#[test]
fn cart_1_stored_order_with_a_line_twice_is_refused() {
    let mut value = stored(&order());
    let first = value["lines"][0].clone();
    value["lines"].as_array_mut().unwrap().push(first);
    refused_saying(value, "already in the cart");
    let cart = json!({ "lines": [stored(&order())["lines"][0], stored(&order())["lines"][0]] });
    assert!(serde_json::from_value::<Cart>(cart).is_err());
}

// SHIP-1, CART-3: the context of validation holds the delivery service chosen; a stored order
// whose context says another (or none) was not validated so.
#[test]
fn ship_1_stored_order_whose_context_names_another_delivery_is_refused() {
    let mut value = stored(&order());
    value["context"]["delivery"] = json!("pickup");
    refused_saying(value.clone(), "delivery service");
    value["context"].as_object_mut().unwrap().remove("delivery");
    refused_saying(value, "delivery service");
}

// CART-3: the offers frozen are those that apply, and the total is theirs.
#[test]
fn cart_3_stored_order_with_an_offer_that_does_not_apply_or_another_total_is_refused() {
    let order = order();
    let mut value = stored(&order);
    value["total"] = json!("1.00");
    refused_saying(value, "total paid");
    let mut value = stored(&order);
    value["offers"] = json!([]);
    refused_saying(value.clone(), "usage counts of an offer that did not apply");
    value["context"]["usage"] = json!({});
    refused_saying(value, "total paid");
}

// CART-3, PROMO-1: an offer frozen in an order was open when the order was validated; a
// stored order whose offer's window excludes that instant was never validated so.
#[test]
fn cart_3_stored_order_with_an_offer_closed_at_validation_is_refused() {
    let mut value = stored(&order());
    value["offers"][0]["window"] = json!({ "starts": "2027-01-01T00:00:00Z" });
    refused_saying(value, "the offers frozen are not the offers that apply");
}
