//! Refund amounts (REF-1): one line returned from a 50-line order under 10 offers, and 50
//! successive single-line returns of that order.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Combinable, Conditions, Effect, EvaluationContext, Line, Offer, OfferSpec, Priority,
    Quantity, Selection, Target, Trigger, ValidityWindow,
};
use comptoir_refund::{
    RefundAmountPolicy, RefundCause, RefundLedger, RefundMethod, Return, ReturnedItem,
};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

type Setup<T> = Result<T, Box<dyn std::error::Error>>;

/// Ten combinable offers of every kind, all applying to the order: percentages on the order
/// and on a category, half off the cheapest unit, fixed amounts, free shipping and a gift,
/// three with a minimum amount.
fn offers() -> Setup<Vec<Offer>> {
    let percent = |p: &str, on| -> Setup<Effect> {
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
        percent("2", Target::Order)?,
        Effect::AmountOff {
            amount: "25".parse()?,
            on: Target::Order,
        },
    ];
    effects
        .into_iter()
        .enumerate()
        .map(|(i, effect)| {
            Ok(Offer::new(OfferSpec {
                id: format!("offer-{i:02}").parse()?,
                name: format!("Offre {i}"),
                trigger: Trigger::Automatic,
                window: ValidityWindow::ALWAYS,
                conditions: Conditions {
                    minimum_amount: (i % 3 == 0).then(|| Eur::from_cents(5_000)),
                    ..Conditions::default()
                },
                effects: vec![effect],
                combinable: Combinable::Always,
                priority: Priority::new(u32::try_from(i % 4)?),
            })?)
        })
        .collect()
}

/// A validated order of 50 lines (1 to 3 units each) under the 10 offers.
fn order() -> Setup<Order> {
    let catalogue = Catalogue::new(offers()?)?;
    let at = Utc
        .with_ymd_and_hms(2026, 11, 26, 10, 0, 0)
        .single()
        .ok_or("instant")?;
    let context = EvaluationContext::new(at);
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for i in 0..50usize {
        let line = Line::new(
            format!("line-{i:04}").parse()?,
            format!("product-{i}").parse()?,
            Eur::from_cents(i64::try_from(199 + (i * 7919) % 9_800)?),
            Quantity::new(u32::try_from(1 + i % 3)?)?,
        )?;
        let line = if i % 4 == 0 {
            line.with_categories(["books".parse()?])
        } else {
            line
        };
        cart.add_line(line, &terms)?;
    }
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, "4.90".parse()?)?,
        &terms,
    )?;
    let order = cart.validate(CustomerId::new(1), &terms)?;
    if order.offers().len() != 10 {
        return Err("all ten offers must apply".into());
    }
    Ok(order)
}

/// One return per line, each of all the line's units.
fn returns(order: &Order) -> Setup<Vec<RefundCause>> {
    order
        .lines()
        .iter()
        .map(|l| Ok(Return::new([ReturnedItem::item(l.id().clone(), l.quantity())])?.into()))
        .collect()
}

fn bench_refund(c: &mut Criterion) {
    let Ok(order) = order() else {
        return;
    };
    let Ok(returns) = returns(&order) else {
        return;
    };
    let mut group = c.benchmark_group("refund");
    // The floor of a repricing refund: repricing the 49 lines kept under the 10 frozen
    // offers, which the engine must do once per return. It needs the totals alone; the whole
    // evaluation, with a share per line, is timed beside it.
    let kept: Vec<Line> = order.lines().iter().skip(1).cloned().collect();
    let cost = order.delivery().cost();
    // The evaluation is dropped inside the loop, as a refund drops its own.
    group.bench_function("reprice_totals_49_kept_lines", |b| {
        b.iter(|| {
            let kept = order.lines().iter().skip(1).map(|l| (l, l.quantity()));
            order
                .reprice_totals(black_box(kept), cost)
                .map(|e| e.total())
        });
    });
    group.bench_function("reprice_49_kept_lines", |b| {
        b.iter(|| order.reprice(black_box(&kept), cost).map(|e| e.total()));
    });
    for (name, method) in [
        ("repricing", RefundMethod::Repricing),
        ("proportional", RefundMethod::Proportional),
    ] {
        let policy = RefundAmountPolicy {
            method,
            ..RefundAmountPolicy::default()
        };
        let Ok(fresh) = RefundLedger::new(&order, policy) else {
            return;
        };
        let Some(first) = returns.first() else {
            return;
        };
        // The target: one line back from the 50-line order, on a ledger with no refund yet.
        group.bench_function(format!("one_line_return_of_50/{name}"), |b| {
            b.iter_batched(
                || (fresh.clone(), first.clone()),
                |(mut ledger, cause)| {
                    let refund = ledger.record(black_box(&order), cause);
                    // Returned, so that dropping the ledger is not timed: a back office keeps it.
                    (ledger, refund)
                },
                BatchSize::SmallInput,
            );
        });
        // The same on a ledger that already holds 25 refunds: the cost must not grow with them.
        let mut after_25 = fresh.clone();
        for cause in returns.iter().skip(1).take(25) {
            if after_25.record(&order, cause.clone()).is_err() {
                return;
            }
        }
        group.bench_function(format!("one_line_return_after_25_returns/{name}"), |b| {
            b.iter_batched(
                || (after_25.clone(), first.clone()),
                |(mut ledger, cause)| {
                    let refund = ledger.record(black_box(&order), cause);
                    // Returned, so that dropping the ledger is not timed: a back office keeps it.
                    (ledger, refund)
                },
                BatchSize::SmallInput,
            );
        });
        // The second target: 50 successive single-line returns, in total; checked once first,
        // so that the timed loop never stops early on a refused return.
        let mut all = fresh.clone();
        if returns
            .iter()
            .any(|cause| all.record(&order, cause.clone()).is_err())
            || !all.is_complete()
        {
            return;
        }
        group.bench_function(format!("fifty_successive_returns/{name}"), |b| {
            b.iter_batched(
                || (fresh.clone(), returns.clone()),
                |(mut ledger, causes)| {
                    for cause in causes {
                        if ledger.record(black_box(&order), cause).is_err() {
                            break;
                        }
                    }
                    ledger
                },
                BatchSize::SmallInput,
            );
        });
    }
    group.finish();
}

criterion_group!(benches, bench_refund);
criterion_main!(benches);
