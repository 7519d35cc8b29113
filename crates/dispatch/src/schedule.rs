use chrono::{DateTime, NaiveDate, TimeZone};
use comptoir_calendar::clock;

use crate::DispatchError;

/// The dates of one order's way out of the warehouse (DISP-1..3).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_calendar::Calendar;
/// use comptoir_dispatch::DispatchPolicy;
///
/// let cal = Calendar::metropolitan();
/// // Monday 2 March 2026, 10:00 in Paris (09:00 UTC): taken that day, due out by Thursday 5.
/// let ordered_at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("instant")?;
/// let schedule = DispatchPolicy::default().schedule(&cal, &ordered_at)?;
/// let friday_evening = Utc.with_ymd_and_hms(2026, 3, 6, 18, 0, 0).single().ok_or("instant")?;
/// assert!(schedule.is_late(&friday_evening, None)?);
/// assert!(!schedule.is_late(&friday_evening, Some(schedule.dispatch_by()))?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DispatchSchedule {
    taken_into_account: NaiveDate,
    earliest_dispatch: NaiveDate,
    latest_expected_dispatch: NaiveDate,
    dispatch_by: NaiveDate,
}

impl DispatchSchedule {
    pub(crate) fn new(
        taken_into_account: NaiveDate,
        earliest_dispatch: NaiveDate,
        latest_expected_dispatch: NaiveDate,
        dispatch_by: NaiveDate,
    ) -> DispatchSchedule {
        DispatchSchedule {
            taken_into_account,
            earliest_dispatch,
            latest_expected_dispatch,
            dispatch_by,
        }
    }

    /// The business day `T` the order is taken into account (DISP-1).
    pub fn taken_into_account(&self) -> NaiveDate {
        self.taken_into_account
    }

    /// The expected dispatch window, first and last day (DISP-2: `T + 1` to `T + 2`).
    pub fn expected_dispatch(&self) -> (NaiveDate, NaiveDate) {
        (self.earliest_dispatch, self.latest_expected_dispatch)
    }

    /// The last day the order may leave on time (DISP-3: `T + 3`).
    pub fn dispatch_by(&self) -> NaiveDate {
        self.dispatch_by
    }

    /// Whether the order is late at `now` (DISP-3): dispatched after the dispatch-by day, or
    /// not dispatched (`dispatched_on` is `None`) once that day has ended, Paris time.
    ///
    /// # Errors
    ///
    /// [`DispatchError::DispatchBeforeOrder`] when `dispatched_on` is before the day the order
    /// was taken into account, and [`DispatchError::Calendar`] when `now` is beyond chrono's
    /// range on the Paris clock.
    pub fn is_late<Tz: TimeZone>(
        &self,
        now: &DateTime<Tz>,
        dispatched_on: Option<NaiveDate>,
    ) -> Result<bool, DispatchError> {
        match dispatched_on {
            Some(day) if day < self.taken_into_account => Err(DispatchError::DispatchBeforeOrder {
                dispatched_on: day,
                taken_into_account: self.taken_into_account,
            }),
            Some(day) => Ok(day > self.dispatch_by),
            None => Ok(clock::paris_date(now)? > self.dispatch_by),
        }
    }
}
