//! Evaluation of carts of 10, 100 and 1000 lines (and the 50-line target) against 10 offers of
//! mixed kinds: percentages, fixed amounts, cheapest unit, free shipping, gift, with and
//! without conditions and codes.

use std::collections::BTreeSet;
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, Effect, EvaluationContext, Line, Offer, PromoPolicy, Quantity, Selection,
    Target, evaluate,
};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

type Setup = Result<(Catalogue, BTreeSet<Code>), Box<dyn std::error::Error>>;

fn offers(count: usize) -> Setup {
    let percent = |p: &str, on| -> Result<Effect, Box<dyn std::error::Error>> {
        Ok(Effect::PercentOff {
            percent: p.parse()?,
            on,
        })
    };
    let books = Selection::categories(["books".parse()?]);
    let effects = [
        percent("10", Target::Order)?,
        percent("5", Target::Selection(books.clone()))?,
        percent("50", Target::CheapestUnit)?,
        Effect::AmountOff {
            amount: "10".parse()?,
            on: Target::Order,
        },
        Effect::AmountOff {
            amount: "3".parse()?,
            on: Target::Selection(books),
        },
        Effect::FreeShipping,
        Effect::Gift {
            product: "tote-bag".parse()?,
            unit_price: "7.90".parse()?,
        },
        percent("15", Target::Order)?,
        percent("20", Target::Order)?,
        Effect::AmountOff {
            amount: "25".parse()?,
            on: Target::Order,
        },
    ];
    let mut offers = Vec::new();
    let mut codes = BTreeSet::new();
    for i in 0..count {
        let Some(effect) = effects.get(i % effects.len()).cloned() else {
            continue;
        };
        let with_code = i % 2 == 0;
        let mut offer = Offer::builder(
            format!("offer-{i:02}").parse()?,
            format!("Offre {i}"),
            effect,
        )
        .priority(u32::try_from(i % 4)?);
        if with_code {
            let code = Code::new(format!("CODE{i}"))?;
            codes.insert(code.clone());
            offer = offer.code(code);
        }
        if i % 3 == 0 {
            offer = offer.minimum_amount(Eur::from_cents(5_000));
        }
        // Two offers out of ten are non-combinable but of low priority, so they are
        // considered and refused: the usual case of a shop's offer list.
        if i % 10 >= 8 {
            offer = offer.not_combinable();
        }
        offers.push(offer.build()?);
    }
    Ok((Catalogue::new(offers)?, codes))
}

fn lines(n: usize) -> Result<Vec<Line>, Box<dyn std::error::Error>> {
    (0..n)
        .map(|i| {
            let price = Eur::from_cents(i64::try_from(199 + (i * 7919) % 9_800)?);
            let line = Line::new(
                format!("line-{i:04}").parse()?,
                format!("product-{i}").parse()?,
                price,
                Quantity::new(u32::try_from(1 + i % 3)?)?,
            )?;
            Ok(if i % 4 == 0 {
                line.with_categories(["books".parse()?])
            } else {
                line
            })
        })
        .collect()
}

fn bench_evaluate(c: &mut Criterion) {
    let Ok((catalogue, codes)) = offers(10) else {
        return;
    };
    let Some(at) = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single() else {
        return;
    };
    let context = EvaluationContext::new(at);
    let policy = PromoPolicy::default();
    let shipping = Eur::from_cents(490);
    let mut group = c.benchmark_group("promo/evaluate_10_offers");
    for n in [10usize, 50, 100, 1000] {
        let Ok(lines) = lines(n) else {
            return;
        };
        group.throughput(Throughput::Elements(u64::try_from(n).unwrap_or(0)));
        group.bench_with_input(BenchmarkId::from_parameter(n), &lines, |b, lines| {
            b.iter(|| {
                evaluate(
                    black_box(&catalogue),
                    black_box(&codes),
                    black_box(lines),
                    shipping,
                    &context,
                    &policy,
                )
            });
        });
    }
    group.finish();
}

/// 100 lines against 1 to 20 offers: the cost grows with lines times offers.
fn bench_offers(c: &mut Criterion) {
    let Some(at) = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single() else {
        return;
    };
    let context = EvaluationContext::new(at);
    let policy = PromoPolicy::default();
    let Ok(lines) = lines(100) else {
        return;
    };
    let mut group = c.benchmark_group("promo/evaluate_100_lines");
    for k in [1usize, 5, 10, 20] {
        let Ok((catalogue, codes)) = offers(k) else {
            return;
        };
        group.bench_with_input(
            BenchmarkId::from_parameter(k),
            &catalogue,
            |b, catalogue| {
                b.iter(|| {
                    evaluate(
                        black_box(catalogue),
                        black_box(&codes),
                        black_box(&lines),
                        Eur::from_cents(490),
                        &context,
                        &policy,
                    )
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_evaluate, bench_offers);
criterion_main!(benches);
