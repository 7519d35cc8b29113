//! Invariants of the after-sale rules (RET-1, REF-2, REF-3).

use chrono::{DateTime, Days, TimeDelta, Utc};
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_money::Decimal;
use comptoir_returns::{
    LegalInterestRate, LegalInterestReading, RefundDeadlines, RefundDue, RefundPolicy, Surcharge,
    SurchargePolicy, WithdrawalPolicy, WithdrawalWindows, strategies,
};
use proptest::prelude::*;

/// Longest run of closed days in a region's calendar without shop closures: four days, e.g.
/// Ascension on Thursday 7 May followed by 8 May and a weekend (everywhere), Good Friday to
/// Easter Monday (Alsace-Moselle), Saturday to the 27 April holiday when Easter Monday is
/// 26 April (Mayotte). No two holidays sit closer to a weekend than that. A rolled deadline therefore lands at
/// most four days after its nominal day. Shop closures can make the run as long as the shop
/// likes, so the bound is stated for the public calendars only.
const LONGEST_CLOSED_RUN: u64 = 4;

fn calendars() -> Vec<Calendar> {
    let mut all = Vec::new();
    for region in Region::ALL {
        for whit_monday_closed in [true, false] {
            all.push(
                Calendar::new(&CalendarPolicy {
                    region,
                    whit_monday_closed,
                    ..CalendarPolicy::default()
                })
                .unwrap(),
            );
        }
    }
    all
}

// RET-1: the bound the property below relies on, checked on every day 1900-2200.
#[test]
fn ret1_no_public_calendar_closes_more_than_four_days_in_a_row() {
    for cal in calendars() {
        let mut day = Calendar::MIN_DATE;
        let (mut run, mut longest) = (0u64, 0u64);
        while day <= Calendar::MAX_DATE {
            if cal.is_business_day(day).unwrap() {
                run = 0;
            } else {
                run += 1;
                longest = longest.max(run);
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(longest, LONGEST_CLOSED_RUN, "{:?}", cal.policy());
    }
}

proptest! {
    // RET-1: a deadline is a business day, no earlier than receipt + window and at most
    // LONGEST_CLOSED_RUN days later.
    #[test]
    fn ret1_deadline_is_a_business_day_within_four_days_of_the_window(
        (validated, receipts) in strategies::order_receipts(4),
        policy in strategies::withdrawal_policy(),
        cal_index in 0usize..14,
    ) {
        let cal = &calendars()[cal_index];
        let w = WithdrawalWindows::compute(&validated, &receipts, &policy, cal).unwrap();
        for (deadline, period) in [(w.contractual(), policy.contractual), (w.statutory(), policy.statutory)] {
            let nominal = w.last_receipt_day() + Days::new(u64::from(period.days.get()));
            prop_assert!(deadline.last_day() >= nominal);
            prop_assert!(deadline.last_day() <= nominal + Days::new(LONGEST_CLOSED_RUN));
            if period.roll == comptoir_returns::Roll::NextBusinessDay {
                prop_assert!(cal.is_business_day(deadline.last_day()).unwrap());
            } else {
                prop_assert_eq!(deadline.last_day(), nominal);
            }
        }
    }

    // RET-1: the shop's window never ends before the law's.
    #[test]
    fn ret1_contractual_deadline_is_never_before_statutory(
        (validated, receipts) in strategies::order_receipts(4),
        policy in strategies::withdrawal_policy(),
        closures in proptest::collection::vec(comptoir_calendar::strategies::date_between(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2190, 12, 31).unwrap()), 0..5),
    ) {
        let cal = Calendar::new(&CalendarPolicy { closures, ..CalendarPolicy::default() }).unwrap();
        for policy in [policy, WithdrawalPolicy::default()] {
            let w = WithdrawalWindows::compute(&validated, &receipts, &policy, &cal).unwrap();
            prop_assert!(w.contractual().last_day() >= w.statutory().last_day());
        }
    }

    // RET-1: a parcel that arrives later never brings a deadline forward.
    #[test]
    fn ret1_adding_a_parcel_never_moves_a_deadline_earlier(
        (validated, mut receipts) in strategies::order_receipts(4),
        extra_delay in 0i64..60 * 86_400,
        policy in strategies::withdrawal_policy(),
    ) {
        let cal = Calendar::metropolitan();
        let before = WithdrawalWindows::compute(&validated, &receipts, &policy, &cal).unwrap();
        receipts.push(validated + TimeDelta::seconds(extra_delay));
        let after = WithdrawalWindows::compute(&validated, &receipts, &policy, &cal).unwrap();
        prop_assert!(after.statutory().last_day() >= before.statutory().last_day());
        prop_assert!(after.contractual().last_day() >= before.contractual().last_day());
    }

    // RET-1: a notice is on time exactly when sent before the window closes.
    #[test]
    fn ret1_on_time_means_before_closes_at(
        (validated, receipts) in strategies::order_receipts(2),
        delay in 0i64..45 * 86_400,
    ) {
        let cal = Calendar::metropolitan();
        let w = WithdrawalWindows::compute(&validated, &receipts, &WithdrawalPolicy::default(), &cal).unwrap();
        let notice: DateTime<Utc> = w.last_receipt() + TimeDelta::seconds(delay);
        let closes = w.contractual().closes_at().unwrap();
        prop_assert_eq!(w.notice(&notice).unwrap().is_on_time(), notice < closes);
    }

    // REF-2: the due date is never before the 14-day ceiling, never later than the first of
    // goods and proof when those come after it, and a pending refund is never late.
    #[test]
    fn ref2_due_date_is_the_later_of_ceiling_and_first_fact(
        facts in strategies::refund_facts(),
        probe in strategies::instant_2000_to_2190(),
    ) {
        let cal = Calendar::metropolitan();
        let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &cal).unwrap();
        match d.due() {
            RefundDue::By { last_day, .. } => {
                prop_assert!(last_day >= d.ceiling().last_day());
                let first = [facts.goods_received(), facts.proof_of_shipment()]
                    .into_iter().flatten().min().unwrap();
                let first_day = comptoir_calendar::clock::paris_date(&first).unwrap();
                prop_assert_eq!(last_day, first_day.max(d.ceiling().last_day()));
                prop_assert_eq!(d.is_late(&probe).unwrap(), d.days_late(&probe).unwrap().get() > 0);
            }
            RefundDue::Pending { not_before } => {
                prop_assert!(facts.goods_received().is_none() && facts.proof_of_shipment().is_none());
                prop_assert_eq!(not_before, d.ceiling().last_day());
                prop_assert!(!d.is_late(&probe).unwrap());
            }
        }
        if let Some(expected) = d.expected() {
            prop_assert!(expected.earliest() <= expected.latest());
            prop_assert!(cal.is_business_day(expected.earliest()).unwrap());
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
