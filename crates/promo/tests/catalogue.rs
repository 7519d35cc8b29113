//! The indexed catalogue against a plain reference that scans every offer (PROMO-1, PROMO-2,
//! PROMO-3): the indexes change what an evaluation costs, never what it finds.

use std::collections::BTreeSet;

use chrono::{TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::{strategies, *};
use proptest::prelude::*;

/// True when `selection` matches a line: written here from the rule, not taken from the
/// crate, so that the oracle does not share the code it checks.
fn matched(selection: &Selection, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        selection.products.contains(l.product())
            || l.categories()
                .iter()
                .any(|c| selection.categories.contains(c))
    })
}

/// The reading the catalogue implements, written as a scan: an offer is considered when its
/// code was entered, or when it is automatic, valid at the instant, and every product
/// selection it is bound to (required products, those a quantity is counted among, those a
/// discount is taken from) matches a line.
fn considered(
    offer: &Offer,
    codes: &BTreeSet<Code>,
    lines: &[Line],
    ctx: &EvaluationContext,
) -> bool {
    match offer.code() {
        Some(code) => codes.contains(code),
        None => {
            let targets = offer.effects().iter().filter_map(|e| match e {
                Effect::PercentOff { on, .. } | Effect::AmountOff { on, .. } => match on {
                    Target::Selection(s) | Target::CheapestUnitIn(s) => Some(s),
                    Target::Order | Target::CheapestUnit => None,
                },
                _ => None,
            });
            let c = offer.conditions();
            let in_selection = c.minimum_quantity_in.as_ref().map(|q| &q.of);
            offer.window().contains(ctx.at())
                && c.requires
                    .iter()
                    .chain(in_selection)
                    .chain(targets)
                    .all(|s| matched(s, lines))
        }
    }
}

/// The plain reference evaluation: scans every offer of the catalogue for those considered,
/// evaluates exactly those, and lists the codes no offer has.
fn reference(
    offers: &[Offer],
    codes: &BTreeSet<Code>,
    lines: &[Line],
    shipping: Eur,
    ctx: &EvaluationContext,
    policy: &PromoPolicy,
) -> (Evaluation, Vec<Code>) {
    let chosen: Vec<Offer> = offers
        .iter()
        .filter(|o| considered(o, codes, lines, ctx))
        .cloned()
        .collect();
    let unknown = codes
        .iter()
        .filter(|c| !offers.iter().any(|o| o.code() == Some(*c)))
        .cloned()
        .collect();
    (
        evaluate_as_at(&chosen, lines, shipping, ctx, policy).unwrap(),
        unknown,
    )
}

fn assert_same(
    indexed: &Evaluation,
    (expected, unknown): &(Evaluation, Vec<Code>),
) -> Result<(), TestCaseError> {
    prop_assert_eq!(indexed.applied(), expected.applied());
    prop_assert_eq!(indexed.lines(), expected.lines());
    prop_assert_eq!(indexed.not_applied(), expected.not_applied());
    prop_assert_eq!(indexed.shipping_net(), expected.shipping_net());
    prop_assert_eq!(indexed.total(), expected.total());
    prop_assert_eq!(indexed.unknown_codes(), unknown.as_slice());
    Ok(())
}

/// Offers that cannot apply to a cart of the strategies' pools: automatic offers over before
/// 2026 or bound to a product no generated line has, and codes nobody enters.
fn inapplicable(count: usize) -> impl Strategy<Value = Vec<Offer>> {
    proptest::collection::vec((0u8..3, strategies::effect()), count).prop_map(|kinds| {
        kinds
            .into_iter()
            .enumerate()
            .map(|(i, (kind, effect))| {
                let builder =
                    Offer::builder(format!("x{i}").parse().unwrap(), "Hors sujet", effect);
                match kind {
                    0 => {
                        let start = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
                        let end = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
                        builder.window(ValidityWindow::new(Some(start), Some(end)).unwrap())
                    }
                    1 => builder.requires(Selection::products(["unsold".parse().unwrap()])),
                    _ => builder.code(Code::new(format!("UNUSED{i}")).unwrap()),
                }
                .build()
                .unwrap()
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // PROMO-1, PROMO-2, PROMO-3: the indexed evaluation is exactly the plain scan's.
    #[test]
    fn indexed_evaluation_equals_the_plain_scan(
        offers in strategies::offers(12), codes in strategies::codes(), lines in strategies::lines(8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let indexed = evaluate(&catalogue, &codes, &lines, shipping, &ctx, &policy)?;
        assert_same(&indexed, &reference(&offers, &codes, &lines, shipping, &ctx, &policy))?;
    }

    // PROMO-2: offers that cannot apply to a cart, however many, do not change its evaluation.
    #[test]
    fn offers_that_cannot_apply_change_nothing(
        offers in strategies::offers(8), extra in (0usize..40).prop_flat_map(inapplicable),
        codes in strategies::codes(), lines in strategies::lines(8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let small = Catalogue::new(offers.clone()).unwrap();
        let large = Catalogue::new(offers.into_iter().chain(extra)).unwrap();
        let a = evaluate(&small, &codes, &lines, shipping, &ctx, &policy)?;
        let b = evaluate(&large, &codes, &lines, shipping, &ctx, &policy)?;
        prop_assert_eq!(a, b);
    }

    // PROMO-2: two offers that apply together each allow the other.
    #[test]
    fn offers_applied_together_allow_each_other(
        offers in strategies::offers(10), codes in strategies::codes(), lines in strategies::lines(6),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let catalogue = Catalogue::new(offers).unwrap();
        let e = evaluate(&catalogue, &codes, &lines, shipping, &ctx, &policy)?;
        for a in e.applied() {
            for b in e.applied() {
                if a.offer() != b.offer() {
                    let (a, b) = (catalogue.offer(a.offer()).unwrap(), catalogue.offer(b.offer()).unwrap());
                    prop_assert!(a.combinable().allows(b.id()) && b.combinable().allows(a.id()));
                }
            }
        }
    }

    // PROMO-1: a catalogue survives a trip through JSON, and equal terms are stored once
    // without changing any offer.
    #[cfg(feature = "serde")]
    #[test]
    fn catalogues_round_trip_through_json(offers in strategies::offers(10)) {
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let json = serde_json::to_string(&catalogue).unwrap();
        let back: Catalogue = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back.offers(), offers.as_slice());
        prop_assert_eq!(&back, &catalogue);
    }
}

fn line(id: usize, product: &str) -> Line {
    Line::new(
        format!("l{id}").parse().unwrap(),
        product.parse().unwrap(),
        Eur::from_cents(1_000 + 37 * i64::try_from(id).unwrap()),
        Quantity::ONE,
    )
    .unwrap()
}

// PROMO-1, PROMO-2: a catalogue of thousands of single-use codes and automatic offers bound
// to other products prices a cart exactly as the handful of offers that concern it do.
#[test]
fn a_large_catalogue_prices_a_cart_as_its_relevant_offers_do() {
    let percent = |p: &str, on| Effect::PercentOff {
        percent: p.parse().unwrap(),
        on,
    };
    let relevant = vec![
        Offer::builder(
            "port".parse().unwrap(),
            "Livraison offerte",
            Effect::FreeShipping,
        )
        .minimum_amount("60".parse().unwrap())
        .build()
        .unwrap(),
        Offer::builder(
            "the".parse().unwrap(),
            "-15 % sur le thé",
            percent(
                "15",
                Target::Selection(Selection::products(["the".parse().unwrap()])),
            ),
        )
        .priority(2)
        .build()
        .unwrap(),
        Offer::builder(
            "nl-7".parse().unwrap(),
            "Newsletter -10 %",
            percent("10", Target::Order),
        )
        .code(Code::new("NL7").unwrap())
        .total_limit(1)
        .priority(5)
        .build()
        .unwrap(),
    ];
    let template = Offer::builder(
        "nl".parse().unwrap(),
        "Newsletter -10 %",
        percent("10", Target::Order),
    )
    .total_limit(1)
    .priority(5)
    .build()
    .unwrap();
    let codes = (0..20_000).map(|i| {
        template.for_code(
            format!("nl-{i}x").parse().unwrap(),
            Code::new(format!("NL{i}X")).unwrap(),
        )
    });
    let bound = (0..1_000).map(|i| {
        Offer::builder(
            format!("sku-{i}").parse().unwrap(),
            "Remise produit",
            percent(
                "20",
                Target::Selection(Selection::products([format!("sku-{i}").parse().unwrap()])),
            ),
        )
        .build()
        .unwrap()
    });
    let large = Catalogue::new(relevant.clone().into_iter().chain(codes).chain(bound)).unwrap();
    let small = Catalogue::new(relevant).unwrap();
    assert_eq!(large.len(), 21_003);
    let lines: Vec<Line> = (0..50)
        .map(|i| line(i, if i % 5 == 0 { "the" } else { "tasse" }))
        .collect();
    let entered: BTreeSet<Code> = [Code::new("nl7").unwrap(), Code::new("NOPE").unwrap()].into();
    let ctx = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap());
    let policy = PromoPolicy::default();
    let a = evaluate(
        &small,
        &entered,
        &lines,
        Eur::from_cents(490),
        &ctx,
        &policy,
    )
    .unwrap();
    let b = evaluate(
        &large,
        &entered,
        &lines,
        Eur::from_cents(490),
        &ctx,
        &policy,
    )
    .unwrap();
    assert_eq!(a, b);
    let applied: Vec<&str> = b.applied().iter().map(|a| a.offer().as_str()).collect();
    assert_eq!(applied, ["port", "the", "nl-7"]);
    assert_eq!(b.unknown_codes(), [Code::new("NOPE").unwrap()]);
}
