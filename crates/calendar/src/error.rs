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
    /// A region name that is none of the documented ones (CAL-3): see
    /// [`Region`](crate::Region) for the list.
    ///
    /// It does not echo the text given: an owned string would more than double the size of
    /// every calendar `Result` and slow the hot paths that return one.
    #[error("unknown region: expected one of {}", crate::holidays::region_names())]
    UnknownRegion,
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
    /// A date that no calendar has (30 February, month 13).
    #[error("{year:04}-{month:02}-{day:02} is not a date")]
    InvalidDate {
        /// The year given.
        year: i32,
        /// The month given.
        month: u32,
        /// The day of the month given.
        day: u32,
    },
    /// A time of day that no clock shows (25:00, 12:60).
    #[error("{hour:02}:{minute:02}:{second:02} is not a time of day")]
    InvalidTimeOfDay {
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
    /// Days counted from a day to an earlier one: a count of calendar days is never
    /// negative.
    #[error("counting calendar days from {from} back to {to} gives a negative number")]
    NegativeDayCount {
        /// The day counted from.
        from: Day,
        /// The earlier day counted to.
        to: Day,
    },
    /// A number below zero or above 4 294 967 295 given as a count of calendar days
    /// ([`CalendarDays::MAX`](crate::CalendarDays::MAX)).
    #[error("a number of calendar days is from 0 to 4294967295")]
    InvalidDayCount,
    /// A string that is not the text form of a calendar value.
    ///
    /// The string itself is not kept: the caller has it, and without it the error stays as
    /// small as a few days, which the hot paths that return one per order need.
    #[error("cannot read the text as {form}: {problem}")]
    Parse {
        /// The form expected.
        form: TextForm,
        /// What is wrong with the text.
        problem: TextProblem,
    },
}

/// A text form the calendar reads, named by [`CalendarError::Parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextForm {
    /// A [`Day`]: `2026-05-25`.
    Day,
    /// A [`DayWindow`](crate::DayWindow): `2025-03-19/2025-03-21`, or
    /// `Wednesday 2025-03-19 to Friday 2025-03-21`.
    DayWindow,
    /// [`BusinessDays`](crate::BusinessDays): `3 business days` or `3`.
    BusinessDays,
    /// [`CalendarDays`](crate::CalendarDays): `14 calendar days` or `14`.
    CalendarDays,
    /// [`Months`](crate::Months): `24 months` or `24`.
    Months,
    /// A [`LawChange`](crate::law::LawChange): `consumer_credit_reform`.
    LawChange,
    /// A [`ParisTime`](crate::clock::ParisTime): `2026-03-30 11:30:00 +02:00`.
    ParisTime,
    /// An [`Ambiguity`](crate::clock::Ambiguity): `reject`, `earlier` or `later`.
    Ambiguity,
}

impl core::fmt::Display for TextForm {
    /// The form with an example: `a window of days (2025-03-19/2025-03-21)`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            TextForm::Day => "a day (2026-05-25)",
            TextForm::DayWindow => {
                "a window of days (2025-03-19/2025-03-21, or Wednesday 2025-03-19 to Friday 2025-03-21)"
            }
            TextForm::BusinessDays => "a number of business days (3 business days, or 3)",
            TextForm::CalendarDays => "a number of calendar days (14 calendar days, or 14)",
            TextForm::Months => "a number of months (24 months, or 24)",
            TextForm::LawChange => "a change of the law (consumer_credit_reform)",
            TextForm::ParisTime => "a Paris wall-clock time (2026-03-30 11:30:00 +02:00)",
            TextForm::Ambiguity => "a choice for an ambiguous time (reject, earlier or later)",
        })
    }
}

/// What is wrong with a text read as a calendar value, in [`CalendarError::Parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextProblem {
    /// The text does not have the form at all.
    NotTheForm,
    /// A date in the right form that no calendar has (`2025-02-30`), or that the type
    /// cannot hold.
    NoSuchDate,
    /// A weekday that is not the date's (`Thursday 2025-03-19`).
    WrongWeekday,
    /// A unit other than the type's (`3 calendar days` read as business days).
    WrongUnit,
    /// A negative number where only counts from zero are meant.
    Negative,
    /// A number beyond what the type holds.
    TooLarge,
    /// An offset Paris did not have at that time (`+01:00` in July).
    WrongOffset,
}

impl core::fmt::Display for TextProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            TextProblem::NotTheForm => "it does not have that form",
            TextProblem::NoSuchDate => "the date does not exist",
            TextProblem::WrongWeekday => "the weekday is not the date's",
            TextProblem::WrongUnit => "the unit is not that of this count",
            TextProblem::Negative => "the number is negative",
            TextProblem::TooLarge => "the number is too large",
            TextProblem::WrongOffset => "the offset is not Paris's at that time",
        })
    }
}

impl CalendarError {
    /// The error for a text that is not `form`, because of `problem`.
    #[cold]
    pub(crate) fn parse(form: TextForm, problem: TextProblem) -> CalendarError {
        CalendarError::Parse { form, problem }
    }

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
                | CalendarError::InvalidDate { .. }
                | CalendarError::InvalidTimeOfDay { .. }
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
            CalendarError::InvalidDate { .. } | CalendarError::InvalidTimeOfDay { .. } => {
                "Cette date ou cette heure n'existe pas. Vérifiez-la.".to_owned()
            }
            CalendarError::ReversedWindow { .. } => {
                "La fin de la période précède son début. Vérifiez les dates.".to_owned()
            }
            CalendarError::Parse { .. }
            | CalendarError::UnknownRegion
            | CalendarError::InvalidDayCount
            | CalendarError::NegativeDayCount { .. } => {
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
            CalendarError::InvalidDayCount,
            CalendarError::NegativeDayCount {
                from: Day::from_days_since_epoch(1),
                to: Day::from_days_since_epoch(0),
            },
            CalendarError::parse(TextForm::DayWindow, TextProblem::NotTheForm),
            CalendarError::InvalidDate {
                year: 2026,
                month: 2,
                day: 30,
            },
            CalendarError::InvalidTimeOfDay {
                hour: 24,
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

#[cfg(test)]
mod size_tests {
    use super::*;

    // CAL-4, DISP-1: the error stays as small as it was before text parsing joined it, since
    // the dispatch pipeline returns one per order (a 56-byte error made DispatchSchedule's
    // per-order computation a fifth slower).
    #[test]
    fn the_error_stays_small() {
        assert!(
            size_of::<CalendarError>() <= 24,
            "{}",
            size_of::<CalendarError>()
        );
    }
}
