//! The promotion engine's identifiers and counts from text and JSON (`OfferId`,
//! `ProductId`, `CategoryId`, `LineId`, `Code`, `CustomerGroup`, `Destination`, `Quantity`,
//! `Priority`): what is accepted is what its constructor makes and reads back.
#![no_main]

use comptoir_fuzz::{json, json_string, parsed, text};
use comptoir_promo::{
    CategoryId, Code, CustomerGroup, Destination, LineId, OfferId, Priority, ProductId,
    Quantity,
};
use libfuzzer_sys::fuzz_target;

macro_rules! id {
    ($ty:ty, $text:expr) => {
        if let Some(id) = parsed::<$ty>($text) {
            assert_eq!(<$ty>::new(id.as_str()).as_ref(), Ok(&id));
            assert!(!id.as_str().is_empty() && id.as_str() == id.as_str().trim());
            assert_eq!(json::<$ty>(&json_string($text)), Some(id));
        }
    };
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        id!(OfferId, text);
        id!(ProductId, text);
        id!(CategoryId, text);
        id!(LineId, text);
        id!(Code, text);
        id!(CustomerGroup, text);
        if let Some(code) = parsed::<Code>(text) {
            assert_eq!(code.as_str().to_uppercase(), code.as_str(), "codes are upper-case");
            assert_eq!(Code::new(text.to_lowercase()).ok().map(|c| c.as_str().len() > 0), Some(true));
        }
        if let Some(destination) = parsed::<Destination>(text) {
            assert_eq!(json::<Destination>(&json_string(text)), Some(destination));
            assert_eq!(destination.code().len(), 2);
        }
        if let Some(quantity) = parsed::<Quantity>(text) {
            assert_eq!(Quantity::new(quantity.get()), Ok(quantity));
        }
        if let Some(priority) = parsed::<Priority>(text) {
            assert_eq!(Priority::new(priority.get()), priority);
        }
    }
    let _ = json::<OfferId>(data);
    let _ = json::<Code>(data);
    let _ = json::<Destination>(data);
    if let Some(quantity) = json::<Quantity>(data) {
        assert!(quantity.get() >= 1);
    }
    let _ = json::<Priority>(data);
});
