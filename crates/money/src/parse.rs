use core::str::FromStr;

use crate::{Eur, MoneyError};

/// Characters French typography puts between groups of thousands and before the `€` sign.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

impl FromStr for Eur {
    type Err = MoneyError;

    /// Reads the canonical form (`12.34`, `-0.5`) and the ways the French write amounts:
    /// `12,34 €`, `1 234,50 €` (with ordinary, no-break or narrow no-break spaces between
    /// thousands and before the sign), `12,5 €`, `12 €`, `€12`, `12 EUR`.
    ///
    /// At most two decimals are accepted, a single decimal separator (`.` or `,`), thousands
    /// groups of exactly three digits separated by spaces, an optional leading `-` and one
    /// euro sign or `EUR`, before or after the number. Nothing is rounded or guessed:
    ///
    /// - [`MoneyError::AmbiguousAmount`] when the text reads two ways: three digits after a
    ///   single `.` or `,` (`12.345`, `1,234`: thousands or decimals?), or both `.` and `,`
    ///   (`1,234.50`, `1.234,50`: which one is the decimal separator?);
    /// - [`MoneyError::Parse`] naming what is wrong for anything else (`""`, `"1e3"`,
    ///   `"12,3,4"`, `"12.3456"`).
    fn from_str(input: &str) -> Result<Eur, MoneyError> {
        let fail = |reason| MoneyError::Parse {
            input: input.to_owned(),
            reason,
        };
        let ambiguous = |reason| MoneyError::AmbiguousAmount {
            input: input.to_owned(),
            reason,
        };
        let s = input.trim_matches(SPACES);
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (signs, s) = strip_euro_signs(s);
        let (negative, s) = match (negative, s.strip_prefix('-')) {
            (false, Some(rest)) if signs.before => (true, rest),
            (_, _) => (negative, s),
        };
        if signs.before && signs.after {
            return Err(fail("more than one euro sign"));
        }
        if s.is_empty() {
            return Err(fail("no digits"));
        }
        if s.contains('.') && s.contains(',') {
            return Err(ambiguous(
                "both '.' and ',' appear: write 1234.50 or 1 234,50",
            ));
        }
        let (integer, fraction) = match s.split_once(['.', ',']) {
            Some((integer, fraction)) => (integer, Some(fraction)),
            None => (s, None),
        };
        let mut units: i128 = 0;
        let groups: Vec<&str> = integer.split(SPACES).collect();
        for (i, group) in groups.iter().enumerate() {
            if group.is_empty() || !group.bytes().all(|b| b.is_ascii_digit()) {
                return Err(fail(if group.contains(['.', ',']) {
                    "more than one decimal separator"
                } else if group.is_empty() {
                    "missing digits"
                } else {
                    "only digits, spaces between thousands, one decimal separator and a euro sign are allowed"
                }));
            }
            if groups.len() > 1 && (i > 0 && group.len() != 3 || i == 0 && group.len() > 3) {
                return Err(fail("thousands must be grouped by three digits"));
            }
            for b in group.bytes() {
                units = units
                    .checked_mul(10)
                    .and_then(|u| u.checked_add(i128::from(b.checked_sub(b'0')?)))
                    .ok_or_else(|| fail("too large for an amount"))?;
            }
        }
        let cents_part = match fraction {
            None => 0,
            Some(f) => {
                if f.contains(['.', ',']) {
                    return Err(fail("more than one decimal separator"));
                }
                if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(fail("decimals must be one or two digits"));
                }
                if f.len() == 3 && groups.len() == 1 {
                    return Err(ambiguous(
                        "three digits after the separator could be thousands or decimals: write 12.35, 12 345 or 12345",
                    ));
                }
                if f.len() > 2 {
                    return Err(fail("more than two decimals"));
                }
                let value: i128 = f.parse().map_err(|_| fail("decimals must be digits"))?;
                // One decimal is tens of cents.
                if f.len() == 1 {
                    value
                        .checked_mul(10)
                        .ok_or_else(|| fail("too large for an amount"))?
                } else {
                    value
                }
            }
        };
        let cents = units
            .checked_mul(100)
            .and_then(|c| c.checked_add(cents_part))
            .ok_or_else(|| fail("too large for an amount"))?;
        let cents = if negative {
            cents.checked_neg()
        } else {
            Some(cents)
        };
        cents
            .ok_or_else(|| fail("too large for an amount"))
            .and_then(|cents| {
                Eur::try_from_cents(cents).map_err(|_| fail("too large for an amount"))
            })
    }
}

/// Where euro signs (`€` or `EUR`) were found around the number.
struct EuroSigns {
    before: bool,
    after: bool,
}

/// The number without its euro signs and the spaces beside them.
fn strip_euro_signs(s: &str) -> (EuroSigns, &str) {
    let mut signs = EuroSigns {
        before: false,
        after: false,
    };
    let mut s = s;
    if let Some(rest) = s.strip_prefix('€').or_else(|| s.strip_prefix("EUR")) {
        signs.before = true;
        s = rest.trim_start_matches(SPACES);
    }
    if let Some(rest) = s.strip_suffix('€').or_else(|| s.strip_suffix("EUR")) {
        signs.after = true;
        s = rest.trim_end_matches(SPACES);
    }
    (signs, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(s: &str) -> Result<i128, MoneyError> {
        s.parse::<Eur>().map(Eur::cents)
    }

    // Money (docs/rules.md): "12.34" and "12,34 €" are read.
    #[test]
    fn reads_canonical_and_french_forms() {
        assert_eq!(cents("12.34"), Ok(1234));
        assert_eq!(cents("12,34 €"), Ok(1234));
        assert_eq!(cents("12,34€"), Ok(1234));
        assert_eq!(cents("12.3"), Ok(1230));
        assert_eq!(cents("12"), Ok(1200));
        assert_eq!(cents("-0.05"), Ok(-5));
        assert_eq!(cents("1 234,50 €"), Ok(123_450));
        assert_eq!(cents("1\u{202f}234,50\u{a0}€"), Ok(123_450));
        assert_eq!(cents("1\u{a0}234,50\u{202f}€"), Ok(123_450));
        assert_eq!(cents("  7.00 EUR "), Ok(700));
        assert_eq!(cents("12,5 €"), Ok(1250));
        assert_eq!(cents("12 €"), Ok(1200));
        assert_eq!(cents("€12"), Ok(1200));
        assert_eq!(cents("€ 12,50"), Ok(1250));
        assert_eq!(cents("EUR 12"), Ok(1200));
        assert_eq!(cents("-€12"), Ok(-1200));
        assert_eq!(cents("€-12"), Ok(-1200));
        assert_eq!(cents("-12,00 €"), Ok(-1200));
        assert_eq!(cents("1 234 567,89 €"), Ok(123_456_789));
        // Grouped thousands leave no doubt about a separator that follows.
        assert_eq!(cents("1 234.5"), Ok(123_450));
    }

    // Money (docs/rules.md): text that reads two ways is refused as ambiguous, never guessed.
    #[test]
    fn refuses_ambiguous_amounts() {
        for bad in [
            "12.345",
            "1,234",
            "1.234",
            "-1,234 €",
            "1,234.50",
            "1.234,50",
            "€1,234.50",
        ] {
            assert!(
                matches!(bad.parse::<Eur>(), Err(MoneyError::AmbiguousAmount { .. })),
                "{bad:?} gave {:?}",
                bad.parse::<Eur>()
            );
            assert!(bad.parse::<Eur>().is_err_and(|e| e.is_parse()));
        }
    }

    // Money (docs/rules.md): malformed amounts are typed errors, never corrected.
    #[test]
    fn refuses_malformed_amounts_with_a_reason() {
        for (bad, reason) in [
            ("", "no digits"),
            ("€", "no digits"),
            ("-", "no digits"),
            ("12.3456", "more than two decimals"),
            ("€12 €", "more than one euro sign"),
            ("--5", "only digits"),
            ("€", "no digits"),
            ("12 € 50", "only digits"),
            ("1e3", "only digits"),
            ("12,3,4", "more than one decimal separator"),
            ("12.", "decimals must be one or two digits"),
            (".5", "missing digits"),
            ("1 23,00", "thousands must be grouped"),
            ("1234 567", "thousands must be grouped"),
            ("+5", "only digits"),
            ("--5", "only digits"),
            ("NaN", "only digits"),
            ("99999999999999999999999999999999999999999", "too large"),
        ] {
            match bad.parse::<Eur>() {
                Err(MoneyError::Parse { reason: r, .. }) => {
                    assert!(r.starts_with(reason), "{bad:?}: {r}")
                }
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }

    // Money (docs/rules.md): what is printed reads back unchanged.
    #[test]
    fn display_round_trips() {
        for c in [0i64, 1, -1, 99, 100, 123_456_789, -987_654] {
            let e = Eur::from_cents(c);
            assert_eq!(e.to_string().parse::<Eur>(), Ok(e));
            assert_eq!(e.french().to_string().parse::<Eur>(), Ok(e));
        }
    }
}
