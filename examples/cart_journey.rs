//! A customer's cart from first item to validated order: a code accepted, a second code
//! refused as not combinable, an automatic offer, validation, and a change to the order
//! that is refused (CART-1..3, PROMO-1..5, SHIP-1).
//!
//! Run with `cargo run --example cart_journey`.

use chrono::TimeZone;
use chrono_tz::Europe::Paris;
use comptoir::cart::{
    Cart, CartOrOrder, CodeOutcome, ColissimoDestination, Delivery, DeliveryService, Terms,
};
use comptoir::money::Eur;
use comptoir::promo::{
    Code, Conditions, Effect, EvaluationContext, Line, Offer, OfferSpec, Priority, Quantity,
    Target, Trigger, ValidityWindow,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The shop's offers, as it would keep them in a file.
    let winter = Offer::new(OfferSpec {
        id: "hiver".parse()?,
        name: "Soldes d'hiver -10 %".into(),
        trigger: Trigger::Code(Code::new("HIVER10")?),
        window: ValidityWindow::ALWAYS,
        conditions: Conditions::default(),
        effect: Effect::PercentOff {
            percent: "10".parse()?,
            on: Target::Order,
        },
        combinable: true,
        priority: Priority::new(5),
    })?;
    let flash = Offer::new(OfferSpec {
        id: "flash".parse()?,
        name: "Vente flash -5 €".into(),
        trigger: Trigger::Code(Code::new("FLASH5")?),
        window: ValidityWindow::ALWAYS,
        conditions: Conditions::default(),
        effect: Effect::AmountOff {
            amount: "5".parse()?,
            on: Target::Order,
        },
        combinable: false,
        priority: Priority::new(8),
    })?;
    let free_shipping = Offer::new(OfferSpec {
        id: "port-offert".parse()?,
        name: "Livraison offerte dès 50 €".into(),
        trigger: Trigger::Automatic,
        window: ValidityWindow::ALWAYS,
        conditions: Conditions {
            minimum_amount: Some("50".parse()?),
            ..Conditions::default()
        },
        effect: Effect::FreeShipping,
        combinable: true,
        priority: Priority::new(9),
    })?;
    let offers = [winter, flash, free_shipping];

    // The instant is an input: the crates never read a clock.
    let now = Paris
        .with_ymd_and_hms(2026, 11, 26, 10, 15, 0)
        .single()
        .ok_or("no such Paris time")?;
    let context = EvaluationContext::new(now);
    let terms = Terms::new(&offers, &context);

    let mut cart = Cart::new();
    cart.add_line(
        Line::new(
            "l1".parse()?,
            "theiere-fonte".parse()?,
            "34.90".parse()?,
            Quantity::ONE,
        )?,
        &terms,
    )?;
    cart.add_line(
        Line::new(
            "l2".parse()?,
            "the-vert-100g".parse()?,
            "8.50".parse()?,
            Quantity::new(2)?,
        )?,
        &terms,
    )?;
    cart.choose_delivery(
        Delivery::new(
            DeliveryService::Colissimo(ColissimoDestination::Home),
            "4.90".parse()?,
        )?,
        &terms,
    )?;
    println!("Panier : 1 théière à 34,90 €, 2 thés à 8,50 €, Colissimo à domicile 4,90 €");

    let outcome = cart.enter_code(" hiver10 ", &terms)?;
    println!("Code « hiver10 » : {}", outcome.message_fr());

    let outcome = cart.enter_code("FLASH5", &terms)?;
    if let CodeOutcome::Refused(reason) = &outcome {
        println!(
            "Code « FLASH5 » refusé ({reason}) : {}",
            outcome.message_fr()
        );
    }

    let evaluation = cart.evaluate(&terms)?;
    for applied in evaluation.applied() {
        println!(
            "Offre appliquée : {} (-{})",
            applied.name(),
            applied.discount().french()
        );
    }
    for line in evaluation.lines() {
        println!(
            "  {} × {} : {} → {}",
            line.quantity(),
            line.product(),
            line.amount().french(),
            line.net().french()
        );
    }
    println!(
        "Livraison : {} ; total : {}",
        evaluation.shipping().french(),
        evaluation.total().french()
    );

    let order = cart.validate(&terms)?;
    println!(
        "Commande validée à {} : {} payés, offres figées : {}",
        order.validated_at().with_timezone(&Paris),
        order.total().french(),
        order
            .offers()
            .iter()
            .map(Offer::name)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let paid = Eur::try_sum(order.evaluated_lines().iter().map(|l| l.net()))?
        .checked_add(order.shipping())?;
    assert_eq!(paid, order.total());

    // Loaded back from storage, the order refuses every change.
    let mut stored = CartOrOrder::Order(order);
    match stored.enter_code("FLASH5", &terms) {
        Err(refused) => println!("Code sur la commande : {}", refused.message_fr()),
        Ok(_) => return Err("an order accepted a code".into()),
    }
    Ok(())
}
