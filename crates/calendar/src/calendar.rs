//! The business-day calendar (CAL-1..4): bit tables with rank and select for O(1) answers.

use chrono::{Datelike, NaiveDate};

use crate::holidays::{Holiday, LocalDays, Region, for_each_holiday, holidays_into};
use crate::{BusinessDays, CalendarDate, CalendarError, Day};

/// First day the calendar answers for.
const MIN_DAY: Day = Day::from_days_since_epoch(-25_567); // 1900-01-01
/// Last day the calendar answers for.
#[cfg(test)]
const MAX_DAY: Day = Day::from_days_since_epoch(84_370); // 2200-12-31
/// Days in the range: 301 years, 73 of them leap years.
const DAYS: usize = 109_938;
const WORDS: usize = DAYS.div_ceil(64);

/// Which days a calendar counts as business days: a region and a shop's own choices
/// (CAL-1..3).
///
/// The default is the FAQ's: metropolitan France, Whit Monday closed, the region's public
/// holidays without its customary days, no extra closure. [`CalendarPolicy::legal`] gives the
/// policy of the legal calendar, which statutory periods use.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{Calendar, CalendarPolicy, Region};
///
/// let policy = CalendarPolicy {
///     region: Region::AlsaceMoselle,
///     ..CalendarPolicy::default()
/// };
/// let alsace = Calendar::new(&policy)?;
/// let good_friday = NaiveDate::from_ymd_opt(2026, 4, 3).ok_or("date")?;
/// assert!(!alsace.is_business_day(good_friday)?);
/// assert!(Calendar::metropolitan().is_business_day(good_friday)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// With the `serde` feature a policy deserialises through [`CalendarPolicy::validate`], so a
/// file with a closure outside the range fails when it is read, not when the calendar is
/// built. Fields left out take the default's values; unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PolicyData"))]
pub struct CalendarPolicy {
    /// Whose public holidays apply (CAL-3).
    pub region: Region,
    /// Whether Whit Monday is closed (CAL-2). Some firms work it as the "journée de
    /// solidarité"; the FAQ's shop does not.
    pub whit_monday_closed: bool,
    /// Which of the region's own days are closed (CAL-3): by default its public holidays,
    /// statutory and observed, without its customary non-working days.
    pub local_days: LocalDays,
    /// Weekdays the shop declares closed besides public holidays (CAL-1), within the range.
    pub closures: Vec<NaiveDate>,
}

impl Default for CalendarPolicy {
    fn default() -> Self {
        CalendarPolicy {
            region: Region::Metropolitan,
            whit_monday_closed: true,
            local_days: LocalDays::Observed,
            closures: Vec::new(),
        }
    }
}

impl CalendarPolicy {
    /// The policy of the legal calendar of `region`: Saturdays, Sundays and the region's
    /// public holidays, Whit Monday always closed, no customary day, no shop closure.
    ///
    /// A statutory period (the 14 days of withdrawal, C. conso L221-18) whose last day is a
    /// Saturday, Sunday or public holiday ends at the end of the next working day
    /// (Regulation 1182/71 art. 3(4)), and the holidays are those of the place where the act
    /// is done (art. 2(1)): for a customer's withdrawal, the customer's region. The rules of
    /// the withdrawal are mandatory (C. conso L221-29), so the shop's own choices cannot move
    /// such a deadline and the legal calendar ignores them:
    ///
    /// - Whit Monday is a public holiday in law (C. trav. L3133-1) even where a shop works it
    ///   as the "journée de solidarité";
    /// - a shop's closures bind only the shop;
    /// - customary days are not public holidays.
    ///
    /// The region's observed days (21 July in Guadeloupe, Martinique and Saint-Martin; Good
    /// Friday and Mi-Carême in Guadeloupe) count, as the rules catalogue and python-holidays
    /// list them, although no statute names them: counting them can only make a customer's
    /// period end later, which the law allows, whereas leaving them out would end it a day
    /// too soon wherever they are public holidays.
    ///
    /// # Example
    ///
    /// ```
    /// use comptoir_calendar::{CalendarPolicy, LocalDays, Region};
    ///
    /// let legal = CalendarPolicy::legal(Region::Martinique);
    /// assert!(legal.whit_monday_closed && legal.closures.is_empty());
    /// assert_eq!(legal.local_days, LocalDays::Observed);
    /// assert!(legal.is_legal());
    /// ```
    pub fn legal(region: Region) -> CalendarPolicy {
        CalendarPolicy {
            region,
            whit_monday_closed: true,
            local_days: LocalDays::Observed,
            closures: Vec::new(),
        }
    }

    /// Whether this is the legal calendar's policy of its region, [`CalendarPolicy::legal`]:
    /// code that counts a statutory period can refuse any other.
    pub fn is_legal(&self) -> bool {
        *self == CalendarPolicy::legal(self.region)
    }

    /// Checks the policy describes a calendar: every declared closure lies within
    /// 1900-01-01 to 2200-12-31 (CAL-1, CAL-4). [`Calendar::new`] and deserialising call it.
    ///
    /// # Errors
    ///
    /// [`CalendarError::ClosureOutOfRange`] naming the first closure outside the range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::CalendarPolicy;
    ///
    /// let policy = CalendarPolicy {
    ///     closures: vec![NaiveDate::from_ymd_opt(2201, 1, 2).ok_or("date")?],
    ///     ..CalendarPolicy::default()
    /// };
    /// assert!(policy.validate().is_err_and(|e| e.is_out_of_range()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), CalendarError> {
        match self
            .closures
            .iter()
            .find(|d| **d < Calendar::MIN_DATE || **d > Calendar::MAX_DATE)
        {
            Some(&date) => Err(CalendarError::ClosureOutOfRange {
                date,
                min: Calendar::MIN_DATE,
                max: Calendar::MAX_DATE,
            }),
            None => Ok(()),
        }
    }
}

/// The serde form of [`CalendarPolicy`]: the same fields, defaults for those left out.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PolicyData {
    region: Region,
    whit_monday_closed: bool,
    local_days: LocalDays,
    closures: Vec<NaiveDate>,
}

#[cfg(feature = "serde")]
impl Default for PolicyData {
    fn default() -> Self {
        let CalendarPolicy {
            region,
            whit_monday_closed,
            local_days,
            closures,
        } = CalendarPolicy::default();
        PolicyData {
            region,
            whit_monday_closed,
            local_days,
            closures,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyData> for CalendarPolicy {
    type Error = CalendarError;

    /// Through [`CalendarPolicy::validate`].
    fn try_from(data: PolicyData) -> Result<CalendarPolicy, CalendarError> {
        let PolicyData {
            region,
            whit_monday_closed,
            local_days,
            closures,
        } = data;
        let policy = CalendarPolicy {
            region,
            whit_monday_closed,
            local_days,
            closures,
        };
        policy.validate()?;
        Ok(policy)
    }
}

/// French business days for the years 1900 to 2200 (CAL-1..5).
///
/// A business day is Monday to Friday and neither a public holiday of the policy's region, nor
/// a customary day the policy closes, nor a declared closure. Two calendars must not be
/// confused: the shop's ([`Calendar::new`], [`Calendar::metropolitan`]) decides the shop's own
/// promises; the legal one ([`Calendar::legal`]) decides when a statutory period ends.
///
/// Building the calendar fills bit tables for the whole range once (about 23 KiB, well under
/// a millisecond); every question after that is answered in constant time, without loops
/// over days:
///
/// - one bit per day says whether it is a business day;
/// - a running count per 64-day word gives the rank of any day (business days before it);
/// - a sample of every 64th business day's word gives the inverse, select.
///
/// Every method accepts a [`NaiveDate`] or a [`Day`] and answers in the same form. Days
/// outside 1900-01-01 to 2200-12-31, and answers that would fall outside, are
/// [`CalendarError::OutOfRange`] / [`CalendarError::ResultOutOfRange`] (CAL-4).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{BusinessDays, Calendar};
///
/// let cal = Calendar::metropolitan();
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// // Friday 22 May 2026 + 1 business day: Monday 25 is Whit Monday, so Tuesday 26.
/// assert_eq!(cal.add_business_days(ymd(2026, 5, 22)?, BusinessDays::new(1))?, ymd(2026, 5, 26)?);
/// assert_eq!(cal.business_days_between(ymd(2026, 5, 22)?, ymd(2026, 5, 29)?)?, BusinessDays::new(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Calendar {
    policy: CalendarPolicy,
    /// Bit `i` of word `w` is set when day `MIN_DAY + 64 w + i` is a business day.
    words: Box<[u64; WORDS]>,
    /// `ranks[w]`: business days before word `w`; one more entry holds the total.
    ranks: Box<[u32]>,
    /// `selects[k]`: the word that holds business day number `64 k` (counting from 0).
    selects: Box<[u16]>,
}

impl Default for Calendar {
    /// The FAQ's calendar, [`Calendar::metropolitan`].
    fn default() -> Self {
        Calendar::metropolitan()
    }
}

impl Calendar {
    /// First day the calendar answers for: 1900-01-01.
    pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };

    /// Last day the calendar answers for: 2200-12-31.
    pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
        Some(d) => d,
        None => NaiveDate::MAX,
    };

    /// The FAQ's calendar: metropolitan France, Whit Monday closed, no extra closure.
    pub fn metropolitan() -> Calendar {
        Calendar::build(CalendarPolicy::default())
    }

    /// The legal calendar of a customer in `region`, for statutory periods (RET-1, REF-2):
    /// Saturdays, Sundays and the region's public holidays, Whit Monday always closed, no
    /// customary day, no shop closure. See [`CalendarPolicy::legal`] for why it differs from
    /// the shop's calendar.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::{Calendar, Holiday, Region};
    ///
    /// // Tuesday 21 July 2026, Victor Schœlcher Day: closed in Martinique, open in Paris.
    /// let day = NaiveDate::from_ymd_opt(2026, 7, 21).ok_or("date")?;
    /// let martinique = Calendar::legal(Region::Martinique);
    /// assert_eq!(martinique.holiday(day)?, Some(Holiday::VictorSchoelcher));
    /// assert_eq!(martinique.roll_forward(day)?, NaiveDate::from_ymd_opt(2026, 7, 22).ok_or("date")?);
    /// assert!(Calendar::legal(Region::Metropolitan).is_business_day(day)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal(region: Region) -> Calendar {
        Calendar::build(CalendarPolicy::legal(region))
    }

    /// The calendar a policy describes, once [`CalendarPolicy::validate`] accepts it.
    ///
    /// # Errors
    ///
    /// [`CalendarError::ClosureOutOfRange`] when a declared closure lies outside
    /// 1900-01-01 to 2200-12-31.
    pub fn new(policy: &CalendarPolicy) -> Result<Calendar, CalendarError> {
        policy.validate()?;
        Ok(Calendar::build(policy.clone()))
    }

    #[allow(
        clippy::arithmetic_side_effects,
        reason = "positions and counts of days in the range, at most 109 938"
    )]
    fn build(policy: CalendarPolicy) -> Calendar {
        let mut words = Box::new(WEEKDAYS);
        for (year, start) in (1900..=2200).zip(YEAR_STARTS) {
            for_each_holiday(
                year,
                policy.region,
                policy.whit_monday_closed,
                policy.local_days,
                |date, _| {
                    set_bit(
                        &mut *words,
                        start as usize + date.ordinal0() as usize,
                        false,
                    )
                },
            );
        }
        for &date in &policy.closures {
            if let Some(i) = index_of(Day::from(date)) {
                set_bit(&mut *words, i, false);
            }
        }
        let mut ranks = Vec::with_capacity(WORDS + 1);
        let mut selects = Vec::new();
        let mut running = 0u32;
        for (w, word) in words.iter().enumerate() {
            ranks.push(running);
            let next = running + word.count_ones();
            // Every multiple of 64 in running..next is a business day held by this word.
            let mut k = running.div_ceil(64) * 64;
            while k < next {
                selects.push(u16::try_from(w).unwrap_or(u16::MAX));
                k += 64;
            }
            running = next;
        }
        ranks.push(running);
        Calendar {
            policy,
            words,
            ranks: ranks.into_boxed_slice(),
            selects: selects.into_boxed_slice(),
        }
    }

    /// The policy this calendar was built from.
    pub fn policy(&self) -> &CalendarPolicy {
        &self.policy
    }

    /// Bytes held by the lookup tables (the policy's closure list aside).
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "three tables of a few KiB each"
    )]
    pub fn table_bytes(&self) -> usize {
        size_of_val::<[u64; WORDS]>(&self.words)
            + size_of_val::<[u32]>(&self.ranks)
            + size_of_val::<[u16]>(&self.selects)
    }

    /// Whether `date` is a business day (CAL-1).
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] outside 1900-01-01 to 2200-12-31.
    #[inline]
    pub fn is_business_day<D: CalendarDate>(&self, date: D) -> Result<bool, CalendarError> {
        let i = self.index_of_date(date)?;
        Ok(self.bit(i))
    }

    /// The public holiday, customary day the policy closes or shop closure on `date`, if
    /// any, whatever the weekday (a holiday on a Sunday is still reported).
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] outside 1900-01-01 to 2200-12-31.
    pub fn holiday<D: CalendarDate>(&self, date: D) -> Result<Option<Holiday>, CalendarError> {
        self.index_of_date(date)?;
        let day = date.to_day();
        let Some(date) = day.date() else {
            return Err(self.out_of_range(day));
        };
        let public = self
            .public_holidays(date.year())
            .into_iter()
            .find(|(d, _)| *d == date)
            .map(|(_, h)| h);
        Ok(public.or_else(|| {
            self.policy
                .closures
                .contains(&date)
                .then_some(Holiday::ShopClosure)
        }))
    }

    /// The public holidays, customary days the policy closes and shop closures of `year`, in
    /// date order.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] for a year outside 1900 to 2200.
    pub fn holidays_of_year(&self, year: i32) -> Result<Vec<(NaiveDate, Holiday)>, CalendarError> {
        if !(1900..=2200).contains(&year) {
            let day = NaiveDate::from_yo_opt(year, 1).map_or(MIN_DAY, Day::from);
            return Err(self.out_of_range(day));
        }
        let mut days = self.public_holidays(year);
        for &c in &self.policy.closures {
            if c.year() == year && !days.iter().any(|(d, _)| *d == c) {
                days.push((c, Holiday::ShopClosure));
            }
        }
        days.sort_unstable();
        Ok(days)
    }

    /// The policy's holidays of `year` without the shop's closures, in date order.
    pub(crate) fn public_holidays(&self, year: i32) -> Vec<(NaiveDate, Holiday)> {
        let mut days = Vec::with_capacity(24);
        holidays_into(
            year,
            self.policy.region,
            self.policy.whit_monday_closed,
            self.policy.local_days,
            &mut days,
        );
        days
    }

    /// `n` business days from `date`: for `n > 0` the `n`-th business day strictly after it,
    /// for `n < 0` the `|n|`-th business day strictly before it, for `n = 0` `date` itself.
    ///
    /// So adding 1 to a Saturday gives the Monday (when it is open), and
    /// [`business_days_between`](Calendar::business_days_between)`(date, result)` is `n` for
    /// every `n ≥ 0`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `date` is outside the range,
    /// [`CalendarError::ResultOutOfRange`] when the answer is.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "i is a table index below 109 938 and n is positive in that arm"
    )]
    pub fn add_business_days<D: CalendarDate>(
        &self,
        date: D,
        n: BusinessDays,
    ) -> Result<D, CalendarError> {
        let i = self.index_of_date(date)?;
        let n = n.get();
        let found = match n {
            0 => Some(i),
            1.. => self.forward(i + 1, n.unsigned_abs() - 1),
            _ => {
                let r = self.rank(i).checked_sub(n.unsigned_abs());
                r.and_then(|r| self.select(r))
            }
        };
        self.answer(found, date, i, n)
    }

    /// The first business day strictly after `date`.
    ///
    /// # Errors
    ///
    /// As [`add_business_days`](Calendar::add_business_days).
    #[inline]
    pub fn next_business_day<D: CalendarDate>(&self, date: D) -> Result<D, CalendarError> {
        self.add_business_days(date, BusinessDays::new(1))
    }

    /// The last business day strictly before `date`.
    ///
    /// # Errors
    ///
    /// As [`add_business_days`](Calendar::add_business_days).
    #[inline]
    pub fn previous_business_day<D: CalendarDate>(&self, date: D) -> Result<D, CalendarError> {
        self.add_business_days(date, BusinessDays::new(-1))
    }

    /// `date` itself when it is a business day, otherwise the next one.
    ///
    /// # Errors
    ///
    /// As [`add_business_days`](Calendar::add_business_days).
    #[inline]
    pub fn roll_forward<D: CalendarDate>(&self, date: D) -> Result<D, CalendarError> {
        let i = self.index_of_date(date)?;
        self.answer(self.forward(i, 0), date, i, 0)
    }

    /// `date` itself when it is a business day, otherwise the previous one.
    ///
    /// # Errors
    ///
    /// As [`add_business_days`](Calendar::add_business_days).
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "i is a table index below 109 938"
    )]
    pub fn roll_backward<D: CalendarDate>(&self, date: D) -> Result<D, CalendarError> {
        let i = self.index_of_date(date)?;
        let found = self.rank(i + 1).checked_sub(1).and_then(|r| self.select(r));
        self.answer(found, date, i, 0)
    }

    /// The business days from `start` on, `start` itself first when it is a business day, up
    /// to the end of the range.
    ///
    /// Walking the days one after the other reads the bit table 64 days at a time, which is
    /// cheaper than asking for each day separately: the dispatch schedule (DISP-1..3) takes the day an
    /// order is taken into account and the next three business days from one walk.
    /// [`Iterator::nth`] skips ahead in constant time.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when `start` is outside the range.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use comptoir_calendar::Calendar;
    ///
    /// let cal = Calendar::metropolitan();
    /// let saturday = NaiveDate::from_ymd_opt(2026, 5, 23).ok_or("date")?;
    /// let open: Vec<String> = cal
    ///     .business_days_from(saturday)?
    ///     .take(3)
    ///     .map(|d| d.format("%a %d").to_string())
    ///     .collect();
    /// assert_eq!(open, ["Tue 26", "Wed 27", "Thu 28"]); // Monday 25 is Whit Monday
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn business_days_from<D: CalendarDate>(
        &self,
        start: D,
    ) -> Result<BusinessDaysFrom<'_, D>, CalendarError> {
        let i = self.index_of_date(start)?;
        Ok(BusinessDaysFrom {
            calendar: self,
            base: i,
            bits: self.window(i),
            form: core::marker::PhantomData,
        })
    }

    /// The business days in `(from, to]`: after `from`, up to and including `to`; negative
    /// when `to` is before `from`. Counting is the inverse of adding: for `n ≥ 0`,
    /// `business_days_between(d, add_business_days(d, n)) == n`.
    ///
    /// # Errors
    ///
    /// [`CalendarError::OutOfRange`] when either day is outside the range.
    #[inline]
    pub fn business_days_between<D: CalendarDate>(
        &self,
        from: D,
        to: D,
    ) -> Result<BusinessDays, CalendarError> {
        let a = self.index_of_date(from)?;
        let b = self.index_of_date(to)?;
        Ok(self.business_days_between_indices(a, b))
    }

    /// Business days in `(a, b]` for table indices, negative when `b < a`.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "indices below 109 938 and ranks at most that, so the difference fits an i32"
    )]
    fn business_days_between_indices(&self, a: usize, b: usize) -> BusinessDays {
        let count = i64::from(self.rank(b + 1)) - i64::from(self.rank(a + 1));
        BusinessDays::new(i32::try_from(count).unwrap_or(i32::MAX))
    }

    /// Position of a date in the tables. A form that holds its year and day of the year
    /// (`NaiveDate`) is found from the first day of its year; a `Day` by subtraction.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a year of chrono's range minus 1900 fits an i32; a year start plus its ordinal is below 110 000"
    )]
    fn index_of_date<D: CalendarDate>(&self, date: D) -> Result<usize, CalendarError> {
        let found = match date.year_and_ordinal() {
            Some((year, ordinal)) => usize::try_from(year - 1900)
                .ok()
                .and_then(|y| YEAR_STARTS.get(y))
                .map(|start| *start as usize + ordinal as usize - 1),
            None => index_of(date.to_day()),
        };
        found.ok_or_else(|| self.out_of_range(date.to_day()))
    }

    #[cold]
    fn out_of_range(&self, date: Day) -> CalendarError {
        CalendarError::OutOfRange {
            date,
            min: Calendar::MIN_DATE,
            max: Calendar::MAX_DATE,
        }
    }

    /// The date at table index `found`, from `start` at index `start_index`.
    #[inline]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_possible_wrap,
        clippy::arithmetic_side_effects,
        reason = "indices are below DAYS (109 938): their difference fits an i32"
    )]
    fn answer<D: CalendarDate>(
        &self,
        found: Option<usize>,
        start: D,
        start_index: usize,
        n: i32,
    ) -> Result<D, CalendarError> {
        found
            .and_then(|i| start.moved_by(i as i32 - start_index as i32))
            .ok_or_else(|| result_out_of_range(start.to_day(), n))
    }

    /// The business days among the 64 days from index `i`: bit `k` for day `i + k`, clear
    /// past the range.
    #[inline]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::arithmetic_side_effects,
        reason = "i is a table index, at most 109 938 + 64: w + 1 cannot overflow"
    )]
    fn window(&self, i: usize) -> u64 {
        let w = i >> 6;
        let low = self.words.get(w).copied().unwrap_or(0);
        // Wrapping, not checked: `w` is at most DAYS / 64 (overflow checks here would be
        // paid on every walk).
        let high = self.words.get(w.wrapping_add(1)).copied().unwrap_or(0);
        // Both words, shifted as one 128-bit value: a window that crosses a word boundary
        // costs no branch, and short walks (the rules' delays of a few business days) stay
        // within one window.
        ((u128::from(high) << 64 | u128::from(low)) >> (i & 63)) as u64
    }

    #[inline]
    fn bit(&self, i: usize) -> bool {
        self.words
            .get(i >> 6)
            .is_some_and(|w| w >> (i & 63) & 1 == 1)
    }

    /// Business days with an index below `i` (`i` may be `DAYS`).
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "1 << (i & 63) is at least 1, and a rank plus a word's count is at most 109 938"
    )]
    fn rank(&self, i: usize) -> u32 {
        let w = i >> 6;
        let before = self.ranks.get(w).copied().unwrap_or(0);
        let word = self.words.get(w).copied().unwrap_or(0);
        before + (word & ((1u64 << (i & 63)) - 1)).count_ones()
    }

    /// Index of the business day whose rank is `r`.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "w is a word index below 1 718; ranks[w] <= r in the loop's last word"
    )]
    fn select(&self, r: u32) -> Option<usize> {
        let total = self.ranks.last().copied().unwrap_or(0);
        if r >= total {
            return None;
        }
        let mut w = usize::from(*self.selects.get(usize::try_from(r >> 6).ok()?)?);
        // The sampled word holds business day 64⌊r/64⌋; business day r is at most 63 further.
        while self.ranks.get(w + 1).is_some_and(|next| *next <= r) {
            w += 1;
        }
        let word = *self.words.get(w)?;
        let k = r - self.ranks.get(w)?;
        Some((w << 6) + select_in_word(word, k))
    }

    /// Index of the business day `k` places after the first one at or after index `i`.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "i is a table index and the offset within a 64-day window is below 64"
    )]
    fn forward(&self, i: usize, k: u32) -> Option<usize> {
        // The short delays the rules use (0 to 5 business days) lie within the 64 days from
        // `i`: read them from one window, whether or not it crosses a word boundary.
        let mut bits = self.window(i);
        if k < 4 {
            // Clearing the lowest set bits beats a population count on CPUs without one.
            for _ in 0..k {
                bits &= bits.wrapping_sub(1);
            }
            if bits != 0 {
                return Some(i + bits.trailing_zeros() as usize);
            }
        } else if k < bits.count_ones() {
            return Some(i + select_in_word(bits, k));
        }
        self.forward_across_words(i, k)
    }

    #[cold]
    fn forward_across_words(&self, i: usize, k: u32) -> Option<usize> {
        if i >= DAYS {
            return None;
        }
        self.select(self.rank(i).checked_add(k)?)
    }
}

/// The business days from a day on: see [`Calendar::business_days_from`].
#[derive(Debug, Clone)]
pub struct BusinessDaysFrom<'a, D> {
    calendar: &'a Calendar,
    /// Table index of the first of the 64 days `bits` covers.
    base: usize,
    /// Business days among those 64 not yet returned.
    bits: u64,
    form: core::marker::PhantomData<D>,
}

impl<D: CalendarDate> BusinessDaysFrom<'_, D> {
    /// Moves to the next 64 days until one holds a business day not yet returned; `None`
    /// past the range.
    #[inline]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "base is a table index below DAYS before each step of 64"
    )]
    fn fill(&mut self) -> Option<()> {
        while self.bits == 0 {
            let base = self.base.wrapping_add(64);
            if base >= DAYS {
                return None;
            }
            self.base = base;
            self.bits = self.calendar.window(base);
        }
        Some(())
    }

    /// Drops the next business day without converting it; `None` past the range.
    #[inline]
    fn skip_one(&mut self) -> Option<()> {
        self.fill()?;
        self.bits &= self.bits.wrapping_sub(1);
        Some(())
    }
}

impl<D: CalendarDate> Iterator for BusinessDaysFrom<'_, D> {
    type Item = D;

    #[inline]
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_possible_wrap,
        clippy::arithmetic_side_effects,
        reason = "a table index below DAYS plus a bit position below 64, added to MIN_DAY's -25 567"
    )]
    fn next(&mut self) -> Option<D> {
        self.fill()?;
        // Wrapping operations on bounded values (the reason above): the walk is the hot path
        // of every dispatch date, and overflow checks on it would be paid per day walked.
        let i = self.base.wrapping_add(self.bits.trailing_zeros() as usize);
        self.bits &= self.bits.wrapping_sub(1);
        // Only days of the range have their bit set: `i` is below DAYS and fits an i32.
        D::from_day(Day::from_days_since_epoch(
            MIN_DAY.days_since_epoch().wrapping_add(i as i32),
        ))
    }

    // Always inlined: callers walking several days (a dispatch schedule) would otherwise get
    // it out of line, a call per step on the hottest path of the workspace.
    #[inline(always)]
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "a table index below DAYS plus a bit position below 64"
    )]
    fn nth(&mut self, n: usize) -> Option<D> {
        if n < 64 {
            for _ in 0..n {
                self.skip_one()?;
            }
            return self.next();
        }
        // Far jumps: rank the next business day, select the one `n` further.
        self.fill()?;
        let current = self.base + self.bits.trailing_zeros() as usize;
        let target = self.calendar.select(
            self.calendar
                .rank(current)
                .checked_add(u32::try_from(n).ok()?)?,
        )?;
        self.base = target;
        self.bits = self.calendar.window(target);
        self.next()
    }
}

impl<D: CalendarDate> core::iter::FusedIterator for BusinessDaysFrom<'_, D> {}

/// The error for an answer beyond the range; out of line, it keeps the hot paths small.
#[cold]
#[inline(never)]
fn result_out_of_range(from: Day, business_days: i32) -> CalendarError {
    CalendarError::ResultOutOfRange {
        from: from.date().unwrap_or(Calendar::MIN_DATE),
        business_days,
        min: Calendar::MIN_DATE,
        max: Calendar::MAX_DATE,
    }
}

/// The weekday bits of the whole range: Monday to Friday set, weekends and the days past the
/// range clear. 1900-01-01 was a Monday and a word holds 64 days, nine weeks and a day, so
/// word `w` starts on weekday `w mod 7` and the pattern repeats every seven words.
#[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
static WEEKDAYS: [u64; WORDS] = {
    // The seven word patterns: pattern `p` starts on weekday `p` (0 = Monday).
    let mut patterns = [0u64; 7];
    let mut p = 0;
    while p < 7 {
        let mut k = 0;
        while k < 64 {
            if (p + k) % 7 < 5 {
                patterns[p] |= 1u64 << k;
            }
            k += 1;
        }
        p += 1;
    }
    let mut words = [0u64; WORDS];
    let mut w = 0;
    while w < WORDS {
        words[w] = patterns[w % 7];
        w += 1;
    }
    // The last word runs past 2200-12-31: those days are not business days.
    words[WORDS - 1] &= (1u64 << (DAYS % 64)) - 1;
    words
};

/// Index in the tables of 1 January of each year of the range.
#[allow(
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]
static YEAR_STARTS: [u32; 301] = {
    let mut starts = [0u32; 301];
    let mut y = 0;
    while y < 301 {
        starts[y] = (crate::day::days_from_civil(1900 + y as i64, 1, 1)
            - crate::day::days_from_civil(1900, 1, 1)) as u32;
        y += 1;
    }
    starts
};

/// Position in the tables of a day, if it lies in the range.
#[inline]
#[allow(clippy::cast_sign_loss)]
fn index_of(day: Day) -> Option<usize> {
    // One unsigned comparison checks both ends: days before MIN_DAY wrap to huge offsets.
    let offset = day
        .days_since_epoch()
        .wrapping_sub(MIN_DAY.days_since_epoch()) as u32 as usize;
    (offset < DAYS).then_some(offset)
}

fn set_bit(words: &mut [u64], i: usize, business: bool) {
    if let Some(w) = words.get_mut(i >> 6) {
        if business {
            *w |= 1u64 << (i & 63);
        } else {
            *w &= !(1u64 << (i & 63));
        }
    }
}

/// Position of the `k`-th set bit (from 0) of `word`; `k` must be below its popcount.
#[inline]
#[allow(
    clippy::arithmetic_side_effects,
    reason = "k is reduced only by counts it is not below, and base stays at most 56 + 63"
)]
fn select_in_word(mut word: u64, mut k: u32) -> usize {
    if k < 4 {
        // The common case of short delays: clear the lowest bits directly.
        for _ in 0..k {
            word &= word.wrapping_sub(1);
        }
        return word.trailing_zeros() as usize;
    }
    let mut base = 0;
    // Skip whole bytes first, then clear the remaining lower bits one at a time.
    loop {
        let c = (word & 0xff).count_ones();
        if k < c || base >= 56 {
            break;
        }
        k -= c;
        word >>= 8;
        base += 8;
    }
    for _ in 0..k {
        word &= word.wrapping_sub(1);
    }
    base + word.trailing_zeros() as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    // CAL-4: the documented range and the tables' day numbers agree.
    #[test]
    fn range_constants_agree_with_the_day_numbers() {
        assert_eq!(Day::from(Calendar::MIN_DATE), MIN_DAY);
        assert_eq!(Day::from(Calendar::MAX_DATE), MAX_DAY);
        let days = MAX_DAY.days_since_epoch() - MIN_DAY.days_since_epoch() + 1;
        assert_eq!(usize::try_from(days).ok(), Some(DAYS));
        assert_eq!(Calendar::MIN_DATE.weekday(), Weekday::Mon);
        assert_eq!(
            Some((DAYS - 1) % 7),
            usize::try_from(Calendar::MAX_DATE.weekday().num_days_from_monday()).ok()
        );
    }

    // CAL-1: selecting within a word finds every business day.
    #[test]
    fn select_in_word_finds_each_bit() {
        let word = 0b1011_0000_0000_0000_0000_0001_0100_1001u64 | (1 << 63);
        let positions: Vec<usize> = (0..word.count_ones())
            .map(|k| select_in_word(word, k))
            .collect();
        assert_eq!(positions, vec![0, 3, 6, 8, 28, 29, 31, 63]);
    }

    // CAL-1, CAL-4: rank and select agree on every day of the range.
    #[test]
    fn rank_and_select_are_inverse_over_the_whole_range() {
        let cal = Calendar::metropolitan();
        let mut r = 0;
        for i in 0..DAYS {
            assert_eq!(cal.rank(i), r);
            if cal.bit(i) {
                assert_eq!(cal.select(r), Some(i));
                r += 1;
            }
        }
        assert_eq!(cal.rank(DAYS), r);
        assert_eq!(cal.select(r), None);
    }

    // CAL-1, CAL-4: a walk over the whole range, 64 days at a time, meets every business
    // day once and nothing else, from any start within a word.
    #[test]
    fn walks_meet_every_business_day_across_windows() {
        let cal = Calendar::metropolitan();
        let open: Vec<usize> = (0..DAYS).filter(|&i| cal.bit(i)).collect();
        for start in [0, 1, 37, 63, 64, DAYS - 70, DAYS - 1] {
            let from = MIN_DAY.checked_add(i32::try_from(start).unwrap_or(0));
            let walk: Vec<usize> = from
                .and_then(|d| cal.business_days_from(d).ok())
                .into_iter()
                .flatten()
                .filter_map(index_of)
                .collect();
            let expected: Vec<usize> = open.iter().copied().filter(|&i| i >= start).collect();
            assert_eq!(walk, expected, "from index {start}");
        }
    }

    // CAL-4: both ends of the range answer, one day beyond errs.
    #[test]
    fn range_edges() {
        let cal = Calendar::metropolitan();
        assert_eq!(cal.is_business_day(Calendar::MIN_DATE), Ok(false)); // 1 Jan
        assert!(
            cal.is_business_day(ymd(1899, 12, 31))
                .is_err_and(|e| e.is_out_of_range())
        );
        assert!(
            cal.is_business_day(ymd(2201, 1, 1))
                .is_err_and(|e| e.is_out_of_range())
        );
        assert!(
            cal.next_business_day(Calendar::MAX_DATE)
                .is_err_and(|e| e.is_out_of_range())
        );
        assert!(
            cal.previous_business_day(ymd(1900, 1, 2))
                .is_err_and(|e| e.is_out_of_range())
        );
        assert_eq!(
            cal.previous_business_day(ymd(1900, 1, 3)),
            Ok(ymd(1900, 1, 2))
        );
        assert!(
            cal.is_business_day(Day::from_days_since_epoch(i32::MAX))
                .is_err()
        );
        assert!(
            cal.is_business_day(Day::from_days_since_epoch(i32::MIN))
                .is_err()
        );
    }

    // CAL-1: the weekday table built from seven word patterns marks exactly Monday to
    // Friday, day by day, and nothing past the range.
    #[test]
    fn weekday_table_marks_monday_to_friday() {
        for (w, word) in WEEKDAYS.iter().enumerate() {
            for k in 0..64 {
                let i = w * 64 + k;
                let expected = i < DAYS && i % 7 < 5;
                assert_eq!(word >> k & 1 == 1, expected, "day index {i}");
            }
        }
    }

    // CAL-4: the whole range fits in 64 KiB of tables.
    #[test]
    fn tables_are_small() {
        assert!(Calendar::metropolitan().table_bytes() <= 64 * 1024);
    }
}
