//! Invariants of the refund deadlines and surcharges (REF-2, REF-3): the law's ceiling
//! whatever the shop's calendar and policy, and policies that `validate` accepts always lawful.

use chrono::{DateTime, Utc};
use comptoir_calendar::{Calendar, Period, Roll};
use comptoir_money::Decimal;
use comptoir_refund::{
    Deferral, LegalInterestRate, LegalInterestReading, RefundDeadlines, RefundDue, RefundPolicy,
    Surcharge, SurchargePolicy, strategies,
};
use proptest::prelude::*;

/// An instant from 2000 to 2190: deadlines months later stay inside the calendar's range.
fn instant_2000_to_2190() -> impl Strategy<Value = DateTime<Utc>> {
    let year = |y| {
        DateTime::parse_from_rfc3339(&format!("{y}-01-01T00:00:00Z"))
            .unwrap()
            .to_utc()
    };
    comptoir_calendar::strategies::instant_between(year(2000), year(2190))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    // REF-2: the due date is never before the 14-day ceiling, is the first of goods and proof
    // when those come after it (unless the shop offered to collect), and a pending refund is
    // never late.
    #[test]
    fn ref2_due_date_is_the_later_of_ceiling_and_first_fact(
        facts in strategies::refund_facts(),
        probe in instant_2000_to_2190(),
    ) {
        let cal = Calendar::metropolitan();
        let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &cal).unwrap();
        match d.due() {
            RefundDue::By { last_day, .. } => {
                prop_assert!(last_day >= d.ceiling().last_day());
                if facts.is_collection_offered() {
                    prop_assert_eq!(last_day, d.ceiling().last_day());
                } else {
                    let first = [facts.goods_received(), facts.proof_of_shipment()]
                        .into_iter().flatten().min().unwrap();
                    let first_day = comptoir_calendar::clock::paris_date(&first).unwrap();
                    prop_assert_eq!(last_day, first_day.max(d.ceiling().last_day()));
                }
                prop_assert_eq!(d.is_late(&probe).unwrap(), d.days_late(&probe).unwrap().get() > 0);
            }
            RefundDue::Pending { not_before } => {
                prop_assert!(facts.goods_received().is_none() && facts.proof_of_shipment().is_none());
                prop_assert!(!facts.is_collection_offered());
                prop_assert_eq!(not_before, d.ceiling().last_day());
                prop_assert!(!d.is_late(&probe).unwrap());
            }
        }
        if let Some(expected) = d.expected() {
            prop_assert!(expected.earliest() <= expected.latest());
        }
    }

    // REF-2: an expected refund window never ends after the due date, whatever the lawful
    // policy and the shop's calendar; it is cut exactly when the FAQ's window would pass it.
    #[test]
    fn ref2_expected_window_never_ends_after_the_ceiling(
        facts in strategies::refund_facts(),
        policy in strategies::refund_policy(),
        shop_policy in comptoir_calendar::strategies::calendar_policy(),
    ) {
        let cal = Calendar::new(&shop_policy).unwrap();
        let d = RefundDeadlines::compute(&facts, &policy, &cal).unwrap();
        if let Some(expected) = d.expected() {
            let due = d.due().last_day().unwrap();
            prop_assert!(expected.latest() <= due);
            let checked = facts.goods_checked().or(facts.goods_received()).unwrap().max(facts.notice());
            let checked_day = comptoir_calendar::clock::paris_date(&checked).unwrap();
            let uncapped = cal.add_business_days(checked_day, policy.expected_to).unwrap();
            prop_assert_eq!(d.is_expected_capped(), uncapped > due);
            if !d.is_expected_capped() {
                prop_assert_eq!(expected.latest(), uncapped);
            }
        }
    }

    // REF-2, L221-24: whatever refund policy `validate` accepts, the refund is due no later
    // than the law allows: 14 days after the notice (rolled at most over the legal calendar
    // of the shop's region), or the first of the goods and the proof of shipment when the
    // shop may wait for them; whatever it refuses is refused by the computation too.
    #[test]
    fn ref2_every_accepted_refund_policy_is_lawful(
        facts in strategies::refund_facts(),
        policy in strategies::any_refund_policy(),
        shop_policy in comptoir_calendar::strategies::calendar_policy(),
    ) {
        let cal = Calendar::new(&shop_policy).unwrap();
        let result = RefundDeadlines::compute(&facts, &policy, &cal);
        match policy.validate() {
            Ok(()) => {
                let d = result.unwrap();
                let notice_day = comptoir_calendar::clock::paris_date(&facts.notice()).unwrap();
                let law = Period { days: comptoir_withdrawal::LEGAL_DAYS, roll: Roll::NextBusinessDay }
                    .deadline(notice_day, &Calendar::legal(shop_policy.region)).unwrap()
                    .last_day();
                match d.due() {
                    RefundDue::By { last_day, deferred_until: None } => prop_assert!(last_day <= law),
                    RefundDue::By { last_day, deferred_until: Some(_) } => {
                        prop_assert!(!facts.is_collection_offered());
                        prop_assert_eq!(policy.deferral, Deferral::UntilGoodsOrProof);
                        let first = [facts.goods_received(), facts.proof_of_shipment()]
                            .into_iter().flatten().min().unwrap();
                        prop_assert_eq!(last_day, comptoir_calendar::clock::paris_date(&first).unwrap());
                    }
                    RefundDue::Pending { not_before } => {
                        prop_assert!(not_before <= law);
                        prop_assert!(!facts.is_collection_offered());
                    }
                }
                if let (Some(expected), Some(due)) = (d.expected(), d.due().last_day()) {
                    prop_assert!(expected.latest() <= due);
                }
            }
            Err(e) => {
                prop_assert!(e.is_invalid_policy());
                prop_assert_eq!(result.unwrap_err(), e);
            }
        }
    }

    // REF-3: more lateness never means a smaller surcharge.
    #[test]
    fn ref3_surcharge_never_decreases_with_lateness(
        due in strategies::amount_due(),
        price in strategies::products_price(),
        rate in strategies::legal_interest_rate(),
        a in strategies::days_late(),
        b in strategies::days_late(),
    ) {
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        let s_early = Surcharge::compute(due, price, early, rate).unwrap();
        let s_late = Surcharge::compute(due, price, late, rate).unwrap();
        prop_assert!(s_early.amount() <= s_late.amount(), "{:?} > {:?}", s_early, s_late);
    }

    // REF-3: under the flat reading too, more lateness never costs less as long as the
    // legal rate is at most the next tier's 5 % (above it, day 10 costs more than day 11,
    // as documented on `LegalInterestReading::Flat`).
    #[test]
    fn ref3_flat_reading_never_decreases_with_lateness_up_to_5_percent(
        due in strategies::amount_due(),
        price in strategies::products_price(),
        hundredths in 0i64..=500,
        a in strategies::days_late(),
        b in strategies::days_late(),
    ) {
        let rate = LegalInterestRate::new(Decimal::new(hundredths, 2)).unwrap();
        let flat = SurchargePolicy { legal_interest: LegalInterestReading::Flat };
        let (early, late) = if a <= b { (a, b) } else { (b, a) };
        let s_early = Surcharge::compute_with(due, price, early, rate, &flat).unwrap();
        let s_late = Surcharge::compute_with(due, price, late, rate, &flat).unwrap();
        prop_assert!(s_early.amount() <= s_late.amount(), "{:?} > {:?}", s_early, s_late);
    }

    // REF-3: under either reading the surcharge never exceeds the products' price and is
    // never negative.
    #[test]
    fn ref3_surcharge_never_exceeds_the_products_price(
        due in strategies::amount_due(),
        price in strategies::products_price(),
        rate in strategies::legal_interest_rate(),
        days in strategies::days_late(),
        flat in prop::bool::ANY,
    ) {
        let policy = SurchargePolicy {
            legal_interest: if flat { LegalInterestReading::Flat } else { LegalInterestReading::ProRata },
        };
        let s = Surcharge::compute_with(due, price, days, rate, &policy).unwrap();
        prop_assert!(s.amount() <= price.amount());
        prop_assert!(!s.amount().is_negative());
        prop_assert_eq!(s.amount(), s.uncapped().min(price.amount()));
    }

    // REF-3: the legal rate reads back from what it displays.
    #[test]
    fn ref3_legal_rate_reads_back_from_its_text(rate in strategies::legal_interest_rate()) {
        prop_assert_eq!(rate.to_string().parse::<LegalInterestRate>().unwrap(), rate);
    }
}
