//! Where a case stands, what happened to it, what runs against the shop and what the customer
//! may do.

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::Deadline;
use comptoir_calendar::{CalendarDays, clock};
use comptoir_money::{Eur, Percent};
use comptoir_refund::L2414Wording;

use crate::AfterSalesError;

/// The state of an after-sales case (RET-5). The FAQ's steps come first, the law's remedies
/// after; [`AfterSalesCase`](crate::AfterSalesCase) moves between them only by its
/// transitions.
///
/// ```text
/// Reported ─ pre-diagnosis ─> AwaitingProduct ─┐
///    └──────────── product received ──────────┴─> UnderDiagnosis ─ no defect ─> NoDefectFound
///                                                    │ defect confirmed
///                                                    v
///                                                 Remedying ─ delivered ─> Remedied
///  refused (L217-12), serious (L217-14 al. 2),        │                     │ defect persists
///  late (L217-14 2°) ─────────────────> AwaitingChoice <────────────────────┘
///                                         │ price reduction      │ termination
///                                         v                      v
///                                     PriceReduced           Terminated ─ refund paid ─> Refunded
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CaseStatus {
    /// The customer's request is recorded; the pre-diagnosis with the team may follow.
    Reported,
    /// The pre-diagnosis is done; the product is on its way to the after-sales service.
    AwaitingProduct,
    /// The after-sales service has the product and tests it.
    UnderDiagnosis,
    /// The defect is confirmed; the repair or replacement is under way.
    Remedying,
    /// The repaired good or its replacement was delivered.
    Remedied,
    /// The tests found no defect the shop answers for; the product goes back as it is.
    NoDefectFound,
    /// The customer may choose a price reduction or a termination (L217-14).
    AwaitingChoice,
    /// The customer keeps the good with a price reduction; its refund is due.
    PriceReduced,
    /// The customer terminated the sale of the good; the price is refunded against its return.
    Terminated,
    /// The reduction or the price was refunded.
    Refunded,
}

impl CaseStatus {
    /// True while the shop owes the repair or replacement (the 30 days of L217-10 run).
    pub fn awaits_remedy(self) -> bool {
        matches!(
            self,
            CaseStatus::Reported
                | CaseStatus::AwaitingProduct
                | CaseStatus::UnderDiagnosis
                | CaseStatus::Remedying
        )
    }

    /// The French words the customer reads.
    pub fn label_fr(self) -> &'static str {
        match self {
            CaseStatus::Reported => "demande enregistrée",
            CaseStatus::AwaitingProduct => "produit attendu",
            CaseStatus::UnderDiagnosis => "produit en cours de diagnostic",
            CaseStatus::Remedying => "réparation ou remplacement en cours",
            CaseStatus::Remedied => "produit réparé ou remplacé",
            CaseStatus::NoDefectFound => "aucun défaut constaté",
            CaseStatus::AwaitingChoice => "en attente de votre choix",
            CaseStatus::PriceReduced => "réduction du prix accordée",
            CaseStatus::Terminated => "vente résolue",
            CaseStatus::Refunded => "remboursé",
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CaseStatus::Reported => "reported",
            CaseStatus::AwaitingProduct => "awaiting the product",
            CaseStatus::UnderDiagnosis => "under diagnosis",
            CaseStatus::Remedying => "being remedied",
            CaseStatus::Remedied => "remedied",
            CaseStatus::NoDefectFound => "closed with no defect found",
            CaseStatus::AwaitingChoice => "awaiting the customer's choice",
            CaseStatus::PriceReduced => "price reduced",
            CaseStatus::Terminated => "terminated",
            CaseStatus::Refunded => "refunded",
        })
    }
}

/// What happened to a case: one kind per transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CaseEventKind {
    /// The customer's request (the case opens).
    Requested,
    /// The pre-diagnosis with the team.
    Prediagnosed,
    /// The product reached the after-sales service.
    ProductReceived,
    /// The tests confirmed the defect; the good is taken in under the guarantee.
    DefectConfirmed,
    /// The tests found no defect the shop answers for.
    NoDefectFound,
    /// The shop does the other remedy, the chosen one being impossible or disproportionate
    /// (L217-12 al. 1).
    RemedySwitched,
    /// The shop refuses any remedy, both being impossible or disproportionate (L217-12 al. 2).
    ConformityRefused,
    /// The repaired good or the replacement was delivered.
    RemedyDelivered,
    /// The defect persists after the remedy (L217-14 3°).
    DefectPersisted,
    /// The defect is so serious that a reduction or a termination is due at once (L217-14
    /// al. 2).
    SeriousDefect,
    /// The shop showed the defect to be minor: no termination (L217-14 last al.).
    MinorDefect,
    /// The customer chose a price reduction.
    PriceReduced,
    /// The customer terminated the sale of the good.
    Terminated,
    /// The good came back after the termination.
    GoodsReturned,
    /// The customer proved the good was sent back.
    ReturnDispatched,
    /// The shop refunded the reduction or the price.
    RefundPaid,
}

impl CaseEventKind {
    /// The event in English words, as errors name it ("the pre-diagnosis").
    pub fn as_str(self) -> &'static str {
        match self {
            CaseEventKind::Requested => "the request",
            CaseEventKind::Prediagnosed => "the pre-diagnosis",
            CaseEventKind::ProductReceived => "the product's arrival",
            CaseEventKind::DefectConfirmed => "the confirmation of the defect",
            CaseEventKind::NoDefectFound => "the finding of no defect",
            CaseEventKind::RemedySwitched => "the switch to the other remedy",
            CaseEventKind::ConformityRefused => "the refusal of any remedy",
            CaseEventKind::RemedyDelivered => "the delivery of the remedy",
            CaseEventKind::DefectPersisted => "the report of a persisting defect",
            CaseEventKind::SeriousDefect => "the acknowledgement of a serious defect",
            CaseEventKind::MinorDefect => "the finding of a minor defect",
            CaseEventKind::PriceReduced => "the price reduction",
            CaseEventKind::Terminated => "the termination",
            CaseEventKind::GoodsReturned => "the return of the goods",
            CaseEventKind::ReturnDispatched => "the proof of the goods' dispatch",
            CaseEventKind::RefundPaid => "the refund",
        }
    }
}

impl fmt::Display for CaseEventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entry of a case's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CaseEvent {
    pub(crate) at: DateTime<Utc>,
    pub(crate) kind: CaseEventKind,
}

impl CaseEvent {
    /// When it happened.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// What happened.
    pub fn kind(&self) -> CaseEventKind {
        self.kind
    }
}

/// What runs against the shop in a case's current state: every state has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CaseDeadline {
    /// The repair or replacement is due by this deadline: 30 days after the request at most
    /// (L217-10), whatever the pre-diagnosis and the product's journey took.
    Remedy(Deadline),
    /// The refund is due by this deadline: 14 days at most (L217-17).
    Refund(Deadline),
    /// The refund is owed; its 14 days start when the good comes back or the customer proves
    /// it was sent (L217-16, L217-17).
    RefundOnceGoodsBack,
    /// Nothing is due from the shop until the customer chooses (L217-14).
    CustomerChoice,
    /// The case is closed.
    Closed,
}

impl CaseDeadline {
    /// The shop's deadline, when one runs.
    pub fn due(&self) -> Option<Deadline> {
        match self {
            CaseDeadline::Remedy(d) | CaseDeadline::Refund(d) => Some(*d),
            CaseDeadline::RefundOnceGoodsBack
            | CaseDeadline::CustomerChoice
            | CaseDeadline::Closed => None,
        }
    }
}

/// Why the customer may ask for a price reduction or a termination (L217-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Ground {
    /// The shop refused any remedy (1°), e.g. the FAQ's "en cas d'indisponibilité du produit".
    Refused,
    /// The remedy was not done within 30 days of the request (2°).
    Late,
    /// The defect persists despite the remedy (3°).
    Failed,
    /// The defect is so serious that a reduction or a termination is due at once (al. 2).
    Serious,
}

impl Ground {
    /// The reason as the customer reads it, in French.
    pub fn label_fr(self) -> &'static str {
        match self {
            Ground::Refused => "la réparation et le remplacement ne sont pas possibles",
            Ground::Late => {
                "la réparation ou le remplacement n'est pas intervenu dans les 30 jours de votre demande"
            }
            Ground::Failed => "le défaut persiste malgré la réparation ou le remplacement",
            Ground::Serious => "le défaut est d'une gravité qui justifie une solution immédiate",
        }
    }
}

/// What the customer may do at a given instant (RET-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CustomerOption {
    /// Wait for the repair or replacement, due by this deadline (L217-10).
    AwaitRemedy(Deadline),
    /// Keep the good and get part of its price back (L217-14, L217-15).
    PriceReduction(Ground),
    /// Give the good back, at the shop's cost, and get its price back (L217-14, L217-16).
    Termination(Ground),
    /// Wait for the refund: by this deadline, or (`None`) 14 days after the good is back or
    /// its dispatch proved (L217-17).
    AwaitRefund(Option<Deadline>),
    /// Report a defect again while the guarantee runs, until this deadline (L217-3, L217-13).
    ClaimAgain(Deadline),
}

impl CustomerOption {
    /// The option's French wording.
    pub fn message_fr(&self) -> String {
        match self {
            CustomerOption::AwaitRemedy(due) => format!(
                "La réparation ou le remplacement vous est dû au plus tard le {}.",
                due.last_day().format("%d/%m/%Y")
            ),
            CustomerOption::PriceReduction(ground) => format!(
                "Vous pouvez conserver le produit et obtenir une réduction de son prix, car {}.",
                ground.label_fr()
            ),
            CustomerOption::Termination(ground) => format!(
                "Vous pouvez nous rendre le produit, à nos frais, et être intégralement remboursé \
                 de son prix, car {}.",
                ground.label_fr()
            ),
            CustomerOption::AwaitRefund(Some(due)) => format!(
                "Votre remboursement vous est dû au plus tard le {}.",
                due.last_day().format("%d/%m/%Y")
            ),
            CustomerOption::AwaitRefund(None) => {
                "Votre remboursement vous sera versé au plus tard 14 jours après le retour du \
                 produit ou la preuve de son envoi."
                    .into()
            }
            CustomerOption::ClaimAgain(until) => format!(
                "La garantie légale de conformité court jusqu'au {} : signalez-nous tout défaut \
                 d'ici là.",
                until.last_day().format("%d/%m/%Y")
            ),
        }
    }
}

/// The postage a customer paid to send the good in, and its refund (L241-6, D217-1).
///
/// The refund is due 14 days after the customer is told the good is taken in under the
/// guarantee (here: when the defect is confirmed). Paid later, it is increased by 10 % up to
/// 14 days late, 20 % up to 30 days, 50 % beyond (L241-6 al. 2).
///
/// # Example
///
/// ```
/// use comptoir_aftersales::PostageRefund;
/// # use chrono::TimeZone;
/// # use chrono_tz::Europe::Paris;
/// # use comptoir_aftersales::{AfterSalesCase, Claim, Condition, Coverage, GuaranteePolicy, Postage, Remedy};
/// # use comptoir_calendar::Calendar;
/// # use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// # use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
/// # use comptoir_refund::{RefundAmountPolicy, RefundLedger};
/// # let at = |m, d| Paris.with_ymd_and_hms(2026, m, d, 10, 0, 0).single().ok_or("instant");
/// # let context = EvaluationContext::new(at(1, 5)?);
/// # let catalogue = Catalogue::default();
/// # let terms = Terms::new(&catalogue, &context);
/// # let mut cart = Cart::new();
/// # cart.add_line(Line::new("l1".parse()?, "radio".parse()?, "80".parse()?, Quantity::ONE)?, &terms)?;
/// # cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
/// # let order = cart.validate(CustomerId::new(1), &terms)?;
/// # let ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
/// # let cal = Calendar::metropolitan();
/// # let policy = GuaranteePolicy::default();
/// # let coverage = Coverage::compute(&at(1, 9)?, Condition::New, &policy, &cal)?;
/// # let claim = Claim::new("l1".parse()?, Remedy::Repair, "ne s'allume plus", &at(3, 2)?)?;
/// # let mut case = AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &cal)?;
/// case.receive_product(&at(3, 5)?, Postage::PaidByCustomer("6.50".parse()?))?;
/// case.confirm_defect(&at(3, 6)?, &cal)?; // taken in: the postage is due by 20 March
/// let postage: PostageRefund = case.postage_refund().ok_or("postage")?;
/// assert_eq!(postage.due().map(|d| d.last_day().to_string()), Some("2026-03-20".into()));
/// assert_eq!(postage.surcharge(&at(3, 20)?)?, "0.00".parse()?);
/// assert_eq!(postage.surcharge(&at(4, 3)?)?, "0.65".parse()?); // 14 days late: 10 %
/// assert_eq!(postage.surcharge(&at(4, 4)?)?, "1.30".parse()?); // 15 days late: 20 %
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PostageRefund {
    pub(crate) amount: Eur,
    pub(crate) due: Option<Deadline>,
}

impl PostageRefund {
    /// The postage paid.
    pub fn amount(&self) -> Eur {
        self.amount
    }

    /// When its refund is due: `None` until the good is taken in under the guarantee.
    pub fn due(&self) -> Option<Deadline> {
        self.due
    }

    /// The days late of a refund paid at `paid_at` (Paris dates; 0 when on time or not due).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::Calendar`] when `paid_at` cannot be read on the Paris clock.
    pub fn days_late<Tz: TimeZone>(
        &self,
        paid_at: &DateTime<Tz>,
    ) -> Result<CalendarDays, AfterSalesError> {
        let Some(due) = self.due else {
            return Ok(CalendarDays::ZERO);
        };
        let paid_on = clock::paris_date(paid_at)?;
        if paid_on <= due.last_day() {
            return Ok(CalendarDays::ZERO);
        }
        Ok(CalendarDays::between(due.last_day(), paid_on)?)
    }

    /// The increase of L241-6 on a refund paid at `paid_at`: 10 % up to 14 days late, 20 % up
    /// to 30, 50 % beyond; zero when on time.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::Calendar`] when `paid_at` cannot be read on the Paris clock,
    /// [`AfterSalesError::Money`] on overflow.
    pub fn surcharge<Tz: TimeZone>(&self, paid_at: &DateTime<Tz>) -> Result<Eur, AfterSalesError> {
        // L241-6 states the steps of L241-4 in its wording since 2022: one scale for both.
        let percent = L2414Wording::From2022.percent(self.days_late(paid_at)?);
        if percent == 0 {
            return Ok(Eur::ZERO);
        }
        Ok(self.amount.percent(Percent::new(percent.into())?)?)
    }
}
