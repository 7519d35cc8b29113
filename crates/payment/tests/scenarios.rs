//! The FAQ's payment answers, one worked example per test.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use comptoir_calendar::Calendar;
use comptoir_dispatch::DispatchPolicy;
use comptoir_money::Eur;
use comptoir_payment::{
    Card, CardBrand, CardToken, Device, Eligibility, ExpectedDebit, ExpiryMonth, Ineligibility,
    InstalmentPolicy, InstalmentSchedule, InstalmentSpacing, NextStep, OrderAmount, PaymentError,
    PaymentMethod, RefusalReason, SecureOutcome, SecureTracker, debit_day,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, &'static str> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or("date")
}

fn euros(s: &str) -> Result<Eur, Box<dyn std::error::Error>> {
    Ok(s.parse()?)
}

fn card(expiry: (i32, u8)) -> Result<Card, Box<dyn std::error::Error>> {
    Ok(Card::new(
        CardToken::new("tok_card_of_the_test")?,
        CardBrand::Cb,
        ExpiryMonth::new(expiry.0, expiry.1)?,
        ymd(2026, 1, 1)?,
    )?)
}

fn dated(schedule: &comptoir_payment::InstalmentSchedule) -> Vec<(NaiveDate, String)> {
    schedule
        .iter()
        .map(|i| (i.due_on(), i.amount().to_string()))
        .collect()
}

// PAY-4: "Le paiement en 3x est proposé à partir de 100€ TTC."
#[test]
fn pay4_99_99_is_refused_and_100_00_is_accepted() -> TestResult {
    let policy = InstalmentPolicy::default();
    let below = OrderAmount::new(euros("95.09")?, euros("4.90")?)?;
    let at = OrderAmount::new(euros("95.10")?, euros("4.90")?)?;
    assert_eq!(
        Eligibility::of_amount(&below, &policy)?,
        Eligibility::Refused(Ineligibility::BelowMinimum {
            amount: euros("99.99")?,
            minimum: euros("100.00")?,
            missing: euros("0.01")?,
        })
    );
    assert_eq!(Eligibility::of_amount(&at, &policy)?, Eligibility::Eligible);
    Ok(())
}

// PAY-4, PAY-5: the amount of a validated order counts shipping once: 95.10 of products and
// 4.90 of shipping is 100.00 to pay, in thirds of 100.00, not of 104.90.
#[test]
fn pay4_pay5_order_amount_from_an_order_counts_shipping_once() -> TestResult {
    use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
    use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};

    let context = EvaluationContext::new(Paris.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    let kettle = Line::new(
        "l1".parse()?,
        "kettle".parse()?,
        euros("95.10")?,
        Quantity::ONE,
    )?;
    cart.add_line(kettle, &terms)?;
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, euros("4.90")?)?,
        &terms,
    )?;
    let order = cart.validate(CustomerId::new(1), &terms)?;
    let amount = OrderAmount::from_order(&order)?;
    assert_eq!(amount, OrderAmount::new(euros("95.10")?, euros("4.90")?)?);
    assert_eq!(OrderAmount::try_from(&order)?, amount);
    let policy = InstalmentPolicy::default();
    assert_eq!(
        Eligibility::of_amount(&amount, &policy)?,
        Eligibility::Eligible
    );
    let schedule =
        InstalmentSchedule::compute(&amount, &card((2027, 12))?, 3, ymd(2026, 1, 7)?, &policy)?;
    assert_eq!(schedule.total()?, order.total());
    Ok(())
}

// PAY-4, PAY-5: asking for a schedule of an order below the minimum says why.
#[test]
fn pay4_schedule_of_99_99_is_refused_with_the_reason() -> TestResult {
    let order = OrderAmount::new(euros("99.99")?, Eur::ZERO)?;
    let result = InstalmentSchedule::compute(
        &order,
        &card((2030, 1))?,
        3,
        ymd(2026, 3, 5)?,
        &InstalmentPolicy::default(),
    );
    let Err(PaymentError::NotEligible(reason)) = result else {
        return Err("99.99 must not be split".into());
    };
    assert!(reason.message_fr().contains("il vous manque 0,01"));
    Ok(())
}

// PAY-5: 100.00 -> 33.34 / 33.33 / 33.33, on the shipment day then +30 and +60 days.
#[test]
fn pay5_100_00_gives_33_34_then_33_33_twice_30_days_apart() -> TestResult {
    let order = OrderAmount::new(euros("100.00")?, Eur::ZERO)?;
    let shipped = ymd(2026, 5, 27)?;
    let schedule = InstalmentSchedule::compute(
        &order,
        &card((2030, 1))?,
        3,
        shipped,
        &InstalmentPolicy::default(),
    )?;
    assert_eq!(
        dated(&schedule),
        vec![
            (shipped, "33.34".to_owned()),
            (ymd(2026, 6, 26)?, "33.33".to_owned()),
            (ymd(2026, 7, 26)?, "33.33".to_owned()),
        ]
    );
    assert_eq!(schedule.total()?, euros("100.00")?);
    Ok(())
}

// PAY-5 (calendar months): shipped on 31 January, the later instalments fall on the last day
// of shorter months, each counted from the first.
#[test]
fn pay5_order_shipped_on_the_31st_with_calendar_months_clamps_to_month_end() -> TestResult {
    let policy = InstalmentPolicy {
        spacing: InstalmentSpacing::CalendarMonths,
        ..InstalmentPolicy::default()
    };
    let order = OrderAmount::new(euros("150.00")?, Eur::ZERO)?;
    let dates = |shipped| -> Result<Vec<NaiveDate>, Box<dyn std::error::Error>> {
        let schedule = InstalmentSchedule::compute(&order, &card((2030, 1))?, 3, shipped, &policy)?;
        Ok(schedule.iter().map(|i| i.due_on()).collect())
    };
    assert_eq!(
        dates(ymd(2026, 1, 31)?)?,
        vec![ymd(2026, 1, 31)?, ymd(2026, 2, 28)?, ymd(2026, 3, 31)?]
    );
    // A leap year: 29 February.
    assert_eq!(
        dates(ymd(2028, 1, 31)?)?,
        vec![ymd(2028, 1, 31)?, ymd(2028, 2, 29)?, ymd(2028, 3, 31)?]
    );
    // Shipped on 31 August: 30 September, 31 October.
    assert_eq!(
        dates(ymd(2026, 8, 31)?)?,
        vec![ymd(2026, 8, 31)?, ymd(2026, 9, 30)?, ymd(2026, 10, 31)?]
    );
    Ok(())
}

// PAY-5 (default 30 days): the same 31 January shipment.
#[test]
fn pay5_order_shipped_on_the_31st_with_30_days_lands_in_march_and_april() -> TestResult {
    let order = OrderAmount::new(euros("150.00")?, Eur::ZERO)?;
    let schedule = InstalmentSchedule::compute(
        &order,
        &card((2030, 1))?,
        3,
        ymd(2026, 1, 31)?,
        &InstalmentPolicy::default(),
    )?;
    let dates: Vec<NaiveDate> = schedule.iter().map(|i| i.due_on()).collect();
    assert_eq!(
        dates,
        vec![ymd(2026, 1, 31)?, ymd(2026, 3, 2)?, ymd(2026, 4, 1)?]
    );
    Ok(())
}

// PAY-5: "The card must stay valid until the last instalment."
#[test]
fn pay5_card_expiring_the_month_before_the_last_instalment_is_refused() -> TestResult {
    let policy = InstalmentPolicy::default();
    let order = OrderAmount::new(euros("240.00")?, Eur::ZERO)?;
    let shipped = ymd(2026, 3, 5)?;
    // Last instalment on 4 May 2026; a card valid through April does not reach it.
    let april = card((2026, 4))?;
    assert_eq!(
        Eligibility::compute(&order, &april, 3, shipped, &policy)?,
        Eligibility::Refused(Ineligibility::CardExpiresBeforeLastInstalment {
            expiry: ExpiryMonth::new(2026, 4)?,
            last_instalment: ymd(2026, 5, 4)?,
        })
    );
    let Err(PaymentError::NotEligible(reason)) =
        InstalmentSchedule::compute(&order, &april, 3, shipped, &policy)
    else {
        return Err("a card expiring in April cannot carry a May instalment".into());
    };
    assert!(reason.message_fr().contains("04/2026"));
    // A card valid through May does.
    assert!(Eligibility::compute(&order, &card((2026, 5))?, 3, shipped, &policy)?.is_eligible());
    Ok(())
}

// PAY-3: "À l'expédition du produit."
#[test]
fn pay3_debit_follows_the_dispatch_dates_of_disp1_worked_example() -> TestResult {
    // Saturday 23 May 2026 at 18:00, taken into account on Tuesday 26 (Whit Monday 25).
    let ordered_at = Paris
        .with_ymd_and_hms(2026, 5, 23, 18, 0, 0)
        .single()
        .ok_or("instant")?;
    let debit = ExpectedDebit::compute(
        &ordered_at,
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(
        (
            debit.expected().earliest(),
            debit.expected().latest(),
            debit.at_latest()
        ),
        (ymd(2026, 5, 27)?, ymd(2026, 5, 28)?, ymd(2026, 5, 29)?)
    );
    // Not the day of the order: the customer is debited when the parcel leaves.
    let shipped = ymd(2026, 5, 28)?;
    assert_eq!(debit_day(shipped), shipped);
    assert_ne!(debit_day(shipped), ordered_at.date_naive());
    Ok(())
}

// PAY-2: one wrong code, then the right one.
#[test]
fn pay2_a_wrong_code_then_the_right_one_is_accepted() -> TestResult {
    let mut tracker = SecureTracker::new(Device::ApplePayCompatible);
    assert_eq!(
        tracker.record(SecureOutcome::WrongCode)?,
        NextStep::EnterCodeAgain { codes_left: 2 }
    );
    assert_eq!(
        tracker.record(SecureOutcome::Authenticated)?,
        NextStep::Accepted
    );
    Ok(())
}

// PAY-2: "Si vous échouez trois fois ... votre carte bancaire sera bloquée ... veuillez
// contacter votre banque."
#[test]
fn pay2_three_wrong_codes_block_the_card_and_a_fourth_attempt_is_refused() -> TestResult {
    let mut tracker = SecureTracker::new(Device::ApplePayCompatible);
    tracker.record(SecureOutcome::WrongCode)?;
    tracker.record(SecureOutcome::WrongCode)?;
    let step = tracker.record(SecureOutcome::WrongCode)?;
    assert!(
        step.message_fr()
            .contains("Veuillez contacter votre banque.")
    );
    let error = tracker
        .record(SecureOutcome::Authenticated)
        .err()
        .ok_or("a blocked card takes no more codes")?;
    assert_eq!(
        error,
        PaymentError::CardBlocked {
            other_methods: vec![
                PaymentMethod::Card,
                PaymentMethod::PayPal,
                PaymentMethod::ApplePay
            ]
        }
    );
    assert!(error.needs_other_method());
    assert!(
        error
            .message_fr()
            .ends_with("Vous pouvez payer avec une autre carte bancaire, PayPal ou Apple Pay.")
    );
    Ok(())
}

// PAY-2, PAY-6: a hard decline for the ceiling gives the FAQ's advice and is not retried.
#[test]
fn pay6_ceiling_reached_advises_the_bank_then_customer_service() -> TestResult {
    let mut tracker = SecureTracker::new(Device::Other);
    let step = tracker.record(SecureOutcome::HardDecline(RefusalReason::CeilingReached))?;
    let message = step.message_fr();
    assert!(message.contains("plafond de paiement"));
    assert!(message.contains("vérifier auprès de votre banquier·ère"));
    assert!(message.contains("veuillez contacter notre service client"));
    assert!(message.ends_with("Vous pouvez payer avec une autre carte bancaire ou PayPal."));
    assert!(tracker.attempt().is_err());
    Ok(())
}

// PAY-4: an amount of nothing or below zero is a typed error, never a panic.
#[test]
fn zero_and_negative_amounts_are_typed_errors() -> TestResult {
    assert_eq!(
        OrderAmount::new(Eur::ZERO, Eur::ZERO),
        Err(PaymentError::NothingToPay)
    );
    assert!(matches!(
        OrderAmount::new(euros("-1.00")?, euros("5.00")?),
        Err(PaymentError::NegativeAmount { .. })
    ));
    assert!(matches!(
        OrderAmount::new(euros("120.00")?, euros("-0.01")?),
        Err(PaymentError::NegativeAmount { .. })
    ));
    Ok(())
}

// PAY-5: only the counts the policy offers.
#[test]
fn pay5_four_instalments_are_not_offered() -> TestResult {
    let order = OrderAmount::new(euros("400.00")?, Eur::ZERO)?;
    let result = InstalmentSchedule::compute(
        &order,
        &card((2030, 1))?,
        4,
        ymd(2026, 3, 5)?,
        &InstalmentPolicy::default(),
    );
    let Err(error @ PaymentError::InstalmentCountNotOffered { .. }) = result else {
        return Err("4 instalments are not offered".into());
    };
    assert!(error.message_fr().contains("3x"));
    Ok(())
}

// PAY-7: a card entered with an expiry month already past.
#[test]
fn a_past_expiry_month_is_a_typed_error() -> TestResult {
    let result = Card::new(
        CardToken::new("tok_old")?,
        CardBrand::AmericanExpress,
        ExpiryMonth::new(2025, 12)?,
        ymd(2026, 1, 1)?,
    );
    assert!(matches!(result, Err(PaymentError::CardExpired { .. })));
    Ok(())
}
