//! Stored payment values come back equal, and invalid ones are refused as the constructors do.

use chrono::NaiveDate;
use comptoir_calendar::Calendar;
use comptoir_dispatch::DispatchPolicy;
use comptoir_money::Eur;
use comptoir_payment::{
    Card, CardBrand, CardToken, Device, ExpectedDebit, ExpiryMonth, InstalmentPolicy,
    InstalmentSchedule, OrderAmount, RefusalReason, SecureOutcome, SecureState, SecureTracker,
};
use proptest::prelude::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn card() -> Result<Card, Box<dyn std::error::Error>> {
    Ok(Card::new(
        CardToken::new("tok_serde")?,
        CardBrand::Mastercard,
        ExpiryMonth::new(2028, 2)?,
        NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?,
    )?)
}

// PAY-7: a stored card is its token, brand and month, nothing more.
#[test]
fn a_card_round_trips_as_token_brand_and_month() -> TestResult {
    let json = serde_json::to_string(&card()?)?;
    assert_eq!(
        json,
        r#"{"token":"tok_serde","brand":"Mastercard","expiry":{"year":2028,"month":2}}"#
    );
    assert_eq!(serde_json::from_str::<Card>(&json)?, card()?);
    Ok(())
}

// PAY-7: a card number cannot come in through storage either.
#[test]
fn a_stored_card_number_or_bad_month_is_refused() {
    let pan = r#"{"token":"4111111111111111","brand":"Visa","expiry":{"year":2028,"month":2}}"#;
    assert!(serde_json::from_str::<Card>(pan).is_err());
    let month = r#"{"token":"tok","brand":"Visa","expiry":{"year":2028,"month":13}}"#;
    assert!(serde_json::from_str::<Card>(month).is_err());
}

// PAY-2: a stored tracker is one the attempts can lead to: its wrong codes fit its state.
#[test]
fn a_tracker_round_trips_and_inconsistent_ones_are_refused() -> TestResult {
    let mut tracker = SecureTracker::new(Device::Other);
    tracker.record(SecureOutcome::WrongCode)?;
    tracker.record(SecureOutcome::SoftDecline)?;
    let json = serde_json::to_string(&tracker)?;
    assert_eq!(serde_json::from_str::<SecureTracker>(&json)?, tracker);

    let forged = r#"{"device":"Other","wrong_codes":0,"soft_declined":false,"state":"Blocked"}"#;
    assert!(serde_json::from_str::<SecureTracker>(forged).is_err());
    let too_many = r#"{"device":"Other","wrong_codes":7,"soft_declined":false,"state":"Open"}"#;
    assert!(serde_json::from_str::<SecureTracker>(too_many).is_err());
    let unblocked = r#"{"device":"Other","wrong_codes":3,"soft_declined":false,"state":"Open"}"#;
    assert!(serde_json::from_str::<SecureTracker>(unblocked).is_err());
    // Nothing is accepted or refused after the third code: it blocks the card.
    for state in [r#""Authenticated""#, r#"{"Refused":"CeilingReached"}"#] {
        let after_block =
            format!(r#"{{"device":"Other","wrong_codes":3,"soft_declined":true,"state":{state}}}"#);
        assert!(
            serde_json::from_str::<SecureTracker>(&after_block).is_err(),
            "{after_block}"
        );
    }
    // A soft decline then a refusal, or two wrong codes then the right one, are real paths.
    for ok in [
        r#"{"device":"Other","wrong_codes":0,"soft_declined":true,"state":{"Refused":"AuthenticationNotCompleted"}}"#,
        r#"{"device":"Other","wrong_codes":2,"soft_declined":false,"state":"Authenticated"}"#,
        r#"{"device":"Other","wrong_codes":3,"soft_declined":true,"state":"Blocked"}"#,
    ] {
        assert!(serde_json::from_str::<SecureTracker>(ok).is_ok(), "{ok}");
    }
    Ok(())
}

fn outcome() -> impl Strategy<Value = SecureOutcome> {
    prop_oneof![
        Just(SecureOutcome::Authenticated),
        Just(SecureOutcome::WrongCode),
        Just(SecureOutcome::SoftDecline),
        Just(SecureOutcome::HardDecline(RefusalReason::CeilingReached)),
        Just(SecureOutcome::HardDecline(
            RefusalReason::AuthenticationNotCompleted
        )),
        Just(SecureOutcome::BankUnavailable),
    ]
}

fn state() -> impl Strategy<Value = SecureState> {
    prop_oneof![
        Just(SecureState::Open),
        Just(SecureState::Authenticated),
        Just(SecureState::Refused(RefusalReason::CeilingReached)),
        Just(SecureState::Refused(
            RefusalReason::AuthenticationNotCompleted
        )),
        Just(SecureState::Blocked),
    ]
}

proptest! {
    // PAY-2: every tracker the attempts can lead to is stored and read back unchanged.
    #[test]
    fn pay2_every_reachable_tracker_round_trips(
        outcomes in prop::collection::vec(outcome(), 0..12),
        apple_pay in any::<bool>(),
    ) {
        let device = if apple_pay { Device::ApplePayCompatible } else { Device::Other };
        let mut tracker = SecureTracker::new(device);
        for o in outcomes {
            let _step = tracker.record(o);
        }
        let json = serde_json::to_string(&tracker).unwrap();
        prop_assert_eq!(serde_json::from_str::<SecureTracker>(&json).unwrap(), tracker);
    }

    // PAY-2: a stored tracker is accepted exactly when its wrong codes fit its state: at
    // most three, blocked exactly at three.
    #[test]
    fn pay2_stored_tracker_is_accepted_exactly_when_consistent(
        wrong_codes in 0u8..=6,
        soft_declined in any::<bool>(),
        state in state(),
    ) {
        let json = serde_json::json!({
            "device": "Other",
            "wrong_codes": wrong_codes,
            "soft_declined": soft_declined,
            "state": state,
        });
        let consistent =
            wrong_codes <= 3 && ((state == SecureState::Blocked) == (wrong_codes == 3));
        let read = serde_json::from_value::<SecureTracker>(json);
        prop_assert_eq!(read.is_ok(), consistent, "{:?}", read);
        if let Ok(tracker) = read {
            prop_assert_eq!(tracker.state(), state);
            prop_assert_eq!(tracker.wrong_codes(), wrong_codes);
        }
    }
}

// PAY-4, PAY-5: policy and schedule read back equal, amounts as strings.
#[test]
fn policy_and_schedule_round_trip_with_amounts_as_strings() -> TestResult {
    let policy = InstalmentPolicy::default();
    let json = serde_json::to_string(&policy)?;
    assert!(json.contains(r#""minimum":"100.00""#));
    assert_eq!(serde_json::from_str::<InstalmentPolicy>(&json)?, policy);

    let order = OrderAmount::new(Eur::from_cents(10_000), Eur::ZERO)?;
    let shipped = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    let schedule = InstalmentSchedule::compute(&order, &card()?, 3, shipped, &policy)?;
    let json = serde_json::to_string(&schedule)?;
    assert!(json.contains(r#""amount":"33.34""#));
    assert_eq!(
        serde_json::from_str::<comptoir_payment::InstalmentSchedule>(&json)?,
        schedule
    );
    Ok(())
}

// PAY-4, PAY-5: a stored amount or schedule is checked like a computed one.
#[test]
fn stored_amounts_and_schedules_are_checked() {
    let negative = r#"{"products":"-1.00","shipping":"0.00"}"#;
    assert!(serde_json::from_str::<OrderAmount>(negative).is_err());
    let nothing = r#"{"products":"0.00","shipping":"0.00"}"#;
    assert!(serde_json::from_str::<OrderAmount>(nothing).is_err());
    let backwards = r#"{"instalments":[
        {"number":1,"due_on":"2026-03-02","amount":"50.00"},
        {"number":2,"due_on":"2026-03-01","amount":"50.00"}]}"#;
    assert!(serde_json::from_str::<comptoir_payment::InstalmentSchedule>(backwards).is_err());
    let misnumbered = r#"{"instalments":[
        {"number":1,"due_on":"2026-03-02","amount":"50.00"},
        {"number":3,"due_on":"2026-04-01","amount":"50.00"}]}"#;
    assert!(serde_json::from_str::<comptoir_payment::InstalmentSchedule>(misnumbered).is_err());
}

// PAY-4, PAY-5: a configured policy falls back on the FAQ's values, and a typo or an
// impossible number fails loudly.
#[test]
fn policy_deserialises_with_faq_defaults_and_refuses_invalid_values() -> TestResult {
    assert_eq!(
        serde_json::from_str::<InstalmentPolicy>("{}")?,
        InstalmentPolicy::default()
    );
    let months = serde_json::from_str::<InstalmentPolicy>(r#"{"spacing":"CalendarMonths"}"#)?;
    assert_eq!(
        months.spacing,
        comptoir_payment::InstalmentSpacing::CalendarMonths
    );
    assert_eq!(months.minimum, Eur::from_cents(10_000));
    for bad in [
        r#"{"minimum":"-1.00"}"#,
        r#"{"offered_counts":[]}"#,
        r#"{"offered_counts":[1,3]}"#,
        r#"{"spacing":{"Days":0}}"#,
        r#"{"shiping_counts":false}"#,
    ] {
        assert!(
            serde_json::from_str::<InstalmentPolicy>(bad).is_err(),
            "{bad}"
        );
    }
    Ok(())
}

// PAY-5, L312-4: a stored policy whose last instalment can fall more than three months after
// the first loads (since the credit reform such a plan is a consumer credit, classified), and
// is refused for a contract before the reform, naming the field and the article; a stored
// claim to stay outside credit law with a third party lending fails at load.
#[test]
fn pay5_a_stored_policy_beyond_three_months_is_refused_for_contracts_before_the_reform()
-> TestResult {
    let before = comptoir_calendar::law::ContractDay::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 19).ok_or("date")?,
    );
    for long in [
        r#"{"offered_counts":[4]}"#,
        r#"{"offered_counts":[3],"spacing":{"Days":45}}"#,
        r#"{"offered_counts":[5],"spacing":"CalendarMonths"}"#,
    ] {
        let policy = serde_json::from_str::<InstalmentPolicy>(long)?;
        let err = policy.validate_for(before).unwrap_err();
        assert!(
            err.to_string()
                .contains("offered_counts breaches C. conso L312-4"),
            "{long}: {err}"
        );
    }
    let monthly = serde_json::from_str::<InstalmentPolicy>(
        r#"{"offered_counts":[3,4],"spacing":"CalendarMonths"}"#,
    )?;
    assert_eq!(monthly.validate_for(before), Ok(()));
    let err = serde_json::from_str::<InstalmentPolicy>(
        r#"{"outside_credit":true,"credit":{"lender":"third_party","large_enterprise":false,"claims_factored":false}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("credit.lender breaches C. conso L312-4"),
        "{err}"
    );
    assert!(serde_json::from_str::<InstalmentPolicy>(r#"{"credit":{"lendr":"seller"}}"#).is_err());
    Ok(())
}

// PAY-3: a stored expected debit reads back equal; days out of order are refused.
#[test]
fn pay3_expected_debit_round_trips_and_days_out_of_order_are_refused() -> TestResult {
    let ordered_at = chrono::DateTime::parse_from_rfc3339("2026-05-23T18:00:00+02:00")?;
    let debit = ExpectedDebit::compute(
        &ordered_at,
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    let json = serde_json::to_string(&debit)?;
    assert_eq!(
        json,
        r#"{"expected":"2026-05-27/2026-05-28","at_latest":"2026-05-29"}"#
    );
    assert_eq!(serde_json::from_str::<ExpectedDebit>(&json)?, debit);

    for bad in [
        r#"{"expected":"2026-05-28/2026-05-27","at_latest":"2026-05-29"}"#,
        r#"{"expected":"2026-05-27/2026-05-29","at_latest":"2026-05-28"}"#,
        r#"{"expected":"2026-05-27/2026-05-28","at_latest":"2026-05-29","x":1}"#,
    ] {
        assert!(serde_json::from_str::<ExpectedDebit>(bad).is_err(), "{bad}");
    }
    // Equal days are in order.
    let same = r#"{"expected":"2026-05-27/2026-05-27","at_latest":"2026-05-27"}"#;
    assert!(serde_json::from_str::<ExpectedDebit>(same).is_ok());
    Ok(())
}
