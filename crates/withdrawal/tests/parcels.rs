//! Returned parcels nobody announced or can identify, read like the FAQ (RET-3).

use chrono::{DateTime, TimeZone};
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use comptoir_calendar::{Calendar, CalendarDays};
use comptoir_promo::ProductId;
use comptoir_withdrawal::{
    Disposal, MatchConflict, MatchKey, OrderNumber, Packaging, ParcelDecision, ParcelDescription,
    ParcelMatch, ParcelPolicy, ReturnCandidate, ReturnGround, ReturnedParcel, TrackingNumber,
    WithdrawalError,
};

fn paris(y: i32, m: u32, d: u32, h: u32) -> DateTime<Tz> {
    Paris.with_ymd_and_hms(y, m, d, h, 0, 0).single().unwrap()
}

fn order(n: &str) -> OrderNumber {
    OrderNumber::new(n).unwrap()
}

fn tracking(n: &str) -> TrackingNumber {
    TrackingNumber::new(n).unwrap()
}

fn products(ids: &[&str]) -> Vec<ProductId> {
    ids.iter().map(|p| ProductId::new(p).unwrap()).collect()
}

fn described(packaging: Option<Packaging>, marks: &[&str], ids: &[&str]) -> ParcelDescription {
    ParcelDescription::new(packaging, marks.iter().copied(), products(ids)).unwrap()
}

fn arrived() -> ReturnedParcel {
    ReturnedParcel::by_carrier(&paris(2026, 6, 15, 10))
}

/// Three orders: a withdrawal, a return agreed for after-sales, and one with nothing announced.
fn candidates() -> Vec<ReturnCandidate> {
    vec![
        ReturnCandidate::new(order("CMD-1001"), ReturnGround::Withdrawal)
            .with_tracking(tracking("6A 111 222 333 44"))
            .with_description(described(
                Some(Packaging::Box),
                &["scotch rouge"],
                &["theiere", "tasse"],
            )),
        ReturnCandidate::new(order("CMD-1002"), ReturnGround::Agreement)
            .with_description(ParcelDescription::of_products(products(&["bouilloire"]))),
        ReturnCandidate::new(order("CMD-1003"), ReturnGround::None)
            .with_description(ParcelDescription::of_products(products(&["plateau"]))),
    ]
}

fn decide(parcel: &ReturnedParcel) -> ParcelDecision {
    ParcelDecision::compute(parcel, &candidates(), &ParcelPolicy::default()).unwrap()
}

// RET-3: the order number on the parcel (written as the customer wrote it) names the order; a
// withdrawal return is processed as one.
#[test]
fn ret3_order_number_identifies_a_withdrawal_return() {
    let parcel = arrived().with_order_number(order("cmd 1001"));
    let found = ParcelMatch::compute(&parcel, &candidates(), &ParcelPolicy::default()).unwrap();
    assert_eq!(
        found,
        ParcelMatch::Identified {
            order: order("CMD1001"),
            by: MatchKey::OrderNumber
        }
    );
    let decision = decide(&parcel);
    assert_eq!(
        decision,
        ParcelDecision::ProcessWithdrawal {
            order: order("CMD1001")
        }
    );
    assert!(!decision.keeps_parcel());
    assert!(decision.message_fr().contains("CMD1001"));
}

// RET-3, REF-2: the tracking number, the proof of shipment the customer gave, identifies the
// parcel without any form; with the order number too, both are reported.
#[test]
fn ret3_tracking_number_identifies_without_a_form() {
    let parcel = arrived().with_tracking(tracking("6a111222333-44"));
    let found = ParcelMatch::compute(&parcel, &candidates(), &ParcelPolicy::default()).unwrap();
    assert_eq!(
        found,
        ParcelMatch::Identified {
            order: order("CMD1001"),
            by: MatchKey::TrackingNumber
        }
    );
    let both = parcel.with_order_number(order("CMD1001"));
    assert!(matches!(
        ParcelMatch::compute(&both, &candidates(), &ParcelPolicy::default()).unwrap(),
        ParcelMatch::Identified {
            by: MatchKey::Both,
            ..
        }
    ));
}

// RET-3: an order number naming one order and a tracking number naming another is not
// settled by picking one: both customers are contacted and the parcel is held.
#[test]
fn ret3_conflicting_references_are_ambiguous_and_held() {
    let parcel = arrived()
        .with_order_number(order("CMD1003"))
        .with_tracking(tracking("6A11122233344"));
    let found = ParcelMatch::compute(&parcel, &candidates(), &ParcelPolicy::default()).unwrap();
    assert_eq!(
        found,
        ParcelMatch::Ambiguous {
            orders: vec![order("CMD1001"), order("CMD1003")],
            conflict: MatchConflict::References,
        }
    );
    assert_eq!(found.order(), None);
    let decision = decide(&parcel);
    assert_eq!(
        decision,
        ParcelDecision::Hold {
            contact: vec![order("CMD1001"), order("CMD1003")]
        }
    );
    assert!(decision.keeps_parcel());
}

// RET-3: a tracking number two customers gave is ambiguous too.
#[test]
fn ret3_a_tracking_number_given_twice_is_ambiguous() {
    let shared = tracking("8R000000001");
    let list = [
        ReturnCandidate::new(order("A1"), ReturnGround::Withdrawal).with_tracking(shared.clone()),
        ReturnCandidate::new(order("A2"), ReturnGround::Withdrawal).with_tracking(shared.clone()),
    ];
    let parcel = arrived().with_tracking(shared);
    assert!(matches!(
        ParcelMatch::compute(&parcel, &list, &ParcelPolicy::default()).unwrap(),
        ParcelMatch::Ambiguous {
            conflict: MatchConflict::References,
            ..
        }
    ));
}

// RET-3: an order number that names no candidate identifies nothing; the description decides.
#[test]
fn ret3_an_unknown_order_number_falls_back_to_the_description() {
    let parcel = arrived()
        .with_order_number(order("CMD9999"))
        .with_description(described(None, &[], &["bouilloire"]));
    assert_eq!(
        decide(&parcel),
        ParcelDecision::ConfirmWithCustomer {
            order: order("CMD1002")
        }
    );
}

// RET-3: the FAQ's "carton, enveloppe-bulle, autocollant, type de timbre": a description
// pointing to one order is only probable, and the customer confirms before anything happens.
#[test]
fn ret3_a_description_match_waits_for_the_customer() {
    let parcel = arrived().with_description(described(
        Some(Packaging::Box),
        &["Scotch  ROUGE", "timbre Marianne"],
        &["theiere"],
    ));
    let found = ParcelMatch::compute(&parcel, &candidates(), &ParcelPolicy::default()).unwrap();
    let ParcelMatch::Probable {
        order: o,
        score,
        runner_up,
    } = &found
    else {
        panic!("{found:?}");
    };
    assert_eq!(o, &order("CMD1001"));
    assert_eq!(score.points(), 3 + 2 + 1);
    assert_eq!(*runner_up, None);
    assert!(!found.is_identified());
    let decision = decide(&parcel);
    assert_eq!(
        decision,
        ParcelDecision::ConfirmWithCustomer {
            order: order("CMD1001")
        }
    );
    assert!(decision.message_fr().contains("Confirmez"));
}

// RET-3: two orders equally likely is never settled by a guess.
#[test]
fn ret3_tied_descriptions_are_ambiguous() {
    let list = [
        ReturnCandidate::new(order("B2"), ReturnGround::None)
            .with_description(ParcelDescription::of_products(products(&["tasse"]))),
        ReturnCandidate::new(order("B1"), ReturnGround::Withdrawal)
            .with_description(ParcelDescription::of_products(products(&["tasse"]))),
    ];
    let parcel = arrived().with_description(described(None, &[], &["tasse"]));
    assert_eq!(
        ParcelMatch::compute(&parcel, &list, &ParcelPolicy::default()).unwrap(),
        ParcelMatch::Ambiguous {
            orders: vec![order("B1"), order("B2")],
            conflict: MatchConflict::TiedScores,
        }
    );
}

// RET-3: "Si le formulaire est absent et qu'aucune autre information n'est visible": nothing
// matches, the parcel is held and recorded, nobody can be told, and it is not destroyed.
#[test]
fn ret3_an_unidentified_parcel_is_held_and_never_destroyed_without_notice() {
    let parcel = arrived().with_description(described(Some(Packaging::Bag), &["étiquette"], &[]));
    let decision = decide(&parcel);
    assert_eq!(decision, ParcelDecision::Hold { contact: vec![] });
    assert!(decision.message_fr().contains("ne sera pas détruit"));

    // Whatever the policy, nobody notified means the parcel stays.
    let cal = Calendar::metropolitan();
    let policy = ParcelPolicy {
        disposal_after_notice: Some(CalendarDays::new(30)),
        ..ParcelPolicy::default()
    };
    let years_later = paris(2030, 1, 1, 12);
    assert_eq!(
        Disposal::compute(&parcel, None::<&DateTime<Tz>>, &years_later, &policy, &cal).unwrap(),
        Disposal::Keep
    );
}

// RET-3: a description below the minimum score identifies nothing.
#[test]
fn ret3_a_weak_description_identifies_nothing() {
    // Same packaging as the box of CMD1001 (2 points), nothing else: below 3.
    let parcel = arrived().with_description(described(Some(Packaging::Box), &[], &[]));
    assert_eq!(
        ParcelMatch::compute(&parcel, &candidates(), &ParcelPolicy::default()).unwrap(),
        ParcelMatch::Unidentified
    );
    let lenient = ParcelPolicy {
        min_description_score: 2,
        ..ParcelPolicy::default()
    };
    assert!(matches!(
        ParcelMatch::compute(&parcel, &candidates(), &lenient).unwrap(),
        ParcelMatch::Probable { .. }
    ));
}

// RET-3: a parcel of an order with neither a withdrawal nor an agreement is not a withdrawal:
// the customer is told and it goes back at the customer's cost.
#[test]
fn ret3_a_parcel_outside_a_withdrawal_or_agreement_is_sent_back() {
    let parcel = arrived().with_order_number(order("CMD1003"));
    let decision = decide(&parcel);
    assert_eq!(
        decision,
        ParcelDecision::SendBack {
            order: order("CMD1003")
        }
    );
    let text = decision.message_fr();
    assert!(
        text.contains("ne peut pas être traité comme une rétractation"),
        "{text}"
    );
    assert!(text.contains("à vos frais"), "{text}");
}

// RET-3: a return agreed with customer service (after-sales, a wrong item) is processed as
// agreed.
#[test]
fn ret3_an_agreed_return_is_processed() {
    let parcel = arrived().with_order_number(order("CMD1002"));
    assert_eq!(
        decide(&parcel),
        ParcelDecision::ProcessAgreedReturn {
            order: order("CMD1002")
        }
    );
}

// RET-3: "nous n'acceptons pas la remise en main propre", even for a withdrawal.
#[test]
fn ret3_goods_brought_by_hand_are_refused() {
    let parcel =
        ReturnedParcel::by_hand(&paris(2026, 6, 15, 10)).with_order_number(order("CMD1001"));
    let decision = decide(&parcel);
    assert_eq!(decision, ParcelDecision::RefuseHandDelivery);
    assert!(decision.message_fr().contains("voie postale"));
    assert_eq!(decision.order(), None);
}

// RET-3: disposal needs a policy that allows it, a notice to the sender, and the notice period
// over; the period's last day is still "keep".
#[test]
fn ret3_disposal_only_after_notice_and_its_period() {
    let cal = Calendar::metropolitan();
    let parcel = arrived();
    let notice = paris(2026, 6, 16, 9);
    // The FAQ's default: never.
    assert_eq!(
        Disposal::compute(
            &parcel,
            Some(&notice),
            &paris(2030, 1, 1, 9),
            &ParcelPolicy::default(),
            &cal
        )
        .unwrap(),
        Disposal::Keep
    );
    let policy = ParcelPolicy {
        disposal_after_notice: Some(CalendarDays::new(30)),
        ..ParcelPolicy::default()
    };
    // Notice on 16 June: 30 days end on 16 July.
    assert_eq!(
        Disposal::compute(
            &parcel,
            Some(&notice),
            &paris(2026, 7, 16, 23),
            &policy,
            &cal
        )
        .unwrap(),
        Disposal::Keep
    );
    assert_eq!(
        Disposal::compute(
            &parcel,
            Some(&notice),
            &paris(2026, 7, 17, 0),
            &policy,
            &cal
        )
        .unwrap(),
        Disposal::Allowed
    );
}

// RET-3: events out of order are typed errors.
#[test]
fn ret3_a_notice_before_the_parcel_or_a_question_before_the_notice_is_refused() {
    let cal = Calendar::metropolitan();
    let parcel = arrived();
    let policy = ParcelPolicy::default();
    let before = paris(2026, 6, 14, 10);
    let err = Disposal::compute(
        &parcel,
        Some(&before),
        &paris(2026, 7, 1, 10),
        &policy,
        &cal,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            WithdrawalError::ParcelTimeline {
                event: "the notice",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_bad_parcel_input() && err.is_bad_facts());
    let err = Disposal::compute(
        &parcel,
        Some(&paris(2026, 6, 20, 10)),
        &paris(2026, 6, 18, 10),
        &policy,
        &cal,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            WithdrawalError::ParcelTimeline {
                event: "the question",
                ..
            }
        ),
        "{err:?}"
    );
    let err =
        Disposal::compute(&parcel, None::<&DateTime<Tz>>, &before, &policy, &cal).unwrap_err();
    assert!(err.is_bad_parcel_input());
}

// RET-3: two candidates for one order is a caller's mistake, reported, not resolved.
#[test]
fn ret3_duplicate_candidates_are_refused() {
    let mut list = candidates();
    list.push(ReturnCandidate::new(order("cmd1001"), ReturnGround::None));
    let err = ParcelMatch::compute(&arrived(), &list, &ParcelPolicy::default()).unwrap_err();
    assert_eq!(
        err,
        WithdrawalError::DuplicateReturnCandidate {
            order: "CMD1001".into()
        }
    );
    assert!(!err.message_fr().is_empty());
    let zero = ParcelPolicy {
        min_description_score: 0,
        ..ParcelPolicy::default()
    };
    assert!(matches!(
        ParcelMatch::compute(&arrived(), &candidates(), &zero),
        Err(WithdrawalError::InvalidPolicy { .. })
    ));
    let no_notice_time = ParcelPolicy {
        disposal_after_notice: Some(CalendarDays::ZERO),
        ..ParcelPolicy::default()
    };
    assert!(no_notice_time.validate().is_err());
}

// RET-3: the result never depends on the order the candidates are listed in.
#[test]
fn ret3_the_candidates_order_does_not_matter() {
    let parcels = [
        arrived().with_order_number(order("CMD1002")),
        arrived().with_description(described(
            Some(Packaging::Box),
            &["scotch rouge"],
            &["tasse"],
        )),
        arrived().with_description(described(None, &[], &["plateau"])),
        arrived(),
    ];
    let forward = candidates();
    let mut backward = candidates();
    backward.reverse();
    for parcel in &parcels {
        assert_eq!(
            ParcelDecision::compute(parcel, &forward, &ParcelPolicy::default()).unwrap(),
            ParcelDecision::compute(parcel, &backward, &ParcelPolicy::default()).unwrap(),
            "{parcel:?}"
        );
    }
}

// RET-3: the policy and the parcel read back from JSON through the same checks.
#[cfg(feature = "serde")]
#[test]
fn ret3_serde_checks_what_constructors_check() {
    let policy: ParcelPolicy =
        serde_json::from_str(r#"{"min_description_score":4,"disposal_after_notice":60}"#).unwrap();
    assert_eq!(policy.disposal_after_notice, Some(CalendarDays::new(60)));
    assert!(serde_json::from_str::<ParcelPolicy>(r#"{"min_description_score":0}"#).is_err());
    assert!(serde_json::from_str::<OrderNumber>(r#""n°4""#).is_err());
    let parcel = arrived()
        .with_order_number(order("CMD1001"))
        .with_description(described(
            Some(Packaging::PaddedEnvelope),
            &["timbre"],
            &["tasse"],
        ));
    let json = serde_json::to_string(&parcel).unwrap();
    assert_eq!(
        serde_json::from_str::<ReturnedParcel>(&json).unwrap(),
        parcel
    );
    assert!(
        serde_json::from_str::<ParcelDescription>(r#"{"marks":["   "]}"#).is_err(),
        "a blank mark is refused on load as in the constructor"
    );
}
