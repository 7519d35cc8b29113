//! The withdrawal period of an order counted from its parcels' tracking (SHIP-2, RET-1,
//! C. conso L221-18): a parcel held at the post office is received when it is collected,
//! never at the carrier's arrival scan, and an order whose last parcel still waits has not
//! started its period.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use comptoir::calendar::{Calendar, Region};
use comptoir::cart::{Cart, ColissimoDestination, CustomerId, Delivery, DeliveryService, Terms};
use comptoir::dispatch::{Fulfilment, ParcelId, TrackingEvent, TrackingKind};
use comptoir::promo::{Catalogue, EvaluationContext, Line, LineRef, Quantity};
use comptoir::withdrawal::{Handover, Receipt, WithdrawalPolicy, WithdrawalWindows};

fn at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Paris
        .with_ymd_and_hms(2025, m, d, h, 0, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

fn track(f: &mut Fulfilment, parcel: &ParcelId, kind: TrackingKind, when: DateTime<Utc>) {
    f.track(parcel, TrackingEvent::new(kind, &when)).unwrap();
}

// SHIP-2, RET-1: arrived at the post office on Monday 3 March 2025, collected on Thursday 6
// March: the 14 days count from the collection and end on Thursday 20 March.
#[test]
fn ship2_ret1_a_held_parcel_counts_from_its_collection() {
    let context = EvaluationContext::new(at(2, 26, 10));
    let catalogue = Catalogue::default();
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    for (id, price) in [("teapot", "34.90"), ("cup", "12.00")] {
        let line = Line::new(
            id.parse().unwrap(),
            id.parse().unwrap(),
            price.parse().unwrap(),
            Quantity::ONE,
        )
        .unwrap();
        cart.add_line(line, &terms).unwrap();
    }
    let home = DeliveryService::Colissimo(ColissimoDestination::Home);
    cart.choose_delivery(
        Delivery::new(home, "4.90".parse().unwrap()).unwrap(),
        &terms,
    )
    .unwrap();
    let order = cart.validate(CustomerId::new(7), &terms).unwrap();

    let (first, second): (ParcelId, ParcelId) =
        ("6A001".parse().unwrap(), "6A002".parse().unwrap());
    let mut f = Fulfilment::new(&order);
    let item = |id: &str| LineRef::Item(id.parse().unwrap());
    f.pack(
        first.clone(),
        [(item("teapot"), Quantity::ONE)],
        &at(2, 27, 9),
    )
    .unwrap();
    f.pack(
        second.clone(),
        [(item("cup"), Quantity::ONE)],
        &at(2, 27, 9),
    )
    .unwrap();
    track(&mut f, &first, TrackingKind::Dispatched, at(2, 27, 16));
    track(&mut f, &second, TrackingKind::Dispatched, at(2, 27, 16));
    track(
        &mut f,
        &first,
        TrackingKind::DeliveredToLetterbox,
        at(2, 28, 11),
    );
    track(
        &mut f,
        &second,
        TrackingKind::HeldAtPostOffice,
        at(3, 3, 12),
    );

    // Held, not collected: only the letterbox parcel is received.
    let waiting = Receipt::of_fulfilment(&f).unwrap();
    assert_eq!(waiting, vec![Receipt::at_address(&at(2, 28, 11))]);

    track(&mut f, &second, TrackingKind::Collected, at(3, 6, 18));
    let receipts = Receipt::of_fulfilment(&f).unwrap();
    assert_eq!(receipts.len(), 2);
    let held = receipts[1];
    assert_eq!(held.handover(), Handover::Collected);
    assert_eq!(held.arrival(), at(3, 3, 12));
    assert_eq!(held.possession(), at(3, 6, 18));

    let windows = WithdrawalWindows::compute(
        &order.validated_at(),
        &receipts,
        Region::Metropolitan,
        &WithdrawalPolicy::default(),
        &Calendar::metropolitan(),
    )
    .unwrap();
    assert_eq!(
        windows.statutory().last_day().to_string(),
        "2025-03-20",
        "counted from the collection, not from the arrival on 3 March"
    );
}
