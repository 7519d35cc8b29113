//! How refund amounts are computed: the method, the delivery cap and who pays for sending the
//! goods back (REF-1, RET-2, L221-23, L221-24).

use comptoir_money::Eur;

use crate::RefundError;

/// How the amount of a refund after a partial return is computed (REF-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RefundMethod {
    /// The FAQ's rule, the default: "le montant remboursé se basera sur le prix des articles
    /// que vous conservez et des modalités de l'offre". The kept items are repriced under the
    /// order's frozen offers as at validation; an offer whose condition no longer holds
    /// lapses. The customer gets back what was paid minus what the kept items cost.
    #[default]
    Repricing,
    /// What many other systems do: the returned lines' net paid amounts (their share of every
    /// discount, PROMO-5) come back, and no offer ever lapses. Conditional gifts kept without
    /// their condition are still deducted (RET-4 is a rule of its own).
    Proportional,
}

/// Who pays the direct cost of sending returned goods back after a withdrawal (RET-2,
/// C. conso L221-23).
///
/// The law puts it on the customer only when the shop said so before the order (L221-5 lists
/// it among what the customer is told; L221-23 leaves it to the shop otherwise). The FAQ says
/// nothing of it, so the default is the shop's. The value is the shop's statement of what its
/// terms said; the refund's explanation repeats it to the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReturnCosts {
    /// The shop pays them (a prepaid label, or the postage paid back): the default.
    #[default]
    Shop,
    /// The customer pays them. Lawful only when the shop's terms told the customer so
    /// before the order; a shop that did not may not choose this.
    Customer,
}

impl ReturnCosts {
    /// The sentence of the refund e-mail that says who pays for sending the goods back.
    pub fn message_fr(self) -> &'static str {
        match self {
            ReturnCosts::Shop => "Les frais de renvoi des articles sont à notre charge.",
            ReturnCosts::Customer => {
                "Les frais de renvoi des articles restent à votre charge, comme nos conditions \
                 de vente vous l'indiquaient avant votre commande."
            }
        }
    }
}

/// The shop's choices for refund amounts (REF-1, REF-4, RET-2, L221-23, L221-24).
///
/// Default: the FAQ's [`RefundMethod::Repricing`]; when a return completes the order, the
/// order's own delivery cost refunded (`cheapest_standard_delivery: None`); the cost of
/// sending goods back borne by the shop ([`ReturnCosts::Shop`]).
///
/// # Example
///
/// ```
/// use comptoir_refund::{RefundAmountPolicy, RefundMethod};
///
/// let policy = RefundAmountPolicy {
///     cheapest_standard_delivery: Some("3.90".parse()?),
///     ..RefundAmountPolicy::default()
/// };
/// assert_eq!(policy.method, RefundMethod::Repricing);
/// assert!(policy.validate().is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "RefundAmountPolicyData", into = "RefundAmountPolicyData")
)]
pub struct RefundAmountPolicy {
    /// How a partial return's refund is computed.
    pub method: RefundMethod,
    /// The cost of the cheapest standard delivery the shop offered this order (L221-24): when
    /// everything is returned or cancelled, the delivery paid is refunded up to this amount, a
    /// dearer delivery the customer chose keeping the difference. `None`, the default,
    /// refunds the order's own delivery cost. The cap is a withdrawal's: an order emptied by
    /// cancellations alone (REF-4, a termination) gets its whole delivery back.
    pub cheapest_standard_delivery: Option<Eur>,
    /// Who pays for sending the goods back after a withdrawal (L221-23): the shop by default.
    /// The refund's explanation says which; the amount refunded does not change (a shop
    /// that pays gives a prepaid label or pays the postage back on its own).
    pub return_costs: ReturnCosts,
}

impl RefundAmountPolicy {
    /// Checks the policy.
    ///
    /// # Errors
    ///
    /// [`RefundError::InvalidPolicy`] when the cheapest standard delivery costs less than
    /// zero.
    pub fn validate(&self) -> Result<(), RefundError> {
        if self
            .cheapest_standard_delivery
            .is_some_and(Eur::is_negative)
        {
            return Err(RefundError::InvalidPolicy {
                reason: "cheapest_standard_delivery: the cheapest standard delivery costs less than zero",
            });
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RefundAmountPolicyData {
    method: RefundMethod,
    #[serde(skip_serializing_if = "Option::is_none")]
    cheapest_standard_delivery: Option<Eur>,
    return_costs: ReturnCosts,
}

#[cfg(feature = "serde")]
impl Default for RefundAmountPolicyData {
    fn default() -> Self {
        RefundAmountPolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RefundAmountPolicyData> for RefundAmountPolicy {
    type Error = RefundError;

    fn try_from(d: RefundAmountPolicyData) -> Result<RefundAmountPolicy, RefundError> {
        let policy = RefundAmountPolicy {
            method: d.method,
            cheapest_standard_delivery: d.cheapest_standard_delivery,
            return_costs: d.return_costs,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<RefundAmountPolicy> for RefundAmountPolicyData {
    fn from(p: RefundAmountPolicy) -> RefundAmountPolicyData {
        RefundAmountPolicyData {
            method: p.method,
            cheapest_standard_delivery: p.cheapest_standard_delivery,
            return_costs: p.return_costs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // REF-1, L221-24: the FAQ's method by default; a negative delivery cap is refused.
    #[test]
    fn ref1_default_is_repricing_and_a_negative_cap_is_refused() {
        assert_eq!(
            RefundAmountPolicy::default().method,
            RefundMethod::Repricing
        );
        assert_eq!(RefundAmountPolicy::default().validate(), Ok(()));
        let bad = RefundAmountPolicy {
            cheapest_standard_delivery: Some(Eur::from_cents(-1)),
            ..RefundAmountPolicy::default()
        };
        assert!(matches!(
            bad.validate(),
            Err(RefundError::InvalidPolicy { .. })
        ));
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;

    // REF-1: a stored policy is checked as a built one is.
    #[test]
    fn ref1_policy_reads_back_and_a_bad_one_is_refused() {
        let p: RefundAmountPolicy = serde_json::from_str(
            r#"{"method":"proportional","cheapest_standard_delivery":"3.90"}"#,
        )
        .unwrap();
        assert_eq!(p.method, RefundMethod::Proportional);
        assert_eq!(
            serde_json::from_str::<RefundAmountPolicy>(&serde_json::to_string(&p).unwrap())
                .unwrap(),
            p
        );
        assert_eq!(
            serde_json::from_str::<RefundAmountPolicy>("{}").unwrap(),
            RefundAmountPolicy::default()
        );
        assert!(
            serde_json::from_str::<RefundAmountPolicy>(r#"{"cheapest_standard_delivery":"-1"}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<RefundAmountPolicy>(r#"{"methd":"repricing"}"#).is_err());
    }

    // RET-2: who pays for sending goods back is stored; a record without it is the shop's.
    #[test]
    fn ret2_return_costs_read_back_and_default_to_the_shop() {
        let p: RefundAmountPolicy = serde_json::from_str(r#"{"return_costs":"customer"}"#).unwrap();
        assert_eq!(p.return_costs, ReturnCosts::Customer);
        assert_eq!(
            serde_json::from_str::<RefundAmountPolicy>(r#"{"method":"repricing"}"#)
                .unwrap()
                .return_costs,
            ReturnCosts::Shop
        );
    }
}
