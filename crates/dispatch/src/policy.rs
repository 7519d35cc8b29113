use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Timelike};
use comptoir_calendar::clock::{self, ParisTime};
use comptoir_calendar::{BusinessDays, Calendar, CalendarError, Day};

use crate::DispatchError;
use crate::schedule::date_of;

/// The dispatch delays of DISP-1..3; the default is the FAQ's.
///
/// | field | FAQ | rule |
/// |---|---|---|
/// | `cutoff` | 11:00:00, Paris time | DISP-1 |
/// | `preparation_min` .. `preparation_max` | 1 to 2 business days | DISP-2 |
/// | `promise` | 3 business days | DISP-3 |
///
/// # Example
///
/// ```
/// use chrono::NaiveTime;
/// use comptoir_dispatch::DispatchPolicy;
///
/// // A shop that prepares orders until noon.
/// let policy = DispatchPolicy {
///     cutoff: NaiveTime::from_hms_opt(12, 0, 0).ok_or("time")?,
///     ..DispatchPolicy::default()
/// };
/// policy.validate()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialising fills missing fields with the FAQ's values, refuses unknown ones and checks
/// the result with [`DispatchPolicy::validate`], so a bad file fails when it is loaded: a
/// partial file is checked once the defaults are filled in (`{"preparation_min":4}` leaves
/// the maximum at 2, and is refused). The fields are public for struct update, so every
/// computation taking a policy checks it again with the same function and answers
/// [`DispatchError::InvalidPolicy`] rather than a date before the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PolicyRepr"))]
pub struct DispatchPolicy {
    /// Orders placed at or after this Paris time are taken into account the next business
    /// day (DISP-1).
    pub cutoff: NaiveTime,
    /// Fewest business days of preparation after the day taken into account (DISP-2).
    pub preparation_min: BusinessDays,
    /// Most business days of preparation expected (DISP-2).
    pub preparation_max: BusinessDays,
    /// Business days after the day taken into account by which the order is dispatched at
    /// the latest (DISP-3).
    pub promise: BusinessDays,
}

impl Default for DispatchPolicy {
    fn default() -> Self {
        DispatchPolicy {
            cutoff: NaiveTime::from_hms_opt(11, 0, 0).unwrap_or(NaiveTime::MIN),
            preparation_min: BusinessDays::new(1),
            preparation_max: BusinessDays::new(2),
            promise: BusinessDays::new(3),
        }
    }
}

/// The policy as configured, checked before it is used.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyRepr {
    cutoff: NaiveTime,
    preparation_min: BusinessDays,
    preparation_max: BusinessDays,
    promise: BusinessDays,
}

#[cfg(feature = "serde")]
impl Default for PolicyRepr {
    fn default() -> Self {
        let DispatchPolicy {
            cutoff,
            preparation_min,
            preparation_max,
            promise,
        } = DispatchPolicy::default();
        PolicyRepr {
            cutoff,
            preparation_min,
            preparation_max,
            promise,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyRepr> for DispatchPolicy {
    type Error = DispatchError;

    fn try_from(repr: PolicyRepr) -> Result<DispatchPolicy, DispatchError> {
        let policy = DispatchPolicy {
            cutoff: repr.cutoff,
            preparation_min: repr.preparation_min,
            preparation_max: repr.preparation_max,
            promise: repr.promise,
        };
        policy.validate()?;
        Ok(policy)
    }
}

impl DispatchPolicy {
    /// Checks that `0 ≤ preparation_min ≤ preparation_max ≤ promise`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] naming the inequality that fails.
    #[inline]
    pub fn validate(&self) -> Result<(), DispatchError> {
        let invalid = |reason| Err(DispatchError::InvalidPolicy { reason });
        if self.preparation_min.get() < 0 {
            return invalid("preparation_min is negative");
        }
        if self.preparation_max < self.preparation_min {
            return invalid("preparation_max is below preparation_min");
        }
        if self.promise < self.preparation_max {
            return invalid("promise is below preparation_max");
        }
        Ok(())
    }

    /// The day an order placed at `ordered_at` is taken into account (DISP-1), on
    /// `calendar`.
    ///
    /// [`DispatchSchedule::compute`](crate::DispatchSchedule::compute) gives it with the
    /// other days of the order.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] for a policy [`validate`](DispatchPolicy::validate)
    /// refuses, [`DispatchError::Calendar`] when the day falls outside the calendar's range.
    pub fn taken_into_account<Tz: TimeZone>(
        &self,
        ordered_at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<NaiveDate, DispatchError> {
        date_of(self.taken_into_account_on(clock::paris_time(ordered_at)?, calendar)?)
    }

    /// [`taken_into_account`](DispatchPolicy::taken_into_account) from a reading of the Paris
    /// clock, answering a [`Day`]: the form for pipelines that handle millions of orders
    /// from Unix timestamps ([`clock::paris_time_from_unix`]).
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] for a policy [`validate`](DispatchPolicy::validate)
    /// refuses, [`DispatchError::Calendar`] when the day falls outside the calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::{clock, Calendar};
    /// use comptoir_dispatch::DispatchPolicy;
    ///
    /// // 2026-01-15T09:59:59Z is 10:59:59 in Paris, a Thursday: taken the same day.
    /// let ordered_at = clock::paris_time_from_unix(1_768_471_199)?;
    /// let day = DispatchPolicy::default().taken_into_account_on(ordered_at, &Calendar::metropolitan())?;
    /// assert_eq!(day, ordered_at.day());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn taken_into_account_on(
        &self,
        ordered_at: ParisTime,
        calendar: &Calendar,
    ) -> Result<Day, DispatchError> {
        self.validate()?;
        self.taken_into_account_of_valid(ordered_at, calendar)
    }

    /// [`taken_into_account_on`](DispatchPolicy::taken_into_account_on) for a policy its
    /// caller has just validated: a schedule checks the policy once, not twice.
    #[inline]
    pub(crate) fn taken_into_account_of_valid(
        &self,
        ordered_at: ParisTime,
        calendar: &Calendar,
    ) -> Result<Day, DispatchError> {
        // DISP-1 in one step: the first business day from the first candidate day on.
        Ok(calendar.roll_forward(self.first_candidate(ordered_at)?)?)
    }

    /// The day an order is taken into account (DISP-1) and its dispatch-by day (DISP-3),
    /// from a reading of the Paris clock: the two days a pipeline needs per order, as
    /// [`taken_into_account_on`](DispatchPolicy::taken_into_account_on) and
    /// [`Calendar::add_business_days`] by `promise` give them, for about half the work.
    ///
    /// # Errors
    ///
    /// As those two functions: [`DispatchError::InvalidPolicy`] for a policy
    /// [`validate`](DispatchPolicy::validate) refuses (a negative promise would put the
    /// dispatch-by day before the order), [`DispatchError::Calendar`] when a day falls
    /// outside the calendar's range.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::{clock, Calendar};
    /// use comptoir_dispatch::DispatchPolicy;
    ///
    /// let cal = Calendar::metropolitan();
    /// // 2026-05-22T09:30:00Z is 11:30 on Friday 22 May in Paris, after the cutoff: taken
    /// // Tuesday 26 (Whit Monday is closed), due out three business days later, Friday 29.
    /// let ordered_at = clock::paris_time_from_unix(1_779_442_200)?;
    /// let (taken, by) = DispatchPolicy::default().taken_and_dispatch_by_on(ordered_at, &cal)?;
    /// assert_eq!((taken.to_string(), by.to_string()), ("2026-05-26".into(), "2026-05-29".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    // Always inlined: out of line, its `ParisTime` argument goes through memory as four
    // stores and one wide load, a store-forwarding stall that more than doubled the
    // per-order cost in the peer comparison (13 ns instead of 5).
    #[inline(always)]
    pub fn taken_and_dispatch_by_on(
        &self,
        ordered_at: ParisTime,
        calendar: &Calendar,
    ) -> Result<(Day, Day), DispatchError> {
        self.validate()?;
        // One walk over the calendar serves both days: the dispatch-by day is the promise's
        // count of business days further along the walk that found the day taken.
        let first = self.first_candidate(ordered_at)?;
        let mut open = calendar.business_days_from(first)?;
        if let (Some(taken), Ok(ahead)) = (open.next(), usize::try_from(self.promise.get())) {
            let by = match ahead.checked_sub(1) {
                None => Some(taken),
                Some(skip) => open.nth(skip),
            };
            if let Some(by) = by {
                return Ok((taken, by));
            }
        }
        self.taken_and_dispatch_by_one_by_one(first, calendar)
    }

    /// [`taken_and_dispatch_by_on`](DispatchPolicy::taken_and_dispatch_by_on) for the case
    /// the walk leaves (the end of the range), with its errors.
    #[cold]
    #[inline(never)]
    fn taken_and_dispatch_by_one_by_one(
        &self,
        first: Day,
        calendar: &Calendar,
    ) -> Result<(Day, Day), DispatchError> {
        // Takes the first candidate day rather than the reading: a `ParisTime` argument
        // would make the fast path store the reading to memory and load it back whole.
        let taken = calendar.roll_forward(first)?;
        Ok((taken, calendar.add_business_days(taken, self.promise)?))
    }

    /// The four days of an order's schedule (DISP-1..3), the policy already checked: one walk
    /// over the calendar's business days from the first candidate day gives the day taken
    /// `T`, then `T + preparation_min`, `T + preparation_max` and `T + promise` further along
    /// it (a valid policy has `0 <= min <= max <= promise`).
    #[inline(always)]
    pub(crate) fn schedule_days_of_valid(
        &self,
        ordered_at: ParisTime,
        calendar: &Calendar,
    ) -> Result<(Day, Day, Day, Day), DispatchError> {
        let first = self.first_candidate(ordered_at)?;
        let steps = (
            usize::try_from(self.preparation_min.get()),
            usize::try_from(self.preparation_max.get()),
            usize::try_from(self.promise.get()),
        );
        if let (Ok(min), Ok(max), Ok(promise)) = steps {
            let mut open = calendar.business_days_from(first)?;
            let taken = open.next();
            // `advance(day, n)` is the business day `n` further along the walk from `day`.
            let mut advance = |day: Day, n: usize| match n.checked_sub(1) {
                None => Some(day),
                Some(skip) => open.nth(skip),
            };
            let earliest = taken.and_then(|t| advance(t, min));
            let latest = earliest.and_then(|e| advance(e, max.saturating_sub(min)));
            let by = latest.and_then(|l| advance(l, promise.saturating_sub(max)));
            if let (Some(taken), Some(earliest), Some(latest), Some(by)) =
                (taken, earliest, latest, by)
            {
                return Ok((taken, earliest, latest, by));
            }
        }
        // The walk left the calendar's range: the day-by-day path reports where.
        let taken = calendar.roll_forward(first)?;
        Ok((
            taken,
            calendar.add_business_days(taken, self.preparation_min)?,
            calendar.add_business_days(taken, self.preparation_max)?,
            calendar.add_business_days(taken, self.promise)?,
        ))
    }

    /// The two days of an order whose first candidate day is `first` (its Paris date before
    /// the cutoff, the next day from it on): what a [`DispatchTable`](crate::DispatchTable)
    /// holds for that day. The policy is not checked here: the table checks it once.
    pub(crate) fn taken_and_dispatch_by_of_candidate(
        &self,
        first: Day,
        calendar: &Calendar,
    ) -> Result<(Day, Day), DispatchError> {
        self.taken_and_dispatch_by_one_by_one(first, calendar)
    }

    /// The first day that may be the day taken into account: the order's Paris date before
    /// the cutoff, the next day from the cutoff on (DISP-1; exactly 11:00:00 is past it).
    #[inline(always)]
    fn first_candidate(&self, ordered_at: ParisTime) -> Result<Day, DispatchError> {
        let before_cutoff = (ordered_at.second_of_day(), ordered_at.nanosecond())
            < (
                self.cutoff.num_seconds_from_midnight(),
                self.cutoff.nanosecond(),
            );
        // Arithmetic rather than a branch: orders fall either side of the cutoff at random.
        Ok(ordered_at
            .day()
            .checked_add(i32::from(!before_cutoff))
            .ok_or(CalendarError::OutOfRange {
                date: ordered_at.day(),
                min: Calendar::MIN_DATE,
                max: Calendar::MAX_DATE,
            })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // DISP-2, DISP-3: the FAQ's delays are consistent; inconsistent ones are named.
    #[test]
    fn faq_policy_is_valid_and_bad_ones_are_named() {
        assert_eq!(DispatchPolicy::default().validate(), Ok(()));
        let bad = DispatchPolicy {
            promise: BusinessDays::new(1),
            ..DispatchPolicy::default()
        };
        assert_eq!(
            bad.validate(),
            Err(DispatchError::InvalidPolicy {
                reason: "promise is below preparation_max"
            })
        );
        let negative = DispatchPolicy {
            preparation_min: BusinessDays::new(-1),
            ..DispatchPolicy::default()
        };
        assert!(negative.validate().is_err());
    }

    // DISP-2, DISP-3: a stored policy is checked when it is read, missing values are the FAQ's.
    #[cfg(feature = "serde")]
    #[test]
    fn stored_policies_are_checked_when_read() {
        let partial: DispatchPolicy = serde_json::from_str(r#"{"cutoff":"12:00:00"}"#).unwrap();
        assert_eq!(partial.promise, DispatchPolicy::default().promise);
        let bad = serde_json::from_str::<DispatchPolicy>(r#"{"promise":1}"#).unwrap_err();
        assert!(
            bad.to_string().contains("promise is below preparation_max"),
            "{bad}"
        );
        assert!(serde_json::from_str::<DispatchPolicy>(r#"{"cut_off":"12:00:00"}"#).is_err());
    }
}
