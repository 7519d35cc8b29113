//! Answers about customer service at an instant: is the line open, when does it open, when
//! is a written answer due.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone,
};
use comptoir_calendar::clock::{self, Ambiguity};
use comptoir_calendar::{Calendar, CalendarError};

use crate::{Slot, SupportError, SupportPolicy};

const SECONDS_PER_DAY: i64 = 86_400;

/// Whether the phone line is open at an instant, and until or from when (SUP-1).
///
/// `Display` is the crate's canonical English form, with the weekday, the ISO date, the
/// wall-clock time and Paris's offset at that instant: `open until Thursday 2026-04-30 17:30
/// (+02:00)` or `closed, opens Monday 2026-05-04 09:00 (+02:00)`. A page in French formats
/// the instant from the variant's field.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_support::Support;
///
/// let support = Support::faq();
/// let thursday = Utc.with_ymd_and_hms(2026, 4, 30, 15, 15, 0).single().ok_or("instant")?;
/// assert_eq!(
///     support.line_status(&thursday)?.to_string(),
///     "open until Thursday 2026-04-30 17:30 (+02:00)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LineStatus {
    /// The line is open and closes at `closes_at`.
    Open {
        /// The first instant the line is closed again.
        closes_at: DateTime<FixedOffset>,
    },
    /// The line is closed and opens at `opens_at`.
    Closed {
        /// The next instant the line opens.
        opens_at: DateTime<FixedOffset>,
    },
}

impl LineStatus {
    /// True for [`LineStatus::Open`].
    pub fn is_open(self) -> bool {
        matches!(self, LineStatus::Open { .. })
    }
}

impl core::fmt::Display for LineStatus {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        const FORM: &str = "%A %Y-%m-%d %H:%M (%:z)";
        match self {
            LineStatus::Open { closes_at } => write!(f, "open until {}", closes_at.format(FORM)),
            LineStatus::Closed { opens_at } => write!(f, "closed, opens {}", opens_at.format(FORM)),
        }
    }
}

/// Customer service on the shop's calendar and clock (SUP-1, SUP-2).
///
/// Built once from a [`SupportPolicy`] and a [`Calendar`] (the business days, CAL-1); every
/// question takes the instant it is about, in any time zone, and reads it on the Paris clock.
/// Answers are instants with Paris's offset at that moment.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_support::Support;
///
/// let support = Support::faq();
/// // Friday 13 March 2026, 16:30 in Paris (15:30 UTC): the line is open until 17:00.
/// let friday = Utc.with_ymd_and_hms(2026, 3, 13, 15, 30, 0).single().ok_or("instant")?;
/// assert!(support.is_open(&friday)?);
/// // The answer to a message sent then is due on Monday at 16:30, Paris time.
/// assert_eq!(support.answer_due(&friday)?.to_rfc3339(), "2026-03-16T16:30:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Support {
    policy: SupportPolicy,
    calendar: Calendar,
}

impl core::fmt::Debug for Support {
    /// The calendar's policy rather than its bit tables, which say nothing to a reader.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Support")
            .field("policy", &self.policy)
            .field("calendar", self.calendar.policy())
            .finish()
    }
}

impl Default for Support {
    /// [`Support::faq`].
    fn default() -> Self {
        Support::faq()
    }
}

impl Support {
    /// The FAQ's customer service: metropolitan calendar, FAQ hours and 24-hour answers.
    pub fn faq() -> Support {
        Support::new(SupportPolicy::default(), Calendar::metropolitan())
    }

    /// Customer service under `policy`, on `calendar`: the service keeps both, as the
    /// context of every question (policy first, calendar last, as every computation of the
    /// crates takes them).
    pub fn new(policy: SupportPolicy, calendar: Calendar) -> Support {
        Support { policy, calendar }
    }

    /// The policy used.
    pub fn policy(&self) -> &SupportPolicy {
        &self.policy
    }

    /// The calendar used.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The slots of `date` if it is a business day, none otherwise (SUP-1: closed weekends
    /// and public holidays).
    fn slots_on(&self, date: NaiveDate) -> Result<&[Slot], SupportError> {
        if self.calendar.is_business_day(date)? {
            Ok(self.policy.phone_hours.slots(date.weekday()))
        } else {
            Ok(&[])
        }
    }

    /// True when the phone line is open at `instant` (SUP-1).
    ///
    /// Open means: the Paris date is a business day and the Paris time lies within one of
    /// that weekday's slots, start included, end excluded.
    ///
    /// # Errors
    ///
    /// [`SupportError::Calendar`] when the instant is outside the calendar's years.
    pub fn is_open<Tz: TimeZone>(&self, instant: &DateTime<Tz>) -> Result<bool, SupportError> {
        let now = clock::paris_time(instant)?;
        let time = now.time();
        Ok(self.slots_on(now.date())?.iter().any(|s| s.contains(time)))
    }

    /// Whether the line is open at `instant`, with when it closes, or when it next opens.
    ///
    /// # Errors
    ///
    /// As [`Support::next_opening`].
    pub fn line_status<Tz: TimeZone>(
        &self,
        instant: &DateTime<Tz>,
    ) -> Result<LineStatus, SupportError> {
        let now = clock::paris_time(instant)?;
        let time = now.time();
        let open_slot = self
            .slots_on(now.date())?
            .iter()
            .find(|s| s.contains(time))
            .copied();
        match open_slot {
            Some(slot) => Ok(LineStatus::Open {
                closes_at: paris_instant(now.date().and_time(slot.end()))?,
            }),
            None => Ok(LineStatus::Closed {
                opens_at: self.next_opening(instant)?,
            }),
        }
    }

    /// The next time the line opens, strictly after `instant` (SUP-1): the start of the first
    /// slot, on a business day, that begins after `instant`.
    ///
    /// If the line is open at `instant`, this is the start of the *next* slot (open on
    /// Monday at 10:00, the answer is Monday 14:00); use [`Support::line_status`] to know
    /// whether it is open now. A slot starting in the hour skipped when summer time begins
    /// (say 02:30) opens an hour later on the wall clock (03:30), the instant 02:30 winter
    /// time stands for; the FAQ's hours never meet that hour.
    ///
    /// # Errors
    ///
    /// [`SupportError::Calendar`] when the instant, or the opening, is outside the calendar's
    /// years.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use comptoir_support::Support;
    ///
    /// let support = Support::faq();
    /// // Friday 13 March 2026, 17:15 in Paris: closed since 17:00; opens Monday 9:00.
    /// let friday = Utc.with_ymd_and_hms(2026, 3, 13, 16, 15, 0).single().ok_or("instant")?;
    /// assert!(!support.is_open(&friday)?);
    /// assert_eq!(support.next_opening(&friday)?.to_rfc3339(), "2026-03-16T09:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_opening<Tz: TimeZone>(
        &self,
        instant: &DateTime<Tz>,
    ) -> Result<DateTime<FixedOffset>, SupportError> {
        let asked_utc = instant.to_utc();
        let mut day = self.calendar.roll_forward(clock::paris_date(instant)?)?;
        // Hours validated by PhoneHours::new open at least one weekday, so a week of business
        // days always meets a slot; the bound only guards against a calendar without them.
        for _ in 0..=366 {
            for slot in self.slots_on(day)? {
                let opening = paris_instant(day.and_time(slot.start()))?;
                if opening > asked_utc {
                    return Ok(opening);
                }
            }
            day = self.calendar.next_business_day(day)?;
        }
        Err(SupportError::NeverOpen)
    }

    /// When the written answer to a message sent at `instant` is due (SUP-2): after
    /// [`SupportPolicy::answer_within`] hours (24 by default) counted on business days only.
    ///
    /// The counting: every business day (CAL-1) is 24 hours, from 00:00 to 24:00 Paris time;
    /// other days count for nothing. A message sent on a business day starts the count at its
    /// Paris time; one sent on a weekend or holiday starts it at 00:00 on the next business
    /// day. Friday 15:00 → Monday 15:00; Saturday 10:00 → Tuesday 00:00.
    ///
    /// Clocks change only on Sunday nights, never on a business day, so the hours counted
    /// are real hours too: the answer is never due less than `answer_within` hours after
    /// the message.
    ///
    /// # Errors
    ///
    /// [`SupportError::Calendar`] when the instant or the due date is outside the calendar's
    /// years.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use comptoir_support::Support;
    ///
    /// let support = Support::faq();
    /// // Friday 13 March 2026 at 15:00 in Paris (14:00 UTC): due Monday 16 at 15:00.
    /// let sent = Utc.with_ymd_and_hms(2026, 3, 13, 14, 0, 0).single().ok_or("instant")?;
    /// assert_eq!(support.answer_due(&sent)?.to_rfc3339(), "2026-03-16T15:00:00+01:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer_due<Tz: TimeZone>(
        &self,
        instant: &DateTime<Tz>,
    ) -> Result<DateTime<FixedOffset>, SupportError> {
        let sent = clock::paris_time(instant)?;
        let (start_day, start) = if self.calendar.is_business_day(sent.date())? {
            (sent.date(), sent.naive())
        } else {
            let day = self.calendar.next_business_day(sent.date())?;
            (day, day.and_time(NaiveTime::MIN))
        };
        let out_of_range = || SupportError::Calendar(CalendarError::InstantOutOfRange);
        let needed = TimeDelta::try_hours(i64::from(self.policy.answer_within.get()))
            .ok_or_else(out_of_range)?;
        let end_of_start_day = start_day
            .and_time(NaiveTime::MIN)
            .checked_add_signed(TimeDelta::days(1))
            .ok_or_else(out_of_range)?;
        let left_today = end_of_start_day.signed_duration_since(start);
        if needed <= left_today {
            return paris_instant(start.checked_add_signed(needed).ok_or_else(out_of_range)?);
        }
        // What the first day did not cover, counted in whole business days then a remainder.
        let rest = needed
            .checked_sub(&left_today)
            .ok_or_else(out_of_range)?
            .num_seconds();
        let whole_days = rest.div_euclid(SECONDS_PER_DAY);
        let remainder = rest.rem_euclid(SECONDS_PER_DAY);
        // With no remainder the answer is due at 24:00 of the last full day, i.e. after it.
        let (days_on, seconds) = if remainder == 0 {
            (Some(whole_days), SECONDS_PER_DAY)
        } else {
            (whole_days.checked_add(1), remainder)
        };
        let days_on = days_on
            .and_then(|days| i32::try_from(days).ok())
            .ok_or_else(out_of_range)?;
        let day = self.calendar.add_business_days(start_day, days_on.into())?;
        let due = day
            .and_time(NaiveTime::MIN)
            .checked_add_signed(TimeDelta::seconds(seconds))
            .ok_or_else(out_of_range)?;
        paris_instant(due)
    }
}

/// The instant a Paris wall-clock time names. A time in the spring gap is read on winter
/// time, an hour later on the wall clock; an ambiguous one as its first occurrence. Neither
/// can happen on a business day (clocks change on Sunday nights), so this only matters for
/// custom hours.
fn paris_instant(local: NaiveDateTime) -> Result<DateTime<FixedOffset>, SupportError> {
    match clock::from_paris(local, Ambiguity::Earlier) {
        Err(CalendarError::NonexistentLocalTime { .. }) => {
            let winter = local
                .checked_add_signed(TimeDelta::hours(1))
                .ok_or(CalendarError::InstantOutOfRange)?;
            Ok(clock::from_paris(winter, Ambiguity::Earlier)?)
        }
        other => Ok(other?),
    }
}
