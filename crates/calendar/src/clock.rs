//! The shop's clock: Europe/Paris wall-clock time ([Time] in the rules reference).
//!
//! Every rule reads the time of day on the Paris clock (the 11:00 cutoff, the phone hours,
//! the end of a withdrawal's last day). This module converts instants to Paris wall-clock
//! time and back.
//!
//! - From 1996 on, France follows the EU rule: summer time (UTC+2) from the last Sunday of
//!   March to the last Sunday of October, both changes at 01:00 UTC; winter time is UTC+1.
//!   The module computes it from a table of the changes, which makes a conversion a
//!   division and two comparisons rather than a time-zone database search.
//! - Before 1996 France's history (Paris mean time, the wartime changes, the old
//!   end-of-September rule) comes from the IANA database through chrono-tz.
//!
//! chrono-tz 0.10 lists summer-time changes only up to 2099 and keeps UTC+1 all year from 2100.
//! The IANA rule itself has no end year ("EU 1981 max"), and the rules reference reads it
//! that way, so this clock keeps the last-Sunday rule up to 2200 and beyond; for 1900 to 2099
//! both agree to the second (a property test checks it).
//!
//! # Example
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use comptoir_calendar::clock::{self, Ambiguity};
//!
//! // 09:30 UTC on 30 March 2026 is 11:30 in Paris: summer time began the day before.
//! let instant = Utc.with_ymd_and_hms(2026, 3, 30, 9, 30, 0).single().ok_or("instant")?;
//! assert_eq!(clock::to_paris(&instant)?.to_string(), "2026-03-30 11:30:00");
//! assert_eq!(clock::paris_time(&instant)?.to_string(), "2026-03-30 11:30:00 +02:00");
//!
//! // 02:30 on 29 March 2026 never happened in Paris; 02:30 on 25 October happened twice.
//! let gap = NaiveDate::from_ymd_opt(2026, 3, 29).and_then(|d| d.and_hms_opt(2, 30, 0)).ok_or("time")?;
//! assert!(clock::from_paris(gap, Ambiguity::Earlier).is_err());
//! let twice = NaiveDate::from_ymd_opt(2026, 10, 25).and_then(|d| d.and_hms_opt(2, 30, 0)).ok_or("time")?;
//! assert!(clock::from_paris(twice, Ambiguity::Reject).is_err());
//! assert_eq!(clock::from_paris(twice, Ambiguity::Later)?.to_rfc3339(), "2026-10-25T02:30:00+01:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [Time]: ../../comptoir/rules/index.html#time

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
// The IANA history, for instants before the EU rule.
use chrono_tz::Europe::Paris as IanaParis;

use crate::day::days_from_civil;
use crate::{CalendarError, Day, TextForm, TextProblem};

const SECONDS_PER_DAY: i64 = 86_400;
const WINTER: i32 = 3_600;
const SUMMER: i32 = 7_200;
/// The first year of the EU rule in France; earlier instants use the IANA history.
const RULE_FROM_YEAR: i32 = 1996;
/// 1996-01-01T00:00:00Z.
const RULE_FROM_UNIX: i64 = 820_454_400;
/// The mean Gregorian year in seconds: good enough to find the year of an instant to within a
/// day, which is all a summer-time lookup needs (changes happen in March and October).
const MEAN_YEAR: i64 = 31_556_952;
/// First UTC day of the summer-time table: 1996-01-01.
const TABLE_FIRST_DAY: i64 = days_from_civil(1996, 1, 1);
/// UTC days in the table: 1996-01-01 to 2201-01-01, one more than 2200 so that the last
/// day's "next midnight" is in it too.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
const TABLE_DAYS: usize = (days_from_civil(2201, 1, 1) - TABLE_FIRST_DAY + 1) as usize;
const TABLE_WORDS: usize = TABLE_DAYS.div_ceil(64);

/// Bit `i`: Paris is on summer time at 00:00 UTC of UTC day `TABLE_FIRST_DAY + i`.
///
/// Changes happen at 01:00 UTC, so at most one per UTC day: before 01:00 the day's own bit
/// holds, from 01:00 on the next day's. Reading the clock is then one table lookup instead of
/// a search (about 9.4 KiB, built by the compiler; a `static`, so lookups do not copy it as a
/// `const` would, and immutable, so it is not state).
#[allow(
    clippy::indexing_slicing,
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation
)]
static SUMMER_AT_UTC_MIDNIGHT: [u64; TABLE_WORDS] = {
    let mut words = [0u64; TABLE_WORDS];
    let mut year = RULE_FROM_YEAR as i64;
    while year <= 2200 {
        let (start, end) = summer_time_of_year(year);
        // Midnights strictly after the spring change and up to the autumn change's day.
        let mut day = start.div_euclid(SECONDS_PER_DAY) + 1;
        let last = end.div_euclid(SECONDS_PER_DAY);
        while day <= last {
            let i = (day - TABLE_FIRST_DAY) as usize;
            words[i >> 6] |= 1 << (i & 63);
            day += 1;
        }
        year += 1;
    }
    words
};

/// The Unix second of 01:00 UTC on the last Sunday of `month` (a 31-day month).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "callers pass years within chrono's ±262 143: the seconds stay below 2^44"
)]
const fn last_sunday_0100_utc(year: i64, month: i64) -> i64 {
    let last = days_from_civil(year, month, 31);
    // Day 0 (1970-01-01) was a Thursday: (day + 4) mod 7 counts days since Sunday.
    let sunday = last - (last + 4).rem_euclid(7);
    sunday * SECONDS_PER_DAY + 3_600
}

const fn summer_time_of_year(year: i64) -> (i64, i64) {
    (
        last_sunday_0100_utc(year, 3),
        last_sunday_0100_utc(year, 10),
    )
}

/// The Paris UTC offset, in seconds, at a Unix second, given its UTC day and second of day.
#[inline]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "utc_day is a Unix second over 86 400, at most 1.1 × 10^14 from zero"
)]
fn offset_at(unix: i64, utc_day: i64, utc_second: i64) -> i32 {
    // From 01:00 UTC on, a change of the day has happened: read the next midnight's state.
    let index = utc_day - TABLE_FIRST_DAY + i64::from(utc_second >= 3_600);
    let summer = usize::try_from(index).ok().and_then(|i| {
        SUMMER_AT_UTC_MIDNIGHT
            .get(i >> 6)
            .map(|w| (w >> (i & 63)) & 1 == 1)
    });
    match summer {
        // Instants fall either side of a change at random: a branch here would mispredict
        // about half the time, so ask for a conditional move.
        Some(summer) => core::hint::select_unpredictable(summer, SUMMER, WINTER),
        None if unix < RULE_FROM_UNIX => historic_offset_at(unix),
        None => far_future_offset_at(unix),
    }
}

/// The Paris UTC offset, in seconds, at a Unix second.
fn offset_at_unix(unix: i64) -> i32 {
    offset_at(
        unix,
        unix.div_euclid(SECONDS_PER_DAY),
        unix.rem_euclid(SECONDS_PER_DAY),
    )
}

impl core::fmt::Display for ParisTime {
    /// The wall-clock time with its offset: `2026-03-30 11:30:00 +02:00`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.naive(), self.offset())
    }
}

impl core::str::FromStr for ParisTime {
    type Err = CalendarError;

    /// Reads what `Display` writes, `2026-03-30 11:30:00 +02:00` (fractions of a second
    /// allowed), and checks the offset is Paris's at that instant.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for another form, or an offset Paris did not have then;
    /// [`CalendarError::InstantOutOfRange`] beyond what the clock reads.
    fn from_str(s: &str) -> Result<ParisTime, CalendarError> {
        let not_the_form = || CalendarError::parse(TextForm::ParisTime, TextProblem::NotTheForm);
        let (local, offset) = s.rsplit_once(' ').ok_or_else(not_the_form)?;
        let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M:%S%.f")
            .map_err(|_| not_the_form())?;
        let offset = parse_offset(offset).ok_or_else(not_the_form)?;
        let instant = local
            .and_utc()
            .timestamp()
            .checked_sub(i64::from(offset))
            .ok_or(CalendarError::InstantOutOfRange)?;
        let reading = reading(instant, local.and_utc().timestamp_subsec_nanos())
            .ok_or(CalendarError::InstantOutOfRange)?;
        if reading.offset_seconds != offset {
            return Err(CalendarError::parse(
                TextForm::ParisTime,
                TextProblem::WrongOffset,
            ));
        }
        Ok(reading)
    }
}

/// `+02:00` or `+00:09:21` (Paris mean time before 1911), as [`FixedOffset`] writes them.
fn parse_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => return None,
    };
    let mut seconds: i32 = 0;
    let mut parts: usize = 0;
    for (part, unit) in rest.split(':').zip([3_600, 60, 1]) {
        if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value = part.parse::<i32>().ok()?.checked_mul(unit)?;
        seconds = seconds.checked_add(value)?;
        parts = parts.checked_add(1)?;
    }
    if rest.split(':').count() != parts || !(2..=3).contains(&parts) {
        return None;
    }
    seconds.checked_mul(sign)
}

/// The offset before 1996, from the IANA history. Kept out of line so that the common path
/// stays small enough to inline.
#[cold]
#[inline(never)]
fn historic_offset_at(unix: i64) -> i32 {
    DateTime::from_timestamp(unix, 0).map_or(WINTER, |utc| {
        IanaParis
            .offset_from_utc_datetime(&utc.naive_utc())
            .fix()
            .local_minus_utc()
    })
}

/// The offset after the table's last year, computed by the same rule.
#[cold]
#[inline(never)]
fn far_future_offset_at(unix: i64) -> i32 {
    // Within a day of the true year; changes are months away from New Year. Callers read
    // only instants whose day chrono holds, so the year is within ±262 143.
    let year = unix.div_euclid(MEAN_YEAR).saturating_add(1970);
    let (start, end) = summer_time_of_year(year);
    if start <= unix && unix < end {
        SUMMER
    } else {
        WINTER
    }
}

/// A reading of the Paris clock: the local day, the time of day and the offset from UTC.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_calendar::clock;
///
/// let instant = Utc.with_ymd_and_hms(2026, 1, 15, 9, 59, 59).single().ok_or("instant")?;
/// let now = clock::paris_time(&instant)?;
/// assert_eq!(now.time().to_string(), "10:59:59");
/// assert_eq!(now.offset().local_minus_utc(), 3600);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParisTime {
    day: Day,
    second_of_day: u32,
    nanosecond: u32,
    offset_seconds: i32,
}

impl ParisTime {
    /// The Paris date, as a [`Day`].
    #[inline]
    pub fn day(self) -> Day {
        self.day
    }

    /// The Paris date.
    pub fn date(self) -> NaiveDate {
        // Readings are only made for days within ±262 000 years, which chrono represents.
        self.day.date().unwrap_or(NaiveDate::MIN)
    }

    /// Seconds since Paris midnight, 0 to 86 399.
    #[inline]
    pub fn second_of_day(self) -> u32 {
        self.second_of_day
    }

    /// Nanoseconds past the second, as the instant carried them.
    #[inline]
    pub fn nanosecond(self) -> u32 {
        self.nanosecond
    }

    /// The Paris time of day.
    pub fn time(self) -> NaiveTime {
        // Both parts were range-checked when the reading was taken.
        NaiveTime::from_num_seconds_from_midnight_opt(self.second_of_day, self.nanosecond)
            .unwrap_or(NaiveTime::MIN)
    }

    /// The Paris date and time of day.
    pub fn naive(self) -> NaiveDateTime {
        self.date().and_time(self.time())
    }

    /// Paris's offset from UTC at that instant (+01:00 or +02:00 since 1996).
    #[inline]
    pub fn offset(self) -> FixedOffset {
        // Paris offsets (+00:09:21 to +02:00) are all valid fixed offsets.
        FixedOffset::east_opt(self.offset_seconds).unwrap_or_else(|| chrono::Utc.fix())
    }
}

/// The Paris clock at `instant`, from any time zone.
///
/// # Errors
///
/// [`CalendarError::InstantOutOfRange`] for instants more than 262 000 years away from
/// year 0, near the ends of chrono's range, where a Paris date might not be representable.
#[inline]
pub fn paris_time<Tz: TimeZone>(instant: &DateTime<Tz>) -> Result<ParisTime, CalendarError> {
    // The UTC day and second straight from chrono's date and time: going through a Unix
    // timestamp would multiply the day into seconds only for the reading to divide it back.
    let utc = instant.naive_utc();
    let day = i64::from(Day::from(utc.date()).days_since_epoch());
    let second = chrono::Timelike::num_seconds_from_midnight(&utc.time());
    let nanosecond = chrono::Timelike::nanosecond(&utc.time());
    match reading_in_table(day, second, nanosecond) {
        Some(reading) => Ok(reading),
        None => reading(instant.timestamp(), nanosecond).ok_or(CalendarError::InstantOutOfRange),
    }
}

/// The Paris clock at a Unix time (seconds since 1970-01-01T00:00:00Z, leap seconds ignored as
/// Unix time does), for data that carries timestamps rather than chrono values.
///
/// # Errors
///
/// [`CalendarError::InstantOutOfRange`] for instants more than 262 000 years away from
/// year 0 (chrono's dates end a little further).
#[inline]
pub fn paris_time_from_unix(seconds: i64) -> Result<ParisTime, CalendarError> {
    reading(seconds, 0).ok_or(CalendarError::InstantOutOfRange)
}

/// Days since 1970 of 262000-01-01 and of -262000-01-01: chrono represents every day between.
const LAST_READABLE_DAY: i64 = days_from_civil(262_000, 1, 1);
const FIRST_READABLE_DAY: i64 = days_from_civil(-262_000, 1, 1);

#[inline]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    clippy::arithmetic_side_effects,
    reason = "in the fast path the day is below the table's 74 875 and the second of day below 86 400 + 7 200"
)]
fn reading(unix: i64, nanosecond: u32) -> Option<ParisTime> {
    // Fast path, 1996 to 2200: unsigned arithmetic from the table's first midnight, one
    // comparison for the range, one lookup for the offset, one carry for the day.
    let since_table = unix.wrapping_sub(RULE_FROM_UNIX) as u64;
    let table_day = since_table / SECONDS_PER_DAY as u64;
    if table_day < (TABLE_DAYS - 1) as u64 {
        // Wrapping operations, not checked ones: the test above bounds every value below, so
        // none can wrap, and overflow checks here cost a fifth of an order's dispatch days.
        let utc_second = since_table.wrapping_sub(table_day.wrapping_mul(SECONDS_PER_DAY as u64));
        return Some(reading_of_table_day(table_day, utc_second, nanosecond));
    }
    reading_outside_table(unix, nanosecond)
}

/// [`reading`] from a UTC day (days since 1970) and a UTC second of that day, when the day is
/// in the table; `None` otherwise (the caller then reads the instant the long way).
#[inline]
#[allow(
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation,
    reason = "a negative day wraps to a table day far beyond the table: the test refuses it; \
              a day's 86 400 seconds fit a u32"
)]
fn reading_in_table(utc_day: i64, utc_second: u32, nanosecond: u32) -> Option<ParisTime> {
    let table_day = utc_day.wrapping_sub(TABLE_FIRST_DAY) as u64;
    (table_day < (TABLE_DAYS - 1) as u64 && utc_second < SECONDS_PER_DAY as u32)
        .then(|| reading_of_table_day(table_day, u64::from(utc_second), nanosecond))
}

/// The fast path of [`reading`]: the reading of `utc_second` of the table's day `table_day`,
/// which the caller has checked to be in the table.
#[inline(always)]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::arithmetic_side_effects,
    reason = "the day is below the table's 74 875, the second of day below 86 400 + 7 200, and \
              Paris's offset in the table's years positive"
)]
fn reading_of_table_day(table_day: u64, utc_second: u64, nanosecond: u32) -> ParisTime {
    {
        // From 01:00 UTC on, a change of the day has happened: read the next midnight's state.
        let index = table_day.wrapping_add(u64::from(utc_second >= 3_600)) as usize;
        let summer = SUMMER_AT_UTC_MIDNIGHT
            .get(index >> 6)
            .is_some_and(|w| (w >> (index & 63)) & 1 == 1);
        // Instants fall either side of a change at random: a branch would mispredict about
        // half the time, so ask for a conditional move.
        let offset_seconds = core::hint::select_unpredictable(summer, SUMMER, WINTER);
        let local_second = utc_second.wrapping_add(offset_seconds as u64);
        let carry = u64::from(local_second >= SECONDS_PER_DAY as u64);
        ParisTime {
            // 1996 to 2200: well within i32 days.
            day: Day::from_days_since_epoch(
                (TABLE_FIRST_DAY as u64)
                    .wrapping_add(table_day)
                    .wrapping_add(carry) as i32,
            ),
            second_of_day: local_second.wrapping_sub(carry.wrapping_mul(SECONDS_PER_DAY as u64))
                as u32,
            nanosecond,
            offset_seconds,
        }
    }
}

/// [`reading`] before 1996 and after 2200.
#[cold]
#[inline(never)]
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::arithmetic_side_effects,
    reason = "the day is checked to be within ±262 000 years first"
)]
fn reading_outside_table(unix: i64, nanosecond: u32) -> Option<ParisTime> {
    let utc_day = unix.div_euclid(SECONDS_PER_DAY);
    // Checked first, so that no arithmetic below can overflow on extreme instants.
    if !(FIRST_READABLE_DAY..LAST_READABLE_DAY).contains(&utc_day) {
        return None;
    }
    let utc_second = unix - utc_day * SECONDS_PER_DAY;
    let offset_seconds = offset_at(unix, utc_day, utc_second);
    // Paris has always been 0 to 2 hours ahead of UTC: the wall clock is at most one day
    // ahead, so a carry replaces a second division.
    let local_second = utc_second + i64::from(offset_seconds);
    let carry = i64::from(local_second >= SECONDS_PER_DAY);
    Some(ParisTime {
        // Within ±262 000 years: the day count fits an i32.
        day: Day::from_days_since_epoch((utc_day + carry) as i32),
        // Below 86 400 after the carry.
        second_of_day: (local_second - carry * SECONDS_PER_DAY) as u32,
        nanosecond,
        offset_seconds,
    })
}

/// The Paris wall-clock date and time at `instant`.
///
/// # Errors
///
/// As [`paris_time`].
pub fn to_paris<Tz: TimeZone>(instant: &DateTime<Tz>) -> Result<NaiveDateTime, CalendarError> {
    paris_time(instant).map(ParisTime::naive)
}

/// The Paris date at `instant`.
///
/// # Errors
///
/// As [`paris_time`].
pub fn paris_date<Tz: TimeZone>(instant: &DateTime<Tz>) -> Result<NaiveDate, CalendarError> {
    paris_time(instant).map(ParisTime::date)
}

/// Which instant a Paris wall-clock time means when it happened twice (the hour repeated when
/// summer time ends).
///
/// `Display` writes the lowercase name (`reject`, `earlier`, `later`), as serde does, and
/// `FromStr` reads it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Ambiguity {
    /// Refuse with [`CalendarError::AmbiguousLocalTime`]: the caller must decide.
    #[default]
    Reject,
    /// The first occurrence, still on summer time.
    Earlier,
    /// The second occurrence, back on winter time.
    Later,
}

impl Ambiguity {
    /// Every choice, in declaration order.
    pub const ALL: [Ambiguity; 3] = [Ambiguity::Reject, Ambiguity::Earlier, Ambiguity::Later];

    fn name(self) -> &'static str {
        match self {
            Ambiguity::Reject => "reject",
            Ambiguity::Earlier => "earlier",
            Ambiguity::Later => "later",
        }
    }
}

impl core::fmt::Display for Ambiguity {
    /// `reject`, `earlier` or `later`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl core::str::FromStr for Ambiguity {
    type Err = CalendarError;

    /// Reads `reject`, `earlier` or `later`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for any other string.
    fn from_str(s: &str) -> Result<Ambiguity, CalendarError> {
        Ambiguity::ALL
            .into_iter()
            .find(|a| a.name() == s)
            .ok_or_else(|| CalendarError::parse(TextForm::Ambiguity, TextProblem::NotTheForm))
    }
}

/// The shop's wall clock, Europe/Paris: instants from the date and time people write, without
/// chrono-tz and without a silent guess.
///
/// Every rule takes instants in any chrono time zone, so a chrono-tz
/// `Paris.with_ymd_and_hms(..)` works as well; this answers with a [`Result`] instead of
/// chrono's `LocalResult`, and its error says what is wrong with the time and gives the
/// French sentence to show ([`CalendarError::message_fr`]).
///
/// # Example
///
/// ```
/// use comptoir_calendar::clock::{Ambiguity, Paris};
///
/// let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
/// assert_eq!(ordered_at.to_rfc3339(), "2026-05-23T18:00:00+02:00");
///
/// // 02:30 on 29 March 2026 never happened; on 25 October it happened twice.
/// assert!(Paris::at(2026, 3, 29, 2, 30, 0).is_err_and(|e| e.is_local_time()));
/// assert!(Paris::at(2026, 10, 25, 2, 30, 0).is_err_and(|e| e.is_local_time()));
/// let twice = chrono::NaiveDate::from_ymd_opt(2026, 10, 25)
///     .and_then(|d| d.and_hms_opt(2, 30, 0))
///     .ok_or("time")?;
/// assert_eq!(Paris::at_local(twice, Ambiguity::Later)?.to_rfc3339(), "2026-10-25T02:30:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Paris;

impl Paris {
    /// The instant the Paris wall clock shows as that date and time.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::InvalidDate`] for a date no calendar has (30 February),
    ///   [`CalendarError::InvalidTimeOfDay`] for a time no clock shows (24:00);
    /// - [`CalendarError::NonexistentLocalTime`] for a time skipped when summer time starts;
    /// - [`CalendarError::AmbiguousLocalTime`] for a time repeated when it ends: choose with
    ///   [`Paris::at_local`];
    /// - [`CalendarError::InstantOutOfRange`] more than 262 000 years away from year 0.
    pub fn at(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(CalendarError::InvalidDate {
            year,
            month,
            day,
        })?;
        let time = NaiveTime::from_hms_opt(hour, minute, second).ok_or(
            CalendarError::InvalidTimeOfDay {
                hour,
                minute,
                second,
            },
        )?;
        let local = date.and_time(time);
        from_paris(local, Ambiguity::Reject)
    }

    /// The instant a Paris wall-clock time stands for, `ambiguity` choosing in the autumn
    /// overlap: [`from_paris`].
    ///
    /// # Errors
    ///
    /// As [`from_paris`].
    pub fn at_local(
        local: NaiveDateTime,
        ambiguity: Ambiguity,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        from_paris(local, ambiguity)
    }

    /// The Paris clock at `instant`: [`paris_time`].
    ///
    /// # Errors
    ///
    /// As [`paris_time`].
    pub fn time_at<Tz: TimeZone>(instant: &DateTime<Tz>) -> Result<ParisTime, CalendarError> {
        paris_time(instant)
    }
}

/// The instant a Paris wall-clock time stands for, with Paris's offset at that instant.
///
/// # Errors
///
/// - [`CalendarError::NonexistentLocalTime`] for a time in the hour skipped when summer
///   time starts (02:00 to 02:59:59 on the last Sunday of March);
/// - [`CalendarError::AmbiguousLocalTime`] for a time in the hour repeated when it ends, if
///   `ambiguity` is [`Ambiguity::Reject`];
/// - [`CalendarError::InstantOutOfRange`] more than 262 000 years away from year 0.
pub fn from_paris(
    local: NaiveDateTime,
    ambiguity: Ambiguity,
) -> Result<DateTime<FixedOffset>, CalendarError> {
    let local_seconds = local.and_utc().timestamp();
    let nanos = local.and_utc().timestamp_subsec_nanos();
    // Near the ends of chrono's range the instant may not be representable: say so, rather
    // than let the time-zone lookup fail as if the time had been skipped.
    let local_day = local_seconds.div_euclid(SECONDS_PER_DAY);
    if !(FIRST_READABLE_DAY < local_day && local_day < LAST_READABLE_DAY - 1) {
        return Err(CalendarError::InstantOutOfRange);
    }
    if local_seconds < RULE_FROM_UNIX {
        let fixed = |dt: DateTime<chrono_tz::Tz>| dt.fixed_offset();
        return match IanaParis.from_local_datetime(&local) {
            chrono::LocalResult::Single(dt) => Ok(fixed(dt)),
            chrono::LocalResult::Ambiguous(a, b) => choose(local, ambiguity, fixed(a), fixed(b)),
            chrono::LocalResult::None => Err(CalendarError::NonexistentLocalTime { local }),
        };
    }
    let candidate = |offset: i32| -> Option<DateTime<FixedOffset>> {
        let unix = local_seconds.checked_sub(i64::from(offset))?;
        if offset_at_unix(unix) != offset {
            return None;
        }
        let tz = FixedOffset::east_opt(offset)?;
        Some(DateTime::from_timestamp(unix, nanos)?.with_timezone(&tz))
    };
    match (candidate(SUMMER), candidate(WINTER)) {
        (Some(a), Some(b)) => choose(local, ambiguity, a, b),
        (Some(one), None) | (None, Some(one)) => Ok(one),
        (None, None) => Err(CalendarError::NonexistentLocalTime { local }),
    }
}

fn choose(
    local: NaiveDateTime,
    ambiguity: Ambiguity,
    a: DateTime<FixedOffset>,
    b: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, CalendarError> {
    let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
    match ambiguity {
        Ambiguity::Reject => Err(CalendarError::AmbiguousLocalTime { local }),
        Ambiguity::Earlier => Ok(earlier),
        Ambiguity::Later => Ok(later),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Utc};

    // Time (docs/rules.md): the EU rule starts with 1996's changes.
    #[test]
    fn first_changes_are_those_of_1996() {
        // 31 March 1996 and 27 October 1996, 01:00 UTC.
        assert_eq!(summer_time_of_year(1996), (828_234_000, 846_378_000));
        assert_eq!(
            days_from_civil(1996, 1, 1) * SECONDS_PER_DAY,
            RULE_FROM_UNIX
        );
    }

    // Time (docs/rules.md): last Sundays of March and October, 01:00 UTC, 1996-2200.
    #[test]
    fn table_is_right_around_every_change() {
        for year in 1996..=2200 {
            let (start, end) = summer_time_of_year(year);
            for (t, expected) in [
                (start - 3_601, WINTER),
                (start - 1, WINTER),
                (start, SUMMER),
                (start + 82_800, SUMMER),
                (end - 1, SUMMER),
                (end, WINTER),
                (end + 82_800, WINTER),
            ] {
                assert_eq!(offset_at_unix(t), expected, "year {year}");
            }
        }
    }

    // Time (docs/rules.md): the rule goes on after the table.
    #[test]
    fn beyond_the_table_the_rule_goes_on() {
        let summer = days_from_civil(2250, 7, 15) * SECONDS_PER_DAY;
        let winter = days_from_civil(2250, 1, 15) * SECONDS_PER_DAY;
        assert_eq!(offset_at_unix(summer), SUMMER);
        assert_eq!(offset_at_unix(winter), WINTER);
        let (start, end) = summer_time_of_year(2201);
        assert_eq!(offset_at_unix(start - 1), WINTER);
        assert_eq!(offset_at_unix(start), SUMMER);
        assert_eq!(offset_at_unix(end - 1), SUMMER);
        assert_eq!(offset_at_unix(end), WINTER);
    }

    // Time (docs/rules.md), CAL-4: extreme instants are errors, never panics.
    #[test]
    fn unix_extremes_are_errors_not_panics() {
        assert!(paris_time_from_unix(i64::MAX).is_err());
        assert!(paris_time_from_unix(i64::MIN).is_err());
        let max = DateTime::<Utc>::MAX_UTC;
        let min = DateTime::<Utc>::MIN_UTC;
        assert_eq!(paris_time(&max), Err(CalendarError::InstantOutOfRange));
        assert!(paris_time_from_unix((LAST_READABLE_DAY - 1) * SECONDS_PER_DAY).is_ok());
        assert!(paris_time_from_unix(LAST_READABLE_DAY * SECONDS_PER_DAY).is_err());
        assert!(paris_time_from_unix(FIRST_READABLE_DAY * SECONDS_PER_DAY).is_ok());
        assert!(paris_time_from_unix(FIRST_READABLE_DAY * SECONDS_PER_DAY - 1).is_err());
        assert_eq!(paris_time(&min), Err(CalendarError::InstantOutOfRange));
        for extreme in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
            for choice in [Ambiguity::Reject, Ambiguity::Earlier, Ambiguity::Later] {
                assert_eq!(
                    from_paris(extreme, choice),
                    Err(CalendarError::InstantOutOfRange)
                );
            }
        }
        let far_past = NaiveDate::from_ymd_opt(-261_999, 6, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        let far_past = far_past.map(|t| t.and_utc());
        assert!(
            far_past.is_some_and(|t| paris_time(&t).is_ok_and(|p| p.date().year() == -261_999))
        );
    }
}
