//! [`proptest`](mod@proptest) strategies for the returns rules: order timelines (receipts at
//! the address or collected at a relay point), refund facts, policies (lawful ones, and any
//! values at all for checking that validation refuses the unlawful ones), lateness and
//! interest rates; validated orders with offers and sequences of returns and cancellations for
//! the refund amounts.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::{Calendar, Region};
//! use comptoir_returns::{strategies, WithdrawalPolicy, WithdrawalWindows};
//! use proptest::prelude::*;
//!
//! let cal = Calendar::metropolitan();
//! proptest!(|((validated, receipts) in strategies::order_receipts(3))| {
//!     let windows = WithdrawalWindows::compute(
//!         &validated, &receipts, Region::Metropolitan, &WithdrawalPolicy::default(), &cal,
//!     );
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
use comptoir_calendar::BusinessDays;
use comptoir_money::Decimal;
use proptest::prelude::*;

use crate::{
    AmountDue, CalendarDays, Deferral, LegalInterestRate, Period, ProductsPrice, Receipt,
    RefundFacts, RefundPolicy, Roll, WithdrawalPolicy,
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

/// An instant, to the second, from 2000 to 2190, when an order or a notice is made:
/// [`instant_between`](comptoir_calendar::strategies::instant_between) those years, so that
/// deadlines months later stay inside the calendar's range.
fn order_instant() -> impl Strategy<Value = DateTime<Utc>> {
    comptoir_calendar::strategies::instant_between(instant(FROM), instant(TO))
}

/// A parcel's receipt after `start`: delivered to the address within 30 days, or arrived at
/// a relay point within 30 days and collected up to 15 days later.
pub fn receipt_after(start: DateTime<Utc>) -> impl Strategy<Value = Receipt> {
    (
        0..30 * SECONDS_PER_DAY,
        prop::option::of(0..15 * SECONDS_PER_DAY),
    )
        .prop_map(move |(arrival, wait)| {
            let arrived = after(start, arrival);
            match wait {
                None => Receipt::at_address(&arrived),
                Some(wait) => Receipt::collected(&arrived, &after(arrived, wait))
                    .unwrap_or(Receipt::at_address(&arrived)),
            }
        })
}

/// An order's validation instant and the receipts of 1 to `max_parcels` parcels, each
/// arriving within 30 days after the validation (at the address, or at a relay point and
/// collected up to 15 days later), in no particular order.
pub fn order_receipts(max_parcels: usize) -> impl Strategy<Value = (DateTime<Utc>, Vec<Receipt>)> {
    order_instant().prop_flat_map(move |validated| {
        (
            Just(validated),
            prop::collection::vec(receipt_after(validated), 1..=max_parcels.max(1)),
        )
    })
}

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

fn roll() -> impl Strategy<Value = Roll> {
    prop_oneof![Just(Roll::NextBusinessDay), Just(Roll::None)]
}

/// A lawful withdrawal policy: a statutory window of 14 to 30 days, rolled; a contractual
/// one at least as long (up to 90 days), rolled or not.
pub fn withdrawal_policy() -> impl Strategy<Value = WithdrawalPolicy> {
    (14u32..=30, 0u32..=60, roll()).prop_map(|(statutory, extra, contractual_roll)| {
        WithdrawalPolicy {
            contractual: Period {
                days: CalendarDays::new(statutory + extra),
                roll: contractual_roll,
            },
            statutory: Period {
                days: CalendarDays::new(statutory),
                roll: Roll::NextBusinessDay,
            },
        }
    })
}

/// Any withdrawal policy, lawful or not: lengths of 0 to 40 days, either roll. For checking
/// that whatever [`WithdrawalPolicy::validate`] accepts gives the law's results.
pub fn any_withdrawal_policy() -> impl Strategy<Value = WithdrawalPolicy> {
    (0u32..=40, roll(), 0u32..=40, roll()).prop_map(
        |(contractual, contractual_roll, statutory, statutory_roll)| WithdrawalPolicy {
            contractual: Period {
                days: CalendarDays::new(contractual),
                roll: contractual_roll,
            },
            statutory: Period {
                days: CalendarDays::new(statutory),
                roll: statutory_roll,
            },
        },
    )
}

/// A lawful refund policy: an expected window starting 0 to 10 business days after the
/// check and lasting up to 10 more, the 14-day ceiling rolled or not, either deferral.
pub fn refund_policy() -> impl Strategy<Value = RefundPolicy> {
    (0i32..=10, 0i32..=10, roll(), prop::bool::ANY).prop_map(|(from, extra, roll, defer)| {
        RefundPolicy {
            expected_from: BusinessDays::new(from),
            expected_to: BusinessDays::new(from + extra),
            ceiling: Period {
                days: crate::LEGAL_DAYS,
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
