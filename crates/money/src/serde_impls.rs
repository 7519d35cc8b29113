use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Eur, Percent};

impl Serialize for Eur {
    /// As a string with two decimals, `"12.34"`: JSON numbers are floats to many readers.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Eur {
    /// From a string in any form [`Eur::from_str`](core::str::FromStr) reads.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(D::Error::custom)
    }
}

impl Serialize for Percent {
    /// As a string, `"12.5"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Percent {
    /// From a string, checked to be within 0 to 100.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Money (docs/rules.md): amounts and percentages travel as strings, read in the French forms
    // too, and the checks of parsing apply.
    #[test]
    fn amounts_stay_strings_and_read_french_forms() {
        let amount = Eur::from_cents(123_450);
        assert_eq!(
            serde_json::to_string(&amount).ok().as_deref(),
            Some(r#""1234.50""#)
        );
        for json in [r#""1234.50""#, r#""1 234,50 €""#, r#""€1234.5""#] {
            assert_eq!(
                serde_json::from_str::<Eur>(json).ok(),
                Some(amount),
                "{json}"
            );
        }
        for json in ["1234.5", r#""1,234.50""#, r#""12.345""#] {
            assert!(serde_json::from_str::<Eur>(json).is_err(), "{json}");
        }
        let rate: Option<Percent> = serde_json::from_str(r#""7.62 %""#).ok();
        assert_eq!(
            rate.and_then(|p| serde_json::to_string(&p).ok()).as_deref(),
            Some(r#""7.62 %""#)
        );
        assert!(serde_json::from_str::<Percent>(r#""101""#).is_err());
    }
}
