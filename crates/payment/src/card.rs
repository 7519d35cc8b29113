//! A card as the rules see it (PAY-7): an opaque token, a brand and an expiry month, never a
//! card number or a security code.

use core::fmt;
use core::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::PaymentError;

/// The longest token accepted; payment providers' tokens are far shorter.
const MAX_TOKEN_LEN: usize = 128;

/// The reference of a card at the payment provider (PAY-7), the only way the shop names a card.
///
/// "Notre solution de paiement est certifiée PCI DSS": the card number and the security code
/// stay with the provider, which gives the shop back an opaque token. A token is 1 to 128
/// printable ASCII characters, without spaces. A string that looks like a card number (13 to
/// 19 digits, alone or with dashes, or a run of such digits that passes the Luhn check) is
/// refused, so that a card number cannot be stored here by mistake.
///
/// `Debug` does not print the token, so that logs never carry it; [`CardToken::as_str`] gives
/// it to the code that talks to the provider.
///
/// # Example
///
/// ```
/// use comptoir_payment::CardToken;
///
/// let token = CardToken::new("pm_1Q2w3E4r5T6y")?;
/// assert_eq!(token.as_str(), "pm_1Q2w3E4r5T6y");
/// assert_eq!(format!("{token:?}"), "CardToken(<redacted>)");
///
/// // A card number is not a token.
/// assert!(CardToken::new("4111111111111111").is_err());
/// assert!(CardToken::new("4111-1111-1111-1111").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A token has no `Display`, so it is not printed into a page or a log by accident:
///
/// ```compile_fail
/// use comptoir_payment::CardToken;
///
/// let token = CardToken::new("pm_1Q2w3E4r5T6y")?;
/// println!("{token}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "String", into = "String")
)]
pub struct CardToken(String);

impl CardToken {
    /// Checks `token` and keeps it.
    ///
    /// # Errors
    ///
    /// - [`PaymentError::InvalidCardToken`] when it is empty, longer than 128 characters, or
    ///   holds anything but printable ASCII (spaces and control characters included);
    /// - [`PaymentError::TokenLooksLikeCardNumber`] when it looks like a card number (PAY-7).
    pub fn new(token: impl Into<String>) -> Result<CardToken, PaymentError> {
        let token = token.into();
        if token.is_empty() {
            return Err(PaymentError::InvalidCardToken {
                reason: "it is empty",
            });
        }
        if token.len() > MAX_TOKEN_LEN {
            return Err(PaymentError::InvalidCardToken {
                reason: "it is longer than 128 characters",
            });
        }
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(PaymentError::InvalidCardToken {
                reason: "it holds spaces, control or non-ASCII characters",
            });
        }
        if looks_like_card_number(&token) {
            return Err(PaymentError::TokenLooksLikeCardNumber);
        }
        Ok(CardToken(token))
    }

    /// The token, to hand to the payment provider.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CardToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CardToken(<redacted>)")
    }
}

impl TryFrom<String> for CardToken {
    type Error = PaymentError;

    fn try_from(value: String) -> Result<CardToken, PaymentError> {
        CardToken::new(value)
    }
}

impl From<CardToken> for String {
    fn from(token: CardToken) -> String {
        token.0
    }
}

/// Card numbers (PAN) have 13 to 19 digits.
fn is_pan_length(digits: usize) -> bool {
    (13..=19).contains(&digits)
}

/// Digits and dashes only, with a card number's count of digits; or a run of a card number's
/// length of digits inside the token that passes the Luhn check all card numbers pass.
fn looks_like_card_number(token: &str) -> bool {
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    if token.bytes().all(|b| b.is_ascii_digit() || b == b'-') && is_pan_length(digits) {
        return true;
    }
    token
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| is_pan_length(run.len()) && luhn_valid(run))
}

/// The Luhn checksum of a string of ASCII digits.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "called on runs of 13 to 19 ASCII digits: each term is at most 9, the sum at most 171"
)]
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.saturating_sub(b'0'));
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A card brand the shop accepts (PAY-1: "CB, VISA, American Express"; the site's footer adds
/// Mastercard).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CardBrand {
    /// Carte Bancaire, the French interbank network.
    Cb,
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    AmericanExpress,
}

impl CardBrand {
    /// The brands the shop accepts.
    pub const ACCEPTED: [CardBrand; 4] = [
        CardBrand::Cb,
        CardBrand::Visa,
        CardBrand::Mastercard,
        CardBrand::AmericanExpress,
    ];
}

impl CardBrand {
    fn name(self) -> &'static str {
        match self {
            CardBrand::Cb => "CB",
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::AmericanExpress => "American Express",
        }
    }
}

impl fmt::Display for CardBrand {
    /// The brand's name as printed on cards: `CB`, `Visa`, `Mastercard`, `American Express`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CardBrand {
    type Err = PaymentError;

    /// Reads the name `Display` writes, ignoring case (`VISA` is Visa).
    ///
    /// # Errors
    ///
    /// [`PaymentError::Parse`] for a brand the shop does not accept.
    fn from_str(s: &str) -> Result<CardBrand, PaymentError> {
        CardBrand::ACCEPTED
            .into_iter()
            .find(|brand| brand.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| PaymentError::Parse {
                what: "a card brand",
                input: s.to_owned(),
                expected: "CB, Visa, Mastercard or American Express",
            })
    }
}

/// The month a card expires, as printed on it: the card is valid up to the last day of that
/// month included.
///
/// Years run from 1900 to 2200, the calendar's range (CAL-4); months from 1 to 12.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_payment::ExpiryMonth;
///
/// let expiry: ExpiryMonth = "02/28".parse()?;
/// assert_eq!(expiry, ExpiryMonth::new(2028, 2)?);
/// assert_eq!(expiry.last_day(), NaiveDate::from_ymd_opt(2028, 2, 29).ok_or("date")?);
/// assert_eq!(expiry.to_string(), "02/2028");
/// assert!(ExpiryMonth::new(2028, 13).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ExpiryRepr", into = "ExpiryRepr")
)]
pub struct ExpiryMonth {
    // Field order makes the derived order chronological.
    year: i32,
    month: u8,
    last_day: NaiveDate,
}

impl ExpiryMonth {
    /// The first year accepted.
    pub const MIN_YEAR: i32 = 1900;
    /// The last year accepted.
    pub const MAX_YEAR: i32 = 2200;

    /// The card expires at the end of `month` (1 to 12) of `year`.
    ///
    /// # Errors
    ///
    /// [`PaymentError::InvalidExpiry`] for a month outside 1 to 12 or a year outside 1900 to
    /// 2200.
    pub fn new(year: i32, month: u8) -> Result<ExpiryMonth, PaymentError> {
        let invalid = PaymentError::InvalidExpiry { year, month };
        if !(1..=12).contains(&month) || !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(invalid);
        }
        // The month's last day: 31 December, or the next month's first day less one (month
        // is below 12 there, so the next one is at most 12).
        let last_day = if month == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)
        } else {
            NaiveDate::from_ymd_opt(year, u32::from(month).saturating_add(1), 1)
                .and_then(|d| d.pred_opt())
        }
        .ok_or(invalid)?;
        Ok(ExpiryMonth {
            year,
            month,
            last_day,
        })
    }

    /// The month of the year that contains `date`.
    ///
    /// # Errors
    ///
    /// [`PaymentError::InvalidExpiry`] when `date`'s year is outside 1900 to 2200.
    pub fn containing(date: NaiveDate) -> Result<ExpiryMonth, PaymentError> {
        // A month number is 1 to 12: it always fits.
        let month = u8::try_from(date.month()).unwrap_or(0);
        ExpiryMonth::new(date.year(), month)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The last day the card can be used.
    pub fn last_day(self) -> NaiveDate {
        self.last_day
    }

    /// Whether the card can still be used on `date`.
    pub fn is_valid_on(self, date: NaiveDate) -> bool {
        date <= self.last_day
    }
}

impl fmt::Display for ExpiryMonth {
    /// `MM/YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{}", self.month, self.year)
    }
}

impl FromStr for ExpiryMonth {
    type Err = PaymentError;

    /// Reads `MM/YY` (as printed on cards, 20YY) or `MM/YYYY`.
    fn from_str(s: &str) -> Result<ExpiryMonth, PaymentError> {
        let parse_error = || PaymentError::ParseExpiry {
            input: s.to_owned(),
        };
        let (month, year) = s.trim().split_once('/').ok_or_else(parse_error)?;
        let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(month) || !all_digits(year) || month.len() > 2 {
            return Err(parse_error());
        }
        let month: u8 = month.parse().map_err(|_| parse_error())?;
        let year: i32 = match year.len() {
            2 => year
                .parse::<i32>()
                .ok()
                .and_then(|yy| yy.checked_add(2000))
                .ok_or_else(parse_error)?,
            4 => year.parse().map_err(|_| parse_error())?,
            _ => return Err(parse_error()),
        };
        ExpiryMonth::new(year, month)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct ExpiryRepr {
    year: i32,
    month: u8,
}

#[cfg(feature = "serde")]
impl TryFrom<ExpiryRepr> for ExpiryMonth {
    type Error = PaymentError;

    fn try_from(repr: ExpiryRepr) -> Result<ExpiryMonth, PaymentError> {
        ExpiryMonth::new(repr.year, repr.month)
    }
}

#[cfg(feature = "serde")]
impl From<ExpiryMonth> for ExpiryRepr {
    fn from(expiry: ExpiryMonth) -> ExpiryRepr {
        ExpiryRepr {
            year: expiry.year,
            month: expiry.month,
        }
    }
}

/// A card the customer pays with (PAY-7): what the provider's token stands for, its brand
/// and its expiry month, nothing more.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use comptoir_payment::{Card, CardBrand, CardToken, ExpiryMonth};
///
/// let today = NaiveDate::from_ymd_opt(2026, 5, 20).ok_or("date")?;
/// let card = Card::new(CardToken::new("tok_visa_42")?, CardBrand::Visa, ExpiryMonth::new(2027, 3)?, today)?;
/// assert_eq!(card.brand(), CardBrand::Visa);
///
/// // A card whose month is over is refused.
/// let expired = ExpiryMonth::new(2026, 4)?;
/// assert!(Card::new(CardToken::new("tok_visa_42")?, CardBrand::Visa, expired, today).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Card {
    token: CardToken,
    brand: CardBrand,
    expiry: ExpiryMonth,
}

impl Card {
    /// The card the provider gave `token` for, checked on `today` (the shop's Paris date).
    ///
    /// Deserialising a card checks the token and the month but not whether it has expired
    /// since: that depends on the day, and the rules that use a card check it again
    /// ([`InstalmentSchedule::compute`](crate::InstalmentSchedule::compute) does).
    ///
    /// # Errors
    ///
    /// [`PaymentError::CardExpired`] when the expiry month is over on `today`.
    pub fn new(
        token: CardToken,
        brand: CardBrand,
        expiry: ExpiryMonth,
        today: NaiveDate,
    ) -> Result<Card, PaymentError> {
        let card = Card {
            token,
            brand,
            expiry,
        };
        card.check_valid_on(today)?;
        Ok(card)
    }

    /// The provider's token.
    pub fn token(&self) -> &CardToken {
        &self.token
    }

    /// The brand.
    pub fn brand(&self) -> CardBrand {
        self.brand
    }

    /// The expiry month.
    pub fn expiry(&self) -> ExpiryMonth {
        self.expiry
    }

    /// Checks that the card can be used on `date`.
    ///
    /// # Errors
    ///
    /// [`PaymentError::CardExpired`] when the expiry month is over on `date`.
    pub fn check_valid_on(&self, date: NaiveDate) -> Result<(), PaymentError> {
        if self.expiry.is_valid_on(date) {
            Ok(())
        } else {
            Err(PaymentError::CardExpired {
                expiry: self.expiry,
                on: date,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // PAY-1: every accepted brand reads back from its name, in any case.
    #[test]
    fn brands_read_back_from_their_names() {
        for brand in CardBrand::ACCEPTED {
            assert_eq!(brand.to_string().parse(), Ok(brand));
            assert_eq!(brand.to_string().to_lowercase().parse(), Ok(brand));
        }
        assert!(matches!(
            "Diners".parse::<CardBrand>(),
            Err(PaymentError::Parse { .. })
        ));
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    // PAY-7
    #[test]
    fn tokens_that_look_like_card_numbers_are_refused() {
        for pan in [
            "4111111111111111",
            "378282246310005",
            "4111-1111-1111-1111",
            "tok_4111111111111111",
            "6011000990139424",
        ] {
            assert_eq!(
                CardToken::new(pan),
                Err(PaymentError::TokenLooksLikeCardNumber),
                "{pan}"
            );
        }
        // Twelve digits are not a card number; a long digit run failing Luhn is kept.
        assert!(CardToken::new("123456789012").is_ok());
        assert!(CardToken::new("ord_4111111111111112").is_ok());
    }

    // PAY-7
    #[test]
    fn malformed_tokens_are_refused() {
        let bad = |t: &str| {
            matches!(
                CardToken::new(t),
                Err(PaymentError::InvalidCardToken { .. })
            )
        };
        assert!(bad(""));
        assert!(bad("tok 1"));
        assert!(bad("tok\n1"));
        assert!(bad("tok_é"));
        assert!(bad(&"a".repeat(129)));
        assert!(CardToken::new("a".repeat(128)).is_ok());
    }

    // PAY-7
    #[test]
    fn debug_of_a_card_does_not_print_the_token() -> Result<(), PaymentError> {
        let card = Card::new(
            CardToken::new("tok_secret_value")?,
            CardBrand::Cb,
            ExpiryMonth::new(2030, 1)?,
            date(2026, 1, 1),
        )?;
        assert!(!format!("{card:?}").contains("secret"));
        Ok(())
    }

    // PAY-7, PAY-5: a card keeps only its expiry month, valid through the month's last day (the day the 3x check compares).
    #[test]
    fn expiry_month_is_valid_through_its_last_day() -> Result<(), PaymentError> {
        let expiry = ExpiryMonth::new(2026, 12)?;
        assert_eq!(expiry.last_day(), date(2026, 12, 31));
        assert!(expiry.is_valid_on(date(2026, 12, 31)));
        assert!(!expiry.is_valid_on(date(2027, 1, 1)));
        assert_eq!(
            ExpiryMonth::containing(date(2024, 2, 10))?.last_day(),
            date(2024, 2, 29)
        );
        Ok(())
    }

    // PAY-7: the stored expiry month is checked like the rest of the card's data, never guessed.
    #[test]
    fn bad_expiry_months_are_refused() {
        assert!(ExpiryMonth::new(2026, 0).is_err());
        assert!(ExpiryMonth::new(2026, 13).is_err());
        assert!(ExpiryMonth::new(2201, 1).is_err());
        for s in [
            "", "13/26", "1/2", "01-26", "01/026", "aa/26", "+1/26", "01/+26",
        ] {
            assert!(s.parse::<ExpiryMonth>().is_err(), "{s}");
        }
        assert_eq!("1/27".parse::<ExpiryMonth>(), ExpiryMonth::new(2027, 1));
    }

    // PAY-7, PAY-6: a card whose month is over is refused, naming the month.
    #[test]
    fn an_expired_card_is_refused_with_its_month() -> Result<(), PaymentError> {
        let expiry = ExpiryMonth::new(2026, 4)?;
        let result = Card::new(
            CardToken::new("tok")?,
            CardBrand::Visa,
            expiry,
            date(2026, 5, 1),
        );
        assert_eq!(
            result,
            Err(PaymentError::CardExpired {
                expiry,
                on: date(2026, 5, 1)
            })
        );
        Ok(())
    }
}
