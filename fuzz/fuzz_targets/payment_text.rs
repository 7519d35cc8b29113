//! The payment values written as text, and their JSON: `CardBrand`, `ExpiryMonth`
//! (`ExpiryMonth::new`, its last day), `PaymentMethod`, `InstalmentSpacing` read back from
//! what `Display` writes; `CardToken` (`CardToken::new`, never a card number's digits) and
//! `Card` from JSON.
#![no_main]

use chrono::Datelike;
use comptoir_fuzz::{json, json_string, parsed, text};
use comptoir_payment::{
    Card, CardBrand, CardToken, Device, ExpiryMonth, InstalmentSpacing, PaymentMethod,
    RefusalReason, SecureOutcome,
};
use libfuzzer_sys::fuzz_target;

fn check_expiry(expiry: ExpiryMonth) {
    assert_eq!(ExpiryMonth::new(expiry.year(), expiry.month()), Ok(expiry));
    let last = expiry.last_day();
    assert_eq!(
        (last.year(), last.month()),
        (expiry.year(), u32::from(expiry.month()))
    );
    assert!(last.succ_opt().is_none_or(|next| next.day() == 1));
    assert!(expiry.is_valid_on(last));
}

fn check_token(token: &CardToken) {
    assert_eq!(CardToken::new(token.as_str()).as_ref(), Ok(token));
    assert!(!token.as_str().is_empty() && token.as_str().bytes().all(|b| b.is_ascii_graphic()));
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(brand) = parsed::<CardBrand>(text) {
            let written = serde_json::to_vec(&brand).unwrap_or_default();
            assert_eq!(json::<CardBrand>(&written), Some(brand));
        }
        if let Some(expiry) = parsed::<ExpiryMonth>(text) {
            check_expiry(expiry);
        }
        if let Some(method) = parsed::<PaymentMethod>(text) {
            let written = serde_json::to_vec(&method).unwrap_or_default();
            assert_eq!(json::<PaymentMethod>(&written), Some(method));
        }
        if let Some(spacing) = parsed::<InstalmentSpacing>(text) {
            assert_eq!(
                json::<InstalmentSpacing>(&serde_json::to_vec(&spacing).unwrap_or_default()),
                Some(spacing)
            );
        }
        if let Some(token) = json::<CardToken>(&json_string(text)) {
            check_token(&token);
        }
    }
    if let Some(expiry) = json::<ExpiryMonth>(data) {
        check_expiry(expiry);
    }
    if let Some(token) = json::<CardToken>(data) {
        check_token(&token);
    }
    if let Some(card) = json::<Card>(data) {
        check_token(card.token());
        check_expiry(card.expiry());
        // A stored card is one `Card::new` makes on its expiry's last day.
        assert_eq!(
            Card::new(
                card.token().clone(),
                card.brand(),
                card.expiry(),
                card.expiry().last_day()
            )
            .as_ref(),
            Ok(&card)
        );
    }
    let _ = json::<CardBrand>(data);
    let _ = json::<PaymentMethod>(data);
    let _ = json::<Device>(data);
    let _ = json::<RefusalReason>(data).map(|r| r.to_string());
    let _ = json::<SecureOutcome>(data).map(|o| o.to_string());
});
