//! The glue: runs the model's sequences against any [`OrderService`], compares each answer
//! with the prediction and checks the invariants the model computes on its own.

use std::collections::BTreeMap;
use std::marker::PhantomData;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use chrono::Days;
use comptoir_calendar::clock::paris_date;
use comptoir_money::Eur;
use comptoir_promo::{LineId, LineRef};
use proptest::test_runner::{Config, TestError, TestRunner};
use proptest_state_machine::{ReferenceStateMachine, StateMachineTest};

use crate::model::{OrderLife, Prediction, Step, is_gift};
use crate::service::{
    CartView, DispatchView, OrderService, OrderView, RefundView, Refusal, WithdrawalView,
};

/// The law's withdrawal period, counted here without the crates (L221-18).
const LEGAL_WITHDRAWAL_DAYS: u64 = 14;

/// The [`StateMachineTest`] that runs [`OrderLife`]'s sequences against the service `S`.
///
/// Each step calls `S`, then checks its answer two ways, panicking (which proptest turns into
/// a failure, then shrinks) on any difference:
///
/// - **as predicted**: the answer equals the model's [`Prediction`], refusals included;
/// - **on its own**: invariants computed from the answers alone, without the crates
///   (see the crate's documentation for the list).
///
/// Use it with `proptest_state_machine::prop_state_machine!` or through [`run`].
pub struct OrderLifeTest<S>(PhantomData<S>);

/// The service under test and what the harness has seen of it: the order's price, the
/// refunds, the units still kept.
#[derive(Debug)]
pub struct Observed<S> {
    service: S,
    last_cart: Option<CartView>,
    paid: Option<Eur>,
    has_gifts: bool,
    kept: BTreeMap<LineId, u32>,
    refunded: Eur,
}

impl<S> Observed<S> {
    /// The service.
    pub fn service(&self) -> &S {
        &self.service
    }

    /// Everything refunded so far, the sum of the refunds observed.
    pub fn refunded(&self) -> Eur {
        self.refunded
    }
}

impl<S: OrderService> StateMachineTest for OrderLifeTest<S> {
    type SystemUnderTest = Observed<S>;
    type Reference = OrderLife;

    fn init_test(state: &OrderLife) -> Observed<S> {
        Observed {
            service: S::open(state.shop()),
            last_cart: None,
            paid: None,
            has_gifts: false,
            kept: BTreeMap::new(),
            refunded: Eur::ZERO,
        }
    }

    fn apply(mut observed: Observed<S>, state: &OrderLife, step: Step) -> Observed<S> {
        let service = &mut observed.service;
        let answer = match &step {
            Step::AddLine(line) => service.add_line(line).map(Prediction::Cart),
            Step::RemoveLine(id) => service.remove_line(id).map(Prediction::Cart),
            Step::EnterCode(code) => service.enter_code(code).map(Prediction::Cart),
            Step::RemoveCode(code) => service.remove_code(code).map(Prediction::Cart),
            Step::ChooseDelivery(delivery) => {
                service.choose_delivery(delivery).map(Prediction::Cart)
            }
            Step::Validate => service.validate().map(Prediction::Order),
            Step::DispatchSchedule => service.dispatch_schedule().map(Prediction::Dispatch),
            Step::Receive(receipt) => service.receive(receipt).map(Prediction::Withdrawal),
            Step::Return { notified_at, .. } => match step.to_return() {
                Some(items) => service
                    .return_items(&items, notified_at)
                    .map(Prediction::Refund),
                None => Err(Refusal::Other("not a return".into())),
            },
            Step::Cancel { .. } => match step.to_cancellation() {
                Some(lines) => service.cancel(&lines).map(Prediction::Refund),
                None => Err(Refusal::Other("not a cancellation".into())),
            },
        };
        let answer = answer.unwrap_or_else(Prediction::Refused);
        assert_eq!(
            Some(&answer),
            state.prediction(),
            "the service's answer to {step:?} (left) differs from the model's prediction (right)"
        );
        observed.check(&step, &answer, state);
        observed
    }
}

impl<S> Observed<S> {
    /// The invariants the harness checks on the answers alone.
    fn check(&mut self, step: &Step, answer: &Prediction, state: &OrderLife) {
        match answer {
            Prediction::Cart(cart) => {
                check_cart(cart, step);
                self.last_cart = Some(cart.clone());
            }
            Prediction::Order(order) => self.check_order(order),
            Prediction::Dispatch(dispatch) => check_dispatch(dispatch, state),
            Prediction::Withdrawal(windows) => check_withdrawal(windows, step),
            Prediction::Refund(refund) => self.check_refund(refund, step),
            Prediction::Refused(_) => {}
        }
    }

    fn check_order(&mut self, order: &OrderView) {
        // CART-3: the order costs what the cart cost the moment before.
        if let Some(cart) = &self.last_cart {
            assert_eq!(
                order.total, cart.total,
                "the order's total is not the cart's"
            );
            assert_eq!(
                order.lines, cart.lines,
                "the order's lines are not the cart's"
            );
            assert_eq!(
                order.shipping_net, cart.shipping_net,
                "the order's shipping is not the cart's"
            );
        }
        let nets = Eur::try_sum(order.lines.iter().map(|l| l.net));
        assert_eq!(
            nets.ok(),
            Some(order.products_total),
            "the products' total is not the lines' nets"
        );
        assert_eq!(
            order.products_total.checked_add(order.shipping_net).ok(),
            Some(order.total),
            "the order's total is not its products' total plus shipping"
        );
        self.paid = Some(order.total);
        self.has_gifts = order.lines.iter().any(is_gift);
        self.kept = order
            .lines
            .iter()
            .filter_map(|l| match &l.line {
                LineRef::Item(id) => Some((id.clone(), l.quantity.get())),
                LineRef::Gift(_) => None,
            })
            .collect();
    }

    fn check_refund(&mut self, refund: &RefundView, step: &Step) {
        let paid = self.paid.unwrap_or(Eur::ZERO);
        assert!(
            !refund.amount.is_negative(),
            "a refund below zero: {}",
            refund.amount
        );
        let sum = self.refunded.checked_add(refund.amount).ok();
        assert_eq!(
            sum,
            Some(refund.refunded_total),
            "the refunds observed do not add up to the total the service reports"
        );
        self.refunded = refund.refunded_total;
        assert!(
            refund.refunded_total <= paid,
            "refunded {} of an order that cost {paid}",
            refund.refunded_total
        );
        if let Step::Return { line, units, .. } | Step::Cancel { line, units } = step
            && let Some(kept) = self.kept.get_mut(line)
        {
            *kept = kept.saturating_sub(units.get());
        }
        // REF-1, L221-24: once every item has left, an order without gifts is refunded in
        // full, delivery included (the default policy refunds the delivery paid).
        if !self.has_gifts && self.kept.values().all(|n| *n == 0) {
            assert_eq!(
                refund.refunded_total, paid,
                "every item returned or cancelled, yet not everything paid is refunded"
            );
        }
    }
}

fn check_cart(cart: &CartView, step: &Step) {
    let nets = Eur::try_sum(cart.lines.iter().map(|l| l.net));
    let total = nets.and_then(|n| n.checked_add(cart.shipping_net));
    assert_eq!(
        total.ok(),
        Some(cart.total),
        "the cart's total is not its nets plus shipping"
    );
    for line in &cart.lines {
        assert!(
            !line.net.is_negative() && line.net <= line.amount,
            "a line's net outside 0..=its amount: {line:?}"
        );
    }
    assert!(
        !cart.shipping_net.is_negative() && cart.shipping_net <= cart.shipping_amount,
        "shipping net outside 0..=its cost"
    );
    match step {
        Step::AddLine(added) => assert!(
            cart.lines
                .iter()
                .any(|l| l.line == LineRef::Item(added.id().clone())),
            "the line added is not in the cart"
        ),
        Step::RemoveLine(id) => assert!(
            cart.lines
                .iter()
                .all(|l| l.line != LineRef::Item(id.clone())),
            "the line removed is still in the cart"
        ),
        Step::RemoveCode(code) => {
            assert!(
                !cart.codes.contains(code),
                "the code removed is still in the cart"
            );
        }
        _ => {}
    }
}

fn check_dispatch(dispatch: &DispatchView, state: &OrderLife) {
    // DISP-1: never taken into account before the Paris day of the order.
    if let Ok(ordered_on) = paris_date(&state.shop().validated_at()) {
        assert!(
            dispatch.taken_into_account >= ordered_on,
            "taken into account before the order"
        );
    }
    assert!(
        dispatch.expected_dispatch.earliest() >= dispatch.taken_into_account,
        "expected to leave before it is taken into account"
    );
    assert!(
        dispatch.dispatch_by >= dispatch.expected_dispatch.latest(),
        "the promised day is before the expected window ends"
    );
}

fn check_withdrawal(windows: &WithdrawalView, step: &Step) {
    if let Step::Receive(receipt) = step
        && let Ok(day) = paris_date(&receipt.possession())
    {
        assert_eq!(
            windows.receipt_day, day,
            "the receipt's day is not the Paris day of possession"
        );
    }
    // RET-1, L221-18: at least 14 days after the receipt, and the shop's never shorter.
    let fourteen = windows
        .receipt_day
        .checked_add_days(Days::new(LEGAL_WITHDRAWAL_DAYS));
    assert!(
        fourteen.is_some_and(|d| windows.statutory_last_day >= d),
        "the law's window ends before receipt + 14 days"
    );
    assert!(
        windows.contractual_last_day >= windows.statutory_last_day,
        "the shop's window ends before the law's"
    );
}

/// What a failed run reports: the shop, the steps and proptest's counter of steps run.
pub type Sequence = (OrderLife, Vec<Step>, Option<Arc<AtomicUsize>>);

/// Runs `config.cases` random sequences of `min_steps..=max_steps` steps against the service
/// `S`, shrinking a failing one to a minimal sequence.
///
/// # Errors
///
/// The [`TestError`] proptest gives, boxed (it holds the whole sequence): [`TestError::Fail`] with the reason (the assertion that
/// failed, naming the step) and the minimal sequence; [`TestError::Abort`] when proptest
/// gives up (too many rejects in shrinking).
pub fn run<S: OrderService>(
    config: Config,
    min_steps: usize,
    max_steps: usize,
) -> Result<(), Box<TestError<Sequence>>> {
    let mut runner = TestRunner::new(config.clone());
    let strategy = OrderLife::sequential_strategy(min_steps..=max_steps.max(min_steps));
    runner
        .run(&strategy, |(state, steps, seen)| {
            OrderLifeTest::<S>::test_sequential(config.clone(), state, steps, seen);
            Ok(())
        })
        .map_err(Box::new)
}
