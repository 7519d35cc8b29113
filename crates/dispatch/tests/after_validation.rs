//! After validation as the FAQ and the law tell it: unavailable products, busy periods and
//! incidents (DISP-4), parcels, wrong and missing items (DISP-5), receipt (SHIP-2), the
//! delivery deadline (L216-1, L216-6), and every bad input refused without a change.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use comptoir_calendar::{BusinessDays, Calendar, DayWindow};
use comptoir_cart::{
    Cart, ColissimoDestination, CustomerId, Delivery, DeliveryService, Order, Terms,
};
use comptoir_dispatch::*;
use comptoir_promo::{Catalogue, EvaluationContext, Line, LineRef, Quantity};

fn at(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Paris
        .with_ymd_and_hms(2026, m, d, h, min, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn ymd(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn item(id: &str) -> LineRef {
    LineRef::Item(id.parse().unwrap())
}

fn q(n: u32) -> Quantity {
    Quantity::new(n).unwrap()
}

fn pid(s: &str) -> ParcelId {
    s.parse().unwrap()
}

/// A teapot, two teas and two cups, validated on Monday 1 June 2026 at 10:00.
fn order(service: DeliveryService) -> Order {
    let context = EvaluationContext::new(at(6, 1, 10, 0));
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, product, price, n) in [
        ("teapot", "theiere-fonte", "34.90", 1),
        ("tea", "the-vert", "8.50", 2),
        ("cup", "tasse", "12.00", 2),
    ] {
        let line = Line::new(
            id.parse().unwrap(),
            product.parse().unwrap(),
            price.parse().unwrap(),
            q(n),
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    cart.choose_delivery(
        Delivery::new(service, "4.90".parse().unwrap()).unwrap(),
        &terms,
    )
    .unwrap();
    cart.validate(CustomerId::new(42), &terms).unwrap()
}

fn colissimo() -> Order {
    order(DeliveryService::Colissimo(ColissimoDestination::Home))
}

fn track(f: &mut Fulfilment, parcel: &str, kind: TrackingKind, when: DateTime<Utc>) {
    f.track(&pid(parcel), TrackingEvent::new(kind, &when))
        .unwrap();
}

// DISP-4, REF-4: a product unavailable at preparation: the customer is told by e-mail and
// chooses; a refund cancels the units, the rest of the order goes on.
#[test]
fn disp4_unavailable_product_refunded_leaves_the_rest_of_the_order() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    let notice = f
        .report_unavailable(&item("cup"), q(2), &at(6, 2, 9, 0))
        .unwrap();
    assert_eq!(notice.units(), q(2));
    let text = notice.message_fr();
    assert!(
        text.starts_with("Le produit « tasse » (2 exemplaires) de votre commande est indisponible")
    );
    assert!(text.contains("patienter jusqu'à son réapprovisionnement"));
    assert!(text.contains("demander son remboursement"));
    // Lawful: nothing about a withdrawal waiting for receipt.
    assert!(!text.contains("rétract"));
    assert_eq!(f.line(&item("cup")).unwrap().unavailable(), 2);

    let cancelled = f
        .refund_unavailable(&item("cup"), &at(6, 2, 18, 0))
        .unwrap();
    assert_eq!(cancelled.reason(), CancelReason::Unavailable);
    assert_eq!(cancelled.units(), &[(item("cup"), q(2))]);
    assert_eq!(f.line(&item("cup")).unwrap().cancelled(), 2);

    // Everything else ships in one parcel; the order has then shipped in full.
    f.pack(
        pid("P1"),
        [(item("teapot"), q(1)), (item("tea"), q(2))],
        &at(6, 3, 9, 0),
    )
    .unwrap();
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 3, 15, 0));
    assert_eq!(f.shipped_in_full_at(), Some(at(6, 3, 15, 0)));
    // A cancelled line takes no parcel.
    assert_eq!(
        f.pack(pid("P2"), [(item("cup"), q(1))], &at(6, 3, 16, 0)),
        Err(DispatchError::LineCancelled { line: "cup".into() })
    );
}

// DISP-4: waiting for the restock keeps the units in the order, with a new expected dispatch
// counted from the restock; the debit waits for them (PAY-3).
#[test]
fn disp4_waiting_for_the_restock_gives_a_new_expected_dispatch() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.report_unavailable(&item("cup"), q(1), &at(6, 2, 9, 0))
        .unwrap();
    // Restock expected on Monday 8 June at 08:00: taken that day, out on 9 to 10 June, at
    // the latest 11 June.
    let wait = f
        .wait_for_restock(&item("cup"), Some(at(6, 8, 8, 0)), &at(6, 2, 12, 0))
        .unwrap();
    let schedule = wait
        .schedule(&DispatchPolicy::default(), &Calendar::metropolitan())
        .unwrap()
        .unwrap();
    assert_eq!(schedule.taken_into_account(), ymd(6, 8));
    assert_eq!(
        schedule.expected_dispatch().to_string(),
        "2026-06-09/2026-06-10"
    );
    assert_eq!(schedule.dispatch_by(), ymd(6, 11));

    // One cup, the teapot and the teas leave now; the order has not shipped in full.
    f.pack(
        pid("P1"),
        [
            (item("teapot"), q(1)),
            (item("tea"), q(2)),
            (item("cup"), q(1)),
        ],
        &at(6, 3, 9, 0),
    )
    .unwrap();
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 3, 15, 0));
    assert_eq!(f.shipped_in_full_at(), None);
    track(
        &mut f,
        "P1",
        TrackingKind::DeliveredToLetterbox,
        at(6, 4, 11, 0),
    );
    // DISP-5: another parcel is still to come, and the customer can be told.
    assert_eq!(
        f.progress(),
        Progress::PartlyReceived {
            received: 1,
            units_to_come: 1
        }
    );
    assert_eq!(
        f.progress().message_fr(),
        "Une partie de votre commande vous a été livrée : un autre colis est encore à venir."
    );
    // Two cups asked for in a parcel that carried one: refused, the second is awaited.
    let missing = f
        .report_missing(&pid("P1"), &item("cup"), q(2), &at(6, 4, 12, 0))
        .unwrap_err();
    assert!(matches!(
        missing,
        DispatchError::MoreUnitsThanCarried { .. }
    ));

    f.restocked(&item("cup"), &at(6, 8, 8, 0)).unwrap();
    f.pack(pid("P2"), [(item("cup"), q(1))], &at(6, 9, 9, 0))
        .unwrap();
    track(&mut f, "P2", TrackingKind::Dispatched, at(6, 9, 16, 0));
    assert_eq!(f.shipped_in_full_at(), Some(at(6, 9, 16, 0)));
}

// DISP-4: the choices need an unavailability; the restock cannot be expected in the past;
// the choice may change from waiting to the refund.
#[test]
fn disp4_choices_follow_the_unavailability() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    let before = f.clone();
    assert_eq!(
        f.refund_unavailable(&item("cup"), &at(6, 2, 9, 0)),
        Err(DispatchError::NothingUnavailable { line: "cup".into() })
    );
    assert_eq!(
        f.restocked(&item("cup"), &at(6, 2, 9, 0)),
        Err(DispatchError::NothingAwaitingRestock { line: "cup".into() })
    );
    assert_eq!(f, before);
    f.report_unavailable(&item("cup"), q(2), &at(6, 2, 9, 0))
        .unwrap();
    assert!(matches!(
        f.wait_for_restock(&item("cup"), Some(at(6, 1, 9, 0)), &at(6, 2, 10, 0)),
        Err(DispatchError::RestockBeforeChoice { .. })
    ));
    f.wait_for_restock(&item("cup"), None, &at(6, 2, 10, 0))
        .unwrap();
    let cancelled = f
        .refund_unavailable(&item("cup"), &at(6, 5, 10, 0))
        .unwrap();
    assert_eq!(cancelled.units(), &[(item("cup"), q(2))]);
}

// DISP-4: more units than the order holds, a line it does not have, an incident on a
// cancelled line: typed errors that change nothing.
#[test]
fn disp4_bad_input_is_refused_without_a_change() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.report_unavailable(&item("teapot"), q(1), &at(6, 2, 9, 0))
        .unwrap();
    f.refund_unavailable(&item("teapot"), &at(6, 2, 10, 0))
        .unwrap();
    let before = f.clone();
    assert_eq!(
        f.report_unavailable(&item("tea"), q(3), &at(6, 2, 11, 0)),
        Err(DispatchError::MoreUnitsThanPending {
            line: "tea".into(),
            asked: 3,
            pending: 2
        })
    );
    assert_eq!(
        f.report_unavailable(&item("kettle"), q(1), &at(6, 2, 11, 0)),
        Err(DispatchError::UnknownLine {
            line: "kettle".into()
        })
    );
    let incident = Incident::new(
        IncidentKind::Anomaly,
        "adresse incomplète",
        &at(6, 2, 11, 0),
    )
    .unwrap()
    .concerning([item("teapot")]);
    assert_eq!(
        f.report_incident(incident),
        Err(DispatchError::LineCancelled {
            line: "teapot".into()
        })
    );
    // An event earlier than the last one, or before the order, is refused too.
    assert!(matches!(
        f.report_unavailable(&item("tea"), q(1), &at(6, 2, 9, 30)),
        Err(DispatchError::EventBeforePrevious { .. })
    ));
    assert_eq!(f, before);
    let mut fresh = Fulfilment::new(&order);
    assert!(matches!(
        fresh.report_unavailable(&item("tea"), q(1), &at(5, 31, 9, 0)),
        Err(DispatchError::EventBeforeValidation { .. })
    ));
}

// DISP-4: an incident is a typed status with its reason, open until resolved.
#[test]
fn disp4_incidents_are_typed_with_their_reason() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    let incident = Incident::new(
        IncidentKind::TechnicalIncident,
        "panne du système d'étiquetage",
        &at(6, 2, 9, 0),
    )
    .unwrap();
    let id = f.report_incident(incident).unwrap();
    let open: Vec<_> = f.open_incidents().collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].1.kind(), IncidentKind::TechnicalIncident);
    assert_eq!(
        open[0].1.message_fr(),
        "Votre commande est retardée par un incident technique (panne du système \
         d'étiquetage) : nos équipes s'en occupent."
    );
    f.resolve_incident(id, &at(6, 2, 14, 0)).unwrap();
    assert_eq!(f.open_incidents().count(), 0);
    assert_eq!(
        f.resolve_incident(id, &at(6, 2, 15, 0)),
        Err(DispatchError::UnknownIncident { incident: 0 })
    );
}

// DISP-4: Christmas lengthens preparation and the promise by the declared amount, and the
// customer is told why; an order taken after the period is not lengthened.
#[test]
fn disp4_a_busy_period_lengthens_the_schedule_and_says_why() {
    let christmas = PeakPeriod::new(
        "Noël",
        DayWindow::new(ymd(12, 1), ymd(12, 24)).unwrap(),
        Lengthening::new(BusinessDays::new(2), BusinessDays::new(3)).unwrap(),
    )
    .unwrap();
    let summer = PeakPeriod::new(
        "période estivale",
        DayWindow::new(ymd(7, 1), ymd(8, 31)).unwrap(),
        Lengthening::new(BusinessDays::new(1), BusinessDays::new(1)).unwrap(),
    )
    .unwrap();
    let peaks = PeakPeriods::new([christmas, summer]).unwrap();
    let cal = Calendar::metropolitan();
    let policy = DispatchPolicy::default();
    // Thursday 24 December 2026, 10:00: the last day of the period.
    let forecast = DispatchForecast::compute(&at(12, 24, 10, 0), &policy, &peaks, &cal).unwrap();
    assert_eq!(forecast.peak().map(PeakPeriod::name), Some("Noël"));
    // T = 24 Dec; T+3..T+4 = 30 and 31 Dec (25 Dec is closed), by T+6 = 5 Jan 2027.
    assert_eq!(
        forecast.schedule().expected_dispatch().to_string(),
        "2026-12-30/2026-12-31"
    );
    assert_eq!(
        forecast.schedule().dispatch_by(),
        NaiveDate::from_ymd_opt(2027, 1, 5).unwrap()
    );
    assert!(forecast.message_fr().starts_with(
        "En raison de la période de forte activité « Noël », votre commande sera expédiée"
    ));
    // 11:00 on the 24th is after the cutoff: taken on Monday 28, out of the period.
    let after = DispatchForecast::compute(&at(12, 24, 11, 0), &policy, &peaks, &cal).unwrap();
    assert!(!after.is_lengthened());
    assert_eq!(
        after.schedule(),
        DispatchSchedule::compute(&at(12, 24, 11, 0), &policy, &cal).unwrap()
    );
    assert!(
        after
            .message_fr()
            .starts_with("Votre commande sera expédiée")
    );
}

// DISP-5, SHIP-2: two parcels, one held at the post office; receipt is the collection, the
// arrival is kept apart; the order is received when the last parcel is collected.
#[test]
fn ship2_two_parcels_one_held_at_the_post_office() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(
        pid("6A001"),
        [(item("teapot"), q(1)), (item("tea"), q(2))],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    f.pack(pid("6A002"), [(item("cup"), q(2))], &at(6, 2, 9, 5))
        .unwrap();
    assert_eq!(f.progress(), Progress::InPreparation);
    track(&mut f, "6A001", TrackingKind::Dispatched, at(6, 2, 16, 0));
    track(&mut f, "6A002", TrackingKind::Dispatched, at(6, 2, 16, 0));
    assert_eq!(f.shipped_in_full_at(), Some(at(6, 2, 16, 0)));
    assert_eq!(f.progress(), Progress::OnTheWay { parcels: 2 });
    assert_eq!(
        f.progress().message_fr(),
        "Votre commande a été expédiée en 2 colis."
    );
    track(
        &mut f,
        "6A001",
        TrackingKind::DeliveredToLetterbox,
        at(6, 3, 11, 0),
    );
    track(
        &mut f,
        "6A002",
        TrackingKind::HeldAtPostOffice,
        at(6, 3, 12, 0),
    );
    assert!(matches!(f.progress(), Progress::PartlyReceived { .. }));
    assert_eq!(f.received_at(), None);
    track(&mut f, "6A002", TrackingKind::Collected, at(6, 6, 10, 30));

    let receipts = f.receipts();
    assert_eq!(receipts.len(), 2);
    assert_eq!(receipts[0].arrived_at(), at(6, 3, 11, 0));
    assert_eq!(receipts[0].possession_at(), Some(at(6, 3, 11, 0)));
    assert_eq!(receipts[1].drop_point(), DropPoint::PostOffice);
    assert_eq!(receipts[1].arrived_at(), at(6, 3, 12, 0));
    assert_eq!(receipts[1].possession_at(), Some(at(6, 6, 10, 30)));
    assert_eq!(f.received_at(), Some(at(6, 6, 10, 30)));
    assert_eq!(
        f.progress().message_fr(),
        "Votre commande vous a été livrée le samedi 6 juin 2026."
    );
}

// SHIP-2: a parcel collected before it was dispatched, or before it reached the post
// office, is refused; so is a relay point on a Colissimo order, and a letterbox on Pickup.
#[test]
fn ship2_tracking_out_of_order_is_refused_without_a_change() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(pid("P1"), [(item("teapot"), q(1))], &at(6, 2, 9, 0))
        .unwrap();
    let before = f.clone();
    assert_eq!(
        f.track(
            &pid("P1"),
            TrackingEvent::new(TrackingKind::Collected, &at(6, 3, 9, 0))
        ),
        Err(DispatchError::TrackingOutOfOrder {
            parcel: "P1".into(),
            event: "collected",
            state: "packed"
        })
    );
    assert!(matches!(
        f.track(
            &pid("P9"),
            TrackingEvent::new(TrackingKind::Dispatched, &at(6, 3, 9, 0))
        ),
        Err(DispatchError::UnknownParcel { .. })
    ));
    assert_eq!(f, before);
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 2, 16, 0));
    assert!(matches!(
        f.track(
            &pid("P1"),
            TrackingEvent::new(TrackingKind::ArrivedAtRelayPoint, &at(6, 3, 9, 0))
        ),
        Err(DispatchError::WrongServiceEvent { .. })
    ));
    // A dispatch scan earlier than the last event is refused as out of order in time.
    assert!(matches!(
        f.track(
            &pid("P1"),
            TrackingEvent::new(TrackingKind::DeliveredToLetterbox, &at(6, 2, 8, 0))
        ),
        Err(DispatchError::EventBeforePrevious { .. })
    ));

    let pickup = order_for_pickup();
    let mut f = Fulfilment::new(&pickup);
    f.pack(pid("R1"), [(item("teapot"), q(1))], &at(6, 2, 9, 0))
        .unwrap();
    track(&mut f, "R1", TrackingKind::Dispatched, at(6, 2, 16, 0));
    assert!(matches!(
        f.track(
            &pid("R1"),
            TrackingEvent::new(TrackingKind::DeliveredToLetterbox, &at(6, 3, 9, 0))
        ),
        Err(DispatchError::WrongServiceEvent { .. })
    ));
    track(
        &mut f,
        "R1",
        TrackingKind::ArrivedAtRelayPoint,
        at(6, 4, 9, 0),
    );
    track(&mut f, "R1", TrackingKind::Collected, at(6, 8, 18, 0));
    let receipt = f.parcel(&pid("R1")).unwrap().receipt().unwrap();
    assert_eq!(receipt.drop_point(), DropPoint::RelayPoint);
    assert_eq!(receipt.possession_at(), Some(at(6, 8, 18, 0)));
}

fn order_for_pickup() -> Order {
    order(DeliveryService::Pickup)
}

// DISP-5, L216-4: a parcel lost before the customer had it is the shop's risk: it sends the
// items again, or refunds them; lost after possession, it is refused.
#[test]
fn disp5_a_lost_parcel_is_reshipped_or_refunded() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(pid("P1"), [(item("teapot"), q(1))], &at(6, 2, 9, 0))
        .unwrap();
    f.pack(
        pid("P2"),
        [(item("tea"), q(2)), (item("cup"), q(2))],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    for p in ["P1", "P2"] {
        track(&mut f, p, TrackingKind::Dispatched, at(6, 2, 16, 0));
    }
    track(&mut f, "P1", TrackingKind::Lost, at(6, 5, 9, 0));
    track(
        &mut f,
        "P2",
        TrackingKind::HeldAtPostOffice,
        at(6, 5, 10, 0),
    );
    track(&mut f, "P2", TrackingKind::Lost, at(6, 6, 10, 0));
    assert!(f.parcel(&pid("P1")).unwrap().is_loss_pending());
    assert_eq!(f.line(&item("teapot")).unwrap().in_parcels(), 1);

    let reshipped = f
        .settle_loss(&pid("P1"), Resolution::Reship(pid("P3")), &at(6, 6, 11, 0))
        .unwrap();
    assert_eq!(reshipped, Settlement::Reshipped(pid("P3")));
    assert_eq!(
        f.parcel(&pid("P3")).unwrap().contents(),
        &[(item("teapot"), q(1))]
    );
    assert_eq!(
        f.settle_loss(&pid("P1"), Resolution::Refund, &at(6, 6, 12, 0)),
        Err(DispatchError::NotLost {
            parcel: "P1".into()
        })
    );
    let Settlement::Refunded(refunded) = f
        .settle_loss(&pid("P2"), Resolution::Refund, &at(6, 6, 12, 0))
        .unwrap()
    else {
        panic!("refund expected");
    };
    assert_eq!(refunded.reason(), CancelReason::LostParcel);
    assert_eq!(
        refunded.units(),
        &[(item("tea"), q(2)), (item("cup"), q(2))]
    );

    track(&mut f, "P3", TrackingKind::Dispatched, at(6, 7, 9, 0));
    track(
        &mut f,
        "P3",
        TrackingKind::DeliveredToLetterbox,
        at(6, 8, 9, 0),
    );
    assert_eq!(
        f.track(
            &pid("P3"),
            TrackingEvent::new(TrackingKind::Lost, &at(6, 9, 9, 0))
        ),
        Err(DispatchError::RiskPassed {
            parcel: "P3".into()
        })
    );
    assert_eq!(f.received_at(), Some(at(6, 8, 9, 0)));
}

// DISP-5: a wrong product is taken back at the shop's cost and the ordered one sent again
// or refunded; it is no withdrawal: the ordered item's receipt is the new parcel's.
#[test]
fn disp5_a_wrong_item_is_reshipped_and_its_receipt_is_the_new_parcels() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(
        pid("P1"),
        [
            (item("teapot"), q(1)),
            (item("tea"), q(2)),
            (item("cup"), q(2)),
        ],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 2, 16, 0));
    track(
        &mut f,
        "P1",
        TrackingKind::DeliveredToLetterbox,
        at(6, 3, 11, 0),
    );
    assert_eq!(f.received_at(), Some(at(6, 3, 11, 0)));

    let claim = f
        .report_wrong_item(&pid("P1"), &item("teapot"), q(1), &at(6, 3, 18, 0))
        .unwrap()
        .clone();
    assert_eq!(claim.kind(), ClaimKind::WrongItem);
    assert!(claim.message_fr().contains("Nous le reprenons à nos frais"));
    assert!(claim.message_fr().contains("n'est pas une rétractation"));
    // The teapot is not received any more: the order is not delivered in full.
    assert_eq!(f.received_at(), None);
    assert_eq!(f.line(&item("teapot")).unwrap().claimed(), 1);

    let settlement = f
        .settle_claim(claim.id(), Resolution::Reship(pid("P2")), &at(6, 4, 9, 0))
        .unwrap();
    assert_eq!(settlement, Settlement::Reshipped(pid("P2")));
    assert_eq!(
        f.settle_claim(claim.id(), Resolution::Refund, &at(6, 4, 10, 0)),
        Err(DispatchError::ClaimSettled { claim: 0 })
    );
    track(&mut f, "P2", TrackingKind::Dispatched, at(6, 4, 16, 0));
    track(
        &mut f,
        "P2",
        TrackingKind::DeliveredToLetterbox,
        at(6, 5, 11, 0),
    );
    // The withdrawal period counts from the receipt of the ordered teapot.
    assert_eq!(f.received_at(), Some(at(6, 5, 11, 0)));
    assert_eq!(
        f.receipts().last().and_then(ParcelReceipt::possession_at),
        Some(at(6, 5, 11, 0))
    );
}

// DISP-5: a missing item is routed: another parcel to come, unavailable, or lost from the
// parcel (the shop's risk, a claim to settle).
#[test]
fn disp5_a_missing_item_is_routed() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.report_unavailable(&item("cup"), q(2), &at(6, 2, 8, 0))
        .unwrap();
    f.pack(
        pid("P1"),
        [(item("teapot"), q(1)), (item("tea"), q(1))],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    f.pack(pid("P2"), [(item("tea"), q(1))], &at(6, 2, 9, 0))
        .unwrap();
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 2, 16, 0));
    track(
        &mut f,
        "P1",
        TrackingKind::DeliveredToLetterbox,
        at(6, 3, 11, 0),
    );

    // Two teas missing from P1, which carried one: refused, the other is in P2.
    let route = f
        .report_missing(&pid("P1"), &item("tea"), q(2), &at(6, 3, 12, 0))
        .unwrap_err();
    assert!(matches!(route, DispatchError::MoreUnitsThanCarried { .. }));
    let mut g = f.clone();
    let answer = g
        .report_missing(&pid("P1"), &item("cup"), q(1), &at(6, 3, 12, 0))
        .unwrap();
    assert_eq!(
        answer,
        MissingItem::Unavailable {
            awaiting_choice: 2,
            awaiting_restock: 0,
            cancelled: 0
        }
    );
    assert!(answer.message_fr().contains("indisponible"));
    // Saying where an item is changes nothing, not even the last event's instant.
    assert_eq!(g, f);

    // The teapot was in P1 and is not there: lost from the parcel, a claim.
    let lost = f
        .report_missing(&pid("P1"), &item("teapot"), q(1), &at(6, 3, 13, 0))
        .unwrap();
    let MissingItem::LostFromParcel(claim) = lost else {
        panic!("a claim expected, got {lost:?}");
    };
    assert!(f.claims()[0].message_fr().contains("à nos risques"));
    let Settlement::Refunded(units) = f
        .settle_claim(claim, Resolution::Refund, &at(6, 3, 14, 0))
        .unwrap()
    else {
        panic!("refund expected");
    };
    assert_eq!(units.reason(), CancelReason::MissingFromParcel);
    assert_eq!(units.units(), &[(item("teapot"), q(1))]);
}

// DISP-5: an item missing from a parcel that arrived, whose other units are in a parcel
// still on its way, is another parcel to come.
#[test]
fn disp5_a_missing_item_in_another_parcel_is_still_to_come() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(pid("P1"), [(item("teapot"), q(1))], &at(6, 2, 9, 0))
        .unwrap();
    f.pack(
        pid("P2"),
        [(item("tea"), q(2)), (item("cup"), q(2))],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    for p in ["P1", "P2"] {
        track(&mut f, p, TrackingKind::Dispatched, at(6, 2, 16, 0));
    }
    track(
        &mut f,
        "P1",
        TrackingKind::DeliveredToLetterbox,
        at(6, 3, 11, 0),
    );
    let answer = f
        .report_missing(&pid("P1"), &item("cup"), q(2), &at(6, 3, 12, 0))
        .unwrap();
    assert_eq!(
        answer,
        MissingItem::AnotherParcel {
            parcels: vec![pid("P2")],
            not_packed: 0
        }
    );
    assert!(answer.message_fr().contains("plusieurs colis"));
    // A parcel not received cannot be missing anything yet.
    assert!(matches!(
        f.report_missing(&pid("P2"), &item("cup"), q(1), &at(6, 3, 13, 0)),
        Err(DispatchError::ParcelNotReceived { .. })
    ));
}

// L216-1, L216-6: the work item's example: validated on 1 June 2026 without an agreed date,
// delivery is due by 1 July; past it, the customer gives notice, then terminates on 10 July;
// the fulfilment records it and takes no more events.
#[test]
fn l216_1_l216_6_deadline_notice_and_termination() {
    let order = colissimo();
    let deadline = DeliveryDeadline::for_order(&order, None).unwrap();
    assert_eq!(deadline.due(), ymd(7, 1));
    let mut f = Fulfilment::new(&order);
    f.report_unavailable(&item("teapot"), q(1), &at(6, 2, 9, 0))
        .unwrap();
    f.wait_for_restock(&item("teapot"), None, &at(6, 2, 10, 0))
        .unwrap();

    let facts = DeliveryFacts::default();
    let early = Termination::compute(&deadline, &facts, &at(6, 25, 9, 0));
    assert_eq!(
        early,
        Err(DispatchError::TerminationBeforeDeadline { due: ymd(7, 1) })
    );
    assert_eq!(
        early.unwrap_err().message_fr(),
        "La date limite de livraison de votre commande, le mercredi 1er juillet 2026, n'est \
         pas dépassée : le contrat ne peut pas encore être résolu."
    );
    let remedies = DeliveryRemedies::compute(&deadline, &facts, &at(7, 2, 9, 0)).unwrap();
    assert!(remedies.may_give_formal_notice());
    let notice = FormalNotice::new(&at(7, 2, 9, 0), ymd(7, 9)).unwrap();
    let facts = facts.with_formal_notice(notice);
    let termination = Termination::compute(&deadline, &facts, &at(7, 10, 9, 0)).unwrap();
    assert_eq!(termination.basis(), TerminationBasis::AfterFormalNotice);

    let cancelled = f.terminate(&termination).unwrap();
    assert_eq!(cancelled.reason(), CancelReason::Termination);
    assert_eq!(
        cancelled.units(),
        &[
            (item("teapot"), q(1)),
            (item("tea"), q(2)),
            (item("cup"), q(2))
        ]
    );
    assert_eq!(f.progress(), Progress::Cancelled);
    assert!(matches!(
        f.restocked(&item("teapot"), &at(7, 11, 9, 0)),
        Err(DispatchError::OrderTerminated { .. })
    ));
}

// L216-6: an order delivered before the termination reached the shop is not terminated; a
// termination of another order is refused.
#[test]
fn l216_6_a_delivered_order_cannot_be_terminated() {
    let order = colissimo();
    let mut f = Fulfilment::new(&order);
    f.pack(
        pid("P1"),
        [
            (item("teapot"), q(1)),
            (item("tea"), q(2)),
            (item("cup"), q(2)),
        ],
        &at(6, 2, 9, 0),
    )
    .unwrap();
    track(&mut f, "P1", TrackingKind::Dispatched, at(6, 29, 16, 0));
    track(
        &mut f,
        "P1",
        TrackingKind::HeldAtPostOffice,
        at(7, 1, 11, 0),
    );
    track(&mut f, "P1", TrackingKind::Collected, at(7, 8, 10, 0));
    let deadline = DeliveryDeadline::for_order(&order, None).unwrap();
    // Held at the post office by the deadline, collected a week later: delivered on 8 July.
    let facts = DeliveryFacts::default()
        .with_essential_date()
        .with_delivery(&f.received_at().unwrap());
    assert!(matches!(
        Termination::compute(&deadline, &facts, &at(7, 9, 9, 0)),
        Err(DispatchError::AlreadyDelivered { .. })
    ));
    // Terminated on 7 July, before the collection: the shop's fulfilment refuses to record
    // it, since the order was received since.
    let t = Termination::compute(&deadline, &facts, &at(7, 7, 9, 0)).unwrap();
    let before = f.clone();
    // The fulfilment refuses the late event (the collection came after it).
    assert!(f.terminate(&t).is_err());
    assert_eq!(f, before);
    let other = order_for_pickup();
    let mut g = Fulfilment::new(&other);
    let other_deadline = DeliveryDeadline::compute(&at(6, 1, 9, 0), None).unwrap();
    let t = Termination::compute(
        &other_deadline,
        &DeliveryFacts::default().with_refusal(&at(6, 5, 9, 0)),
        &at(6, 5, 10, 0),
    )
    .unwrap();
    assert!(matches!(
        g.terminate(&t),
        Err(DispatchError::TerminationOfAnotherOrder { .. })
    ));
}

// DISP-4, DISP-5, L216-6: stored values are checked when read, as their constructors check
// them.
#[cfg(feature = "serde")]
#[test]
fn disp4_disp5_stored_values_are_checked_when_read() {
    let id: ParcelId = serde_json::from_str(r#""6A0001""#).unwrap();
    assert_eq!(serde_json::to_string(&id).unwrap(), r#""6A0001""#);
    assert!(serde_json::from_str::<ParcelId>(r#""6A 0001""#).is_err());

    let christmas = PeakPeriod::new(
        "Noël",
        DayWindow::new(ymd(12, 1), ymd(12, 24)).unwrap(),
        Lengthening::new(BusinessDays::new(2), BusinessDays::new(2)).unwrap(),
    )
    .unwrap();
    let peaks = PeakPeriods::new([christmas]).unwrap();
    let json = serde_json::to_string(&peaks).unwrap();
    assert_eq!(
        json,
        r#"[{"name":"Noël","days":"2026-12-01/2026-12-24","lengthening":{"preparation":2,"promise":2}}]"#
    );
    assert_eq!(serde_json::from_str::<PeakPeriods>(&json).unwrap(), peaks);
    let overlapping = r#"[{"name":"a","days":"2026-12-01/2026-12-24","lengthening":{"preparation":0,"promise":0}},
                          {"name":"b","days":"2026-12-24/2026-12-31","lengthening":{"preparation":0,"promise":0}}]"#;
    assert!(serde_json::from_str::<PeakPeriods>(overlapping).is_err());
    let shorter = r#"{"preparation":3,"promise":1}"#;
    assert!(serde_json::from_str::<Lengthening>(shorter).is_err());

    let incident = Incident::new(IncidentKind::Anomaly, "adresse incomplète", &at(6, 2, 9, 0))
        .unwrap()
        .concerning([item("tea")]);
    let json = serde_json::to_string(&incident).unwrap();
    assert_eq!(serde_json::from_str::<Incident>(&json).unwrap(), incident);
    assert!(serde_json::from_str::<Incident>(&json.replace("adresse incomplète", " ")).is_err());

    let notice = FormalNotice::new(&at(7, 2, 9, 0), ymd(7, 9)).unwrap();
    let json = serde_json::to_string(&notice).unwrap();
    assert_eq!(serde_json::from_str::<FormalNotice>(&json).unwrap(), notice);
    assert!(
        serde_json::from_str::<FormalNotice>(&json.replace("2026-07-09", "2026-07-01")).is_err()
    );
    let facts = DeliveryFacts::default()
        .with_formal_notice(notice)
        .with_essential_date();
    let json = serde_json::to_string(&facts).unwrap();
    assert_eq!(serde_json::from_str::<DeliveryFacts>(&json).unwrap(), facts);
}
