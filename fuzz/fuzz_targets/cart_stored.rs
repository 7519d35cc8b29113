//! What an application stores of a cart and an order, from JSON: `Cart`, `Delivery`,
//! `Order`, `CartOrOrder`. What is accepted reads back from what it writes and is what the
//! crate's changes and validation could have made: a cart's lines each once, a delivery
//! `Delivery::new` gives, an order with lines, its context naming its delivery and keeping
//! only the usage of the offers applied, those offers exactly the ones its evaluation
//! applies, its figures summing (nets plus shipping is the total, repricing every line as
//! at validation gives it back).
#![no_main]

use std::collections::BTreeSet;

use comptoir_cart::{Cart, CartOrOrder, Delivery, Order};
use comptoir_fuzz::json;
use comptoir_money::Eur;
use comptoir_promo::{AppliedOffer, Offer};
use libfuzzer_sys::fuzz_target;

fn check_delivery(delivery: Delivery) {
    assert_eq!(Delivery::new(delivery.service(), delivery.cost()), Ok(delivery));
}

fn check_cart(cart: &Cart) {
    let ids: BTreeSet<_> = cart.lines().iter().map(|l| l.id()).collect();
    assert_eq!(ids.len(), cart.lines().len(), "a line twice in {cart:?}");
    if let Some(delivery) = cart.delivery() {
        check_delivery(delivery);
    }
}

fn check_order(order: &Order) {
    assert!(!order.lines().is_empty());
    let ids: BTreeSet<_> = order.lines().iter().map(|l| l.id()).collect();
    assert_eq!(ids.len(), order.lines().len());
    check_delivery(order.delivery());
    assert_eq!(order.context().delivery(), Some(order.delivery().service()));
    let context = order.context().restricted_to(order.offers().iter().map(Offer::id));
    assert_eq!(&context, order.context(), "usage of an offer that did not apply");
    assert!(
        order
            .offers()
            .iter()
            .map(Offer::id)
            .eq(order.evaluation().applied().iter().map(AppliedOffer::offer))
    );
    let nets = Eur::try_sum(order.evaluated_lines().iter().map(|l| l.net()))
        .expect("an order's nets were summed when it was read");
    assert_eq!(nets, order.products_total());
    assert_eq!(nets.checked_add(order.shipping_net()), Ok(order.total()));
    assert!(!order.total().is_negative());
    assert_eq!(order.shipping_amount(), order.delivery().cost());
    let repriced = order
        .reprice(order.lines(), order.delivery().cost())
        .expect("the order's own terms reprice its lines");
    assert_eq!(repriced.total(), order.total());
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 4 {
        0 => {
            if let Some(cart) = json::<Cart>(rest) {
                check_cart(&cart);
            }
        }
        1 => {
            if let Some(delivery) = json::<Delivery>(rest) {
                check_delivery(delivery);
            }
        }
        2 => {
            if let Some(order) = json::<Order>(rest) {
                check_order(&order);
            }
        }
        _ => match json::<CartOrOrder>(rest) {
            Some(CartOrOrder::Cart(cart)) => check_cart(&cart),
            Some(CartOrOrder::Order(order)) => check_order(&order),
            None => {}
        },
    }
});
