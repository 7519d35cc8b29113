//! The shop's refund and after-sale policy values, with the FAQ's defaults.

use comptoir_calendar::{BusinessDays, Period, Roll};
use comptoir_withdrawal::{LEGAL_DAYS, WithdrawalPolicy};

use crate::{RefundError, SurchargePolicy};

/// The law's refund ceiling after a withdrawal (C. conso L221-24): 14 days after the shop is
/// told, not rolled (the FAQ's "un remboursement ne peut excéder 14 jours");
/// [`RefundPolicy::ceiling`] may roll it on the legal calendar, never lengthen it.
pub const REFUND_CEILING: Period = Period {
    days: LEGAL_DAYS,
    roll: Roll::None,
};

/// The article of the refund after a withdrawal, as the errors name it.
const L221_24: &str = "C. conso L221-24";

/// When the refund ceiling may be deferred (REF-2, C. conso L221-24 al. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Deferral {
    /// The shop uses its right to defer the refund until it gets the goods back or the
    /// customer proves shipment, whichever comes first (the FAQ's default: the team
    /// "contrôle et rembourse" the returned products, so it waits for them). The right does
    /// not exist when the shop offered to collect the goods itself
    /// ([`RefundFacts::with_collection_offered`](crate::RefundFacts::with_collection_offered)).
    #[default]
    UntilGoodsOrProof,
    /// The refund is due 14 days after the notice whatever happened to the goods.
    None,
}

/// The fewest calendar days `n` business days after a day can end: Saturdays and Sundays are
/// closed on every calendar (CAL-1), and holidays or closures only push the end further. From
/// a Sunday, the 5th business day is the Friday 5 days later and the 6th the Monday 8 days
/// later: one more week for every 5 business days.
const fn fewest_calendar_days(n: i32) -> i64 {
    if n <= 0 {
        return 0;
    }
    // n is at most i32::MAX: the weeks stay far below i64::MAX.
    let before = (n as i64).saturating_sub(1);
    let weeks = before.div_euclid(5).saturating_mul(7);
    weeks.saturating_add(before.rem_euclid(5)).saturating_add(1)
}

/// Refund deadlines (REF-2).
///
/// Default: refund expected 3 to 5 business days after the goods are checked ("sous 3 à 5
/// jours ouvrés"), on the shop's calendar; ceiling 14 calendar days after the notice, not
/// rolled ("un remboursement ne peut excéder 14 jours"), deferred per L221-24 until goods or
/// proof of shipment. The expected window is capped at the ceiling
/// ([`RefundDeadlines::is_expected_capped`](crate::RefundDeadlines::is_expected_capped)). A
/// notice may come before or after the goods: any unambiguous statement is one (L221-21).
///
/// # Example
///
/// ```
/// use comptoir_calendar::{BusinessDays, CalendarDays};
/// use comptoir_refund::{Deferral, RefundPolicy};
/// let policy = RefundPolicy::default();
/// assert_eq!(policy.expected_from, BusinessDays::new(3));
/// assert_eq!(policy.deferral, Deferral::UntilGoodsOrProof);
/// assert_eq!(policy.ceiling.days, CalendarDays::new(14));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "RefundPolicyData", into = "RefundPolicyData")
)]
pub struct RefundPolicy {
    /// First business day of the expected refund window, after the goods are checked (and the
    /// notice received).
    pub expected_from: BusinessDays,
    /// Last business day of the expected refund window, after the goods are checked.
    pub expected_to: BusinessDays,
    /// The legal ceiling after the notice: 14 days (L221-24), no more and no less (the
    /// L242-4 surcharge counts from it; a faster promise is the expected window). The
    /// default does not roll: the FAQ promises "14 jours" flat. [`Roll::NextBusinessDay`]
    /// reads L221-24 through Regulation 1182/71 art. 3(4), as RET-1 does, giving the shop the
    /// weekend; it rolls on the legal calendar of the shop's region, never over the shop's
    /// own closures.
    pub ceiling: Period,
    /// Whether the ceiling waits for the goods or a proof of shipment.
    pub deferral: Deferral,
}

impl Default for RefundPolicy {
    fn default() -> Self {
        RefundPolicy {
            expected_from: BusinessDays::new(3),
            expected_to: BusinessDays::new(5),
            ceiling: REFUND_CEILING,
            deferral: Deferral::UntilGoodsOrProof,
        }
    }
}

impl RefundPolicy {
    /// Checks the ceiling is the law's and the expected window is a window that can fit in it.
    ///
    /// # Errors
    ///
    /// - [`RefundError::UnlawfulPolicy`] naming `refund.ceiling.days` (L221-24) when the
    ///   ceiling is longer than 14 days: the shop would refund later than the law allows;
    /// - [`RefundError::UnlawfulPolicy`] naming `refund.expected_from` (L221-24) when the
    ///   expected window could never start within the 14 days, even for goods checked the day
    ///   of the notice (more than 10 business days);
    /// - [`RefundError::InvalidPolicy`] when the ceiling is shorter than 14 days (the L242-4
    ///   surcharge counts from the law's ceiling), when a bound of the expected window is
    ///   negative, or when that window ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_refund::{CalendarDays, RefundPolicy, RefundError};
    /// let mut policy = RefundPolicy::default();
    /// policy.ceiling.days = CalendarDays::new(30);
    /// assert!(matches!(
    ///     policy.validate(),
    ///     Err(RefundError::UnlawfulPolicy { field: "refund.ceiling.days", article: "C. conso L221-24", .. })
    /// ));
    /// ```
    pub fn validate(&self) -> Result<(), RefundError> {
        if self.ceiling.days > LEGAL_DAYS {
            return Err(RefundError::UnlawfulPolicy {
                field: "refund.ceiling.days",
                article: L221_24,
                requirement: "the refund is paid at the latest 14 days after the shop is told \
                              of the withdrawal",
            });
        }
        if self.ceiling.days < LEGAL_DAYS {
            return Err(RefundError::InvalidPolicy {
                reason: "refund.ceiling.days: the ceiling is the law's 14 days, from which the \
                         L242-4 surcharge counts; a faster promise is the expected window",
            });
        }
        if self.expected_from.get() < 0 {
            return Err(RefundError::InvalidPolicy {
                reason: "refund.expected_from: the expected refund window starts before the \
                         goods are checked",
            });
        }
        if self.expected_to < self.expected_from {
            return Err(RefundError::InvalidPolicy {
                reason: "refund.expected_to: the expected refund window ends before it starts",
            });
        }
        if fewest_calendar_days(self.expected_from.get()) > i64::from(LEGAL_DAYS.get()) {
            return Err(RefundError::UnlawfulPolicy {
                field: "refund.expected_from",
                article: L221_24,
                requirement: "the refund the shop announces can be paid within the 14 days",
            });
        }
        Ok(())
    }
}

/// The refund policy as stored. `goods_before_notice_allowed` is what older versions called
/// the choice of refusing goods that came back before the notice: any unambiguous statement
/// is a notice, before or after the goods (L221-21), so the choice is gone; a stored `false`
/// is refused when read, naming the article, rather than silently made lawful.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RefundPolicyData {
    expected_from: BusinessDays,
    expected_to: BusinessDays,
    ceiling: Period,
    deferral: Deferral,
    #[serde(skip_serializing_if = "Option::is_none")]
    goods_before_notice_allowed: Option<bool>,
}

#[cfg(feature = "serde")]
impl Default for RefundPolicyData {
    fn default() -> Self {
        RefundPolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RefundPolicyData> for RefundPolicy {
    type Error = RefundError;

    fn try_from(d: RefundPolicyData) -> Result<RefundPolicy, RefundError> {
        if d.goods_before_notice_allowed == Some(false) {
            return Err(RefundError::UnlawfulPolicy {
                field: "refund.goods_before_notice_allowed",
                article: "C. conso L221-21",
                requirement: "any unambiguous statement is a withdrawal notice, sent before or \
                              after the goods",
            });
        }
        let policy = RefundPolicy {
            expected_from: d.expected_from,
            expected_to: d.expected_to,
            ceiling: d.ceiling,
            deferral: d.deferral,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<RefundPolicy> for RefundPolicyData {
    fn from(p: RefundPolicy) -> RefundPolicyData {
        RefundPolicyData {
            expected_from: p.expected_from,
            expected_to: p.expected_to,
            ceiling: p.ceiling,
            deferral: p.deferral,
            goods_before_notice_allowed: None,
        }
    }
}

/// Every after-sale policy value of the crate.
///
/// Deserialising runs [`ReturnsPolicy::validate`]: each part is read through its own checks,
/// so a file with a zero-day window or a longer refund ceiling fails at load.
///
/// # Example
///
/// ```
/// use comptoir_refund::{CalendarDays, ReturnsPolicy};
/// let mut policy = ReturnsPolicy::default();
/// assert_eq!(policy.validate(), Ok(()));
/// policy.withdrawal.statutory.days = CalendarDays::new(0);
/// assert!(policy.validate().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ReturnsPolicyData", into = "ReturnsPolicyData")
)]
pub struct ReturnsPolicy {
    /// Withdrawal windows (RET-1).
    pub withdrawal: WithdrawalPolicy,
    /// Refund deadlines (REF-2).
    pub refund: RefundPolicy,
    /// Late-refund surcharges (REF-3).
    pub surcharge: SurchargePolicy,
}

impl ReturnsPolicy {
    /// Checks each part: [`WithdrawalPolicy::validate`] and [`RefundPolicy::validate`] (the
    /// surcharge policy has no value to refuse).
    ///
    /// # Errors
    ///
    /// The first error of [`WithdrawalPolicy::validate`], then of [`RefundPolicy::validate`]:
    /// [`RefundError::UnlawfulPolicy`] naming the field and the article, or
    /// [`RefundError::InvalidPolicy`].
    pub fn validate(&self) -> Result<(), RefundError> {
        self.withdrawal.validate()?;
        self.refund.validate()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ReturnsPolicyData {
    withdrawal: WithdrawalPolicy,
    refund: RefundPolicy,
    surcharge: SurchargePolicy,
}

#[cfg(feature = "serde")]
impl Default for ReturnsPolicyData {
    fn default() -> Self {
        ReturnsPolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ReturnsPolicyData> for ReturnsPolicy {
    type Error = RefundError;

    fn try_from(d: ReturnsPolicyData) -> Result<ReturnsPolicy, RefundError> {
        let policy = ReturnsPolicy {
            withdrawal: d.withdrawal,
            refund: d.refund,
            surcharge: d.surcharge,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<ReturnsPolicy> for ReturnsPolicyData {
    fn from(p: ReturnsPolicy) -> ReturnsPolicyData {
        ReturnsPolicyData {
            withdrawal: p.withdrawal,
            refund: p.refund,
            surcharge: p.surcharge,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comptoir_calendar::CalendarDays;

    fn unlawful_field(result: Result<(), RefundError>) -> Option<(&'static str, &'static str)> {
        match result {
            Err(RefundError::UnlawfulPolicy { field, article, .. }) => Some((field, article)),
            _ => None,
        }
    }

    // REF-2: the FAQ's values pass the policy checks.
    #[test]
    fn defaults_are_valid() {
        assert_eq!(RefundPolicy::default().validate(), Ok(()));
    }

    // REF-2, L221-24: the refund ceiling is the law's 14 days; later is unlawful, earlier is
    // refused as inconsistent with the surcharge.
    #[test]
    fn ref2_refund_ceiling_is_fourteen_days() {
        for days in [15, 20, 30] {
            let mut policy = RefundPolicy::default();
            policy.ceiling.days = CalendarDays::new(days);
            assert_eq!(
                unlawful_field(policy.validate()),
                Some(("refund.ceiling.days", "C. conso L221-24")),
                "{days} days"
            );
        }
        for days in [0, 7, 13] {
            let mut policy = RefundPolicy::default();
            policy.ceiling.days = CalendarDays::new(days);
            assert!(
                matches!(policy.validate(), Err(RefundError::InvalidPolicy { .. })),
                "{days} days"
            );
        }
        let mut policy = RefundPolicy::default();
        policy.ceiling.roll = Roll::NextBusinessDay;
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
        assert!(matches!(
            policy.validate(),
            Err(RefundError::InvalidPolicy { .. })
        ));
        let policy = RefundPolicy {
            expected_from: BusinessDays::new(-1),
            ..RefundPolicy::default()
        };
        assert!(policy.validate().is_err());
    }

    // REF-2, L221-24: 10 business days can end 12 days after a Sunday check, inside the 14;
    // 11 never end before 15 days: such a promise could never be kept lawfully.
    #[test]
    fn ref2_expected_window_that_can_never_fit_the_ceiling_is_unlawful() {
        assert_eq!(
            (0..=12).map(fewest_calendar_days).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16]
        );
        let fits = RefundPolicy {
            expected_from: BusinessDays::new(10),
            expected_to: BusinessDays::new(20),
            ..RefundPolicy::default()
        };
        assert_eq!(fits.validate(), Ok(()));
        let never = RefundPolicy {
            expected_from: BusinessDays::new(11),
            expected_to: BusinessDays::new(12),
            ..RefundPolicy::default()
        };
        assert_eq!(
            unlawful_field(never.validate()),
            Some(("refund.expected_from", "C. conso L221-24"))
        );
    }

    // REF-2: the bound above is the true minimum on the most open calendar there is, every
    // weekday of a metropolitan year without holidays near it checked.
    #[test]
    fn ref2_fewest_calendar_days_is_reached_and_never_beaten() {
        let cal = comptoir_calendar::Calendar::metropolitan();
        for n in 0..=15 {
            let mut fewest = i64::MAX;
            // Two weeks of June 2025: no public holiday between 10 June and 14 July.
            for start in 10..=16 {
                let day = chrono::NaiveDate::from_ymd_opt(2025, 6, start).unwrap();
                let end = cal.add_business_days(day, BusinessDays::new(n)).unwrap();
                fewest = fewest.min((end - day).num_days());
            }
            assert_eq!(fewest, fewest_calendar_days(n), "{n} business days");
        }
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;
    use comptoir_calendar::CalendarDays;

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

    // RET-1, RET-2, REF-2: a stored policy that breaks the law fails at load, naming the
    // field and the article.
    #[test]
    fn unlawful_policies_fail_at_load() {
        for (json, field) in [
            (
                r#"{"withdrawal":{"statutory":{"days":14,"roll":"none"}}}"#,
                "withdrawal.statutory.roll",
            ),
            (
                r#"{"withdrawal":{"statutory":{"days":10,"roll":"next_business_day"}}}"#,
                "withdrawal.statutory.days",
            ),
            (
                r#"{"refund":{"ceiling":{"days":21,"roll":"none"}}}"#,
                "refund.ceiling.days",
            ),
            (
                r#"{"refund":{"goods_before_notice_allowed":false}}"#,
                "refund.goods_before_notice_allowed",
            ),
        ] {
            let err = serde_json::from_str::<ReturnsPolicy>(json).unwrap_err();
            assert!(err.to_string().contains(field), "{json}: {err}");
        }
        // What older files said when they were lawful still reads.
        let old: ReturnsPolicy =
            serde_json::from_str(r#"{"refund":{"goods_before_notice_allowed":true}}"#).unwrap();
        assert_eq!(old, ReturnsPolicy::default());
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
