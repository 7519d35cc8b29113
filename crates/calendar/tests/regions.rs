//! CAL-3: the overseas regions' own days, the levels of local days, the legal calendar, and
//! regions as text (scenarios).

use chrono::{Datelike, NaiveDate, Weekday};
use comptoir_calendar::{Calendar, CalendarError, CalendarPolicy, Holiday, LocalDays, Region};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The shop's calendar of a region, everything else at the FAQ's defaults.
fn shop(region: Region) -> Calendar {
    Calendar::new(&CalendarPolicy {
        region,
        ..CalendarPolicy::default()
    })
    .unwrap()
}

fn at_level(region: Region, local_days: LocalDays) -> Calendar {
    Calendar::new(&CalendarPolicy {
        region,
        local_days,
        ..CalendarPolicy::default()
    })
    .unwrap()
}

// CAL-3: Tuesday 21 July 2026, Victor Schœlcher Day, is not a business day in Guadeloupe and
// Martinique, on the shop's calendar of the region and on the legal one; it is in Paris.
#[test]
fn cal_3_victor_schoelcher_day_2026_closes_guadeloupe_and_martinique() {
    let day = ymd(2026, 7, 21);
    assert_eq!(day.weekday(), Weekday::Tue);
    for region in [Region::Guadeloupe, Region::Martinique] {
        for cal in [shop(region), Calendar::legal(region)] {
            assert_eq!(cal.is_business_day(day), Ok(false), "{region}");
            assert_eq!(cal.holiday(day), Ok(Some(Holiday::VictorSchoelcher)));
            assert_eq!(
                cal.next_business_day(ymd(2026, 7, 20)),
                Ok(ymd(2026, 7, 22))
            );
        }
    }
    assert_eq!(Calendar::metropolitan().is_business_day(day), Ok(true));
    assert_eq!(
        Calendar::legal(Region::Reunion).is_business_day(day),
        Ok(true)
    );
}

// CAL-3: Good Friday (3 April 2026) is closed in Guadeloupe, as in Alsace-Moselle; in
// Martinique it is only a customary day, open unless the policy closes customary days.
#[test]
fn cal_3_good_friday_in_guadeloupe() {
    let good_friday = ymd(2026, 4, 3);
    assert_eq!(
        shop(Region::Guadeloupe).holiday(good_friday),
        Ok(Some(Holiday::GoodFriday))
    );
    assert_eq!(
        Calendar::legal(Region::Guadeloupe).is_business_day(good_friday),
        Ok(false)
    );
    // Good Friday, the weekend and Easter Monday: Thursday 2 to Tuesday 7 April.
    assert_eq!(
        shop(Region::Guadeloupe).next_business_day(ymd(2026, 4, 2)),
        Ok(ymd(2026, 4, 7))
    );
    assert_eq!(
        shop(Region::Martinique).is_business_day(good_friday),
        Ok(true)
    );
    assert_eq!(
        at_level(Region::Martinique, LocalDays::Customary).holiday(good_friday),
        Ok(Some(Holiday::GoodFriday))
    );
}

// CAL-3: Mi-Carême, the Thursday of the fourth week of Lent (Easter − 24: 12 March 2026,
// 4 March 2027), is closed in Guadeloupe; customary only in Martinique.
#[test]
fn cal_3_mi_careme_in_guadeloupe() {
    for mi_careme in [ymd(2026, 3, 12), ymd(2027, 3, 4)] {
        assert_eq!(mi_careme.weekday(), Weekday::Thu);
        assert_eq!(
            shop(Region::Guadeloupe).holiday(mi_careme),
            Ok(Some(Holiday::MiCareme))
        );
        assert_eq!(
            Calendar::legal(Region::Guadeloupe).is_business_day(mi_careme),
            Ok(false)
        );
        assert_eq!(
            shop(Region::Martinique).is_business_day(mi_careme),
            Ok(true)
        );
        assert_eq!(
            at_level(Region::Martinique, LocalDays::Customary).holiday(mi_careme),
            Ok(Some(Holiday::MiCareme))
        );
        assert_eq!(
            Calendar::metropolitan().is_business_day(mi_careme),
            Ok(true)
        );
    }
}

// CAL-3: Saint-Martin commemorates the abolition of slavery on 28 May (Thursday in 2026), the
// day after Guadeloupe, and keeps Victor Schœlcher Day; Saint-Barthélemy on 9 October
// (Friday in 2026), and not 21 July.
#[test]
fn cal_3_saint_martin_and_saint_barthelemy() {
    let saint_martin = Calendar::legal(Region::SaintMartin);
    assert_eq!(
        saint_martin.holiday(ymd(2026, 5, 28)),
        Ok(Some(Holiday::AbolitionOfSlavery))
    );
    assert_eq!(saint_martin.is_business_day(ymd(2026, 5, 27)), Ok(true));
    assert_eq!(saint_martin.is_business_day(ymd(2026, 7, 21)), Ok(false));
    assert_eq!(
        Calendar::legal(Region::Guadeloupe).is_business_day(ymd(2026, 5, 28)),
        Ok(true)
    );

    let saint_barthelemy = Calendar::legal(Region::SaintBarthelemy);
    assert_eq!(
        saint_barthelemy.holiday(ymd(2026, 10, 9)),
        Ok(Some(Holiday::AbolitionOfSlavery))
    );
    assert_eq!(
        saint_barthelemy.next_business_day(ymd(2026, 10, 8)),
        Ok(ymd(2026, 10, 12))
    );
    assert_eq!(saint_barthelemy.is_business_day(ymd(2026, 7, 21)), Ok(true));
    assert_eq!(saint_barthelemy.holidays_of_year(2026).unwrap().len(), 12);
}

// CAL-3: the levels of local days in Guadeloupe in 2026: statutory only, observed (the
// default), then the customary days too (Mardi gras 17 February, Ash Wednesday 18 February,
// 2 November).
#[test]
fn cal_3_levels_of_local_days() {
    let extra = |level| {
        let days = at_level(Region::Guadeloupe, level)
            .holidays_of_year(2026)
            .unwrap();
        days.into_iter()
            .filter(|(date, _)| Calendar::metropolitan().is_business_day(*date) == Ok(true))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        extra(LocalDays::Statutory),
        [(ymd(2026, 5, 27), Holiday::AbolitionOfSlavery)]
    );
    assert_eq!(
        extra(LocalDays::Observed),
        [
            (ymd(2026, 3, 12), Holiday::MiCareme),
            (ymd(2026, 4, 3), Holiday::GoodFriday),
            (ymd(2026, 5, 27), Holiday::AbolitionOfSlavery),
            (ymd(2026, 7, 21), Holiday::VictorSchoelcher),
        ]
    );
    assert_eq!(
        extra(LocalDays::Customary),
        [
            (ymd(2026, 2, 17), Holiday::ShroveTuesday),
            (ymd(2026, 2, 18), Holiday::AshWednesday),
            (ymd(2026, 3, 12), Holiday::MiCareme),
            (ymd(2026, 4, 3), Holiday::GoodFriday),
            (ymd(2026, 5, 27), Holiday::AbolitionOfSlavery),
            (ymd(2026, 7, 21), Holiday::VictorSchoelcher),
            (ymd(2026, 11, 2), Holiday::AllSouls),
        ]
    );
    assert_eq!(CalendarPolicy::default().local_days, LocalDays::Observed);
    // Metropolitan France has no own days: the level changes nothing there.
    for level in LocalDays::ALL {
        assert_eq!(
            at_level(Region::Metropolitan, level).holidays_of_year(2026),
            Calendar::metropolitan().holidays_of_year(2026)
        );
    }
}

// CAL-3, RET-1: the legal calendar ignores every shop choice: a shop that works Whit Monday,
// closes customary days and declares closures has its own calendar, but the legal calendar of
// its customers' region is the same as anyone's.
#[test]
fn cal_3_legal_calendar_ignores_the_shops_choices() {
    let shop_policy = CalendarPolicy {
        region: Region::Martinique,
        whit_monday_closed: false,
        local_days: LocalDays::Customary,
        closures: vec![ymd(2026, 8, 14)],
    };
    assert!(!shop_policy.is_legal());
    let shop_cal = Calendar::new(&shop_policy).unwrap();
    let legal = Calendar::legal(Region::Martinique);
    assert_eq!(legal.policy(), &CalendarPolicy::legal(Region::Martinique));
    assert!(legal.policy().is_legal());
    // Whit Monday 2026: open for the shop, a holiday in law.
    assert_eq!(shop_cal.is_business_day(ymd(2026, 5, 25)), Ok(true));
    assert_eq!(
        legal.holiday(ymd(2026, 5, 25)),
        Ok(Some(Holiday::WhitMonday))
    );
    // The shop's closure and Ash Wednesday: closed for the shop, working days in law.
    for day in [ymd(2026, 8, 14), ymd(2026, 2, 18)] {
        assert_eq!(shop_cal.is_business_day(day), Ok(false));
        assert_eq!(legal.is_business_day(day), Ok(true));
    }
    for region in Region::ALL {
        assert_eq!(
            Calendar::legal(region),
            Calendar::new(&CalendarPolicy::legal(region)).unwrap()
        );
    }
}

// CAL-4: the new regions answer for the documented range only, with typed errors outside.
#[test]
fn cal_4_overseas_calendars_keep_the_range() {
    for region in Region::ALL {
        let cal = Calendar::legal(region);
        assert!(cal.holidays_of_year(2200).is_ok());
        for year in [1899, 2201, i32::MIN, i32::MAX] {
            assert!(
                cal.holidays_of_year(year)
                    .is_err_and(|e| e.is_out_of_range()),
                "{region} {year}"
            );
        }
        assert!(
            cal.is_business_day(ymd(2201, 7, 21))
                .is_err_and(|e| e.is_out_of_range())
        );
    }
}

// CAL-3: a region reads back from its text form, and only from it.
#[test]
fn cal_3_region_names_round_trip_and_nothing_else_parses() {
    for region in Region::ALL {
        assert_eq!(region.to_string().parse::<Region>(), Ok(region));
        assert_eq!(region.as_str(), region.to_string());
    }
    assert_eq!("saint_martin".parse(), Ok(Region::SaintMartin));
    assert_eq!("saint_barthelemy".parse(), Ok(Region::SaintBarthelemy));
    for bad in [
        "",
        "Guadeloupe",
        "GP",
        "971",
        " guadeloupe",
        "guadeloupe ",
        "saint-martin",
        "saint_barthélemy",
        "atlantis",
    ] {
        assert_eq!(
            bad.parse::<Region>(),
            Err(CalendarError::UnknownRegion),
            "{bad:?}"
        );
    }
    let message = "GP".parse::<Region>().unwrap_err().to_string();
    assert!(message.starts_with("unknown region: expected one of metropolitan, "));
    assert!(message.ends_with("saint_martin, saint_barthelemy"));
}

// CAL-3: serde reads and writes a region through the same names, refusing any other.
#[cfg(feature = "serde")]
#[test]
fn cal_3_serde_accepts_only_the_documented_region_names() {
    for region in Region::ALL {
        let json = serde_json::to_string(&region).unwrap();
        assert_eq!(json, format!("\"{region}\""));
        assert_eq!(serde_json::from_str::<Region>(&json).unwrap(), region);
        // From an owned value too, not only borrowed text.
        let value = serde_json::Value::String(region.to_string());
        assert_eq!(serde_json::from_value::<Region>(value).unwrap(), region);
    }
    for bad in [
        r#""Martinique""#,
        r#""MQ""#,
        r#""martinique ""#,
        "972",
        "null",
        "{}",
    ] {
        assert!(serde_json::from_str::<Region>(bad).is_err(), "{bad}");
    }
    let err = serde_json::from_str::<Region>(r#""MQ""#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"MQ\": unknown region"), "{err}");
    let policy: CalendarPolicy =
        serde_json::from_str(r#"{"region":"saint_barthelemy","local_days":"statutory"}"#).unwrap();
    assert_eq!(policy.region, Region::SaintBarthelemy);
    assert_eq!(policy.local_days, LocalDays::Statutory);
    assert!(serde_json::from_str::<CalendarPolicy>(r#"{"local_days":"all"}"#).is_err());
    assert_eq!(
        serde_json::to_string(&Holiday::VictorSchoelcher).unwrap(),
        r#""victor_schoelcher""#
    );
}

// CAL-3, RET-1: each region reads its days on its own clock; only metropolitan France and
// Alsace-Moselle are on Paris time, and every overseas clock is a fixed offset from UTC today
// (UTC-4 in the Antilles and in Saint-Martin and Saint-Barthélemy, UTC-3 in Guyane, UTC+4 in
// La Réunion, UTC+3 in Mayotte).
#[test]
fn cal_3_each_region_has_its_local_time_zone() {
    use chrono::{Offset, TimeZone};
    let winter = chrono::Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
    let summer = chrono::Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
    let hours = |region: Region, at: chrono::DateTime<chrono::Utc>| {
        at.with_timezone(&region.time_zone())
            .offset()
            .fix()
            .local_minus_utc()
            / 3600
    };
    for (region, offset) in [
        (Region::Guadeloupe, -4),
        (Region::Martinique, -4),
        (Region::Guyane, -3),
        (Region::Reunion, 4),
        (Region::Mayotte, 3),
        (Region::SaintMartin, -4),
        (Region::SaintBarthelemy, -4),
    ] {
        assert_eq!(hours(region, winter), offset, "{region}");
        assert_eq!(hours(region, summer), offset, "{region}");
    }
    for region in [Region::Metropolitan, Region::AlsaceMoselle] {
        assert_eq!(region.time_zone().name(), "Europe/Paris");
        assert_eq!((hours(region, winter), hours(region, summer)), (1, 2));
    }
}
