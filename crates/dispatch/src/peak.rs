//! Declared busy periods that lengthen preparation and the promise (DISP-4).
//!
//! "L'équipe de préparation connaît un retard important. Cela arrive surtout lors de situation
//! exceptionnelle ou de période estivale comme Noël." The shop declares its busy periods in
//! advance, each with how many business days it adds to DISP-2's preparation window and to
//! DISP-3's promise; an order taken into account during one gets the longer schedule, and the
//! forecast says so and why.

use chrono::{DateTime, NaiveDate, TimeZone};
use comptoir_calendar::{BusinessDays, Calendar, DayWindow};

use crate::french::date_fr;
use crate::{DispatchError, DispatchPolicy, DispatchSchedule};

/// How many business days a busy period adds to the preparation window (DISP-2) and to the
/// promise (DISP-3): the policy amount the shop declares with the period.
///
/// The promise moves at least as far as the preparation, so that a lengthened schedule still
/// has its window end by its dispatch-by day.
///
/// # Example
///
/// ```
/// use comptoir_calendar::BusinessDays;
/// use comptoir_dispatch::Lengthening;
///
/// let christmas = Lengthening::new(BusinessDays::new(2), BusinessDays::new(3))?;
/// assert_eq!(christmas.promise(), BusinessDays::new(3));
/// assert!(Lengthening::new(BusinessDays::new(3), BusinessDays::new(1)).is_err());
/// assert!(Lengthening::new(BusinessDays::new(-1), BusinessDays::new(1)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "LengtheningRepr", into = "LengtheningRepr")
)]
pub struct Lengthening {
    preparation: BusinessDays,
    promise: BusinessDays,
}

impl Lengthening {
    /// `preparation` more business days of preparation, `promise` more before the
    /// dispatch-by day.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPeak`] when either is negative (a busy period never shortens
    /// a delay) or when the promise moves less than the preparation.
    pub fn new(
        preparation: BusinessDays,
        promise: BusinessDays,
    ) -> Result<Lengthening, DispatchError> {
        let invalid = |reason| Err(DispatchError::InvalidPeak { reason });
        if preparation.get() < 0 || promise.get() < 0 {
            return invalid("a busy period cannot shorten a delay");
        }
        if promise < preparation {
            return invalid("the promise moves less than the preparation");
        }
        Ok(Lengthening {
            preparation,
            promise,
        })
    }

    /// Business days added to both ends of the preparation window.
    pub fn preparation(self) -> BusinessDays {
        self.preparation
    }

    /// Business days added to the promise.
    pub fn promise(self) -> BusinessDays {
        self.promise
    }

    /// `policy` with its delays lengthened.
    fn apply(self, policy: &DispatchPolicy) -> Result<DispatchPolicy, DispatchError> {
        let add = |base: BusinessDays, extra: BusinessDays| {
            base.get()
                .checked_add(extra.get())
                .map(BusinessDays::new)
                .ok_or(DispatchError::InvalidPeak {
                    reason: "the lengthened delay is too large",
                })
        };
        let lengthened = DispatchPolicy {
            preparation_min: add(policy.preparation_min, self.preparation)?,
            preparation_max: add(policy.preparation_max, self.preparation)?,
            promise: add(policy.promise, self.promise)?,
            ..*policy
        };
        lengthened.validate()?;
        Ok(lengthened)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LengtheningRepr {
    preparation: BusinessDays,
    promise: BusinessDays,
}

#[cfg(feature = "serde")]
impl TryFrom<LengtheningRepr> for Lengthening {
    type Error = DispatchError;

    fn try_from(r: LengtheningRepr) -> Result<Lengthening, DispatchError> {
        Lengthening::new(r.preparation, r.promise)
    }
}

#[cfg(feature = "serde")]
impl From<Lengthening> for LengtheningRepr {
    fn from(l: Lengthening) -> LengtheningRepr {
        LengtheningRepr {
            preparation: l.preparation,
            promise: l.promise,
        }
    }
}

/// A busy period the shop declares (DISP-4): its name as customers read it ("Noël", "période
/// estivale"), its days, and how much it lengthens the schedule of an order taken into
/// account on one of them.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{BusinessDays, DayWindow};
/// use comptoir_dispatch::{Lengthening, PeakPeriod};
///
/// let ymd = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let christmas = PeakPeriod::new(
///     "Noël",
///     DayWindow::new(ymd(12, 1)?, ymd(12, 24)?)?,
///     Lengthening::new(BusinessDays::new(2), BusinessDays::new(2))?,
/// )?;
/// assert!(christmas.days().contains(ymd(12, 15)?));
/// assert!(PeakPeriod::new("  ", christmas.days(), christmas.lengthening()).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PeakRepr", into = "PeakRepr"))]
pub struct PeakPeriod {
    name: String,
    days: DayWindow,
    lengthening: Lengthening,
}

impl PeakPeriod {
    /// The longest name accepted.
    pub const MAX_NAME_CHARS: usize = 64;

    /// The busy period `name`, from the first to the last of `days`, lengthening schedules
    /// by `lengthening`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPeak`] for a blank name, one longer than
    /// [`PeakPeriod::MAX_NAME_CHARS`] or holding a control character.
    pub fn new(
        name: impl Into<String>,
        days: DayWindow,
        lengthening: Lengthening,
    ) -> Result<PeakPeriod, DispatchError> {
        let name = name.into();
        let trimmed = name.trim();
        if trimmed.is_empty() {
            return Err(DispatchError::InvalidPeak {
                reason: "the busy period has no name",
            });
        }
        if trimmed.chars().count() > PeakPeriod::MAX_NAME_CHARS
            || trimmed.chars().any(char::is_control)
        {
            return Err(DispatchError::InvalidPeak {
                reason: "the busy period's name is too long or holds a control character",
            });
        }
        Ok(PeakPeriod {
            name: trimmed.to_owned(),
            days,
            lengthening,
        })
    }

    /// Its name, as customers read it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its days, both ends included.
    pub fn days(&self) -> DayWindow {
        self.days
    }

    /// How much it lengthens a schedule.
    pub fn lengthening(&self) -> Lengthening {
        self.lengthening
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PeakRepr {
    name: String,
    days: DayWindow,
    lengthening: Lengthening,
}

#[cfg(feature = "serde")]
impl TryFrom<PeakRepr> for PeakPeriod {
    type Error = DispatchError;

    fn try_from(r: PeakRepr) -> Result<PeakPeriod, DispatchError> {
        PeakPeriod::new(r.name, r.days, r.lengthening)
    }
}

#[cfg(feature = "serde")]
impl From<PeakPeriod> for PeakRepr {
    fn from(p: PeakPeriod) -> PeakRepr {
        PeakRepr {
            name: p.name,
            days: p.days,
            lengthening: p.lengthening,
        }
    }
}

/// The busy periods a shop declares, in date order, none overlapping another (DISP-4).
///
/// The default declares none: the FAQ names Christmas and summer, but their days and delays
/// are the shop's to set each year.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{BusinessDays, DayWindow};
/// use comptoir_dispatch::{Lengthening, PeakPeriod, PeakPeriods};
///
/// let ymd = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let two = Lengthening::new(BusinessDays::new(2), BusinessDays::new(2))?;
/// let summer = PeakPeriod::new("période estivale", DayWindow::new(ymd(7, 1)?, ymd(8, 31)?)?, two)?;
/// let christmas = PeakPeriod::new("Noël", DayWindow::new(ymd(12, 1)?, ymd(12, 24)?)?, two)?;
/// let peaks = PeakPeriods::new([christmas.clone(), summer])?;
/// assert_eq!(peaks.on(ymd(12, 3)?).map(PeakPeriod::name), Some("Noël"));
/// assert_eq!(peaks.on(ymd(9, 3)?), None);
///
/// let overlapping = PeakPeriod::new("soldes", DayWindow::new(ymd(12, 20)?, ymd(12, 31)?)?, two)?;
/// assert!(PeakPeriods::new([christmas, overlapping]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<PeakPeriod>", into = "Vec<PeakPeriod>")
)]
pub struct PeakPeriods {
    periods: Vec<PeakPeriod>,
}

impl PeakPeriods {
    /// The declared `periods`, in any order.
    ///
    /// # Errors
    ///
    /// [`DispatchError::OverlappingPeaks`] when two periods share a day: an order would not
    /// know which delay applies.
    pub fn new(
        periods: impl IntoIterator<Item = PeakPeriod>,
    ) -> Result<PeakPeriods, DispatchError> {
        let mut periods: Vec<PeakPeriod> = periods.into_iter().collect();
        periods.sort_by_key(|p| (p.days.earliest(), p.days.latest()));
        for pair in periods.windows(2) {
            if let [first, second] = pair
                && second.days.earliest() <= first.days.latest()
            {
                return Err(DispatchError::OverlappingPeaks {
                    first: first.name.clone(),
                    second: second.name.clone(),
                });
            }
        }
        Ok(PeakPeriods { periods })
    }

    /// The busy period `day` falls in, if any.
    pub fn on(&self, day: NaiveDate) -> Option<&PeakPeriod> {
        // Sorted and disjoint: the candidate is the last period starting on or before `day`.
        let after = self.periods.partition_point(|p| p.days.earliest() <= day);
        after
            .checked_sub(1)
            .and_then(|i| self.periods.get(i))
            .filter(|p| p.days.contains(day))
    }

    /// The periods, in date order.
    pub fn iter(&self) -> impl Iterator<Item = &PeakPeriod> {
        self.periods.iter()
    }

    /// True when no period is declared.
    pub fn is_empty(&self) -> bool {
        self.periods.is_empty()
    }
}

impl TryFrom<Vec<PeakPeriod>> for PeakPeriods {
    type Error = DispatchError;

    fn try_from(periods: Vec<PeakPeriod>) -> Result<PeakPeriods, DispatchError> {
        PeakPeriods::new(periods)
    }
}

impl From<PeakPeriods> for Vec<PeakPeriod> {
    fn from(p: PeakPeriods) -> Vec<PeakPeriod> {
        p.periods
    }
}

/// An order's dispatch dates with the busy period that lengthened them, if one did (DISP-2,
/// DISP-3, DISP-4): what the customer is told.
///
/// The day the order is taken into account (DISP-1) decides: when it falls in a declared
/// busy period, the preparation window and the promise are lengthened by the period's
/// amount, counted in the shop's business days as the plain schedule is.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{clock::Paris, BusinessDays, Calendar, DayWindow};
/// use comptoir_dispatch::{DispatchForecast, DispatchPolicy, Lengthening, PeakPeriod, PeakPeriods};
///
/// let ymd = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let christmas = PeakPeriod::new(
///     "Noël",
///     DayWindow::new(ymd(12, 1)?, ymd(12, 24)?)?,
///     Lengthening::new(BusinessDays::new(2), BusinessDays::new(2))?,
/// )?;
/// let peaks = PeakPeriods::new([christmas])?;
/// let cal = Calendar::metropolitan();
///
/// // Tuesday 8 December 2026 at 09:00: taken that day; out on Wednesday 9 to Thursday 10
/// // without the busy period, Friday 11 to Monday 14 with it, at the latest Tuesday 15.
/// let ordered_at = Paris::at(2026, 12, 8, 9, 0, 0)?;
/// let forecast = DispatchForecast::compute(&ordered_at, &DispatchPolicy::default(), &peaks, &cal)?;
/// assert!(forecast.is_lengthened());
/// assert_eq!(forecast.schedule().expected_dispatch().to_string(), "2026-12-11/2026-12-14");
/// assert_eq!(forecast.schedule().dispatch_by(), ymd(12, 15)?);
/// assert_eq!(
///     forecast.message_fr(),
///     "En raison de la période de forte activité « Noël », votre commande sera expédiée \
///      entre le vendredi 11 décembre 2026 et le lundi 14 décembre 2026, au plus tard le \
///      mardi 15 décembre 2026."
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DispatchForecast {
    schedule: DispatchSchedule,
    peak: Option<PeakPeriod>,
}

impl DispatchForecast {
    /// The forecast of an order placed at `ordered_at`, under `policy` and the busy periods
    /// `peaks`, on `calendar`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] for an inconsistent policy (lengthened or not),
    /// [`DispatchError::InvalidPeak`] when a lengthened delay overflows, and
    /// [`DispatchError::Calendar`] when a day falls outside the calendar's range.
    pub fn compute<Tz: TimeZone>(
        ordered_at: &DateTime<Tz>,
        policy: &DispatchPolicy,
        peaks: &PeakPeriods,
        calendar: &Calendar,
    ) -> Result<DispatchForecast, DispatchError> {
        policy.validate()?;
        let taken = policy.taken_into_account(ordered_at, calendar)?;
        let peak = peaks.on(taken).cloned();
        let schedule = match &peak {
            Some(peak) => {
                DispatchSchedule::compute(ordered_at, &peak.lengthening.apply(policy)?, calendar)?
            }
            None => DispatchSchedule::compute(ordered_at, policy, calendar)?,
        };
        Ok(DispatchForecast { schedule, peak })
    }

    /// The dispatch dates, lengthened or not.
    pub fn schedule(&self) -> DispatchSchedule {
        self.schedule
    }

    /// True when a busy period lengthened the schedule.
    pub fn is_lengthened(&self) -> bool {
        self.peak.is_some()
    }

    /// The busy period that lengthened the schedule: why it is longer.
    pub fn peak(&self) -> Option<&PeakPeriod> {
        self.peak.as_ref()
    }

    /// What the customer is told, in French: the expected dispatch and the last day, and the
    /// busy period when one lengthened them.
    pub fn message_fr(&self) -> String {
        let window = self.schedule.expected_dispatch();
        let when = if window.earliest() == window.latest() {
            format!("le {}", date_fr(window.earliest()))
        } else {
            format!(
                "entre le {} et le {}",
                date_fr(window.earliest()),
                date_fr(window.latest())
            )
        };
        let by = date_fr(self.schedule.dispatch_by());
        match &self.peak {
            Some(peak) => format!(
                "En raison de la période de forte activité « {} », votre commande sera \
                 expédiée {when}, au plus tard le {by}.",
                peak.name
            ),
            None => format!("Votre commande sera expédiée {when}, au plus tard le {by}."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn peak(name: &str, from: NaiveDate, to: NaiveDate) -> PeakPeriod {
        PeakPeriod::new(
            name,
            DayWindow::new(from, to).unwrap(),
            Lengthening::new(BusinessDays::new(1), BusinessDays::new(1)).unwrap(),
        )
        .unwrap()
    }

    // DISP-4: the period a day falls in is found whatever the order periods were given in,
    // both ends included.
    #[test]
    fn disp4_a_day_finds_its_period() {
        let peaks = PeakPeriods::new([
            peak("c", ymd(12, 1), ymd(12, 24)),
            peak("a", ymd(1, 5), ymd(1, 10)),
            peak("b", ymd(7, 1), ymd(8, 31)),
        ])
        .unwrap();
        assert_eq!(peaks.on(ymd(1, 5)).map(PeakPeriod::name), Some("a"));
        assert_eq!(peaks.on(ymd(1, 10)).map(PeakPeriod::name), Some("a"));
        assert_eq!(peaks.on(ymd(1, 11)), None);
        assert_eq!(peaks.on(ymd(1, 4)), None);
        assert_eq!(peaks.on(ymd(8, 31)).map(PeakPeriod::name), Some("b"));
        assert_eq!(peaks.on(ymd(12, 24)).map(PeakPeriod::name), Some("c"));
        assert_eq!(peaks.on(ymd(12, 25)), None);
        assert_eq!(PeakPeriods::default().on(ymd(12, 1)), None);
        let names: Vec<&str> = peaks.iter().map(PeakPeriod::name).collect();
        assert_eq!(names, ["a", "b", "c"]);
    }

    // DISP-4: periods touching on one day overlap; back to back they do not.
    #[test]
    fn disp4_overlapping_periods_are_refused() {
        let err = PeakPeriods::new([
            peak("été", ymd(7, 1), ymd(8, 31)),
            peak("rentrée", ymd(8, 31), ymd(9, 10)),
        ])
        .unwrap_err();
        assert_eq!(
            err,
            DispatchError::OverlappingPeaks {
                first: "été".into(),
                second: "rentrée".into()
            }
        );
        assert!(
            PeakPeriods::new([
                peak("été", ymd(7, 1), ymd(8, 31)),
                peak("rentrée", ymd(9, 1), ymd(9, 10)),
            ])
            .is_ok()
        );
    }

    // DISP-4: a lengthening that overflows the policy's numbers is an error, not a panic.
    #[test]
    fn disp4_overflowing_lengthening_is_an_error() {
        let huge =
            Lengthening::new(BusinessDays::new(i32::MAX), BusinessDays::new(i32::MAX)).unwrap();
        assert!(matches!(
            huge.apply(&DispatchPolicy::default()),
            Err(DispatchError::InvalidPeak { .. })
        ));
    }
}
