//! A cart from its first line to the validated order: a code entered, a delivery chosen, the
//! order frozen and locked (CART-1..3, PROMO-1, PROMO-2, SHIP-1).
//!
//! ```text
//! cargo run -p comptoir-cart --example checkout
//! ```

use chrono::{TimeZone, Utc};
use comptoir_cart::{
    Cart, CartError, CartOrOrder, ColissimoDestination, CustomerId, Delivery, DeliveryService,
    Terms,
};
use comptoir_promo::{Catalogue, Code, Effect, EvaluationContext, Line, Offer, Quantity, Target};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalogue = Catalogue::new([Offer::builder(
        "bienvenue".parse()?,
        "Bienvenue -5 €",
        Effect::AmountOff {
            amount: "5".parse()?,
            on: Target::Order,
        },
    )
    .code(Code::new("BIENVENUE")?)
    .first_order_only()
    .build()?])?;
    let at = Utc
        .with_ymd_and_hms(2026, 3, 3, 10, 30, 0)
        .single()
        .ok_or("instant")?;
    let context = EvaluationContext::new(at).first_order(true);
    let terms = Terms::new(&catalogue, &context);

    let mut cart = Cart::new();
    cart.add_line(
        Line::new(
            "l1".parse()?,
            "mug".parse()?,
            "12.00".parse()?,
            Quantity::new(2)?,
        )?,
        &terms,
    )?;
    let outcome = cart.enter_code("bienvenue", &terms)?;
    println!("BIENVENUE: {}", outcome.message_fr());
    let outcome = cart.enter_code("NOEL", &terms)?;
    println!("NOEL: {}", outcome.message_fr());
    cart.choose_delivery(
        Delivery::new(
            DeliveryService::Colissimo(ColissimoDestination::Home),
            "4.90".parse()?,
        )?,
        &terms,
    )?;

    // `?` turns a refused validation into its CartError; `Rejected::into_cart` would give the
    // cart back instead.
    // ACC-1: the order belongs to the logged-in customer's account.
    let customer = CustomerId::new(42);
    let order = cart.validate(customer, &terms).map_err(CartError::from)?;
    println!(
        "order: products {} net, shipping {}, total {}",
        order.total().checked_sub(order.shipping_net())?,
        order.shipping_net(),
        order.total()
    );

    let mut stored = CartOrOrder::Order(order);
    if let Err(refused) = stored.enter_code("BIENVENUE", &terms) {
        println!("a code on the order: {}", refused.message_fr());
    }
    Ok(())
}
