//! Euro amounts for the comptoir rules: exact to the cent, never a float.
//!
//! Every rule of the shop that speaks of money (promotions, instalments, refunds, surcharges)
//! works on [`Eur`], an amount of euros that always sits at cent scale. The crate decides three
//! things for all of them, as the [rules reference] fixes them under [Money]:
//!
//! - **Arithmetic is checked.** Adding, subtracting and multiplying return
//!   [`MoneyError::Overflow`] instead of wrapping or panicking.
//! - **Rounding is explicit.** The only way from an arbitrary [`Decimal`] to an [`Eur`] that
//!   drops digits is [`Eur::round_from`], half away from zero to the cent. [`Eur::new`] refuses
//!   sub-cent digits instead of guessing.
//! - **Splits are exact.** [`Eur::allocate`] spreads an amount over weights with the
//!   largest-remainder method, leftover cents to the earlier part on ties, so the parts always
//!   sum to the whole (PROMO-5, PAY-5, REF-1 rely on it).
//!
//! # Example
//!
//! ```
//! use comptoir_money::{Eur, Percent};
//!
//! let price: Eur = "19.99".parse()?;
//! let line = price.times(3)?;
//! assert_eq!(line.to_string(), "59.97");
//!
//! // 10 % off, rounded half away from zero to the cent.
//! let discount = line.percent(Percent::new(10.into())?)?;
//! assert_eq!(discount, "6.00".parse()?);
//!
//! // Three instalments of 100.00: the leftover cent goes to the first.
//! let parts = Eur::from_cents(10_000).allocate(&[1u32, 1, 1])?;
//! assert_eq!(parts, vec![Eur::from_cents(3_334), Eur::from_cents(3_333), Eur::from_cents(3_333)]);
//!
//! // The French forms are read and written too; text that reads two ways is refused.
//! let amount: Eur = "1 234,50 €".parse()?;
//! assert_eq!(amount, "€1234.5".parse()?);
//! assert_eq!(format!("{amount:#}"), "1\u{202f}234,50\u{a0}€");
//! assert!("1,234.50".parse::<Eur>().is_err_and(|e| e.is_ambiguous()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `Display` is the canonical form (`1234.50`, `12.5 %`), `{:#}` the French one
//! (`1 234,50 €`, `12,5 %`), and `FromStr` reads both. Errors give the French sentence a
//! customer reads with [`MoneyError::message_fr`].
//!
//! `cargo run -p comptoir-money --example amounts` shows amounts read, computed and split.
//!
//! # Crate features
//!
//! - `serde`: `Serialize`/`Deserialize` for [`Eur`] and [`Percent`], as strings (`"12.34"`),
//!   never floats; deserialising checks the same invariants as parsing.
//! - `proptest`: the `strategies` module, generators of valid amounts for property tests.
//!
//! No feature changes behaviour.
//!
//! [rules reference]: ../comptoir/rules/index.html
//! [Money]: ../comptoir/rules/index.html#money
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]

mod allocate;
mod amount;
mod error;
mod parse;
mod percent;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use allocate::{CentSplitter, allocate_cents};
pub use amount::{Eur, French};
pub use error::MoneyError;
pub use percent::Percent;
pub use rust_decimal::Decimal;
