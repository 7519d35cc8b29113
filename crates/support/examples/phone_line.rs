//! Customer service through one week of May 2026: is the phone line open, when does it open,
//! when is a written answer due (SUP-1, SUP-2).
//!
//! ```text
//! cargo run -p comptoir-support --example phone_line
//! ```

use comptoir_calendar::Calendar;
use comptoir_calendar::clock::Paris;
use comptoir_support::{Support, SupportPolicy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let support = Support::new(SupportPolicy::default(), Calendar::metropolitan());
    let hours: Vec<String> = support
        .policy()
        .phone_hours
        .slots(chrono::Weekday::Fri)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("Friday hours: {}", hours.join(", "));
    for (what, at) in [
        ("Thursday 17:15", Paris::at(2026, 4, 30, 17, 15, 0)?),
        (
            "Labour Day (a Friday) 10:00",
            Paris::at(2026, 5, 1, 10, 0, 0)?,
        ),
        ("Friday 16:59", Paris::at(2026, 5, 22, 16, 59, 0)?),
        ("Friday 17:20", Paris::at(2026, 5, 22, 17, 20, 0)?),
    ] {
        println!(
            "{what:<28} line {}; a message now is answered by {}",
            support.line_status(&at)?,
            support.answer_due(&at)?.format("%a %d %b %H:%M")
        );
    }
    Ok(())
}
