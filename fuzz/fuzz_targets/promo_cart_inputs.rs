//! What a cart hands the promotion engine, from JSON: `Line`, `EvaluationContext`,
//! `PromoPolicy`, `ValidityWindow`, `Conditions`, `Effect`. What is accepted reads back from
//! what it writes and is what its constructor makes of its parts.
#![no_main]

use comptoir_fuzz::json;
use comptoir_promo::{
    Conditions, Effect, EvaluationContext, Line, PromoPolicy, ValidityWindow,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 6 {
        0 => {
            if let Some(line) = json::<Line>(rest) {
                let rebuilt = Line::new(
                    line.id().clone(),
                    line.product().clone(),
                    line.unit_price(),
                    line.quantity(),
                )
                .map(|l| {
                    l.with_categories(line.categories().iter().cloned())
                        .with_on_sale(line.is_on_sale())
                });
                assert_eq!(rebuilt.as_ref(), Ok(&line));
                assert!(!line.unit_price().is_negative());
                assert!(line.categories().windows(2).all(|w| w[0] < w[1]));
            }
        }
        1 => {
            if let Some(context) = json::<EvaluationContext>(rest) {
                let _ = context.restricted_to(std::iter::empty());
            }
        }
        2 => {
            let _ = json::<PromoPolicy>(rest);
        }
        3 => {
            if let Some(window) = json::<ValidityWindow>(rest) {
                assert_eq!(ValidityWindow::new(window.starts(), window.ends()), Ok(window));
            }
        }
        4 => {
            let _ = json::<Conditions>(rest);
        }
        _ => {
            let _ = json::<Effect>(rest);
        }
    }
});
