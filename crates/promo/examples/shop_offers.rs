//! A shop's three usual offers, written with the builder, checked into a catalogue and
//! applied to a cart (PROMO-1..5).
//!
//! ```text
//! cargo run -p comptoir-promo --example shop_offers
//! ```

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, Effect, EvaluationContext, Line, Offer, PromoPolicy, Quantity, Target,
    evaluate,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalogue = Catalogue::new([
        // 10 % with code HIVER10 from 50 EUR.
        Offer::builder(
            "hiver".parse()?,
            "Soldes d'hiver -10 %",
            Effect::PercentOff {
                percent: "10".parse()?,
                on: Target::Order,
            },
        )
        .code(Code::new("HIVER10")?)
        .minimum_amount("50".parse()?)
        .priority(1)
        .build()?,
        // Free shipping from 60 EUR.
        Offer::builder(
            "port".parse()?,
            "Livraison offerte dès 60 €",
            Effect::FreeShipping,
        )
        .minimum_amount("60".parse()?)
        .priority(2)
        .build()?,
        // A gift from 100 EUR.
        Offer::builder(
            "tote".parse()?,
            "Un tote bag offert dès 100 €",
            Effect::Gift {
                product: "tote-bag".parse()?,
                unit_price: "9.90".parse()?,
            },
        )
        .minimum_amount("100".parse()?)
        .priority(3)
        .build()?,
    ])?;

    let lines = [
        Line::new(
            "l1".parse()?,
            "theiere".parse()?,
            "34.90".parse()?,
            Quantity::ONE,
        )?,
        Line::new(
            "l2".parse()?,
            "the-vert".parse()?,
            "8.50".parse()?,
            Quantity::new(3)?,
        )?,
    ];
    let codes = BTreeSet::from([Code::new(" hiver10 ")?]);
    let at = Utc
        .with_ymd_and_hms(2026, 1, 15, 10, 0, 0)
        .single()
        .ok_or("instant")?;
    let context = EvaluationContext::new(at);
    let shipping = Eur::from_cents(490);
    let result = evaluate(
        &catalogue,
        &codes,
        &lines,
        shipping,
        &context,
        &PromoPolicy::default(),
    )?;

    for applied in result.applied() {
        println!("applied   {} (-{})", applied.name(), applied.discount());
    }
    for refused in result.not_applied() {
        println!(
            "refused   {}: {}",
            refused.offer(),
            refused.reason().message_fr()
        );
    }
    for line in result.lines() {
        println!(
            "{:<10} {} x {:>6} -> net {:>6}",
            line.product().to_string(),
            line.quantity(),
            line.unit_price(),
            line.net()
        );
    }
    println!(
        "shipping  {} - {} = {}",
        result.shipping_amount(),
        result.shipping_discount(),
        result.shipping_net()
    );
    println!("total     {}", result.total());
    Ok(())
}
