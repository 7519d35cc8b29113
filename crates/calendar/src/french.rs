//! The French names of the calendar's months and weekdays, as the shop writes dates to
//! customers: one list, for every crate's messages.

use chrono::Weekday;

/// The month's name, `1` for « janvier »; `None` for a number that is no month.
///
/// # Example
///
/// ```
/// use comptoir_calendar::french::month_fr;
/// assert_eq!(month_fr(8), Some("août"));
/// assert_eq!(month_fr(13), None);
/// ```
pub fn month_fr(month: u32) -> Option<&'static str> {
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
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i).copied())
}

/// The weekday's name: « lundi » for Monday.
pub fn weekday_fr(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}
