//! The online withdrawal function (RET-1, RET-2; C. conso L221-21, D221-5): the statement,
//! its separate confirmation, the notice instant and the acknowledgement.

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::clock::Paris;
use comptoir_calendar::{Calendar, Region};
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Order, Terms};
use comptoir_promo::{Catalogue, EvaluationContext, Line, LineId, Quantity};
use comptoir_withdrawal::{
    CONFIRM_LABEL_FR, FunctionDue, NoticeTimeliness, OnlineWithdrawal, OnlineWithdrawalPolicy,
    OrderNumber, Receipt, ShownUntil, WITHDRAW_LABEL_FR, WithdrawalError, WithdrawalPolicy,
    WithdrawalStatement, WithdrawalWindows, how_to_withdraw_fr, model_notice_sentence_fr,
};

type Result = core::result::Result<(), Box<dyn std::error::Error>>;

fn order_at(validated: DateTime<chrono::FixedOffset>) -> Order {
    let context = EvaluationContext::new(validated);
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, price, units) in [("casque", "79.00", 1), ("cable", "9.90", 2)] {
        let line = Line::new(
            id.parse().unwrap(),
            id.parse().unwrap(),
            price.parse().unwrap(),
            Quantity::new(units).unwrap(),
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, "4.90".parse().unwrap()).unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(7), &terms).unwrap()
}

fn number() -> OrderNumber {
    "CMD2026".parse().unwrap()
}

fn item(id: &str, units: u32) -> (LineId, Quantity) {
    (id.parse().unwrap(), Quantity::new(units).unwrap())
}

fn statement(order: &Order, at: &DateTime<chrono::FixedOffset>) -> WithdrawalStatement {
    WithdrawalStatement::for_order(
        &number(),
        order,
        &number(),
        "Camille Martin",
        vec![item("casque", 1)],
        "camille@example.fr",
        at,
    )
    .unwrap()
}

// RET-1, L221-21: the function is required for contracts from 19 June 2026 (the Paris date of
// the validation), offered before; shown from the validation until the shop's window ends.
#[test]
fn ret1_l221_21_the_function_is_due_from_19_june_2026_until_the_window_ends() -> Result {
    let policy = OnlineWithdrawalPolicy::default();
    let before = Paris::at(2026, 6, 18, 23, 59, 59)?;
    let from = Paris::at(2026, 6, 19, 0, 0, 0)?;
    let soon = Paris::at(2026, 6, 20, 10, 0, 0)?;
    assert_eq!(
        FunctionDue::compute(&before, &soon, None, &policy)?,
        FunctionDue::Offered
    );
    assert_eq!(
        FunctionDue::compute(&from, &soon, None, &policy)?,
        FunctionDue::Required
    );
    // Received Saturday 20 June: the law's window ends Monday 6 July, the shop's 30 days
    // on Monday 20 July.
    let windows = WithdrawalWindows::compute(
        &from,
        &[Receipt::at_address(&Paris::at(2026, 6, 20, 11, 0, 0)?)],
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    let between = Paris::at(2026, 7, 10, 9, 0, 0)?;
    assert!(FunctionDue::compute(&from, &between, Some(&windows), &policy)?.is_shown());
    let law_only = OnlineWithdrawalPolicy {
        shown_until: ShownUntil::LawWindow,
        ..policy
    };
    assert_eq!(
        FunctionDue::compute(&from, &between, Some(&windows), &law_only)?,
        FunctionDue::Closed
    );
    let after = Paris::at(2026, 7, 21, 0, 0, 0)?;
    assert_eq!(
        FunctionDue::compute(&from, &after, Some(&windows), &policy)?,
        FunctionDue::Closed
    );
    assert!(matches!(
        FunctionDue::compute(&from, &before, None, &policy),
        Err(WithdrawalError::NoticeBeforeValidation { .. })
    ));
    assert_eq!(WITHDRAW_LABEL_FR, "renoncer au contrat ici");
    assert_eq!(CONFIRM_LABEL_FR, "confirmer la rétractation");
    Ok(())
}

// RET-1, REF-2: the confirmed submission is the notice: confirmed one second before the end
// of the shop's window it is on time, one second after it is late, whenever the statement
// was made.
#[test]
fn ret1_confirmed_one_second_before_and_after_the_end_of_the_period() -> Result {
    let validated = Paris::at(2026, 6, 19, 9, 0, 0)?;
    let order = order_at(validated);
    let windows = WithdrawalWindows::compute(
        &validated,
        &[Receipt::at_address(&Paris::at(2026, 6, 20, 11, 0, 0)?)],
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )?;
    let stated = Paris::at(2026, 7, 20, 23, 50, 0)?;
    let last_second = Paris::at(2026, 7, 20, 23, 59, 59)?;
    let first_late = Paris::at(2026, 7, 21, 0, 0, 0)?;
    let on_time = statement(&order, &stated).confirm(&last_second)?;
    assert_eq!(on_time.notice_at(), last_second.with_timezone(&Utc));
    assert_eq!(
        on_time.timeliness(&windows)?,
        NoticeTimeliness::WithinContractualWindow
    );
    let late = statement(&order, &stated).confirm(&first_late)?;
    assert_eq!(late.timeliness(&windows)?, NoticeTimeliness::Late);
    Ok(())
}

// RET-1, D221-5: the acknowledgement holds the statement and the date and time of the
// submission on the Paris clock, with the offset of the day: across the change to summer
// time on 29 March 2026, 01:59:59 UTC+01:00 and 03:00:00 UTC+02:00 are one second apart.
#[test]
fn ret1_d221_5_the_acknowledgement_reads_the_paris_clock_across_a_clock_change() -> Result {
    let validated = Paris::at(2026, 3, 20, 9, 0, 0)?;
    let order = order_at(validated);
    let stated = Paris::at(2026, 3, 29, 1, 30, 0)?;
    let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap();
    let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
    let winter = statement(&order, &stated).confirm(&before)?;
    let summer = statement(&order, &stated).confirm(&after)?;
    assert_eq!(
        winter.acknowledgement().submitted_at_fr()?,
        "29 mars 2026 à 1 h 59 min 59 s (heure de Paris, UTC+01:00)"
    );
    assert_eq!(
        summer.acknowledgement().submitted_at_fr()?,
        "29 mars 2026 à 3 h 00 min 00 s (heure de Paris, UTC+02:00)"
    );
    let text = summer.acknowledgement().text_fr()?;
    for part in [
        "Camille Martin",
        "CMD2026",
        "article casque, quantité 1",
        "camille@example.fr",
        "29 mars 2026 à 3 h 00 min 00 s",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert_eq!(summer.acknowledgement().to(), "camille@example.fr");
    Ok(())
}

// RET-1, L221-21: a statement without a name, without an address, without items, for another
// order or for items not in it is refused, nothing made; a confirmation before its statement
// or twice is refused, the state unchanged.
#[test]
fn ret1_bad_statements_and_confirmations_are_typed_errors() -> Result {
    let validated = Paris::at(2026, 7, 1, 9, 0, 0)?;
    let order = order_at(validated);
    let at = Paris::at(2026, 7, 3, 9, 0, 0)?;
    let make = |stated: &str, name: &str, items, email: &str| {
        WithdrawalStatement::for_order(
            &number(),
            &order,
            &stated.parse().unwrap(),
            name,
            items,
            email,
            &at,
        )
    };
    for (stated, name, items, email) in [
        (
            "CMD2026",
            "  ",
            vec![item("casque", 1)],
            "camille@example.fr",
        ),
        ("CMD2026", "Camille", vec![item("casque", 1)], "camille"),
        ("CMD2026", "Camille", vec![], "camille@example.fr"),
        (
            "CMD2026",
            "Camille",
            vec![item("souris", 1)],
            "camille@example.fr",
        ),
        (
            "CMD2026",
            "Camille",
            vec![item("cable", 3)],
            "camille@example.fr",
        ),
        (
            "CMD2026",
            "Camille",
            vec![item("cable", 1), item("cable", 1)],
            "camille@example.fr",
        ),
    ] {
        let err = make(stated, name, items, email).unwrap_err();
        assert!(
            matches!(err, WithdrawalError::InvalidStatement { .. }),
            "{err}"
        );
        assert!(err.is_bad_statement());
        assert!(!err.message_fr().is_empty());
    }
    let other = make(
        "CMD9999",
        "Camille",
        vec![item("casque", 1)],
        "c@example.fr",
    )
    .unwrap_err();
    assert!(matches!(
        other,
        WithdrawalError::StatementForAnotherOrder { .. }
    ));
    let early = WithdrawalStatement::for_order(
        &number(),
        &order,
        &number(),
        "Camille",
        vec![item("casque", 1)],
        "c@example.fr",
        &Paris::at(2026, 6, 30, 9, 0, 0)?,
    );
    assert!(matches!(
        early,
        Err(WithdrawalError::NoticeBeforeValidation { .. })
    ));

    let mut stored = OnlineWithdrawal::Stated(statement(&order, &at));
    assert_eq!(stored.notice_at(), Err(WithdrawalError::NotConfirmed));
    let too_soon = stored.confirm(&Paris::at(2026, 7, 3, 8, 59, 59)?);
    assert!(matches!(
        too_soon,
        Err(WithdrawalError::ConfirmationBeforeStatement { .. })
    ));
    assert!(stored.confirmed().is_none(), "the state is unchanged");
    let confirmed_at = Paris::at(2026, 7, 3, 9, 2, 0)?;
    stored.confirm(&confirmed_at)?;
    let again = stored.confirm(&Paris::at(2026, 7, 3, 9, 5, 0)?);
    assert!(matches!(
        again,
        Err(WithdrawalError::AlreadyConfirmed { .. })
    ));
    assert_eq!(stored.notice_at()?, confirmed_at.with_timezone(&Utc));
    Ok(())
}

// RET-1, L221-21: an instant equal to the one before it is on time: the function is shown at
// the validation itself, a statement made then is for the order, a confirmation at the
// statement's instant is the notice; an address needs a user and a dotted host.
#[test]
fn ret1_equal_instants_are_on_time_and_addresses_are_whole() -> Result {
    let validated = Paris::at(2026, 7, 1, 9, 0, 0)?;
    let policy = OnlineWithdrawalPolicy::default();
    let due = FunctionDue::compute(&validated, &validated, None, &policy)?;
    assert_eq!(due, FunctionDue::Required);
    assert_eq!(due.to_string(), "required");
    assert_eq!(
        FunctionDue::compute(&Paris::at(2026, 6, 1, 9, 0, 0)?, &validated, None, &policy)?
            .to_string(),
        "offered (not required for this contract)"
    );
    assert!(!FunctionDue::Closed.is_shown());
    assert_eq!(FunctionDue::Closed.to_string(), "closed");

    let order = order_at(validated);
    let stated = statement(&order, &validated);
    let confirmed = stated.confirm(&validated)?;
    assert_eq!(confirmed.notice_at(), validated.with_timezone(&Utc));

    for email in [
        "camille@examplefr",
        "@example.fr",
        "camille@example.",
        "camille",
    ] {
        let made = WithdrawalStatement::for_order(
            &number(),
            &order,
            &number(),
            "Camille",
            vec![item("casque", 1)],
            email,
            &validated,
        );
        assert!(
            matches!(made, Err(WithdrawalError::InvalidStatement { .. })),
            "{email}"
        );
    }
    Ok(())
}

// RET-2, L221-18, L221-21: a policy that asks for a reason, a signature or the form is
// refused, naming the article; the messages point to the online function first, the form
// optional.
#[test]
fn ret2_the_function_asks_for_nothing_more() {
    for (policy, field) in [
        (
            OnlineWithdrawalPolicy {
                asks_reason: true,
                ..OnlineWithdrawalPolicy::default()
            },
            "online.asks_reason",
        ),
        (
            OnlineWithdrawalPolicy {
                asks_signature: true,
                ..OnlineWithdrawalPolicy::default()
            },
            "online.asks_signature",
        ),
        (
            OnlineWithdrawalPolicy {
                requires_form: true,
                ..OnlineWithdrawalPolicy::default()
            },
            "online.requires_form",
        ),
    ] {
        match policy.validate() {
            Err(WithdrawalError::UnlawfulPolicy { field: f, .. }) => assert_eq!(f, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(OnlineWithdrawalPolicy::default().validate(), Ok(()));
    let how = how_to_withdraw_fr(true);
    assert!(
        how.starts_with("Pour vous rétracter, utilisez la fonction « renoncer au contrat ici »")
    );
    assert!(how.contains("facultatif"));
    assert!(!how_to_withdraw_fr(false).contains("formulaire"));
    assert!(
        model_notice_sentence_fr("dans votre espace client")
            .contains("« renoncer au contrat ici » accessible dans votre espace client")
    );
}

#[cfg(feature = "serde")]
mod stored {
    use super::*;

    fn stated_again(
        order: &Order,
    ) -> core::result::Result<OnlineWithdrawal, Box<dyn std::error::Error>> {
        Ok(OnlineWithdrawal::Stated(statement(
            order,
            &Paris::at(2026, 7, 3, 9, 0, 0)?,
        )))
    }

    // RET-1: a statement on its way and a confirmed one read back; a stored confirmation
    // before its statement, or a stored policy asking for a reason, is refused when read.
    #[test]
    fn ret1_online_withdrawals_round_trip_and_are_checked_when_read() -> Result {
        let validated = Paris::at(2026, 7, 1, 9, 0, 0)?;
        let order = order_at(validated);
        let stated = OnlineWithdrawal::Stated(statement(&order, &Paris::at(2026, 7, 3, 9, 0, 0)?));
        let mut confirmed = stated.clone();
        confirmed.confirm(&Paris::at(2026, 7, 3, 9, 1, 0)?)?;
        for value in [stated, confirmed.clone()] {
            let json = serde_json::to_string(&value)?;
            assert_eq!(serde_json::from_str::<OnlineWithdrawal>(&json)?, value);
        }
        let mut json = serde_json::to_value(&confirmed)?;
        json["confirmed"]["submitted_at"] = "2026-07-01T00:00:00Z".into();
        assert!(serde_json::from_value::<OnlineWithdrawal>(json).is_err());
        let mut json = serde_json::to_value(&confirmed)?;
        json["confirmed"]["statement"]["email"] = "nobody".into();
        assert!(serde_json::from_value::<OnlineWithdrawal>(json).is_err());
        // A statement on its way is read through the same checks. (A review found a blank
        // name, no items and no address accepted there.)
        let blank = serde_json::json!({"stated": {
            "customer_name": "   ", "order": "X", "items": [], "email": "nope",
            "stated_at": "2026-07-01T10:00:00Z"
        }});
        assert!(serde_json::from_value::<OnlineWithdrawal>(blank).is_err());
        let mut untrimmed = serde_json::to_value(&stated_again(&order)?)?;
        untrimmed["stated"]["customer_name"] = " Camille Martin ".into();
        assert!(serde_json::from_value::<OnlineWithdrawal>(untrimmed).is_err());
        let err =
            serde_json::from_str::<OnlineWithdrawalPolicy>(r#"{"asks_reason":true}"#).unwrap_err();
        assert!(err.to_string().contains("L221-18"), "{err}");
        assert!(
            serde_json::from_str::<OnlineWithdrawalPolicy>(r#"{"shown_untill":"law_window"}"#)
                .is_err()
        );
        Ok(())
    }

    // RET-1, L221-28: the exceptions recorded with an order read back, checked as `new`
    // checks them.
    #[test]
    fn ret1_l221_28_stored_exceptions_round_trip_and_are_checked() -> Result {
        use comptoir_withdrawal::{OrderExceptions, WithdrawalException};
        let exceptions = OrderExceptions::new(
            true,
            [
                ("ecouteurs".parse()?, WithdrawalException::HygieneSealed),
                ("jeu".parse()?, WithdrawalException::SealedRecording),
            ],
        )?;
        let json = serde_json::to_string(&exceptions)?;
        assert_eq!(serde_json::from_str::<OrderExceptions>(&json)?, exceptions);
        let twice = r#"{"told_before_validation":true,"items":[["x","personalised"],["x","hygiene_sealed"]]}"#;
        assert!(serde_json::from_str::<OrderExceptions>(twice).is_err());
        assert!(serde_json::from_str::<OrderExceptions>(r#"{"told":true}"#).is_err());
        assert_eq!(
            serde_json::from_str::<OrderExceptions>("{}")?,
            OrderExceptions::none()
        );
        Ok(())
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // RET-1, D221-5: every acknowledged statement was confirmed, and its notice instant is
        // the confirmation's, never the statement's.
        #[test]
        fn every_acknowledged_statement_was_confirmed_at_its_notice(
            stated_after in 0i64..86_400 * 60,
            confirmed_after in -3_600i64..86_400,
        ) {
            let validated = Paris::at(2026, 7, 1, 9, 0, 0).unwrap();
            let order = order_at(validated);
            let stated = validated + chrono::TimeDelta::seconds(stated_after);
            let confirmed = stated + chrono::TimeDelta::seconds(confirmed_after);
            let mut stored = OnlineWithdrawal::Stated(statement(&order, &stated));
            prop_assert!(stored.notice_at().is_err());
            match stored.confirm(&confirmed) {
                Ok(c) => {
                    prop_assert!(confirmed_after >= 0);
                    prop_assert_eq!(c.notice_at(), confirmed.with_timezone(&Utc));
                    prop_assert!(c.acknowledgement().text_fr().is_ok());
                }
                Err(e) => {
                    prop_assert!(confirmed_after < 0);
                    prop_assert!(e.is_bad_statement());
                    prop_assert!(stored.confirmed().is_none());
                }
            }
        }
    }
}
