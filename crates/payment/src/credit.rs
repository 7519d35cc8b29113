//! Paying in instalments and consumer credit (PAY-4, PAY-5; C. conso L312-1 ff.), by the day
//! of the contract.
//!
//! Paying in instalments is a credit. Which credit rules apply depends on the day the
//! contract was concluded ([`LawChange::ConsumerCreditReform`], 20 November 2026):
//!
//! - **before**: the former L312-4 kept out of consumer-credit law a credit repaid within
//!   three months with no or negligible fees; the crates offer only such plans then
//!   ([`InstalmentPolicy::validate_for`]) — [`CreditRegime::FormerShortCreditExclusion`];
//! - **from the reform**: that exclusion is gone. Only a deferred payment the seller grants
//!   itself stays out (new L312-4 4°): no interest, limited late fees, no third party
//!   offering the credit, the claim not factored (ordonnance n° 2025-1154), and the price
//!   fully paid within 50 days of the delivery — 14 days for a large enterprise (C. com.
//!   L230-1) selling online (5°). At the time of the order the delivery is not known, but it
//!   never comes before the shipment, so a plan whose last instalment falls at most 50 days
//!   after the shipment is within it — [`CreditRegime::SellerDeferredPayment`]. Any other
//!   plan is a consumer credit, and the regime says why ([`CreditReason`]) —
//!   [`CreditRegime::ConsumerCredit`].
//!
//! The seller's facts (who finances the plan, whether the seller is a large enterprise,
//! whether its claims are factored) are policy values ([`CreditFacts`]). Where the shop has
//! not stated one, the crates read it as the customer's protection asks: the plan is a
//! credit, and the reason says which fact is missing. The crates model no fees or interest:
//! a plan they compute is interest-free.
//!
//! A plan that is a credit is still computed; what follows from it is data: the mention every
//! credit advertisement carries ([`CREDIT_WARNING_FR`], L312-5), the borrower's own 14-day
//! withdrawal ([`InstalmentPlan::borrower_withdrawal`], L312-19), and, once the customer
//! withdraws from the purchase, the end of the credit with it (L221-27,
//! [`InstalmentPlan::on_withdrawal`]).

use core::fmt;

use chrono::{DateTime, NaiveDate, TimeZone};
use comptoir_calendar::law::{ContractDay, LawChange};
use comptoir_calendar::{Calendar, CalendarDays, Deadline, Period, Roll, clock};
use comptoir_cart::Order;
use comptoir_money::Eur;

use crate::{Card, Instalment, InstalmentPolicy, InstalmentSchedule, OrderAmount, PaymentError};

/// The mention every advertisement of a consumer credit carries (C. conso L312-5 as amended
/// by ordonnance n° 2025-880): the "3x" banner of a plan that is a credit included.
pub const CREDIT_WARNING_FR: &str =
    "Attention ! Un crédit coûte de l'argent et doit être remboursé.";

/// The days after delivery within which a seller's deferred payment must be fully paid to
/// stay outside consumer-credit law (C. conso L312-4 4° a), as amended in 2026).
pub const SELLER_DEFERRAL_DAYS: u32 = 50;

/// The same for a large enterprise (C. com. L230-1 4°) contracting online (C. conso L312-4
/// 5°).
pub const LARGE_ENTERPRISE_DEFERRAL_DAYS: u32 = 14;

/// The borrower's withdrawal from a consumer credit (C. conso L312-19 as amended): 14
/// calendar days from the day after the contract, a last day on a Saturday, a Sunday or a
/// public holiday moving to the next working day (Regulation 1182/71 art. 3(4), the credit
/// directive's period); a withdrawal sent before it ends is on time.
pub const BORROWER_WITHDRAWAL: Period = Period {
    days: CalendarDays::new(14),
    roll: Roll::NextBusinessDay,
};

const L312_4: &str = "C. conso L312-4";

/// The most days three calendar months can last (July to September plus August to October:
/// 31 + 31 + 30), the former L312-4 exclusion's bound for a plan given in days.
const MOST_DAYS_IN_THREE_MONTHS: u32 = 92;

/// Who finances a plan in instalments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Lender {
    /// The shop itself: it waits for its money.
    Seller,
    /// A payment provider or a bank lends (a "3x" provider is one): always a credit.
    ThirdParty,
    /// Not stated: read as a third party, the reading that protects the customer.
    #[default]
    NotStated,
}

/// The seller's facts the credit regime of its plans turns on (L312-4), as the shop states
/// them in its policy. `None` is "not stated": read as the customer's protection asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default, deny_unknown_fields))]
pub struct CreditFacts {
    /// Who finances the plan.
    pub lender: Lender,
    /// Whether the seller is a large enterprise (C. com. L230-1 4°, D230-1: past two of
    /// 25 M EUR of balance sheet, 50 M EUR of net turnover and 250 employees, last closed
    /// year). A fact about the seller, never guessed.
    pub large_enterprise: Option<bool>,
    /// Whether the seller sells (factors) its claims on the instalments to a third party.
    pub claims_factored: Option<bool>,
}

impl CreditFacts {
    /// Checks the facts support a claim to stay outside credit law, for a plan whose last
    /// instalment can fall `longest_days` after the first.
    pub(crate) fn check_outside_credit(&self, longest_days: u64) -> Result<(), PaymentError> {
        let unlawful = |field, requirement| {
            Err(PaymentError::UnlawfulPolicy {
                field,
                article: L312_4,
                requirement,
            })
        };
        match self.lender {
            Lender::Seller => {}
            Lender::ThirdParty => {
                return unlawful(
                    "credit.lender",
                    "a plan financed by a third party is a consumer credit; only a deferred \
                     payment the seller grants itself stays outside (4°)",
                );
            }
            Lender::NotStated => {
                return Err(PaymentError::InvalidPolicy {
                    reason: "outside_credit: state who finances the plan (credit.lender)",
                });
            }
        }
        let limit = match self.large_enterprise {
            Some(false) => SELLER_DEFERRAL_DAYS,
            // A large enterprise selling online keeps a deferred payment out within 14 days.
            Some(true) if longest_days <= u64::from(LARGE_ENTERPRISE_DEFERRAL_DAYS) => {
                LARGE_ENTERPRISE_DEFERRAL_DAYS
            }
            Some(true) => {
                return unlawful(
                    "credit.large_enterprise",
                    "a large enterprise selling online keeps a deferred payment outside credit \
                     law only when fully paid within 14 days of the delivery (5°)",
                );
            }
            None => {
                return Err(PaymentError::InvalidPolicy {
                    reason: "outside_credit: state whether the seller is a large enterprise \
                             (credit.large_enterprise)",
                });
            }
        };
        match self.claims_factored {
            Some(false) => {}
            Some(true) => {
                return unlawful(
                    "credit.claims_factored",
                    "a deferred payment whose claim is sold to a third party is a consumer \
                     credit (ordonnance n° 2025-1154)",
                );
            }
            None => {
                return Err(PaymentError::InvalidPolicy {
                    reason: "outside_credit: state whether the claims are factored \
                             (credit.claims_factored)",
                });
            }
        }
        if longest_days > u64::from(limit) {
            return unlawful(
                "offered_counts",
                "a deferred payment stays outside credit law only when fully paid within 50 \
                 days of the delivery: the last instalment at most 50 days after shipment (4° a)",
            );
        }
        Ok(())
    }
}

/// Why a plan is a consumer credit (from the reform of 20 November 2026 on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CreditReason {
    /// A third party finances it (L312-4 4° c).
    ThirdPartyLender,
    /// The shop has not said who finances it: read as a third party.
    LenderNotStated,
    /// The seller's claim on the instalments is factored (ordonnance n° 2025-1154).
    ClaimsFactored,
    /// The shop has not said whether its claims are factored: read as factored.
    FactoringNotStated,
    /// The last instalment falls more than the days allowed after shipment: 50 for the
    /// seller's deferred payment (4° a), 14 for a large enterprise (5°).
    TooLong {
        /// Days from the shipment (the first instalment) to the last instalment.
        days_after_shipment: u32,
        /// The days allowed.
        limit: u32,
    },
    /// A contract before 20 November 2026 whose plan lasts beyond three months: out of the
    /// former exclusion of L312-4 (the crates do not offer it then).
    BeyondThreeMonths {
        /// Days from the shipment to the last instalment (at the most, for an offer).
        days_after_shipment: u32,
    },
    /// The plan lasts longer than 14 days and the shop has not said whether it is a large
    /// enterprise, for which 14 days is the limit: read as one.
    SizeNotStated {
        /// Days from the shipment to the last instalment.
        days_after_shipment: u32,
    },
}

impl CreditReason {
    /// The reason in French, for the customer and the operator.
    pub fn label_fr(&self) -> String {
        match self {
            CreditReason::ThirdPartyLender => {
                "le paiement est financé par un organisme tiers".to_owned()
            }
            CreditReason::LenderNotStated => {
                "la boutique n'a pas indiqué qui finance le paiement".to_owned()
            }
            CreditReason::ClaimsFactored => "la créance est cédée à un organisme tiers".to_owned(),
            CreditReason::FactoringNotStated => {
                "la boutique n'a pas indiqué si la créance est cédée".to_owned()
            }
            CreditReason::TooLong {
                days_after_shipment,
                limit,
            } => format!(
                "la dernière échéance tombe {days_after_shipment} jours après l'expédition, \
                 au-delà de {limit} jours"
            ),
            CreditReason::SizeNotStated {
                days_after_shipment,
            } => format!(
                "la dernière échéance tombe {days_after_shipment} jours après l'expédition et la \
                 boutique n'a pas indiqué si elle est une grande entreprise"
            ),
            CreditReason::BeyondThreeMonths {
                days_after_shipment,
            } => format!(
                "la dernière échéance tombe {days_after_shipment} jours après l'expédition, au-delà \
                 de trois mois"
            ),
        }
    }
}

impl fmt::Display for CreditReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreditReason::ThirdPartyLender => f.write_str("a third party lends"),
            CreditReason::LenderNotStated => f.write_str("the lender is not stated"),
            CreditReason::ClaimsFactored => f.write_str("the claims are factored"),
            CreditReason::FactoringNotStated => f.write_str("factoring is not stated"),
            CreditReason::TooLong {
                days_after_shipment,
                limit,
            } => write!(
                f,
                "the last instalment falls {days_after_shipment} days after shipment, beyond {limit}"
            ),
            CreditReason::SizeNotStated {
                days_after_shipment,
            } => write!(
                f,
                "the last instalment falls {days_after_shipment} days after shipment and the \
                 seller's size is not stated"
            ),
            CreditReason::BeyondThreeMonths {
                days_after_shipment,
            } => write!(
                f,
                "the last instalment falls {days_after_shipment} days after shipment, beyond \
                 three months"
            ),
        }
    }
}

/// The credit regime of a plan in instalments, by the day of its contract (PAY-4, PAY-5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CreditRegime {
    /// A contract before 20 November 2026: a credit repaid within three months with no fees,
    /// outside consumer-credit law under the former L312-4.
    FormerShortCreditExclusion,
    /// From 20 November 2026: a deferred payment the seller grants itself, fully paid within
    /// the days allowed after the shipment, outside consumer-credit law (L312-4 4°, 5°).
    SellerDeferredPayment {
        /// Days from the shipment to the last instalment.
        days_after_shipment: u32,
    },
    /// A consumer credit (L312-1 and following), for these reasons.
    ConsumerCredit {
        /// Why, each reason enough on its own.
        reasons: Vec<CreditReason>,
    },
}

impl CreditRegime {
    /// The regime of a plan whose last instalment falls `days_after_shipment` days after the
    /// first (the shipment, PAY-3), for a contract concluded on `contract`, under the seller's
    /// `facts`.
    pub fn classify(
        days_after_shipment: u32,
        contract: ContractDay,
        facts: &CreditFacts,
    ) -> CreditRegime {
        if !contract.is_under(LawChange::ConsumerCreditReform) {
            // Three calendar months last 92 days at the most: beyond, the former exclusion
            // cannot hold (the crates do not offer such a plan then, `validate_for`).
            return if days_after_shipment <= MOST_DAYS_IN_THREE_MONTHS {
                CreditRegime::FormerShortCreditExclusion
            } else {
                CreditRegime::ConsumerCredit {
                    reasons: vec![CreditReason::BeyondThreeMonths {
                        days_after_shipment,
                    }],
                }
            };
        }
        let mut reasons = Vec::new();
        match facts.lender {
            Lender::Seller => {}
            Lender::ThirdParty => reasons.push(CreditReason::ThirdPartyLender),
            Lender::NotStated => reasons.push(CreditReason::LenderNotStated),
        }
        match facts.claims_factored {
            Some(false) => {}
            Some(true) => reasons.push(CreditReason::ClaimsFactored),
            None => reasons.push(CreditReason::FactoringNotStated),
        }
        match facts.large_enterprise {
            Some(true) if days_after_shipment > LARGE_ENTERPRISE_DEFERRAL_DAYS => {
                reasons.push(CreditReason::TooLong {
                    days_after_shipment,
                    limit: LARGE_ENTERPRISE_DEFERRAL_DAYS,
                });
            }
            _ if days_after_shipment > SELLER_DEFERRAL_DAYS => {
                reasons.push(CreditReason::TooLong {
                    days_after_shipment,
                    limit: SELLER_DEFERRAL_DAYS,
                });
            }
            None if days_after_shipment > LARGE_ENTERPRISE_DEFERRAL_DAYS => {
                reasons.push(CreditReason::SizeNotStated {
                    days_after_shipment,
                });
            }
            _ => {}
        }
        if reasons.is_empty() {
            CreditRegime::SellerDeferredPayment {
                days_after_shipment,
            }
        } else {
            CreditRegime::ConsumerCredit { reasons }
        }
    }

    /// The regime of the plans `policy` offers, before any order or shipment is known, for a
    /// contract concluded on `contract`: its longest plan, its last instalment counted at the
    /// most days it can fall after the first (a calendar month as 31 days), so that an offer
    /// never says less than a plan will be.
    pub fn of_offer(contract: ContractDay, policy: &InstalmentPolicy) -> CreditRegime {
        let days = u32::try_from(policy.longest_days_after_first()).unwrap_or(u32::MAX);
        // Before the reform, the former exclusion's test is the three calendar months
        // themselves, whatever the first day (`validate_for`).
        if !contract.is_under(LawChange::ConsumerCreditReform) {
            return if policy.is_within_three_months() {
                CreditRegime::FormerShortCreditExclusion
            } else {
                CreditRegime::ConsumerCredit {
                    reasons: vec![CreditReason::BeyondThreeMonths {
                        days_after_shipment: days,
                    }],
                }
            };
        }
        CreditRegime::classify(days, contract, &policy.credit)
    }

    /// True when the plan is a consumer credit.
    pub fn is_consumer_credit(&self) -> bool {
        matches!(self, CreditRegime::ConsumerCredit { .. })
    }

    /// Why the plan is a consumer credit; empty when it is not.
    pub fn reasons(&self) -> &[CreditReason] {
        match self {
            CreditRegime::ConsumerCredit { reasons } => reasons,
            _ => &[],
        }
    }

    /// The mention an offer of the plan carries: [`CREDIT_WARNING_FR`] for a consumer
    /// credit, nothing otherwise.
    pub fn advertising_mention_fr(&self) -> Option<&'static str> {
        self.is_consumer_credit().then_some(CREDIT_WARNING_FR)
    }

    /// The article that puts the plan where it is.
    pub fn article(&self) -> &'static str {
        match self {
            CreditRegime::FormerShortCreditExclusion => {
                "C. conso L312-4 (rédaction antérieure au 20 novembre 2026)"
            }
            CreditRegime::SellerDeferredPayment { .. } => "C. conso L312-4 4°",
            CreditRegime::ConsumerCredit { .. } => "C. conso L312-1 et suivants",
        }
    }

    /// The regime in French, with its reasons: what the customer and the operator read.
    pub fn explanation_fr(&self) -> String {
        match self {
            CreditRegime::FormerShortCreditExclusion => {
                "Paiement échelonné sur trois mois au plus, sans frais : il ne relève pas \
                 du crédit à la consommation (contrat conclu avant le 20 novembre 2026)."
                    .to_owned()
            }
            CreditRegime::SellerDeferredPayment {
                days_after_shipment,
            } => format!(
                "Paiement différé accordé par la boutique, sans intérêts, soldé {days_after_shipment} \
                 jours au plus après l'expédition : il ne relève pas du crédit à la consommation \
                 (article L312-4 du Code de la consommation)."
            ),
            CreditRegime::ConsumerCredit { reasons } => {
                let why: Vec<String> = reasons.iter().map(CreditReason::label_fr).collect();
                format!(
                    "Ce paiement en plusieurs fois est un crédit à la consommation ({}). Vous \
                     disposez d'un délai de rétractation de 14 jours pour ce crédit. {CREDIT_WARNING_FR}",
                    why.join(" ; ")
                )
            }
        }
    }

    /// The banner that offers paying in `count` instalments from `minimum`, in French, with
    /// the credit mention when the plan is a credit: « Paiement en 3x à partir de 100,00 €
    /// TTC. Attention ! Un crédit coûte de l'argent et doit être remboursé. »
    pub fn banner_fr(&self, count: u8, minimum: Eur) -> String {
        let offer = format!("Paiement en {count}x à partir de {} TTC.", minimum.french());
        match self.advertising_mention_fr() {
            Some(mention) => format!("{offer} {mention}"),
            None => offer,
        }
    }
}

impl fmt::Display for CreditRegime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreditRegime::FormerShortCreditExclusion => {
                f.write_str("outside consumer credit (former L312-4, within three months)")
            }
            CreditRegime::SellerDeferredPayment {
                days_after_shipment,
            } => write!(
                f,
                "outside consumer credit (L312-4 4°, paid {days_after_shipment} days after shipment)"
            ),
            CreditRegime::ConsumerCredit { reasons } => {
                f.write_str("consumer credit: ")?;
                for (i, reason) in reasons.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{reason}")?;
                }
                Ok(())
            }
        }
    }
}

/// A plan in instalments with its credit regime: the schedule (PAY-5), the contract it
/// serves and what the law of that day makes of it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::law::ContractDay;
/// use comptoir_money::Eur;
/// use comptoir_payment::{
///     CREDIT_WARNING_FR, Card, CardBrand, CardToken, ExpiryMonth, InstalmentPlan, InstalmentPolicy,
///     OrderAmount,
/// };
///
/// let shipped = NaiveDate::from_ymd_opt(2026, 12, 8).ok_or("date")?;
/// let card = Card::new(CardToken::new("tok_1")?, CardBrand::Cb, ExpiryMonth::new(2027, 6)?, shipped)?;
/// let order = OrderAmount::new(Eur::from_cents(12_000), Eur::ZERO)?;
/// let contract = ContractDay::new(NaiveDate::from_ymd_opt(2026, 12, 6).ok_or("date")?);
///
/// // The FAQ's 3x, at shipment, +30 and +60 days, the lender not stated: a consumer credit.
/// let plan = InstalmentPlan::compute(&order, contract, &card, 3, shipped, &InstalmentPolicy::default())?;
/// assert!(plan.regime().is_consumer_credit());
/// assert_eq!(plan.regime().advertising_mention_fr(), Some(CREDIT_WARNING_FR));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InstalmentPlan {
    schedule: InstalmentSchedule,
    contract: ContractDay,
    regime: CreditRegime,
}

impl InstalmentPlan {
    /// The plan of `order` in `count` instalments with `card`, the first on the shipment day
    /// `shipped_on`, for a contract concluded on `contract`, under `policy`.
    ///
    /// # Errors
    ///
    /// As [`InstalmentSchedule::compute`], and as [`InstalmentPolicy::validate_for`] the
    /// contract (a plan beyond three months for a contract before 20 November 2026).
    pub fn compute(
        order: &OrderAmount,
        contract: ContractDay,
        card: &Card,
        count: u8,
        shipped_on: NaiveDate,
        policy: &InstalmentPolicy,
    ) -> Result<InstalmentPlan, PaymentError> {
        policy.validate_for(contract)?;
        let schedule = InstalmentSchedule::compute(order, card, count, shipped_on, policy)?;
        let last = schedule
            .instalments()
            .last()
            .map_or(shipped_on, Instalment::due_on);
        let days = CalendarDays::between(shipped_on, last)
            .map_err(|_| PaymentError::DateOutOfRange)?
            .get();
        Ok(InstalmentPlan {
            regime: CreditRegime::classify(days, contract, &policy.credit),
            schedule,
            contract,
        })
    }

    /// The plan of a validated `order`: its amount and its contract's day (the Paris date of
    /// its validation) are the order's own.
    ///
    /// # Errors
    ///
    /// As [`InstalmentPlan::compute`], and [`PaymentError::Dispatch`]-free calendar errors
    /// as [`PaymentError::DateOutOfRange`] when the validation instant cannot be read.
    pub fn for_order(
        order: &Order,
        card: &Card,
        count: u8,
        shipped_on: NaiveDate,
        policy: &InstalmentPolicy,
    ) -> Result<InstalmentPlan, PaymentError> {
        let contract =
            ContractDay::of(&order.validated_at()).map_err(|_| PaymentError::DateOutOfRange)?;
        InstalmentPlan::compute(
            &OrderAmount::from_order(order)?,
            contract,
            card,
            count,
            shipped_on,
            policy,
        )
    }

    /// The instalments.
    pub fn schedule(&self) -> &InstalmentSchedule {
        &self.schedule
    }

    /// The day of the contract the plan serves.
    pub fn contract(&self) -> ContractDay {
        self.contract
    }

    /// The plan's credit regime.
    pub fn regime(&self) -> &CreditRegime {
        &self.regime
    }

    /// The borrower's withdrawal from the credit (L312-19): for a consumer credit, 14
    /// calendar days from the day after the contract ([`BORROWER_WITHDRAWAL`]), rolled on
    /// `legal_calendar` (the legal calendar of the customer's region,
    /// [`Calendar::legal`]); `None` for a plan that is no credit.
    ///
    /// # Errors
    ///
    /// [`PaymentError::DateOutOfRange`] when the deadline is beyond the calendar's range.
    pub fn borrower_withdrawal(
        &self,
        legal_calendar: &Calendar,
    ) -> Result<Option<Deadline>, PaymentError> {
        if !self.regime.is_consumer_credit() {
            return Ok(None);
        }
        BORROWER_WITHDRAWAL
            .deadline(self.contract.date(), legal_calendar)
            .map(Some)
            .map_err(|_| PaymentError::DateOutOfRange)
    }

    /// What the customer's withdrawal from the purchase, notified at `notice`, does to the
    /// plan: it ends the credit that finances it (C. conso L221-27, L312-52 ff.), so the
    /// instalments not yet due on the notice's Paris date are cancelled, never debited, and
    /// those debited before are refunded with the purchase.
    ///
    /// # Errors
    ///
    /// [`PaymentError::DateOutOfRange`] when `notice` cannot be read on the Paris clock.
    pub fn on_withdrawal<Tz: TimeZone>(
        &self,
        notice: &DateTime<Tz>,
    ) -> Result<PlanAfterWithdrawal, PaymentError> {
        let day = clock::paris_date(notice).map_err(|_| PaymentError::DateOutOfRange)?;
        let (refunded, cancelled): (Vec<Instalment>, Vec<Instalment>) = self
            .schedule
            .iter()
            .partition(|instalment| instalment.due_on() <= day);
        Ok(PlanAfterWithdrawal {
            refunded,
            cancelled,
        })
    }
}

/// A plan in instalments once the customer has withdrawn from the purchase (L221-27): the
/// instalments debited, which the shop refunds, and those not yet due, cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlanAfterWithdrawal {
    refunded: Vec<Instalment>,
    cancelled: Vec<Instalment>,
}

impl PlanAfterWithdrawal {
    /// The instalments already debited: refunded with the purchase.
    pub fn refunded(&self) -> &[Instalment] {
        &self.refunded
    }

    /// The instalments not yet due: cancelled, never debited.
    pub fn cancelled(&self) -> &[Instalment] {
        &self.cancelled
    }

    /// The sum of the instalments refunded.
    ///
    /// # Errors
    ///
    /// [`PaymentError::Money`] on overflow.
    pub fn refunded_total(&self) -> Result<Eur, PaymentError> {
        Ok(Eur::try_sum(self.refunded.iter().map(Instalment::amount))?)
    }

    /// In French, for the customer: which instalments are refunded and which cancelled.
    pub fn message_fr(&self) -> String {
        let list = |items: &[Instalment]| {
            items
                .iter()
                .map(|i| format!("l'échéance {} de {}", i.number(), i.amount().french()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let refunded = match self.refunded.len() {
            0 => None,
            1 => Some(format!("{} vous est remboursée", list(&self.refunded))),
            _ => Some(format!("{} vous sont remboursées", list(&self.refunded))),
        };
        let cancelled = match self.cancelled.len() {
            0 => None,
            1 => Some(format!(
                "{} est annulée et ne sera pas prélevée",
                list(&self.cancelled)
            )),
            _ => Some(format!(
                "{} sont annulées et ne seront pas prélevées",
                list(&self.cancelled)
            )),
        };
        let parts: Vec<String> = [refunded, cancelled].into_iter().flatten().collect();
        if parts.is_empty() {
            "Aucune échéance n'est concernée.".to_owned()
        } else {
            format!(
                "Votre rétractation met fin au paiement en plusieurs fois : {}.",
                parts.join(" ; ")
            )
        }
    }
}
