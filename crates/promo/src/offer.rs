use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::{Eur, Percent};

use crate::{
    CategoryId, Code, CustomerGroup, DeliveryService, Destination, Line, OfferId, Priority,
    ProductId, PromoError, Quantity,
};

/// How an offer is triggered: by a code the customer enters, or automatically.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Trigger {
    /// Applies whenever its conditions hold, without a code (PROMO-2 re-evaluates it on every
    /// cart change).
    Automatic,
    /// Applies once the customer enters this code (PROMO-1).
    Code(Code),
}

/// When an offer may apply: from `starts` included to `ends` excluded, either end open.
///
/// Instants are compared as instants, whatever the time zone they were given in.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_promo::ValidityWindow;
///
/// let start = Utc.with_ymd_and_hms(2026, 1, 7, 7, 0, 0).single().ok_or("instant")?;
/// let end = Utc.with_ymd_and_hms(2026, 2, 3, 23, 0, 0).single().ok_or("instant")?;
/// let sales = ValidityWindow::new(Some(start), Some(end))?;
/// assert!(sales.contains(start));
/// assert!(!sales.contains(end));
/// assert!(ValidityWindow::new(Some(end), Some(start)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "WindowData", into = "WindowData"))]
pub struct ValidityWindow {
    starts: Option<DateTime<Utc>>,
    ends: Option<DateTime<Utc>>,
}

impl ValidityWindow {
    /// Always valid.
    pub const ALWAYS: ValidityWindow = ValidityWindow {
        starts: None,
        ends: None,
    };

    /// Valid from `starts` (included) to `ends` (excluded); `None` leaves that end open.
    ///
    /// # Errors
    ///
    /// [`PromoError::WindowEndsBeforeStart`] when both ends are given and `ends` is not
    /// after `starts`.
    pub fn new<Tz: TimeZone>(
        starts: Option<DateTime<Tz>>,
        ends: Option<DateTime<Tz>>,
    ) -> Result<ValidityWindow, PromoError> {
        let starts = starts.map(|s| s.with_timezone(&Utc));
        let ends = ends.map(|e| e.with_timezone(&Utc));
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            return Err(PromoError::WindowEndsBeforeStart {
                starts: s.to_rfc3339(),
                ends: e.to_rfc3339(),
            });
        }
        Ok(ValidityWindow { starts, ends })
    }

    /// The first instant of validity, if any.
    pub fn starts(&self) -> Option<DateTime<Utc>> {
        self.starts
    }

    /// The first instant after validity, if any.
    pub fn ends(&self) -> Option<DateTime<Utc>> {
        self.ends
    }

    /// True when `at` is within the window.
    pub fn contains<Tz: TimeZone>(&self, at: DateTime<Tz>) -> bool {
        let at = at.with_timezone(&Utc);
        self.starts.is_none_or(|s| s <= at) && self.ends.is_none_or(|e| at < e)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct WindowData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    starts: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ends: Option<DateTime<Utc>>,
}

#[cfg(feature = "serde")]
impl TryFrom<WindowData> for ValidityWindow {
    type Error = PromoError;

    fn try_from(d: WindowData) -> Result<ValidityWindow, PromoError> {
        ValidityWindow::new(d.starts, d.ends)
    }
}

#[cfg(feature = "serde")]
impl From<ValidityWindow> for WindowData {
    fn from(w: ValidityWindow) -> WindowData {
        WindowData {
            starts: w.starts,
            ends: w.ends,
        }
    }
}

/// A set of products: those listed, and those in any of the categories listed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Selection {
    /// Products selected by id.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub products: Vec<ProductId>,
    /// Categories whose products are selected.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub categories: Vec<CategoryId>,
}

impl Selection {
    /// The products listed.
    pub fn products(products: impl IntoIterator<Item = ProductId>) -> Selection {
        Selection {
            products: products.into_iter().collect(),
            categories: Vec::new(),
        }
    }

    /// The products of the categories listed.
    pub fn categories(categories: impl IntoIterator<Item = CategoryId>) -> Selection {
        Selection {
            products: Vec::new(),
            categories: categories.into_iter().collect(),
        }
    }

    /// True when `line`'s product is selected.
    pub fn matches(&self, line: &Line) -> bool {
        self.products.contains(line.product())
            || line
                .categories()
                .iter()
                .any(|c| self.categories.contains(c))
    }

    fn is_empty(&self) -> bool {
        self.products.is_empty() && self.categories.is_empty()
    }
}

/// What an offer's discount is computed on (PROMO-4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Target {
    /// Every product line of the order (never shipping, never a gift).
    Order,
    /// The lines whose product is selected.
    Selection(Selection),
    /// One unit of the cheapest product of the order; on equal prices, the unit of the line
    /// with the smallest id, so that the result never depends on the order lines were added.
    CheapestUnit,
    /// One unit of the cheapest of the selected products ("two teas bought, the cheaper
    /// free"), chosen as [`CheapestUnit`](Target::CheapestUnit) is among those lines.
    CheapestUnitIn(Selection),
}

impl Target {
    /// The products the target is taken from, when it names some.
    pub fn selection(&self) -> Option<&Selection> {
        match self {
            Target::Selection(s) | Target::CheapestUnitIn(s) => Some(s),
            Target::Order | Target::CheapestUnit => None,
        }
    }
}

/// What an offer gives (PROMO-4).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Effect {
    /// A percentage off the target, on what is left after earlier offers by default
    /// ([`PercentStacking`](crate::PercentStacking)).
    PercentOff {
        /// The percentage.
        percent: Percent,
        /// What it is taken from.
        on: Target,
    },
    /// A fixed amount off the target, capped at what the target still costs.
    AmountOff {
        /// The amount, positive.
        amount: Eur,
        /// What it is taken from.
        on: Target,
    },
    /// Shipping costs nothing.
    FreeShipping,
    /// One unit of a product, listed at its price with an equal discount. It does not count
    /// towards minimum amounts or quantities.
    Gift {
        /// The product given.
        product: ProductId,
        /// Its listed unit price, positive.
        unit_price: Eur,
    },
}

/// A number of units to buy among selected products (PROMO-3): "at least 2 teas".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SelectionQuantity {
    /// The units required, at least one.
    pub units: Quantity,
    /// The products they count among.
    pub of: Selection,
}

/// Whether an offer leaves alone the lines already on sale ([`Line::is_on_sale`]): a
/// catalogue markdown the merchant does not want to discount twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OnSale {
    /// Lines on sale are treated like any other. The default.
    #[default]
    Included,
    /// Percentages and fixed amounts are not taken from lines on sale, nor is the cheapest
    /// unit when the cart's cheapest unit is on sale (the discount never moves onto a dearer
    /// product, so leaving lines on sale alone never gives more); they still count towards
    /// the minimum amount. An offer whose discounts would fall only on lines on sale is
    /// refused with [`Refusal::OnlyProductsOnSale`](crate::Refusal::OnlyProductsOnSale).
    ExcludedFromDiscounts,
    /// As [`ExcludedFromDiscounts`](OnSale::ExcludedFromDiscounts), and lines on sale do not
    /// count towards the minimum amount either.
    ExcludedFromDiscountsAndMinimum,
}

impl OnSale {
    /// True when discounts are not taken from lines on sale.
    pub fn excludes_from_discounts(self) -> bool {
        self != OnSale::Included
    }

    /// True when lines on sale do not count towards the minimum amount.
    pub fn excludes_from_minimum(self) -> bool {
        self == OnSale::ExcludedFromDiscountsAndMinimum
    }
}

/// The conditions an offer may require (PROMO-3). The default requires nothing.
///
/// Usage limits are checked against counts the caller gives in the
/// [`EvaluationContext`](crate::EvaluationContext): the crates store nothing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Conditions {
    /// A minimum amount of products incl. VAT, before discounts, gifts excluded (shipping
    /// counts only under [`PromoPolicy::minimum_includes_shipping`](crate::PromoPolicy)).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub minimum_amount: Option<Eur>,
    /// A minimum number of units, gifts excluded.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub minimum_quantity: Option<Quantity>,
    /// At least this many units of the selected products, gifts excluded ("2 teas bought").
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub minimum_quantity_in: Option<SelectionQuantity>,
    /// At least one of these products must be in the cart.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub requires: Option<Selection>,
    /// Only on the customer's first order.
    pub first_order_only: bool,
    /// How many times one customer may use the offer.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub per_customer_limit: Option<u32>,
    /// How many times the offer may be used in all.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub total_limit: Option<u32>,
    /// Whether lines already on sale are left out of the discounts, and of the minimum
    /// amount.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "is_default"))]
    pub on_sale: OnSale,
    /// Only with one of these delivery services (SHIP-1).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub delivery: Option<BTreeSet<DeliveryService>>,
    /// Only to one of these destinations.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub destinations: Option<BTreeSet<Destination>>,
    /// Only for a customer in one of these groups.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub customer_groups: Option<BTreeSet<CustomerGroup>>,
}

#[cfg(feature = "serde")]
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Conditions {
    /// True when a condition depends on the items bought (amount, quantity, products): such
    /// an offer can lapse when items are returned (RET-4, REF-1).
    pub fn depend_on_items(&self) -> bool {
        self.minimum_amount.is_some()
            || self.minimum_quantity.is_some()
            || self.minimum_quantity_in.is_some()
            || self.requires.is_some()
    }
}

/// Which offers an offer may apply together with (PROMO-2).
///
/// Two offers apply together only when each allows the other: an offer that combines with
/// [`Always`](Combinable::Always) still never meets one that says
/// [`Never`](Combinable::Never), and [`OnlyWith`](Combinable::OnlyWith) names the offers it
/// accepts. Checking a pair costs a look-up in the named sets, whatever the size of the
/// catalogue: there is no table of pairs.
///
/// In a file, `true` is `Always`, `false` is `Never` and a list of offer ids is `OnlyWith`:
///
/// ```json
/// { "combinable": ["welcome", "free-shipping"] }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Combinable {
    /// Applies together with any offer that allows it. The default.
    #[default]
    Always,
    /// Never applies together with another offer.
    Never,
    /// Applies together only with these offers (when they allow it too).
    OnlyWith(BTreeSet<OfferId>),
}

impl Combinable {
    /// True when this side allows `other` beside it.
    pub fn allows(&self, other: &OfferId) -> bool {
        match self {
            Combinable::Always => true,
            Combinable::Never => false,
            Combinable::OnlyWith(ids) => ids.contains(other),
        }
    }
}

impl From<bool> for Combinable {
    fn from(combinable: bool) -> Combinable {
        if combinable {
            Combinable::Always
        } else {
            Combinable::Never
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Combinable {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Combinable::Always => serializer.serialize_bool(true),
            Combinable::Never => serializer.serialize_bool(false),
            Combinable::OnlyWith(ids) => serializer.collect_seq(ids),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Combinable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Combinable, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Combinable;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("true, false or a list of offer ids")
            }

            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Combinable, E> {
                Ok(Combinable::from(v))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Combinable, A::Error> {
                let mut ids = BTreeSet::new();
                while let Some(id) = seq.next_element::<OfferId>()? {
                    ids.insert(id);
                }
                Ok(Combinable::OnlyWith(ids))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

/// An offer's terms as the shop writes them, before they are checked by [`Offer::new`].
///
/// This is the plain data a shop keeps in a JSON or TOML file; deserialising an [`Offer`]
/// goes through it and through the same checks. In code, [`Offer::builder`] reads better.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OfferSpec {
    /// Unique id.
    pub id: OfferId,
    /// The name the customer sees ("Soldes d'hiver -10 %").
    pub name: String,
    /// Code or automatic.
    pub trigger: Trigger,
    /// When it may apply.
    #[cfg_attr(feature = "serde", serde(default))]
    pub window: ValidityWindow,
    /// What it requires.
    #[cfg_attr(feature = "serde", serde(default))]
    pub conditions: Conditions,
    /// What it gives: one effect or several, applied in this order (PROMO-4). In a file,
    /// `"effects"` takes a list and `"effect"` one effect.
    #[cfg_attr(
        feature = "serde",
        serde(alias = "effect", deserialize_with = "one_or_many")
    )]
    pub effects: Vec<Effect>,
    /// Which offers it may apply together with (PROMO-2).
    #[cfg_attr(feature = "serde", serde(default))]
    pub combinable: Combinable,
    /// Lower applies first and wins conflicts.
    #[cfg_attr(feature = "serde", serde(default))]
    pub priority: Priority,
}

/// Reads one effect or a list of effects.
#[cfg(feature = "serde")]
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Effect>, D::Error> {
    use serde::Deserialize;
    use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer, StrDeserializer};

    struct Visitor;

    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<Effect>;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("an effect or a list of effects")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<Effect>, E> {
            Effect::deserialize(StrDeserializer::new(v)).map(|e| vec![e])
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Vec<Effect>, A::Error> {
            Effect::deserialize(MapAccessDeserializer::new(map)).map(|e| vec![e])
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Vec<Effect>, A::Error> {
            Vec::<Effect>::deserialize(SeqAccessDeserializer::new(seq))
        }
    }

    deserializer.deserialize_any(Visitor)
}

/// Everything an offer says apart from its id and code. Offers made from one template (a
/// batch of single-use codes) share one copy: a catalogue keeps one per distinct terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Terms {
    pub(crate) name: Arc<str>,
    pub(crate) window: ValidityWindow,
    pub(crate) priority: Priority,
    pub(crate) conditions: Conditions,
    pub(crate) effects: Box<[Effect]>,
    pub(crate) combinable: Combinable,
}

/// Hashes the parts that tell most terms apart and are cheap to read; equal terms still hash
/// equally, and the rest is compared when two hashes meet. A catalogue hashes the terms of
/// every offer it is built from, so this is on the path of a million-offer build: amounts
/// (whose hashing normalises a decimal) are left to the comparison.
impl core::hash::Hash for Terms {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.window.hash(state);
        self.priority.hash(state);
        for effect in &self.effects {
            core::mem::discriminant(effect).hash(state);
        }
    }
}

/// A checked offer: a code or automatic trigger, a validity window, conditions (PROMO-3), one
/// or more effects (PROMO-4), the offers it combines with and a priority (PROMO-2).
///
/// An offer with several effects ("free shipping and 10 EUR off", "10 % and a gift") is one
/// offer: one code, one set of conditions checked once, one place in the order of PROMO-2,
/// one entry among the offers applied. Its effects apply one after the other in the order
/// they are listed, each on what the effects and offers before it left, so a percentage
/// listed after a fixed amount is taken on the amount left. An offer that takes a discount
/// from a product selection applies only when the cart holds one of those products.
///
/// An offer is cheap to clone: its terms are shared, not copied.
///
/// # Example
///
/// ```
/// use comptoir_promo::{Code, Effect, Offer, Target};
///
/// let offer = Offer::builder(
///     "winter".parse()?,
///     "Soldes d'hiver",
///     Effect::PercentOff { percent: "10".parse()?, on: Target::Order },
/// )
/// .code(Code::new("hiver10")?)
/// .minimum_amount("50".parse()?)
/// .priority(10)
/// .build()?;
/// assert_eq!(offer.code().map(|c| c.as_str()), Some("HIVER10"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OfferSpec", into = "OfferSpec"))]
pub struct Offer {
    id: OfferId,
    code: Option<Code>,
    terms: Arc<Terms>,
}

impl Offer {
    /// Starts an offer with what every offer needs: its id, the name the customer sees and
    /// its (first) effect. It is automatic, always valid, requires nothing, combines with any offer
    /// and has priority 0 until the builder says otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_promo::{Effect, Offer};
    ///
    /// let free_shipping = Offer::builder("port".parse()?, "Livraison offerte dès 60 €", Effect::FreeShipping)
    ///     .minimum_amount("60".parse()?)
    ///     .build()?;
    /// let gift = Offer::builder(
    ///     "tote".parse()?,
    ///     "Un tote bag offert dès 100 €",
    ///     Effect::Gift { product: "tote-bag".parse()?, unit_price: "9.90".parse()? },
    /// )
    /// .minimum_amount("100".parse()?)
    /// .build()?;
    /// assert!(free_shipping.is_automatic() && gift.is_automatic());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builder(id: OfferId, name: impl Into<String>, effect: Effect) -> OfferBuilder {
        OfferBuilder {
            spec: OfferSpec {
                id,
                name: name.into(),
                trigger: Trigger::Automatic,
                window: ValidityWindow::ALWAYS,
                conditions: Conditions::default(),
                effects: vec![effect],
                combinable: Combinable::Always,
                priority: Priority::default(),
            },
        }
    }

    /// Checks `spec` and makes it an offer.
    ///
    /// # Errors
    ///
    /// - [`PromoError::NegativeAmount`] for a negative fixed amount, gift price or minimum;
    /// - [`PromoError::ZeroAmount`] for a fixed amount or gift price of zero;
    /// - [`PromoError::EmptySelection`] for a selection naming no product and no category
    ///   (a quantity within a selection cannot be zero: [`Quantity`] refuses it);
    /// - [`PromoError::ZeroUsageLimit`] for a usage limit of zero;
    /// - [`PromoError::EmptyRestriction`] for a restriction to no delivery service, no
    ///   destination or no customer group (a service or region that does not exist cannot
    ///   be written: [`DeliveryService`] and [`Destination`] are closed types);
    /// - [`PromoError::NoEffect`] for an offer without effect;
    /// - [`PromoError::DuplicateEffect`] for two free-shipping effects or two gifts in one
    ///   offer (shipping is free once; an offer's gift line is named by the offer).
    ///
    /// Percentages above 100, empty ids and windows that end before they start cannot be
    /// built at all ([`Percent`], the id types and [`ValidityWindow::new`] refuse them).
    pub fn new(spec: OfferSpec) -> Result<Offer, PromoError> {
        check(&spec)?;
        let OfferSpec {
            id,
            name,
            trigger,
            window,
            conditions,
            effects,
            combinable,
            priority,
        } = spec;
        let code = match trigger {
            Trigger::Code(code) => Some(code),
            Trigger::Automatic => None,
        };
        Ok(Offer {
            id,
            code,
            terms: Arc::new(Terms {
                name: Arc::from(name),
                window,
                priority,
                conditions,
                effects: effects.into_boxed_slice(),
                combinable,
            }),
        })
    }

    /// The same terms under another id and code: how a batch of single-use codes is made
    /// from one template. The copies share the template's terms in memory.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_promo::{Code, Effect, Offer, Target};
    ///
    /// let template = Offer::builder(
    ///     "newsletter".parse()?,
    ///     "Newsletter -10 %",
    ///     Effect::PercentOff { percent: "10".parse()?, on: Target::Order },
    /// )
    /// .total_limit(1)
    /// .build()?;
    /// let one = template.for_code("nl-0001".parse()?, Code::new("NL7H3K")?);
    /// assert_eq!(one.name(), "Newsletter -10 %");
    /// assert_eq!(one.code().map(Code::as_str), Some("NL7H3K"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_code(&self, id: OfferId, code: Code) -> Offer {
        Offer {
            id,
            code: Some(code),
            terms: Arc::clone(&self.terms),
        }
    }

    /// The terms as written: what [`Offer::new`] would take to make this offer again.
    pub fn to_spec(&self) -> OfferSpec {
        let terms = &*self.terms;
        OfferSpec {
            id: self.id.clone(),
            name: terms.name.to_string(),
            trigger: self.code.clone().map_or(Trigger::Automatic, Trigger::Code),
            window: terms.window,
            conditions: terms.conditions.clone(),
            effects: terms.effects.to_vec(),
            combinable: terms.combinable.clone(),
            priority: terms.priority,
        }
    }

    /// The offer's id.
    pub fn id(&self) -> &OfferId {
        &self.id
    }

    /// The name the customer sees.
    pub fn name(&self) -> &str {
        &self.terms.name
    }

    /// The code that triggers it, or `None` for an automatic offer.
    pub fn code(&self) -> Option<&Code> {
        self.code.as_ref()
    }

    /// True for an offer without a code.
    pub fn is_automatic(&self) -> bool {
        self.code.is_none()
    }

    /// The validity window.
    pub fn window(&self) -> &ValidityWindow {
        &self.terms.window
    }

    /// The conditions.
    pub fn conditions(&self) -> &Conditions {
        &self.terms.conditions
    }

    /// The effects, in the order they apply (at least one).
    pub fn effects(&self) -> &[Effect] {
        &self.terms.effects
    }

    /// The gift the offer gives, if any: its product and listed unit price.
    pub fn gift(&self) -> Option<(&ProductId, Eur)> {
        self.terms.effects.iter().find_map(|e| match e {
            Effect::Gift {
                product,
                unit_price,
            } => Some((product, *unit_price)),
            _ => None,
        })
    }

    /// Which offers it may apply together with.
    pub fn combinable(&self) -> &Combinable {
        &self.terms.combinable
    }

    /// False for an offer that never applies together with another
    /// ([`Combinable::Never`]).
    pub fn is_combinable(&self) -> bool {
        self.terms.combinable != Combinable::Never
    }

    /// True when this offer and `other` may apply together: each allows the other
    /// (PROMO-2).
    pub fn combines_with(&self, other: &Offer) -> bool {
        self.terms.combinable.allows(&other.id) && other.terms.combinable.allows(&self.id)
    }

    /// Its priority.
    pub fn priority(&self) -> Priority {
        self.terms.priority
    }

    /// The product selections the cart must meet for the offer to have any chance: the
    /// products it requires and the selection its effect is taken from.
    pub(crate) fn product_selections(&self) -> impl Iterator<Item = &Selection> {
        let targets = self.terms.effects.iter().filter_map(|e| match e {
            Effect::PercentOff { on, .. } | Effect::AmountOff { on, .. } => on.selection(),
            Effect::FreeShipping | Effect::Gift { .. } => None,
        });
        let c = &self.terms.conditions;
        let in_selection = c.minimum_quantity_in.as_ref().map(|q| &q.of);
        c.requires.iter().chain(in_selection).chain(targets)
    }

    /// The name, shared: results that carry it copy a pointer, not the text.
    pub(crate) fn shared_name(&self) -> &Arc<str> {
        &self.terms.name
    }

    pub(crate) fn terms(&self) -> &Arc<Terms> {
        &self.terms
    }

    pub(crate) fn share_terms(&mut self, terms: Arc<Terms>) {
        self.terms = terms;
    }
}

fn check(spec: &OfferSpec) -> Result<(), PromoError> {
    let offer = spec.id.to_string();
    let positive = |what, amount: Eur| {
        if amount.is_negative() {
            Err(PromoError::NegativeAmount { what, amount })
        } else if amount.is_zero() {
            Err(PromoError::ZeroAmount { what })
        } else {
            Ok(())
        }
    };
    let selection = |on: &Target| match on.selection() {
        Some(s) if s.is_empty() => Err(PromoError::EmptySelection {
            offer: offer.clone(),
        }),
        _ => Ok(()),
    };
    if spec.effects.is_empty() {
        return Err(PromoError::NoEffect { offer });
    }
    let (mut free_shipping, mut gifts) = (0u8, 0u8);
    for effect in &spec.effects {
        match effect {
            Effect::PercentOff { on, .. } => selection(on)?,
            Effect::AmountOff { amount, on } => {
                positive("fixed discount", *amount)?;
                selection(on)?;
            }
            // Saturating is exact for what is asked: whether the count exceeds one.
            Effect::FreeShipping => free_shipping = u8::saturating_add(free_shipping, 1),
            Effect::Gift { unit_price, .. } => {
                positive("gift price", *unit_price)?;
                gifts = u8::saturating_add(gifts, 1);
            }
        }
    }
    for (count, effect) in [(free_shipping, "free shipping"), (gifts, "gift")] {
        if count > 1 {
            return Err(PromoError::DuplicateEffect { offer, effect });
        }
    }
    let c = &spec.conditions;
    if let Some(min) = c.minimum_amount
        && min.is_negative()
    {
        return Err(PromoError::NegativeAmount {
            what: "minimum amount",
            amount: min,
        });
    }
    if c.requires.as_ref().is_some_and(Selection::is_empty)
        || c.minimum_quantity_in
            .as_ref()
            .is_some_and(|q| q.of.is_empty())
    {
        return Err(PromoError::EmptySelection { offer });
    }
    for (empty, what) in [
        (
            c.delivery.as_ref().is_some_and(BTreeSet::is_empty),
            "delivery service",
        ),
        (
            c.destinations.as_ref().is_some_and(BTreeSet::is_empty),
            "destination",
        ),
        (
            c.customer_groups.as_ref().is_some_and(BTreeSet::is_empty),
            "customer group",
        ),
    ] {
        if empty {
            return Err(PromoError::EmptyRestriction {
                offer: offer.clone(),
                what,
            });
        }
    }
    if c.per_customer_limit == Some(0) || c.total_limit == Some(0) {
        return Err(PromoError::ZeroUsageLimit { offer });
    }
    Ok(())
}

impl TryFrom<OfferSpec> for Offer {
    type Error = PromoError;

    fn try_from(spec: OfferSpec) -> Result<Offer, PromoError> {
        Offer::new(spec)
    }
}

impl From<Offer> for OfferSpec {
    fn from(offer: Offer) -> OfferSpec {
        offer.to_spec()
    }
}

/// Builds an [`Offer`] from its required parts ([`Offer::builder`]) and chained optional ones;
/// [`build`](OfferBuilder::build) checks the whole as [`Offer::new`] does.
///
/// # Example
///
/// "10 % with code HIVER10 from 50 EUR", alone (it combines with no other offer):
///
/// ```
/// use comptoir_promo::{Code, Effect, Offer, Target};
///
/// let hiver = Offer::builder(
///     "hiver".parse()?,
///     "Soldes d'hiver -10 %",
///     Effect::PercentOff { percent: "10".parse()?, on: Target::Order },
/// )
/// .code(Code::new("HIVER10")?)
/// .minimum_amount("50".parse()?)
/// .not_combinable()
/// .build()?;
/// assert!(!hiver.is_combinable());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "an offer builder does nothing until `build` is called"]
pub struct OfferBuilder {
    spec: OfferSpec,
}

impl OfferBuilder {
    /// Adds `effect` after those given so far: one offer, several effects (PROMO-4).
    ///
    /// ```
    /// use comptoir_promo::{Code, Effect, Offer, Target};
    ///
    /// let offer = Offer::builder("duo".parse()?, "Port offert et -10 €", Effect::FreeShipping)
    ///     .also(Effect::AmountOff { amount: "10".parse()?, on: Target::Order })
    ///     .code(Code::new("DUO")?)
    ///     .build()?;
    /// assert_eq!(offer.effects().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn also(mut self, effect: Effect) -> OfferBuilder {
        self.spec.effects.push(effect);
        self
    }

    /// Triggered by `code` instead of automatically (PROMO-1).
    pub fn code(mut self, code: Code) -> OfferBuilder {
        self.spec.trigger = Trigger::Code(code);
        self
    }

    /// Valid within `window` only (PROMO-3).
    pub fn window(mut self, window: ValidityWindow) -> OfferBuilder {
        self.spec.window = window;
        self
    }

    /// Requires `conditions`, replacing those set so far (PROMO-3).
    pub fn conditions(mut self, conditions: Conditions) -> OfferBuilder {
        self.spec.conditions = conditions;
        self
    }

    /// Requires products worth at least `amount` (PROMO-3).
    pub fn minimum_amount(mut self, amount: Eur) -> OfferBuilder {
        self.spec.conditions.minimum_amount = Some(amount);
        self
    }

    /// Requires at least `units` units (PROMO-3).
    pub fn minimum_quantity(mut self, units: Quantity) -> OfferBuilder {
        self.spec.conditions.minimum_quantity = Some(units);
        self
    }

    /// Requires at least `units` units of the products of `selection` (PROMO-3).
    pub fn minimum_quantity_in(mut self, units: Quantity, selection: Selection) -> OfferBuilder {
        self.spec.conditions.minimum_quantity_in = Some(SelectionQuantity {
            units,
            of: selection,
        });
        self
    }

    /// Requires one of the products of `selection` in the cart (PROMO-3).
    pub fn requires(mut self, selection: Selection) -> OfferBuilder {
        self.spec.conditions.requires = Some(selection);
        self
    }

    /// Only with one of `services` (SHIP-1).
    pub fn delivery(mut self, services: impl IntoIterator<Item = DeliveryService>) -> OfferBuilder {
        self.spec.conditions.delivery = Some(services.into_iter().collect());
        self
    }

    /// Only to one of `destinations`.
    pub fn destinations(
        mut self,
        destinations: impl IntoIterator<Item = Destination>,
    ) -> OfferBuilder {
        self.spec.conditions.destinations = Some(destinations.into_iter().collect());
        self
    }

    /// Only for customers in one of `groups`.
    pub fn customer_groups(
        mut self,
        groups: impl IntoIterator<Item = CustomerGroup>,
    ) -> OfferBuilder {
        self.spec.conditions.customer_groups = Some(groups.into_iter().collect());
        self
    }

    /// Only on the customer's first order (PROMO-3).
    pub fn first_order_only(mut self) -> OfferBuilder {
        self.spec.conditions.first_order_only = true;
        self
    }

    /// At most `uses` uses per customer (PROMO-3).
    pub fn per_customer_limit(mut self, uses: u32) -> OfferBuilder {
        self.spec.conditions.per_customer_limit = Some(uses);
        self
    }

    /// At most `uses` uses in all: 1 for a single-use code (PROMO-3).
    pub fn total_limit(mut self, uses: u32) -> OfferBuilder {
        self.spec.conditions.total_limit = Some(uses);
        self
    }

    /// Leaves the lines already on sale out of its discounts (and of its minimum amount, with
    /// [`OnSale::ExcludedFromDiscountsAndMinimum`]).
    pub fn on_sale(mut self, on_sale: OnSale) -> OfferBuilder {
        self.spec.conditions.on_sale = on_sale;
        self
    }

    /// Which offers it may apply together with (PROMO-2).
    pub fn combinable(mut self, combinable: Combinable) -> OfferBuilder {
        self.spec.combinable = combinable;
        self
    }

    /// Never applies together with another offer (PROMO-2).
    pub fn not_combinable(self) -> OfferBuilder {
        self.combinable(Combinable::Never)
    }

    /// Applies together only with `offers` (PROMO-2).
    pub fn only_with(self, offers: impl IntoIterator<Item = OfferId>) -> OfferBuilder {
        self.combinable(Combinable::OnlyWith(offers.into_iter().collect()))
    }

    /// Its rank: lower applies first and wins conflicts (PROMO-2).
    pub fn priority(mut self, rank: u32) -> OfferBuilder {
        self.spec.priority = Priority::new(rank);
        self
    }

    /// Checks the offer and builds it.
    ///
    /// # Errors
    ///
    /// As [`Offer::new`].
    pub fn build(self) -> Result<Offer, PromoError> {
        Offer::new(self.spec)
    }
}
