//! [`proptest`](mod@proptest) strategies for carts and deliveries, built on those of
//! [`comptoir_promo::strategies`].
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

use crate::{Cart, ColissimoDestination, Delivery, DeliveryService};

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
