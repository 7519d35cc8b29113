use core::fmt;

use chrono::{DateTime, Utc};
use comptoir_money::Eur;

use crate::{Code, OfferId};

/// Why an offer does not apply to a cart: the outcomes of PROMO-1 and PROMO-2 that the
/// customer sees.
///
/// [`Display`](fmt::Display) is for developers and logs; [`Refusal::message_fr`] is the
/// sentence the shop shows in red under the code field.
///
/// # Example
///
/// ```
/// use comptoir_money::Eur;
/// use comptoir_promo::Refusal;
///
/// let r = Refusal::MinimumAmountNotReached { missing: Eur::from_cents(1_250) };
/// assert_eq!(r.to_string(), "minimum amount not reached, 12.50 missing");
/// assert_eq!(
///     r.message_fr(),
///     "Il vous manque 12,50\u{a0}€ d'achats pour profiter de cette offre."
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Refusal {
    /// No offer has this code.
    UnknownCode {
        /// The code as normalised.
        code: Code,
    },
    /// The validity window has not started.
    NotYetValid {
        /// Its first instant.
        starts: DateTime<Utc>,
    },
    /// The validity window is over.
    Expired {
        /// The first instant after it.
        ended: DateTime<Utc>,
    },
    /// The products do not reach the minimum amount (PROMO-3).
    MinimumAmountNotReached {
        /// What is missing to reach it.
        missing: Eur,
    },
    /// The cart does not hold enough units (PROMO-3).
    MinimumQuantityNotReached {
        /// How many units are missing.
        missing: u32,
    },
    /// The cart does not hold enough units of the offer's selected products (PROMO-3).
    SelectionQuantityNotReached {
        /// How many units of those products are missing.
        missing: u32,
    },
    /// The cart holds none of the products the offer requires or discounts.
    ProductRestrictionNotMet,
    /// The offer leaves out products already on sale, and the products of the cart it would
    /// discount all are.
    OnlyProductsOnSale,
    /// The cart holds no product at all: no offer applies to an empty cart, not even a gift
    /// or free shipping (PROMO-1).
    EmptyCart,
    /// The offer is for a first order and this is not one.
    FirstOrderOnly,
    /// The offer is for other delivery services than the one chosen, or none is chosen yet
    /// (SHIP-1).
    DeliveryServiceNotAllowed,
    /// The offer is for other destinations than the cart's, or the destination is not
    /// known yet.
    DestinationNotAllowed,
    /// The offer is reserved to customer groups the customer is not in.
    CustomerGroupNotAllowed,
    /// The customer has used the offer as many times as allowed.
    CustomerUsageLimitReached,
    /// The offer has been used as many times as allowed, by all customers.
    TotalUsageLimitReached,
    /// The offer cannot apply together with an offer that takes precedence (PROMO-2).
    NotCombinable {
        /// The offer that takes precedence.
        with: OfferId,
        /// Its name, as the customer sees it.
        with_name: String,
    },
    /// The code is already entered and applied.
    AlreadyApplied,
    /// The shop takes one code per cart and another code is entered (PROMO-1).
    OneCodePerCart {
        /// The code already entered.
        entered: Code,
    },
}

impl Refusal {
    /// The sentence the shop shows the customer, in French.
    pub fn message_fr(&self) -> String {
        match self {
            Refusal::UnknownCode { code } => {
                format!("Le code « {code} » n'existe pas. Vérifiez votre saisie.")
            }
            Refusal::NotYetValid { .. } => "Ce code promo n'est pas encore valable.".into(),
            Refusal::Expired { .. } => "Ce code promo a expiré.".into(),
            Refusal::MinimumAmountNotReached { missing } => format!(
                "Il vous manque {} d'achats pour profiter de cette offre.",
                missing.french()
            ),
            Refusal::MinimumQuantityNotReached { missing } => {
                let s = if *missing > 1 { "s" } else { "" };
                format!(
                    "Ajoutez encore {missing} article{s} à votre panier pour profiter de cette offre."
                )
            }
            Refusal::SelectionQuantityNotReached { missing } => {
                let s = if *missing > 1 { "s" } else { "" };
                format!(
                    "Ajoutez encore {missing} article{s} concerné{s} par cette offre pour en profiter."
                )
            }
            Refusal::ProductRestrictionNotMet => {
                "Cette offre ne s'applique à aucun article de votre panier.".into()
            }
            Refusal::OnlyProductsOnSale => {
                "Cette offre ne s'applique pas aux articles déjà en promotion.".into()
            }
            Refusal::EmptyCart => {
                "Votre panier est vide : ajoutez un article pour profiter de cette offre.".into()
            }
            Refusal::FirstOrderOnly => "Cette offre est réservée à votre première commande.".into(),
            Refusal::DeliveryServiceNotAllowed => {
                "Cette offre n'est pas valable avec le mode de livraison choisi.".into()
            }
            Refusal::DestinationNotAllowed => {
                "Cette offre n'est pas valable pour votre adresse de livraison.".into()
            }
            Refusal::CustomerGroupNotAllowed => {
                "Cette offre est réservée à d'autres clients.".into()
            }
            Refusal::CustomerUsageLimitReached => {
                "Vous avez déjà utilisé cette offre autant de fois que permis.".into()
            }
            Refusal::TotalUsageLimitReached => {
                "Cette offre n'est plus disponible : toutes les utilisations ont été prises.".into()
            }
            Refusal::NotCombinable { with_name, .. } => format!(
                "Cette offre n'est pas cumulable avec l'offre « {with_name} » de votre panier."
            ),
            Refusal::AlreadyApplied => {
                "Ce code promo est déjà enregistré dans votre panier.".into()
            }
            Refusal::OneCodePerCart { entered } => format!(
                "Un seul code promo par commande : retirez le code « {entered} » pour utiliser celui-ci."
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::UnknownCode { code } => write!(f, "no offer has code {code}"),
            Refusal::NotYetValid { starts } => {
                write!(f, "offer not valid before {}", starts.to_rfc3339())
            }
            Refusal::Expired { ended } => write!(f, "offer expired at {}", ended.to_rfc3339()),
            Refusal::MinimumAmountNotReached { missing } => {
                write!(f, "minimum amount not reached, {missing} missing")
            }
            Refusal::MinimumQuantityNotReached { missing } => {
                write!(f, "minimum quantity not reached, {missing} units missing")
            }
            Refusal::SelectionQuantityNotReached { missing } => write!(
                f,
                "minimum quantity of the offer's products not reached, {missing} units missing"
            ),
            Refusal::ProductRestrictionNotMet => {
                f.write_str("no product of the cart is covered by the offer")
            }
            Refusal::EmptyCart => f.write_str("cart is empty"),
            Refusal::OnlyProductsOnSale => {
                f.write_str("the offer leaves out products on sale, and the cart holds no other")
            }
            Refusal::FirstOrderOnly => f.write_str("offer reserved to a first order"),
            Refusal::DeliveryServiceNotAllowed => {
                f.write_str("offer not valid with the delivery service chosen")
            }
            Refusal::DestinationNotAllowed => f.write_str("offer not valid for the destination"),
            Refusal::CustomerGroupNotAllowed => {
                f.write_str("offer reserved to other customer groups")
            }
            Refusal::CustomerUsageLimitReached => f.write_str("per-customer usage limit reached"),
            Refusal::TotalUsageLimitReached => f.write_str("total usage limit reached"),
            Refusal::NotCombinable { with, .. } => {
                write!(f, "not combinable with applied offer {with}")
            }
            Refusal::AlreadyApplied => f.write_str("code already applied"),
            Refusal::OneCodePerCart { entered } => {
                write!(f, "one code per cart, and code {entered} is entered")
            }
        }
    }
}
