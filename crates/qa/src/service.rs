//! The adapter a QA team implements over its own service, and what each step observes.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use comptoir_calendar::DayWindow;
use comptoir_cart::Delivery;
use comptoir_money::Eur;
use comptoir_promo::{Code, Line, LineId, LineRef, Quantity};
use comptoir_refund::{Cancellation, Return};
use comptoir_withdrawal::Receipt;

use crate::Shop;

/// An order's life as a service offers it: one method per step of the model, each answering
/// with what a client of the service observes, or a refusal.
///
/// Implement it over an HTTP client, a message queue, a database fixture: whatever drives
/// the service under test. [`ComptoirService`](crate::ComptoirService) implements it over the
/// crates themselves. The harness ([`OrderLifeTest`](crate::OrderLifeTest)) calls the methods
/// in the order the model draws and compares every answer with the model's prediction.
///
/// A method that fails for a reason outside the rules (the network, a timeout) should panic:
/// the run stops there and proptest reports the sequence that led to it.
pub trait OrderService {
    /// A service for one customer's order, in the shop `shop` describes: its catalogue, the
    /// evaluation context (the instant of validation among them) and its promo policy. A
    /// service with its own catalogue loads `shop.catalogue()` here, or the QA team draws
    /// shops that match theirs (see [`Shop::new`]).
    fn open(shop: &Shop) -> Self;

    /// Adds `line` to the cart (CART-2).
    ///
    /// # Errors
    ///
    /// [`Refusal::Locked`] once the order is validated.
    fn add_line(&mut self, line: &Line) -> Result<CartView, Refusal>;

    /// Removes the line `id` from the cart.
    ///
    /// # Errors
    ///
    /// [`Refusal::Locked`] once validated.
    fn remove_line(&mut self, id: &LineId) -> Result<CartView, Refusal>;

    /// Enters `code` (PROMO-1); a code the promotions refuse is not an error here: the cart
    /// observed says whether it was kept.
    ///
    /// # Errors
    ///
    /// [`Refusal::Locked`] once validated.
    fn enter_code(&mut self, code: &Code) -> Result<CartView, Refusal>;

    /// Removes an entered code.
    ///
    /// # Errors
    ///
    /// [`Refusal::CodeNotEntered`] for a code not in the cart; [`Refusal::Locked`] once
    /// validated.
    fn remove_code(&mut self, code: &Code) -> Result<CartView, Refusal>;

    /// Chooses the delivery (SHIP-1).
    ///
    /// # Errors
    ///
    /// [`Refusal::Locked`] once validated.
    fn choose_delivery(&mut self, delivery: &Delivery) -> Result<CartView, Refusal>;

    /// Validates the cart into an order at the shop's instant (CART-1, CART-3).
    ///
    /// # Errors
    ///
    /// [`Refusal::EmptyCart`], [`Refusal::NoDeliveryChosen`], [`Refusal::Locked`] for an
    /// order already validated.
    fn validate(&mut self) -> Result<OrderView, Refusal>;

    /// The order's dispatch dates (DISP-1..3).
    ///
    /// # Errors
    ///
    /// [`Refusal::NotValidated`] before validation.
    fn dispatch_schedule(&mut self) -> Result<DispatchView, Refusal>;

    /// Records that the customer received the order's parcel (SHIP-2) and answers with the
    /// withdrawal windows (RET-1).
    ///
    /// # Errors
    ///
    /// [`Refusal::NotValidated`] before validation.
    fn receive(&mut self, receipt: &Receipt) -> Result<WithdrawalView, Refusal>;

    /// Records a return notified at `notified_at` and answers with its refund (RET-1,
    /// REF-1).
    ///
    /// # Errors
    ///
    /// [`Refusal::WithdrawalClosed`] after the shop's withdrawal deadline;
    /// [`Refusal::NotReceived`] before the parcel was received.
    fn return_items(
        &mut self,
        items: &Return,
        notified_at: &DateTime<Utc>,
    ) -> Result<RefundView, Refusal>;

    /// Cancels units found unavailable before dispatch and answers with the refund (REF-4).
    ///
    /// # Errors
    ///
    /// [`Refusal::NotValidated`] before validation.
    fn cancel(&mut self, lines: &Cancellation) -> Result<RefundView, Refusal>;
}

/// Why a service refused a step: what the model predicts, not the wording of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The order is validated: the cart cannot change (CART-1).
    Locked,
    /// Validating a cart without lines.
    EmptyCart,
    /// Validating a cart without a delivery.
    NoDeliveryChosen,
    /// Removing a code that is not in the cart.
    CodeNotEntered,
    /// A step of an order that is not validated yet.
    NotValidated,
    /// A return before the parcel was received.
    NotReceived,
    /// A return notified after the shop's withdrawal deadline (RET-1).
    WithdrawalClosed,
    /// Any other refusal, with the service's words; the model never predicts one, so an
    /// adapter answering it fails the run.
    Other(String),
}

impl core::fmt::Display for Refusal {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Refusal::Locked => f.write_str("the order is validated"),
            Refusal::EmptyCart => f.write_str("the cart is empty"),
            Refusal::NoDeliveryChosen => f.write_str("no delivery chosen"),
            Refusal::CodeNotEntered => f.write_str("the code is not in the cart"),
            Refusal::NotValidated => f.write_str("the order is not validated"),
            Refusal::NotReceived => f.write_str("the parcel is not received"),
            Refusal::WithdrawalClosed => f.write_str("the withdrawal period is over"),
            Refusal::Other(why) => write!(f, "refused: {why}"),
        }
    }
}

/// One line of a cart or an order as the customer sees it: an item or a gift, its units,
/// and what it costs after discounts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LineView {
    /// The cart's line, or the offer whose gift it is.
    pub line: LineRef,
    /// Its units.
    pub quantity: Quantity,
    /// Its price before discounts: unit price times units.
    pub amount: Eur,
    /// What it costs after discounts.
    pub net: Eur,
}

/// A cart after a change: its lines, codes and figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CartView {
    /// The lines priced, gifts included, in the engine's order.
    pub lines: Vec<LineView>,
    /// The codes the cart keeps.
    pub codes: BTreeSet<Code>,
    /// The delivery's cost before discounts (zero without a delivery).
    pub shipping_amount: Eur,
    /// The delivery's cost after discounts.
    pub shipping_net: Eur,
    /// What the customer would pay.
    pub total: Eur,
}

/// A validated order's frozen figures (CART-3).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrderView {
    /// The lines priced at validation.
    pub lines: Vec<LineView>,
    /// The delivery's cost after discounts.
    pub shipping_net: Eur,
    /// The products' total: the lines' nets (PAY-4).
    pub products_total: Eur,
    /// What the customer pays.
    pub total: Eur,
}

/// The dispatch dates of a validated order (DISP-1..3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DispatchView {
    /// The business day the order is taken into account (the 11:00 cutoff).
    pub taken_into_account: NaiveDate,
    /// When the order is expected to leave.
    pub expected_dispatch: DayWindow,
    /// The last day the shop promised to dispatch it.
    pub dispatch_by: NaiveDate,
}

/// The withdrawal windows after the parcel's receipt (RET-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WithdrawalView {
    /// The Paris day the customer had the parcel in hand.
    pub receipt_day: NaiveDate,
    /// The last day of the law's 14-day window (L221-18).
    pub statutory_last_day: NaiveDate,
    /// The last day of the shop's window, never before the law's.
    pub contractual_last_day: NaiveDate,
}

/// A refund after a return or a cancellation (REF-1, REF-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RefundView {
    /// This refund.
    pub amount: Eur,
    /// Everything refunded on the order so far, this refund included.
    pub refunded_total: Eur,
}
