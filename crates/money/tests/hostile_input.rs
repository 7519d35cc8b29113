//! Inputs found by fuzzing (`fuzz/`), kept as regression tests of the money rules.

use comptoir_money::{CentSplitter, MoneyError, allocate_cents};

// Money: the smallest 128-bit amount has no positive counterpart; splitting it was a
// negation overflow (a panic with overflow checks on). It is refused as an overflow, and the
// largest negative amount that has one still splits exactly.
#[test]
fn money_splitting_the_smallest_128_bit_amount_is_an_error_not_a_panic() {
    assert!(matches!(
        allocate_cents(i128::MIN, &[1, 2]),
        Err(MoneyError::Overflow { .. })
    ));
    assert!(matches!(
        CentSplitter::default().split(i128::MIN, &[1]),
        Err(MoneyError::Overflow { .. })
    ));
    let parts = allocate_cents(-i128::MAX, &[1, 1]).unwrap();
    assert_eq!(parts.iter().sum::<i128>(), -i128::MAX);
}
