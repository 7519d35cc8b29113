//! [`proptest`](mod@proptest) strategies for amounts, for property tests of code built on this crate.
//!
//! Every value generated is a valid [`Eur`] or [`Percent`]; the ranges are those of a shop's
//! prices, so that sums of thousands of them stay far from overflow.
//!
//! # Example
//!
//! ```
//! use comptoir_money::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(price in strategies::price())| {
//!     prop_assert!(price.is_positive());
//! });
//! ```

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::{Eur, Percent};

/// Any amount from -10 000 000.00 to 10 000 000.00.
pub fn amount() -> impl Strategy<Value = Eur> {
    (-1_000_000_000i64..=1_000_000_000).prop_map(Eur::from_cents)
}

/// An amount from 0.00 to `max_cents` cents inclusive (`max_cents` below zero gives 0.00).
pub fn amount_up_to(max_cents: i64) -> impl Strategy<Value = Eur> {
    (0..=max_cents.max(0)).prop_map(Eur::from_cents)
}

/// A unit price as a shop lists it: 0.01 to 5 000.00.
pub fn price() -> impl Strategy<Value = Eur> {
    (1i64..=500_000).prop_map(Eur::from_cents)
}

/// A percentage from 0 to 100 with up to two decimals.
pub fn percent() -> impl Strategy<Value = Percent> {
    (0i64..=10_000).prop_map(|hundredths| {
        // Always within 0..=100 by construction.
        Percent::new(Decimal::new(hundredths, 2)).unwrap_or(Percent::ZERO)
    })
}

/// Non-negative weights for [`Eur::allocate`], at least one of them positive.
pub fn weights(max_len: usize) -> impl Strategy<Value = Vec<u32>> {
    proptest::collection::vec(0u32..=1_000_000, 1..=max_len.max(1))
        .prop_filter("at least one positive weight", |w| w.iter().any(|x| *x > 0))
}
