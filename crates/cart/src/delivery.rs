use comptoir_money::Eur;
use comptoir_promo::PromoError;
pub use comptoir_promo::{ColissimoDestination, DeliveryService};

use crate::CartError;

/// A delivery service with the cost the shop asks for it, as chosen on a cart and frozen in
/// the order (SHIP-1, CART-3).
///
/// # Example
///
/// ```
/// use comptoir_cart::{Delivery, DeliveryService};
/// let pickup = Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?;
/// assert_eq!(pickup.cost(), "3.90".parse()?);
/// assert!(Delivery::new(DeliveryService::Pickup, "-1".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "DeliveryData", into = "DeliveryData")
)]
pub struct Delivery {
    service: DeliveryService,
    cost: Eur,
}

impl Delivery {
    /// `service` at `cost` incl. VAT (the shop's price, an input).
    ///
    /// # Errors
    ///
    /// [`CartError::Promo`] with a negative-amount error when `cost` is below zero.
    pub fn new(service: DeliveryService, cost: Eur) -> Result<Delivery, CartError> {
        if cost.is_negative() {
            return Err(PromoError::NegativeAmount {
                what: "shipping cost",
                amount: cost,
            }
            .into());
        }
        Ok(Delivery { service, cost })
    }

    /// The service.
    pub fn service(&self) -> DeliveryService {
        self.service
    }

    /// Its cost before offers.
    pub fn cost(&self) -> Eur {
        self.cost
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct DeliveryData {
    service: DeliveryService,
    cost: Eur,
}

#[cfg(feature = "serde")]
impl TryFrom<DeliveryData> for Delivery {
    type Error = CartError;

    fn try_from(d: DeliveryData) -> Result<Delivery, CartError> {
        Delivery::new(d.service, d.cost)
    }
}

#[cfg(feature = "serde")]
impl From<Delivery> for DeliveryData {
    fn from(d: Delivery) -> DeliveryData {
        DeliveryData {
            service: d.service,
            cost: d.cost,
        }
    }
}
