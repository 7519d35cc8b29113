//! Returned parcels, what is read on them and the orders they may belong to, for property
//! tests of the matching rules (RET-3).
//!
//! The values are drawn from small pools (a few order numbers, tracking numbers, products
//! and marks) so that references and descriptions collide often: the cases the rules must
//! settle without guessing.

use chrono::{DateTime, Utc};
use comptoir_promo::ProductId;
use proptest::prelude::*;

use crate::{
    OrderNumber, Packaging, ParcelDescription, ReturnCandidate, ReturnGround, ReturnedParcel,
    TrackingNumber,
};

/// An order number from a pool of 6 (`CMD1` to `CMD6`).
pub fn order_number() -> impl Strategy<Value = OrderNumber> {
    (1u8..=6).prop_filter_map("a valid reference", |n| {
        OrderNumber::new(format!("CMD{n}")).ok()
    })
}

/// A tracking number from a pool of 6.
pub fn tracking_number() -> impl Strategy<Value = TrackingNumber> {
    (1u8..=6).prop_filter_map("a valid reference", |n| {
        TrackingNumber::new(format!("6A00000000{n}")).ok()
    })
}

/// Any packaging.
pub fn packaging() -> impl Strategy<Value = Packaging> {
    prop::sample::select(Packaging::ALL.to_vec())
}

/// A description: maybe a packaging, 0 to 2 marks from a pool of 4, 0 to 3 products from a
/// pool of 5.
pub fn parcel_description() -> impl Strategy<Value = ParcelDescription> {
    let marks = prop::sample::subsequence(
        vec![
            "scotch rouge",
            "timbre Marianne",
            "autocollant licorne",
            "écrit à la main",
        ],
        0..=2,
    );
    let products =
        prop::sample::subsequence(vec!["theiere", "tasse", "plateau", "bol", "pot"], 0..=3);
    (prop::option::of(packaging()), marks, products).prop_filter_map(
        "a valid description",
        |(packaging, marks, products)| {
            let products: Vec<ProductId> = products
                .into_iter()
                .filter_map(|p| ProductId::new(p).ok())
                .collect();
            ParcelDescription::new(packaging, marks, products).ok()
        },
    )
}

/// A candidate order: any ground, 0 to 2 tracking numbers, a description.
pub fn return_candidate(order: OrderNumber) -> impl Strategy<Value = ReturnCandidate> {
    let ground = prop::sample::select(vec![
        ReturnGround::Withdrawal,
        ReturnGround::Agreement,
        ReturnGround::None,
    ]);
    (
        ground,
        prop::collection::vec(tracking_number(), 0..=2),
        parcel_description(),
    )
        .prop_map(move |(ground, tracking, description)| {
            tracking.into_iter().fold(
                ReturnCandidate::new(order.clone(), ground).with_description(description),
                ReturnCandidate::with_tracking,
            )
        })
}

/// 0 to `max` candidates with distinct order numbers (at most 6).
pub fn return_candidates(max: usize) -> impl Strategy<Value = Vec<ReturnCandidate>> {
    prop::sample::subsequence((1u8..=6).collect::<Vec<_>>(), 0..=max.min(6)).prop_flat_map(
        |numbers| {
            numbers
                .into_iter()
                .filter_map(|n| OrderNumber::new(format!("CMD{n}")).ok())
                .map(return_candidate)
                .collect::<Vec<_>>()
        },
    )
}

/// A parcel received at `received_at`, by carrier (mostly) or by hand, with maybe an order
/// number, maybe a tracking number, and a description.
pub fn returned_parcel(received_at: DateTime<Utc>) -> impl Strategy<Value = ReturnedParcel> {
    (
        prop::bool::weighted(0.9),
        prop::option::of(order_number()),
        prop::option::of(tracking_number()),
        parcel_description(),
    )
        .prop_map(move |(carrier, order, tracking, description)| {
            let mut parcel = if carrier {
                ReturnedParcel::by_carrier(&received_at)
            } else {
                ReturnedParcel::by_hand(&received_at)
            };
            if let Some(o) = order {
                parcel = parcel.with_order_number(o);
            }
            if let Some(t) = tracking {
                parcel = parcel.with_tracking(t);
            }
            parcel.with_description(description)
        })
}
