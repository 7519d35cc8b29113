//! Paying in instalments: eligibility (PAY-4) and the schedule (PAY-5).

use core::fmt;

use chrono::NaiveDate;
use comptoir_calendar::{CalendarDays, Months as CalendarMonths};
use comptoir_cart::Order;
use comptoir_money::Eur;

use comptoir_calendar::law::{ContractDay, LawChange};

use crate::{Card, CreditFacts, ExpiryMonth, PaymentError};

/// What an order costs, as the instalment rules need it: the products and the shipping apart,
/// because whether shipping counts towards the 100 EUR is a policy switch (PAY-4).
///
/// # Example
///
/// ```
/// use comptoir_money::Eur;
/// use comptoir_payment::OrderAmount;
///
/// let order = OrderAmount::new(Eur::from_cents(9_500), Eur::from_cents(490))?;
/// assert_eq!(order.total()?, Eur::from_cents(9_990));
/// assert!(OrderAmount::new(Eur::from_cents(-1), Eur::ZERO).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "OrderAmountRepr")
)]
pub struct OrderAmount {
    products: Eur,
    shipping: Eur,
}

impl OrderAmount {
    /// `products` is the products' total incl. VAT after every discount; `shipping` what the
    /// customer pays for shipping (zero when free).
    ///
    /// # Errors
    ///
    /// - [`PaymentError::NegativeAmount`] when either is negative;
    /// - [`PaymentError::NothingToPay`] when both are zero;
    /// - [`PaymentError::Money`] when their sum overflows.
    pub fn new(products: Eur, shipping: Eur) -> Result<OrderAmount, PaymentError> {
        for (what, amount) in [
            ("the products' total", products),
            ("the shipping", shipping),
        ] {
            if amount.is_negative() {
                return Err(PaymentError::NegativeAmount { what, amount });
            }
        }
        if products.checked_add(shipping)?.is_zero() {
            return Err(PaymentError::NothingToPay);
        }
        Ok(OrderAmount { products, shipping })
    }

    /// What `order` costs: its products' net amounts after every discount
    /// ([`Order::products_total`]) and the shipping it pays ([`Order::shipping_net`], zero under a
    /// free-shipping offer). Passing [`Order::total`] as the products would count shipping
    /// twice in the eligibility and the schedule.
    ///
    /// # Errors
    ///
    /// [`PaymentError::NothingToPay`] when the order costs nothing (free products, free
    /// shipping).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
    /// use comptoir_payment::OrderAmount;
    /// use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
    /// let context = EvaluationContext::new(at);
    /// let catalogue = Catalogue::default();
    /// let terms = Terms::new(&catalogue, &context);
    /// let mut cart = Cart::new();
    /// cart.add_line(Line::new("l1".parse()?, "kettle".parse()?, "95.10".parse()?, Quantity::ONE)?, &terms)?;
    /// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "4.90".parse()?)?, &terms)?;
    /// let order = cart.validate(CustomerId::new(1), &terms)?;
    /// let amount = OrderAmount::from_order(&order)?;
    /// assert_eq!(amount.products(), "95.10".parse()?);
    /// assert_eq!(amount.total()?, order.total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_order(order: &Order) -> Result<OrderAmount, PaymentError> {
        OrderAmount::new(order.products_total(), order.shipping_net())
    }

    /// What `order` costs once some of its products were cancelled before it shipped (PAY-3,
    /// REF-4): its products' net amounts less `cancelled_products`, its shipping less
    /// `cancelled_shipping`. The order is debited when it ships, so units cancelled before
    /// then are never debited; pass what the order's refund ledger holds for its
    /// cancellations (`RefundLedger::refunded_products` and `refunded_delivery` in
    /// comptoir-refund), in which the delivery comes back only once every unit is cancelled.
    ///
    /// # Errors
    ///
    /// - [`PaymentError::NegativeAmount`] for a negative amount cancelled, or more cancelled
    ///   than the order costs;
    /// - [`PaymentError::NothingToPay`] when everything was cancelled: nothing is debited.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
    /// use comptoir_money::Eur;
    /// use comptoir_payment::{OrderAmount, PaymentError};
    /// use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).single().ok_or("instant")?;
    /// let context = EvaluationContext::new(at);
    /// let catalogue = Catalogue::default();
    /// let terms = Terms::new(&catalogue, &context);
    /// let mut cart = Cart::new();
    /// cart.add_line(Line::new("l1".parse()?, "kettle".parse()?, "95.10".parse()?, Quantity::ONE)?, &terms)?;
    /// cart.add_line(Line::new("l2".parse()?, "mug".parse()?, "12.00".parse()?, Quantity::ONE)?, &terms)?;
    /// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "4.90".parse()?)?, &terms)?;
    /// let order = cart.validate(CustomerId::new(1), &terms)?;
    ///
    /// // The mug was unavailable and refunded before the order shipped: it is not debited.
    /// let amount = OrderAmount::after_cancellations(&order, "12.00".parse()?, Eur::ZERO)?;
    /// assert_eq!(amount.total()?, "100.00".parse()?);
    /// assert_eq!(
    ///     OrderAmount::after_cancellations(&order, order.products_total(), order.shipping_net()),
    ///     Err(PaymentError::NothingToPay)
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn after_cancellations(
        order: &Order,
        cancelled_products: Eur,
        cancelled_shipping: Eur,
    ) -> Result<OrderAmount, PaymentError> {
        for (what, amount) in [
            ("the products cancelled", cancelled_products),
            ("the shipping cancelled", cancelled_shipping),
        ] {
            if amount.is_negative() {
                return Err(PaymentError::NegativeAmount { what, amount });
            }
        }
        OrderAmount::new(
            order.products_total().checked_sub(cancelled_products)?,
            order.shipping_net().checked_sub(cancelled_shipping)?,
        )
    }

    /// The products' total incl. VAT after discounts.
    pub fn products(&self) -> Eur {
        self.products
    }

    /// The shipping paid.
    pub fn shipping(&self) -> Eur {
        self.shipping
    }

    /// What the customer pays: products and shipping.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Money`] never for a value built by [`OrderAmount::new`], which checked
    /// the sum.
    pub fn total(&self) -> Result<Eur, PaymentError> {
        Ok(self.products.checked_add(self.shipping)?)
    }
}

impl TryFrom<&Order> for OrderAmount {
    type Error = PaymentError;

    /// Same as [`OrderAmount::from_order`].
    fn try_from(order: &Order) -> Result<OrderAmount, PaymentError> {
        OrderAmount::from_order(order)
    }
}

/// The fewest days three calendar months can last: 28 + 31 + 30, from 1 February to 1 May in
/// a common year (PAY-5, L312-4). A month later than the same day is the month's last day
/// when shorter (31 January + 1 month = 28 February), as chrono counts and as Regulation
/// 1182/71 art. 3(2)(c) ends a period of months.
pub const FEWEST_DAYS_IN_THREE_MONTHS: u64 = 89;

/// How far apart the instalments fall (PAY-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum InstalmentSpacing {
    /// A fixed number of calendar days after the first instalment, times the instalment's
    /// rank: 30 gives the shipment day, +30 and +60 days.
    Days(CalendarDays),
    /// The same day of the month, one, two... months after the first instalment, on the last
    /// day of the month when that month is shorter: shipped on 31 January, the next
    /// instalments fall on 28 (or 29) February and 31 March. Each date is counted from the
    /// first, never from the clamped one before it.
    CalendarMonths,
}

impl fmt::Display for InstalmentSpacing {
    /// `30 calendar days` or `calendar months`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstalmentSpacing::Days(days) => write!(f, "{days}"),
            InstalmentSpacing::CalendarMonths => f.write_str("calendar months"),
        }
    }
}

impl core::str::FromStr for InstalmentSpacing {
    type Err = PaymentError;

    /// Reads what `Display` writes: `30 calendar days` (or a bare `30`), `calendar months`.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Parse`] for anything else.
    fn from_str(s: &str) -> Result<InstalmentSpacing, PaymentError> {
        if s == "calendar months" {
            return Ok(InstalmentSpacing::CalendarMonths);
        }
        s.parse()
            .map(InstalmentSpacing::Days)
            .map_err(|_| PaymentError::Parse {
                what: "an instalment spacing",
                input: s.to_owned(),
                expected: "a number of calendar days (\"30 calendar days\") or \"calendar months\"",
            })
    }
}

/// The shop's terms for paying in instalments (PAY-4, PAY-5). Plain data: a shop changes a
/// threshold without touching code.
///
/// The default is the FAQ's: "Le paiement en 3x est proposé à partir de 100€ TTC", shipping
/// counted, three instalments only, 30 days apart.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_money::Eur;
/// use comptoir_payment::{
///     Card, CardBrand, CardToken, ExpiryMonth, InstalmentPolicy, InstalmentSchedule, OrderAmount,
/// };
///
/// let shipped = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// let card = Card::new(CardToken::new("tok_1")?, CardBrand::Cb, ExpiryMonth::new(2027, 1)?, shipped)?;
/// let order = OrderAmount::new(Eur::from_cents(9_510), Eur::from_cents(490))?;
///
/// let schedule = InstalmentSchedule::compute(&order, &card, 3, shipped, &InstalmentPolicy::default())?;
/// let lines: Vec<String> = schedule.iter().map(|i| format!("{} {}", i.due_on(), i.amount())).collect();
/// assert_eq!(lines, ["2026-03-05 33.34", "2026-04-04 33.33", "2026-05-04 33.33"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialising fills missing fields with the defaults, refuses unknown fields, and checks
/// the result with [`InstalmentPolicy::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PolicyRepr")
)]
pub struct InstalmentPolicy {
    /// The smallest amount to pay that may be split (inclusive): 100.00 EUR.
    pub minimum: Eur,
    /// Whether shipping counts towards the minimum: yes (docs/rules.md PAY-4).
    pub shipping_counts: bool,
    /// The instalment counts offered: `[3]`. With the spacing, the last instalment of each
    /// must fall at most three months after the first (L312-4, [`InstalmentPolicy::validate`]).
    pub offered_counts: Vec<u8>,
    /// How far apart the instalments fall: 30 days.
    pub spacing: InstalmentSpacing,
    /// Who finances the plan and what the seller is, the facts its credit regime turns on
    /// (L312-4): not stated by default, read as the customer's protection asks, a credit.
    pub credit: CreditFacts,
    /// The shop claims its plan stays outside consumer-credit law as a deferred payment it
    /// grants itself (L312-4 4°): `false` by default. [`InstalmentPolicy::validate`] refuses
    /// the claim when the facts do not support it.
    pub outside_credit: bool,
}

impl Default for InstalmentPolicy {
    fn default() -> Self {
        InstalmentPolicy {
            minimum: Eur::from_cents(10_000),
            shipping_counts: true,
            offered_counts: vec![3],
            spacing: InstalmentSpacing::Days(CalendarDays::new(30)),
            credit: CreditFacts::default(),
            outside_credit: false,
        }
    }
}

/// The policy as configured, checked before it is used.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyRepr {
    minimum: Eur,
    shipping_counts: bool,
    offered_counts: Vec<u8>,
    spacing: InstalmentSpacing,
    credit: CreditFacts,
    outside_credit: bool,
}

#[cfg(feature = "serde")]
impl Default for PolicyRepr {
    fn default() -> Self {
        let InstalmentPolicy {
            minimum,
            shipping_counts,
            offered_counts,
            spacing,
            credit,
            outside_credit,
        } = InstalmentPolicy::default();
        PolicyRepr {
            minimum,
            shipping_counts,
            offered_counts,
            spacing,
            credit,
            outside_credit,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyRepr> for InstalmentPolicy {
    type Error = PaymentError;

    fn try_from(repr: PolicyRepr) -> Result<InstalmentPolicy, PaymentError> {
        let policy = InstalmentPolicy {
            minimum: repr.minimum,
            shipping_counts: repr.shipping_counts,
            offered_counts: repr.offered_counts,
            spacing: repr.spacing,
            credit: repr.credit,
            outside_credit: repr.outside_credit,
        };
        policy.validate()?;
        Ok(policy)
    }
}

/// Whether an order may be paid in instalments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Eligibility {
    /// It may.
    Eligible,
    /// It may not, for this reason.
    Refused(Ineligibility),
}

impl Eligibility {
    /// Whether the amount alone allows paying in instalments under `policy` (PAY-4), for
    /// showing the option before a card is known: at least the minimum, so 99.99 EUR is refused and 100.00 EUR
    /// accepted.
    ///
    /// # Errors
    ///
    /// [`PaymentError::NegativeAmount`] for a negative minimum in the policy.
    pub fn of_amount(
        order: &OrderAmount,
        policy: &InstalmentPolicy,
    ) -> Result<Eligibility, PaymentError> {
        policy.validate()?;
        let amount = policy.counted_amount(order)?;
        if amount >= policy.minimum {
            Ok(Eligibility::Eligible)
        } else {
            Ok(Eligibility::Refused(Ineligibility::BelowMinimum {
                amount,
                minimum: policy.minimum,
                missing: policy.minimum.checked_sub(amount)?,
            }))
        }
    }

    /// Whether `order` may be paid in `count` instalments with `card`, the first on
    /// `first_day`, under `policy` (PAY-4, PAY-5).
    ///
    /// `first_day` is the shipment day (PAY-3). Before shipment, pass the dispatch-by day
    /// ([`ExpectedDebit::at_latest`](crate::ExpectedDebit::at_latest)): the latest the
    /// instalments can start, so the card check holds whenever the order ships on time.
    ///
    /// The amount is checked first: an order below the minimum is refused for that reason
    /// even if the card would not do either.
    ///
    /// # Errors
    ///
    /// - [`PaymentError::InstalmentCountNotOffered`] for a count the policy does not offer;
    /// - [`PaymentError::InvalidPolicy`] for instalments 0 days apart or a count below 2;
    /// - [`PaymentError::NegativeAmount`] for a negative minimum;
    /// - [`PaymentError::CardExpired`] when the card is already expired on `first_day`;
    /// - [`PaymentError::DateOutOfRange`] when a due date is beyond chrono's range.
    pub fn compute(
        order: &OrderAmount,
        card: &Card,
        count: u8,
        first_day: NaiveDate,
        policy: &InstalmentPolicy,
    ) -> Result<Eligibility, PaymentError> {
        let dates = policy.due_dates(count, first_day)?;
        card.check_valid_on(first_day)?;
        let by_amount = Eligibility::of_amount(order, policy)?;
        if !by_amount.is_eligible() {
            return Ok(by_amount);
        }
        let last_instalment = dates.last().copied().unwrap_or(first_day);
        if card.expiry().is_valid_on(last_instalment) {
            Ok(Eligibility::Eligible)
        } else {
            Ok(Eligibility::Refused(
                Ineligibility::CardExpiresBeforeLastInstalment {
                    expiry: card.expiry(),
                    last_instalment,
                },
            ))
        }
    }

    /// True for [`Eligibility::Eligible`].
    pub fn is_eligible(self) -> bool {
        self == Eligibility::Eligible
    }

    /// Why the order may not be paid in instalments, if it may not.
    pub fn refusal(self) -> Option<Ineligibility> {
        match self {
            Eligibility::Eligible => None,
            Eligibility::Refused(reason) => Some(reason),
        }
    }
}

impl fmt::Display for Eligibility {
    /// `eligible`, or `not eligible: ` and the reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Eligibility::Eligible => f.write_str("eligible"),
            Eligibility::Refused(reason) => write!(f, "not eligible: {reason}"),
        }
    }
}

/// Why an order may not be paid in instalments (PAY-4, PAY-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Ineligibility {
    /// The amount that counts is below the minimum (PAY-4).
    BelowMinimum {
        /// The amount that counts (with or without shipping, as the policy says).
        amount: Eur,
        /// The policy's minimum.
        minimum: Eur,
        /// What is missing to reach it.
        missing: Eur,
    },
    /// The card expires before the last instalment is due (PAY-5).
    CardExpiresBeforeLastInstalment {
        /// The card's expiry month.
        expiry: ExpiryMonth,
        /// The day the last instalment is due.
        last_instalment: NaiveDate,
    },
}

impl Ineligibility {
    /// The sentence the shop shows the customer, in French.
    pub fn message_fr(&self) -> String {
        match self {
            Ineligibility::BelowMinimum {
                minimum, missing, ..
            } => format!(
                "Le paiement en plusieurs fois est proposé à partir de {} TTC : il vous manque {}.",
                minimum.french(),
                missing.french()
            ),
            Ineligibility::CardExpiresBeforeLastInstalment {
                expiry,
                last_instalment,
            } => format!(
                "Votre carte expire fin {expiry}, avant la dernière échéance du {} : \
                 le paiement en plusieurs fois n'est pas possible avec cette carte.",
                last_instalment.format("%d/%m/%Y")
            ),
        }
    }
}

impl fmt::Display for Ineligibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ineligibility::BelowMinimum {
                amount, minimum, ..
            } => write!(f, "{amount} is below the minimum of {minimum}"),
            Ineligibility::CardExpiresBeforeLastInstalment {
                expiry,
                last_instalment,
            } => write!(
                f,
                "the card expires at the end of {expiry}, before the last instalment on {last_instalment}"
            ),
        }
    }
}

/// One instalment: its rank (from 1), the day it is debited and its amount.
///
/// `Display` is the crate's canonical form, in English with the amount as [`Eur`] writes it
/// and the ISO date: `instalment 1: 33.34 due 2026-01-31`, the same in logs whatever the
/// customer's language. A shop page builds its own French line from the accessors, e.g.
/// with [`Eur::french`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_money::Eur;
/// use comptoir_payment::{
///     Card, CardBrand, CardToken, ExpiryMonth, InstalmentPolicy, InstalmentSchedule, OrderAmount,
/// };
///
/// let shipped = NaiveDate::from_ymd_opt(2026, 1, 31).ok_or("date")?;
/// let card = Card::new(CardToken::new("tok_1")?, CardBrand::Visa, ExpiryMonth::new(2027, 12)?, shipped)?;
/// let order = OrderAmount::new(Eur::from_cents(10_000), Eur::ZERO)?;
/// let schedule = InstalmentSchedule::compute(&order, &card, 3, shipped, &InstalmentPolicy::default())?;
/// let first = schedule.instalments().first().ok_or("an instalment")?;
/// assert_eq!(first.to_string(), "instalment 1: 33.34 due 2026-01-31");
/// assert_eq!(format!("{} le {}", first.amount().french(), first.due_on().format("%d/%m/%Y")),
///            "33,34\u{a0}€ le 31/01/2026");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Deserialising checks what every computed instalment satisfies: its rank is at least 1
/// and its amount is not negative ([`PaymentError::InvalidSchedule`] otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "InstalmentRepr")
)]
pub struct Instalment {
    number: u8,
    due_on: NaiveDate,
    amount: Eur,
}

impl Instalment {
    /// The check every instalment passes, computed or read.
    fn checked(number: u8, due_on: NaiveDate, amount: Eur) -> Result<Instalment, PaymentError> {
        if number == 0 {
            return Err(PaymentError::InvalidSchedule {
                reason: "instalments are numbered from 1",
            });
        }
        if amount.is_negative() {
            return Err(PaymentError::InvalidSchedule {
                reason: "an instalment amount is negative",
            });
        }
        Ok(Instalment {
            number,
            due_on,
            amount,
        })
    }

    /// The rank, 1 for the first.
    pub fn number(&self) -> u8 {
        self.number
    }

    /// The day it is debited.
    pub fn due_on(&self) -> NaiveDate {
        self.due_on
    }

    /// The amount debited.
    pub fn amount(&self) -> Eur {
        self.amount
    }
}

impl fmt::Display for Instalment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "instalment {}: {} due {}",
            self.number,
            self.amount,
            self.due_on.format("%Y-%m-%d")
        )
    }
}

/// The instalments of one order (PAY-5): amounts that sum to the amount to pay, dates that
/// strictly increase from the shipment day.
///
/// Deserialising checks what [`InstalmentSchedule::compute`] gives, with the same function:
/// 2 to [`InstalmentSchedule::MAX_INSTALMENTS`] instalments numbered from 1, amounts that
/// are the even split of their (positive) sum to the cent ([`Eur::split_evenly`]), and dates
/// that a lawful policy gives from the first: a fixed number of days apart, or calendar
/// months, the last at most three months after the first (L312-4). Anything else is
/// [`PaymentError::InvalidSchedule`], or [`PaymentError::Money`] for amounts whose sum
/// overflows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ScheduleRepr")
)]
pub struct InstalmentSchedule {
    instalments: Vec<Instalment>,
}

impl InstalmentSchedule {
    /// The most instalments a lawful policy offers: one a day over the fewest days three
    /// months last ([`FEWEST_DAYS_IN_THREE_MONTHS`], L312-4), plus the first.
    pub const MAX_INSTALMENTS: usize = 90;

    /// The schedule of `order` paid in `count` instalments with `card`, the first on the
    /// shipment day `shipped_on` (PAY-3, PAY-5), under `policy`.
    ///
    /// The whole amount to pay (shipping included, whatever the minimum counts) is split in
    /// equal parts to the cent, the leftover cents on the earliest instalments: 100.00 EUR
    /// gives 33.34 / 33.33 / 33.33.
    ///
    /// # Errors
    ///
    /// As [`Eligibility::compute`], and
    /// [`PaymentError::NotEligible`] with the reason when the order is not eligible.
    pub fn compute(
        order: &OrderAmount,
        card: &Card,
        count: u8,
        shipped_on: NaiveDate,
        policy: &InstalmentPolicy,
    ) -> Result<InstalmentSchedule, PaymentError> {
        if let Eligibility::Refused(reason) =
            Eligibility::compute(order, card, count, shipped_on, policy)?
        {
            return Err(PaymentError::NotEligible(reason));
        }
        let dates = policy.due_dates(count, shipped_on)?;
        let amounts = order.total()?.split_evenly(usize::from(count))?;
        let instalments = (1..=count)
            .zip(dates)
            .zip(amounts)
            .map(|((number, due_on), amount)| Instalment::checked(number, due_on, amount))
            .collect::<Result<Vec<_>, _>>()?;
        InstalmentSchedule::checked(instalments)
    }

    /// The check every schedule passes, computed or read (see the type's documentation).
    fn checked(instalments: Vec<Instalment>) -> Result<InstalmentSchedule, PaymentError> {
        let invalid = |reason| Err(PaymentError::InvalidSchedule { reason });
        // The length first: nothing below walks more than a lawful schedule holds.
        let count = match u8::try_from(instalments.len()) {
            Ok(count) if (2..=Self::MAX_INSTALMENTS).contains(&instalments.len()) => count,
            _ => return invalid("a schedule has 2 to 90 instalments"),
        };
        // `1..=count` ends without stepping past u8::MAX.
        if !(1..=count)
            .zip(&instalments)
            .all(|(number, instalment)| instalment.number == number)
        {
            return invalid("instalments are numbered 1, 2, 3... in order");
        }
        let total = Eur::try_sum(instalments.iter().map(Instalment::amount))?;
        if !total.is_positive() {
            return invalid("the instalments sum to nothing to pay");
        }
        let even = total.split_evenly(usize::from(count))?;
        if !even.iter().eq(instalments.iter().map(|i| &i.amount)) {
            return invalid("the amounts are not the even split of their sum");
        }
        let dates: Vec<NaiveDate> = instalments.iter().map(Instalment::due_on).collect();
        if !Self::follows_a_lawful_spacing(&dates, count) {
            return invalid("the dates follow no spacing a lawful policy offers");
        }
        Ok(InstalmentSchedule { instalments })
    }

    /// Whether `dates` are those [`InstalmentPolicy::due_dates`] gives from the first, for
    /// `count` instalments under some lawful spacing: the days between the first two, or
    /// calendar months.
    fn follows_a_lawful_spacing(dates: &[NaiveDate], count: u8) -> bool {
        let (Some(first), Some(second)) = (dates.first(), dates.get(1)) else {
            return false;
        };
        let days_apart = u32::try_from(second.signed_duration_since(*first).num_days()).ok();
        let spacings = days_apart
            .map(|days| InstalmentSpacing::Days(CalendarDays::new(days)))
            .into_iter()
            .chain([InstalmentSpacing::CalendarMonths]);
        spacings.into_iter().any(|spacing| {
            let policy = InstalmentPolicy {
                offered_counts: vec![count],
                spacing,
                ..InstalmentPolicy::default()
            };
            // A spacing the policy refuses (0 days, beyond three months) or dates past
            // chrono's range give no dates.
            policy
                .due_dates(count, *first)
                .is_ok_and(|due| due == dates)
        })
    }

    /// The instalments, first first.
    pub fn instalments(&self) -> &[Instalment] {
        &self.instalments
    }

    /// Iterates over the instalments, first first.
    pub fn iter(&self) -> core::slice::Iter<'_, Instalment> {
        self.instalments.iter()
    }

    /// How many instalments.
    pub fn len(&self) -> usize {
        self.instalments.len()
    }

    /// Always false: a schedule has at least two instalments.
    pub fn is_empty(&self) -> bool {
        self.instalments.is_empty()
    }

    /// The sum of the instalments: the amount to pay.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Money`] never for a schedule this crate made, whose parts come from
    /// one amount.
    pub fn total(&self) -> Result<Eur, PaymentError> {
        Ok(Eur::try_sum(
            self.instalments.iter().map(Instalment::amount),
        )?)
    }
}

/// The fields as stored, checked before they make an order amount.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct OrderAmountRepr {
    products: Eur,
    shipping: Eur,
}

#[cfg(feature = "serde")]
impl TryFrom<OrderAmountRepr> for OrderAmount {
    type Error = PaymentError;

    fn try_from(repr: OrderAmountRepr) -> Result<OrderAmount, PaymentError> {
        OrderAmount::new(repr.products, repr.shipping)
    }
}

/// The instalments as stored, checked before they make a schedule.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InstalmentRepr {
    number: u8,
    due_on: NaiveDate,
    amount: Eur,
}

#[cfg(feature = "serde")]
impl TryFrom<InstalmentRepr> for Instalment {
    type Error = PaymentError;

    fn try_from(repr: InstalmentRepr) -> Result<Instalment, PaymentError> {
        Instalment::checked(repr.number, repr.due_on, repr.amount)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleRepr {
    instalments: Vec<Instalment>,
}

#[cfg(feature = "serde")]
impl TryFrom<ScheduleRepr> for InstalmentSchedule {
    type Error = PaymentError;

    fn try_from(repr: ScheduleRepr) -> Result<InstalmentSchedule, PaymentError> {
        InstalmentSchedule::checked(repr.instalments)
    }
}

impl<'a> IntoIterator for &'a InstalmentSchedule {
    type Item = &'a Instalment;
    type IntoIter = core::slice::Iter<'a, Instalment>;

    fn into_iter(self) -> Self::IntoIter {
        self.instalments.iter()
    }
}

impl InstalmentPolicy {
    /// The amount compared with the minimum: the total, or the products alone when shipping
    /// does not count (PAY-4).
    ///
    /// # Errors
    ///
    /// [`PaymentError::Money`] only if the total overflows.
    pub fn counted_amount(&self, order: &OrderAmount) -> Result<Eur, PaymentError> {
        if self.shipping_counts {
            order.total()
        } else {
            Ok(order.products())
        }
    }

    /// The days the `count` instalments are due, the first on `first_day` (PAY-5).
    ///
    /// # Errors
    ///
    /// As [`Eligibility::compute`] for the count, the policy and the dates.
    pub fn due_dates(
        &self,
        count: u8,
        first_day: NaiveDate,
    ) -> Result<Vec<NaiveDate>, PaymentError> {
        self.validate()?;
        if !self.offered_counts.contains(&count) {
            return Err(PaymentError::InstalmentCountNotOffered {
                count,
                offered: self.offered_counts.clone(),
            });
        }
        // Each date counts from the first as the calendar counts every period (Regulation
        // 1182/71 art. 3(2)): `rank` times the days, or `rank` months, the day of a shorter
        // month falling back to its last (31 Jan + 1 month = 28/29 Feb).
        (0..u32::from(count))
            .map(|rank| match self.spacing {
                InstalmentSpacing::Days(days) => days
                    .get()
                    .checked_mul(rank)
                    .ok_or(PaymentError::DateOutOfRange)
                    .and_then(|n| {
                        CalendarDays::new(n)
                            .after(first_day)
                            .map_err(|_| PaymentError::DateOutOfRange)
                    }),
                InstalmentSpacing::CalendarMonths => CalendarMonths::new(rank)
                    .after(first_day)
                    .map_err(|_| PaymentError::DateOutOfRange),
            })
            .collect()
    }

    /// Checks that the policy can work and that its credit facts hold together: a minimum
    /// not below zero, 2 to [`InstalmentSchedule::MAX_INSTALMENTS`] instalments, at least a
    /// day apart; and, for a policy that claims to stay outside consumer-credit law
    /// ([`InstalmentPolicy::outside_credit`]), the facts that claim needs (PAY-5, L312-4).
    ///
    /// Whether a plan is a consumer credit depends on the day of the contract: the length
    /// of a plan is checked for the contract it serves ([`InstalmentPolicy::validate_for`],
    /// [`CreditRegime`](crate::CreditRegime)), not here.
    ///
    /// # Errors
    ///
    /// - [`PaymentError::NegativeAmount`] for a negative minimum;
    /// - [`PaymentError::UnlawfulPolicy`] naming the field and C. conso L312-4 when the
    ///   policy claims to stay outside credit law though a third party lends
    ///   (`credit.lender`), the seller is a large enterprise (`credit.large_enterprise`), its
    ///   claims are factored (`credit.claims_factored`), or an offered count's last
    ///   instalment can fall more than 50 days after shipment (`offered_counts`);
    /// - [`PaymentError::InvalidPolicy`] for the rest, among them a claim to stay outside
    ///   credit law whose facts are not stated.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::CalendarDays;
    /// use comptoir_payment::{CreditFacts, InstalmentPolicy, InstalmentSpacing, Lender, PaymentError};
    ///
    /// // At shipment, +25 and +50 days, financed by the shop itself: outside credit law.
    /// let own = InstalmentPolicy {
    ///     spacing: InstalmentSpacing::Days(CalendarDays::new(25)),
    ///     credit: CreditFacts { lender: Lender::Seller, large_enterprise: Some(false), claims_factored: Some(false) },
    ///     outside_credit: true,
    ///     ..InstalmentPolicy::default()
    /// };
    /// assert_eq!(own.validate(), Ok(()));
    /// // The same claim with a payment provider lending: refused, naming the article.
    /// let provider = InstalmentPolicy {
    ///     credit: CreditFacts { lender: Lender::ThirdParty, ..own.credit },
    ///     ..own.clone()
    /// };
    /// assert!(matches!(
    ///     provider.validate(),
    ///     Err(PaymentError::UnlawfulPolicy { field: "credit.lender", article: "C. conso L312-4", .. })
    /// ));
    /// ```
    pub fn validate(&self) -> Result<(), PaymentError> {
        if self.minimum.is_negative() {
            return Err(PaymentError::NegativeAmount {
                what: "the instalment minimum",
                amount: self.minimum,
            });
        }
        if self.offered_counts.is_empty() {
            return Err(PaymentError::InvalidPolicy {
                reason: "no instalment count is offered",
            });
        }
        if self.offered_counts.iter().any(|c| *c < 2) {
            return Err(PaymentError::InvalidPolicy {
                reason: "an instalment count must be at least 2",
            });
        }
        if self
            .offered_counts
            .iter()
            .any(|c| usize::from(*c) > InstalmentSchedule::MAX_INSTALMENTS)
        {
            return Err(PaymentError::InvalidPolicy {
                reason: "an instalment count is at most 90",
            });
        }
        if self.spacing == InstalmentSpacing::Days(CalendarDays::ZERO) {
            return Err(PaymentError::InvalidPolicy {
                reason: "instalments cannot be 0 days apart",
            });
        }
        if self.outside_credit {
            self.credit
                .check_outside_credit(self.longest_days_after_first())?;
        }
        Ok(())
    }

    /// Checks the policy for a contract concluded on `contract`: [`InstalmentPolicy::validate`],
    /// and for contracts before the consumer-credit reform of 20 November 2026
    /// ([`LawChange::ConsumerCreditReform`]) the former exclusion of L312-4 the crates
    /// relied on then: the last instalment of every count offered at most three months
    /// after the first, whatever the day of the first. From the reform on a longer plan is
    /// classified as a consumer credit ([`CreditRegime`](crate::CreditRegime)), not refused.
    ///
    /// Three calendar months last 89 days at the fewest (1 February to 1 May in a common
    /// year), so instalments a fixed number of days apart must end within 89 days of the
    /// first: 3 instalments 30 days apart (60 days) pass, 4 (90 days) do not, since shipped
    /// on 1 February the last would fall on 2 May. Instalments a calendar month apart may be
    /// 4 (the first plus three months).
    ///
    /// # Errors
    ///
    /// As [`InstalmentPolicy::validate`], and [`PaymentError::UnlawfulPolicy`] naming
    /// `offered_counts` and L312-4 for a contract before the reform whose last instalment can
    /// fall more than three months after the first.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::law::ContractDay;
    /// use comptoir_payment::{InstalmentPolicy, InstalmentSpacing, PaymentError};
    ///
    /// let four_times = InstalmentPolicy { offered_counts: vec![3, 4], ..InstalmentPolicy::default() };
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).map(ContractDay::new).ok_or("date");
    /// assert!(matches!(
    ///     four_times.validate_for(day(11, 19)?),
    ///     Err(PaymentError::UnlawfulPolicy { field: "offered_counts", article: "C. conso L312-4", .. })
    /// ));
    /// // From the reform on, four instalments are a consumer credit, classified, not refused.
    /// assert_eq!(four_times.validate_for(day(11, 20)?), Ok(()));
    /// let monthly = InstalmentPolicy { spacing: InstalmentSpacing::CalendarMonths, ..four_times };
    /// assert_eq!(monthly.validate_for(day(11, 19)?), Ok(()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_for(&self, contract: ContractDay) -> Result<(), PaymentError> {
        self.validate()?;
        if !contract.is_under(LawChange::ConsumerCreditReform) && !self.is_within_three_months() {
            return Err(PaymentError::UnlawfulPolicy {
                field: "offered_counts",
                article: "C. conso L312-4",
                requirement: "for a contract concluded before 20 November 2026, the last \
                              instalment falls at most three months after the first; beyond, \
                              paying in instalments is consumer credit (L312-1 and following)",
            });
        }
        Ok(())
    }

    /// Whether the last instalment of every count offered falls at most three calendar
    /// months after the first, whatever the day of the first.
    pub(crate) fn is_within_three_months(&self) -> bool {
        let intervals = self.longest_intervals();
        match self.spacing {
            InstalmentSpacing::Days(days) => {
                intervals.saturating_mul(u64::from(days.get())) <= FEWEST_DAYS_IN_THREE_MONTHS
            }
            InstalmentSpacing::CalendarMonths => intervals <= 3,
        }
    }

    /// The intervals between the first and the last instalment of the longest count.
    fn longest_intervals(&self) -> u64 {
        self.offered_counts
            .iter()
            .max()
            .map_or(0, |count| u64::from(*count).saturating_sub(1))
    }

    /// The most days the last instalment of a count offered can fall after the first,
    /// whatever the day of the first: a month lasts 31 days at the most, two consecutive
    /// months 62, so `n` months at most `31 n`.
    pub(crate) fn longest_days_after_first(&self) -> u64 {
        let per_interval = match self.spacing {
            InstalmentSpacing::Days(days) => u64::from(days.get()),
            InstalmentSpacing::CalendarMonths => 31,
        };
        self.longest_intervals().saturating_mul(per_interval)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    // chrono's own date arithmetic, as an oracle independent of the calendar crate's.
    use crate::{CardBrand, CardToken};
    use chrono::{Days, Months};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn card(year: i32, month: u8) -> Result<Card, PaymentError> {
        Card::new(
            CardToken::new("tok_test")?,
            CardBrand::Visa,
            ExpiryMonth::new(year, month)?,
            date(2026, 1, 1),
        )
    }

    fn order(cents: i64) -> Result<OrderAmount, PaymentError> {
        OrderAmount::new(Eur::from_cents(cents), Eur::ZERO)
    }

    // PAY-4
    #[test]
    fn shipping_counts_unless_the_policy_says_otherwise() -> Result<(), PaymentError> {
        let order = OrderAmount::new(Eur::from_cents(9_600), Eur::from_cents(490))?;
        let policy = InstalmentPolicy::default();
        assert!(Eligibility::of_amount(&order, &policy)?.is_eligible());
        let without_shipping = InstalmentPolicy {
            shipping_counts: false,
            ..InstalmentPolicy::default()
        };
        assert_eq!(
            Eligibility::of_amount(&order, &without_shipping)?,
            Eligibility::Refused(Ineligibility::BelowMinimum {
                amount: Eur::from_cents(9_600),
                minimum: Eur::from_cents(10_000),
                missing: Eur::from_cents(400),
            })
        );
        Ok(())
    }

    // PAY-5
    #[test]
    fn shipping_is_split_even_when_it_does_not_count_for_the_minimum() -> Result<(), PaymentError> {
        let order = OrderAmount::new(Eur::from_cents(12_000), Eur::from_cents(490))?;
        let policy = InstalmentPolicy {
            shipping_counts: false,
            ..InstalmentPolicy::default()
        };
        let schedule =
            InstalmentSchedule::compute(&order, &card(2030, 1)?, 3, date(2026, 2, 2), &policy)?;
        assert_eq!(schedule.total()?, Eur::from_cents(12_490));
        Ok(())
    }

    // PAY-5
    #[test]
    fn counts_and_spacings_the_policy_does_not_offer_are_errors() -> Result<(), PaymentError> {
        let policy = InstalmentPolicy::default();
        assert_eq!(
            policy.due_dates(4, date(2026, 1, 1)),
            Err(PaymentError::InstalmentCountNotOffered {
                count: 4,
                offered: vec![3]
            })
        );
        let zero_days = InstalmentPolicy {
            spacing: InstalmentSpacing::Days(CalendarDays::ZERO),
            ..InstalmentPolicy::default()
        };
        assert!(matches!(
            zero_days.due_dates(3, date(2026, 1, 1)),
            Err(PaymentError::InvalidPolicy { .. })
        ));
        let one = InstalmentPolicy {
            offered_counts: vec![1],
            ..InstalmentPolicy::default()
        };
        assert!(matches!(
            one.due_dates(1, date(2026, 1, 1)),
            Err(PaymentError::InvalidPolicy { .. })
        ));
        let none = InstalmentPolicy {
            offered_counts: vec![],
            ..InstalmentPolicy::default()
        };
        assert!(matches!(
            none.validate(),
            Err(PaymentError::InvalidPolicy { .. })
        ));
        assert_eq!(InstalmentPolicy::default().validate(), Ok(()));
        Ok(())
    }

    // PAY-5
    #[test]
    fn a_card_expired_on_the_shipment_day_is_an_error() -> Result<(), PaymentError> {
        let c = card(2026, 3)?;
        assert!(matches!(
            Eligibility::compute(
                &order(20_000)?,
                &c,
                3,
                date(2026, 4, 1),
                &InstalmentPolicy::default()
            ),
            Err(PaymentError::CardExpired { .. })
        ));
        Ok(())
    }

    // PAY-4: a threshold below zero is a typed error, not an "everything is eligible".
    #[test]
    fn a_negative_minimum_is_an_error() -> Result<(), PaymentError> {
        let policy = InstalmentPolicy {
            minimum: Eur::from_cents(-1),
            ..InstalmentPolicy::default()
        };
        assert!(matches!(
            Eligibility::of_amount(&order(100)?, &policy),
            Err(PaymentError::NegativeAmount { .. })
        ));
        Ok(())
    }

    // PAY-5: an instalment reads as its rank, amount and ISO due date.
    #[test]
    fn instalment_displays_rank_amount_and_due_date() -> Result<(), PaymentError> {
        let schedule = InstalmentSchedule::compute(
            &order(10_000)?,
            &card(2027, 12)?,
            3,
            date(2026, 1, 31),
            &InstalmentPolicy::default(),
        )?;
        let lines: Vec<String> = schedule.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "instalment 1: 33.34 due 2026-01-31",
                "instalment 2: 33.33 due 2026-03-02",
                "instalment 3: 33.33 due 2026-04-01",
            ]
        );
        Ok(())
    }

    // PAY-4: the refusal says how much is missing to reach the 100 EUR.
    #[test]
    fn messages_name_the_missing_amount_and_the_expiry() {
        let below = Ineligibility::BelowMinimum {
            amount: Eur::from_cents(9_999),
            minimum: Eur::from_cents(10_000),
            missing: Eur::CENT,
        };
        assert!(below.message_fr().contains("0,01\u{a0}€"));
        assert_eq!(below.to_string(), "99.99 is below the minimum of 100.00");
        assert_eq!(
            Eligibility::Refused(below).to_string(),
            "not eligible: 99.99 is below the minimum of 100.00"
        );
        assert_eq!(Eligibility::Eligible.to_string(), "eligible");
        assert_eq!(Eligibility::Refused(below).refusal(), Some(below));
    }

    // PAY-5, L312-4: for a contract before 20 November 2026, the last instalment at most three
    // months after the first, whatever the day of the first: 3 x 30 days and 4 monthly
    // instalments pass; 4 x 30 days, 3 x 45 days and 5 monthly instalments were consumer
    // credit, refused. From the reform on they are classified, not refused.
    #[test]
    fn pay5_schedules_beyond_three_months_are_unlawful_before_the_credit_reform() {
        let policy = |counts: Vec<u8>, spacing| InstalmentPolicy {
            offered_counts: counts,
            spacing,
            ..InstalmentPolicy::default()
        };
        let before = ContractDay::new(date(2026, 11, 19));
        let after = ContractDay::new(date(2026, 11, 20));
        let days = |n| InstalmentSpacing::Days(CalendarDays::new(n));
        for lawful in [
            policy(vec![3], days(30)),
            policy(vec![2, 3], days(44)),
            policy(vec![2], days(89)),
            policy(vec![4], InstalmentSpacing::CalendarMonths),
        ] {
            assert_eq!(lawful.validate_for(before), Ok(()), "{lawful:?}");
            assert_eq!(lawful.validate_for(after), Ok(()), "{lawful:?}");
        }
        for unlawful in [
            policy(vec![3, 4], days(30)),
            policy(vec![3], days(45)),
            policy(vec![2], days(90)),
            policy(vec![46], days(2)),
            policy(vec![5], InstalmentSpacing::CalendarMonths),
        ] {
            let err = unlawful.validate_for(before).unwrap_err();
            assert!(
                err.is_unlawful_policy() && err.is_invalid_policy(),
                "{unlawful:?}"
            );
            assert!(
                err.to_string()
                    .contains("offered_counts breaches C. conso L312-4")
            );
            assert_eq!(unlawful.validate(), Ok(()), "{unlawful:?}");
            assert_eq!(unlawful.validate_for(after), Ok(()), "{unlawful:?}");
        }
        // More instalments than a schedule holds is no plan at all, whatever the day.
        let too_many = policy(vec![255], days(1));
        assert!(matches!(
            too_many.validate(),
            Err(PaymentError::InvalidPolicy { .. })
        ));
    }

    // PAY-5: the fewest days in three calendar months, over every first day from 1900 to
    // 2200, is 89, reached on 1 February of common years.
    #[test]
    fn pay5_three_months_last_at_least_89_days() {
        let mut day = date(1900, 1, 1);
        let mut fewest = u64::MAX;
        while day <= date(2200, 12, 31) {
            let end = day.checked_add_months(Months::new(3)).unwrap();
            fewest = fewest.min(u64::try_from((end - day).num_days()).unwrap());
            day = day.succ_opt().unwrap();
        }
        assert_eq!(fewest, FEWEST_DAYS_IN_THREE_MONTHS);
        let feb = date(2025, 2, 1);
        assert_eq!(
            feb.checked_add_months(Months::new(3)),
            feb.checked_add_days(Days::new(FEWEST_DAYS_IN_THREE_MONTHS))
        );
    }

    // PAY-5: a spacing reads back from its text form; others are refused.
    #[test]
    fn spacing_reads_back() {
        for spacing in [
            InstalmentSpacing::Days(CalendarDays::new(30)),
            InstalmentSpacing::Days(CalendarDays::new(1)),
            InstalmentSpacing::CalendarMonths,
        ] {
            assert_eq!(spacing.to_string().parse(), Ok(spacing));
        }
        assert_eq!(
            "30".parse(),
            Ok(InstalmentSpacing::Days(CalendarDays::new(30)))
        );
        for bad in ["", "monthly", "30 business days", "-30"] {
            assert!(
                matches!(
                    bad.parse::<InstalmentSpacing>(),
                    Err(PaymentError::Parse { .. })
                ),
                "{bad:?}"
            );
        }
    }
}
