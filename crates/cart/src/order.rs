use chrono::{DateTime, Utc};
use comptoir_account::CustomerId;
use comptoir_money::Eur;
use comptoir_promo::{
    AppliedOffer, EvaluatedLine, Evaluation, EvaluationContext, EvaluationTotals, Line, LineId,
    Offer, PromoPolicy, Quantity, evaluate_as_at, evaluate_totals_as_at,
};

use crate::{Cart, CartError, Change, CodeOutcome, Delivery, Rejected, Terms};

/// A validated cart: the frozen snapshot of what was agreed (CART-3). It has no method that
/// adds an item or a code, or changes anything (CART-1, CART-2).
///
/// The snapshot holds the customer it belongs to (ACC-1), the lines with their unit prices,
/// the offers applied **with their full terms**, the context they were evaluated in (instant, first order, usage counts), the
/// policy, the delivery with its cost, and the resulting net amounts and total. Later rules
/// (returns, refunds) reprice from it with [`Order::reprice`] or, totals only (as the refund
/// ledger does), [`Order::reprice_totals`], never from today's catalogue.
///
/// **Stored orders** (feature `serde`). An order is read through the check that
/// [`Cart::validate`] ends with, so that it is one validation could have produced as far as
/// its parts show: at least one line, no two lines with one id, the context's delivery
/// service that of the delivery chosen, usage counts kept only for the offers applied, the
/// offers frozen exactly those that apply to the lines as at validation (an offer whose
/// window was closed then does not) and in that order, and the stored total the one those
/// terms give. A stored order breaking one of these is
/// refused with [`CartError::EmptyCart`], [`CartError::DuplicateLine`],
/// [`CartError::InconsistentOrder`] (saying what disagrees) or [`CartError::Promo`]. What
/// the parts cannot show (the catalogue and codes of the day, the offers that did not apply,
/// the customer's real usage counts) is not checked; nor are the conditions an evaluation
/// as at validation leaves aside (usage limits, customer groups, delivery restrictions),
/// whose one home is the promotion engine's evaluation of a whole catalogue.
///
/// Adding a line to an order does not compile:
///
/// ```compile_fail,E0599
/// # use comptoir_cart::{CustomerId, Order, Terms};
/// # use comptoir_promo::Line;
/// fn add(order: &mut Order, line: Line, terms: &Terms<'_>) {
///     order.add_line(line, terms);
/// }
/// ```
///
/// nor does entering a code:
///
/// ```compile_fail,E0599
/// # use comptoir_cart::{CustomerId, Order, Terms};
/// fn enter(order: &mut Order, terms: &Terms<'_>) {
///     order.enter_code("HIVER10", terms);
/// }
/// ```
///
/// nor changing a quantity:
///
/// ```compile_fail,E0599
/// # use comptoir_cart::{CustomerId, Order, Terms};
/// # use comptoir_promo::{LineId, Quantity};
/// fn more(order: &mut Order, id: &LineId, terms: &Terms<'_>) {
///     order.set_quantity(id, Quantity::ONE, terms);
/// }
/// ```
///
/// while the same calls on a [`Cart`] do:
///
/// ```
/// # use comptoir_cart::{Cart, CartError, CustomerId, Terms};
/// # use comptoir_promo::{Line, LineId, Quantity};
/// fn change(cart: &mut Cart, line: Line, id: &LineId, terms: &Terms<'_>) -> Result<(), CartError> {
///     cart.add_line(line, terms)?;
///     cart.enter_code("HIVER10", terms)?;
///     cart.set_quantity(id, Quantity::ONE, terms)?;
///     Ok(())
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "OrderData", into = "OrderData"))]
pub struct Order {
    customer: CustomerId,
    lines: Vec<Line>,
    delivery: Delivery,
    offers: Vec<Offer>,
    context: EvaluationContext,
    policy: PromoPolicy,
    // Boxed: an order is moved around whole (in a `CartOrOrder`), its evaluation is large.
    evaluation: Box<Evaluation>,
    products_total: Eur,
}

impl Order {
    /// Freezes an order from its terms, computing its figures from them.
    ///
    /// Every offer must apply, in the order given: an order lists the offers it agreed to in
    /// the order they applied (CART-3), so anything else is an inconsistent record.
    pub(crate) fn freeze(
        customer: CustomerId,
        lines: Vec<Line>,
        delivery: Delivery,
        offers: Vec<Offer>,
        context: EvaluationContext,
        policy: PromoPolicy,
    ) -> Result<Order, CartError> {
        // What `Cart::validate` refuses, or could not produce: one function checks a cart
        // being validated and a stored order alike.
        if lines.is_empty() {
            return Err(CartError::EmptyCart);
        }
        crate::cart::check_distinct_lines(&lines)?;
        if context.delivery() != Some(delivery.service()) {
            return Err(CartError::InconsistentOrder {
                what: "the context's delivery service is not the delivery chosen",
            });
        }
        if context.restricted_to(offers.iter().map(Offer::id)) != context {
            return Err(CartError::InconsistentOrder {
                what: "the context keeps usage counts of an offer that did not apply",
            });
        }
        let evaluation = evaluate_as_at(&offers, &lines, delivery.cost(), &context, &policy)?;
        if !offers
            .iter()
            .map(Offer::id)
            .eq(evaluation.applied().iter().map(AppliedOffer::offer))
        {
            return Err(CartError::InconsistentOrder {
                what: "the offers frozen are not the offers that apply",
            });
        }
        // Computed once here, where a failure can be reported, so the accessor cannot fail.
        let products_total = evaluation
            .total()
            .checked_sub(evaluation.shipping_net())
            .map_err(comptoir_promo::PromoError::from)?;
        Ok(Order {
            customer,
            lines,
            delivery,
            offers,
            context,
            policy,
            evaluation: Box::new(evaluation),
            products_total,
        })
    }

    /// The customer the order belongs to (ACC-1): the account whose order history lists it.
    pub fn customer(&self) -> CustomerId {
        self.customer
    }

    /// The lines as ordered: ids, products, unit prices and quantities.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The evaluated line `id`: amount, discount and net paid amount (REF-4 refunds an
    /// unavailable product at its net amount).
    pub fn line(&self, id: &LineId) -> Option<&EvaluatedLine> {
        self.evaluation.line(id)
    }

    /// The net paid amount of line `id`.
    pub fn net_of(&self, id: &LineId) -> Option<Eur> {
        self.line(id).map(EvaluatedLine::net)
    }

    /// Every evaluated line, the gift lines included.
    pub fn evaluated_lines(&self) -> &[EvaluatedLine] {
        self.evaluation.lines()
    }

    /// The delivery service and its cost, as chosen.
    pub fn delivery(&self) -> Delivery {
        self.delivery
    }

    /// Shipping before offers: the cost of the delivery chosen.
    pub fn shipping_amount(&self) -> Eur {
        self.evaluation.shipping_amount()
    }

    /// What offers took off shipping.
    pub fn shipping_discount(&self) -> Eur {
        self.evaluation.shipping_discount()
    }

    /// Shipping paid, after a free-shipping offer.
    pub fn shipping_net(&self) -> Eur {
        self.evaluation.shipping_net()
    }

    /// The amount paid: the lines' net amounts plus [`shipping_net`](Self::shipping_net).
    pub fn total(&self) -> Eur {
        self.evaluation.total()
    }

    /// The amount paid for the products: the lines' net amounts after every discount, without
    /// shipping (gift lines are free and add nothing). This is the "products" figure that
    /// payment in instalments (PAY-4, PAY-5) and refunds (REF-1) take: passing
    /// [`Order::total`] instead counts shipping twice.
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
    /// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
    /// let order = cart.validate(CustomerId::new(1), &terms)?;
    /// assert_eq!(order.products_total(), "12.00".parse()?);
    /// assert_eq!(order.total(), "15.90".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn products_total(&self) -> Eur {
        self.products_total
    }

    /// The instant of validation.
    pub fn validated_at(&self) -> DateTime<Utc> {
        self.context.at()
    }

    /// The offers applied, with their full terms, in the order they applied.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// The context of validation (instant, first order, usage counts of the applied offers).
    pub fn context(&self) -> &EvaluationContext {
        &self.context
    }

    /// The promotion policy in force at validation.
    pub fn policy(&self) -> PromoPolicy {
        self.policy
    }

    /// The full evaluation at validation: offers applied, their discounts and allocation.
    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// Reprices `lines` (e.g. the items kept after a return) under this order's frozen offers,
    /// as at validation (REF-1): offers whose conditions no longer hold lapse.
    ///
    /// # Errors
    ///
    /// [`CartError::Promo`] for duplicate line ids, a negative shipping cost or overflow.
    pub fn reprice(&self, lines: &[Line], shipping: Eur) -> Result<Evaluation, CartError> {
        Ok(evaluate_as_at(
            &self.offers,
            lines,
            shipping,
            &self.context,
            &self.policy,
        )?)
    }

    /// The totals of [`Order::reprice`] for `lines` counted at the units given (the order's
    /// lines at the units kept after a return, say), without the per-line shares: which
    /// offers still apply, why the others lapsed, and what the kept items cost. It costs a
    /// fraction of a whole repricing, and it copies no line.
    ///
    /// # Errors
    ///
    /// As [`Order::reprice`].
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
    /// use comptoir_promo::*;
    ///
    /// let ten_off = Effect::AmountOff { amount: "10".parse()?, on: Target::Order };
    /// let catalogue = Catalogue::new([Offer::builder("dix".parse()?, "-10 € dès 100 €", ten_off)
    ///     .minimum_amount("100".parse()?)
    ///     .build()?])?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).single().ok_or("instant")?;
    /// let context = EvaluationContext::new(at);
    /// let terms = Terms::new(&catalogue, &context);
    /// let mut cart = Cart::new();
    /// cart.add_line(Line::new("tea".parse()?, "TEA".parse()?, "30".parse()?, Quantity::new(4)?)?, &terms)?;
    /// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
    /// let order = cart.validate(CustomerId::new(1), &terms)?;
    /// assert_eq!(order.total(), "110.00".parse()?);
    ///
    /// // One tea of four comes back: three kept, 90.00, below the minimum.
    /// let kept = order.lines().iter().map(|l| (l, Quantity::new(3).unwrap_or(l.quantity())));
    /// let totals = order.reprice_totals(kept, order.delivery().cost())?;
    /// assert_eq!(totals.items_net(), "90.00".parse()?);
    /// assert!(!totals.applies(&"dix".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reprice_totals<'a>(
        &self,
        lines: impl IntoIterator<Item = (&'a Line, Quantity)>,
        shipping: Eur,
    ) -> Result<EvaluationTotals, CartError> {
        Ok(evaluate_totals_as_at(
            &self.offers,
            lines,
            shipping,
            &self.context,
            &self.policy,
        )?)
    }
}

/// The stored form of an [`Order`]: its frozen terms and the total paid. The evaluation is not
/// stored: it is computed again from the terms when the order is read.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct OrderData {
    customer: CustomerId,
    lines: Vec<Line>,
    delivery: Delivery,
    offers: Vec<Offer>,
    context: EvaluationContext,
    policy: PromoPolicy,
    total: Eur,
}

#[cfg(feature = "serde")]
impl TryFrom<OrderData> for Order {
    type Error = CartError;

    /// A stored order is recomputed from its frozen terms; a total that disagrees means the
    /// record was altered or corrupted, and is refused rather than trusted.
    fn try_from(d: OrderData) -> Result<Order, CartError> {
        let order = Order::freeze(
            d.customer, d.lines, d.delivery, d.offers, d.context, d.policy,
        )?;
        if order.total() != d.total {
            return Err(CartError::InconsistentOrder {
                what: "the total paid is not what the frozen terms give",
            });
        }
        Ok(order)
    }
}

#[cfg(feature = "serde")]
impl From<Order> for OrderData {
    fn from(o: Order) -> OrderData {
        OrderData {
            total: o.total(),
            customer: o.customer,
            lines: o.lines,
            delivery: o.delivery,
            offers: o.offers,
            context: o.context,
            policy: o.policy,
        }
    }
}

/// A cart or an order, for code that loads either from storage. Every change to an order is
/// refused with [`CartError::Locked`] (CART-1, CART-2).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_cart::{Cart, CartError, CartOrOrder, CustomerId, Delivery, DeliveryService, Terms};
/// use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
/// let context = EvaluationContext::new(at);
/// let catalogue = Catalogue::default();
/// let terms = Terms::new(&catalogue, &context);
/// let mut stored = CartOrOrder::Cart(Cart::new());
/// stored.add_line(Line::new("l1".parse()?, "mug".parse()?, "12.00".parse()?, Quantity::ONE)?, &terms)?;
/// stored.choose_delivery(Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?, &terms)?;
/// stored.validate(CustomerId::new(1), &terms)?;
/// let refused = stored.enter_code("HIVER10", &terms).err().ok_or("an order takes no code")?;
/// assert!(refused.is_locked());
/// assert_eq!(
///     refused.message_fr(),
///     "Votre commande est validée : aucun code promo ne peut plus y être ajouté."
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CartOrOrder {
    /// An open cart.
    Cart(Cart),
    /// A validated order.
    Order(Order),
}

impl CartOrOrder {
    /// True for an order.
    pub fn is_locked(&self) -> bool {
        matches!(self, CartOrOrder::Order(_))
    }

    /// The cart, if open.
    pub fn as_cart(&self) -> Option<&Cart> {
        match self {
            CartOrOrder::Cart(c) => Some(c),
            CartOrOrder::Order(_) => None,
        }
    }

    /// The order, if validated.
    pub fn as_order(&self) -> Option<&Order> {
        match self {
            CartOrOrder::Order(o) => Some(o),
            CartOrOrder::Cart(_) => None,
        }
    }

    fn cart_mut(&mut self, attempted: Change) -> Result<&mut Cart, CartError> {
        match self {
            CartOrOrder::Cart(c) => Ok(c),
            CartOrOrder::Order(_) => Err(CartError::Locked { attempted }),
        }
    }

    /// [`Cart::add_line`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::add_line`].
    pub fn add_line(
        &mut self,
        line: Line,
        terms: &Terms<'_>,
    ) -> Result<crate::CartChange, CartError> {
        self.cart_mut(Change::AddLine)?.add_line(line, terms)
    }

    /// [`Cart::remove_line`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::remove_line`].
    pub fn remove_line(
        &mut self,
        id: &LineId,
        terms: &Terms<'_>,
    ) -> Result<crate::CartChange, CartError> {
        self.cart_mut(Change::RemoveLine)?.remove_line(id, terms)
    }

    /// [`Cart::set_quantity`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::set_quantity`].
    pub fn set_quantity(
        &mut self,
        id: &LineId,
        quantity: comptoir_promo::Quantity,
        terms: &Terms<'_>,
    ) -> Result<crate::CartChange, CartError> {
        self.cart_mut(Change::ChangeQuantity)?
            .set_quantity(id, quantity, terms)
    }

    /// [`Cart::enter_code`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::enter_code`].
    pub fn enter_code(&mut self, typed: &str, terms: &Terms<'_>) -> Result<CodeOutcome, CartError> {
        self.cart_mut(Change::EnterCode)?.enter_code(typed, terms)
    }

    /// [`Cart::remove_code`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::remove_code`].
    pub fn remove_code(
        &mut self,
        typed: &str,
        terms: &Terms<'_>,
    ) -> Result<crate::CartChange, CartError> {
        self.cart_mut(Change::RemoveCode)?.remove_code(typed, terms)
    }

    /// [`Cart::choose_delivery`].
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::choose_delivery`].
    pub fn choose_delivery(
        &mut self,
        delivery: Delivery,
        terms: &Terms<'_>,
    ) -> Result<crate::CartChange, CartError> {
        self.cart_mut(Change::ChooseDelivery)?
            .choose_delivery(delivery, terms)
    }

    /// Validates the cart in place into an order of `customer` (ACC-1) and returns the order.
    ///
    /// # Errors
    ///
    /// [`CartError::Locked`] on an order; otherwise as [`Cart::validate`], the cart staying
    /// as it was.
    pub fn validate(
        &mut self,
        customer: CustomerId,
        terms: &Terms<'_>,
    ) -> Result<&Order, CartError> {
        let cart = core::mem::take(self.cart_mut(Change::Validate)?);
        match cart.validate(customer, terms) {
            Ok(order) => *self = CartOrOrder::Order(order),
            Err(rejected) => {
                let error = rejected.error().clone();
                *self = CartOrOrder::Cart(Rejected::into_cart(rejected));
                return Err(error);
            }
        }
        self.as_order().ok_or(CartError::Locked {
            attempted: Change::Validate,
        })
    }
}
