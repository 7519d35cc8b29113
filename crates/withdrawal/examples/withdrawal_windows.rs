//! One order's parcels to its withdrawal deadlines: a parcel at the address, another waiting
//! at a relay point, a customer in Martinique, and a returned parcel that came without its
//! form (SHIP-2, RET-1, RET-3).
//!
//! ```text
//! cargo run -p comptoir-withdrawal --example withdrawal_windows
//! ```

use comptoir_calendar::clock::Paris;
use comptoir_calendar::{Calendar, Region};
use comptoir_withdrawal::{
    ParcelDecision, ParcelPolicy, Receipt, ReturnCandidate, ReturnGround, ReturnedParcel,
    WithdrawalPolicy, WithdrawalWindows,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let policy = WithdrawalPolicy::default();

    // SHIP-2: the second parcel waited at a relay point from Saturday to Monday; the law
    // counts from its collection, not from its arrival scan.
    let validated = Paris::at(2025, 2, 26, 18, 5, 0)?;
    let parcels = [
        Receipt::at_address(&Paris::at(2025, 2, 28, 12, 0, 0)?),
        Receipt::collected(
            &Paris::at(2025, 3, 1, 10, 40, 0)?,
            &Paris::at(2025, 3, 3, 17, 15, 0)?,
        )?,
    ];
    for region in [Region::Metropolitan, Region::Martinique] {
        // RET-1: the law's 14 days on the legal calendar of the customer's region, the
        // shop's 30 days on its own.
        let windows = WithdrawalWindows::compute(&validated, &parcels, region, &policy, &calendar)?;
        println!("{region:?}: the law's deadline {}", windows.statutory());
        println!("{region:?}: the shop's deadline {}", windows.contractual());
    }

    // RET-1: a notice while the second parcel waited was on time already.
    let windows = WithdrawalWindows::compute(
        &validated,
        &parcels,
        Region::Metropolitan,
        &policy,
        &calendar,
    )?;
    println!(
        "Notice on 2 March: {}",
        windows.notice(&Paris::at(2025, 3, 2, 20, 0, 0)?)?
    );
    println!(
        "Notice on 20 March: {}",
        windows.notice(&Paris::at(2025, 3, 20, 9, 0, 0)?)?
    );

    // RET-3: a parcel with its order number on it, for an order that was withdrawn.
    let parcel = ReturnedParcel::by_carrier(&Paris::at(2025, 3, 12, 9, 30, 0)?)
        .with_order_number("CMD41".parse()?);
    let candidates = [ReturnCandidate::new(
        "CMD41".parse()?,
        ReturnGround::Withdrawal,
    )];
    let decision = ParcelDecision::compute(&parcel, &candidates, &ParcelPolicy::default())?;
    match decision {
        ParcelDecision::ProcessWithdrawal { .. } => {
            println!("Returned parcel: processed as a withdrawal")
        }
        other => println!("Returned parcel: {other:?}"),
    }
    Ok(())
}
