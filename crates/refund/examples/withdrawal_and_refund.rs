//! A withdrawal after two parcels, one collected at a relay point, its refund deadlines and
//! what a late refund costs (SHIP-2, RET-1, REF-2, REF-3).
//!
//! ```text
//! cargo run -p comptoir-refund --example withdrawal_and_refund
//! ```

use comptoir_calendar::clock::Paris;
use comptoir_calendar::{Calendar, Region};
use comptoir_money::Eur;
use comptoir_refund::{
    AmountDue, LegalInterestRate, ProductsPrice, RefundDeadlines, RefundFacts, ReturnsPolicy,
    Surcharge,
};
use comptoir_withdrawal::{Receipt, WithdrawalWindows};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let policy = ReturnsPolicy::default();

    // SHIP-2, RET-1: the windows run from the day after the customer took possession of the
    // last parcel. The second one waited at a relay point from Saturday to Monday: the law
    // counts from its collection, not from its arrival scan.
    let validated = Paris::at(2025, 2, 26, 18, 5, 0)?;
    let parcels = [
        Receipt::at_address(&Paris::at(2025, 2, 28, 12, 0, 0)?),
        Receipt::collected(
            &Paris::at(2025, 3, 1, 10, 40, 0)?,
            &Paris::at(2025, 3, 3, 17, 15, 0)?,
        )?,
    ];
    let windows = WithdrawalWindows::compute(
        &validated,
        &parcels,
        Region::Metropolitan,
        &policy.withdrawal,
        &calendar,
    )?;
    println!("Law's deadline:  {}", windows.statutory());
    println!("Shop's deadline: {}", windows.contractual());
    // A notice while the second parcel waited at the relay point was on time already.
    let early = Paris::at(2025, 3, 2, 20, 0, 0)?;
    println!("Notice on 2 March: {}", windows.notice(&early)?);
    let notice = Paris::at(2025, 3, 10, 9, 0, 0)?;
    println!("Notice on 10 March: {}", windows.notice(&notice)?);

    // REF-2: the ceiling waits for the goods; the expected window follows their check and
    // never ends after the ceiling.
    let facts =
        RefundFacts::notified(&notice).with_goods_received(&Paris::at(2025, 3, 13, 15, 0, 0)?);
    let refund = RefundDeadlines::compute(&facts, &policy.refund, &calendar)?;
    println!("Refund {}", refund.due());
    if let Some(expected) = refund.expected() {
        let capped = if refund.is_expected_capped() {
            " (cut at the due date)"
        } else {
            ""
        };
        println!("Refund expected {expected:#}{capped}");
    }

    // REF-3: paid on 8 April. The legal rate is an input, read as the shop stores it (the
    // value here is an example, not a published rate).
    let paid = Paris::at(2025, 4, 8, 10, 0, 0)?;
    let late = refund.days_late(&paid)?;
    let rate: LegalInterestRate = "7.21 %".parse()?;
    let price: Eur = "120,00 €".parse()?;
    let surcharge = Surcharge::compute(
        AmountDue::new(price)?,
        ProductsPrice::new(price)?,
        late,
        rate,
    )?;
    println!(
        "Paid {late} late: {:#} more ({:?})",
        surcharge.amount(),
        surcharge.tier()
    );
    Ok(())
}
