//! The online withdrawal function (RET-1, RET-2; C. conso L221-21 as amended by ordonnance
//! n° 2026-2, D221-5), for contracts concluded through a website from 19 June 2026.
//!
//! The shop offers, free of charge and for the whole withdrawal period, a function labelled
//! « renoncer au contrat ici » ([`WITHDRAW_LABEL_FR`]). Through it the customer makes a
//! statement holding his name, what identifies the contract (the order and the items) and
//! the electronic address the acknowledgement goes to, and nothing more
//! ([`WithdrawalStatement`]); then confirms it with a separate function, « confirmer la
//! rétractation » ([`CONFIRM_LABEL_FR`]). The withdrawal is exercised when the confirmed
//! statement is sent: its instant is the notice instant ([`ConfirmedWithdrawal::notice_at`])
//! that the withdrawal windows ([`NoticeTimeliness`]) and the refund ceiling count from. The
//! shop then sends without undue delay an acknowledgement on a durable medium with the
//! content of the statement and the date and time of its submission
//! ([`Acknowledgement`]).
//!
//! The types enforce the order of the steps: a statement is made for an order and its own
//! items only, confirmation consumes it, and only a confirmed statement has an
//! acknowledgement or a notice instant. [`OnlineWithdrawal`] is the stored form of a
//! statement on its way, whose transitions are checked at run time.
//!
//! The FAQ's « Télécharger le formulaire de rétractation » stays possible, never required
//! ([`OnlineWithdrawalPolicy`] refuses a policy that would ask for a form, a reason or a
//! signature); [`how_to_withdraw_fr`] points to the online function first.

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_calendar::clock;
use comptoir_calendar::french::month_fr;
use comptoir_calendar::law::{ContractDay, LawChange};
use comptoir_cart::Order;
use comptoir_promo::{LineId, Quantity};

use crate::{OrderNumber, WithdrawalError, WithdrawalWindows};

/// The label of the function that opens the statement (L221-21: « renoncer au contrat ici »
/// or an equally unambiguous wording), for a front end.
pub const WITHDRAW_LABEL_FR: &str = "renoncer au contrat ici";

/// The label of the separate confirmation (D221-5: « confirmer la rétractation » or an
/// equally unambiguous wording).
pub const CONFIRM_LABEL_FR: &str = "confirmer la rétractation";

const L221_21: &str = "C. conso L221-21";

/// Until when the shop shows the function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ShownUntil {
    /// Until the shop's window ends (the FAQ's 30 days): the default, since the customer may
    /// withdraw through it as long as the shop lets him.
    #[default]
    ShopWindow,
    /// Until the law's window ends (14 days): the least the law allows.
    LawWindow,
}

/// How the shop runs its online withdrawal function.
///
/// The law allows the statement to ask for the name, the order and the items, and the
/// electronic address, and nothing more: [`OnlineWithdrawalPolicy::validate`] refuses a
/// policy that asks for a reason (L221-18: "sans avoir à motiver sa décision"), a signature
/// or a filled-in form (L221-21), naming the field and the article. Deserialising checks the
/// same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        try_from = "OnlineWithdrawalPolicyData",
        into = "OnlineWithdrawalPolicyData"
    )
)]
pub struct OnlineWithdrawalPolicy {
    /// Until when the function is shown.
    pub shown_until: ShownUntil,
    /// The statement asks why the customer withdraws: never lawful.
    pub asks_reason: bool,
    /// The statement asks for a signature: never lawful.
    pub asks_signature: bool,
    /// The customer must also send the form: never lawful (the form stays optional).
    pub requires_form: bool,
}

impl OnlineWithdrawalPolicy {
    /// Checks the statement asks for nothing the law forbids.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::UnlawfulPolicy`] naming `online.asks_reason` (L221-18),
    /// `online.asks_signature` or `online.requires_form` (L221-21).
    pub fn validate(&self) -> Result<(), WithdrawalError> {
        if self.asks_reason {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "online.asks_reason",
                article: "C. conso L221-18",
                requirement: "the customer withdraws without giving a reason",
            });
        }
        if self.asks_signature {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "online.asks_signature",
                article: L221_21,
                requirement: "the online statement holds the name, the contract and the \
                              electronic address, and nothing more",
            });
        }
        if self.requires_form {
            return Err(WithdrawalError::UnlawfulPolicy {
                field: "online.requires_form",
                article: L221_21,
                requirement: "any unambiguous statement is a withdrawal; the form is optional",
            });
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct OnlineWithdrawalPolicyData {
    shown_until: ShownUntil,
    asks_reason: bool,
    asks_signature: bool,
    requires_form: bool,
}

#[cfg(feature = "serde")]
impl Default for OnlineWithdrawalPolicyData {
    fn default() -> Self {
        OnlineWithdrawalPolicy::default().into()
    }
}

#[cfg(feature = "serde")]
impl TryFrom<OnlineWithdrawalPolicyData> for OnlineWithdrawalPolicy {
    type Error = WithdrawalError;

    fn try_from(d: OnlineWithdrawalPolicyData) -> Result<OnlineWithdrawalPolicy, WithdrawalError> {
        let policy = OnlineWithdrawalPolicy {
            shown_until: d.shown_until,
            asks_reason: d.asks_reason,
            asks_signature: d.asks_signature,
            requires_form: d.requires_form,
        };
        policy.validate()?;
        Ok(policy)
    }
}

#[cfg(feature = "serde")]
impl From<OnlineWithdrawalPolicy> for OnlineWithdrawalPolicyData {
    fn from(p: OnlineWithdrawalPolicy) -> OnlineWithdrawalPolicyData {
        OnlineWithdrawalPolicyData {
            shown_until: p.shown_until,
            asks_reason: p.asks_reason,
            asks_signature: p.asks_signature,
            requires_form: p.requires_form,
        }
    }
}

/// Whether the shop must show the function for an order at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FunctionDue {
    /// The law requires it (a contract from 19 June 2026) and the period is open.
    Required,
    /// The period is open but the contract predates the duty (before 19 June 2026): the shop
    /// may offer the function, it need not.
    Offered,
    /// The withdrawal period has ended.
    Closed,
}

impl FunctionDue {
    /// Whether the function for the order validated at `validated_at` must be shown at `at`:
    /// from the validation until the end of the withdrawal period, the shop's window by
    /// default and the law's at the least (`policy`); while the parcels are on their way
    /// (`windows` is `None`) the period has not even started.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::NoticeBeforeValidation`] for an instant before the validation, and
    /// [`WithdrawalError::Calendar`] for an instant the Paris clock cannot read.
    pub fn compute<Z: TimeZone, Y: TimeZone>(
        validated_at: &DateTime<Z>,
        at: &DateTime<Y>,
        windows: Option<&WithdrawalWindows>,
        policy: &OnlineWithdrawalPolicy,
    ) -> Result<FunctionDue, WithdrawalError> {
        let validated = validated_at.with_timezone(&Utc);
        let at_utc = at.with_timezone(&Utc);
        if at_utc < validated {
            return Err(WithdrawalError::NoticeBeforeValidation {
                notice: at_utc,
                validated,
            });
        }
        let open = match windows {
            None => true,
            Some(w) => match policy.shown_until {
                ShownUntil::ShopWindow => w.contractual().is_on_time(at)?,
                ShownUntil::LawWindow => w.statutory().is_on_time(at)?,
            },
        };
        if !open {
            return Ok(FunctionDue::Closed);
        }
        if ContractDay::of(validated_at)?.is_under(LawChange::OnlineWithdrawalFunction) {
            Ok(FunctionDue::Required)
        } else {
            Ok(FunctionDue::Offered)
        }
    }

    /// True when the function is shown (required or offered).
    pub fn is_shown(self) -> bool {
        self != FunctionDue::Closed
    }
}

/// The items a statement withdraws: lines of the order and the units of each.
pub type WithdrawnItems = Vec<(LineId, Quantity)>;

/// A customer's statement of withdrawal made through the online function, not yet confirmed:
/// the customer's name, the order and its items withdrawn, the electronic address for the
/// acknowledgement, and when it was made. Nothing more: no reason, no signature.
///
/// Made only for its order: [`WithdrawalStatement::for_order`] checks the order number and
/// that every item is a line of the order, with no more units than ordered.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "StatementData", into = "StatementData")
)]
pub struct WithdrawalStatement {
    customer_name: String,
    order: OrderNumber,
    items: WithdrawnItems,
    email: String,
    stated_at: DateTime<Utc>,
}

impl WithdrawalStatement {
    /// The statement of `customer_name` withdrawing `items` of the order the customer names
    /// `stated_number`, for the shop's `order` validated under `number`, the acknowledgement to
    /// go to `email`, made at `stated_at`.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::InvalidStatement`] for a blank name, an address that is no e-mail
    /// address, no item, an item named twice or with no unit, an item not in the order or
    /// with more units than ordered; [`WithdrawalError::StatementForAnotherOrder`] when the
    /// number is not the order's; [`WithdrawalError::NoticeBeforeValidation`] for a
    /// statement before the order.
    pub fn for_order<Z: TimeZone>(
        number: &OrderNumber,
        order: &Order,
        stated_number: &OrderNumber,
        customer_name: &str,
        items: WithdrawnItems,
        email: &str,
        stated_at: &DateTime<Z>,
    ) -> Result<WithdrawalStatement, WithdrawalError> {
        if stated_number != number {
            return Err(WithdrawalError::StatementForAnotherOrder {
                stated: stated_number.as_str().to_owned(),
                order: number.as_str().to_owned(),
            });
        }
        let stated_at = stated_at.with_timezone(&Utc);
        if stated_at < order.validated_at() {
            return Err(WithdrawalError::NoticeBeforeValidation {
                notice: stated_at,
                validated: order.validated_at(),
            });
        }
        let statement = WithdrawalStatement::checked(
            customer_name.trim().to_owned(),
            number.clone(),
            items,
            email.trim().to_owned(),
            stated_at,
        )?;
        for (line, quantity) in &statement.items {
            let ordered = order
                .lines()
                .iter()
                .find(|l| l.id() == line)
                .map(|l| l.quantity())
                .ok_or_else(|| WithdrawalError::InvalidStatement {
                    reason: format!("line {line} is not in the order"),
                })?;
            if *quantity > ordered {
                return Err(WithdrawalError::InvalidStatement {
                    reason: format!("line {line}: {quantity} units withdrawn, {ordered} ordered"),
                });
            }
        }
        Ok(statement)
    }

    /// The checks a statement passes whatever the order: what [`WithdrawalStatement::for_order`]
    /// and deserialising share.
    fn checked(
        customer_name: String,
        order: OrderNumber,
        items: WithdrawnItems,
        email: String,
        stated_at: DateTime<Utc>,
    ) -> Result<WithdrawalStatement, WithdrawalError> {
        let bad = |reason: &str| {
            Err(WithdrawalError::InvalidStatement {
                reason: reason.to_owned(),
            })
        };
        if customer_name.trim().is_empty() {
            return bad("the statement gives no name");
        }
        // As `for_order` makes them: the name and the address trimmed.
        if customer_name.trim() != customer_name || email.trim() != email {
            return bad("the statement's name and address are stored trimmed");
        }
        // The address the acknowledgement goes to: something@somewhere, nothing blank.
        let valid_email = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.ends_with('.')
        }) && !email.contains(char::is_whitespace);
        if !valid_email {
            return bad("the statement gives no e-mail address for the acknowledgement");
        }
        if items.is_empty() {
            return bad("the statement names no item");
        }
        for (i, (line, quantity)) in items.iter().enumerate() {
            if quantity.get() == 0 {
                return Err(WithdrawalError::InvalidStatement {
                    reason: format!("line {line} is withdrawn with no unit"),
                });
            }
            if items.iter().take(i).any(|(other, _)| other == line) {
                return Err(WithdrawalError::InvalidStatement {
                    reason: format!("line {line} is named twice"),
                });
            }
        }
        Ok(WithdrawalStatement {
            customer_name,
            order,
            items,
            email,
            stated_at,
        })
    }

    /// The customer's name as given.
    pub fn customer_name(&self) -> &str {
        &self.customer_name
    }

    /// The order's number.
    pub fn order(&self) -> &OrderNumber {
        &self.order
    }

    /// The items withdrawn, as given.
    pub fn items(&self) -> &[(LineId, Quantity)] {
        &self.items
    }

    /// The electronic address for the acknowledgement.
    pub fn email(&self) -> &str {
        &self.email
    }

    /// When the statement was made (not yet a notice: it needs its confirmation).
    pub fn stated_at(&self) -> DateTime<Utc> {
        self.stated_at
    }

    /// The separate confirmation, at `confirmed_at`: the statement becomes the withdrawal,
    /// submitted then.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::ConfirmationBeforeStatement`] for an instant before the statement.
    pub fn confirm<Z: TimeZone>(
        self,
        confirmed_at: &DateTime<Z>,
    ) -> Result<ConfirmedWithdrawal, WithdrawalError> {
        let submitted_at = confirmed_at.with_timezone(&Utc);
        if submitted_at < self.stated_at {
            return Err(WithdrawalError::ConfirmationBeforeStatement {
                confirmed: submitted_at,
                stated: self.stated_at,
            });
        }
        Ok(ConfirmedWithdrawal {
            statement: self,
            submitted_at,
        })
    }
}

/// A statement as stored, checked as [`WithdrawalStatement::for_order`] checks it (all but the
/// order itself, which is not stored with it).
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementData {
    customer_name: String,
    order: OrderNumber,
    items: WithdrawnItems,
    email: String,
    stated_at: DateTime<Utc>,
}

#[cfg(feature = "serde")]
impl TryFrom<StatementData> for WithdrawalStatement {
    type Error = WithdrawalError;

    fn try_from(d: StatementData) -> Result<WithdrawalStatement, WithdrawalError> {
        WithdrawalStatement::checked(d.customer_name, d.order, d.items, d.email, d.stated_at)
    }
}

#[cfg(feature = "serde")]
impl From<WithdrawalStatement> for StatementData {
    fn from(s: WithdrawalStatement) -> StatementData {
        StatementData {
            customer_name: s.customer_name,
            order: s.order,
            items: s.items,
            email: s.email,
            stated_at: s.stated_at,
        }
    }
}

/// A withdrawal made through the online function: its statement, confirmed and submitted.
/// Only this state has a notice instant and an acknowledgement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ConfirmedData", into = "ConfirmedData")
)]
pub struct ConfirmedWithdrawal {
    statement: WithdrawalStatement,
    submitted_at: DateTime<Utc>,
}

impl ConfirmedWithdrawal {
    /// The statement confirmed.
    pub fn statement(&self) -> &WithdrawalStatement {
        &self.statement
    }

    /// When the confirmed statement was submitted: the notice instant the withdrawal windows
    /// and the refund ceiling count from (L221-21, REF-2).
    pub fn notice_at(&self) -> DateTime<Utc> {
        self.submitted_at
    }

    /// Where the notice falls against the order's windows ([`WithdrawalWindows::notice`]).
    ///
    /// # Errors
    ///
    /// As [`WithdrawalWindows::notice`].
    pub fn timeliness(
        &self,
        windows: &WithdrawalWindows,
    ) -> Result<crate::NoticeTimeliness, WithdrawalError> {
        windows.notice(&self.submitted_at)
    }

    /// The acknowledgement the shop sends on a durable medium.
    pub fn acknowledgement(&self) -> Acknowledgement<'_> {
        Acknowledgement { withdrawal: self }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfirmedData {
    statement: WithdrawalStatement,
    submitted_at: DateTime<Utc>,
}

#[cfg(feature = "serde")]
impl TryFrom<ConfirmedData> for ConfirmedWithdrawal {
    type Error = WithdrawalError;

    fn try_from(d: ConfirmedData) -> Result<ConfirmedWithdrawal, WithdrawalError> {
        // The statement was read through its own checks.
        d.statement.confirm(&d.submitted_at)
    }
}

#[cfg(feature = "serde")]
impl From<ConfirmedWithdrawal> for ConfirmedData {
    fn from(c: ConfirmedWithdrawal) -> ConfirmedData {
        ConfirmedData {
            statement: c.statement,
            submitted_at: c.submitted_at,
        }
    }
}

/// The acknowledgement of a withdrawal made online (D221-5): the content of the statement and
/// the date and time of its submission on the Paris clock, as data and as a French text
/// ready to send on a durable medium (an e-mail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acknowledgement<'a> {
    withdrawal: &'a ConfirmedWithdrawal,
}

impl Acknowledgement<'_> {
    /// The address it goes to.
    pub fn to(&self) -> &str {
        self.withdrawal.statement.email()
    }

    /// The submission's date and time on the Paris clock, in French: « 22 mars 2026 à 14 h 05
    /// min 09 s (heure de Paris, UTC+01:00) ».
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::Calendar`] for an instant the Paris clock cannot read.
    pub fn submitted_at_fr(&self) -> Result<String, WithdrawalError> {
        let utc = self.withdrawal.submitted_at;
        let at = clock::to_paris(&utc)?;
        // The offset Paris had then: +01:00 in winter, +02:00 in summer.
        let offset_minutes = at.signed_duration_since(utc.naive_utc()).num_minutes();
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let offset = format!(
            "{sign}{:02}:{:02}",
            offset_minutes.unsigned_abs() / 60,
            offset_minutes.unsigned_abs() % 60
        );
        // A date's month is always one of the twelve.
        let month = month_fr(chrono::Datelike::month(&at)).unwrap_or("");
        Ok(format!(
            "{} {} {} à {} h {:02} min {:02} s (heure de Paris, UTC{offset})",
            chrono::Datelike::day(&at),
            month,
            chrono::Datelike::year(&at),
            chrono::Timelike::hour(&at),
            chrono::Timelike::minute(&at),
            chrono::Timelike::second(&at),
        ))
    }

    /// The text of the acknowledgement, in French.
    ///
    /// # Errors
    ///
    /// As [`Acknowledgement::submitted_at_fr`].
    pub fn text_fr(&self) -> Result<String, WithdrawalError> {
        let s = &self.withdrawal.statement;
        let items: Vec<String> = s
            .items()
            .iter()
            .map(|(line, quantity)| format!("  - article {line}, quantité {quantity}"))
            .collect();
        Ok(format!(
            "Accusé de réception de votre rétractation\n\n\
             Nous avons bien reçu, le {}, votre déclaration de rétractation :\n\
             - nom : {}\n\
             - commande : {}\n\
             - articles :\n{}\n\
             - adresse électronique pour cet accusé de réception : {}\n\n\
             Votre rétractation est enregistrée à cette date et à cette heure.",
            self.submitted_at_fr()?,
            s.customer_name(),
            s.order().as_str(),
            items.join("\n"),
            s.email(),
        ))
    }
}

/// A statement made through the online function, as stored between its two steps.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OnlineWithdrawal {
    /// Stated, awaiting its confirmation.
    Stated(WithdrawalStatement),
    /// Confirmed and submitted.
    Confirmed(ConfirmedWithdrawal),
}

impl OnlineWithdrawal {
    /// Confirms the statement at `confirmed_at`.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::AlreadyConfirmed`] when it was confirmed before (nothing changes),
    /// and as [`WithdrawalStatement::confirm`].
    pub fn confirm<Z: TimeZone>(
        &mut self,
        confirmed_at: &DateTime<Z>,
    ) -> Result<&ConfirmedWithdrawal, WithdrawalError> {
        match self {
            OnlineWithdrawal::Confirmed(c) => Err(WithdrawalError::AlreadyConfirmed {
                submitted: c.notice_at(),
            }),
            OnlineWithdrawal::Stated(statement) => {
                let confirmed = statement.clone().confirm(confirmed_at)?;
                *self = OnlineWithdrawal::Confirmed(confirmed);
                match self {
                    OnlineWithdrawal::Confirmed(c) => Ok(c),
                    OnlineWithdrawal::Stated(_) => Err(WithdrawalError::NotConfirmed),
                }
            }
        }
    }

    /// The confirmed withdrawal, if confirmed.
    pub fn confirmed(&self) -> Option<&ConfirmedWithdrawal> {
        match self {
            OnlineWithdrawal::Confirmed(c) => Some(c),
            OnlineWithdrawal::Stated(_) => None,
        }
    }

    /// The notice instant: the confirmed submission's.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::NotConfirmed`] for a statement not yet confirmed: it is no notice.
    pub fn notice_at(&self) -> Result<DateTime<Utc>, WithdrawalError> {
        self.confirmed()
            .map(ConfirmedWithdrawal::notice_at)
            .ok_or(WithdrawalError::NotConfirmed)
    }
}

/// The sentence of the information notice (R221-3 and its model annex) that tells the
/// customer where the online function is, for the shop's terms: `location` says where
/// (« dans votre espace client, rubrique Mes commandes »). The wording is this project's,
/// carrying what the model notice says: the function exists, its label, where it is.
pub fn model_notice_sentence_fr(location: &str) -> String {
    format!(
        "Vous pouvez exercer votre droit de rétractation en ligne, gratuitement, au moyen de la \
         fonction « {WITHDRAW_LABEL_FR} » accessible {location}, puis en confirmant votre \
         déclaration par la fonction « {CONFIRM_LABEL_FR} » ; nous vous en adresserons un accusé \
         de réception sur un support durable."
    )
}

/// How the customer withdraws, in French: the online function first, then any other
/// unambiguous statement; the form, when the shop offers it, is optional.
pub fn how_to_withdraw_fr(form_offered: bool) -> String {
    let form = if form_offered {
        " Vous pouvez aussi télécharger le formulaire de rétractation : son usage est facultatif."
    } else {
        ""
    };
    format!(
        "Pour vous rétracter, utilisez la fonction « {WITHDRAW_LABEL_FR} » de votre commande, \
         puis « {CONFIRM_LABEL_FR} ». Toute autre déclaration dénuée d'ambiguïté (un e-mail, un \
         courrier) suffit aussi, sans avoir à donner de motif.{form}"
    )
}

impl fmt::Display for FunctionDue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FunctionDue::Required => "required",
            FunctionDue::Offered => "offered (not required for this contract)",
            FunctionDue::Closed => "closed",
        })
    }
}
