//! The cart of the comptoir rules, and its lock-in when it is validated into an order.
//!
//! An open [`Cart`] takes lines, quantities, promotional codes and a delivery service; every
//! change is priced again by the promotion engine ([`comptoir_promo`]) against the shop's
//! [`Catalogue`](comptoir_promo::Catalogue), checked once when it was built and shared by
//! every cart through [`Terms`], so automatic offers come and go with the cart and each
//! change says which offers it added or removed (an automatic offer that loses the last line
//! of its products too). The cart's delivery service is part of what it is priced with, so
//! offers reserved to a service follow the customer's choice (SHIP-1). Entering a code
//! answers with the outcome of PROMO-1 and PROMO-2: applied (naming the offers it displaced)
//! or refused with a typed reason and the French sentence the shop shows, the empty cart and
//! a second code under one code per cart included.
//!
//! [`Cart::validate`] turns the cart into an [`Order`], a different type with no method that
//! adds an item or an offer (CART-1); `compile_fail` doctests on [`Order`] show it. A cart
//! that cannot be validated comes back in a [`Rejected`], which `?` turns into its
//! [`CartError`]. Code that loads either from storage holds a [`CartOrOrder`], which answers
//! every change to an order with [`CartError::Locked`] (CART-2). The order keeps the frozen
//! snapshot of CART-3: lines and unit prices, the offers applied with their full terms, the
//! context they were evaluated in (delivery service included), the delivery and its cost
//! (SHIP-1), the net amount of every line (PROMO-5), the total and the validation instant;
//! [`Order::reprice`] evaluates kept items under those frozen offers as at validation
//! (REF-1), and [`Order::reprice_totals`] gives the same totals, offers and refusals for the
//! order's lines at the units kept, without copying a line or computing shares.
//!
//! # Example
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use comptoir_cart::*;
//! use comptoir_promo::*;
//!
//! let ten_percent = Effect::PercentOff { percent: "10".parse()?, on: Target::Order };
//! let catalogue = Catalogue::new([
//!     Offer::builder("hiver".parse()?, "Soldes d'hiver", ten_percent).code(Code::new("HIVER10")?).build()?,
//! ])?;
//! let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
//! let context = EvaluationContext::new(at);
//! let terms = Terms::new(&catalogue, &context);
//!
//! let mut cart = Cart::new();
//! cart.add_line(Line::new("l1".parse()?, "mug".parse()?, "20.00".parse()?, Quantity::ONE)?, &terms)?;
//! assert!(cart.enter_code(" hiver10 ", &terms)?.is_applied());
//! cart.choose_delivery(
//!     Delivery::new(DeliveryService::Colissimo(ColissimoDestination::Home), "4.90".parse()?)?,
//!     &terms,
//! )?;
//! let order = cart.validate(CustomerId::new(1), &terms)?;
//! assert_eq!(order.total(), "22.90".parse()?);
//! assert_eq!(order.offers().first().map(Offer::name), Some("Soldes d'hiver"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A runnable example, `crates/cart/examples/checkout.rs`, takes a cart from its first line
//! to the locked order:
//!
//! ```text
//! cargo run -p comptoir-cart --example checkout
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for carts, orders and their parts. A stored order
//!   holds its frozen terms and its total, not its evaluation: it is recomputed from the terms
//!   when read, and refused if the total disagrees or if its parts are not what a validation
//!   gives (no line, a line twice, usage counts of an offer that did not apply: see
//!   [`Order`]). A stored cart is refused with a line twice, as [`Cart::add_line`] refuses it.
//! - `proptest`: the `strategies` module, generators of valid carts and deliveries.
//!
//! No feature changes behaviour.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod cart;
mod delivery;
mod error;
mod order;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use cart::{Cart, CartChange, CodeOutcome, Rejected, RemovedOffer, Terms};
/// The identifier of the customer account an order belongs to (ACC-1), from
/// [`comptoir_account`], so that code validating carts needs no other import.
pub use comptoir_account::CustomerId;
pub use delivery::{ColissimoDestination, Delivery, DeliveryService};
pub use error::{CartError, Change};
pub use order::{CartOrOrder, Order};
