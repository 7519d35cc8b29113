//! Withdrawal windows (RET-1, C. conso L221-18).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use comptoir_calendar::period::local_date;
use comptoir_calendar::{Calendar, Deadline, Region};

use crate::{Receipt, WithdrawalError, WithdrawalPolicy};

/// The shop's clock, on which the shop's own window is read.
const PARIS: Tz = Tz::Europe__Paris;

/// The two withdrawal deadlines of an order once its parcels have all reached the customer
/// (RET-1), and where a withdrawal notice falls against them.
///
/// Both count from the day after the customer took physical possession of the last parcel
/// ([`Receipt::possession`], SHIP-2; L221-18 2°: an order in several parcels counts from the
/// last). They differ in whose period they are:
///
/// - **the law's** ([`WithdrawalWindows::statutory`], 14 days by L221-18): the customer's act,
///   so it runs on the customer's days (Regulation 1182/71 art. 2(1)): rolled over the
///   Saturdays, Sundays and public holidays of the legal calendar of the customer's region
///   ([`Calendar::legal`], Whit Monday always). Nothing the shop works or closes moves it.
///   Its days are read on the customer's clock ([`Region::time_zone`]) and on the shop's
///   Paris clock, and the window lasts until both readings have ended: overseas, the
///   customer's last day ends hours after (Antilles) or before (Réunion) Paris's, and the
///   day of possession may differ near midnight. In metropolitan France both are one.
/// - **the shop's** ([`WithdrawalWindows::contractual`], the FAQ's 30 days): the shop's
///   promise, counted on the shop's calendar and the Paris clock, so the shop's closures can
///   lengthen it. It never closes before the law's: when it would (a promise no longer than
///   the law's, a shop that works Whit Monday, a customer whose clock is behind Paris's), it
///   is the law's window.
///
/// A notice may be sent from the validation of the order on, before any parcel arrives
/// (Directive 2011/83 art. 9, recital 40): it is then [`NoticeTimeliness::BeforeReceipt`], on
/// time. While parcels are still on their way, [`NoticeTimeliness::before_receipt`] answers
/// without windows.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_calendar::{Calendar, Region};
/// use comptoir_withdrawal::{Receipt, WithdrawalPolicy, WithdrawalWindows};
///
/// let validated = Paris.with_ymd_and_hms(2025, 2, 24, 10, 0, 0).single().ok_or("instant")?;
/// let delivered = Paris.with_ymd_and_hms(2025, 3, 1, 11, 20, 0).single().ok_or("instant")?;
/// let windows = WithdrawalWindows::compute(
///     &validated,
///     &[Receipt::at_address(&delivered)],
///     Region::Metropolitan,
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
    validated_at: DateTime<Utc>,
    last_receipt: Receipt,
    last_receipt_day: NaiveDate,
    customer_region: Region,
    contractual: Deadline,
    statutory: Deadline,
}

/// Where a withdrawal notice falls (RET-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NoticeTimeliness {
    /// Sent after the order was validated and before the customer had every parcel: on time,
    /// the customer may withdraw from the conclusion of the contract (Directive 2011/83
    /// art. 9, recital 40). The goods still come back once received (L221-23).
    BeforeReceipt,
    /// Within the law's 14 days (and so within the shop's 30).
    WithinStatutoryWindow,
    /// After the law's window but within the shop's longer promise.
    WithinContractualWindow,
    /// After both windows.
    Late,
}

impl core::fmt::Display for NoticeTimeliness {
    /// `on time (before receipt)`, `on time (statutory window)`, `on time (shop's window)` or
    /// `late`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            NoticeTimeliness::BeforeReceipt => "on time (before receipt)",
            NoticeTimeliness::WithinStatutoryWindow => "on time (statutory window)",
            NoticeTimeliness::WithinContractualWindow => "on time (shop's window)",
            NoticeTimeliness::Late => "late",
        })
    }
}

impl NoticeTimeliness {
    /// True when the shop must accept the withdrawal: before receipt or within either window.
    pub fn is_on_time(self) -> bool {
        self != NoticeTimeliness::Late
    }

    /// Where a notice sent at `sent_at` falls while some parcel of the order validated at
    /// `validated_at` has not reached the customer yet: the windows have not opened, and the
    /// notice is on time (Directive 2011/83 art. 9, recital 40).
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::NoticeBeforeValidation`] when the notice predates the validation.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Paris;
    /// use comptoir_withdrawal::NoticeTimeliness;
    ///
    /// let validated = Paris.with_ymd_and_hms(2025, 2, 24, 10, 0, 0).single().ok_or("instant")?;
    /// let in_transit = Paris.with_ymd_and_hms(2025, 2, 25, 8, 0, 0).single().ok_or("instant")?;
    /// let timeliness = NoticeTimeliness::before_receipt(&validated, &in_transit)?;
    /// assert_eq!(timeliness, NoticeTimeliness::BeforeReceipt);
    /// assert!(timeliness.is_on_time());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn before_receipt<Z1: TimeZone, Z2: TimeZone>(
        validated_at: &DateTime<Z1>,
        sent_at: &DateTime<Z2>,
    ) -> Result<NoticeTimeliness, WithdrawalError> {
        let validated = validated_at.with_timezone(&Utc);
        let notice = sent_at.with_timezone(&Utc);
        if notice < validated {
            return Err(WithdrawalError::NoticeBeforeValidation { notice, validated });
        }
        Ok(NoticeTimeliness::BeforeReceipt)
    }
}

impl WithdrawalWindows {
    /// The windows of an order validated at `validated_at` whose parcels the customer, living
    /// in `customer_region`, received as `receipts` say (in any order), under `policy`, with
    /// `calendar` the shop's calendar.
    ///
    /// The law's window is counted on [`Calendar::legal`] of `customer_region` and on its clock
    /// ([`Region::time_zone`]), whatever `calendar` says; the shop's on `calendar` and the
    /// Paris clock. Building the legal calendar costs some tens of microseconds per call.
    ///
    /// # Errors
    ///
    /// - [`WithdrawalError::NoParcels`] when `receipts` is empty;
    /// - [`WithdrawalError::ReceiptBeforeValidation`] when a parcel arrived before the order was
    ///   validated (the first such parcel is named);
    /// - [`WithdrawalError::UnlawfulPolicy`] / [`WithdrawalError::InvalidPolicy`] for a policy
    ///   [`WithdrawalPolicy::validate`] refuses;
    /// - [`WithdrawalError::Calendar`] when a receipt or a deadline is outside the calendar's
    ///   range.
    pub fn compute<Z: TimeZone>(
        validated_at: &DateTime<Z>,
        receipts: &[Receipt],
        customer_region: Region,
        policy: &WithdrawalPolicy,
        calendar: &Calendar,
    ) -> Result<WithdrawalWindows, WithdrawalError> {
        policy.validate()?;
        let validated = validated_at.with_timezone(&Utc);
        let mut last: Option<Receipt> = None;
        for (parcel, receipt) in receipts.iter().enumerate() {
            if receipt.arrival() < validated {
                return Err(WithdrawalError::ReceiptBeforeValidation {
                    parcel,
                    received: receipt.arrival(),
                    validated,
                });
            }
            if last.is_none_or(|l| receipt.possession() > l.possession()) {
                last = Some(*receipt);
            }
        }
        let last_receipt = last.ok_or(WithdrawalError::NoParcels)?;
        let possession = last_receipt.possession();
        let last_receipt_day = local_date(&possession, PARIS)?;
        let contractual = policy.contractual.deadline(last_receipt_day, calendar)?;
        let legal = Calendar::legal(customer_region);
        let zone = customer_region.time_zone();
        let on_customer_clock =
            policy
                .statutory
                .deadline_in(local_date(&possession, zone)?, &legal, zone)?;
        let on_shop_clock = policy.statutory.deadline(last_receipt_day, &legal)?;
        // Either clock is a defensible reading of the law's days: the window lasts until both
        // have ended.
        let statutory = if on_shop_clock.closes_at()? > on_customer_clock.closes_at()? {
            on_shop_clock
        } else {
            on_customer_clock
        };
        // The shop's promise never ends before the law's window.
        let contractual = if contractual.closes_at()? < statutory.closes_at()? {
            statutory
        } else {
            contractual
        };
        Ok(WithdrawalWindows {
            validated_at: validated,
            last_receipt,
            last_receipt_day,
            customer_region,
            contractual,
            statutory,
        })
    }

    /// When the order was validated: notices before it are errors, notices after it and
    /// before the last receipt are on time.
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.validated_at
    }

    /// The receipt of the parcel the customer took possession of last: the one the windows
    /// count from.
    pub fn last_receipt(&self) -> Receipt {
        self.last_receipt
    }

    /// The Paris date the customer took possession of the last parcel: the day the shop's
    /// window counts from. The law's may count from the same instant read on the customer's
    /// clock ([`Deadline::event_day`] of [`WithdrawalWindows::statutory`]), a day apart
    /// overseas near midnight.
    pub fn last_receipt_day(&self) -> NaiveDate {
        self.last_receipt_day
    }

    /// The customer's region, whose legal calendar and clock the law's window runs on.
    pub fn customer_region(&self) -> Region {
        self.customer_region
    }

    /// The shop's window (FAQ: 30 days), never closing before the law's.
    pub fn contractual(&self) -> Deadline {
        self.contractual
    }

    /// The law's window (L221-18: 14 days), on the legal calendar of the customer's region,
    /// read on whichever of the customer's clock and the Paris clock ends it later
    /// ([`Deadline::time_zone`] says which).
    pub fn statutory(&self) -> Deadline {
        self.statutory
    }

    /// Where a notice sent at `sent_at` falls. A notice counts from the instant the customer
    /// sends it (the law asks that it be sent before the window ends), read on each window's
    /// clock: 23:30 on the last day is on time, 00:00:30 the next day is late. A notice sent
    /// after the validation and before the customer had the last parcel is
    /// [`NoticeTimeliness::BeforeReceipt`], on time.
    ///
    /// # Errors
    ///
    /// - [`WithdrawalError::NoticeBeforeValidation`] when the notice predates the validation of
    ///   the order;
    /// - [`WithdrawalError::Calendar`] when `sent_at` cannot be read on the Paris clock.
    pub fn notice<Z: TimeZone>(
        &self,
        sent_at: &DateTime<Z>,
    ) -> Result<NoticeTimeliness, WithdrawalError> {
        let notice = sent_at.with_timezone(&Utc);
        if notice < self.last_receipt.possession() {
            return NoticeTimeliness::before_receipt(&self.validated_at, &notice);
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
        assert_eq!(
            NoticeTimeliness::BeforeReceipt.to_string(),
            "on time (before receipt)"
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

    fn delivered(rfc3339: &str) -> Receipt {
        Receipt::at_address(&at(rfc3339))
    }

    fn compute(
        validated: &str,
        receipts: &[Receipt],
    ) -> Result<WithdrawalWindows, WithdrawalError> {
        WithdrawalWindows::compute(
            &at(validated),
            receipts,
            Region::Metropolitan,
            &WithdrawalPolicy::default(),
            &Calendar::metropolitan(),
        )
    }

    // RET-1
    #[test]
    fn the_last_parcel_counts_whatever_the_order_given() {
        let windows = compute(
            "2025-02-24T10:00:00+01:00",
            &[
                delivered("2025-03-08T10:00:00+01:00"),
                delivered("2025-03-01T10:00:00+01:00"),
            ],
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
        let windows =
            compute("2025-02-24T10:00:00Z", &[delivered("2025-02-28T23:30:00Z")]).unwrap();
        assert_eq!(
            windows.last_receipt_day(),
            NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
        );
    }

    // RET-1: no parcel, or a parcel before validation, is a typed error.
    #[test]
    fn bad_receipts_are_typed_errors() {
        assert_eq!(
            compute("2025-02-24T10:00:00Z", &[]),
            Err(WithdrawalError::NoParcels)
        );
        let err = compute(
            "2025-02-24T10:00:00Z",
            &[
                delivered("2025-03-01T10:00:00Z"),
                delivered("2025-02-24T09:59:59Z"),
            ],
        )
        .unwrap_err();
        assert!(matches!(
            err,
            WithdrawalError::ReceiptBeforeValidation { parcel: 1, .. }
        ));
        // A parcel that reached the relay point before the validation cannot be this order's.
        let early =
            Receipt::collected(&at("2025-02-24T09:00:00Z"), &at("2025-02-26T09:00:00Z")).unwrap();
        assert!(matches!(
            compute("2025-02-24T10:00:00Z", &[early]),
            Err(WithdrawalError::ReceiptBeforeValidation { parcel: 0, .. })
        ));
    }

    // RET-1: the parcel collected last opens the windows, not the one that arrived last.
    #[test]
    fn the_last_possession_counts_not_the_last_arrival() {
        let held = Receipt::collected(
            &at("2025-03-01T10:00:00+01:00"),
            &at("2025-03-10T10:00:00+01:00"),
        )
        .unwrap();
        let home = delivered("2025-03-05T10:00:00+01:00");
        let windows = compute("2025-02-24T10:00:00+01:00", &[home, held]).unwrap();
        assert_eq!(windows.last_receipt(), held);
        assert_eq!(
            windows.last_receipt_day(),
            NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
        );
    }
}
