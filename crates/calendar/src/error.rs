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
    #[error(
        "unknown region {name:?}: expected one of {}",
        crate::holidays::region_names()
    )]
    UnknownRegion {
        /// The text given.
        name: String,
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

    /// True for a Paris wall-clock time that does not exist or is ambiguous.
    pub fn is_local_time(&self) -> bool {
        matches!(
            self,
            CalendarError::NonexistentLocalTime { .. } | CalendarError::AmbiguousLocalTime { .. }
        )
    }
}
