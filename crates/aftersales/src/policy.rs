//! The guarantee's lengths, with the law's as defaults and as limits.

use comptoir_calendar::{CalendarDays, Months};

use crate::AfterSalesError;

/// Two years from delivery: the defects the seller answers for (C. conso L217-3).
pub const LEGAL_GUARANTEE: Months = Months::new(24);
/// Defects appearing within 24 months of delivery are presumed to exist at delivery (L217-7).
pub const LEGAL_PRESUMPTION_NEW: Months = Months::new(24);
/// For second-hand goods, the presumption lasts 12 months (L217-7 al. 2).
pub const LEGAL_PRESUMPTION_SECOND_HAND: Months = Months::new(12);
/// A good repaired under the guarantee gets six more months of it (L217-13 al. 1).
pub const LEGAL_REPAIR_EXTENSION: Months = Months::new(6);
/// The repair or replacement is done within 30 days of the request (L217-10).
pub const LEGAL_REMEDY_DAYS: CalendarDays = CalendarDays::new(30);
/// The price is refunded within 14 days after a termination or a price reduction (L217-17).
pub const LEGAL_REFUND_DAYS: CalendarDays = CalendarDays::new(14);
/// Postage the customer paid to send the good is refunded within 14 days of being told it is
/// taken in under the guarantee (L241-6, D217-1).
pub const LEGAL_POSTAGE_REFUND_DAYS: CalendarDays = CalendarDays::new(14);

/// The lengths of the legal guarantee of conformity (RET-5, C. conso L217-3 to L217-17).
///
/// The FAQ gives none, so the default is the law's. The law's lengths are public order (a
/// term that restricts the legal guarantee has no effect, and L241-5 fines a seller who
/// obstructs it in bad faith): a policy may lengthen what the customer gets
/// (the guarantee, the presumption, the extension after a repair) and shorten what the shop
/// takes (the time to repair or replace, to refund), never the reverse;
/// [`GuaranteePolicy::validate`] refuses the rest, naming the article.
///
/// The shop's own deadlines do not roll to the next working day: the law says "ne peut être
/// supérieur à trente jours", a ceiling, and "au plus tard dans les quatorze jours".
///
/// # Example
///
/// ```
/// use comptoir_aftersales::{AfterSalesError, GuaranteePolicy, Months};
/// use comptoir_calendar::CalendarDays;
///
/// let policy = GuaranteePolicy::default();
/// assert_eq!(policy.guarantee, Months::new(24));
/// assert_eq!(policy.remedy_within, CalendarDays::new(30));
///
/// // A shop may promise a faster repair and a longer guarantee...
/// let generous = GuaranteePolicy { guarantee: Months::new(36), remedy_within: CalendarDays::new(15), ..policy };
/// assert!(generous.validate().is_ok());
/// // ...never a shorter one.
/// let one_year = GuaranteePolicy { guarantee: Months::new(12), ..policy };
/// assert!(matches!(one_year.validate(), Err(AfterSalesError::UnlawfulPolicy { article: "L217-3", .. })));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PolicyData", into = "PolicyData"))]
pub struct GuaranteePolicy {
    /// How long after delivery a defect may appear and be covered (L217-3: at least 24
    /// months).
    pub guarantee: Months,
    /// How long after delivery a defect of a new good is presumed to exist at delivery
    /// (L217-7: at least 24 months).
    pub presumption_new: Months,
    /// The same for a second-hand good (L217-7: at least 12 months).
    pub presumption_second_hand: Months,
    /// What a repair adds to the guarantee (L217-13: at least 6 months).
    pub repair_extension: Months,
    /// The days the shop takes to repair or replace after the request (L217-10: at most 30).
    pub remedy_within: CalendarDays,
    /// The days the shop takes to refund after a termination or a price reduction (L217-17:
    /// at most 14).
    pub refund_within: CalendarDays,
    /// The days the shop takes to refund the postage the customer paid (L241-6: at most 14).
    pub postage_refund_within: CalendarDays,
}

impl Default for GuaranteePolicy {
    fn default() -> Self {
        GuaranteePolicy {
            guarantee: LEGAL_GUARANTEE,
            presumption_new: LEGAL_PRESUMPTION_NEW,
            presumption_second_hand: LEGAL_PRESUMPTION_SECOND_HAND,
            repair_extension: LEGAL_REPAIR_EXTENSION,
            remedy_within: LEGAL_REMEDY_DAYS,
            refund_within: LEGAL_REFUND_DAYS,
            postage_refund_within: LEGAL_POSTAGE_REFUND_DAYS,
        }
    }
}

impl GuaranteePolicy {
    /// Checks the policy gives the customer at least what the law does.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::UnlawfulPolicy`] naming the article, when the guarantee is shorter
    /// than 24 months (L217-3), a presumption shorter than 24 or 12 months (L217-7), the
    /// extension after a repair shorter than 6 months (L217-13), the time to repair or
    /// replace longer than 30 days (L217-10), the time to refund longer than 14 days (L217-17)
    /// or the time to refund the postage longer than 14 days (L241-6); and, since the
    /// presumption only says when a covered defect existed, when a presumption outlasts the
    /// guarantee.
    pub fn validate(&self) -> Result<(), AfterSalesError> {
        let unlawful = |article, reason| Err(AfterSalesError::UnlawfulPolicy { article, reason });
        if self.guarantee < LEGAL_GUARANTEE {
            return unlawful(
                "L217-3",
                "the guarantee is shorter than two years from delivery",
            );
        }
        if self.presumption_new < LEGAL_PRESUMPTION_NEW {
            return unlawful(
                "L217-7",
                "the presumption for new goods is shorter than 24 months",
            );
        }
        if self.presumption_second_hand < LEGAL_PRESUMPTION_SECOND_HAND {
            return unlawful(
                "L217-7",
                "the presumption for second-hand goods is shorter than 12 months",
            );
        }
        if self.presumption_new > self.guarantee || self.presumption_second_hand > self.guarantee {
            return unlawful(
                "L217-7",
                "a presumption outlasts the guarantee it belongs to",
            );
        }
        if self.repair_extension < LEGAL_REPAIR_EXTENSION {
            return unlawful(
                "L217-13",
                "a repair extends the guarantee by less than six months",
            );
        }
        if self.remedy_within > LEGAL_REMEDY_DAYS {
            return unlawful(
                "L217-10",
                "the repair or replacement may take more than 30 days",
            );
        }
        if self.refund_within > LEGAL_REFUND_DAYS {
            return unlawful("L217-17", "the refund may take more than 14 days");
        }
        if self.postage_refund_within > LEGAL_POSTAGE_REFUND_DAYS {
            return unlawful("L241-6", "the postage refund may take more than 14 days");
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyData {
    guarantee: Months,
    presumption_new: Months,
    presumption_second_hand: Months,
    repair_extension: Months,
    remedy_within: CalendarDays,
    refund_within: CalendarDays,
    postage_refund_within: CalendarDays,
}

#[cfg(feature = "serde")]
impl Default for PolicyData {
    fn default() -> Self {
        GuaranteePolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyData> for GuaranteePolicy {
    type Error = AfterSalesError;

    fn try_from(d: PolicyData) -> Result<GuaranteePolicy, AfterSalesError> {
        let policy = GuaranteePolicy {
            guarantee: d.guarantee,
            presumption_new: d.presumption_new,
            presumption_second_hand: d.presumption_second_hand,
            repair_extension: d.repair_extension,
            remedy_within: d.remedy_within,
            refund_within: d.refund_within,
            postage_refund_within: d.postage_refund_within,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<GuaranteePolicy> for PolicyData {
    fn from(p: GuaranteePolicy) -> PolicyData {
        PolicyData {
            guarantee: p.guarantee,
            presumption_new: p.presumption_new,
            presumption_second_hand: p.presumption_second_hand,
            repair_extension: p.repair_extension,
            remedy_within: p.remedy_within,
            refund_within: p.refund_within,
            postage_refund_within: p.postage_refund_within,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // RET-5, L217-3, L217-7, L217-10, L217-13, L217-17, L241-6: every length below (or, for
    // the shop's deadlines, above) the law's is refused with its article.
    #[test]
    fn ret5_policies_that_give_less_than_the_law_are_refused() {
        let law = GuaranteePolicy::default();
        assert_eq!(law.validate(), Ok(()));
        let cases = [
            (
                GuaranteePolicy {
                    guarantee: Months::new(23),
                    ..law
                },
                "L217-3",
            ),
            (
                GuaranteePolicy {
                    presumption_new: Months::new(12),
                    ..law
                },
                "L217-7",
            ),
            (
                GuaranteePolicy {
                    presumption_second_hand: Months::new(6),
                    ..law
                },
                "L217-7",
            ),
            (
                GuaranteePolicy {
                    presumption_second_hand: Months::new(25),
                    ..law
                },
                "L217-7",
            ),
            (
                GuaranteePolicy {
                    repair_extension: Months::new(5),
                    ..law
                },
                "L217-13",
            ),
            (
                GuaranteePolicy {
                    remedy_within: CalendarDays::new(31),
                    ..law
                },
                "L217-10",
            ),
            (
                GuaranteePolicy {
                    refund_within: CalendarDays::new(15),
                    ..law
                },
                "L217-17",
            ),
            (
                GuaranteePolicy {
                    postage_refund_within: CalendarDays::new(30),
                    ..law
                },
                "L241-6",
            ),
        ];
        for (policy, expected) in cases {
            match policy.validate() {
                Err(AfterSalesError::UnlawfulPolicy { article, .. }) => {
                    assert_eq!(article, expected, "{policy:?}");
                }
                other => panic!("{policy:?}: {other:?}"),
            }
        }
        let better = GuaranteePolicy {
            guarantee: Months::new(36),
            presumption_new: Months::new(36),
            repair_extension: Months::new(12),
            remedy_within: CalendarDays::ZERO,
            refund_within: CalendarDays::new(3),
            postage_refund_within: CalendarDays::new(7),
            ..law
        };
        assert_eq!(better.validate(), Ok(()));
    }
}
