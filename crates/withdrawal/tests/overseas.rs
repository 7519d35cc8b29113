//! RET-1 with a customer overseas: the statutory withdrawal period counts on the legal calendar
//! of the customer's region (CAL-3, Regulation 1182/71 art. 2(1) and 3(4)), not on the shop's,
//! and ends no earlier than the end of its last day on the customer's clock.

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::America::{Guadeloupe, Martinique};
use chrono_tz::Europe::Paris;
use chrono_tz::Indian::Reunion;
use chrono_tz::Tz;
use comptoir_calendar::{Calendar, Region};
use comptoir_withdrawal::{
    CalendarDays, NoticeTimeliness, Period, Receipt, Roll, WithdrawalPolicy, WithdrawalWindows,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Tz> {
    zone.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap()
}

fn windows(region: Region, delivered: DateTime<Tz>) -> WithdrawalWindows {
    let validated = at(Paris, 2025, 1, 2, 9, 0);
    WithdrawalWindows::compute(
        &validated,
        &[Receipt::at_address(&delivered)],
        region,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap()
}

// RET-1, CAL-3: a parcel received in Fort-de-France on Tuesday 7 July 2026: the 14th day is
// Tuesday 21 July, Victor Schœlcher Day, so on Martinique's legal calendar the statutory
// deadline moves to Wednesday 22 July, whatever the shop's (metropolitan) calendar says. It
// ends at midnight in Martinique, 06:00 in Paris: a notice at 22:30 there is on time.
#[test]
fn ret1_martinique_deadline_on_21_july_moves_to_the_next_working_day() -> Result {
    let received = at(Martinique, 2026, 7, 7, 10, 0); // 16:00 in Paris, the same day
    let w = windows(Region::Martinique, received);
    assert_eq!(w.customer_region(), Region::Martinique);
    assert_eq!(w.statutory().nominal_last_day(), ymd(2026, 7, 21));
    assert_eq!(w.statutory().last_day(), ymd(2026, 7, 22));
    assert!(w.statutory().is_rolled());
    assert_eq!(w.statutory().time_zone(), Martinique);
    assert_eq!(
        w.statutory().closes_at()?.to_rfc3339(),
        "2026-07-23T00:00:00-04:00"
    );
    assert_eq!(
        w.statutory().to_string(),
        "Wednesday 2026-07-22 (end of day, America/Martinique time)"
    );
    assert_eq!(
        w.notice(&at(Martinique, 2026, 7, 22, 22, 30))?,
        NoticeTimeliness::WithinStatutoryWindow
    );
    assert_eq!(
        w.notice(&at(Martinique, 2026, 7, 23, 0, 1))?,
        NoticeTimeliness::WithinContractualWindow
    );

    let metropolitan = windows(Region::Metropolitan, received);
    assert_eq!(metropolitan.statutory().last_day(), ymd(2026, 7, 21));
    assert!(!metropolitan.statutory().is_rolled());
    assert_eq!(metropolitan.statutory().time_zone(), Paris);
    Ok(())
}

// RET-1: received in Guadeloupe on Monday 3 March 2025 at 20:00, already Tuesday 01:00 in
// Paris. Counted on the customer's clock the window ends with Monday 17 March there (Tuesday
// 04:00 UTC); counted on the shop's, with Tuesday 18 March in Paris (23:00 UTC). Either is a
// reading of the law: the later one stands.
#[test]
fn ret1_an_evening_receipt_in_the_antilles_keeps_the_later_paris_reading() -> Result {
    let w = windows(Region::Guadeloupe, at(Guadeloupe, 2025, 3, 3, 20, 0));
    assert_eq!(w.last_receipt_day(), ymd(2025, 3, 4));
    assert_eq!(w.statutory().time_zone(), Paris);
    assert_eq!(w.statutory().event_day(), ymd(2025, 3, 4));
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 18));
    assert_eq!(
        w.statutory().closes_at()?.to_rfc3339(),
        "2025-03-19T00:00:00+01:00"
    );
    Ok(())
}

// RET-1: received in La Réunion at 01:30 on Tuesday 4 March 2025, still Monday 22:30 in
// Paris. The customer's day of receipt is Tuesday: the window ends with Tuesday 18 March on
// Réunion's clock (20:00 UTC), later than Monday 17 March on Paris's (23:00 UTC the day
// before). A daytime receipt there ends on the same date, and Paris's midnight, three hours
// after Réunion's, is kept.
#[test]
fn ret1_reunion_counts_from_the_customers_day_and_never_ends_before_paris_midnight() -> Result {
    let early = windows(Region::Reunion, at(Reunion, 2025, 3, 4, 1, 30));
    assert_eq!(early.last_receipt_day(), ymd(2025, 3, 3));
    assert_eq!(early.statutory().event_day(), ymd(2025, 3, 4));
    assert_eq!(early.statutory().last_day(), ymd(2025, 3, 18));
    assert_eq!(early.statutory().time_zone(), Reunion);
    assert_eq!(
        early.statutory().closes_at()?.to_rfc3339(),
        "2025-03-19T00:00:00+04:00"
    );

    let daytime = windows(Region::Reunion, at(Reunion, 2025, 3, 3, 14, 0));
    assert_eq!(daytime.statutory().last_day(), ymd(2025, 3, 17));
    assert_eq!(daytime.statutory().time_zone(), Paris);
    assert_eq!(
        daytime.notice(&at(Reunion, 2025, 3, 18, 2, 30))?,
        NoticeTimeliness::WithinStatutoryWindow
    );
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

        // Through the windows, with a noon receipt on the customer's clock.
        let received = region
            .time_zone()
            .from_local_datetime(&event.and_hms_opt(12, 0, 0).unwrap())
            .single()
            .unwrap();
        let w = windows(region, received);
        assert_eq!(w.statutory().last_day(), next_working_day, "{region}");
    }
    Ok(())
}
