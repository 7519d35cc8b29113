//! Dispatch days of a batch (DISP-1, DISP-3): for any instants (Unix seconds, any i64) and a
//! valid policy, `dispatch_days_unix` gives, order by order, the fast path's days, or stops at
//! the first order the fast path refuses, with its index and its error, nothing written past
//! it.
#![no_main]

use comptoir_calendar::{BusinessDays, Calendar, Day, clock};
use comptoir_dispatch::{DispatchError, DispatchPolicy, dispatch_days_unix};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let policy = DispatchPolicy {
        preparation_min: BusinessDays::new(i32::from(shape % 3)),
        preparation_max: BusinessDays::new(i32::from(shape % 3 + shape / 3 % 3)),
        promise: BusinessDays::new(i32::from(shape % 3 + shape / 3 % 3 + shape / 9 % 4)),
        ..DispatchPolicy::default()
    };
    let seconds: Vec<i64> = rest
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes(c.try_into().expect("8 bytes")))
        // Mostly near the present, sometimes anywhere.
        .map(|s| if s % 4 == 0 { s } else { 1_767_225_600 + s % 200_000_000 })
        .take(64)
        .collect();
    let calendar = Calendar::metropolitan();
    let zero = Day::from_days_since_epoch(0);
    let mut taken = vec![zero; seconds.len()];
    let mut by = vec![zero; seconds.len()];
    let fast = |s: i64| -> Result<(Day, Day), DispatchError> {
        policy.taken_and_dispatch_by_on(clock::paris_time_from_unix(s)?, &calendar)
    };
    match dispatch_days_unix(&seconds, &policy, &calendar, &mut taken, &mut by) {
        Ok(()) => {
            for (i, s) in seconds.iter().enumerate() {
                assert_eq!(Ok((taken[i], by[i])), fast(*s), "{s}");
            }
        }
        Err(DispatchError::AtIndex { index, error }) => {
            let first_bad = seconds.iter().position(|s| fast(*s).is_err()).expect("a bad one");
            assert_eq!(index, first_bad);
            assert_eq!(Err(*error), fast(seconds[index]));
            for i in 0..index {
                assert_eq!(Ok((taken[i], by[i])), fast(seconds[i]));
            }
            assert!(taken[index..].iter().chain(&by[index..]).all(|d| *d == zero));
        }
        Err(other) => panic!("{other:?}"),
    }
});
