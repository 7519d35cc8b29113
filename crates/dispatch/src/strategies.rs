//! [`proptest`](mod@proptest) strategies for dispatch policies; for order instants use
//! [`comptoir_calendar::strategies`].
//!
//! # Example
//!
//! ```
//! use comptoir_dispatch::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(policy in strategies::dispatch_policy())| {
//!     prop_assert!(policy.validate().is_ok());
//! });
//! ```

use chrono::NaiveTime;
use comptoir_calendar::BusinessDays;
use proptest::prelude::*;

use crate::DispatchPolicy;

/// A valid policy: any cutoff to the second, `0 ≤ min ≤ max ≤ promise ≤ 20`.
pub fn dispatch_policy() -> impl Strategy<Value = DispatchPolicy> {
    (0u32..86_400, 0i32..=5, 0i32..=5, 0i32..=10).prop_map(|(cutoff, min, extra, slack)| {
        DispatchPolicy {
            cutoff: NaiveTime::from_num_seconds_from_midnight_opt(cutoff, 0)
                .unwrap_or(NaiveTime::MIN),
            preparation_min: BusinessDays::new(min),
            preparation_max: BusinessDays::new(min + extra),
            promise: BusinessDays::new(min + extra + slack),
        }
    })
}
