//! RET-1 with a customer overseas: the statutory withdrawal period counts on the legal calendar
//! of the customer's region (CAL-3, Regulation 1182/71 art. 2(1) and 3(4)), not on the shop's.

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::America::Martinique;
use chrono_tz::Europe::Paris;
use comptoir_calendar::{Calendar, Region};
use comptoir_returns::{CalendarDays, Period, Roll, WithdrawalPolicy, WithdrawalWindows};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn in_martinique(y: i32, m: u32, d: u32, h: u32) -> DateTime<chrono_tz::Tz> {
    Martinique
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .unwrap()
}

// RET-1, CAL-3: a parcel received in Fort-de-France on Tuesday 7 July 2026: the 14th day is
// Tuesday 21 July, Victor Schœlcher Day, so on Martinique's legal calendar the statutory
// deadline moves to Wednesday 22 July. The metropolitan calendar would end it a day too soon.
#[test]
fn ret1_martinique_deadline_on_21_july_moves_to_the_next_working_day() -> Result {
    let validated = Paris
        .with_ymd_and_hms(2026, 7, 1, 9, 30, 0)
        .single()
        .ok_or("instant")?;
    // 10:00 in Martinique is 16:00 in Paris: the same day on the shop's clock.
    let received = in_martinique(2026, 7, 7, 10);
    let policy = WithdrawalPolicy::default();

    let legal = Calendar::legal(Region::Martinique);
    let windows = WithdrawalWindows::compute(&validated, &[received], &policy, &legal)?;
    assert_eq!(windows.last_receipt_day(), ymd(2026, 7, 7));
    assert_eq!(windows.statutory().nominal_last_day(), ymd(2026, 7, 21));
    assert_eq!(windows.statutory().last_day(), ymd(2026, 7, 22));
    assert!(windows.statutory().is_rolled());
    // A notice sent on the 22nd in the morning, Martinique time, is within the law's window.
    assert!(
        windows
            .statutory()
            .is_on_time(&in_martinique(2026, 7, 22, 9))?
    );

    let paris = WithdrawalWindows::compute(
        &validated,
        &[received],
        &policy,
        &Calendar::legal(Region::Metropolitan),
    )?;
    assert_eq!(paris.statutory().last_day(), ymd(2026, 7, 21));
    assert!(!paris.statutory().is_rolled());
    Ok(())
}

// RET-1, CAL-3: the same rule through `Period::deadline`, for each overseas region's own day
// in 2026 that falls on a weekday: 14 days after the event lands on it and moves one day on.
#[test]
fn ret1_each_overseas_day_moves_a_statutory_deadline() -> Result {
    let fourteen = Period {
        days: CalendarDays::new(14),
        roll: Roll::NextBusinessDay,
    };
    for (region, own_day, next_working_day) in [
        (Region::Guadeloupe, ymd(2026, 3, 12), ymd(2026, 3, 13)), // Mi-Carême, Thursday
        (Region::Guadeloupe, ymd(2026, 7, 21), ymd(2026, 7, 22)), // Victor Schœlcher, Tuesday
        (Region::Martinique, ymd(2026, 5, 22), ymd(2026, 5, 26)), // abolition, Friday; Whit Monday
        (Region::Guyane, ymd(2026, 6, 10), ymd(2026, 6, 11)),     // abolition, Wednesday
        (Region::Mayotte, ymd(2026, 4, 27), ymd(2026, 4, 28)),    // abolition, Monday
        (Region::SaintMartin, ymd(2026, 5, 28), ymd(2026, 5, 29)), // abolition, Thursday
        (Region::SaintBarthelemy, ymd(2026, 10, 9), ymd(2026, 10, 12)), // abolition, Friday
    ] {
        let event = own_day - chrono::Days::new(14);
        let deadline = fourteen.deadline(event, &Calendar::legal(region))?;
        assert_eq!(deadline.nominal_last_day(), own_day, "{region}");
        assert_eq!(deadline.last_day(), next_working_day, "{region}");
        let metropolitan = fourteen.deadline(event, &Calendar::legal(Region::Metropolitan))?;
        assert_eq!(metropolitan.last_day(), own_day, "{region}");
    }
    Ok(())
}
