//! A QA kit for an order's whole life: a reference model of it as a state machine, an adapter
//! trait a QA team implements over its own service, and the glue that runs the same random
//! sequences against the comptoir crates or against that service and compares every step.
//!
//! The rule crates each test their own rules; this crate tests a whole order's life against
//! one model, with [`proptest_state_machine`]: random sequences of steps drawn from the
//! model, applied to the service under test one by one, every answer compared with the
//! model's prediction, and a failing sequence shrunk to a minimal one.
//!
//! # The model
//!
//! [`OrderLife`] is the model's state ([`ReferenceStateMachine`](proptest_state_machine::ReferenceStateMachine));
//! its transitions are the [`Step`]s of an order's life as far as the crates go:
//!
//! | step | stage | predicted answer |
//! |---|---|---|
//! | [`Step::AddLine`], [`Step::RemoveLine`], [`Step::EnterCode`], [`Step::RemoveCode`], [`Step::ChooseDelivery`] | cart | the cart priced ([`CartView`]); after validation [`Refusal::Locked`] (CART-1); removing a code not entered [`Refusal::CodeNotEntered`] |
//! | [`Step::Validate`] | cart | the order's frozen figures ([`OrderView`], CART-3); an empty cart [`Refusal::EmptyCart`], none chosen [`Refusal::NoDeliveryChosen`] |
//! | [`Step::DispatchSchedule`] | validated | the dispatch dates ([`DispatchView`], DISP-1..3), instants around the 11:00 cutoff and summer-time changes |
//! | [`Step::Receive`] | validated | the withdrawal windows from the receipt ([`WithdrawalView`], SHIP-2, RET-1) |
//! | [`Step::Cancel`] | validated, not received | the refund of units found unavailable ([`RefundView`], REF-4) |
//! | [`Step::Return`] | received | the refund of units sent back (REF-1), or [`Refusal::WithdrawalClosed`] after the shop's deadline |
//!
//! Shops are drawn by [`shop`]: a catalogue of up to 6 offers of any kind with codes, a
//! validation instant in 2026 or near the cutoff from 1996 to 2199, any promo policy; the other
//! policies are the FAQ's defaults. One parcel carries the order.
//!
//! # What the harness checks, and how
//!
//! Every answer is checked two ways by [`OrderLifeTest`]:
//!
//! - **Equal to the prediction.** Where recomputing would copy the crates, the model asks
//!   them: the promotions' pricing of a cart (`comptoir-promo` through a [`Cart`](comptoir_cart::Cart)), the
//!   dispatch dates (`DispatchSchedule::compute`), the withdrawal deadlines on the legal
//!   calendar (`WithdrawalWindows::compute`) and each refund (`RefundLedger::record`, which
//!   reprices what is kept under the frozen offers). Against [`ComptoirService`] this checks
//!   that the crates' other entry points (the stored `CartOrOrder` and its lock) agree;
//!   against another service, that it gives the crates' answers.
//! - **Invariants computed without the crates**, from the answers alone: which steps are
//!   refused (a locked order, an empty cart, no delivery, a code not entered, steps before
//!   validation or receipt); a cart's total is its lines' nets plus shipping, each net between
//!   zero and the line's amount, shipping net between zero and its cost, the line added there
//!   and the line removed gone; the order costs exactly what the cart cost the moment before,
//!   its products' total is its nets; never taken into account before the Paris day of the
//!   order, expected dispatch not before that, the promised day not before the window ends;
//!   the law's withdrawal deadline at least 14 days after the receipt, the shop's never
//!   before it; every refund at least zero, the refunds adding up to the total the service
//!   reports, never above what was paid, and everything paid refunded once every item of an
//!   order without gifts has been returned or cancelled.
//!
//! # Running it against the crates
//!
//! ```
//! use comptoir_qa::{ComptoirService, run};
//! use proptest::test_runner::Config;
//!
//! let config = Config { cases: 8, failure_persistence: None, ..Config::default() };
//! run::<ComptoirService>(config, 1, 30)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! or, as a test of its own, with the `PROPTEST_*` settings and the regression file proptest
//! gives every test (this crate's `tests/order_life.rs` does exactly this):
//!
//! ```ignore
//! use comptoir_qa::{ComptoirService, OrderLifeTest};
//! use proptest_state_machine::prop_state_machine;
//!
//! prop_state_machine! {
//!     #[test]
//!     fn an_order_lives_as_the_model_says(sequential 1..40 => OrderLifeTest<ComptoirService>);
//! }
//! ```
//!
//! # Running it against your own service
//!
//! Implement [`OrderService`] over your client: one method per step, each answering with what
//! the service shows (or a [`Refusal`]); then run [`OrderLifeTest`] with your type. A wrong
//! answer fails the run with the step, the two answers and a minimal sequence leading there:
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use comptoir_cart::Delivery;
//! use comptoir_promo::{Code, Line, LineId};
//! use comptoir_qa::*;
//! use comptoir_refund::{Cancellation, Return};
//! use comptoir_withdrawal::Receipt;
//! use proptest::test_runner::{Config, TestError};
//!
//! /// A service that refunds one cent too much: the harness must catch it.
//! struct OneCentTooMuch(ComptoirService);
//!
//! impl OrderService for OneCentTooMuch {
//!     fn open(shop: &Shop) -> Self { OneCentTooMuch(ComptoirService::open(shop)) }
//!     fn add_line(&mut self, l: &Line) -> Result<CartView, Refusal> { self.0.add_line(l) }
//!     fn remove_line(&mut self, id: &LineId) -> Result<CartView, Refusal> { self.0.remove_line(id) }
//!     fn enter_code(&mut self, c: &Code) -> Result<CartView, Refusal> { self.0.enter_code(c) }
//!     fn remove_code(&mut self, c: &Code) -> Result<CartView, Refusal> { self.0.remove_code(c) }
//!     fn choose_delivery(&mut self, d: &Delivery) -> Result<CartView, Refusal> { self.0.choose_delivery(d) }
//!     fn validate(&mut self) -> Result<OrderView, Refusal> { self.0.validate() }
//!     fn dispatch_schedule(&mut self) -> Result<DispatchView, Refusal> { self.0.dispatch_schedule() }
//!     fn receive(&mut self, r: &Receipt) -> Result<WithdrawalView, Refusal> { self.0.receive(r) }
//!     fn return_items(&mut self, r: &Return, at: &DateTime<Utc>) -> Result<RefundView, Refusal> {
//!         self.0.return_items(r, at).map(one_cent_more)
//!     }
//!     fn cancel(&mut self, c: &Cancellation) -> Result<RefundView, Refusal> {
//!         self.0.cancel(c).map(one_cent_more)
//!     }
//! }
//!
//! fn one_cent_more(mut refund: RefundView) -> RefundView {
//!     let cent = comptoir_money::Eur::from_cents(1);
//!     refund.amount = refund.amount.checked_add(cent).unwrap();
//!     refund
//! }
//!
//! let config = Config { cases: 32, failure_persistence: None, ..Config::default() };
//! match run::<OneCentTooMuch>(config, 20, 40) {
//!     Err(failure) => match *failure {
//!         TestError::Fail(why, _minimal) => assert!(why.message().contains("Refund")),
//!         TestError::Abort(why) => panic!("gave up: {why}"),
//!     },
//!     Ok(()) => panic!("the harness missed a refund one cent too high"),
//! }
//! ```
//!
//!
//! # Property tests with the strategies
//!
//! The model is for whole lives; a single rule is tested with the `strategies` modules of the
//! rule crates (feature `proptest`), which draw valid values by construction: orders with
//! offers applied, sequences of returns and cancellations that fit them, instants around the
//! 11:00 cutoff and the summer-time changes. This example is the one `docs/testing.md`
//! walks through; it runs as this crate's documentation test:
//!
//! ```
//! use comptoir_calendar::{Calendar, clock, strategies as calendar};
//! use comptoir_dispatch::{DispatchPolicy, DispatchSchedule};
//! use comptoir_money::Eur;
//! use comptoir_refund::strategies::{self as returns, EventMix};
//! use comptoir_refund::{RefundAmountPolicy, RefundLedger};
//! use proptest::prelude::*;
//!
//! // REF-1, REF-4: whatever comes back, in whatever order, the refunds add up to what the
//! // ledger says and never exceed what was paid.
//! proptest!(|((order, events) in returns::order_and_events(4, EventMix::ALL))| {
//!     let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
//!     let mut refunded = Eur::ZERO;
//!     for event in events {
//!         refunded = refunded.checked_add(ledger.record(&order, event)?.amount())?;
//!     }
//!     prop_assert_eq!(refunded, ledger.refunded()?);
//!     prop_assert!(refunded <= order.total());
//! });
//!
//! // DISP-1: around the cutoff, to the second, on summer-time Sundays too.
//! let cal = Calendar::metropolitan();
//! let policy = DispatchPolicy::default();
//! proptest!(|(at in calendar::instant_near_cutoff(policy.cutoff))| {
//!     let schedule = DispatchSchedule::compute(&at, &policy, &cal)?;
//!     let paris = clock::paris_time(&at)?;
//!     let same_day = cal.is_business_day(paris.date())? && paris.time() < policy.cutoff;
//!     prop_assert_eq!(schedule.taken_into_account() == paris.date(), same_day);
//! });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//!
//! None: this crate exists for tests, and turns on the `proptest` feature of the rule crates
//! it drives.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod comptoir;
mod harness;
mod model;
mod service;

pub use comptoir::ComptoirService;
pub use harness::{Observed, OrderLifeTest, Sequence, run};
pub use model::{OrderLife, Prediction, Shop, Stage, Step, shop};
pub use service::{
    CartView, DispatchView, LineView, OrderService, OrderView, RefundView, Refusal, WithdrawalView,
};
