//! The shop's after-sale policy values, with the FAQ's defaults.

use comptoir_calendar::{BusinessDays, CalendarDays};

use crate::{Period, ReturnsError, Roll, SurchargePolicy};

/// The 14 days the law gives: to withdraw (C. conso L221-18) and to refund after the
/// withdrawal (L221-24). A policy may lengthen them, never shorten them: these are the
/// consumer's rights, not the shop's to trade away (L221-29 makes them public order).
pub const LEGAL_DAYS: CalendarDays = CalendarDays::new(14);

/// The withdrawal windows (RET-1).
///
/// Default: the FAQ's 30 days ("À réception du colis, vous avez 30 jours pour vous rétracter")
/// and the law's 14 days (C. conso L221-18), both rolled to the next business day.
///
/// # Example
///
/// ```
/// use comptoir_returns::{CalendarDays, WithdrawalPolicy};
/// let policy = WithdrawalPolicy::default();
/// assert_eq!(policy.contractual.days, CalendarDays::new(30));
/// assert_eq!(policy.statutory.days, CalendarDays::new(14));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct WithdrawalPolicy {
    /// The window the shop promises (FAQ: 30 days).
    pub contractual: Period,
    /// The window the law grants (L221-18: 14 days). A contract may lengthen it, never
    /// shorten it: it is at least [`LEGAL_DAYS`], and `contractual` is at least as long.
    pub statutory: Period,
}

impl Default for WithdrawalPolicy {
    fn default() -> Self {
        WithdrawalPolicy {
            contractual: Period {
                days: CalendarDays::new(30),
                roll: Roll::NextBusinessDay,
            },
            statutory: Period {
                days: CalendarDays::new(14),
                roll: Roll::NextBusinessDay,
            },
        }
    }
}

impl WithdrawalPolicy {
    /// Checks the policy does not promise less than the law.
    ///
    /// # Errors
    ///
    /// [`ReturnsError::InvalidPolicy`] when the statutory window is shorter than the law's
    /// 14 days ([`LEGAL_DAYS`]), when the contractual window is shorter than the statutory
    /// one, or when it does not roll while the statutory one does (it could then end first).
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_returns::{CalendarDays, ReturnsError, WithdrawalPolicy};
    /// let mut policy = WithdrawalPolicy::default();
    /// policy.statutory.days = CalendarDays::new(7);
    /// assert!(matches!(policy.validate(), Err(ReturnsError::InvalidPolicy { .. })));
    /// ```
    pub fn validate(&self) -> Result<(), ReturnsError> {
        if self.statutory.days < LEGAL_DAYS {
            // RET-1, L221-18: the law's 14 days are a floor the shop cannot lower.
            return Err(ReturnsError::InvalidPolicy {
                reason: "the statutory withdrawal window is shorter than the 14 days of L221-18",
            });
        }
        if self.contractual.days < self.statutory.days {
            return Err(ReturnsError::InvalidPolicy {
                reason: "the contractual withdrawal window is shorter than the statutory one",
            });
        }
        if self.statutory.roll == Roll::NextBusinessDay && self.contractual.roll == Roll::None {
            // Without its roll the contractual deadline could fall before a rolled statutory
            // one (e.g. 15 days against 14 rolled over a weekend).
            return Err(ReturnsError::InvalidPolicy {
                reason: "the contractual withdrawal window does not roll but the statutory one does",
            });
        }
        Ok(())
    }
}

/// When the refund ceiling may be deferred (REF-2, C. conso L221-24 al. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Deferral {
    /// The shop uses its right to defer the refund until it gets the goods back or the
    /// customer proves shipment, whichever comes first (the FAQ's default: the team
    /// "contrôle et rembourse" the returned products, so it waits for them).
    #[default]
    UntilGoodsOrProof,
    /// The refund is due 14 days after the notice whatever happened to the goods.
    None,
}

/// Refund deadlines (REF-2).
///
/// Default: refund expected 3 to 5 business days after the goods are checked ("sous 3 à 5
/// jours ouvrés"), ceiling 14 calendar days after the notice, not rolled ("un remboursement
/// ne peut excéder 14 jours"), deferred per L221-24 until goods or proof of shipment, and
/// goods must not arrive before the notice (the FAQ's form travels in the parcel).
///
/// # Example
///
/// ```
/// use comptoir_calendar::{BusinessDays, CalendarDays};
/// use comptoir_returns::{Deferral, RefundPolicy};
/// let policy = RefundPolicy::default();
/// assert_eq!(policy.expected_from, BusinessDays::new(3));
/// assert_eq!(policy.deferral, Deferral::UntilGoodsOrProof);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct RefundPolicy {
    /// First business day of the expected refund window, after the goods are checked.
    pub expected_from: BusinessDays,
    /// Last business day of the expected refund window, after the goods are checked.
    pub expected_to: BusinessDays,
    /// The legal ceiling after the notice. The default does not roll: the FAQ promises "14
    /// jours" flat. [`Roll::NextBusinessDay`] reads L221-24 through Regulation 1182/71 as
    /// RET-1 does, giving the shop the weekend.
    pub ceiling: Period,
    /// Whether the ceiling waits for the goods or a proof of shipment.
    pub deferral: Deferral,
    /// Whether returned goods (or their shipment) may predate the withdrawal notice. The
    /// FAQ's procedure puts the signed form in the parcel, so by default a notice later than
    /// the goods is refused as contradictory facts; a shop that accepts a parcel first and
    /// a notice by email later sets this to `true`.
    pub goods_before_notice_allowed: bool,
}

impl Default for RefundPolicy {
    fn default() -> Self {
        RefundPolicy {
            expected_from: BusinessDays::new(3),
            expected_to: BusinessDays::new(5),
            ceiling: Period {
                days: CalendarDays::new(14),
                roll: Roll::None,
            },
            deferral: Deferral::UntilGoodsOrProof,
            goods_before_notice_allowed: false,
        }
    }
}

impl RefundPolicy {
    /// Checks the ceiling is not shorter than the law's and the expected window is a window.
    ///
    /// # Errors
    ///
    /// [`ReturnsError::InvalidPolicy`] when the ceiling is shorter than the 14 days of
    /// L221-24 ([`LEGAL_DAYS`]), when a bound of the expected window is negative, or when
    /// that window ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_returns::{CalendarDays, RefundPolicy, ReturnsError};
    /// let mut policy = RefundPolicy::default();
    /// policy.ceiling.days = CalendarDays::new(10);
    /// assert!(matches!(policy.validate(), Err(ReturnsError::InvalidPolicy { .. })));
    /// ```
    pub fn validate(&self) -> Result<(), ReturnsError> {
        if self.ceiling.days < LEGAL_DAYS {
            // REF-2, L221-24: the refund ceiling can be later than the law's, not earlier.
            return Err(ReturnsError::InvalidPolicy {
                reason: "the refund ceiling is shorter than the 14 days of L221-24",
            });
        }
        if self.expected_from.get() < 0 {
            return Err(ReturnsError::InvalidPolicy {
                reason: "the expected refund window starts before the goods are checked",
            });
        }
        if self.expected_to < self.expected_from {
            return Err(ReturnsError::InvalidPolicy {
                reason: "the expected refund window ends before it starts",
            });
        }
        Ok(())
    }
}

/// Every after-sale policy value of the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct ReturnsPolicy {
    /// Withdrawal windows (RET-1).
    pub withdrawal: WithdrawalPolicy,
    /// Refund deadlines (REF-2).
    pub refund: RefundPolicy,
    /// Late-refund surcharges (REF-3).
    pub surcharge: SurchargePolicy,
}

#[cfg(test)]
mod tests {
    use super::*;

    // RET-1, REF-2: the FAQ's values pass the policy checks.
    #[test]
    fn defaults_are_valid() {
        assert_eq!(WithdrawalPolicy::default().validate(), Ok(()));
        assert_eq!(RefundPolicy::default().validate(), Ok(()));
    }

    // RET-1: a contract can lengthen the legal 14 days, not shorten them.
    #[test]
    fn contractual_shorter_than_statutory_is_refused() {
        let mut policy = WithdrawalPolicy::default();
        policy.contractual.days = CalendarDays::new(10);
        assert!(matches!(
            policy.validate(),
            Err(ReturnsError::InvalidPolicy { .. })
        ));
        let mut policy = WithdrawalPolicy::default();
        policy.contractual.roll = Roll::None;
        assert!(policy.validate().is_err());
    }

    // RET-1, L221-18: the law's 14 days are a floor; 14 and more pass, 13 and less do not.
    #[test]
    fn statutory_window_below_fourteen_days_is_refused() {
        for days in [0, 7, 13] {
            let mut policy = WithdrawalPolicy::default();
            policy.statutory.days = CalendarDays::new(days);
            assert!(
                matches!(policy.validate(), Err(ReturnsError::InvalidPolicy { .. })),
                "{days} days"
            );
        }
        for days in [14, 21, 30] {
            let mut policy = WithdrawalPolicy::default();
            policy.statutory.days = CalendarDays::new(days);
            assert_eq!(policy.validate(), Ok(()), "{days} days");
        }
    }

    // REF-2, L221-24: the refund ceiling cannot be shorter than 14 days, may be longer.
    #[test]
    fn refund_ceiling_below_fourteen_days_is_refused() {
        for days in [0, 7, 13] {
            let mut policy = RefundPolicy::default();
            policy.ceiling.days = CalendarDays::new(days);
            assert!(
                matches!(policy.validate(), Err(ReturnsError::InvalidPolicy { .. })),
                "{days} days"
            );
        }
        let mut policy = RefundPolicy::default();
        policy.ceiling.days = CalendarDays::new(20);
        assert_eq!(policy.validate(), Ok(()));
    }

    // REF-2
    #[test]
    fn inverted_expected_window_is_refused() {
        let policy = RefundPolicy {
            expected_from: BusinessDays::new(5),
            expected_to: BusinessDays::new(3),
            ..RefundPolicy::default()
        };
        assert!(policy.validate().is_err());
        let policy = RefundPolicy {
            expected_from: BusinessDays::new(-1),
            ..RefundPolicy::default()
        };
        assert!(policy.validate().is_err());
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;

    // RET-1, REF-2, REF-3: a stored policy reads back, and missing values are the FAQ's.
    #[test]
    fn policy_round_trips_and_partial_input_takes_the_faq_defaults() {
        let policy = ReturnsPolicy::default();
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(
            serde_json::from_str::<ReturnsPolicy>(&json).unwrap(),
            policy
        );

        let partial: ReturnsPolicy =
            serde_json::from_str(r#"{"refund":{"deferral":"none"}}"#).unwrap();
        assert_eq!(partial.refund.deferral, Deferral::None);
        assert_eq!(partial.withdrawal, WithdrawalPolicy::default());
        assert!(serde_json::from_str::<ReturnsPolicy>(r#"{"refnud":{}}"#).is_err());

        let flat: ReturnsPolicy =
            serde_json::from_str(r#"{"surcharge":{"legal_interest":"flat"}}"#).unwrap();
        assert_eq!(
            flat.surcharge.legal_interest,
            crate::LegalInterestReading::Flat
        );
    }

    // REF-3: stored lateness and rates are checked like the constructors.
    #[test]
    fn invalid_numbers_are_refused_when_deserialising() {
        assert!(serde_json::from_str::<CalendarDays>("-1").is_err());
        assert_eq!(
            serde_json::from_str::<CalendarDays>("15").unwrap().get(),
            15
        );
        assert!(serde_json::from_str::<crate::LegalInterestRate>("\"-0.5\"").is_err());
    }
}
