//! Which days are public holidays (CAL-2, CAL-3), year by year.

use core::fmt;

use chrono::{Datelike, Days, NaiveDate};

/// The part of France whose public holidays apply (CAL-3).
///
/// The shop's own calendar is [`Region::Metropolitan`] by default; a shop whose warehouse sits
/// in Alsace-Moselle or overseas picks its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Region {
    /// Metropolitan France outside Alsace-Moselle: the 11 national days.
    #[default]
    Metropolitan,
    /// Bas-Rhin, Haut-Rhin and Moselle: adds Good Friday and 26 December.
    AlsaceMoselle,
    /// Guadeloupe: adds the abolition of slavery, 27 May.
    Guadeloupe,
    /// Martinique: adds the abolition of slavery, 22 May.
    Martinique,
    /// French Guiana: adds the abolition of slavery, 10 June.
    Guyane,
    /// La Réunion: adds the abolition of slavery, 20 December.
    Reunion,
    /// Mayotte: adds the abolition of slavery, 27 April.
    Mayotte,
}

impl Region {
    /// Every region, in declaration order.
    pub const ALL: [Region; 7] = [
        Region::Metropolitan,
        Region::AlsaceMoselle,
        Region::Guadeloupe,
        Region::Martinique,
        Region::Guyane,
        Region::Reunion,
        Region::Mayotte,
    ];

    /// Month and day of the region's abolition-of-slavery holiday, if it has one.
    pub(crate) fn abolition_day(self) -> Option<(u32, u32)> {
        match self {
            Region::Guadeloupe => Some((5, 27)),
            Region::Martinique => Some((5, 22)),
            Region::Guyane => Some((6, 10)),
            Region::Reunion => Some((12, 20)),
            Region::Mayotte => Some((4, 27)),
            Region::Metropolitan | Region::AlsaceMoselle => None,
        }
    }
}

/// Why a day is closed although it is a weekday: a public holiday or the shop's own closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Holiday {
    /// 1 January, Jour de l'an.
    NewYear,
    /// Good Friday (Easter − 2), Alsace-Moselle only.
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
    /// The abolition of slavery, on the overseas department's own date.
    AbolitionOfSlavery,
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
/// `whit_monday_closed`. Holidays falling on a weekend are listed too: French law moves none
/// of them (CAL-2, no substitute day).
///
/// Today's list of days (Code du travail L3133-1) is applied to every year: the calendar is
/// proleptic, as the rules catalogue reads CAL-2, and does not model past changes of the law.
pub fn holidays_of_year(
    year: i32,
    region: Region,
    whit_monday_closed: bool,
) -> Vec<(NaiveDate, Holiday)> {
    let mut out = Vec::with_capacity(14);
    let fixed = |m, d, h, out: &mut Vec<(NaiveDate, Holiday)>| {
        if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
            out.push((date, h));
        }
    };
    fixed(1, 1, Holiday::NewYear, &mut out);
    fixed(5, 1, Holiday::LabourDay, &mut out);
    fixed(5, 8, Holiday::VictoryInEurope, &mut out);
    fixed(7, 14, Holiday::BastilleDay, &mut out);
    fixed(8, 15, Holiday::Assumption, &mut out);
    fixed(11, 1, Holiday::AllSaints, &mut out);
    fixed(11, 11, Holiday::Armistice, &mut out);
    fixed(12, 25, Holiday::Christmas, &mut out);
    if let Some(easter) = easter_sunday(year) {
        let after = |n: u64| easter.checked_add_days(Days::new(n));
        let mut movable = vec![
            (after(1), Holiday::EasterMonday),
            (after(39), Holiday::Ascension),
        ];
        if whit_monday_closed {
            movable.push((after(50), Holiday::WhitMonday));
        }
        if region == Region::AlsaceMoselle {
            movable.push((easter.checked_sub_days(Days::new(2)), Holiday::GoodFriday));
        }
        out.extend(movable.into_iter().filter_map(|(d, h)| d.map(|d| (d, h))));
    }
    if region == Region::AlsaceMoselle {
        fixed(12, 26, Holiday::StStephen, &mut out);
    }
    if let Some((m, d)) = region.abolition_day() {
        fixed(m, d, Holiday::AbolitionOfSlavery, &mut out);
    }
    out.sort_unstable();
    // In some years Ascension falls on 1 or 8 May: one day, one entry (the fixed one first).
    out.dedup_by_key(|(date, _)| *date);
    out.retain(|(date, _)| date.year() == year);
    out
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
}
