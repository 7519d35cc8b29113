//! Dates and line names as the shop writes them to customers, in French.

use chrono::{Datelike, NaiveDate, Weekday};
use comptoir_promo::LineRef;

/// "mardi 22 décembre 2026".
pub(crate) fn date_fr(date: NaiveDate) -> String {
    let weekday = match date.weekday() {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    };
    let month = match date.month() {
        1 => "janvier",
        2 => "février",
        3 => "mars",
        4 => "avril",
        5 => "mai",
        6 => "juin",
        7 => "juillet",
        8 => "août",
        9 => "septembre",
        10 => "octobre",
        11 => "novembre",
        _ => "décembre",
    };
    let day = date.day();
    let day = if day == 1 {
        "1er".to_owned()
    } else {
        day.to_string()
    };
    format!("{weekday} {day} {month} {}", date.year())
}

/// How a line of the order is named in developers' messages: its id, or "gift of offer X".
pub(crate) fn line_label(line: &LineRef) -> String {
    match line {
        LineRef::Item(id) => id.to_string(),
        LineRef::Gift(offer) => format!("gift of offer {offer}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_dates_name_the_weekday_and_month() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 22).unwrap();
        assert_eq!(date_fr(d), "mardi 22 décembre 2026");
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        assert_eq!(date_fr(d), "mercredi 1er juillet 2026");
    }
}
