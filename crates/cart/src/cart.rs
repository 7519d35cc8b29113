use std::borrow::Cow;
use std::collections::BTreeSet;

use comptoir_account::CustomerId;
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, Evaluation, EvaluationContext, Line, LineId, Offer, OfferId, PromoPolicy,
    Quantity, Refusal, evaluate,
};

use crate::{CartError, Delivery, Order};

/// What a cart is priced against: the shop's [`Catalogue`], the context (instant, first
/// order, usage counts) and the shop's policy. Given to every change, because automatic
/// offers are re-evaluated on each one (PROMO-2).
///
/// The catalogue is checked when it is built, so terms cannot hold a catalogue where two
/// offers share an id or a code.
#[derive(Clone, Copy, Debug)]
pub struct Terms<'a> {
    catalogue: &'a Catalogue,
    context: &'a EvaluationContext,
    policy: PromoPolicy,
}

impl<'a> Terms<'a> {
    /// The shop's `catalogue` in `context`, under the default [`PromoPolicy`].
    pub fn new(catalogue: &'a Catalogue, context: &'a EvaluationContext) -> Terms<'a> {
        Terms {
            catalogue,
            context,
            policy: PromoPolicy::default(),
        }
    }

    /// The same terms under `policy`.
    #[must_use]
    pub fn with_policy(mut self, policy: PromoPolicy) -> Terms<'a> {
        self.policy = policy;
        self
    }

    /// The shop's offers.
    pub fn catalogue(&self) -> &'a Catalogue {
        self.catalogue
    }

    /// The context.
    pub fn context(&self) -> &'a EvaluationContext {
        self.context
    }

    /// The policy.
    pub fn policy(&self) -> PromoPolicy {
        self.policy
    }
}

/// An offer a change removed from the cart, with the reason (PROMO-2).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RemovedOffer {
    /// The offer.
    pub offer: OfferId,
    /// Its name, as the customer sees it.
    pub name: String,
    /// Why it no longer applies.
    pub reason: Refusal,
}

impl RemovedOffer {
    /// The sentence the shop shows, in French.
    pub fn message_fr(&self) -> String {
        format!(
            "L'offre « {} » a été retirée de votre panier. {}",
            self.name,
            self.reason.message_fr()
        )
    }
}

/// How a change moved the offers: those that now apply and those that no longer do.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CartChange {
    /// Offers that apply after the change and did not before.
    pub added: Vec<OfferId>,
    /// Offers that applied before the change and no longer do, with the reason (an offer whose
    /// code was just removed is not listed).
    pub removed: Vec<RemovedOffer>,
}

impl CartChange {
    fn between(before: &Evaluation, after: &Evaluation, catalogue: &Catalogue) -> CartChange {
        let added = after
            .applied()
            .iter()
            .filter(|a| !before.applies(a.offer()))
            .map(|a| a.offer().clone())
            .collect();
        let removed = before
            .applied()
            .iter()
            .filter_map(|b| {
                let reason = match after.reason(b.offer()) {
                    Some(reason) => reason.clone(),
                    // An automatic offer the evaluation no longer considers lost the last
                    // line of the products it is bound to (the instant did not move).
                    None if !after.applies(b.offer())
                        && catalogue.offer(b.offer()).is_some_and(Offer::is_automatic) =>
                    {
                        Refusal::ProductRestrictionNotMet
                    }
                    // Otherwise the customer removed its code: they know, so it is not
                    // reported.
                    None => return None,
                };
                Some(RemovedOffer {
                    offer: b.offer().clone(),
                    name: b.name().to_owned(),
                    reason,
                })
            })
            .collect();
        CartChange { added, removed }
    }
}

/// The answer to entering a code (PROMO-1).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CodeOutcome {
    /// The code's offer applies; it may have replaced offers of lower priority (PROMO-2).
    Applied {
        /// The offer the code triggers.
        offer: OfferId,
        /// Offers it displaced, each with its reason.
        removed: Vec<RemovedOffer>,
    },
    /// The code does not apply, and why.
    Refused(Refusal),
}

impl CodeOutcome {
    /// True when the code's offer applies.
    pub fn is_applied(&self) -> bool {
        matches!(self, CodeOutcome::Applied { .. })
    }

    /// The sentence the shop shows, in French.
    pub fn message_fr(&self) -> String {
        match self {
            CodeOutcome::Applied { removed, .. } => {
                let mut s = String::from("Votre code promo est enregistré dans votre panier.");
                for r in removed {
                    s.push(' ');
                    s.push_str(&r.message_fr());
                }
                s
            }
            CodeOutcome::Refused(r) => r.message_fr(),
        }
    }
}

/// An open cart: lines, the codes entered and the delivery chosen. It changes freely until
/// [`Cart::validate`] turns it into an [`Order`], which cannot change (CART-1).
///
/// The codes are a set: the evaluation considers offers by (priority, id), so the cart's
/// price never depends on the order codes were entered (PROMO-2). A code that is refused
/// stays entered and applies as soon as its condition holds (the customer removes it with
/// [`Cart::remove_code`]); an unknown code is not kept.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at);
/// let catalogue = Catalogue::default();
/// let terms = Terms::new(&catalogue, &context);
/// let mut cart = Cart::new();
/// cart.add_line(Line::new("l1".parse()?, "mug".parse()?, "12.00".parse()?, Quantity::ONE)?, &terms)?;
/// cart.set_quantity(&"l1".parse()?, Quantity::new(2)?, &terms)?;
/// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
/// assert_eq!(cart.evaluate(&terms)?.total(), "27.90".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CartData", into = "CartData"))]
pub struct Cart {
    lines: Vec<Line>,
    codes: BTreeSet<Code>,
    delivery: Option<Delivery>,
}

impl Cart {
    /// An empty cart.
    pub fn new() -> Cart {
        Cart::default()
    }

    /// The lines, in the order they were added.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The codes entered, normalised.
    pub fn codes(&self) -> &BTreeSet<Code> {
        &self.codes
    }

    /// The delivery chosen, if any.
    pub fn delivery(&self) -> Option<Delivery> {
        self.delivery
    }

    fn shipping(&self) -> Eur {
        self.delivery.map_or(Eur::ZERO, |d| d.cost())
    }

    /// What the cart costs under `terms`: offers applied, lines, shipping, total and the
    /// reasons of offers not applied.
    ///
    /// # Errors
    ///
    /// [`CartError::Promo`] on overflow.
    pub fn evaluate(&self, terms: &Terms<'_>) -> Result<Evaluation, CartError> {
        Ok(evaluate(
            terms.catalogue,
            &self.codes,
            &self.lines,
            self.shipping(),
            &self.context(terms),
            &terms.policy,
        )?)
    }

    /// The terms' context, with this cart's delivery service when one is chosen, so that
    /// offers restricted to a service see it (SHIP-1).
    fn context<'t>(&self, terms: &Terms<'t>) -> Cow<'t, EvaluationContext> {
        match self.delivery.map(|d| d.service()) {
            Some(service) if terms.context.delivery() != Some(service) => {
                Cow::Owned(terms.context.clone().with_delivery(service))
            }
            _ => Cow::Borrowed(terms.context),
        }
    }

    /// Applies `edit` to a copy, prices it and keeps it only if everything succeeded, so a
    /// refused change leaves the cart as it was.
    fn change(
        &mut self,
        terms: &Terms<'_>,
        edit: impl FnOnce(&mut Cart) -> Result<(), CartError>,
    ) -> Result<(Evaluation, Evaluation), CartError> {
        let before = self.evaluate(terms)?;
        let mut next = self.clone();
        edit(&mut next)?;
        let after = next.evaluate(terms)?;
        *self = next;
        Ok((before, after))
    }

    /// Adds `line`. Automatic offers are re-evaluated; the answer says which offers the change
    /// added or removed (PROMO-2).
    ///
    /// # Errors
    ///
    /// [`CartError::DuplicateLine`] when a line with the same id is in the cart.
    pub fn add_line(&mut self, line: Line, terms: &Terms<'_>) -> Result<CartChange, CartError> {
        let (before, after) = self.change(terms, |cart| {
            if cart.lines.iter().any(|l| l.id() == line.id()) {
                return Err(CartError::DuplicateLine {
                    id: line.id().to_string(),
                });
            }
            cart.lines.push(line);
            Ok(())
        })?;
        Ok(CartChange::between(&before, &after, terms.catalogue))
    }

    /// Removes the line `id` and returns it with the offers the change moved.
    ///
    /// # Errors
    ///
    /// [`CartError::UnknownLine`] when no line has this id.
    pub fn remove_line(&mut self, id: &LineId, terms: &Terms<'_>) -> Result<CartChange, CartError> {
        let (before, after) = self.change(terms, |cart| {
            let at = cart.position(id)?;
            cart.lines.remove(at);
            Ok(())
        })?;
        Ok(CartChange::between(&before, &after, terms.catalogue))
    }

    /// Sets the quantity of line `id`. A [`Quantity`] is at least one: removing goes through
    /// [`Cart::remove_line`], never through a zero.
    ///
    /// # Errors
    ///
    /// [`CartError::UnknownLine`] when no line has this id.
    pub fn set_quantity(
        &mut self,
        id: &LineId,
        quantity: Quantity,
        terms: &Terms<'_>,
    ) -> Result<CartChange, CartError> {
        let (before, after) = self.change(terms, |cart| {
            let at = cart.position(id)?;
            if let Some(line) = cart.lines.get_mut(at) {
                *line = line.clone().with_quantity(quantity);
            }
            Ok(())
        })?;
        Ok(CartChange::between(&before, &after, terms.catalogue))
    }

    /// Chooses the delivery service and its cost (SHIP-1), replacing an earlier choice.
    ///
    /// # Errors
    ///
    /// [`CartError::Promo`] on overflow.
    pub fn choose_delivery(
        &mut self,
        delivery: Delivery,
        terms: &Terms<'_>,
    ) -> Result<CartChange, CartError> {
        let (before, after) = self.change(terms, |cart| {
            cart.delivery = Some(delivery);
            Ok(())
        })?;
        Ok(CartChange::between(&before, &after, terms.catalogue))
    }

    /// Enters the code the customer typed (PROMO-1) and answers with the outcome: applied
    /// (naming the offers it displaced, PROMO-2), or refused with the reason.
    ///
    /// The outcome compares the evaluation before and after, so it is exactly what the
    /// customer will pay. An unknown code is not kept.
    ///
    /// **One code per cart.** Under [`PromoPolicy::one_code_per_cart`], a code entered while
    /// another is in the cart is refused with [`Refusal::OneCodePerCart`] naming the code
    /// entered, and not kept; automatic offers still combine with the code by their own
    /// terms.
    ///
    /// **Equal priorities.** A code whose offer conflicts with an applied one is refused
    /// unless its priority is strictly higher (lower number) or, at equal priority, its offer
    /// id is smaller: ties are broken by (priority, id) as PROMO-2 says, never by which code
    /// came first, so that the cart is the same whatever order the codes were entered in (see
    /// [`evaluate`](comptoir_promo::evaluate)). Such a newcomer is
    /// [`CodeOutcome::Applied`] and names the offer it displaced.
    ///
    /// # Errors
    ///
    /// [`CartError::Promo`] when `typed` is empty or only spaces, or on overflow.
    pub fn enter_code(&mut self, typed: &str, terms: &Terms<'_>) -> Result<CodeOutcome, CartError> {
        let code = Code::new(typed)?;
        // Codes are unique in a catalogue, so the code names one offer.
        let Some(offer) = terms.catalogue.offer_by_code(&code) else {
            return Ok(CodeOutcome::Refused(Refusal::UnknownCode { code }));
        };
        let already = self.codes.contains(&code);
        // PROMO-1: a shop that takes one code per cart refuses a second one, naming the
        // first, and does not keep it.
        if terms.policy.one_code_per_cart
            && !already
            && let Some(entered) = self.codes.first()
        {
            return Ok(CodeOutcome::Refused(Refusal::OneCodePerCart {
                entered: entered.clone(),
            }));
        }
        let (before, after) = self.change(terms, |cart| {
            cart.codes.insert(code.clone());
            Ok(())
        })?;
        Ok(if after.applies(offer.id()) {
            if already {
                CodeOutcome::Refused(Refusal::AlreadyApplied)
            } else {
                CodeOutcome::Applied {
                    offer: offer.id().clone(),
                    removed: CartChange::between(&before, &after, terms.catalogue).removed,
                }
            }
        } else {
            CodeOutcome::Refused(
                after
                    .reason(offer.id())
                    .cloned()
                    .unwrap_or(Refusal::UnknownCode { code }),
            )
        })
    }

    /// Removes an entered code; offers it displaced may apply again.
    ///
    /// # Errors
    ///
    /// [`CartError::CodeNotEntered`] when the code is not in the cart, [`CartError::Promo`]
    /// when `typed` is empty.
    pub fn remove_code(&mut self, typed: &str, terms: &Terms<'_>) -> Result<CartChange, CartError> {
        let code = Code::new(typed)?;
        let (before, after) = self.change(terms, |cart| {
            if cart.codes.remove(&code) {
                Ok(())
            } else {
                Err(CartError::CodeNotEntered {
                    code: code.to_string(),
                })
            }
        })?;
        Ok(CartChange::between(&before, &after, terms.catalogue))
    }

    /// Validates the cart into an [`Order`] of `customer` at the context's instant: the
    /// customer (ACC-1), the lines, the offers applied with their full terms, the delivery and
    /// the totals are frozen (CART-1, CART-3).
    ///
    /// The customer is an argument, not a setting of the cart: an order cannot be made
    /// without one, so every order can be listed in its customer's order history. The
    /// account's identifier comes from a logged-in account
    /// ([`RegisteredCustomer::id`](comptoir_account::RegisteredCustomer::id)).
    ///
    /// Validating without a customer does not compile:
    ///
    /// ```compile_fail,E0061
    /// # use comptoir_cart::{Cart, Terms};
    /// fn checkout(cart: Cart, terms: &Terms<'_>) {
    ///     let _ = cart.validate(terms);
    /// }
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Rejected`] giving the cart back with [`CartError::EmptyCart`],
    /// [`CartError::NoDeliveryChosen`] or [`CartError::Promo`] (overflow).
    pub fn validate(self, customer: CustomerId, terms: &Terms<'_>) -> Result<Order, Rejected> {
        match self.freeze(customer, terms) {
            Ok(order) => Ok(order),
            Err(error) => Err(Rejected {
                cart: Box::new(self),
                error,
            }),
        }
    }

    fn freeze(&self, customer: CustomerId, terms: &Terms<'_>) -> Result<Order, CartError> {
        // Said before the delivery, which an empty cart rarely has: the emptiness is the news.
        if self.lines.is_empty() {
            return Err(CartError::EmptyCart);
        }
        let delivery = self.delivery.ok_or(CartError::NoDeliveryChosen)?;
        let evaluation = self.evaluate(terms)?;
        // CART-3: the order lists its offers in the order they applied, whatever order the
        // shop's catalogue lists them in.
        let offers = evaluation
            .applied()
            .iter()
            .map(|applied| {
                terms.catalogue.offer(applied.offer()).cloned().ok_or(
                    CartError::InconsistentOrder {
                        what: "an offer applied is not in the catalogue",
                    },
                )
            })
            .collect::<Result<Vec<Offer>, CartError>>()?;
        let context = self
            .context(terms)
            .restricted_to(offers.iter().map(Offer::id));
        Order::freeze(
            customer,
            self.lines.clone(),
            delivery,
            offers,
            context,
            terms.policy,
        )
    }

    fn position(&self, id: &LineId) -> Result<usize, CartError> {
        self.lines
            .iter()
            .position(|l| l.id() == id)
            .ok_or_else(|| CartError::UnknownLine { id: id.to_string() })
    }

    /// A cart from parts, checked as a stored cart is.
    #[cfg_attr(not(any(feature = "serde", feature = "proptest")), allow(dead_code))]
    pub(crate) fn from_parts(
        lines: Vec<Line>,
        codes: BTreeSet<Code>,
        delivery: Option<Delivery>,
    ) -> Result<Cart, CartError> {
        check_distinct_lines(&lines)?;
        Ok(Cart {
            lines,
            codes,
            delivery,
        })
    }
}

/// A cart that could not be validated, given back with the reason, as std's
/// `FromUtf8Error::into_bytes` gives back the bytes.
///
/// It converts into its [`CartError`], so `?` treats [`Cart::validate`] like
/// [`CartOrOrder::validate`](crate::CartOrOrder::validate):
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_cart::{Cart, CartError, CustomerId, Order, Terms};
/// use comptoir_promo::{Catalogue, EvaluationContext};
///
/// fn checkout(cart: Cart, terms: &Terms<'_>) -> Result<Order, CartError> {
///     Ok(cart.validate(CustomerId::new(1), terms)?)
/// }
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
/// let (catalogue, context) = (Catalogue::default(), EvaluationContext::new(at));
/// let refused = checkout(Cart::new(), &Terms::new(&catalogue, &context));
/// assert_eq!(refused.err(), Some(CartError::EmptyCart));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    cart: Box<Cart>,
    error: CartError,
}

impl Rejected {
    /// Why validation failed.
    pub fn error(&self) -> &CartError {
        &self.error
    }

    /// The cart, unchanged.
    pub fn cart(&self) -> &Cart {
        &self.cart
    }

    /// The cart, unchanged, by value.
    pub fn into_cart(self) -> Cart {
        *self.cart
    }
}

impl From<Rejected> for CartError {
    /// The reason, dropping the cart.
    fn from(rejected: Rejected) -> CartError {
        rejected.error
    }
}

impl core::fmt::Display for Rejected {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "cart not validated: {}", self.error)
    }
}

impl std::error::Error for Rejected {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Refuses two lines with one id: what [`Cart::add_line`] refuses, checked again wherever
/// lines come in whole (a stored cart, a stored order).
pub(crate) fn check_distinct_lines(lines: &[Line]) -> Result<(), CartError> {
    let mut seen = BTreeSet::new();
    for line in lines {
        if !seen.insert(line.id()) {
            return Err(CartError::DuplicateLine {
                id: line.id().to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct CartData {
    lines: Vec<Line>,
    #[serde(default)]
    codes: BTreeSet<Code>,
    #[serde(default)]
    delivery: Option<Delivery>,
}

#[cfg(feature = "serde")]
impl TryFrom<CartData> for Cart {
    type Error = CartError;

    fn try_from(d: CartData) -> Result<Cart, CartError> {
        Cart::from_parts(d.lines, d.codes, d.delivery)
    }
}

#[cfg(feature = "serde")]
impl From<Cart> for CartData {
    fn from(c: Cart) -> CartData {
        CartData {
            lines: c.lines,
            codes: c.codes,
            delivery: c.delivery,
        }
    }
}
