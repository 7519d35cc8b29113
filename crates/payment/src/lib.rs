//! How customers pay the shop: methods, 3-D Secure attempts, the debit day and paying in three
//! instalments.
//!
//! The FAQ's "Paiement et facturation" answers, as the [rules reference] numbers them. This
//! crate decides:
//!
//! - **[PAY-1]** which methods to offer: card (CB, Visa, Mastercard, American Express), PayPal,
//!   and Apple Pay only on a compatible device ([`PaymentMethod`], [`Device`], [`CardBrand`]);
//! - **[PAY-2]** the next step after each 3-D Secure outcome on a card: three wrong codes block
//!   it for good, a soft decline is retried once with a challenge, a hard decline never
//!   ([`SecureTracker`], a state machine without a clock);
//! - **[PAY-3]** the debit day: the dispatch day, and before shipment the dispatch window from
//!   the dispatch rules ([`debit_day`], [`ExpectedDebit`]); an order in several parcels is
//!   debited once it has shipped in full
//!   ([`Fulfilment::shipped_in_full_at`](comptoir_dispatch::Fulfilment::shipped_in_full_at)),
//!   for what it holds then: units cancelled before are never debited
//!   ([`OrderAmount::after_cancellations`]);
//! - **[PAY-4]** whether an order may be paid in instalments: from 100.00 EUR incl. VAT, shipping
//!   counted or not as the policy says ([`Eligibility::of_amount`]);
//! - **[PAY-5]** the instalments: equal thirds to the cent, leftover cents first, due on the
//!   shipment day then 30 and 60 days later (or calendar months), refused when the card
//!   expires before the last one ([`InstalmentSchedule::compute`]); and the plan's credit
//!   regime by the day of the contract ([`InstalmentPlan`], [`CreditRegime`]): before 20
//!   November 2026 only plans within three months are offered (the former L312-4
//!   exclusion, [`InstalmentPolicy::validate_for`]); from then on a plan is a consumer credit
//!   unless the seller itself defers the payment within 50 days of shipment (L312-4 4°), and
//!   a credit carries its advertising mention ([`CREDIT_WARNING_FR`]), the borrower's 14-day
//!   withdrawal (L312-19) and its end when the purchase is withdrawn (L221-27);
//! - **[PAY-6]** the advice for each refusal, in French ([`RefusalReason::advice_fr`]);
//! - **[PAY-7]** no card data: a [`Card`] is a provider's token, a brand and an expiry month;
//!   a token that looks like a card number is refused ([`CardToken`]).
//!
//! Nothing here reads a clock: "today", the shipment day and each bank answer are inputs.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use comptoir_money::Eur;
//! use comptoir_payment::{
//!     Card, CardBrand, CardToken, Device, ExpiryMonth, InstalmentPolicy, InstalmentSchedule,
//!     NextStep, OrderAmount, SecureOutcome, SecureTracker,
//! };
//!
//! let today = NaiveDate::from_ymd_opt(2026, 1, 30).ok_or("date")?;
//! let card = Card::new(CardToken::new("tok_42")?, CardBrand::Cb, ExpiryMonth::new(2026, 12)?, today)?;
//!
//! // PAY-2: one wrong code, then the right one.
//! let mut tracker = SecureTracker::new(Device::Other);
//! assert_eq!(tracker.record(SecureOutcome::WrongCode)?, NextStep::EnterCodeAgain { codes_left: 2 });
//! assert_eq!(tracker.record(SecureOutcome::Authenticated)?, NextStep::Accepted);
//!
//! // PAY-4, PAY-5: 100.00 EUR shipped on Saturday 31 January, in calendar months.
//! let order = OrderAmount::new(Eur::from_cents(9_510), Eur::from_cents(490))?;
//! let policy = InstalmentPolicy {
//!     spacing: comptoir_payment::InstalmentSpacing::CalendarMonths,
//!     ..InstalmentPolicy::default()
//! };
//! let shipped = NaiveDate::from_ymd_opt(2026, 1, 31).ok_or("date")?;
//! let schedule = InstalmentSchedule::compute(&order, &card, 3, shipped, &policy)?;
//! let lines: Vec<String> = schedule.iter().map(|i| format!("{} {}", i.due_on(), i.amount())).collect();
//! assert_eq!(lines, ["2026-01-31 33.34", "2026-02-28 33.33", "2026-03-31 33.33"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Computations are named `compute` on the type they return and take the order first, the
//! policy (and calendar) last: [`InstalmentSchedule::compute`], [`Eligibility::compute`],
//! [`ExpectedDebit::compute`].
//!
//! `cargo run -p comptoir-payment --example pay_in_three` follows one order from the methods
//! offered to its three instalments.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for cards, methods, outcomes and steps, the tracker,
//!   the instalment policy, eligibility and schedules, and expected debits. Deserialising a
//!   token, an expiry month, a tracker, an order amount, a policy, an instalment, a schedule
//!   or an expected debit checks what the constructors and computations check, with the
//!   same functions.
//! - `proptest`: the `strategies` module: tokens, expiry months, cards, order amounts,
//!   3-D Secure outcomes and instalment policies.
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [PAY-1]: ../comptoir/rules/index.html#pay-1
//! [PAY-2]: ../comptoir/rules/index.html#pay-2
//! [PAY-3]: ../comptoir/rules/index.html#pay-3
//! [PAY-4]: ../comptoir/rules/index.html#pay-4
//! [PAY-5]: ../comptoir/rules/index.html#pay-5
//! [PAY-6]: ../comptoir/rules/index.html#pay-6
//! [PAY-7]: ../comptoir/rules/index.html#pay-7
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

mod card;
mod credit;
mod debit;
mod error;
mod instalments;
mod method;
mod refusal;
mod secure;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use card::{Card, CardBrand, CardToken, ExpiryMonth};
pub use credit::{
    BORROWER_WITHDRAWAL, CREDIT_WARNING_FR, CreditFacts, CreditReason, CreditRegime,
    InstalmentPlan, LARGE_ENTERPRISE_DEFERRAL_DAYS, Lender, PlanAfterWithdrawal,
    SELLER_DEFERRAL_DAYS,
};
pub use debit::{ExpectedDebit, debit_day};
pub use error::PaymentError;
pub use instalments::{
    Eligibility, FEWEST_DAYS_IN_THREE_MONTHS, Ineligibility, Instalment, InstalmentPolicy,
    InstalmentSchedule, InstalmentSpacing, OrderAmount,
};
pub use method::{Device, PaymentMethod};
pub use refusal::RefusalReason;
pub use secure::{Attempt, MAX_WRONG_CODES, NextStep, SecureOutcome, SecureState, SecureTracker};
