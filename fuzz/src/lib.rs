//! What every fuzz target checks, besides not crashing: whatever is accepted round-trips and
//! satisfies its constructor's checks.
//!
//! A target reads the fuzzer's bytes as text ([`text`]) or JSON ([`json`]) into a type of the
//! crates; when the type accepts them, the helpers check that the value writes back to a
//! form that reads back equal. The target then checks the value against its constructor
//! (`DayWindow::new(w.earliest(), w.latest()) == Ok(w)`, `policy.validate() == Ok(())`...).
//! An assertion that fails is a crash for libFuzzer, which keeps the input.

use core::fmt::{Debug, Display};
use core::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The fuzzer's bytes as text, when they are UTF-8.
pub fn text(data: &[u8]) -> Option<&str> {
    core::str::from_utf8(data).ok()
}

/// `data` read as JSON into `T`. When accepted, the value must serialise, and what it writes
/// must read back as an equal value (and write the same JSON again).
pub fn json<T>(data: &[u8]) -> Option<T>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let value: T = serde_json::from_slice(data).ok()?;
    json_written_back(&value);
    Some(value)
}

/// Checks an accepted value writes JSON that reads back equal and writes the same again.
pub fn json_written_back<T>(value: &T)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let written = match serde_json::to_string(value) {
        Ok(written) => written,
        Err(e) => panic!("{value:?} was accepted but does not serialise: {e}"),
    };
    let back: T = match serde_json::from_str(&written) {
        Ok(back) => back,
        Err(e) => panic!("{value:?} wrote {written} which reads back as an error: {e}"),
    };
    assert_eq!(&back, value, "{written} reads back as another value");
    let again = serde_json::to_string(&back).ok();
    assert_eq!(again.as_deref(), Some(written.as_str()), "JSON is not stable");
}

/// `text` read with `FromStr`. When accepted, what `Display` writes must read back equal.
pub fn parsed<T>(text: &str) -> Option<T>
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let value: T = text.parse().ok()?;
    displayed_back(&value);
    Some(value)
}

/// Checks what `Display` writes of an accepted value reads back equal, and, when the type
/// has a friendlier `{:#}` form that its `FromStr` reads, that one too (`alternate`).
pub fn displayed_back<T>(value: &T)
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let written = value.to_string();
    match written.parse::<T>() {
        Ok(back) => assert_eq!(&back, value, "{written:?} reads back as another value"),
        Err(e) => panic!("{value:?} displays as {written:?}, which does not parse: {e:?}"),
    }
}

/// As [`displayed_back`], for the `{:#}` form.
pub fn alternate_back<T>(value: &T)
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let written = format!("{value:#}");
    match written.parse::<T>() {
        Ok(back) => assert_eq!(&back, value, "{written:?} reads back as another value"),
        Err(e) => panic!("{value:?} displays as {written:?} with {{:#}}, which does not parse: {e:?}"),
    }
}

/// A JSON string holding `text`, so that a text target also drives the type's serde form.
pub fn json_string(text: &str) -> Vec<u8> {
    serde_json::to_vec(text).unwrap_or_default()
}
