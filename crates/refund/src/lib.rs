//! Refunds: how much the shop pays back after a withdrawal or a cancellation, by when, and
//! what a late refund costs.
//!
//! Once the customer has withdrawn ([`comptoir_withdrawal`]: the notice, the windows, the
//! receipt of the goods) or the shop cannot deliver, the shop must refund, and a late refund
//! costs more. This crate decides the amounts, the dates and the surcharge, on the order
//! frozen at validation ([`comptoir_cart::Order`]), the shop's business calendar and the legal
//! calendar ([`comptoir_calendar`]) and the Paris clock:
//!
//! - **REF-1, REF-4, RET-2, RET-4** the amount of each refund after a return or a
//!   cancellation ([`RefundLedger`]), with the inspection of each returned line (accepted,
//!   depreciated with its reason, or pending; never refused, L221-23) and who pays for
//!   sending the goods back ([`ReturnCosts`]), explained in data and in French, split over the
//!   lines;
//! - **REF-2** the refund deadlines ([`RefundDeadlines`]): the 14-day ceiling after the
//!   notice ([`REFUND_CEILING`], L221-24), deferred until the goods or a proof of shipment
//!   unless the shop offered to collect them — [`RefundDue::Pending`] until one of them is
//!   known; and the expected refund 3 to 5 business days after the goods are checked, cut at
//!   the ceiling;
//! - **REF-3** the surcharge on a late refund ([`Surcharge`], L242-4): legal interest up to
//!   10 days late (pro rata by default, the rate once as a [`SurchargePolicy`] option), then
//!   5, 10, 20, 50 % and 5 more points per month, capped at the products' price; the legal
//!   interest the article adds after the cap is left to the caller;
//! - all of it for one withdrawal refund in one call ([`RefundDecision`]): amount, due date,
//!   surcharge when paid late, total;
//! - **REF-4, DISP-4, DISP-5, L216-7, L241-4** the refund of products the shop will not
//!   deliver (cancelled as unavailable, lost, not delivered as ordered, or a contract
//!   terminated for late delivery) in one call ([`CancellationDecision`]): due 14 days after
//!   the customer's choice or the termination, increased by 10, 20 or 50 % when late, in the
//!   wording of L241-4 in force for the contract ([`L2414Wording`]: Ordonnance n° 2021-1247
//!   for contracts from 1 January 2022).
//!
//! Every length, roll and switch is a policy value ([`ReturnsPolicy`], which holds the
//! withdrawal's [`WithdrawalPolicy`](comptoir_withdrawal::WithdrawalPolicy) beside this
//! crate's, and [`RefundAmountPolicy`]) whose `Default` is the FAQ's where the FAQ is lawful.
//! Nothing reads the clock: every instant is an argument, in any chrono time zone.
//!
//! The rule IDs are those of the [rules reference] (`docs/rules.md` in the repository).
//!
//! [rules reference]: ../comptoir/rules/index.html
//!
//! # Lawful by default
//!
//! Where the FAQ and mandatory consumer law disagree, the law decides, and no policy value
//! can make the crate break it (the rules of withdrawal are public order, L221-29). The
//! [legal notes] list, rule by rule, the article, what the law requires, what the FAQ says,
//! and what the crate does by default and allows. In short:
//!
//! - the withdrawal's own bounds are [`comptoir_withdrawal`]'s; a [`ReturnsPolicy`] whose
//!   withdrawal part would breach them is refused with [`RefundError::Withdrawal`], and
//!   [`RefundError::policy_breach`] names the field and the article either way;
//! - a notice is any unambiguous statement, from the validation of the order on, before or
//!   after the goods come back (Directive 2011/83 art. 9 and recital 40, L221-21): the
//!   ceiling counts from it;
//! - the refund ceiling is the law's 14 days, rolled (if at all) on the legal calendar, and
//!   the FAQ's expected window never ends after it ([`RefundPolicy::validate`]);
//! - a returned product is never refused; only a depreciation with its reason may be
//!   deducted ([`Inspection`]).
//!
//! [legal notes]: ../comptoir/legal/index.html
//!
//! # Refund amounts (REF-1)
//!
//! The FAQ: "le montant remboursé se basera sur le prix des articles que vous conservez et
//! des modalités de l'offre ... une offre peut être annulée si celle-ci n'est plus effective
//! avec le retour de l'article". After each return, the items the customer keeps are
//! repriced under the order's frozen offers, as at validation; an offer whose condition no
//! longer holds lapses. Then:
//!
//! ```text
//! entitlement = paid for products - kept items repriced - RET-2 deductions
//!               - price of each conditional gift kept though its condition lapsed (RET-4)
//! refund      = entitlement - refunds already made, never below zero
//! ```
//!
//! RULES.md's example: A 90.00 + B 30.00 under "-10 EUR from 100 EUR", 110.00 paid. B comes
//! back; A alone (90.00) is below the minimum, the offer lapses, A costs 90.00: the refund is
//! 110.00 - 90.00 = **20.00**. A later return of A refunds the other 90.00 and, since nothing
//! is left, the delivery paid (up to the cheapest standard delivery, L221-24). A refund never
//! takes an earlier one back, and the refunds never sum above what was paid. A line cancelled
//! for unavailability (REF-4) is refunded at its net paid amount, no offer clawed back, and
//! counts among the refunds made.
//!
//! **Why not `order.net_of(line)`?** [`Order::net_of`](comptoir_cart::Order::net_of) is the
//! line's share of the discounts as allocated at validation (PROMO-5): what the line cost
//! when everything was bought together, here B's 27.50. Refunding it is the *proportional*
//! method other systems use ([`RefundMethod::Proportional`], a policy option). It disagrees
//! with the FAQ as soon as the return changes what the offers give the rest: an offer whose
//! minimum is no longer reached (20.00, not 27.50), or a fixed discount that now falls whole
//! on the kept items (a line of 15.30 under a fixed 5.00 code over 100.60 of products has a
//! net of 14.54, but the kept items still get the whole 5.00 off, so 15.30 comes back).
//! Subtracting repriced totals by hand gets shipping, gifts, earlier refunds and negative
//! results wrong; the ledger does it once.
//!
//! **What the caller stores.** Next to the order, one [`RefundLedger`] per order: it holds
//! what was returned, cancelled and refunded, and the policy the refunds are computed under.
//! With the `serde` feature it serialises as a [`LedgerRecord`]: the order's stamp
//! (validation instant, total, lines), the policy, and each refund's cause and figures.
//! [`RefundLedger::load`] reads it back against the order, recomputing every refund and
//! refusing a record of another order or whose figures disagree. Explanations are
//! recomputed, not stored.
//!
//! # A return, a later return and their refunds
//!
//! ```
//! use chrono::TimeZone;
//! use chrono_tz::Europe::Paris;
//! use comptoir_calendar::Calendar;
//! use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
//! use comptoir_money::Decimal;
//! use comptoir_promo::*;
//! use comptoir_refund::{
//!     LegalInterestRate, RefundAmountPolicy, RefundDecision, RefundFacts, RefundLedger, Return,
//!     ReturnedItem, ReturnsPolicy,
//! };
//!
//! let ten_off = Effect::AmountOff { amount: "10".parse()?, on: Target::Order };
//! let catalogue = Catalogue::new([Offer::builder("dix".parse()?, "-10 € dès 100 €", ten_off)
//!     .minimum_amount("100".parse()?)
//!     .priority(1)
//!     .build()?])?;
//! let context = EvaluationContext::new(Paris.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).single().ok_or("instant")?);
//! let terms = Terms::new(&catalogue, &context);
//! let mut cart = Cart::new();
//! cart.add_line(Line::new("a".parse()?, "A".parse()?, "90".parse()?, Quantity::ONE)?, &terms)?;
//! cart.add_line(Line::new("b".parse()?, "B".parse()?, "30".parse()?, Quantity::ONE)?, &terms)?;
//! cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "4.90".parse()?)?, &terms)?;
//! let order = cart.validate(CustomerId::new(1), &terms)?;
//!
//! let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
//! let first = ledger.record(&order, Return::new([ReturnedItem::item("b".parse()?, Quantity::ONE)])?)?;
//! assert_eq!(first.amount(), "20.00".parse()?);
//! assert!(first.message_fr().contains("L'offre « -10 € dès 100 € » ne s'applique plus"));
//! let second = ledger.record(&order, Return::new([ReturnedItem::item("a".parse()?, Quantity::ONE)])?)?;
//! assert_eq!(second.amount(), "94.90".parse()?); // 90.00 and the delivery
//! assert_eq!(ledger.refunded()?, order.total());
//!
//! // REF-2, REF-3: the first refund, due 14 days after the notice, paid on time.
//! let notice = Paris.with_ymd_and_hms(2026, 3, 16, 9, 0, 0).single().ok_or("instant")?;
//! let back = Paris.with_ymd_and_hms(2026, 3, 19, 15, 0, 0).single().ok_or("instant")?;
//! let paid = Paris.with_ymd_and_hms(2026, 3, 25, 10, 0, 0).single().ok_or("instant")?;
//! let decision = RefundDecision::compute(
//!     &first,
//!     &RefundFacts::notified(&notice).with_goods_received(&back),
//!     &paid,
//!     LegalInterestRate::new(Decimal::new(762, 2))?,
//!     &ReturnsPolicy::default(),
//!     &Calendar::metropolitan(),
//! )?;
//! assert_eq!(decision.due().last_day().map(|d| d.to_string()), Some("2026-03-30".into()));
//! assert_eq!(decision.total(), "20.00".parse()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run -p comptoir-refund --example withdrawal_and_refund` follows one withdrawal from
//! the parcels to a late refund.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for the policies (read through their `validate`: an
//!   unlawful stored policy fails at load), [`RefundFacts`],
//!   [`LegalInterestRate`], the refund inputs ([`Return`], [`Cancellation`], [`Inspection`]...)
//!   and the small enums, each through its constructor's checks; a [`RefundLedger`]
//!   serialises as a [`LedgerRecord`], which deserialising checks as far as it can without
//!   the order (refunds never above the total paid, shares summing to each refund, no more
//!   units than ordered) and [`RefundLedger::load`] reads back on its order; `Serialize` only for computed results
//!   ([`RefundDeadlines`], [`Surcharge`], [`Refund`], [`RefundDecision`],
//!   [`CancellationDecision`]), which only the computations may build.
//! - `proptest`: the `strategies` module: refund facts, refund policies (lawful ones, and any
//!   values for checking what validation refuses), lateness and interest rates; validated
//!   orders with offers and sequences of returns and cancellations.
//!
//! No feature changes behaviour.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod amount_policy;
mod cancellation;
mod deadline;
mod decision;
mod error;
mod frozen;
mod input;
mod ledger;
mod outcome;
mod policy;
#[cfg(feature = "proptest")]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "test generators computing on small drawn ranges; not library code"
)]
pub mod strategies;
mod surcharge;

pub use amount_policy::{RefundAmountPolicy, RefundMethod, ReturnCosts};
pub use cancellation::{
    CancellationDecision, CancellationFacts, CancellationGround, L2414Wording, NON_DELIVERY_REFUND,
    NonDeliverySurcharge,
};
/// The count of calendar days the deadlines and lateness use, from the calendar crate.
pub use comptoir_calendar::CalendarDays;
pub use deadline::{DeferredUntil, RefundDeadlines, RefundDue, RefundFacts};
pub use decision::RefundDecision;
pub use error::RefundError;
pub use input::{
    Cancellation, CancelledLine, Depreciation, Inspection, RefundCause, Return, ReturnedItem,
};
pub use ledger::{LedgerRecord, RefundLedger};
pub use outcome::{
    DeliveryRefund, KeptGift, LapseReason, LapsedOffer, LineDeduction, OfferKind, Refund,
    RefundExplanation, RefundedLine,
};
pub use policy::{Deferral, REFUND_CEILING, RefundPolicy, ReturnsPolicy};
pub use surcharge::{
    AmountDue, HalfYear, LegalInterestRate, LegalInterestReading, ProductsPrice, Surcharge,
    SurchargePolicy, SurchargeTier,
};
