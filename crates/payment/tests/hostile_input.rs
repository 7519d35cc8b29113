//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked, panicked or gave a wrong answer stays here,
//! fixed.

use chrono::NaiveDate;
use comptoir_calendar::{CalendarDays, DayWindow};
use comptoir_money::Eur;
use comptoir_payment::{
    Card, CardBrand, CardToken, ExpectedDebit, ExpiryMonth, InstalmentPolicy, InstalmentSchedule,
    InstalmentSpacing, OrderAmount, PaymentError,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn card() -> Card {
    Card::new(
        CardToken::new("tok_hostile").unwrap(),
        CardBrand::Visa,
        ExpiryMonth::new(2200, 12).unwrap(),
        ymd(2026, 1, 1),
    )
    .unwrap()
}

#[cfg(feature = "serde")]
fn instalments_json(instalments: &[(u32, &str, &str)]) -> String {
    let items: Vec<String> = instalments
        .iter()
        .map(|(n, due, amount)| format!(r#"{{"number":{n},"due_on":"{due}","amount":"{amount}"}}"#))
        .collect();
    format!(r#"{{"instalments":[{}]}}"#, items.join(","))
}

// PAY-5: an instalment with a negative amount deserialised; no computation gives one.
#[cfg(feature = "serde")]
#[test]
fn pay_5_an_instalment_with_a_negative_amount_does_not_deserialise() {
    let negative = r#"{"number":1,"due_on":"2026-03-02","amount":"-0.01"}"#;
    let error = serde_json::from_str::<comptoir_payment::Instalment>(negative).unwrap_err();
    assert!(error.to_string().contains("negative"), "{error}");
    let zeroth = r#"{"number":0,"due_on":"2026-03-02","amount":"1.00"}"#;
    assert!(serde_json::from_str::<comptoir_payment::Instalment>(zeroth).is_err());
    let zero = r#"{"number":2,"due_on":"2026-03-02","amount":"0.00"}"#;
    let instalment: comptoir_payment::Instalment = serde_json::from_str(zero).unwrap();
    assert_eq!(instalment.amount(), Eur::ZERO);
    assert_eq!(serde_json::to_string(&instalment).unwrap(), zero);
}

// PAY-5: a schedule whose amounts are not the even split ("1769.88" then "1") deserialised;
// the amounts must be what `Eur::split_evenly` gives of their sum.
#[cfg(feature = "serde")]
#[test]
fn pay_5_a_schedule_that_is_not_the_even_split_does_not_deserialise() {
    let uneven = instalments_json(&[(1, "2026-03-02", "1769.88"), (2, "2026-04-01", "1")]);
    let error = serde_json::from_str::<InstalmentSchedule>(&uneven).unwrap_err();
    assert!(error.to_string().contains("even split"), "{error}");
    // The leftover cent on a later instalment rather than the first.
    let late_cent = instalments_json(&[
        (1, "2026-03-02", "33.33"),
        (2, "2026-04-01", "33.34"),
        (3, "2026-05-01", "33.33"),
    ]);
    assert!(serde_json::from_str::<InstalmentSchedule>(&late_cent).is_err());
    // Nothing to pay.
    let zero = instalments_json(&[(1, "2026-03-02", "0.00"), (2, "2026-04-01", "0.00")]);
    assert!(serde_json::from_str::<InstalmentSchedule>(&zero).is_err());
    // The even split reads back.
    let even = instalments_json(&[(1, "2026-03-02", "885.44"), (2, "2026-04-01", "885.44")]);
    let schedule: InstalmentSchedule = serde_json::from_str(&even).unwrap();
    assert_eq!(schedule.total().unwrap(), "1770.88".parse().unwrap());
}

// PAY-5: 255 instalments overflowed `.zip(1u8..)` while reading a schedule (a panic in debug
// builds, a wrap in release); reading never panics, and a schedule longer than a lawful
// policy offers (90 instalments, one a day over three months) is refused before any walk.
#[cfg(feature = "serde")]
#[test]
fn pay_5_a_schedule_of_255_instalments_or_more_is_an_error_not_a_panic() {
    for count in [91u32, 254, 255, 256, 300] {
        let instalments: Vec<String> = (1..=count)
            .map(|n| {
                let due = ymd(2026, 1, 1) + chrono::Days::new(u64::from(n));
                format!(r#"{{"number":{n},"due_on":"{due}","amount":"0.01"}}"#)
            })
            .collect();
        let json = format!(r#"{{"instalments":[{}]}}"#, instalments.join(","));
        let error = serde_json::from_str::<InstalmentSchedule>(&json).unwrap_err();
        // Past 255, the rank itself is no u8.
        let expected = if count <= 255 {
            "2 to 90"
        } else {
            "expected u8"
        };
        assert!(error.to_string().contains(expected), "{count}: {error}");
    }
}

// PAY-5: building a schedule of 255 instalments never panics either: the policy offering it
// offers more instalments than a schedule holds, and the error says so.
#[test]
fn pay_5_building_a_schedule_of_255_instalments_is_an_error_not_a_panic() {
    let policy = InstalmentPolicy {
        offered_counts: vec![255],
        spacing: InstalmentSpacing::Days(CalendarDays::new(1)),
        ..InstalmentPolicy::default()
    };
    let order = OrderAmount::new(Eur::from_cents(100_000), Eur::ZERO).unwrap();
    let built = InstalmentSchedule::compute(&order, &card(), 255, ymd(2026, 3, 2), &policy);
    assert!(
        matches!(built, Err(PaymentError::InvalidPolicy { .. })),
        "{built:?}"
    );
}

// PAY-5, L312-4: the longest schedule a lawful policy offers is one instalment a day over
// the fewest days three months last, plus the first.
#[test]
fn pay_5_the_longest_lawful_schedule_is_the_bound_a_stored_one_is_read_within() {
    let bound = u64::try_from(InstalmentSchedule::MAX_INSTALMENTS).unwrap();
    assert_eq!(bound, comptoir_payment::FEWEST_DAYS_IN_THREE_MONTHS + 1);
    let one_more = InstalmentPolicy {
        offered_counts: vec![u8::try_from(bound + 1).unwrap()],
        spacing: InstalmentSpacing::Days(CalendarDays::new(1)),
        ..InstalmentPolicy::default()
    };
    assert!(matches!(
        one_more.validate(),
        Err(PaymentError::InvalidPolicy { .. })
    ));
}

// PAY-5: the check a stored schedule passes is the one every computed schedule passes: the
// longest lawful schedules (90 instalments a day apart, 4 a calendar month apart, 3 at 44
// days) and the FAQ's, each from a day of 2026, read back equal.
#[cfg(feature = "serde")]
#[test]
fn pay_5_every_computed_schedule_reads_back() {
    let cases = [
        (InstalmentSpacing::Days(CalendarDays::new(1)), 90u8),
        (InstalmentSpacing::Days(CalendarDays::new(30)), 3),
        (InstalmentSpacing::Days(CalendarDays::new(44)), 3),
        (InstalmentSpacing::Days(CalendarDays::new(89)), 2),
        (InstalmentSpacing::CalendarMonths, 4),
        (InstalmentSpacing::CalendarMonths, 2),
    ];
    for (spacing, count) in cases {
        let policy = InstalmentPolicy {
            offered_counts: vec![count],
            spacing,
            ..InstalmentPolicy::default()
        };
        for day in (0..365).step_by(7) {
            let shipped = ymd(2026, 1, 1) + chrono::Days::new(day);
            for cents in [10_000, 10_001, 17_699, 100_000_007] {
                let order = OrderAmount::new(Eur::from_cents(cents), Eur::from_cents(490)).unwrap();
                let schedule =
                    InstalmentSchedule::compute(&order, &card(), count, shipped, &policy).unwrap();
                let json = serde_json::to_string(&schedule).unwrap();
                let back: InstalmentSchedule = serde_json::from_str(&json).unwrap();
                assert_eq!(back, schedule, "{json}");
            }
        }
    }
}

// PAY-5: stored dates must be those of a spacing a policy gives: a fixed number of days or
// calendar months from the first. (Since the credit reform of 20 November 2026 a plan longer
// than three months is a consumer credit, computed and stored like any other.)
#[cfg(feature = "serde")]
#[test]
fn pay_5_stored_dates_follow_a_lawful_spacing() {
    for bad in [
        // 30 then 31 days apart: no single spacing.
        instalments_json(&[
            (1, "2026-03-02", "33.34"),
            (2, "2026-04-01", "33.33"),
            (3, "2026-05-02", "33.33"),
        ]),
        // Neither calendar months from the first (31 March) nor 28 days apart (28 March).
        instalments_json(&[
            (1, "2026-01-31", "20.00"),
            (2, "2026-02-28", "20.00"),
            (3, "2026-03-30", "20.00"),
        ]),
        // The same day twice.
        instalments_json(&[(1, "2026-03-02", "50.00"), (2, "2026-03-02", "50.00")]),
    ] {
        let error = serde_json::from_str::<InstalmentSchedule>(&bad).unwrap_err();
        assert!(error.to_string().contains("spacing"), "{bad}: {error}");
    }
    // Calendar months, clamped to the month's end and counted from the first.
    let months = instalments_json(&[
        (1, "2026-01-31", "25.00"),
        (2, "2026-02-28", "25.00"),
        (3, "2026-03-31", "25.00"),
        (4, "2026-04-30", "25.00"),
    ]);
    assert!(serde_json::from_str::<InstalmentSchedule>(&months).is_ok());
    // Plans longer than three months, consumer credits since the reform, read back too.
    for long in [
        instalments_json(&[(1, "2026-03-02", "50.00"), (2, "2026-05-31", "50.00")]),
        instalments_json(&[
            (1, "2026-01-31", "20.00"),
            (2, "2026-02-28", "20.00"),
            (3, "2026-03-31", "20.00"),
            (4, "2026-04-30", "20.00"),
            (5, "2026-05-31", "20.00"),
        ]),
    ] {
        assert!(
            serde_json::from_str::<InstalmentSchedule>(&long).is_ok(),
            "{long}"
        );
    }
}

// PAY-3: a stored expected debit on a weekend or outside the calendar's range deserialised;
// it now reads through `ExpectedDebit::new`, which asks the dispatch schedule's check.
#[cfg(feature = "serde")]
#[test]
fn pay_3_a_stored_expected_debit_on_a_weekend_or_out_of_range_does_not_deserialise() {
    let json =
        |window: &str, last: &str| format!(r#"{{"expected":"{window}","at_latest":"{last}"}}"#);
    for bad in [
        json("2026-05-27/2026-05-28", "2026-05-30"),
        json("2026-05-23/2026-05-28", "2026-05-29"),
        json("1899-12-29/1900-01-01", "1900-01-01"),
        json("2200-12-31/2200-12-31", "2201-01-02"),
        json("2026-05-27/2026-05-29", "2026-05-28"),
    ] {
        assert!(
            serde_json::from_str::<ExpectedDebit>(&bad).is_err(),
            "{bad}"
        );
    }
    let good = json("2026-05-27/2026-05-28", "2026-05-29");
    let debit: ExpectedDebit = serde_json::from_str(&good).unwrap();
    assert_eq!(serde_json::to_string(&debit).unwrap(), good);
}

// PAY-3: `ExpectedDebit::new` refuses what deserialising refuses, with the dispatch error.
#[test]
fn pay_3_expected_debit_new_names_the_dispatch_error() {
    let window = DayWindow::new(ymd(2026, 5, 27), ymd(2026, 5, 28)).unwrap();
    let saturday = ExpectedDebit::new(window, ymd(2026, 5, 30));
    assert!(
        matches!(saturday, Err(PaymentError::Dispatch(ref e)) if e.to_string().contains("Saturday")),
        "{saturday:?}"
    );
    assert_eq!(
        ExpectedDebit::new(window, ymd(2026, 5, 29))
            .unwrap()
            .at_latest(),
        ymd(2026, 5, 29)
    );
}
