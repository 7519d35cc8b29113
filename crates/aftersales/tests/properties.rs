//! Properties of the after-sales rules (RET-5), over cases opened on generated orders and
//! driven by random sequences of steps, legal and illegal.

use chrono::{DateTime, Days, NaiveDate, Utc};
use comptoir_aftersales::strategies::{CaseFixture, opened_case, steps};
use comptoir_aftersales::{
    AfterSalesCase, CaseDeadline, CaseEventKind, CaseStatus, Condition, CustomerOption, Remedy,
};
use comptoir_calendar::{Calendar, clock};
use proptest::prelude::*;

fn paris_day(at: DateTime<Utc>) -> NaiveDate {
    clock::paris_date(&at).unwrap()
}

fn plus_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap()
}

fn first(case: &AfterSalesCase, kinds: &[CaseEventKind]) -> Option<DateTime<Utc>> {
    case.events()
        .iter()
        .find(|e| kinds.contains(&e.kind()))
        .map(|e| e.at())
}

/// The latest day the law lets the shop's deadline fall on in the case's current state,
/// computed from the articles' own numbers and the case's history, not from the crate's
/// helpers; `None` when the law sets the shop no deadline in that state.
fn law_deadline(case: &AfterSalesCase, had_product_at_termination: bool) -> Option<NaiveDate> {
    let requested = paris_day(case.claim().requested_at());
    match case.status() {
        // L217-10: thirty days after the request.
        status if status.awaits_remedy() => Some(plus_days(requested, 30)),
        // L217-17: fourteen days after the customer's decision to reduce the price.
        CaseStatus::PriceReduced => {
            let decided = first(case, &[CaseEventKind::PriceReduced]).unwrap();
            Some(plus_days(paris_day(decided), 14))
        }
        // L217-16, L217-17: fourteen days after the good is back or its dispatch proved, or
        // after the termination when the shop already had the good.
        CaseStatus::Terminated => {
            let terminated = first(case, &[CaseEventKind::Terminated]).unwrap();
            let anchor = if had_product_at_termination {
                Some(terminated)
            } else {
                first(
                    case,
                    &[
                        CaseEventKind::GoodsReturned,
                        CaseEventKind::ReturnDispatched,
                    ],
                )
            };
            anchor.map(|a| plus_days(paris_day(a), 14))
        }
        _ => None,
    }
}

/// The guarantee's last day the law gives at least: two years from delivery, six more months
/// after a repair (L217-3, L217-13).
fn law_guarantee(case: &AfterSalesCase) -> NaiveDate {
    let delivered = case.coverage().delivered_on();
    let two_years = delivered
        .checked_add_months(chrono::Months::new(24))
        .unwrap();
    let repaired = case.status() != CaseStatus::Reported
        && first(case, &[CaseEventKind::RemedyDelivered]).is_some()
        && case.remedy() == Remedy::Repair;
    if repaired {
        two_years
            .checked_add_months(chrono::Months::new(6))
            .unwrap()
    } else {
        two_years
    }
}

fn check_state(
    case: &AfterSalesCase,
    had_product_at_termination: bool,
) -> Result<(), TestCaseError> {
    let deadline = case.deadline();
    let law = law_deadline(case, had_product_at_termination);
    match (deadline.due(), law) {
        (Some(due), Some(law)) => {
            prop_assert!(
                due.last_day() <= law,
                "{:?}: {} after the law's {}",
                case.status(),
                due.last_day(),
                law
            );
        }
        (None, None) => {}
        (due, law) => prop_assert!(
            false,
            "{:?}: deadline {:?}, law {:?}",
            case.status(),
            due,
            law
        ),
    }
    let expected_kind = match case.status() {
        s if s.awaits_remedy() => matches!(deadline, CaseDeadline::Remedy(_)),
        CaseStatus::PriceReduced => matches!(deadline, CaseDeadline::Refund(_)),
        CaseStatus::Terminated => matches!(
            deadline,
            CaseDeadline::Refund(_) | CaseDeadline::RefundOnceGoodsBack
        ),
        CaseStatus::AwaitingChoice => deadline == CaseDeadline::CustomerChoice,
        _ => deadline == CaseDeadline::Closed,
    };
    prop_assert!(expected_kind, "{:?} has {:?}", case.status(), deadline);

    // The customer's periods are never shorter than the law's.
    prop_assert!(case.coverage().guarantee().last_day() >= law_guarantee(case));
    let presumption = match case.coverage().condition() {
        Condition::New => 24,
        Condition::SecondHand => 12,
    };
    let law_presumption = case
        .coverage()
        .delivered_on()
        .checked_add_months(chrono::Months::new(presumption))
        .unwrap();
    prop_assert!(case.coverage().presumption().last_day() >= law_presumption);
    prop_assert!(
        case.coverage().presumption().last_day() <= case.coverage().guarantee().last_day()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    // RET-5, L217-10, L217-16, L217-17: every state of an after-sales case has a deadline no
    // later than the law's, and the guarantee it leaves is no shorter than the law's (L217-3,
    // L217-7, L217-13).
    #[test]
    fn ret5_every_state_has_a_deadline_no_later_than_the_laws(
        (mut fixture, steps) in (opened_case(), steps(12))
    ) {
        let cal = Calendar::metropolitan();
        let mut had_product_at_termination = false;
        check_state(&fixture.case, false)?;
        for step in &steps {
            let had_product = fixture.case.has_product();
            if step.apply(&mut fixture, &cal).is_ok()
                && fixture.case.events().last().map(|e| e.kind()) == Some(CaseEventKind::Terminated)
            {
                had_product_at_termination = had_product;
            }
            check_state(&fixture.case, had_product_at_termination)?;
        }
    }

    // RET-5: an illegal transition (a repair before the diagnosis, a refund before a decision,
    // a step dated before the last one...) is a typed error and changes neither the case nor
    // the ledger.
    #[test]
    fn ret5_an_illegal_transition_changes_nothing(
        (mut fixture, steps) in (opened_case(), steps(12))
    ) {
        let cal = Calendar::metropolitan();
        for step in &steps {
            let before: CaseFixture = fixture.clone();
            if let Err(e) = step.apply(&mut fixture, &cal) {
                prop_assert_eq!(&fixture, &before, "{:?} failed with {:?} but changed the case", step, e);
                prop_assert!(!e.message_fr().is_empty());
            }
        }
    }

    // RET-5, L217-15, L217-16: money is never created: a reduction is at most the net paid,
    // a termination refunds exactly the units' net paid amount, and the ledger never refunds
    // more than the order's total.
    #[test]
    fn ret5_refunds_never_exceed_what_was_paid(
        (mut fixture, steps) in (opened_case(), steps(12))
    ) {
        let cal = Calendar::metropolitan();
        for step in &steps {
            if let Err(e) = step.apply(&mut fixture, &cal) {
                prop_assert!(!e.message_fr().is_empty());
            }
            let case = &fixture.case;
            if let Some(reduction) = case.price_reduction() {
                prop_assert!(reduction.is_positive() && reduction <= case.net_paid());
                prop_assert!(case.refund().is_none());
            }
            if let Some(refund) = case.refund() {
                prop_assert!(refund.amount() >= case.net_paid().min(fixture.order.total()));
                prop_assert!(case.price_reduction().is_none());
            }
            prop_assert!(fixture.ledger.refunded().unwrap() <= fixture.order.total());
        }
    }

    // RET-5, L217-14: the options follow the state: the remedy is awaited exactly while it is
    // owed; a reduction and a termination come together, except that a minor defect allows no
    // termination.
    #[test]
    fn ret5_options_follow_the_state(
        (mut fixture, steps) in (opened_case(), steps(12))
    ) {
        let cal = Calendar::metropolitan();
        for step in &steps {
            if let Err(e) = step.apply(&mut fixture, &cal) {
                prop_assert!(!e.message_fr().is_empty());
            }
            let case = &fixture.case;
            let options = case.options(&fixture.now).unwrap();
            let awaits = options.iter().any(|o| matches!(o, CustomerOption::AwaitRemedy(_)));
            prop_assert_eq!(awaits, case.status().awaits_remedy());
            let reduce = options.iter().any(|o| matches!(o, CustomerOption::PriceReduction(_)));
            let terminate = options.iter().any(|o| matches!(o, CustomerOption::Termination(_)));
            prop_assert!(!terminate || reduce);
            prop_assert!(!terminate || case.minor_defect().is_none());
            if case.minor_defect().is_none() {
                prop_assert_eq!(reduce, terminate);
            }
            if case.status() == CaseStatus::AwaitingChoice {
                prop_assert!(reduce);
            }
        }
    }
}
