use core::str::FromStr;

use crate::{Eur, MoneyError};

/// Characters French typography puts between groups of thousands and before the `€` sign.
const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

impl FromStr for Eur {
    type Err = MoneyError;

    /// Reads the canonical form (`12.34`, `-0.5`) and the French form (`12,34 €`,
    /// `1 234,50 €`, with ordinary, no-break or narrow no-break spaces).
    ///
    /// At most two decimals are accepted, a single decimal separator (`.` or `,`), thousands
    /// groups of exactly three digits, an optional leading `-` and an optional `€` or `EUR`
    /// suffix. Anything else (`""`, `"1e3"`, `"12.345"`, `"12,3,4"`) is a
    /// [`MoneyError::Parse`] naming what is wrong; nothing is rounded.
    fn from_str(input: &str) -> Result<Eur, MoneyError> {
        let fail = |reason| MoneyError::Parse {
            input: input.to_owned(),
            reason,
        };
        let mut s = input.trim_matches(SPACES);
        if let Some(rest) = s.strip_suffix('€').or_else(|| s.strip_suffix("EUR")) {
            s = rest.trim_end_matches(SPACES);
        }
        let (negative, s) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        if s.is_empty() {
            return Err(fail("no digits"));
        }
        let (integer, fraction) = match s.find(['.', ',']) {
            Some(at) => (
                s.get(..at).unwrap_or(""),
                Some(s.get(at + 1..).unwrap_or("")),
            ),
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
                    .and_then(|u| u.checked_add(i128::from(b - b'0')))
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
                if f.len() > 2 {
                    return Err(fail("more than two decimals"));
                }
                let value: i128 = f.parse().map_err(|_| fail("decimals must be digits"))?;
                if f.len() == 1 { value * 10 } else { value }
            }
        };
        let cents = units
            .checked_mul(100)
            .and_then(|c| c.checked_add(cents_part))
            .ok_or_else(|| fail("too large for an amount"))?;
        Eur::try_from_cents(if negative { -cents } else { cents })
            .map_err(|_| fail("too large for an amount"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(s: &str) -> Result<i128, MoneyError> {
        s.parse::<Eur>().map(Eur::cents)
    }

    // Money (RULES.md): "12.34" and "12,34 €" are read.
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
        assert_eq!(cents("  7.00 EUR "), Ok(700));
    }

    // Money (RULES.md): malformed amounts are typed errors, never corrected.
    #[test]
    fn refuses_malformed_amounts_with_a_reason() {
        for (bad, reason) in [
            ("", "no digits"),
            ("€", "no digits"),
            ("-", "no digits"),
            ("12.345", "more than two decimals"),
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

    // Money (RULES.md): what is printed reads back unchanged.
    #[test]
    fn display_round_trips() {
        for c in [0i64, 1, -1, 99, 100, 123_456_789, -987_654] {
            let e = Eur::from_cents(c);
            assert_eq!(e.to_string().parse::<Eur>(), Ok(e));
            assert_eq!(e.french().to_string().parse::<Eur>(), Ok(e));
        }
    }
}
