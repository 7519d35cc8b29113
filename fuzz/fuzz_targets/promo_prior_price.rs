//! The prior price of an announced reduction (L112-1-1), from JSON: a `PriceHistory` (at least
//! one price, instants strictly increasing, no negative price) reads back; at any instant its
//! prior price is one of its prices and never above a price charged in the 30 days before,
//! and checking an announcement never panics.
#![no_main]

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_fuzz::json;
use comptoir_money::Eur;
use comptoir_promo::{AnnouncedReduction, PriceHistory, check_announcement};
use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize, serde::Serialize, PartialEq, Debug)]
struct Case {
    history: PriceHistory,
    at: DateTime<Utc>,
    price: Eur,
}

fuzz_target!(|data: &[u8]| {
    if let Some(history) = json::<PriceHistory>(data) {
        assert!(!history.prices().is_empty());
        assert!(history.prices().windows(2).all(|w| w[0].from < w[1].from));
        assert!(history.prices().iter().all(|p| !p.price.is_negative()));
    }
    let Ok(case) = serde_json::from_slice::<Case>(data) else {
        return;
    };
    if let Ok(prior) = case.history.prior_price(&case.at, None) {
        assert!(case.history.prices().iter().any(|p| p.price == prior));
        for hours in 0..=(30 * 24) {
            let Some(probe) = case.at.checked_sub_signed(TimeDelta::hours(hours)) else {
                break;
            };
            if let Ok(price) = case.history.price_at(&probe) {
                assert!(prior <= price, "{prior} above {price} at {probe}");
            }
        }
        let struck = AnnouncedReduction::StruckThrough(prior);
        let _ = check_announcement(&case.history, struck, case.price, &case.at, None);
    }
});
