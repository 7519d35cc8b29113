//! The legal delivery deadline and the customer's remedies when it passes (DISP-4; C. conso
//! L216-1, L216-6).
//!
//! The FAQ promises a dispatch date, never a delivery date. The law fills the gap: without a
//! date agreed with the customer, the shop delivers "sans retard injustifié et au plus tard
//! trente jours après la conclusion du contrat" (L216-1), delivery being the transfer of
//! physical possession. Past that day the customer may suspend payment, give formal notice to
//! deliver within a reasonable extra delay and terminate the contract if that delay passes too;
//! or terminate at once when the shop refuses to deliver (or plainly will not) or when the
//! date was essential to the customer (L216-6). The contract is terminated when the shop
//! receives the customer's letter or message, unless it delivered in the meantime.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::{CalendarDays, Period, Roll, clock};
use comptoir_cart::Order;

use crate::DispatchError;
use crate::french::date_fr;

/// The 30 days of L216-1: the latest delivery after the contract when no date was agreed.
pub const LEGAL_DELIVERY_DAYS: CalendarDays = CalendarDays::new(30);

/// The delivery deadline of C. conso L216-1 as a period: 30 days from the day after the
/// contract, the last day not moved ([`Roll::None`]; see [`DeliveryDeadline`] for why).
pub const LEGAL_DELIVERY: Period = Period {
    days: LEGAL_DELIVERY_DAYS,
    roll: Roll::None,
};

/// The day an order must be delivered by (L216-1): the date agreed with the customer, or 30
/// days after the contract (the validation's Paris date).
///
/// The 30 days are calendar days counted from the day after the contract, and the last day
/// is not moved off a weekend or a holiday: L216-1 says "au plus tard trente jours après la
/// conclusion du contrat", the shop knows the day from the start, and moving it would only
/// delay the customer's remedies.
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::DeliveryDeadline;
///
/// // The delivery work item's example: validated 2026-06-01, no date agreed.
/// let deadline = DeliveryDeadline::compute(&Paris::at(2026, 6, 1, 15, 0, 0)?, None)?;
/// assert_eq!(deadline.due().to_string(), "2026-07-01");
/// assert!(!deadline.is_agreed());
/// assert!(!deadline.is_overdue(&Paris::at(2026, 7, 1, 23, 59, 0)?)?);
/// assert!(deadline.is_overdue(&Paris::at(2026, 7, 2, 0, 0, 0)?)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeliveryDeadline {
    validated_at: DateTime<Utc>,
    contract_day: NaiveDate,
    due: NaiveDate,
    agreed: bool,
}

impl DeliveryDeadline {
    /// The deadline of a contract concluded at `validated_at`, with the delivery date
    /// `agreed` with the customer if there is one (L111-1 3°, L216-1).
    ///
    /// # Errors
    ///
    /// [`DispatchError::AgreedDateBeforeContract`] for an agreed date before the contract's
    /// day, and [`DispatchError::Calendar`] when `validated_at` cannot be read on the Paris
    /// clock or the deadline is beyond chrono's dates.
    pub fn compute<Tz: TimeZone>(
        validated_at: &DateTime<Tz>,
        agreed: Option<NaiveDate>,
    ) -> Result<DeliveryDeadline, DispatchError> {
        let contract_day = clock::paris_date(validated_at)?;
        let due = match agreed {
            Some(date) if date < contract_day => {
                return Err(DispatchError::AgreedDateBeforeContract {
                    agreed: date,
                    contract: contract_day,
                });
            }
            Some(date) => date,
            None => LEGAL_DELIVERY.nominal_last_day(contract_day)?,
        };
        Ok(DeliveryDeadline {
            validated_at: validated_at.with_timezone(&Utc),
            contract_day,
            due,
            agreed: agreed.is_some(),
        })
    }

    /// The deadline of `order`, validated when it was, with the delivery date `agreed` if
    /// there is one.
    ///
    /// # Errors
    ///
    /// As [`DeliveryDeadline::compute`].
    pub fn for_order(
        order: &Order,
        agreed: Option<NaiveDate>,
    ) -> Result<DeliveryDeadline, DispatchError> {
        DeliveryDeadline::compute(&order.validated_at(), agreed)
    }

    /// The instant the contract was concluded (the order validated).
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.validated_at
    }

    /// The contract's day, Paris time.
    pub fn contract_day(&self) -> NaiveDate {
        self.contract_day
    }

    /// The last day of delivery, included.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// True when the date was agreed with the customer rather than the law's 30 days.
    pub fn is_agreed(&self) -> bool {
        self.agreed
    }

    /// Whether the deadline has passed at `at`: its Paris date is after the due day.
    ///
    /// # Errors
    ///
    /// [`DispatchError::Calendar`] when `at` cannot be read on the Paris clock.
    pub fn is_overdue<Tz: TimeZone>(&self, at: &DateTime<Tz>) -> Result<bool, DispatchError> {
        Ok(clock::paris_date(at)? > self.due)
    }
}

/// A formal notice ("mise en demeure") the customer sent after the deadline, giving the shop
/// a reasonable extra delay to deliver (L216-6 I 2°).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::FormalNotice;
///
/// let sent = Paris::at(2026, 7, 3, 9, 0, 0)?;
/// let notice = FormalNotice::new(&sent, NaiveDate::from_ymd_opt(2026, 7, 10).ok_or("date")?)?;
/// assert_eq!(notice.extra_delay_ends().to_string(), "2026-07-10");
/// assert!(FormalNotice::new(&sent, NaiveDate::from_ymd_opt(2026, 7, 3).ok_or("date")?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "NoticeRepr", into = "NoticeRepr"))]
pub struct FormalNotice {
    sent_at: DateTime<Utc>,
    extra_delay_ends: NaiveDate,
}

impl FormalNotice {
    /// A notice sent at `sent_at`, whose extra delay ends at the end of `extra_delay_ends`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::NoExtraDelay`] when the extra delay ends on the notice's day or
    /// before (it gives no delay at all), [`DispatchError::Calendar`] when `sent_at` cannot
    /// be read on the Paris clock.
    pub fn new<Tz: TimeZone>(
        sent_at: &DateTime<Tz>,
        extra_delay_ends: NaiveDate,
    ) -> Result<FormalNotice, DispatchError> {
        let sent_on = clock::paris_date(sent_at)?;
        if extra_delay_ends <= sent_on {
            return Err(DispatchError::NoExtraDelay {
                sent_on,
                ends: extra_delay_ends,
            });
        }
        Ok(FormalNotice {
            sent_at: sent_at.with_timezone(&Utc),
            extra_delay_ends,
        })
    }

    /// When it was sent.
    pub fn sent_at(&self) -> DateTime<Utc> {
        self.sent_at
    }

    /// The last day of the extra delay.
    pub fn extra_delay_ends(&self) -> NaiveDate {
        self.extra_delay_ends
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeRepr {
    sent_at: DateTime<Utc>,
    extra_delay_ends: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<NoticeRepr> for FormalNotice {
    type Error = DispatchError;

    fn try_from(r: NoticeRepr) -> Result<FormalNotice, DispatchError> {
        FormalNotice::new(&r.sent_at, r.extra_delay_ends)
    }
}

#[cfg(feature = "serde")]
impl From<FormalNotice> for NoticeRepr {
    fn from(n: FormalNotice) -> NoticeRepr {
        NoticeRepr {
            sent_at: n.sent_at,
            extra_delay_ends: n.extra_delay_ends,
        }
    }
}

/// What is known about an order's delivery when the customer's remedies are asked for: when
/// it was delivered, the formal notice, the shop's refusal, whether the date was essential.
/// Facts dated after the instant asked about are ignored, as not yet known.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::{DeliveryFacts, FormalNotice};
///
/// let notice = FormalNotice::new(&Paris::at(2026, 7, 3, 9, 0, 0)?, NaiveDate::from_ymd_opt(2026, 7, 10).ok_or("date")?)?;
/// let facts = DeliveryFacts::default().with_formal_notice(notice);
/// assert_eq!(facts.formal_notice(), Some(notice));
/// assert!(!facts.is_date_essential());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct DeliveryFacts {
    delivered_at: Option<DateTime<Utc>>,
    formal_notice: Option<FormalNotice>,
    refused_at: Option<DateTime<Utc>>,
    essential_date: bool,
}

impl DeliveryFacts {
    /// The order was delivered at `at`: every item in the customer's possession
    /// ([`Fulfilment::received_at`](crate::Fulfilment::received_at)).
    #[must_use]
    pub fn with_delivery<Tz: TimeZone>(mut self, at: &DateTime<Tz>) -> DeliveryFacts {
        self.delivered_at = Some(at.with_timezone(&Utc));
        self
    }

    /// The customer sent `notice` (L216-6 I 2°).
    #[must_use]
    pub fn with_formal_notice(mut self, notice: FormalNotice) -> DeliveryFacts {
        self.formal_notice = Some(notice);
        self
    }

    /// The shop refused to deliver, or it became plain it will not, at `at` (L216-6 II 1°).
    #[must_use]
    pub fn with_refusal<Tz: TimeZone>(mut self, at: &DateTime<Tz>) -> DeliveryFacts {
        self.refused_at = Some(at.with_timezone(&Utc));
        self
    }

    /// The delivery date was an essential condition of the contract for the customer, from
    /// the circumstances or an express request before the contract (L216-6 II 2°).
    #[must_use]
    pub fn with_essential_date(mut self) -> DeliveryFacts {
        self.essential_date = true;
        self
    }

    /// When the order was delivered.
    pub fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.delivered_at
    }

    /// The formal notice, if one was sent.
    pub fn formal_notice(&self) -> Option<FormalNotice> {
        self.formal_notice
    }

    /// When the shop refused to deliver.
    pub fn refused_at(&self) -> Option<DateTime<Utc>> {
        self.refused_at
    }

    /// True when the date was essential.
    pub fn is_date_essential(&self) -> bool {
        self.essential_date
    }

    /// Checks the facts against the deadline: nothing before the contract, and no formal
    /// notice before the deadline passed.
    fn check(&self, deadline: &DeliveryDeadline) -> Result<(), DispatchError> {
        for at in [
            self.delivered_at,
            self.refused_at,
            self.formal_notice.map(|n| n.sent_at),
        ]
        .into_iter()
        .flatten()
        {
            if at < deadline.validated_at {
                return Err(DispatchError::EventBeforeValidation {
                    at,
                    validated_at: deadline.validated_at,
                });
            }
        }
        if let Some(notice) = self.formal_notice
            && clock::paris_date(&notice.sent_at)? <= deadline.due
        {
            // L216-6 I 2°: the notice answers a failure to deliver by the deadline.
            return Err(DispatchError::FormalNoticeBeforeDeadline {
                sent_at: notice.sent_at,
                due: deadline.due,
            });
        }
        Ok(())
    }
}

/// Why the customer may terminate the contract (L216-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TerminationBasis {
    /// The extra delay of a formal notice passed without delivery (L216-6 I 2°).
    AfterFormalNotice,
    /// The shop refused to deliver, or plainly will not (L216-6 II 1°): at once, even before
    /// the deadline.
    Refusal,
    /// The deadline passed and the date was essential to the customer (L216-6 II 2°).
    EssentialDate,
}

impl TerminationBasis {
    /// The article and paragraph, `L216-6 I 2°`.
    pub fn article(self) -> &'static str {
        match self {
            TerminationBasis::AfterFormalNotice => "L216-6 I 2°",
            TerminationBasis::Refusal => "L216-6 II 1°",
            TerminationBasis::EssentialDate => "L216-6 II 2°",
        }
    }
}

/// Where an order's delivery stands against its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum DeliveryStanding {
    /// Delivered: nothing to claim under L216-6.
    Delivered,
    /// Not delivered, the deadline not passed.
    WithinDeadline,
    /// The deadline passed, no formal notice yet.
    Overdue,
    /// The deadline passed and the extra delay of the customer's formal notice runs.
    ExtraDelayRunning,
    /// The deadline and the extra delay both passed.
    ExtraDelayPassed,
}

/// What the customer may do about a delivery at a given instant (L216-1, L216-6).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::{
///     DeliveryDeadline, DeliveryFacts, DeliveryRemedies, DeliveryStanding, FormalNotice,
///     TerminationBasis,
/// };
///
/// let deadline = DeliveryDeadline::compute(&Paris::at(2026, 6, 1, 15, 0, 0)?, None)?;
/// let facts = DeliveryFacts::default();
/// // 3 July: overdue; the customer may suspend payment and give formal notice.
/// let now = DeliveryRemedies::compute(&deadline, &facts, &Paris::at(2026, 7, 3, 9, 0, 0)?)?;
/// assert_eq!(now.standing(), DeliveryStanding::Overdue);
/// assert!(now.may_give_formal_notice() && now.may_suspend_payment());
/// assert_eq!(now.may_terminate(), None);
///
/// // Notice sent on 3 July, extra delay to 9 July: terminating is open from 10 July.
/// let notice = FormalNotice::new(&Paris::at(2026, 7, 3, 9, 0, 0)?, NaiveDate::from_ymd_opt(2026, 7, 9).ok_or("date")?)?;
/// let facts = facts.with_formal_notice(notice);
/// let later = DeliveryRemedies::compute(&deadline, &facts, &Paris::at(2026, 7, 10, 8, 0, 0)?)?;
/// assert_eq!(later.may_terminate(), Some(TerminationBasis::AfterFormalNotice));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeliveryRemedies {
    due: NaiveDate,
    standing: DeliveryStanding,
    may_terminate: Option<TerminationBasis>,
    extra_delay_ends: Option<NaiveDate>,
}

impl DeliveryRemedies {
    /// The customer's options at `at`, for an order with `deadline`, given `facts`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::EventBeforeValidation`] for a fact dated before the contract,
    /// [`DispatchError::FormalNoticeBeforeDeadline`] for a notice sent on or before the due
    /// day, [`DispatchError::Calendar`] when an instant cannot be read on the Paris clock.
    pub fn compute<Tz: TimeZone>(
        deadline: &DeliveryDeadline,
        facts: &DeliveryFacts,
        at: &DateTime<Tz>,
    ) -> Result<DeliveryRemedies, DispatchError> {
        facts.check(deadline)?;
        let now = at.with_timezone(&Utc);
        let today = clock::paris_date(at)?;
        let known = |instant: Option<DateTime<Utc>>| instant.filter(|i| *i <= now);
        let overdue = today > deadline.due;
        let notice = facts.formal_notice.filter(|n| n.sent_at <= now);
        let standing = if known(facts.delivered_at).is_some() {
            DeliveryStanding::Delivered
        } else if !overdue {
            DeliveryStanding::WithinDeadline
        } else {
            match notice {
                None => DeliveryStanding::Overdue,
                Some(n) if today > n.extra_delay_ends => DeliveryStanding::ExtraDelayPassed,
                Some(_) => DeliveryStanding::ExtraDelayRunning,
            }
        };
        let may_terminate = match standing {
            DeliveryStanding::Delivered => None,
            _ if known(facts.refused_at).is_some() => Some(TerminationBasis::Refusal),
            DeliveryStanding::WithinDeadline => None,
            _ if facts.essential_date => Some(TerminationBasis::EssentialDate),
            DeliveryStanding::ExtraDelayPassed => Some(TerminationBasis::AfterFormalNotice),
            DeliveryStanding::Overdue | DeliveryStanding::ExtraDelayRunning => None,
        };
        Ok(DeliveryRemedies {
            due: deadline.due,
            standing,
            may_terminate,
            extra_delay_ends: notice.map(|n| n.extra_delay_ends),
        })
    }

    /// The delivery deadline.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Where the delivery stands.
    pub fn standing(&self) -> DeliveryStanding {
        self.standing
    }

    /// Whether the customer may suspend payment until delivery (L216-6 I 1°): once the
    /// deadline has passed without delivery.
    pub fn may_suspend_payment(&self) -> bool {
        matches!(
            self.standing,
            DeliveryStanding::Overdue
                | DeliveryStanding::ExtraDelayRunning
                | DeliveryStanding::ExtraDelayPassed
        )
    }

    /// Whether the customer may give formal notice (L216-6 I 2°): the deadline has passed
    /// and no notice was sent.
    pub fn may_give_formal_notice(&self) -> bool {
        self.standing == DeliveryStanding::Overdue
    }

    /// On what ground the customer may terminate now, if they may.
    pub fn may_terminate(&self) -> Option<TerminationBasis> {
        self.may_terminate
    }

    /// The last day of the extra delay, once a notice was sent.
    pub fn extra_delay_ends(&self) -> Option<NaiveDate> {
        self.extra_delay_ends
    }

    /// What the customer is told, in French.
    pub fn message_fr(&self) -> String {
        let due = date_fr(self.due);
        let terminate = "Vous pouvez résoudre le contrat : nous vous rembourserons alors la \
                         totalité des sommes versées au plus tard 14 jours après.";
        match (self.standing, self.may_terminate) {
            (DeliveryStanding::Delivered, _) => "Votre commande vous a été livrée.".to_owned(),
            (DeliveryStanding::WithinDeadline, None) => {
                format!("Votre commande doit vous être livrée au plus tard le {due}.")
            }
            (_, Some(TerminationBasis::Refusal)) => {
                format!("Nous ne pourrons pas vous livrer cette commande. {terminate}")
            }
            (_, Some(_)) => format!(
                "La date limite de livraison, le {due}, est dépassée. {terminate} Vous \
                 pouvez aussi suspendre le paiement jusqu'à la livraison."
            ),
            (DeliveryStanding::ExtraDelayRunning, None) => match self.extra_delay_ends {
                Some(ends) => format!(
                    "La date limite de livraison, le {due}, est dépassée et le délai \
                     supplémentaire que vous nous avez accordé court jusqu'au {} : sans \
                     livraison d'ici là, vous pourrez résoudre le contrat.",
                    date_fr(ends)
                ),
                None => format!("La date limite de livraison, le {due}, est dépassée."),
            },
            (_, None) => format!(
                "La date limite de livraison, le {due}, est dépassée. Vous pouvez nous mettre \
                 en demeure de livrer dans un délai supplémentaire raisonnable, puis résoudre \
                 le contrat s'il n'est pas respecté ; vous pouvez aussi suspendre le paiement \
                 jusqu'à la livraison."
            ),
        }
    }
}

/// The customer's termination of the contract for late delivery (L216-6), effective when
/// the shop received it. Only [`Termination::compute`] makes one, after checking the
/// conditions of L216-6, so a `Termination` that exists is lawful; the refund of everything
/// paid is then due within 14 days (L216-7), at the surcharges of L241-4 when late.
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::{DeliveryDeadline, DeliveryFacts, DispatchError, Termination, TerminationBasis};
///
/// let deadline = DeliveryDeadline::compute(&Paris::at(2026, 6, 1, 15, 0, 0)?, None)?;
/// let essential = DeliveryFacts::default().with_essential_date();
/// // Before the deadline, the date being essential does not allow it.
/// assert!(matches!(
///     Termination::compute(&deadline, &essential, &Paris::at(2026, 6, 20, 9, 0, 0)?),
///     Err(DispatchError::TerminationBeforeDeadline { .. })
/// ));
/// // On 10 July, it does, at once.
/// let termination = Termination::compute(&deadline, &essential, &Paris::at(2026, 7, 10, 9, 0, 0)?)?;
/// assert_eq!(termination.basis(), TerminationBasis::EssentialDate);
/// assert_eq!(termination.terminated_on().to_string(), "2026-07-10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Termination {
    validated_at: DateTime<Utc>,
    contract_day: NaiveDate,
    due: NaiveDate,
    terminated_at: DateTime<Utc>,
    terminated_on: NaiveDate,
    basis: TerminationBasis,
}

impl Termination {
    /// The termination the shop received at `received_at`, for an order with `deadline`,
    /// given `facts`.
    ///
    /// # Errors
    ///
    /// Each names what is missing, and nothing is terminated:
    ///
    /// - [`DispatchError::AlreadyDelivered`] when the order was delivered before the
    ///   termination took effect;
    /// - [`DispatchError::TerminationBeforeDeadline`] before the deadline passed, without a
    ///   refusal of the shop;
    /// - [`DispatchError::NoFormalNotice`] after the deadline, without a formal notice, a
    ///   refusal or an essential date;
    /// - [`DispatchError::ExtraDelayRunning`] while the notice's extra delay runs;
    /// - the errors of [`DeliveryRemedies::compute`].
    pub fn compute<Tz: TimeZone>(
        deadline: &DeliveryDeadline,
        facts: &DeliveryFacts,
        received_at: &DateTime<Tz>,
    ) -> Result<Termination, DispatchError> {
        let remedies = DeliveryRemedies::compute(deadline, facts, received_at)?;
        let basis = match (remedies.standing, remedies.may_terminate) {
            (_, Some(basis)) => basis,
            (DeliveryStanding::Delivered, None) => {
                return Err(DispatchError::AlreadyDelivered {
                    delivered_at: facts.delivered_at.unwrap_or(deadline.validated_at),
                });
            }
            (DeliveryStanding::WithinDeadline, None) => {
                return Err(DispatchError::TerminationBeforeDeadline { due: deadline.due });
            }
            (DeliveryStanding::ExtraDelayRunning, None) => {
                return Err(DispatchError::ExtraDelayRunning {
                    ends: remedies.extra_delay_ends.unwrap_or(deadline.due),
                });
            }
            (DeliveryStanding::Overdue | DeliveryStanding::ExtraDelayPassed, None) => {
                return Err(DispatchError::NoFormalNotice { due: deadline.due });
            }
        };
        Ok(Termination {
            validated_at: deadline.validated_at,
            contract_day: deadline.contract_day,
            due: deadline.due,
            terminated_at: received_at.with_timezone(&Utc),
            terminated_on: clock::paris_date(received_at)?,
            basis,
        })
    }

    /// The instant the terminated contract was concluded (the order validated).
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.validated_at
    }

    /// The contract's day, Paris time: it decides which wording of L241-4 applies.
    pub fn contract_day(&self) -> NaiveDate {
        self.contract_day
    }

    /// The delivery deadline that passed (or the shop refused to meet).
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// When the termination took effect: the shop received it (L216-6 I).
    pub fn terminated_at(&self) -> DateTime<Utc> {
        self.terminated_at
    }

    /// Its Paris date: the 14 days of L216-7 run from the next day.
    pub fn terminated_on(&self) -> NaiveDate {
        self.terminated_on
    }

    /// Its ground.
    pub fn basis(&self) -> TerminationBasis {
        self.basis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn paris(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(2026, m, d, h, 0, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn ymd(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn deadline() -> DeliveryDeadline {
        DeliveryDeadline::compute(&paris(6, 1, 15), None).unwrap()
    }

    // L216-1: a date agreed before the contract is refused; one after it replaces the 30 days.
    #[test]
    fn l216_1_agreed_dates() {
        assert!(matches!(
            DeliveryDeadline::compute(&paris(6, 1, 15), Some(ymd(5, 31))),
            Err(DispatchError::AgreedDateBeforeContract { .. })
        ));
        let agreed = DeliveryDeadline::compute(&paris(6, 1, 15), Some(ymd(6, 12))).unwrap();
        assert_eq!(agreed.due(), ymd(6, 12));
        assert!(agreed.is_agreed());
    }

    // L216-6: the refusal allows termination at once, even before the deadline; a notice
    // before the deadline passed is refused as a fact.
    #[test]
    fn l216_6_refusal_and_early_notice() {
        let refused = DeliveryFacts::default().with_refusal(&paris(6, 10, 9));
        let t = Termination::compute(&deadline(), &refused, &paris(6, 11, 9)).unwrap();
        assert_eq!(t.basis(), TerminationBasis::Refusal);
        // Before the refusal is known, nothing allows it.
        assert!(matches!(
            Termination::compute(&deadline(), &refused, &paris(6, 9, 9)),
            Err(DispatchError::TerminationBeforeDeadline { .. })
        ));
        let early = FormalNotice::new(&paris(6, 20, 9), ymd(6, 27)).unwrap();
        assert!(matches!(
            DeliveryRemedies::compute(
                &deadline(),
                &DeliveryFacts::default().with_formal_notice(early),
                &paris(7, 5, 9)
            ),
            Err(DispatchError::FormalNoticeBeforeDeadline { .. })
        ));
    }

    // L216-6 I 2°: after the deadline, termination waits for a notice and its extra delay.
    #[test]
    fn l216_6_notice_then_extra_delay_then_termination() {
        let facts = DeliveryFacts::default();
        assert_eq!(
            Termination::compute(&deadline(), &facts, &paris(7, 2, 9)),
            Err(DispatchError::NoFormalNotice { due: ymd(7, 1) })
        );
        let notice = FormalNotice::new(&paris(7, 2, 9), ymd(7, 9)).unwrap();
        let facts = facts.with_formal_notice(notice);
        assert_eq!(
            Termination::compute(&deadline(), &facts, &paris(7, 9, 20)),
            Err(DispatchError::ExtraDelayRunning { ends: ymd(7, 9) })
        );
        let t = Termination::compute(&deadline(), &facts, &paris(7, 10, 9)).unwrap();
        assert_eq!(t.basis(), TerminationBasis::AfterFormalNotice);
        assert_eq!(t.terminated_on(), ymd(7, 10));
        assert_eq!(t.basis().article(), "L216-6 I 2°");
    }

    // L216-6: delivered before the termination reached the shop, the contract stands.
    #[test]
    fn l216_6_delivery_before_termination_wins() {
        let facts = DeliveryFacts::default()
            .with_essential_date()
            .with_delivery(&paris(7, 8, 10));
        assert!(matches!(
            Termination::compute(&deadline(), &facts, &paris(7, 8, 11)),
            Err(DispatchError::AlreadyDelivered { .. })
        ));
        // Received by the shop before the delivery: terminated.
        assert!(Termination::compute(&deadline(), &facts, &paris(7, 8, 9)).is_ok());
        let remedies = DeliveryRemedies::compute(&deadline(), &facts, &paris(7, 9, 9)).unwrap();
        assert_eq!(remedies.standing(), DeliveryStanding::Delivered);
        assert_eq!(remedies.message_fr(), "Votre commande vous a été livrée.");
    }

    // L216-1: the messages name the due day in French.
    #[test]
    fn l216_1_messages_name_the_due_day() {
        let facts = DeliveryFacts::default();
        let within = DeliveryRemedies::compute(&deadline(), &facts, &paris(6, 20, 9)).unwrap();
        assert_eq!(
            within.message_fr(),
            "Votre commande doit vous être livrée au plus tard le mercredi 1er juillet 2026."
        );
        let overdue = DeliveryRemedies::compute(&deadline(), &facts, &paris(7, 2, 9)).unwrap();
        assert!(overdue.message_fr().contains("mettre en demeure"));
    }
}
