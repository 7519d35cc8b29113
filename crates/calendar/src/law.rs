//! The law in force on the day a contract was concluded: one dated table of the changes the
//! crates apply, and the contract's day they are read against.
//!
//! A rule whose law changed takes the wording in force on the day the contract was concluded
//! (a law applies to the contracts concluded from its date, and the contracts before it stay
//! under the former text): for an order, the Paris date of its validation. Every crate that
//! applies a changed rule reads [`ContractDay::is_under`] with the [`LawChange`] it applies;
//! none keeps a date of its own, and no caller passes a wording.
//!
//! # Example
//!
//! ```
//! use comptoir_calendar::clock::Paris;
//! use comptoir_calendar::law::{ContractDay, LawChange};
//!
//! // The consumer-credit reform applies to contracts concluded from 20 November 2026, on
//! // the Paris clock: one second decides.
//! let before = ContractDay::of(&Paris::at(2026, 11, 19, 23, 59, 59)?)?;
//! let after = ContractDay::of(&Paris::at(2026, 11, 20, 0, 0, 0)?)?;
//! assert!(!before.is_under(LawChange::ConsumerCreditReform));
//! assert!(after.is_under(LawChange::ConsumerCreditReform));
//! assert_eq!(LawChange::ConsumerCreditReform.articles(), "C. conso L312-4, L312-19");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;
use core::str::FromStr;

use chrono::{DateTime, NaiveDate, TimeZone};

use crate::{CalendarError, Day, clock};

/// A change of French consumer law that the crates apply by the contract's day, in the order
/// it came into force.
///
/// [`LawChange::ALL`] is the table; each change gives the day it applies from
/// ([`LawChange::in_force_from`]), the articles it changed, the text that changed them and a
/// public source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LawChange {
    /// The increase of a late refund after a termination for non-delivery (C. conso L241-4):
    /// 10 % up to 14 days late, 20 % up to 30, 50 % beyond, for contracts from 1 January 2022
    /// (ordonnance n° 2021-1247); 30 and 60 days before.
    LateRefundIncrease2022,
    /// The online withdrawal function a shop selling through a website owes (C. conso
    /// L221-21 as amended by ordonnance n° 2026-2, D221-5), for contracts from 19 June 2026.
    OnlineWithdrawalFunction,
    /// The consumer-credit reform (ordonnance n° 2025-880, corrected by n° 2025-1154): the
    /// former exclusion of a credit repaid within three months is gone; only a deferred
    /// payment granted by the seller itself, fully paid within 50 days of delivery (14 for a
    /// large enterprise), stays out (new L312-4 4° and 5°); a borrower's withdrawal of 14 days
    /// (L312-19). For contracts from 20 November 2026.
    ConsumerCreditReform,
}

/// One row of the table: what changed, from when, where it is written.
struct Row {
    change: LawChange,
    year: i32,
    month: u32,
    day: u32,
    articles: &'static str,
    text: &'static str,
    source: &'static str,
}

/// The dated table of changes, oldest first. A new change is one more row and one more
/// variant; every rule that reads it finds its date here.
const TABLE: [Row; 3] = [
    Row {
        change: LawChange::LateRefundIncrease2022,
        year: 2022,
        month: 1,
        day: 1,
        articles: "C. conso L241-4",
        text: "ordonnance n° 2021-1247 du 29 septembre 2021, art. 13",
        source: "Légifrance, ordonnance n° 2021-1247 du 29 septembre 2021",
    },
    Row {
        change: LawChange::OnlineWithdrawalFunction,
        year: 2026,
        month: 6,
        day: 19,
        articles: "C. conso L221-21, D221-5",
        text: "ordonnance n° 2026-2 et décret n° 2026-3 du 5 janvier 2026 (directive (UE) 2023/2673)",
        source: "https://tricoteuses.fr/en/legifrance/sections/JORFSCTA000053298855",
    },
    Row {
        change: LawChange::ConsumerCreditReform,
        year: 2026,
        month: 11,
        day: 20,
        articles: "C. conso L312-4, L312-19",
        text: "ordonnance n° 2025-880 du 3 septembre 2025, corrigée par l'ordonnance n° 2025-1154 du 2 décembre 2025 (directive (UE) 2023/2225)",
        source: "https://legal.tricoteuses.fr/articles/JORFARTI000052184281",
    },
];

/// Never reached: every change has its row.
const NO_ROW: Row = Row {
    change: LawChange::LateRefundIncrease2022,
    year: 1,
    month: 1,
    day: 1,
    articles: "",
    text: "",
    source: "",
};

impl LawChange {
    /// Every change, in the order it came into force.
    pub const ALL: [LawChange; 3] = [
        LawChange::LateRefundIncrease2022,
        LawChange::OnlineWithdrawalFunction,
        LawChange::ConsumerCreditReform,
    ];

    fn row(self) -> &'static Row {
        // The table holds one row per variant (a test checks it); the fallback only keeps
        // this free of panics.
        TABLE
            .iter()
            .find(|row| row.change == self)
            .unwrap_or(&NO_ROW)
    }

    /// The first contract day the change applies to (a Paris date): contracts concluded that
    /// day or later are under it, the ones before under the former text.
    pub fn in_force_from(self) -> NaiveDate {
        let row = self.row();
        // The table's dates are real dates; the fallback only keeps this free of panics.
        NaiveDate::from_ymd_opt(row.year, row.month, row.day).unwrap_or(NaiveDate::MIN)
    }

    /// The articles the change wrote: `C. conso L312-4, L312-19`.
    pub fn articles(self) -> &'static str {
        self.row().articles
    }

    /// The text that made the change, in French: `ordonnance n° 2021-1247 ...`.
    pub fn text(self) -> &'static str {
        self.row().text
    }

    /// A public source of the text: an address, or the Journal officiel's reference.
    pub fn source(self) -> &'static str {
        self.row().source
    }

    /// The name used in stored values and by [`FromStr`]: `consumer_credit_reform`.
    pub fn name(self) -> &'static str {
        match self {
            LawChange::LateRefundIncrease2022 => "late_refund_increase_2022",
            LawChange::OnlineWithdrawalFunction => "online_withdrawal_function",
            LawChange::ConsumerCreditReform => "consumer_credit_reform",
        }
    }
}

impl fmt::Display for LawChange {
    /// `consumer_credit_reform (C. conso L312-4, L312-19, from 2026-11-20)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, from {})",
            self.name(),
            self.articles(),
            self.in_force_from()
        )
    }
}

impl FromStr for LawChange {
    type Err = CalendarError;

    /// Reads [`LawChange::name`].
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for any other text.
    fn from_str(s: &str) -> Result<LawChange, CalendarError> {
        LawChange::ALL
            .into_iter()
            .find(|c| c.name() == s.trim())
            .ok_or(CalendarError::parse(
                crate::TextForm::LawChange,
                crate::TextProblem::NotTheForm,
            ))
    }
}

/// The day a contract was concluded, on the Paris clock: for an order, the Paris date of its
/// validation (the crates take it from the order themselves); for an offer shown before any
/// order, the day the contract would be concluded.
///
/// `Display` and `FromStr` use the date (`2026-11-20`); with the `serde` feature it is that
/// string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct ContractDay(NaiveDate);

impl ContractDay {
    /// The contract concluded at `concluded_at`: its Paris date.
    ///
    /// # Errors
    ///
    /// [`CalendarError::InstantOutOfRange`] when the instant cannot be read on the Paris clock.
    pub fn of<Tz: TimeZone>(concluded_at: &DateTime<Tz>) -> Result<ContractDay, CalendarError> {
        clock::paris_date(concluded_at).map(ContractDay)
    }

    /// A contract concluded on `day` (a Paris date).
    pub const fn new(day: NaiveDate) -> ContractDay {
        ContractDay(day)
    }

    /// The Paris date.
    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Whether the contract is under `change`: concluded on or after the day it applies from.
    pub fn is_under(self, change: LawChange) -> bool {
        self.0 >= change.in_force_from()
    }

    /// The changes in force for this contract, oldest first.
    pub fn changes_in_force(self) -> impl Iterator<Item = LawChange> {
        LawChange::ALL
            .into_iter()
            .filter(move |c| self.is_under(*c))
    }
}

impl fmt::Display for ContractDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for ContractDay {
    type Err = CalendarError;

    /// Reads an ISO 8601 date, as [`Day`] does.
    ///
    /// # Errors
    ///
    /// [`CalendarError::Parse`] for anything else.
    fn from_str(s: &str) -> Result<ContractDay, CalendarError> {
        let day: Day = s.parse()?;
        day.date().map(ContractDay).ok_or(CalendarError::parse(
            crate::TextForm::Day,
            crate::TextProblem::NoSuchDate,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Paris;

    // The table has one row per variant, in the order of the variants and of their dates.
    #[test]
    fn the_table_is_complete_and_in_date_order() {
        for (i, change) in LawChange::ALL.into_iter().enumerate() {
            assert_eq!(TABLE[i].change, change);
            assert_eq!(change.name().parse::<LawChange>(), Ok(change));
            assert!(change.to_string().contains(change.articles()));
            // Each change is made by a numbered text of the Journal officiel.
            assert!(change.text().starts_with("ordonnance n° 20"), "{change}");
        }
        assert!(
            LawChange::ALL
                .windows(2)
                .all(|w| w[0].in_force_from() < w[1].in_force_from())
        );
        assert!("the_2022_reform".parse::<LawChange>().is_err());
    }

    // DISP-4 (L241-4), RET-1 (L221-21), PAY-5 (L312-4): each change's boundary is exact on
    // the Paris clock, the last second of the day before and the first of the day itself.
    #[test]
    fn each_boundary_is_exact_on_the_paris_clock() {
        for change in LawChange::ALL {
            let day = change.in_force_from();
            let eve = day.pred_opt().unwrap();
            let last = Paris::at(
                chrono::Datelike::year(&eve),
                chrono::Datelike::month(&eve),
                chrono::Datelike::day(&eve),
                23,
                59,
                59,
            )
            .unwrap();
            let first = Paris::at(
                chrono::Datelike::year(&day),
                chrono::Datelike::month(&day),
                chrono::Datelike::day(&day),
                0,
                0,
                0,
            )
            .unwrap();
            assert!(
                !ContractDay::of(&last).unwrap().is_under(change),
                "{change}"
            );
            assert!(
                ContractDay::of(&first).unwrap().is_under(change),
                "{change}"
            );
        }
        // 23:30 UTC on 19 November is 00:30 on the 20th in Paris: the UTC date is not what
        // counts.
        let utc = chrono::Utc
            .with_ymd_and_hms(2026, 11, 19, 23, 30, 0)
            .unwrap();
        assert!(
            ContractDay::of(&utc)
                .unwrap()
                .is_under(LawChange::ConsumerCreditReform)
        );
    }

    // The contract's day reads back from its text.
    #[test]
    fn contract_day_reads_back() {
        let day = ContractDay::new(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
        assert_eq!(day.to_string().parse::<ContractDay>(), Ok(day));
        assert!("20/11/2026".parse::<ContractDay>().is_err());
        assert_eq!(
            day.changes_in_force().collect::<Vec<_>>(),
            LawChange::ALL.to_vec()
        );
    }
}
