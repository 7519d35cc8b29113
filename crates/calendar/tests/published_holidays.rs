//! CAL-2, CAL-3: the calendar against the public-holiday lists published for 2026 and 2027
//! (service-public.fr for the national days, the regional lists for Alsace-Moselle and the
//! overseas regions, with the days each overseas region observes beyond its abolition day).

use chrono::NaiveDate;
use comptoir_calendar::{Calendar, CalendarPolicy, Holiday, Region};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn national(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let (easter_monday, ascension, whit_monday) = match year {
        2026 => (ymd(2026, 4, 6), ymd(2026, 5, 14), ymd(2026, 5, 25)),
        2027 => (ymd(2027, 3, 29), ymd(2027, 5, 6), ymd(2027, 5, 17)),
        _ => unreachable!(),
    };
    vec![
        (ymd(year, 1, 1), Holiday::NewYear),
        (easter_monday, Holiday::EasterMonday),
        (ymd(year, 5, 1), Holiday::LabourDay),
        (ymd(year, 5, 8), Holiday::VictoryInEurope),
        (ascension, Holiday::Ascension),
        (whit_monday, Holiday::WhitMonday),
        (ymd(year, 7, 14), Holiday::BastilleDay),
        (ymd(year, 8, 15), Holiday::Assumption),
        (ymd(year, 11, 1), Holiday::AllSaints),
        (ymd(year, 11, 11), Holiday::Armistice),
        (ymd(year, 12, 25), Holiday::Christmas),
    ]
}

fn published(year: i32, region: Region) -> Vec<(NaiveDate, Holiday)> {
    let mut days = national(year);
    let good_friday = if year == 2026 {
        ymd(2026, 4, 3)
    } else {
        ymd(2027, 3, 26)
    };
    let mi_careme = if year == 2026 {
        ymd(2026, 3, 12)
    } else {
        ymd(2027, 3, 4)
    };
    match region {
        Region::AlsaceMoselle => {
            days.push((good_friday, Holiday::GoodFriday));
            days.push((ymd(year, 12, 26), Holiday::StStephen));
        }
        Region::Guadeloupe => {
            days.push((mi_careme, Holiday::MiCareme));
            days.push((good_friday, Holiday::GoodFriday));
            days.push((ymd(year, 5, 27), Holiday::AbolitionOfSlavery));
            days.push((ymd(year, 7, 21), Holiday::VictorSchoelcher));
        }
        Region::Martinique => {
            days.push((ymd(year, 5, 22), Holiday::AbolitionOfSlavery));
            days.push((ymd(year, 7, 21), Holiday::VictorSchoelcher));
        }
        Region::Guyane => days.push((ymd(year, 6, 10), Holiday::AbolitionOfSlavery)),
        Region::Reunion => days.push((ymd(year, 12, 20), Holiday::AbolitionOfSlavery)),
        Region::Mayotte => days.push((ymd(year, 4, 27), Holiday::AbolitionOfSlavery)),
        Region::SaintMartin => {
            days.push((ymd(year, 5, 28), Holiday::AbolitionOfSlavery));
            days.push((ymd(year, 7, 21), Holiday::VictorSchoelcher));
        }
        Region::SaintBarthelemy => days.push((ymd(year, 10, 9), Holiday::AbolitionOfSlavery)),
        _ => {}
    }
    days.sort();
    days
}

// CAL-2, CAL-3: each region's 2026 and 2027 lists, day for day.
#[test]
fn cal_2_cal_3_lists_match_the_published_2026_and_2027_holidays() {
    for region in Region::ALL {
        let policy = CalendarPolicy {
            region,
            ..CalendarPolicy::default()
        };
        let cal = Calendar::new(&policy).unwrap();
        for year in [2026, 2027] {
            assert_eq!(
                cal.holidays_of_year(year).unwrap(),
                published(year, region),
                "{region:?} {year}"
            );
            for (date, holiday) in published(year, region) {
                assert_eq!(cal.holiday(date), Ok(Some(holiday)));
            }
        }
    }
}

// CAL-2: with the Whit Monday switch off, 25 May 2026 is an ordinary Monday.
#[test]
fn cal_2_whit_monday_can_be_a_working_day() {
    let policy = CalendarPolicy {
        whit_monday_closed: false,
        ..CalendarPolicy::default()
    };
    let cal = Calendar::new(&policy).unwrap();
    assert_eq!(cal.is_business_day(ymd(2026, 5, 25)), Ok(true));
    assert_eq!(cal.holiday(ymd(2026, 5, 25)), Ok(None));
    assert_eq!(
        Calendar::metropolitan().is_business_day(ymd(2026, 5, 25)),
        Ok(false)
    );
}

// CAL-1: a declared closure is closed and named; one outside the range is refused.
#[test]
fn cal_1_declared_closures() {
    let policy = CalendarPolicy {
        closures: vec![ymd(2026, 8, 14)],
        ..CalendarPolicy::default()
    };
    let cal = Calendar::new(&policy).unwrap();
    assert_eq!(cal.is_business_day(ymd(2026, 8, 14)), Ok(false));
    assert_eq!(
        cal.holiday(ymd(2026, 8, 14)),
        Ok(Some(Holiday::ShopClosure))
    );
    let outside = CalendarPolicy {
        closures: vec![ymd(2201, 1, 2)],
        ..CalendarPolicy::default()
    };
    assert!(Calendar::new(&outside).is_err_and(|e| e.is_out_of_range()));
}

// CAL-2: no substitute day: 15 August 2026 is a Saturday and Monday 17 stays open.
#[test]
fn cal_2_no_substitute_day_for_a_weekend_holiday() {
    let cal = Calendar::metropolitan();
    assert_eq!(cal.holiday(ymd(2026, 8, 15)), Ok(Some(Holiday::Assumption)));
    assert_eq!(cal.is_business_day(ymd(2026, 8, 17)), Ok(true));
}
