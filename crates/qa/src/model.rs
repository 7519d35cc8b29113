//! The reference model: an order's life as a [`ReferenceStateMachine`], each step with the
//! answer the model predicts.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use comptoir_calendar::Calendar;
use comptoir_calendar::Region;
use comptoir_calendar::strategies as calendar;
use comptoir_cart::strategies as cart_strategies;
use comptoir_cart::{Cart, CustomerId, Delivery, Order, Terms};
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
use comptoir_promo::strategies as promo;
use comptoir_promo::{
    Catalogue, Code, EvaluatedLine, Evaluation, EvaluationContext, Line, LineId, LineRef,
    PromoPolicy, Quantity,
};
use comptoir_refund::{
    Cancellation, CancelledLine, RefundAmountPolicy, RefundLedger, Return, ReturnedItem,
};
use comptoir_withdrawal::{Receipt, WithdrawalPolicy, WithdrawalWindows};
use proptest::prelude::*;
use proptest_state_machine::ReferenceStateMachine;

use crate::service::{
    CartView, DispatchView, LineView, OrderView, RefundView, Refusal, WithdrawalView,
};

/// The shop an order lives in: its catalogue of offers, the evaluation context (the instant
/// the cart is validated, first order or not, ...) and its promo policy. The other policies
/// are the FAQ's defaults ([`DispatchPolicy`], [`WithdrawalPolicy`], [`RefundAmountPolicy`]),
/// on the metropolitan calendar, for customer 1 living in metropolitan France.
#[derive(Debug, Clone)]
pub struct Shop {
    catalogue: Catalogue,
    context: EvaluationContext,
    policy: PromoPolicy,
}

impl Shop {
    /// The customer every order of the model belongs to.
    pub const CUSTOMER: CustomerId = CustomerId::new(1);

    /// Where the customer lives: the law's withdrawal window runs on this region's legal
    /// calendar.
    pub const REGION: Region = Region::Metropolitan;

    /// A shop with `catalogue`, evaluating carts in `context` under `policy`.
    pub fn new(catalogue: Catalogue, context: EvaluationContext, policy: PromoPolicy) -> Shop {
        Shop {
            catalogue,
            context,
            policy,
        }
    }

    /// The offers.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The evaluation context; its instant is when the cart is validated.
    pub fn context(&self) -> &EvaluationContext {
        &self.context
    }

    /// The promo policy.
    pub fn policy(&self) -> PromoPolicy {
        self.policy
    }

    /// When the cart is validated.
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.context.at()
    }

    /// The terms carts are priced under.
    pub fn terms(&self) -> Terms<'_> {
        Terms::new(&self.catalogue, &self.context).with_policy(self.policy)
    }

    /// The shop's calendar: the metropolitan one.
    pub fn calendar() -> Calendar {
        Calendar::metropolitan()
    }
}

/// Any shop: up to 6 offers of any kind (codes `CODE0`..`CODE4` among them, so that entered
/// codes meet offers), a validation instant in 2026 half the time, near the 11:00 cutoff on
/// any day from 1996 to 2199 (summer-time Sundays included) the other half, first order or
/// not, any promo policy.
pub fn shop() -> impl Strategy<Value = Shop> {
    let eleven = NaiveTime::from_hms_opt(11, 0, 0).unwrap_or(NaiveTime::MIN);
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single();
    let end = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single();
    let in_2026 = match (start, end) {
        (Some(start), Some(end)) => calendar::instant_between(start, end),
        _ => calendar::instant_between(DateTime::UNIX_EPOCH, DateTime::UNIX_EPOCH),
    };
    (
        promo::catalogue(6),
        prop_oneof![in_2026, calendar::instant_near_cutoff(eleven)],
        any::<bool>(),
        promo::policy(),
    )
        .prop_map(|(catalogue, at, first, policy)| {
            Shop::new(
                catalogue,
                EvaluationContext::new(at).first_order(first),
                policy,
            )
        })
}

/// A step of an order's life: a transition of the model, a call of
/// [`OrderService`](crate::OrderService).
#[derive(Debug, Clone)]
pub enum Step {
    /// [`OrderService::add_line`](crate::OrderService::add_line).
    AddLine(Line),
    /// [`OrderService::remove_line`](crate::OrderService::remove_line).
    RemoveLine(LineId),
    /// [`OrderService::enter_code`](crate::OrderService::enter_code).
    EnterCode(Code),
    /// [`OrderService::remove_code`](crate::OrderService::remove_code).
    RemoveCode(Code),
    /// [`OrderService::choose_delivery`](crate::OrderService::choose_delivery).
    ChooseDelivery(Delivery),
    /// [`OrderService::validate`](crate::OrderService::validate).
    Validate,
    /// [`OrderService::dispatch_schedule`](crate::OrderService::dispatch_schedule).
    DispatchSchedule,
    /// [`OrderService::receive`](crate::OrderService::receive).
    Receive(Receipt),
    /// [`OrderService::return_items`](crate::OrderService::return_items): units of one line
    /// notified at an instant.
    Return {
        /// The line.
        line: LineId,
        /// Its units sent back.
        units: Quantity,
        /// When the customer notified the withdrawal.
        notified_at: DateTime<Utc>,
    },
    /// [`OrderService::cancel`](crate::OrderService::cancel): units of one line found
    /// unavailable.
    Cancel {
        /// The line.
        line: LineId,
        /// Its units cancelled.
        units: Quantity,
    },
}

impl Step {
    /// The return this step sends, if it is a [`Step::Return`].
    pub fn to_return(&self) -> Option<Return> {
        match self {
            Step::Return { line, units, .. } => {
                Return::new([ReturnedItem::item(line.clone(), *units)]).ok()
            }
            _ => None,
        }
    }

    /// The cancellation this step sends, if it is a [`Step::Cancel`].
    pub fn to_cancellation(&self) -> Option<Cancellation> {
        match self {
            Step::Cancel { line, units } => {
                Cancellation::new([CancelledLine::new(line.clone(), *units)]).ok()
            }
            _ => None,
        }
    }
}

/// What the model predicts a step answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prediction {
    /// The cart after a change.
    Cart(CartView),
    /// The order at validation.
    Order(OrderView),
    /// The dispatch dates.
    Dispatch(DispatchView),
    /// The withdrawal windows after the receipt.
    Withdrawal(WithdrawalView),
    /// A refund.
    Refund(RefundView),
    /// A refusal.
    Refused(Refusal),
}

/// Where the order is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// A cart that can change.
    Cart,
    /// A validated order, its parcel not received yet.
    Validated,
    /// The parcel is in the customer's hands.
    Received,
}

/// The model's state: where the order is, what it holds, and the prediction for the last
/// step.
#[derive(Debug, Clone)]
pub struct OrderLife {
    shop: Shop,
    stage: Stage,
    cart: Cart,
    next_line: u32,
    order: Option<Order>,
    receipt: Option<Receipt>,
    windows: Option<WithdrawalWindows>,
    ledger: Option<RefundLedger>,
    kept: BTreeMap<LineId, u32>,
    prediction: Option<Prediction>,
}

impl OrderLife {
    /// An empty cart in `shop`.
    pub fn new(shop: Shop) -> OrderLife {
        OrderLife {
            shop,
            stage: Stage::Cart,
            cart: Cart::new(),
            next_line: 0,
            order: None,
            receipt: None,
            windows: None,
            ledger: None,
            kept: BTreeMap::new(),
            prediction: None,
        }
    }

    /// The shop.
    pub fn shop(&self) -> &Shop {
        &self.shop
    }

    /// Where the order is.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The order, once validated.
    pub fn order(&self) -> Option<&Order> {
        self.order.as_ref()
    }

    /// The units of each item line still kept (neither returned nor cancelled), once
    /// validated.
    pub fn kept_units(&self) -> &BTreeMap<LineId, u32> {
        &self.kept
    }

    /// What the model predicts the last step answered; `None` before any step.
    pub fn prediction(&self) -> Option<&Prediction> {
        self.prediction.as_ref()
    }

    fn refused(mut self, why: Refusal) -> OrderLife {
        self.prediction = Some(Prediction::Refused(why));
        self
    }

    fn priced(mut self) -> OrderLife {
        let prediction = match self.cart.evaluate(&self.shop.terms()) {
            Ok(evaluation) => Prediction::Cart(cart_view(&self.cart, &evaluation)),
            Err(e) => Prediction::Refused(Refusal::Other(e.to_string())),
        };
        self.prediction = Some(prediction);
        self
    }

    fn next_line_id(&self) -> Option<LineId> {
        LineId::new(format!("l{}", self.next_line)).ok()
    }

    /// True when `step` can follow this state: the model only draws such steps, and
    /// shrinking keeps only sequences of them.
    pub fn allows(&self, step: &Step) -> bool {
        match (self.stage, step) {
            (Stage::Cart, Step::AddLine(line)) => {
                self.cart.lines().iter().all(|l| l.id() != line.id())
            }
            (Stage::Cart, Step::RemoveLine(id)) => self.cart.lines().iter().any(|l| l.id() == id),
            (_, Step::Receive(receipt)) => {
                self.stage != Stage::Received && receipt.arrival() >= self.shop.validated_at()
            }
            (Stage::Validated, Step::Cancel { line, units }) => {
                self.kept.get(line).is_some_and(|kept| units.get() <= *kept)
            }
            (Stage::Received, Step::Cancel { .. }) => false,
            (
                Stage::Received,
                Step::Return {
                    line,
                    units,
                    notified_at,
                },
            ) => {
                self.kept.get(line).is_some_and(|kept| units.get() <= *kept)
                    && self.receipt.is_some_and(|r| *notified_at >= r.possession())
            }
            _ => true,
        }
    }

    fn apply_step(self, step: &Step) -> OrderLife {
        let locked = self.stage != Stage::Cart;
        match step {
            Step::AddLine(_)
            | Step::RemoveLine(_)
            | Step::EnterCode(_)
            | Step::RemoveCode(_)
            | Step::ChooseDelivery(_)
            | Step::Validate
                if locked =>
            {
                self.refused(Refusal::Locked)
            }
            Step::AddLine(line) => self.change(
                |cart, terms| cart.add_line(line.clone(), terms).map(drop),
                true,
            ),
            Step::RemoveLine(id) => {
                self.change(|cart, terms| cart.remove_line(id, terms).map(drop), false)
            }
            Step::EnterCode(code) => self.change(
                |cart, terms| cart.enter_code(code.as_str(), terms).map(drop),
                false,
            ),
            Step::RemoveCode(code) => {
                // Independent of the crates: a code not in the cart cannot be removed.
                if self.cart.codes().contains(code) {
                    self.change(
                        |cart, terms| cart.remove_code(code.as_str(), terms).map(drop),
                        false,
                    )
                } else {
                    self.refused(Refusal::CodeNotEntered)
                }
            }
            Step::ChooseDelivery(delivery) => self.change(
                |cart, terms| cart.choose_delivery(*delivery, terms).map(drop),
                false,
            ),
            Step::Validate => self.validate(),
            Step::DispatchSchedule => self.dispatch_schedule(),
            Step::Receive(receipt) => self.receive(*receipt),
            Step::Return {
                line,
                units,
                notified_at,
            } => self.return_items(step, line, *units, notified_at),
            Step::Cancel { line, units } => self.cancel(step, line, *units),
        }
    }

    fn change(
        mut self,
        edit: impl FnOnce(&mut Cart, &Terms<'_>) -> Result<(), comptoir_cart::CartError>,
        new_line: bool,
    ) -> OrderLife {
        let shop = self.shop.clone();
        if let Err(e) = edit(&mut self.cart, &shop.terms()) {
            return self.refused(Refusal::Other(e.to_string()));
        }
        if new_line {
            self.next_line = self.next_line.saturating_add(1);
        }
        self.priced()
    }

    fn validate(mut self) -> OrderLife {
        // Independent of the crates: an empty cart or one without delivery is refused.
        if self.cart.lines().is_empty() {
            return self.refused(Refusal::EmptyCart);
        }
        if self.cart.delivery().is_none() {
            return self.refused(Refusal::NoDeliveryChosen);
        }
        let shop = self.shop.clone();
        let order = match self.cart.clone().validate(Shop::CUSTOMER, &shop.terms()) {
            Ok(order) => order,
            Err(rejected) => return self.refused(Refusal::Other(rejected.error().to_string())),
        };
        let ledger = match RefundLedger::new(&order, RefundAmountPolicy::default()) {
            Ok(ledger) => ledger,
            Err(e) => return self.refused(Refusal::Other(e.to_string())),
        };
        self.kept = order
            .lines()
            .iter()
            .map(|l| (l.id().clone(), l.quantity().get()))
            .collect();
        self.prediction = Some(Prediction::Order(order_view(&order)));
        self.order = Some(order);
        self.ledger = Some(ledger);
        self.stage = Stage::Validated;
        self
    }

    fn dispatch_schedule(mut self) -> OrderLife {
        if self.order.is_none() {
            return self.refused(Refusal::NotValidated);
        }
        // Delegated: the dispatch dates are the calendar's and the dispatch crate's to count.
        let prediction = match DispatchSchedule::compute(
            &self.shop.validated_at(),
            &DispatchPolicy::default(),
            &Shop::calendar(),
        ) {
            Ok(schedule) => Prediction::Dispatch(DispatchView {
                taken_into_account: schedule.taken_into_account(),
                expected_dispatch: schedule.expected_dispatch(),
                dispatch_by: schedule.dispatch_by(),
            }),
            Err(e) => Prediction::Refused(Refusal::Other(e.to_string())),
        };
        self.prediction = Some(prediction);
        self
    }

    fn receive(mut self, receipt: Receipt) -> OrderLife {
        if self.order.is_none() {
            return self.refused(Refusal::NotValidated);
        }
        // Delegated: the windows roll on the legal calendar and the customer's clock.
        let windows = match WithdrawalWindows::compute(
            &self.shop.validated_at(),
            &[receipt],
            Shop::REGION,
            &WithdrawalPolicy::default(),
            &Shop::calendar(),
        ) {
            Ok(windows) => windows,
            Err(e) => return self.refused(Refusal::Other(e.to_string())),
        };
        self.prediction = Some(Prediction::Withdrawal(WithdrawalView {
            receipt_day: windows.last_receipt_day(),
            statutory_last_day: windows.statutory().last_day(),
            contractual_last_day: windows.contractual().last_day(),
        }));
        self.receipt = Some(receipt);
        self.windows = Some(windows);
        self.stage = Stage::Received;
        self
    }

    fn return_items(
        self,
        step: &Step,
        line: &LineId,
        units: Quantity,
        notified_at: &DateTime<Utc>,
    ) -> OrderLife {
        if self.order.is_none() {
            return self.refused(Refusal::NotValidated);
        }
        let Some(windows) = self.windows else {
            return self.refused(Refusal::NotReceived);
        };
        match windows.contractual().is_on_time(notified_at) {
            Ok(true) => {}
            Ok(false) => return self.refused(Refusal::WithdrawalClosed),
            Err(e) => return self.refused(Refusal::Other(e.to_string())),
        }
        match step.to_return() {
            Some(items) => self.record(items.into(), line, units),
            None => self.refused(Refusal::Other("not a return".into())),
        }
    }

    fn cancel(self, step: &Step, line: &LineId, units: Quantity) -> OrderLife {
        if self.order.is_none() {
            return self.refused(Refusal::NotValidated);
        }
        match step.to_cancellation() {
            Some(cancellation) => self.record(cancellation.into(), line, units),
            None => self.refused(Refusal::Other("not a cancellation".into())),
        }
    }

    fn record(
        mut self,
        cause: comptoir_refund::RefundCause,
        line: &LineId,
        units: Quantity,
    ) -> OrderLife {
        let (Some(order), Some(ledger)) = (self.order.as_ref(), self.ledger.as_mut()) else {
            return self.refused(Refusal::NotValidated);
        };
        // Delegated: repricing what is kept under the frozen offers is the refund engine.
        let prediction = match ledger.record(order, cause) {
            Ok(refund) => match ledger.refunded() {
                Ok(total) => Prediction::Refund(RefundView {
                    amount: refund.amount(),
                    refunded_total: total,
                }),
                Err(e) => Prediction::Refused(Refusal::Other(e.to_string())),
            },
            Err(e) => Prediction::Refused(Refusal::Other(e.to_string())),
        };
        if matches!(prediction, Prediction::Refund(_))
            && let Some(kept) = self.kept.get_mut(line)
        {
            *kept = kept.saturating_sub(units.get());
        }
        self.prediction = Some(prediction);
        self
    }

    fn cart_steps(&self) -> BoxedStrategy<Step> {
        let add = match self.next_line_id() {
            Some(id) => promo::line_with_id(id).prop_map(Step::AddLine).boxed(),
            None => Just(Step::Validate).boxed(),
        };
        let ids: Vec<LineId> = self.cart.lines().iter().map(|l| l.id().clone()).collect();
        let ready = !ids.is_empty() && self.cart.delivery().is_some();
        let remove = if ids.is_empty() {
            Just(Step::Validate).boxed()
        } else {
            proptest::sample::select(ids)
                .prop_map(Step::RemoveLine)
                .boxed()
        };
        prop_oneof![
            4 => add,
            1 => remove,
            2 => promo::code().prop_map(Step::EnterCode),
            1 => promo::code().prop_map(Step::RemoveCode),
            2 => cart_strategies::delivery().prop_map(Step::ChooseDelivery),
            if ready { 4 } else { 1 } => Just(Step::Validate),
            1 => Just(Step::DispatchSchedule),
        ]
        .boxed()
    }

    fn units_of(&self) -> Option<BoxedStrategy<(LineId, Quantity)>> {
        let kept: Vec<(LineId, u32)> = self
            .kept
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| (id.clone(), *n))
            .collect();
        if kept.is_empty() {
            return None;
        }
        Some(
            proptest::sample::select(kept)
                .prop_flat_map(|(id, n)| (Just(id), 1..=n))
                .prop_filter_map("a quantity", |(id, n)| Some((id, Quantity::new(n).ok()?)))
                .boxed(),
        )
    }

    fn validated_steps(&self) -> BoxedStrategy<Step> {
        let validated = self.shop.validated_at();
        let receive = (1i64..=30 * 24).prop_map(move |hours| {
            let at = validated
                .checked_add_signed(TimeDelta::hours(hours))
                .unwrap_or(validated);
            Step::Receive(Receipt::at_address(&at))
        });
        let locked = prop_oneof![
            promo::code().prop_map(Step::EnterCode),
            Just(Step::Validate),
        ];
        match self.units_of() {
            Some(units) => prop_oneof![
                1 => locked,
                1 => Just(Step::DispatchSchedule),
                3 => receive,
                2 => units.prop_map(|(line, units)| Step::Cancel { line, units }),
            ]
            .boxed(),
            None => {
                prop_oneof![1 => locked, 2 => Just(Step::DispatchSchedule), 3 => receive].boxed()
            }
        }
    }

    fn received_steps(&self) -> BoxedStrategy<Step> {
        let from = self
            .receipt
            .map_or(self.shop.validated_at(), |r| r.possession());
        let locked = promo::code().prop_map(Step::EnterCode);
        match self.units_of() {
            Some(units) => prop_oneof![
                1 => locked,
                1 => Just(Step::DispatchSchedule),
                8 => (units, 0i64..=40 * 24).prop_map(move |((line, units), hours)| Step::Return {
                    line,
                    units,
                    notified_at: from.checked_add_signed(TimeDelta::hours(hours)).unwrap_or(from),
                }),
            ]
            .boxed(),
            None => prop_oneof![1 => locked, 1 => Just(Step::DispatchSchedule)].boxed(),
        }
    }
}

impl ReferenceStateMachine for OrderLife {
    type State = OrderLife;
    type Transition = Step;

    fn init_state() -> BoxedStrategy<OrderLife> {
        shop().prop_map(OrderLife::new).boxed()
    }

    fn transitions(state: &OrderLife) -> BoxedStrategy<Step> {
        match state.stage {
            Stage::Cart => state.cart_steps(),
            Stage::Validated => state.validated_steps(),
            Stage::Received => state.received_steps(),
        }
    }

    fn apply(state: OrderLife, step: &Step) -> OrderLife {
        state.apply_step(step)
    }

    fn preconditions(state: &OrderLife, step: &Step) -> bool {
        state.allows(step)
    }
}

fn line_view(line: &EvaluatedLine) -> LineView {
    LineView {
        line: line.line().clone(),
        quantity: line.quantity(),
        amount: line.amount(),
        net: line.net(),
    }
}

/// The view of `cart` priced as `evaluation`.
pub(crate) fn cart_view(cart: &Cart, evaluation: &Evaluation) -> CartView {
    CartView {
        lines: evaluation.lines().iter().map(line_view).collect(),
        codes: cart.codes().clone(),
        shipping_amount: evaluation.shipping_amount(),
        shipping_net: evaluation.shipping_net(),
        total: evaluation.total(),
    }
}

/// The view of a validated `order`.
pub(crate) fn order_view(order: &Order) -> OrderView {
    OrderView {
        lines: order.evaluated_lines().iter().map(line_view).collect(),
        shipping_net: order.shipping_net(),
        products_total: order.products_total(),
        total: order.total(),
    }
}

/// True for a gift line.
pub(crate) fn is_gift(line: &LineView) -> bool {
    matches!(line.line, LineRef::Gift(_))
}
