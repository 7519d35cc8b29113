use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, TimeZone, Utc};

use crate::{CustomerGroup, DeliveryService, Destination, OfferId};

/// How many times an offer has been used, as the shop's storage counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Usage {
    /// Uses by the customer whose cart is evaluated.
    pub by_customer: u32,
    /// Uses by all customers.
    pub total: u32,
}

/// Everything outside the cart and the offers that an evaluation depends on: the instant,
/// whether this is the customer's first order, the usage counts (PROMO-3), and what offers
/// may be restricted to: the delivery service, the destination and the customer's groups.
///
/// Nothing in the crates reads a clock or a database: the caller says what time it is and
/// how often each offer was used.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_promo::{EvaluationContext, Usage};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at)
///     .first_order(true)
///     .with_usage("welcome".parse()?, Usage { by_customer: 0, total: 41 });
/// assert!(context.is_first_order());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EvaluationContext {
    at: DateTime<Utc>,
    first_order: bool,
    #[cfg_attr(feature = "serde", serde(default))]
    usage: BTreeMap<OfferId, Usage>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    delivery: Option<DeliveryService>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    destination: Option<Destination>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "BTreeSet::is_empty")
    )]
    customer_groups: BTreeSet<CustomerGroup>,
}

impl EvaluationContext {
    /// The context at instant `at` (any time zone; compared as an instant), not a first
    /// order, no offer used yet.
    pub fn new<Tz: TimeZone>(at: DateTime<Tz>) -> EvaluationContext {
        EvaluationContext {
            at: at.with_timezone(&Utc),
            first_order: false,
            usage: BTreeMap::new(),
            delivery: None,
            destination: None,
            customer_groups: BTreeSet::new(),
        }
    }

    /// The same context, saying whether the cart would be the customer's first order.
    #[must_use]
    pub fn first_order(mut self, first: bool) -> EvaluationContext {
        self.first_order = first;
        self
    }

    /// The same context with the usage counts of `offer`.
    #[must_use]
    pub fn with_usage(mut self, offer: OfferId, usage: Usage) -> EvaluationContext {
        self.usage.insert(offer, usage);
        self
    }

    /// The same context with the delivery service chosen (SHIP-1). A cart sets it from its
    /// own delivery when it evaluates.
    #[must_use]
    pub fn with_delivery(mut self, service: DeliveryService) -> EvaluationContext {
        self.delivery = Some(service);
        self
    }

    /// The same context with the parcel's destination.
    #[must_use]
    pub fn with_destination(mut self, destination: Destination) -> EvaluationContext {
        self.destination = Some(destination);
        self
    }

    /// The same context with the customer in `group` too.
    #[must_use]
    pub fn with_customer_group(mut self, group: CustomerGroup) -> EvaluationContext {
        self.customer_groups.insert(group);
        self
    }

    /// The delivery service chosen, if known.
    pub fn delivery(&self) -> Option<DeliveryService> {
        self.delivery
    }

    /// The parcel's destination, if known.
    pub fn destination(&self) -> Option<Destination> {
        self.destination
    }

    /// The customer's groups.
    pub fn customer_groups(&self) -> &BTreeSet<CustomerGroup> {
        &self.customer_groups
    }

    /// The instant of evaluation.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Whether the cart would be the customer's first order.
    pub fn is_first_order(&self) -> bool {
        self.first_order
    }

    /// The usage counts of `offer` (zero when not given).
    pub fn usage(&self, offer: &OfferId) -> Usage {
        self.usage.get(offer).copied().unwrap_or_default()
    }

    /// The same context keeping only the usage counts of `offers`: what an order freezes.
    #[must_use]
    pub fn restricted_to<'a>(&self, offers: impl IntoIterator<Item = &'a OfferId>) -> Self {
        let usage = offers
            .into_iter()
            .filter_map(|id| self.usage.get(id).map(|u| (id.clone(), *u)))
            .collect();
        EvaluationContext {
            at: self.at,
            first_order: self.first_order,
            usage,
            delivery: self.delivery,
            destination: self.destination,
            customer_groups: self.customer_groups.clone(),
        }
    }
}

/// How successive percentages combine (PROMO-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PercentStacking {
    /// Each percentage applies to what is left after earlier offers (10 % then 20 % of 100.00
    /// is 10.00 then 18.00), as PrestaShop does. The default.
    #[default]
    Sequential,
    /// Each percentage applies to the amount before any discount (10.00 then 20.00), still
    /// never taking a line below zero.
    OnOriginal,
}

/// The shop's choices where the rules allow several readings. The default is the FAQ's reading
/// as `RULES.md` fixes it: sequential percentages, shipping not counted in minimum amounts,
/// several codes allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct PromoPolicy {
    /// How percentages stack (PROMO-4). Default: [`PercentStacking::Sequential`].
    pub stacking: PercentStacking,
    /// Whether shipping counts towards an offer's minimum amount (PROMO-3). Default: `false`.
    pub minimum_includes_shipping: bool,
    /// At most one code per cart (PROMO-1, PROMO-2; PrestaShop's "allow several vouchers"
    /// switched off): a second code is refused, naming the code already entered, while
    /// automatic offers still combine with the code by their own terms. Default: `false`,
    /// as the FAQ lets combinable codes stack.
    pub one_code_per_cart: bool,
}
