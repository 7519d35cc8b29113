//! [`proptest`](mod@proptest) strategies for the refund rules: refund facts, refund policies
//! (lawful ones, and any values at all for checking that validation refuses the unlawful
//! ones), lateness and interest rates; validated orders with offers and sequences of returns
//! and cancellations for the refund amounts. The receipts and withdrawal policies are
//! [`comptoir_withdrawal::strategies`]'.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::Calendar;
//! use comptoir_refund::{strategies, RefundDeadlines, RefundPolicy};
//! use proptest::prelude::*;
//!
//! let cal = Calendar::metropolitan();
//! proptest!(|(facts in strategies::refund_facts())| {
//!     let deadlines = RefundDeadlines::compute(&facts, &RefundPolicy::default(), &cal);
//!     prop_assert!(deadlines.is_ok() || deadlines.is_err_and(|e| e.is_bad_facts()));
//! });
//! ```

mod refunds;

pub use refunds::{
    EventMix, emptying_events, order_and_events, order_without_gifts_and_events, validated_order,
    validated_order_without_gifts,
};

use comptoir_calendar::{BusinessDays, CalendarDays, Period};
use comptoir_money::Decimal;
use comptoir_withdrawal::strategies::{SECONDS_PER_DAY, after, order_instant, roll};
use proptest::prelude::*;

use crate::{AmountDue, Deferral, LegalInterestRate, ProductsPrice, RefundFacts, RefundPolicy};

/// Refund facts, in any order the world gives them: a notice, then any of a proof of
/// shipment, a receipt of the goods (with or without a check after it), each from 20 days
/// before the notice (an e-mail sent once the parcel has left, L221-21) to 60 days after it,
/// and sometimes an offer of the shop to collect the goods.
pub fn refund_facts() -> impl Strategy<Value = RefundFacts> {
    let delay = -20 * SECONDS_PER_DAY..60 * SECONDS_PER_DAY;
    (
        order_instant(),
        prop::option::of(delay.clone()),
        prop::option::of((delay, prop::option::of(0..10 * SECONDS_PER_DAY))),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(notice, proof, goods, collection_offered)| {
            let mut facts = RefundFacts::notified(&notice);
            if let Some(p) = proof {
                facts = facts.with_proof_of_shipment(&after(notice, p));
            }
            if let Some((g, check)) = goods {
                let received = after(notice, g);
                facts = facts.with_goods_received(&received);
                if let Some(c) = check {
                    facts = facts.with_goods_checked(&after(received, c));
                }
            }
            if collection_offered {
                facts = facts.with_collection_offered();
            }
            facts
        })
}

/// A lawful refund policy: an expected window starting 0 to 10 business days after the
/// check and lasting up to 10 more, the 14-day ceiling rolled or not, either deferral.
pub fn refund_policy() -> impl Strategy<Value = RefundPolicy> {
    (0i32..=10, 0i32..=10, roll(), prop::bool::ANY).prop_map(|(from, extra, roll, defer)| {
        RefundPolicy {
            expected_from: BusinessDays::new(from),
            expected_to: BusinessDays::new(from + extra),
            ceiling: Period {
                days: comptoir_withdrawal::LEGAL_DAYS,
                roll,
            },
            deferral: if defer {
                Deferral::UntilGoodsOrProof
            } else {
                Deferral::None
            },
        }
    })
}

/// Any refund policy, lawful or not: expected bounds of -2 to 20 business days in any order,
/// a ceiling of 0 to 30 days either rolled or not, either deferral.
pub fn any_refund_policy() -> impl Strategy<Value = RefundPolicy> {
    (-2i32..=20, -2i32..=20, 0u32..=30, roll(), prop::bool::ANY).prop_map(
        |(from, to, ceiling, roll, defer)| RefundPolicy {
            expected_from: BusinessDays::new(from),
            expected_to: BusinessDays::new(to),
            ceiling: Period {
                days: CalendarDays::new(ceiling),
                roll,
            },
            deferral: if defer {
                Deferral::UntilGoodsOrProof
            } else {
                Deferral::None
            },
        },
    )
}

/// A lateness of 0 to 1 000 days.
pub fn days_late() -> impl Strategy<Value = CalendarDays> {
    (0u32..=1_000).prop_map(CalendarDays::new)
}

/// A legal interest rate from 0 to 100 % a year, to the hundredth.
pub fn legal_interest_rate() -> impl Strategy<Value = LegalInterestRate> {
    (0i64..=10_000).prop_map(|hundredths| {
        LegalInterestRate::new(Decimal::new(hundredths, 2)).unwrap_or(LegalInterestRate::ZERO)
    })
}

/// An amount a late refund is owed on, 0.00 to 10 000.00.
pub fn amount_due() -> impl Strategy<Value = AmountDue> {
    comptoir_money::strategies::amount_up_to(1_000_000)
        .prop_filter_map("not negative", |e| AmountDue::new(e).ok())
}

/// A products' price capping a surcharge, 0.00 to 10 000.00.
pub fn products_price() -> impl Strategy<Value = ProductsPrice> {
    comptoir_money::strategies::amount_up_to(1_000_000)
        .prop_filter_map("not negative", |e| ProductsPrice::new(e).ok())
}
