//! Invariants of amounts and of exact allocation ("Money" in docs/rules.md).

use comptoir_money::{Decimal, Eur};
use proptest::prelude::*;

fn cents_strategy() -> impl Strategy<Value = i64> {
    -1_000_000_000i64..=1_000_000_000
}

proptest! {
    /// Parts sum exactly to the whole, whatever the weights (PROMO-5, PAY-5, REF-1 rely on it).
    #[test]
    fn allocation_parts_sum_to_the_whole(
        total in cents_strategy(),
        weights in proptest::collection::vec(0u32..=1_000_000, 1..40)
            .prop_filter("one positive weight", |w| w.iter().any(|x| *x > 0)),
    ) {
        let parts = Eur::from_cents(total).allocate(&weights)?;
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(Eur::try_sum(parts)?, Eur::from_cents(total));
    }

    /// Every part differs from its exact share by less than one cent.
    // Money (docs/rules.md), PROMO-5: every part is within a cent of its exact share.
    #[test]
    fn allocation_parts_are_within_a_cent_of_their_share(
        total in cents_strategy(),
        weights in proptest::collection::vec(0u32..=1_000_000, 1..40)
            .prop_filter("one positive weight", |w| w.iter().any(|x| *x > 0)),
    ) {
        let parts = Eur::from_cents(total).allocate(&weights)?;
        let sum_w: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        for (part, w) in parts.iter().zip(&weights) {
            // |part - total*w/sum_w| < 1 cent  <=>  |part*sum_w - total*w| < sum_w
            let diff = part.cents() * sum_w - i128::from(total) * i128::from(*w);
            prop_assert!(diff.abs() < sum_w, "part {} weight {}", part, w);
        }
    }

    /// Even splits differ by at most a cent and the earlier parts carry the extra cents.
    // Money (docs/rules.md), PAY-5: leftover cents go to the earliest parts.
    #[test]
    fn even_splits_put_leftover_cents_first(total in 0i64..=100_000_000, n in 1usize..12) {
        let parts = Eur::from_cents(total).split_evenly(n)?;
        for pair in parts.windows(2) {
            let d = pair[0].cents() - pair[1].cents();
            prop_assert!(d == 0 || d == 1);
        }
    }

    /// Display and parsing are inverse, in both the canonical and the French form.
    // Money (docs/rules.md): printing and reading are inverse.
    #[test]
    fn display_and_parse_round_trip(c in any::<i64>()) {
        let e = Eur::from_cents(c);
        prop_assert_eq!(e.to_string().parse::<Eur>()?, e);
        prop_assert_eq!(e.french().to_string().parse::<Eur>()?, e);
        prop_assert_eq!(format!("{e:#}").parse::<Eur>()?, e);
    }

    /// A percentage reads back from its canonical and French forms.
    // PROMO-4, REF-3: printing and reading a percentage are inverse.
    #[test]
    fn percent_display_and_parse_round_trip(hundredths in 0i64..=10_000, scale in 0u32..=6) {
        let p = comptoir_money::Percent::new(Decimal::new(hundredths, 2 + scale))?;
        prop_assert_eq!(p.to_string().parse::<comptoir_money::Percent>()?, p);
        prop_assert_eq!(format!("{p:#}").parse::<comptoir_money::Percent>()?, p);
    }

    /// The French ways of writing an amount read as the amount, whatever the spaces.
    // Money (docs/rules.md): "1 234,50 €" with any of the three spaces, "€12", "12 €".
    #[test]
    fn french_written_amounts_read_back(c in 0i64..=1_000_000_000_000, space in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}"])) {
        let e = Eur::from_cents(c);
        let french = e.french().to_string().replace('\u{202f}', space);
        prop_assert_eq!(french.parse::<Eur>()?, e);
        prop_assert_eq!(format!("€{}", e).parse::<Eur>()?, e);
        prop_assert_eq!(format!("{e} €").parse::<Eur>()?, e);
    }

    /// Rounding is half away from zero and never moves a value by half a cent or more.
    // Money (docs/rules.md): rounding is half away from zero.
    #[test]
    fn rounding_is_half_away_from_zero(m in -10_000_000_000i64..=10_000_000_000, scale in 0u32..6) {
        let d = Decimal::new(m, scale);
        let r = Eur::round_from(d)?;
        let diff = (r.to_decimal() - d).abs();
        prop_assert!(diff <= Decimal::new(5, 3));
        if diff == Decimal::new(5, 3) {
            prop_assert!(r.to_decimal().abs() > d.abs());
        }
    }

    /// Checked arithmetic agrees with plain integer arithmetic on cents.
    // Money (docs/rules.md): checked arithmetic is exact.
    #[test]
    fn arithmetic_agrees_with_cents(a in cents_strategy(), b in cents_strategy(), q in 0u32..1000) {
        let (x, y) = (Eur::from_cents(a), Eur::from_cents(b));
        prop_assert_eq!(x.checked_add(y)?.cents(), i128::from(a) + i128::from(b));
        prop_assert_eq!(x.checked_sub(y)?.cents(), i128::from(a) - i128::from(b));
        prop_assert_eq!(x.times(q)?.cents(), i128::from(a) * i128::from(q));
    }

    /// Parsing arbitrary text never panics; what it accepts prints back unchanged in value.
    // Money (docs/rules.md): no input makes parsing panic.
    #[test]
    fn parsing_arbitrary_text_never_panics(s in "\\PC{0,24}") {
        if let Ok(e) = s.parse::<Eur>() {
            prop_assert_eq!(e.to_string().parse::<Eur>()?, e);
        }
    }
}

#[cfg(feature = "serde")]
mod serde_round_trip {
    use super::*;

    proptest! {
        // Money (docs/rules.md): amounts serialise as strings, never floats.
        #[test]
        fn amounts_serialise_as_strings(c in any::<i64>()) {
            let e = Eur::from_cents(c);
            let json = serde_json::to_string(&e).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&json, &format!("\"{e}\""));
            let back: Eur = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, e);
        }
    }

    // Money (docs/rules.md): floats and malformed strings are refused.
    #[test]
    fn malformed_strings_and_floats_are_refused() {
        assert!(serde_json::from_str::<Eur>("\"12.345\"").is_err());
        assert!(serde_json::from_str::<Eur>("12.34").is_err());
        assert!(serde_json::from_str::<comptoir_money::Percent>("\"101\"").is_err());
    }
}
