//! [`proptest`](mod@proptest) strategies for carts, deliveries and validated orders, built on
//! those of [`comptoir_promo::strategies`].
//!
//! Orders are valid by construction: no case is discarded, so a property over orders runs
//! as long a campaign as asked for (`PROPTEST_CASES=20000`) without proptest giving up on
//! too many rejects.
//!
//! # Example
//!
//! ```
//! use comptoir_cart::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(cart in strategies::cart(10))| {
//!     prop_assert!(cart.lines().len() <= 10);
//! });
//! ```

use comptoir_promo::strategies as promo;
use proptest::prelude::*;

use crate::{Cart, ColissimoDestination, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_promo::Catalogue;

/// Any delivery service of SHIP-1.
pub fn service() -> impl Strategy<Value = DeliveryService> {
    prop_oneof![
        Just(DeliveryService::Pickup),
        Just(DeliveryService::Colissimo(ColissimoDestination::Home)),
        Just(DeliveryService::Colissimo(ColissimoDestination::Work)),
        Just(DeliveryService::Colissimo(ColissimoDestination::Holiday)),
    ]
}

/// A delivery service with a cost from 0.00 to 15.00.
pub fn delivery() -> impl Strategy<Value = Delivery> {
    (service(), promo::shipping())
        .prop_filter_map("valid delivery", |(s, c)| Delivery::new(s, c).ok())
}

/// A cart of up to `max_lines` lines with codes from the promo pool and a delivery (or none).
pub fn cart(max_lines: usize) -> impl Strategy<Value = Cart> {
    (
        promo::lines(max_lines),
        promo::codes(),
        proptest::option::weighted(0.9, delivery()),
    )
        .prop_filter_map("valid cart", |(lines, codes, delivery)| {
            Cart::from_parts(lines, codes, delivery).ok()
        })
}

/// A cart of 1 to `max_lines` lines with codes from the promo pool and a delivery (or none):
/// one that validation accepts once a delivery is chosen.
pub fn non_empty_cart(max_lines: usize) -> impl Strategy<Value = Cart> {
    (
        promo::non_empty_lines(max_lines),
        promo::codes(),
        proptest::option::weighted(0.9, delivery()),
    )
        .prop_filter_map("valid cart", |(lines, codes, delivery)| {
            Cart::from_parts(lines, codes, delivery).ok()
        })
}

/// A validated order of 1 to `max_lines` lines under 1 to 4 automatic offers of any kind
/// ([`promo::applicable_offer`], gifts included), with a delivery, for customer 1, under
/// any promo policy; the offers that applied are frozen in it (CART-3).
///
/// Valid by construction: validation refuses only an empty cart, a cart without delivery
/// and an overflow, none of which these parts can make.
///
/// ```
/// use comptoir_cart::strategies;
/// use proptest::prelude::*;
///
/// proptest!(|(order in strategies::validated_order(5))| {
///     prop_assert!(!order.lines().is_empty());
///     prop_assert!(!order.total().is_negative());
/// });
/// ```
pub fn validated_order(max_lines: usize) -> impl Strategy<Value = Order> {
    order_from(max_lines, true)
}

/// As [`validated_order`], without gift offers.
pub fn validated_order_without_gifts(max_lines: usize) -> impl Strategy<Value = Order> {
    order_from(max_lines, false)
}

fn order_from(max_lines: usize, gifts: bool) -> impl Strategy<Value = Order> {
    (
        promo::non_empty_lines(max_lines),
        promo::applicable_offers(1, 4, gifts),
        delivery(),
        promo::context(),
        promo::policy(),
    )
        .prop_filter_map(
            "a cart of valid parts validates",
            |(lines, offers, delivery, context, policy)| {
                let catalogue = Catalogue::new(offers).ok()?;
                let terms = Terms::new(&catalogue, &context).with_policy(policy);
                let mut cart = Cart::new();
                for line in lines {
                    cart.add_line(line, &terms).ok()?;
                }
                cart.choose_delivery(delivery, &terms).ok()?;
                cart.validate(CustomerId::new(1), &terms).ok()
            },
        )
}
