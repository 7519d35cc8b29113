use chrono::{DateTime, TimeZone, Utc};
use comptoir_money::{Eur, Percent};

use crate::{CategoryId, Code, Line, OfferId, Priority, ProductId, PromoError, Quantity};

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
}

impl Conditions {
    /// True when a condition depends on the items bought (amount, quantity, products): such
    /// an offer can lapse when items are returned (RET-4, REF-1).
    pub fn depend_on_items(&self) -> bool {
        self.minimum_amount.is_some() || self.minimum_quantity.is_some() || self.requires.is_some()
    }
}

/// An offer's terms as the shop writes them, before they are checked by [`Offer::new`].
///
/// This is the plain data a shop keeps in a JSON or TOML file; deserialising an [`Offer`]
/// goes through it and through the same checks.
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
    /// What it gives.
    pub effect: Effect,
    /// Whether it may apply together with other offers (PROMO-2).
    pub combinable: bool,
    /// Lower applies first and wins conflicts.
    #[cfg_attr(feature = "serde", serde(default))]
    pub priority: Priority,
}

/// A checked offer: a code or automatic trigger, a validity window, conditions (PROMO-3), one
/// effect (PROMO-4), whether it combines with others and a priority (PROMO-2).
///
/// # Example
///
/// ```
/// use comptoir_promo::{Code, Effect, Offer, OfferSpec, Priority, Target, Trigger};
///
/// let offer = Offer::new(OfferSpec {
///     id: "winter".parse()?,
///     name: "Soldes d'hiver".into(),
///     trigger: Trigger::Code(Code::new("hiver10")?),
///     window: Default::default(),
///     conditions: Default::default(),
///     effect: Effect::PercentOff { percent: "10".parse()?, on: Target::Order },
///     combinable: true,
///     priority: Priority::new(10),
/// })?;
/// assert_eq!(offer.code().map(|c| c.as_str()), Some("HIVER10"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OfferSpec", into = "OfferSpec"))]
pub struct Offer(OfferSpec);

impl Offer {
    /// Checks `spec` and makes it an offer.
    ///
    /// # Errors
    ///
    /// - [`PromoError::NegativeAmount`] for a negative fixed amount, gift price or minimum;
    /// - [`PromoError::ZeroAmount`] for a fixed amount or gift price of zero;
    /// - [`PromoError::EmptySelection`] for a selection naming no product and no category;
    /// - [`PromoError::ZeroUsageLimit`] for a usage limit of zero.
    ///
    /// Percentages above 100, empty ids and windows that end before they start cannot be
    /// built at all ([`Percent`], the id types and [`ValidityWindow::new`] refuse them).
    pub fn new(spec: OfferSpec) -> Result<Offer, PromoError> {
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
        let selection = |on: &Target| match on {
            Target::Selection(s) if s.is_empty() => Err(PromoError::EmptySelection {
                offer: offer.clone(),
            }),
            _ => Ok(()),
        };
        match &spec.effect {
            Effect::PercentOff { on, .. } => selection(on)?,
            Effect::AmountOff { amount, on } => {
                positive("fixed discount", *amount)?;
                selection(on)?;
            }
            Effect::FreeShipping => {}
            Effect::Gift { unit_price, .. } => positive("gift price", *unit_price)?,
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
        if c.requires.as_ref().is_some_and(Selection::is_empty) {
            return Err(PromoError::EmptySelection { offer });
        }
        if c.per_customer_limit == Some(0) || c.total_limit == Some(0) {
            return Err(PromoError::ZeroUsageLimit { offer });
        }
        Ok(Offer(spec))
    }

    /// The terms as written.
    pub fn spec(&self) -> &OfferSpec {
        &self.0
    }

    /// The offer's id.
    pub fn id(&self) -> &OfferId {
        &self.0.id
    }

    /// The name the customer sees.
    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// The code that triggers it, or `None` for an automatic offer.
    pub fn code(&self) -> Option<&Code> {
        match &self.0.trigger {
            Trigger::Code(code) => Some(code),
            Trigger::Automatic => None,
        }
    }

    /// True for an offer without a code.
    pub fn is_automatic(&self) -> bool {
        self.0.trigger == Trigger::Automatic
    }

    /// The validity window.
    pub fn window(&self) -> &ValidityWindow {
        &self.0.window
    }

    /// The conditions.
    pub fn conditions(&self) -> &Conditions {
        &self.0.conditions
    }

    /// The effect.
    pub fn effect(&self) -> &Effect {
        &self.0.effect
    }

    /// Whether it may apply together with other offers.
    pub fn is_combinable(&self) -> bool {
        self.0.combinable
    }

    /// Its priority.
    pub fn priority(&self) -> Priority {
        self.0.priority
    }
}

impl TryFrom<OfferSpec> for Offer {
    type Error = PromoError;

    fn try_from(spec: OfferSpec) -> Result<Offer, PromoError> {
        Offer::new(spec)
    }
}

impl From<Offer> for OfferSpec {
    fn from(offer: Offer) -> OfferSpec {
        offer.0
    }
}
