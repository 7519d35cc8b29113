//! The cent split (`Eur::allocate`, `allocate_cents`, `CentSplitter`, `Eur::split_evenly`) on
//! any amount and weights: never a panic, and every split that succeeds sums to its whole,
//! gives each part its exact share to within a cent and nothing to a zero weight.
#![no_main]

use arbitrary::Arbitrary;
use comptoir_money::{CentSplitter, Eur, MoneyError, allocate_cents};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    cents: i64,
    wide: Option<i128>,
    weights: Vec<i64>,
    even: u8,
    /// 255: split into exactly the most parts allowed; 254, 253: into more; else `even`
    /// parts (arbitrary fills a short input with zeros, so zero must be the cheap case).
    limit: u8,
}

fn check_split(amount: i128, weights: &[i128], parts: &[i128]) {
    assert_eq!(parts.len(), weights.len());
    assert_eq!(parts.iter().sum::<i128>(), amount, "{amount} over {weights:?}");
    let total: i128 = weights.iter().sum();
    for (part, weight) in parts.iter().zip(weights) {
        if *weight == 0 {
            assert_eq!(*part, 0);
            continue;
        }
        // |part × total − amount × weight| < total, i.e. within a cent of the exact share.
        let (Some(a), Some(b)) = (part.checked_mul(total), amount.checked_mul(*weight)) else {
            continue;
        };
        assert!(a.abs_diff(b) < total.unsigned_abs(), "{part} of {amount} for {weight}/{total}");
        assert!(part.signum() * amount.signum() >= 0, "a part of the other sign");
    }
}

fuzz_target!(|input: Input| {
    let amount = input.wide.unwrap_or(i128::from(input.cents));
    let weights: Vec<i128> = input.weights.iter().map(|w| i128::from(*w)).collect();
    let plain = allocate_cents(amount, &weights);
    let mut splitter = CentSplitter::default();
    let reused = splitter.split(amount, &weights).map(<[i128]>::to_vec);
    assert_eq!(plain, reused);
    match &plain {
        Ok(parts) => check_split(amount, &weights, parts),
        Err(MoneyError::NegativeWeight { index, .. }) => {
            assert!(weights.get(*index).is_some_and(|w| *w < 0));
        }
        Err(_) => {}
    }
    let euros = Eur::from_cents(input.cents);
    let non_negative: Vec<u32> = input.weights.iter().map(|w| w.unsigned_abs() as u32).collect();
    if let Ok(parts) = euros.allocate(&non_negative) {
        assert_eq!(Eur::try_sum(parts.iter().copied()), Ok(euros));
    }
    // Splits at the limit allocate 10 000 parts: rare enough to keep the search fast.
    let n = match input.limit {
        255 => Eur::MAX_SPLIT_PARTS,
        254 => Eur::MAX_SPLIT_PARTS + 1 + usize::from(input.even),
        253 => usize::MAX - usize::from(input.even),
        _ => usize::from(input.even),
    };
    match euros.split_evenly(n) {
        Ok(parts) => {
            assert_eq!(parts.len(), n);
            assert_eq!(Eur::try_sum(parts.iter().copied()), Ok(euros));
            let spread = parts.iter().max().zip(parts.iter().min());
            assert!(spread.is_none_or(|(max, min)| max.cents() - min.cents() <= 1));
        }
        Err(MoneyError::TooManyParts { parts, max }) => assert!(parts > max && n == parts),
        Err(MoneyError::ZeroWeights { .. }) => assert!(n == 0 && !euros.is_zero()),
        Err(e) => panic!("split_evenly({n}) of {euros}: {e}"),
    }
});
