//! The adapter over the comptoir crates themselves: what a service built on them answers.

use chrono::{DateTime, Utc};
use comptoir_cart::{CartError, CartOrOrder, Delivery, Order};
use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
use comptoir_promo::{Code, Line, LineId};
use comptoir_refund::{Cancellation, RefundAmountPolicy, RefundCause, RefundLedger, Return};
use comptoir_withdrawal::{Receipt, WithdrawalPolicy, WithdrawalWindows};

use crate::Shop;
use crate::model::{cart_view, order_view};
use crate::service::{
    CartView, DispatchView, OrderService, OrderView, RefundView, Refusal, WithdrawalView,
};

/// [`OrderService`] over the crates: a [`CartOrOrder`] for the cart and its lock, the
/// dispatch schedule, the withdrawal windows and a [`RefundLedger`], as a back office built
/// on them keeps them.
#[derive(Debug, Clone)]
pub struct ComptoirService {
    shop: Shop,
    stored: CartOrOrder,
    ledger: Option<RefundLedger>,
    windows: Option<WithdrawalWindows>,
}

impl ComptoirService {
    fn cart_view(&self) -> Result<CartView, Refusal> {
        let cart = self.stored.as_cart().ok_or(Refusal::Locked)?;
        let evaluation = cart.evaluate(&self.shop.terms()).map_err(other)?;
        Ok(cart_view(cart, &evaluation))
    }

    fn order(&self) -> Result<&Order, Refusal> {
        self.stored.as_order().ok_or(Refusal::NotValidated)
    }

    fn record(&mut self, cause: RefundCause) -> Result<RefundView, Refusal> {
        let order = self.stored.as_order().ok_or(Refusal::NotValidated)?;
        let ledger = self.ledger.as_mut().ok_or(Refusal::NotValidated)?;
        let refund = ledger.record(order, cause).map_err(other)?;
        Ok(RefundView {
            amount: refund.amount(),
            refunded_total: ledger.refunded().map_err(other)?,
        })
    }
}

fn other(e: impl core::fmt::Display) -> Refusal {
    Refusal::Other(e.to_string())
}

fn cart_error(e: CartError) -> Refusal {
    match e {
        CartError::Locked { .. } => Refusal::Locked,
        CartError::EmptyCart => Refusal::EmptyCart,
        CartError::NoDeliveryChosen => Refusal::NoDeliveryChosen,
        CartError::CodeNotEntered { .. } => Refusal::CodeNotEntered,
        e => other(e),
    }
}

impl OrderService for ComptoirService {
    fn open(shop: &Shop) -> ComptoirService {
        ComptoirService {
            shop: shop.clone(),
            stored: CartOrOrder::Cart(comptoir_cart::Cart::new()),
            ledger: None,
            windows: None,
        }
    }

    fn add_line(&mut self, line: &Line) -> Result<CartView, Refusal> {
        let shop = self.shop.clone();
        self.stored
            .add_line(line.clone(), &shop.terms())
            .map_err(cart_error)?;
        self.cart_view()
    }

    fn remove_line(&mut self, id: &LineId) -> Result<CartView, Refusal> {
        let shop = self.shop.clone();
        self.stored
            .remove_line(id, &shop.terms())
            .map_err(cart_error)?;
        self.cart_view()
    }

    fn enter_code(&mut self, code: &Code) -> Result<CartView, Refusal> {
        let shop = self.shop.clone();
        self.stored
            .enter_code(code.as_str(), &shop.terms())
            .map_err(cart_error)?;
        self.cart_view()
    }

    fn remove_code(&mut self, code: &Code) -> Result<CartView, Refusal> {
        let shop = self.shop.clone();
        self.stored
            .remove_code(code.as_str(), &shop.terms())
            .map_err(cart_error)?;
        self.cart_view()
    }

    fn choose_delivery(&mut self, delivery: &Delivery) -> Result<CartView, Refusal> {
        let shop = self.shop.clone();
        self.stored
            .choose_delivery(*delivery, &shop.terms())
            .map_err(cart_error)?;
        self.cart_view()
    }

    fn validate(&mut self) -> Result<OrderView, Refusal> {
        let shop = self.shop.clone();
        let order = self
            .stored
            .validate(Shop::CUSTOMER, &shop.terms())
            .map_err(cart_error)?;
        let view = order_view(order);
        self.ledger = Some(RefundLedger::new(order, RefundAmountPolicy::default()).map_err(other)?);
        Ok(view)
    }

    fn dispatch_schedule(&mut self) -> Result<DispatchView, Refusal> {
        let order = self.order()?;
        let schedule = DispatchSchedule::compute(
            &order.validated_at(),
            &DispatchPolicy::default(),
            &Shop::calendar(),
        )
        .map_err(other)?;
        Ok(DispatchView {
            taken_into_account: schedule.taken_into_account(),
            expected_dispatch: schedule.expected_dispatch(),
            dispatch_by: schedule.dispatch_by(),
        })
    }

    fn receive(&mut self, receipt: &Receipt) -> Result<WithdrawalView, Refusal> {
        let order = self.order()?;
        let windows = WithdrawalWindows::compute(
            &order.validated_at(),
            &[*receipt],
            Shop::REGION,
            &WithdrawalPolicy::default(),
            &Shop::calendar(),
        )
        .map_err(other)?;
        self.windows = Some(windows);
        Ok(WithdrawalView {
            receipt_day: windows.last_receipt_day(),
            statutory_last_day: windows.statutory().last_day(),
            contractual_last_day: windows.contractual().last_day(),
        })
    }

    fn return_items(
        &mut self,
        items: &Return,
        notified_at: &DateTime<Utc>,
    ) -> Result<RefundView, Refusal> {
        self.order()?;
        let windows = self.windows.ok_or(Refusal::NotReceived)?;
        if !windows
            .contractual()
            .is_on_time(notified_at)
            .map_err(other)?
        {
            return Err(Refusal::WithdrawalClosed);
        }
        self.record(items.clone().into())
    }

    fn cancel(&mut self, lines: &Cancellation) -> Result<RefundView, Refusal> {
        self.record(lines.clone().into())
    }
}
