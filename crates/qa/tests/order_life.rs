//! The model of an order's life run against the crates themselves, and against services
//! that are wrong on purpose, to show the harness catches them (CART-1, CART-3, DISP-1,
//! RET-1, REF-1, REF-4).

use chrono::{DateTime, Utc};
use comptoir_cart::Delivery;
use comptoir_money::Eur;
use comptoir_promo::{Code, Line, LineId};
use comptoir_qa::{
    CartView, ComptoirService, DispatchView, OrderLifeTest, OrderService, OrderView, RefundView,
    Refusal, Shop, WithdrawalView, run,
};
use comptoir_refund::{Cancellation, Return};
use comptoir_withdrawal::Receipt;
use proptest::test_runner::{Config, TestError};
use proptest_state_machine::prop_state_machine;

prop_state_machine! {
    #![proptest_config(Config::with_cases(64))]

    // CART-1, CART-3, DISP-1..3, RET-1, REF-1, REF-4: every step of an order's life answers
    // what the model predicts and keeps the model's invariants.
    #[test]
    fn an_order_lives_as_the_model_says(sequential 1..40 => OrderLifeTest<ComptoirService>);
}

/// The crates, with one answer changed by `tamper`.
struct Tampered<const WHAT: u8>(ComptoirService);

const REFUND_ONE_CENT_MORE: u8 = 0;
const DISPATCH_A_DAY_EARLY: u8 = 1;
const CHANGE_AFTER_VALIDATION: u8 = 2;

impl<const WHAT: u8> OrderService for Tampered<WHAT> {
    fn open(shop: &Shop) -> Self {
        Tampered(ComptoirService::open(shop))
    }
    fn add_line(&mut self, line: &Line) -> Result<CartView, Refusal> {
        self.0.add_line(line)
    }
    fn remove_line(&mut self, id: &LineId) -> Result<CartView, Refusal> {
        self.0.remove_line(id)
    }
    fn enter_code(&mut self, code: &Code) -> Result<CartView, Refusal> {
        match self.0.enter_code(code) {
            // A service that lets a validated order take a code, answering as if it were a
            // cart with nothing in it.
            Err(Refusal::Locked) if WHAT == CHANGE_AFTER_VALIDATION => Ok(CartView {
                lines: Vec::new(),
                codes: [code.clone()].into(),
                shipping_amount: Eur::ZERO,
                shipping_net: Eur::ZERO,
                total: Eur::ZERO,
            }),
            answer => answer,
        }
    }
    fn remove_code(&mut self, code: &Code) -> Result<CartView, Refusal> {
        self.0.remove_code(code)
    }
    fn choose_delivery(&mut self, delivery: &Delivery) -> Result<CartView, Refusal> {
        self.0.choose_delivery(delivery)
    }
    fn validate(&mut self) -> Result<OrderView, Refusal> {
        self.0.validate()
    }
    fn dispatch_schedule(&mut self) -> Result<DispatchView, Refusal> {
        let mut dates = self.0.dispatch_schedule()?;
        if WHAT == DISPATCH_A_DAY_EARLY {
            dates.dispatch_by = dates.dispatch_by.pred_opt().unwrap();
        }
        Ok(dates)
    }
    fn receive(&mut self, receipt: &Receipt) -> Result<WithdrawalView, Refusal> {
        self.0.receive(receipt)
    }
    fn return_items(&mut self, items: &Return, at: &DateTime<Utc>) -> Result<RefundView, Refusal> {
        self.0.return_items(items, at).map(Self::refund)
    }
    fn cancel(&mut self, lines: &Cancellation) -> Result<RefundView, Refusal> {
        self.0.cancel(lines).map(Self::refund)
    }
}

impl<const WHAT: u8> Tampered<WHAT> {
    fn refund(mut refund: RefundView) -> RefundView {
        if WHAT == REFUND_ONE_CENT_MORE {
            refund.amount = refund.amount.checked_add(Eur::from_cents(1)).unwrap();
        }
        refund
    }
}

/// Runs the model against `S`, expecting a failure, and returns its reason.
fn failure_of<S: OrderService>() -> String {
    // No regression file: these failures are wanted, not bugs to replay.
    let config = Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    };
    match run::<S>(config, 20, 40).map_err(|e| *e) {
        Err(TestError::Fail(why, (_, steps, _))) => {
            // Shrinking leaves a short sequence ending at the wrong answer.
            assert!(steps.len() <= 40);
            why.message().to_string()
        }
        other => panic!("the harness accepted a wrong service: {other:?}"),
    }
}

// REF-1, REF-4: a refund one cent above the ledger's is caught, at the refund step.
#[test]
fn a_refund_one_cent_too_high_is_caught() {
    let why = failure_of::<Tampered<REFUND_ONE_CENT_MORE>>();
    assert!(why.contains("differs from the model's prediction"), "{why}");
    assert!(why.contains("Refund(RefundView"), "{why}");
}

// DISP-2: a promised dispatch day one day early is caught.
#[test]
fn a_dispatch_day_one_day_early_is_caught() {
    let why = failure_of::<Tampered<DISPATCH_A_DAY_EARLY>>();
    assert!(why.contains("DispatchSchedule"), "{why}");
}

// CART-1: a validated order that still takes a code is caught.
#[test]
fn a_change_after_validation_is_caught() {
    let why = failure_of::<Tampered<CHANGE_AFTER_VALIDATION>>();
    assert!(why.contains("EnterCode"), "{why}");
    assert!(why.contains("Refused(Locked)"), "{why}");
}

// The harness's own invariants hold on the crates' answers however long the run.
#[test]
fn the_crates_pass_a_run_of_long_sequences() {
    let config = Config {
        cases: 16,
        failure_persistence: None,
        ..Config::default()
    };
    run::<ComptoirService>(config, 30, 60).unwrap();
}
