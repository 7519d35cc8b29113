use chrono::NaiveDate;
use comptoir_dispatch::DispatchError;
use comptoir_money::{Eur, MoneyError};
use thiserror::Error;

use crate::method::list_fr;
use crate::{ExpiryMonth, Ineligibility, PaymentMethod, RefusalReason};

/// Why a payment rule could not answer, or refused what was asked.
///
/// `Display` is for developers; [`PaymentError::message_fr`] is the sentence the shop shows
/// the customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum PaymentError {
    /// A card token that is empty, too long, or holds characters a token never has.
    #[error("invalid card token: {reason}")]
    InvalidCardToken {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A card token that looks like a card number: the crates never hold one (PAY-7).
    #[error("the card token looks like a card number, which must never be stored")]
    TokenLooksLikeCardNumber,
    /// An expiry month outside 1 to 12, or a year outside 1900 to 2200.
    #[error("invalid expiry month {month} of year {year}")]
    InvalidExpiry {
        /// The year given.
        year: i32,
        /// The month given.
        month: u8,
    },
    /// A string that is not an expiry month (`MM/YY` or `MM/YYYY`).
    #[error("cannot read {input:?} as an expiry month (MM/YY or MM/YYYY)")]
    ParseExpiry {
        /// The string given.
        input: String,
    },
    /// A string that is not the text form of a payment value (a brand, a method, a spacing).
    #[error("cannot read {input:?} as {what}: expected {expected}")]
    Parse {
        /// The kind of value expected, e.g. `"a card brand"`.
        what: &'static str,
        /// The string given.
        input: String,
        /// The forms accepted.
        expected: &'static str,
    },
    /// The card's expiry month is over on the day it would be used.
    #[error("the card expired at the end of {expiry}, before {on}")]
    CardExpired {
        /// The card's expiry month.
        expiry: ExpiryMonth,
        /// The day the card was to be used.
        on: NaiveDate,
    },
    /// A negative amount where an amount to pay, a price or a threshold is expected.
    #[error("{what} is negative ({amount})")]
    NegativeAmount {
        /// Which amount.
        what: &'static str,
        /// Its value.
        amount: Eur,
    },
    /// An order whose amount to pay is zero: there is nothing to pay in instalments.
    #[error("the amount to pay is zero")]
    NothingToPay,
    /// An instalment count the policy does not offer (PAY-5).
    #[error("paying in {count} instalments is not offered (offered: {offered:?})")]
    InstalmentCountNotOffered {
        /// The count asked for.
        count: u8,
        /// The counts the policy offers.
        offered: Vec<u8>,
    },
    /// A policy whose values cannot work (e.g. instalments 0 days apart).
    #[error("invalid payment policy: {reason}")]
    InvalidPolicy {
        /// What is inconsistent.
        reason: &'static str,
    },
    /// A policy value that would make the shop breach mandatory consumer law (PAY-5): paying
    /// in instalments over more than three months is consumer credit (C. conso L312-1 ff.).
    #[error("policy field {field} breaches {article}: {requirement}")]
    UnlawfulPolicy {
        /// The field of [`InstalmentPolicy`](crate::InstalmentPolicy): `spacing`.
        field: &'static str,
        /// The article the value would breach: `C. conso L312-4`.
        article: &'static str,
        /// What the article requires.
        requirement: &'static str,
    },
    /// A stored instalment or schedule that no computation gives (PAY-5): a negative amount,
    /// amounts other than the even split of their sum, ranks not counting from 1, dates
    /// that follow no spacing or run over more than three months.
    #[error("invalid instalment schedule: {reason}")]
    InvalidSchedule {
        /// What is wrong.
        reason: &'static str,
    },
    /// An instalment date beyond chrono's range.
    #[error("instalment date out of the representable range")]
    DateOutOfRange,
    /// Paying in instalments was asked for an order that is not eligible (PAY-4, PAY-5).
    #[error("not eligible for paying in instalments: {0}")]
    NotEligible(Ineligibility),
    /// A 3-D Secure attempt with a card blocked after three wrong codes (PAY-2).
    #[error("the card is blocked for 3-D Secure payments after three wrong codes")]
    CardBlocked {
        /// The methods to offer instead (another card among them).
        other_methods: Vec<PaymentMethod>,
    },
    /// A new attempt after a refusal that is never retried (a hard decline, PAY-2).
    #[error("the payment was refused and cannot be retried with this card: {reason}")]
    Refused {
        /// Why the bank refused.
        reason: RefusalReason,
        /// The methods to offer instead.
        other_methods: Vec<PaymentMethod>,
    },
    /// A new attempt after the payment was already authenticated.
    #[error("the payment is already authenticated")]
    AlreadyAuthenticated,
    /// An amount computation overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The dispatch dates, hence the debit day, could not be computed (PAY-3).
    #[error(transparent)]
    Dispatch(#[from] DispatchError),
}

impl PaymentError {
    /// The sentence the shop shows the customer, in French.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_payment::{PaymentError, PaymentMethod};
    ///
    /// let error = PaymentError::CardBlocked { other_methods: PaymentMethod::ALL.to_vec() };
    /// assert!(error.message_fr().contains("Veuillez contacter votre banque."));
    /// assert!(error.message_fr().contains("une autre carte bancaire, PayPal ou Apple Pay"));
    /// ```
    pub fn message_fr(&self) -> String {
        match self {
            PaymentError::InvalidCardToken { .. }
            | PaymentError::TokenLooksLikeCardNumber
            | PaymentError::InvalidExpiry { .. }
            | PaymentError::ParseExpiry { .. }
            | PaymentError::Parse { .. } => {
                "Les informations de votre carte n'ont pas pu être lues. Veuillez les saisir à nouveau.".to_owned()
            }
            PaymentError::CardExpired { .. } => RefusalReason::CardExpired.advice_fr().to_owned(),
            PaymentError::InstalmentCountNotOffered { offered, .. } => {
                let counts: Vec<String> = offered.iter().map(u8::to_string).collect();
                format!(
                    "Ce nombre d'échéances n'est pas proposé. Le paiement est proposé en {}x.",
                    counts.join("x ou en ")
                )
            }
            PaymentError::NotEligible(reason) => reason.message_fr(),
            PaymentError::CardBlocked { other_methods } => format!(
                "{} {}",
                RefusalReason::CardBlockedFor3ds.advice_fr(),
                offer_fr(other_methods)
            ),
            PaymentError::Refused {
                reason,
                other_methods,
            } => format!("{} {}", reason.advice_fr(), offer_fr(other_methods)),
            PaymentError::AlreadyAuthenticated => {
                "Votre paiement est déjà validé.".to_owned()
            }
            _ => RefusalReason::TechnicalError.advice_fr().to_owned(),
        }
    }

    /// True when a policy is refused, because its values cannot work
    /// ([`PaymentError::InvalidPolicy`], a negative minimum) or would breach the law
    /// ([`PaymentError::UnlawfulPolicy`]).
    pub fn is_invalid_policy(&self) -> bool {
        matches!(
            self,
            PaymentError::InvalidPolicy { .. } | PaymentError::UnlawfulPolicy { .. }
        )
    }

    /// True when a policy is refused because it would breach mandatory consumer law; the
    /// error names the field and the article.
    pub fn is_unlawful_policy(&self) -> bool {
        matches!(self, PaymentError::UnlawfulPolicy { .. })
    }

    /// True when the customer must pay another way (blocked card, refusal never retried,
    /// expired card).
    pub fn needs_other_method(&self) -> bool {
        matches!(
            self,
            PaymentError::CardBlocked { .. }
                | PaymentError::Refused { .. }
                | PaymentError::CardExpired { .. }
        )
    }
}

/// "Vous pouvez payer avec une autre carte bancaire, PayPal ou Apple Pay."
pub(crate) fn offer_fr(methods: &[PaymentMethod]) -> String {
    if methods.is_empty() {
        return String::new();
    }
    let list = list_fr(methods).replacen("carte bancaire", "une autre carte bancaire", 1);
    format!("Vous pouvez payer avec {list}.")
}
