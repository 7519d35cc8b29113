//! Refunds of products never delivered: an unavailable product (REF-4, DISP-4), a lost or
//! wrong item (DISP-5), a contract terminated for late delivery (L216-6), each due within 14
//! days (L216-7) and increased by L241-4 when paid late.

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir_calendar::Calendar;
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_dispatch::{
    DeliveryDeadline, DeliveryFacts, FormalNotice, Fulfilment, ParcelId, Resolution, Settlement,
    Termination, TrackingEvent, TrackingKind,
};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Combinable, Conditions, Effect, EvaluationContext, Line, LineRef, Offer, OfferSpec,
    Priority, Quantity, Target, Trigger, ValidityWindow,
};
use comptoir_refund::{
    Cancellation, CancellationDecision, CancellationFacts, CancellationGround, L2414Wording,
    LegalInterestRate, RefundAmountPolicy, RefundDecision, RefundError, RefundFacts, RefundLedger,
    Return, ReturnedItem, ReturnsPolicy,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn eur(s: &str) -> Eur {
    s.parse().unwrap()
}

fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Tz> {
    Paris.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A 90 + B 30 under "-10 EUR from 100 EUR", Pickup at 4.90, validated at `validated_at`.
fn order_at(validated_at: DateTime<Tz>) -> Order {
    let ten_off = Offer::new(OfferSpec {
        id: "dix".parse().unwrap(),
        name: "-10 € dès 100 €".into(),
        trigger: Trigger::Automatic,
        window: ValidityWindow::ALWAYS,
        conditions: Conditions {
            minimum_amount: Some(eur("100")),
            ..Conditions::default()
        },
        effects: vec![Effect::AmountOff {
            amount: eur("10"),
            on: Target::Order,
        }],
        combinable: Combinable::Always,
        priority: Priority::new(1),
    })
    .unwrap();
    let context = EvaluationContext::new(validated_at);
    let catalogue = Catalogue::new([ten_off]).unwrap();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, price) in [("a", "90"), ("b", "30")] {
        let line = Line::new(
            id.parse().unwrap(),
            id.parse().unwrap(),
            eur(price),
            Quantity::ONE,
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, eur("4.90")).unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(1), &terms).unwrap()
}

fn item(id: &str) -> LineRef {
    LineRef::Item(id.parse().unwrap())
}

// REF-4, DISP-4, L216-7: B unavailable, the customer chooses the refund: B's net paid
// amount, no offer clawed back, due 14 days after the choice; paid on time, nothing added.
#[test]
fn ref4_unavailable_product_is_refunded_at_its_net_within_14_days() -> Result {
    let order = order_at(paris(2026, 6, 1, 10));
    let mut fulfilment = Fulfilment::new(&order);
    fulfilment.report_unavailable(&item("b"), Quantity::ONE, &paris(2026, 6, 2, 9))?;
    let units = fulfilment.refund_unavailable(&item("b"), &paris(2026, 6, 2, 18))?;

    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = ledger.record(&order, Cancellation::from_units(&units)?)?;
    assert_eq!(refund.amount(), eur("27.50"));
    assert!(refund.explanation().lapsed().is_empty());

    let facts = CancellationFacts::from_units(&order, &units)?;
    assert_eq!(facts.ground(), CancellationGround::Unavailable);
    let on_time = CancellationDecision::compute(
        &refund,
        &facts,
        &paris(2026, 6, 16, 10),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(on_time.due().last_day(), ymd(2026, 6, 16));
    assert!(!on_time.is_late());
    assert_eq!(on_time.total(), eur("27.50"));
    // A day late: 10 % (L241-4).
    let late = CancellationDecision::compute(
        &refund,
        &facts,
        &paris(2026, 6, 17, 10),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(late.days_late().get(), 1);
    assert_eq!(late.surcharge().amount(), eur("2.75"));
    assert_eq!(late.total(), eur("30.25"));
    Ok(())
}

// L216-1, L216-6, L216-7, L241-4: the work item's example under the law in force. Validated
// 2026-06-01 without an agreed date: delivery due by 2026-07-01. Terminated 2026-07-10 with
// 100.00 paid: refund due by 2026-07-24. Paid on 2026-08-10, 17 days late: L241-4 as
// Ordonnance n° 2021-1247 worded it for contracts from 2022 adds 20 % (15 to 30 days late),
// so 120.00 (the pre-2022 wording, 10 % up to 30 days, would give 110.00).
#[test]
fn l216_7_l241_4_late_refund_after_termination_is_increased_by_20_percent() -> Result {
    let validated_at = paris(2026, 6, 1, 15);
    let context = EvaluationContext::new(validated_at);
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    cart.add_line(
        Line::new("l1".parse()?, "lampe".parse()?, eur("95.10"), Quantity::ONE)?,
        &terms,
    )?;
    cart.choose_delivery(Delivery::new(DeliveryService::Pickup, eur("4.90"))?, &terms)?;
    let order = cart.validate(CustomerId::new(1), &terms)?;
    assert_eq!(order.total(), eur("100.00"));

    let deadline = DeliveryDeadline::for_order(&order, None)?;
    assert_eq!(deadline.due(), ymd(2026, 7, 1));
    let notice = FormalNotice::new(&paris(2026, 7, 2, 9), ymd(2026, 7, 9))?;
    let facts = DeliveryFacts::default().with_formal_notice(notice);
    let termination = Termination::compute(&deadline, &facts, &paris(2026, 7, 10, 9))?;

    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = ledger.record(&order, Cancellation::everything_kept(&ledger, &order)?)?;
    // Everything paid, the delivery included in full.
    assert_eq!(refund.amount(), eur("100.00"));
    assert_eq!(refund.delivery(), eur("4.90"));

    let facts = CancellationFacts::terminated(&order, &termination)?;
    let decision = CancellationDecision::compute(
        &refund,
        &facts,
        &paris(2026, 8, 10, 10),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(decision.ground(), CancellationGround::Termination);
    assert_eq!(decision.due().last_day(), ymd(2026, 7, 24));
    assert_eq!(decision.days_late().get(), 17);
    assert_eq!(decision.surcharge().wording(), L2414Wording::From2022);
    assert_eq!(decision.surcharge().percent(), 20);
    assert_eq!(decision.total(), eur("120.00"));
    Ok(())
}

// L241-4: a contract concluded before 1 January 2022 keeps the earlier wording: 17 days late
// is 10 %, 31 days 20 %, 61 days 50 %.
#[test]
fn l241_4_contracts_before_2022_keep_the_earlier_wording() -> Result {
    let order = order_at(paris(2021, 12, 31, 20));
    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = ledger.record(&order, Cancellation::everything_kept(&ledger, &order)?)?;
    assert_eq!(refund.amount(), order.total());
    let facts = CancellationFacts::at(
        &order,
        CancellationGround::Termination,
        &paris(2022, 2, 1, 9),
    )?;
    let cal = Calendar::metropolitan();
    // Due 2022-02-15.
    for (paid, percent) in [
        (paris(2022, 2, 15, 9), 0),
        (paris(2022, 3, 4, 9), 10),
        (paris(2022, 3, 18, 9), 20),
        (paris(2022, 4, 17, 9), 50),
    ] {
        let d = CancellationDecision::compute(&refund, &facts, &paid, &cal)?;
        assert_eq!(d.surcharge().wording(), L2414Wording::Before2022);
        assert_eq!(d.surcharge().percent(), percent, "paid {paid}");
    }
    Ok(())
}

// DISP-5, L216-4: a parcel lost before the customer had it, refunded at the customer's
// choice: the lost units' net, due 14 days later.
#[test]
fn disp5_a_lost_parcel_refunded_is_due_within_14_days() -> Result {
    let order = order_at(paris(2026, 6, 1, 10));
    let mut fulfilment = Fulfilment::new(&order);
    let p1: ParcelId = "P1".parse()?;
    fulfilment.pack(
        p1.clone(),
        [(item("a"), Quantity::ONE), (item("b"), Quantity::ONE)],
        &paris(2026, 6, 2, 9),
    )?;
    fulfilment.track(
        &p1,
        TrackingEvent::new(TrackingKind::Dispatched, &paris(2026, 6, 2, 16)),
    )?;
    fulfilment.track(
        &p1,
        TrackingEvent::new(TrackingKind::Lost, &paris(2026, 6, 8, 9)),
    )?;
    let Settlement::Refunded(units) =
        fulfilment.settle_loss(&p1, Resolution::Refund, &paris(2026, 6, 9, 9))?
    else {
        panic!("refund expected");
    };
    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = ledger.record(&order, Cancellation::from_units(&units)?)?;
    assert_eq!(refund.amount(), order.total());
    let facts = CancellationFacts::from_units(&order, &units)?;
    assert_eq!(facts.ground(), CancellationGround::NotDelivered);
    let d = CancellationDecision::compute(
        &refund,
        &facts,
        &paris(2026, 6, 23, 9),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(d.due().last_day(), ymd(2026, 6, 23));
    assert_eq!(d.total(), order.total());
    Ok(())
}

// REF-4: a withdrawal's refund is not a cancellation's, and the other way round; a payment
// before the cancellation and a cancellation before the order are refused.
#[test]
fn ref4_each_refund_goes_to_its_own_decision() -> Result {
    let order = order_at(paris(2026, 6, 1, 10));
    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let returned = ledger.record(
        &order,
        Return::new([ReturnedItem::item("a".parse()?, Quantity::ONE)])?,
    )?;
    let cancelled = ledger.record(
        &order,
        Cancellation::new([comptoir_refund::CancelledLine::new(
            "b".parse()?,
            Quantity::ONE,
        )])?,
    )?;
    let cal = Calendar::metropolitan();
    let facts = CancellationFacts::at(
        &order,
        CancellationGround::Unavailable,
        &paris(2026, 6, 3, 9),
    )?;
    assert_eq!(
        CancellationDecision::compute(&returned, &facts, &paris(2026, 6, 4, 9), &cal),
        Err(RefundError::NotACancellation { refund: 1 })
    );
    assert_eq!(
        RefundDecision::compute(
            &cancelled,
            &RefundFacts::notified(&paris(2026, 6, 3, 9)),
            &paris(2026, 6, 4, 9),
            LegalInterestRate::ZERO,
            &ReturnsPolicy::default(),
            &cal,
        ),
        Err(RefundError::NotAWithdrawal { refund: 2 })
    );
    assert!(matches!(
        CancellationDecision::compute(&cancelled, &facts, &paris(2026, 6, 2, 9), &cal),
        Err(RefundError::PaidBeforeCancellation { .. })
    ));
    assert!(matches!(
        CancellationFacts::at(
            &order,
            CancellationGround::Unavailable,
            &paris(2026, 5, 30, 9)
        ),
        Err(RefundError::CancellationBeforeValidation { .. })
    ));
    // A termination of another order is refused.
    let other = order_at(paris(2026, 6, 1, 11));
    let deadline = DeliveryDeadline::for_order(&other, None)?;
    let termination = Termination::compute(
        &deadline,
        &DeliveryFacts::default().with_refusal(&paris(2026, 6, 5, 9)),
        &paris(2026, 6, 5, 10),
    )?;
    assert!(matches!(
        CancellationFacts::terminated(&order, &termination),
        Err(RefundError::Dispatch(_))
    ));
    Ok(())
}

// REF-4: an order emptied by cancellations alone gets its whole delivery back, whatever the
// cap the shop sets for withdrawals (L221-24 caps a withdrawal's delivery refund only).
#[test]
fn ref4_cancelling_everything_refunds_the_whole_delivery() -> Result {
    let order = order_at(paris(2026, 6, 1, 10));
    let policy = RefundAmountPolicy {
        cheapest_standard_delivery: Some(eur("2.00")),
        ..RefundAmountPolicy::default()
    };
    let mut ledger = RefundLedger::new(&order, policy)?;
    let all = ledger.record(&order, Cancellation::everything_kept(&ledger, &order)?)?;
    assert_eq!(all.delivery(), eur("4.90"));
    assert_eq!(ledger.refunded()?, order.total());
    assert!(matches!(
        Cancellation::everything_kept(&ledger, &order),
        Err(RefundError::NothingToRefund { .. })
    ));
    // After a withdrawal return, the cap applies again.
    let mut capped = RefundLedger::new(&order, policy)?;
    capped.record(
        &order,
        Return::new([ReturnedItem::item("a".parse()?, Quantity::ONE)])?,
    )?;
    let last = capped.record(&order, Cancellation::everything_kept(&capped, &order)?)?;
    assert_eq!(last.delivery(), eur("2.00"));
    Ok(())
}
