//! Refunds of products the shop will not deliver: cancelled as unavailable (DISP-4, REF-4),
//! lost or not delivered as ordered (DISP-5), or the whole contract terminated for late
//! delivery (L216-6); when the refund is due (L216-7) and what paying it late costs (L241-4).
//!
//! # When the refund is due
//!
//! L216-7: when the customer terminates the contract under L216-6, the shop "rembourse le
//! consommateur de la totalité des sommes versées, au plus tard dans les quatorze jours
//! suivant la date à laquelle le contrat a été dénoncé". A product found unavailable is one
//! the shop plainly will not deliver (L216-6 II 1°): when the customer chooses its refund
//! rather than waiting for the restock, the crates read the choice as the termination of the
//! contract for that product, refunded within the same 14 days. The same holds for an item
//! lost before the customer had it (the shop's risk, L216-4) or replaced by a wrong product,
//! once the customer chooses the refund over a new shipment. The Code no longer has an article
//! of its own for unavailable goods: the 30 days "du paiement" of the former L121-20-3 were
//! repealed in 2014 (loi n° 2014-344).
//!
//! The 14 days are calendar days from the day after the decision, and the last day is not
//! moved off a weekend or a holiday: the refund policy of withdrawals reads its 14 days the
//! same way by default, and the customer is owed the money that day.
//!
//! # What a late refund costs (L241-4)
//!
//! "Lorsque le professionnel n'a pas remboursé la totalité des sommes versées par le
//! consommateur dans les conditions prévues à l'article L. 216-7, cette somme est de plein
//! droit majorée de 10 % si le remboursement intervient au plus tard quatorze jours au-delà de
//! ce terme, de 20 % jusqu'à trente jours et de 50 % ultérieurement." That is the wording of
//! Ordonnance n° 2021-1247 of 29 September 2021 (art. 13), for contracts concluded from 1
//! January 2022. Contracts concluded before keep the earlier wording: 10 % up to 30 days late,
//! 20 % up to 60, 50 % beyond ([`L2414Wording`]). Unlike L242-4's surcharge on a withdrawal's
//! refund, this one has no cap.
//!
//! # Money never taken is not refunded
//!
//! PAY-3 debits an order when it ships. Units cancelled before then are left out of the debit
//! and nothing is paid back for them; the decision here is for money the shop has taken: the
//! refund of units cancelled after the debit, or of a terminated contract the customer had
//! paid for.

use core::fmt;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::law::{ContractDay, LawChange};
use comptoir_calendar::{Calendar, CalendarDays, Deadline, Period, Roll, clock};
use comptoir_cart::Order;
use comptoir_dispatch::{CancelReason, CancelledUnits, DispatchError, Termination};
use comptoir_money::{Decimal, Eur, MoneyError};
use comptoir_promo::LineRef;

use crate::{AmountDue, Cancellation, CancelledLine, Refund, RefundError, RefundLedger};

/// The refund after a cancellation or a termination for non-delivery (C. conso L216-7): "au
/// plus tard dans les quatorze jours suivant la date à laquelle le contrat a été dénoncé",
/// counted from the day after, the last day not moved off a closed day.
pub const NON_DELIVERY_REFUND: Period = Period {
    days: comptoir_withdrawal::LEGAL_DAYS,
    roll: Roll::None,
};

/// Which wording of L241-4 applies to a contract, by the day it was concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum L2414Wording {
    /// Contracts concluded before 1 January 2022: 10 % up to 30 days late, 20 % up to 60,
    /// 50 % beyond.
    Before2022,
    /// Contracts concluded from 1 January 2022 (Ordonnance n° 2021-1247, art. 13): 10 % up to
    /// 14 days late, 20 % up to 30, 50 % beyond.
    From2022,
}

impl L2414Wording {
    /// The wording in force for a contract concluded on `contract_day` (Paris date), read
    /// from the dated table of the law's changes
    /// ([`LawChange::LateRefundIncrease2022`]).
    pub fn for_contract(contract_day: NaiveDate) -> L2414Wording {
        if ContractDay::new(contract_day).is_under(LawChange::LateRefundIncrease2022) {
            L2414Wording::From2022
        } else {
            L2414Wording::Before2022
        }
    }

    /// The percentage added to a refund `days_late` days late: 0 on time, then 10, 20 or 50.
    /// Each boundary belongs to the lower step ("au plus tard quatorze jours").
    pub fn percent(self, days_late: CalendarDays) -> u32 {
        let (first, second) = match self {
            L2414Wording::Before2022 => (30, 60),
            L2414Wording::From2022 => (14, 30),
        };
        match days_late.get() {
            0 => 0,
            d if d <= first => 10,
            d if d <= second => 20,
            _ => 50,
        }
    }
}

/// The surcharge L241-4 adds to a refund of products never delivered paid late.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_refund::{AmountDue, CalendarDays, L2414Wording, NonDeliverySurcharge};
///
/// let due = AmountDue::new("100.00".parse()?)?;
/// let contract = NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("date")?;
/// let s = NonDeliverySurcharge::compute(due, CalendarDays::new(17), contract)?;
/// assert_eq!((s.wording(), s.percent()), (L2414Wording::From2022, 20));
/// assert_eq!(s.amount(), "20.00".parse()?);
///
/// // The same lateness under a contract of 2021: the earlier wording's 10 %.
/// let old = NaiveDate::from_ymd_opt(2021, 12, 31).ok_or("date")?;
/// assert_eq!(NonDeliverySurcharge::compute(due, CalendarDays::new(17), old)?.amount(), "10.00".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NonDeliverySurcharge {
    wording: L2414Wording,
    days_late: CalendarDays,
    percent: u32,
    amount: Eur,
}

impl NonDeliverySurcharge {
    /// The surcharge on `amount_due` paid `days_late` days after its due date, under the
    /// wording of L241-4 in force for a contract concluded on `contract_day`, rounded half
    /// away from zero to the cent.
    ///
    /// # Errors
    ///
    /// [`RefundError::Money`] on overflow.
    pub fn compute(
        amount_due: AmountDue,
        days_late: CalendarDays,
        contract_day: NaiveDate,
    ) -> Result<NonDeliverySurcharge, RefundError> {
        let wording = L2414Wording::for_contract(contract_day);
        let percent = wording.percent(days_late);
        let exact = amount_due
            .amount()
            .to_decimal()
            .checked_mul(Decimal::from(percent))
            .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
            .ok_or(RefundError::Money(MoneyError::Overflow {
                operation: "L241-4 surcharge",
            }))?;
        Ok(NonDeliverySurcharge {
            wording,
            days_late,
            percent,
            amount: Eur::round_from(exact)?,
        })
    }

    /// The wording applied.
    pub fn wording(&self) -> L2414Wording {
        self.wording
    }

    /// The lateness it was computed for.
    pub fn days_late(&self) -> CalendarDays {
        self.days_late
    }

    /// The percentage added: 0, 10, 20 or 50.
    pub fn percent(&self) -> u32 {
        self.percent
    }

    /// The amount added to the refund.
    pub fn amount(&self) -> Eur {
        self.amount
    }
}

/// Why products will not be delivered, and so why the refund follows L216-7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CancellationGround {
    /// Unavailable at preparation, the customer chose the refund (DISP-4, REF-4).
    Unavailable,
    /// Lost before the customer had it, missing from a parcel or replaced by a wrong product,
    /// the customer chose the refund (DISP-5, L216-4).
    NotDelivered,
    /// The customer terminated the contract for late delivery (L216-6).
    Termination,
}

impl fmt::Display for CancellationGround {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CancellationGround::Unavailable => "unavailable product",
            CancellationGround::NotDelivered => "item not delivered as ordered",
            CancellationGround::Termination => "contract terminated for late delivery",
        })
    }
}

/// When and why products of an order were cancelled: what a [`CancellationDecision`] counts
/// from.
///
/// # Example
///
/// ```
/// # use comptoir_calendar::clock::Paris;
/// # use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// # use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
/// use comptoir_dispatch::{DeliveryDeadline, DeliveryFacts, Termination};
/// use comptoir_refund::{CancellationFacts, CancellationGround};
///
/// # let at = Paris::at(2026, 6, 1, 15, 0, 0)?;
/// # let (catalogue, context) = (Catalogue::default(), EvaluationContext::new(at));
/// # let terms = Terms::new(&catalogue, &context);
/// # let mut cart = Cart::new();
/// # cart.add_line(Line::new("l1".parse()?, "lampe".parse()?, "100.00".parse()?, Quantity::ONE)?, &terms)?;
/// # cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
/// # let order = cart.validate(CustomerId::new(42), &terms)?;
/// let deadline = DeliveryDeadline::for_order(&order, None)?;
/// let facts = DeliveryFacts::default().with_essential_date();
/// let termination = Termination::compute(&deadline, &facts, &Paris::at(2026, 7, 10, 9, 0, 0)?)?;
/// let cancelled = CancellationFacts::terminated(&order, &termination)?;
/// assert_eq!(cancelled.ground(), CancellationGround::Termination);
/// assert_eq!(cancelled.decided_on().to_string(), "2026-07-10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CancellationFacts {
    ground: CancellationGround,
    decided_at: DateTime<Utc>,
    decided_on: NaiveDate,
    contract_day: NaiveDate,
}

impl CancellationFacts {
    /// The cancellation of `units` of `order`, as the order's
    /// [`Fulfilment`](comptoir_dispatch::Fulfilment) recorded it: decided when the customer
    /// chose the refund (or terminated the contract).
    ///
    /// # Errors
    ///
    /// [`RefundError::CancellationBeforeValidation`] for units cancelled before the order
    /// was validated, [`RefundError::Calendar`] for an instant the Paris clock cannot read.
    pub fn from_units(
        order: &Order,
        units: &CancelledUnits,
    ) -> Result<CancellationFacts, RefundError> {
        let ground = match units.reason() {
            CancelReason::Unavailable => CancellationGround::Unavailable,
            CancelReason::Termination => CancellationGround::Termination,
            CancelReason::LostParcel
            | CancelReason::WrongItem
            | CancelReason::MissingFromParcel => CancellationGround::NotDelivered,
        };
        CancellationFacts::at(order, ground, &units.at())
    }

    /// The termination of `order`'s contract for late delivery (L216-6).
    ///
    /// # Errors
    ///
    /// [`RefundError::Dispatch`] with [`DispatchError::TerminationOfAnotherOrder`] when
    /// `termination` is not of `order`, and the errors of [`CancellationFacts::from_units`].
    pub fn terminated(
        order: &Order,
        termination: &Termination,
    ) -> Result<CancellationFacts, RefundError> {
        if termination.validated_at() != order.validated_at() {
            return Err(DispatchError::TerminationOfAnotherOrder {
                termination: termination.validated_at(),
                order: order.validated_at(),
            }
            .into());
        }
        CancellationFacts::at(
            order,
            CancellationGround::Termination,
            &termination.terminated_at(),
        )
    }

    /// Products of `order` cancelled on `ground` at `decided_at`, for cancellations a back
    /// office records without a fulfilment.
    ///
    /// # Errors
    ///
    /// As [`CancellationFacts::from_units`].
    pub fn at<Tz: TimeZone>(
        order: &Order,
        ground: CancellationGround,
        decided_at: &DateTime<Tz>,
    ) -> Result<CancellationFacts, RefundError> {
        let decided_at = decided_at.with_timezone(&Utc);
        let validated_at = order.validated_at();
        if decided_at < validated_at {
            return Err(RefundError::CancellationBeforeValidation {
                decided_at,
                validated_at,
            });
        }
        Ok(CancellationFacts {
            ground,
            decided_at,
            decided_on: clock::paris_date(&decided_at)?,
            contract_day: clock::paris_date(&validated_at)?,
        })
    }

    /// Why the products will not be delivered.
    pub fn ground(&self) -> CancellationGround {
        self.ground
    }

    /// When the customer chose the refund, or the termination took effect.
    pub fn decided_at(&self) -> DateTime<Utc> {
        self.decided_at
    }

    /// Its Paris date.
    pub fn decided_on(&self) -> NaiveDate {
        self.decided_on
    }

    /// The day the contract was concluded (the order validated), Paris time.
    pub fn contract_day(&self) -> NaiveDate {
        self.contract_day
    }
}

/// What the shop owes for the refund of products it will not deliver, paid at a given
/// instant: the refund, its due date (L216-7), the L241-4 surcharge when paid late, and the
/// total. The counterpart, for cancellations and terminations, of
/// [`RefundDecision`](crate::RefundDecision) for withdrawals.
///
/// # Example
///
/// The delivery work item's example: validated 2026-06-01 without an agreed date, delivery
/// due by 2026-07-01; terminated on 2026-07-10 with 100.00 paid; refund due by 2026-07-24;
/// paid on 2026-08-10, 17 days late: 20 % under L241-4 as Ordonnance n° 2021-1247 worded it,
/// 120.00 in all.
///
/// ```
/// use comptoir_calendar::{clock::Paris, Calendar};
/// # use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// # use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
/// use comptoir_dispatch::{DeliveryDeadline, DeliveryFacts, FormalNotice, Termination};
/// use comptoir_refund::{
///     Cancellation, CancellationDecision, CancellationFacts, RefundAmountPolicy, RefundLedger,
/// };
///
/// # let at = Paris::at(2026, 6, 1, 15, 0, 0)?;
/// # let (catalogue, context) = (Catalogue::default(), EvaluationContext::new(at));
/// # let terms = Terms::new(&catalogue, &context);
/// # let mut cart = Cart::new();
/// # cart.add_line(Line::new("l1".parse()?, "lampe".parse()?, "100.00".parse()?, Quantity::ONE)?, &terms)?;
/// # cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
/// # let order = cart.validate(CustomerId::new(42), &terms)?;
/// let deadline = DeliveryDeadline::for_order(&order, None)?;
/// assert_eq!(deadline.due().to_string(), "2026-07-01");
/// let notice = FormalNotice::new(&Paris::at(2026, 7, 2, 9, 0, 0)?, "2026-07-09".parse()?)?;
/// let facts = DeliveryFacts::default().with_formal_notice(notice);
/// let termination = Termination::compute(&deadline, &facts, &Paris::at(2026, 7, 10, 9, 0, 0)?)?;
///
/// let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
/// let refund = ledger.record(&order, Cancellation::everything_kept(&ledger, &order)?)?;
/// assert_eq!(refund.amount(), "100.00".parse()?);
///
/// let paid = Paris::at(2026, 8, 10, 10, 0, 0)?;
/// let decision = CancellationDecision::compute(
///     &refund,
///     &CancellationFacts::terminated(&order, &termination)?,
///     &paid,
///     &Calendar::metropolitan(),
/// )?;
/// assert_eq!(decision.due().last_day().to_string(), "2026-07-24");
/// assert_eq!(decision.days_late().get(), 17);
/// assert_eq!(decision.surcharge().percent(), 20);
/// assert_eq!(decision.total(), "120.00".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CancellationDecision {
    ground: CancellationGround,
    amount: Eur,
    due: Deadline,
    days_late: CalendarDays,
    surcharge: NonDeliverySurcharge,
    total: Eur,
}

impl CancellationDecision {
    /// The decision for `refund`, a cancellation's (REF-4) recorded in the order's
    /// [`RefundLedger`], given when and why it was decided (`facts`), paid (or planned) at
    /// `paid_at`; `calendar` bounds the dates (1900 to 2200).
    ///
    /// The surcharge is owed on the whole refund, delivery included ("la totalité des sommes
    /// versées").
    ///
    /// # Errors
    ///
    /// - [`RefundError::NotACancellation`] for a withdrawal's refund, whose deadline and
    ///   surcharge are [`RefundDecision`](crate::RefundDecision)'s;
    /// - [`RefundError::PaidBeforeCancellation`] for a payment before the decision;
    /// - [`RefundError::Calendar`] for a date out of the calendar's range or an instant the
    ///   Paris clock cannot read;
    /// - [`RefundError::Money`] on overflow.
    pub fn compute<Tz: TimeZone>(
        refund: &Refund,
        facts: &CancellationFacts,
        paid_at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<CancellationDecision, RefundError> {
        if refund.is_withdrawal() {
            return Err(RefundError::NotACancellation {
                refund: refund.number(),
            });
        }
        let paid_at_utc = paid_at.with_timezone(&Utc);
        if paid_at_utc < facts.decided_at {
            return Err(RefundError::PaidBeforeCancellation {
                paid_at: paid_at_utc,
                decided_at: facts.decided_at,
            });
        }
        let due = NON_DELIVERY_REFUND.deadline(facts.decided_on, calendar)?;
        let paid_on = clock::paris_date(paid_at)?;
        let days_late = if paid_on <= due.last_day() {
            CalendarDays::ZERO
        } else {
            CalendarDays::between(due.last_day(), paid_on)?
        };
        let surcharge = NonDeliverySurcharge::compute(
            AmountDue::new(refund.amount())?,
            days_late,
            facts.contract_day,
        )?;
        Ok(CancellationDecision {
            ground: facts.ground,
            amount: refund.amount(),
            due,
            days_late,
            surcharge,
            total: refund.amount().checked_add(surcharge.amount())?,
        })
    }

    /// Why the products were not delivered.
    pub fn ground(&self) -> CancellationGround {
        self.ground
    }

    /// The refund's amount.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// When the refund is due at the latest: 14 days after the decision (L216-7).
    pub fn due(&self) -> Deadline {
        self.due
    }

    /// Whole days the payment is late, 0 when on time.
    pub fn days_late(&self) -> CalendarDays {
        self.days_late
    }

    /// True when paid after the due date.
    pub fn is_late(&self) -> bool {
        self.days_late.get() > 0
    }

    /// The L241-4 surcharge (zero when on time).
    pub fn surcharge(&self) -> NonDeliverySurcharge {
        self.surcharge
    }

    /// What the shop pays: the refund and the surcharge.
    pub fn total(&self) -> Eur {
        self.total
    }
}

impl Cancellation {
    /// The cancellation of the item lines of `units`, as the order's
    /// [`Fulfilment`](comptoir_dispatch::Fulfilment) cancelled them, to record in the order's
    /// [`RefundLedger`]. Gift lines are left out: they were free, nothing is refunded for them.
    ///
    /// # Errors
    ///
    /// [`RefundError::NothingToRefund`] when `units` holds only gift lines.
    pub fn from_units(units: &CancelledUnits) -> Result<Cancellation, RefundError> {
        Cancellation::new(
            units
                .units()
                .iter()
                .filter_map(|(line, quantity)| match line {
                    LineRef::Item(id) => Some(CancelledLine::new(id.clone(), *quantity)),
                    LineRef::Gift(_) => None,
                }),
        )
    }

    /// The cancellation of every unit `order` still has after the refunds in `ledger`: a
    /// terminated contract refunds everything paid (L216-7).
    ///
    /// # Errors
    ///
    /// [`RefundError::NothingToRefund`] when no unit is left.
    pub fn everything_kept(
        ledger: &RefundLedger,
        order: &Order,
    ) -> Result<Cancellation, RefundError> {
        Cancellation::new(order.lines().iter().filter_map(|line| {
            let kept = ledger.kept_units(line.id())?;
            comptoir_promo::Quantity::new(kept)
                .ok()
                .map(|q| CancelledLine::new(line.id().clone(), q))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    // L241-4 (Ordonnance n° 2021-1247, art. 13): each boundary belongs to the lower step, and
    // the wording follows the contract's day.
    #[test]
    fn l241_4_steps_and_wordings() {
        let now = L2414Wording::for_contract(ymd(2022, 1, 1));
        let before = L2414Wording::for_contract(ymd(2021, 12, 31));
        assert_eq!(
            (now, before),
            (L2414Wording::From2022, L2414Wording::Before2022)
        );
        let steps = |w: L2414Wording| {
            [0, 1, 14, 15, 30, 31, 60, 61, 365].map(|d| w.percent(CalendarDays::new(d)))
        };
        assert_eq!(steps(now), [0, 10, 10, 20, 20, 50, 50, 50, 50]);
        assert_eq!(steps(before), [0, 10, 10, 10, 10, 20, 20, 50, 50]);
    }

    // L241-4: rounded half away from zero, no cap.
    #[test]
    fn l241_4_rounds_and_is_not_capped() {
        let due = AmountDue::new(Eur::from_cents(1_005)).unwrap();
        let s = NonDeliverySurcharge::compute(due, CalendarDays::new(3), ymd(2026, 1, 1)).unwrap();
        assert_eq!(s.amount(), Eur::from_cents(101)); // 1.005 -> 1.01
        let s =
            NonDeliverySurcharge::compute(due, CalendarDays::new(400), ymd(2026, 1, 1)).unwrap();
        assert_eq!(s.amount(), Eur::from_cents(503)); // 5.025 -> 5.03
    }
}
