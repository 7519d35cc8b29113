//! [`proptest`](mod@proptest) strategies for the returns rules: order timelines, refund facts, policies,
//! lateness and interest rates; validated orders with offers and sequences of returns and
//! cancellations for the refund amounts.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::Calendar;
//! use comptoir_returns::{strategies, WithdrawalPolicy, WithdrawalWindows};
//! use proptest::prelude::*;
//!
//! let cal = Calendar::metropolitan();
//! proptest!(|((validated, receipts) in strategies::order_receipts(3))| {
//!     let windows = WithdrawalWindows::compute(&validated, &receipts, &WithdrawalPolicy::default(), &cal);
//!     prop_assert!(windows.is_ok());
//! });
//! ```

mod parcels;
mod refunds;

pub use parcels::{
    order_number, packaging, parcel_description, return_candidate, return_candidates,
    returned_parcel, tracking_number,
};

pub use refunds::{
    EventMix, emptying_events, order_and_events, order_without_gifts_and_events, validated_order,
    validated_order_without_gifts,
};

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_money::Decimal;
use proptest::prelude::*;

use crate::{
    AmountDue, CalendarDays, LegalInterestRate, Period, ProductsPrice, RefundFacts, Roll,
    WithdrawalPolicy,
};

/// 2000-01-01T00:00:00Z .. 2190-01-01T00:00:00Z: deadlines a few months later stay inside the
/// calendar's range.
const FROM: i64 = 946_684_800;
const TO: i64 = 6_942_499_200;
const SECONDS_PER_DAY: i64 = 86_400;

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

fn after(start: DateTime<Utc>, seconds: i64) -> DateTime<Utc> {
    start
        .checked_add_signed(TimeDelta::seconds(seconds))
        .unwrap_or(start)
}

/// An instant, to the second, between 2000 and 2190.
pub fn instant_2000_to_2190() -> impl Strategy<Value = DateTime<Utc>> {
    (FROM..TO).prop_map(instant)
}

/// An order's validation instant and the receipts of 1 to `max_parcels` parcels, each within
/// 30 days after the validation, in no particular order.
pub fn order_receipts(
    max_parcels: usize,
) -> impl Strategy<Value = (DateTime<Utc>, Vec<DateTime<Utc>>)> {
    (
        instant_2000_to_2190(),
        prop::collection::vec(0..30 * SECONDS_PER_DAY, 1..=max_parcels.max(1)),
    )
        .prop_map(|(validated, delays)| {
            let receipts = delays.into_iter().map(|d| after(validated, d)).collect();
            (validated, receipts)
        })
}

/// Consistent refund facts: a notice, then any of a proof of shipment, a receipt of the goods
/// and a check after the receipt, each within 60 days.
pub fn refund_facts() -> impl Strategy<Value = RefundFacts> {
    let delay = 0..60 * SECONDS_PER_DAY;
    (
        instant_2000_to_2190(),
        prop::option::of(delay.clone()),
        prop::option::of((delay.clone(), prop::option::of(0..10 * SECONDS_PER_DAY))),
    )
        .prop_map(|(notice, proof, goods)| {
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
            facts
        })
}

/// A valid withdrawal policy: a statutory window of 14 to 30 days (never below the law's 14), a contractual one at least
/// as long (up to 90 days), both rolled or the contractual one only.
pub fn withdrawal_policy() -> impl Strategy<Value = WithdrawalPolicy> {
    (14u32..=30, 0u32..=60, prop::bool::ANY).prop_map(|(statutory, extra, statutory_rolls)| {
        WithdrawalPolicy {
            contractual: Period {
                days: CalendarDays::new(statutory + extra),
                roll: Roll::NextBusinessDay,
            },
            statutory: Period {
                days: CalendarDays::new(statutory),
                roll: if statutory_rolls {
                    Roll::NextBusinessDay
                } else {
                    Roll::None
                },
            },
        }
    })
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
