//! A customer pays an order of exactly 100.00 EUR in three instalments.
//!
//! The order is placed on Saturday 23 May 2026 at 18:00, Paris time: after the 11:00 cutoff,
//! on a weekend, before Whit Monday. It is taken into account on Tuesday 26 (DISP-1), so the
//! card is debited on the dispatch day, not on the Saturday (PAY-3). The customer mistypes the
//! 3-D Secure code once (PAY-2), then pays in 3x (PAY-4, PAY-5); a second card that expires too
//! soon shows the refusal the shop displays.
//!
//! Run it with `cargo run --example payment_journey`.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use comptoir::calendar::Calendar;
use comptoir::dispatch::DispatchPolicy;
use comptoir::money::Eur;
use comptoir::payment::{
    Card, CardBrand, CardToken, Device, Eligibility, ExpectedDebit, ExpiryMonth, InstalmentPolicy,
    OrderAmount, PaymentError, PaymentMethod, SecureOutcome, SecureTracker, debit_day,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let ordered_at = Paris
        .with_ymd_and_hms(2026, 5, 23, 18, 0, 0)
        .single()
        .ok_or("23 May 2026 18:00 exists once in Paris")?;
    let today = ordered_at.date_naive();
    println!("Order placed {ordered_at}");

    // PAY-1: what the checkout offers on this phone.
    let device = Device::ApplePayCompatible;
    let methods: Vec<String> = PaymentMethod::offered_on(device)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("Methods offered: {}", methods.join(", "));

    // PAY-7: the provider hands back a token; the card number never reaches the shop.
    let card = Card::new(
        CardToken::new("tok_journey_cb_0001")?,
        CardBrand::Cb,
        ExpiryMonth::new(2026, 9)?,
        today,
    )?;
    println!(
        "Card: {} expiring {} ({:?})",
        card.brand(),
        card.expiry(),
        card.token()
    );

    // PAY-2: a wrong code, then the right one.
    let mut tracker = SecureTracker::new(device);
    for outcome in [SecureOutcome::WrongCode, SecureOutcome::Authenticated] {
        let step = tracker.record(outcome)?;
        println!("3-D Secure {outcome:?}: {}", step.message_fr());
    }

    // PAY-3: debited when the parcel leaves, from the dispatch rules.
    let debit = ExpectedDebit::for_order(&DispatchPolicy::default(), &calendar, &ordered_at)?;
    println!(
        "Expected debit: between {} and {}, at the latest {}",
        debit.earliest(),
        debit.latest_expected(),
        debit.at_latest()
    );

    // PAY-4: 95.10 of products after discounts and 4.90 of shipping: exactly 100.00.
    let order = OrderAmount::new("95.10".parse::<Eur>()?, "4.90".parse::<Eur>()?)?;
    let policy = InstalmentPolicy::default();
    println!(
        "Amount to pay {}: 3x {}",
        order.total()?.french(),
        match policy.amount_eligibility(&order)? {
            Eligibility::Eligible => "offered".to_owned(),
            Eligibility::Refused(reason) => reason.message_fr(),
        }
    );

    // Before shipment, check the card against the latest the instalments can start.
    let planned = policy.eligibility(&order, &card, 3, debit.at_latest())?;
    println!(
        "With this card, planned from {}: {planned:?}",
        debit.at_latest()
    );

    // PAY-5: the parcel leaves on Thursday 28 May; that day is the first instalment.
    let shipped_on = NaiveDate::from_ymd_opt(2026, 5, 28).ok_or("date")?;
    println!("Shipped {shipped_on}, debited {}", debit_day(shipped_on));
    let schedule = policy.schedule(&order, &card, 3, shipped_on)?;
    for instalment in &schedule {
        println!(
            "  instalment {}: {} on {}",
            instalment.number(),
            instalment.amount().french(),
            instalment.due_on().format("%d/%m/%Y")
        );
    }
    println!("  total {}", schedule.total()?.french());

    // A card valid through June cannot carry the July instalment.
    let short_card = Card::new(
        CardToken::new("tok_journey_visa_0002")?,
        CardBrand::Visa,
        ExpiryMonth::new(2026, 6)?,
        today,
    )?;
    match policy.schedule(&order, &short_card, 3, shipped_on) {
        Err(error @ PaymentError::NotEligible(_)) => {
            println!("Second card: {}", error.message_fr())
        }
        other => println!("Second card: unexpected {other:?}"),
    }
    Ok(())
}
