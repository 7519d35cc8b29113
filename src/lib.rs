//! comptoir: the business rules of a French online shop, as pure Rust libraries.
//!
//! This crate only re-exports the rule crates, so that an application can depend on one name.
//! Each module is a crate of its own, usable alone:
//!
//! - [`money`]: euro amounts at cent scale, rounding and exact allocation;
//! - [`calendar`]: French business days and the Europe/Paris shop clock (CAL-1..5);
//! - [`dispatch`]: the 11:00 cutoff and dispatch dates (DISP-1..3);
//! - [`promo`]: the promotion engine, offers as data, stacking and allocation (PROMO-1..5);
//! - [`cart`]: the open cart, its lock-in at validation and the frozen order (CART-1..3, SHIP-1);
//! - [`payment`]: payment methods, 3-D Secure attempts, debit at shipment, paying in 3x
//!   (PAY-1..7);
//! - [`returns`]: withdrawal windows, refund amounts after returns and cancellations, refund
//!   deadlines and late-refund surcharges (RET-1, RET-2, RET-4, REF-1..4);
//! - [`support`]: customer-service phone hours and the written-answer deadline (SUP-1..2);
//! - [`account`]: registration form, profile changes, address book (ACC-1..4).
//!
//! # Crate features
//!
//! - `serde`: serde support in every rule crate.
//! - `proptest`: every rule crate's `strategies` module.

pub use comptoir_account as account;
pub use comptoir_calendar as calendar;
pub use comptoir_cart as cart;
pub use comptoir_dispatch as dispatch;
pub use comptoir_money as money;
pub use comptoir_payment as payment;
pub use comptoir_promo as promo;
pub use comptoir_returns as returns;
pub use comptoir_support as support;
