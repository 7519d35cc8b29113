//! [`proptest`](mod@proptest) strategies for dates, instants and calendars, for property tests of code
//! built on the calendar.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::{strategies, Calendar};
//! use proptest::prelude::*;
//!
//! let cal = Calendar::metropolitan();
//! proptest!(|(day in strategies::date_in_range())| {
//!     prop_assert!(cal.is_business_day(day).is_ok());
//! });
//! ```

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;

use crate::clock::{Ambiguity, from_paris};
use crate::{BusinessDays, Calendar, CalendarDays, CalendarPolicy, DayWindow, LocalDays, Region};

/// Any day the calendar answers for, 1900-01-01 to 2200-12-31.
pub fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    let span = Calendar::MAX_DATE
        .signed_duration_since(Calendar::MIN_DATE)
        .num_days();
    (0..=span.unsigned_abs()).prop_map(|n| {
        Calendar::MIN_DATE
            .checked_add_days(Days::new(n))
            .unwrap_or(Calendar::MIN_DATE)
    })
}

/// A day between `from` and `to` inclusive (`to` before `from` gives `from`).
pub fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = to.signed_duration_since(from).num_days().max(0);
    (0..=span.unsigned_abs()).prop_map(move |n| from.checked_add_days(Days::new(n)).unwrap_or(from))
}

// Instants: one scheme for every crate. `instant_in_range` and `instant_between` mirror
// `date_in_range` and `date_between`; `instant_near_cutoff` and `instant_near_dst_change`
// aim at the two places a shop clock goes wrong. The other crates' strategies take their
// instants from here.

/// An instant, to the second, whose Paris date lies within the calendar's range with a day to
/// spare at both ends.
pub fn instant_in_range() -> impl Strategy<Value = DateTime<Utc>> {
    // 1900-01-02T00:00:00Z .. 2200-12-30T00:00:00Z
    (-2_208_902_400i64..7_289_452_800)
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH))
}

/// An instant, to the second, from `from` (included) to `to` (excluded); `to` at or before
/// `from` gives `from`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use comptoir_calendar::strategies::instant_between;
/// use proptest::prelude::*;
///
/// let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let to = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap();
/// proptest!(|(at in instant_between(from, to))| {
///     prop_assert!(from <= at && at < to);
/// });
/// ```
pub fn instant_between(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> impl Strategy<Value = DateTime<Utc>> {
    let start = from.timestamp();
    let span = to.timestamp().saturating_sub(start).max(1);
    (0..span).prop_map(move |s| {
        start
            .checked_add(s)
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(from)
    })
}

/// The last Sunday of March (`spring`) or October of `year`, when Paris changes its clocks
/// (1996 on).
fn dst_change_sunday(year: i32, spring: bool) -> NaiveDate {
    let month = if spring { 3 } else { 10 };
    let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MIN);
    let back = u64::from(chrono::Datelike::weekday(&last).num_days_from_sunday());
    last.checked_sub_days(Days::new(back)).unwrap_or(last)
}

/// An instant within three hours of a Paris summer-time change (1996 to 2200), where a naive
/// clock goes wrong.
pub fn instant_near_dst_change() -> impl Strategy<Value = DateTime<Utc>> {
    (1996i32..=2200, prop::bool::ANY, -10_800i64..=10_800).prop_map(|(year, spring, delta)| {
        let sunday = dst_change_sunday(year, spring);
        let change = sunday.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc();
        change
            .timestamp()
            .checked_add(delta)
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(change)
    })
}

/// An instant near `cutoff` on the Paris clock (DISP-1's 11:00 and any other): on any day from
/// 1996 to 2199, the change-over Sundays of summer time and the days either side of them
/// one time in four, within two hours of the cutoff, and one time in four within two seconds
/// of it (the cutoff itself included).
///
/// A wall-clock time skipped when summer time starts is read an hour later, as the clock
/// shows it; a time shown twice in autumn is its first occurrence.
///
/// ```
/// use chrono::NaiveTime;
/// use comptoir_calendar::{clock::Paris, strategies::instant_near_cutoff};
/// use proptest::prelude::*;
///
/// let eleven = NaiveTime::from_hms_opt(11, 0, 0).unwrap();
/// proptest!(|(at in instant_near_cutoff(eleven))| {
///     let time = Paris::time_at(&at).unwrap().time();
///     let from_cutoff = (time - eleven).num_seconds().abs();
///     prop_assert!(from_cutoff <= 2 * 3600);
/// });
/// ```
pub fn instant_near_cutoff(cutoff: NaiveTime) -> impl Strategy<Value = DateTime<Utc>> {
    let first = NaiveDate::from_ymd_opt(1996, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap_or(NaiveDate::MIN);
    let near_change = (1996i32..=2199, prop::bool::ANY, -1i64..=1).prop_map(|(y, spring, d)| {
        let sunday = dst_change_sunday(y, spring);
        sunday
            .checked_add_signed(chrono::TimeDelta::days(d))
            .unwrap_or(sunday)
    });
    let day = prop_oneof![3 => date_between(first, last), 1 => near_change];
    let delta = prop_oneof![3 => -7_200i64..=7_200, 1 => -2i64..=2];
    (day, delta).prop_map(move |(day, delta)| {
        let local = day.and_time(cutoff);
        let local = local
            .checked_add_signed(chrono::TimeDelta::seconds(delta))
            .unwrap_or(local);
        let skipped_forward = local
            .checked_add_signed(chrono::TimeDelta::hours(1))
            .unwrap_or(local);
        from_paris(local, Ambiguity::Earlier)
            .or_else(|_| from_paris(skipped_forward, Ambiguity::Earlier))
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|_| local.and_utc())
    })
}

/// A region, overseas ones included.
pub fn region() -> impl Strategy<Value = Region> {
    prop::sample::select(Region::ALL.to_vec())
}

/// A level of a region's own days: statutory, observed or customary ones too.
pub fn local_days() -> impl Strategy<Value = LocalDays> {
    prop::sample::select(LocalDays::ALL.to_vec())
}

/// A shop's calendar policy: any region, Whit Monday either way, any level of local days, up
/// to 20 closure days in range.
pub fn calendar_policy() -> impl Strategy<Value = CalendarPolicy> {
    (
        region(),
        prop::bool::ANY,
        local_days(),
        prop::collection::vec(date_in_range(), 0..20),
    )
        .prop_map(
            |(region, whit_monday_closed, local_days, closures)| CalendarPolicy {
                region,
                whit_monday_closed,
                local_days,
                closures,
            },
        )
}

/// The legal calendar's policy of any region ([`CalendarPolicy::legal`]), for statutory
/// periods.
pub fn legal_calendar_policy() -> impl Strategy<Value = CalendarPolicy> {
    region().prop_map(CalendarPolicy::legal)
}

/// A window of days within the calendar's range, up to a year long.
pub fn day_window() -> impl Strategy<Value = DayWindow> {
    (date_in_range(), 0u64..=366).prop_map(|(earliest, length)| {
        let latest = earliest
            .checked_add_days(Days::new(length))
            .filter(|d| *d <= Calendar::MAX_DATE)
            .unwrap_or(earliest);
        DayWindow::new(earliest, latest).unwrap_or(DayWindow::single(earliest))
    })
}

/// Any count of calendar days, small ones (the rules' delays) more often.
pub fn calendar_days() -> impl Strategy<Value = CalendarDays> {
    prop_oneof![
        3 => (0u32..=400).prop_map(CalendarDays::new),
        1 => any::<u32>().prop_map(CalendarDays::new),
    ]
}

/// Any count of business days, negative ones included, small ones more often.
pub fn business_days() -> impl Strategy<Value = BusinessDays> {
    prop_oneof![
        3 => (-30i32..=30).prop_map(BusinessDays::new),
        1 => any::<i32>().prop_map(BusinessDays::new),
    ]
}
