use chrono::{NaiveDate, NaiveDateTime};

use crate::Day;
use thiserror::Error;

/// Why the calendar or the shop clock could not answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A day, or a result, outside the years the calendar answers for (CAL-4).
    #[error("{date} is outside the calendar's range {min} to {max}")]
    OutOfRange {
        /// The day asked about.
        date: Day,
        /// First day the calendar answers for.
        min: NaiveDate,
        /// Last day the calendar answers for.
        max: NaiveDate,
    },
    /// A computation from a day inside the range whose answer lies outside it.
    #[error("{business_days} business days from {from} leaves the calendar's range {min} to {max}")]
    ResultOutOfRange {
        /// The day the computation started from.
        from: NaiveDate,
        /// The business days added (negative: subtracted).
        business_days: i32,
        /// First day the calendar answers for.
        min: NaiveDate,
        /// Last day the calendar answers for.
        max: NaiveDate,
    },
    /// A shop closure day declared outside the calendar's range.
    #[error("closure day {date} is outside the calendar's range {min} to {max}")]
    ClosureOutOfRange {
        /// The declared day.
        date: NaiveDate,
        /// First day the calendar answers for.
        min: NaiveDate,
        /// Last day the calendar answers for.
        max: NaiveDate,
    },
    /// A Paris wall-clock time that never happened: the hour skipped when summer time starts.
    #[error("{local} does not exist in Paris (the clocks jump from 02:00 to 03:00 that night)")]
    NonexistentLocalTime {
        /// The wall-clock time given.
        local: NaiveDateTime,
    },
    /// A Paris wall-clock time that happened twice (the hour repeated when summer time ends)
    /// and no choice was made between the two instants.
    #[error(
        "{local} happened twice in Paris (the clocks go back from 03:00 to 02:00 that night); choose the earlier or the later"
    )]
    AmbiguousLocalTime {
        /// The wall-clock time given.
        local: NaiveDateTime,
    },
    /// An instant or wall-clock time too far from today for chrono to represent the result.
    #[error("instant out of the representable range")]
    InstantOutOfRange,
    /// A date and time of day that no calendar has (30 February, 25:00).
    #[error(
        "{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02} is not a date and time"
    )]
    InvalidLocalTime {
        /// The year given.
        year: i32,
        /// The month given.
        month: u32,
        /// The day of the month given.
        day: u32,
        /// The hour given.
        hour: u32,
        /// The minute given.
        minute: u32,
        /// The second given.
        second: u32,
    },
    /// A window of days whose last day comes before its first.
    #[error("window of days ends on {latest}, before it starts on {earliest}")]
    ReversedWindow {
        /// The first day given.
        earliest: Day,
        /// The last day given.
        latest: Day,
    },
    /// A number of calendar days below zero or beyond [`CalendarDays::MAX`](crate::CalendarDays::MAX).
    #[error("number of calendar days {days} is outside 0 to 4294967295")]
    InvalidDayCount {
        /// The number given.
        days: i64,
    },
    /// A string that is not the text form of a calendar value.
    #[error("cannot read {input:?} as {what}: {reason}")]
    Parse {
        /// The kind of value expected, e.g. `"a window of days"`.
        what: &'static str,
        /// The string given.
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl CalendarError {
    /// True when a day or result lies outside the calendar's years.
    pub fn is_out_of_range(&self) -> bool {
        matches!(
            self,
            CalendarError::OutOfRange { .. }
                | CalendarError::ResultOutOfRange { .. }
                | CalendarError::ClosureOutOfRange { .. }
        )
    }

    /// True for a Paris wall-clock time that does not exist, is ambiguous, or is no date and
    /// time at all.
    pub fn is_local_time(&self) -> bool {
        matches!(
            self,
            CalendarError::NonexistentLocalTime { .. }
                | CalendarError::AmbiguousLocalTime { .. }
                | CalendarError::InvalidLocalTime { .. }
        )
    }

    /// True when a string could not be read as a calendar value.
    pub fn is_parse(&self) -> bool {
        matches!(self, CalendarError::Parse { .. })
    }

    /// The sentence the shop shows a customer (or its back office) for this error, in French.
    ///
    /// Errors a customer can fix (a time that does not exist in Paris, a window typed the
    /// wrong way round) say what to change; the others mean the application passed a value
    /// outside what the rules cover, and say to contact customer service.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::clock::Paris;
    ///
    /// let spring_gap = Paris::at(2026, 3, 29, 2, 30, 0).unwrap_err();
    /// assert!(spring_gap.message_fr().contains("n'existe pas"));
    /// ```
    pub fn message_fr(&self) -> String {
        match self {
            CalendarError::NonexistentLocalTime { .. } => {
                "Cette heure n'existe pas à Paris : les horloges passent de 2 h à 3 h cette nuit-là. \
                 Choisissez une autre heure."
                    .to_owned()
            }
            CalendarError::AmbiguousLocalTime { .. } => {
                "Cette heure a lieu deux fois à Paris : les horloges reculent de 3 h à 2 h cette \
                 nuit-là. Précisez s'il s'agit de l'heure d'été ou de l'heure d'hiver."
                    .to_owned()
            }
            CalendarError::InvalidLocalTime { .. } => {
                "Cette date ou cette heure n'existe pas. Vérifiez-la.".to_owned()
            }
            CalendarError::ReversedWindow { .. } => {
                "La fin de la période précède son début. Vérifiez les dates.".to_owned()
            }
            CalendarError::Parse { .. } | CalendarError::InvalidDayCount { .. } => {
                "Cette valeur n'a pas pu être lue. Vérifiez-la.".to_owned()
            }
            CalendarError::OutOfRange { .. }
            | CalendarError::ResultOutOfRange { .. }
            | CalendarError::ClosureOutOfRange { .. }
            | CalendarError::InstantOutOfRange => {
                "Cette date est en dehors des dates que nous savons traiter : contactez le service \
                 client."
                    .to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // CAL-4, Time (docs/rules.md): developer messages follow the house form; every error has a
    // French sentence.
    #[test]
    fn messages_are_lowercase_and_every_error_has_a_french_one() {
        let errors = [
            CalendarError::InstantOutOfRange,
            CalendarError::ReversedWindow {
                earliest: Day::from_days_since_epoch(1),
                latest: Day::from_days_since_epoch(0),
            },
            CalendarError::InvalidDayCount { days: -1 },
            CalendarError::Parse {
                what: "a window of days",
                input: "x".to_owned(),
                reason: "no slash",
            },
            CalendarError::InvalidLocalTime {
                year: 2026,
                month: 2,
                day: 30,
                hour: 0,
                minute: 0,
                second: 0,
            },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(
                text.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()),
                "{text}"
            );
            assert!(!text.ends_with('.'), "{text}");
            assert!(e.message_fr().ends_with('.'), "{e:?}");
        }
        assert_eq!(
            CalendarError::ReversedWindow {
                earliest: Day::from_days_since_epoch(1),
                latest: Day::from_days_since_epoch(0),
            }
            .to_string(),
            "window of days ends on 1970-01-01, before it starts on 1970-01-02"
        );
    }
}
