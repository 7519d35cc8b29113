//! The promotion engine of the comptoir rules: offers as data, applied deterministically,
//! discounts allocated to lines to the cent.
//!
//! Promotions are where shops lose money and customers lose trust: stacking bugs,
//! order-dependent results, cent-level rounding errors. This crate decides, for a cart's
//! lines and the shop's offers, which offers apply, what each gives, and what every line
//! and the whole cost:
//!
//! - **PROMO-1** codes compare case-insensitively, ignoring surrounding spaces ([`Code`]);
//!   every offer considered that does not apply gets a typed [`Refusal`] with the French
//!   sentence the shop shows ([`Refusal::message_fr`]); an empty cart refuses every offer
//!   with [`Refusal::EmptyCart`], a gift or free shipping included. A shop may take one code
//!   per cart ([`PromoPolicy::one_code_per_cart`]).
//! - **PROMO-2** offers are considered in the order (priority, id), never in the order codes
//!   were entered; two offers apply together only when each allows the other
//!   ([`Combinable`]: always, never, or only with named offers), so a non-combinable offer
//!   never applies with another.
//! - **PROMO-3** conditions: validity window, minimum amount (products incl. VAT before
//!   discounts, gifts excluded, shipping by [`PromoPolicy`], lines on sale by [`OnSale`]),
//!   minimum quantity, over the cart or among selected products, products or categories,
//!   first order, usage limits, delivery service (SHIP-1), destination (the overseas regions
//!   of CAL-3 included) and customer group ([`Conditions`]; counts, service, destination
//!   and groups are inputs in the [`EvaluationContext`]).
//! - **PROMO-4** effects: percentage (sequential by default), fixed amount capped at what it
//!   covers, cheapest unit (of the cart or of a selection), free shipping, gift ([`Effect`]);
//!   one offer may carry several, applied in the order listed ([`Offer`]), and may leave
//!   products already on sale alone ([`OnSale`]).
//! - **PROMO-5** each discount is allocated over the lines it covers in proportion to what
//!   they still cost, exact to the cent, with the split of [`comptoir_money::allocate_cents`];
//!   the total is the lines' net amounts plus shipping.
//!
//! - **PROMO-6, L112-1-1** the prior price of a reduction of a product's price announced to all
//!   (a struck-through price, "-20 %"): the lowest price of its history over the 30 days
//!   before, counted on the Paris clock of [`comptoir_calendar::clock`], or the price before
//!   the first of a declared period of successive reductions ([`PriceHistory`]); an
//!   announcement against another price is refused with the lawful one and the article
//!   ([`check_announcement`]). Conditional offers such as "-10 EUR dès 100 EUR" announce no
//!   such reduction and are out of its scope.
//!
//! A [`Catalogue`] holds the shop's offers, checked once and indexed: [`evaluate`] prices a
//! cart against it, touching only the offers whose code was entered and the automatic offers
//! that can apply to the cart's products at its instant, so a shop with a million
//! single-use codes prices a cart as fast as a shop with ten offers. [`evaluate_as_at`]
//! evaluates a fixed set of offers as at a past context, which is how an order's frozen
//! offers reprice the items kept after a return (CART-3, REF-1);
//! [`evaluate_totals_as_at`] gives its totals alone, for lines counted at other units (the
//! units kept), at a fraction of the cost.
//!
//! # Readings
//!
//! Where the rules leave a choice, this crate reads them so (each is tested):
//!
//! - **Which offers are considered.** Every offer whose code was entered, and every
//!   automatic offer valid at the instant whose product selections each match a line of the
//!   cart. An automatic offer outside its window or bound to products the cart lacks is not
//!   listed among the offers not applied (a shop's hundreds of seasonal offers would
//!   otherwise explain themselves on every cart).
//! - **Equal priorities** are broken by the smaller offer id, whichever code came first
//!   ([`evaluate`]).
//! - **Several effects** make one offer: one set of conditions, one place in the order, one
//!   conflict, one entry applied with each effect's share ([`AppliedOffer::effects`]). An
//!   offer whose selection effect finds no product (or only products on sale it leaves
//!   alone) is refused whole. Its effects apply in the order listed, each on what the one
//!   before left, which prices it as the same effects would as separate offers of one
//!   priority listed in that order.
//! - **Lines on sale**: the cheapest unit stays the cart's (or the selection's) cheapest;
//!   when it is on sale, an offer that leaves those alone gives nothing rather than moving
//!   onto a dearer product, so leaving lines on sale alone never gives more.
//! - **One code per cart**: the first code offer that applies in (priority, id) order is the
//!   cart's code; the cart refuses a second code naming the first and does not keep it.
//! - **Restrictions** to a delivery service or a destination are not met while the service
//!   or the destination is unknown.
//!
//! Nothing here reads a clock or stores usage: the instant and the counts are arguments.
//!
//! # Example
//!
//! ```
//! use std::collections::BTreeSet;
//! use chrono::{TimeZone, Utc};
//! use comptoir_money::Eur;
//! use comptoir_promo::*;
//!
//! let percent = |p: &str| -> Result<Effect, Box<dyn std::error::Error>> {
//!     Ok(Effect::PercentOff { percent: p.parse()?, on: Target::Order })
//! };
//! let catalogue = Catalogue::new([
//!     Offer::builder("a".parse()?, "-10 %", percent("10")?).code(Code::new("DIX")?).priority(1).build()?,
//!     Offer::builder("b".parse()?, "-20 %", percent("20")?).code(Code::new("VINGT")?).priority(2).build()?,
//! ])?;
//! let lines = [Line::new("l1".parse()?, "P".parse()?, "100".parse()?, Quantity::ONE)?];
//! let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single().ok_or("instant")?;
//! let context = EvaluationContext::new(at);
//! let codes: BTreeSet<Code> = ["vingt".parse()?, "dix".parse()?].into();
//! let result = evaluate(&catalogue, &codes, &lines, Eur::ZERO, &context, &PromoPolicy::default())?;
//! // 10 % of 100.00, then 20 % of the 90.00 left.
//! let discounts: Vec<Eur> = result.applied().iter().map(|a| a.discount()).collect();
//! assert_eq!(discounts, ["10.00".parse()?, "18.00".parse()?]);
//! assert_eq!(result.total(), "72.00".parse()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A runnable example, `crates/promo/examples/shop_offers.rs`, writes a shop's three usual
//! offers with [`Offer::builder`] and prices a cart with them:
//!
//! ```text
//! cargo run -p comptoir-promo --example shop_offers
//! ```
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for offers, catalogues, lines, contexts and policies,
//!   so a shop keeps its offers in a JSON or TOML file; deserialising an [`Offer`], a
//!   [`Catalogue`] or a [`Line`] runs the same checks as their constructors. Computed results ([`Evaluation`] and its parts) are
//!   `Serialize` only: to keep one, keep its inputs and evaluate again. Money is written as
//!   strings, instants as RFC 3339.
//! - `proptest`: the `strategies` module, generators of valid lines, offers and contexts.
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

mod catalogue;
mod context;
mod error;
mod evaluate;
mod ids;
mod line;
mod offer;
mod prior_price;
mod refusal;
mod restriction;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use catalogue::Catalogue;
pub use context::{EvaluationContext, PercentStacking, PromoPolicy, Usage};
pub use error::PromoError;
pub use evaluate::{
    AppliedEffect, AppliedOffer, EvaluatedLine, Evaluation, EvaluationTotals, LineDiscount,
    LineRef, NotApplied, evaluate, evaluate_as_at, evaluate_totals_as_at,
};
pub use ids::{CategoryId, Code, LineId, OfferId, Priority, ProductId, Quantity};
pub use line::Line;
pub use offer::{
    Combinable, Conditions, Effect, Offer, OfferBuilder, OfferSpec, OnSale, Selection,
    SelectionQuantity, Target, Trigger, ValidityWindow,
};
pub use prior_price::{AnnouncedReduction, DatedPrice, PriceHistory, check_announcement};
pub use refusal::Refusal;
pub use restriction::{
    ColissimoDestination, CountryCode, CustomerGroup, DeliveryService, Destination,
};
