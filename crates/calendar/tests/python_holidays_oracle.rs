//! CAL-2, CAL-3, CAL-4: every region's holidays for 1950-2100, day for day, against
//! python-holidays 0.109, an implementation written and maintained apart from this one: each
//! holiday from the year its text made it one (8 May, the overseas abolition days).
//!
//! `data/python_holidays.txt` was generated once by `data/generate_python_holidays.py` (the
//! command and versions are in its header). The calendar differs from it only where
//! [`DEVIATIONS`] says so, each time with the reason and its source; any other difference, a day
//! missing on either side or a day named differently, fails the test.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use comptoir_calendar::{Calendar, CalendarPolicy, Holiday, Region};

const DATA: &str = include_str!("data/python_holidays.txt");
const FIRST_YEAR: i32 = 1950;
const LAST_YEAR: i32 = 2100;

/// A day the calendar closes in some years although python-holidays lists no holiday then.
struct Deviation {
    regions: &'static [Region],
    holiday: Holiday,
    day: DayOfYear,
    years: RangeInclusive<i32>,
    /// Why the calendar reads the law otherwise, with the source.
    why: &'static str,
}

/// Where a deviation's day falls, found without the calendar under test.
enum DayOfYear {
    /// This many days after Ascension as python-holidays lists it.
    AfterAscension(u64),
}

/// Every deliberate difference between the calendar and python-holidays over 1950-2100. It
/// is a day the calendar closes and python-holidays does not: none the other way.
static DEVIATIONS: [Deviation; 1] = [Deviation {
    regions: &Region::ALL,
    holiday: Holiday::WhitMonday,
    day: DayOfYear::AfterAscension(11),
    years: 2005..=2007,
    why: "Loi n° 2004-626 du 30 juin 2004 (art. 2) made Whit Monday the default \"journée de \
          solidarité\" (former C. trav. L212-16) without taking it off the list of public \
          holidays (former C. trav. L222-1, now L3133-1); Loi n° 2008-351 du 16 avril 2008 \
          unlinked the two. A public holiday that many worked, as the Whit Monday switch \
          models; python-holidays leaves it out of those years",
}];

/// The calendar's holiday for each French name python-holidays 0.109 uses.
fn kind(name: &str) -> Holiday {
    match name {
        "Jour de l'an" => Holiday::NewYear,
        "Vendredi saint" => Holiday::GoodFriday,
        "Lundi de Pâques" => Holiday::EasterMonday,
        "Fête du Travail" => Holiday::LabourDay,
        "Fête de la Victoire" => Holiday::VictoryInEurope,
        "Ascension" => Holiday::Ascension,
        "Lundi de Pentecôte" => Holiday::WhitMonday,
        "Fête nationale" => Holiday::BastilleDay,
        "Assomption" => Holiday::Assumption,
        "Toussaint" => Holiday::AllSaints,
        "Armistice" => Holiday::Armistice,
        "Noël" => Holiday::Christmas,
        "Saint-Étienne" => Holiday::StStephen,
        "Abolition de l'esclavage" => Holiday::AbolitionOfSlavery,
        "Mi-Carême" => Holiday::MiCareme,
        "Fête de Victor Schoelcher" => Holiday::VictorSchoelcher,
        other => panic!("python-holidays names a holiday the calendar does not know: {other}"),
    }
}

type Days = BTreeMap<NaiveDate, Vec<Holiday>>;

/// The data file, region by region: each day and the holidays python-holidays names on it.
fn oracle() -> BTreeMap<Region, Days> {
    let mut out: BTreeMap<Region, Days> = BTreeMap::new();
    for line in DATA.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").collect();
        let [region, name, dates] = fields[..] else {
            panic!("not `region | name | dates`: {line}");
        };
        let region: Region = region.parse().unwrap();
        let holiday = kind(name);
        let days = out.entry(region).or_default();
        for token in dates.split(' ') {
            let mut add = |date: NaiveDate| days.entry(date).or_default().push(holiday);
            match token.split_once('/') {
                // `MM-DD/YYYY-YYYY`: that day every year of the span.
                Some((month_day, span)) => {
                    let (first, last) = span.split_once('-').unwrap();
                    for year in first.parse::<i32>().unwrap()..=last.parse().unwrap() {
                        add(
                            NaiveDate::parse_from_str(&format!("{year}-{month_day}"), "%Y-%m-%d")
                                .unwrap(),
                        );
                    }
                }
                None => add(NaiveDate::parse_from_str(token, "%Y-%m-%d").unwrap()),
            }
        }
    }
    out
}

// CAL-2, CAL-3: the data file is the one its header describes: python-holidays 0.109, every
// region, every year from 1950 to 2100.
#[test]
fn cal_3_oracle_file_covers_every_region_and_year() {
    assert!(DATA.starts_with(
        "# Public holidays of France by region, 1950-2100, from python-holidays 0.109\n"
    ));
    let oracle = oracle();
    assert_eq!(oracle.keys().copied().collect::<Vec<_>>(), Region::ALL);
    for (region, days) in &oracle {
        let years: Vec<i32> = days
            .iter()
            .filter(|(_, kinds)| kinds.contains(&Holiday::NewYear))
            .map(|(date, _)| date.year())
            .collect();
        assert_eq!(
            years,
            (FIRST_YEAR..=LAST_YEAR).collect::<Vec<_>>(),
            "{region}"
        );
    }
}

/// The days the deviations add, each with the holidays that may name it (two deviations can
/// fall on one day: Saint-Martin's 28 May was Whit Monday in 2007).
fn deviation_days(
    oracle: &BTreeMap<Region, Days>,
) -> BTreeMap<(Region, NaiveDate), Vec<&'static Deviation>> {
    let mut out: BTreeMap<(Region, NaiveDate), Vec<&'static Deviation>> = BTreeMap::new();
    for deviation in &DEVIATIONS {
        for &region in deviation.regions {
            for year in deviation.years.clone() {
                let date = match deviation.day {
                    DayOfYear::AfterAscension(days) => oracle[&region]
                        .iter()
                        .find(|(d, kinds)| d.year() == year && kinds.contains(&Holiday::Ascension))
                        .and_then(|(d, _)| d.checked_add_days(chrono::Days::new(days))),
                }
                .unwrap();
                out.entry((region, date)).or_default().push(deviation);
            }
        }
    }
    out
}

// CAL-2, CAL-3, CAL-4: for 1950-2100 every region's legal calendar, and the shop's calendar of that
// region by default, closes exactly the days python-holidays lists, under one of the names it
// gives, plus exactly the days of the documented deviations.
#[test]
fn cal_2_cal_3_every_region_agrees_with_python_holidays_day_for_day() {
    let oracle = oracle();
    let expected_extra = deviation_days(&oracle);
    let mut extra = BTreeMap::new();
    for region in Region::ALL {
        let legal = Calendar::legal(region);
        let shop = Calendar::new(&CalendarPolicy {
            region,
            ..CalendarPolicy::default()
        })
        .unwrap();
        let listed = &oracle[&region];
        for year in FIRST_YEAR..=LAST_YEAR {
            let ours = legal.holidays_of_year(year).unwrap();
            assert_eq!(
                shop.holidays_of_year(year).unwrap(),
                ours,
                "{region} {year}"
            );
            for &(date, holiday) in &ours {
                match listed.get(&date) {
                    Some(kinds) => assert!(
                        kinds.contains(&holiday),
                        "{region} {date}: the calendar says {holiday:?}, python-holidays {kinds:?}"
                    ),
                    None => {
                        extra.insert((region, date), holiday);
                    }
                }
            }
            for date in listed.keys().filter(|d| d.year() == year) {
                assert!(
                    ours.iter().any(|(d, _)| d == date),
                    "{region} {date}: python-holidays lists {:?}, the calendar nothing",
                    listed[date]
                );
            }
        }
    }
    for ((region, date), holiday) in &extra {
        let documented = expected_extra.get(&(*region, *date));
        assert!(
            documented.is_some_and(|ds| ds.iter().any(|d| d.holiday == *holiday)),
            "{region} {date}: the calendar closes it ({holiday:?}), python-holidays does not, \
             and no documented deviation says why"
        );
    }
    for ((region, date), deviations) in &expected_extra {
        assert!(
            extra.contains_key(&(*region, *date)),
            "{region} {date}: a documented deviation no longer occurs: {}",
            deviations[0].why
        );
    }
    // 3 Whit Mondays in 9 regions.
    assert_eq!(extra.len(), 27);
}
