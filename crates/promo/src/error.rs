use comptoir_money::{Eur, MoneyError};
use thiserror::Error;

/// Why an offer, a line or an evaluation was refused as bad input.
///
/// These are the shop's or the integrator's mistakes (a malformed offer file, a line with a
/// negative price), not the customer's: the outcomes a customer sees are
/// [`Refusal`](crate::Refusal)s. Callers that branch on kinds can use the predicates, since
/// the variants may grow.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum PromoError {
    /// An identifier (offer, code, product, category, line) is empty or only spaces.
    #[error("{what} is empty")]
    EmptyId {
        /// Which identifier, e.g. `"product id"`.
        what: &'static str,
    },
    /// A quantity of zero or below.
    #[error("quantity {value} is not positive")]
    NonPositiveQuantity {
        /// The value given.
        value: i64,
    },
    /// Text that should be a whole number (a quantity, a priority) is not one.
    #[error("{what} {input:?} is not a whole number")]
    NotANumber {
        /// What was read, e.g. `"quantity"`.
        what: &'static str,
        /// The text given.
        input: String,
    },
    /// An amount that must not be negative is (a price, a fixed discount, a minimum).
    #[error("{what} {amount} is negative")]
    NegativeAmount {
        /// Which amount, e.g. `"unit price"`.
        what: &'static str,
        /// Its value.
        amount: Eur,
    },
    /// An amount that must be positive is zero (a fixed discount of 0.00, a free gift at 0.00).
    #[error("{what} is zero")]
    ZeroAmount {
        /// Which amount.
        what: &'static str,
    },
    /// A validity window that ends before, or when, it starts.
    #[error("validity window ends at {ends} which is not after its start {starts}")]
    WindowEndsBeforeStart {
        /// The start, RFC 3339.
        starts: String,
        /// The end, RFC 3339.
        ends: String,
    },
    /// A product selection that selects nothing (no product and no category).
    #[error("product selection of offer {offer} names no product and no category")]
    EmptySelection {
        /// The offer.
        offer: String,
    },
    /// An offer without effect: it would give nothing.
    #[error("offer {offer} has no effect")]
    NoEffect {
        /// The offer.
        offer: String,
    },
    /// Two effects of one offer that cannot both apply: two free shippings, or two gifts
    /// (an offer's gift line is named by the offer).
    #[error("offer {offer} has more than one {effect} effect")]
    DuplicateEffect {
        /// The offer.
        offer: String,
        /// The kind of effect repeated, e.g. `"free shipping"`.
        effect: &'static str,
    },
    /// Text that is not the two letters of a destination's ISO 3166-1 code.
    #[error("destination {input:?} is not a two-letter country code")]
    InvalidDestination {
        /// The text given.
        input: String,
    },
    /// A restriction to an empty list (of delivery services, destinations or customer
    /// groups): the offer could never apply.
    #[error("offer {offer} is restricted to no {what}")]
    EmptyRestriction {
        /// The offer.
        offer: String,
        /// What the list is of, e.g. `"delivery service"`.
        what: &'static str,
    },
    /// A usage limit of zero: the offer could never be used.
    #[error("usage limit of offer {offer} is zero")]
    ZeroUsageLimit {
        /// The offer.
        offer: String,
    },
    /// Two lines of one cart share an id.
    #[error("line id {id} appears twice")]
    DuplicateLine {
        /// The repeated id.
        id: String,
    },
    /// Two offers of one catalogue (or of one order's frozen offers) share an id.
    #[error("offer id {id} appears twice")]
    DuplicateOffer {
        /// The repeated id.
        id: String,
    },
    /// Two offers of one catalogue share a code: entering it would be ambiguous (PROMO-1).
    #[error("code {code} belongs to both offer {first} and offer {second}")]
    DuplicateCode {
        /// The shared code, normalised.
        code: String,
        /// The first offer with it, by id.
        first: String,
        /// The second offer with it, by id.
        second: String,
    },
    /// An offer combines only with offers that include one the catalogue does not hold
    /// (PROMO-2).
    #[error(
        "offer {offer} combines only with offers including {unknown}, which is not in the catalogue"
    )]
    UnknownCombinableOffer {
        /// The offer whose list names the missing one.
        offer: String,
        /// The missing offer's id.
        unknown: String,
    },
    /// More offers than a catalogue's 32-bit positions can name.
    #[error("a catalogue of {offers} offers exceeds the {max} a catalogue can hold")]
    CatalogueTooLarge {
        /// How many offers were given, at least.
        offers: usize,
        /// The most a catalogue holds.
        max: usize,
    },
    /// A product's price history that is no history (L112-1-1): no price, or instants that
    /// do not strictly increase.
    #[error("invalid price history: {reason}")]
    InvalidPriceHistory {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// No price was charged yet at the instant asked (L112-1-1): the product has no prior
    /// price for a reduction then.
    #[error("no price in the history at {at}")]
    NoPriceAt {
        /// The instant asked.
        at: chrono::DateTime<chrono::Utc>,
    },
    /// A reduction announced against another price than the lawful prior price, the lowest
    /// of the 30 days before (L112-1-1).
    #[error(
        "the reduction announces {announced} before, {price} now; {article} requires {lawful_prior} before, hence {lawful_price} now"
    )]
    MisleadingReduction {
        /// The prior price announced (struck through, or the base of the percentage).
        announced: Eur,
        /// The price charged.
        price: Eur,
        /// The lawful prior price.
        lawful_prior: Eur,
        /// The price the announcement requires.
        lawful_price: Eur,
        /// `C. conso L112-1-1`.
        article: &'static str,
    },
    /// An amount computation failed (overflow far beyond any real cart).
    #[error("amount computation failed: {0}")]
    Money(#[from] MoneyError),
}

impl PromoError {
    /// True when an offer's terms are malformed (window, selection, amounts, limits).
    pub fn is_malformed_offer(&self) -> bool {
        matches!(
            self,
            PromoError::WindowEndsBeforeStart { .. }
                | PromoError::EmptySelection { .. }
                | PromoError::ZeroUsageLimit { .. }
                | PromoError::ZeroAmount { .. }
                | PromoError::NoEffect { .. }
                | PromoError::EmptyRestriction { .. }
                | PromoError::DuplicateEffect { .. }
        )
    }

    /// True when two items of one input share an id, or two offers share a code.
    pub fn is_duplicate(&self) -> bool {
        matches!(
            self,
            PromoError::DuplicateLine { .. }
                | PromoError::DuplicateOffer { .. }
                | PromoError::DuplicateCode { .. }
        )
    }

    pub(crate) fn overflow() -> Self {
        PromoError::Money(MoneyError::Overflow {
            operation: "promotion evaluation",
        })
    }
}
