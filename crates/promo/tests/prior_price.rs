//! The prior price of an announced reduction (PROMO, C. conso L112-1-1): properties over
//! drawn price histories, and stored histories read through their constructor.

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_money::Eur;
use comptoir_promo::{DatedPrice, PriceHistory};
use proptest::prelude::*;

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-01T08:00:00Z")
        .unwrap()
        .to_utc()
}

/// 1 to 12 prices, 1 hour to 20 days apart, 0.01 to 500.00.
fn history() -> impl Strategy<Value = PriceHistory> {
    prop::collection::vec((3_600i64..=20 * 86_400, 1i64..=50_000), 1..=12).prop_map(|steps| {
        let mut at = start();
        let prices = steps.into_iter().map(|(gap, cents)| {
            at += TimeDelta::seconds(gap);
            DatedPrice {
                from: at,
                price: Eur::from_cents(cents),
            }
        });
        PriceHistory::new(prices.collect::<Vec<_>>()).unwrap()
    })
}

proptest! {
    // PROMO-6, L112-1-1: the prior price is one of the prices charged, and never above any
    // price charged during the 30 days before the reduction (a day before its day, on the
    // Paris clock, or the day itself before it).
    #[test]
    fn promo_l112_1_1_the_prior_price_is_never_above_a_price_of_the_30_days_before(
        history in history(),
        offset in 0i64..=200 * 86_400,
    ) {
        let reduction = start() + TimeDelta::seconds(offset);
        let Ok(prior) = history.prior_price(&reduction, None) else {
            return Ok(());
        };
        prop_assert!(history.prices().iter().any(|p| p.price == prior));
        // Every instant of the last 30 x 24 hours before the reduction lies in the window
        // (the window starts at the Paris midnight 30 days before its day, earlier still).
        for step in 0..=(30 * 24) {
            let probe = reduction - TimeDelta::hours(step);
            if let Ok(price) = history.price_at(&probe) {
                prop_assert!(prior <= price, "{prior} above {price} at {probe}");
            }
        }
    }

    // PROMO-6, L112-1-1: a stored history reads back equal.
    #[test]
    fn promo_l112_1_1_a_stored_history_reads_back(history in history()) {
        let json = serde_json::to_string(&history).unwrap();
        prop_assert_eq!(serde_json::from_str::<PriceHistory>(&json).unwrap(), history);
    }
}

// PROMO-6, L112-1-1: a stored history out of order, overlapping, empty or negative is refused
// when read.
#[test]
fn promo_l112_1_1_bad_stored_histories_are_refused() {
    for bad in [
        "[]",
        r#"[{"from":"2026-02-01T00:00:00Z","price":"10.00"},{"from":"2026-01-01T00:00:00Z","price":"9.00"}]"#,
        r#"[{"from":"2026-01-01T00:00:00Z","price":"10.00"},{"from":"2026-01-01T00:00:00Z","price":"9.00"}]"#,
        r#"[{"from":"2026-01-01T00:00:00Z","price":"-1.00"}]"#,
        r#"[{"from":"2026-01-01T00:00:00Z","price":"1.00","prize":"2"}]"#,
    ] {
        assert!(serde_json::from_str::<PriceHistory>(bad).is_err(), "{bad}");
    }
}
