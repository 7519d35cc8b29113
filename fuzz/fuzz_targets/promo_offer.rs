//! An `Offer` from JSON (its `OfferSpec` form): what is accepted is what `Offer::new` makes
//! of its spec and reads back from what it writes.
#![no_main]

use comptoir_fuzz::{json, json_written_back};
use comptoir_promo::{Offer, OfferSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(offer) = json::<Offer>(data) {
        assert_eq!(Offer::new(offer.to_spec()).as_ref(), Ok(&offer));
        assert!(!offer.effects().is_empty());
        assert_eq!(offer.is_automatic(), offer.code().is_none());
    }
    // The spec alone reads anything well formed; the offer is what `new` accepts of it.
    if let Ok(spec) = serde_json::from_slice::<OfferSpec>(data) {
        if let Ok(offer) = Offer::new(spec.clone()) {
            assert_eq!(offer.to_spec(), spec);
            json_written_back(&offer);
        }
    }
});
