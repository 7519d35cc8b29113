//! The withdrawal policy (RET-1), with the FAQ's defaults and the law's bounds.

use comptoir_calendar::{CalendarDays, Period, Roll};

use crate::WithdrawalError;

/// The 14 days the law counts: the customer's to withdraw (C. conso L221-18), which a policy
/// may lengthen but never shorten, and the shop's to refund after the withdrawal (L221-24),
/// which a policy may not lengthen. These are the consumer's rights, not the shop's to trade
/// away (L221-29 makes them public order).
pub const LEGAL_DAYS: CalendarDays = CalendarDays::new(14);

/// The law's withdrawal period (C. conso L221-18): 14 days from the day after possession of
/// the last parcel, ending with the next working day of the legal calendar when its last day
/// is a Saturday, a Sunday or a public holiday (Regulation 1182/71 art. 3(4)).
pub const STATUTORY_WITHDRAWAL: Period = Period {
    days: LEGAL_DAYS,
    roll: Roll::NextBusinessDay,
};

/// The article of the withdrawal period, as the errors name it.
const L221_18: &str = "C. conso L221-18";

/// The withdrawal windows (RET-1).
///
/// Default: the FAQ's 30 days ("À réception du colis, vous avez 30 jours pour vous rétracter")
/// and the law's 14 days (C. conso L221-18), both rolled to the next business day.
///
/// The law fixes the statutory window's length (at least 14 days), its start (the day after
/// possession of the last parcel, [`Receipt`](crate::Receipt)) and its roll over weekends
/// and public holidays of the legal calendar (Regulation 1182/71 art. 3(4)); a shop may
/// lengthen it, never shorten it. [`WithdrawalPolicy::validate`] refuses a value that would,
/// naming the field and the article; so does deserialising, so a bad file fails at load.
///
/// # Example
///
/// ```
/// use comptoir_withdrawal::{CalendarDays, WithdrawalPolicy};
/// let policy = WithdrawalPolicy::default();
/// assert_eq!(policy.contractual.days, CalendarDays::new(30));
/// assert_eq!(policy.statutory.days, CalendarDays::new(14));
/// assert!(policy.validate().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "WithdrawalPolicyData", into = "WithdrawalPolicyData")
)]
pub struct WithdrawalPolicy {
    /// The window the shop promises (FAQ: 30 days), counted on the shop's calendar. At least
    /// the statutory window's length; rolled or not, it never closes before the law's window
    /// ([`WithdrawalWindows`](crate::WithdrawalWindows) makes sure of it).
    pub contractual: Period,
    /// The window the law grants (L221-18: 14 days), counted on the legal calendar of the
    /// customer's region. At least [`LEGAL_DAYS`], always [`Roll::NextBusinessDay`].
    pub statutory: Period,
}

impl Default for WithdrawalPolicy {
    fn default() -> Self {
        WithdrawalPolicy {
            contractual: Period {
                days: CalendarDays::new(30),
                roll: Roll::NextBusinessDay,
            },
            statutory: STATUTORY_WITHDRAWAL,
        }
    }
}

impl WithdrawalPolicy {
    /// Checks the policy gives the customer at least what the law does.
    ///
    /// # Errors
    ///
    /// - [`WithdrawalError::UnlawfulPolicy`] naming `withdrawal.statutory.days` (L221-18) when
    ///   the statutory window is shorter than 14 days ([`LEGAL_DAYS`]);
    /// - [`WithdrawalError::UnlawfulPolicy`] naming `withdrawal.statutory.roll` (L221-18,
    ///   Regulation 1182/71 art. 3(4)) when it does not roll: a last day on a weekend or a
    ///   public holiday would end the period a working day too soon;
    /// - [`WithdrawalError::UnlawfulPolicy`] naming `withdrawal.contractual.days` (L221-18) when
    ///   the shop's window is shorter than 14 days: the shop would announce less than the law;
    /// - [`WithdrawalError::InvalidPolicy`] when the shop's window is shorter than a lengthened
    ///   statutory one.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_withdrawal::{WithdrawalError, Roll, WithdrawalPolicy};
    /// let mut policy = WithdrawalPolicy::default();
    /// policy.statutory.roll = Roll::None;
    /// let Err(WithdrawalError::UnlawfulPolicy { field, article, .. }) = policy.validate() else {
    ///     panic!("a statutory window that does not roll is unlawful");
    /// };
    /// assert_eq!((field, article), ("withdrawal.statutory.roll", "C. conso L221-18"));
    /// ```
    pub fn validate(&self) -> Result<(), WithdrawalError> {
        if self.statutory.days < LEGAL_DAYS {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "withdrawal.statutory.days",
                article: L221_18,
                requirement: "the customer has at least 14 days to withdraw",
            });
        }
        if self.statutory.roll != Roll::NextBusinessDay {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "withdrawal.statutory.roll",
                article: L221_18,
                requirement: "a period whose last day is a Saturday, a Sunday or a public holiday \
                              ends with the next working day (Regulation 1182/71 art. 3(4))",
            });
        }
        if self.contractual.days < LEGAL_DAYS {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "withdrawal.contractual.days",
                article: L221_18,
                requirement: "the withdrawal period the shop announces is at least 14 days",
            });
        }
        if self.contractual.days < self.statutory.days {
            return Err(WithdrawalError::InvalidPolicy {
                reason: "withdrawal.contractual.days: the shop's window is shorter than its \
                         statutory one",
            });
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct WithdrawalPolicyData {
    contractual: Period,
    statutory: Period,
}

#[cfg(feature = "serde")]
impl Default for WithdrawalPolicyData {
    fn default() -> Self {
        WithdrawalPolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<WithdrawalPolicyData> for WithdrawalPolicy {
    type Error = WithdrawalError;

    fn try_from(d: WithdrawalPolicyData) -> Result<WithdrawalPolicy, WithdrawalError> {
        let policy = WithdrawalPolicy {
            contractual: d.contractual,
            statutory: d.statutory,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<WithdrawalPolicy> for WithdrawalPolicyData {
    fn from(p: WithdrawalPolicy) -> WithdrawalPolicyData {
        WithdrawalPolicyData {
            contractual: p.contractual,
            statutory: p.statutory,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unlawful_field(result: Result<(), WithdrawalError>) -> Option<(&'static str, &'static str)> {
        match result {
            Err(WithdrawalError::UnlawfulPolicy { field, article, .. }) => Some((field, article)),
            _ => None,
        }
    }

    // RET-1: the FAQ's values pass the policy checks.
    #[test]
    fn defaults_are_valid() {
        assert_eq!(WithdrawalPolicy::default().validate(), Ok(()));
    }

    // RET-1, L221-18: the shop's window may be as long as the law's, never shorter; rolled or
    // not, it is lawful (it never closes before the law's window).
    #[test]
    fn ret1_contractual_window_below_the_law_is_refused() {
        let mut policy = WithdrawalPolicy::default();
        policy.contractual.days = CalendarDays::new(10);
        assert_eq!(
            unlawful_field(policy.validate()),
            Some(("withdrawal.contractual.days", "C. conso L221-18"))
        );
        let mut policy = WithdrawalPolicy::default();
        policy.statutory.days = CalendarDays::new(21);
        policy.contractual.days = CalendarDays::new(20);
        assert!(matches!(
            policy.validate(),
            Err(WithdrawalError::InvalidPolicy { .. })
        ));
        let mut policy = WithdrawalPolicy::default();
        policy.contractual.roll = Roll::None;
        policy.contractual.days = CalendarDays::new(14);
        assert_eq!(policy.validate(), Ok(()));
    }

    // RET-1, L221-18: the law's 14 days are a floor; 14 and more pass, 13 and less do not.
    #[test]
    fn ret1_statutory_window_below_fourteen_days_is_unlawful() {
        for days in [0, 7, 13] {
            let mut policy = WithdrawalPolicy::default();
            policy.statutory.days = CalendarDays::new(days);
            assert_eq!(
                unlawful_field(policy.validate()),
                Some(("withdrawal.statutory.days", "C. conso L221-18")),
                "{days} days"
            );
        }
        for days in [14, 21, 30] {
            let mut policy = WithdrawalPolicy::default();
            policy.statutory.days = CalendarDays::new(days);
            assert_eq!(policy.validate(), Ok(()), "{days} days");
        }
    }

    // RET-1, Regulation 1182/71 art. 3(4): a statutory window that does not roll is
    // unlawful, whatever its length.
    #[test]
    fn ret1_statutory_window_that_does_not_roll_is_unlawful() {
        for days in [14, 30] {
            let policy = WithdrawalPolicy {
                statutory: Period {
                    days: CalendarDays::new(days),
                    roll: Roll::None,
                },
                ..WithdrawalPolicy::default()
            };
            assert_eq!(
                unlawful_field(policy.validate()),
                Some(("withdrawal.statutory.roll", "C. conso L221-18"))
            );
        }
    }
}
