//! An order's after-sale journey: two parcels arrive, the customer withdraws, the shop owes a
//! refund by a date, and would owe a surcharge if it paid late (RET-1, REF-2, REF-3).
//!
//! Run with `cargo run --example returns_journey`.

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir::calendar::Calendar;
use comptoir::money::{Decimal, Eur};
use comptoir::returns::{
    Deadline, LegalInterestRate, RefundDeadlines, RefundDue, RefundFacts, ReturnsPolicy, Surcharge,
    WithdrawalWindows,
};

fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> Result<DateTime<Tz>, &'static str> {
    Paris
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .ok_or("not a single Paris instant")
}

fn day(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn deadline(d: Deadline) -> String {
    let rolled = if d.is_rolled() {
        format!(
            " (moved from {}, not a business day)",
            day(d.nominal_last_day())
        )
    } else {
        String::new()
    };
    format!("{}, 23:59 Paris time{rolled}", day(d.last_day()))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let policy = ReturnsPolicy::default();

    println!("== Delivery ==");
    let validated = paris(2026, 5, 20, 10, 15)?;
    let parcels = [paris(2026, 5, 22, 12, 30)?, paris(2026, 5, 27, 9, 50)?];
    println!(
        "Order validated      {}",
        validated.format("%A %-d %B %Y %H:%M")
    );
    for (i, parcel) in parcels.iter().enumerate() {
        println!(
            "Parcel {} received    {}",
            i + 1,
            parcel.format("%A %-d %B %Y %H:%M")
        );
    }

    println!("\n== Withdrawal windows (RET-1) ==");
    let windows = WithdrawalWindows::compute(&validated, &parcels, &policy.withdrawal, &calendar)?;
    println!(
        "Counted from         {} (last parcel)",
        day(windows.last_receipt_day())
    );
    println!("Legal 14 days        {}", deadline(windows.statutory()));
    println!("Shop's 30 days       {}", deadline(windows.contractual()));

    println!("\n== Withdrawal ==");
    let notice = paris(2026, 6, 3, 20, 45)?;
    let timeliness = windows.notice(&notice)?;
    println!(
        "Notice sent          {} -> {:?}",
        notice.format("%A %-d %B %Y %H:%M"),
        timeliness
    );

    println!("\n== Refund deadlines (REF-2) ==");
    let told = RefundFacts::notified(&notice);
    let print =
        |label: &str, facts: &RefundFacts| -> Result<RefundDeadlines, Box<dyn std::error::Error>> {
            let d = RefundDeadlines::compute(facts, &policy.refund, &calendar)?;
            let due = match d.due() {
                RefundDue::By {
                    last_day,
                    deferred_until: None,
                } => format!("by {}", day(last_day)),
                RefundDue::By {
                    last_day,
                    deferred_until: Some(why),
                } => {
                    format!("by {} (deferred: {why:?})", day(last_day))
                }
                RefundDue::Pending { not_before } => format!(
                    "pending until the goods or a proof of shipment arrive (not before {})",
                    day(not_before)
                ),
            };
            println!("{label}");
            println!("  ceiling            {}", deadline(d.ceiling()));
            println!("  refund due         {due}");
            match d.expected() {
                Some(e) => println!(
                    "  expected refund    {} to {}",
                    day(e.earliest()),
                    day(e.latest())
                ),
                None => println!("  expected refund    once the goods are back and checked"),
            }
            Ok(d)
        };
    print("Just told:", &told)?;
    let shipped = told.with_proof_of_shipment(&paris(2026, 6, 4, 10, 0)?);
    print("Proof of shipment on Thursday 4 June:", &shipped)?;
    let back = shipped
        .with_goods_received(&paris(2026, 6, 8, 14, 0)?)
        .with_goods_checked(&paris(2026, 6, 9, 11, 30)?);
    let deadlines = print("Goods back Monday 8 June, checked Tuesday 9 June:", &back)?;

    println!("\n== If the refund were late (REF-3) ==");
    // Everything returned: the products and the standard shipping are refunded (L221-24).
    let products: Eur = "59.90".parse()?;
    let refund = products.checked_add("4.99".parse()?)?;
    let rate = LegalInterestRate::new(Decimal::new(762, 2))?;
    for paid in [
        paris(2026, 6, 17, 18, 0)?,
        paris(2026, 6, 24, 9, 0)?,
        paris(2026, 7, 2, 9, 0)?,
        paris(2026, 8, 10, 9, 0)?,
    ] {
        let late = deadlines.days_late(&paid)?;
        let s = Surcharge::compute(refund, products, late, rate)?;
        println!(
            "Paid {:<28} {:>14} -> surcharge {} ({:?})",
            paid.format("%A %-d %B %Y").to_string(),
            late.to_string(),
            s.amount().french(),
            s.tier()
        );
    }
    Ok(())
}
