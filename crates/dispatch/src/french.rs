//! Dates and line names as the shop writes them to customers, in French.

use chrono::{Datelike, NaiveDate};
use comptoir_calendar::french::{month_fr, weekday_fr};
use comptoir_promo::LineRef;

/// "mardi 22 décembre 2026".
pub(crate) fn date_fr(date: NaiveDate) -> String {
    let weekday = weekday_fr(date.weekday());
    // A date's month is always one of the twelve.
    let month = month_fr(date.month()).unwrap_or("");
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
