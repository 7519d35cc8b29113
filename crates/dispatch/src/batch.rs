//! Dispatch days of whole batches of orders (DISP-1, DISP-3) at table speed.
//!
//! A pipeline that recomputes a day of orders, or a year of them after a closure is declared,
//! asks the same two questions millions of times: the day each order is taken into account
//! and its dispatch-by day. For one policy and one calendar both depend only on the order's
//! Paris date and on which side of the cutoff its time falls, so a [`DispatchTable`] answers
//! them from a table indexed by day, built once: the policy is checked and the calendar walked
//! once per table, not once per order. [`DispatchTable::compute_unix`] and
//! [`DispatchTable::compute_utc`] fill buffers the caller gives, with no allocation per order;
//! [`dispatch_days_unix`] and [`dispatch_days_utc`] build the table over the days a batch
//! spans and fill the buffers in one call.
//!
//! Memory: 24 bytes per day the table spans (its two [`Day`]s, and its reading of the Paris
//! clock for the UTC day), plus a few words: about 17 KiB for two years, about 2.6 MiB over the
//! calendar's whole range (1900-2200). [`DispatchTable::memory_bytes`] says it for a table.
//!
//! The answers are those of [`DispatchPolicy::taken_and_dispatch_by_on`] and
//! [`DispatchSchedule::compute`](crate::DispatchSchedule::compute) for every instant, and so
//! are the errors, with the index of the first instant they concern
//! ([`DispatchError::AtIndex`]); nothing is written past it.

use chrono::{DateTime, Utc};
use comptoir_calendar::{Calendar, CalendarError, Day, clock};

use crate::{DispatchError, DispatchPolicy};

/// The Paris clock during one UTC day, as the batch reads it without a branch: before 01:00
/// UTC the Paris day is `day` (relative to the table's first day) and its second is `second`
/// plus the UTC second of the day; from 01:00 UTC on, `day + day_step` and `second +
/// second_step`. (Paris changes its clocks at 01:00 UTC, and only then.) A second past
/// midnight carries into the next day.
///
/// Before 1977 Paris changed its clocks at other hours (23:00 UTC from 1916 to 1939, for one):
/// such a day is `exact`, read with the calendar's clock itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ClockDay {
    day: i32,
    day_step: i32,
    second: i32,
    second_step: i32,
    exact: bool,
}

/// The days taken into account and the dispatch-by days of every order whose Paris date lies
/// in a span of days, for one policy and one calendar (DISP-1, DISP-3).
///
/// # Example
///
/// ```
/// use comptoir_calendar::{Calendar, Day};
/// use comptoir_dispatch::{DispatchPolicy, DispatchTable};
///
/// let cal = Calendar::metropolitan();
/// let policy = DispatchPolicy::default();
/// let table = DispatchTable::new("2026-01-01".parse()?, "2026-12-31".parse()?, &policy, &cal)?;
/// // Saturday 23 May 2026 at 18:00 in Paris (16:00 UTC), then Friday 22 at 10:00 (08:00 UTC).
/// let orders = [1_779_552_000, 1_779_436_800];
/// let mut taken = [Day::from_days_since_epoch(0); 2];
/// let mut by = taken;
/// table.compute_unix(&orders, &mut taken, &mut by)?;
/// assert_eq!(taken.map(|d| d.to_string()), ["2026-05-26", "2026-05-22"]);
/// assert_eq!(by.map(|d| d.to_string()), ["2026-05-29", "2026-05-28"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatchTable {
    /// The first candidate day of the table (an order's Paris date, or the day after it).
    first: Day,
    /// For each candidate day from `first` on: the day taken into account and the
    /// dispatch-by day, as days since 1970.
    days: Vec<(i32, i32)>,
    /// The cutoff, as a second of the day and its nanoseconds.
    cutoff: (u32, u32),
    /// The first whole second of the day at or after the cutoff: an instant read to the
    /// second (Unix seconds) is past the cutoff from it on.
    cutoff_whole_second: u32,
    /// The Unix second of the first UTC midnight of `clock`.
    clock_start: i64,
    /// The Paris clock over the table's span, per UTC day: its reading at 00:00 UTC, and how
    /// it moves at 01:00 UTC, when Paris changes its clocks (see [`ClockDay`]).
    clock: Vec<ClockDay>,
    policy: DispatchPolicy,
}

impl DispatchTable {
    /// The table for orders whose Paris date lies from `from` to `to` (both included), under
    /// `policy`, on `calendar`. It holds the answer for each candidate day from `from` to the
    /// day after `to`, so it also answers an order of the day before `from` placed after the
    /// cutoff, and one of the day after `to` placed before it (the same answers as every
    /// path's); it refuses the others.
    ///
    /// # Errors
    ///
    /// [`DispatchError::InvalidPolicy`] for a policy [`DispatchPolicy::validate`] refuses,
    /// [`DispatchError::InvalidSchedule`] when `to` is before `from`, and
    /// [`DispatchError::Calendar`] when a day of the span, or a day an order of it would be
    /// taken into account or dispatched by, is outside the calendar's range.
    pub fn new(
        from: Day,
        to: Day,
        policy: &DispatchPolicy,
        calendar: &Calendar,
    ) -> Result<DispatchTable, DispatchError> {
        policy.validate()?;
        if to < from {
            return Err(DispatchError::InvalidSchedule {
                reason: "a dispatch table's last day comes before its first",
            });
        }
        // The candidate days: each order's date, and the day after for orders past the cutoff.
        let last = to.checked_add(1).ok_or(CalendarError::OutOfRange {
            date: to,
            min: Calendar::MIN_DATE,
            max: Calendar::MAX_DATE,
        })?;
        // Two i32 day numbers differ by less than 2^33: no i64 operation below can wrap.
        let span = usize::try_from(
            i64::from(last.days_since_epoch())
                .wrapping_sub(i64::from(from.days_since_epoch()))
                .wrapping_add(1),
        )
        .unwrap_or(0);
        let mut days = Vec::with_capacity(span);
        let mut candidate = from;
        loop {
            let (taken, by) = policy.taken_and_dispatch_by_of_candidate(candidate, calendar)?;
            days.push((taken.days_since_epoch(), by.days_since_epoch()));
            if candidate >= last {
                break;
            }
            candidate = candidate.checked_add(1).ok_or(CalendarError::OutOfRange {
                date: candidate,
                min: Calendar::MIN_DATE,
                max: Calendar::MAX_DATE,
            })?;
        }
        let (clock_start, clock) = clock_of_span(from, last)?;
        Ok(DispatchTable {
            first: from,
            days,
            clock_start,
            clock,
            cutoff: (
                chrono::Timelike::num_seconds_from_midnight(&policy.cutoff),
                chrono::Timelike::nanosecond(&policy.cutoff),
            ),
            cutoff_whole_second: chrono::Timelike::num_seconds_from_midnight(&policy.cutoff)
                .saturating_add(u32::from(chrono::Timelike::nanosecond(&policy.cutoff) > 0)),
            policy: *policy,
        })
    }

    /// The first order date the table answers for.
    pub fn first_day(&self) -> Day {
        self.first
    }

    /// The last order date the table answers for.
    pub fn last_day(&self) -> Day {
        // The table holds one more candidate day than order days.
        let span = i32::try_from(self.days.len()).unwrap_or(i32::MAX);
        self.first
            .checked_add(span.saturating_sub(2))
            .unwrap_or(self.first)
    }

    /// The bytes the table holds on the heap.
    pub fn memory_bytes(&self) -> usize {
        self.days
            .capacity()
            .saturating_mul(core::mem::size_of::<(i32, i32)>())
            .saturating_add(
                self.clock
                    .capacity()
                    .saturating_mul(core::mem::size_of::<ClockDay>()),
            )
    }

    /// The day taken into account and the dispatch-by day of an order placed at `second`
    /// and `nanosecond` of the Paris day `day`, when its date is in the table.
    #[inline]
    fn lookup(&self, day: Day, second: u32, nanosecond: u32) -> Option<(Day, Day)> {
        self.lookup_after(day, (second, nanosecond) >= self.cutoff)
    }

    /// The two days of an order at Unix second `at`, read on the table's own clock, when the
    /// table holds it: no branch but the range checks, every order either side of a clock
    /// change or of the cutoff at random.
    #[inline(always)]
    #[allow(
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation,
        clippy::cast_possible_wrap,
        clippy::cast_sign_loss,
        reason = "the range test bounds the UTC day below the table's few thousand and the \
                  second below 86 400; the clock's seconds stay below 2 x 86 400"
    )]
    fn lookup_unix(&self, at: i64) -> Option<(Day, Day)> {
        self.lookup_clock(at, |second| second >= self.cutoff_whole_second)
    }

    /// [`DispatchTable::lookup_unix`] for an instant with its nanoseconds.
    #[inline(always)]
    fn lookup_utc(&self, at: i64, nanosecond: u32) -> Option<(Day, Day)> {
        self.lookup_clock(at, |second| (second, nanosecond) >= self.cutoff)
    }

    /// The two days of an order at Unix second `at`, `after_cutoff` telling from the Paris
    /// second of the day whether it is past the cutoff.
    #[inline(always)]
    #[allow(
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation,
        clippy::cast_possible_wrap,
        clippy::cast_sign_loss,
        reason = "the range test bounds the UTC day below the table's few thousand and the \
                  second below 86 400; the clock's seconds stay below 2 x 86 400"
    )]
    fn lookup_clock(&self, at: i64, after_cutoff: impl Fn(u32) -> bool) -> Option<(Day, Day)> {
        // Wrapping operations: the range test bounds every value (overflow checks, on in
        // release builds, would cost a third of the lookup).
        let since = at.wrapping_sub(self.clock_start) as u64;
        let utc_day = since / SECONDS_PER_DAY as u64;
        let entry = self.clock.get(usize::try_from(utc_day).ok()?)?;
        if entry.exact {
            return self.lookup_exact(at, &after_cutoff);
        }
        let utc_second = since.wrapping_sub(utc_day.wrapping_mul(SECONDS_PER_DAY as u64)) as i32;
        let late = i32::from(utc_second >= 3_600);
        let second = entry
            .second
            .wrapping_add(late.wrapping_mul(entry.second_step))
            .wrapping_add(utc_second);
        let carry = i32::from(second >= SECONDS_PER_DAY as i32);
        let second = second.wrapping_sub(carry.wrapping_mul(SECONDS_PER_DAY as i32));
        let after_cutoff = i32::from(after_cutoff(second as u32));
        let candidate = entry
            .day
            .wrapping_add(late.wrapping_mul(entry.day_step))
            .wrapping_add(carry)
            .wrapping_add(after_cutoff);
        // Every candidate day of the table holds its answer, whichever order it comes from.
        let index = usize::try_from(candidate).ok()?;
        self.days.get(index).map(|&(taken, by)| {
            (
                Day::from_days_since_epoch(taken),
                Day::from_days_since_epoch(by),
            )
        })
    }

    /// [`DispatchTable::lookup_clock`] on a day whose clock change the table does not model:
    /// the calendar's own reading of the instant.
    #[cold]
    #[inline(never)]
    fn lookup_exact(&self, at: i64, after_cutoff: &dyn Fn(u32) -> bool) -> Option<(Day, Day)> {
        let reading = clock::paris_time_from_unix(at).ok()?;
        self.lookup_after(reading.day(), after_cutoff(reading.second_of_day()))
    }

    #[inline]
    fn lookup_after(&self, day: Day, after_cutoff: bool) -> Option<(Day, Day)> {
        // Day numbers are i32: their difference plus one fits an i64 with room to spare, so
        // wrapping operations cannot wrap, and checked ones would cost the hot loop.
        let index = i64::from(day.days_since_epoch())
            .wrapping_sub(i64::from(self.first.days_since_epoch()))
            .wrapping_add(i64::from(after_cutoff));
        // Every candidate day of the table holds its answer, whichever order it comes from.
        let index = usize::try_from(index).ok()?;
        self.days.get(index).map(|&(taken, by)| {
            (
                Day::from_days_since_epoch(taken),
                Day::from_days_since_epoch(by),
            )
        })
    }

    /// The two days of one order placed at `ordered_at` (a reading of the Paris clock).
    ///
    /// # Errors
    ///
    /// [`DispatchError::Calendar`] with [`CalendarError::OutOfRange`] when the table does not
    /// hold the order's candidate day (see [`DispatchTable::new`]), naming the calendar's
    /// range for an order outside it and the table's span otherwise.
    #[inline]
    pub fn taken_and_dispatch_by(
        &self,
        ordered_at: clock::ParisTime,
    ) -> Result<(Day, Day), DispatchError> {
        self.lookup(
            ordered_at.day(),
            ordered_at.second_of_day(),
            ordered_at.nanosecond(),
        )
        .ok_or_else(|| self.miss(ordered_at))
    }

    /// The error for the order at `index`, at Unix second `at`, that the table does not hold.
    #[cold]
    #[inline(never)]
    fn miss_unix(&self, at: i64, index: usize) -> DispatchError {
        match clock::paris_time_from_unix(at) {
            Ok(reading) => at_index(index, self.miss(reading)),
            Err(e) => at_index(index, e.into()),
        }
    }

    /// The error for an order outside the table: the calendar's range error, naming the
    /// calendar's range for an order outside it and the table's span otherwise.
    #[cold]
    fn miss(&self, ordered_at: clock::ParisTime) -> DispatchError {
        let day = ordered_at.day();
        let in_calendar =
            Day::from(Calendar::MIN_DATE) <= day && day <= Day::from(Calendar::MAX_DATE);
        let (min, max) = if in_calendar {
            (
                self.first.date().unwrap_or(Calendar::MIN_DATE),
                self.last_day().date().unwrap_or(Calendar::MAX_DATE),
            )
        } else {
            (Calendar::MIN_DATE, Calendar::MAX_DATE)
        };
        DispatchError::Calendar(CalendarError::OutOfRange {
            date: day,
            min,
            max,
        })
    }

    /// Fills `taken[i]` and `dispatch_by[i]` for the order placed at `seconds[i]` (Unix
    /// seconds), for every `i`.
    ///
    /// # Errors
    ///
    /// [`DispatchError::BufferLength`] when the three slices differ in length (nothing
    /// written); [`DispatchError::AtIndex`] with the index of the first order whose instant
    /// the Paris clock cannot read or that the table does not hold, the buffers written
    /// before it and nothing after.
    pub fn compute_unix(
        &self,
        seconds: &[i64],
        taken: &mut [Day],
        dispatch_by: &mut [Day],
    ) -> Result<(), DispatchError> {
        check_lengths(seconds.len(), taken.len(), dispatch_by.len())?;
        fill(
            Some(self),
            seconds,
            taken,
            dispatch_by,
            |table, &at| table.lookup_unix(at),
            |index, &at| Err(self.miss_unix(at, index)),
        )
    }

    /// [`DispatchTable::compute_unix`] for chrono instants.
    ///
    /// # Errors
    ///
    /// As [`DispatchTable::compute_unix`].
    pub fn compute_utc(
        &self,
        instants: &[DateTime<Utc>],
        taken: &mut [Day],
        dispatch_by: &mut [Day],
    ) -> Result<(), DispatchError> {
        check_lengths(instants.len(), taken.len(), dispatch_by.len())?;
        fill(
            Some(self),
            instants,
            taken,
            dispatch_by,
            DispatchTable::lookup_instant,
            |index, at| {
                Err(match clock::paris_time(at) {
                    Ok(reading) => at_index(index, self.miss(reading)),
                    Err(e) => at_index(index, e.into()),
                })
            },
        )
    }

    /// [`DispatchTable::lookup_utc`] for a chrono instant.
    #[inline(always)]
    fn lookup_instant(&self, at: &DateTime<Utc>) -> Option<(Day, Day)> {
        self.lookup_utc(at.timestamp(), at.timestamp_subsec_nanos())
    }

    /// The policy the table was built for.
    pub fn policy(&self) -> &DispatchPolicy {
        &self.policy
    }
}

/// Fills the buffers (of the instants' length, checked by the caller) from `table` with
/// `lookup`, asking `missed` for the orders it does not hold (all of them without a table);
/// stops at the first error.
#[inline(always)]
fn fill<T>(
    table: Option<&DispatchTable>,
    instants: &[T],
    taken: &mut [Day],
    dispatch_by: &mut [Day],
    lookup: impl Fn(&DispatchTable, &T) -> Option<(Day, Day)>,
    missed: impl FnMut(usize, &T) -> Result<(Day, Day), DispatchError>,
) -> Result<(), DispatchError> {
    // The table's presence is settled once, outside the loop.
    match table {
        Some(table) => fill_with(instants, taken, dispatch_by, |at| lookup(table, at), missed),
        None => fill_with(instants, taken, dispatch_by, |_| None, missed),
    }
}

#[inline(always)]
fn fill_with<T>(
    instants: &[T],
    taken: &mut [Day],
    dispatch_by: &mut [Day],
    lookup: impl Fn(&T) -> Option<(Day, Day)>,
    mut missed: impl FnMut(usize, &T) -> Result<(Day, Day), DispatchError>,
) -> Result<(), DispatchError> {
    // No `enumerate`: the index is only the error's, counted here, and a plain zip of
    // three slices keeps the loop in registers.
    let mut index = 0usize;
    for ((at, t), b) in instants
        .iter()
        .zip(taken.iter_mut())
        .zip(dispatch_by.iter_mut())
    {
        (*t, *b) = match lookup(at) {
            Some(days) => days,
            None => missed(index, at)?,
        };
        index = index.wrapping_add(1);
    }
    Ok(())
}

/// One call for a whole batch: the policy checked once, a table over the Paris days of the
/// batch's extreme instants (`read` reads one), the orders it does not hold through the
/// one-at-a-time path (`ordinary`), answers and errors alike.
#[inline(always)]
fn dispatch_days<T: Copy + Ord>(
    instants: &[T],
    policy: &DispatchPolicy,
    calendar: &Calendar,
    taken: &mut [Day],
    dispatch_by: &mut [Day],
    read: impl Fn(&T) -> Result<clock::ParisTime, CalendarError>,
    lookup: impl Fn(&DispatchTable, &T) -> Option<(Day, Day)>,
) -> Result<(), DispatchError> {
    check_lengths(instants.len(), taken.len(), dispatch_by.len())?;
    policy.validate()?;
    // The span from the extreme instants alone: a min and a max in one pass (which the
    // compiler vectorises for seconds), then two readings of the clock. An extreme the clock
    // cannot read leaves the table out; the orders then take the one-at-a-time path, which
    // names the first bad one.
    let Some(&first) = instants.first() else {
        return Ok(());
    };
    let (lo, hi) = instants
        .iter()
        .fold((first, first), |(lo, hi), &at| (lo.min(at), hi.max(at)));
    let (from, to) = match (read(&lo), read(&hi)) {
        (Ok(lo), Ok(hi)) => (lo.day(), hi.day()),
        _ => {
            let min = Day::from(Calendar::MIN_DATE);
            (min, min)
        }
    };
    let table = table_for_span(from, to, policy, calendar);
    fill(
        table.as_ref(),
        instants,
        taken,
        dispatch_by,
        lookup,
        |index, at| ordinary(read(at), policy, calendar, index),
    )
}

/// The one-at-a-time path for an order the table does not hold, its error with its index.
#[cold]
#[inline(never)]
fn ordinary(
    reading: Result<clock::ParisTime, CalendarError>,
    policy: &DispatchPolicy,
    calendar: &Calendar,
    index: usize,
) -> Result<(Day, Day), DispatchError> {
    reading
        .map_err(DispatchError::from)
        .and_then(|reading| policy.taken_and_dispatch_by_on(reading, calendar))
        .map_err(|e| at_index(index, e))
}

/// The Paris clock per UTC day, from the UTC day before `from` to the one after `last`.
fn clock_of_span(from: Day, last: Day) -> Result<(i64, Vec<ClockDay>), DispatchError> {
    let out_of_range = |date| CalendarError::OutOfRange {
        date,
        min: Calendar::MIN_DATE,
        max: Calendar::MAX_DATE,
    };
    let start_day = from.checked_add(-1).ok_or(out_of_range(from))?;
    let end_day = last.checked_add(1).ok_or(out_of_range(last))?;
    let start = i64::from(start_day.days_since_epoch()).saturating_mul(SECONDS_PER_DAY);
    let end = i64::from(end_day.days_since_epoch()).saturating_mul(SECONDS_PER_DAY);
    let mut clock = Vec::new();
    let mut midnight = start;
    while midnight <= end {
        let at_midnight = clock::paris_time_from_unix(midnight)?;
        let at_one = clock::paris_time_from_unix(midnight.saturating_add(3_600))?;
        let relative = |d: Day| {
            i32::try_from(
                i64::from(d.days_since_epoch()).saturating_sub(i64::from(from.days_since_epoch())),
            )
            .unwrap_or(i32::MIN)
        };
        let (day, second) = (
            relative(at_midnight.day()),
            i32::try_from(at_midnight.second_of_day()).unwrap_or(0),
        );
        // From 01:00 UTC the reading is `at_one` plus the seconds since 01:00.
        let (day_one, second_one) = (
            relative(at_one.day()),
            i32::try_from(at_one.second_of_day())
                .unwrap_or(0)
                .saturating_sub(3_600),
        );
        // The two readings hold for their whole part of the day only if the offset does not
        // change within it: compare each part's first and last seconds.
        let offset_at = |at: i64| clock::paris_time_from_unix(at).map(|r| r.offset());
        let regular = offset_at(midnight)? == offset_at(midnight.saturating_add(3_599))?
            && offset_at(midnight.saturating_add(3_600))?
                == offset_at(midnight.saturating_add(SECONDS_PER_DAY - 1))?;
        clock.push(ClockDay {
            day,
            day_step: day_one.saturating_sub(day),
            second,
            second_step: second_one.saturating_sub(second),
            exact: !regular,
        });
        midnight = midnight.saturating_add(SECONDS_PER_DAY);
    }
    Ok((start, clock))
}

const SECONDS_PER_DAY: i64 = 86_400;

fn check_lengths(instants: usize, taken: usize, dispatch_by: usize) -> Result<(), DispatchError> {
    if instants == taken && taken == dispatch_by {
        Ok(())
    } else {
        Err(DispatchError::BufferLength {
            instants,
            taken,
            dispatch_by,
        })
    }
}

fn at_index(index: usize, error: DispatchError) -> DispatchError {
    DispatchError::AtIndex {
        index,
        error: Box::new(error),
    }
}

/// Fills `taken` and `dispatch_by` for orders placed at `seconds` (Unix seconds), under
/// `policy`, on `calendar`: one [`DispatchTable`] over the days the batch spans, checked and
/// built once.
///
/// # Errors
///
/// As [`DispatchTable::new`] for the policy, and as [`DispatchTable::compute_unix`]; an
/// instant outside the calendar's range is reported with its index, as the one-at-a-time path
/// reports it.
pub fn dispatch_days_unix(
    seconds: &[i64],
    policy: &DispatchPolicy,
    calendar: &Calendar,
    taken: &mut [Day],
    dispatch_by: &mut [Day],
) -> Result<(), DispatchError> {
    dispatch_days(
        seconds,
        policy,
        calendar,
        taken,
        dispatch_by,
        |&at| clock::paris_time_from_unix(at),
        |table, &at| table.lookup_unix(at),
    )
}

/// [`dispatch_days_unix`] for chrono instants.
///
/// # Errors
///
/// As [`dispatch_days_unix`].
pub fn dispatch_days_utc(
    instants: &[DateTime<Utc>],
    policy: &DispatchPolicy,
    calendar: &Calendar,
    taken: &mut [Day],
    dispatch_by: &mut [Day],
) -> Result<(), DispatchError> {
    dispatch_days(
        instants,
        policy,
        calendar,
        taken,
        dispatch_by,
        clock::paris_time,
        DispatchTable::lookup_instant,
    )
}

/// The table over `from..=to` clamped to the calendar's range, its end shrunk until every
/// day's answer stays in range; `None` when no day of the span can be tabled. The orders left
/// out get the one-at-a-time path's answer or error, with their index.
fn table_for_span(
    from: Day,
    to: Day,
    policy: &DispatchPolicy,
    calendar: &Calendar,
) -> Option<DispatchTable> {
    let min = Day::from(Calendar::MIN_DATE);
    let max = Day::from(Calendar::MAX_DATE);
    let from = from.max(min);
    let mut last = to.min(max);
    while last >= from {
        if let Ok(table) = DispatchTable::new(from, last, policy, calendar) {
            return Some(table);
        }
        // Near the range's end the days an order is dispatched by leave it: a few days less.
        last = last.checked_add(-1)?;
    }
    None
}
