//! [`proptest`](mod@proptest) strategies for the after-sales rules: lawful guarantee policies,
//! cases opened on generated orders, and sequences of steps to drive them (RET-5).
//!
//! A step may be illegal in the state the case reaches: applying it must then fail with a
//! typed error and change nothing, which is itself a property worth checking.
//!
//! # Example
//!
//! ```
//! use comptoir_aftersales::strategies;
//! use comptoir_calendar::Calendar;
//! use proptest::prelude::*;
//!
//! let cal = Calendar::metropolitan();
//! proptest!(ProptestConfig::with_cases(16), |((mut fixture, steps) in (strategies::opened_case(), strategies::steps(6)))| {
//!     for step in &steps {
//!         let before = fixture.clone();
//!         if step.apply(&mut fixture, &cal).is_err() {
//!             prop_assert_eq!(&fixture, &before);
//!         }
//!     }
//! });
//! ```

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_calendar::{Calendar, CalendarDays};
use comptoir_cart::Order;
use comptoir_money::Eur;
use comptoir_refund::strategies::validated_order;
use comptoir_refund::{RefundAmountPolicy, RefundLedger};
use proptest::prelude::*;

use crate::{
    AfterSalesCase, AfterSalesError, Claim, Condition, Coverage, Finding, FindingKind,
    GuaranteePolicy, Months, Postage, Remedy,
};

/// A lawful policy: a guarantee of 24 to 48 months, presumptions from the law's up to the
/// guarantee, a repair extension of 6 to 12 months, and the shop's deadlines from 0 days to
/// the law's.
pub fn guarantee_policy() -> impl Strategy<Value = GuaranteePolicy> {
    (24u32..=48)
        .prop_flat_map(|guarantee| {
            (
                Just(guarantee),
                24u32..=guarantee,
                12u32..=guarantee,
                6u32..=12,
                0u32..=30,
                0u32..=14,
                0u32..=14,
            )
        })
        .prop_map(
            |(guarantee, new, used, extension, remedy, refund, postage)| GuaranteePolicy {
                guarantee: Months::new(guarantee),
                presumption_new: Months::new(new),
                presumption_second_hand: Months::new(used),
                repair_extension: Months::new(extension),
                remedy_within: CalendarDays::new(remedy),
                refund_within: CalendarDays::new(refund),
                postage_refund_within: CalendarDays::new(postage),
            },
        )
}

/// A case and what it needs to move: the order, its refund ledger, and the instant the next
/// step is measured from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFixture {
    /// The order the claimed product belongs to.
    pub order: Order,
    /// The order's refund ledger, which a termination records into.
    pub ledger: RefundLedger,
    /// The case.
    pub case: AfterSalesCase,
    /// The instant of the last step tried; the next one comes after it.
    pub now: DateTime<Utc>,
}

/// A case opened on a generated order (one unit of one of its lines): delivered 0 to 10 days
/// after validation, new or second-hand, requested 0 to 800 days later (claims past the
/// guarantee are left out), under a lawful policy.
pub fn opened_case() -> impl Strategy<Value = CaseFixture> {
    (
        validated_order(3),
        any::<prop::sample::Index>(),
        0i64..=10 * 24,
        0i64..=800 * 24,
        prop::sample::select(vec![Remedy::Repair, Remedy::Replacement]),
        prop::sample::select(vec![Condition::New, Condition::SecondHand]),
        guarantee_policy(),
    )
        .prop_filter_map(
            "a claim the guarantee covers",
            |(order, line, delivery_hours, request_hours, remedy, condition, policy)| {
                let calendar = Calendar::metropolitan();
                let line = order
                    .lines()
                    .get(line.index(order.lines().len()))?
                    .id()
                    .clone();
                let delivered = order
                    .validated_at()
                    .checked_add_signed(TimeDelta::hours(delivery_hours))?;
                let requested = delivered.checked_add_signed(TimeDelta::hours(request_hours))?;
                let ledger = RefundLedger::new(&order, RefundAmountPolicy::default()).ok()?;
                let coverage = Coverage::compute(&delivered, condition, &policy, &calendar).ok()?;
                let claim = Claim::new(line, remedy, "ne fonctionne plus", &requested).ok()?;
                let case =
                    AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &calendar)
                        .ok()?;
                Some(CaseFixture {
                    order,
                    ledger,
                    case,
                    now: requested,
                })
            },
        )
}

/// One thing that may happen to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// [`AfterSalesCase::record_prediagnosis`].
    Prediagnose,
    /// [`AfterSalesCase::receive_product`], the customer having paid the postage or not.
    ReceiveProduct {
        /// Whether the customer paid 6.50 of postage.
        customer_paid: bool,
    },
    /// [`AfterSalesCase::confirm_defect`].
    ConfirmDefect,
    /// [`AfterSalesCase::find_no_defect`].
    FindNoDefect,
    /// [`AfterSalesCase::switch_remedy`].
    SwitchRemedy,
    /// [`AfterSalesCase::refuse_conformity`].
    RefuseConformity,
    /// [`AfterSalesCase::deliver_remedy`].
    DeliverRemedy,
    /// [`AfterSalesCase::report_persisting_defect`].
    ReportPersisting,
    /// [`AfterSalesCase::acknowledge_serious_defect`].
    AcknowledgeSerious,
    /// [`AfterSalesCase::declare_minor_defect`].
    DeclareMinor,
    /// [`AfterSalesCase::reduce_price`] by this many per mille of the net paid (above 1 000:
    /// more than was paid, which must be refused).
    ReducePrice {
        /// The reduction, in thousandths of the net paid.
        per_mille: u32,
    },
    /// [`AfterSalesCase::terminate`].
    Terminate,
    /// [`AfterSalesCase::receive_returned_goods`].
    ReceiveReturnedGoods,
    /// [`AfterSalesCase::prove_return_dispatch`].
    ProveReturnDispatch,
    /// [`AfterSalesCase::pay_refund`].
    PayRefund,
}

/// An [`Action`] some hours after the fixture's last step (negative: before it, which must be
/// refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Step {
    /// Hours after [`CaseFixture::now`].
    pub after_hours: i64,
    /// What happens.
    pub action: Action,
}

impl Step {
    /// Applies the step to `fixture`: moves its `now` to the step's instant, then calls the
    /// case's transition. On an error, the case and the ledger must be unchanged (the fixture's
    /// `now` is restored too).
    ///
    /// # Errors
    ///
    /// The transition's error.
    pub fn apply(
        &self,
        fixture: &mut CaseFixture,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let previous = fixture.now;
        let at = previous
            .checked_add_signed(TimeDelta::hours(self.after_hours))
            .unwrap_or(previous);
        let result = self.call(fixture, &at, calendar);
        fixture.now = if result.is_ok() {
            at.max(previous)
        } else {
            previous
        };
        result
    }

    fn call(
        &self,
        fixture: &mut CaseFixture,
        at: &DateTime<Utc>,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let case = &mut fixture.case;
        match self.action {
            Action::Prediagnose => case.record_prediagnosis(at, "pré-diagnostic"),
            Action::ReceiveProduct { customer_paid } => case.receive_product(
                at,
                if customer_paid {
                    Postage::PaidByCustomer(Eur::from_cents(650))
                } else {
                    Postage::Prepaid
                },
            ),
            Action::ConfirmDefect => case.confirm_defect(at, calendar),
            Action::FindNoDefect => {
                case.find_no_defect(at, Finding::new(FindingKind::NoDefect, "banc de test")?)
            }
            Action::SwitchRemedy => case.switch_remedy(at, "l'autre solution seule est possible"),
            Action::RefuseConformity => case.refuse_conformity(at, "plus aucun modèle"),
            Action::DeliverRemedy => case.deliver_remedy(at, calendar),
            Action::ReportPersisting => case.report_persisting_defect(at),
            Action::AcknowledgeSerious => case.acknowledge_serious_defect(at, "danger"),
            Action::DeclareMinor => case.declare_minor_defect(at, "défaut esthétique"),
            Action::ReducePrice { per_mille } => {
                let net = case.net_paid().cents();
                let cents = net.saturating_mul(i128::from(per_mille)) / 1_000;
                case.reduce_price(at, Eur::try_from_cents(cents)?, calendar)
            }
            Action::Terminate => case
                .terminate(at, &fixture.order, &mut fixture.ledger, calendar)
                .map(|_| ()),
            Action::ReceiveReturnedGoods => case.receive_returned_goods(at, calendar),
            Action::ProveReturnDispatch => case.prove_return_dispatch(at, calendar),
            Action::PayRefund => case.pay_refund(at),
        }
    }
}

/// Any action, the law's path and the FAQ's path weighted up so that sequences get far.
pub fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => Just(Action::Prediagnose),
        3 => any::<bool>().prop_map(|customer_paid| Action::ReceiveProduct { customer_paid }),
        3 => Just(Action::ConfirmDefect),
        1 => Just(Action::FindNoDefect),
        1 => Just(Action::SwitchRemedy),
        1 => Just(Action::RefuseConformity),
        3 => Just(Action::DeliverRemedy),
        1 => Just(Action::ReportPersisting),
        1 => Just(Action::AcknowledgeSerious),
        1 => Just(Action::DeclareMinor),
        2 => (0u32..=1_100).prop_map(|per_mille| Action::ReducePrice { per_mille }),
        2 => Just(Action::Terminate),
        1 => Just(Action::ReceiveReturnedGoods),
        1 => Just(Action::ProveReturnDispatch),
        2 => Just(Action::PayRefund),
    ]
}

/// 1 to `max` steps, each 0 to 60 days after the previous one (one in twenty dated before it).
pub fn steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    let hours = prop_oneof![
        19 => 0i64..=60 * 24,
        1 => -30i64 * 24..0,
    ];
    prop::collection::vec(
        (hours, action()).prop_map(|(after_hours, action)| Step {
            after_hours,
            action,
        }),
        1..=max.max(1),
    )
}
