use core::fmt;

use crate::{Field, FieldError, FieldReason};

/// The raw content of one form field, as the customer's browser sent it.
///
/// It may hold bytes that are not UTF-8 (some formats carry strings as bytes): validation
/// then reports [`FieldReason::InvalidUtf8`] for that field instead of failing the whole form,
/// so the customer still sees every other problem at once (ACC-2).
///
/// # Example
///
/// ```
/// use comptoir_account::FormText;
///
/// let ok = FormText::from("Dupont");
/// assert_eq!(ok.as_str(), Some("Dupont"));
/// let bad = FormText::from_bytes(vec![0x44, 0xff]);
/// assert_eq!(bad.as_str(), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct FormText(Raw);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Raw {
    Text(String),
    NotUtf8(Vec<u8>),
}

impl Default for Raw {
    fn default() -> Self {
        Raw::Text(String::new())
    }
}

impl FormText {
    /// A field from raw bytes; bytes that are UTF-8 become text, others are kept as they are
    /// so that validation can name the field.
    pub fn from_bytes(bytes: Vec<u8>) -> FormText {
        match String::from_utf8(bytes) {
            Ok(text) => FormText(Raw::Text(text)),
            Err(e) => FormText(Raw::NotUtf8(e.into_bytes())),
        }
    }

    /// The text, or `None` when the bytes are not UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Raw::Text(t) => Some(t),
            Raw::NotUtf8(_) => None,
        }
    }

    /// The bytes as sent.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Raw::Text(t) => t.as_bytes(),
            Raw::NotUtf8(b) => b,
        }
    }
}

impl From<&str> for FormText {
    fn from(text: &str) -> FormText {
        FormText(Raw::Text(text.to_owned()))
    }
}

impl From<String> for FormText {
    fn from(text: String) -> FormText {
        FormText(Raw::Text(text))
    }
}

impl fmt::Debug for FormText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Raw::Text(t) => fmt::Debug::fmt(t, f),
            Raw::NotUtf8(b) => write!(f, "NotUtf8({b:x?})"),
        }
    }
}

/// Whether an empty field is an error or an absent optional value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Required,
    Optional,
}

/// The checks every text field goes through before its own: UTF-8, control characters,
/// size, emptiness. Returns the trimmed text, `None` for an empty optional field.
///
/// The size is checked before the field's own checks, so that a huge input is refused
/// before any parser sees it.
pub(crate) fn clean(
    field: Field,
    raw: &FormText,
    max_chars: usize,
    presence: Presence,
) -> Result<Option<&str>, FieldError> {
    let err = |reason| FieldError::new(field, reason);
    let text = raw.as_str().ok_or_else(|| err(FieldReason::InvalidUtf8))?;
    // Control characters first: they are the more specific complaint, and a newline
    // around the text is not trimmed away silently.
    if text.chars().any(char::is_control) {
        return Err(err(FieldReason::ControlCharacter));
    }
    let trimmed = text.trim();
    if trimmed.chars().nth(max_chars).is_some() {
        return Err(err(FieldReason::TooLong { max: max_chars }));
    }
    if trimmed.is_empty() {
        return match presence {
            Presence::Required => Err(err(FieldReason::Empty)),
            Presence::Optional => Ok(None),
        };
    }
    Ok(Some(trimmed))
}

/// [`clean`] for a required field.
pub(crate) fn required(field: Field, raw: &FormText, max_chars: usize) -> Result<&str, FieldError> {
    clean(field, raw, max_chars, Presence::Required)?
        .ok_or_else(|| FieldError::new(field, FieldReason::Empty))
}

#[cfg(feature = "serde")]
mod serde_impls {
    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{FormText, Raw};

    impl Serialize for FormText {
        /// As a string, or as bytes when the field is not UTF-8.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match &self.0 {
                Raw::Text(t) => serializer.serialize_str(t),
                Raw::NotUtf8(b) => serializer.serialize_bytes(b),
            }
        }
    }

    impl<'de> Deserialize<'de> for FormText {
        /// From a string, or from bytes (kept as they are when not UTF-8, so that validation
        /// reports the field); a missing value (`null`) is an empty field.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(FormTextVisitor)
        }
    }

    struct FormTextVisitor;

    impl<'de> Visitor<'de> for FormTextVisitor {
        type Value = FormText;

        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a string or bytes")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<FormText, E> {
            Ok(FormText::from(v))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<FormText, E> {
            Ok(FormText::from(v))
        }

        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FormText, E> {
            Ok(FormText::from_bytes(v.to_vec()))
        }

        fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<FormText, E> {
            Ok(FormText::from_bytes(v))
        }

        fn visit_unit<E: de::Error>(self) -> Result<FormText, E> {
            Ok(FormText::default())
        }

        fn visit_none<E: de::Error>(self) -> Result<FormText, E> {
            Ok(FormText::default())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // ACC-2: every field is trimmed, then refused for one reason in a fixed order.
    #[test]
    fn clean_trims_and_refuses_in_a_fixed_order() {
        let f = Field::City;
        assert_eq!(
            clean(f, &"  Lyon ".into(), 10, Presence::Required),
            Ok(Some("Lyon"))
        );
        assert_eq!(clean(f, &"   ".into(), 10, Presence::Optional), Ok(None));
        let reason = |raw: FormText| {
            clean(f, &raw, 5, Presence::Required)
                .map(|_| ())
                .map_err(|e| e.reason().clone())
        };
        assert_eq!(reason("".into()), Err(FieldReason::Empty));
        assert_eq!(reason("Lyon\n".into()), Err(FieldReason::ControlCharacter));
        assert_eq!(reason("a\u{0}b".into()), Err(FieldReason::ControlCharacter));
        assert_eq!(
            reason("abcdef".into()),
            Err(FieldReason::TooLong { max: 5 })
        );
        // The limit counts characters, not bytes: five accented letters fit in five.
        assert_eq!(
            clean(f, &"ééééé".into(), 5, Presence::Required),
            Ok(Some("ééééé"))
        );
        assert_eq!(
            reason(FormText::from_bytes(vec![0xc3])),
            Err(FieldReason::InvalidUtf8)
        );
    }
}
