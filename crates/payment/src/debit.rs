//! When the customer is debited (PAY-3): "À l'expédition du produit."

use chrono::{DateTime, NaiveDate, TimeZone};
use comptoir_calendar::Calendar;
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
/// window (DISP-2, DISP-3).
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_calendar::Calendar;
/// use comptoir_dispatch::DispatchPolicy;
/// use comptoir_payment::ExpectedDebit;
///
/// // Saturday 23 May 2026 at 18:00: taken into account on Tuesday 26 (Whit Monday is 25).
/// let ordered_at = Paris.with_ymd_and_hms(2026, 5, 23, 18, 0, 0).single().ok_or("instant")?;
/// let debit = ExpectedDebit::for_order(&DispatchPolicy::default(), &Calendar::metropolitan(), &ordered_at)?;
/// let ymd = |d| NaiveDate::from_ymd_opt(2026, 5, d).ok_or("date");
/// assert_eq!(debit.earliest(), ymd(27)?);
/// assert_eq!(debit.latest_expected(), ymd(28)?);
/// assert_eq!(debit.at_latest(), ymd(29)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialising checks the days are in order (earliest, then latest expected, then at the
/// latest), as the dispatch rules always give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DebitRepr")
)]
pub struct ExpectedDebit {
    earliest: NaiveDate,
    latest_expected: NaiveDate,
    at_latest: NaiveDate,
}

impl ExpectedDebit {
    /// The debit days of an order whose dispatch dates are `schedule`.
    pub fn from_schedule(schedule: &DispatchSchedule) -> ExpectedDebit {
        let (earliest, latest_expected) = schedule.expected_dispatch();
        ExpectedDebit {
            earliest,
            latest_expected,
            at_latest: schedule.dispatch_by(),
        }
    }

    /// The debit days of an order placed at `ordered_at`, from the dispatch rules.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Dispatch`] when the dispatch dates cannot be computed (an invalid
    /// policy, a date outside the calendar's range).
    pub fn for_order<Tz: TimeZone>(
        policy: &DispatchPolicy,
        calendar: &Calendar,
        ordered_at: &DateTime<Tz>,
    ) -> Result<ExpectedDebit, PaymentError> {
        Ok(ExpectedDebit::from_schedule(
            &policy.schedule(calendar, ordered_at)?,
        ))
    }

    /// The first day the order can ship, hence be debited (DISP-2, `T + 1`).
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }

    /// The last day of the usual preparation window (DISP-2, `T + 2`).
    pub fn latest_expected(&self) -> NaiveDate {
        self.latest_expected
    }

    /// The last day the order ships when the promise is kept (DISP-3, `T + 3`).
    pub fn at_latest(&self) -> NaiveDate {
        self.at_latest
    }
}

/// The fields as stored, checked before they make an expected debit.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DebitRepr {
    earliest: NaiveDate,
    latest_expected: NaiveDate,
    at_latest: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<DebitRepr> for ExpectedDebit {
    type Error = &'static str;

    fn try_from(repr: DebitRepr) -> Result<ExpectedDebit, &'static str> {
        // DISP-2, DISP-3: T+1 <= T+2 <= T+3, whatever the calendar.
        if repr.earliest > repr.latest_expected || repr.latest_expected > repr.at_latest {
            return Err(
                "the debit days must be in order: earliest, latest expected, at the latest",
            );
        }
        Ok(ExpectedDebit {
            earliest: repr.earliest,
            latest_expected: repr.latest_expected,
            at_latest: repr.at_latest,
        })
    }
}
