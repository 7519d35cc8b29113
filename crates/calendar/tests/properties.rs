//! Invariants of the calendar (CAL-1, CAL-4, CAL-5) over generated days and policies.

use bdays::HolidayCalendar;
use chrono::NaiveDate;
use comptoir_calendar::{
    BusinessDays, Calendar, CalendarPolicy, Day, LocalDays, Region, strategies,
};
use proptest::prelude::*;

fn any_chrono_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce_compat();
    let max = NaiveDate::MAX.num_days_from_ce_compat();
    (min..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

trait DaysFromCe {
    fn num_days_from_ce_compat(self) -> i32;
}

impl DaysFromCe for NaiveDate {
    fn num_days_from_ce_compat(self) -> i32 {
        chrono::Datelike::num_days_from_ce(&self)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    // CAL-1: adding then counting gives back the count, and the answer is a business day.
    #[test]
    fn cal_1_counting_inverts_adding(
        policy in strategies::calendar_policy(),
        // 300 business days is under 15 months: two years of margin keep every answer in range.
        date in strategies::date_between(
            NaiveDate::from_ymd_opt(1902, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2199, 1, 1).unwrap(),
        ),
        n in 0i32..=300,
    ) {
        let cal = Calendar::new(&policy)?;
        let later = cal.add_business_days(date, BusinessDays::new(n))?;
        prop_assert_eq!(cal.business_days_between(date, later)?, BusinessDays::new(n));
        if n > 0 {
            prop_assert!(cal.is_business_day(later)?);
            prop_assert!(later > date);
        }
        let earlier = cal.add_business_days(date, BusinessDays::new(-n))?;
        prop_assert!(earlier <= date);
        if n > 0 {
            prop_assert!(cal.is_business_day(earlier)?);
        }
    }

    // CAL-1: walking the business days from a day agrees with rolling forward then adding,
    // for `next` and for `nth` jumps near and far.
    #[test]
    fn cal_1_business_days_from_agrees_with_adding(
        policy in strategies::calendar_policy(),
        // At most 5 jumps of 151 business days: about 3 years, kept inside the range.
        date in strategies::date_between(
            NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2196, 1, 1).unwrap(),
        ),
        jumps in proptest::collection::vec(0usize..=150, 1..6),
    ) {
        let cal = Calendar::new(&policy)?;
        let first = cal.roll_forward(date)?;
        let mut walk = cal.business_days_from(date)?;
        prop_assert_eq!(walk.next(), Some(first));
        let mut position = 0i32;
        for jump in jumps {
            // nth(j) skips j business days and returns the next one.
            position += i32::try_from(jump).unwrap() + 1;
            let expected = cal.add_business_days(first, BusinessDays::new(position))?;
            prop_assert_eq!(walk.nth(jump), Some(expected));
        }
    }

    // CAL-1: adding is monotone in the count.
    #[test]
    fn cal_1_adding_is_monotone(
        date in strategies::date_between(
            NaiveDate::from_ymd_opt(1901, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2199, 1, 1).unwrap(),
        ),
        a in -200i32..=200,
        b in -200i32..=200,
    ) {
        let cal = Calendar::metropolitan();
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(cal.add_business_days(date, BusinessDays::new(lo))? <= cal.add_business_days(date, BusinessDays::new(hi))?);
    }

    // CAL-4: no date chrono can represent makes any method panic; outside 1900-2200 they err.
    #[test]
    fn cal_4_no_panic_on_any_chrono_date(date in any_chrono_date(), n in any::<i32>()) {
        let cal = Calendar::metropolitan();
        let in_range = (Calendar::MIN_DATE..=Calendar::MAX_DATE).contains(&date);
        prop_assert_eq!(cal.is_business_day(date).is_ok(), in_range);
        prop_assert_eq!(cal.holiday(date).is_ok(), in_range);
        // Outside the range every answer is an error; inside, errors only when the answer
        // itself would leave the range.
        prop_assert!(in_range || cal.add_business_days(date, BusinessDays::new(n)).is_err());
        prop_assert!(in_range || cal.next_business_day(date).is_err());
        prop_assert!(in_range || cal.previous_business_day(date).is_err());
        prop_assert!(in_range || cal.roll_backward(date).is_err());
        prop_assert!(in_range || cal.business_days_between(date, Calendar::MIN_DATE).is_err());
        prop_assert_eq!(cal.holidays_of_year(chrono::Datelike::year(&date)).is_ok(), in_range);
        // bdays' trait has no errors: it must answer without panicking anywhere, and a
        // business day is never a holiday.
        prop_assert!(!(cal.is_bday(date) && cal.is_holiday(date)));
    }

    // CAL-4: Day values beyond chrono's range are errors too.
    #[test]
    fn cal_4_no_panic_on_any_day(days in any::<i32>(), n in any::<i32>()) {
        let cal = Calendar::metropolitan();
        let day = Day::from_days_since_epoch(days);
        let in_range = day.date().is_some_and(|d| (Calendar::MIN_DATE..=Calendar::MAX_DATE).contains(&d));
        prop_assert_eq!(cal.is_business_day(day).is_ok(), in_range);
        prop_assert!(in_range || cal.add_business_days(day, BusinessDays::new(n)).is_err());
        prop_assert_eq!(cal.holiday(day).is_ok(), in_range);
    }

    // CAL-3: a region's text form reads back as the same region.
    #[test]
    fn cal_3_region_text_round_trips(region in strategies::region()) {
        prop_assert_eq!(region.to_string().parse::<Region>(), Ok(region));
    }

    // CAL-3: each level of local days closes every day the one below it closes: a day open
    // with the customary days closed is open at the observed level, and open there is open
    // at the statutory level. The legal calendar is the observed level.
    #[test]
    fn cal_3_more_local_days_close_more_days(
        region in strategies::region(),
        date in strategies::date_in_range(),
    ) {
        let open = |local_days| {
            Calendar::new(&CalendarPolicy { region, local_days, ..CalendarPolicy::default() })
                .and_then(|cal| cal.is_business_day(date))
        };
        let [statutory, observed, customary] = LocalDays::ALL.map(open);
        prop_assert!(!customary? || observed.clone()?);
        prop_assert!(!observed.clone()? || statutory?);
        prop_assert_eq!(Calendar::legal(region).is_business_day(date), observed);
    }

    // CAL-5: bdays sees the same business days, and its stepping agrees with ours from a
    // business day.
    #[test]
    fn cal_5_bdays_interop_agrees(
        date in strategies::date_between(
            NaiveDate::from_ymd_opt(1950, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2150, 1, 1).unwrap(),
        ),
        n in 0i32..=40,
    ) {
        let cal = Calendar::metropolitan();
        prop_assert_eq!(cal.is_bday(date), cal.is_business_day(date)?);
        let start = cal.roll_forward(date)?;
        prop_assert_eq!(cal.advance_bdays(start, n), cal.add_business_days(start, BusinessDays::new(n))?);
        let end = cal.add_business_days(start, BusinessDays::new(n))?;
        prop_assert_eq!(HolidayCalendar::bdays(&cal, start, end), n);
    }
}

// CAL-4: the walk ends with the range and stays ended.
#[test]
fn cal_4_business_days_from_ends_with_the_range() {
    let cal = Calendar::metropolitan();
    let mut walk = cal
        .business_days_from(NaiveDate::from_ymd_opt(2200, 12, 20).unwrap())
        .unwrap();
    let rest: Vec<NaiveDate> = walk.by_ref().collect();
    assert_eq!(
        rest.last(),
        Some(&NaiveDate::from_ymd_opt(2200, 12, 31).unwrap())
    );
    assert!(!rest.contains(&NaiveDate::from_ymd_opt(2200, 12, 25).unwrap()));
    assert_eq!(walk.next(), None);
    assert_eq!(walk.nth(500), None);
    assert!(
        cal.business_days_from(NaiveDate::from_ymd_opt(2201, 1, 1).unwrap())
            .is_err()
    );
}

// CAL-5: outside the table's range, bdays' trait answers from the same holiday rules.
#[test]
fn cal_5_bdays_outside_the_range_uses_the_rules() {
    let cal = Calendar::metropolitan();
    let christmas_2300 = NaiveDate::from_ymd_opt(2300, 12, 25).unwrap();
    assert!(cal.is_holiday(christmas_2300));
    assert!(!cal.is_bday(christmas_2300));
    assert!(cal.is_business_day(christmas_2300).is_err());
}

// CAL-1..3: the tables for the whole range stay small.
#[test]
fn calendar_tables_fit_in_64_kib() {
    assert!(Calendar::metropolitan().table_bytes() <= 64 * 1024);
}

// CAL-1..3: a shop keeps its calendar policy as data.
#[cfg(feature = "serde")]
#[test]
fn policy_round_trips_through_json() {
    let policy = comptoir_calendar::CalendarPolicy {
        region: comptoir_calendar::Region::Guyane,
        whit_monday_closed: false,
        local_days: comptoir_calendar::LocalDays::Customary,
        closures: vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()],
    };
    let json = serde_json::to_string(&policy).unwrap();
    assert_eq!(
        json,
        r#"{"region":"guyane","whit_monday_closed":false,"local_days":"customary","closures":["2026-12-24"]}"#
    );
    let back: comptoir_calendar::CalendarPolicy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, policy);
    assert!(
        serde_json::from_str::<comptoir_calendar::CalendarPolicy>(r#"{"region":"atlantis"}"#)
            .is_err()
    );
    // A policy written before the level of local days existed still loads, at the default.
    let old: comptoir_calendar::CalendarPolicy =
        serde_json::from_str(r#"{"region":"guadeloupe","whit_monday_closed":true,"closures":[]}"#)
            .unwrap();
    assert_eq!(old.local_days, comptoir_calendar::LocalDays::Observed);
}
