//! CAL-5: the calendar as a `bdays::HolidayCalendar`, so code written against bdays uses it.
//!
//! bdays' provided methods (`to_bday`, `advance_bdays`, `bdays`) step one day at a time with
//! `unwrap`s on chrono's dates: at chrono's last or first day they panic, and far from today
//! they loop for minutes. This implementation overrides every one of them. Inside the
//! calendar's range (1900 to 2200) they read the bit tables; outside it they answer from the
//! same holiday rules, skipping whole years at a time, and at chrono's ends they saturate
//! instead of panicking. Their answers are bdays' own wherever bdays' methods return.

use bdays::HolidayCalendar;
use chrono::{Datelike, NaiveDate, Weekday};

use crate::{BusinessDays, Calendar};

impl HolidayCalendar<NaiveDate> for Calendar {
    /// Whether `date` is a public holiday or a declared closure.
    ///
    /// bdays' trait has no room for errors, so outside 1900 to 2200 this answers from the
    /// holiday rules themselves (the same rules the tables are built from), never a guess;
    /// prefer the inherent methods, which report such dates as errors (CAL-4).
    fn is_holiday(&self, date: NaiveDate) -> bool {
        match self.holiday(date) {
            Ok(found) => found.is_some(),
            Err(_) => self
                .public_holidays(date.year())
                .iter()
                .any(|(d, _)| *d == date),
        }
    }

    /// One table lookup inside the range instead of bdays' weekday test plus holiday search.
    fn is_bday(&self, date: NaiveDate) -> bool {
        match self.is_business_day(date) {
            Ok(open) => open,
            Err(_) => is_weekday(date) && !self.is_holiday(date),
        }
    }

    /// `date` when it is a business day, otherwise the next one (`adjust_next`) or the
    /// previous one, as bdays defines it.
    ///
    /// Where no business day lies between `date` and the end of chrono's dates in that
    /// direction, the answer is that end ([`NaiveDate::MAX`] or [`NaiveDate::MIN`]), which
    /// is not a business day: the trait cannot report an error, and bdays' own method
    /// panics there.
    fn to_bday(&self, date: NaiveDate, adjust_next: bool) -> NaiveDate {
        roll(self, date, adjust_next)
    }

    /// `bdays_count` business days from `date` rolled forward to a business day, as bdays
    /// defines it: [`Calendar::add_business_days`] from [`HolidayCalendar::to_bday`].
    ///
    /// An answer beyond chrono's dates saturates at their end ([`NaiveDate::MAX`] or
    /// [`NaiveDate::MIN`]). Outside 1900 to 2200 it skips whole years, so even
    /// `i32::MAX` business days take a fraction of a second rather than a walk over every
    /// day.
    fn advance_bdays(&self, date: NaiveDate, bdays_count: i32) -> NaiveDate {
        let start = roll(self, date, true);
        if bdays_count == 0 {
            return start;
        }
        match self.add_business_days(start, BusinessDays::new(bdays_count)) {
            Ok(found) => found,
            Err(_) => advance_by_years(self, start, bdays_count),
        }
    }

    /// The business days after `d0` up to and including `d1`, both first rolled forward to a
    /// business day as bdays defines it; negative when `d1` comes first.
    ///
    /// Counted from the tables inside 1900 to 2200 and year by year outside, never day by
    /// day; every count between two of chrono's dates fits an `i32`.
    fn bdays(&self, d0: NaiveDate, d1: NaiveDate) -> i32 {
        let (from, to) = (roll(self, d0, true), roll(self, d1, true));
        if let Ok(count) = self.business_days_between(from, to) {
            return count.get();
        }
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        // Business days in (low, high]: low's own day does not count.
        let count = match low.succ_opt() {
            Some(after) if after <= high => count_business_days(self, after, high),
            _ => 0,
        };
        // At most 191 million days lie between two of chrono's dates.
        i32::try_from(count).map_or(i32::MAX, |count| count.saturating_mul(sign))
    }
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day after `date` (`forward`) or before it, while chrono has one.
fn step(date: NaiveDate, forward: bool) -> Option<NaiveDate> {
    if forward {
        date.succ_opt()
    } else {
        date.pred_opt()
    }
}

/// chrono's last date in the direction of travel.
fn end_of_dates(forward: bool) -> NaiveDate {
    if forward {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    }
}

/// `date` or the first business day after it (`forward`) or before it; chrono's end of
/// dates when there is none.
fn roll(cal: &Calendar, date: NaiveDate, forward: bool) -> NaiveDate {
    let in_range = if forward {
        cal.roll_forward(date)
    } else {
        cal.roll_backward(date)
    };
    if let Ok(found) = in_range {
        return found;
    }
    // Outside the range (or an answer beyond it), a run of closed days is a weekend and a
    // few holidays: a walk of a few days. Inside the range the walk reads the tables.
    let mut day = date;
    loop {
        if cal.is_bday(day) {
            return day;
        }
        match step(day, forward) {
            Some(next) => day = next,
            None => return end_of_dates(forward),
        }
    }
}

/// `n` (not zero) business days from the business day `start`, where the answer lies
/// outside the tables: whole years are counted and skipped, then the last year walked.
fn advance_by_years(cal: &Calendar, start: NaiveDate, n: i32) -> NaiveDate {
    let forward = n > 0;
    let mut left = u64::from(n.unsigned_abs());
    let mut day = start;
    loop {
        let Some(next) = step(day, forward) else {
            return end_of_dates(forward);
        };
        // The rest of `next`'s year in the direction of travel, `next` included.
        let edge = year_edge(next, forward);
        let (low, high) = if forward { (next, edge) } else { (edge, next) };
        let in_rest = count_business_days(cal, low, high);
        if in_rest < left {
            left = left.saturating_sub(in_rest);
            day = edge;
            continue;
        }
        // The answer lies between `next` and `edge`: walk at most a year.
        let mut walk = next;
        loop {
            if cal.is_bday(walk) {
                left = left.saturating_sub(1);
                if left == 0 {
                    return walk;
                }
            }
            match step(walk, forward) {
                Some(following) => walk = following,
                None => return end_of_dates(forward),
            }
        }
    }
}

/// The last day of `date`'s year (`forward`) or its first; chrono's end of dates in the
/// years it does not hold whole.
fn year_edge(date: NaiveDate, forward: bool) -> NaiveDate {
    let edge = if forward {
        NaiveDate::from_ymd_opt(date.year(), 12, 31)
    } else {
        NaiveDate::from_ymd_opt(date.year(), 1, 1)
    };
    edge.unwrap_or_else(|| end_of_dates(forward))
}

/// The business days from `low` to `high`, both included (`low <= high`), year by year.
fn count_business_days(cal: &Calendar, low: NaiveDate, high: NaiveDate) -> u64 {
    let mut total = 0u64;
    let mut from = low;
    loop {
        let to = year_edge(from, true).min(high);
        total = total.saturating_add(count_within_year(cal, from, to));
        match to.succ_opt() {
            Some(next) if next <= high => from = next,
            _ => return total,
        }
    }
}

/// The business days from `from` to `to`, both included and in one year.
fn count_within_year(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> u64 {
    // The range holds whole years: a year is wholly in the tables or wholly out of them.
    if let Ok(after) = cal.business_days_between(from, to) {
        let first = u64::from(cal.is_bday(from));
        return u64::try_from(after.get()).map_or(first, |after| after.saturating_add(first));
    }
    // Closures lie within the range (CalendarPolicy::validate), so outside it a day is
    // closed for a weekend or one of the year's public holidays.
    let holidays_on_weekdays = cal
        .public_holidays(from.year())
        .iter()
        .filter(|(d, _)| from <= *d && *d <= to && is_weekday(*d))
        .count();
    weekdays_between(from, to).saturating_sub(u64::try_from(holidays_on_weekdays).unwrap_or(0))
}

/// Monday to Friday from `from` to `to`, both included (`from <= to`).
fn weekdays_between(from: NaiveDate, to: NaiveDate) -> u64 {
    let days = u64::try_from(to.signed_duration_since(from).num_days())
        .unwrap_or(0)
        .saturating_add(1);
    let (weeks, rest) = (days / 7, days % 7);
    let first = u64::from(from.weekday().num_days_from_monday());
    // The `rest` days after the whole weeks start on `from`'s weekday.
    let rest_weekdays = (0..rest)
        .filter(|k| first.checked_add(*k).is_some_and(|day| day % 7 < 5))
        .count();
    weeks
        .saturating_mul(5)
        .saturating_add(u64::try_from(rest_weekdays).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CalendarPolicy;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// bdays' own provided methods, run on our calendar's answers: a wrapper that
    /// implements only the two required ones.
    struct Plain<'a>(&'a Calendar);

    impl HolidayCalendar<NaiveDate> for Plain<'_> {
        fn is_holiday(&self, date: NaiveDate) -> bool {
            self.0.is_holiday(date)
        }

        fn is_bday(&self, date: NaiveDate) -> bool {
            self.0.is_bday(date)
        }
    }

    // CAL-5: weekdays are counted in closed form as a walk counts them.
    #[test]
    fn weekdays_between_counts_monday_to_friday() {
        let start = ymd(2301, 3, 1);
        for len in 0..30 {
            let end = start + chrono::Days::new(len);
            let walked = start
                .iter_days()
                .take_while(|d| *d <= end)
                .filter(|d| is_weekday(*d))
                .count();
            assert_eq!(weekdays_between(start, end), walked as u64, "{len}");
        }
    }

    // CAL-5: the overrides give bdays' own answers wherever bdays' methods return, across
    // the edges of the tables and in the years beyond them.
    #[test]
    fn overrides_agree_with_bdays_provided_methods() {
        let policy = CalendarPolicy {
            closures: vec![ymd(2200, 12, 29), ymd(1900, 1, 2)],
            ..CalendarPolicy::default()
        };
        let cal = Calendar::new(&policy).unwrap();
        let plain = Plain(&cal);
        let starts = [
            ymd(1899, 12, 20),
            ymd(1900, 1, 1),
            ymd(1950, 6, 3),
            ymd(2200, 12, 24),
            ymd(2200, 12, 31),
            ymd(2201, 1, 1),
            ymd(2350, 12, 25),
            ymd(1700, 4, 1),
        ];
        for start in starts {
            for forward in [true, false] {
                assert_eq!(cal.to_bday(start, forward), plain.to_bday(start, forward));
            }
            for n in [-400, -260, -30, -1, 0, 1, 2, 30, 260, 400] {
                assert_eq!(
                    cal.advance_bdays(start, n),
                    plain.advance_bdays(start, n),
                    "{start} + {n}"
                );
            }
            for end in starts {
                assert_eq!(
                    cal.bdays(start, end),
                    plain.bdays(start, end),
                    "{start}..{end}"
                );
            }
        }
    }

    // CAL-4, CAL-5: at chrono's extreme dates nothing panics: answers saturate at chrono's
    // ends, and huge counts skip years instead of walking days.
    #[test]
    fn extreme_dates_and_counts_do_not_panic() {
        let cal = Calendar::metropolitan();
        for date in [
            NaiveDate::MAX,
            NaiveDate::MIN,
            ymd(262_142, 12, 25),
            ymd(-262_143, 1, 5),
        ] {
            for forward in [true, false] {
                let rolled = cal.to_bday(date, forward);
                assert!(
                    cal.is_bday(rolled) || rolled == NaiveDate::MAX || rolled == NaiveDate::MIN
                );
            }
            for n in [i32::MIN, -1_000_000, -1, 0, 1, 1_000_000, i32::MAX] {
                let moved = cal.advance_bdays(date, n);
                assert!(cal.is_bday(moved) || moved == NaiveDate::MAX || moved == NaiveDate::MIN);
            }
        }
        assert_eq!(
            cal.advance_bdays(ymd(2026, 5, 22), i32::MAX),
            NaiveDate::MAX
        );
        assert_eq!(
            cal.advance_bdays(ymd(2026, 5, 22), i32::MIN),
            NaiveDate::MIN
        );
        // Every business day chrono holds, counted from one end to the other and back.
        let all = cal.bdays(NaiveDate::MIN, NaiveDate::MAX);
        assert!(all > 130_000_000, "{all}");
        assert_eq!(cal.bdays(NaiveDate::MAX, NaiveDate::MIN), -all);
        // From the last business day chrono holds, one more saturates.
        let last = cal.to_bday(NaiveDate::MAX, false);
        assert!(cal.is_bday(last));
        assert_eq!(cal.advance_bdays(last, 1), NaiveDate::MAX);
        assert_eq!(
            cal.advance_bdays(last, -1),
            cal.to_bday(last.pred_opt().unwrap(), false)
        );
    }
}
