//! Invariants of evaluation over generated carts and offers (PROMO-2, PROMO-4, PROMO-5).

use std::collections::BTreeSet;

use comptoir_money::Eur;
use comptoir_promo::{strategies, *};
use proptest::prelude::*;

fn catalogue(offers: &[Offer]) -> Catalogue {
    Catalogue::new(offers.to_vec()).unwrap()
}

fn sum(amounts: impl IntoIterator<Item = Eur>) -> Eur {
    Eur::try_sum(amounts).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // PROMO-4: no line net amount, no shipping and no total below zero.
    #[test]
    fn no_amount_is_ever_negative(
        offers in strategies::offers(8), codes in strategies::codes(), lines in strategies::lines(8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        prop_assert!(!e.total().is_negative());
        prop_assert!(!e.shipping_net().is_negative());
        for l in e.lines() {
            prop_assert!(!l.net().is_negative());
            prop_assert!(!l.discount().is_negative());
        }
        for a in e.applied() {
            prop_assert!(!a.discount().is_negative());
        }
    }

    // PROMO-5: an offer's line shares and shipping share sum exactly to its discount; each line's
    // discount is the sum of the shares it received; the total is lines' nets plus shipping.
    #[test]
    fn discounts_are_allocated_exactly(
        offers in strategies::offers(8), codes in strategies::codes(), lines in strategies::lines(8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        for a in e.applied() {
            let shares = sum(a.lines().iter().map(|d| d.amount()));
            prop_assert_eq!(shares.checked_add(a.shipping_discount())?, a.discount());
        }
        for (index, l) in e.lines().iter().enumerate() {
            let received = sum(e.applied().iter().flat_map(|a| a.lines()).filter(|d| d.position() == index).map(|d| d.amount()));
            prop_assert_eq!(received, l.discount());
            prop_assert_eq!(l.net().checked_add(l.discount())?, l.amount());
        }
        prop_assert_eq!(sum(e.lines().iter().map(EvaluatedLine::net)).checked_add(e.shipping_net())?, e.total());
        let shipping_discounts = sum(e.applied().iter().map(AppliedOffer::shipping_discount));
        prop_assert_eq!(e.shipping_net().checked_add(shipping_discounts)?, shipping);
        prop_assert_eq!(e.shipping_discount(), shipping_discounts);
        prop_assert_eq!(e.shipping_amount(), shipping);
        // Every line is either a line of the cart, found by its id, or an offer's gift.
        for l in e.lines() {
            match (l.line().item_id(), l.line().gift_offer()) {
                (Some(id), None) => prop_assert_eq!(e.line(id), Some(l)),
                (None, Some(offer)) => prop_assert!(l.is_gift() && e.applies(offer)),
                other => prop_assert!(false, "line {:?} is neither: {:?}", l, other),
            }
        }
    }

    // PROMO-2: a non-combinable offer never applies with another.
    #[test]
    fn a_non_combinable_offer_is_never_applied_with_another(
        offers in strategies::offers(8), codes in strategies::codes(), lines in strategies::lines(6),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        let alone = |id: &OfferId| offers.iter().any(|o| o.id() == id && !o.is_combinable());
        if e.applied().iter().any(|a| alone(a.offer())) {
            prop_assert_eq!(e.applied().len(), 1);
        }
    }

    // PROMO-2: the result does not depend on the order of the offers or of the codes, and
    // evaluating again gives the same result.
    #[test]
    fn evaluation_is_idempotent_and_independent_of_order(
        offers in strategies::offers(8), codes in proptest::collection::vec(strategies::code(), 0..6),
        lines in strategies::lines(6), shipping in strategies::shipping(),
        ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let forward: BTreeSet<Code> = codes.iter().cloned().collect();
        let backward: BTreeSet<Code> = codes.iter().rev().cloned().collect();
        let mut reversed = offers.clone();
        reversed.reverse();
        let a = evaluate(&catalogue(&offers), &forward, &lines, shipping, &ctx, &policy)?;
        let b = evaluate(&catalogue(&reversed), &backward, &lines, shipping, &ctx, &policy)?;
        let again = evaluate(&catalogue(&offers), &forward, &lines, shipping, &ctx, &policy)?;
        prop_assert_eq!(&a.applied(), &b.applied());
        prop_assert_eq!(&a.lines(), &b.lines());
        prop_assert_eq!(a.total(), b.total());
        prop_assert_eq!(&a.not_applied(), &b.not_applied());
        prop_assert_eq!(&a, &again);
    }

    // CART-3 / REF-1: the offers an evaluation applied, evaluated alone as at the same context,
    // give the same lines, discounts and total.
    #[test]
    fn applied_offers_alone_reproduce_the_evaluation(
        offers in strategies::offers(8), codes in strategies::codes(), lines in strategies::lines(6),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        let kept: Vec<Offer> = offers.iter().filter(|o| e.applies(o.id())).cloned().collect();
        let frozen = evaluate_as_at(&kept, &lines, shipping, &ctx, &policy)?;
        prop_assert_eq!(frozen.applied(), e.applied());
        prop_assert_eq!(frozen.lines(), e.lines());
        prop_assert_eq!(frozen.total(), e.total());
        prop_assert!(frozen.not_applied().is_empty());
    }

    // CART-3, REF-1: the totals of a repricing at other quantities (the units kept after a
    // return, some lines gone) are the totals of the whole evaluation of those lines at those
    // quantities: the same amounts, offers applied and refusals with their reasons.
    #[test]
    fn totals_as_at_other_quantities_are_the_whole_evaluations(
        offers in strategies::offers(8), lines in strategies::lines(8),
        kept in proptest::collection::vec(0u32..4, 8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let counted: Vec<(&Line, Quantity)> = lines
            .iter()
            .zip(&kept)
            .filter_map(|(l, k)| Quantity::new(l.quantity().get().min(*k)).ok().map(|q| (l, q)))
            .collect();
        let at_kept: Vec<Line> = counted.iter().map(|(l, q)| (*l).clone().with_quantity(*q)).collect();
        let whole = evaluate_as_at(&offers, &at_kept, shipping, &ctx, &policy);
        let totals = evaluate_totals_as_at(&offers, counted.iter().copied(), shipping, &ctx, &policy);
        match (whole, totals) {
            (Ok(whole), Ok(totals)) => {
                prop_assert_eq!(&whole.totals(), &totals);
                let applied: Vec<&OfferId> = whole.applied().iter().map(|a| a.offer()).collect();
                prop_assert_eq!(applied, totals.applied().iter().collect::<Vec<_>>());
                prop_assert_eq!(totals.total(), totals.items_net().checked_add(totals.shipping_net()).unwrap());
                for n in whole.not_applied() {
                    prop_assert_eq!(totals.reason(n.offer()), Some(n.reason()));
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (whole, totals) => prop_assert!(false, "{whole:?} against {totals:?}"),
        }
    }

    // PROMO-1, PROMO-3: offers, lines and contexts survive a trip through JSON unchanged; an
    // evaluation is written with its figures.
    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trips_offers_lines_and_evaluations(
        offers in strategies::offers(6), codes in strategies::codes(), lines in strategies::lines(6),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let back: Vec<Offer> = serde_json::from_str(&serde_json::to_string(&offers).unwrap()).unwrap();
        prop_assert_eq!(&back, &offers);
        let back: Vec<Line> = serde_json::from_str(&serde_json::to_string(&lines).unwrap()).unwrap();
        prop_assert_eq!(&back, &lines);
        let back: EvaluationContext = serde_json::from_str(&serde_json::to_string(&ctx).unwrap()).unwrap();
        prop_assert_eq!(&back, &ctx);
        // An evaluation is only written (shown, logged), never read back.
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        let written: serde_json::Value = serde_json::to_value(&e).unwrap();
        prop_assert_eq!(&written["total"], &serde_json::Value::String(e.total().to_string()));
    }
}

proptest! {
    // PROMO-3, PROMO-2: quantities, priorities and destinations read back what they write.
    #[test]
    fn quantities_and_priorities_round_trip_through_text(
        q in strategies::quantity(), units in 1u32.., rank in any::<u32>(),
        letters in "[A-Za-z]{2}", destination in strategies::destination(),
    ) {
        prop_assert_eq!(destination.to_string().parse::<Destination>()?, destination);
        let read: Destination = letters.parse()?;
        prop_assert_eq!(read.to_string(), letters.to_uppercase());
        prop_assert_eq!(read.to_string().parse::<Destination>()?, read);
        prop_assert_eq!(q.to_string().parse::<Quantity>()?, q);
        let q = Quantity::new(units)?;
        prop_assert_eq!(q.to_string().parse::<Quantity>()?, q);
        let p = Priority::new(rank);
        prop_assert_eq!(p.to_string().parse::<Priority>()?, p);
    }
}

/// True when every effect taken from the cart's products finds one to take it from in
/// `lines`: one of its selection, and one not on sale when `on_sale` leaves those alone (for
/// the cheapest unit, the cart's cheapest line).
fn every_effect_covers(effects: &[Effect], lines: &[Line], on_sale: OnSale) -> bool {
    let eligible = |l: &Line| !(on_sale.excludes_from_discounts() && l.is_on_sale());
    let cheapest = |among: &dyn Fn(&Line) -> bool| {
        lines
            .iter()
            .filter(|l| among(l))
            .min_by(|a, b| (a.unit_price(), a.id()).cmp(&(b.unit_price(), b.id())))
    };
    effects.iter().all(|e| match e {
        Effect::PercentOff { on, .. } | Effect::AmountOff { on, .. } => match on {
            Target::Selection(s) => lines.iter().any(|l| s.matches(l) && eligible(l)),
            Target::Order => lines.iter().any(eligible),
            Target::CheapestUnit => cheapest(&|_| true).is_some_and(eligible),
            Target::CheapestUnitIn(s) => cheapest(&|l| s.matches(l)).is_some_and(eligible),
        },
        _ => !lines.is_empty(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // PROMO-4, PROMO-5: an applied offer's effects split its discount exactly, line by line
    // and on shipping.
    #[test]
    fn effects_split_their_offers_discount_exactly(
        offers in strategies::offers(8), codes in strategies::codes(), lines in strategies::lines(8),
        shipping in strategies::shipping(), ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let e = evaluate(&catalogue(&offers), &codes, &lines, shipping, &ctx, &policy)?;
        for a in e.applied() {
            let offer = offers.iter().find(|o| o.id() == a.offer()).unwrap();
            prop_assert_eq!(a.effects().iter().map(AppliedEffect::effect).collect::<Vec<_>>(), offer.effects().iter().collect::<Vec<_>>());
            prop_assert_eq!(sum(a.effects().iter().map(AppliedEffect::discount)), a.discount());
            prop_assert_eq!(sum(a.effects().iter().map(AppliedEffect::shipping_discount)), a.shipping_discount());
            for d in a.lines() {
                let parts = a.effects().iter().flat_map(|x| x.lines()).filter(|x| x.position() == d.position());
                prop_assert_eq!(sum(parts.map(|x| x.amount())), d.amount());
            }
        }
    }

    // PROMO-4 (documented reading): an offer with several effects gives the same lines and
    // total as the same effects as separate combinable offers of one priority, with the same
    // conditions, whose ids follow the order the effects are listed in; when one of its
    // selection effects finds no product, the offer gives nothing at all.
    #[test]
    fn several_effects_in_one_offer_price_as_separate_offers_of_one_priority(
        effects in strategies::effects(), conditions in strategies::conditions(),
        lines in strategies::lines(8), shipping in strategies::shipping(),
        ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let build = |id: &str, effects: Vec<Effect>| Offer::new(OfferSpec {
            id: id.parse().unwrap(),
            name: id.into(),
            trigger: Trigger::Automatic,
            window: ValidityWindow::ALWAYS,
            conditions: conditions.clone(),
            effects,
            combinable: Combinable::Always,
            priority: Priority::new(3),
        });
        let (Ok(one), Ok(split)) = (
            build("all", effects.clone()),
            effects.iter().enumerate().map(|(i, e)| build(&format!("e{i}"), vec![e.clone()])).collect::<Result<Vec<_>, _>>(),
        ) else {
            return Err(TestCaseError::reject("invalid effects"));
        };
        let none = BTreeSet::new();
        let together = evaluate(&catalogue(&[one]), &none, &lines, shipping, &ctx, &policy)?;
        let apart = evaluate(&catalogue(&split), &none, &lines, shipping, &ctx, &policy)?;
        let items = |e: &Evaluation| e.lines().iter().filter(|l| !l.is_gift()).cloned().collect::<Vec<_>>();
        if every_effect_covers(&effects, &lines, conditions.on_sale) {
            prop_assert_eq!(together.total(), apart.total());
            prop_assert_eq!(items(&together), items(&apart));
            prop_assert_eq!(together.shipping_net(), apart.shipping_net());
            prop_assert_eq!(together.applied().len(), usize::from(apart.applied().len() == effects.len()));
        } else {
            prop_assert!(together.applied().is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // PROMO-4: leaving lines on sale out of an offer never increases what it takes off, and
    // takes nothing from them. (A line not on sale may carry more of a fixed amount, spread
    // over fewer lines.)
    #[test]
    fn leaving_lines_on_sale_out_never_increases_a_discount(
        offer in strategies::offer_with_trigger("o".parse().unwrap(), None),
        lines in strategies::lines(8), shipping in strategies::shipping(),
        ctx in strategies::context(), policy in strategies::policy(),
    ) {
        let with = |on_sale| {
            let mut spec = offer.to_spec();
            spec.conditions.on_sale = on_sale;
            let catalogue = catalogue(&[Offer::new(spec).unwrap()]);
            evaluate(&catalogue, &BTreeSet::new(), &lines, shipping, &ctx, &policy).unwrap()
        };
        let included = with(OnSale::Included);
        for excluded in [with(OnSale::ExcludedFromDiscounts), with(OnSale::ExcludedFromDiscountsAndMinimum)] {
            let taken = |e: &Evaluation| sum(e.applied().iter().map(AppliedOffer::discount));
            prop_assert!(taken(&excluded) <= taken(&included));
            for a in excluded.lines().iter().filter(|a| !a.is_gift()) {
                if lines.iter().any(|l| Some(l.id()) == a.line().item_id() && l.is_on_sale()) {
                    prop_assert_eq!(a.discount(), Eur::ZERO);
                }
            }
        }
    }
}
