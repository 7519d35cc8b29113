//! The after-sales case: a state machine whose every transition is checked, and whose every
//! state knows what runs against the shop (RET-5).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_calendar::Deadline;
use comptoir_calendar::{Calendar, CalendarDays, clock};
use comptoir_cart::Order;
use comptoir_money::Eur;
use comptoir_refund::{Cancellation, CancelledLine, Refund, RefundCause, RefundLedger};

use crate::claim::non_blank;
use crate::coverage::days_deadline;
use crate::{
    AfterSalesError, Burden, CaseDeadline, CaseEvent, CaseEventKind, CaseStatus, Claim, Coverage,
    CustomerOption, Finding, FindingKind, Ground, GuaranteePolicy, Postage, PostageRefund, Remedy,
};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
enum State {
    Reported,
    AwaitingProduct,
    UnderDiagnosis,
    Remedying,
    Remedied {
        delivered_at: DateTime<Utc>,
        late: bool,
    },
    NoDefectFound {
        finding: Finding,
    },
    AwaitingChoice {
        ground: Ground,
    },
    PriceReduced {
        due: Deadline,
    },
    Terminated {
        due: Option<Deadline>,
    },
    Refunded {
        paid_at: DateTime<Utc>,
        days_late: CalendarDays,
    },
}

impl State {
    fn status(&self) -> CaseStatus {
        match self {
            State::Reported => CaseStatus::Reported,
            State::AwaitingProduct => CaseStatus::AwaitingProduct,
            State::UnderDiagnosis => CaseStatus::UnderDiagnosis,
            State::Remedying => CaseStatus::Remedying,
            State::Remedied { .. } => CaseStatus::Remedied,
            State::NoDefectFound { .. } => CaseStatus::NoDefectFound,
            State::AwaitingChoice { .. } => CaseStatus::AwaitingChoice,
            State::PriceReduced { .. } => CaseStatus::PriceReduced,
            State::Terminated { .. } => CaseStatus::Terminated,
            State::Refunded { .. } => CaseStatus::Refunded,
        }
    }
}

/// One after-sales case: a customer's request under the legal guarantee of conformity, from
/// the FAQ's pre-diagnosis to the repair, the replacement, the price reduction or the refund
/// (RET-5, C. conso L217-3 to L217-17).
///
/// The FAQ's process runs inside the guarantee and cannot restrict it:
///
/// - **the pre-diagnosis is a step, not a condition**: the customer may send the product
///   without it, and the 30 days of L217-10 run from the request, whatever the
///   pre-diagnosis and the product's journey take;
/// - **nothing the FAQ asks of the parcel is a condition**: a product that comes back
///   unclean, in its original packaging or without the form is taken in the same, and its
///   postage is the shop's (D217-1, L241-6; L217-11: the remedy is free of charge);
/// - **"un nouveau modèle"** is the replacement; the customer may ask for a repair instead
///   (L217-9), and the shop may do the other one only when the chosen one is impossible or
///   disproportionate, saying why in writing (L217-12);
/// - **"en cas d'indisponibilité du produit, vous serez intégralement remboursé"** is the
///   shop refusing any remedy: the customer then chooses between keeping the product with a
///   price reduction and a termination refunding its net paid amount (L217-14 to L217-16,
///   REF-4), the FAQ's full refund;
/// - **"le(s) produit(s) vous sera renvoyé en l'état"** needs a written report; within the
///   presumption of L217-7 the shop bears the proof, and the report is it.
///
/// Each transition takes the instant it happens at and checks, before changing anything, that
/// the state allows it ([`AfterSalesError::IllegalTransition`]) and that it does not predate
/// the case's last event ([`AfterSalesError::OutOfOrder`]): on any error the case is left as
/// it was. [`AfterSalesCase::deadline`] says what runs against the shop in every state;
/// [`AfterSalesCase::options`] what the customer may do at a given instant.
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Paris;
/// use comptoir_aftersales::{
///     AfterSalesCase, CaseDeadline, CaseStatus, Claim, Condition, Coverage, CustomerOption,
///     GuaranteePolicy, Ground, Postage, Remedy,
/// };
/// use comptoir_calendar::Calendar;
/// use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
/// use comptoir_promo::{Catalogue, EvaluationContext, Line, Quantity};
/// use comptoir_refund::{RefundAmountPolicy, RefundLedger};
///
/// let at = |y, m, d| Paris.with_ymd_and_hms(y, m, d, 10, 0, 0).single().ok_or("instant");
/// let context = EvaluationContext::new(at(2026, 1, 5)?);
/// let catalogue = Catalogue::default();
/// let terms = Terms::new(&catalogue, &context);
/// let mut cart = Cart::new();
/// cart.add_line(Line::new("l1".parse()?, "bouilloire".parse()?, "59.90".parse()?, Quantity::ONE)?, &terms)?;
/// cart.choose_delivery(Delivery::new(DeliveryService::Pickup, "0".parse()?)?, &terms)?;
/// let order = cart.validate(CustomerId::new(1), &terms)?;
/// let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
/// let (cal, policy) = (Calendar::metropolitan(), GuaranteePolicy::default());
///
/// // Collected on 9 January 2026; it stops heating on 1 December.
/// let coverage = Coverage::compute(&at(2026, 1, 9)?, Condition::New, &policy, &cal)?;
/// let claim = Claim::new("l1".parse()?, Remedy::Replacement, "ne chauffe plus", &at(2026, 12, 1)?)?;
/// let mut case = AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &cal)?;
/// assert!(matches!(case.deadline(), CaseDeadline::Remedy(d) if d.last_day().to_string() == "2026-12-31"));
///
/// // A repair before the diagnosis is refused, and changes nothing.
/// let before = case.clone();
/// assert!(case.deliver_remedy(&at(2026, 12, 2)?, &cal).is_err_and(|e| e.is_illegal_transition()));
/// assert_eq!(case, before);
///
/// // Pre-diagnosis, product received, defect confirmed... and no model left.
/// case.record_prediagnosis(&at(2026, 12, 2)?, "résistance hors service")?;
/// case.receive_product(&at(2026, 12, 7)?, Postage::Prepaid)?;
/// case.confirm_defect(&at(2026, 12, 8)?, &cal)?;
/// case.refuse_conformity(&at(2026, 12, 9)?, "modèle épuisé, plus de pièces détachées")?;
/// assert_eq!(case.status(), CaseStatus::AwaitingChoice);
/// assert!(case.options(&at(2026, 12, 9)?)?.contains(&CustomerOption::Termination(Ground::Refused)));
///
/// // The FAQ's full refund: the termination refunds the net paid amount through the ledger.
/// let refund = case.terminate(&at(2026, 12, 10)?, &order, &mut ledger, &cal)?;
/// assert_eq!(refund.amount(), "59.90".parse()?);
/// assert!(matches!(case.deadline(), CaseDeadline::Refund(d) if d.last_day().to_string() == "2026-12-24"));
/// case.pay_refund(&at(2026, 12, 15)?)?;
/// assert_eq!(case.status(), CaseStatus::Refunded);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AfterSalesCase {
    claim: Claim,
    policy: GuaranteePolicy,
    coverage: Coverage,
    coverage_after: Option<Coverage>,
    requested_on: NaiveDate,
    appeared_on: NaiveDate,
    burden: Burden,
    remedy_due: Deadline,
    net_paid: Eur,
    remedy: Remedy,
    switch_reason: Option<String>,
    prediagnosis: Option<String>,
    refusal: Option<String>,
    serious: Option<String>,
    minor: Option<String>,
    product_at_shop: bool,
    postage: Option<PostageRefund>,
    reduction: Option<Eur>,
    refund: Option<Refund>,
    state: State,
    events: Vec<CaseEvent>,
}

impl AfterSalesCase {
    /// Opens the case of `claim`, a request on units of a line of `order` that the customer
    /// still keeps (per `ledger`), under `coverage`.
    ///
    /// The defect's day is the claim's, or the request's Paris date. The shop's 30 days
    /// (L217-10, or the policy's fewer) run from the day after the request; who bears the
    /// proof that the defect existed at delivery is fixed by that day (L217-7).
    ///
    /// # Errors
    ///
    /// Nothing is opened on an error:
    ///
    /// - [`AfterSalesError::UnlawfulPolicy`] for a policy [`GuaranteePolicy::validate`]
    ///   refuses;
    /// - [`AfterSalesError::RequestBeforeDelivery`] for a request before the delivery,
    ///   [`AfterSalesError::AppearanceOutOfSpan`] for a defect said to appear before the
    ///   delivery's day or after the request's;
    /// - [`AfterSalesError::OutsideGuarantee`] for a defect that appeared after the
    ///   guarantee's last day (L217-3);
    /// - [`AfterSalesError::Refund`] when `ledger` is not `order`'s, the line is not in the
    ///   order, or the units are more than the customer still keeps;
    /// - [`AfterSalesError::Calendar`] when a date leaves the calendar's range.
    pub fn open(
        claim: &Claim,
        order: &Order,
        ledger: &RefundLedger,
        coverage: &Coverage,
        policy: &GuaranteePolicy,
        calendar: &Calendar,
    ) -> Result<AfterSalesCase, AfterSalesError> {
        policy.validate()?;
        let requested_at = claim.requested_at();
        if requested_at < coverage.delivered_at() {
            return Err(AfterSalesError::RequestBeforeDelivery {
                requested_at,
                delivered_at: coverage.delivered_at(),
            });
        }
        let requested_on = clock::paris_date(&requested_at)?;
        let appeared_on = claim.appeared_on().unwrap_or(requested_on);
        if appeared_on < coverage.delivered_on() || appeared_on > requested_on {
            return Err(AfterSalesError::AppearanceOutOfSpan {
                appeared_on,
                delivered_on: coverage.delivered_on(),
                requested_on,
            });
        }
        if !coverage.covers(appeared_on) {
            return Err(AfterSalesError::OutsideGuarantee {
                appeared_on,
                guarantee_ends: coverage.guarantee().last_day(),
            });
        }
        // The ledger answers what the units cost and whether they are still the customer's:
        // the same figure a termination refunds.
        let preview = ledger.preview(order, &RefundCause::from(cancellation(claim)?))?;
        let net_paid = preview
            .explanation()
            .cancelled_net()
            .unwrap_or(preview.amount());
        Ok(AfterSalesCase {
            claim: claim.clone(),
            policy: *policy,
            coverage: *coverage,
            coverage_after: None,
            requested_on,
            appeared_on,
            burden: coverage.burden(appeared_on),
            remedy_due: days_deadline(requested_on, policy.remedy_within, calendar)?,
            net_paid,
            remedy: claim.remedy(),
            switch_reason: None,
            prediagnosis: None,
            refusal: None,
            serious: None,
            minor: None,
            product_at_shop: false,
            postage: None,
            reduction: None,
            refund: None,
            state: State::Reported,
            events: vec![CaseEvent {
                at: requested_at,
                kind: CaseEventKind::Requested,
            }],
        })
    }

    /// The FAQ's pre-diagnosis with the team: the product may now be sent.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::Reported`],
    /// [`AfterSalesError::OutOfOrder`] before the last event, [`AfterSalesError::BlankText`]
    /// for a blank note.
    pub fn record_prediagnosis<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        note: impl Into<String>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::Prediagnosed, &[CaseStatus::Reported])?;
        let note = non_blank(note.into(), "the pre-diagnosis")?;
        self.prediagnosis = Some(note);
        self.advance(at, CaseEventKind::Prediagnosed, State::AwaitingProduct);
        Ok(())
    }

    /// The product reached the after-sales service, with or without a pre-diagnosis, its
    /// packaging or its form; `postage` says who paid to send it.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::Reported`] or
    /// [`CaseStatus::AwaitingProduct`], [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::InvalidPostage`] for postage paid of zero or less.
    pub fn receive_product<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        postage: Postage,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::ProductReceived,
            &[CaseStatus::Reported, CaseStatus::AwaitingProduct],
        )?;
        if let Postage::PaidByCustomer(amount) = postage {
            if !amount.is_positive() {
                return Err(AfterSalesError::InvalidPostage { amount });
            }
            self.postage = Some(PostageRefund { amount, due: None });
        }
        self.product_at_shop = true;
        self.advance(at, CaseEventKind::ProductReceived, State::UnderDiagnosis);
        Ok(())
    }

    /// The tests confirm the defect: the good is taken in under the guarantee and the remedy
    /// chosen starts. The postage the customer paid is due 14 days later (L241-6).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::UnderDiagnosis`],
    /// [`AfterSalesError::OutOfOrder`] before the last event, [`AfterSalesError::Calendar`]
    /// when the postage's deadline leaves the calendar's range.
    pub fn confirm_defect<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::DefectConfirmed,
            &[CaseStatus::UnderDiagnosis],
        )?;
        let postage = match self.postage {
            Some(p) => Some(PostageRefund {
                due: Some(days_deadline(
                    clock::paris_date(&at)?,
                    self.policy.postage_refund_within,
                    calendar,
                )?),
                ..p
            }),
            None => None,
        };
        self.postage = postage;
        self.advance(at, CaseEventKind::DefectConfirmed, State::Remedying);
        Ok(())
    }

    /// The tests find no defect the shop answers for, as `finding` reports in writing: the
    /// product goes back as it is, at the shop's cost.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::UnderDiagnosis`],
    /// [`AfterSalesError::OutOfOrder`] before the last event.
    pub fn find_no_defect<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        finding: Finding,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::NoDefectFound,
            &[CaseStatus::UnderDiagnosis],
        )?;
        self.product_at_shop = false;
        self.advance(
            at,
            CaseEventKind::NoDefectFound,
            State::NoDefectFound { finding },
        );
        Ok(())
    }

    /// The shop does the other remedy, the one chosen being impossible or disproportionate,
    /// for `reason` given in writing (L217-12 al. 1 and 4). Once per case; the 30 days still
    /// run from the request. A replacement done instead of the repair asked for restarts the
    /// guarantee (L217-13 al. 2).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::Remedying`],
    /// [`AfterSalesError::AlreadyRecorded`] for a second switch, [`AfterSalesError::OutOfOrder`]
    /// before the last event, [`AfterSalesError::BlankText`] without a reason.
    pub fn switch_remedy<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        reason: impl Into<String>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::RemedySwitched, &[CaseStatus::Remedying])?;
        if self.switch_reason.is_some() {
            return Err(AfterSalesError::AlreadyRecorded {
                event: CaseEventKind::RemedySwitched,
            });
        }
        let reason = non_blank(reason.into(), "the reason for the other remedy")?;
        self.switch_reason = Some(reason);
        self.remedy = self.remedy.other();
        self.advance(at, CaseEventKind::RemedySwitched, State::Remedying);
        Ok(())
    }

    /// The shop refuses any remedy, both being impossible or disproportionate, for `reason`
    /// given in writing (L217-12 al. 2 and 4): the FAQ's "en cas d'indisponibilité du
    /// produit". The customer may then choose a price reduction or a termination (L217-14 1°).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] once the remedy was delivered or the case
    /// closed, [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::BlankText`] without a reason.
    pub fn refuse_conformity<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        reason: impl Into<String>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::ConformityRefused, &OWING_REMEDY)?;
        let reason = non_blank(reason.into(), "the reason for the refusal")?;
        self.refusal = Some(reason);
        self.advance(
            at,
            CaseEventKind::ConformityRefused,
            State::AwaitingChoice {
                ground: Ground::Refused,
            },
        );
        Ok(())
    }

    /// The repaired good, or its replacement, is delivered to the customer. The guarantee is
    /// extended from then on ([`AfterSalesCase::coverage`]). Delivered after the 30 days, the
    /// customer may still ask for a price reduction or a termination (L217-14 2°).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::Remedying`] (a repair
    /// before the diagnosis, say), [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::Calendar`] when the extended guarantee leaves the calendar's range.
    pub fn deliver_remedy<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::RemedyDelivered, &[CaseStatus::Remedying])?;
        let delivered_on = clock::paris_date(&at)?;
        let repaired = self.remedy == Remedy::Repair;
        let renewed = self.remedy == Remedy::Replacement && self.claim.remedy() == Remedy::Repair;
        let after = self.coverage().after_remedy(
            self.requested_on,
            delivered_on,
            repaired,
            renewed,
            &self.policy,
            calendar,
        )?;
        let late = !self.remedy_due.is_on_time(&at)?;
        self.coverage_after = Some(after);
        self.product_at_shop = false;
        self.advance(
            at,
            CaseEventKind::RemedyDelivered,
            State::Remedied {
                delivered_at: at,
                late,
            },
        );
        Ok(())
    }

    /// The customer reports that the defect persists after the remedy (L217-14 3°): a price
    /// reduction or a termination is now open.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::Remedied`],
    /// [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::OutsideGuarantee`] once the extended guarantee has ended.
    pub fn report_persisting_defect<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::DefectPersisted, &[CaseStatus::Remedied])?;
        let on = clock::paris_date(&at)?;
        let guarantee = self.coverage().guarantee();
        if on > guarantee.last_day() {
            return Err(AfterSalesError::OutsideGuarantee {
                appeared_on: on,
                guarantee_ends: guarantee.last_day(),
            });
        }
        self.advance(
            at,
            CaseEventKind::DefectPersisted,
            State::AwaitingChoice {
                ground: Ground::Failed,
            },
        );
        Ok(())
    }

    /// The shop acknowledges the defect is so serious that a price reduction or a termination
    /// is due at once, without a remedy first (L217-14 al. 2), for `reason`.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] once the remedy was delivered or the case
    /// closed, [`AfterSalesError::Contradiction`] when the defect was found minor,
    /// [`AfterSalesError::OutOfOrder`] before the last event, [`AfterSalesError::BlankText`]
    /// without a reason.
    pub fn acknowledge_serious_defect<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        reason: impl Into<String>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::SeriousDefect, &OWING_REMEDY)?;
        if self.minor.is_some() {
            return Err(AfterSalesError::Contradiction {
                event: CaseEventKind::SeriousDefect,
                earlier: CaseEventKind::MinorDefect,
            });
        }
        let reason = non_blank(reason.into(), "the reason the defect is serious")?;
        self.serious = Some(reason);
        self.advance(
            at,
            CaseEventKind::SeriousDefect,
            State::AwaitingChoice {
                ground: Ground::Serious,
            },
        );
        Ok(())
    }

    /// The shop shows the defect to be minor, for `reason`: the customer keeps every other
    /// option but the termination (L217-14 last al.: the shop bears that proof). The state
    /// does not change.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] once a reduction or a termination is decided or
    /// no defect was found, [`AfterSalesError::AlreadyRecorded`] a second time,
    /// [`AfterSalesError::Contradiction`] when the defect was acknowledged serious,
    /// [`AfterSalesError::OutOfOrder`] before the last event, [`AfterSalesError::BlankText`]
    /// without a reason.
    pub fn declare_minor_defect<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        reason: impl Into<String>,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::MinorDefect,
            &[
                CaseStatus::Reported,
                CaseStatus::AwaitingProduct,
                CaseStatus::UnderDiagnosis,
                CaseStatus::Remedying,
                CaseStatus::Remedied,
                CaseStatus::AwaitingChoice,
            ],
        )?;
        if self.minor.is_some() {
            return Err(AfterSalesError::AlreadyRecorded {
                event: CaseEventKind::MinorDefect,
            });
        }
        if self.serious.is_some() {
            return Err(AfterSalesError::Contradiction {
                event: CaseEventKind::MinorDefect,
                earlier: CaseEventKind::SeriousDefect,
            });
        }
        let reason = non_blank(reason.into(), "the reason the defect is minor")?;
        self.minor = Some(reason);
        let state = self.state.clone();
        self.advance(at, CaseEventKind::MinorDefect, state);
        Ok(())
    }

    /// The customer keeps the good with a price reduction of `amount` (L217-14, L217-15: in
    /// proportion to the loss of value, agreed between them), refunded within 14 days
    /// (L217-17).
    ///
    /// # Errors
    ///
    /// Nothing changes on an error:
    ///
    /// - [`AfterSalesError::OptionNotOpen`] when a price reduction is not among
    ///   [`AfterSalesCase::options`] at `at`;
    /// - [`AfterSalesError::OutOfOrder`] before the last event;
    /// - [`AfterSalesError::ReductionOutOfRange`] for an amount of zero or less, or above the
    ///   net paid for the units;
    /// - [`AfterSalesError::Calendar`] when the refund's deadline leaves the calendar's range.
    pub fn reduce_price<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        amount: Eur,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let at = self.not_before_last(&at.with_timezone(&Utc), CaseEventKind::PriceReduced)?;
        let open = self
            .options(&at)?
            .iter()
            .any(|o| matches!(o, CustomerOption::PriceReduction(_)));
        if !open {
            return Err(AfterSalesError::OptionNotOpen {
                option: "a price reduction",
                at,
            });
        }
        if !amount.is_positive() || amount > self.net_paid {
            return Err(AfterSalesError::ReductionOutOfRange {
                amount,
                net_paid: self.net_paid,
            });
        }
        let due = days_deadline(clock::paris_date(&at)?, self.policy.refund_within, calendar)?;
        self.reduction = Some(amount);
        self.advance(at, CaseEventKind::PriceReduced, State::PriceReduced { due });
        Ok(())
    }

    /// The customer terminates the sale of the good (L217-14, L217-16): it goes back at the
    /// shop's cost and its net paid amount is refunded, recorded in `ledger` as the
    /// cancellation of its units (REF-4's amount, no offer clawed back; the FAQ's
    /// "intégralement remboursé"). The refund is due 14 days after the good is back or its
    /// dispatch proved (L217-17), or after the termination when the shop already has it.
    ///
    /// Returns the ledger's refund.
    ///
    /// # Errors
    ///
    /// Nothing changes, in the case or the ledger, on an error:
    ///
    /// - [`AfterSalesError::OptionNotOpen`] when a termination is not among
    ///   [`AfterSalesCase::options`] at `at`;
    /// - [`AfterSalesError::MinorDefect`] when the shop showed the defect minor;
    /// - [`AfterSalesError::OutOfOrder`] before the last event;
    /// - [`AfterSalesError::Refund`] when the ledger refuses the cancellation (another
    ///   order's ledger, units no longer kept);
    /// - [`AfterSalesError::Calendar`] when the refund's deadline leaves the calendar's range.
    pub fn terminate<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        order: &Order,
        ledger: &mut RefundLedger,
        calendar: &Calendar,
    ) -> Result<&Refund, AfterSalesError> {
        let at = self.not_before_last(&at.with_timezone(&Utc), CaseEventKind::Terminated)?;
        if let Some(reason) = &self.minor {
            return Err(AfterSalesError::MinorDefect {
                reason: reason.clone(),
            });
        }
        let open = self
            .options(&at)?
            .iter()
            .any(|o| matches!(o, CustomerOption::Termination(_)));
        if !open {
            return Err(AfterSalesError::OptionNotOpen {
                option: "a termination",
                at,
            });
        }
        let due = if self.product_at_shop {
            Some(days_deadline(
                clock::paris_date(&at)?,
                self.policy.refund_within,
                calendar,
            )?)
        } else {
            None
        };
        // Last fallible step: once the ledger has recorded the refund, nothing may fail.
        let refund = ledger.record(order, cancellation(&self.claim)?)?;
        self.advance(at, CaseEventKind::Terminated, State::Terminated { due });
        Ok(self.refund.insert(refund))
    }

    /// The terminated good is back at the shop: the refund's 14 days start, unless a proof of
    /// its dispatch started them earlier.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless terminated with the good still away,
    /// [`AfterSalesError::OutOfOrder`] before the last event, [`AfterSalesError::Calendar`]
    /// when the deadline leaves the calendar's range.
    pub fn receive_returned_goods<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(at, CaseEventKind::GoodsReturned, &[CaseStatus::Terminated])?;
        let State::Terminated { due } = self.state else {
            return Err(self.illegal(CaseEventKind::GoodsReturned));
        };
        if self.product_at_shop {
            return Err(self.illegal(CaseEventKind::GoodsReturned));
        }
        let due = match due {
            Some(d) => d,
            None => days_deadline(clock::paris_date(&at)?, self.policy.refund_within, calendar)?,
        };
        self.product_at_shop = true;
        self.advance(
            at,
            CaseEventKind::GoodsReturned,
            State::Terminated { due: Some(due) },
        );
        Ok(())
    }

    /// The customer proves the terminated good was sent back: the refund's 14 days start
    /// (L217-17).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless terminated with the refund's deadline not
    /// started, [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::Calendar`] when the deadline leaves the calendar's range.
    pub fn prove_return_dispatch<Tz: TimeZone>(
        &mut self,
        at: &DateTime<Tz>,
        calendar: &Calendar,
    ) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::ReturnDispatched,
            &[CaseStatus::Terminated],
        )?;
        if !matches!(self.state, State::Terminated { due: None }) {
            return Err(self.illegal(CaseEventKind::ReturnDispatched));
        }
        let due = days_deadline(clock::paris_date(&at)?, self.policy.refund_within, calendar)?;
        self.advance(
            at,
            CaseEventKind::ReturnDispatched,
            State::Terminated { due: Some(due) },
        );
        Ok(())
    }

    /// The shop paid the price reduction or the termination's refund. Its lateness, if any,
    /// is kept ([`AfterSalesCase::refund_days_late`]); the Code de la consommation attaches no
    /// fixed increase to this refund (legal interest runs from a formal notice, C. civ.
    /// 1231-6, which the caller computes).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::IllegalTransition`] unless [`CaseStatus::PriceReduced`] or
    /// [`CaseStatus::Terminated`], [`AfterSalesError::OutOfOrder`] before the last event,
    /// [`AfterSalesError::Calendar`] when `at` cannot be read on the Paris clock.
    pub fn pay_refund<Tz: TimeZone>(&mut self, at: &DateTime<Tz>) -> Result<(), AfterSalesError> {
        let at = self.check(
            at,
            CaseEventKind::RefundPaid,
            &[CaseStatus::PriceReduced, CaseStatus::Terminated],
        )?;
        let due = match self.state {
            State::PriceReduced { due, .. } => Some(due),
            State::Terminated { due } => due,
            _ => None,
        };
        let days_late = match due {
            Some(due) => {
                let paid_on = clock::paris_date(&at)?;
                if paid_on > due.last_day() {
                    CalendarDays::between(due.last_day(), paid_on)?
                } else {
                    CalendarDays::ZERO
                }
            }
            None => CalendarDays::ZERO,
        };
        self.advance(
            at,
            CaseEventKind::RefundPaid,
            State::Refunded {
                paid_at: at,
                days_late,
            },
        );
        Ok(())
    }

    /// Where the case stands.
    pub fn status(&self) -> CaseStatus {
        self.state.status()
    }

    /// The customer's request.
    pub fn claim(&self) -> &Claim {
        &self.claim
    }

    /// The policy the case runs under.
    pub fn policy(&self) -> &GuaranteePolicy {
        &self.policy
    }

    /// The guarantee now: as at the opening, or extended once the remedy was delivered
    /// (L217-13, L217-28). A later claim on the same good opens on it.
    pub fn coverage(&self) -> &Coverage {
        self.coverage_after.as_ref().unwrap_or(&self.coverage)
    }

    /// The day the defect appeared.
    pub fn appeared_on(&self) -> NaiveDate {
        self.appeared_on
    }

    /// Who must prove the defect existed at delivery (L217-7).
    pub fn burden(&self) -> Burden {
        self.burden
    }

    /// The remedy's deadline: the policy's days (30 at most, L217-10) after the request.
    pub fn remedy_due(&self) -> Deadline {
        self.remedy_due
    }

    /// The remedy under way: the customer's choice, or the other after a switch.
    pub fn remedy(&self) -> Remedy {
        self.remedy
    }

    /// The net paid for the claimed units: what a termination refunds, the most a price
    /// reduction may be.
    pub fn net_paid(&self) -> Eur {
        self.net_paid
    }

    /// What runs against the shop now. Every state has one: the remedy's deadline while the
    /// repair or replacement is owed, the refund's once a reduction or a termination is
    /// decided, the customer's choice, or closed.
    pub fn deadline(&self) -> CaseDeadline {
        match &self.state {
            State::Reported | State::AwaitingProduct | State::UnderDiagnosis | State::Remedying => {
                CaseDeadline::Remedy(self.remedy_due)
            }
            State::PriceReduced { due, .. } => CaseDeadline::Refund(*due),
            State::Terminated { due: Some(due) } => CaseDeadline::Refund(*due),
            State::Terminated { due: None } => CaseDeadline::RefundOnceGoodsBack,
            State::AwaitingChoice { .. } => CaseDeadline::CustomerChoice,
            State::Remedied { .. } | State::NoDefectFound { .. } | State::Refunded { .. } => {
                CaseDeadline::Closed
            }
        }
    }

    /// What the customer may do at `at`:
    ///
    /// - while the remedy is owed: wait for it; once its deadline has passed, also a price
    ///   reduction or a termination (L217-14 2°);
    /// - after a remedy: claim again while the guarantee runs, and, when it came after the
    ///   deadline, still a reduction or a termination (L217-14 2°: "intervient après un délai
    ///   de trente jours");
    /// - after a refusal, a failed remedy or for a serious defect: a price reduction or a
    ///   termination (L217-14);
    /// - after a reduction or a termination: wait for the refund;
    ///
    /// never a termination for a defect shown to be minor.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::OutOfOrder`] for an instant before the case's last event,
    /// [`AfterSalesError::Calendar`] when `at` cannot be read on the Paris clock.
    pub fn options<Tz: TimeZone>(
        &self,
        at: &DateTime<Tz>,
    ) -> Result<Vec<CustomerOption>, AfterSalesError> {
        let at = at.with_timezone(&Utc);
        if let Some(last) = self.events.last()
            && at < last.at
        {
            return Err(AfterSalesError::OutOfOrder {
                event: "the question",
                at,
                earlier: last.kind,
                earlier_at: last.at,
            });
        }
        let mut options = Vec::new();
        let mut ground = None;
        match &self.state {
            State::Reported | State::AwaitingProduct | State::UnderDiagnosis | State::Remedying => {
                options.push(CustomerOption::AwaitRemedy(self.remedy_due));
                if !self.remedy_due.is_on_time(&at)? {
                    ground = Some(Ground::Late);
                }
            }
            State::Remedied { late, .. } => {
                let until = self.coverage().guarantee();
                if until.is_on_time(&at)? {
                    options.push(CustomerOption::ClaimAgain(until));
                }
                if *late {
                    ground = Some(Ground::Late);
                }
            }
            State::NoDefectFound { .. } => {
                let until = self.coverage().guarantee();
                if until.is_on_time(&at)? {
                    options.push(CustomerOption::ClaimAgain(until));
                }
            }
            State::AwaitingChoice { ground: g } => ground = Some(*g),
            State::PriceReduced { due, .. } => {
                options.push(CustomerOption::AwaitRefund(Some(*due)))
            }
            State::Terminated { due } => options.push(CustomerOption::AwaitRefund(*due)),
            State::Refunded { .. } => {}
        }
        if let Some(ground) = ground {
            options.push(CustomerOption::PriceReduction(ground));
            if self.minor.is_none() {
                options.push(CustomerOption::Termination(ground));
            }
        }
        Ok(options)
    }

    /// The case's history, oldest first; the first entry is the request.
    pub fn events(&self) -> &[CaseEvent] {
        &self.events
    }

    /// The FAQ's pre-diagnosis, when one was made.
    pub fn prediagnosis(&self) -> Option<&str> {
        self.prediagnosis.as_deref()
    }

    /// Why the shop did the other remedy, when it did (L217-12).
    pub fn switch_reason(&self) -> Option<&str> {
        self.switch_reason.as_deref()
    }

    /// Why the shop refused any remedy, when it did (L217-12).
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    /// The finding of no defect, when that is how the case closed.
    pub fn finding(&self) -> Option<&Finding> {
        match &self.state {
            State::NoDefectFound { finding } => Some(finding),
            _ => None,
        }
    }

    /// Why the defect is minor, when the shop showed it (L217-14).
    pub fn minor_defect(&self) -> Option<&str> {
        self.minor.as_deref()
    }

    /// The price reduction decided, if any.
    pub fn price_reduction(&self) -> Option<Eur> {
        self.reduction
    }

    /// The termination's refund, as the ledger recorded it.
    pub fn refund(&self) -> Option<&Refund> {
        self.refund.as_ref()
    }

    /// The postage the customer paid and its refund (L241-6), when the customer paid it.
    pub fn postage_refund(&self) -> Option<PostageRefund> {
        self.postage
    }

    /// The days the refund was paid late (zero when on time); `None` until it is paid.
    pub fn refund_days_late(&self) -> Option<CalendarDays> {
        match self.state {
            State::Refunded { days_late, .. } => Some(days_late),
            _ => None,
        }
    }

    /// True while the after-sales service holds the good.
    pub fn has_product(&self) -> bool {
        self.product_at_shop
    }

    /// Where the case stands and what comes next, in French, for the customer.
    pub fn message_fr(&self) -> String {
        let date = |d: Deadline| d.last_day().format("%d/%m/%Y").to_string();
        match &self.state {
            State::Reported => format!(
                "Votre demande de {} est enregistrée. Notre équipe établit avec vous un \
                 pré-diagnostic ; vous pouvez aussi nous envoyer le produit directement. {} au \
                 plus tard le {}, sans frais pour vous.",
                self.claim.remedy().label_fr(),
                self.remedy.due_fr(),
                date(self.remedy_due)
            ),
            State::AwaitingProduct => format!(
                "Pré-diagnostic établi. Envoyez-nous le produit ; les frais d'envoi sont à notre \
                 charge. {} au plus tard le {}.",
                self.remedy.due_fr(),
                date(self.remedy_due)
            ),
            State::UnderDiagnosis => format!(
                "Nous avons reçu votre produit et le testons. {} au plus tard le {}.",
                self.remedy.due_fr(),
                date(self.remedy_due)
            ),
            State::Remedying => format!(
                "Le défaut est confirmé : {} en cours, au plus tard le {}.",
                match self.remedy {
                    Remedy::Repair => "réparation",
                    Remedy::Replacement => "envoi d'un nouveau modèle",
                },
                date(self.remedy_due)
            ),
            State::Remedied { .. } => format!(
                "Votre produit a été {}. La garantie légale de conformité court désormais \
                 jusqu'au {}.",
                match self.remedy {
                    Remedy::Repair => "réparé",
                    Remedy::Replacement => "remplacé",
                },
                date(self.coverage().guarantee())
            ),
            State::NoDefectFound { finding } => {
                let proof = match self.burden {
                    Burden::Seller => {
                        " Le défaut étant apparu dans la période où il est présumé exister dès \
                         la livraison, ce rapport est notre preuve ; vous pouvez le contester."
                    }
                    Burden::Customer => "",
                };
                format!(
                    "{} Votre produit vous est renvoyé en l'état, à nos frais. Rapport : {}.{}",
                    match finding.kind() {
                        FindingKind::NoDefect =>
                            "Nos tests n'ont révélé aucun défaut de conformité.",
                        FindingKind::CausedAfterDelivery => {
                            "Nos tests montrent un dommage survenu après la livraison."
                        }
                    },
                    finding.report(),
                    proof
                )
            }
            State::AwaitingChoice { ground } => format!(
                "Comme {}, vous pouvez conserver le produit avec une réduction de son prix{}.",
                ground.label_fr(),
                if self.minor.is_none() {
                    ", ou nous le rendre à nos frais et être intégralement remboursé"
                } else {
                    ""
                }
            ),
            State::PriceReduced { due } => format!(
                "Une réduction de {} vous est accordée ; elle vous sera remboursée au plus tard le \
                 {}.",
                self.reduction.unwrap_or(Eur::ZERO).french(),
                date(*due)
            ),
            State::Terminated { due } => format!(
                "La vente du produit est résolue : {} vous seront remboursés {}.",
                self.refund
                    .as_ref()
                    .map_or(self.net_paid, Refund::amount)
                    .french(),
                match due {
                    Some(due) => format!("au plus tard le {}", date(*due)),
                    None => "au plus tard 14 jours après le retour du produit, à nos frais, ou la \
                             preuve de son envoi"
                        .into(),
                }
            ),
            State::Refunded { .. } => "Vous avez été remboursé : votre dossier est clos.".into(),
        }
    }

    /// `at` in UTC, if the state is one of `allowed` and `at` is not before the last event.
    fn check<Tz: TimeZone>(
        &self,
        at: &DateTime<Tz>,
        event: CaseEventKind,
        allowed: &[CaseStatus],
    ) -> Result<DateTime<Utc>, AfterSalesError> {
        if !allowed.contains(&self.status()) {
            return Err(self.illegal(event));
        }
        self.not_before_last(&at.with_timezone(&Utc), event)
    }

    fn not_before_last(
        &self,
        at: &DateTime<Utc>,
        event: CaseEventKind,
    ) -> Result<DateTime<Utc>, AfterSalesError> {
        match self.events.last() {
            Some(last) if *at < last.at => Err(AfterSalesError::OutOfOrder {
                event: event.as_str(),
                at: *at,
                earlier: last.kind,
                earlier_at: last.at,
            }),
            _ => Ok(*at),
        }
    }

    fn illegal(&self, event: CaseEventKind) -> AfterSalesError {
        AfterSalesError::IllegalTransition {
            status: self.status(),
            event,
        }
    }

    /// Records `event` at `at` and moves to `state`: called only once every check passed.
    fn advance(&mut self, at: DateTime<Utc>, event: CaseEventKind, state: State) {
        self.events.push(CaseEvent { at, kind: event });
        self.state = state;
    }
}

/// The states in which the repair or replacement is still owed.
const OWING_REMEDY: [CaseStatus; 4] = [
    CaseStatus::Reported,
    CaseStatus::AwaitingProduct,
    CaseStatus::UnderDiagnosis,
    CaseStatus::Remedying,
];

/// The claimed units as a cancellation of the ledger: a termination refunds what a
/// cancellation for unavailability does, the units' net paid amount (REF-4).
fn cancellation(claim: &Claim) -> Result<Cancellation, AfterSalesError> {
    Ok(Cancellation::new([CancelledLine::new(
        claim.line().clone(),
        claim.units(),
    )])?)
}
