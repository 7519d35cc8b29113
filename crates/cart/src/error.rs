use core::fmt;

use comptoir_promo::PromoError;
use thiserror::Error;

/// A change a customer may make to an open cart, named by a [`CartError::Locked`] refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Change {
    /// Adding a line.
    AddLine,
    /// Removing a line.
    RemoveLine,
    /// Changing a quantity.
    ChangeQuantity,
    /// Entering a promotional code.
    EnterCode,
    /// Removing a promotional code.
    RemoveCode,
    /// Choosing a delivery service.
    ChooseDelivery,
    /// Validating again.
    Validate,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Change::AddLine => "add a line",
            Change::RemoveLine => "remove a line",
            Change::ChangeQuantity => "change a quantity",
            Change::EnterCode => "enter a code",
            Change::RemoveCode => "remove a code",
            Change::ChooseDelivery => "choose a delivery service",
            Change::Validate => "validate",
        })
    }
}

/// Why a change to a cart or an order was refused.
///
/// [`CartError::message_fr`] gives the sentence the shop shows; `Display` is for developers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[non_exhaustive]
pub enum CartError {
    /// The order is validated: nothing can be added or changed (CART-1, CART-2). The
    /// customer's remedy is the withdrawal, open from the validation on (RET-1).
    #[error("order is validated and locked: cannot {attempted}")]
    Locked {
        /// What was attempted.
        attempted: Change,
    },
    /// A cart without lines cannot be validated.
    #[error("cart is empty")]
    EmptyCart,
    /// A cart cannot be validated before a delivery service is chosen (SHIP-1).
    #[error("no delivery service chosen")]
    NoDeliveryChosen,
    /// A line with this id is already in the cart.
    #[error("line {id} is already in the cart")]
    DuplicateLine {
        /// The id.
        id: String,
    },
    /// No line of the cart has this id.
    #[error("no line {id} in the cart")]
    UnknownLine {
        /// The id.
        id: String,
    },
    /// The code to remove was not entered.
    #[error("code {code} is not entered in the cart")]
    CodeNotEntered {
        /// The code, normalised.
        code: String,
    },
    /// An order whose parts no validation could have produced together: its figures do
    /// not match its frozen terms, or its context does not match its delivery or offers.
    #[error("order is inconsistent with its frozen terms: {what}")]
    InconsistentOrder {
        /// What disagrees.
        what: &'static str,
    },
    /// Bad input for the promotion engine (negative price or cost, bad quantity, empty id...).
    #[error(transparent)]
    Promo(#[from] PromoError),
}

impl CartError {
    /// True for a change refused because the order is validated.
    pub fn is_locked(&self) -> bool {
        matches!(self, CartError::Locked { .. })
    }

    /// The sentence the shop shows the customer, in French.
    pub fn message_fr(&self) -> String {
        match self {
            CartError::Locked {
                attempted: Change::EnterCode,
            } => "Votre commande est validée : aucun code promo ne peut plus y être ajouté.".into(),
            // RET-1: the withdrawal may be notified from the validation on, in any words
            // (Directive 2011/83 art. 9, C. conso L221-21): never "à réception", never
            // "with the form".
            CartError::Locked { .. } => "Votre commande est validée : elle ne peut plus être \
                 modifiée. Vous pouvez toutefois vous rétracter dès maintenant, sans attendre la \
                 réception du colis, avec la fonction « renoncer au contrat ici » de votre \
                 commande ; toute autre déclaration suffit aussi, le formulaire de \
                 rétractation est facultatif."
                .into(),
            CartError::EmptyCart => "Votre panier est vide.".into(),
            CartError::NoDeliveryChosen => "Choisissez un mode de livraison.".into(),
            CartError::DuplicateLine { .. } => "Cet article est déjà dans votre panier.".into(),
            CartError::UnknownLine { .. } => "Cet article n'est plus dans votre panier.".into(),
            CartError::CodeNotEntered { .. } => {
                "Ce code promo n'est pas enregistré dans votre panier.".into()
            }
            CartError::InconsistentOrder { .. } | CartError::Promo(_) => {
                "Une erreur est survenue. Merci de contacter le service client.".into()
            }
        }
    }
}
