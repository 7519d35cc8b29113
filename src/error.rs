use comptoir_account::AccountError;
use comptoir_aftersales::AfterSalesError;
use comptoir_calendar::CalendarError;
use comptoir_cart::{CartError, Rejected};
use comptoir_dispatch::DispatchError;
use comptoir_money::MoneyError;
use comptoir_payment::PaymentError;
use comptoir_promo::PromoError;
use comptoir_refund::RefundError;
use comptoir_support::SupportError;
use comptoir_withdrawal::WithdrawalError;
use thiserror::Error;

/// Any error of the comptoir crates: one `?` type for an application that calls several of
/// them, such as a checkout handler.
///
/// Each variant wraps one crate's error unchanged (`From` is implemented for all of them, and
/// for the cart's [`Rejected`]); `Display` is that error's. The predicates look through the
/// wrapping, so that a date out of range is [`Error::is_out_of_range`] whether the calendar,
/// the dispatch rules or the payment rules reported it, and [`Error::message_fr`] gives the
/// sentence to show a customer whatever the crate.
///
/// # Example
///
/// ```
/// use comptoir::prelude::*;
///
/// fn dispatch_by(ordered_at: (i32, u32, u32, u32, u32)) -> Result<NaiveDate, comptoir::Error> {
///     let (y, m, d, h, min) = ordered_at;
///     let at = Paris::at(y, m, d, h, min, 0)?; // a CalendarError
///     let schedule = DispatchSchedule::compute(&at, &DispatchPolicy::default(), &Calendar::metropolitan())?; // a DispatchError
///     Ok(schedule.dispatch_by())
/// }
///
/// assert_eq!(dispatch_by((2026, 5, 23, 18, 0))?.to_string(), "2026-05-29");
/// let gap = dispatch_by((2026, 3, 29, 2, 30)).unwrap_err();
/// assert!(gap.is_local_time());
/// assert!(gap.message_fr().contains("n'existe pas"));
/// let far = dispatch_by((2200, 12, 31, 12, 0)).unwrap_err();
/// assert!(far.is_out_of_range());
/// # Ok::<(), comptoir::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum Error {
    /// An amount or a percentage ([`comptoir_money`]).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The calendar or the Paris clock ([`comptoir_calendar`]).
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The dispatch dates ([`comptoir_dispatch`]).
    #[error(transparent)]
    Dispatch(#[from] DispatchError),
    /// The promotion engine's input ([`comptoir_promo`]).
    #[error(transparent)]
    Promo(#[from] PromoError),
    /// The cart or the order ([`comptoir_cart`]).
    #[error(transparent)]
    Cart(#[from] CartError),
    /// Payment ([`comptoir_payment`]).
    #[error(transparent)]
    Payment(#[from] PaymentError),
    /// Withdrawal windows, notices and returned parcels ([`comptoir_withdrawal`]).
    #[error(transparent)]
    Withdrawal(#[from] WithdrawalError),
    /// Refund amounts, deadlines and surcharges ([`comptoir_refund`]).
    #[error(transparent)]
    Refund(#[from] RefundError),
    /// Customer service ([`comptoir_support`]).
    #[error(transparent)]
    Support(#[from] SupportError),
    /// Accounts and forms ([`comptoir_account`]).
    #[error(transparent)]
    Account(#[from] AccountError),
    /// After-sales cases under the legal guarantee ([`comptoir_aftersales`]).
    #[error(transparent)]
    AfterSales(#[from] AfterSalesError),
}

impl From<Rejected> for Error {
    /// The reason a cart was not validated; the cart itself is dropped (keep it with
    /// [`Rejected::into_cart`] before `?` when it is still needed).
    fn from(rejected: Rejected) -> Error {
        Error::Cart(rejected.error().clone())
    }
}

impl Error {
    /// The sentence the shop shows a customer for this error, in French, as the crate that
    /// reported it words it.
    pub fn message_fr(&self) -> String {
        match self {
            Error::Money(e) => e.message_fr(),
            Error::Calendar(e) => e.message_fr(),
            Error::Dispatch(e) => e.message_fr(),
            // The promotion engine's errors are the shop's own bad data (a malformed offer, a
            // negative price), never the customer's: customers see refusals, not these.
            Error::Promo(_) => "Une erreur technique empêche d'appliquer les promotions : \
                                contactez le service client."
                .to_owned(),
            Error::Cart(e) => e.message_fr(),
            Error::Payment(e) => e.message_fr(),
            Error::Withdrawal(e) => e.message_fr().to_owned(),
            Error::Refund(e) => e.message_fr().to_owned(),
            Error::Support(e) => e.message_fr(),
            Error::Account(e) => e.message_fr(),
            Error::AfterSales(e) => e.message_fr(),
        }
    }

    /// True when a validated order refused a change (CART-1, CART-2).
    pub fn is_locked(&self) -> bool {
        matches!(self, Error::Cart(e) if e.is_locked())
    }

    /// True when a date or an instant lies outside what the rules cover (the calendar's
    /// 1900-2200, CAL-4, or chrono's range), whichever crate reported it.
    pub fn is_out_of_range(&self) -> bool {
        self.calendar_error()
            .is_some_and(|e| e.is_out_of_range() || matches!(e, CalendarError::InstantOutOfRange))
            || matches!(self, Error::Payment(PaymentError::DateOutOfRange))
    }

    /// True for a Paris wall-clock time that does not exist, happened twice, or is no date and
    /// time at all.
    pub fn is_local_time(&self) -> bool {
        self.calendar_error()
            .is_some_and(CalendarError::is_local_time)
    }

    /// True when a text could not be read as a value (an amount, a window of days, a card
    /// brand, a phone slot...).
    pub fn is_parse(&self) -> bool {
        self.money_error().is_some_and(MoneyError::is_parse)
            || self.calendar_error().is_some_and(CalendarError::is_parse)
            || matches!(
                self,
                Error::Payment(PaymentError::Parse { .. } | PaymentError::ParseExpiry { .. })
                    | Error::Support(SupportError::Parse { .. })
            )
    }

    /// True when a form or a value typed by a customer was refused (ACC-2, ACC-3).
    pub fn is_invalid_form(&self) -> bool {
        matches!(self, Error::Account(e) if e.is_invalid_form())
    }

    /// True when a policy (the shop's configuration) is refused, because its values
    /// contradict each other or the law ([`Error::is_unlawful_policy`]).
    pub fn is_invalid_policy(&self) -> bool {
        match self {
            Error::Dispatch(DispatchError::InvalidPolicy { .. }) => true,
            Error::Payment(e) => e.is_invalid_policy(),
            Error::Withdrawal(e) => e.is_invalid_policy(),
            Error::Refund(e) => e.is_invalid_policy(),
            Error::AfterSales(e) => e.is_unlawful_policy(),
            Error::Support(e) => e.is_invalid_policy(),
            _ => false,
        }
    }

    /// True when a policy is refused because it would make the shop breach mandatory
    /// consumer law (a withdrawal window shortened, a refund later than 14 days, paying in
    /// instalments over more than three months...); the error names the field and the
    /// article.
    pub fn is_unlawful_policy(&self) -> bool {
        match self {
            Error::Payment(e) => e.is_unlawful_policy(),
            Error::Withdrawal(e) => e.is_unlawful_policy(),
            Error::Refund(e) => e.is_unlawful_policy(),
            Error::AfterSales(e) => e.is_unlawful_policy(),
            _ => false,
        }
    }

    /// True when an after-sales case refused a step its state does not allow (RET-5): a
    /// repair before the diagnosis, a refund before any decision.
    pub fn is_illegal_transition(&self) -> bool {
        matches!(self, Error::AfterSales(e) if e.is_illegal_transition())
    }

    /// True when the customer must pay another way (PAY-2: blocked card, refusal never
    /// retried, expired card).
    pub fn needs_other_method(&self) -> bool {
        matches!(self, Error::Payment(e) if e.needs_other_method())
    }

    /// The calendar's error behind this one, if a calendar or clock question failed.
    pub fn calendar_error(&self) -> Option<&CalendarError> {
        match self {
            Error::Calendar(e)
            | Error::Dispatch(DispatchError::Calendar(e))
            | Error::Payment(PaymentError::Dispatch(DispatchError::Calendar(e)))
            | Error::Withdrawal(WithdrawalError::Calendar(e))
            | Error::Refund(
                RefundError::Calendar(e)
                | RefundError::Dispatch(DispatchError::Calendar(e))
                | RefundError::Withdrawal(WithdrawalError::Calendar(e)),
            )
            | Error::Support(SupportError::Calendar(e))
            | Error::AfterSales(
                AfterSalesError::Calendar(e)
                | AfterSalesError::Refund(
                    RefundError::Calendar(e)
                    | RefundError::Withdrawal(WithdrawalError::Calendar(e)),
                ),
            ) => Some(e),
            _ => None,
        }
    }

    /// The money error behind this one, if an amount could not be read or computed.
    pub fn money_error(&self) -> Option<&MoneyError> {
        match self {
            Error::Money(e)
            | Error::Promo(PromoError::Money(e))
            | Error::Cart(CartError::Promo(PromoError::Money(e)))
            | Error::Payment(PaymentError::Money(e))
            | Error::Refund(RefundError::Money(e))
            | Error::AfterSales(
                AfterSalesError::Money(e) | AfterSalesError::Refund(RefundError::Money(e)),
            ) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // CAL-4, DISP-1, PAY-3, REF-2: an out-of-range date is one predicate whichever crate
    // reported it, and has a French sentence.
    #[test]
    fn predicates_look_through_the_wrapping() {
        let out = CalendarError::InstantOutOfRange;
        for e in [
            Error::from(out.clone()),
            Error::from(DispatchError::from(out.clone())),
            Error::from(PaymentError::from(DispatchError::from(out.clone()))),
            Error::from(WithdrawalError::from(out.clone())),
            Error::from(RefundError::from(out.clone())),
            Error::from(RefundError::from(DispatchError::from(out.clone()))),
            Error::from(RefundError::from(WithdrawalError::from(out.clone()))),
            Error::from(SupportError::from(out.clone())),
            Error::from(AfterSalesError::from(out.clone())),
            Error::from(AfterSalesError::from(RefundError::from(out.clone()))),
            Error::from(PaymentError::DateOutOfRange),
        ] {
            assert!(e.is_out_of_range(), "{e:?}");
            assert!(!e.is_locked());
            assert!(e.message_fr().ends_with('.'), "{e:?}");
        }
        let locked = Error::from(CartError::Locked {
            attempted: comptoir_cart::Change::EnterCode,
        });
        assert!(locked.is_locked() && !locked.is_out_of_range());
        assert_eq!(
            locked.message_fr(),
            CartError::Locked {
                attempted: comptoir_cart::Change::EnterCode
            }
            .message_fr()
        );
    }

    // Money (docs/rules.md): a bad amount is a parse error wherever it was read.
    #[test]
    fn parse_errors_are_found_in_every_crate() {
        let Err(bad) = "1,234.50".parse::<comptoir_money::Eur>() else {
            panic!("an ambiguous amount was read");
        };
        for e in [
            Error::from(bad.clone()),
            Error::from(PromoError::from(bad.clone())),
            Error::from(CartError::from(PromoError::from(bad.clone()))),
            Error::from(PaymentError::from(bad.clone())),
            Error::from(RefundError::from(bad)),
        ] {
            assert!(e.is_parse(), "{e:?}");
            assert!(e.money_error().is_some_and(MoneyError::is_ambiguous));
        }
        assert!(
            "x".parse::<comptoir_calendar::DayWindow>()
                .map_err(Error::from)
                .is_err_and(|e| e.is_parse())
        );
    }

    // RET-1, REF-2, PAY-5: a policy that would breach consumer law is an unlawful and an
    // invalid policy whichever crate refused it; a merely inconsistent one is only invalid.
    #[test]
    fn unlawful_policies_are_found_in_every_crate() {
        let withdrawal = comptoir_withdrawal::WithdrawalPolicy {
            statutory: comptoir_calendar::Period {
                days: comptoir_withdrawal::LEGAL_DAYS,
                roll: comptoir_calendar::Roll::None,
            },
            ..comptoir_withdrawal::WithdrawalPolicy::default()
        };
        // The same policy inside the after-sale policy: refused by the refund crate, which
        // sees through to the withdrawal's article.
        let returns = comptoir_refund::ReturnsPolicy {
            withdrawal,
            ..comptoir_refund::ReturnsPolicy::default()
        };
        // A plan said to stay outside credit law though a payment provider lends (L312-4).
        let instalments = comptoir_payment::InstalmentPolicy {
            outside_credit: true,
            credit: comptoir_payment::CreditFacts {
                lender: comptoir_payment::Lender::ThirdParty,
                large_enterprise: Some(false),
                claims_factored: Some(false),
            },
            ..comptoir_payment::InstalmentPolicy::default()
        };
        for e in [
            Error::from(withdrawal.validate().unwrap_err()),
            Error::from(returns.validate().unwrap_err()),
            Error::from(instalments.validate().unwrap_err()),
        ] {
            assert!(e.is_unlawful_policy() && e.is_invalid_policy(), "{e:?}");
            assert!(e.to_string().contains("C. conso"), "{e}");
            assert!(e.message_fr().ends_with('.'), "{e:?}");
        }
        let inconsistent = Error::from(RefundError::InvalidPolicy { reason: "x" });
        assert!(inconsistent.is_invalid_policy() && !inconsistent.is_unlawful_policy());
    }

    // RET-5: an after-sales case's refusals keep their predicates and French sentence through
    // the umbrella error.
    #[test]
    fn after_sales_errors_keep_their_predicates() {
        let illegal = Error::from(AfterSalesError::IllegalTransition {
            status: comptoir_aftersales::CaseStatus::Reported,
            event: comptoir_aftersales::CaseEventKind::RemedyDelivered,
        });
        assert!(illegal.is_illegal_transition() && !illegal.is_invalid_policy());
        assert!(illegal.message_fr().ends_with('.'));
        let unlawful = Error::from(AfterSalesError::UnlawfulPolicy {
            article: "L217-3",
            reason: "the guarantee is shorter than two years from delivery",
        });
        assert!(unlawful.is_invalid_policy() && unlawful.is_unlawful_policy());
        assert!(!unlawful.is_illegal_transition());
    }

    // The umbrella error crosses threads and compares, as each crate's does.
    #[test]
    fn error_is_send_sync_and_comparable() {
        fn check<T: Send + Sync + Clone + PartialEq + std::error::Error>() {}
        check::<Error>();
    }
}
