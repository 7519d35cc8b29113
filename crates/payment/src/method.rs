use core::fmt;

/// A way to pay the shop offers (PAY-1): "Actuellement, vous avez la possibilité de choisir
/// entre 3 types de paiement".
///
/// # Example
///
/// ```
/// use comptoir_payment::{Device, PaymentMethod};
///
/// assert_eq!(
///     PaymentMethod::offered_on(Device::Other),
///     vec![PaymentMethod::Card, PaymentMethod::PayPal],
/// );
/// assert!(PaymentMethod::ApplePay.is_offered_on(Device::ApplePayCompatible));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum PaymentMethod {
    /// A bank card of one of the [`CardBrand::ACCEPTED`](crate::CardBrand::ACCEPTED) brands,
    /// authenticated with 3-D Secure (PAY-2).
    Card,
    /// The customer's PayPal account.
    PayPal,
    /// Apple Pay, only from a compatible device.
    ApplePay,
}

impl PaymentMethod {
    /// Every method, in the order the FAQ lists them.
    pub const ALL: [PaymentMethod; 3] = [
        PaymentMethod::Card,
        PaymentMethod::PayPal,
        PaymentMethod::ApplePay,
    ];

    /// Whether this method can be offered to a customer on `device` (PAY-1: "Apple Pay pour
    /// effectuer des achats en ligne depuis un appareil compatible").
    pub fn is_offered_on(self, device: Device) -> bool {
        match self {
            PaymentMethod::Card | PaymentMethod::PayPal => true,
            PaymentMethod::ApplePay => device == Device::ApplePayCompatible,
        }
    }

    /// The methods to offer on `device`, in the FAQ's order.
    pub fn offered_on(device: Device) -> Vec<PaymentMethod> {
        PaymentMethod::ALL
            .into_iter()
            .filter(|m| m.is_offered_on(device))
            .collect()
    }

    /// The method's name as the shop's pages write it.
    pub fn name_fr(self) -> &'static str {
        match self {
            PaymentMethod::Card => "carte bancaire",
            PaymentMethod::PayPal => "PayPal",
            PaymentMethod::ApplePay => "Apple Pay",
        }
    }
}

impl PaymentMethod {
    fn name(self) -> &'static str {
        match self {
            PaymentMethod::Card => "bank card",
            PaymentMethod::PayPal => "PayPal",
            PaymentMethod::ApplePay => "Apple Pay",
        }
    }
}

impl fmt::Display for PaymentMethod {
    /// `bank card`, `PayPal` or `Apple Pay`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl core::str::FromStr for PaymentMethod {
    type Err = crate::PaymentError;

    /// Reads the name `Display` writes, ignoring case.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Parse`](crate::PaymentError::Parse) for another method.
    fn from_str(s: &str) -> Result<PaymentMethod, crate::PaymentError> {
        PaymentMethod::ALL
            .into_iter()
            .find(|method| method.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| crate::PaymentError::Parse {
                what: "a payment method",
                input: s.to_owned(),
                expected: "bank card, PayPal or Apple Pay",
            })
    }
}

/// What the rules need to know of the customer's device: whether it can pay with Apple Pay.
///
/// The shop's front end finds out (the rules never guess it) and passes it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Device {
    /// A device that supports Apple Pay.
    ApplePayCompatible,
    /// Any other device.
    Other,
}

/// The methods listed in French for a message: "carte bancaire, PayPal ou Apple Pay".
pub(crate) fn list_fr(methods: &[PaymentMethod]) -> String {
    let names: Vec<&str> = methods.iter().map(|m| m.name_fr()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} ou {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // PAY-1
    #[test]
    fn apple_pay_is_offered_only_on_a_compatible_device() {
        assert_eq!(
            PaymentMethod::offered_on(Device::ApplePayCompatible),
            PaymentMethod::ALL.to_vec()
        );
        assert!(!PaymentMethod::offered_on(Device::Other).contains(&PaymentMethod::ApplePay));
    }

    // PAY-1: every method reads back from its name, in any case; others are refused.
    #[test]
    fn methods_read_back_from_their_names() {
        for method in PaymentMethod::ALL {
            assert_eq!(method.to_string().parse(), Ok(method));
            assert_eq!(method.to_string().to_uppercase().parse(), Ok(method));
        }
        assert!("cash".parse::<PaymentMethod>().is_err());
    }

    // PAY-1: the other methods read as one French list.
    #[test]
    fn french_list_joins_with_ou() {
        assert_eq!(
            list_fr(&PaymentMethod::ALL),
            "carte bancaire, PayPal ou Apple Pay"
        );
        assert_eq!(list_fr(&[PaymentMethod::PayPal]), "PayPal");
        assert_eq!(list_fr(&[]), "");
    }
}
