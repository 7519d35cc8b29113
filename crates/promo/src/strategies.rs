//! [`proptest`](mod@proptest) strategies for lines, offers and contexts, for property tests of code built on
//! this crate.
//!
//! Ids come from small pools (`p0`..`p5` for products, `c0`..`c2` for categories, codes
//! `CODE0`..`CODE4`) so that generated offers actually meet generated carts. Line ids within
//! one [`lines`] vector, and offer ids and codes within one [`offers`] vector, are unique, as
//! an evaluation requires. The contexts' instants lie in 2026, drawn with the calendar's
//! [`instant_between`](comptoir_calendar::strategies::instant_between), the one scheme for
//! instants across the crates.
//!
//! # Example
//!
//! ```
//! use comptoir_promo::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(lines in strategies::lines(20))| {
//!     prop_assert!(lines.iter().all(|l| !l.unit_price().is_negative()));
//! });
//! ```

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::strategies as calendar;
use comptoir_money::{Eur, strategies as money};
use proptest::prelude::*;

use crate::Catalogue;
use crate::{
    CategoryId, Code, ColissimoDestination, Combinable, Conditions, CustomerGroup, DeliveryService,
    Destination, Effect, EvaluationContext, Line, LineId, Offer, OfferId, OfferSpec, OnSale,
    PercentStacking, Priority, ProductId, PromoPolicy, Quantity, Selection, SelectionQuantity,
    Target, Trigger, Usage, ValidityWindow,
};

fn id<T: core::str::FromStr + core::fmt::Debug>(
    prefix: &'static str,
    max: u32,
) -> impl Strategy<Value = T> {
    (0..max).prop_filter_map("valid id", move |n| format!("{prefix}{n}").parse().ok())
}

/// A product id from the pool `p0`..`p5`.
pub fn product_id() -> impl Strategy<Value = ProductId> {
    id("p", 6)
}

/// A category id from the pool `c0`..`c2`.
pub fn category_id() -> impl Strategy<Value = CategoryId> {
    id("c", 3)
}

/// A code from the pool `CODE0`..`CODE4`.
pub fn code() -> impl Strategy<Value = Code> {
    id("CODE", 5)
}

/// A set of codes from the pool.
pub fn codes() -> impl Strategy<Value = BTreeSet<Code>> {
    proptest::collection::btree_set(code(), 0..=5)
}

/// A quantity from 1 to 5.
pub fn quantity() -> impl Strategy<Value = Quantity> {
    (1u32..=5).prop_filter_map("positive", |q| Quantity::new(q).ok())
}

/// A unit price from 0.00 to 500.00.
pub fn unit_price() -> impl Strategy<Value = Eur> {
    money::amount_up_to(50_000)
}

/// A line with id `id`, on sale one time in five.
pub fn line_with_id(id: LineId) -> impl Strategy<Value = Line> {
    (
        product_id(),
        proptest::collection::vec(category_id(), 0..=2),
        unit_price(),
        quantity(),
        proptest::bool::weighted(0.2),
    )
        .prop_filter_map("valid line", move |(p, c, price, q, on_sale)| {
            Line::new(id.clone(), p, price, q)
                .ok()
                .map(|l| l.with_categories(c).with_on_sale(on_sale))
        })
}

/// Up to `max_len` lines with distinct ids (`l0`, `l1`, ...).
pub fn lines(max_len: usize) -> impl Strategy<Value = Vec<Line>> {
    (0..=max_len).prop_flat_map(|n| {
        (0..n)
            .filter_map(|i| LineId::new(format!("l{i}")).ok())
            .map(line_with_id)
            .collect::<Vec<_>>()
    })
}

/// 1 to `max_len` lines with distinct ids (`l0`, `l1`, ...): an order's lines, never empty
/// (`max_len` 0 is read as 1), no case discarded.
pub fn non_empty_lines(max_len: usize) -> impl Strategy<Value = Vec<Line>> {
    (1..=max_len.max(1)).prop_flat_map(|n| {
        (0..n)
            .filter_map(|i| LineId::new(format!("l{i}")).ok())
            .map(line_with_id)
            .collect::<Vec<_>>()
    })
}

/// A non-empty selection of products and categories from the pools.
pub fn selection() -> impl Strategy<Value = Selection> {
    (
        proptest::collection::vec(product_id(), 0..=2),
        proptest::collection::vec(category_id(), 0..=1),
    )
        .prop_filter("selects something", |(p, c)| !p.is_empty() || !c.is_empty())
        .prop_map(|(products, categories)| Selection {
            products,
            categories,
        })
}

/// What a percentage or amount is taken from.
pub fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Order),
        selection().prop_map(Target::Selection),
        Just(Target::CheapestUnit),
        selection().prop_map(Target::CheapestUnitIn),
    ]
}

/// Any effect of PROMO-4.
pub fn effect() -> impl Strategy<Value = Effect> {
    prop_oneof![
        (money::percent(), target()).prop_map(|(percent, on)| Effect::PercentOff { percent, on }),
        ((1i64..=20_000).prop_map(Eur::from_cents), target())
            .prop_map(|(amount, on)| Effect::AmountOff { amount, on }),
        Just(Effect::FreeShipping),
        (product_id(), (1i64..=5_000).prop_map(Eur::from_cents)).prop_map(
            |(product, unit_price)| Effect::Gift {
                product,
                unit_price
            }
        ),
    ]
}

/// One effect mostly, sometimes two or three (an offer's effects), at most one free shipping
/// and one gift among them.
pub fn effects() -> impl Strategy<Value = Vec<Effect>> {
    prop_oneof![
        3 => effect().prop_map(|e| vec![e]),
        1 => proptest::collection::vec(effect(), 2..=3),
    ]
    .prop_filter("one free shipping and one gift at most", |effects| {
        let count = |f: fn(&Effect) -> bool| effects.iter().filter(|e| f(e)).count();
        count(|e| matches!(e, Effect::FreeShipping)) <= 1
            && count(|e| matches!(e, Effect::Gift { .. })) <= 1
    })
}

/// An instant in 2026: [`instant_between`](comptoir_calendar::strategies::instant_between)
/// its first and last second, so that validity windows and contexts meet.
fn instant_in_2026() -> impl Strategy<Value = DateTime<Utc>> {
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single();
    let end = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single();
    match (start, end) {
        (Some(start), Some(end)) => calendar::instant_between(start, end),
        _ => calendar::instant_between(DateTime::UNIX_EPOCH, DateTime::UNIX_EPOCH),
    }
}

/// A validity window: mostly always, sometimes bounded within 2026.
pub fn window() -> impl Strategy<Value = ValidityWindow> {
    prop_oneof![
        2 => Just(ValidityWindow::ALWAYS),
        1 => (instant_in_2026(), instant_in_2026()).prop_filter_map("ends after it starts", |(a, b)| {
            ValidityWindow::new(Some(a.min(b)), Some(a.max(b))).ok()
        }),
    ]
}

/// Any delivery service of SHIP-1.
pub fn service() -> impl Strategy<Value = DeliveryService> {
    prop_oneof![
        Just(DeliveryService::Pickup),
        Just(DeliveryService::Colissimo(ColissimoDestination::Home)),
        Just(DeliveryService::Colissimo(ColissimoDestination::Work)),
        Just(DeliveryService::Colissimo(ColissimoDestination::Holiday)),
    ]
}

/// Metropolitan France, an overseas region or Belgium.
pub fn destination() -> impl Strategy<Value = Destination> {
    proptest::sample::select(vec!["FR", "GP", "MQ", "GF", "RE", "YT", "BE"])
        .prop_filter_map("a destination", |code| code.parse().ok())
}

/// A customer group from the pool `g0`..`g2`.
pub fn customer_group() -> impl Strategy<Value = CustomerGroup> {
    id("g", 3)
}

/// Whether an offer leaves lines on sale alone.
pub fn on_sale() -> impl Strategy<Value = OnSale> {
    prop_oneof![
        3 => Just(OnSale::Included),
        1 => Just(OnSale::ExcludedFromDiscounts),
        1 => Just(OnSale::ExcludedFromDiscountsAndMinimum),
    ]
}

/// Conditions of PROMO-3, each present or not.
pub fn conditions() -> impl Strategy<Value = Conditions> {
    (
        (
            proptest::option::weighted(0.3, money::amount_up_to(100_000)),
            proptest::option::weighted(0.3, quantity()),
            proptest::option::weighted(0.2, selection()),
            proptest::bool::weighted(0.1),
            proptest::option::weighted(0.1, 1u32..=3),
            proptest::option::weighted(0.1, 1u32..=100),
        ),
        (
            on_sale(),
            proptest::option::weighted(0.15, (quantity(), selection())),
            proptest::option::weighted(0.1, proptest::collection::btree_set(service(), 1..=2)),
            proptest::option::weighted(0.1, proptest::collection::btree_set(destination(), 1..=2)),
            proptest::option::weighted(
                0.1,
                proptest::collection::btree_set(customer_group(), 1..=2),
            ),
        ),
    )
        .prop_map(
            |(
                (minimum_amount, minimum_quantity, requires, first_order_only, per, total),
                (on_sale, minimum_quantity_in, delivery, destinations, customer_groups),
            )| Conditions {
                minimum_amount,
                minimum_quantity,
                requires,
                first_order_only,
                per_customer_limit: per,
                total_limit: total,
                on_sale,
                minimum_quantity_in: minimum_quantity_in
                    .map(|(units, of)| SelectionQuantity { units, of }),
                delivery,
                destinations,
                customer_groups,
            },
        )
}

/// An offer with id `id` and any code of the pool, or none, combining with all offers or
/// none.
pub fn offer_with_id(id: OfferId) -> impl Strategy<Value = Offer> {
    proptest::option::weighted(0.6, code())
        .prop_flat_map(move |code| offer_with_trigger(id.clone(), code))
}

/// Which offers an offer combines with: mostly any, sometimes none, sometimes only some of
/// `o0`..`o{pool - 1}` (never when `pool` is zero).
pub fn combinable(pool: usize) -> impl Strategy<Value = Combinable> {
    let ids: Vec<OfferId> = (0..pool)
        .filter_map(|i| OfferId::new(format!("o{i}")).ok())
        .collect();
    let only_with = proptest::sample::subsequence(ids.clone(), 0..=ids.len())
        .prop_map(|ids| Combinable::OnlyWith(ids.into_iter().collect()));
    let weight = if pool == 0 { 0 } else { 1 };
    prop_oneof![
        4 => Just(Combinable::Always),
        1 => Just(Combinable::Never),
        weight => only_with,
    ]
}

/// An offer with id `id`, triggered by `code` (automatic for `None`).
pub fn offer_with_trigger(id: OfferId, code: Option<Code>) -> impl Strategy<Value = Offer> {
    offer_among(id, code, 0)
}

/// An offer with id `id` and trigger `code` that may combine only with some of the offers
/// `o0`..`o{pool - 1}`.
fn offer_among(id: OfferId, code: Option<Code>, pool: usize) -> impl Strategy<Value = Offer> {
    (window(), conditions(), effects(), combinable(pool), 0u32..5).prop_filter_map(
        "valid offer",
        move |(window, conditions, effects, combinable, p)| {
            Offer::new(OfferSpec {
                id: id.clone(),
                name: format!("Offre {id}"),
                trigger: code.clone().map_or(Trigger::Automatic, Trigger::Code),
                window,
                conditions,
                effects,
                combinable,
                priority: Priority::new(p),
            })
            .ok()
        },
    )
}

/// Up to `max_len` offers with distinct ids (`o0`, `o1`, ...) and distinct codes, each
/// combining only with offers of the vector when it names some, as a [`Catalogue`] requires. Codes are drawn without repetition from the pool, widened to
/// `CODE{max_len - 1}` when the pool is smaller than the catalogue.
pub fn offers(max_len: usize) -> impl Strategy<Value = Vec<Offer>> {
    let pool: Vec<usize> = (0..max_len.max(5)).collect();
    (
        0..=max_len,
        Just(pool).prop_shuffle(),
        proptest::collection::vec(proptest::bool::weighted(0.6), max_len),
    )
        .prop_flat_map(|(n, pool, with_code)| {
            (0..n)
                .filter_map(|i| {
                    let id = OfferId::new(format!("o{i}")).ok()?;
                    let code = match (with_code.get(i), pool.get(i)) {
                        (Some(true), Some(c)) => Some(Code::new(format!("CODE{c}")).ok()?),
                        _ => None,
                    };
                    Some(offer_among(id, code, n))
                })
                .collect::<Vec<_>>()
        })
}

/// A context in 2026, first order or not, with small usage counts for offers `o0`..`o9`,
/// and mostly a delivery service, a destination and a customer group.
pub fn context() -> impl Strategy<Value = EvaluationContext> {
    (
        instant_in_2026(),
        any::<bool>(),
        proptest::collection::vec((0u32..10, 0u32..4, 0u32..120), 0..5),
        (
            proptest::option::weighted(0.8, service()),
            proptest::option::weighted(0.8, destination()),
            proptest::collection::btree_set(customer_group(), 0..=2),
        ),
    )
        .prop_map(|(at, first, usage, (service, destination, groups))| {
            let mut ctx = EvaluationContext::new(at).first_order(first);
            if let Some(service) = service {
                ctx = ctx.with_delivery(service);
            }
            if let Some(destination) = destination {
                ctx = ctx.with_destination(destination);
            }
            let ctx = groups
                .into_iter()
                .fold(ctx, EvaluationContext::with_customer_group);
            usage.into_iter().fold(ctx, |ctx, (o, by_customer, total)| {
                match OfferId::new(format!("o{o}")) {
                    Ok(id) => ctx.with_usage(
                        id,
                        Usage {
                            by_customer,
                            total: total.max(by_customer),
                        },
                    ),
                    Err(_) => ctx,
                }
            })
        })
}

/// Either stacking, either reading of the minimum amount, one code per cart or several.
pub fn policy() -> impl Strategy<Value = PromoPolicy> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(original, shipping, one_code)| {
        PromoPolicy {
            stacking: if original {
                PercentStacking::OnOriginal
            } else {
                PercentStacking::Sequential
            },
            minimum_includes_shipping: shipping,
            one_code_per_cart: one_code,
        }
    })
}

/// A shipping cost from 0.00 to 15.00.
pub fn shipping() -> impl Strategy<Value = Eur> {
    money::amount_up_to(1_500)
}

/// A catalogue of up to `max_offers` offers from [`offers`]: distinct ids and codes, so every
/// draw is a valid [`Catalogue`].
pub fn catalogue(max_offers: usize) -> impl Strategy<Value = Catalogue> {
    offers(max_offers).prop_filter_map("a valid catalogue", |offers| Catalogue::new(offers).ok())
}

/// A condition an offer may lose when items come back or leave the cart (PROMO-3), or none:
/// a minimum amount, a minimum quantity, a required selection.
pub fn item_conditions() -> impl Strategy<Value = Conditions> {
    prop_oneof![
        2 => Just(Conditions::default()),
        2 => (1i64..=150_000).prop_map(|cents| Conditions {
            minimum_amount: Some(Eur::from_cents(cents)),
            ..Conditions::default()
        }),
        1 => quantity().prop_map(|q| Conditions {
            minimum_quantity: Some(q),
            ..Conditions::default()
        }),
        1 => selection().prop_map(|s| Conditions {
            requires: Some(s),
            ..Conditions::default()
        }),
    ]
}

/// An automatic offer with id `id` that applies whenever its item condition
/// ([`item_conditions`]) holds: always valid, no usage limit, no condition on the delivery,
/// the destination or the customer, mostly combinable, any effects of PROMO-4, one or
/// several (gifts only when `gifts`).
pub fn applicable_offer(id: OfferId, gifts: bool) -> impl Strategy<Value = Offer> {
    let effects = effects().prop_filter("no gift unless asked", move |effects| {
        gifts || !effects.iter().any(|e| matches!(e, Effect::Gift { .. }))
    });
    (
        item_conditions(),
        effects,
        proptest::bool::weighted(0.9),
        0u32..3,
    )
        .prop_filter_map(
            "valid offer",
            move |(conditions, effects, combinable, p)| {
                Offer::new(OfferSpec {
                    id: id.clone(),
                    name: format!("Offre {id}"),
                    trigger: Trigger::Automatic,
                    window: ValidityWindow::ALWAYS,
                    conditions,
                    effects,
                    combinable: Combinable::from(combinable),
                    priority: Priority::new(p),
                })
                .ok()
            },
        )
}

/// `min_len` to `max_len` offers of [`applicable_offer`] with ids `o0`, `o1`, ...: a
/// catalogue whose offers apply to most carts (`max_len` below `min_len` is read as
/// `min_len`).
pub fn applicable_offers(
    min_len: usize,
    max_len: usize,
    gifts: bool,
) -> impl Strategy<Value = Vec<Offer>> {
    (min_len..=max_len.max(min_len)).prop_flat_map(move |n| {
        (0..n)
            .filter_map(|i| OfferId::new(format!("o{i}")).ok())
            .map(|id| applicable_offer(id, gifts))
            .collect::<Vec<_>>()
    })
}
