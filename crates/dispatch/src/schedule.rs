use chrono::{DateTime, NaiveDate, TimeZone};
use core::fmt;
use core::marker::PhantomData;

use comptoir_calendar::clock::{self, ParisTime};
use comptoir_calendar::{Calendar, CalendarDate, CalendarError, Day, DayWindow};

use crate::{DispatchError, DispatchPolicy};

/// The dates of one order's way out of the warehouse (DISP-1..3).
///
/// Dates are [`NaiveDate`]s ([`DispatchSchedule::compute`]), or [`Day`]s for a schedule made
/// by [`DispatchSchedule::compute_on`] in a pipeline. A stored schedule is rebuilt, and
/// deserialised, through [`DispatchSchedule::new`], which checks what every computed one
/// satisfies.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_calendar::Calendar;
/// use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
///
/// let cal = Calendar::metropolitan();
/// // Monday 2 March 2026, 10:00 in Paris (09:00 UTC): taken that day, due out by Thursday 5.
/// let ordered_at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("instant")?;
/// let schedule = DispatchSchedule::compute(&ordered_at, &DispatchPolicy::default(), &cal)?;
/// assert_eq!(schedule.expected_dispatch().to_string(), "2026-03-03/2026-03-04");
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
        into = "StoredSchedule<D>",
        bound(
            serialize = "D: serde::Serialize + CalendarDate + Ord",
            deserialize = "D: serde::Deserialize<'de> + CalendarDate + Ord"
        )
    )
)]
pub struct DispatchSchedule<D = NaiveDate> {
    // The days are held as day numbers whatever the form: a chrono date is built only when
    // an accessor asks for one, so computing a schedule costs no date conversion.
    taken_into_account: Day,
    earliest: Day,
    latest: Day,
    dispatch_by: Day,
    form: PhantomData<D>,
}

impl DispatchSchedule {
    /// The whole schedule of an order placed at `ordered_at` (DISP-1..3), read on the Paris
    /// clock, under `policy`, on `calendar`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] for an inconsistent policy, and
    /// [`DispatchError::Calendar`] when a day falls outside the calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::{clock::Paris, Calendar};
    /// use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
    ///
    /// // DISP-1's worked example: Saturday 23 May 2026 at 18:00 -> Tuesday 26.
    /// let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
    /// let schedule = DispatchSchedule::compute(&ordered_at, &DispatchPolicy::default(), &Calendar::metropolitan())?;
    /// assert_eq!(schedule.taken_into_account(), NaiveDate::from_ymd_opt(2026, 5, 26).ok_or("date")?);
    /// assert_eq!(format!("{:#}", schedule.expected_dispatch()), "Wednesday 2026-05-27 to Thursday 2026-05-28");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    // Always inlined, with what it calls: returned through memory the schedule's four days are
    // stored one by one and read back whole, a store-forwarding stall that doubled its cost.
    #[inline(always)]
    pub fn compute<Tz: TimeZone>(
        ordered_at: &DateTime<Tz>,
        policy: &DispatchPolicy,
        calendar: &Calendar,
    ) -> Result<DispatchSchedule, DispatchError> {
        Ok(
            DispatchSchedule::compute_on(clock::paris_time(ordered_at)?, policy, calendar)?
                .relabel(),
        )
    }
}

impl DispatchSchedule<Day> {
    /// [`DispatchSchedule::compute`] from a reading of the Paris clock, in [`Day`]s: the form
    /// for pipelines that handle millions of orders from Unix timestamps
    /// ([`clock::paris_time_from_unix`]).
    ///
    /// # Errors
    ///
    /// As [`DispatchSchedule::compute`].
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::{clock, Calendar};
    /// use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
    ///
    /// // 2026-01-15T09:59:59Z is 10:59:59 in Paris, a Thursday: taken the same day.
    /// let ordered_at = clock::paris_time_from_unix(1_768_471_199)?;
    /// let schedule = DispatchSchedule::compute_on(ordered_at, &DispatchPolicy::default(), &Calendar::metropolitan())?;
    /// assert_eq!(schedule.taken_into_account(), ordered_at.day());
    /// assert_eq!(schedule.dispatch_by().to_string(), "2026-01-20");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline(always)]
    pub fn compute_on(
        ordered_at: ParisTime,
        policy: &DispatchPolicy,
        calendar: &Calendar,
    ) -> Result<DispatchSchedule<Day>, DispatchError> {
        policy.validate()?;
        let (taken, earliest, latest, by) = policy.schedule_days_of_valid(ordered_at, calendar)?;
        Ok(DispatchSchedule {
            taken_into_account: taken,
            earliest,
            latest,
            dispatch_by: by,
            form: PhantomData,
        })
    }
}

impl<D: CalendarDate + Ord> DispatchSchedule<D> {
    /// A schedule from its days, as a back office stores it (DISP-1..3), checked as every
    /// schedule [`DispatchSchedule::compute`] gives is, whatever the calendar and the valid
    /// policy: the days lie within the calendar's range, none is a Saturday or a Sunday
    /// (no calendar opens them, CAL-1), and they come in order, the day taken into account
    /// on or before the window, the window on or before the dispatch-by day.
    ///
    /// Deserialising goes through this function.
    ///
    /// # Errors
    ///
    /// - [`DispatchError::Calendar`] for a day outside the calendar's range;
    /// - [`DispatchError::InvalidSchedule`] for a day on a weekend or days out of order.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::DayWindow;
    /// use comptoir_dispatch::DispatchSchedule;
    ///
    /// let ymd = |d| NaiveDate::from_ymd_opt(2026, 5, d).ok_or("date");
    /// let schedule = DispatchSchedule::new(ymd(26)?, DayWindow::new(ymd(27)?, ymd(28)?)?, ymd(29)?)?;
    /// assert_eq!(schedule.dispatch_by(), ymd(29)?);
    /// // Sunday 31 May 2026 is no dispatch day.
    /// assert!(DispatchSchedule::new(ymd(26)?, DayWindow::new(ymd(27)?, ymd(28)?)?, ymd(31)?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        taken_into_account: D,
        expected_dispatch: DayWindow<D>,
        dispatch_by: D,
    ) -> Result<DispatchSchedule<D>, DispatchError> {
        for day in [
            taken_into_account,
            expected_dispatch.earliest(),
            expected_dispatch.latest(),
            dispatch_by,
        ] {
            check_weekday_in_range(day)?;
        }
        // The window checked its own order.
        if !(taken_into_account <= expected_dispatch.earliest()
            && expected_dispatch.latest() <= dispatch_by)
        {
            return Err(DispatchError::InvalidSchedule {
                reason: "the days are not in order (taken, window, dispatch-by)",
            });
        }
        Ok(DispatchSchedule {
            taken_into_account: taken_into_account.to_day(),
            earliest: expected_dispatch.earliest().to_day(),
            latest: expected_dispatch.latest().to_day(),
            dispatch_by: dispatch_by.to_day(),
            form: PhantomData,
        })
    }

    /// The business day `T` the order is taken into account (DISP-1).
    pub fn taken_into_account(&self) -> D {
        form_of(self.taken_into_account)
    }

    /// The expected dispatch window, first and last day included (DISP-2: `T + 1` to
    /// `T + 2`).
    pub fn expected_dispatch(&self) -> DayWindow<D> {
        // The days are in order and in range: the window cannot be refused, and the fallback
        // only keeps this free of panics.
        let (earliest, latest) = (form_of(self.earliest), form_of(self.latest));
        DayWindow::new(earliest, latest).unwrap_or_else(|_| DayWindow::single(earliest))
    }

    /// The last day the order may leave on time (DISP-3: `T + 3`).
    pub fn dispatch_by(&self) -> D {
        form_of(self.dispatch_by)
    }

    /// The same days in another form, without converting anything.
    #[inline]
    fn relabel<E>(self) -> DispatchSchedule<E> {
        DispatchSchedule {
            taken_into_account: self.taken_into_account,
            earliest: self.earliest,
            latest: self.latest,
            dispatch_by: self.dispatch_by,
            form: PhantomData,
        }
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
        match dispatched_on.map(CalendarDate::to_day) {
            Some(day) if day < self.taken_into_account => Err(DispatchError::DispatchBeforeOrder {
                dispatched_on: date_of(day)?,
                taken_into_account: date_of(self.taken_into_account)?,
            }),
            Some(day) if day > today => Err(DispatchError::DispatchInTheFuture {
                dispatched_on: date_of(day)?,
                today: date_of(today)?,
            }),
            Some(day) => Ok(day > self.dispatch_by),
            None => Ok(today > self.dispatch_by),
        }
    }

    /// The same schedule in [`NaiveDate`]s, e.g. from the [`Day`]s of
    /// [`DispatchSchedule::compute_on`].
    ///
    /// # Errors
    ///
    /// [`DispatchError::Calendar`] for a day beyond chrono's dates, which no computation gives.
    pub fn to_dates(self) -> Result<DispatchSchedule<NaiveDate>, DispatchError> {
        // Every day of a schedule is within the calendar's range, well inside chrono's.
        date_of(self.dispatch_by)?;
        Ok(self.relabel())
    }

    /// The same schedule in [`Day`]s.
    pub fn to_days(self) -> DispatchSchedule<Day> {
        self.relabel()
    }
}

impl<D: CalendarDate> fmt::Display for DispatchSchedule<D> {
    /// `taken into account 2026-05-26, dispatched 2026-05-27 to 2026-05-28, at the latest
    /// 2026-05-29`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "taken into account {}, dispatched {} to {}, at the latest {}",
            self.taken_into_account, self.earliest, self.latest, self.dispatch_by
        )
    }
}

/// A stored schedule, checked before it becomes a [`DispatchSchedule`].
#[cfg(feature = "serde")]
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(
    deny_unknown_fields,
    bound(
        deserialize = "D: serde::Deserialize<'de> + CalendarDate + Ord",
        serialize = "D: serde::Serialize + CalendarDate + Ord"
    )
)]
struct StoredSchedule<D> {
    taken_into_account: D,
    expected_dispatch: DayWindow<D>,
    dispatch_by: D,
}

#[cfg(feature = "serde")]
impl<D: CalendarDate + Ord> TryFrom<StoredSchedule<D>> for DispatchSchedule<D> {
    type Error = DispatchError;

    fn try_from(stored: StoredSchedule<D>) -> Result<Self, DispatchError> {
        DispatchSchedule::new(
            stored.taken_into_account,
            stored.expected_dispatch,
            stored.dispatch_by,
        )
    }
}

#[cfg(feature = "serde")]
impl<D: CalendarDate + Ord> From<DispatchSchedule<D>> for StoredSchedule<D> {
    fn from(s: DispatchSchedule<D>) -> StoredSchedule<D> {
        StoredSchedule {
            taken_into_account: s.taken_into_account(),
            expected_dispatch: s.expected_dispatch(),
            dispatch_by: s.dispatch_by(),
        }
    }
}

/// A schedule's day in the form `D`: every day of a schedule lies in the calendar's range,
/// which every form holds, so the conversion never saturates.
fn form_of<D: CalendarDate>(day: Day) -> D {
    D::from_day_saturating(day)
}

/// Checks that `day` may be a business day of some calendar: within the range, Monday to
/// Friday.
fn check_weekday_in_range<D: CalendarDate>(day: D) -> Result<(), DispatchError> {
    let day = day.to_day();
    if day < Day::from(Calendar::MIN_DATE) || day > Day::from(Calendar::MAX_DATE) {
        return Err(DispatchError::Calendar(CalendarError::OutOfRange {
            date: day,
            min: Calendar::MIN_DATE,
            max: Calendar::MAX_DATE,
        }));
    }
    // 1970-01-01, day 0, was a Thursday: 2 and 3 are Saturday and Sunday.
    if matches!(day.days_since_epoch().rem_euclid(7), 2 | 3) {
        return Err(DispatchError::InvalidSchedule {
            reason: "a day falls on a Saturday or a Sunday",
        });
    }
    Ok(())
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
