//! A shop's offers at scale, shared by the catalogue benches: the workload of the catalogue
//! section of `benches/README.md`.
//!
//! A catalogue of `size` offers holds:
//!
//! - the two offers whose codes the carts enter: a single-use newsletter code (-10 %) and a
//!   customer-service goodwill code (-5 EUR);
//! - up to 1 000 automatic offers (`size - 2` when smaller): 5 bound to no product and valid
//!   now (free shipping from 60 EUR, a gift from 100 EUR, -5 % from 200 EUR, a first-order
//!   welcome offer, a non-combinable -20 % of low priority), 295 seasonal ones outside their
//!   window (ended in 2025 or starting in 2027), and the rest bound to one product (`sku-N`)
//!   or one category (`cat-N`) each;
//! - single-use codes for the rest, each built on its own (as a file load makes them), in
//!   batches of four kinds of terms.
//!
//! [`cart`] has 50 lines; 3 of them hold products that automatic offers are bound to, so 8
//! automatic offers and the 2 codes are considered: the same 10 offers as [`relevant`], the
//! 10-offer catalogue. [`busy_cart`] holds 18 bound products: 23 automatic offers and the 2
//! codes are considered, the most the workload allows.
#![allow(
    dead_code,
    reason = "shared by two bench targets, each of which uses a part of it"
)]

use std::collections::BTreeSet;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, Effect, Line, Offer, OfferId, Quantity, Selection, Target, ValidityWindow,
};

pub(crate) type Error = Box<dyn std::error::Error>;

/// The instant of every evaluation.
pub(crate) fn now() -> Result<DateTime<Utc>, Error> {
    Ok(Utc
        .with_ymd_and_hms(2026, 11, 26, 10, 0, 0)
        .single()
        .ok_or("instant")?)
}

fn percent(p: &str, on: Target) -> Result<Effect, Error> {
    Ok(Effect::PercentOff {
        percent: p.parse()?,
        on,
    })
}

fn id(text: String) -> Result<OfferId, Error> {
    Ok(text.parse()?)
}

/// A code that looks like a generated one: eight letters and digits, distinct for each `n`.
fn code(prefix: &str, n: usize) -> Result<Code, Error> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut x = (n as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(17)
        ^ n as u64;
    let mut text = String::from(prefix);
    for _ in 0..8 {
        let digit = usize::try_from(x % 32)?;
        text.push(char::from(*ALPHABET.get(digit).ok_or("digit")?));
        x /= 32;
    }
    // The position keeps codes unique whatever the scrambling gives.
    text.push_str(&format!("{n:x}"));
    Ok(Code::new(text)?)
}

/// The two offers whose codes the carts enter.
fn entered_offers() -> Result<Vec<Offer>, Error> {
    Ok(vec![
        Offer::builder(
            id("nl-entered".into())?,
            "Newsletter -10 %",
            percent("10", Target::Order)?,
        )
        .code(code("NL", 0)?)
        .total_limit(1)
        .priority(5)
        .build()?,
        Offer::builder(
            id("geste-entered".into())?,
            "Geste commercial -5 €",
            Effect::AmountOff {
                amount: "5".parse()?,
                on: Target::Order,
            },
        )
        .code(code("SAV", 0)?)
        .total_limit(1)
        .priority(4)
        .build()?,
    ])
}

/// The codes the carts enter.
pub(crate) fn codes() -> Result<BTreeSet<Code>, Error> {
    Ok([code("NL", 0)?, code("SAV", 0)?].into())
}

/// Automatic offer number `n` of the workload (0 to 999).
fn automatic(n: usize) -> Result<Offer, Error> {
    let name = format!("Offre automatique {n}");
    let offer = match n {
        0 => Offer::builder(id(format!("auto-{n}"))?, name, Effect::FreeShipping)
            .minimum_amount("60".parse()?)
            .priority(9),
        1 => Offer::builder(
            id(format!("auto-{n}"))?,
            name,
            Effect::Gift {
                product: "tote-bag".parse()?,
                unit_price: "9.90".parse()?,
            },
        )
        .minimum_amount("100".parse()?)
        .priority(8),
        2 => Offer::builder(id(format!("auto-{n}"))?, name, percent("5", Target::Order)?)
            .minimum_amount("200".parse()?)
            .priority(6),
        3 => Offer::builder(
            id(format!("auto-{n}"))?,
            name,
            Effect::AmountOff {
                amount: "10".parse()?,
                on: Target::Order,
            },
        )
        .first_order_only()
        .priority(3),
        4 => Offer::builder(
            id(format!("auto-{n}"))?,
            name,
            percent("20", Target::Order)?,
        )
        .not_combinable()
        .priority(20),
        5..300 => {
            let (from, to) = if n.is_multiple_of(2) {
                (2025, 2026)
            } else {
                (2027, 2028)
            };
            let month = u32::try_from(n % 12 + 1)?;
            let starts = Utc.with_ymd_and_hms(from, month, 1, 0, 0, 0).single();
            let ends = Utc.with_ymd_and_hms(to, 1, 1, 0, 0, 0).single();
            Offer::builder(
                id(format!("auto-{n}"))?,
                name,
                percent("15", Target::Order)?,
            )
            .window(ValidityWindow::new(starts, ends)?)
            .priority(7)
        }
        _ if n.is_multiple_of(2) => Offer::builder(
            id(format!("auto-{n}"))?,
            name,
            percent(
                "20",
                Target::Selection(Selection::products([format!("sku-{n}").parse()?])),
            )?,
        )
        .priority(2),
        _ => Offer::builder(
            id(format!("auto-{n}"))?,
            name,
            Effect::AmountOff {
                amount: "3".parse()?,
                on: Target::Order,
            },
        )
        .requires(Selection::categories([format!("cat-{n}").parse()?]))
        .priority(2),
    };
    Ok(offer.build()?)
}

/// Single-use code number `n`, built on its own like an offer read from a file.
fn single_use(n: usize) -> Result<Offer, Error> {
    let (name, effect) = match n % 4 {
        0 => ("Newsletter -10 %", percent("10", Target::Order)?),
        1 => (
            "Geste commercial -5 €",
            Effect::AmountOff {
                amount: "5".parse()?,
                on: Target::Order,
            },
        ),
        2 => ("Influence -15 %", percent("15", Target::Order)?),
        _ => ("Livraison offerte", Effect::FreeShipping),
    };
    Ok(Offer::builder(id(format!("su-{n}"))?, name, effect)
        .code(code("SU", n)?)
        .total_limit(1)
        .priority(5)
        .build()?)
}

/// The offers of a catalogue of `size` offers (at least 2), made one by one.
pub(crate) fn offers(size: usize) -> impl ExactSizeIterator<Item = Result<Offer, Error>> {
    let automatic_count = size.saturating_sub(2).min(1_000);
    let entered = entered_offers();
    (0..size.max(2)).map(move |i| match i {
        0 | 1 => match &entered {
            Ok(offers) => offers.get(i).cloned().ok_or_else(|| "entered offer".into()),
            Err(e) => Err(e.to_string().into()),
        },
        _ if i - 2 < automatic_count => automatic(i - 2),
        _ => single_use(i - 2 - automatic_count),
    })
}

/// A catalogue of `size` offers built as a file load builds it, each offer checked and its
/// terms shared as it arrives.
pub(crate) fn catalogue(size: usize) -> Result<Catalogue, Error> {
    Ok(Catalogue::new(shop_offers(size))?)
}

fn shop_offers(size: usize) -> impl ExactSizeIterator<Item = Offer> {
    // The workload's offers are valid by construction; a failure here is a bug in it.
    offers(size).map(|o| o.expect("the workload's offers are valid"))
}

/// The 10 offers the cart of [`cart`] meets: the entered codes and the 8 automatic offers
/// it can meet.
pub(crate) fn relevant() -> Result<Vec<Offer>, Error> {
    let mut offers = entered_offers()?;
    for n in [0, 1, 2, 3, 4, 300, 301, 302] {
        offers.push(automatic(n)?);
    }
    Ok(offers)
}

fn cart_with(bound: &[usize]) -> Result<Vec<Line>, Error> {
    (0..50)
        .map(|i| {
            let product = match bound.get(i) {
                Some(n) if n % 2 == 0 => format!("sku-{n}"),
                Some(_) | None => format!("other-{i}"),
            };
            let line = Line::new(
                format!("line-{i:02}").parse()?,
                product.parse()?,
                Eur::from_cents(i64::try_from(199 + (i * 7919) % 9_800)?),
                Quantity::new(u32::try_from(1 + i % 3)?)?,
            )?;
            Ok(match bound.get(i) {
                Some(n) if n % 2 == 1 => line.with_categories([format!("cat-{n}").parse()?]),
                _ => line.with_categories(["the".parse()?]),
            })
        })
        .collect()
}

/// A cart of 50 lines meeting 3 of the bound automatic offers.
pub(crate) fn cart() -> Result<Vec<Line>, Error> {
    cart_with(&[300, 301, 302])
}

/// A cart of 50 lines meeting 18 of the bound automatic offers.
pub(crate) fn busy_cart() -> Result<Vec<Line>, Error> {
    cart_with(&(300..318).collect::<Vec<_>>())
}
