//! When the customer is debited (PAY-3): "À l'expédition du produit."

use chrono::{DateTime, NaiveDate, TimeZone};
use comptoir_calendar::{Calendar, CalendarDate, Day, DayWindow};
#[cfg(doc)]
use comptoir_dispatch::DispatchError;
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};

use crate::PaymentError;

/// The day an order is debited once it has shipped: its dispatch day (PAY-3), not the day it
/// was validated.
///
/// A function rather than a bare date so that the rule has one place and one name.
pub fn debit_day(shipped_on: NaiveDate) -> NaiveDate {
    shipped_on
}

/// When an order not shipped yet should be debited (PAY-3): the days of its dispatch
/// window (DISP-2), and the day it ships at the latest (DISP-3).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{clock::Paris, Calendar};
/// use comptoir_dispatch::DispatchPolicy;
/// use comptoir_payment::ExpectedDebit;
///
/// // Saturday 23 May 2026 at 18:00: taken into account on Tuesday 26 (Whit Monday is 25).
/// let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
/// let debit = ExpectedDebit::compute(&ordered_at, &DispatchPolicy::default(), &Calendar::metropolitan())?;
/// assert_eq!(debit.expected().to_string(), "2026-05-27/2026-05-28");
/// assert_eq!(debit.at_latest(), NaiveDate::from_ymd_opt(2026, 5, 29).ok_or("date")?);
/// assert_eq!(debit.to_string(), "debited 2026-05-27/2026-05-28, at the latest 2026-05-29");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialising goes through [`ExpectedDebit::new`], which checks what the dispatch rules
/// always give: weekdays within the calendar's range, the window ending on or before the
/// last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DebitRepr", into = "DebitRepr")
)]
pub struct ExpectedDebit {
    // Day numbers, as the schedule holds them: chrono dates are built when read.
    earliest: Day,
    latest: Day,
    at_latest: Day,
}

impl ExpectedDebit {
    /// The debit days `expected`, at the latest `at_latest`, as a back office stores them,
    /// checked as the dispatch days they come from: [`DispatchSchedule::new`] with the day
    /// taken into account on the window's first day (the latest it may be) accepts them.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Dispatch`] holding [`DispatchError::Calendar`] for a day outside the
    /// calendar's range, or [`DispatchError::InvalidSchedule`] for a day on a weekend or a
    /// window ending after `at_latest`.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::DayWindow;
    /// use comptoir_payment::ExpectedDebit;
    ///
    /// let ymd = |d| NaiveDate::from_ymd_opt(2026, 5, d).ok_or("date");
    /// let debit = ExpectedDebit::new(DayWindow::new(ymd(27)?, ymd(28)?)?, ymd(29)?)?;
    /// assert_eq!(debit.at_latest(), ymd(29)?);
    /// // Saturday 30 May 2026: no order ships, so none is debited, on a Saturday.
    /// assert!(ExpectedDebit::new(DayWindow::new(ymd(27)?, ymd(28)?)?, ymd(30)?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(expected: DayWindow, at_latest: NaiveDate) -> Result<ExpectedDebit, PaymentError> {
        let schedule = DispatchSchedule::new(expected.earliest(), expected, at_latest)?;
        Ok(ExpectedDebit::from_schedule(&schedule))
    }

    /// The debit days of an order whose dispatch dates are `schedule`.
    #[inline]
    pub fn from_schedule(schedule: &DispatchSchedule) -> ExpectedDebit {
        let days = schedule.to_days();
        let window = days.expected_dispatch();
        ExpectedDebit {
            earliest: window.earliest(),
            latest: window.latest(),
            at_latest: days.dispatch_by(),
        }
    }

    /// The debit days of an order placed at `ordered_at`, from the dispatch rules under
    /// `policy` on `calendar`.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Dispatch`] when the dispatch dates cannot be computed (an invalid
    /// policy, a date outside the calendar's range).
    // Always inlined, as the schedule's computation is: returned through memory, its days
    // would be stored one by one and read back whole (a store-forwarding stall).
    #[inline(always)]
    pub fn compute<Tz: TimeZone>(
        ordered_at: &DateTime<Tz>,
        policy: &DispatchPolicy,
        calendar: &Calendar,
    ) -> Result<ExpectedDebit, PaymentError> {
        Ok(ExpectedDebit::from_schedule(&DispatchSchedule::compute(
            ordered_at, policy, calendar,
        )?))
    }

    /// The days the order is expected to ship, hence be debited (DISP-2, `T + 1` to `T + 2`).
    pub fn expected(&self) -> DayWindow {
        // Days of a schedule, in order and in the calendar's range: neither conversion nor
        // window can fail.
        let (earliest, latest) = (
            NaiveDate::from_day_saturating(self.earliest),
            NaiveDate::from_day_saturating(self.latest),
        );
        DayWindow::new(earliest, latest).unwrap_or_else(|_| DayWindow::single(earliest))
    }

    /// The last day the order ships when the promise is kept (DISP-3, `T + 3`).
    pub fn at_latest(&self) -> NaiveDate {
        NaiveDate::from_day_saturating(self.at_latest)
    }
}

impl core::fmt::Display for ExpectedDebit {
    /// `debited 2026-05-27/2026-05-28, at the latest 2026-05-29`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "debited {}, at the latest {}",
            self.expected(),
            self.at_latest()
        )
    }
}

/// The fields as stored, checked before they make an expected debit.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct DebitRepr {
    expected: DayWindow,
    at_latest: NaiveDate,
}

#[cfg(feature = "serde")]
impl From<ExpectedDebit> for DebitRepr {
    fn from(debit: ExpectedDebit) -> DebitRepr {
        DebitRepr {
            expected: debit.expected(),
            at_latest: debit.at_latest(),
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<DebitRepr> for ExpectedDebit {
    type Error = PaymentError;

    fn try_from(repr: DebitRepr) -> Result<ExpectedDebit, PaymentError> {
        ExpectedDebit::new(repr.expected, repr.at_latest)
    }
}
