//! Withdrawal windows (RET-1, C. conso L221-18).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::{Calendar, clock};

use crate::{Deadline, ReturnsError, WithdrawalPolicy};

/// The two withdrawal deadlines of an order once its parcels have arrived (RET-1).
///
/// Receipts are instants (a carrier's delivery scan, in any time zone); the law counts from
/// the *day* of receipt, so each is read as its Paris date. When an order came in several
/// parcels, the window opens at the receipt of the last one (L221-18, 2°). The day of receipt
/// is not counted; a last day on a Saturday, Sunday, public holiday or shop closure moves to
/// the next business day of the shop's calendar (per the policy's [`Roll`](crate::Roll)).
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_calendar::Calendar;
/// use comptoir_returns::{WithdrawalPolicy, WithdrawalWindows};
///
/// let validated = Paris.with_ymd_and_hms(2025, 2, 24, 10, 0, 0).single().ok_or("instant")?;
/// let received = Paris.with_ymd_and_hms(2025, 3, 1, 11, 20, 0).single().ok_or("instant")?;
/// let windows = WithdrawalWindows::compute(
///     &validated,
///     &[received],
///     &WithdrawalPolicy::default(),
///     &Calendar::metropolitan(),
/// )?;
/// // RET-1's worked example: received Saturday 1 March 2025 -> Monday 17 March.
/// assert_eq!(windows.statutory().last_day(), NaiveDate::from_ymd_opt(2025, 3, 17).ok_or("date")?);
/// assert_eq!(windows.contractual().last_day(), NaiveDate::from_ymd_opt(2025, 3, 31).ok_or("date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WithdrawalWindows {
    last_receipt: DateTime<Utc>,
    last_receipt_day: NaiveDate,
    contractual: Deadline,
    statutory: Deadline,
}

/// Where a withdrawal notice falls against the two windows (RET-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoticeTimeliness {
    /// Within the law's 14 days (and so within the shop's 30).
    WithinStatutoryWindow,
    /// After the law's window but within the shop's longer promise.
    WithinContractualWindow,
    /// After both windows.
    Late,
}

impl core::fmt::Display for NoticeTimeliness {
    /// `on time (statutory window)`, `on time (shop's window)` or `late`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            NoticeTimeliness::WithinStatutoryWindow => "on time (statutory window)",
            NoticeTimeliness::WithinContractualWindow => "on time (shop's window)",
            NoticeTimeliness::Late => "late",
        })
    }
}

impl NoticeTimeliness {
    /// True when the shop must accept the withdrawal (either window).
    pub fn is_on_time(self) -> bool {
        self != NoticeTimeliness::Late
    }
}

impl WithdrawalWindows {
    /// The windows of an order validated at `validated_at` whose parcels were received at
    /// `receipts` (in any order).
    ///
    /// # Errors
    ///
    /// - [`ReturnsError::NoParcels`] when `receipts` is empty;
    /// - [`ReturnsError::ReceiptBeforeValidation`] when a parcel was received before the
    ///   order was validated (the first such parcel is named);
    /// - [`ReturnsError::InvalidPolicy`] when the policy promises less than the law
    ///   ([`WithdrawalPolicy::validate`]);
    /// - [`ReturnsError::Calendar`] when a receipt or a deadline is outside the calendar's
    ///   range.
    pub fn compute<Tz1: TimeZone, Tz2: TimeZone>(
        validated_at: &DateTime<Tz1>,
        receipts: &[DateTime<Tz2>],
        policy: &WithdrawalPolicy,
        calendar: &Calendar,
    ) -> Result<WithdrawalWindows, ReturnsError> {
        policy.validate()?;
        let validated = validated_at.with_timezone(&Utc);
        let mut last: Option<DateTime<Utc>> = None;
        for (parcel, receipt) in receipts.iter().enumerate() {
            let received = receipt.with_timezone(&Utc);
            if received < validated {
                return Err(ReturnsError::ReceiptBeforeValidation {
                    parcel,
                    received,
                    validated,
                });
            }
            last = Some(last.map_or(received, |l| l.max(received)));
        }
        let last_receipt = last.ok_or(ReturnsError::NoParcels)?;
        let last_receipt_day = clock::paris_date(&last_receipt)?;
        Ok(WithdrawalWindows {
            last_receipt,
            last_receipt_day,
            contractual: policy.contractual.deadline(last_receipt_day, calendar)?,
            statutory: policy.statutory.deadline(last_receipt_day, calendar)?,
        })
    }

    /// The instant the last parcel was received.
    pub fn last_receipt(&self) -> DateTime<Utc> {
        self.last_receipt
    }

    /// The Paris date the last parcel was received: the day the windows count from.
    pub fn last_receipt_day(&self) -> NaiveDate {
        self.last_receipt_day
    }

    /// The shop's window (FAQ: 30 days).
    pub fn contractual(&self) -> Deadline {
        self.contractual
    }

    /// The law's window (L221-18: 14 days).
    pub fn statutory(&self) -> Deadline {
        self.statutory
    }

    /// Where a notice sent at `sent_at` falls. A notice counts from the instant the customer
    /// sends it (the law asks that it be sent before the window ends), read as its Paris date:
    /// 23:30 on the last day is on time, 00:00:30 the next day is late.
    ///
    /// # Errors
    ///
    /// - [`ReturnsError::NoticeBeforeReceipt`] when the notice predates the last parcel's
    ///   receipt: the window computed here has not opened yet. (L221-18 lets a customer
    ///   withdraw before receipt; such a notice is on time by nature and handled by the
    ///   caller, who knows the order is still in transit.)
    /// - [`ReturnsError::Calendar`] when `sent_at` cannot be read on the Paris clock.
    pub fn notice<Tz: TimeZone>(
        &self,
        sent_at: &DateTime<Tz>,
    ) -> Result<NoticeTimeliness, ReturnsError> {
        let notice = sent_at.with_timezone(&Utc);
        if notice < self.last_receipt {
            return Err(ReturnsError::NoticeBeforeReceipt {
                notice,
                last_receipt: self.last_receipt,
            });
        }
        Ok(if self.statutory.is_on_time(&notice)? {
            NoticeTimeliness::WithinStatutoryWindow
        } else if self.contractual.is_on_time(&notice)? {
            NoticeTimeliness::WithinContractualWindow
        } else {
            NoticeTimeliness::Late
        })
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;

    // RET-1: a notice's timeliness reads as words.
    #[test]
    fn ret_1_timeliness_displays_in_words() {
        assert_eq!(
            NoticeTimeliness::WithinStatutoryWindow.to_string(),
            "on time (statutory window)"
        );
        assert_eq!(NoticeTimeliness::Late.to_string(), "late");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    // RET-1
    #[test]
    fn the_last_parcel_counts_whatever_the_order_given() {
        let windows = WithdrawalWindows::compute(
            &at("2025-02-24T10:00:00+01:00"),
            &[
                at("2025-03-08T10:00:00+01:00"),
                at("2025-03-01T10:00:00+01:00"),
            ],
            &WithdrawalPolicy::default(),
            &Calendar::metropolitan(),
        )
        .unwrap();
        assert_eq!(
            windows.last_receipt_day(),
            NaiveDate::from_ymd_opt(2025, 3, 8).unwrap()
        );
    }

    // RET-1: 23:30 UTC in winter is 00:30 the next day in Paris.
    #[test]
    fn a_late_evening_utc_scan_is_the_next_paris_day() {
        let windows = WithdrawalWindows::compute(
            &at("2025-02-24T10:00:00Z"),
            &[at("2025-02-28T23:30:00Z")],
            &WithdrawalPolicy::default(),
            &Calendar::metropolitan(),
        )
        .unwrap();
        assert_eq!(
            windows.last_receipt_day(),
            NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
        );
    }

    // RET-1: no parcel, or a parcel before validation, is a typed error.
    #[test]
    fn bad_receipts_are_typed_errors() {
        let cal = Calendar::metropolitan();
        let policy = WithdrawalPolicy::default();
        let none: [DateTime<Utc>; 0] = [];
        assert_eq!(
            WithdrawalWindows::compute(&at("2025-02-24T10:00:00Z"), &none, &policy, &cal),
            Err(ReturnsError::NoParcels)
        );
        let err = WithdrawalWindows::compute(
            &at("2025-02-24T10:00:00Z"),
            &[at("2025-03-01T10:00:00Z"), at("2025-02-24T09:59:59Z")],
            &policy,
            &cal,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ReturnsError::ReceiptBeforeValidation { parcel: 1, .. }
        ));
    }
}
