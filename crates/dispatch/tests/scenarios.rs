//! DISP-1..3 as the FAQ tells them, one test per telling moment.

use chrono::{DateTime, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir_calendar::{BusinessDays, Calendar, CalendarPolicy, DayWindow, Region};
use comptoir_dispatch::{DispatchError, DispatchPolicy, DispatchSchedule};

fn paris(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Tz> {
    Paris.with_ymd_and_hms(y, m, d, h, min, s).single().unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn taken(at: DateTime<Tz>) -> NaiveDate {
    DispatchPolicy::default()
        .taken_into_account(&at, &Calendar::metropolitan())
        .unwrap()
}

// DISP-1: the FAQ's example, a Saturday at 18:00 -> the next business day, here Tuesday
// because Monday 25 May 2026 is Whit Monday.
#[test]
fn disp_1_saturday_evening_before_whit_monday_is_taken_on_tuesday() {
    assert_eq!(taken(paris(2026, 5, 23, 18, 0, 0)), ymd(2026, 5, 26));
}

// DISP-1: 10:59:59 is before the cutoff, 11:00:00 is not.
#[test]
fn disp_1_cutoff_at_11h_is_next_business_day() {
    assert_eq!(taken(paris(2026, 3, 3, 10, 59, 59)), ymd(2026, 3, 3));
    assert_eq!(taken(paris(2026, 3, 3, 11, 0, 0)), ymd(2026, 3, 4));
    let just_before = paris(2026, 3, 3, 10, 59, 59) + chrono::Duration::milliseconds(999);
    assert_eq!(taken(just_before), ymd(2026, 3, 3));
}

// DISP-1: Friday afternoon waits for Monday.
#[test]
fn disp_1_friday_afternoon_is_taken_on_monday() {
    assert_eq!(taken(paris(2026, 3, 6, 15, 0, 0)), ymd(2026, 3, 9));
}

// DISP-1: the eve of Ascension after the cutoff skips the Thursday holiday.
#[test]
fn disp_1_eve_of_ascension_after_cutoff_is_taken_on_friday() {
    // Ascension 2026 is Thursday 14 May.
    assert_eq!(taken(paris(2026, 5, 13, 14, 0, 0)), ymd(2026, 5, 15));
    assert_eq!(taken(paris(2026, 5, 13, 9, 0, 0)), ymd(2026, 5, 13));
}

// DISP-1: the cutoff is Paris time, whatever zone the instant comes in, DST included.
#[test]
fn disp_1_cutoff_is_read_on_the_paris_clock_across_dst() {
    // Monday 30 March 2026, the day after summer time began: 09:30 UTC is 11:30 Paris.
    let utc = chrono::Utc.with_ymd_and_hms(2026, 3, 30, 9, 30, 0).unwrap();
    assert_eq!(
        DispatchPolicy::default().taken_into_account(&utc, &Calendar::metropolitan()),
        Ok(ymd(2026, 3, 31))
    );
    // The Friday before, 09:30 UTC was 10:30 Paris: still before the cutoff.
    let utc = chrono::Utc.with_ymd_and_hms(2026, 3, 27, 9, 30, 0).unwrap();
    assert_eq!(
        DispatchPolicy::default().taken_into_account(&utc, &Calendar::metropolitan()),
        Ok(ymd(2026, 3, 27))
    );
    // An order at 23:30 UTC on Sunday 25 October is already Monday 00:30 in Paris.
    let utc = chrono::Utc
        .with_ymd_and_hms(2026, 10, 25, 23, 30, 0)
        .unwrap();
    assert_eq!(
        DispatchPolicy::default().taken_into_account(&utc, &Calendar::metropolitan()),
        Ok(ymd(2026, 10, 26))
    );
}

// DISP-1..3: a schedule reads as a sentence.
#[test]
fn disp_1_2_3_schedule_displays_its_days() {
    let schedule = DispatchSchedule::compute(
        &paris(2026, 5, 23, 18, 0, 0),
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(
        schedule.to_string(),
        "taken into account 2026-05-26, dispatched 2026-05-27 to 2026-05-28, at the latest 2026-05-29"
    );
}

// DISP-2, DISP-3: the window and the promise count business days from T.
#[test]
fn disp_2_disp_3_window_and_promise_skip_the_weekend() {
    let schedule = DispatchSchedule::compute(
        &paris(2026, 3, 5, 10, 0, 0),
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(schedule.taken_into_account(), ymd(2026, 3, 5)); // Thursday
    assert_eq!(
        schedule.expected_dispatch(),
        DayWindow::new(ymd(2026, 3, 6), ymd(2026, 3, 9)).unwrap()
    );
    assert_eq!(schedule.dispatch_by(), ymd(2026, 3, 10));
}

// DISP-3: late only once the dispatch-by day has ended, Paris time.
#[test]
fn disp_3_late_after_the_end_of_the_dispatch_by_day() {
    let schedule = DispatchSchedule::compute(
        &paris(2026, 3, 5, 10, 0, 0),
        &DispatchPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 10, 23, 59, 59), None),
        Ok(false)
    );
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 11, 0, 0, 0), None),
        Ok(true)
    );
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 20, 0, 0, 0), Some(ymd(2026, 3, 10))),
        Ok(false)
    );
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 20, 0, 0, 0), Some(ymd(2026, 3, 11))),
        Ok(true)
    );
    // A dispatch recorded after the instant asked about is a data error, not "on time".
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 9, 12, 0, 0), Some(ymd(2026, 3, 10))),
        Err(DispatchError::DispatchInTheFuture {
            dispatched_on: ymd(2026, 3, 10),
            today: ymd(2026, 3, 9)
        })
    );
    assert_eq!(
        schedule.is_late(&paris(2026, 3, 20, 0, 0, 0), Some(ymd(2026, 3, 1))),
        Err(DispatchError::DispatchBeforeOrder {
            dispatched_on: ymd(2026, 3, 1),
            taken_into_account: ymd(2026, 3, 5)
        })
    );
}

// DISP-1: the calendar is the shop's: in Alsace-Moselle, Good Friday is closed.
#[test]
fn disp_1_regional_calendar_changes_the_answer() {
    let alsace = Calendar::new(&CalendarPolicy {
        region: Region::AlsaceMoselle,
        ..CalendarPolicy::default()
    })
    .unwrap();
    let thursday_afternoon = paris(2026, 4, 2, 15, 0, 0);
    let policy = DispatchPolicy::default();
    assert_eq!(
        policy.taken_into_account(&thursday_afternoon, &alsace),
        Ok(ymd(2026, 4, 7))
    );
    assert_eq!(
        policy.taken_into_account(&thursday_afternoon, &Calendar::metropolitan()),
        Ok(ymd(2026, 4, 3))
    );
}

// Bad input: an inconsistent policy and a date outside the calendar are typed errors.
// DISP-1..3: bad policies and dates outside the calendar are typed errors.
#[test]
fn bad_policies_and_dates_are_errors() {
    let policy = DispatchPolicy {
        preparation_max: BusinessDays::new(5),
        ..DispatchPolicy::default()
    };
    assert!(matches!(
        DispatchSchedule::compute(
            &paris(2026, 3, 5, 10, 0, 0),
            &policy,
            &Calendar::metropolitan()
        ),
        Err(DispatchError::InvalidPolicy { .. })
    ));
    let too_late = paris(2200, 12, 31, 12, 0, 0);
    assert!(
        DispatchSchedule::compute(
            &too_late,
            &DispatchPolicy::default(),
            &Calendar::metropolitan()
        )
        .is_err_and(|e| e.is_out_of_range())
    );
}
