//! [`proptest`](mod@proptest) strategies for the withdrawal rules: order timelines
//! (receipts at the address or collected at a relay point), withdrawal policies (lawful ones,
//! and any values at all for checking that validation refuses the unlawful ones), and
//! returned parcels with the orders they may belong to.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::{Calendar, Region};
//! use comptoir_withdrawal::{strategies, WithdrawalPolicy, WithdrawalWindows};
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

pub use parcels::{
    order_number, packaging, parcel_description, return_candidate, return_candidates,
    returned_parcel, tracking_number,
};

use chrono::{DateTime, TimeDelta, Utc};
use comptoir_calendar::{CalendarDays, Period, Roll};
use proptest::prelude::*;

use crate::{Receipt, WithdrawalPolicy};

/// 2000-01-01T00:00:00Z .. 2190-01-01T00:00:00Z: deadlines a few months later stay inside the
/// calendar's range.
const FROM: i64 = 946_684_800;
const TO: i64 = 6_942_499_200;
/// The seconds of a day, for drawing delays.
pub const SECONDS_PER_DAY: i64 = 86_400;

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// `start` plus `seconds`, or `start` itself where that leaves chrono's range.
pub fn after(start: DateTime<Utc>, seconds: i64) -> DateTime<Utc> {
    start
        .checked_add_signed(TimeDelta::seconds(seconds))
        .unwrap_or(start)
}

/// An instant, to the second, from 2000 to 2190, when an order or a notice is made:
/// [`instant_between`](comptoir_calendar::strategies::instant_between) those years, so that
/// deadlines months later stay inside the calendar's range.
pub fn order_instant() -> impl Strategy<Value = DateTime<Utc>> {
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

/// Either roll.
pub fn roll() -> impl Strategy<Value = Roll> {
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
