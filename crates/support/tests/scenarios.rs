//! The FAQ's customer-service promises, worked through on real dates (SUP-1, SUP-2).
//!
//! 2026 dates used: Thursday 12 and Friday 13 March (ordinary week); Easter Monday 6 April;
//! Friday 8 May (Victoire 1945); Monday 25 May (Whit Monday); summer time starts Sunday
//! 29 March and ends Sunday 25 October.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use comptoir_calendar::clock::{self, Ambiguity};
use comptoir_support::{BusinessHours, LineStatus, Support, SupportPolicy};

/// The instant of a Paris wall-clock time (never ambiguous in these tests).
fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<FixedOffset> {
    let local = NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap();
    clock::from_paris(local, Ambiguity::Reject).unwrap()
}

// SUP-1
#[test]
fn line_is_closed_at_13h30_on_a_friday_and_reopens_at_14h() {
    let support = Support::faq();
    let lunch = paris(2026, 3, 13, 13, 30);
    assert!(!support.is_open(&lunch).unwrap());
    assert_eq!(
        support.line_status(&lunch).unwrap(),
        LineStatus::Closed {
            opens_at: paris(2026, 3, 13, 14, 0)
        }
    );
}

// SUP-1
#[test]
fn line_is_closed_at_17h15_on_a_friday_but_open_on_a_thursday() {
    let support = Support::faq();
    let friday = paris(2026, 3, 13, 17, 15);
    assert!(!support.is_open(&friday).unwrap());
    assert_eq!(
        support.next_opening(&friday).unwrap(),
        paris(2026, 3, 16, 9, 0)
    );

    let thursday = paris(2026, 3, 12, 17, 15);
    assert!(support.is_open(&thursday).unwrap());
    assert_eq!(
        support.line_status(&thursday).unwrap(),
        LineStatus::Open {
            closes_at: paris(2026, 3, 12, 17, 30)
        }
    );
}

// SUP-1
#[test]
fn line_is_closed_on_a_public_holiday_and_opens_the_next_business_day() {
    let support = Support::faq();
    let easter_monday = paris(2026, 4, 6, 10, 0);
    assert!(!support.is_open(&easter_monday).unwrap());
    assert_eq!(
        support.next_opening(&easter_monday).unwrap(),
        paris(2026, 4, 7, 9, 0)
    );
    // Friday 8 May is a holiday too: Thursday evening's next opening is Monday 11.
    assert_eq!(
        support.next_opening(&paris(2026, 5, 7, 18, 0)).unwrap(),
        paris(2026, 5, 11, 9, 0)
    );
}

// SUP-1
#[test]
fn line_is_closed_on_weekends() {
    let support = Support::faq();
    for day in [14, 15] {
        for hour in [9, 11, 15] {
            assert!(!support.is_open(&paris(2026, 3, day, hour, 0)).unwrap());
        }
    }
}

// SUP-1: opening times are included, closing times excluded.
#[test]
fn slot_edges_open_at_9h00_and_close_at_13h00() {
    let support = Support::faq();
    let at = |h, m, s| {
        let local = NaiveDate::from_ymd_opt(2026, 3, 12)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap();
        clock::from_paris(local, Ambiguity::Reject).unwrap()
    };
    assert!(!support.is_open(&at(8, 59, 59)).unwrap());
    assert!(support.is_open(&at(9, 0, 0)).unwrap());
    assert!(support.is_open(&at(12, 59, 59)).unwrap());
    assert!(!support.is_open(&at(13, 0, 0)).unwrap());
    assert!(support.is_open(&at(17, 29, 59)).unwrap());
    assert!(!support.is_open(&at(17, 30, 0)).unwrap());
}

// SUP-1: next_opening is strictly after the instant, even while open.
#[test]
fn next_opening_while_open_is_the_next_slot() {
    let support = Support::faq();
    assert_eq!(
        support.next_opening(&paris(2026, 3, 12, 10, 0)).unwrap(),
        paris(2026, 3, 12, 14, 0)
    );
    assert_eq!(
        support.next_opening(&paris(2026, 3, 12, 9, 0)).unwrap(),
        paris(2026, 3, 12, 14, 0)
    );
}

// SUP-1: the instant is read on the Paris clock whatever its time zone.
#[test]
fn instants_from_another_time_zone_are_read_in_paris() {
    let support = Support::faq();
    // 11:15 in New York on Friday 13 March 2026 is 16:15 in Paris: open until 17:00.
    let new_york = chrono_tz::America::New_York
        .with_ymd_and_hms(2026, 3, 13, 11, 15, 0)
        .unwrap();
    assert_eq!(
        support.line_status(&new_york).unwrap(),
        LineStatus::Open {
            closes_at: paris(2026, 3, 13, 17, 0)
        }
    );
}

// SUP-2
#[test]
fn message_on_friday_at_15h_is_due_on_monday_at_15h() {
    let support = Support::faq();
    assert_eq!(
        support.answer_due(&paris(2026, 3, 13, 15, 0)).unwrap(),
        paris(2026, 3, 16, 15, 0)
    );
}

// SUP-2
#[test]
fn message_on_the_eve_of_a_holiday_weekend_skips_the_holiday() {
    let support = Support::faq();
    // Thursday 7 May, 15:00: Friday 8 May is Victoire 1945, so Monday 11 May at 15:00.
    assert_eq!(
        support.answer_due(&paris(2026, 5, 7, 15, 0)).unwrap(),
        paris(2026, 5, 11, 15, 0)
    );
    // Friday 22 May, 15:00: Monday 25 is Whit Monday, so Tuesday 26 May at 15:00.
    assert_eq!(
        support.answer_due(&paris(2026, 5, 22, 15, 0)).unwrap(),
        paris(2026, 5, 26, 15, 0)
    );
}

// SUP-2: a message sent on a closed day counts from the start of the next business day.
#[test]
fn message_on_a_saturday_counts_from_monday_midnight() {
    let support = Support::faq();
    // Saturday 14 March, 10:00: Monday 16 from 00:00 gives the 24 hours; due at its end.
    assert_eq!(
        support.answer_due(&paris(2026, 3, 14, 10, 0)).unwrap(),
        paris(2026, 3, 17, 0, 0)
    );
    // A message at 00:00 on a business day uses that whole day.
    assert_eq!(
        support.answer_due(&paris(2026, 3, 16, 0, 0)).unwrap(),
        paris(2026, 3, 17, 0, 0)
    );
}

// SUP-2: over a weekend with a clock change the wall-clock count holds, and it is never
// less than 24 real hours.
#[test]
fn answer_over_a_clock_change_weekend_keeps_the_wall_clock_time() {
    let support = Support::faq();
    let spring_sent = paris(2026, 3, 27, 15, 0);
    let spring_due = support.answer_due(&spring_sent).unwrap();
    assert_eq!(spring_due.to_rfc3339(), "2026-03-30T15:00:00+02:00");
    assert_eq!((spring_due - spring_sent).num_hours(), 71);

    let autumn_sent = paris(2026, 10, 23, 15, 0);
    let autumn_due = support.answer_due(&autumn_sent).unwrap();
    assert_eq!(autumn_due.to_rfc3339(), "2026-10-26T15:00:00+01:00");
    assert_eq!((autumn_due - autumn_sent).num_hours(), 73);

    // Sent during the repeated hour of Sunday 25 October: counted from Monday 00:00.
    let repeated = clock::from_paris(
        NaiveDate::from_ymd_opt(2026, 10, 25)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap(),
        Ambiguity::Later,
    )
    .unwrap();
    assert_eq!(
        support.answer_due(&repeated).unwrap(),
        paris(2026, 10, 27, 0, 0)
    );
}

// SUP-2: the delay is policy.
#[test]
fn a_48_hour_policy_gives_two_business_days() {
    let policy = SupportPolicy {
        answer_within: BusinessHours::new(48).unwrap(),
        ..SupportPolicy::default()
    };
    let support = Support::new(policy, comptoir_calendar::Calendar::metropolitan());
    assert_eq!(
        support.answer_due(&paris(2026, 3, 13, 15, 0)).unwrap(),
        paris(2026, 3, 17, 15, 0)
    );
    assert!(BusinessHours::new(0).is_err());
}

// CAL-4: outside the calendar's years the answer is an error, not a panic.
#[test]
fn instants_outside_the_calendar_are_errors() {
    let support = Support::faq();
    let far = paris(2200, 12, 31, 18, 0);
    assert!(support.answer_due(&far).unwrap_err().is_out_of_range());
    assert!(support.next_opening(&far).unwrap_err().is_out_of_range());
    let early = chrono::Utc.with_ymd_and_hms(1850, 1, 1, 12, 0, 0).unwrap();
    assert!(support.is_open(&early).is_err());
}

// SUP-1, SUP-2: a stored policy reads back, and bad hours or a zero delay are refused.
#[cfg(feature = "serde")]
#[test]
fn policy_round_trips_and_refuses_bad_hours() {
    let policy = SupportPolicy::default();
    let json = serde_json::to_string(&policy).unwrap();
    assert_eq!(
        serde_json::from_str::<SupportPolicy>(&json).unwrap(),
        policy
    );
    assert!(
        serde_json::from_str::<SupportPolicy>(
            &json.replace("\"answer_within\":24", "\"answer_within\":0")
        )
        .is_err()
    );
    let reversed = json.replacen("\"09:00:00\"", "\"13:30:00\"", 1);
    assert!(serde_json::from_str::<SupportPolicy>(&reversed).is_err());
}

// SUP-1: the line's status reads as open until / closed, opens, with Paris's offset, on both
// sides of a clock change (Friday 27 March 2026 is winter time, Monday 30 summer time).
#[test]
fn sup1_line_status_reads_with_weekday_date_time_and_offset() {
    let support = Support::faq();
    let friday = chrono::Utc
        .with_ymd_and_hms(2026, 3, 27, 15, 30, 0)
        .unwrap(); // 16:30 Paris
    assert_eq!(
        support.line_status(&friday).unwrap().to_string(),
        "open until Friday 2026-03-27 17:00 (+01:00)"
    );
    let saturday = chrono::Utc.with_ymd_and_hms(2026, 3, 28, 10, 0, 0).unwrap();
    assert_eq!(
        support.line_status(&saturday).unwrap().to_string(),
        "closed, opens Monday 2026-03-30 09:00 (+02:00)"
    );
}

// SUP-1: a line status is stored as its variant and its RFC 3339 instant, and reads back.
#[cfg(feature = "serde")]
#[test]
fn sup1_line_status_round_trips() {
    let support = Support::faq();
    let saturday = chrono::Utc.with_ymd_and_hms(2026, 3, 28, 10, 0, 0).unwrap();
    let status = support.line_status(&saturday).unwrap();
    let json = serde_json::to_string(&status).unwrap();
    assert_eq!(
        json,
        r#"{"closed":{"opens_at":"2026-03-30T09:00:00+02:00"}}"#
    );
    assert_eq!(serde_json::from_str::<LineStatus>(&json).unwrap(), status);
}
