//! Exceptions to the withdrawal (C. conso L221-28, L221-5): goods for which the right does not
//! exist or is lost, when the customer was told so before the order.
//!
//! No product carries an exception by default: every item is open to withdrawal, which gives
//! the customer at least what the law does. A shop records, with the order, the exceptions of
//! its products and whether the customer was told of them before validating
//! ([`OrderExceptions`]); a withdrawal of an excepted item is refused, naming the article,
//! only when the customer was told and, for the sealed goods, the item was unsealed after
//! delivery (for digital content, its supply began with the customer's prior express
//! consent). Otherwise the right stays whole. Nothing else may be invented: "no returns on
//! sale items" is no exception.

use core::fmt;

use comptoir_promo::LineId;

use crate::WithdrawalError;

/// An exception of L221-28 a product may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum WithdrawalException {
    /// Made to the customer's specifications or clearly personalised (an engraving, a custom
    /// print; not a catalogue colour): no right of withdrawal (3°).
    Personalised,
    /// Sealed for hygiene or health reasons (in-ear earphones under a hygiene seal): the
    /// right is lost once the customer unseals it after delivery (5°, read narrowly: only a
    /// good that can no longer be sold once unsealed, CJEU C-681/17).
    HygieneSealed,
    /// A sealed audio or video recording or software (a boxed video game): the right is lost
    /// once the customer unseals it after delivery (9°).
    SealedRecording,
    /// Digital content not on a material medium whose supply began with the customer's prior
    /// express consent and acknowledgement that the right is lost (13°).
    DigitalContent,
}

impl WithdrawalException {
    /// The article and paragraph: `C. conso L221-28 5°`.
    pub fn article(self) -> &'static str {
        match self {
            WithdrawalException::Personalised => "C. conso L221-28 3°",
            WithdrawalException::HygieneSealed => "C. conso L221-28 5°",
            WithdrawalException::SealedRecording => "C. conso L221-28 9°",
            WithdrawalException::DigitalContent => "C. conso L221-28 13°",
        }
    }

    /// What the customer is told before the order, in French.
    pub fn notice_fr(self) -> &'static str {
        match self {
            WithdrawalException::Personalised => {
                "Ce produit personnalisé selon vos indications ne peut pas faire l'objet d'une rétractation."
            }
            WithdrawalException::HygieneSealed => {
                "Pour des raisons d'hygiène, ce produit scellé ne peut plus faire l'objet d'une rétractation une fois descellé après la livraison."
            }
            WithdrawalException::SealedRecording => {
                "Ce logiciel ou cet enregistrement scellé ne peut plus faire l'objet d'une rétractation une fois descellé après la livraison."
            }
            WithdrawalException::DigitalContent => {
                "En demandant l'accès immédiat à ce contenu numérique, vous renoncez à votre droit de rétractation."
            }
        }
    }
}

impl fmt::Display for WithdrawalException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            WithdrawalException::Personalised => "personalised",
            WithdrawalException::HygieneSealed => "hygiene_sealed",
            WithdrawalException::SealedRecording => "sealed_recording",
            WithdrawalException::DigitalContent => "digital_content",
        })
    }
}

/// What happened to an excepted item after the order, as the shop established it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct ItemCondition {
    /// The customer unsealed it after delivery (5°, 9°).
    pub unsealed_after_delivery: bool,
    /// Its supply began with the customer's prior express consent (13°).
    pub supply_began_with_consent: bool,
}

/// The exceptions of an order's items and whether the customer was told of them before the
/// validation (L221-5), recorded with the order (CART-3).
///
/// # Example
///
/// ```
/// use comptoir_withdrawal::{ItemCondition, OrderExceptions, WithdrawalException};
///
/// let exceptions = OrderExceptions::new(true, [("ecouteurs".parse()?, WithdrawalException::HygieneSealed)])?;
/// // Sent back sealed: the right is whole.
/// assert!(exceptions.check(&"ecouteurs".parse()?, ItemCondition::default()).is_ok());
/// // Unsealed after delivery: refused, naming the article.
/// let unsealed = ItemCondition { unsealed_after_delivery: true, ..ItemCondition::default() };
/// let refused = exceptions.check(&"ecouteurs".parse()?, unsealed).unwrap_err();
/// assert!(refused.to_string().contains("L221-28 5°"));
/// // Another item of the order is untouched.
/// assert!(exceptions.check(&"cable".parse()?, unsealed).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "OrderExceptionsData", into = "OrderExceptionsData")
)]
pub struct OrderExceptions {
    told_before_validation: bool,
    items: Vec<(LineId, WithdrawalException)>,
}

impl OrderExceptions {
    /// No exception: every item open to withdrawal (the default).
    pub fn none() -> OrderExceptions {
        OrderExceptions::default()
    }

    /// The exceptions of `items`, the customer `told_before_validation` of them or not.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::InvalidPolicy`] when a line carries two exceptions.
    pub fn new(
        told_before_validation: bool,
        items: impl IntoIterator<Item = (LineId, WithdrawalException)>,
    ) -> Result<OrderExceptions, WithdrawalError> {
        let items: Vec<(LineId, WithdrawalException)> = items.into_iter().collect();
        for (i, (line, _)) in items.iter().enumerate() {
            if items.iter().take(i).any(|(other, _)| other == line) {
                return Err(WithdrawalError::InvalidPolicy {
                    reason: "an item carries one exception to the withdrawal at most",
                });
            }
        }
        Ok(OrderExceptions {
            told_before_validation,
            items,
        })
    }

    /// Whether the customer was told of the exceptions before validating.
    pub fn was_told(&self) -> bool {
        self.told_before_validation
    }

    /// The exception `line` carries, if any.
    pub fn exception(&self, line: &LineId) -> Option<WithdrawalException> {
        self.items
            .iter()
            .find(|(l, _)| l == line)
            .map(|(_, exception)| *exception)
    }

    /// Whether `line` may be withdrawn in `condition`.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::ExceptionApplies`] naming the line and the article when the item
    /// carries an exception, the customer was told before the order, and (for sealed goods)
    /// it was unsealed after delivery or (for digital content) its supply began with consent.
    pub fn check(&self, line: &LineId, condition: ItemCondition) -> Result<(), WithdrawalError> {
        let Some(exception) = self.exception(line) else {
            return Ok(());
        };
        if !self.told_before_validation {
            return Ok(());
        }
        let applies = match exception {
            WithdrawalException::Personalised => true,
            WithdrawalException::HygieneSealed | WithdrawalException::SealedRecording => {
                condition.unsealed_after_delivery
            }
            WithdrawalException::DigitalContent => condition.supply_began_with_consent,
        };
        if applies {
            Err(WithdrawalError::ExceptionApplies {
                line: line.to_string(),
                exception,
                article: exception.article(),
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct OrderExceptionsData {
    told_before_validation: bool,
    items: Vec<(LineId, WithdrawalException)>,
}

#[cfg(feature = "serde")]
impl Default for OrderExceptionsData {
    fn default() -> Self {
        OrderExceptions::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<OrderExceptionsData> for OrderExceptions {
    type Error = WithdrawalError;

    fn try_from(d: OrderExceptionsData) -> Result<OrderExceptions, WithdrawalError> {
        OrderExceptions::new(d.told_before_validation, d.items)
    }
}

#[cfg(feature = "serde")]
impl From<OrderExceptions> for OrderExceptionsData {
    fn from(e: OrderExceptions) -> OrderExceptionsData {
        OrderExceptionsData {
            told_before_validation: e.told_before_validation,
            items: e.items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str) -> LineId {
        id.parse().unwrap()
    }

    const UNSEALED: ItemCondition = ItemCondition {
        unsealed_after_delivery: true,
        supply_began_with_consent: false,
    };
    const CONSENTED: ItemCondition = ItemCondition {
        unsealed_after_delivery: false,
        supply_began_with_consent: true,
    };

    // RET-1, L221-28, L221-5: each exception applies only when the customer was told before
    // the order and, for sealed goods, the item was unsealed after delivery; otherwise the
    // right stays whole. No exception by default.
    #[test]
    fn ret1_l221_28_exceptions_apply_only_when_told_and_unsealed() {
        let cases = [
            (
                WithdrawalException::Personalised,
                ItemCondition::default(),
                true,
            ),
            (
                WithdrawalException::HygieneSealed,
                ItemCondition::default(),
                false,
            ),
            (WithdrawalException::HygieneSealed, UNSEALED, true),
            (
                WithdrawalException::SealedRecording,
                ItemCondition::default(),
                false,
            ),
            (WithdrawalException::SealedRecording, UNSEALED, true),
            (WithdrawalException::DigitalContent, UNSEALED, false),
            (WithdrawalException::DigitalContent, CONSENTED, true),
        ];
        for (exception, condition, refused) in cases {
            let told = OrderExceptions::new(true, [(line("x"), exception)]).unwrap();
            let result = told.check(&line("x"), condition);
            assert_eq!(result.is_err(), refused, "{exception} {condition:?}");
            if let Err(WithdrawalError::ExceptionApplies { article, .. }) = result {
                assert_eq!(article, exception.article());
            }
            let not_told = OrderExceptions::new(false, [(line("x"), exception)]).unwrap();
            assert_eq!(not_told.check(&line("x"), condition), Ok(()), "{exception}");
            assert_eq!(told.check(&line("y"), condition), Ok(()));
            assert!(
                exception.notice_fr().contains("rétractation"),
                "{exception}"
            );
            assert!(told.was_told());
            assert!(!not_told.was_told());
        }
        assert_eq!(OrderExceptions::none().check(&line("x"), UNSEALED), Ok(()));
        assert!(
            OrderExceptions::new(
                true,
                [
                    (line("x"), WithdrawalException::Personalised),
                    (line("x"), WithdrawalException::HygieneSealed)
                ]
            )
            .is_err()
        );
    }

    // RET-1, L221-28: the exceptions' stored names, the ones their serde form reads.
    #[test]
    fn ret1_l221_28_exceptions_are_named_as_stored() {
        let names = [
            (WithdrawalException::Personalised, "personalised"),
            (WithdrawalException::HygieneSealed, "hygiene_sealed"),
            (WithdrawalException::SealedRecording, "sealed_recording"),
            (WithdrawalException::DigitalContent, "digital_content"),
        ];
        for (exception, name) in names {
            assert_eq!(exception.to_string(), name);
        }
    }
}
