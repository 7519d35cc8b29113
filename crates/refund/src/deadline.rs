//! Refund deadlines (REF-2, C. conso L221-24).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::{Calendar, CalendarDays, DayWindow, clock};

use comptoir_calendar::{Deadline, Roll};
use comptoir_withdrawal::ConfirmedWithdrawal;

use crate::{Deferral, RefundError, RefundPolicy};

/// What is known so far about a withdrawal, for its refund deadlines (REF-2).
///
/// Every fact is an instant, in any time zone, kept as UTC; the rules read them as Paris
/// dates. Only the notice is required; the others are added as they happen, in any order
/// the world gives them:
///
/// - `notice`: when the shop was told of the withdrawal, by any unambiguous statement
///   (L221-21: the form, an e-mail, a letter, a note in the returned parcel). It may come
///   after the goods or their shipment: an e-mail sent once the parcel is on its way is a
///   lawful notice.
/// - `proof_of_shipment`: when the customer gave proof of shipping the goods back.
/// - `goods_received`: when the goods arrived back at the shop.
/// - `goods_checked`: when the team finished checking them. Without it, the goods count as
///   checked the day they are received: the expected window then starts at once.
/// - `collection_offered`: whether the shop offered to collect the goods itself; it may then
///   not defer the refund until it has them (L221-24 al. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RefundFacts {
    notice: DateTime<Utc>,
    proof_of_shipment: Option<DateTime<Utc>>,
    goods_received: Option<DateTime<Utc>>,
    goods_checked: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "serde", serde(default))]
    collection_offered: bool,
}

impl RefundFacts {
    /// The facts of a withdrawal made through the online function (L221-21): notified when
    /// its confirmed statement was submitted, never when it was first stated.
    pub fn of_online_withdrawal(withdrawal: &ConfirmedWithdrawal) -> RefundFacts {
        RefundFacts::notified(&withdrawal.notice_at())
    }

    /// The facts right after the shop is told of a withdrawal at `notice`.
    pub fn notified<Z: TimeZone>(notice: &DateTime<Z>) -> RefundFacts {
        RefundFacts {
            notice: notice.with_timezone(&Utc),
            proof_of_shipment: None,
            goods_received: None,
            goods_checked: None,
            collection_offered: false,
        }
    }

    /// The customer proved shipment of the goods at `at`.
    #[must_use]
    pub fn with_proof_of_shipment<Z: TimeZone>(self, at: &DateTime<Z>) -> RefundFacts {
        RefundFacts {
            proof_of_shipment: Some(at.with_timezone(&Utc)),
            ..self
        }
    }

    /// The goods arrived back at `at`.
    #[must_use]
    pub fn with_goods_received<Z: TimeZone>(self, at: &DateTime<Z>) -> RefundFacts {
        RefundFacts {
            goods_received: Some(at.with_timezone(&Utc)),
            ..self
        }
    }

    /// The team finished checking the returned goods at `at`.
    #[must_use]
    pub fn with_goods_checked<Z: TimeZone>(self, at: &DateTime<Z>) -> RefundFacts {
        RefundFacts {
            goods_checked: Some(at.with_timezone(&Utc)),
            ..self
        }
    }

    /// The shop offered to collect the goods itself: the refund is due 14 days after the
    /// notice, whatever the policy's [`Deferral`] (L221-24 al. 2, Directive 2011/83
    /// art. 13(3)).
    #[must_use]
    pub fn with_collection_offered(self) -> RefundFacts {
        RefundFacts {
            collection_offered: true,
            ..self
        }
    }

    /// When the shop was told.
    pub fn notice(&self) -> DateTime<Utc> {
        self.notice
    }

    /// When the customer proved shipment, if known.
    pub fn proof_of_shipment(&self) -> Option<DateTime<Utc>> {
        self.proof_of_shipment
    }

    /// When the goods arrived back, if known.
    pub fn goods_received(&self) -> Option<DateTime<Utc>> {
        self.goods_received
    }

    /// When the goods were checked, if known.
    pub fn goods_checked(&self) -> Option<DateTime<Utc>> {
        self.goods_checked
    }

    /// Whether the shop offered to collect the goods itself.
    pub fn is_collection_offered(&self) -> bool {
        self.collection_offered
    }

    fn validate(&self) -> Result<(), RefundError> {
        match (self.goods_received, self.goods_checked) {
            (None, Some(checked)) => Err(RefundError::CheckedWithoutReceipt { checked }),
            (Some(received), Some(checked)) if checked < received => {
                Err(RefundError::CheckedBeforeReceived { checked, received })
            }
            _ => Ok(()),
        }
    }
}

/// Which fact the refund ceiling waited for (L221-24 al. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DeferredUntil {
    /// The goods arrived back.
    GoodsReceived,
    /// The customer proved shipment.
    ProofOfShipment,
}

/// When the refund must be paid at the latest (REF-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RefundDue {
    /// Due by the end of `last_day`, Paris time.
    By {
        /// The last day a payment is on time.
        last_day: NaiveDate,
        /// The fact that pushed the ceiling past the 14 days, if one did.
        deferred_until: Option<DeferredUntil>,
    },
    /// The shop defers the refund and neither the goods nor a proof of shipment have come
    /// yet: the due date is not known. It will be `not_before` or later.
    Pending {
        /// The ceiling without deferral: the earliest the due date can turn out to be.
        not_before: NaiveDate,
    },
}

impl RefundDue {
    /// The last day a payment is on time, when known.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            RefundDue::By { last_day, .. } => Some(last_day),
            RefundDue::Pending { .. } => None,
        }
    }
}

impl core::fmt::Display for RefundDue {
    /// `due by 2025-03-24`, `due by 2025-03-28 (deferred until the proof of shipment)` or
    /// `pending, not before 2025-03-24`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            RefundDue::By {
                last_day,
                deferred_until,
            } => {
                write!(f, "due by {last_day}")?;
                match deferred_until {
                    Some(DeferredUntil::GoodsReceived) => {
                        f.write_str(" (deferred until the goods were received)")
                    }
                    Some(DeferredUntil::ProofOfShipment) => {
                        f.write_str(" (deferred until the proof of shipment)")
                    }
                    None => Ok(()),
                }
            }
            RefundDue::Pending { not_before } => write!(f, "pending, not before {not_before}"),
        }
    }
}

/// A withdrawal's refund deadlines, from the facts known so far (REF-2).
///
/// - The **ceiling** is 14 calendar days after the day the shop was told (the day itself not
///   counted, as for RET-1), on the Paris clock. It rolls only if the policy says so, and
///   then on the legal calendar of the shop's region (the refund is the shop's act,
///   Regulation 1182/71 art. 2(1)), never over the shop's own closures or a Whit Monday it
///   works. Under [`Deferral::UntilGoodsOrProof`] (the default) it moves to the day the goods
///   come back or the customer proves shipment, *whichever comes first*, when that day is
///   later (L221-24 al. 2), unless the shop offered to collect the goods; until one of them
///   happens, the due date is [`RefundDue::Pending`].
/// - The **expected window** is 3 to 5 business days of the shop's calendar after the goods
///   are checked (or received, when no check is recorded) and the notice is in; unknown until
///   the goods are back. It never ends after the due date: a window that would is cut there,
///   and [`RefundDeadlines::is_expected_capped`] says so. It is a [`DayWindow`]: `{:#}` prints
///   it with its weekdays, `Wednesday 2025-03-19 to Friday 2025-03-21`.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_calendar::Calendar;
/// use comptoir_refund::{RefundDeadlines, RefundDue, RefundFacts, RefundPolicy};
///
/// let cal = Calendar::metropolitan();
/// let policy = RefundPolicy::default();
/// let notice = Paris.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).single().ok_or("instant")?;
/// let facts = RefundFacts::notified(&notice);
/// let pending = RefundDeadlines::compute(&facts, &policy, &cal)?;
/// assert!(matches!(pending.due(), RefundDue::Pending { .. }));
///
/// let back = Paris.with_ymd_and_hms(2025, 3, 13, 15, 0, 0).single().ok_or("instant")?;
/// let known = RefundDeadlines::compute(&facts.with_goods_received(&back), &policy, &cal)?;
/// let ymd = |d| NaiveDate::from_ymd_opt(2025, 3, d).ok_or("date");
/// assert_eq!(known.due().last_day(), Some(ymd(24)?)); // 10 March + 14 days
/// let expected = known.expected().ok_or("goods are back")?;
/// assert_eq!((expected.earliest(), expected.latest()), (ymd(18)?, ymd(20)?));
/// assert!(!known.is_expected_capped());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RefundDeadlines {
    ceiling: Deadline,
    due: RefundDue,
    expected: Option<DayWindow>,
    expected_capped: bool,
}

impl RefundDeadlines {
    /// The deadlines the facts imply under `policy`, with `calendar` the shop's calendar.
    ///
    /// # Errors
    ///
    /// - [`RefundError::CheckedWithoutReceipt`] / [`RefundError::CheckedBeforeReceived`]
    ///   for a check with no receipt or before it;
    /// - [`RefundError::UnlawfulPolicy`] / [`RefundError::InvalidPolicy`] for a policy
    ///   [`RefundPolicy::validate`] refuses;
    /// - [`RefundError::Calendar`] when a date leaves the calendar's range.
    pub fn compute(
        facts: &RefundFacts,
        policy: &RefundPolicy,
        calendar: &Calendar,
    ) -> Result<RefundDeadlines, RefundError> {
        policy.validate()?;
        facts.validate()?;
        let notice_day = clock::paris_date(&facts.notice)?;
        let ceiling = match policy.ceiling.roll {
            // No roll: the calendar only checks the range.
            Roll::None => policy.ceiling.deadline(notice_day, calendar)?,
            Roll::NextBusinessDay => policy
                .ceiling
                .deadline(notice_day, &Calendar::legal(calendar.policy().region))?,
        };
        let may_defer = policy.deferral == Deferral::UntilGoodsOrProof && !facts.collection_offered;
        let due = if may_defer {
            let first = match (facts.goods_received, facts.proof_of_shipment) {
                (Some(g), Some(p)) if p < g => Some((p, DeferredUntil::ProofOfShipment)),
                (Some(g), _) => Some((g, DeferredUntil::GoodsReceived)),
                (None, Some(p)) => Some((p, DeferredUntil::ProofOfShipment)),
                (None, None) => None,
            };
            match first {
                None => RefundDue::Pending {
                    not_before: ceiling.last_day(),
                },
                Some((at, why)) => {
                    let day = clock::paris_date(&at)?;
                    if day > ceiling.last_day() {
                        RefundDue::By {
                            last_day: day,
                            deferred_until: Some(why),
                        }
                    } else {
                        RefundDue::By {
                            last_day: ceiling.last_day(),
                            deferred_until: None,
                        }
                    }
                }
            }
        } else {
            RefundDue::By {
                last_day: ceiling.last_day(),
                deferred_until: None,
            }
        };
        let (expected, expected_capped) = match facts.goods_received {
            None => (None, false),
            Some(received) => {
                // The refund is processed once the goods are checked and the shop knows of
                // the withdrawal, whichever is later: goods may come back before the notice.
                let checked = facts.goods_checked.unwrap_or(received).max(facts.notice);
                let checked_day = clock::paris_date(&checked)?;
                let earliest = calendar.add_business_days(checked_day, policy.expected_from)?;
                let latest = calendar.add_business_days(checked_day, policy.expected_to)?;
                match due.last_day() {
                    Some(last_day) if latest > last_day => (
                        // A valid policy has expected_from <= expected_to: the window is one.
                        Some(DayWindow::new(earliest.min(last_day), last_day)?),
                        true,
                    ),
                    _ => (Some(DayWindow::new(earliest, latest)?), false),
                }
            }
        };
        Ok(RefundDeadlines {
            ceiling,
            due,
            expected,
            expected_capped,
        })
    }

    /// The 14-day ceiling counted from the notice, before any deferral.
    pub fn ceiling(&self) -> Deadline {
        self.ceiling
    }

    /// When the refund is due at the latest, or [`RefundDue::Pending`].
    pub fn due(&self) -> RefundDue {
        self.due
    }

    /// The expected refund window, once the goods are back: the FAQ's "sous 3 à 5 jours
    /// ouvrés" after the check, never ending after the due date.
    pub fn expected(&self) -> Option<DayWindow> {
        self.expected
    }

    /// True when the FAQ's expected window would have ended after the due date and was cut
    /// at it: the shop must refund by the due date, earlier than it usually does.
    pub fn is_expected_capped(&self) -> bool {
        self.expected_capped
    }

    /// Whether a refund not yet paid at `at` is late: `at`'s Paris date is after the due date.
    /// A pending due date is never late: the shop may still wait for the goods.
    ///
    /// # Errors
    ///
    /// [`RefundError::Calendar`] when `at` cannot be read on the Paris clock.
    pub fn is_late<Z: TimeZone>(&self, at: &DateTime<Z>) -> Result<bool, RefundError> {
        // Read the clock first, so that an unreadable instant is an error in every state.
        let day = clock::paris_date(at)?;
        Ok(match self.due {
            RefundDue::By { last_day, .. } => day > last_day,
            RefundDue::Pending { .. } => false,
        })
    }

    /// The days late of a refund paid at `paid_at` (REF-3): the whole days from the due date
    /// to the payment's Paris date, 0 when paid by the due date or while it is pending.
    ///
    /// # Errors
    ///
    /// [`RefundError::Calendar`] when `paid_at` cannot be read on the Paris clock.
    pub fn days_late<Z: TimeZone>(
        &self,
        paid_at: &DateTime<Z>,
    ) -> Result<CalendarDays, RefundError> {
        let paid_on = clock::paris_date(paid_at)?;
        match self.due {
            // Paid by the due date: on time, whatever how early.
            RefundDue::By { last_day, .. } if paid_on <= last_day => Ok(CalendarDays::ZERO),
            RefundDue::By { last_day, .. } => Ok(CalendarDays::between(last_day, paid_on)?),
            RefundDue::Pending { .. } => Ok(CalendarDays::ZERO),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    // REF-2
    #[test]
    fn without_deferral_the_ceiling_is_fourteen_days_after_notice() {
        let policy = RefundPolicy {
            deferral: Deferral::None,
            ..RefundPolicy::default()
        };
        let facts = RefundFacts::notified(&at("2025-03-10T09:00:00+01:00"));
        let d = RefundDeadlines::compute(&facts, &policy, &Calendar::metropolitan()).unwrap();
        assert_eq!(d.due().last_day(), NaiveDate::from_ymd_opt(2025, 3, 24));
        assert_eq!(d.expected(), None);
    }

    // REF-2: goods checked Friday 14 March 2025 -> refund expected from the 3rd to the 5th
    // business day after, shown with weekdays and ISO dates.
    #[test]
    fn expected_refund_displays_both_ends_with_their_weekdays() {
        let facts = RefundFacts::notified(&at("2025-03-10T09:00:00+01:00"))
            .with_goods_received(&at("2025-03-14T09:00:00+01:00"));
        let d =
            RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())
                .unwrap();
        let expected = d.expected().unwrap();
        assert_eq!(
            format!("{expected:#}"),
            "Wednesday 2025-03-19 to Friday 2025-03-21"
        );
        assert_eq!(expected.to_string(), "2025-03-19/2025-03-21");
    }

    // REF-2, L221-24: whichever comes first.
    #[test]
    fn proof_earlier_than_goods_decides() {
        let facts = RefundFacts::notified(&at("2025-03-10T09:00:00+01:00"))
            .with_proof_of_shipment(&at("2025-03-28T09:00:00+01:00"))
            .with_goods_received(&at("2025-04-02T09:00:00+02:00"));
        let d =
            RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())
                .unwrap();
        assert_eq!(
            d.due(),
            RefundDue::By {
                last_day: NaiveDate::from_ymd_opt(2025, 3, 28).unwrap(),
                deferred_until: Some(DeferredUntil::ProofOfShipment),
            }
        );
        assert_eq!(
            d.due().to_string(),
            "due by 2025-03-28 (deferred until the proof of shipment)"
        );
    }

    // REF-2: each due date reads as words.
    #[test]
    fn due_dates_display_in_words() {
        let day = NaiveDate::from_ymd_opt(2025, 3, 24).unwrap();
        let by = |deferred_until| RefundDue::By {
            last_day: day,
            deferred_until,
        };
        assert_eq!(by(None).to_string(), "due by 2025-03-24");
        assert_eq!(
            by(Some(DeferredUntil::GoodsReceived)).to_string(),
            "due by 2025-03-24 (deferred until the goods were received)"
        );
        assert_eq!(
            RefundDue::Pending { not_before: day }.to_string(),
            "pending, not before 2025-03-24"
        );
    }

    // REF-2
    #[test]
    fn contradictory_facts_are_typed_errors() {
        let cal = Calendar::metropolitan();
        let policy = RefundPolicy::default();
        let notice = RefundFacts::notified(&at("2025-03-10T09:00:00+01:00"));
        assert!(matches!(
            RefundDeadlines::compute(
                &notice.with_goods_checked(&at("2025-03-12T09:00:00Z")),
                &policy,
                &cal
            ),
            Err(RefundError::CheckedWithoutReceipt { .. })
        ));
        let checked_first = notice
            .with_goods_received(&at("2025-03-12T09:00:00Z"))
            .with_goods_checked(&at("2025-03-12T08:00:00Z"));
        assert!(matches!(
            RefundDeadlines::compute(&checked_first, &policy, &cal),
            Err(RefundError::CheckedBeforeReceived { .. })
        ));
    }

    // RET-2, L221-21: goods or a proof of shipment dated before the notice are lawful facts
    // (the notice is any unambiguous statement, an e-mail sent after the parcel included);
    // the ceiling still counts from the notice.
    #[test]
    fn ret2_goods_before_the_notice_are_accepted() {
        let cal = Calendar::metropolitan();
        let facts = RefundFacts::notified(&at("2025-03-10T09:00:00+01:00"))
            .with_proof_of_shipment(&at("2025-03-07T09:00:00+01:00"))
            .with_goods_received(&at("2025-03-09T09:00:00+01:00"));
        let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &cal).unwrap();
        assert_eq!(d.due().last_day(), NaiveDate::from_ymd_opt(2025, 3, 24));
        // Checked before the notice: the expected window runs from the notice, Monday 10.
        let expected = d.expected().unwrap();
        assert_eq!(expected.to_string(), "2025-03-13/2025-03-17");
    }
}
