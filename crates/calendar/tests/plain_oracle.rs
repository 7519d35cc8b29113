//! CAL-1..4 checked for every day from 1900 to 2200 against a second, deliberately plain
//! implementation: rules evaluated date by date, with another Easter algorithm (Oudin's)
//! than the crate's (Meeus/Jones/Butcher), and linear scans instead of rank/select tables.
//! Each holiday applies from the year its text made it one (CAL-4).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use comptoir_calendar::{BusinessDays, Calendar, CalendarPolicy, LocalDays, Region};

/// Easter Sunday by Oudin's algorithm (1940), as the US Naval Observatory publishes it.
fn oudin_easter(y: i32) -> NaiveDate {
    let c = y / 100;
    let n = y - 19 * (y / 19);
    let k = (c - 17) / 25;
    let mut i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
    i -= 30 * (i / 30);
    i -= (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    let mut j = y + y / 4 + i + 2 - c + c / 4;
    j -= 7 * (j / 7);
    let l = i - j;
    let m = 3 + (l + 40) / 44;
    let d = l + 28 - 31 * (m / 4);
    NaiveDate::from_ymd_opt(y, u32::try_from(m).unwrap(), u32::try_from(d).unwrap())
        .expect("Easter is a real date")
}

fn plain_is_holiday(date: NaiveDate, policy: &CalendarPolicy) -> bool {
    let md = (date.month(), date.day());
    let y = date.year();
    let national = [(1, 1), (7, 14), (8, 15), (11, 1), (12, 25)];
    if national.contains(&md)
        || (md == (5, 1) && y >= 1919)
        || (md == (5, 8) && ((1953..=1959).contains(&y) || y >= 1982))
        || (md == (11, 11) && y >= 1922)
    {
        return true;
    }
    let easter = oudin_easter(date.year());
    let offset = (date - easter).num_days();
    if offset == 1 || offset == 39 || (policy.whit_monday_closed && offset == 50) {
        return true;
    }
    let good_friday = offset == -2;
    let mi_careme = offset == -24;
    let carnival = offset == -47 || offset == -46;
    // Victor Schœlcher Day with the abolition days' decrees: 1984 in the Antilles, 2012 in
    // Saint-Martin.
    let schoelcher = md == (7, 21)
        && y >= if policy.region == Region::SaintMartin {
            2012
        } else {
            1984
        };
    let all_souls = md == (11, 2);
    // The region's days in the law's texts, then those it observes, then its customs.
    let statutory = match policy.region {
        Region::AlsaceMoselle => good_friday || md == (12, 26),
        Region::Guadeloupe => md == (5, 27) && y >= 1984,
        Region::Martinique => md == (5, 22) && y >= 1984,
        Region::Guyane => md == (6, 10) && y >= 1984,
        Region::Reunion => md == (12, 20) && y >= 1983,
        Region::Mayotte => md == (4, 27) && y >= 1984,
        Region::SaintMartin => md == (5, 28) && y >= 2012,
        Region::SaintBarthelemy => md == (10, 9) && y >= 2012,
        _ => false,
    };
    let observed = match policy.region {
        Region::Guadeloupe => mi_careme || good_friday || schoelcher,
        Region::Martinique | Region::SaintMartin => schoelcher,
        _ => false,
    };
    let customary = match policy.region {
        Region::Guadeloupe => carnival || all_souls,
        Region::Martinique => carnival || mi_careme || good_friday || all_souls,
        _ => false,
    };
    match policy.local_days {
        LocalDays::Statutory => statutory,
        LocalDays::Observed => statutory || observed,
        _ => statutory || observed || customary,
    }
}

fn plain_is_business_day(date: NaiveDate, policy: &CalendarPolicy) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !plain_is_holiday(date, policy)
        && !policy.closures.contains(&date)
}

fn every_day() -> impl Iterator<Item = NaiveDate> {
    Calendar::MIN_DATE
        .iter_days()
        .take_while(|d| *d <= Calendar::MAX_DATE)
}

fn policies() -> Vec<CalendarPolicy> {
    let mut out = Vec::new();
    for region in Region::ALL {
        for local_days in LocalDays::ALL {
            out.push(CalendarPolicy {
                region,
                local_days,
                ..CalendarPolicy::default()
            });
        }
        out.push(CalendarPolicy {
            region,
            whit_monday_closed: false,
            ..CalendarPolicy::default()
        });
    }
    // A shop that closes for inventory on the first working days of some years.
    out.push(CalendarPolicy {
        closures: vec![
            NaiveDate::from_ymd_opt(1900, 1, 2).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            NaiveDate::from_ymd_opt(2200, 12, 29).unwrap(),
        ],
        ..CalendarPolicy::default()
    });
    out
}

// CAL-1, CAL-2, CAL-3: every day of the range, every region at every level of local days,
// Whit Monday either way.
#[test]
fn cal_1_2_3_every_day_matches_the_plain_rules() {
    for policy in policies() {
        let cal = Calendar::new(&policy).unwrap();
        for date in every_day() {
            assert_eq!(
                cal.is_business_day(date),
                Ok(plain_is_business_day(date, &policy)),
                "{date} {policy:?}"
            );
        }
    }
}

// CAL-2, CAL-3: the holiday reported for a day agrees with the plain rules (weekends
// included), customary days and the legal calendars included.
#[test]
fn cal_2_holiday_names_agree_with_the_plain_rules() {
    let mut policies = vec![
        CalendarPolicy {
            region: Region::AlsaceMoselle,
            ..CalendarPolicy::default()
        },
        CalendarPolicy {
            region: Region::Guadeloupe,
            local_days: LocalDays::Customary,
            ..CalendarPolicy::default()
        },
        CalendarPolicy {
            region: Region::Martinique,
            local_days: LocalDays::Customary,
            ..CalendarPolicy::default()
        },
    ];
    policies.extend(Region::ALL.map(CalendarPolicy::legal));
    for policy in policies {
        let cal = Calendar::new(&policy).unwrap();
        for date in every_day().step_by(3) {
            let named = cal.holiday(date).unwrap().is_some();
            assert_eq!(named, plain_is_holiday(date, &policy), "{date} {policy:?}");
        }
    }
}

// CAL-1: next, previous and roll answers agree with a linear scan, for every day.
#[test]
fn cal_1_neighbours_agree_with_a_linear_scan() {
    let policy = CalendarPolicy::default();
    let cal = Calendar::new(&policy).unwrap();
    let open: Vec<NaiveDate> = every_day()
        .filter(|d| plain_is_business_day(*d, &policy))
        .collect();
    let mut next_open = 0; // index in `open` of the first business day strictly after `date`
    for date in every_day() {
        while next_open < open.len() && open[next_open] <= date {
            next_open += 1;
        }
        let expected_next = open.get(next_open).copied();
        assert_eq!(
            cal.next_business_day(date).ok(),
            expected_next,
            "next after {date}"
        );
        let is_open = plain_is_business_day(date, &policy);
        let previous_index = if is_open {
            next_open.checked_sub(2)
        } else {
            next_open.checked_sub(1)
        };
        let expected_previous = previous_index.and_then(|i| open.get(i).copied());
        assert_eq!(
            cal.previous_business_day(date).ok(),
            expected_previous,
            "previous before {date}"
        );
        let expected_roll = if is_open { Some(date) } else { expected_next };
        assert_eq!(cal.roll_forward(date).ok(), expected_roll, "roll {date}");
    }
}

// CAL-1: adding and counting business days agree with stepping one day at a time.
#[test]
fn cal_1_adding_and_counting_agree_with_stepping() {
    let policy = CalendarPolicy {
        region: Region::AlsaceMoselle,
        ..CalendarPolicy::default()
    };
    let cal = Calendar::new(&policy).unwrap();
    let start = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
    let mut date = start;
    for n in 1..=400 {
        date = date.checked_add_days(Days::new(1)).unwrap();
        while !plain_is_business_day(date, &policy) {
            date = date.checked_add_days(Days::new(1)).unwrap();
        }
        assert_eq!(
            cal.add_business_days(start, BusinessDays::new(n)),
            Ok(date),
            "+{n}"
        );
        assert_eq!(
            cal.business_days_between(start, date),
            Ok(BusinessDays::new(n))
        );
        assert_eq!(
            cal.business_days_between(date, start),
            Ok(BusinessDays::new(-n))
        );
    }
    let mut date = start;
    for n in 1..=400 {
        date = date.checked_sub_days(Days::new(1)).unwrap();
        while !plain_is_business_day(date, &policy) {
            date = date.checked_sub_days(Days::new(1)).unwrap();
        }
        assert_eq!(
            cal.add_business_days(start, BusinessDays::new(-n)),
            Ok(date),
            "-{n}"
        );
    }
}
