//! Paying in instalments and consumer credit by the day of the contract (PAY-4, PAY-5; C. conso
//! L312-4, L312-5, L312-19, L221-27).

use chrono::NaiveDate;
use comptoir_calendar::clock::Paris;
use comptoir_calendar::law::ContractDay;
use comptoir_calendar::{Calendar, CalendarDays, Region};
use comptoir_money::Eur;
use comptoir_payment::{
    CREDIT_WARNING_FR, Card, CardBrand, CardToken, CreditFacts, CreditReason, CreditRegime,
    ExpiryMonth, InstalmentPlan, InstalmentPolicy, InstalmentSpacing, Lender, OrderAmount,
    PaymentError,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn card() -> Card {
    Card::new(
        CardToken::new("tok_credit").unwrap(),
        CardBrand::Cb,
        ExpiryMonth::new(2030, 12).unwrap(),
        ymd(2026, 1, 1),
    )
    .unwrap()
}

fn order() -> OrderAmount {
    OrderAmount::new(Eur::from_cents(14_510), Eur::from_cents(490)).unwrap()
}

/// The shop finances its own plan, is no large enterprise and keeps its claims.
fn own_financing() -> CreditFacts {
    CreditFacts {
        lender: Lender::Seller,
        large_enterprise: Some(false),
        claims_factored: Some(false),
    }
}

fn spaced(days: u32, credit: CreditFacts) -> InstalmentPolicy {
    InstalmentPolicy {
        spacing: InstalmentSpacing::Days(CalendarDays::new(days)),
        credit,
        ..InstalmentPolicy::default()
    }
}

// PAY-5, L312-4: the reform applies to contracts concluded from 20 November 2026 on the Paris
// clock: one second before, the FAQ's 3x is outside credit law under the former exclusion;
// from midnight it is a credit (the lender not stated).
#[test]
fn pay5_l312_4_the_reform_boundary_is_exact_on_the_paris_clock() -> Result {
    let policy = InstalmentPolicy::default();
    let shipped = ymd(2026, 11, 23);
    let before = ContractDay::of(&Paris::at(2026, 11, 19, 23, 59, 59)?)?;
    let after = ContractDay::of(&Paris::at(2026, 11, 20, 0, 0, 0)?)?;
    let old = InstalmentPlan::compute(&order(), before, &card(), 3, shipped, &policy)?;
    assert_eq!(old.regime(), &CreditRegime::FormerShortCreditExclusion);
    assert_eq!(old.regime().advertising_mention_fr(), None);
    let new = InstalmentPlan::compute(&order(), after, &card(), 3, shipped, &policy)?;
    assert!(new.regime().is_consumer_credit());
    assert!(
        new.regime()
            .reasons()
            .contains(&CreditReason::LenderNotStated)
    );
    assert!(
        new.regime()
            .reasons()
            .contains(&CreditReason::FactoringNotStated)
    );
    assert_eq!(
        new.regime().advertising_mention_fr(),
        Some(CREDIT_WARNING_FR)
    );
    Ok(())
}

// PAY-5, L312-4 4° a): a seller's own deferred payment is outside credit law when the last
// instalment falls at most 50 days after shipment (the delivery is never earlier): 50 days
// is, 51 is a credit, too long.
#[test]
fn pay5_l312_4_a_plan_at_50_days_after_shipment_is_outside_credit_at_51_it_is_one() -> Result {
    let contract = ContractDay::new(ymd(2026, 12, 6));
    let shipped = ymd(2026, 12, 8);
    let at_50 = InstalmentPlan::compute(
        &order(),
        contract,
        &card(),
        3,
        shipped,
        &spaced(25, own_financing()),
    )?;
    assert_eq!(
        at_50.regime(),
        &CreditRegime::SellerDeferredPayment {
            days_after_shipment: 50
        }
    );
    let two = InstalmentPolicy {
        offered_counts: vec![2],
        ..spaced(51, own_financing())
    };
    let at_51 = InstalmentPlan::compute(&order(), contract, &card(), 2, shipped, &two)?;
    assert_eq!(
        at_51.regime().reasons(),
        [CreditReason::TooLong {
            days_after_shipment: 51,
            limit: 50
        }]
    );
    Ok(())
}

// PAY-5, L312-4: each reason alone makes the plan a credit: a third-party lender whatever the
// length, a large enterprise beyond 14 days (5°), a factored claim.
#[test]
fn pay5_l312_4_each_reason_alone_makes_a_credit() {
    let contract = ContractDay::new(ymd(2026, 12, 6));
    let own = own_financing();
    let third_party = CreditFacts {
        lender: Lender::ThirdParty,
        ..own
    };
    let large = CreditFacts {
        large_enterprise: Some(true),
        ..own
    };
    let factored = CreditFacts {
        claims_factored: Some(true),
        ..own
    };
    assert_eq!(
        CreditRegime::classify(20, contract, &third_party).reasons(),
        [CreditReason::ThirdPartyLender]
    );
    assert_eq!(
        CreditRegime::classify(20, contract, &large).reasons(),
        [CreditReason::TooLong {
            days_after_shipment: 20,
            limit: 14
        }]
    );
    assert!(!CreditRegime::classify(14, contract, &large).is_consumer_credit());
    assert_eq!(
        CreditRegime::classify(20, contract, &factored).reasons(),
        [CreditReason::ClaimsFactored]
    );
    // The size not stated matters only beyond 14 days.
    let size_unknown = CreditFacts {
        large_enterprise: None,
        ..own
    };
    assert!(!CreditRegime::classify(14, contract, &size_unknown).is_consumer_credit());
    assert_eq!(
        CreditRegime::classify(30, contract, &size_unknown).reasons(),
        [CreditReason::SizeNotStated {
            days_after_shipment: 30
        }]
    );
    for regime in [
        CreditRegime::classify(20, contract, &third_party),
        CreditRegime::classify(20, contract, &large),
    ] {
        assert!(regime.explanation_fr().contains(CREDIT_WARNING_FR));
        assert!(regime.to_string().starts_with("consumer credit: "));
    }
}

// PAY-5, L312-4: a plan beyond three months is refused for a contract before the reform and
// classified, as a credit, after it.
#[test]
fn pay5_four_instalments_refused_before_the_reform_classified_after() -> Result {
    let four = InstalmentPolicy {
        offered_counts: vec![4],
        ..InstalmentPolicy::default()
    };
    let shipped = ymd(2026, 12, 8);
    let refused = InstalmentPlan::compute(
        &order(),
        ContractDay::new(ymd(2026, 11, 19)),
        &card(),
        4,
        shipped,
        &four,
    );
    assert!(matches!(
        refused,
        Err(PaymentError::UnlawfulPolicy {
            field: "offered_counts",
            article: "C. conso L312-4",
            ..
        })
    ));
    let plan = InstalmentPlan::compute(
        &order(),
        ContractDay::new(ymd(2026, 11, 20)),
        &card(),
        4,
        shipped,
        &four,
    )?;
    assert_eq!(plan.schedule().len(), 4);
    assert!(plan.regime().is_consumer_credit());
    Ok(())
}

// PAY-5, L312-4: a policy that claims to stay outside credit law is refused, naming the
// article, for a third-party lender, a large enterprise, factored claims or a plan past 50
// days; with its facts unstated it is an inconsistent policy.
#[test]
fn pay5_a_claim_to_stay_outside_credit_law_needs_the_facts() {
    let claim = |credit, days| InstalmentPolicy {
        outside_credit: true,
        ..spaced(days, credit)
    };
    let own = own_financing();
    assert_eq!(claim(own, 25).validate(), Ok(()));
    for (credit, days, field) in [
        (
            CreditFacts {
                lender: Lender::ThirdParty,
                ..own
            },
            25,
            "credit.lender",
        ),
        (
            CreditFacts {
                large_enterprise: Some(true),
                ..own
            },
            25,
            "credit.large_enterprise",
        ),
        (
            CreditFacts {
                claims_factored: Some(true),
                ..own
            },
            25,
            "credit.claims_factored",
        ),
        (own, 26, "offered_counts"),
    ] {
        match claim(credit, days).validate() {
            Err(PaymentError::UnlawfulPolicy {
                field: f, article, ..
            }) => {
                assert_eq!((f, article), (field, "C. conso L312-4"));
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    let unstated = claim(CreditFacts::default(), 25).validate();
    assert!(matches!(unstated, Err(PaymentError::InvalidPolicy { .. })));
    // A large enterprise selling online keeps a plan paid within 14 days outside (5°): two
    // instalments 14 days apart pass, as `classify` reads them. (A review found validation
    // refusing it.)
    let large = CreditFacts {
        large_enterprise: Some(true),
        ..own
    };
    let fortnight = InstalmentPolicy {
        offered_counts: vec![2],
        ..claim(large, 14)
    };
    assert_eq!(fortnight.validate(), Ok(()));
    assert!(
        !CreditRegime::classify(14, ContractDay::new(ymd(2026, 12, 1)), &large)
            .is_consumer_credit()
    );
}

// PAY-5, L312-4, L312-5: before the reform, an offer of plans beyond three months is no longer
// under the former exclusion: its banner carries the mention. (A review found the offer
// classified as excluded.)
#[test]
fn pay5_an_offer_beyond_three_months_before_the_reform_is_a_credit() {
    let ten = InstalmentPolicy {
        offered_counts: vec![3, 4, 10],
        ..InstalmentPolicy::default()
    };
    let before = ContractDay::new(ymd(2026, 11, 19));
    let regime = CreditRegime::of_offer(before, &ten);
    assert!(
        matches!(regime.reasons(), [CreditReason::BeyondThreeMonths { .. }]),
        "{regime:?}"
    );
    assert!(
        regime
            .banner_fr(10, ten.minimum)
            .ends_with(CREDIT_WARNING_FR)
    );
    assert_eq!(
        CreditRegime::of_offer(before, &InstalmentPolicy::default()),
        CreditRegime::FormerShortCreditExclusion
    );
    assert!(CreditRegime::classify(120, before, &CreditFacts::default()).is_consumer_credit());
    assert_eq!(
        CreditRegime::classify(92, before, &CreditFacts::default()),
        CreditRegime::FormerShortCreditExclusion
    );
}

// PAY-5, L312-5: the banner that offers a plan which is a credit carries the mention; the
// former exclusion's does not.
#[test]
fn pay5_l312_5_the_3x_banner_of_a_credit_carries_the_mention() {
    let policy = InstalmentPolicy::default();
    let now = CreditRegime::of_offer(ContractDay::new(ymd(2026, 12, 6)), &policy);
    assert_eq!(
        now.banner_fr(3, policy.minimum),
        format!("Paiement en 3x à partir de 100,00\u{a0}€ TTC. {CREDIT_WARNING_FR}")
    );
    let then = CreditRegime::of_offer(ContractDay::new(ymd(2026, 6, 1)), &policy);
    assert_eq!(
        then.banner_fr(3, policy.minimum),
        "Paiement en 3x à partir de 100,00\u{a0}€ TTC."
    );
    // Calendar months count at 31 days in an offer: +1 and +2 months may be 62 days.
    let monthly = InstalmentPolicy {
        spacing: InstalmentSpacing::CalendarMonths,
        credit: own_financing(),
        ..InstalmentPolicy::default()
    };
    assert!(
        CreditRegime::of_offer(ContractDay::new(ymd(2026, 12, 6)), &monthly).is_consumer_credit()
    );
}

// PAY-5, L312-19: the borrower's 14 days from the day after the contract, rolled on the legal
// calendar; none for a plan that is no credit.
#[test]
fn pay5_l312_19_the_borrower_withdraws_within_14_days() -> Result {
    let legal = Calendar::legal(Region::Metropolitan);
    let shipped = ymd(2026, 12, 8);
    // Concluded Sunday 6 December 2026: 14 days end Sunday 20th, rolled to Monday 21st.
    let plan = InstalmentPlan::compute(
        &order(),
        ContractDay::new(ymd(2026, 12, 6)),
        &card(),
        3,
        shipped,
        &InstalmentPolicy::default(),
    )?;
    let deadline = plan.borrower_withdrawal(&legal)?.ok_or("a credit")?;
    assert_eq!(deadline.nominal_last_day(), ymd(2026, 12, 20));
    assert_eq!(deadline.last_day(), ymd(2026, 12, 21));
    let own = InstalmentPlan::compute(
        &order(),
        ContractDay::new(ymd(2026, 12, 6)),
        &card(),
        3,
        shipped,
        &spaced(25, own_financing()),
    )?;
    assert_eq!(own.borrower_withdrawal(&legal)?, None);
    Ok(())
}

// PAY-5, L221-27: a withdrawal from the purchase ends the credit: the instalments debited
// before the notice are refunded, the later ones cancelled.
#[test]
fn pay5_l221_27_a_withdrawal_ends_the_credit() -> Result {
    let plan = InstalmentPlan::compute(
        &order(),
        ContractDay::new(ymd(2026, 12, 6)),
        &card(),
        3,
        ymd(2026, 12, 8),
        &InstalmentPolicy::default(),
    )?;
    // Due 8 December, 7 January, 6 February; notified 10 January.
    let after = plan.on_withdrawal(&Paris::at(2027, 1, 10, 9, 0, 0)?)?;
    let numbers = |items: &[comptoir_payment::Instalment]| {
        items.iter().map(|i| i.number()).collect::<Vec<_>>()
    };
    assert_eq!(numbers(after.refunded()), [1, 2]);
    assert_eq!(numbers(after.cancelled()), [3]);
    assert_eq!(after.refunded_total()?, "100.00".parse()?);
    assert!(
        after
            .message_fr()
            .contains("l'échéance 3 de 50,00\u{a0}€ est annulée"),
        "{}",
        after.message_fr()
    );
    // Notified before shipment: nothing was debited, everything is cancelled.
    let early = plan.on_withdrawal(&Paris::at(2026, 12, 7, 9, 0, 0)?)?;
    assert!(early.refunded().is_empty());
    assert_eq!(early.cancelled().len(), 3);
    Ok(())
}

mod properties {
    use super::*;
    use comptoir_payment::strategies::credit_facts;
    use proptest::prelude::*;

    fn contract_from_the_reform() -> impl Strategy<Value = ContractDay> {
        (0u64..=365 * 50).prop_map(|n| {
            ContractDay::new(
                ymd(2026, 11, 20)
                    .checked_add_days(chrono::Days::new(n))
                    .unwrap(),
            )
        })
    }

    proptest! {
        // PAY-5, L312-4: a plan financed by a third party is a credit for every contract date
        // from 2026-11-20, whatever its length and the seller's other facts.
        #[test]
        fn a_third_party_plan_is_always_a_credit_from_the_reform(
            contract in contract_from_the_reform(),
            days in 0u32..=400,
            facts in credit_facts(),
        ) {
            let facts = CreditFacts { lender: Lender::ThirdParty, ..facts };
            let regime = CreditRegime::classify(days, contract, &facts);
            prop_assert!(regime.is_consumer_credit());
            prop_assert!(regime.reasons().contains(&CreditReason::ThirdPartyLender));
        }

        // PAY-5, L312-4: any plan classified outside credit from the reform on is fully paid
        // within 50 days of its shipment.
        #[test]
        fn a_plan_outside_credit_is_paid_within_50_days_of_shipment(
            contract in contract_from_the_reform(),
            count in 2u8..=6,
            days in 1u32..=60,
            facts in credit_facts(),
            shipped_offset in 0u64..=3000,
        ) {
            let policy = InstalmentPolicy {
                offered_counts: vec![count],
                spacing: InstalmentSpacing::Days(CalendarDays::new(days)),
                credit: facts,
                ..InstalmentPolicy::default()
            };
            let shipped = ymd(2026, 12, 1).checked_add_days(chrono::Days::new(shipped_offset)).unwrap();
            let plan = InstalmentPlan::compute(&order(), contract, &card(), count, shipped, &policy);
            if let Ok(plan) = plan
                && !plan.regime().is_consumer_credit()
            {
                let last = plan.schedule().instalments().last().unwrap().due_on();
                prop_assert!((last - shipped).num_days() <= 50);
            }
        }
    }
}

// PAY-5, L221-27, L312-4: what the customer and the operator read of a regime, a reason and a
// withdrawal's effect on the plan, each case worded as it is.
#[test]
fn pay5_the_regime_s_words_and_the_plan_s_end_in_french() -> Result {
    let contract = ContractDay::new(ymd(2026, 12, 6));
    let all = CreditRegime::classify(60, contract, &CreditFacts::default());
    assert_eq!(
        all.to_string(),
        "consumer credit: the lender is not stated; factoring is not stated; the last \
         instalment falls 60 days after shipment, beyond 50"
    );
    for (reason, words) in [
        (CreditReason::ThirdPartyLender, "organisme tiers"),
        (CreditReason::LenderNotStated, "qui finance"),
        (CreditReason::ClaimsFactored, "cédée à un organisme tiers"),
        (CreditReason::FactoringNotStated, "si la créance est cédée"),
        (
            CreditReason::TooLong {
                days_after_shipment: 60,
                limit: 50,
            },
            "60 jours après l'expédition, au-delà de 50 jours",
        ),
        (
            CreditReason::SizeNotStated {
                days_after_shipment: 30,
            },
            "grande entreprise",
        ),
        (
            CreditReason::BeyondThreeMonths {
                days_after_shipment: 120,
            },
            "au-delà de trois mois",
        ),
    ] {
        assert!(
            reason.label_fr().contains(words),
            "{reason}: {}",
            reason.label_fr()
        );
    }
    assert_eq!(all.article(), "C. conso L312-1 et suivants");
    assert_eq!(
        CreditRegime::SellerDeferredPayment {
            days_after_shipment: 50
        }
        .article(),
        "C. conso L312-4 4°"
    );
    assert!(
        CreditRegime::FormerShortCreditExclusion
            .article()
            .starts_with("C. conso L312-4")
    );

    let plan = InstalmentPlan::compute(
        &order(),
        contract,
        &card(),
        3,
        ymd(2026, 12, 8),
        &InstalmentPolicy::default(),
    )?;
    // Before shipment nothing was debited: every instalment is cancelled, none refunded.
    let early = plan
        .on_withdrawal(&Paris::at(2026, 12, 7, 9, 0, 0)?)?
        .message_fr();
    assert!(!early.contains("rembours"), "{early}");
    assert!(early.contains("sont annulées"), "{early}");
    // After the first: one refunded, in the singular.
    let one = plan
        .on_withdrawal(&Paris::at(2026, 12, 20, 9, 0, 0)?)?
        .message_fr();
    assert!(
        one.contains("l'échéance 1 de 50,00\u{a0}€ vous est remboursée"),
        "{one}"
    );
    // After the last: all refunded, none cancelled.
    let late = plan
        .on_withdrawal(&Paris::at(2027, 3, 1, 9, 0, 0)?)?
        .message_fr();
    assert!(late.contains("vous sont remboursées"), "{late}");
    assert!(!late.contains("annulée"), "{late}");
    Ok(())
}
