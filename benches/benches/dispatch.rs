//! Dispatch dates per order (DISP-1..3), from chrono instants and from Unix seconds, one at a
//! time and as a batch.
//!
//! `cargo bench -p comptoir-benches --bench dispatch`

use std::hint::black_box;

use chrono::{DateTime, Utc};
use comptoir_calendar::{Calendar, Day, clock};
use comptoir_dispatch::{
    DispatchPolicy, DispatchSchedule, DispatchTable, dispatch_days_unix, dispatch_days_utc,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// 1 000 order instants, uniform over 2026-2027 (the peer comparison's generator).
fn order_seconds() -> Vec<i64> {
    let mut state: u64 = 42;
    (0..1_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            1_767_225_600 + i64::try_from(state % 63_072_000).unwrap()
        })
        .collect()
}

fn dispatch(c: &mut Criterion) {
    let calendar = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    let seconds = order_seconds();
    let instants: Vec<DateTime<Utc>> = seconds
        .iter()
        .map(|s| DateTime::from_timestamp(*s, 0).unwrap())
        .collect();
    let mut group = c.benchmark_group("dispatch_1000_orders");
    group.throughput(Throughput::Elements(seconds.len() as u64));
    group.bench_function("schedule_from_datetime", |b| {
        b.iter(|| {
            for t in &instants {
                black_box(DispatchSchedule::compute(t, &policy, &calendar).unwrap());
            }
        })
    });
    group.bench_function("schedule_on_from_unix", |b| {
        b.iter(|| {
            for s in &seconds {
                let reading = clock::paris_time_from_unix(*s).unwrap();
                black_box(DispatchSchedule::compute_on(reading, &policy, &calendar).unwrap());
            }
        })
    });
    group.bench_function("taken_and_dispatch_by_from_unix", |b| {
        b.iter(|| {
            for s in &seconds {
                let reading = clock::paris_time_from_unix(*s).unwrap();
                let taken = policy.taken_into_account_on(reading, &calendar).unwrap();
                black_box(calendar.add_business_days(taken, policy.promise).unwrap());
            }
        })
    });
    group.bench_function("taken_and_dispatch_by_on_from_unix", |b| {
        b.iter(|| {
            for s in &seconds {
                let reading = clock::paris_time_from_unix(*s).unwrap();
                black_box(policy.taken_and_dispatch_by_on(reading, &calendar).unwrap());
            }
        })
    });
    group.bench_function("expected_debit_from_datetime", |b| {
        b.iter(|| {
            for t in &instants {
                black_box(comptoir_payment::ExpectedDebit::compute(t, &policy, &calendar).unwrap());
            }
        })
    });
    // A schedule read as a user reads it: its days as chrono dates.
    group.bench_function("schedule_from_datetime_read", |b| {
        b.iter(|| {
            for t in &instants {
                let s = DispatchSchedule::compute(t, &policy, &calendar).unwrap();
                black_box((s.taken_into_account(), s.dispatch_by()));
            }
        })
    });
    let mut taken = vec![Day::from_days_since_epoch(0); seconds.len()];
    let mut by = taken.clone();
    // The whole batch in one call: policy checked and table built each time.
    group.bench_function("batch_from_unix", |b| {
        b.iter(|| {
            dispatch_days_unix(black_box(&seconds), &policy, &calendar, &mut taken, &mut by)
                .unwrap();
            black_box((&taken, &by));
        })
    });
    group.bench_function("batch_from_datetime", |b| {
        b.iter(|| {
            dispatch_days_utc(
                black_box(&instants),
                &policy,
                &calendar,
                &mut taken,
                &mut by,
            )
            .unwrap();
            black_box((&taken, &by));
        })
    });
    // A table built once, for a pipeline that recomputes batch after batch.
    let table = DispatchTable::new(
        "2026-01-01".parse().unwrap(),
        "2028-01-01".parse().unwrap(),
        &policy,
        &calendar,
    )
    .unwrap();
    group.bench_function("table_from_unix", |b| {
        b.iter(|| {
            table
                .compute_unix(black_box(&seconds), &mut taken, &mut by)
                .unwrap();
            black_box((&taken, &by));
        })
    });
    group.finish();
}

criterion_group!(benches, dispatch);
criterion_main!(benches);
