//! Anomalies and technical incidents that hold an order back (DISP-4).

use core::fmt;

use chrono::{DateTime, TimeZone, Utc};
use comptoir_promo::LineRef;

use crate::DispatchError;

/// What kind of trouble holds an order back (DISP-4: "une anomalie dans la commande ou un
/// incident technique").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IncidentKind {
    /// Something is wrong with the order itself (an address, a payment, a line).
    Anomaly,
    /// The shop's systems or warehouse failed.
    TechnicalIncident,
}

impl IncidentKind {
    /// Its name, in French, as the customer reads it.
    pub fn name_fr(self) -> &'static str {
        match self {
            IncidentKind::Anomaly => "une anomalie dans votre commande",
            IncidentKind::TechnicalIncident => "un incident technique",
        }
    }
}

impl fmt::Display for IncidentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IncidentKind::Anomaly => "anomaly",
            IncidentKind::TechnicalIncident => "technical incident",
        })
    }
}

/// An anomaly or technical incident holding an order back, with its reason (DISP-4): a
/// typed status, recorded on the order's [`Fulfilment`](crate::Fulfilment) and resolved
/// there.
///
/// It concerns the whole order, or some of its lines.
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::Paris;
/// use comptoir_dispatch::{Incident, IncidentKind};
///
/// let at = Paris::at(2026, 6, 2, 9, 15, 0)?;
/// let incident = Incident::new(IncidentKind::TechnicalIncident, "étiqueteuse en panne", &at)?;
/// assert_eq!(
///     incident.message_fr(),
///     "Votre commande est retardée par un incident technique (étiqueteuse en panne) : nos \
///      équipes s'en occupent."
/// );
/// assert!(Incident::new(IncidentKind::Anomaly, " ", &at).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "IncidentRepr", into = "IncidentRepr")
)]
pub struct Incident {
    kind: IncidentKind,
    reason: String,
    reported_at: DateTime<Utc>,
    lines: Vec<LineRef>,
}

impl Incident {
    /// The longest reason accepted.
    pub const MAX_REASON_CHARS: usize = 500;

    /// An incident of `kind` for `reason`, reported at `at`, concerning the whole order.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidIncident`] for a blank reason, one longer than
    /// [`Incident::MAX_REASON_CHARS`] or holding a control character other than a line
    /// break.
    pub fn new<Tz: TimeZone>(
        kind: IncidentKind,
        reason: impl Into<String>,
        at: &DateTime<Tz>,
    ) -> Result<Incident, DispatchError> {
        let reason = reason.into();
        let trimmed = reason.trim();
        if trimmed.is_empty() {
            return Err(DispatchError::InvalidIncident {
                reason: "an incident needs its reason",
            });
        }
        if trimmed.chars().count() > Incident::MAX_REASON_CHARS
            || trimmed.chars().any(|c| c.is_control() && c != '\n')
        {
            return Err(DispatchError::InvalidIncident {
                reason: "the reason is too long or holds a control character",
            });
        }
        Ok(Incident {
            kind,
            reason: trimmed.to_owned(),
            reported_at: at.with_timezone(&Utc),
            lines: Vec::new(),
        })
    }

    /// The same incident, concerning only `lines` of the order (checked when it is
    /// reported on the order's fulfilment).
    #[must_use]
    pub fn concerning(mut self, lines: impl IntoIterator<Item = LineRef>) -> Incident {
        self.lines = lines.into_iter().collect();
        self.lines.sort();
        self.lines.dedup();
        self
    }

    /// Anomaly or technical incident.
    pub fn kind(&self) -> IncidentKind {
        self.kind
    }

    /// Why, in the words the shop gives.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// When it was reported.
    pub fn reported_at(&self) -> DateTime<Utc> {
        self.reported_at
    }

    /// The lines it concerns; empty for the whole order.
    pub fn lines(&self) -> &[LineRef] {
        &self.lines
    }

    /// What the customer is told, in French.
    pub fn message_fr(&self) -> String {
        format!(
            "Votre commande est retardée par {} ({}) : nos équipes s'en occupent.",
            self.kind.name_fr(),
            self.reason
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IncidentRepr {
    kind: IncidentKind,
    reason: String,
    reported_at: DateTime<Utc>,
    #[serde(default)]
    lines: Vec<LineRef>,
}

#[cfg(feature = "serde")]
impl TryFrom<IncidentRepr> for Incident {
    type Error = DispatchError;

    fn try_from(r: IncidentRepr) -> Result<Incident, DispatchError> {
        Ok(Incident::new(r.kind, r.reason, &r.reported_at)?.concerning(r.lines))
    }
}

#[cfg(feature = "serde")]
impl From<Incident> for IncidentRepr {
    fn from(i: Incident) -> IncidentRepr {
        IncidentRepr {
            kind: i.kind,
            reason: i.reason,
            reported_at: i.reported_at,
            lines: i.lines,
        }
    }
}
