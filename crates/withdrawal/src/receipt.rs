//! The receipt of a parcel: the day the customer takes physical possession (SHIP-2, RET-1,
//! C. conso L221-18).

use chrono::{DateTime, TimeZone, Utc};
use comptoir_dispatch::{DropPoint, Fulfilment, ParcelReceipt};

use crate::WithdrawalError;

/// How a parcel reached the customer's hands (SHIP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Handover {
    /// Delivered to the address: handed to the customer or to someone the customer
    /// designated, left in the letterbox or at the workplace. Possession is the delivery.
    AtAddress,
    /// Held at a relay point or a post office and collected there later. Possession is the
    /// collection, not the carrier's arrival scan.
    Collected,
}

/// When the customer took physical possession of one parcel of an order (SHIP-2): the
/// instant the law's withdrawal period counts from (C. conso L221-18: the receipt "par le
/// consommateur ou un tiers, autre que le transporteur, désigné par lui").
///
/// A carrier's tracking gives two instants for a parcel held at a relay point or a post
/// office: when it arrived there, and when the customer collected it. Only the second is a
/// receipt; counting from the first would shorten the customer's window by the days the parcel
/// waited. A `Receipt` is built from the possession instant, so a caller cannot count from an
/// arrival scan by accident:
///
/// - [`Receipt::at_address`]: the parcel was delivered to the address (into the customer's or
///   a designated person's hands, the letterbox, the workplace): possession at delivery;
/// - [`Receipt::collected`]: the parcel arrived at a relay point or a post office at one
///   instant and was collected at a later one: possession at collection.
///
/// A parcel still waiting at a relay point has no receipt yet: the withdrawal period has not
/// started (the customer may withdraw already, RET-1).
///
/// # Example
///
/// ```
/// use chrono::TimeZone;
/// use chrono_tz::Europe::Paris;
/// use comptoir_withdrawal::Receipt;
///
/// let arrived = Paris.with_ymd_and_hms(2025, 3, 3, 9, 12, 0).single().ok_or("instant")?;
/// let collected = Paris.with_ymd_and_hms(2025, 3, 6, 18, 30, 0).single().ok_or("instant")?;
/// let receipt = Receipt::collected(&arrived, &collected)?;
/// assert_eq!(receipt.possession(), collected);
/// assert_eq!(receipt.arrival(), arrived);
/// assert!(Receipt::collected(&collected, &arrived).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "ReceiptData", into = "ReceiptData")
)]
pub struct Receipt {
    possession: DateTime<Utc>,
    arrival: DateTime<Utc>,
    handover: Handover,
}

impl Receipt {
    /// A parcel delivered to the address at `delivered_at`: handed to the customer or to
    /// someone the customer designated (a neighbour, a concierge, a colleague; never the
    /// carrier), left in the letterbox or at the workplace.
    pub fn at_address<Z: TimeZone>(delivered_at: &DateTime<Z>) -> Receipt {
        let at = delivered_at.with_timezone(&Utc);
        Receipt {
            possession: at,
            arrival: at,
            handover: Handover::AtAddress,
        }
    }

    /// A parcel that arrived at a relay point or a post office at `arrived_at` and that the
    /// customer (or someone the customer designated) collected at `collected_at`.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::CollectedBeforeArrival`] when `collected_at` is before `arrived_at`.
    pub fn collected<Z1: TimeZone, Z2: TimeZone>(
        arrived_at: &DateTime<Z1>,
        collected_at: &DateTime<Z2>,
    ) -> Result<Receipt, WithdrawalError> {
        let arrived = arrived_at.with_timezone(&Utc);
        let collected = collected_at.with_timezone(&Utc);
        if collected < arrived {
            return Err(WithdrawalError::CollectedBeforeArrival { arrived, collected });
        }
        Ok(Receipt {
            possession: collected,
            arrival: arrived,
            handover: Handover::Collected,
        })
    }

    /// When the customer took physical possession: the instant the withdrawal period counts
    /// from (its day is not counted).
    pub fn possession(&self) -> DateTime<Utc> {
        self.possession
    }

    /// When the parcel reached the address, the relay point or the post office. For a parcel
    /// delivered to the address, the same instant as [`Receipt::possession`].
    pub fn arrival(&self) -> DateTime<Utc> {
        self.arrival
    }

    /// How the parcel reached the customer.
    pub fn handover(&self) -> Handover {
        self.handover
    }

    /// The receipt of a tracked parcel (SHIP-2), or `None` while a parcel held at a post
    /// office or a relay point waits to be collected: its period has not started.
    ///
    /// A parcel left in the letterbox or at the workplace is received when it arrives; a held
    /// one when it is collected, never at the arrival scan.
    ///
    /// # Errors
    ///
    /// [`WithdrawalError::CollectedBeforeArrival`] when the tracking dates the collection before
    /// the arrival (the tracking already refuses it; the check keeps this one honest).
    pub fn of_parcel(parcel: &ParcelReceipt) -> Result<Option<Receipt>, WithdrawalError> {
        let arrived = parcel.arrived_at();
        match (parcel.drop_point(), parcel.possession_at()) {
            (DropPoint::Letterbox | DropPoint::Workplace, _) => {
                Ok(Some(Receipt::at_address(&arrived)))
            }
            (DropPoint::PostOffice | DropPoint::RelayPoint, Some(collected)) => {
                Receipt::collected(&arrived, &collected).map(Some)
            }
            (DropPoint::PostOffice | DropPoint::RelayPoint, None) => Ok(None),
        }
    }

    /// The receipts of every parcel of an order the customer holds (SHIP-2): what
    /// [`WithdrawalWindows::compute`](crate::WithdrawalWindows::compute) counts from. Parcels
    /// still waiting to be collected are left out; the result is empty until one is in hand.
    ///
    /// # Errors
    ///
    /// As [`Receipt::of_parcel`].
    pub fn of_fulfilment(fulfilment: &Fulfilment) -> Result<Vec<Receipt>, WithdrawalError> {
        let mut receipts = Vec::new();
        for parcel in fulfilment.receipts() {
            if let Some(receipt) = Receipt::of_parcel(&parcel)? {
                receipts.push(receipt);
            }
        }
        Ok(receipts)
    }
}

/// A receipt as stored: `{"at_address": "…"}` or `{"collected": {"arrived": "…", "at": "…"}}`.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum ReceiptData {
    AtAddress(DateTime<Utc>),
    Collected {
        arrived: DateTime<Utc>,
        at: DateTime<Utc>,
    },
}

#[cfg(feature = "serde")]
impl TryFrom<ReceiptData> for Receipt {
    type Error = WithdrawalError;

    fn try_from(data: ReceiptData) -> Result<Receipt, WithdrawalError> {
        match data {
            ReceiptData::AtAddress(at) => Ok(Receipt::at_address(&at)),
            ReceiptData::Collected { arrived, at } => Receipt::collected(&arrived, &at),
        }
    }
}

#[cfg(feature = "serde")]
impl From<Receipt> for ReceiptData {
    fn from(receipt: Receipt) -> ReceiptData {
        match receipt.handover {
            Handover::AtAddress => ReceiptData::AtAddress(receipt.possession),
            Handover::Collected => ReceiptData::Collected {
                arrived: receipt.arrival,
                at: receipt.possession,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339)
            .unwrap()
            .with_timezone(&Utc)
    }

    // SHIP-2: possession is the collection for a held parcel, the delivery otherwise.
    #[test]
    fn ship2_possession_is_the_collection_not_the_arrival_scan() {
        let arrived = at("2025-03-03T09:12:00+01:00");
        let collected = at("2025-03-06T18:30:00+01:00");
        let held = Receipt::collected(&arrived, &collected).unwrap();
        assert_eq!(held.possession(), collected);
        assert_eq!(held.arrival(), arrived);
        assert_eq!(held.handover(), Handover::Collected);

        let home = Receipt::at_address(&arrived);
        assert_eq!(home.possession(), arrived);
        assert_eq!(home.handover(), Handover::AtAddress);
        // Collected the minute it arrived: possession then, still a collection.
        let at_once = Receipt::collected(&arrived, &arrived).unwrap();
        assert_eq!(at_once.possession(), arrived);
        assert_eq!(at_once.handover(), Handover::Collected);
    }

    // SHIP-2: a collection before the arrival is a typed error.
    #[test]
    fn ship2_collection_before_arrival_is_refused() {
        let arrived = at("2025-03-03T09:12:00Z");
        let before = at("2025-03-03T09:11:59Z");
        assert_eq!(
            Receipt::collected(&arrived, &before),
            Err(WithdrawalError::CollectedBeforeArrival {
                arrived,
                collected: before
            })
        );
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;

    // SHIP-2: a stored receipt reads back, and a stored collection before arrival is refused.
    #[test]
    fn ship2_receipts_round_trip_and_are_checked_when_read() {
        let arrived = DateTime::parse_from_rfc3339("2025-03-03T08:12:00Z").unwrap();
        let collected = DateTime::parse_from_rfc3339("2025-03-06T17:30:00Z").unwrap();
        for receipt in [
            Receipt::at_address(&arrived),
            Receipt::collected(&arrived, &collected).unwrap(),
        ] {
            let json = serde_json::to_string(&receipt).unwrap();
            assert_eq!(serde_json::from_str::<Receipt>(&json).unwrap(), receipt);
        }
        assert_eq!(
            serde_json::to_string(&Receipt::collected(&arrived, &collected).unwrap()).unwrap(),
            r#"{"collected":{"arrived":"2025-03-03T08:12:00Z","at":"2025-03-06T17:30:00Z"}}"#
        );
        let backwards =
            r#"{"collected":{"arrived":"2025-03-06T17:30:00Z","at":"2025-03-03T08:12:00Z"}}"#;
        assert!(serde_json::from_str::<Receipt>(backwards).is_err());
    }
}
