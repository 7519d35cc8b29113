//! The cart's journey as the FAQ tells it: codes entered, offers stacking, validation and
//! the lock-in (CART-1..3, PROMO-1, PROMO-2, SHIP-1, REF-1, REF-4).

use chrono::{TimeZone, Utc};
use comptoir_cart::*;
use comptoir_money::Eur;
use comptoir_promo::*;

fn eur(s: &str) -> Eur {
    s.parse().unwrap()
}

fn line(id: &str, price: &str, quantity: u32) -> Line {
    Line::new(
        id.parse().unwrap(),
        format!("product-{id}").parse().unwrap(),
        eur(price),
        Quantity::new(quantity).unwrap(),
    )
    .unwrap()
}

fn offer(id: &str, code: Option<&str>, effect: Effect, priority: u32, combinable: bool) -> Offer {
    Offer::new(OfferSpec {
        id: id.parse().unwrap(),
        name: format!("Offre {id}"),
        trigger: code.map_or(Trigger::Automatic, |c| Trigger::Code(Code::new(c).unwrap())),
        window: ValidityWindow::ALWAYS,
        conditions: Conditions::default(),
        effects: vec![effect],
        combinable: combinable.into(),
        priority: Priority::new(priority),
    })
    .unwrap()
}

fn with_minimum(o: Offer, minimum: &str) -> Offer {
    let mut spec = o.to_spec();
    spec.conditions.minimum_amount = Some(eur(minimum));
    Offer::new(spec).unwrap()
}

fn percent(p: &str) -> Effect {
    Effect::PercentOff {
        percent: p.parse().unwrap(),
        on: Target::Order,
    }
}

fn shop_offers() -> Vec<Offer> {
    vec![
        offer("hiver", Some("HIVER10"), percent("10"), 5, true),
        offer("vip", Some("VIP30"), percent("30"), 1, false),
        offer("flash", Some("FLASH15"), percent("15"), 8, false),
        with_minimum(offer("port", None, Effect::FreeShipping, 9, true), "50.00"),
    ]
}

fn context() -> EvaluationContext {
    EvaluationContext::new(Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap())
}

fn colissimo(cost: &str) -> Delivery {
    Delivery::new(
        DeliveryService::Colissimo(ColissimoDestination::Home),
        eur(cost),
    )
    .unwrap()
}

fn filled_cart(terms: &Terms<'_>) -> Cart {
    let mut cart = Cart::new();
    cart.add_line(line("a", "40.00", 1), terms).unwrap();
    cart.add_line(line("b", "15.00", 2), terms).unwrap();
    cart.choose_delivery(colissimo("4.90"), terms).unwrap();
    cart
}

// PROMO-1: the code is applied whatever its case; entering it again says it already is.
#[test]
fn code_is_applied_then_reported_as_already_applied() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    let first = cart.enter_code("  hiver10", &terms).unwrap();
    assert_eq!(
        first,
        CodeOutcome::Applied {
            offer: "hiver".parse().unwrap(),
            removed: vec![]
        }
    );
    assert_eq!(
        cart.enter_code("HIVER10", &terms).unwrap(),
        CodeOutcome::Refused(Refusal::AlreadyApplied)
    );
}

// PROMO-1: an unknown code is refused and not kept.
#[test]
fn unknown_code_is_refused_and_not_kept() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    let outcome = cart.enter_code("NOEL", &terms).unwrap();
    assert_eq!(
        outcome.message_fr(),
        "Le code « NOEL » n'existe pas. Vérifiez votre saisie."
    );
    assert!(cart.codes().is_empty());
}

// PROMO-2: a second code of lower priority that is not combinable is refused, naming the
// applied offer.
#[test]
fn second_code_not_combinable_is_refused_naming_the_applied_offer() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    cart.enter_code("HIVER10", &terms).unwrap();
    let outcome = cart.enter_code("flash15", &terms).unwrap();
    assert_eq!(
        outcome,
        CodeOutcome::Refused(Refusal::NotCombinable {
            with: "hiver".parse().unwrap(),
            with_name: "Offre hiver".into()
        })
    );
    assert_eq!(
        outcome.message_fr(),
        "Cette offre n'est pas cumulable avec l'offre « Offre hiver » de votre panier."
    );
    let e = cart.evaluate(&terms).unwrap();
    assert!(e.applies(&"hiver".parse().unwrap()));
    assert!(!e.applies(&"flash".parse().unwrap()));
}

// PROMO-2: a code of strictly higher priority replaces the offers it conflicts with, and says
// which; removing it brings them back.
#[test]
fn higher_priority_code_replaces_the_applied_offers_and_names_them() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    cart.enter_code("HIVER10", &terms).unwrap();
    assert!(
        cart.evaluate(&terms)
            .unwrap()
            .applies(&"port".parse().unwrap())
    );
    let CodeOutcome::Applied { offer, removed } = cart.enter_code("VIP30", &terms).unwrap() else {
        panic!("VIP30 should apply");
    };
    assert_eq!(offer.as_str(), "vip");
    let names: Vec<&str> = removed.iter().map(|r| r.offer.as_str()).collect();
    assert_eq!(names, ["hiver", "port"]);
    assert_eq!(
        removed[0].message_fr(),
        "L'offre « Offre hiver » a été retirée de votre panier. Cette offre n'est pas cumulable \
         avec l'offre « Offre vip » de votre panier."
    );
    let back = cart.remove_code("vip30", &terms).unwrap();
    // The customer removed VIP30 themselves: it is not reported as removed.
    assert!(back.removed.is_empty());
    let added: Vec<&str> = back.added.iter().map(OfferId::as_str).collect();
    assert_eq!(added, ["hiver", "port"]);
}

// PROMO-2: at equal priority the tie-break is the offer id, not who came first: a code
// entered later with a smaller id displaces the applied one and names it, and the reverse
// entry order ends with the same cart.
#[test]
fn promo_2_equal_priority_newcomer_with_a_smaller_id_displaces_the_applied_offer() {
    let offers = vec![
        offer("b-noel", Some("NOEL"), percent("20"), 3, false),
        offer("a-avent", Some("AVENT"), percent("10"), 3, false),
    ];
    let ctx = context();
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    assert!(cart.enter_code("NOEL", &terms).unwrap().is_applied());
    let outcome = cart.enter_code("AVENT", &terms).unwrap();
    let CodeOutcome::Applied { offer, removed } = &outcome else {
        panic!("AVENT should displace NOEL, got {outcome:?}");
    };
    assert_eq!(offer.as_str(), "a-avent");
    let names: Vec<&str> = removed.iter().map(|r| r.offer.as_str()).collect();
    assert_eq!(names, ["b-noel"]);
    // 70.00 - 10 % = 63.00, plus 4.90 shipping.
    assert_eq!(cart.evaluate(&terms).unwrap().total(), eur("67.90"));

    // The other way round, the newcomer NOEL has the larger id and is refused.
    let mut reverse = filled_cart(&terms);
    assert!(reverse.enter_code("AVENT", &terms).unwrap().is_applied());
    assert_eq!(
        reverse.enter_code("NOEL", &terms).unwrap(),
        CodeOutcome::Refused(Refusal::NotCombinable {
            with: "a-avent".parse().unwrap(),
            with_name: "Offre a-avent".into(),
        })
    );
    assert_eq!(
        reverse.evaluate(&terms).unwrap(),
        cart.evaluate(&terms).unwrap()
    );
}

// PROMO-2: the final price does not depend on the order codes were entered.
#[test]
fn entry_order_of_codes_does_not_change_the_price() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut totals = Vec::new();
    for order in [
        ["HIVER10", "VIP30", "FLASH15"],
        ["FLASH15", "HIVER10", "VIP30"],
        ["VIP30", "FLASH15", "HIVER10"],
    ] {
        let mut cart = filled_cart(&terms);
        for code in order {
            cart.enter_code(code, &terms).unwrap();
        }
        totals.push(cart.evaluate(&terms).unwrap());
    }
    assert_eq!(totals[0], totals[1]);
    assert_eq!(totals[1], totals[2]);
}

// PROMO-2: an automatic offer whose condition no longer holds is removed with a reason.
#[test]
fn automatic_offer_is_removed_with_its_reason_when_the_cart_shrinks() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    assert_eq!(cart.evaluate(&terms).unwrap().shipping_net(), Eur::ZERO);
    let change = cart.remove_line(&"b".parse().unwrap(), &terms).unwrap();
    assert_eq!(
        change.removed,
        vec![RemovedOffer {
            offer: "port".parse().unwrap(),
            name: "Offre port".into(),
            reason: Refusal::MinimumAmountNotReached {
                missing: eur("10.00")
            },
        }]
    );
    assert_eq!(cart.evaluate(&terms).unwrap().total(), eur("44.90"));
}

// PROMO-2: an automatic offer bound to a product is removed with its reason when the last
// line of that product leaves the cart, although the catalogue then no longer considers it.
#[test]
fn automatic_offer_bound_to_a_removed_product_is_reported_removed() {
    let tea = Offer::builder(
        "the".parse().unwrap(),
        "-20 % sur le thé",
        Effect::PercentOff {
            percent: "20".parse().unwrap(),
            on: Target::Selection(Selection::products(["product-b".parse().unwrap()])),
        },
    )
    .build()
    .unwrap();
    let catalogue = Catalogue::new([tea]).unwrap();
    let ctx = context();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    assert!(
        cart.evaluate(&terms)
            .unwrap()
            .applies(&"the".parse().unwrap())
    );
    let change = cart.remove_line(&"b".parse().unwrap(), &terms).unwrap();
    assert_eq!(
        change.removed,
        vec![RemovedOffer {
            offer: "the".parse().unwrap(),
            name: "-20 % sur le thé".into(),
            reason: Refusal::ProductRestrictionNotMet,
        }]
    );
}

// CART-1, CART-3, SHIP-1: validation freezes lines, offers with their terms, delivery, totals
// and the instant.
#[test]
fn validation_freezes_the_snapshot() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    cart.enter_code("HIVER10", &terms).unwrap();
    let order = cart.validate(CustomerId::new(1), &terms).unwrap();
    // 70.00 - 10 % = 63.00, shipping free above 50.00.
    assert_eq!(order.total(), eur("63.00"));
    assert_eq!(order.shipping_net(), Eur::ZERO);
    assert_eq!(order.delivery().cost(), eur("4.90"));
    assert_eq!(order.validated_at(), ctx.at());
    let frozen: Vec<&str> = order.offers().iter().map(|o| o.id().as_str()).collect();
    assert_eq!(frozen, ["hiver", "port"]);
    assert_eq!(order.offers()[0], offers[0]);
    assert_eq!(order.net_of(&"a".parse().unwrap()), Some(eur("36.00")));
    assert_eq!(order.net_of(&"b".parse().unwrap()), Some(eur("27.00")));
    assert_eq!(order.lines()[1].quantity().get(), 2);
}

// CART-3: the order lists its offers in the order they applied (priority, then id), even when
// the shop's catalogue lists them the other way round.
#[test]
fn cart_3_order_lists_offers_in_the_order_they_applied_not_the_catalogue_order() {
    let five_off = Effect::AmountOff {
        amount: eur("5.00"),
        on: Target::Order,
    };
    // Lowest priority first: free shipping (9), the code (5), then the welcome offer (1).
    let catalogue = vec![
        with_minimum(offer("port", None, Effect::FreeShipping, 9, true), "50.00"),
        offer("hiver", Some("HIVER10"), percent("10"), 5, true),
        offer("bienvenue", None, five_off, 1, true),
    ];
    let ctx = context();
    let checked = Catalogue::new(catalogue.clone()).unwrap();
    let terms = Terms::new(&checked, &ctx);
    let mut cart = filled_cart(&terms);
    assert!(cart.enter_code("HIVER10", &terms).unwrap().is_applied());
    let order = cart.validate(CustomerId::new(1), &terms).unwrap();
    let frozen: Vec<&str> = order.offers().iter().map(|o| o.id().as_str()).collect();
    assert_eq!(frozen, ["bienvenue", "hiver", "port"]);
    let applied: Vec<&str> = order
        .evaluation()
        .applied()
        .iter()
        .map(|a| a.offer().as_str())
        .collect();
    assert_eq!(frozen, applied);
    // 70.00 - 5.00 = 65.00, then 10 % of that: 58.50; shipping free above 50.00.
    assert_eq!(order.total(), eur("58.50"));
}

// PROMO-1: a catalogue where two offers share a code is refused at once, before any cart
// is priced: no terms, and so no cart, can be made with it.
#[test]
fn catalogue_with_a_shared_code_fails_at_once() {
    let mut catalogue = shop_offers();
    catalogue.push(offer("hiver-bis", Some("hiver10"), percent("20"), 6, true));
    let refused = CartError::from(Catalogue::new(catalogue).unwrap_err());
    assert!(matches!(
        refused,
        CartError::Promo(PromoError::DuplicateCode { .. })
    ));
    assert!(Catalogue::new(shop_offers()).is_ok());
}

// CART-1: validating an empty cart or one without delivery gives the cart back.
#[test]
fn incomplete_cart_is_not_validated_and_is_given_back() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let rejected = Cart::new()
        .validate(CustomerId::new(1), &terms)
        .unwrap_err();
    assert_eq!(rejected.error(), &CartError::EmptyCart);
    let mut cart = Cart::new();
    cart.add_line(line("a", "10.00", 1), &terms).unwrap();
    let rejected = cart
        .clone()
        .validate(CustomerId::new(1), &terms)
        .unwrap_err();
    assert_eq!(rejected.error(), &CartError::NoDeliveryChosen);
    assert_eq!(
        rejected.error().message_fr(),
        "Choisissez un mode de livraison."
    );
    assert_eq!(rejected.into_cart(), cart);
}

// CART-2: every change to a stored order is refused as locked; a code entered on an order is
// refused with the shop's sentence.
#[test]
fn every_change_to_an_order_is_refused_as_locked() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut stored = CartOrOrder::Cart(filled_cart(&terms));
    stored.validate(CustomerId::new(1), &terms).unwrap();
    let snapshot = stored.clone();
    let id: LineId = "a".parse().unwrap();
    let attempts = [
        stored.add_line(line("z", "1.00", 1), &terms).map(|_| ()),
        stored.remove_line(&id, &terms).map(|_| ()),
        stored
            .set_quantity(&id, Quantity::new(3).unwrap(), &terms)
            .map(|_| ()),
        stored.enter_code("HIVER10", &terms).map(|_| ()),
        stored.remove_code("HIVER10", &terms).map(|_| ()),
        stored.choose_delivery(colissimo("0"), &terms).map(|_| ()),
        stored.validate(CustomerId::new(1), &terms).map(|_| ()),
    ];
    for attempt in attempts {
        assert!(attempt.is_err_and(|e| e.is_locked()));
    }
    assert_eq!(stored, snapshot);
    let refused = stored.enter_code("HIVER10", &terms).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "order is validated and locked: cannot enter a code"
    );
    assert_eq!(
        refused.message_fr(),
        "Votre commande est validée : aucun code promo ne peut plus y être ajouté."
    );
    assert!(
        CartError::Locked {
            attempted: Change::AddLine
        }
        .message_fr()
        .starts_with("Votre commande est validée : elle ne peut plus être modifiée")
    );
}

// CART-2, RET-1: the lock-in message points to the withdrawal as open at once, before the
// parcel arrives (Directive 2011/83 art. 9, recital 40), by any statement, the form optional
// (C. conso L221-21); it never says "à réception" or makes the form a condition.
#[test]
fn cart2_ret1_lock_in_message_offers_the_withdrawal_from_validation() {
    for attempted in [
        Change::AddLine,
        Change::RemoveLine,
        Change::ChangeQuantity,
        Change::RemoveCode,
        Change::ChooseDelivery,
        Change::Validate,
    ] {
        let message = CartError::Locked { attempted }.message_fr();
        assert!(
            message.contains("vous rétracter dès maintenant"),
            "{message}"
        );
        assert!(message.contains("sans attendre la réception du colis"));
        assert!(message.contains("le formulaire de rétractation est facultatif"));
        assert!(!message.contains("à réception"));
        assert!(!message.contains("annulée"));
    }
}

// CART-3: the order keeps the offer's terms even if the shop changes the offer afterwards.
#[test]
fn order_keeps_the_offer_terms_of_validation_time() {
    let offers = shop_offers();
    let ctx = context();
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    cart.enter_code("HIVER10", &terms).unwrap();
    let order = cart.validate(CustomerId::new(1), &terms).unwrap();
    // The shop later raises the same offer to 50 %: a new cart gets it, the order does not.
    let later = vec![offer("hiver", Some("HIVER10"), percent("50"), 5, true)];
    let later_catalogue = Catalogue::new(later.clone()).unwrap();
    let later_terms = Terms::new(&later_catalogue, &ctx);
    let mut new_cart = filled_cart(&later_terms);
    new_cart.enter_code("HIVER10", &later_terms).unwrap();
    assert_eq!(
        new_cart.evaluate(&later_terms).unwrap().total(),
        eur("39.90")
    );
    assert_eq!(order.offers()[0].effects(), [percent("10")]);
    let kept = [line("a", "40.00", 1), line("b", "15.00", 2)];
    let repriced = order.reprice(&kept, order.delivery().cost()).unwrap();
    assert_eq!(repriced.total(), order.total());
}

// REF-1: A 90 + B 30 with "-10 EUR from 100 EUR", paid 110; keeping A only, the offer lapses.
#[test]
fn repricing_kept_items_lets_a_conditional_offer_lapse() {
    let offers = vec![with_minimum(
        offer(
            "dix",
            Some("DIX"),
            Effect::AmountOff {
                amount: eur("10.00"),
                on: Target::Order,
            },
            1,
            true,
        ),
        "100.00",
    )];
    let ctx = context();
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = Cart::new();
    cart.add_line(line("a", "90.00", 1), &terms).unwrap();
    cart.add_line(line("b", "30.00", 1), &terms).unwrap();
    cart.enter_code("dix", &terms).unwrap();
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, Eur::ZERO).unwrap(),
        &terms,
    )
    .unwrap();
    let order = cart.validate(CustomerId::new(1), &terms).unwrap();
    assert_eq!(order.total(), eur("110.00"));
    // REF-4: an unavailable B would be refunded at its net paid amount.
    assert_eq!(order.net_of(&"b".parse().unwrap()), Some(eur("27.50")));
    let kept = order.reprice(&order.lines()[..1], Eur::ZERO).unwrap();
    assert_eq!(kept.total(), eur("90.00"));
    assert!(kept.applied().is_empty());
}

// CART-1, PROMO-1: a refused change leaves the cart as it was.
#[test]
fn bad_changes_are_refused_with_a_typed_error() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers.clone()).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = filled_cart(&terms);
    let before = cart.clone();
    assert_eq!(
        cart.add_line(line("a", "1.00", 1), &terms),
        Err(CartError::DuplicateLine { id: "a".into() })
    );
    assert_eq!(
        cart.remove_line(&"zz".parse().unwrap(), &terms),
        Err(CartError::UnknownLine { id: "zz".into() })
    );
    assert!(matches!(
        cart.enter_code("   ", &terms),
        Err(CartError::Promo(_))
    ));
    assert!(matches!(
        cart.remove_code("HIVER10", &terms),
        Err(CartError::CodeNotEntered { .. })
    ));
    assert!(Delivery::new(DeliveryService::Pickup, eur("-0.01")).is_err());
    assert_eq!(cart, before);
}

#[cfg(feature = "serde")]
mod storage {
    use super::*;

    // CART-3: an order survives storage unchanged; an altered one is refused.
    #[test]
    fn order_round_trips_and_tampering_is_refused() {
        let (offers, ctx) = (shop_offers(), context());
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let terms = Terms::new(&catalogue, &ctx);
        let mut cart = filled_cart(&terms);
        cart.enter_code("HIVER10", &terms).unwrap();
        let order = cart.validate(CustomerId::new(1), &terms).unwrap();
        let json = serde_json::to_string(&CartOrOrder::Order(order.clone())).unwrap();
        let back: CartOrOrder = serde_json::from_str(&json).unwrap();
        assert_eq!(back.as_order(), Some(&order));
        // The evaluation is not stored: it is computed again from the frozen terms.
        assert!(!json.contains("\"evaluation\""));
        let tampered = json.replacen("\"total\":\"63.00\"", "\"total\":\"60.00\"", 1);
        assert_ne!(tampered, json);
        let refused = serde_json::from_str::<CartOrOrder>(&tampered).unwrap_err();
        assert!(refused.to_string().contains("inconsistent"));
    }

    // PROMO-5: a stored cart is checked like a new one (each line named once).
    #[test]
    fn stored_cart_with_duplicate_lines_is_refused() {
        let json = r#"{"lines":[
            {"id":"a","product":"p","unit_price":"1.00","quantity":1},
            {"id":"a","product":"q","unit_price":"2.00","quantity":1}]}"#;
        let err = serde_json::from_str::<Cart>(json).unwrap_err();
        assert!(err.to_string().contains("already in the cart"));
    }
}

// ACC-1: the order records the customer it belongs to, so the order history can list it.
#[test]
fn acc1_an_order_records_its_customer() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let order = filled_cart(&terms)
        .validate(CustomerId::new(42), &terms)
        .unwrap();
    assert_eq!(order.customer(), CustomerId::new(42));
    let mut stored = CartOrOrder::Cart(filled_cart(&terms));
    let validated = stored.validate(CustomerId::new(7), &terms).unwrap();
    assert_eq!(validated.customer(), CustomerId::new(7));
}

// ACC-1: a stored order keeps its customer, and a record without one is refused.
#[cfg(feature = "serde")]
#[test]
fn acc1_a_stored_order_keeps_its_customer_and_needs_one() {
    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let order = filled_cart(&terms)
        .validate(CustomerId::new(42), &terms)
        .unwrap();
    let json = serde_json::to_string(&order).unwrap();
    assert!(json.contains("\"customer\":42"), "{json}");
    let back: Order = serde_json::from_str(&json).unwrap();
    assert_eq!(back.customer(), CustomerId::new(42));
    let anonymous = json.replace("\"customer\":42,", "");
    assert!(serde_json::from_str::<Order>(&anonymous).is_err());
}

// SHIP-1, ACC-4: a holiday address saved in the address book is a Colissimo destination, and
// the order validated for it belongs to the account that saved it (ACC-1).
#[test]
fn ship1_acc4_a_holiday_address_from_the_address_book_is_a_colissimo_destination() {
    use comptoir_account::{AddressBook, AddressForm, FormPolicy};

    let mut book = AddressBook::new();
    book.add(
        AddressForm {
            name: "Vacances".into(),
            first_name: "Camille".into(),
            last_name: "Martin".into(),
            line1: "3 chemin des Pins".into(),
            postcode: "17580".into(),
            city: "Le Bois-Plage-en-Ré".into(),
            ..AddressForm::default()
        }
        .validate(&FormPolicy::default())
        .unwrap(),
    )
    .unwrap();
    let holiday = book.get("vacances").unwrap();
    assert_eq!(holiday.city(), "Le Bois-Plage-en-Ré");

    let (offers, ctx) = (shop_offers(), context());
    let catalogue = Catalogue::new(offers).unwrap();
    let terms = Terms::new(&catalogue, &ctx);
    let mut cart = Cart::new();
    cart.add_line(line("a", "40.00", 1), &terms).unwrap();
    let service = DeliveryService::Colissimo(ColissimoDestination::Holiday);
    cart.choose_delivery(Delivery::new(service, eur("6.90")).unwrap(), &terms)
        .unwrap();
    let order = cart.validate(CustomerId::new(42), &terms).unwrap();
    assert_eq!(order.delivery().service(), service);
    assert_eq!(service.name_fr(), "Colissimo sur le lieu de vacances");
    assert_eq!(order.customer(), CustomerId::new(42));
}
