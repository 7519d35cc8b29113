//! Business-day arithmetic against bdays' `HolidayCalendarCache` over the same calendar and
//! days, the calendar's build time, and the Paris clock against chrono-tz.
//!
//! `cargo bench -p comptoir-benches --bench calendar`

use std::hint::black_box;

use bdays::{HolidayCalendar, HolidayCalendarCache};
use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{BusinessDays, Calendar, Day, clock};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// 1 000 business days spread over 2000-2030, the same for both sides.
fn start_days(cal: &Calendar) -> Vec<NaiveDate> {
    let mut state: u64 = 7;
    (0..1_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(state % 11_000);
            cal.roll_forward(d).unwrap()
        })
        .collect()
}

/// bdays' cache over the same calendar, for 1990-2040 (the start days lie in 2000-2030).
fn bdays_cache() -> HolidayCalendarCache<NaiveDate> {
    HolidayCalendarCache::new(
        Calendar::metropolitan(),
        NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2040, 12, 31).unwrap(),
    )
}

fn add_business_days(c: &mut Criterion) {
    let cal = Calendar::metropolitan();
    let cache = bdays_cache();
    let days = start_days(&cal);
    let mut group = c.benchmark_group("add_business_days");
    group.throughput(Throughput::Elements(days.len() as u64));
    for n in [3, 20, 250] {
        group.bench_with_input(BenchmarkId::new("comptoir", n), &n, |b, &n| {
            b.iter(|| {
                for d in &days {
                    black_box(cal.add_business_days(*d, BusinessDays::new(n)).unwrap());
                }
            })
        });
        let as_days: Vec<Day> = days.iter().map(|d| Day::from(*d)).collect();
        group.bench_with_input(BenchmarkId::new("comptoir_day", n), &n, |b, &n| {
            b.iter(|| {
                for d in &as_days {
                    black_box(cal.add_business_days(*d, BusinessDays::new(n)).unwrap());
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("bdays_cache", n), &n, |b, &n| {
            b.iter(|| {
                for d in &days {
                    black_box(cache.advance_bdays(*d, n));
                }
            })
        });
    }
    group.finish();
}

fn count_business_days(c: &mut Criterion) {
    let cal = Calendar::metropolitan();
    let cache = bdays_cache();
    let days = start_days(&cal);
    let pairs: Vec<(NaiveDate, NaiveDate)> = days
        .iter()
        .zip(days.iter().rev())
        .map(|(a, b)| (*a, *b))
        .collect();
    let mut group = c.benchmark_group("count_business_days");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("comptoir", |b| {
        b.iter(|| {
            for (a, z) in &pairs {
                black_box(cal.business_days_between(*a, *z).unwrap());
            }
        })
    });
    group.bench_function("bdays_cache", |b| {
        b.iter(|| {
            for (a, z) in &pairs {
                black_box(cache.bdays(*a, *z));
            }
        })
    });
    group.finish();
}

fn build(c: &mut Criterion) {
    println!(
        "calendar tables: {} bytes",
        Calendar::metropolitan().table_bytes()
    );
    c.bench_function("calendar_build_1900_2200", |b| {
        b.iter(|| black_box(Calendar::metropolitan()))
    });
}

fn paris_clock(c: &mut Criterion) {
    let mut state: u64 = 42;
    let instants: Vec<DateTime<Utc>> = (0..1_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            DateTime::from_timestamp(
                1_767_225_600 + i64::try_from(state % 63_072_000).unwrap(),
                0,
            )
            .unwrap()
        })
        .collect();
    let mut group = c.benchmark_group("paris_wall_clock");
    group.throughput(Throughput::Elements(instants.len() as u64));
    group.bench_function("comptoir", |b| {
        b.iter(|| {
            for t in &instants {
                black_box(clock::to_paris(t).unwrap());
            }
        })
    });
    group.bench_function("chrono_tz", |b| {
        b.iter(|| {
            for t in &instants {
                black_box(t.with_timezone(&Paris).naive_local());
            }
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    add_business_days,
    count_business_days,
    build,
    paris_clock
);
criterion_main!(benches);
