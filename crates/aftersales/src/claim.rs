//! What the customer asks for and what the shop finds: the inputs of an after-sales case.

use core::fmt;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comptoir_money::Eur;
use comptoir_promo::{LineId, Quantity};

use crate::AfterSalesError;

/// How the good is to be brought into conformity: the customer's choice (L217-9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Remedy {
    /// Repair the good.
    Repair,
    /// Replace it: the FAQ's "un nouveau modèle".
    Replacement,
}

impl Remedy {
    /// The other remedy, the one the shop may do instead when the chosen one is impossible or
    /// disproportionate (L217-12 al. 1).
    pub fn other(self) -> Remedy {
        match self {
            Remedy::Repair => Remedy::Replacement,
            Remedy::Replacement => Remedy::Repair,
        }
    }

    /// The French noun.
    pub fn label_fr(self) -> &'static str {
        match self {
            Remedy::Repair => "réparation",
            Remedy::Replacement => "remplacement",
        }
    }

    /// "The repair is due" in French, with the noun's gender.
    pub fn due_fr(self) -> &'static str {
        match self {
            Remedy::Repair => "La réparation vous est due",
            Remedy::Replacement => "Le remplacement vous est dû",
        }
    }
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Remedy::Repair => "repair",
            Remedy::Replacement => "replacement",
        })
    }
}

/// The customer's request under the legal guarantee (RET-5, L217-9): which units of which line
/// of the order, what is wrong, the remedy chosen, when the request was made and, when the
/// customer says so, the day the defect appeared.
///
/// The request is what starts the shop's 30 days (L217-10): the FAQ's pre-diagnosis with the
/// team, and the time the product takes to come back, run inside them.
///
/// # Example
///
/// ```
/// use chrono::{NaiveDate, TimeZone};
/// use chrono_tz::Europe::Paris;
/// use comptoir_aftersales::{Claim, Remedy};
/// use comptoir_promo::Quantity;
///
/// let asked = Paris.with_ymd_and_hms(2027, 1, 8, 10, 0, 0).single().ok_or("instant")?;
/// let claim = Claim::new("l1".parse()?, Remedy::Replacement, "l'écran reste noir", &asked)?
///     .with_units(Quantity::ONE)
///     .with_appeared_on(NaiveDate::from_ymd_opt(2027, 1, 6).ok_or("date")?);
/// assert_eq!(claim.remedy(), Remedy::Replacement);
/// assert!(Claim::new("l1".parse()?, Remedy::Repair, "  ", &asked).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ClaimData", into = "ClaimData"))]
pub struct Claim {
    line: LineId,
    units: Quantity,
    remedy: Remedy,
    defect: String,
    requested_at: DateTime<Utc>,
    appeared_on: Option<NaiveDate>,
}

impl Claim {
    /// A request for `remedy` on one unit of the order's line `line`, made at `requested_at`,
    /// for the defect described by `defect` (the customer's words).
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::BlankText`] when `defect` is blank: a request names what is wrong.
    pub fn new<Tz: TimeZone>(
        line: LineId,
        remedy: Remedy,
        defect: impl Into<String>,
        requested_at: &DateTime<Tz>,
    ) -> Result<Claim, AfterSalesError> {
        Ok(Claim {
            line,
            units: Quantity::ONE,
            remedy,
            defect: non_blank(defect.into(), "the defect's description")?,
            requested_at: requested_at.with_timezone(&Utc),
            appeared_on: None,
        })
    }

    /// The units concerned (default: one).
    pub fn with_units(mut self, units: Quantity) -> Claim {
        self.units = units;
        self
    }

    /// The day the defect appeared, when the customer says (default: the request's Paris
    /// date).
    pub fn with_appeared_on(mut self, day: NaiveDate) -> Claim {
        self.appeared_on = Some(day);
        self
    }

    /// The order's line.
    pub fn line(&self) -> &LineId {
        &self.line
    }

    /// The units concerned.
    pub fn units(&self) -> Quantity {
        self.units
    }

    /// The remedy the customer chose.
    pub fn remedy(&self) -> Remedy {
        self.remedy
    }

    /// What is wrong, in the customer's words.
    pub fn defect(&self) -> &str {
        &self.defect
    }

    /// When the request was made.
    pub fn requested_at(&self) -> DateTime<Utc> {
        self.requested_at
    }

    /// The day the defect appeared, if the customer said.
    pub fn appeared_on(&self) -> Option<NaiveDate> {
        self.appeared_on
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimData {
    line: LineId,
    #[serde(default = "one")]
    units: Quantity,
    remedy: Remedy,
    defect: String,
    requested_at: DateTime<Utc>,
    #[serde(default)]
    appeared_on: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
fn one() -> Quantity {
    Quantity::ONE
}

#[cfg(feature = "serde")]
impl TryFrom<ClaimData> for Claim {
    type Error = AfterSalesError;

    fn try_from(d: ClaimData) -> Result<Claim, AfterSalesError> {
        let claim = Claim::new(d.line, d.remedy, d.defect, &d.requested_at)?.with_units(d.units);
        Ok(match d.appeared_on {
            Some(day) => claim.with_appeared_on(day),
            None => claim,
        })
    }
}

#[cfg(feature = "serde")]
impl From<Claim> for ClaimData {
    fn from(c: Claim) -> ClaimData {
        ClaimData {
            line: c.line,
            units: c.units,
            remedy: c.remedy,
            defect: c.defect,
            requested_at: c.requested_at,
            appeared_on: c.appeared_on,
        }
    }
}

/// What the after-sales service concluded when it found no defect it answers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FindingKind {
    /// The tests show the good works as the contract says: there is no defect of conformity.
    NoDefect,
    /// There is a defect, but it was caused after delivery (a fall, a misuse...). Within the
    /// presumption the shop must prove it (L217-7).
    CausedAfterDelivery,
}

/// The written conclusion of the after-sales service's tests when it finds no defect it
/// answers for (RET-5): the FAQ's "aucun défaut n'est confirmé après nos tests".
///
/// The report is required: a refusal of the guarantee is reasoned in writing (L217-12 al. 4),
/// and within the presumption of L217-7 the report is the shop's proof, which the customer
/// may contest; "our tests found nothing" without saying what was tested is not one.
///
/// # Example
///
/// ```
/// use comptoir_aftersales::{Finding, FindingKind};
///
/// let report = Finding::new(
///     FindingKind::NoDefect,
///     "écran testé 48 h sur banc, 3 cycles de charge : aucun défaut reproduit",
/// )?;
/// assert_eq!(report.kind(), FindingKind::NoDefect);
/// assert!(Finding::new(FindingKind::NoDefect, "").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "FindingData", into = "FindingData")
)]
pub struct Finding {
    kind: FindingKind,
    report: String,
}

impl Finding {
    /// A finding of `kind`, with its written `report`.
    ///
    /// # Errors
    ///
    /// [`AfterSalesError::BlankText`] when the report is blank.
    pub fn new(kind: FindingKind, report: impl Into<String>) -> Result<Finding, AfterSalesError> {
        Ok(Finding {
            kind,
            report: non_blank(report.into(), "the finding's report")?,
        })
    }

    /// What was found.
    pub fn kind(&self) -> FindingKind {
        self.kind
    }

    /// The written report.
    pub fn report(&self) -> &str {
        &self.report
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingData {
    kind: FindingKind,
    report: String,
}

#[cfg(feature = "serde")]
impl TryFrom<FindingData> for Finding {
    type Error = AfterSalesError;

    fn try_from(d: FindingData) -> Result<Finding, AfterSalesError> {
        Finding::new(d.kind, d.report)
    }
}

#[cfg(feature = "serde")]
impl From<Finding> for FindingData {
    fn from(f: Finding) -> FindingData {
        FindingData {
            kind: f.kind,
            report: f.report,
        }
    }
}

/// Who paid to send the good to the after-sales service (D217-1).
///
/// The shop tells the customer how to send the good; when it goes by post, the customer
/// posts it and the shop refunds the postage within 14 days of telling the customer the good
/// is taken in under the guarantee (L241-6). The FAQ's "préalablement nettoyé", "sans son
/// packaging d'origine" and the return form are requests, never conditions: a good that comes
/// back otherwise is taken in the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Postage {
    /// The shop paid (a prepaid label, a collection): nothing to refund.
    Prepaid,
    /// The customer paid this postage, to be refunded (L241-6).
    PaidByCustomer(Eur),
}

/// `text` trimmed, or the blank-text error naming `what`.
pub(crate) fn non_blank(text: String, what: &'static str) -> Result<String, AfterSalesError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AfterSalesError::BlankText { what });
    }
    Ok(trimmed.to_owned())
}
