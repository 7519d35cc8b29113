//! The phone line's opening hours (SUP-1) and the written-answer delay (SUP-2), as data.

use core::fmt;

use chrono::{NaiveTime, Timelike, Weekday};

use crate::SupportError;

/// A phone slot within one day, Paris wall-clock time: open from `start` inclusive to `end`
/// exclusive (a line open 14:00-17:00 is closed at 17:00:00).
///
/// # Example
///
/// ```
/// use chrono::NaiveTime;
/// use comptoir_support::Slot;
///
/// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).ok_or("time");
/// let afternoon = Slot::new(t(14, 0)?, t(17, 30)?)?;
/// assert!(afternoon.contains(t(17, 29)?));
/// assert!(!afternoon.contains(t(17, 30)?));
/// assert!(Slot::new(t(14, 0)?, t(14, 0)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawSlot", into = "RawSlot"))]
pub struct Slot {
    start: NaiveTime,
    end: NaiveTime,
}

impl Slot {
    /// The slot from `start` to `end`, both on a whole minute (hours are published to the
    /// minute, and `Display` writes `09h00`: a slot it could not write back is refused).
    ///
    /// # Errors
    ///
    /// [`SupportError::SlotNotOnMinute`] for a time with seconds or a fraction of a second
    /// (a leap second included); [`SupportError::EmptySlot`] unless `start < end`.
    pub fn new(start: NaiveTime, end: NaiveTime) -> Result<Slot, SupportError> {
        for time in [start, end] {
            if time.second() != 0 || time.nanosecond() != 0 {
                return Err(SupportError::SlotNotOnMinute { time });
            }
        }
        if start < end {
            Ok(Slot { start, end })
        } else {
            Err(SupportError::EmptySlot { start, end })
        }
    }

    /// A slot from constant hours, valid by construction (MIN is never reached).
    fn hm(start: (u32, u32), end: (u32, u32)) -> Slot {
        let time = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Slot {
            start: time(start),
            end: time(end),
        }
    }

    /// When the line opens.
    pub fn start(self) -> NaiveTime {
        self.start
    }

    /// When it closes (the first closed instant).
    pub fn end(self) -> NaiveTime {
        self.end
    }

    /// True when `time` is within the slot.
    pub fn contains(self, time: NaiveTime) -> bool {
        self.start <= time && time < self.end
    }
}

impl fmt::Display for Slot {
    /// `09h00-13h00`, as French notices write hours.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%Hh%M"),
            self.end.format("%Hh%M")
        )
    }
}

impl core::str::FromStr for Slot {
    type Err = SupportError;

    /// Reads what `Display` writes, `09h00-13h00` (hours and minutes on two digits), and
    /// checks it as [`Slot::new`] does.
    ///
    /// # Errors
    ///
    /// [`SupportError::Parse`] for another form, [`SupportError::EmptySlot`] for a slot that
    /// ends before it starts.
    fn from_str(s: &str) -> Result<Slot, SupportError> {
        let fail = || SupportError::Parse {
            what: "a phone slot",
            input: s.to_owned(),
            expected: "HHhMM-HHhMM, e.g. 09h00-13h00",
        };
        let time = |t: &str| {
            let b = t.as_bytes();
            let shape = b.len() == 5
                && b.get(2) == Some(&b'h')
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 2 || c.is_ascii_digit());
            if !shape {
                return None;
            }
            NaiveTime::parse_from_str(t, "%Hh%M").ok()
        };
        let (start, end) = s.split_once('-').ok_or_else(fail)?;
        Slot::new(time(start).ok_or_else(fail)?, time(end).ok_or_else(fail)?)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct RawSlot {
    start: NaiveTime,
    end: NaiveTime,
}

#[cfg(feature = "serde")]
impl TryFrom<RawSlot> for Slot {
    type Error = SupportError;

    fn try_from(raw: RawSlot) -> Result<Slot, SupportError> {
        Slot::new(raw.start, raw.end)
    }
}

#[cfg(feature = "serde")]
impl From<Slot> for RawSlot {
    fn from(slot: Slot) -> RawSlot {
        RawSlot {
            start: slot.start,
            end: slot.end,
        }
    }
}

/// The phone line's weekly hours (SUP-1): for each day of the week, its slots, in order,
/// neither overlapping nor touching.
///
/// The line is open only on business days of the shop's calendar (CAL-1), so slots given for
/// Saturday or Sunday never apply; a public holiday closes the line whatever its weekday.
///
/// The default is the FAQ's: "du lundi au jeudi de 9h à 13h et de 14h à 17h30 et le vendredi
/// de 9h à 13h et de 14h à 17h".
///
/// # Example
///
/// ```
/// use chrono::Weekday;
/// use comptoir_support::PhoneHours;
///
/// let hours = PhoneHours::default();
/// let friday: Vec<String> = hours.slots(Weekday::Fri).iter().map(|s| s.to_string()).collect();
/// assert_eq!(friday, ["09h00-13h00", "14h00-17h00"]);
/// assert!(hours.slots(Weekday::Sat).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "[Vec<Slot>; 7]", into = "[Vec<Slot>; 7]")
)]
pub struct PhoneHours {
    /// Monday first.
    days: [Vec<Slot>; 7],
}

impl PhoneHours {
    /// Hours from the slots of each day, Monday first.
    ///
    /// # Errors
    ///
    /// [`SupportError::OverlappingSlots`] when a day's slots are out of order, overlap or
    /// touch (touching slots are one slot: write them as one);
    /// [`SupportError::NeverOpen`] when Monday to Friday have no slot at all.
    pub fn new(days: [Vec<Slot>; 7]) -> Result<PhoneHours, SupportError> {
        for (slots, weekday) in days.iter().zip(week()) {
            if slots
                .windows(2)
                .any(|w| matches!(w, [a, b] if a.end >= b.start))
            {
                return Err(SupportError::OverlappingSlots { weekday });
            }
        }
        if days.iter().take(5).all(Vec::is_empty) {
            return Err(SupportError::NeverOpen);
        }
        Ok(PhoneHours { days })
    }

    /// The slots of `weekday`, in order.
    pub fn slots(&self, weekday: Weekday) -> &[Slot] {
        self.days
            .get(weekday.num_days_from_monday() as usize)
            .map_or(&[], Vec::as_slice)
    }
}

impl Default for PhoneHours {
    fn default() -> Self {
        let morning = Slot::hm((9, 0), (13, 0));
        let long_afternoon = Slot::hm((14, 0), (17, 30));
        let friday_afternoon = Slot::hm((14, 0), (17, 0));
        let mon_thu = vec![morning, long_afternoon];
        PhoneHours {
            days: [
                mon_thu.clone(),
                mon_thu.clone(),
                mon_thu.clone(),
                mon_thu,
                vec![morning, friday_afternoon],
                Vec::new(),
                Vec::new(),
            ],
        }
    }
}

impl TryFrom<[Vec<Slot>; 7]> for PhoneHours {
    type Error = SupportError;

    fn try_from(days: [Vec<Slot>; 7]) -> Result<PhoneHours, SupportError> {
        PhoneHours::new(days)
    }
}

impl From<PhoneHours> for [Vec<Slot>; 7] {
    fn from(hours: PhoneHours) -> [Vec<Slot>; 7] {
        hours.days
    }
}

fn week() -> [Weekday; 7] {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
}

/// A delay counted in hours of business days (SUP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "u32", into = "u32"))]
pub struct BusinessHours(u32);

impl BusinessHours {
    /// The FAQ's delay for a written answer: 24 hours.
    pub const FAQ_ANSWER: BusinessHours = BusinessHours(24);

    /// A delay of `hours` hours.
    ///
    /// # Errors
    ///
    /// [`SupportError::ZeroDelay`] for zero: an answer is never due the instant the message
    /// is sent.
    pub fn new(hours: u32) -> Result<BusinessHours, SupportError> {
        if hours == 0 {
            Err(SupportError::ZeroDelay)
        } else {
            Ok(BusinessHours(hours))
        }
    }

    /// The number of hours.
    pub fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for BusinessHours {
    /// `24 business hours`, `1 business hour`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 1 {
            f.write_str("1 business hour")
        } else {
            write!(f, "{} business hours", self.0)
        }
    }
}

impl core::str::FromStr for BusinessHours {
    type Err = SupportError;

    /// Reads what `Display` writes (`24 business hours`) or a bare number (`24`).
    ///
    /// # Errors
    ///
    /// [`SupportError::Parse`] for another form, [`SupportError::ZeroDelay`] for zero.
    fn from_str(s: &str) -> Result<BusinessHours, SupportError> {
        let number = s
            .strip_suffix(" business hours")
            .or_else(|| s.strip_suffix(" business hour"))
            .unwrap_or(s);
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SupportError::Parse {
                what: "a delay in business hours",
                input: s.to_owned(),
                expected: "a whole number of hours, e.g. 24 business hours",
            });
        }
        let hours = number.parse().map_err(|_| SupportError::Parse {
            what: "a delay in business hours",
            input: s.to_owned(),
            expected: "a number of hours below 4294967296",
        })?;
        BusinessHours::new(hours)
    }
}

impl TryFrom<u32> for BusinessHours {
    type Error = SupportError;

    fn try_from(hours: u32) -> Result<BusinessHours, SupportError> {
        BusinessHours::new(hours)
    }
}

impl From<BusinessHours> for u32 {
    fn from(hours: BusinessHours) -> u32 {
        hours.0
    }
}

/// Customer service's promises, as data. The default is the FAQ's.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SupportPolicy {
    /// When the phone line is open (SUP-1).
    pub phone_hours: PhoneHours,
    /// How long a written answer may take, in hours of business days (SUP-2): the FAQ's
    /// "sous 24 heures (jours ouvrés)".
    pub answer_within: BusinessHours,
}

impl Default for SupportPolicy {
    fn default() -> Self {
        SupportPolicy {
            phone_hours: PhoneHours::default(),
            answer_within: BusinessHours::FAQ_ANSWER,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    // SUP-1: phone hours with overlapping or touching slots, or never open, are refused.
    #[test]
    fn hours_refuse_overlaps_touching_slots_and_a_closed_week() {
        let a = Slot::new(t(9, 0), t(13, 0)).unwrap();
        let touching = Slot::new(t(13, 0), t(14, 0)).unwrap();
        let mut days: [Vec<Slot>; 7] = Default::default();
        days[2] = vec![a, touching];
        assert_eq!(
            PhoneHours::new(days.clone()),
            Err(SupportError::OverlappingSlots {
                weekday: Weekday::Wed
            })
        );
        days[2] = vec![touching, a];
        assert!(PhoneHours::new(days.clone()).is_err());
        days[2] = Vec::new();
        days[5] = vec![a];
        assert_eq!(PhoneHours::new(days), Err(SupportError::NeverOpen));
    }

    // SUP-1, SUP-2: slots and delays read back from their text forms; bad ones are refused.
    #[test]
    fn text_forms_read_back() {
        for slot in [
            Slot::hm((9, 0), (13, 0)),
            Slot::hm((14, 0), (17, 30)),
            Slot::hm((0, 0), (23, 59)),
        ] {
            assert_eq!(slot.to_string().parse(), Ok(slot));
        }
        assert_eq!(
            "13h00-09h00".parse::<Slot>(),
            Err(SupportError::EmptySlot {
                start: t(13, 0),
                end: t(9, 0)
            })
        );
        for bad in [
            "",
            "9h00-13h00",
            "09:00-13:00",
            "09h00",
            "09h00-13h00-14h00",
            "24h00-25h00",
        ] {
            assert!(
                matches!(bad.parse::<Slot>(), Err(SupportError::Parse { .. })),
                "{bad:?}"
            );
        }
        for hours in [1, 24, 48, u32::MAX] {
            let delay = BusinessHours::new(hours).unwrap();
            assert_eq!(delay.to_string().parse(), Ok(delay));
            assert_eq!(hours.to_string().parse(), Ok(delay));
        }
        assert_eq!("0".parse::<BusinessHours>(), Err(SupportError::ZeroDelay));
        assert!(matches!(
            "-1".parse::<BusinessHours>(),
            Err(SupportError::Parse { .. })
        ));
        assert!(matches!(
            "24 hours".parse::<BusinessHours>(),
            Err(SupportError::Parse { .. })
        ));
    }

    // SUP-1
    #[test]
    fn default_hours_are_the_faqs() {
        let hours = PhoneHours::default();
        assert_eq!(PhoneHours::new(hours.days.clone()), Ok(hours.clone()));
        for day in [Weekday::Mon, Weekday::Thu] {
            assert_eq!(
                hours.slots(day),
                [
                    Slot::new(t(9, 0), t(13, 0)).unwrap(),
                    Slot::new(t(14, 0), t(17, 30)).unwrap()
                ]
            );
        }
        assert_eq!(
            hours.slots(Weekday::Fri)[1],
            Slot::new(t(14, 0), t(17, 0)).unwrap()
        );
        assert!(hours.slots(Weekday::Sun).is_empty());
    }
}
