//! Invariants of the withdrawal windows (RET-1): the law's deadlines whatever the shop's
//! calendar and policy, and policies that `validate` accepts always lawful.

use chrono::{DateTime, Days, TimeDelta, Utc};
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_withdrawal::{
    CalendarDays, Deadline, NoticeTimeliness, Period, Receipt, Roll, WithdrawalPolicy,
    WithdrawalWindows, strategies,
};
use proptest::prelude::*;

/// Longest run of closed days in a region's calendar without shop closures: four days, e.g.
/// Ascension on Thursday 7 May followed by 8 May and a weekend (everywhere), Good Friday to
/// Easter Monday (Alsace-Moselle), Saturday to the 27 April holiday when Easter Monday is
/// 26 April (Mayotte). No two holidays sit closer to a weekend than that. A rolled deadline therefore lands at
/// most four days after its nominal day. Shop closures can make the run as long as the shop
/// likes, so the bound is stated for the public calendars only.
const LONGEST_CLOSED_RUN: u64 = 4;

/// Every region's shop calendar, Whit Monday either way.
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

/// The law's withdrawal deadline, computed here from the rule's words rather than through
/// `WithdrawalWindows`: `days` days from the day after possession, rolled on the legal
/// calendar of the customer's region, counted on the customer's clock and on Paris's, the
/// later end kept.
fn law_s_deadline(possession: DateTime<Utc>, region: Region, days: CalendarDays) -> Deadline {
    let period = Period {
        days,
        roll: Roll::NextBusinessDay,
    };
    let legal = Calendar::legal(region);
    let zone = region.time_zone();
    let paris_day = comptoir_calendar::clock::paris_date(&possession).unwrap();
    // Paris read as the calendar crate does (chrono-tz stops summer time after 2099).
    let local_day = if zone == chrono_tz::Tz::Europe__Paris {
        paris_day
    } else {
        possession.with_timezone(&zone).date_naive()
    };
    let local = period.deadline_in(local_day, &legal, zone).unwrap();
    let paris = period.deadline(paris_day, &legal).unwrap();
    if paris.closes_at().unwrap() > local.closes_at().unwrap() {
        paris
    } else {
        local
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    // RET-1: whatever the shop's calendar (any region, Whit Monday either way, any closures)
    // and wherever the customer lives, the law's deadline is the one the legal calendar of the
    // customer's region gives, and the shop's deadline never closes before it.
    #[test]
    fn ret1_statutory_deadline_is_the_legal_calendar_s_whatever_the_shop_s(
        (validated, receipts) in strategies::order_receipts(3),
        shop_policy in comptoir_calendar::strategies::calendar_policy(),
        customer in comptoir_calendar::strategies::region(),
        policy in strategies::withdrawal_policy(),
    ) {
        let shop = Calendar::new(&shop_policy).unwrap();
        let w = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, &shop).unwrap();
        let last = receipts.iter().map(Receipt::possession).max().unwrap();
        prop_assert_eq!(w.statutory(), law_s_deadline(last, customer, policy.statutory.days));
        prop_assert!(w.contractual().closes_at().unwrap() >= w.statutory().closes_at().unwrap());
        prop_assert!(w.contractual().last_day() >= w.last_receipt_day());
    }

    // RET-1: the law's window never ends before the end of its last day on the customer's
    // clock, nor before the end of the Paris day the shop would have named.
    #[test]
    fn ret1_statutory_window_ends_no_earlier_than_the_customer_s_midnight(
        (validated, receipts) in strategies::order_receipts(2),
        customer in comptoir_calendar::strategies::region(),
    ) {
        let policy = WithdrawalPolicy::default();
        let w = WithdrawalWindows::compute(
            &validated, &receipts, customer, &policy, &Calendar::metropolitan(),
        ).unwrap();
        let legal = Calendar::legal(customer);
        let zone = customer.time_zone();
        let possession = w.last_receipt().possession();
        let local_day = if zone == chrono_tz::Tz::Europe__Paris {
            w.last_receipt_day()
        } else {
            possession.with_timezone(&zone).date_naive()
        };
        let local = policy.statutory.deadline_in(local_day, &legal, zone).unwrap();
        let paris = policy.statutory.deadline(w.last_receipt_day(), &legal).unwrap();
        let closes = w.statutory().closes_at().unwrap();
        prop_assert!(closes >= local.closes_at().unwrap());
        prop_assert!(closes >= paris.closes_at().unwrap());
        // The instant it closes is midnight on its own clock (Paris's read as the calendar
        // crate does, keeping summer time after 2099, where chrono-tz stops).
        let on_its_clock = if w.statutory().time_zone() == chrono_tz::Tz::Europe__Paris {
            comptoir_calendar::clock::to_paris(&closes).unwrap()
        } else {
            closes.with_timezone(&w.statutory().time_zone()).naive_local()
        };
        prop_assert_eq!(on_its_clock.time(), chrono::NaiveTime::MIN);
        prop_assert_eq!(on_its_clock.date(), w.statutory().last_day() + Days::new(1));
    }

    // RET-1: a deadline is a business day of its calendar (the legal one for the law's), no
    // earlier than receipt + window and at most LONGEST_CLOSED_RUN days later.
    #[test]
    fn ret1_deadline_is_a_business_day_within_four_days_of_the_window(
        (validated, receipts) in strategies::order_receipts(4),
        policy in strategies::withdrawal_policy(),
        cal_index in 0usize..18,
    ) {
        let cal = &calendars()[cal_index];
        let customer = cal.policy().region;
        let w = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, cal).unwrap();
        let statutory = w.statutory();
        let nominal = statutory.event_day() + Days::new(u64::from(policy.statutory.days.get()));
        prop_assert!(statutory.last_day() >= nominal);
        prop_assert!(statutory.last_day() <= nominal + Days::new(LONGEST_CLOSED_RUN));
        prop_assert!(Calendar::legal(customer).is_business_day(statutory.last_day()).unwrap());
        if w.contractual() != statutory {
            let contractual = w.contractual();
            let nominal = w.last_receipt_day() + Days::new(u64::from(policy.contractual.days.get()));
            prop_assert!(contractual.last_day() >= nominal);
            prop_assert!(contractual.last_day() <= nominal + Days::new(LONGEST_CLOSED_RUN));
            if policy.contractual.roll == Roll::NextBusinessDay {
                prop_assert!(cal.is_business_day(contractual.last_day()).unwrap());
            } else {
                prop_assert_eq!(contractual.last_day(), nominal);
            }
        }
    }

    // RET-1: the shop's window never ends before the law's, whatever its closures.
    #[test]
    fn ret1_contractual_deadline_is_never_before_statutory(
        (validated, receipts) in strategies::order_receipts(4),
        policy in strategies::withdrawal_policy(),
        customer in comptoir_calendar::strategies::region(),
        closures in proptest::collection::vec(comptoir_calendar::strategies::date_between(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2190, 12, 31).unwrap()), 0..5),
    ) {
        let cal = Calendar::new(&CalendarPolicy { closures, ..CalendarPolicy::default() }).unwrap();
        for policy in [policy, WithdrawalPolicy::default()] {
            let w = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, &cal).unwrap();
            prop_assert!(w.contractual().closes_at().unwrap() >= w.statutory().closes_at().unwrap());
        }
    }

    // RET-1: a parcel that reaches the customer later never brings a deadline forward.
    #[test]
    fn ret1_adding_a_parcel_never_moves_a_deadline_earlier(
        (validated, mut receipts) in strategies::order_receipts(4),
        extra_delay in 0i64..60 * 86_400,
        policy in strategies::withdrawal_policy(),
        customer in comptoir_calendar::strategies::region(),
    ) {
        let cal = Calendar::metropolitan();
        let before = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, &cal).unwrap();
        receipts.push(Receipt::at_address(&(validated + TimeDelta::seconds(extra_delay))));
        let after = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, &cal).unwrap();
        prop_assert!(after.statutory().closes_at().unwrap() >= before.statutory().closes_at().unwrap());
        prop_assert!(after.contractual().closes_at().unwrap() >= before.contractual().closes_at().unwrap());
    }

    // RET-1: a notice is on time exactly when sent after the validation and before the shop's
    // window closes; before the last receipt it is on time as such.
    #[test]
    fn ret1_on_time_means_before_closes_at(
        (validated, receipts) in strategies::order_receipts(2),
        delay in 0i64..60 * 86_400,
        customer in comptoir_calendar::strategies::region(),
    ) {
        let cal = Calendar::metropolitan();
        let w = WithdrawalWindows::compute(
            &validated, &receipts, customer, &WithdrawalPolicy::default(), &cal,
        ).unwrap();
        let notice: DateTime<Utc> = validated + TimeDelta::seconds(delay);
        let closes = w.contractual().closes_at().unwrap();
        let timeliness = w.notice(&notice).unwrap();
        prop_assert_eq!(timeliness.is_on_time(), notice < closes);
        prop_assert_eq!(
            timeliness == NoticeTimeliness::BeforeReceipt,
            notice < w.last_receipt().possession()
        );
        let before_validation = validated - TimeDelta::seconds(1 + delay);
        prop_assert!(w.notice(&before_validation).unwrap_err().is_bad_facts());
    }

    // RET-1, L221-18: whatever policy values `validate` accepts, the law's window is at least
    // the law's 14 days rolled on the customer's legal calendar, and the shop's at least as
    // long; whatever it refuses is refused by the computation too.
    #[test]
    fn ret1_every_accepted_withdrawal_policy_is_lawful(
        (validated, receipts) in strategies::order_receipts(3),
        policy in strategies::any_withdrawal_policy(),
        shop_policy in comptoir_calendar::strategies::calendar_policy(),
        customer in comptoir_calendar::strategies::region(),
    ) {
        let shop = Calendar::new(&shop_policy).unwrap();
        let result = WithdrawalWindows::compute(&validated, &receipts, customer, &policy, &shop);
        match policy.validate() {
            Ok(()) => {
                let w = result.unwrap();
                let last = receipts.iter().map(Receipt::possession).max().unwrap();
                let law = law_s_deadline(last, customer, comptoir_withdrawal::LEGAL_DAYS);
                prop_assert!(w.statutory().closes_at().unwrap() >= law.closes_at().unwrap());
                prop_assert!(w.contractual().closes_at().unwrap() >= w.statutory().closes_at().unwrap());
            }
            Err(e) => {
                prop_assert!(e.is_invalid_policy());
                prop_assert_eq!(result.unwrap_err(), e);
            }
        }
    }
}
