//! A withdrawal after two parcels, its refund deadlines and what a late refund costs
//! (RET-1, REF-2, REF-3).
//!
//! ```text
//! cargo run -p comptoir-returns --example withdrawal_and_refund
//! ```

use comptoir_calendar::Calendar;
use comptoir_calendar::clock::Paris;
use comptoir_money::Eur;
use comptoir_returns::{
    AmountDue, LegalInterestRate, ProductsPrice, RefundDeadlines, RefundFacts, ReturnsPolicy,
    Surcharge, WithdrawalWindows,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let policy = ReturnsPolicy::default();

    // RET-1: the windows run from the day after the last parcel arrived.
    let validated = Paris::at(2025, 2, 26, 18, 5, 0)?;
    let parcels = [
        Paris::at(2025, 2, 28, 12, 0, 0)?,
        Paris::at(2025, 3, 1, 10, 40, 0)?,
    ];
    let windows = WithdrawalWindows::compute(&validated, &parcels, &policy.withdrawal, &calendar)?;
    println!("Law's deadline:  {}", windows.statutory());
    println!("Shop's deadline: {}", windows.contractual());
    let notice = Paris::at(2025, 3, 10, 9, 0, 0)?;
    println!("Notice on 10 March: {}", windows.notice(&notice)?);

    // REF-2: the ceiling waits for the goods; the expected window follows their check.
    let facts =
        RefundFacts::notified(&notice).with_goods_received(&Paris::at(2025, 3, 13, 15, 0, 0)?);
    let refund = RefundDeadlines::compute(&facts, &policy.refund, &calendar)?;
    println!("Refund {}", refund.due());
    if let Some(expected) = refund.expected() {
        println!("Refund expected {expected:#}");
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
