//! The after-sales crate's text form, `Months` (RET-5): what is accepted is what
//! `Months::new` makes and reads back from its `Display`, in text and in JSON; only digits,
//! with or without " month(s)", are read.
#![no_main]

use comptoir_aftersales::Months;
use comptoir_fuzz::{json, parsed, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else {
        return;
    };
    if let Some(months) = parsed::<Months>(text) {
        assert_eq!(Months::new(months.get()), months);
        let number = text
            .trim()
            .trim_end_matches(" months")
            .trim_end_matches(" month");
        assert!(number.bytes().all(|b| b.is_ascii_digit()), "{text:?}");
        assert_eq!(json::<Months>(months.get().to_string().as_bytes()), Some(months));
    }
});
