//! Paying an order in three instalments: the methods offered, 3-D Secure, the debit days
//! and the schedule (PAY-1..5).
//!
//! ```text
//! cargo run -p comptoir-payment --example pay_in_three
//! ```

use chrono::NaiveDate;
use comptoir_calendar::Calendar;
use comptoir_calendar::clock::Paris;
use comptoir_dispatch::DispatchPolicy;
use comptoir_money::Eur;
use comptoir_payment::{
    Card, CardBrand, CardToken, Device, Eligibility, ExpectedDebit, ExpiryMonth, InstalmentPolicy,
    InstalmentSchedule, OrderAmount, PaymentMethod, SecureOutcome, SecureTracker,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // PAY-1: what to offer on a device without Apple Pay.
    let offered: Vec<String> = PaymentMethod::offered_on(Device::Other)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("Offered: {}", offered.join(", "));

    // PAY-2: one wrong code, then the right one.
    let mut tracker = SecureTracker::new(Device::Other);
    for outcome in [SecureOutcome::WrongCode, SecureOutcome::Authenticated] {
        println!(
            "3-D Secure, {outcome}: {}",
            tracker.record(outcome)?.message_fr()
        );
    }

    // PAY-3: debited when the parcel leaves; before that, the dispatch window.
    let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
    let debit = ExpectedDebit::compute(
        &ordered_at,
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    println!("Ordered Sat 23 May 2026 18:00: {debit}");

    // PAY-4, PAY-5: 99.99 is refused, 100.00 is split in three to the cent.
    let today = NaiveDate::from_ymd_opt(2026, 5, 23).ok_or("date")?;
    let card = Card::new(
        CardToken::new("tok_example")?,
        "Visa".parse::<CardBrand>()?,
        ExpiryMonth::new(2027, 9)?,
        today,
    )?;
    let policy = InstalmentPolicy::default();
    let short = OrderAmount::new(Eur::from_cents(9_509), Eur::from_cents(490))?;
    match Eligibility::compute(&short, &card, 3, debit.at_latest(), &policy)? {
        Eligibility::Eligible => println!("99.99 EUR: eligible"),
        Eligibility::Refused(reason) => println!("99.99 EUR: {}", reason.message_fr()),
    }
    let order = OrderAmount::new(Eur::from_cents(9_510), Eur::from_cents(490))?;
    let shipped_on = debit.expected().earliest();
    let schedule = InstalmentSchedule::compute(&order, &card, 3, shipped_on, &policy)?;
    println!("100.00 EUR shipped {shipped_on}, {}:", policy.spacing);
    for instalment in &schedule {
        println!("  {instalment}");
    }
    Ok(())
}
