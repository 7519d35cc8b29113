use chrono::{DateTime, NaiveDate, TimeZone};
#[cfg(doc)]
use comptoir_calendar::Day;
use core::fmt;

use comptoir_calendar::{Calendar, CalendarDate, CalendarError, clock};

use crate::DispatchError;

/// The dates of one order's way out of the warehouse (DISP-1..3).
///
/// Dates are [`NaiveDate`]s, or [`Day`]s for a schedule made by
/// [`DispatchPolicy::schedule_on`](crate::DispatchPolicy::schedule_on) in a pipeline.
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
#[cfg_attr(
    feature = "serde",
    serde(
        try_from = "StoredSchedule<D>",
        bound(deserialize = "D: serde::Deserialize<'de> + CalendarDate + Ord")
    )
)]
pub struct DispatchSchedule<D = NaiveDate> {
    taken_into_account: D,
    earliest_dispatch: D,
    latest_expected_dispatch: D,
    dispatch_by: D,
}

impl<D: CalendarDate + Ord> DispatchSchedule<D> {
    pub(crate) fn new(
        taken_into_account: D,
        earliest_dispatch: D,
        latest_expected_dispatch: D,
        dispatch_by: D,
    ) -> DispatchSchedule<D> {
        DispatchSchedule {
            taken_into_account,
            earliest_dispatch,
            latest_expected_dispatch,
            dispatch_by,
        }
    }

    /// The business day `T` the order is taken into account (DISP-1).
    pub fn taken_into_account(&self) -> D {
        self.taken_into_account
    }

    /// The expected dispatch window, first and last day (DISP-2: `T + 1` to `T + 2`).
    pub fn expected_dispatch(&self) -> (D, D) {
        (self.earliest_dispatch, self.latest_expected_dispatch)
    }

    /// The last day the order may leave on time (DISP-3: `T + 3`).
    pub fn dispatch_by(&self) -> D {
        self.dispatch_by
    }

    /// Whether the order is late at `now` (DISP-3): dispatched after the dispatch-by day, or
    /// not dispatched (`dispatched_on` is `None`) once that day has ended, Paris time.
    ///
    /// # Errors
    ///
    /// [`DispatchError::DispatchBeforeOrder`] when `dispatched_on` is before the day the order
    /// was taken into account, [`DispatchError::DispatchInTheFuture`] when it is after `now`'s
    /// Paris date, and [`DispatchError::Calendar`] when `now` is beyond chrono's range on the
    /// Paris clock.
    pub fn is_late<Tz: TimeZone>(
        &self,
        now: &DateTime<Tz>,
        dispatched_on: Option<D>,
    ) -> Result<bool, DispatchError> {
        let today = clock::paris_time(now)?.day();
        match dispatched_on {
            Some(day) if day < self.taken_into_account => Err(DispatchError::DispatchBeforeOrder {
                dispatched_on: date_of(day)?,
                taken_into_account: date_of(self.taken_into_account)?,
            }),
            Some(day) if day.to_day() > today => Err(DispatchError::DispatchInTheFuture {
                dispatched_on: date_of(day)?,
                today: date_of(today)?,
            }),
            Some(day) => Ok(day > self.dispatch_by),
            None => Ok(today > self.dispatch_by.to_day()),
        }
    }

    /// The same schedule with other date values, e.g. [`NaiveDate`]s from [`Day`]s.
    ///
    /// # Errors
    ///
    /// Whatever `convert` returns first.
    pub fn try_map<E, F: CalendarDate + Ord>(
        self,
        mut convert: impl FnMut(D) -> Result<F, E>,
    ) -> Result<DispatchSchedule<F>, E> {
        Ok(DispatchSchedule {
            taken_into_account: convert(self.taken_into_account)?,
            earliest_dispatch: convert(self.earliest_dispatch)?,
            latest_expected_dispatch: convert(self.latest_expected_dispatch)?,
            dispatch_by: convert(self.dispatch_by)?,
        })
    }
}

impl<D: fmt::Display> fmt::Display for DispatchSchedule<D> {
    /// `taken into account 2026-05-26, dispatched 2026-05-27 to 2026-05-28, at the latest
    /// 2026-05-29`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "taken into account {}, dispatched {} to {}, at the latest {}",
            self.taken_into_account,
            self.earliest_dispatch,
            self.latest_expected_dispatch,
            self.dispatch_by
        )
    }
}

/// A stored schedule, checked before it becomes a [`DispatchSchedule`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSchedule<D> {
    taken_into_account: D,
    earliest_dispatch: D,
    latest_expected_dispatch: D,
    dispatch_by: D,
}

#[cfg(feature = "serde")]
impl<D: CalendarDate + Ord> TryFrom<StoredSchedule<D>> for DispatchSchedule<D> {
    type Error = DispatchError;

    fn try_from(stored: StoredSchedule<D>) -> Result<Self, DispatchError> {
        if !(stored.taken_into_account <= stored.earliest_dispatch
            && stored.earliest_dispatch <= stored.latest_expected_dispatch
            && stored.latest_expected_dispatch <= stored.dispatch_by)
        {
            return Err(DispatchError::InvalidSchedule);
        }
        Ok(DispatchSchedule::new(
            stored.taken_into_account,
            stored.earliest_dispatch,
            stored.latest_expected_dispatch,
            stored.dispatch_by,
        ))
    }
}

/// The date of a calendar day (always representable within the calendar's range).
pub(crate) fn date_of<D: CalendarDate>(day: D) -> Result<NaiveDate, DispatchError> {
    let day = day.to_day();
    day.date()
        .ok_or(DispatchError::Calendar(CalendarError::OutOfRange {
            date: day,
            min: Calendar::MIN_DATE,
            max: Calendar::MAX_DATE,
        }))
}
