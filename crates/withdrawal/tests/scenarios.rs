//! Worked examples of the withdrawal rules, read like the FAQ (RET-1, SHIP-2).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_withdrawal::{
    CalendarDays, NoticeTimeliness, Period, Receipt, Roll, WithdrawalError, WithdrawalPolicy,
    WithdrawalWindows,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn paris(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<chrono_tz::Tz> {
    Paris.with_ymd_and_hms(y, m, d, h, min, s).single().unwrap()
}

fn utc(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The windows of parcels delivered at the address at `received`, for a customer in
/// `region`, with `calendar` the shop's.
fn windows_in(
    received: &[DateTime<chrono_tz::Tz>],
    region: Region,
    calendar: &Calendar,
) -> WithdrawalWindows {
    let validated = paris(2025, 1, 2, 9, 0, 0);
    let receipts: Vec<Receipt> = received.iter().map(Receipt::at_address).collect();
    WithdrawalWindows::compute(
        &validated,
        &receipts,
        region,
        &WithdrawalPolicy::default(),
        calendar,
    )
    .unwrap()
}

/// The windows of a metropolitan customer, with `calendar` the shop's.
fn windows_for(received: &[DateTime<chrono_tz::Tz>], calendar: &Calendar) -> WithdrawalWindows {
    windows_in(received, Region::Metropolitan, calendar)
}

fn shop(policy: CalendarPolicy) -> Calendar {
    Calendar::new(&policy).unwrap()
}

// RET-1: docs/rules.md's worked example.
#[test]
fn ret1_received_saturday_1_march_2025_ends_monday_17_march() {
    let w = windows_for(&[paris(2025, 3, 1, 10, 40, 0)], &Calendar::metropolitan());
    // 1 March + 14 = Saturday 15 March, moved to Monday 17.
    assert_eq!(w.statutory().nominal_last_day(), ymd(2025, 3, 15));
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 17));
    assert!(w.statutory().is_rolled());
    // 1 March + 30 = Monday 31 March: a business day, no move.
    assert_eq!(w.contractual().last_day(), ymd(2025, 3, 31));
    assert!(!w.contractual().is_rolled());
}

// RET-1: Easter Monday 21 April 2025 is a public holiday; the window ends on Tuesday.
#[test]
fn ret1_deadline_on_easter_monday_moves_to_tuesday() {
    let w = windows_for(&[paris(2025, 4, 7, 14, 0, 0)], &Calendar::metropolitan());
    assert_eq!(w.statutory().nominal_last_day(), ymd(2025, 4, 21));
    assert_eq!(w.statutory().last_day(), ymd(2025, 4, 22));

    let w = windows_for(&[paris(2025, 3, 22, 14, 0, 0)], &Calendar::metropolitan());
    assert_eq!(w.contractual().nominal_last_day(), ymd(2025, 4, 21));
    assert_eq!(w.contractual().last_day(), ymd(2025, 4, 22));
}

// RET-1: Whitsun weekend 2025 (Saturday 7, Sunday 8, Whit Monday 9 June) moves a Saturday
// deadline to Tuesday, on the shop's calendar and on the law's alike.
#[test]
fn ret1_deadline_on_a_holiday_weekend_moves_past_it() {
    let w = windows_for(&[paris(2025, 5, 24, 9, 15, 0)], &Calendar::metropolitan());
    assert_eq!(w.statutory().nominal_last_day(), ymd(2025, 6, 7));
    assert_eq!(w.statutory().last_day(), ymd(2025, 6, 10));
}

// RET-1 (replaces the test that ended the law's deadline on a worked Whit Monday): received
// Monday 26 May 2025, the 14th day is Whit Monday 9 June. A shop that works Whit Monday as its
// "journée de solidarité" still sees the law's deadline end on Tuesday 10 June: Whit Monday
// is a public holiday in law, and the statutory period rolls on the legal calendar.
#[test]
fn ret1_shop_working_whit_monday_cannot_end_the_law_s_window_on_it() {
    let received = [paris(2025, 5, 26, 11, 0, 0)];
    let working_whit_monday = shop(CalendarPolicy {
        whit_monday_closed: false,
        ..CalendarPolicy::default()
    });
    assert!(
        working_whit_monday
            .is_business_day(ymd(2025, 6, 9))
            .unwrap()
    );
    let w = windows_for(&received, &working_whit_monday);
    assert_eq!(w.statutory().nominal_last_day(), ymd(2025, 6, 9));
    assert_eq!(w.statutory().last_day(), ymd(2025, 6, 10));
    assert_eq!(
        w.notice(&paris(2025, 6, 10, 23, 30, 0)).unwrap(),
        NoticeTimeliness::WithinStatutoryWindow
    );
    // The shop's 30 days are its own promise: 25 June, a Wednesday, on its calendar.
    assert_eq!(w.contractual().last_day(), ymd(2025, 6, 25));
}

// RET-1: a closure the shop declares on the law's last day does not move the law's deadline;
// one on the shop's last day lengthens the shop's window, which it may.
#[test]
fn ret1_shop_closures_move_only_the_shop_s_window() {
    let received = [paris(2025, 3, 1, 10, 40, 0)];
    let closed = shop(CalendarPolicy {
        closures: vec![ymd(2025, 3, 17), ymd(2025, 3, 31)],
        ..CalendarPolicy::default()
    });
    let w = windows_for(&received, &closed);
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 17));
    assert_eq!(w.contractual().last_day(), ymd(2025, 4, 1));
}

// RET-1: a shop that promises no more than the law, on a calendar that works Whit Monday,
// would end its own window a day before the law's; it ends with the law's instead.
#[test]
fn ret1_the_shop_s_window_never_closes_before_the_law_s() {
    let policy = WithdrawalPolicy {
        contractual: Period {
            days: CalendarDays::new(14),
            roll: Roll::NextBusinessDay,
        },
        ..WithdrawalPolicy::default()
    };
    let working_whit_monday = shop(CalendarPolicy {
        whit_monday_closed: false,
        ..CalendarPolicy::default()
    });
    let w = WithdrawalWindows::compute(
        &paris(2025, 5, 20, 9, 0, 0),
        &[Receipt::at_address(&paris(2025, 5, 26, 11, 0, 0))],
        Region::Metropolitan,
        &policy,
        &working_whit_monday,
    )
    .unwrap();
    assert_eq!(w.contractual().last_day(), ymd(2025, 6, 10));
    assert_eq!(w.contractual(), w.statutory());
}

// RET-1, L221-18: the law's window cannot be configured away; the computation refuses a
// policy that would, naming the field and the article.
#[test]
fn ret1_a_statutory_window_that_does_not_roll_is_refused() {
    let policy = WithdrawalPolicy {
        statutory: Period {
            days: CalendarDays::new(14),
            roll: Roll::None,
        },
        ..WithdrawalPolicy::default()
    };
    let err = WithdrawalWindows::compute(
        &paris(2025, 2, 26, 18, 5, 0),
        &[Receipt::at_address(&paris(2025, 3, 1, 10, 40, 0))],
        Region::Metropolitan,
        &policy,
        &Calendar::metropolitan(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        WithdrawalError::UnlawfulPolicy {
            field: "withdrawal.statutory.roll",
            article: "C. conso L221-18",
            requirement: "a period whose last day is a Saturday, a Sunday or a public holiday \
                          ends with the next working day (Regulation 1182/71 art. 3(4))",
        }
    );
    assert!(err.is_unlawful_policy() && err.is_invalid_policy());
    assert!(err.to_string().contains("withdrawal.statutory.roll"));
}

// SHIP-2, RET-1: a parcel that arrived at the relay point on Monday 3 March 2025 and was
// collected on Thursday 6 March: the law counts from the collection, so the 14 days end on
// Thursday 20 March, not on Monday 17 as the arrival scan would have it.
#[test]
fn ship2_ret1_relay_point_parcel_counts_from_its_collection() -> Result {
    let receipt = Receipt::collected(&paris(2025, 3, 3, 9, 12, 0), &paris(2025, 3, 6, 18, 30, 0))?;
    let w = WithdrawalWindows::compute(
        &paris(2025, 2, 27, 14, 0, 0),
        &[receipt],
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(w.last_receipt_day(), ymd(2025, 3, 6));
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 20));
    // A notice while the parcel waited at the relay point is on time, before receipt.
    assert_eq!(
        w.notice(&paris(2025, 3, 4, 10, 0, 0))?,
        NoticeTimeliness::BeforeReceipt
    );
    Ok(())
}

// RET-1, Directive 2011/83 art. 9 and recital 40: the customer may withdraw from the
// validation of the order. A notice while the parcel is on its way, or between two parcels, is
// on time; only a notice before the validation is an error.
#[test]
fn ret1_notice_between_validation_and_receipt_is_on_time() -> Result {
    let validated = paris(2025, 2, 26, 18, 5, 0);
    let in_transit = paris(2025, 2, 27, 8, 0, 0);
    assert_eq!(
        NoticeTimeliness::before_receipt(&validated, &in_transit)?,
        NoticeTimeliness::BeforeReceipt
    );
    assert!(NoticeTimeliness::BeforeReceipt.is_on_time());
    let early = paris(2025, 2, 26, 18, 4, 59);
    let err = NoticeTimeliness::before_receipt(&validated, &early).unwrap_err();
    assert!(matches!(
        err,
        WithdrawalError::NoticeBeforeValidation { .. }
    ));
    assert!(err.is_bad_facts());

    let w = WithdrawalWindows::compute(
        &validated,
        &[
            Receipt::at_address(&paris(2025, 3, 1, 10, 0, 0)),
            Receipt::at_address(&paris(2025, 3, 8, 11, 0, 0)),
        ],
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(w.validated_at(), validated);
    for notice in [in_transit, paris(2025, 3, 5, 12, 0, 0)] {
        assert_eq!(w.notice(&notice)?, NoticeTimeliness::BeforeReceipt);
    }
    assert!(matches!(
        w.notice(&early),
        Err(WithdrawalError::NoticeBeforeValidation { .. })
    ));
    Ok(())
}

// RET-1: two parcels a week apart; the window counts from the second.
#[test]
fn ret1_two_parcels_a_week_apart_count_from_the_last() {
    let w = windows_for(
        &[paris(2025, 3, 1, 10, 0, 0), paris(2025, 3, 8, 11, 0, 0)],
        &Calendar::metropolitan(),
    );
    assert_eq!(w.last_receipt_day(), ymd(2025, 3, 8));
    // 8 March + 14 = Saturday 22 March -> Monday 24; + 30 = Monday 7 April.
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 24));
    assert_eq!(w.contractual().last_day(), ymd(2025, 4, 7));

    let first_only = windows_for(&[paris(2025, 3, 1, 10, 0, 0)], &Calendar::metropolitan());
    assert!(first_only.statutory().last_day() < w.statutory().last_day());
}

// RET-1: a notice at 23:30 Paris on the last day is on time; at 00:00:30 the next day it is
// not. The contractual last day, 31 March 2025, is on summer time (since 30 March), so the
// UTC instants are two hours behind.
#[test]
fn ret1_notice_at_23h30_on_the_last_day_is_on_time_just_after_midnight_is_late() -> Result {
    let w = windows_for(&[paris(2025, 3, 1, 10, 40, 0)], &Calendar::metropolitan());

    let statutory_evening = paris(2025, 3, 17, 23, 30, 0);
    let statutory_next = paris(2025, 3, 18, 0, 0, 30);
    assert_eq!(
        w.notice(&statutory_evening)?,
        NoticeTimeliness::WithinStatutoryWindow
    );
    assert_eq!(
        w.notice(&statutory_next)?,
        NoticeTimeliness::WithinContractualWindow
    );

    let contractual_evening = utc("2025-03-31T21:30:00Z"); // 23:30 Paris
    let contractual_next = utc("2025-03-31T22:00:30Z"); // 00:00:30 Paris, 1 April
    assert_eq!(
        w.notice(&contractual_evening)?,
        NoticeTimeliness::WithinContractualWindow
    );
    assert_eq!(w.notice(&contractual_next)?, NoticeTimeliness::Late);
    assert!(!w.notice(&contractual_next)?.is_on_time());

    assert_eq!(
        w.contractual().closes_at()?,
        utc("2025-04-01T00:00:00+02:00")
    );
    assert_eq!(w.statutory().closes_at()?, utc("2025-03-18T00:00:00+01:00"));
    Ok(())
}

// RET-1: a receipt scanned at 23:30 UTC on Friday 28 February is Saturday 1 March in Paris.
#[test]
fn ret1_receipt_is_read_on_the_paris_clock() {
    let validated = utc("2025-02-20T10:00:00Z");
    let w = WithdrawalWindows::compute(
        &validated,
        &[Receipt::at_address(&utc("2025-02-28T23:30:00Z"))],
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(w.last_receipt_day(), ymd(2025, 3, 1));
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 17));
}

// RET-1: receipts before validation are refused with the parcel named.
#[test]
fn ret1_parcel_received_before_validation_is_refused() {
    let compute = |receipts: &[Receipt]| {
        WithdrawalWindows::compute(
            &utc("2025-03-01T10:00:00Z"),
            receipts,
            Region::Metropolitan,
            &WithdrawalPolicy::default(),
            &Calendar::metropolitan(),
        )
    };
    let err = compute(&[
        Receipt::at_address(&utc("2025-03-03T10:00:00Z")),
        Receipt::at_address(&utc("2025-02-28T10:00:00Z")),
    ])
    .unwrap_err();
    assert!(matches!(
        err,
        WithdrawalError::ReceiptBeforeValidation { parcel: 1, .. }
    ));
    assert_eq!(compute(&[]), Err(WithdrawalError::NoParcels));
}
