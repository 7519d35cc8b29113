//! A customer writes to customer service on a Friday afternoon (SUP-1, SUP-2).
//!
//! Friday 22 May 2026, 17:20 in Paris: the phone line closed at 17:00, and Monday 25 May is
//! Whit Monday. The shop tells the customer when to expect a written answer and when the
//! phone line opens again.
//!
//! Run with `cargo run --example support_journey`.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use comptoir::calendar::clock::{self, Ambiguity};
use comptoir::support::{LineStatus, Support};

const DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A date as the shop writes it: "mardi 26 mai 2026".
fn french_date(date: NaiveDate) -> String {
    let day = DAYS[date.weekday().num_days_from_monday() as usize];
    let month = MONTHS[date.month0() as usize];
    format!("{day} {} {month} {}", date.day(), date.year())
}

/// An instant on the Paris clock as the shop writes it: "mardi 26 mai 2026 à 17h20".
fn french(instant: &DateTime<FixedOffset>) -> String {
    format!(
        "{} à {}h{:02}",
        french_date(instant.date_naive()),
        instant.hour(),
        instant.minute()
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let support = Support::faq();

    let local = NaiveDate::from_ymd_opt(2026, 5, 22)
        .and_then(|d| d.and_hms_opt(17, 20, 0))
        .ok_or("date")?;
    let sent = clock::from_paris(local, Ambiguity::Reject)?;
    println!("Message envoyé le {}.", french(&sent));

    // SUP-2: 24 hours counted on business days only.
    let due = support.answer_due(&sent)?;
    println!(
        "Notre équipe vous répondra par e-mail au plus tard le {} (24 heures en jours ouvrés).",
        french(&due)
    );
    // Say why it is later than a plain weekend would make it: the holidays in between.
    let mut day = sent.date_naive();
    while day < due.date_naive() {
        if let Some(holiday) = support.calendar().holiday(day)? {
            println!(
                "  {} : {}, jour férié.",
                french_date(day),
                holiday.name_fr()
            );
        }
        day = day.succ_opt().ok_or("date")?;
    }

    // SUP-1: the phone line, now and next.
    match support.line_status(&sent)? {
        LineStatus::Open { closes_at } => {
            println!(
                "Notre ligne téléphonique est ouverte jusqu'au {}.",
                french(&closes_at)
            );
        }
        LineStatus::Closed { opens_at } => {
            println!(
                "Notre ligne téléphonique est fermée ; elle rouvre le {}.",
                french(&opens_at)
            );
        }
    }
    Ok(())
}
