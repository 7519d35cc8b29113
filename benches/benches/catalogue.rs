//! The offer catalogue at shop scale: evaluating a 50-line cart with 2 codes against 10 to
//! 1 000 000 offers, changing the cart (`add_line`, `enter_code`), and building the
//! catalogue. The workload is described in `shop/mod.rs`; figures in `benches/README.md`.

use std::hint::black_box;

use comptoir_cart::{Cart, Terms};
use comptoir_money::Eur;
use comptoir_promo::{Catalogue, EvaluationContext, Offer, PromoPolicy, evaluate};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

mod shop;

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn offers(size: usize) -> Result<Vec<Offer>, shop::Error> {
    shop::offers(size).collect()
}

/// The catalogues, the 10-offer one first, each checked to price the cart as the 10 offers
/// that concern it do (a bench that found nothing would measure nothing).
fn catalogues() -> Result<Vec<(usize, Catalogue)>, shop::Error> {
    let context = EvaluationContext::new(shop::now()?);
    let (lines, codes) = (shop::cart()?, shop::codes()?);
    let policy = PromoPolicy::default();
    let small = Catalogue::new(shop::relevant()?)?;
    let expected = evaluate(
        &small,
        &codes,
        &lines,
        Eur::from_cents(490),
        &context,
        &policy,
    )?;
    if expected.applied().len() < 4 {
        return Err("the workload's cart should meet several offers".into());
    }
    let mut all = vec![(small.len(), small)];
    for size in SIZES {
        let catalogue = shop::catalogue(size)?;
        let got = evaluate(
            &catalogue,
            &codes,
            &lines,
            Eur::from_cents(490),
            &context,
            &policy,
        )?;
        if got != expected {
            return Err(format!("catalogue of {size} prices the cart differently").into());
        }
        all.push((size, catalogue));
    }
    Ok(all)
}

fn bench_catalogue(c: &mut Criterion) {
    let setup = || -> Result<_, shop::Error> {
        Ok((
            catalogues()?,
            EvaluationContext::new(shop::now()?),
            shop::cart()?,
            shop::busy_cart()?,
            shop::codes()?,
        ))
    };
    let (catalogues, context, lines, busy, codes) = match setup() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("catalogue bench setup failed: {e}");
            return;
        }
    };
    let policy = PromoPolicy::default();
    let shipping = Eur::from_cents(490);

    let mut group = c.benchmark_group("catalogue/evaluate");
    for (size, catalogue) in &catalogues {
        group.bench_with_input(
            BenchmarkId::from_parameter(size),
            catalogue,
            |b, catalogue| {
                b.iter(|| {
                    evaluate(
                        black_box(catalogue),
                        black_box(&codes),
                        black_box(&lines),
                        shipping,
                        &context,
                        &policy,
                    )
                });
            },
        );
    }
    group.finish();

    let mut group = c.benchmark_group("catalogue/evaluate_25_considered");
    for (size, catalogue) in catalogues.iter().skip(1) {
        group.bench_with_input(
            BenchmarkId::from_parameter(size),
            catalogue,
            |b, catalogue| {
                b.iter(|| {
                    evaluate(
                        black_box(catalogue),
                        black_box(&codes),
                        black_box(&busy),
                        shipping,
                        &context,
                        &policy,
                    )
                });
            },
        );
    }
    group.finish();

    // A 49-line cart with both codes entered, then its 50th line; and the 50-line cart with
    // one code entered, then the second.
    let mut group = c.benchmark_group("catalogue/add_line");
    for (size, catalogue) in &catalogues {
        let terms = Terms::new(catalogue, &context);
        let Some((last, first)) = lines.split_last() else {
            return;
        };
        let mut cart = Cart::new();
        let filled = first
            .iter()
            .try_for_each(|l| cart.add_line(l.clone(), &terms).map(|_| ()))
            .and_then(|()| {
                codes
                    .iter()
                    .try_for_each(|c| cart.enter_code(c.as_str(), &terms).map(|_| ()))
            });
        if filled.is_err() {
            return;
        }
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter_batched(
                || (cart.clone(), last.clone()),
                |(mut cart, line)| cart.add_line(line, &terms),
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();

    let mut group = c.benchmark_group("catalogue/enter_code");
    for (size, catalogue) in &catalogues {
        let terms = Terms::new(catalogue, &context);
        let mut codes = codes.iter();
        let (Some(first), Some(second)) = (codes.next(), codes.next()) else {
            return;
        };
        let mut cart = Cart::new();
        let filled = lines
            .iter()
            .try_for_each(|l| cart.add_line(l.clone(), &terms).map(|_| ()))
            .and_then(|()| cart.enter_code(first.as_str(), &terms).map(|_| ()));
        if filled.is_err() {
            return;
        }
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter_batched(
                || cart.clone(),
                |mut cart| cart.enter_code(second.as_str(), &terms),
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("catalogue/build");
    group.sample_size(10);
    for size in SIZES {
        let Ok(offers) = offers(size) else {
            return;
        };
        // Each run builds from offers made one by one (as a file load makes them): their
        // equal terms are found and shared during the build.
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter_batched(|| offers.clone(), Catalogue::new, BatchSize::LargeInput);
        });
    }
    group.finish();
}

criterion_group!(benches, bench_catalogue, bench_build);
criterion_main!(benches);
