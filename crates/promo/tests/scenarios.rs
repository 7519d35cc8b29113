//! Worked examples of PROMO-1..5, one test per situation, written as the FAQ would tell them.

use std::collections::BTreeSet;

use chrono::FixedOffset;
use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::{Eur, Percent};
use comptoir_promo::*;

type R = Result<(), Box<dyn std::error::Error>>;

fn eur(s: &str) -> Eur {
    s.parse().unwrap()
}

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn line(id: &str, product: &str, price: &str, quantity: u32) -> Line {
    Line::new(
        id.parse().unwrap(),
        product.parse().unwrap(),
        eur(price),
        Quantity::new(quantity).unwrap(),
    )
    .unwrap()
}

struct O(OfferSpec);

impl O {
    fn new(id: &str, effect: Effect) -> O {
        O(OfferSpec {
            id: id.parse().unwrap(),
            name: format!("Offre {id}"),
            trigger: Trigger::Automatic,
            window: ValidityWindow::ALWAYS,
            conditions: Conditions::default(),
            effects: vec![effect],
            combinable: Combinable::Always,
            priority: Priority::new(10),
        })
    }
    fn code(mut self, code: &str) -> O {
        self.0.trigger = Trigger::Code(Code::new(code).unwrap());
        self
    }
    fn priority(mut self, p: u32) -> O {
        self.0.priority = Priority::new(p);
        self
    }
    fn alone(mut self) -> O {
        self.0.combinable = Combinable::Never;
        self
    }
    fn min_amount(mut self, amount: &str) -> O {
        self.0.conditions.minimum_amount = Some(eur(amount));
        self
    }
    fn build(self) -> Offer {
        Offer::new(self.0).unwrap()
    }
}

fn percent(p: &str) -> Effect {
    Effect::PercentOff {
        percent: p.parse().unwrap(),
        on: Target::Order,
    }
}

fn amount(a: &str) -> Effect {
    Effect::AmountOff {
        amount: eur(a),
        on: Target::Order,
    }
}

fn codes(list: &[&str]) -> BTreeSet<Code> {
    list.iter().map(|c| Code::new(c).unwrap()).collect()
}

fn catalogue(offers: &[Offer]) -> Catalogue {
    Catalogue::new(offers.to_vec()).unwrap()
}

fn run(offers: &[Offer], entered: &[&str], lines: &[Line], shipping: &str) -> Evaluation {
    evaluate(
        &catalogue(offers),
        &codes(entered),
        lines,
        eur(shipping),
        &EvaluationContext::new(noon()),
        &PromoPolicy::default(),
    )
    .unwrap()
}

fn discounts(e: &Evaluation) -> Vec<(String, Eur)> {
    e.applied()
        .iter()
        .map(|a| (a.offer().to_string(), a.discount()))
        .collect()
}

// PROMO-4: 10 % then 20 % on what is left, whichever code was typed first.
#[test]
fn two_percentages_apply_in_priority_order_sequentially() {
    let offers = [
        O::new("twenty", percent("20"))
            .code("VINGT")
            .priority(2)
            .build(),
        O::new("ten", percent("10")).code("DIX").priority(1).build(),
    ];
    let lines = [line("l1", "P", "60.00", 1), line("l2", "Q", "40.00", 1)];
    let e = run(&offers, &["vingt", "dix"], &lines, "0");
    assert_eq!(
        discounts(&e),
        vec![
            ("ten".into(), eur("10.00")),
            ("twenty".into(), eur("18.00"))
        ]
    );
    assert_eq!(e.total(), eur("72.00"));
}

// PROMO-4 policy option: each percentage on the original amount.
#[test]
fn two_percentages_on_the_original_amount_when_the_shop_chooses_it() {
    let offers = [
        O::new("twenty", percent("20")).priority(2).build(),
        O::new("ten", percent("10")).priority(1).build(),
    ];
    let lines = [line("l1", "P", "100.00", 1)];
    let policy = PromoPolicy {
        stacking: PercentStacking::OnOriginal,
        ..PromoPolicy::default()
    };
    let e = evaluate(
        &catalogue(&offers),
        &BTreeSet::new(),
        &lines,
        Eur::ZERO,
        &EvaluationContext::new(noon()),
        &policy,
    )
    .unwrap();
    assert_eq!(
        discounts(&e),
        vec![
            ("ten".into(), eur("10.00")),
            ("twenty".into(), eur("20.00"))
        ]
    );
    assert_eq!(e.total(), eur("70.00"));
}

// PROMO-4: a fixed amount is capped at what it covers; the total never goes below shipping.
#[test]
fn fixed_amount_larger_than_the_cart_takes_only_what_the_cart_costs() {
    let offers = [O::new("fifty", amount("50.00")).build()];
    let lines = [line("l1", "P", "12.00", 1), line("l2", "Q", "18.00", 1)];
    let e = run(&offers, &[], &lines, "4.90");
    assert_eq!(discounts(&e), vec![("fifty".into(), eur("30.00"))]);
    assert!(e.lines().iter().all(|l| l.net() == Eur::ZERO));
    assert_eq!(e.total(), eur("4.90"));
}

// PROMO-4: the cheapest unit; on equal prices the smallest line id, not the first added.
#[test]
fn cheapest_unit_with_equal_prices_goes_to_the_smallest_line_id() {
    let offers = [O::new(
        "free-one",
        Effect::PercentOff {
            percent: Percent::HUNDRED,
            on: Target::CheapestUnit,
        },
    )
    .build()];
    let lines = [line("l2", "P", "15.00", 3), line("l1", "Q", "15.00", 1)];
    let e = run(&offers, &[], &lines, "0");
    let l1 = e.line(&"l1".parse().unwrap()).unwrap();
    assert_eq!(l1.discount(), eur("15.00"));
    assert_eq!(
        e.line(&"l2".parse().unwrap()).unwrap().discount(),
        Eur::ZERO
    );
    assert_eq!(e.total(), eur("45.00"));
}

// PROMO-4: -50 % on the cheapest unit of a line of three takes half of one unit only.
#[test]
fn half_off_the_cheapest_unit_takes_half_of_one_unit() {
    let offers = [O::new(
        "half",
        Effect::PercentOff {
            percent: "50".parse().unwrap(),
            on: Target::CheapestUnit,
        },
    )
    .build()];
    let lines = [line("a", "P", "9.99", 3), line("b", "Q", "20.00", 1)];
    let e = run(&offers, &[], &lines, "0");
    // 50 % of 9.99 = 4.995, rounded half away from zero.
    assert_eq!(discounts(&e), vec![("half".into(), eur("5.00"))]);
}

// PROMO-4 and PROMO-3: a gift is listed at its price with an equal discount and does not count
// towards a minimum amount.
#[test]
fn gift_does_not_count_towards_the_minimum_amount() {
    let offers = [
        O::new(
            "gift",
            Effect::Gift {
                product: "tote-bag".parse().unwrap(),
                unit_price: eur("10.00"),
            },
        )
        .priority(1)
        .build(),
        O::new("ten-off", amount("10.00"))
            .min_amount("100.00")
            .build(),
    ];
    let lines = [line("l1", "P", "95.00", 1)];
    let e = run(&offers, &[], &lines, "0");
    assert_eq!(discounts(&e), vec![("gift".into(), eur("10.00"))]);
    assert_eq!(
        e.reason(&"ten-off".parse().unwrap()),
        Some(&Refusal::MinimumAmountNotReached {
            missing: eur("5.00")
        })
    );
    let gift = e.lines().iter().find(|l| l.is_gift()).unwrap();
    assert_eq!(
        (gift.amount(), gift.discount(), gift.net()),
        (eur("10.00"), eur("10.00"), Eur::ZERO)
    );
    assert_eq!(e.total(), eur("95.00"));
}

// PROMO-3: the minimum is on products before discounts; shipping counts only by policy.
#[test]
fn shipping_counts_towards_the_minimum_only_when_the_policy_says_so() {
    let offers = [O::new("ten-off", amount("10.00"))
        .min_amount("100.00")
        .build()];
    let lines = [line("l1", "P", "95.00", 1)];
    let context = EvaluationContext::new(noon());
    let strict = evaluate(
        &catalogue(&offers),
        &BTreeSet::new(),
        &lines,
        eur("5.00"),
        &context,
        &PromoPolicy::default(),
    )
    .unwrap();
    assert!(strict.applied().is_empty());
    let lenient = PromoPolicy {
        minimum_includes_shipping: true,
        ..PromoPolicy::default()
    };
    let e = evaluate(
        &catalogue(&offers),
        &BTreeSet::new(),
        &lines,
        eur("5.00"),
        &context,
        &lenient,
    )
    .unwrap();
    assert_eq!(e.total(), eur("90.00"));
}

// PROMO-5: the FAQ's example, -10 € over 90 € and 30 €: 7.50 and 2.50.
#[test]
fn order_discount_is_allocated_in_proportion_to_the_lines() {
    let offers = [O::new("ten-off", amount("10.00"))
        .min_amount("100.00")
        .build()];
    let lines = [line("a", "A", "90.00", 1), line("b", "B", "30.00", 1)];
    let e = run(&offers, &[], &lines, "0");
    let net = |id: &str| e.line(&id.parse().unwrap()).unwrap().net();
    assert_eq!((net("a"), net("b")), (eur("82.50"), eur("27.50")));
    assert_eq!(e.total(), eur("110.00"));
}

// PROMO-5: 0.10 over three equal lines, the leftover cent to the first.
#[test]
fn leftover_cent_of_an_allocation_goes_to_the_earlier_line() {
    let offers = [O::new("dime", amount("0.10")).build()];
    let lines = [
        line("a", "A", "5.00", 1),
        line("b", "B", "5.00", 1),
        line("c", "C", "5.00", 1),
    ];
    let e = run(&offers, &[], &lines, "0");
    let shares: Vec<Eur> = e.applied()[0].lines().iter().map(|d| d.amount()).collect();
    assert_eq!(shares, vec![eur("0.04"), eur("0.03"), eur("0.03")]);
}

// REF-1 / CART-3: the frozen offer lapses when the kept items no longer reach its minimum.
#[test]
fn frozen_offer_lapses_when_repriced_without_the_returned_item() {
    let offers = [O::new("ten-off", amount("10.00"))
        .min_amount("100.00")
        .code("DIX")
        .build()];
    let context = EvaluationContext::new(noon());
    let policy = PromoPolicy::default();
    let kept = [line("a", "A", "90.00", 1)];
    let e = evaluate_as_at(&offers, &kept, Eur::ZERO, &context, &policy).unwrap();
    assert!(e.applied().is_empty());
    assert_eq!(e.total(), eur("90.00"));
    assert!(matches!(
        e.reason(&"ten-off".parse().unwrap()),
        Some(Refusal::MinimumAmountNotReached { .. })
    ));
}

// PROMO-1: codes compare case-insensitively and ignoring spaces; unknown ones are reported.
#[test]
fn codes_match_whatever_their_case_and_unknown_codes_are_reported() {
    let offers = [O::new("ten", percent("10")).code("Hiver10").build()];
    let lines = [line("l1", "P", "50.00", 1)];
    let e = run(&offers, &["  hiver10 ", "nope"], &lines, "0");
    assert_eq!(discounts(&e), vec![("ten".into(), eur("5.00"))]);
    assert_eq!(e.unknown_codes(), &[Code::new("NOPE").unwrap()]);
}

// PROMO-2: a non-combinable offer of higher priority stands alone; the others say why.
#[test]
fn non_combinable_offer_of_higher_priority_stands_alone() {
    let offers = [
        O::new("vip", percent("30"))
            .code("VIP")
            .priority(1)
            .alone()
            .build(),
        O::new("ten", percent("10")).code("DIX").priority(5).build(),
        O::new("ship", Effect::FreeShipping).priority(7).build(),
    ];
    let lines = [line("l1", "P", "50.00", 1)];
    let e = run(&offers, &["dix", "vip"], &lines, "4.90");
    assert_eq!(discounts(&e), vec![("vip".into(), eur("15.00"))]);
    let refused = Refusal::NotCombinable {
        with: "vip".parse().unwrap(),
        with_name: "Offre vip".into(),
    };
    assert_eq!(e.reason(&"ten".parse().unwrap()), Some(&refused));
    assert_eq!(e.reason(&"ship".parse().unwrap()), Some(&refused));
    assert_eq!(
        refused.message_fr(),
        "Cette offre n'est pas cumulable avec l'offre « Offre vip » de votre panier."
    );
}

// PROMO-2: a non-combinable offer of lower priority is refused in favour of applied ones.
#[test]
fn non_combinable_offer_of_lower_priority_is_refused() {
    let offers = [
        O::new("ten", percent("10")).code("DIX").priority(1).build(),
        O::new("vip", percent("30"))
            .code("VIP")
            .priority(5)
            .alone()
            .build(),
    ];
    let e = run(
        &offers,
        &["vip", "dix"],
        &[line("l1", "P", "50.00", 1)],
        "0",
    );
    assert_eq!(discounts(&e), vec![("ten".into(), eur("5.00"))]);
    assert!(matches!(
        e.reason(&"vip".parse().unwrap()),
        Some(Refusal::NotCombinable { with, .. }) if with.as_str() == "ten"
    ));
}

// PROMO-2: equal priorities are broken by offer id, never by entry order.
#[test]
fn equal_priorities_are_broken_by_offer_id() {
    let offers = [
        O::new("b-offer", percent("20")).code("B").alone().build(),
        O::new("a-offer", percent("10")).code("A").alone().build(),
    ];
    let lines = [line("l1", "P", "50.00", 1)];
    for entered in [["a", "b"], ["b", "a"]] {
        let e = run(&offers, &entered, &lines, "0");
        assert_eq!(discounts(&e), vec![("a-offer".into(), eur("5.00"))]);
    }
}

// PROMO-4: free shipping zeroes shipping and nothing else.
#[test]
fn free_shipping_takes_shipping_off_the_total() {
    let offers = [O::new("ship", Effect::FreeShipping)
        .min_amount("30.00")
        .build()];
    let e = run(&offers, &[], &[line("l1", "P", "35.00", 1)], "4.90");
    assert_eq!(e.shipping_net(), Eur::ZERO);
    assert_eq!(e.applied()[0].shipping_discount(), eur("4.90"));
    assert_eq!(e.total(), eur("35.00"));
}

// PROMO-3: the validity window compares instants, whatever the time zone they were written in.
#[test]
fn validity_window_compares_instants_across_time_zones() -> R {
    let paris = FixedOffset::east_opt(3600).unwrap();
    // Sales start at 08:00 Paris time, which is 07:00 UTC.
    let starts = paris.with_ymd_and_hms(2026, 1, 7, 8, 0, 0).unwrap();
    let ends = paris.with_ymd_and_hms(2026, 2, 3, 20, 0, 0).unwrap();
    // A code, so that the offer is considered outside its window.
    let mut spec = O::new("sales", percent("10")).code("SOLDES").0;
    spec.window = ValidityWindow::new(Some(starts), Some(ends))?;
    let offers = [Offer::new(spec)?];
    let lines = [line("l1", "P", "10.00", 1)];
    let at = |h, m| EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 7, h, m, 0).unwrap());
    let policy = PromoPolicy::default();
    let before = evaluate(
        &catalogue(&offers),
        &codes(&["soldes"]),
        &lines,
        Eur::ZERO,
        &at(6, 59),
        &policy,
    )?;
    assert!(matches!(
        before.not_applied()[0].reason(),
        Refusal::NotYetValid { .. }
    ));
    let open = evaluate(
        &catalogue(&offers),
        &codes(&["soldes"]),
        &lines,
        Eur::ZERO,
        &at(7, 0),
        &policy,
    )?;
    assert_eq!(open.applied().len(), 1);
    let after = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 2, 3, 19, 0, 0).unwrap());
    let late = evaluate(
        &catalogue(&offers),
        &codes(&["soldes"]),
        &lines,
        Eur::ZERO,
        &after,
        &policy,
    )?;
    assert!(matches!(
        late.not_applied()[0].reason(),
        Refusal::Expired { .. }
    ));
    Ok(())
}

// PROMO-3: first order, usage limits, product restriction and minimum quantity.
#[test]
fn each_condition_gives_its_own_reason() {
    let with = |f: &dyn Fn(&mut Conditions)| {
        // A code, so that the offer is considered even when it cannot apply.
        let mut spec = O::new("o", percent("10")).code("O").0;
        f(&mut spec.conditions);
        [Offer::new(spec).unwrap()]
    };
    let lines = [line("l1", "P", "10.00", 2)];
    let reason = |offers: &[Offer], context: &EvaluationContext| {
        evaluate(
            &catalogue(offers),
            &codes(&["o"]),
            &lines,
            Eur::ZERO,
            context,
            &PromoPolicy::default(),
        )
        .unwrap()
        .not_applied()
        .first()
        .map(|n| n.reason().clone())
    };
    let ctx = EvaluationContext::new(noon());
    assert_eq!(
        reason(&with(&|c| c.first_order_only = true), &ctx),
        Some(Refusal::FirstOrderOnly)
    );
    assert_eq!(
        reason(
            &with(&|c| c.first_order_only = true),
            &ctx.clone().first_order(true)
        ),
        None
    );
    let used = ctx.clone().with_usage(
        "o".parse().unwrap(),
        Usage {
            by_customer: 1,
            total: 50,
        },
    );
    assert_eq!(
        reason(&with(&|c| c.per_customer_limit = Some(1)), &used),
        Some(Refusal::CustomerUsageLimitReached)
    );
    assert_eq!(
        reason(&with(&|c| c.total_limit = Some(50)), &used),
        Some(Refusal::TotalUsageLimitReached)
    );
    assert_eq!(reason(&with(&|c| c.total_limit = Some(51)), &used), None);
    assert_eq!(
        reason(
            &with(&|c| c.requires = Some(Selection::products(["Z".parse().unwrap()]))),
            &ctx
        ),
        Some(Refusal::ProductRestrictionNotMet)
    );
    assert_eq!(
        reason(
            &with(&|c| c.minimum_quantity = Some(Quantity::new(5).unwrap())),
            &ctx
        ),
        Some(Refusal::MinimumQuantityNotReached { missing: 3 })
    );
}

// PROMO-4: a percentage on selected categories touches only those lines.
#[test]
fn percentage_on_a_category_touches_only_its_lines() {
    let offers = [O::new(
        "books",
        Effect::PercentOff {
            percent: "5".parse().unwrap(),
            on: Target::Selection(Selection::categories(["books".parse().unwrap()])),
        },
    )
    .build()];
    let lines = [
        line("l1", "novel", "20.00", 1).with_categories(["books".parse().unwrap()]),
        line("l2", "pen", "3.00", 1),
    ];
    let e = run(&offers, &[], &lines, "0");
    assert_eq!(e.line(&"l1".parse().unwrap()).unwrap().net(), eur("19.00"));
    assert_eq!(e.line(&"l2".parse().unwrap()).unwrap().net(), eur("3.00"));
}

// PROMO-1: every refusal has the sentence the shop shows.
#[test]
fn refusals_have_french_sentences() {
    let r = Refusal::MinimumQuantityNotReached { missing: 2 };
    assert_eq!(
        r.message_fr(),
        "Ajoutez encore 2 articles à votre panier pour profiter de cette offre."
    );
    assert_eq!(
        r.to_string(),
        "minimum quantity not reached, 2 units missing"
    );
    assert_eq!(
        Refusal::Expired { ended: noon() }.message_fr(),
        "Ce code promo a expiré."
    );
}
