//! A withdrawal's refund as one decision: amount, due date, surcharge when late, total
//! (REF-1, REF-2, REF-3).

use chrono::{DateTime, TimeZone};
use comptoir_calendar::Calendar;
use comptoir_money::Eur;

use crate::outcome::Refund;
use crate::{
    AmountDue, CalendarDays, LegalInterestRate, ProductsPrice, RefundDeadlines, RefundDue,
    RefundError, RefundFacts, ReturnsPolicy, Surcharge,
};

/// What the shop owes for one withdrawal refund, paid at a given instant: the refund (REF-1),
/// its due date (REF-2), the L242-4 surcharge when paid late (REF-3), and the total.
///
/// One call wires the four computations a caller would otherwise chain by hand: the refund
/// amount is the surcharge's amount due, the price paid for the units returned its cap, so
/// neither can be swapped or mistaken.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Paris;
/// use comptoir_calendar::Calendar;
/// use comptoir_money::Decimal;
/// # use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// # use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
/// use comptoir_refund::{
///     LegalInterestRate, RefundAmountPolicy, RefundDecision, RefundFacts, RefundLedger,
///     ReturnedItem, Return, ReturnsPolicy,
/// };
/// # let at = Paris.with_ymd_and_hms(2025, 2, 20, 9, 0, 0).single().ok_or("instant")?;
/// # let context = EvaluationContext::new(at);
/// # let catalogue = Catalogue::default();
/// # let terms = Terms::new(&catalogue, &context);
/// # let mut cart = Cart::new();
/// # cart.add_line(Line::new("mug".parse()?, "mug".parse()?, "120.00".parse()?, Quantity::ONE)?, &terms)?;
/// # cart.add_line(Line::new("cup".parse()?, "cup".parse()?, "10.00".parse()?, Quantity::ONE)?, &terms)?;
/// # cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
/// # let order = cart.validate(CustomerId::new(1), &terms)?;
/// let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
/// let refund = ledger.record(&order, Return::new([ReturnedItem::item("mug".parse()?, Quantity::ONE)])?)?;
///
/// let notice = Paris.with_ymd_and_hms(2025, 3, 10, 9, 0, 0).single().ok_or("instant")?;
/// let back = Paris.with_ymd_and_hms(2025, 3, 13, 15, 0, 0).single().ok_or("instant")?;
/// let facts = RefundFacts::notified(&notice).with_goods_received(&back);
/// let paid = Paris.with_ymd_and_hms(2025, 4, 8, 10, 0, 0).single().ok_or("instant")?;
/// let rate = LegalInterestRate::new(Decimal::new(762, 2))?;
/// let decision = RefundDecision::compute(
///     &refund, &facts, &paid, rate, &ReturnsPolicy::default(), &Calendar::metropolitan(),
/// )?;
/// assert_eq!(decision.due().last_day().map(|d| d.to_string()), Some("2025-03-24".into()));
/// assert_eq!(decision.days_late().get(), 15);
/// assert_eq!(decision.surcharge().amount(), "6.00".parse()?); // 5 % of 120.00
/// assert_eq!(decision.total(), "126.00".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RefundDecision {
    amount: Eur,
    deadlines: RefundDeadlines,
    days_late: CalendarDays,
    surcharge: Surcharge,
    total: Eur,
}

impl RefundDecision {
    /// The decision for `refund`, a withdrawal's, given the withdrawal's `facts` and the
    /// instant `paid_at` the shop pays (or plans to), at the legal interest `legal_rate` in
    /// force, under `policy` (its refund deadlines and surcharge reading), on `calendar`.
    ///
    /// The surcharge is owed on the whole refund (delivery included) and capped at the price
    /// paid for the units returned ([`Refund::products_price`]).
    ///
    /// # Errors
    ///
    /// - [`RefundError::NotAWithdrawal`] for the refund of a cancellation (REF-4), whose
    ///   deadline and surcharge are [`CancellationDecision`](crate::CancellationDecision)'s;
    /// - the errors of [`RefundDeadlines::compute`] (contradictory facts, an invalid policy,
    ///   a date out of the calendar's range) and of [`RefundDeadlines::days_late`];
    /// - [`RefundError::Money`] on overflow.
    pub fn compute<Tz: TimeZone>(
        refund: &Refund,
        facts: &RefundFacts,
        paid_at: &DateTime<Tz>,
        legal_rate: LegalInterestRate,
        policy: &ReturnsPolicy,
        calendar: &Calendar,
    ) -> Result<RefundDecision, RefundError> {
        if !refund.is_withdrawal() {
            return Err(RefundError::NotAWithdrawal {
                refund: refund.number(),
            });
        }
        let deadlines = RefundDeadlines::compute(facts, &policy.refund, calendar)?;
        RefundDecision::of_deadlines(refund, deadlines, paid_at, legal_rate, policy)
    }

    /// The decision once the deadlines are known.
    fn of_deadlines<Tz: TimeZone>(
        refund: &Refund,
        deadlines: RefundDeadlines,
        paid_at: &DateTime<Tz>,
        legal_rate: LegalInterestRate,
        policy: &ReturnsPolicy,
    ) -> Result<RefundDecision, RefundError> {
        let days_late = deadlines.days_late(paid_at)?;
        let surcharge = Surcharge::compute_with(
            AmountDue::new(refund.amount())?,
            ProductsPrice::new(refund.products_price()?)?,
            days_late,
            legal_rate,
            &policy.surcharge,
        )?;
        Ok(RefundDecision {
            amount: refund.amount(),
            deadlines,
            days_late,
            surcharge,
            total: refund.amount().checked_add(surcharge.amount())?,
        })
    }

    /// As [`RefundDecision::compute`], at the consumers' legal interest rate published for
    /// the half-year of the first day late ([`LegalInterestRate::in_force_on`]); a refund
    /// paid on time needs no rate.
    ///
    /// # Errors
    ///
    /// As [`RefundDecision::compute`], and [`RefundError::LegalRateUnknown`] when the refund
    /// is late and the crates do not know that half-year's rate.
    pub fn compute_at_published_rate<Tz: TimeZone>(
        refund: &Refund,
        facts: &RefundFacts,
        paid_at: &DateTime<Tz>,
        policy: &ReturnsPolicy,
        calendar: &Calendar,
    ) -> Result<RefundDecision, RefundError> {
        if !refund.is_withdrawal() {
            return Err(RefundError::NotAWithdrawal {
                refund: refund.number(),
            });
        }
        let deadlines = RefundDeadlines::compute(facts, &policy.refund, calendar)?;
        let rate = match deadlines.due().last_day() {
            Some(last_day) if deadlines.days_late(paid_at)?.get() > 0 => {
                LegalInterestRate::in_force_on(CalendarDays::new(1).after(last_day)?)?
            }
            _ => LegalInterestRate::ZERO,
        };
        RefundDecision::of_deadlines(refund, deadlines, paid_at, rate, policy)
    }

    /// The refund's amount.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// The refund deadlines the facts give: ceiling, due date, expected window.
    pub fn deadlines(&self) -> &RefundDeadlines {
        &self.deadlines
    }

    /// When the refund is due at the latest, or pending until the goods or a proof of
    /// shipment.
    pub fn due(&self) -> RefundDue {
        self.deadlines.due()
    }

    /// Whole days the payment is late, 0 when on time.
    pub fn days_late(&self) -> CalendarDays {
        self.days_late
    }

    /// True when paid after the due date.
    pub fn is_late(&self) -> bool {
        self.days_late.get() > 0
    }

    /// The L242-4 surcharge (zero when on time).
    pub fn surcharge(&self) -> Surcharge {
        self.surcharge
    }

    /// What the shop pays: the refund and the surcharge.
    pub fn total(&self) -> Eur {
        self.total
    }
}
