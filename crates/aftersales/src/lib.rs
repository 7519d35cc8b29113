//! After-sales under the legal guarantee of conformity (RET-5, C. conso L217-3 to L217-17).
//!
//! The FAQ's process ("après avoir établi un pré-diagnostic avec notre équipe", the product
//! sent cleaned with the return form, then "un nouveau modèle", a full refund "en cas
//! d'indisponibilité du produit", or the product "renvoyé en l'état" when no defect is found)
//! runs inside the legal guarantee of conformity, which it may not restrict. This crate decides
//! what the law gives on top of it, as pure functions of the instants they are given:
//!
//! - **the coverage** ([`Coverage`]): a defect that appears within two years of delivery is
//!   covered (L217-3), and within 24 months (12 for second-hand goods) it is presumed to exist
//!   at delivery, so the shop bears the proof otherwise (L217-7, [`Burden`]); a repair adds six
//!   months and the time the good was away (L217-13, L217-28), a replacement imposed instead of
//!   a repair restarts two years;
//! - **the case** ([`AfterSalesCase`]): a state machine from the request to the repair, the
//!   replacement, the price reduction or the refund, whose transitions are checked (an illegal
//!   one is an [`AfterSalesError`] and changes nothing), and whose every state knows what
//!   runs against the shop ([`CaseDeadline`]): the remedy within 30 days of the request,
//!   free of charge (L217-10, L217-11), the refund within 14 days (L217-17);
//! - **the customer's options at an instant** ([`AfterSalesCase::options`]): waiting for the
//!   remedy, or, once it is refused, late, failed, or the defect serious, a price reduction
//!   or a termination refunding the good's net paid amount against its return (L217-14 to
//!   L217-16) through the refund crate's ledger ([`comptoir_refund::RefundLedger`]);
//! - **the postage** the customer paid to send the good in ([`PostageRefund`]): refunded
//!   within 14 days of the good being taken in, with the increase of L241-6 when late.
//!
//! Every length is a [`GuaranteePolicy`] value whose `Default` is the law's (the FAQ states
//! none); a policy that gives less than the law is refused with the article it breaches.
//! Nothing reads the clock: every instant is an argument, in any chrono time zone, read on the
//! Paris clock.
//!
//! # Readings
//!
//! - The 30 days run from the customer's request. The FAQ's pre-diagnosis is a step the case
//!   records ([`AfterSalesCase::record_prediagnosis`]), never a condition: the product may be
//!   sent without it ([`AfterSalesCase::receive_product`] from [`CaseStatus::Reported`]).
//! - The FAQ asks for the product "préalablement nettoyé et sans son packaging d'origine" and
//!   for the return form, and warns that a product without its packaging is not refunded:
//!   none of this can condition the guarantee, so nothing in the case asks for it. The postage
//!   is the shop's ([`Postage`], D217-1, L241-6).
//! - "Aucun défaut n'est confirmé après nos tests" closes the case only with a written
//!   [`Finding`]; within the presumption the finding is the shop's proof, and the customer's
//!   message says it can be contested.
//! - "En cas d'indisponibilité du produit, vous serez intégralement remboursé" is the shop
//!   refusing any remedy ([`AfterSalesCase::refuse_conformity`], reasons in writing, L217-12):
//!   the customer then chooses the FAQ's full refund ([`AfterSalesCase::terminate`]: the net
//!   paid amount, as REF-4 refunds an unavailable product) or keeps the product with a price
//!   reduction ([`AfterSalesCase::reduce_price`]).
//! - The guarantee's periods end on the same day number of the last month ([`Months`]) and do
//!   not roll: they bound when a defect appears. The shop's deadlines do not roll either: the
//!   law gives them as ceilings.
//!
//! # Example
//!
//! A kettle collected on 9 January 2026 stops heating on 1 December; the customer asks for a
//! repair; the shop confirms the defect, repairs it in time, and the guarantee is extended.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone};
//! use chrono_tz::Europe::Paris;
//! use comptoir_aftersales::{
//!     AfterSalesCase, Burden, CaseDeadline, CaseStatus, Claim, Condition, Coverage,
//!     CustomerOption, GuaranteePolicy, Postage, Remedy,
//! };
//! use comptoir_calendar::Calendar;
//! use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
//! use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
//! use comptoir_refund::{RefundAmountPolicy, RefundLedger};
//!
//! let at = |y, m, d| Paris.with_ymd_and_hms(y, m, d, 10, 0, 0).single().ok_or("instant");
//! let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
//! let context = EvaluationContext::new(at(2026, 1, 5)?);
//! let catalogue = Catalogue::default();
//! let terms = Terms::new(&catalogue, &context);
//! let mut cart = Cart::new();
//! cart.add_line(Line::new("l1".parse()?, "bouilloire".parse()?, "59.90".parse()?, Quantity::ONE)?, &terms)?;
//! cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
//! let order = cart.validate(CustomerId::new(1), &terms)?;
//! let ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
//! let (cal, policy) = (Calendar::metropolitan(), GuaranteePolicy::default());
//!
//! let coverage = Coverage::compute(&at(2026, 1, 9)?, Condition::New, &policy, &cal)?;
//! assert_eq!(coverage.guarantee().last_day(), ymd(2028, 1, 9)?);
//! let claim = Claim::new("l1".parse()?, Remedy::Repair, "ne chauffe plus", &at(2026, 12, 1)?)?;
//! let mut case = AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &cal)?;
//! assert_eq!(case.burden(), Burden::Seller); // within 24 months: presumed at delivery
//!
//! // The customer posts it without any pre-diagnosis: taken in all the same.
//! case.receive_product(&at(2026, 12, 4)?, Postage::PaidByCustomer("7.20".parse()?))?;
//! case.confirm_defect(&at(2026, 12, 7)?, &cal)?;
//! assert!(matches!(case.deadline(), CaseDeadline::Remedy(d) if d.last_day() == ymd(2026, 12, 31).unwrap()));
//! case.deliver_remedy(&at(2026, 12, 21)?, &cal)?;
//! assert_eq!(case.status(), CaseStatus::Remedied);
//!
//! // Two years, plus the 20 days it was away (L217-28), plus six months (L217-13).
//! assert_eq!(case.coverage().guarantee().last_day(), ymd(2028, 7, 29)?);
//! assert_eq!(
//!     case.options(&at(2027, 1, 4)?)?,
//!     vec![CustomerOption::ClaimAgain(case.coverage().guarantee())]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`AfterSalesCase`]'s own example follows the FAQ's "none available" case to the full
//! refund; `cargo run -p comptoir-aftersales --example after_sales` prints a late replacement,
//! a persisting defect and a termination, with the customer's messages.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for the inputs ([`Claim`], [`Finding`], [`Postage`],
//!   [`Remedy`], [`Condition`], [`Months`], [`GuaranteePolicy`], the last checked as its
//!   constructor checks); `Serialize` only for what the case computes ([`AfterSalesCase`],
//!   [`Coverage`], [`CaseDeadline`], [`CustomerOption`], [`PostageRefund`]). A case is stored
//!   as its claim and its events and rebuilt by calling the transitions again.
//! - `proptest`: the `strategies` module: lawful policies, opened cases over generated
//!   orders, and sequences of steps to drive them.
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

mod case;
mod claim;
mod coverage;
mod error;
mod policy;
mod status;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use case::AfterSalesCase;
pub use claim::{Claim, Finding, FindingKind, Postage, Remedy};
/// The guarantee's months, counted as the calendar crate counts every period of months.
pub use comptoir_calendar::Months;
pub use coverage::{Burden, Condition, Coverage};
pub use error::AfterSalesError;
pub use policy::{
    GuaranteePolicy, LEGAL_GUARANTEE, LEGAL_POSTAGE_REFUND_DAYS, LEGAL_PRESUMPTION_NEW,
    LEGAL_PRESUMPTION_SECOND_HAND, LEGAL_REFUND_DAYS, LEGAL_REMEDY_DAYS, LEGAL_REPAIR_EXTENSION,
};
pub use status::{
    CaseDeadline, CaseEvent, CaseEventKind, CaseStatus, CustomerOption, Ground, PostageRefund,
};
