//! Worked examples of the refund deadlines and surcharges, read like the FAQ (REF-2, REF-3).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{Calendar, CalendarPolicy, Region};
use comptoir_calendar::{Period, Roll};
use comptoir_money::Decimal;
use comptoir_refund::{
    AmountDue, CalendarDays, Deferral, DeferredUntil, LegalInterestRate, ProductsPrice,
    RefundDeadlines, RefundDue, RefundError, RefundFacts, RefundPolicy, Surcharge, SurchargeTier,
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
    assert!(matches!(err, RefundError::NegativeInterestRate { .. }));
    assert!(err.is_bad_number());
    assert!(!err.message_fr().is_empty());
}
