//! Bad input gets a typed error where it enters: never a panic, never a silent clamp.

use chrono::{TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::*;

fn spec(effect: Effect) -> OfferSpec {
    OfferSpec {
        id: "o".parse().unwrap(),
        name: "Offre".into(),
        trigger: Trigger::Automatic,
        window: ValidityWindow::ALWAYS,
        conditions: Conditions::default(),
        effects: vec![effect],
        combinable: Combinable::Always,
        priority: Priority::new(1),
    }
}

// PROMO-5: a line holds at least one unit (its amount is unit price times quantity).
#[test]
fn zero_and_negative_quantities_are_refused() {
    assert_eq!(
        Quantity::new(0),
        Err(PromoError::NonPositiveQuantity { value: 0 })
    );
    assert_eq!(
        Quantity::try_from(-3i64),
        Err(PromoError::NonPositiveQuantity { value: -3 })
    );
}

// PROMO-5: a line's unit price, from which its net amount is computed, is never negative.
#[test]
fn negative_prices_are_refused() {
    let line = Line::new(
        "l".parse().unwrap(),
        "p".parse().unwrap(),
        Eur::from_cents(-1),
        Quantity::ONE,
    );
    assert_eq!(
        line,
        Err(PromoError::NegativeAmount {
            what: "unit price",
            amount: Eur::from_cents(-1),
        })
    );
}

// PROMO-1: a code or id of nothing but spaces is no code.
#[test]
fn empty_ids_are_refused() {
    assert_eq!(
        ProductId::new("  "),
        Err(PromoError::EmptyId { what: "product id" })
    );
    assert_eq!(Code::new(""), Err(PromoError::EmptyId { what: "code" }));
}

// PROMO-4: a fixed discount is a positive amount.
#[test]
fn negative_or_zero_fixed_amounts_are_refused() {
    let negative = Offer::new(spec(Effect::AmountOff {
        amount: Eur::from_cents(-500),
        on: Target::Order,
    }));
    assert!(matches!(negative, Err(PromoError::NegativeAmount { .. })));
    let zero = Offer::new(spec(Effect::AmountOff {
        amount: Eur::ZERO,
        on: Target::Order,
    }));
    assert!(zero.as_ref().is_err_and(PromoError::is_malformed_offer));
}

// PROMO-3: a minimum amount is not negative.
#[test]
fn negative_minimum_amounts_are_refused() {
    let mut s = spec(Effect::FreeShipping);
    s.conditions.minimum_amount = Some(Eur::from_cents(-1));
    assert!(matches!(
        Offer::new(s),
        Err(PromoError::NegativeAmount { .. })
    ));
}

// PROMO-3: a validity window ends after it starts.
#[test]
fn window_ending_before_it_starts_is_refused() {
    let a = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
    let b = Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
    assert!(matches!(
        ValidityWindow::new(Some(a), Some(b)),
        Err(PromoError::WindowEndsBeforeStart { .. })
    ));
    assert!(ValidityWindow::new(Some(a), Some(a)).is_err());
}

// PROMO-3: a selection selects something; a usage limit allows a use.
#[test]
fn empty_selections_and_zero_limits_are_refused() {
    let s = spec(Effect::PercentOff {
        percent: "10".parse().unwrap(),
        on: Target::Selection(Selection::default()),
    });
    assert!(matches!(
        Offer::new(s),
        Err(PromoError::EmptySelection { .. })
    ));
    let mut s = spec(Effect::FreeShipping);
    s.conditions.total_limit = Some(0);
    assert!(matches!(
        Offer::new(s),
        Err(PromoError::ZeroUsageLimit { .. })
    ));
}

// PROMO-4: a gift is listed at a positive price.
#[test]
fn gift_without_price_is_refused() {
    let s = spec(Effect::Gift {
        product: "p".parse().unwrap(),
        unit_price: Eur::ZERO,
    });
    assert!(matches!(Offer::new(s), Err(PromoError::ZeroAmount { .. })));
}

// PROMO-5: lines and offers are named uniquely, or allocation would be ambiguous.
#[test]
fn duplicate_line_and_offer_ids_are_refused() {
    let l = Line::new(
        "l".parse().unwrap(),
        "p".parse().unwrap(),
        Eur::from_cents(100),
        Quantity::ONE,
    )
    .unwrap();
    let ctx = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    let policy = PromoPolicy::default();
    let e = evaluate_as_at(&[], &[l.clone(), l.clone()], Eur::ZERO, &ctx, &policy);
    assert_eq!(e, Err(PromoError::DuplicateLine { id: "l".into() }));
    let o = Offer::new(spec(Effect::FreeShipping)).unwrap();
    let e = evaluate_as_at(&[o.clone(), o], &[l], Eur::ZERO, &ctx, &policy);
    assert!(e.is_err_and(|e| e.is_duplicate()));
}

fn coded(id: &str, code: &str) -> Offer {
    let mut s = spec(Effect::FreeShipping);
    s.id = id.parse().unwrap();
    s.trigger = Trigger::Code(Code::new(code).unwrap());
    Offer::new(s).unwrap()
}

// PROMO-2: offer ids are unique over the whole catalogue, checked when it is built even
// though no code selects the offers that share one.
#[test]
fn duplicate_offer_ids_anywhere_in_the_catalogue_are_refused() {
    let catalogue = [coded("port", "PORT"), coded("port", "LIVRAISON")];
    assert_eq!(
        Catalogue::new(catalogue),
        Err(PromoError::DuplicateOffer { id: "port".into() })
    );
}

// PROMO-1: a code selects one offer; two offers sharing one (whatever its case) make the
// catalogue ambiguous, refused when it is built, before anybody enters that code.
#[test]
fn two_offers_sharing_a_code_are_refused_as_ambiguous() {
    let ctx = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    let policy = PromoPolicy::default();
    let catalogue = [
        coded("a", "PORT"),
        coded("b", "LIVRAISON"),
        coded("c", " port "),
    ];
    let expected = PromoError::DuplicateCode {
        code: "PORT".into(),
        first: "a".into(),
        second: "c".into(),
    };
    assert!(expected.is_duplicate());
    assert_eq!(
        expected.to_string(),
        "code PORT belongs to both offer a and offer c"
    );
    assert_eq!(
        Catalogue::new(catalogue.clone()).err(),
        Some(expected.clone())
    );
    assert_eq!(
        evaluate_as_at(&catalogue, &[], Eur::ZERO, &ctx, &policy),
        Err(expected)
    );
    assert!(Catalogue::new(catalogue[..2].to_vec()).is_ok());
}

// PROMO-2: an offer that combines only with named offers names offers of the catalogue.
#[test]
fn combining_with_an_offer_the_catalogue_lacks_is_refused() {
    let only = Offer::builder("a".parse().unwrap(), "A", Effect::FreeShipping)
        .only_with(["b".parse().unwrap(), "ghost".parse().unwrap()])
        .build()
        .unwrap();
    let b = coded("b", "B");
    let refused = Catalogue::new([only.clone(), b.clone()]).unwrap_err();
    assert_eq!(
        refused,
        PromoError::UnknownCombinableOffer {
            offer: "a".into(),
            unknown: "ghost".into(),
        }
    );
    assert_eq!(
        refused.to_string(),
        "offer a combines only with offers including ghost, which is not in the catalogue"
    );
    let ghost = coded("ghost", "GHOST");
    assert_eq!(Catalogue::new([only, b, ghost]).map(|c| c.len()), Ok(3));
}

// SHIP-1: a shipping cost is not negative.
#[test]
fn negative_shipping_is_refused() {
    let ctx = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    let e = evaluate_as_at(&[], &[], Eur::from_cents(-1), &ctx, &PromoPolicy::default());
    assert!(matches!(e, Err(PromoError::NegativeAmount { .. })));
}

#[cfg(feature = "serde")]
mod from_files {
    use super::*;

    const GOOD: &str = r#"{
        "id": "winter",
        "name": "Soldes d'hiver",
        "trigger": { "code": " hiver10 " },
        "window": { "starts": "2026-01-07T07:00:00Z", "ends": "2026-02-03T23:00:00Z" },
        "conditions": { "minimum_amount": "50.00" },
        "effect": { "percent_off": { "percent": "10", "on": "order" } },
        "combinable": true,
        "priority": 3
    }"#;

    // PROMO-1, PROMO-3: offers are data a shop keeps in a file (code, minimum amount).
    #[test]
    fn an_offer_reads_from_json() {
        let offer: Offer = serde_json::from_str(GOOD).unwrap();
        assert_eq!(offer.code().map(Code::as_str), Some("HIVER10"));
        assert_eq!(
            offer.conditions().minimum_amount,
            Some(Eur::from_cents(5_000))
        );
    }

    fn refused(from: &str, to: &str) -> String {
        let text = GOOD.replace(from, to);
        assert_ne!(text, GOOD, "replacement {from:?} did not apply");
        serde_json::from_str::<Offer>(&text)
            .unwrap_err()
            .to_string()
    }

    // PROMO-3, PROMO-4: a malformed offer file is refused where it enters.
    #[test]
    fn malformed_offer_files_are_refused_with_the_reason() {
        assert!(refused(r#""percent": "10""#, r#""percent": "120""#).contains("outside 0 to 100"));
        assert!(
            refused(
                r#""minimum_amount": "50.00""#,
                r#""minimum_amount": "-5.00""#
            )
            .contains("negative")
        );
        assert!(refused("2026-02-03T23", "2025-02-03T23").contains("not after its start"));
        assert!(
            refused(
                r#"{ "percent_off": { "percent": "10", "on": "order" } }"#,
                r#"{ "gift": { "unit_price": "5.00" } }"#
            )
            .contains("product")
        );
        assert!(
            refused(
                r#"{ "percent_off": { "percent": "10", "on": "order" } }"#,
                r#"{ "gift": { "product": " ", "unit_price": "5.00" } }"#
            )
            .contains("product id is empty")
        );
    }

    // PROMO-1, PROMO-3: a catalogue loads from the shop's export and is checked as it loads;
    // a bad offer is refused with its id and the reason, and nothing is kept.
    #[test]
    fn a_catalogue_loads_from_json_and_names_the_bad_offer() {
        let two = format!(
            "[{GOOD}, {}]",
            GOOD.replace("winter", "summer").replace("hiver10", "ete10")
        );
        let catalogue: Catalogue = serde_json::from_str(&two).unwrap();
        assert_eq!(catalogue.len(), 2);
        let bad = format!(
            "[{GOOD}, {}]",
            GOOD.replace("winter", "broken")
                .replace("hiver10", "ete10")
                .replace(r#""minimum_amount": "50.00""#, r#""total_limit": 0"#)
        );
        let error = serde_json::from_str::<Catalogue>(&bad)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("offer broken: usage limit of offer broken is zero"),
            "{error}"
        );
        let same_code = format!("[{GOOD}, {}]", GOOD.replace("winter", "copy"));
        let error = serde_json::from_str::<Catalogue>(&same_code)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("code HIVER10 belongs to both offer winter and offer copy"),
            "{error}"
        );
        let unreadable = format!(
            "[{GOOD}, {}]",
            GOOD.replace(r#""percent": "10""#, r#""percent": "120""#)
        );
        let error = serde_json::from_str::<Catalogue>(&unreadable)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("offer at position 1: percentage 120 is outside 0 to 100"),
            "{error}"
        );
    }

    // PROMO-4: a file gives one effect or a list; a list of none is refused.
    #[test]
    fn offers_read_one_effect_or_several() {
        let several = GOOD.replace(
            r#""effect": { "percent_off": { "percent": "10", "on": "order" } }"#,
            r#""effects": ["free_shipping", { "amount_off": { "amount": "5", "on": "order" } }]"#,
        );
        assert_ne!(several, GOOD);
        let offer: Offer = serde_json::from_str(&several).unwrap();
        assert_eq!(offer.effects().len(), 2);
        let back: Offer = serde_json::from_str(&serde_json::to_string(&offer).unwrap()).unwrap();
        assert_eq!(back, offer);
        let none = GOOD.replace(
            r#""effect": { "percent_off": { "percent": "10", "on": "order" } }"#,
            r#""effects": []"#,
        );
        let error = serde_json::from_str::<Offer>(&none)
            .unwrap_err()
            .to_string();
        assert!(error.contains("offer winter has no effect"), "{error}");
    }

    // PROMO-3: a quantity within a selection is at least one unit of products named.
    #[test]
    fn a_selection_quantity_of_zero_or_of_nothing_is_refused() {
        let with = |condition: &str| {
            GOOD.replace(
                r#""minimum_amount": "50.00""#,
                &format!(r#""minimum_quantity_in": {condition}"#),
            )
        };
        let good = with(r#"{ "units": 2, "of": { "categories": ["the"] } }"#);
        let offer: Offer = serde_json::from_str(&good).unwrap();
        assert!(offer.conditions().minimum_quantity_in.is_some());
        let zero = with(r#"{ "units": 0, "of": { "categories": ["the"] } }"#);
        let error = serde_json::from_str::<Offer>(&zero)
            .unwrap_err()
            .to_string();
        assert!(error.contains("quantity 0 is not positive"), "{error}");
        let nothing = with(r#"{ "units": 2, "of": {} }"#);
        let error = serde_json::from_str::<Offer>(&nothing)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("names no product and no category"),
            "{error}"
        );
    }

    // PROMO-3, SHIP-1: a restriction to a delivery service or a region that does not exist is
    // refused as the offer loads.
    #[test]
    fn restrictions_to_unknown_services_or_regions_are_refused() {
        let with = |condition: &str| GOOD.replace(r#""minimum_amount": "50.00""#, condition);
        let good = with(
            r#""delivery": ["pickup"], "destinations": ["RE", "GP"], "customer_groups": ["pro"]"#,
        );
        let offer: Offer = serde_json::from_str(&good).unwrap();
        assert_eq!(
            offer.conditions().destinations.as_ref().map(|d| d.len()),
            Some(2)
        );
        let back: Offer = serde_json::from_str(&serde_json::to_string(&offer).unwrap()).unwrap();
        assert_eq!(back, offer);
        let error = serde_json::from_str::<Offer>(&with(r#""delivery": ["drone"]"#))
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown variant `drone`"), "{error}");
        let error = serde_json::from_str::<Offer>(&with(r#""destinations": ["Atlantis"]"#))
            .unwrap_err()
            .to_string();
        assert!(error.contains("not a two-letter country code"), "{error}");
        let error = serde_json::from_str::<Offer>(&with(r#""destinations": []"#))
            .unwrap_err()
            .to_string();
        assert!(error.contains("restricted to no destination"), "{error}");
    }

    // PROMO-5: stored lines are checked like new ones (cent prices, positive quantities).
    #[test]
    fn lines_with_sub_cent_prices_or_bad_quantities_are_refused() {
        let line = |price: &str, qty: &str| {
            serde_json::from_str::<Line>(&format!(
                r#"{{ "id": "l", "product": "p", "unit_price": "{price}", "quantity": {qty} }}"#
            ))
        };
        assert!(line("12.50", "2").is_ok());
        assert!(line("12.345", "2").is_err());
        assert!(
            line("-1.00", "2")
                .unwrap_err()
                .to_string()
                .contains("negative")
        );
        assert!(
            line("1.00", "0")
                .unwrap_err()
                .to_string()
                .contains("not positive")
        );
        assert!(
            line("1.00", "-2")
                .unwrap_err()
                .to_string()
                .contains("not positive")
        );
    }
}

// PROMO-4: an offer gives something, and two effects that cannot both apply are refused.
#[test]
fn offers_without_effect_or_with_repeated_free_shipping_or_gifts_are_refused() {
    let mut s = spec(Effect::FreeShipping);
    s.effects.clear();
    assert_eq!(
        Offer::new(s),
        Err(PromoError::NoEffect { offer: "o".into() })
    );
    let mut s = spec(Effect::FreeShipping);
    s.effects.push(Effect::FreeShipping);
    let refused = Offer::new(s).unwrap_err();
    assert_eq!(
        refused,
        PromoError::DuplicateEffect {
            offer: "o".into(),
            effect: "free shipping"
        }
    );
    assert!(refused.is_malformed_offer());
    let gift = |p: &str| Effect::Gift {
        product: p.parse().unwrap(),
        unit_price: Eur::from_cents(500),
    };
    let mut s = spec(gift("a"));
    s.effects.push(gift("b"));
    assert_eq!(
        Offer::new(s).unwrap_err().to_string(),
        "offer o has more than one gift effect"
    );
}

// PROMO-3, SHIP-1: a restriction to nothing, or to a destination that is not a country code,
// is refused where it is written.
#[test]
fn empty_restrictions_and_unreadable_destinations_are_refused() {
    let refused = Offer::builder("o".parse().unwrap(), "O", Effect::FreeShipping)
        .delivery([])
        .build();
    assert_eq!(
        refused,
        Err(PromoError::EmptyRestriction {
            offer: "o".into(),
            what: "delivery service"
        })
    );
    let refused = Offer::builder("o".parse().unwrap(), "O", Effect::FreeShipping)
        .customer_groups([])
        .build()
        .unwrap_err();
    assert_eq!(
        refused.to_string(),
        "offer o is restricted to no customer group"
    );
    assert_eq!(
        "FRA".parse::<Destination>(),
        Err(PromoError::InvalidDestination {
            input: "FRA".into()
        })
    );
    assert!("F1".parse::<Destination>().is_err());
    assert_eq!("yt".parse::<Destination>(), Ok(Destination::Mayotte));
}

// PROMO-5: of several repeated line ids, the smallest is named, on every run.
#[test]
fn the_smallest_repeated_line_id_is_named() {
    let l = |id: &str| {
        Line::new(
            id.parse().unwrap(),
            "p".parse().unwrap(),
            Eur::from_cents(100),
            Quantity::ONE,
        )
        .unwrap()
    };
    let ctx = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    let lines = [l("b"), l("c"), l("a"), l("b"), l("a")];
    for _ in 0..20 {
        let e = evaluate(
            &Catalogue::default(),
            &Default::default(),
            &lines,
            Eur::ZERO,
            &ctx,
            &PromoPolicy::default(),
        );
        assert_eq!(e, Err(PromoError::DuplicateLine { id: "a".into() }));
    }
}

// CART-3, REF-1: repricing totals refuse what a whole evaluation refuses: a line counted
// twice, a negative shipping cost, two offers of one id.
#[test]
fn totals_refuse_what_the_whole_evaluation_refuses() {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let context = EvaluationContext::new(at);
    let policy = PromoPolicy::default();
    let line = Line::new(
        "l".parse().unwrap(),
        "p".parse().unwrap(),
        Eur::from_cents(1_000),
        Quantity::new(3).unwrap(),
    )
    .unwrap();
    let offer = Offer::new(spec(Effect::FreeShipping)).unwrap();
    let one = Quantity::ONE;
    let totals = |offers: &[Offer], lines: &[(&Line, Quantity)], shipping| {
        evaluate_totals_as_at(offers, lines.iter().copied(), shipping, &context, &policy)
    };
    assert_eq!(
        totals(&[], &[(&line, one), (&line, one)], Eur::ZERO),
        Err(PromoError::DuplicateLine { id: "l".into() })
    );
    assert_eq!(
        totals(&[], &[(&line, one)], Eur::from_cents(-1)),
        Err(PromoError::NegativeAmount {
            what: "shipping cost",
            amount: Eur::from_cents(-1),
        })
    );
    assert_eq!(
        totals(&[offer.clone(), offer], &[(&line, one)], Eur::ZERO),
        Err(PromoError::DuplicateOffer { id: "o".into() })
    );
}

// PROMO-4, REF-1: an offer whose discount leaves an amount's range (a gift and free shipping
// at the largest amounts) is an overflow, whether the evaluation is whole or totals only.
#[test]
fn totals_overflow_where_the_whole_evaluation_does() {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap();
    let context = EvaluationContext::new(at);
    let policy = PromoPolicy::default();
    let largest = Eur::try_from_cents((1i128 << 96) - 1).unwrap();
    let line = Line::new(
        "l".parse().unwrap(),
        "p".parse().unwrap(),
        Eur::from_cents(1_000),
        Quantity::ONE,
    )
    .unwrap();
    let gift = Effect::Gift {
        product: "g".parse().unwrap(),
        unit_price: largest,
    };
    let offer = Offer::new(OfferSpec {
        effects: vec![gift, Effect::FreeShipping],
        ..spec(Effect::FreeShipping)
    })
    .unwrap();
    let offers = [offer];
    let whole = evaluate_as_at(
        &offers,
        std::slice::from_ref(&line),
        largest,
        &context,
        &policy,
    );
    assert!(whole.is_err(), "{whole:?}");
    let totals = evaluate_totals_as_at(
        &offers,
        [(&line, Quantity::ONE)],
        largest,
        &context,
        &policy,
    );
    assert_eq!(whole.map(|w| w.totals()), totals);
}
