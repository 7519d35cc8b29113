//! Invariants of the payment rules, over generated cards, orders, policies and bank answers.

use chrono::NaiveDate;
use comptoir_calendar::strategies::date_between;
use comptoir_money::Eur;
use comptoir_payment::strategies::{
    any_instalment_policy, card_valid_on, instalment_policy, order_amount, secure_outcome,
};
use comptoir_payment::{
    CardToken, Device, Eligibility, InstalmentPolicy, InstalmentSchedule, NextStep, OrderAmount,
    PaymentError, SecureOutcome, SecureState, SecureTracker,
};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn shipment_day() -> impl Strategy<Value = NaiveDate> {
    date_between(day(2020, 1, 1), day(2060, 12, 31))
}

/// A card good for any schedule of these policies: valid at least ~3 years after shipment.
fn far_card(shipped: NaiveDate) -> comptoir_payment::Card {
    let token = CardToken::new("tok_far_card");
    let expiry = shipped
        .checked_add_months(chrono::Months::new(40))
        .and_then(|d| comptoir_payment::ExpiryMonth::containing(d).ok());
    match (token, expiry) {
        (Ok(t), Some(e)) => {
            comptoir_payment::Card::new(t, comptoir_payment::CardBrand::Visa, e, shipped)
                .unwrap_or_else(|err| unreachable!("{err}"))
        }
        _ => unreachable!("a valid token and month"),
    }
}

proptest! {
    // PAY-5: the parts sum exactly to the amount, differ by at most one cent, and the earliest
    // carry the leftover cents.
    #[test]
    fn pay5_instalments_sum_to_the_amount_and_differ_by_at_most_a_cent(
        cents in 10_000i64..=10_000_000,
        shipping in 0i64..=3_000,
        shipped in shipment_day(),
    ) {
        let order = OrderAmount::new(Eur::from_cents(cents), Eur::from_cents(shipping))?;
        let schedule = InstalmentSchedule::compute(&order, &far_card(shipped), 3, shipped, &InstalmentPolicy::default())?;
        let amounts: Vec<i128> = schedule.iter().map(|i| i.amount().cents()).collect();
        prop_assert_eq!(amounts.len(), 3);
        prop_assert_eq!(amounts.iter().sum::<i128>(), order.total()?.cents());
        let max = amounts.iter().max().copied().unwrap_or_default();
        let min = amounts.iter().min().copied().unwrap_or_default();
        prop_assert!(max - min <= 1);
        // Leftover cents first: never a smaller part before a larger one.
        prop_assert!(amounts.windows(2).all(|w| w[0] >= w[1]));
    }

    // PAY-5, PAY-3: dates strictly increase and the first is the shipment day, under any policy.
    #[test]
    fn pay5_dates_strictly_increase_from_the_shipment_day(
        policy in instalment_policy(),
        pick in any::<prop::sample::Index>(),
        shipped in shipment_day(),
    ) {
        let count = *pick.get(&policy.offered_counts);
        let dates = policy.due_dates(count, shipped)?;
        prop_assert_eq!(dates.len(), usize::from(count));
        prop_assert_eq!(dates.first().copied(), Some(shipped));
        prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
    }

    // PAY-5: any eligible schedule under any policy keeps every invariant at once.
    #[test]
    fn pay5_any_policy_schedule_sums_and_numbers_its_instalments(
        policy in instalment_policy(),
        pick in any::<prop::sample::Index>(),
        order in order_amount(),
        shipped in shipment_day(),
    ) {
        let count = *pick.get(&policy.offered_counts);
        let card = far_card(shipped);
        match InstalmentSchedule::compute(&order, &card, count, shipped, &policy) {
            Ok(schedule) => {
                prop_assert_eq!(schedule.total()?, order.total()?);
                let numbers: Vec<u8> = schedule.iter().map(|i| i.number()).collect();
                prop_assert_eq!(numbers, (1..=count).collect::<Vec<u8>>());
            }
            Err(PaymentError::NotEligible(_)) => {
                prop_assert!(!Eligibility::compute(&order, &card, count, shipped, &policy)?.is_eligible());
            }
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }

    // PAY-5, L312-4: whatever policy `validate_for` accepts for a contract before the credit
    // reform, every count it offers ends its schedule at most three calendar months after
    // the first instalment, whatever the day of the first; whatever it refuses, the schedule
    // refuses too.
    #[test]
    fn pay5_every_accepted_policy_stays_within_three_months(
        policy in any_instalment_policy(),
        first in shipment_day(),
    ) {
        let three_months = first.checked_add_months(chrono::Months::new(3)).unwrap();
        let before_the_reform = comptoir_calendar::law::ContractDay::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap(),
        );
        match policy.validate_for(before_the_reform) {
            Ok(()) => {
                for &count in &policy.offered_counts {
                    let dates = policy.due_dates(count, first)?;
                    prop_assert_eq!(dates.first().copied(), Some(first));
                    prop_assert!(*dates.last().unwrap() <= three_months, "{:?}", dates);
                }
            }
            Err(e) => {
                let refused = e.is_invalid_policy() || matches!(e, PaymentError::NegativeAmount { .. });
                prop_assert!(refused, "{}", e);
                if let Err(structural) = policy.validate() {
                    prop_assert_eq!(policy.due_dates(3, first).unwrap_err(), structural);
                }
            }
        }
    }

    // PAY-4: if an amount may be split, every larger one may too.
    #[test]
    fn pay4_eligibility_is_monotone_in_the_amount(
        policy in instalment_policy(),
        a in order_amount(),
        extra_products in 0i64..=100_000,
        extra_shipping in 0i64..=1_000,
        card in card_valid_on(day(2026, 1, 1)),
    ) {
        let b = OrderAmount::new(
            a.products().checked_add(Eur::from_cents(extra_products))?,
            a.shipping().checked_add(Eur::from_cents(extra_shipping))?,
        )?;
        if Eligibility::of_amount(&a, &policy)?.is_eligible() {
            prop_assert!(Eligibility::of_amount(&b, &policy)?.is_eligible());
        }
        let count = policy.offered_counts.first().copied().unwrap_or(3);
        let shipped = day(2026, 1, 1);
        if Eligibility::compute(&a, &card, count, shipped, &policy)?.is_eligible() {
            prop_assert!(Eligibility::compute(&b, &card, count, shipped, &policy)?.is_eligible());
        }
    }

    // PAY-2: after three wrong codes no fourth code is ever taken, whatever the bank answers.
    #[test]
    fn pay2_no_fourth_code_after_three_failures(
        outcomes in prop::collection::vec(secure_outcome(), 0..20),
    ) {
        let mut tracker = SecureTracker::new(Device::Other);
        for outcome in outcomes {
            let was_blocked = tracker.state() == SecureState::Blocked;
            let result = tracker.record(outcome);
            if was_blocked {
                let refused = matches!(result, Err(PaymentError::CardBlocked { .. }));
                prop_assert!(refused);
            }
            prop_assert!(tracker.wrong_codes() <= 3);
            prop_assert_eq!(tracker.state() == SecureState::Blocked, tracker.wrong_codes() == 3);
        }
    }

    // PAY-2: a hard decline is final: nothing is ever accepted on that card afterwards.
    #[test]
    fn pay2_a_hard_decline_is_never_retried(
        before in prop::collection::vec(secure_outcome(), 0..6),
        reason in comptoir_payment::strategies::refusal_reason(),
        after in prop::collection::vec(secure_outcome(), 1..10),
    ) {
        let mut tracker = SecureTracker::new(Device::ApplePayCompatible);
        for outcome in before {
            let _step = tracker.record(outcome);
        }
        if tracker.state() != SecureState::Open {
            return Ok(());
        }
        let step = tracker.record(SecureOutcome::HardDecline(reason))?;
        let refused = matches!(step, NextStep::Refused { .. });
        prop_assert!(refused);
        for outcome in after {
            prop_assert!(tracker.attempt().is_err());
            let result = tracker.record(outcome);
            let refused_again = matches!(result, Err(PaymentError::Refused { .. }));
            prop_assert!(refused_again);
        }
    }

    // PAY-2: a soft decline gets exactly one retry, and it asks for a challenge.
    #[test]
    fn pay2_soft_decline_is_retried_at_most_once(
        outcomes in prop::collection::vec(secure_outcome(), 0..20),
    ) {
        let mut tracker = SecureTracker::new(Device::Other);
        let mut retries = 0;
        for outcome in outcomes {
            if let Ok(NextStep::RetryWithChallenge) = tracker.record(outcome) {
                retries += 1;
                prop_assert_eq!(tracker.attempt().map(|a| a.challenge), Ok(true));
            }
        }
        prop_assert!(retries <= 1);
    }

    // PAY-7: a string of 13 to 19 digits is never accepted as a token.
    #[test]
    fn pay7_digit_strings_of_card_number_length_are_refused(pan in "[0-9]{13,19}") {
        prop_assert_eq!(CardToken::new(pan), Err(PaymentError::TokenLooksLikeCardNumber));
    }

    // PAY-7: any string is a token or refused with a reason, never a panic.
    #[test]
    fn any_string_is_a_token_or_a_typed_error(s in any::<String>()) {
        match CardToken::new(s.clone()) {
            Ok(token) => prop_assert_eq!(token.as_str(), s.as_str()),
            Err(e) => {
                let typed = matches!(e, PaymentError::InvalidCardToken { .. } | PaymentError::TokenLooksLikeCardNumber);
                prop_assert!(typed);
            }
        }
    }
}
