//! A `Catalogue` from JSON (a shop's export of its offers): what is accepted is what
//! `Catalogue::new` makes of its offers, finds each offer by its id and code, and reads
//! back from what it writes.
#![no_main]

use comptoir_fuzz::json;
use comptoir_promo::{Catalogue, Combinable};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(catalogue) = json::<Catalogue>(data) else {
        return;
    };
    let offers = catalogue.offers().to_vec();
    assert_eq!(Catalogue::new(offers).as_ref(), Ok(&catalogue));
    for offer in catalogue.offers() {
        assert_eq!(catalogue.offer(offer.id()), Some(offer));
        if let Some(code) = offer.code() {
            assert_eq!(catalogue.offer_by_code(code), Some(offer));
        }
        if let Combinable::OnlyWith(ids) = offer.combinable() {
            assert!(ids.iter().all(|id| catalogue.offer(id).is_some()));
        }
    }
});
