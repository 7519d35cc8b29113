//! Regression tests of the hostile-input review and of fuzzing (`fuzz/` in the repository):
//! every value found that deserialised unchecked, panicked or took unbounded memory stays
//! here, fixed.
#![cfg(feature = "serde")]

use comptoir_promo::Catalogue;
use serde::Deserialize;
use serde::de::value::Error;
use serde::de::{DeserializeSeed, IntoDeserializer, SeqAccess, Visitor};

/// A sequence whose format announces `usize::MAX` elements and holds none, as a
/// length-prefixed format reads a hostile prefix.
struct LyingSeq;

impl<'de> SeqAccess<'de> for LyingSeq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _seed: T,
    ) -> Result<Option<T::Value>, Error> {
        Ok(None)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(usize::MAX)
    }
}

struct Lying;

impl<'de> serde::Deserializer<'de> for Lying {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(LyingSeq)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

// PROMO-2, bad input: a catalogue reserved room for as many offers as the format's length
// prefix announced; `usize::MAX` panicked with a capacity overflow. It now reserves a few
// thousand at most and grows with the offers actually read.
#[test]
fn promo_2_a_length_prefix_does_not_decide_the_catalogues_memory() {
    let catalogue = Catalogue::deserialize(Lying).unwrap();
    assert!(catalogue.is_empty());
    let empty: Vec<u8> = Vec::new();
    let read: Result<Catalogue, Error> = Catalogue::deserialize(empty.into_deserializer());
    assert!(read.is_ok_and(|c| c.is_empty()));
}
