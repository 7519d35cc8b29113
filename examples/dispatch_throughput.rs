//! Dispatch dates for N orders, timed: the Rust side of the peer comparison described in
//! `benches/peers/README.md` (workload, checksum and output line are fixed there), which
//! `benches/peers/compare-dispatch` runs beside the Python peer.
//!
//! ```text
//! cargo run --release --example dispatch_throughput -- 1000000
//! ```
//!
//! Each order instant is a Unix second, as the peer's input is; for each order the example
//! reads the Paris clock, finds the day the order is taken into account (DISP-1) and its
//! dispatch-by day (DISP-3) with `DispatchPolicy::taken_and_dispatch_by_on`, and adds both,
//! as days since 1970-01-01, to a checksum: the peer's work, through the crates' public API,
//! on one thread. The best of three passes is reported. The first lines time the work one
//! order after the other: from chrono `DateTime<Utc>` values with the ordinary
//! `DispatchSchedule::compute`, the form most applications hold, and from Unix seconds with
//! the fast path; the last line, the one the comparison reads, gives the whole batch of Unix
//! seconds to `dispatch_days_unix`, which checks the policy and builds its table of days
//! once, then fills two buffers; as the peer does, it times the call and sums the days after.

use std::error::Error;
use std::time::Instant;

use chrono::{DateTime, Utc};
use comptoir::calendar::{Calendar, Day, clock};
use comptoir::dispatch::{DispatchPolicy, DispatchSchedule, dispatch_days_unix};

/// The peer's order instants: xorshift64 (13, 7, 17) seeded with 42, a uniform second in
/// 2026-01-01T00:00:00Z .. 2027-12-31T23:59:59Z.
fn order_instants(n: usize) -> Vec<i64> {
    let mut state: u64 = 42;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Below 63 072 000: always fits an i64.
            1_767_225_600 + i64::try_from(state % 63_072_000).unwrap_or(0)
        })
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let orders: usize = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse()
            .map_err(|e| format!("ORDERS must be a count: {e}"))?,
        None => 1_000_000,
    };
    if orders == 0 {
        return Err("ORDERS must be at least 1".into());
    }
    let seconds = order_instants(orders);
    let instants: Vec<DateTime<Utc>> = seconds
        .iter()
        .map(|s| DateTime::from_timestamp(*s, 0).ok_or("instant out of range"))
        .collect::<Result<_, _>>()?;
    let calendar = Calendar::metropolitan();
    let policy = DispatchPolicy::default();

    let from_datetimes = best_of_three(|| checksum_from_datetimes(&calendar, &policy, &instants))?;
    let from_unix = best_of_three(|| checksum_from_unix(&calendar, &policy, &seconds))?;
    let mut taken = vec![Day::from_days_since_epoch(0); orders];
    let mut by = taken.clone();
    // As the peer times its own batch: the call that fills the buffers, the checksum after.
    let mut best_batch = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        dispatch_days_unix(&seconds, &policy, &calendar, &mut taken, &mut by)?;
        best_batch = best_batch.min(start.elapsed().as_secs_f64());
    }
    let batch = (
        best_batch,
        taken.iter().chain(&by).map(|d| days(*d)).sum::<i64>(),
    );
    let per_order = |secs: f64| secs / orders as f64 * 1e9;
    println!(
        "path=schedule_from_datetime orders={orders} ns_per_order={:.1} checksum={}",
        per_order(from_datetimes.0),
        from_datetimes.1
    );
    println!(
        "path=one_at_a_time_from_unix orders={orders} ns_per_order={:.1} checksum={}",
        per_order(from_unix.0),
        from_unix.1
    );
    println!(
        "orders={orders} ns_per_order={:.1} checksum={}",
        per_order(batch.0),
        batch.1
    );
    Ok(())
}

/// One pass over chrono instants, one whole schedule after the other.
fn checksum_from_datetimes(
    calendar: &Calendar,
    policy: &DispatchPolicy,
    instants: &[DateTime<Utc>],
) -> Result<i64, Box<dyn Error>> {
    let mut checksum = 0i64;
    for instant in instants {
        let schedule = DispatchSchedule::compute(instant, policy, calendar)?;
        checksum += days(Day::from(schedule.taken_into_account()))
            + days(Day::from(schedule.dispatch_by()));
    }
    Ok(checksum)
}

/// One pass over Unix seconds, the peer's input.
fn checksum_from_unix(
    calendar: &Calendar,
    policy: &DispatchPolicy,
    seconds: &[i64],
) -> Result<i64, Box<dyn Error>> {
    let mut checksum = 0i64;
    for &s in seconds {
        let (taken, by) =
            policy.taken_and_dispatch_by_on(clock::paris_time_from_unix(s)?, calendar)?;
        checksum += days(taken) + days(by);
    }
    Ok(checksum)
}

/// Days since 1970-01-01, the checksum's unit.
fn days(day: Day) -> i64 {
    i64::from(day.days_since_epoch())
}

/// Runs `pass` three times and keeps the fastest, in seconds, with its checksum.
fn best_of_three(
    mut pass: impl FnMut() -> Result<i64, Box<dyn Error>>,
) -> Result<(f64, i64), Box<dyn Error>> {
    let mut best = f64::INFINITY;
    let mut checksum = 0;
    for _ in 0..3 {
        let start = Instant::now();
        checksum = pass()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    Ok((best, checksum))
}
