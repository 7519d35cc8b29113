//! [`proptest`](mod@proptest) strategies for payment values, for property tests of code built on this
//! crate.
//!
//! Every value generated is valid: tokens pass [`CardToken::new`], expiry months lie in range,
//! order amounts are positive.
//!
//! # Example
//!
//! ```
//! use comptoir_payment::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(token in strategies::card_token())| {
//!     prop_assert!(!token.as_str().is_empty());
//! });
//! ```

use chrono::NaiveDate;
use comptoir_calendar::CalendarDays;
use comptoir_money::Eur;
use proptest::prelude::*;

use crate::{
    Card, CardBrand, CardToken, CreditFacts, ExpiryMonth, InstalmentPolicy, InstalmentSpacing,
    Lender, OrderAmount, RefusalReason, SecureOutcome,
};

/// A provider token: a prefix and 8 to 32 letters, digits or underscores.
pub fn card_token() -> impl Strategy<Value = CardToken> {
    "(tok|pm|card)_[A-Za-z_]{1,4}[A-Za-z0-9_]{7,28}"
        .prop_filter_map("a token that does not look like a card number", |s| {
            CardToken::new(s).ok()
        })
}

/// A card brand the shop accepts.
pub fn card_brand() -> impl Strategy<Value = CardBrand> {
    proptest::sample::select(CardBrand::ACCEPTED.to_vec())
}

/// An expiry month between 2000 and 2199.
pub fn expiry_month() -> impl Strategy<Value = ExpiryMonth> {
    (2000i32..=2199, 1u8..=12)
        .prop_filter_map("a valid month", |(y, m)| ExpiryMonth::new(y, m).ok())
}

/// A card valid on `today`, expiring in its month or up to 10 years later.
pub fn card_valid_on(today: NaiveDate) -> impl Strategy<Value = Card> {
    (card_token(), card_brand(), 0u32..120).prop_filter_map(
        "a card valid on the day",
        move |(token, brand, months)| {
            let expiry = today
                .checked_add_months(chrono::Months::new(months))
                .and_then(|d| ExpiryMonth::containing(d).ok())?;
            Card::new(token, brand, expiry, today).ok()
        },
    )
}

/// An order of 0.01 to 5 000.00 of products and 0.00 to 20.00 of shipping.
pub fn order_amount() -> impl Strategy<Value = OrderAmount> {
    (1i64..=500_000, 0i64..=2_000).prop_filter_map("a positive order", |(p, s)| {
        OrderAmount::new(Eur::from_cents(p), Eur::from_cents(s)).ok()
    })
}

/// A refusal reason.
pub fn refusal_reason() -> impl Strategy<Value = RefusalReason> {
    proptest::sample::select(vec![
        RefusalReason::BankRefusal,
        RefusalReason::CeilingReached,
        RefusalReason::AccountTemporarilyBlocked,
        RefusalReason::InsufficientFunds,
        RefusalReason::CardBlockedFor3ds,
        RefusalReason::AuthenticationNotCompleted,
        RefusalReason::CardExpired,
        RefusalReason::TechnicalError,
    ])
}

/// Any answer of the bank to a 3-D Secure attempt.
pub fn secure_outcome() -> impl Strategy<Value = SecureOutcome> {
    prop_oneof![
        Just(SecureOutcome::Authenticated),
        Just(SecureOutcome::WrongCode),
        Just(SecureOutcome::SoftDecline),
        refusal_reason().prop_map(SecureOutcome::HardDecline),
        Just(SecureOutcome::BankUnavailable),
    ]
}

/// A lawful instalment policy: minimum 0.00 to 500.00, shipping counted or not, 2 to 12
/// instalments offered, a spacing in days or calendar months that keeps the last instalment
/// of every count within three months of the first (PAY-5, L312-4).
pub fn instalment_policy() -> impl Strategy<Value = InstalmentPolicy> {
    (
        0i64..=50_000,
        any::<bool>(),
        proptest::collection::btree_set(2u8..=12, 1..=3),
    )
        .prop_flat_map(|(minimum, shipping_counts, counts)| {
            let intervals = u32::from(counts.iter().max().copied().unwrap_or(2)).saturating_sub(1);
            let fewest = u32::try_from(crate::FEWEST_DAYS_IN_THREE_MONTHS).unwrap_or(89);
            let longest = fewest.checked_div(intervals).unwrap_or(fewest).max(1);
            let days = (1..=longest)
                .prop_map(|days| InstalmentSpacing::Days(CalendarDays::new(days)))
                .boxed();
            let spacing = if intervals <= 3 {
                prop_oneof![days, Just(InstalmentSpacing::CalendarMonths)].boxed()
            } else {
                days
            };
            (Just((minimum, shipping_counts, counts)), spacing)
        })
        .prop_flat_map(|args| (Just(args), credit_facts()))
        .prop_map(
            |(((minimum, shipping_counts, counts), spacing), credit)| InstalmentPolicy {
                minimum: Eur::from_cents(minimum),
                shipping_counts,
                offered_counts: counts.into_iter().collect(),
                spacing,
                credit,
                outside_credit: false,
            },
        )
}

/// The seller's credit facts, each stated either way or not stated (PAY-5, L312-4).
pub fn credit_facts() -> impl Strategy<Value = CreditFacts> {
    (
        prop_oneof![
            Just(Lender::Seller),
            Just(Lender::ThirdParty),
            Just(Lender::NotStated)
        ],
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(lender, large_enterprise, claims_factored)| CreditFacts {
            lender,
            large_enterprise,
            claims_factored,
        })
}

/// Any instalment policy, lawful or not: minimum -1.00 to 500.00, 0 to 3 counts of 0 to 255,
/// 0 to 120 days apart or calendar months. For checking that whatever
/// [`InstalmentPolicy::validate`] accepts schedules lawfully.
pub fn any_instalment_policy() -> impl Strategy<Value = InstalmentPolicy> {
    (
        -100i64..=50_000,
        any::<bool>(),
        proptest::collection::vec(any::<u8>(), 0..=3),
        prop_oneof![
            (0u32..=120).prop_map(|days| InstalmentSpacing::Days(CalendarDays::new(days))),
            Just(InstalmentSpacing::CalendarMonths),
        ],
    )
        .prop_flat_map(|args| (Just(args), credit_facts(), any::<bool>()))
        .prop_map(
            |((minimum, shipping_counts, offered_counts, spacing), credit, outside_credit)| {
                InstalmentPolicy {
                    minimum: Eur::from_cents(minimum),
                    shipping_counts,
                    offered_counts,
                    spacing,
                    credit,
                    outside_credit,
                }
            },
        )
}
