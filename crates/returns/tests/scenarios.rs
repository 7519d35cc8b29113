//! Worked examples of the after-sale rules, read like the FAQ (RET-1, REF-2, REF-3).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_money::Decimal;
use comptoir_returns::{
    AmountDue, CalendarDays, DeferredUntil, LegalInterestRate, NoticeTimeliness, ProductsPrice,
    RefundDeadlines, RefundDue, RefundFacts, RefundPolicy, ReturnsError, Surcharge, SurchargeTier,
    WithdrawalPolicy, WithdrawalWindows,
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

fn windows_for(received: &[DateTime<chrono_tz::Tz>], calendar: &Calendar) -> WithdrawalWindows {
    let validated = paris(2025, 1, 2, 9, 0, 0);
    WithdrawalWindows::compute(&validated, received, &WithdrawalPolicy::default(), calendar)
        .unwrap()
}

fn alsace() -> Calendar {
    Calendar::new(&CalendarPolicy {
        region: Region::AlsaceMoselle,
        ..CalendarPolicy::default()
    })
    .unwrap()
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
// deadline to Tuesday; a shop that works Whit Monday ends it on Monday.
#[test]
fn ret1_deadline_on_a_holiday_weekend_moves_past_it() {
    let received = [paris(2025, 5, 24, 9, 15, 0)];
    let w = windows_for(&received, &Calendar::metropolitan());
    assert_eq!(w.statutory().nominal_last_day(), ymd(2025, 6, 7));
    assert_eq!(w.statutory().last_day(), ymd(2025, 6, 10));

    let working_whit_monday = Calendar::new(&CalendarPolicy {
        whit_monday_closed: false,
        ..CalendarPolicy::default()
    })
    .unwrap();
    let w = windows_for(&received, &working_whit_monday);
    assert_eq!(w.statutory().last_day(), ymd(2025, 6, 9));
}

// RET-1, CAL-3: Good Friday 18 April 2025 is open in Paris, closed in Strasbourg, where the
// Easter weekend runs Friday to Monday.
#[test]
fn ret1_alsace_moselle_moves_a_good_friday_deadline_to_tuesday() {
    let received = [paris(2025, 4, 4, 16, 0, 0)];
    let w = windows_for(&received, &Calendar::metropolitan());
    assert_eq!(w.statutory().last_day(), ymd(2025, 4, 18));
    let w = windows_for(&received, &alsace());
    assert_eq!(w.statutory().last_day(), ymd(2025, 4, 22));
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
        &[utc("2025-02-28T23:30:00Z")],
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(w.last_receipt_day(), ymd(2025, 3, 1));
    assert_eq!(w.statutory().last_day(), ymd(2025, 3, 17));
}

// RET-1: bad facts are typed errors.
#[test]
fn ret1_notice_before_the_last_receipt_is_refused() {
    let w = windows_for(
        &[paris(2025, 3, 1, 10, 0, 0), paris(2025, 3, 8, 11, 0, 0)],
        &Calendar::metropolitan(),
    );
    let err = w.notice(&paris(2025, 3, 5, 12, 0, 0)).unwrap_err();
    assert!(matches!(err, ReturnsError::NoticeBeforeReceipt { .. }));
    assert!(err.is_bad_facts());
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
        deferral: comptoir_returns::Deferral::None,
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
    let err = WithdrawalWindows::compute(
        &utc("2025-03-01T10:00:00Z"),
        &[utc("2025-03-03T10:00:00Z"), utc("2025-02-28T10:00:00Z")],
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ReturnsError::ReceiptBeforeValidation { parcel: 1, .. }
    ));
    let none: [DateTime<Utc>; 0] = [];
    assert_eq!(
        WithdrawalWindows::compute(
            &utc("2025-03-01T10:00:00Z"),
            &none,
            &WithdrawalPolicy::default(),
            &Calendar::metropolitan()
        ),
        Err(ReturnsError::NoParcels)
    );
}
