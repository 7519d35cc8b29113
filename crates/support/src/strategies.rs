//! [`proptest`](mod@proptest) strategies for customer-service policies.
//!
//! # Example
//!
//! ```
//! use comptoir_support::strategies;
//! use proptest::prelude::*;
//!
//! use chrono::Weekday::*;
//!
//! proptest!(|(hours in strategies::phone_hours())| {
//!     prop_assert!([Mon, Tue, Wed, Thu, Fri].iter().any(|d| !hours.slots(*d).is_empty()));
//! });
//! ```

use chrono::NaiveTime;
use proptest::prelude::*;

use crate::{BusinessHours, PhoneHours, Slot, SupportPolicy};

/// The slots of one day: up to three, in order, separated, between 06:00 and 22:00.
pub fn day_slots() -> impl Strategy<Value = Vec<Slot>> {
    // Distinct cut points in quarter hours from 06:00; each pair makes a slot, and since the
    // cuts are distinct no two slots touch.
    proptest::collection::btree_set(24u32..=88, 0..=6).prop_map(|cuts| {
        let cuts: Vec<u32> = cuts.into_iter().collect();
        cuts.chunks_exact(2)
            .filter_map(|pair| {
                let (&a, &b) = (pair.first()?, pair.get(1)?);
                let time = |q: u32| NaiveTime::from_hms_opt(q / 4, (q % 4).checked_mul(15)?, 0);
                Slot::new(time(a)?, time(b)?).ok()
            })
            .collect()
    })
}

/// Valid weekly hours: at least one slot from Monday to Friday.
pub fn phone_hours() -> impl Strategy<Value = PhoneHours> {
    proptest::array::uniform7(day_slots()).prop_filter_map("open at least one weekday", |days| {
        PhoneHours::new(days).ok()
    })
}

/// A delay of 1 to 200 business hours.
pub fn business_hours() -> impl Strategy<Value = BusinessHours> {
    (1u32..=200).prop_filter_map("non-zero", |h| BusinessHours::new(h).ok())
}

/// Any valid support policy.
pub fn support_policy() -> impl Strategy<Value = SupportPolicy> {
    (phone_hours(), business_hours()).prop_map(|(phone_hours, answer_within)| SupportPolicy {
        phone_hours,
        answer_within,
    })
}
