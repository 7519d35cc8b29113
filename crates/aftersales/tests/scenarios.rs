//! After-sales cases read like the FAQ and the Code de la consommation (RET-5, L217-3 to
//! L217-17, L241-6).

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir_aftersales::{
    AfterSalesCase, AfterSalesError, Burden, CaseDeadline, CaseEventKind, CaseStatus, Claim,
    Condition, Coverage, CustomerOption, Finding, FindingKind, Ground, GuaranteePolicy, Postage,
    Remedy,
};
use comptoir_calendar::{Calendar, CalendarDays};
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_money::Eur;
use comptoir_promo::{Catalogue, Effect, EvaluationContext, Line, Offer, Quantity, Target};
use comptoir_refund::{RefundAmountPolicy, RefundError, RefundLedger, Return, ReturnedItem};

fn at(y: i32, m: u32, d: u32) -> DateTime<Tz> {
    Paris.with_ymd_and_hms(y, m, d, 10, 0, 0).single().unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn eur(text: &str) -> Eur {
    text.parse().unwrap()
}

fn cal() -> Calendar {
    Calendar::metropolitan()
}

/// A kettle at 59.90 and two mugs at 12.00, 10 % off the whole order, 4.90 delivery.
fn order() -> Order {
    let ten = Effect::PercentOff {
        percent: "10 %".parse().unwrap(),
        on: Target::Order,
    };
    let catalogue = Catalogue::new([Offer::builder("dix".parse().unwrap(), "-10 %", ten)
        .priority(1)
        .build()
        .unwrap()])
    .unwrap();
    let context = EvaluationContext::new(at(2026, 1, 5));
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    let kettle = Line::new(
        "kettle".parse().unwrap(),
        "bouilloire".parse().unwrap(),
        eur("59.90"),
        Quantity::ONE,
    )
    .unwrap();
    let mugs = Line::new(
        "mugs".parse().unwrap(),
        "tasse".parse().unwrap(),
        eur("12.00"),
        Quantity::new(2).unwrap(),
    )
    .unwrap();
    cart.add_line(kettle, &terms).unwrap();
    cart.add_line(mugs, &terms).unwrap();
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, eur("4.90")).unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(1), &terms).unwrap()
}

struct Shop {
    order: Order,
    ledger: RefundLedger,
    policy: GuaranteePolicy,
    coverage: Coverage,
}

/// The order, collected at the relay point on Friday 9 January 2026.
fn shop(condition: Condition) -> Shop {
    let order = order();
    let ledger = RefundLedger::new(&order, RefundAmountPolicy::default()).unwrap();
    let policy = GuaranteePolicy::default();
    let coverage = Coverage::compute(&at(2026, 1, 9), condition, &policy, &cal()).unwrap();
    Shop {
        order,
        ledger,
        policy,
        coverage,
    }
}

fn claim(remedy: Remedy, asked: DateTime<Tz>) -> Claim {
    Claim::new("kettle".parse().unwrap(), remedy, "ne chauffe plus", &asked).unwrap()
}

fn open(shop: &Shop, claim: &Claim) -> Result<AfterSalesCase, AfterSalesError> {
    AfterSalesCase::open(
        claim,
        &shop.order,
        &shop.ledger,
        &shop.coverage,
        &shop.policy,
        &cal(),
    )
}

/// A case on the kettle, asked on Tuesday 1 December 2026, product received on the 4th.
fn under_diagnosis(shop: &Shop, remedy: Remedy) -> AfterSalesCase {
    let mut case = open(shop, &claim(remedy, at(2026, 12, 1))).unwrap();
    case.receive_product(&at(2026, 12, 4), Postage::Prepaid)
        .unwrap();
    case
}

fn remedy_last_day(case: &AfterSalesCase) -> NaiveDate {
    match case.deadline() {
        CaseDeadline::Remedy(d) => d.last_day(),
        other => panic!("{other:?}"),
    }
}

// RET-5, L217-3: two years from delivery; a defect that appears later is refused with the
// guarantee's end, and nothing is opened.
#[test]
fn ret5_l217_3_a_defect_after_two_years_is_not_covered() {
    let shop = shop(Condition::New);
    assert!(open(&shop, &claim(Remedy::Repair, at(2028, 1, 9))).is_ok());
    let err = open(&shop, &claim(Remedy::Repair, at(2028, 1, 10))).unwrap_err();
    assert_eq!(
        err,
        AfterSalesError::OutsideGuarantee {
            appeared_on: ymd(2028, 1, 10),
            guarantee_ends: ymd(2028, 1, 9)
        }
    );
    assert!(err.is_outside_guarantee());
    assert!(err.message_fr().contains("09/01/2028"));
    // Reported late, appeared in time: covered (the report may come after the two years).
    let late_report = claim(Remedy::Repair, at(2028, 3, 1)).with_appeared_on(ymd(2027, 12, 20));
    assert!(open(&shop, &late_report).is_ok());
}

// RET-5, L217-7: within 24 months of delivery (12 for second-hand goods) the shop bears the
// proof that the defect did not exist at delivery.
#[test]
fn ret5_l217_7_presumption_24_months_new_12_second_hand() {
    let new = shop(Condition::New);
    let used = shop(Condition::SecondHand);
    let a_year_and_a_half = claim(Remedy::Repair, at(2027, 7, 9));
    assert_eq!(
        open(&new, &a_year_and_a_half).unwrap().burden(),
        Burden::Seller
    );
    assert_eq!(
        open(&used, &a_year_and_a_half).unwrap().burden(),
        Burden::Customer
    );
    let within_a_year = claim(Remedy::Repair, at(2027, 1, 9));
    assert_eq!(
        open(&used, &within_a_year).unwrap().burden(),
        Burden::Seller
    );
    let day_after = claim(Remedy::Repair, at(2027, 1, 10));
    assert_eq!(open(&used, &day_after).unwrap().burden(), Burden::Customer);
}

// RET-5, L217-10: the 30 days run from the request; the FAQ's pre-diagnosis and the product's
// journey do not move them.
#[test]
fn ret5_l217_10_thirty_days_from_the_request_whatever_the_prediagnosis() {
    let shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Replacement, at(2026, 12, 1))).unwrap();
    assert_eq!(remedy_last_day(&case), ymd(2026, 12, 31));
    case.record_prediagnosis(&at(2026, 12, 15), "résistance hors service")
        .unwrap();
    case.receive_product(&at(2026, 12, 28), Postage::Prepaid)
        .unwrap();
    assert_eq!(remedy_last_day(&case), ymd(2026, 12, 31));
    assert_eq!(case.prediagnosis(), Some("résistance hors service"));
    // A shop may promise less time, never more.
    let fast = GuaranteePolicy {
        remedy_within: CalendarDays::new(10),
        ..GuaranteePolicy::default()
    };
    let quick = AfterSalesCase::open(
        &claim(Remedy::Repair, at(2026, 12, 1)),
        &shop.order,
        &shop.ledger,
        &shop.coverage,
        &fast,
        &cal(),
    )
    .unwrap();
    assert_eq!(remedy_last_day(&quick), ymd(2026, 12, 11));
}

// RET-5: the FAQ's "uniquement après avoir établi un pré-diagnostic" is not a condition: a
// product sent without it is taken in, whatever its packaging.
#[test]
fn ret5_the_prediagnosis_is_not_a_condition() {
    let shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Repair, at(2026, 12, 1))).unwrap();
    case.receive_product(&at(2026, 12, 3), Postage::Prepaid)
        .unwrap();
    assert_eq!(case.status(), CaseStatus::UnderDiagnosis);
    assert!(case.has_product());
    assert_eq!(case.prediagnosis(), None);
}

// RET-5, L217-9, L217-12: the customer chooses; the shop may do the other remedy once, saying
// why in writing; the deadline stays the request's.
#[test]
fn ret5_l217_12_the_shop_may_do_the_other_remedy_with_reasons() {
    let shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Repair);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    assert_eq!(case.remedy(), Remedy::Repair);
    let err = case.switch_remedy(&at(2026, 12, 8), "  ").unwrap_err();
    assert!(matches!(err, AfterSalesError::BlankText { .. }));
    case.switch_remedy(
        &at(2026, 12, 8),
        "pièce introuvable : réparation impossible",
    )
    .unwrap();
    assert_eq!(case.remedy(), Remedy::Replacement);
    assert_eq!(remedy_last_day(&case), ymd(2026, 12, 31));
    let again = case.switch_remedy(&at(2026, 12, 9), "retour à la réparation");
    assert_eq!(
        again,
        Err(AfterSalesError::AlreadyRecorded {
            event: CaseEventKind::RemedySwitched
        })
    );
    // L217-13 al. 2: a replacement imposed instead of the repair asked for restarts the
    // guarantee from its delivery.
    case.deliver_remedy(&at(2026, 12, 18), &cal()).unwrap();
    assert_eq!(case.coverage().guarantee().last_day(), ymd(2028, 12, 18));
}

// RET-5, L217-13, L217-28: a repair extends the guarantee by the days the good was away and
// six months.
#[test]
fn ret5_l217_13_a_repair_extends_the_guarantee() {
    let shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Repair);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    case.deliver_remedy(&at(2026, 12, 21), &cal()).unwrap();
    // 9 January 2028 + 20 days + 6 months.
    assert_eq!(case.coverage().guarantee().last_day(), ymd(2028, 7, 29));
    assert_eq!(case.coverage().presumption().last_day(), ymd(2028, 7, 29));
    assert_eq!(case.deadline(), CaseDeadline::Closed);
    assert!(!case.has_product());
    // A replacement the customer chose keeps the guarantee, plus the days away.
    let mut chosen = under_diagnosis(&shop, Remedy::Replacement);
    chosen.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    chosen.deliver_remedy(&at(2026, 12, 21), &cal()).unwrap();
    assert_eq!(chosen.coverage().guarantee().last_day(), ymd(2028, 1, 29));
}

// RET-5, L217-14 2°: past the 30 days the customer may ask for a price reduction or a
// termination; before, asking is refused and changes nothing.
#[test]
fn ret5_l217_14_a_late_remedy_opens_reduction_and_termination() {
    let mut shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Replacement);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    let due = case.remedy_due();
    assert_eq!(
        case.options(&at(2026, 12, 31)).unwrap(),
        vec![CustomerOption::AwaitRemedy(due)]
    );
    let before = case.clone();
    let ledger_before = shop.ledger.clone();
    let err = case
        .terminate(&at(2026, 12, 31), &shop.order, &mut shop.ledger, &cal())
        .unwrap_err();
    assert!(matches!(
        err,
        AfterSalesError::OptionNotOpen {
            option: "a termination",
            ..
        }
    ));
    assert!(err.is_illegal_transition());
    assert_eq!(case, before);
    assert_eq!(shop.ledger, ledger_before);
    assert_eq!(
        case.options(&at(2027, 1, 1)).unwrap(),
        vec![
            CustomerOption::AwaitRemedy(due),
            CustomerOption::PriceReduction(Ground::Late),
            CustomerOption::Termination(Ground::Late),
        ]
    );
    // The product is at the shop: the refund is due 14 days after the termination.
    let refund = case
        .terminate(&at(2027, 1, 4), &shop.order, &mut shop.ledger, &cal())
        .unwrap()
        .clone();
    assert_eq!(
        refund.amount(),
        shop.order.net_of(&"kettle".parse().unwrap()).unwrap()
    );
    assert_eq!(case.status(), CaseStatus::Terminated);
    assert!(matches!(case.deadline(), CaseDeadline::Refund(d) if d.last_day() == ymd(2027, 1, 18)));
}

// RET-5, L217-14 2°: a remedy delivered after the 30 days still lets the customer ask for a
// price reduction ("la mise en conformité intervient après un délai de trente jours").
#[test]
fn ret5_l217_14_a_remedy_delivered_late_still_opens_a_reduction() {
    let shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Repair);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    case.deliver_remedy(&at(2027, 1, 8), &cal()).unwrap();
    let options = case.options(&at(2027, 1, 10)).unwrap();
    assert!(
        options.contains(&CustomerOption::PriceReduction(Ground::Late)),
        "{options:?}"
    );
    case.reduce_price(&at(2027, 1, 10), eur("10.00"), &cal())
        .unwrap();
    assert_eq!(case.price_reduction(), Some(eur("10.00")));
    assert!(matches!(case.deadline(), CaseDeadline::Refund(d) if d.last_day() == ymd(2027, 1, 24)));
    // Paid on the 26th: two days late, kept as such.
    case.pay_refund(&at(2027, 1, 26)).unwrap();
    assert_eq!(case.refund_days_late(), Some(CalendarDays::new(2)));
    assert_eq!(case.deadline(), CaseDeadline::Closed);
}

// RET-5, L217-14 3°: the defect persists after the repair; the customer terminates, posts the
// kettle back, and the refund runs from the proof of dispatch (L217-16, L217-17).
#[test]
fn ret5_l217_14_a_persisting_defect_then_termination_against_return() {
    let mut shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Repair);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    case.deliver_remedy(&at(2026, 12, 21), &cal()).unwrap();
    assert!(
        !case
            .options(&at(2027, 2, 1))
            .unwrap()
            .iter()
            .any(|o| matches!(o, CustomerOption::Termination(_)))
    );
    case.report_persisting_defect(&at(2027, 2, 1)).unwrap();
    assert_eq!(case.deadline(), CaseDeadline::CustomerChoice);
    case.terminate(&at(2027, 2, 2), &shop.order, &mut shop.ledger, &cal())
        .unwrap();
    // The kettle is with the customer: nothing runs until it is back or its dispatch proved.
    assert_eq!(case.deadline(), CaseDeadline::RefundOnceGoodsBack);
    assert_eq!(
        case.options(&at(2027, 2, 2)).unwrap(),
        vec![CustomerOption::AwaitRefund(None)]
    );
    case.prove_return_dispatch(&at(2027, 2, 5), &cal()).unwrap();
    assert!(matches!(case.deadline(), CaseDeadline::Refund(d) if d.last_day() == ymd(2027, 2, 19)));
    // The goods arriving later do not push the deadline back.
    case.receive_returned_goods(&at(2027, 2, 9), &cal())
        .unwrap();
    assert!(matches!(case.deadline(), CaseDeadline::Refund(d) if d.last_day() == ymd(2027, 2, 19)));
    assert!(
        case.prove_return_dispatch(&at(2027, 2, 10), &cal())
            .is_err()
    );
    // The ledger knows the kettle is gone: the same units cannot be refunded twice.
    assert_eq!(shop.ledger.kept_units(&"kettle".parse().unwrap()), Some(0));
    assert!(open(&shop, &claim(Remedy::Repair, at(2027, 2, 11))).is_err());
}

// RET-5, L217-14 al. 2: a serious defect opens a reduction or a termination at once.
#[test]
fn ret5_l217_14_a_serious_defect_needs_no_remedy_first() {
    let shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Repair, at(2026, 12, 1))).unwrap();
    case.acknowledge_serious_defect(&at(2026, 12, 1), "court-circuit : risque d'incendie")
        .unwrap();
    assert_eq!(
        case.options(&at(2026, 12, 1)).unwrap(),
        vec![
            CustomerOption::PriceReduction(Ground::Serious),
            CustomerOption::Termination(Ground::Serious)
        ]
    );
    assert!(matches!(
        case.declare_minor_defect(&at(2026, 12, 2), "rayure"),
        Err(AfterSalesError::Contradiction { .. })
    ));
}

// RET-5, L217-14 last al.: a defect the shop shows to be minor allows no termination; the
// reduction stays.
#[test]
fn ret5_l217_14_a_minor_defect_allows_no_termination() {
    let mut shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Replacement);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    case.refuse_conformity(&at(2026, 12, 8), "modèle épuisé chez le fabricant")
        .unwrap();
    case.declare_minor_defect(&at(2026, 12, 8), "voyant de charge seul défaillant")
        .unwrap();
    assert_eq!(
        case.options(&at(2026, 12, 9)).unwrap(),
        vec![CustomerOption::PriceReduction(Ground::Refused)]
    );
    let err = case
        .terminate(&at(2026, 12, 9), &shop.order, &mut shop.ledger, &cal())
        .unwrap_err();
    assert!(matches!(err, AfterSalesError::MinorDefect { .. }));
    assert!(case.message_fr().contains("réduction"));
    assert!(!case.message_fr().contains("intégralement"));
}

// RET-5, L217-15: a reduction is above zero and at most the net paid for the units (the
// kettle's share after the 10 % offer).
#[test]
fn ret5_l217_15_a_reduction_is_bounded_by_the_net_paid() {
    let shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Replacement);
    case.refuse_conformity(&at(2026, 12, 5), "plus aucun modèle disponible")
        .unwrap();
    let net = case.net_paid();
    assert_eq!(net, shop.order.net_of(&"kettle".parse().unwrap()).unwrap());
    assert!(
        net < eur("59.90"),
        "the offer's share is not refunded: {net}"
    );
    for bad in [
        Eur::ZERO,
        eur("-1.00"),
        net.checked_add(Eur::from_cents(1)).unwrap(),
    ] {
        let before = case.clone();
        let err = case
            .reduce_price(&at(2026, 12, 6), bad, &cal())
            .unwrap_err();
        assert!(
            matches!(err, AfterSalesError::ReductionOutOfRange { .. }),
            "{bad}"
        );
        assert_eq!(case, before);
    }
    case.reduce_price(&at(2026, 12, 6), net, &cal()).unwrap();
}

// RET-5, REF-4: "En cas d'indisponibilité du produit, vous serez intégralement remboursé": the
// termination refunds the net paid amount through the ledger, and a later withdrawal of the
// mugs is computed on what remains.
#[test]
fn ret5_ref4_none_available_refunds_the_net_paid_amount() {
    let mut shop = shop(Condition::New);
    let mut case = under_diagnosis(&shop, Remedy::Replacement);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    case.refuse_conformity(&at(2026, 12, 8), "plus aucun modèle disponible")
        .unwrap();
    assert_eq!(case.refusal(), Some("plus aucun modèle disponible"));
    let refund = case
        .terminate(&at(2026, 12, 9), &shop.order, &mut shop.ledger, &cal())
        .unwrap()
        .clone();
    assert_eq!(refund.amount(), case.net_paid());
    assert_eq!(case.refund(), Some(&refund));
    assert!(case.message_fr().contains("remboursés"));
    let mugs = shop
        .ledger
        .record(
            &shop.order,
            Return::new([ReturnedItem::item(
                "mugs".parse().unwrap(),
                Quantity::new(2).unwrap(),
            )])
            .unwrap(),
        )
        .unwrap();
    // Everything paid comes back once, no more.
    assert_eq!(
        refund.amount().checked_add(mugs.amount()).unwrap(),
        shop.order.total()
    );
    case.pay_refund(&at(2026, 12, 20)).unwrap();
    assert_eq!(case.refund_days_late(), Some(CalendarDays::ZERO));
}

// RET-5, L217-7, L217-12: "aucun défaut n'est confirmé après nos tests" closes the case only
// with a written report; within the presumption the customer is told the report is the shop's
// proof and can be contested.
#[test]
fn ret5_no_defect_found_needs_a_written_report() {
    let shop = shop(Condition::New);
    assert!(Finding::new(FindingKind::NoDefect, " ").is_err());
    let mut case = under_diagnosis(&shop, Remedy::Replacement);
    let report = Finding::new(
        FindingKind::CausedAfterDelivery,
        "socle fissuré par un choc, résistance intacte",
    )
    .unwrap();
    case.find_no_defect(&at(2026, 12, 8), report.clone())
        .unwrap();
    assert_eq!(case.status(), CaseStatus::NoDefectFound);
    assert_eq!(case.finding(), Some(&report));
    assert_eq!(case.deadline(), CaseDeadline::Closed);
    let text = case.message_fr();
    assert!(text.contains("renvoyé en l'état, à nos frais"), "{text}");
    assert!(text.contains("vous pouvez le contester"), "{text}");
    assert!(!case.has_product());
    // Still within the guarantee, the customer may claim again.
    assert_eq!(
        case.options(&at(2027, 3, 1)).unwrap(),
        vec![CustomerOption::ClaimAgain(case.coverage().guarantee())]
    );
}

// RET-5: bad input is a typed error and changes nothing: a repair before the diagnosis, a
// refund before any decision, events out of order, a claim on units already returned.
#[test]
fn ret5_bad_input_changes_nothing() {
    let mut shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Repair, at(2026, 12, 1))).unwrap();
    let before = case.clone();
    let cal = cal();
    let attempts: Vec<Result<(), AfterSalesError>> = vec![
        case.deliver_remedy(&at(2026, 12, 2), &cal),
        case.confirm_defect(&at(2026, 12, 2), &cal),
        case.pay_refund(&at(2026, 12, 2)),
        case.find_no_defect(
            &at(2026, 12, 2),
            Finding::new(FindingKind::NoDefect, "ok").unwrap(),
        ),
        case.report_persisting_defect(&at(2026, 12, 2)),
        case.receive_returned_goods(&at(2026, 12, 2), &cal),
        case.switch_remedy(&at(2026, 12, 2), "x"),
        case.receive_product(&at(2026, 11, 30), Postage::Prepaid),
        case.record_prediagnosis(&at(2026, 11, 30), "avant la demande"),
        case.record_prediagnosis(&at(2026, 12, 2), ""),
        case.receive_product(&at(2026, 12, 2), Postage::PaidByCustomer(Eur::ZERO)),
        case.reduce_price(&at(2026, 12, 2), eur("5"), &cal),
        case.terminate(&at(2026, 12, 2), &shop.order, &mut shop.ledger, &cal)
            .map(|_| ()),
    ];
    for result in attempts {
        assert!(result.is_err());
        assert!(!result.unwrap_err().message_fr().is_empty());
    }
    assert_eq!(case, before);
    assert_eq!(
        case.deliver_remedy(&at(2026, 12, 2), &cal),
        Err(AfterSalesError::IllegalTransition {
            status: CaseStatus::Reported,
            event: CaseEventKind::RemedyDelivered
        })
    );
    let out_of_order = case
        .receive_product(&at(2026, 11, 30), Postage::Prepaid)
        .unwrap_err();
    assert!(out_of_order.is_bad_facts(), "{out_of_order:?}");
    assert!(case.options(&at(2026, 11, 30)).is_err());

    // A claim before the delivery, a defect after the request, units no longer kept.
    let early = claim(Remedy::Repair, at(2026, 1, 8));
    assert!(matches!(
        open(&shop, &early),
        Err(AfterSalesError::RequestBeforeDelivery { .. })
    ));
    let future = claim(Remedy::Repair, at(2026, 12, 1)).with_appeared_on(ymd(2026, 12, 2));
    assert!(matches!(
        open(&shop, &future),
        Err(AfterSalesError::AppearanceOutOfSpan { .. })
    ));
    let three_mugs = Claim::new(
        "mugs".parse().unwrap(),
        Remedy::Repair,
        "fêlé",
        &at(2026, 3, 1),
    )
    .unwrap()
    .with_units(Quantity::new(3).unwrap());
    assert!(matches!(
        open(&shop, &three_mugs),
        Err(AfterSalesError::Refund(
            RefundError::MoreUnitsThanOrdered { .. }
        ))
    ));
    let teapot = Claim::new(
        "teapot".parse().unwrap(),
        Remedy::Repair,
        "fuit",
        &at(2026, 3, 1),
    )
    .unwrap();
    assert!(matches!(
        open(&shop, &teapot),
        Err(AfterSalesError::Refund(
            RefundError::UnknownOrderLine { .. }
        ))
    ));
}

// RET-5, L241-6, D217-1: the postage the customer paid is refunded within 14 days of the good
// being taken in; later, it is increased by 10 % up to 14 days, 20 % up to 30, 50 % beyond.
#[test]
fn ret5_l241_6_postage_refund_and_its_increase() {
    let shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Repair, at(2026, 12, 1))).unwrap();
    case.receive_product(&at(2026, 12, 4), Postage::PaidByCustomer(eur("8.00")))
        .unwrap();
    let postage = case.postage_refund().unwrap();
    assert_eq!(postage.due(), None, "not due before the good is taken in");
    assert_eq!(postage.surcharge(&at(2030, 1, 1)).unwrap(), Eur::ZERO);
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    let postage = case.postage_refund().unwrap();
    assert_eq!(postage.due().unwrap().last_day(), ymd(2026, 12, 21));
    for (paid, late, increase) in [
        (at(2026, 12, 21), 0, "0.00"),
        (at(2026, 12, 22), 1, "0.80"),
        (at(2027, 1, 4), 14, "0.80"),
        (at(2027, 1, 5), 15, "1.60"),
        (at(2027, 1, 20), 30, "1.60"),
        (at(2027, 1, 21), 31, "4.00"),
    ] {
        assert_eq!(postage.days_late(&paid).unwrap(), CalendarDays::new(late));
        assert_eq!(
            postage.surcharge(&paid).unwrap(),
            eur(increase),
            "{late} days"
        );
    }
}

// RET-5: every customer-facing text is French and ends its sentence.
#[test]
fn ret5_every_state_has_a_french_message() {
    let mut shop = shop(Condition::New);
    let mut case = open(&shop, &claim(Remedy::Repair, at(2026, 12, 1))).unwrap();
    let mut seen = vec![case.message_fr()];
    case.record_prediagnosis(&at(2026, 12, 2), "thermostat")
        .unwrap();
    seen.push(case.message_fr());
    case.receive_product(&at(2026, 12, 4), Postage::Prepaid)
        .unwrap();
    seen.push(case.message_fr());
    case.confirm_defect(&at(2026, 12, 7), &cal()).unwrap();
    seen.push(case.message_fr());
    case.acknowledge_serious_defect(&at(2026, 12, 8), "risque électrique")
        .unwrap();
    seen.push(case.message_fr());
    case.terminate(&at(2026, 12, 8), &shop.order, &mut shop.ledger, &cal())
        .unwrap();
    seen.push(case.message_fr());
    case.pay_refund(&at(2026, 12, 10)).unwrap();
    seen.push(case.message_fr());
    for text in seen {
        assert!(text.ends_with('.'), "{text}");
    }
    for option in case.options(&at(2026, 12, 10)).unwrap() {
        assert!(option.message_fr().ends_with('.'));
    }
    assert_eq!(case.events().len(), 7);
    assert_eq!(case.events()[0].kind(), CaseEventKind::Requested);
}

// RET-5: the inputs read back from JSON through their constructors' checks; the case
// serialises for a back office to show.
#[cfg(feature = "serde")]
#[test]
fn ret5_serde_checks_what_constructors_check() {
    let c = claim(Remedy::Repair, at(2026, 12, 1)).with_units(Quantity::ONE);
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<Claim>(&json).unwrap(), c);
    let blank = json.replace("ne chauffe plus", " ");
    assert!(serde_json::from_str::<Claim>(&blank).is_err());
    let policy: GuaranteePolicy = serde_json::from_str(r#"{"guarantee":36}"#).unwrap();
    assert_eq!(policy.guarantee.get(), 36);
    assert!(serde_json::from_str::<GuaranteePolicy>(r#"{"guarantee":12}"#).is_err());
    assert!(serde_json::from_str::<Finding>(r#"{"kind":"no_defect","report":""}"#).is_err());
    let shop = shop(Condition::New);
    let case = open(&shop, &c).unwrap();
    let value = serde_json::to_value(&case).unwrap();
    assert_eq!(value["state"], "reported");
}
