//! Which days are public holidays (CAL-2, CAL-3), year by year.

use core::fmt;
use core::str::FromStr;

use chrono::{Days, NaiveDate};

use crate::CalendarError;

/// The part of France whose public holidays apply (CAL-3).
///
/// The shop's own calendar is [`Region::Metropolitan`] by default; a shop whose warehouse sits
/// in Alsace-Moselle or overseas picks its region. The legal calendar of a statutory period is
/// the customer's region's ([`Calendar::legal`](crate::Calendar::legal)).
///
/// Its text form, for [`Display`](fmt::Display), [`FromStr`] and serde alike, is the snake-case
/// name of the variant (`"metropolitan"`, `"alsace_moselle"`, `"guadeloupe"`, `"martinique"`,
/// `"guyane"`, `"reunion"`, `"mayotte"`, `"saint_martin"`, `"saint_barthelemy"`); any other
/// text is [`CalendarError::UnknownRegion`].
///
/// # Example
///
/// ```
/// use comptoir_calendar::Region;
///
/// let region: Region = "martinique".parse()?;
/// assert_eq!(region, Region::Martinique);
/// assert_eq!(region.to_string(), "martinique");
/// assert_eq!(region.name_fr(), "Martinique");
/// assert!("Martinique".parse::<Region>().is_err()); // the names are exact
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Region {
    /// Metropolitan France outside Alsace-Moselle: the 11 national days (C. trav. L3133-1).
    #[default]
    Metropolitan,
    /// Bas-Rhin, Haut-Rhin and Moselle: adds Good Friday and 26 December (C. trav. L3134-13).
    AlsaceMoselle,
    /// Guadeloupe: adds the abolition of slavery, 27 May (C. trav. L3422-2), and observes
    /// Mi-Carême, Good Friday and Victor Schœlcher Day, 21 July.
    Guadeloupe,
    /// Martinique: adds the abolition of slavery, 22 May (C. trav. L3422-2), and observes
    /// Victor Schœlcher Day, 21 July.
    Martinique,
    /// French Guiana: adds the abolition of slavery, 10 June (C. trav. L3422-2).
    Guyane,
    /// La Réunion: adds the abolition of slavery, 20 December (C. trav. L3422-2).
    Reunion,
    /// Mayotte: adds the abolition of slavery, 27 April (C. trav. L3422-2).
    Mayotte,
    /// Saint-Martin: adds the abolition of slavery, 28 May (C. trav. L3422-2 as the State
    /// applies it since 2018), and observes Victor Schœlcher Day, 21 July.
    SaintMartin,
    /// Saint-Barthélemy: adds the abolition of slavery, 9 October (C. trav. L3422-2).
    SaintBarthelemy,
}

impl Region {
    /// Every region, in declaration order.
    pub const ALL: [Region; 9] = [
        Region::Metropolitan,
        Region::AlsaceMoselle,
        Region::Guadeloupe,
        Region::Martinique,
        Region::Guyane,
        Region::Reunion,
        Region::Mayotte,
        Region::SaintMartin,
        Region::SaintBarthelemy,
    ];

    /// The region's name in its text form: what [`Display`](fmt::Display) writes, and what
    /// [`FromStr`] and serde read back.
    pub const fn as_str(self) -> &'static str {
        match self {
            Region::Metropolitan => "metropolitan",
            Region::AlsaceMoselle => "alsace_moselle",
            Region::Guadeloupe => "guadeloupe",
            Region::Martinique => "martinique",
            Region::Guyane => "guyane",
            Region::Reunion => "reunion",
            Region::Mayotte => "mayotte",
            Region::SaintMartin => "saint_martin",
            Region::SaintBarthelemy => "saint_barthelemy",
        }
    }

    /// The French name the shop shows.
    pub const fn name_fr(self) -> &'static str {
        match self {
            Region::Metropolitan => "France métropolitaine",
            Region::AlsaceMoselle => "Alsace-Moselle",
            Region::Guadeloupe => "Guadeloupe",
            Region::Martinique => "Martinique",
            Region::Guyane => "Guyane",
            Region::Reunion => "La Réunion",
            Region::Mayotte => "Mayotte",
            Region::SaintMartin => "Saint-Martin",
            Region::SaintBarthelemy => "Saint-Barthélemy",
        }
    }

    /// The region's local time zone (IANA), the clock its residents read their days on.
    ///
    /// The shop's rules run on the Paris clock; a customer's statutory period runs on the
    /// customer's days, which overseas are not Paris's: the last day of a withdrawal period
    /// ends at midnight in Fort-de-France, six hours after midnight in Paris (RET-1).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono_tz::Tz;
    /// use comptoir_calendar::Region;
    ///
    /// assert_eq!(Region::AlsaceMoselle.time_zone(), Tz::Europe__Paris);
    /// assert_eq!(Region::Guyane.time_zone(), Tz::America__Cayenne);
    /// assert_eq!(Region::Reunion.time_zone().name(), "Indian/Reunion");
    /// ```
    pub const fn time_zone(self) -> chrono_tz::Tz {
        use chrono_tz::Tz;
        match self {
            Region::Metropolitan | Region::AlsaceMoselle => Tz::Europe__Paris,
            Region::Guadeloupe => Tz::America__Guadeloupe,
            Region::Martinique => Tz::America__Martinique,
            Region::Guyane => Tz::America__Cayenne,
            Region::Reunion => Tz::Indian__Reunion,
            Region::Mayotte => Tz::Indian__Mayotte,
            Region::SaintMartin => Tz::America__Marigot,
            Region::SaintBarthelemy => Tz::America__St_Barthelemy,
        }
    }

    /// The region's own days beyond the national ones, each with its standing (CAL-3).
    ///
    /// Sources, by standing:
    ///
    /// - statutory: Alsace-Moselle's days are local law, C. trav. L3134-13 (Good Friday, which
    ///   the article grants in communes with a Protestant church or a shared one, is kept in
    ///   all three departments, as every published list does). The abolition days are
    ///   C. trav. L3422-2 (Loi n° 83-550 du 30 juin 1983; Décret n° 83-1003 du 23 novembre
    ///   1983, amended by Décret n° 2012-553 du 23 avril 2012 for Saint-Barthélemy and
    ///   Saint-Martin). For Saint-Martin, L3422-2 3° still reads 27 May, a material error
    ///   the State has corrected by circular since 2018: the interministerial circulars of
    ///   4 May 2018 and 3 May 2019 set 28 May, and the prefecture of Saint-Barthélemy and
    ///   Saint-Martin applies L3422-2 to that day.
    /// - observed: no statute names them, but CAL-3 and python-holidays list them as the
    ///   region's public holidays and the region keeps them (in Guadeloupe, public offices and
    ///   schools close on 21 July and on Mi-Carême): 21 July (Victor Schœlcher Day) in
    ///   Guadeloupe, Martinique and Saint-Martin; Good Friday and Mi-Carême in Guadeloupe.
    ///   Guadeloupe's 21 July came from a governor's order of 8 June 1914, which the
    ///   government holds lapsed since the 1983 law (Assemblée nationale, 9th legislature,
    ///   written question n° 61289 and the Minister of Justice's answer).
    /// - customary ("jours chômés d'usage"): days many employers close by usage or local
    ///   collective agreement, never public holidays: Mardi gras and Ash Wednesday in
    ///   Guadeloupe and Martinique, 2 November (Jour des défunts) in both, Good Friday and
    ///   Mi-Carême in Martinique. Not modelled: Guyane's carnival days and Mayotte's Islamic
    ///   feasts (Miradji, Idi-el-Fitri, Idi-el-Kabir, Maoulid, which L3422-2 leaves to
    ///   usage), whose lunar dates are announced each year.
    pub(crate) const fn own_days(self) -> &'static [LocalDay] {
        use Holiday as H;
        use LocalDays::{Customary, Observed, Statutory};
        use When::{Easter, Fixed};
        // The days every published list gives for as far back as the calendar goes.
        const ALWAYS: i32 = i32::MIN;
        // Décret n° 83-1003 du 23 novembre 1983 fixed each department's abolition day: the
        // days after 23 November (Réunion's 20 December) are holidays from 1983, the others
        // from 1984; Victor Schœlcher Day in Guadeloupe and Martinique goes with the 1983 law.
        const DECREE_1983: i32 = 1983;
        const FROM_1984: i32 = 1984;
        // Décret n° 2012-553 du 23 avril 2012 extended the abolition days to Saint-Barthélemy
        // and Saint-Martin, where Victor Schœlcher Day came with it.
        const DECREE_2012: i32 = 2012;
        const fn day(when: When, holiday: Holiday, standing: LocalDays, since: i32) -> LocalDay {
            LocalDay {
                when,
                holiday,
                standing,
                since,
            }
        }
        const ALSACE_MOSELLE: &[LocalDay] = &[
            day(Easter(-2), H::GoodFriday, Statutory, ALWAYS),
            day(Fixed(12, 26), H::StStephen, Statutory, ALWAYS),
        ];
        const GUADELOUPE: &[LocalDay] = &[
            day(Fixed(5, 27), H::AbolitionOfSlavery, Statutory, FROM_1984),
            day(Easter(-24), H::MiCareme, Observed, ALWAYS),
            day(Easter(-2), H::GoodFriday, Observed, ALWAYS),
            day(Fixed(7, 21), H::VictorSchoelcher, Observed, FROM_1984),
            day(Easter(-47), H::ShroveTuesday, Customary, ALWAYS),
            day(Easter(-46), H::AshWednesday, Customary, ALWAYS),
            day(Fixed(11, 2), H::AllSouls, Customary, ALWAYS),
        ];
        const MARTINIQUE: &[LocalDay] = &[
            day(Fixed(5, 22), H::AbolitionOfSlavery, Statutory, FROM_1984),
            day(Fixed(7, 21), H::VictorSchoelcher, Observed, FROM_1984),
            day(Easter(-47), H::ShroveTuesday, Customary, ALWAYS),
            day(Easter(-46), H::AshWednesday, Customary, ALWAYS),
            day(Easter(-24), H::MiCareme, Customary, ALWAYS),
            day(Easter(-2), H::GoodFriday, Customary, ALWAYS),
            day(Fixed(11, 2), H::AllSouls, Customary, ALWAYS),
        ];
        const GUYANE: &[LocalDay] = &[day(
            Fixed(6, 10),
            H::AbolitionOfSlavery,
            Statutory,
            FROM_1984,
        )];
        const REUNION: &[LocalDay] = &[day(
            Fixed(12, 20),
            H::AbolitionOfSlavery,
            Statutory,
            DECREE_1983,
        )];
        const MAYOTTE: &[LocalDay] = &[day(
            Fixed(4, 27),
            H::AbolitionOfSlavery,
            Statutory,
            FROM_1984,
        )];
        const SAINT_MARTIN: &[LocalDay] = &[
            day(Fixed(5, 28), H::AbolitionOfSlavery, Statutory, DECREE_2012),
            day(Fixed(7, 21), H::VictorSchoelcher, Observed, DECREE_2012),
        ];
        const SAINT_BARTHELEMY: &[LocalDay] = &[day(
            Fixed(10, 9),
            H::AbolitionOfSlavery,
            Statutory,
            DECREE_2012,
        )];
        match self {
            Region::Metropolitan => &[],
            Region::AlsaceMoselle => ALSACE_MOSELLE,
            Region::Guadeloupe => GUADELOUPE,
            Region::Martinique => MARTINIQUE,
            Region::Guyane => GUYANE,
            Region::Reunion => REUNION,
            Region::Mayotte => MAYOTTE,
            Region::SaintMartin => SAINT_MARTIN,
            Region::SaintBarthelemy => SAINT_BARTHELEMY,
        }
    }
}

impl fmt::Display for Region {
    /// The text form, as [`Region::as_str`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Region {
    type Err = CalendarError;

    /// Reads exactly one of the names [`Region::as_str`] gives: no other spelling, case or
    /// surrounding space.
    ///
    /// # Errors
    ///
    /// [`CalendarError::UnknownRegion`] for any other text.
    fn from_str(s: &str) -> Result<Region, CalendarError> {
        Region::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(CalendarError::UnknownRegion)
    }
}

/// The names [`Region`] accepts, for error messages.
pub(crate) fn region_names() -> String {
    let names: Vec<&str> = Region::ALL.iter().map(|r| r.as_str()).collect();
    names.join(", ")
}

#[cfg(feature = "serde")]
impl serde::Serialize for Region {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Region {
    /// Reads a region through [`FromStr`]: the same names; the error names the text read.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Region, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Region;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a region name, one of {}", region_names())
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Region, E> {
                s.parse()
                    .map_err(|e: CalendarError| E::custom(format_args!("{s:?}: {e}")))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

/// Which of a region's own days, beyond the 11 national ones, a calendar closes (CAL-3).
///
/// Each level includes the one before. The default, [`LocalDays::Observed`], gives the
/// region's public holidays as the rules catalogue lists them and python-holidays publishes
/// them; the legal calendar ([`Calendar::legal`](crate::Calendar::legal)) always uses it.
/// Metropolitan France has no own days, so the level changes nothing there.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{Calendar, CalendarPolicy, Holiday, LocalDays, Region};
///
/// let ash_wednesday = NaiveDate::from_ymd_opt(2026, 2, 18).ok_or("date")?;
/// let guadeloupe = CalendarPolicy { region: Region::Guadeloupe, ..CalendarPolicy::default() };
/// assert!(Calendar::new(&guadeloupe)?.is_business_day(ash_wednesday)?);
///
/// // A warehouse in Pointe-à-Pitre that closes for the carnival like its neighbours.
/// let carnival = CalendarPolicy { local_days: LocalDays::Customary, ..guadeloupe };
/// let cal = Calendar::new(&carnival)?;
/// assert_eq!(cal.holiday(ash_wednesday)?, Some(Holiday::AshWednesday));
/// assert!(!cal.is_business_day(ash_wednesday)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LocalDays {
    /// Only the days a statute makes public holidays: Alsace-Moselle's Good Friday and
    /// 26 December (C. trav. L3134-13), the overseas abolition days (C. trav. L3422-2).
    Statutory,
    /// Also the local public holidays no statute names but the region keeps: Victor
    /// Schœlcher Day, 21 July, in Guadeloupe, Martinique and Saint-Martin; Good Friday and
    /// Mi-Carême in Guadeloupe. The default.
    #[default]
    Observed,
    /// Also the customary non-working days ("jours chômés d'usage") many employers close
    /// although they are not public holidays: Mardi gras, Ash Wednesday and 2 November in
    /// Guadeloupe and Martinique, Good Friday and Mi-Carême in Martinique.
    Customary,
}

impl LocalDays {
    /// Every level, from the fewest days to the most.
    pub const ALL: [LocalDays; 3] = [
        LocalDays::Statutory,
        LocalDays::Observed,
        LocalDays::Customary,
    ];
}

/// When a region's own day falls in a year.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// Every year on this month and day.
    Fixed(u32, u32),
    /// This many days from Easter Sunday (negative: before it).
    Easter(i8),
}

/// One of a region's own days and its standing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalDay {
    when: When,
    holiday: Holiday,
    /// The least [`LocalDays`] level that closes it.
    standing: LocalDays,
    /// The first year it is a holiday of the region (its text's; customary days have none).
    since: i32,
}

/// Why a day is closed although it is a weekday: a public holiday, a customary day the
/// policy closes, or the shop's own closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Holiday {
    /// 1 January, Jour de l'an.
    NewYear,
    /// Good Friday (Easter − 2): Alsace-Moselle (statutory), Guadeloupe (observed),
    /// Martinique (customary).
    GoodFriday,
    /// Easter Monday (Easter + 1).
    EasterMonday,
    /// 1 May, Fête du Travail.
    LabourDay,
    /// 8 May, Victoire 1945.
    VictoryInEurope,
    /// Ascension Thursday (Easter + 39).
    Ascension,
    /// Whit Monday (Easter + 50), closed unless the policy says otherwise.
    WhitMonday,
    /// 14 July, Fête nationale.
    BastilleDay,
    /// 15 August, Assomption.
    Assumption,
    /// 1 November, Toussaint.
    AllSaints,
    /// 11 November, Armistice 1918.
    Armistice,
    /// 25 December, Noël.
    Christmas,
    /// 26 December, Saint-Étienne, Alsace-Moselle only.
    StStephen,
    /// The abolition of slavery, on the overseas region's own date.
    AbolitionOfSlavery,
    /// Mi-Carême, the Thursday of the fourth week of Lent (Easter − 24): Guadeloupe
    /// (observed), Martinique (customary).
    MiCareme,
    /// 21 July, Fête de Victor Schœlcher: Guadeloupe, Martinique, Saint-Martin (observed).
    VictorSchoelcher,
    /// Mardi gras (Easter − 47), a customary carnival day in Guadeloupe and Martinique.
    ShroveTuesday,
    /// Ash Wednesday (Easter − 46), a customary carnival day in Guadeloupe and Martinique.
    AshWednesday,
    /// 2 November, Jour des défunts, customary in Guadeloupe and Martinique.
    AllSouls,
    /// A closure day the shop declared (inventory, exceptional closure).
    ShopClosure,
}

impl Holiday {
    /// The French name the shop shows.
    pub fn name_fr(self) -> &'static str {
        match self {
            Holiday::NewYear => "Jour de l'an",
            Holiday::GoodFriday => "Vendredi saint",
            Holiday::EasterMonday => "Lundi de Pâques",
            Holiday::LabourDay => "Fête du Travail",
            Holiday::VictoryInEurope => "Victoire 1945",
            Holiday::Ascension => "Ascension",
            Holiday::WhitMonday => "Lundi de Pentecôte",
            Holiday::BastilleDay => "Fête nationale",
            Holiday::Assumption => "Assomption",
            Holiday::AllSaints => "Toussaint",
            Holiday::Armistice => "Armistice 1918",
            Holiday::Christmas => "Noël",
            Holiday::StStephen => "Saint-Étienne",
            Holiday::AbolitionOfSlavery => "Abolition de l'esclavage",
            Holiday::MiCareme => "Mi-Carême",
            Holiday::VictorSchoelcher => "Fête de Victor Schœlcher",
            Holiday::ShroveTuesday => "Mardi gras",
            Holiday::AshWednesday => "Mercredi des Cendres",
            Holiday::AllSouls => "Jour des défunts",
            Holiday::ShopClosure => "Fermeture exceptionnelle",
        }
    }
}

impl fmt::Display for Holiday {
    /// The French name, as [`Holiday::name_fr`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_fr())
    }
}

/// Easter Sunday of a Gregorian `year` (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
///
/// Returns `None` only where chrono cannot represent the date.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "b = year / 100 is within ±2.2 × 10^7 and every other term below 700: no sum nears i32's range"
)]
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The public holidays of `year` in `region`, in date order, Whit Monday included only when
/// `whit_monday_closed`, the region's own days at the default level ([`LocalDays::Observed`]:
/// no customary day). Holidays falling on a weekend are listed too: French law moves none of
/// them (CAL-2, no substitute day). When two fall on one day (Ascension on 1 May), the day is
/// listed once, under the national holiday.
///
/// Each holiday applies from the year its text made it one (CAL-4): 1 May from 1919, 8 May
/// from 1953 to 1959 and again from 1982, 11 November from 1922, the overseas abolition days
/// from their decree (1983 for Réunion, 1984 for the other departments, 2012 for
/// Saint-Barthélemy and Saint-Martin), Victor Schœlcher Day with them. Whit Monday stays a
/// public holiday in 2005-2007, the "journée de solidarité" years: the law made it the
/// default day to work, not a working day (C. trav. L3133-1 kept it in the list), and the
/// shop's Whit Monday switch models a shop that works it.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_calendar::{Holiday, Region, holidays_of_year};
///
/// let days = holidays_of_year(2026, Region::Martinique, true);
/// let schoelcher = NaiveDate::from_ymd_opt(2026, 7, 21).ok_or("date")?;
/// assert!(days.contains(&(schoelcher, Holiday::VictorSchoelcher)));
/// assert_eq!(days.len(), 13);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn holidays_of_year(
    year: i32,
    region: Region,
    whit_monday_closed: bool,
) -> Vec<(NaiveDate, Holiday)> {
    let mut out = Vec::with_capacity(16);
    holidays_into(
        year,
        region,
        whit_monday_closed,
        LocalDays::default(),
        &mut out,
    );
    out
}

/// The holidays of `year` for a region, Whit Monday switch and level of local days, into
/// `out` (cleared first), in date order, one entry per day.
pub(crate) fn holidays_into(
    year: i32,
    region: Region,
    whit_monday_closed: bool,
    local_days: LocalDays,
    out: &mut Vec<(NaiveDate, Holiday)>,
) {
    out.clear();
    for_each_holiday(year, region, whit_monday_closed, local_days, |date, h| {
        out.push((date, h));
    });
    out.sort_unstable();
    // In some years Ascension falls on 1 or 8 May, or a region's day on Ascension or Whit
    // Monday: one day, one entry (the national holiday, declared first, sorts first).
    out.dedup_by_key(|(date, _)| *date);
}

/// Calls `found` with each holiday of `year` for a region, Whit Monday switch and level of
/// local days, in no particular order; a day two holidays share comes twice. Building the
/// tables only clears bits, so it needs neither order nor uniqueness.
pub(crate) fn for_each_holiday(
    year: i32,
    region: Region,
    whit_monday_closed: bool,
    local_days: LocalDays,
    mut found: impl FnMut(NaiveDate, Holiday),
) {
    let mut fixed = |m, d, h| {
        if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
            found(date, h);
        }
    };
    // Each national day from the year its text made it one (C. trav. L3133-1 lists today's);
    // the others have been holidays since before the calendar's first year, 1900.
    fixed(1, 1, Holiday::NewYear);
    // Loi du 23 avril 1919 (the eight-hour day): 1 May a day off from 1919; a public holiday
    // by law from 1947-1948, python-holidays counting it from 1919 as this calendar does.
    if year >= 1919 {
        fixed(5, 1, Holiday::LabourDay);
    }
    // Loi n° 53-225 du 20 mars 1953: a holiday from 1953; décret n° 59-533 du 11 avril 1959
    // took it off from 1960; loi n° 81-893 du 2 octobre 1981 restored it from 1982.
    if (1953..=1959).contains(&year) || year >= 1982 {
        fixed(5, 8, Holiday::VictoryInEurope);
    }
    fixed(7, 14, Holiday::BastilleDay);
    fixed(8, 15, Holiday::Assumption);
    fixed(11, 1, Holiday::AllSaints);
    // Loi du 24 octobre 1922: 11 November a national holiday from 1922.
    if year >= 1922 {
        fixed(11, 11, Holiday::Armistice);
    }
    fixed(12, 25, Holiday::Christmas);
    let easter = easter_sunday(year);
    // Every Easter-based day (Easter − 47 to Easter + 50, 3 February to 14 June) stays in
    // Easter's year.
    let from_easter = |offset: i8| {
        let days = Days::new(u64::from(offset.unsigned_abs()));
        easter.and_then(|e| {
            if offset < 0 {
                e.checked_sub_days(days)
            } else {
                e.checked_add_days(days)
            }
        })
    };
    let mut movable = |offset, h| {
        if let Some(date) = from_easter(offset) {
            found(date, h);
        }
    };
    movable(1, Holiday::EasterMonday);
    movable(39, Holiday::Ascension);
    if whit_monday_closed {
        movable(50, Holiday::WhitMonday);
    }
    for own in region.own_days() {
        if own.standing > local_days || year < own.since {
            continue;
        }
        let date = match own.when {
            When::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            When::Easter(offset) => from_easter(offset),
        };
        if let Some(date) = date {
            found(date, own.holiday);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    // CAL-2: Easter dates from the published tables.
    #[test]
    fn easter_matches_published_dates() {
        for (y, m, d) in [
            (1900, 4, 15),
            (1943, 4, 25),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2200, 4, 6),
        ] {
            assert_eq!(easter_sunday(y), Some(ymd(y, m, d)), "{y}");
        }
    }

    // CAL-2: Ascension on 1 May (2008) is one closed day, listed once.
    #[test]
    fn ascension_on_labour_day_is_listed_once() {
        let days = holidays_of_year(2008, Region::Metropolitan, true);
        assert_eq!(
            days.iter().filter(|(d, _)| *d == ymd(2008, 5, 1)).count(),
            1
        );
        assert_eq!(days.len(), 10);
    }

    // CAL-3, CAL-4: a region's own day on a national holiday is one closed day, named after
    // the national one: Saint-Martin's 28 May was Whit Monday in 2012, its first year (in
    // 2007, before Décret n° 2012-553, it was Whit Monday alone); Martinique's 22 May is
    // Ascension in 2031.
    #[test]
    fn own_day_on_a_national_holiday_is_listed_once() {
        let days = holidays_of_year(2012, Region::SaintMartin, true);
        let on = |days: &[(NaiveDate, Holiday)], date| {
            days.iter()
                .filter(|(d, _)| *d == date)
                .map(|(_, h)| *h)
                .collect::<Vec<_>>()
        };
        assert_eq!(on(&days, ymd(2012, 5, 28)), [Holiday::WhitMonday]);
        // Without Whit Monday the region's day still closes it.
        let days = holidays_of_year(2012, Region::SaintMartin, false);
        assert_eq!(on(&days, ymd(2012, 5, 28)), [Holiday::AbolitionOfSlavery]);
        let days = holidays_of_year(2007, Region::SaintMartin, false);
        assert_eq!(on(&days, ymd(2007, 5, 28)), []);
        let days = holidays_of_year(2031, Region::Martinique, true);
        assert_eq!(on(&days, ymd(2031, 5, 22)), [Holiday::Ascension]);
    }

    // CAL-2, CAL-4: each national and regional holiday applies from the year its text made
    // it one: 8 May in 1953-1959 and from 1982, 1 May from 1919, 11 November from 1922, the
    // abolition days from their decree.
    #[test]
    fn cal4_holidays_apply_from_the_year_of_their_text() {
        // Whit Monday left out, so that no day is named after it instead (28 May 2012 was one).
        let has = |year, region, holiday| {
            holidays_of_year(year, region, holiday == Holiday::WhitMonday)
                .iter()
                .any(|(_, h)| *h == holiday)
        };
        use Holiday as H;
        use Region as R;
        for (year, listed) in [
            (1952, false),
            (1953, true),
            (1959, true),
            (1960, false),
            (1981, false),
            (1982, true),
        ] {
            assert_eq!(
                has(year, R::Metropolitan, H::VictoryInEurope),
                listed,
                "8 May {year}"
            );
        }
        assert!(
            !has(1918, R::Metropolitan, H::LabourDay) && has(1919, R::Metropolitan, H::LabourDay)
        );
        assert!(
            !has(1921, R::Metropolitan, H::Armistice) && has(1922, R::Metropolitan, H::Armistice)
        );
        for (region, first) in [
            (R::Reunion, 1983),
            (R::Guadeloupe, 1984),
            (R::Martinique, 1984),
            (R::Guyane, 1984),
            (R::Mayotte, 1984),
            (R::SaintMartin, 2012),
            (R::SaintBarthelemy, 2012),
        ] {
            assert!(
                !has(first - 1, region, H::AbolitionOfSlavery),
                "{region} {first}"
            );
            assert!(
                has(first, region, H::AbolitionOfSlavery),
                "{region} {first}"
            );
        }
        assert!(
            !has(2011, R::SaintMartin, H::VictorSchoelcher)
                && has(2012, R::SaintMartin, H::VictorSchoelcher)
        );
        // Whit Monday stays a public holiday of 2005-2007 (L3133-1 kept it in the list).
        assert!(has(2006, R::Metropolitan, H::WhitMonday));
    }

    // CAL-3: each region lists each of its own holidays once, whatever the level.
    #[test]
    fn own_days_are_distinct() {
        for region in Region::ALL {
            let own = region.own_days();
            for (i, a) in own.iter().enumerate() {
                assert!(
                    own.iter().skip(i + 1).all(|b| b.holiday != a.holiday),
                    "{region}: {:?} twice",
                    a.holiday
                );
            }
        }
    }
}
