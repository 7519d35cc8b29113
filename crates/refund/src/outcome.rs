//! A refund and its explanation, in data and in French (REF-1, REF-4, RET-2, RET-4, L221-24).

use core::fmt;

use comptoir_money::Eur;
use comptoir_promo::{LineRef, OfferId, ProductId, Quantity, Refusal};

use crate::amount_policy::{RefundMethod, ReturnCosts};
use crate::input::RefundCause;

/// Why an offer of the order no longer applies to the items kept (REF-1, RET-4).
///
/// `Display` gives the developer's form, e.g. `kept 90.00 < minimum 100.00`;
/// [`LapseReason::message_fr`] the customer's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LapseReason {
    /// The amount the kept items count towards the offer's minimum is below it (PROMO-3:
    /// products before discounts, gifts excluded, shipping only if the policy counts it).
    MinimumAmount {
        /// What the kept items count.
        kept: Eur,
        /// The offer's minimum.
        minimum: Eur,
    },
    /// The kept items are fewer units than the offer's minimum.
    MinimumQuantity {
        /// Units kept.
        kept: u32,
        /// The offer's minimum.
        minimum: u32,
    },
    /// No kept item is one the offer requires or discounts.
    NoQualifyingItemKept,
    /// Another reason the promotion engine gave.
    Other(Refusal),
}

impl LapseReason {
    /// The reason as a customer reads it, in French (a clause, without a capital or a stop).
    pub fn message_fr(&self) -> String {
        match self {
            LapseReason::MinimumAmount { kept, minimum } => format!(
                "le montant des articles conservés ({}) est inférieur au minimum de {}",
                kept.french(),
                minimum.french()
            ),
            LapseReason::MinimumQuantity { kept, minimum } => format!(
                "le nombre d'articles conservés ({kept}) est inférieur au minimum de {minimum}"
            ),
            LapseReason::NoQualifyingItemKept => {
                "aucun des articles conservés n'est concerné par l'offre".into()
            }
            LapseReason::Other(_) => {
                "ses conditions ne sont plus remplies par les articles conservés".into()
            }
        }
    }
}

impl fmt::Display for LapseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LapseReason::MinimumAmount { kept, minimum } => {
                write!(f, "kept {kept} < minimum {minimum}")
            }
            LapseReason::MinimumQuantity { kept, minimum } => {
                write!(f, "kept {kept} units < minimum {minimum}")
            }
            LapseReason::NoQualifyingItemKept => f.write_str("no kept item qualifies"),
            LapseReason::Other(refusal) => fmt::Display::fmt(refusal, f),
        }
    }
}

/// What an offer's effect bears on, for the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OfferKind {
    /// A percentage or a fixed amount off items.
    Discount,
    /// Free delivery. Delivery is not repriced: the entitlement is on items, and the delivery
    /// made stays made, so its lapse takes nothing back.
    FreeShipping,
    /// A gift product (RET-4).
    Gift,
}

/// An offer of the order that no longer applies to the items kept (REF-1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LapsedOffer {
    pub(crate) offer: OfferId,
    pub(crate) name: String,
    pub(crate) kind: OfferKind,
    pub(crate) discount_at_validation: Eur,
    pub(crate) reason: LapseReason,
}

impl LapsedOffer {
    /// The offer's id.
    pub fn offer(&self) -> &OfferId {
        &self.offer
    }

    /// Its name, as the customer saw it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What it bore on.
    pub fn kind(&self) -> OfferKind {
        self.kind
    }

    /// The discount it gave at validation.
    pub fn discount_at_validation(&self) -> Eur {
        self.discount_at_validation
    }

    /// Why it lapsed.
    pub fn reason(&self) -> &LapseReason {
        &self.reason
    }
}

/// A RET-2 deduction made on a line of this refund.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LineDeduction {
    pub(crate) line: LineRef,
    pub(crate) product: ProductId,
    pub(crate) amount: Eur,
    pub(crate) reason: String,
}

impl LineDeduction {
    /// The line.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// Its product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The amount deducted.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// Why.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A conditional gift the customer keeps though its condition no longer holds: its price is
/// deducted (RET-4).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct KeptGift {
    pub(crate) offer: OfferId,
    pub(crate) offer_name: String,
    pub(crate) product: ProductId,
    pub(crate) value: Eur,
    pub(crate) reason: LapseReason,
}

impl KeptGift {
    /// The offer that added it.
    pub fn offer(&self) -> &OfferId {
        &self.offer
    }

    /// The offer's name.
    pub fn offer_name(&self) -> &str {
        &self.offer_name
    }

    /// The gift product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// Its listed price, deducted.
    pub fn value(&self) -> Eur {
        self.value
    }

    /// Why its offer lapsed.
    pub fn reason(&self) -> &LapseReason {
        &self.reason
    }
}

/// The delivery cost refunded when a return or a cancellation completes the order (REF-1,
/// L221-24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DeliveryRefund {
    pub(crate) paid: Eur,
    pub(crate) cheapest_standard: Eur,
    pub(crate) refunded: Eur,
}

impl DeliveryRefund {
    /// What the customer paid for delivery.
    pub fn paid(&self) -> Eur {
        self.paid
    }

    /// The cap: the cheapest standard delivery the shop offered.
    pub fn cheapest_standard(&self) -> Eur {
        self.cheapest_standard
    }

    /// What is refunded: the delivery paid, up to the cap.
    pub fn refunded(&self) -> Eur {
        self.refunded
    }

    /// True when the customer chose a dearer delivery and keeps paying the difference.
    pub fn is_capped(&self) -> bool {
        self.refunded < self.paid
    }
}

/// Why a refund has the amount it has: the figures of REF-1 and what changed them.
///
/// The entitlement is `paid_products - kept_value - deductions_total - kept gifts`; the
/// products' part of the refund is the entitlement minus what was refunded before, never below
/// zero. For a cancellation it is the cancelled units' net paid amount, never more than what
/// is still paid; a cancellation that leaves nothing kept refunds what the entitlement still
/// owes when that is more.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RefundExplanation {
    pub(crate) method: RefundMethod,
    pub(crate) paid_products: Eur,
    pub(crate) kept_value: Eur,
    pub(crate) units_kept: u64,
    pub(crate) lapsed: Vec<LapsedOffer>,
    pub(crate) deductions: Vec<LineDeduction>,
    pub(crate) deductions_total: Eur,
    pub(crate) kept_gifts: Vec<KeptGift>,
    pub(crate) gifts_returned_with_lapsed_offer: Vec<OfferId>,
    pub(crate) entitlement: Eur,
    pub(crate) refunded_before: Eur,
    pub(crate) cancelled_net: Option<Eur>,
    pub(crate) delivery: Option<DeliveryRefund>,
    pub(crate) return_costs: Option<ReturnCosts>,
}

impl RefundExplanation {
    /// The method the amount was computed with.
    pub fn method(&self) -> RefundMethod {
        self.method
    }

    /// What the customer paid for the products, after discounts, shipping left out.
    pub fn paid_products(&self) -> Eur {
        self.paid_products
    }

    /// What the items still kept cost: repriced under the order's frozen offers
    /// ([`RefundMethod::Repricing`]), or their net paid amounts
    /// ([`RefundMethod::Proportional`]).
    pub fn kept_value(&self) -> Eur {
        self.kept_value
    }

    /// The units of the order's items still kept after this refund's cause (gifts not
    /// counted).
    pub fn units_kept(&self) -> u64 {
        self.units_kept
    }

    /// The offers that no longer apply to the kept items (repricing only), with why.
    pub fn lapsed(&self) -> &[LapsedOffer] {
        &self.lapsed
    }

    /// The RET-2 deductions made on this refund's lines.
    pub fn deductions(&self) -> &[LineDeduction] {
        &self.deductions
    }

    /// Every RET-2 deduction of the order so far, this refund's included.
    pub fn deductions_total(&self) -> Eur {
        self.deductions_total
    }

    /// The conditional gifts kept though their condition lapsed, whose price is deducted
    /// (RET-4).
    pub fn kept_gifts(&self) -> &[KeptGift] {
        &self.kept_gifts
    }

    /// The gift offers that lapsed but whose gift came back, so nothing is deducted (RET-4).
    pub fn gifts_returned_with_lapsed_offer(&self) -> &[OfferId] {
        &self.gifts_returned_with_lapsed_offer
    }

    /// The customer's entitlement on the products after this refund's cause, before what was
    /// refunded already; below zero when the kept items cost more than was paid.
    pub fn entitlement(&self) -> Eur {
        self.entitlement
    }

    /// What was refunded on the products before this refund.
    pub fn refunded_before(&self) -> Eur {
        self.refunded_before
    }

    /// For a cancellation (REF-4), the net paid amount of the units cancelled.
    pub fn cancelled_net(&self) -> Option<Eur> {
        self.cancelled_net
    }

    /// The delivery refund, when this refund completes the order.
    pub fn delivery(&self) -> Option<&DeliveryRefund> {
        self.delivery.as_ref()
    }

    /// For a return after a withdrawal, who pays for sending the goods back (RET-2,
    /// L221-23); `None` for a cancellation, where nothing is sent back.
    pub fn return_costs(&self) -> Option<ReturnCosts> {
        self.return_costs
    }
}

/// A line of a refund, as a credit note lists it: the units, what was paid for them, the
/// deduction and the share of the refund (exact to the cent: the shares and the delivery sum
/// to the refund).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RefundedLine {
    pub(crate) line: LineRef,
    pub(crate) product: ProductId,
    pub(crate) quantity: Quantity,
    pub(crate) net_paid: Eur,
    pub(crate) deduction: Eur,
    pub(crate) amount: Eur,
}

impl RefundedLine {
    /// The order's line.
    pub fn line(&self) -> &LineRef {
        &self.line
    }

    /// Its product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The units returned or cancelled.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// What was paid for those units: their share of the line's net amount (PROMO-5).
    pub fn net_paid(&self) -> Eur {
        self.net_paid
    }

    /// The RET-2 deduction on them.
    pub fn deduction(&self) -> Eur {
        self.deduction
    }

    /// The part of the refund for them.
    pub fn amount(&self) -> Eur {
        self.amount
    }
}

/// One refund of an order, final: its amount, its split over the lines and the delivery, and
/// its explanation (REF-1, REF-4).
///
/// Made by [`RefundLedger::record`](crate::RefundLedger::record), never by hand. With the
/// `serde` feature it serialises (to show or send it); a ledger stores its inputs and figures
/// and recomputes it when loaded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Refund {
    pub(crate) number: usize,
    pub(crate) cause: RefundCause,
    pub(crate) lines: Vec<RefundedLine>,
    pub(crate) products: Eur,
    pub(crate) delivery: Eur,
    pub(crate) amount: Eur,
    pub(crate) explanation: RefundExplanation,
}

impl Refund {
    /// Its position among the order's refunds, from 1.
    pub fn number(&self) -> usize {
        self.number
    }

    /// What it is for.
    pub fn cause(&self) -> &RefundCause {
        &self.cause
    }

    /// True for the refund of a withdrawal's return (REF-2 and REF-3 give its dates).
    pub fn is_withdrawal(&self) -> bool {
        self.cause.is_return()
    }

    /// The lines, each with its share.
    pub fn lines(&self) -> &[RefundedLine] {
        &self.lines
    }

    /// The part for the products: the sum of the lines' shares.
    pub fn products(&self) -> Eur {
        self.products
    }

    /// The part for delivery (L221-24), non-zero only when the order is complete.
    pub fn delivery(&self) -> Eur {
        self.delivery
    }

    /// The whole amount: products and delivery.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// What was paid for the units returned or cancelled: the products' price that caps a
    /// late-refund surcharge (L242-4).
    ///
    /// # Errors
    ///
    /// [`RefundError::Money`](crate::RefundError::Money) on overflow, beyond any real order.
    pub fn products_price(&self) -> Result<Eur, crate::RefundError> {
        Ok(Eur::try_sum(self.lines.iter().map(|l| l.net_paid))?)
    }

    /// Why it has this amount.
    pub fn explanation(&self) -> &RefundExplanation {
        &self.explanation
    }

    /// The explanation a customer reads in the refund e-mail, in French.
    ///
    /// It states the amount, the basis (what was paid, what the kept items cost), each offer
    /// that lapsed and why, each deduction and its reason, each kept gift deducted, the
    /// refunds already made, and the delivery refund.
    pub fn message_fr(&self) -> String {
        let e = &self.explanation;
        let mut out: Vec<String> = Vec::new();
        match &self.cause {
            RefundCause::Return(_) => {
                if self.amount.is_positive() {
                    out.push(format!(
                        "Nous vous remboursons {} pour votre retour ({}).",
                        self.amount.french(),
                        self.items_fr()
                    ));
                } else {
                    out.push(format!(
                        "Votre retour ({}) ne donne lieu à aucun remboursement supplémentaire.",
                        self.items_fr()
                    ));
                }
                out.push(match e.method {
                    _ if e.units_kept == 0 => format!(
                        "Vous ne conservez aucun article de cette commande : le remboursement \
                         porte sur les {} payés pour les articles.",
                        e.paid_products.french()
                    ),
                    RefundMethod::Repricing => format!(
                        "Le remboursement se base sur le prix des articles que vous conservez et \
                         sur les modalités des offres de votre commande : vous aviez payé {} \
                         d'articles, ceux que vous conservez reviennent à {}.",
                        e.paid_products.french(),
                        e.kept_value.french()
                    ),
                    RefundMethod::Proportional => format!(
                        "Les articles retournés vous sont remboursés au prix payé pour eux, \
                         remises comprises ; ceux que vous conservez restent facturés {}.",
                        e.kept_value.french()
                    ),
                });
            }
            RefundCause::Cancellation(_) => {
                let net = e.cancelled_net.unwrap_or(Eur::ZERO);
                out.push(format!(
                    "{} ({}) : nous vous remboursons le prix payé, {}, sans remettre en cause \
                     les offres de votre commande.",
                    if self.lines.len() > 1 {
                        "Des produits de votre commande ne sont plus disponibles"
                    } else {
                        "Un produit de votre commande n'est plus disponible"
                    },
                    self.items_fr(),
                    net.french()
                ));
                if self.products > net {
                    out.push(format!(
                        "Plus aucun article de votre commande ne vous reste : nous vous \
                         remboursons tout ce qu'il restait à vous rendre sur les articles, {}.",
                        self.products.french()
                    ));
                } else if self.products < net {
                    out.push(format!(
                        "Ce montant est limité à ce qu'il reste payé sur votre commande : {}.",
                        self.products.french()
                    ));
                }
            }
        }
        for lapsed in &e.lapsed {
            match lapsed.kind {
                // A gift is told with what happens to it, below.
                OfferKind::Gift => {}
                OfferKind::Discount => out.push(format!(
                    "L'offre « {} » ne s'applique plus : {}.",
                    lapsed.name,
                    lapsed.reason.message_fr()
                )),
                OfferKind::FreeShipping => out.push(format!(
                    "L'offre « {} » ne s'applique plus : {} ; elle portait sur la livraison, \
                     déjà effectuée, et ne change rien à ce remboursement.",
                    lapsed.name,
                    lapsed.reason.message_fr()
                )),
            }
        }
        for d in &e.deductions {
            out.push(format!(
                "Une retenue de {} s'applique à « {} » pour dépréciation : {}.",
                d.amount.french(),
                d.product,
                d.reason
            ));
        }
        for g in &e.kept_gifts {
            out.push(format!(
                "Vous conservez le cadeau « {} » de l'offre « {} », qui ne s'applique plus : {}. \
                 Sa valeur, {}, est déduite du remboursement.",
                g.product,
                g.offer_name,
                g.reason.message_fr(),
                g.value.french()
            ));
        }
        if !e.gifts_returned_with_lapsed_offer.is_empty() {
            out.push(
                "Le cadeau lié à une offre qui ne s'applique plus nous a été retourné : rien \
                 n'est déduit à ce titre."
                    .into(),
            );
        }
        if e.refunded_before.is_positive() {
            out.push(format!(
                "Un remboursement de {} a déjà été effectué sur les articles de cette commande.",
                e.refunded_before.french()
            ));
            if self.is_withdrawal() && self.products.is_zero() {
                out.push(
                    "Ces remboursements couvrent déjà ce que vous pouvez récupérer sur les \
                     articles : rien ne vous est repris, et rien de plus ne vous est dû pour ce \
                     retour."
                        .into(),
                );
            }
        }
        if let Some(costs) = e.return_costs {
            out.push(costs.message_fr().into());
        }
        if let Some(delivery) = &e.delivery {
            out.push(if delivery.paid.is_zero() {
                "Votre commande est entièrement retournée ou annulée ; la livraison vous avait été \
                 offerte, il n'y a pas de frais de livraison à rembourser."
                    .into()
            } else if delivery.is_capped() {
                format!(
                    "Votre commande étant entièrement retournée ou annulée, nous vous remboursons \
                     les frais de livraison à hauteur de la livraison standard la moins chère, \
                     {} (vous aviez payé {} pour la livraison choisie).",
                    delivery.refunded.french(),
                    delivery.paid.french()
                )
            } else {
                format!(
                    "Votre commande étant entièrement retournée ou annulée, nous vous remboursons \
                     aussi les frais de livraison : {}.",
                    delivery.refunded.french()
                )
            });
        }
        out.join(" ")
    }

    /// « product » × units, for each line.
    fn items_fr(&self) -> String {
        self.lines
            .iter()
            .map(|l| format!("« {} » × {}", l.product, l.quantity))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // REF-1: the lapse reason reads as the rule writes it.
    #[test]
    fn ref1_lapse_reasons_read_in_both_languages() {
        let r = LapseReason::MinimumAmount {
            kept: Eur::from_cents(9_000),
            minimum: Eur::from_cents(10_000),
        };
        assert_eq!(r.to_string(), "kept 90.00 < minimum 100.00");
        assert_eq!(
            r.message_fr(),
            "le montant des articles conservés (90,00\u{a0}€) est inférieur au minimum de \
             100,00\u{a0}€"
        );
        let q = LapseReason::MinimumQuantity {
            kept: 1,
            minimum: 3,
        };
        assert_eq!(q.to_string(), "kept 1 units < minimum 3");
        assert!(!q.message_fr().contains("Il vous manque"));
        assert_eq!(
            LapseReason::NoQualifyingItemKept.to_string(),
            "no kept item qualifies"
        );
    }
}
