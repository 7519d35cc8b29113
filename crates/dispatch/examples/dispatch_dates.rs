//! The dispatch dates of a few orders around the 11:00 cutoff, a weekend and public
//! holidays (DISP-1..3).
//!
//! ```text
//! cargo run -p comptoir-dispatch --example dispatch_dates
//! ```

use comptoir_calendar::Calendar;
use comptoir_calendar::clock::Paris;
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    for (what, ordered_at) in [
        ("Tuesday, 10:59:59", Paris::at(2026, 3, 3, 10, 59, 59)?),
        (
            "Tuesday, 11:00:00 exactly",
            Paris::at(2026, 3, 3, 11, 0, 0)?,
        ),
        ("Friday afternoon", Paris::at(2026, 3, 6, 15, 30, 0)?),
        (
            "Saturday before Whit Monday",
            Paris::at(2026, 5, 23, 18, 0, 0)?,
        ),
        ("Eve of Ascension", Paris::at(2026, 5, 13, 14, 0, 0)?),
    ] {
        let schedule = DispatchSchedule::compute(&ordered_at, &policy, &cal)?;
        println!(
            "{what:<28} taken {}, expected out {:#}, at the latest {}",
            schedule.taken_into_account().format("%a %d %b"),
            schedule.expected_dispatch(),
            schedule.dispatch_by().format("%a %d %b")
        );
    }

    // DISP-3: late once the dispatch-by day has ended without a dispatch.
    let ordered_at = Paris::at(2026, 3, 5, 10, 0, 0)?;
    let schedule = DispatchSchedule::compute(&ordered_at, &policy, &cal)?;
    for now in [
        Paris::at(2026, 3, 10, 23, 59, 0)?,
        Paris::at(2026, 3, 11, 0, 0, 0)?,
    ] {
        println!(
            "Ordered Thu 5 Mar 10:00, not dispatched at {}: {}",
            now.format("%a %d %b %H:%M"),
            if schedule.is_late(&now, None)? {
                "late"
            } else {
                "on time"
            }
        );
    }
    Ok(())
}
