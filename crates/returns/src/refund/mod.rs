//! Refund amounts after returns and cancellations (REF-1, REF-4, RET-2, RET-4, L221-23,
//! L221-24), and
//! a withdrawal's refund as one decision with its dates and cost (REF-2, REF-3).

mod decision;
pub(crate) mod frozen;
mod input;
mod ledger;
mod outcome;
mod policy;

pub use decision::RefundDecision;
pub use input::{
    Cancellation, CancelledLine, Depreciation, Inspection, RefundCause, Return, ReturnedItem,
};
pub use ledger::{LedgerRecord, RefundLedger};
pub use outcome::{
    DeliveryRefund, KeptGift, LapseReason, LapsedOffer, LineDeduction, OfferKind, Refund,
    RefundExplanation, RefundedLine,
};
pub use policy::{RefundAmountPolicy, RefundMethod, ReturnCosts};
