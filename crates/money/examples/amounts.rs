//! Euro amounts: reading what customers and files write, exact arithmetic, splits that sum
//! to the whole ("Money" in the rules).
//!
//! ```text
//! cargo run -p comptoir-money --example amounts
//! ```

use comptoir_money::{Eur, Percent};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Every way the French write an amount reads the same; ambiguous text is refused.
    for text in [
        "1234.50",
        "1 234,50 €",
        "1\u{202f}234,50\u{a0}€",
        "€1234.5",
        "1234,50 EUR",
    ] {
        let amount: Eur = text.parse()?;
        println!("{text:<16} -> {amount} ({amount:#})");
    }
    for text in ["12.345", "1,234.50"] {
        if let Err(refused) = text.parse::<Eur>() {
            println!("{text:<16} -> refused: {refused}");
        }
    }

    // 10 % off three items at 19.99, rounded half away from zero to the cent.
    let line = "19.99".parse::<Eur>()?.times(3)?;
    let ten: Percent = "10 %".parse()?;
    println!("\n3 x 19.99 = {line}; {ten} off = {}", line.percent(ten)?);

    // A 10.00 discount over lines of 90.00 and 30.00, and 100.00 in three instalments:
    // the parts always sum to the whole.
    let parts =
        Eur::from_cents(1_000).allocate(&[Eur::from_cents(9_000), Eur::from_cents(3_000)])?;
    println!("10.00 over 90.00 and 30.00: {parts:?}");
    let thirds = Eur::from_euros(100).split_evenly(3)?;
    println!(
        "100.00 in three: {thirds:?}, sum {}",
        Eur::try_sum(thirds.iter().copied())?
    );
    Ok(())
}
