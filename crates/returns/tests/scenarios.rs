//! Worked examples of the after-sale rules, read like the FAQ (RET-1, REF-2, REF-3).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_money::Decimal;
use comptoir_returns::{
    AmountDue, CalendarDays, Deferral, DeferredUntil, LegalInterestRate, NoticeTimeliness, Period,
    ProductsPrice, Receipt, RefundDeadlines, RefundDue, RefundFacts, RefundPolicy, ReturnsError,
    Roll, Surcharge, SurchargeTier, WithdrawalPolicy, WithdrawalWindows,
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

fn alsace() -> Calendar {
    Calendar::new(&CalendarPolicy {
        region: Region::AlsaceMoselle,
        ..CalendarPolicy::default()
    })
    .unwrap()
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
        ReturnsError::UnlawfulPolicy {
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
    assert!(matches!(err, ReturnsError::NoticeBeforeValidation { .. }));
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
        Err(ReturnsError::NoticeBeforeValidation { .. })
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

// REF-2: the FAQ's "sous 3 à 5 jours ouvrés" after the check, and the 14-day ceiling.
#[test]
fn ref2_refund_window_and_ceiling_for_goods_back_within_the_ceiling() -> Result {
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0))
        .with_proof_of_shipment(&paris(2025, 3, 10, 17, 0, 0))
        .with_goods_received(&paris(2025, 3, 13, 15, 0, 0))
        .with_goods_checked(&paris(2025, 3, 14, 11, 0, 0));
    let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())?;
    // Checked Friday 14 March: 3rd business day Wednesday 19, 5th Friday 21.
    let expected = d.expected().ok_or("goods are back")?;
    assert_eq!(
        (expected.earliest(), expected.latest()),
        (ymd(2025, 3, 19), ymd(2025, 3, 21))
    );
    // Told Monday 10 March: 14 days -> Monday 24 March.
    assert_eq!(
        d.due(),
        RefundDue::By {
            last_day: ymd(2025, 3, 24),
            deferred_until: None
        }
    );
    assert!(!d.is_late(&paris(2025, 3, 24, 23, 59, 59))?);
    assert!(d.is_late(&paris(2025, 3, 25, 0, 0, 30))?);
    Ok(())
}

// REF-2, L221-24: the customer proves shipment only on 2 April, after the 14 days; the shop
// may wait until then. The goods arriving later still do not push it further.
#[test]
fn ref2_ceiling_deferred_by_late_proof_of_shipment() -> Result {
    let cal = Calendar::metropolitan();
    let policy = RefundPolicy::default();
    let told = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0));

    let waiting = RefundDeadlines::compute(&told, &policy, &cal)?;
    assert_eq!(
        waiting.due(),
        RefundDue::Pending {
            not_before: ymd(2025, 3, 24)
        }
    );
    assert!(!waiting.is_late(&paris(2025, 4, 1, 12, 0, 0))?);
    assert_eq!(waiting.expected(), None);

    let proved = told.with_proof_of_shipment(&paris(2025, 4, 2, 18, 0, 0));
    let d = RefundDeadlines::compute(&proved, &policy, &cal)?;
    let deferred = RefundDue::By {
        last_day: ymd(2025, 4, 2),
        deferred_until: Some(DeferredUntil::ProofOfShipment),
    };
    assert_eq!(d.due(), deferred);
    assert!(!d.is_late(&paris(2025, 4, 2, 23, 30, 0))?);
    assert!(d.is_late(&paris(2025, 4, 3, 0, 0, 30))?);

    let back = proved.with_goods_received(&paris(2025, 4, 7, 10, 0, 0));
    assert_eq!(
        RefundDeadlines::compute(&back, &policy, &cal)?.due(),
        deferred
    );

    // Without the deferral the 14 days run regardless.
    let strict = RefundPolicy {
        deferral: Deferral::None,
        ..policy
    };
    assert_eq!(
        RefundDeadlines::compute(&proved, &strict, &cal)?
            .due()
            .last_day(),
        Some(ymd(2025, 3, 24))
    );
    Ok(())
}

// REF-2, L221-24: with the deferral, goods back on Friday 28 March 2025, after the 14 days
// from the notice (Monday 24): the refund is due that day, and the FAQ's "3 à 5 jours ouvrés"
// after the check (2 to 4 April) would pass it. The expected window is cut at the due date,
// and the result says so.
#[test]
fn ref2_expected_window_is_capped_at_the_due_date() -> Result {
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0))
        .with_goods_received(&paris(2025, 3, 28, 10, 0, 0));
    let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())?;
    assert_eq!(
        d.due(),
        RefundDue::By {
            last_day: ymd(2025, 3, 28),
            deferred_until: Some(DeferredUntil::GoodsReceived)
        }
    );
    let expected = d.expected().ok_or("goods are back")?;
    assert_eq!(expected.to_string(), "2025-03-28/2025-03-28");
    assert!(d.is_expected_capped());

    // Without deferral: checked Friday 21 March, expected 26 to 28 March, due Monday 24.
    let strict = RefundPolicy {
        deferral: Deferral::None,
        ..RefundPolicy::default()
    };
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0))
        .with_goods_received(&paris(2025, 3, 20, 10, 0, 0))
        .with_goods_checked(&paris(2025, 3, 21, 10, 0, 0));
    let d = RefundDeadlines::compute(&facts, &strict, &Calendar::metropolitan())?;
    assert_eq!(
        d.expected().ok_or("back")?.to_string(),
        "2025-03-24/2025-03-24"
    );
    assert!(d.is_expected_capped());
    Ok(())
}

// REF-2: a rolling ceiling rolls on the legal calendar of the shop's region. Told on Monday
// 26 May 2025, the 14th day is Whit Monday 9 June: the ceiling is Tuesday 10 June even for a
// shop that works Whit Monday. Told on Saturday 1 March, the 14th day is Saturday 15: Monday
// 17, even when the shop closes that Monday.
#[test]
fn ref2_a_rolled_ceiling_rolls_on_the_legal_calendar_never_over_shop_closures() -> Result {
    let rolled = RefundPolicy {
        ceiling: Period {
            days: CalendarDays::new(14),
            roll: Roll::NextBusinessDay,
        },
        deferral: Deferral::None,
        ..RefundPolicy::default()
    };
    let shop_calendar = shop(CalendarPolicy {
        whit_monday_closed: false,
        closures: vec![ymd(2025, 3, 17), ymd(2025, 3, 18)],
        ..CalendarPolicy::default()
    });
    for (notice, ceiling) in [
        (paris(2025, 5, 26, 9, 0, 0), ymd(2025, 6, 10)),
        (paris(2025, 3, 1, 9, 0, 0), ymd(2025, 3, 17)),
    ] {
        let d = RefundDeadlines::compute(&RefundFacts::notified(&notice), &rolled, &shop_calendar)?;
        assert_eq!(d.ceiling().last_day(), ceiling);
        assert_eq!(d.due().last_day(), Some(ceiling));
    }
    // The shop's region decides the public holidays: Good Friday 18 April 2025 in Alsace.
    let d = RefundDeadlines::compute(
        &RefundFacts::notified(&paris(2025, 4, 4, 9, 0, 0)),
        &rolled,
        &alsace(),
    )?;
    assert_eq!(d.ceiling().last_day(), ymd(2025, 4, 22));
    Ok(())
}

// REF-2, L221-24 al. 2: a shop that offered to collect the goods itself may not wait for them:
// the refund is due 14 days after the notice, known at once.
#[test]
fn ref2_no_deferral_when_the_shop_offered_to_collect() -> Result {
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0)).with_collection_offered();
    assert!(facts.is_collection_offered());
    let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())?;
    assert_eq!(
        d.due(),
        RefundDue::By {
            last_day: ymd(2025, 3, 24),
            deferred_until: None
        }
    );
    let back_late = facts.with_goods_received(&paris(2025, 4, 2, 10, 0, 0));
    let d = RefundDeadlines::compute(
        &back_late,
        &RefundPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    assert_eq!(d.due().last_day(), Some(ymd(2025, 3, 24)));
    Ok(())
}

// RET-2, L221-21: the customer posted the goods on Friday 7 March 2025 and sent the
// withdrawal by e-mail on Monday 10: a lawful notice. The ceiling counts from the e-mail;
// the proof of shipment, earlier, defers nothing.
#[test]
fn ret2_an_email_notice_after_the_parcel_went_back_is_lawful() -> Result {
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0))
        .with_proof_of_shipment(&paris(2025, 3, 7, 16, 0, 0))
        .with_goods_received(&paris(2025, 3, 11, 10, 0, 0));
    let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())?;
    assert_eq!(
        d.due(),
        RefundDue::By {
            last_day: ymd(2025, 3, 24),
            deferred_until: None
        }
    );
    assert_eq!(
        d.expected().ok_or("back")?.to_string(),
        "2025-03-14/2025-03-18"
    );
    Ok(())
}

fn legal_rate() -> LegalInterestRate {
    LegalInterestRate::new(Decimal::new(762, 2)).unwrap() // 7.62 % a year
}

// REF-3, L242-4: 120.00 to refund (100.00 of products, 20.00 of shipping), paid late.
#[test]
fn ref3_surcharges_at_5_15_and_42_days_late() -> Result {
    let due = AmountDue::new("120.00".parse()?)?;
    let price = ProductsPrice::new("100.00".parse()?)?;
    let at = |days| Surcharge::compute(due, price, CalendarDays::new(days), legal_rate());

    // 5 days: legal interest, 120.00 × 7.62 % × 5 / 365 = 0.12526… -> 0.13.
    let five = at(5)?;
    assert_eq!(five.tier(), SurchargeTier::LegalInterest);
    assert_eq!(five.amount(), "0.13".parse()?);
    // 15 days: 5 % of 120.00.
    let fifteen = at(15)?;
    assert_eq!(fifteen.tier(), SurchargeTier::Points(5));
    assert_eq!(fifteen.amount(), "6.00".parse()?);
    // 42 days: 20 %.
    let forty_two = at(42)?;
    assert_eq!(forty_two.tier(), SurchargeTier::Points(20));
    assert_eq!(forty_two.amount(), "24.00".parse()?);
    assert!(!forty_two.is_capped());
    Ok(())
}

// REF-3: 400 days late is 50 + 5 × 11 months begun = 105 % of 120.00 = 126.00, capped at the
// products' price.
#[test]
fn ref3_surcharge_is_capped_at_the_products_price() -> Result {
    let s = Surcharge::compute(
        AmountDue::new("120.00".parse()?)?,
        ProductsPrice::new("100.00".parse()?)?,
        CalendarDays::new(400),
        legal_rate(),
    )?;
    assert_eq!(s.tier(), SurchargeTier::Points(105));
    assert_eq!(s.uncapped(), "126.00".parse()?);
    assert_eq!(s.amount(), "100.00".parse()?);
    assert!(s.is_capped());
    Ok(())
}

// REF-2 + REF-3: a refund due on 24 March paid on 8 April, Paris time, is 15 days late.
#[test]
fn ref3_lateness_counts_whole_paris_days_after_the_due_date() -> Result {
    let facts = RefundFacts::notified(&paris(2025, 3, 10, 9, 0, 0))
        .with_goods_received(&paris(2025, 3, 13, 15, 0, 0));
    let d = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &Calendar::metropolitan())?;
    assert_eq!(
        d.days_late(&paris(2025, 3, 24, 23, 59, 0))?,
        CalendarDays::ZERO
    );
    // Paid early: on time, never a negative lateness.
    assert_eq!(
        d.days_late(&paris(2025, 3, 14, 9, 0, 0))?,
        CalendarDays::ZERO
    );
    assert_eq!(d.days_late(&utc("2025-04-07T22:30:00Z"))?.get(), 15); // 00:30 on 8 April
    Ok(())
}

// REF-3: negative numbers are refused, not clamped.
#[test]
fn ref3_negative_lateness_and_rate_are_typed_errors() {
    assert!(CalendarDays::try_from(-3i64).is_err());
    assert!("-3".parse::<CalendarDays>().is_err());
    let err = LegalInterestRate::new(Decimal::new(-50, 2)).unwrap_err();
    assert!(matches!(err, ReturnsError::NegativeInterestRate { .. }));
    assert!(err.is_bad_number());
    assert!(!err.message_fr().is_empty());
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
        ReturnsError::ReceiptBeforeValidation { parcel: 1, .. }
    ));
    assert_eq!(compute(&[]), Err(ReturnsError::NoParcels));
}
