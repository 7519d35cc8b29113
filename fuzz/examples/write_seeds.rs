//! Writes the seed inputs of every fuzz target into `seeds/<target>/`: valid values of each
//! type, written by the crates themselves, that the fuzzer mutates from.
//!
//! ```text
//! cargo +nightly run --manifest-path fuzz/Cargo.toml --example write_seeds
//! ```

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use comptoir_account::{
    AddressForm, CustomerId, FormPolicy, PasswordPolicy, RegistrationForm,
};
use comptoir_calendar::{CalendarPolicy, LocalDays, Region};
use comptoir_money::Eur;
use comptoir_promo::{
    Catalogue, Code, Conditions, DeliveryService, Destination, Effect, EvaluationContext, Line,
    Offer, PromoPolicy, Selection, Target, ValidityWindow,
};
use comptoir_support::{BusinessHours, Slot, SupportPolicy};
use serde::Serialize;

type Result<T = ()> = core::result::Result<T, Box<dyn std::error::Error>>;

fn write(target: &str, name: &str, bytes: impl AsRef<[u8]>) -> Result {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(target);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join(name), bytes)?;
    Ok(())
}

fn json(value: &impl Serialize) -> Result<String> {
    Ok(serde_json::to_string(value)?)
}

fn texts(target: &str, texts: &[&str]) -> Result {
    for (i, text) in texts.iter().enumerate() {
        write(target, &format!("text-{i}"), text)?;
        write(target, &format!("json-{i}"), serde_json::to_string(text)?)?;
    }
    Ok(())
}

fn main() -> Result {
    texts(
        "money_eur",
        &["12.34", "-0.05", "1 234,50 €", "€12", "12 EUR", "1\u{202f}234,50\u{a0}€", "99999999999999999999999999.99"],
    )?;
    texts("money_percent", &["12.5", "12,5 %", "100", "0", "7.62 %", "33.3333333333333333333333333333"])?;
    write("money_allocate", "small", [1u8, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0])?;
    texts("calendar_day", &["2026-05-25", "1900-01-01", "2200-12-31", "-0001-12-31", "+10000-01-01"])?;
    texts(
        "calendar_day_window",
        &["2025-03-19/2025-03-21", "Wednesday 2025-03-19 to Friday 2025-03-21", "Tuesday 2026-05-26"],
    )?;
    texts("calendar_day_counts", &["3 business days", "-1 business day", "14 calendar days", "1 calendar day", "14"])?;
    texts("calendar_names", &["metropolitan", "alsace_moselle", "saint_barthelemy", "reject", "later", "observed", "whit_monday"])?;
    texts(
        "calendar_paris_time",
        &["2026-03-30 11:30:00 +02:00", "1900-01-01 00:00:00 +00:09:21", "2026-10-25 02:30:00.5 +01:00"],
    )?;
    let policy = CalendarPolicy {
        region: Region::Guadeloupe,
        local_days: LocalDays::Customary,
        closures: vec![NaiveDate::from_ymd_opt(2026, 12, 24).ok_or("date")?],
        ..CalendarPolicy::default()
    };
    write("calendar_policy", "guadeloupe", json(&policy)?)?;
    write("calendar_policy", "default", "{}")?;
    write("calendar_bdays", "zero", [0u8; 12])?;
    write("calendar_clock", "zero", [0u8; 40])?;

    let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
    let form = r#"{"email":"marie.dupont@exemple.fr","password":"Motdepasse-2026","first_name":"Marie","last_name":"Dupont","birth_date":"14/07/1990","postcode":"75011","phone":"06 12 34 56 78"}"#;
    write("account_registration", "registration", form)?;
    write(
        "account_registration",
        "profile",
        r#"{"email":"marie.dupont@exemple.fr","first_name":"Marie","last_name":"Dupont","birth_date":"1990-07-14","postcode":"97411","phone":"+262692123456","new_password":"","terms_accepted":true}"#,
    )?;
    texts("account_values", &["marie.dupont@exemple.fr", "06 12 34 56 78", "+687 75 12 34", "20200", "Jean-Pierre", "42", "Maison"])?;
    let registration = serde_json::from_str::<RegistrationForm>(form)?.validate(&FormPolicy::default(), today)?;
    let (mut account, _) = registration.into_account(CustomerId::new(42));
    let address = AddressForm {
        name: "Maison".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        line1: "12 rue de la République".into(),
        postcode: "69002".into(),
        city: "Lyon".into(),
        phone: "0690 00 12 34".into(),
        ..AddressForm::default()
    }
    .validate(&FormPolicy::default())?;
    account.addresses_mut().add(address.clone())?;
    let stored: [(u8, String); 6] = [
        (0, json(&account)?),
        (1, json(account.profile())?),
        (2, json(&address)?),
        (3, json(account.addresses())?),
        (4, json(&FormPolicy::default())?),
        (5, json(&PasswordPolicy::WEAKER_LETTER_AND_DIGIT)?),
    ];
    for (which, text) in stored {
        write("account_stored", &format!("kind-{which}"), [&[which], text.as_bytes()].concat())?;
    }
    write("account_password", "cnil", "Soleil-2026!\0\0\0\0\0\0\0\0")?;

    texts("support_text", &["09h00-13h00", "14h00-17h30", "24 business hours", "1 business hour", "48"])?;
    write("support_text", "slot-json", r#"{"start":"09:00:00","end":"13:00:00"}"#)?;
    let support = SupportPolicy {
        answer_within: BusinessHours::new(48)?,
        ..SupportPolicy::default()
    };
    let friday_noon = 1_773_403_200i64.to_le_bytes();
    write("support_policy", "faq", [&friday_noon[..], json(&SupportPolicy::default())?.as_bytes()].concat())?;
    write("support_policy", "slow", [&friday_noon[..], json(&support)?.as_bytes()].concat())?;
    let _: Slot = "09h00-13h00".parse()?;

    texts("promo_text", &["SOLDES", " dix ", "FR", "gp", "DE", "3", "12", "ß-code", "vip"])?;
    let percent = |p: &str| -> Result<Effect> {
        Ok(Effect::PercentOff { percent: p.parse()?, on: Target::Order })
    };
    let winter = ValidityWindow::new(
        Some(Utc.with_ymd_and_hms(2026, 1, 7, 7, 0, 0).single().ok_or("instant")?),
        Some(Utc.with_ymd_and_hms(2026, 2, 3, 23, 0, 0).single().ok_or("instant")?),
    )?;
    let offers = vec![
        Offer::builder("dix".parse()?, "-10 %", percent("10")?)
            .code(Code::new("DIX")?)
            .priority(1)
            .minimum_amount("50".parse()?)
            .build()?,
        Offer::builder("livraison".parse()?, "Livraison offerte", Effect::FreeShipping)
            .delivery([DeliveryService::Pickup])
            .destinations([Destination::MetropolitanFrance])
            .build()?,
        Offer::builder(
            "cadeau".parse()?,
            "Un tote bag offert",
            Effect::Gift { product: "tote".parse()?, unit_price: "5".parse()? },
        )
        .window(winter)
        .not_combinable()
        .priority(5)
        .build()?,
        Offer::builder(
            "moitie".parse()?,
            "-50 % sur le moins cher",
            Effect::PercentOff { percent: "50".parse()?, on: Target::CheapestUnitIn(Selection::categories(["livres".parse()?])) },
        )
        .also(Effect::AmountOff { amount: "3".parse()?, on: Target::Selection(Selection::products(["p2".parse()?])) })
        .conditions(Conditions { first_order_only: true, per_customer_limit: Some(1), ..Conditions::default() })
        .build()?,
    ];
    for (i, offer) in offers.iter().enumerate() {
        write("promo_offer", &format!("offer-{i}"), json(offer)?)?;
    }
    let catalogue = Catalogue::new(offers.clone())?;
    write("promo_catalogue", "shop", json(&catalogue)?)?;
    let lines = vec![
        Line::new("l1".parse()?, "p1".parse()?, "19.99".parse()?, 3.try_into()?)?
            .with_categories(["livres".parse()?]),
        Line::new("l2".parse()?, "p2".parse()?, "45.00".parse()?, 1.try_into()?)?.with_on_sale(true),
    ];
    let context = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 1, 20, 10, 0, 0).single().ok_or("instant")?)
        .first_order(true)
        .with_delivery(DeliveryService::Pickup)
        .with_destination(Destination::MetropolitanFrance);
    let inputs: [(u8, String); 4] = [
        (0, json(&lines[0])?),
        (1, json(&context)?),
        (2, json(&PromoPolicy::default())?),
        (3, json(&winter)?),
    ];
    for (which, text) in inputs {
        write("promo_cart_inputs", &format!("kind-{which}"), [&[which], text.as_bytes()].concat())?;
    }
    let codes: BTreeSet<Code> = ["dix".parse()?].into();
    let scenario = serde_json::json!({
        "catalogue": catalogue,
        "codes": codes,
        "lines": lines,
        "shipping": Eur::from_cents(590),
        "context": context,
        "policy": PromoPolicy::default(),
    });
    write("promo_evaluate", "shop", scenario.to_string())?;
    cart_returns_aftersales()?;
    dispatch_and_payment()?;
    Ok(())
}

/// The seeds of the cart, returns and after-sales targets: an order with a gift and a code
/// offer, its ledger after a return, and each stored value of the three crates.
fn cart_returns_aftersales() -> Result {
    use comptoir_aftersales::{Claim, Finding, FindingKind, GuaranteePolicy, Months, Remedy};
    use comptoir_cart::{Cart, CartOrOrder, Delivery, Terms};
    use comptoir_promo::{ColissimoDestination, Quantity};
    use comptoir_refund::{AmountDue, Cancellation, CancelledLine, Depreciation, Inspection, RefundAmountPolicy, RefundCause, RefundFacts, RefundLedger, RefundMethod, RefundPolicy, Return, ReturnedItem, ReturnsPolicy, SurchargePolicy};
    use comptoir_withdrawal::{OrderNumber, Packaging, ParcelDescription, ParcelPolicy, Receipt, ReturnCandidate, ReturnGround, ReturnedParcel, TrackingNumber, WithdrawalPolicy};

    let kinds = |target: &str, values: &[String]| -> Result {
        for (which, text) in values.iter().enumerate() {
            let which = u8::try_from(which)?;
            write(target, &format!("kind-{which}"), [&[which], text.as_bytes()].concat())?;
        }
        Ok(())
    };

    // An order: two lines, 10 % by code and a gift from 50 EUR, Colissimo at home.
    let offers = [
        Offer::builder("dix".parse()?, "-10 %", Effect::PercentOff { percent: "10".parse()?, on: Target::Order })
            .code(Code::new("DIX")?)
            .priority(1)
            .build()?,
        Offer::builder("cadeau".parse()?, "Tote bag offert", Effect::Gift { product: "tote".parse()?, unit_price: "5".parse()? })
            .minimum_amount("50".parse()?)
            .build()?,
    ];
    let catalogue = Catalogue::new(offers)?;
    let context = EvaluationContext::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).single().ok_or("instant")?)
        .with_usage("dix".parse()?, comptoir_promo::Usage { by_customer: 0, total: 12 });
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    cart.add_line(Line::new("a".parse()?, "mug".parse()?, "30.00".parse()?, Quantity::new(2)?)?, &terms)?;
    cart.add_line(Line::new("b".parse()?, "bol".parse()?, "12.50".parse()?, Quantity::ONE)?, &terms)?;
    cart.enter_code("DIX", &terms)?;
    let delivery = Delivery::new(DeliveryService::Colissimo(ColissimoDestination::Home), "4.90".parse()?)?;
    cart.choose_delivery(delivery, &terms)?;
    let open = cart.clone();
    let order = cart.validate(CustomerId::new(7), &terms)?;
    kinds(
        "cart_stored",
        &[json(&open)?, json(&delivery)?, json(&order)?, json(&CartOrOrder::Order(order.clone()))?],
    )?;

    texts("returns_text", &["CMD-2026-000123", "6a 123 456 789 0", "7.62 %", "0", "100", "-0", "n°1"])?;
    kinds(
        "returns_policy",
        &[
            json(&WithdrawalPolicy::default())?,
            json(&RefundPolicy::default())?,
            json(&ReturnsPolicy::default())?,
            json(&RefundAmountPolicy { method: RefundMethod::Proportional, cheapest_standard_delivery: Some("4.90".parse()?), ..RefundAmountPolicy::default() })?,
            json(&SurchargePolicy::default())?,
            json(&ParcelPolicy::default())?,
            json(&WithdrawalPolicy::default().contractual)?,
        ],
    )?;

    let scratched = Depreciation::new("3.00".parse()?, "rayure sur l'anse")?;
    let back = Return::new([
        ReturnedItem::item("a".parse()?, Quantity::ONE).inspected(Inspection::Depreciated(scratched.clone())),
        ReturnedItem::gift("cadeau".parse()?),
    ])?;
    let cancel = Cancellation::new([CancelledLine::new("b".parse()?, Quantity::ONE)])?;
    let at = Utc.with_ymd_and_hms(2026, 3, 5, 16, 0, 0).single().ok_or("instant")?;
    let description = ParcelDescription::new(Some(Packaging::Box), ["Autocollant rouge"], ["mug".parse()?])?;
    let parcel = ReturnedParcel::by_carrier(&at)
        .with_order_number(OrderNumber::new("CMD-1")?)
        .with_tracking(TrackingNumber::new("6A1")?)
        .with_description(description.clone());
    let candidate = ReturnCandidate::new(OrderNumber::new("CMD-1")?, ReturnGround::Withdrawal)
        .with_tracking(TrackingNumber::new("6A1")?)
        .with_description(description.clone());
    let facts = RefundFacts::notified(&at).with_goods_received(&at).with_goods_checked(&at);
    kinds(
        "returns_inputs",
        &[
            json(&back)?,
            json(&cancel)?,
            json(&back.items()[0])?,
            json(&scratched)?,
            json(&Receipt::collected(&at, &at)?)?,
            json(&facts)?,
            json(&parcel)?,
            json(&candidate)?,
            json(&description)?,
            json(&AmountDue::new("42.00".parse()?)?)?,
        ],
    )?;

    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    ledger.record(&order, back.clone())?;
    let causes = [RefundCause::from(cancel.clone()), RefundCause::from(Return::new([ReturnedItem::item("a".parse()?, Quantity::ONE)])?)];
    let stored = serde_json::json!({ "order": order, "record": ledger, "causes": causes });
    write("returns_ledger", "after-a-return", stored.to_string())?;
    let fresh = serde_json::json!({ "order": order, "policy": RefundAmountPolicy { method: RefundMethod::Proportional, ..RefundAmountPolicy::default() }, "causes": [RefundCause::from(back), RefundCause::from(cancel)] });
    write("returns_ledger", "fresh", fresh.to_string())?;

    let claim = Claim::new("a".parse()?, Remedy::Repair, "anse fendue", &at)?
        .with_units(Quantity::new(2)?)
        .with_appeared_on(NaiveDate::from_ymd_opt(2026, 4, 1).ok_or("date")?);
    kinds(
        "aftersales_stored",
        &[
            json(&GuaranteePolicy::default())?,
            json(&claim)?,
            json(&Finding::new(FindingKind::NoDefect, "aucun défaut constaté")?)?,
            json(&Months::new(24))?,
            json(&Remedy::Replacement)?,
        ],
    )?;
    texts("aftersales_text", &["24 months", "1 month", "6", "0"])?;
    Ok(())
}

/// An instant as the 8 bytes the dispatch targets read it from (seconds, shifted as the
/// targets shift them into 1900-2200).
fn instant_bytes(at: chrono::DateTime<Utc>) -> [u8; 8] {
    (at.timestamp() + 2_300_000_000).to_le_bytes()
}

fn dispatch_and_payment() -> Result {
    use chrono::NaiveTime;
    use comptoir_calendar::{BusinessDays, Calendar, CalendarDays, DayWindow};
    use comptoir_dispatch::{
        DeliveryFacts, DispatchPolicy, DispatchSchedule, FormalNotice, Incident, IncidentKind,
        Lengthening, PeakPeriod, PeakPeriods, TrackingEvent, TrackingKind,
    };
    use comptoir_payment::{
        Card, CardBrand, CardToken, Device, ExpectedDebit, ExpiryMonth, InstalmentPolicy,
        InstalmentSchedule, InstalmentSpacing, OrderAmount, SecureOutcome, SecureTracker,
    };

    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    let cal = Calendar::metropolitan();
    // Saturday 23 May 2026, 18:00 in Paris, and a Monday just before the cutoff.
    let saturday = Utc.with_ymd_and_hms(2026, 5, 23, 16, 0, 0).single().ok_or("instant")?;
    let monday = Utc.with_ymd_and_hms(2026, 3, 2, 9, 59, 59).single().ok_or("instant")?;
    let noon = DispatchPolicy {
        cutoff: NaiveTime::from_hms_opt(12, 0, 0).ok_or("time")?,
        preparation_min: BusinessDays::new(0),
        preparation_max: BusinessDays::new(4),
        promise: BusinessDays::new(5),
    };
    for (name, at, policy) in [("faq", saturday, json(&DispatchPolicy::default())?), ("noon", monday, json(&noon)?), ("partial", monday, r#"{"promise":4}"#.to_owned())] {
        write("dispatch_policy", name, [&instant_bytes(at)[..], policy.as_bytes()].concat())?;
    }
    let schedule = DispatchSchedule::compute(&saturday, &DispatchPolicy::default(), &cal)?;
    write("dispatch_schedule", "faq", json(&schedule)?)?;
    write("dispatch_schedule", "noon", json(&DispatchSchedule::compute(&monday, &noon, &cal)?)?)?;

    let christmas = PeakPeriod::new(
        "Noël",
        DayWindow::new(ymd(2026, 12, 1)?, ymd(2026, 12, 24)?)?,
        Lengthening::new(BusinessDays::new(2), BusinessDays::new(3))?,
    )?;
    let sales = PeakPeriod::new(
        "Soldes d'été",
        DayWindow::new(ymd(2026, 6, 24)?, ymd(2026, 7, 7)?)?,
        Lengthening::new(BusinessDays::new(1), BusinessDays::new(1))?,
    )?;
    let peaks = PeakPeriods::new([christmas.clone(), sales])?;
    let december = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).single().ok_or("instant")?;
    write("dispatch_peak", "periods", [&instant_bytes(december)[..], json(&peaks)?.as_bytes()].concat())?;
    write("dispatch_peak", "period", json(&christmas)?)?;
    write("dispatch_peak", "lengthening", json(&christmas.lengthening())?)?;

    let incident = Incident::new(IncidentKind::TechnicalIncident, "Panne du convoyeur", &monday)?
        .concerning([comptoir_promo::LineRef::Item("l1".parse()?), comptoir_promo::LineRef::Gift("cadeau".parse()?)]);
    let notice = FormalNotice::new(&Utc.with_ymd_and_hms(2026, 7, 3, 9, 0, 0).single().ok_or("instant")?, ymd(2026, 7, 10)?)?;
    let values = [
        json(&incident)?,
        json(&notice)?,
        json(&DeliveryFacts::default().with_formal_notice(notice).with_essential_date())?,
        json(&TrackingEvent::new(TrackingKind::HeldAtPostOffice, &monday))?,
        json(&TrackingKind::Collected)?,
        json(&IncidentKind::Anomaly)?,
    ];
    for (i, value) in values.iter().enumerate() {
        write("dispatch_values", &format!("json-{i}"), value)?;
    }
    texts("dispatch_values", &["6A0001", "LP-123456789FR", " 8R00 "])?;

    texts("payment_text", &["CB", "Visa", "12/27", "01/2030", "paypal", "apple_pay", "30 calendar days", "calendar months", "tok_1Q2w3E4r5T6y"])?;
    let card = Card::new(CardToken::new("tok_1")?, CardBrand::Cb, ExpiryMonth::new(2027, 1)?, ymd(2026, 3, 5)?)?;
    write("payment_text", "card", json(&card)?)?;
    write("payment_text", "device", json(&Device::ApplePayCompatible)?)?;

    let order = OrderAmount::new(Eur::from_cents(9_510), Eur::from_cents(490))?;
    let schedule = InstalmentSchedule::compute(&order, &card, 3, ymd(2026, 3, 5)?, &InstalmentPolicy::default())?;
    write("payment_instalments", "schedule", json(&schedule)?)?;
    write("payment_instalments", "instalment", json(&schedule.instalments()[0])?)?;
    write("payment_instalments", "order", json(&order)?)?;
    let months = InstalmentPolicy { spacing: InstalmentSpacing::CalendarMonths, offered_counts: vec![2, 3, 4], ..InstalmentPolicy::default() };
    write("payment_instalments", "policy", json(&months)?)?;
    let daily = InstalmentPolicy { spacing: InstalmentSpacing::Days(CalendarDays::new(1)), offered_counts: vec![90], ..InstalmentPolicy::default() };
    for (name, policy, count) in [("computation", &InstalmentPolicy::default(), 3), ("months", &months, 4), ("daily", &daily, 90)] {
        let computation = serde_json::json!({"policy": policy, "order": order, "count": count, "shipped_on": ymd(2026, 1, 31)?});
        write("payment_instalments", name, computation.to_string())?;
    }

    let debit = ExpectedDebit::compute(&saturday, &DispatchPolicy::default(), &cal)?;
    write("payment_debit", "faq", json(&debit)?)?;

    let mut tracker = SecureTracker::new(Device::ApplePayCompatible);
    write("payment_secure", "new", [&[1u8, 1, 0, 2][..], json(&tracker)?.as_bytes()].concat())?;
    tracker.record(SecureOutcome::SoftDecline)?;
    tracker.record(SecureOutcome::WrongCode)?;
    write("payment_secure", "soft-wrong", [&[1u8, 0, 1, 1][..], json(&tracker)?.as_bytes()].concat())?;
    Ok(())
}
