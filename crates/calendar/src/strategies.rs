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

use chrono::{DateTime, Days, NaiveDate, Utc};
use proptest::prelude::*;

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

/// An instant, to the second, whose Paris date lies within the calendar's range with a day to
/// spare at both ends.
pub fn instant_in_range() -> impl Strategy<Value = DateTime<Utc>> {
    // 1900-01-02T00:00:00Z .. 2200-12-30T00:00:00Z
    (-2_208_902_400i64..7_289_452_800)
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap_or(DateTime::<Utc>::UNIX_EPOCH))
}

/// An instant within three hours of a Paris summer-time change (1996 to 2200), where a naive
/// clock goes wrong.
pub fn instant_near_dst_change() -> impl Strategy<Value = DateTime<Utc>> {
    (1996i32..=2200, prop::bool::ANY, -10_800i64..=10_800).prop_map(|(year, spring, delta)| {
        let month = if spring { 3 } else { 10 };
        let last = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or(NaiveDate::MIN);
        let back = u64::from(chrono::Datelike::weekday(&last).num_days_from_sunday());
        let sunday = last.checked_sub_days(Days::new(back)).unwrap_or(last);
        let change = sunday.and_hms_opt(1, 0, 0).unwrap_or_default().and_utc();
        change
            .timestamp()
            .checked_add(delta)
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(change)
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
