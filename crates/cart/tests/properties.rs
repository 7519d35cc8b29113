//! Invariants of carts and orders over generated carts, offers and contexts (CART-1..3,
//! PROMO-2, PROMO-5).

use comptoir_cart::{Cart, strategies};
use comptoir_cart::{CustomerId, Terms};
use comptoir_money::Eur;
use comptoir_promo::{Catalogue, EvaluatedLine, strategies as promo};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // PROMO-2: entering the same codes in any order gives the same cart and the same price.
    #[test]
    fn code_entry_order_does_not_change_the_cart(
        lines in promo::lines(6),
        (codes, shuffled) in proptest::collection::vec(promo::code(), 0..6)
            .prop_flat_map(|c| (Just(c.clone()), Just(c).prop_shuffle())),
        offers in promo::offers(8), delivery in strategies::delivery(), ctx in promo::context(),
    ) {
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let terms = Terms::new(&catalogue, &ctx);
        let mut base = Cart::new();
        for l in lines {
            base.add_line(l, &terms)?;
        }
        base.choose_delivery(delivery, &terms)?;
        let mut a = base.clone();
        let mut b = base.clone();
        for c in &codes {
            a.enter_code(c.as_str(), &terms)?;
        }
        for c in &shuffled {
            b.enter_code(c.as_str(), &terms)?;
        }
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.evaluate(&terms)?, b.evaluate(&terms)?);
    }

    // CART-3, PROMO-5: the order's figures are the cart's at validation; the total is the
    // lines' nets plus shipping, and no amount is below zero.
    #[test]
    fn an_order_freezes_exactly_what_the_cart_cost(
        cart in strategies::non_empty_cart(8), offers in promo::offers(8), ctx in promo::context(),
        policy in promo::policy(), delivery in strategies::delivery(),
    ) {
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let terms = Terms::new(&catalogue, &ctx).with_policy(policy);
        let mut cart = cart;
        cart.choose_delivery(delivery, &terms)?;
        let at_validation = cart.evaluate(&terms)?;
        let order = cart.validate(CustomerId::new(1), &terms).map_err(|r| TestCaseError::fail(r.to_string()))?;
        prop_assert_eq!(order.evaluation().applied(), at_validation.applied());
        prop_assert_eq!(order.evaluation().lines(), at_validation.lines());
        prop_assert_eq!(order.total(), at_validation.total());
        let nets = Eur::try_sum(order.evaluated_lines().iter().map(EvaluatedLine::net))?;
        prop_assert_eq!(nets.checked_add(order.shipping_net())?, order.total());
        // PAY-4, REF-1: the products' total is the lines' nets, shipping left out.
        prop_assert_eq!(order.products_total(), nets);
        prop_assert!(!order.total().is_negative());
        prop_assert_eq!(order.shipping_amount(), order.delivery().cost());
        prop_assert_eq!(order.shipping_discount().checked_add(order.shipping_net())?, order.shipping_amount());
        prop_assert_eq!(order.offers().len(), order.evaluation().applied().len());
        // REF-1: repricing every item as at validation gives back what was paid.
        let repriced = order.reprice(order.lines(), order.delivery().cost())?;
        prop_assert_eq!(repriced.total(), order.total());
    }

    // CART-3: carts and orders survive storage unchanged.
    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trips_carts_and_orders(
        cart in strategies::cart(8), offers in promo::offers(8), ctx in promo::context(),
        delivery in strategies::delivery(),
    ) {
        use comptoir_cart::{CartOrOrder, Delivery};

        let back: Cart = serde_json::from_str(&serde_json::to_string(&cart).unwrap()).unwrap();
        prop_assert_eq!(&back, &cart);
        let back: Delivery = serde_json::from_str(&serde_json::to_string(&delivery).unwrap()).unwrap();
        prop_assert_eq!(back, delivery);
        let catalogue = Catalogue::new(offers.clone()).unwrap();
        let terms = Terms::new(&catalogue, &ctx);
        let mut cart = cart;
        cart.choose_delivery(delivery, &terms)?;
        if let Ok(order) = cart.validate(CustomerId::new(1), &terms) {
            let stored = CartOrOrder::Order(order);
            let back: CartOrOrder = serde_json::from_str(&serde_json::to_string(&stored).unwrap()).unwrap();
            prop_assert_eq!(back, stored);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // PROMO-1: under one code per cart, a cart never holds two codes and never applies two
    // code offers, whatever codes are entered in whatever order.
    #[test]
    fn a_one_code_cart_never_holds_two_codes(
        lines in promo::lines(6), codes in proptest::collection::vec(promo::code(), 0..8),
        offers in promo::offers(8), ctx in promo::context(),
    ) {
        let catalogue = Catalogue::new(offers).unwrap();
        let policy = comptoir_promo::PromoPolicy { one_code_per_cart: true, ..Default::default() };
        let terms = Terms::new(&catalogue, &ctx).with_policy(policy);
        let mut cart = Cart::new();
        for l in lines {
            cart.add_line(l, &terms)?;
        }
        for c in &codes {
            cart.enter_code(c.as_str(), &terms)?;
            prop_assert!(cart.codes().len() <= 1);
        }
        let e = cart.evaluate(&terms)?;
        let coded = e.applied().iter().filter(|a| catalogue.offer(a.offer()).is_some_and(|o| o.code().is_some()));
        prop_assert!(coded.count() <= 1);
    }
}
