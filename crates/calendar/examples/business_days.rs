//! The shop's calendar for May 2026 and a few questions answered on it (CAL-1..3).
//!
//! ```text
//! cargo run -p comptoir-calendar --example business_days
//! ```

use chrono::{Datelike, NaiveDate};
use comptoir_calendar::clock::Paris;
use comptoir_calendar::{BusinessDays, Calendar, CalendarDays, DayWindow};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = Calendar::metropolitan();
    let first = NaiveDate::from_ymd_opt(2026, 5, 1).ok_or("date")?;

    // CAL-1, CAL-2: each day of May 2026, open or closed, and why.
    println!("May 2026, metropolitan France, Whit Monday closed:");
    let mut day = first;
    while day.month() == 5 {
        let status = match cal.holiday(day)? {
            Some(holiday) => format!("closed, {holiday}"),
            None if cal.is_business_day(day)? => "open".to_owned(),
            None => "closed, weekend".to_owned(),
        };
        println!("  {}  {status}", day.format("%a %d"));
        day = day.succ_opt().ok_or("date")?;
    }

    // Delays in business days and in calendar days, and a window between two days.
    let saturday = NaiveDate::from_ymd_opt(2026, 5, 23).ok_or("date")?;
    let next = cal.add_business_days(saturday, BusinessDays::new(1))?;
    println!(
        "\n1 business day after Sat 23 May: {}",
        next.format("%a %d %b")
    );
    let open =
        cal.business_days_between(first, NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?)?;
    println!("Open days in May 2026: {open}");
    let window = DayWindow::new(
        cal.add_business_days(next, BusinessDays::new(1))?,
        cal.add_business_days(next, BusinessDays::new(2))?,
    )?;
    println!(
        "A window of days: {window} ({window:#}), {}",
        window.day_count()
    );
    let fourteen: CalendarDays = "14 calendar days".parse()?;
    println!("Parsed a delay: {fourteen}");

    // The shop clock: instants as people write them, and the spring gap as an error.
    let ordered = Paris::at(2026, 5, 23, 18, 0, 0)?;
    println!(
        "\nSat 23 May 2026 18:00 in Paris is {}",
        ordered.to_rfc3339()
    );
    match Paris::at(2026, 3, 29, 2, 30, 0) {
        Ok(instant) => println!("02:30 on 29 March 2026 is {instant}"),
        Err(gap) => println!(
            "02:30 on 29 March 2026: {gap}\n  shown to customers: {}",
            gap.message_fr()
        ),
    }
    Ok(())
}
