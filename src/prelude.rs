//! One import for the common path: `use comptoir::prelude::*;`.
//!
//! It brings the types a checkout service, a back office or a customer-service tool calls
//! every day: the calendar and the Paris clock, amounts, the dispatch dates, offers and the
//! cart, payment, withdrawals and refunds, returned parcels, after-sales cases, customer
//! service and accounts, and the chrono
//! types their signatures use. Each crate's less common types stay in its module
//! (`comptoir::promo::Selection`, `comptoir::calendar::Roll`...).
//!
//! The umbrella [`Error`](crate::Error) is not in it, so that it does not hide
//! `std::error::Error`: write `comptoir::Error`.
//!
//! # Example
//!
//! ```
//! use comptoir::prelude::*;
//!
//! let ordered_at = Paris::at(2026, 5, 23, 18, 0, 0)?;
//! let schedule = DispatchSchedule::compute(&ordered_at, &DispatchPolicy::default(), &Calendar::metropolitan())?;
//! let price: Eur = "1 234,50 €".parse()?;
//! assert_eq!(format!("{:#}", schedule.expected_dispatch()), "Wednesday 2026-05-27 to Thursday 2026-05-28");
//! assert_eq!(price.to_string(), "1234.50");
//! # Ok::<(), comptoir::Error>(())
//! ```

pub use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

pub use comptoir_account::{
    Account, AddressBook, AddressForm, CustomerId, FormPolicy, ProfileForm, RegisteredCustomer,
    RegistrationForm, require_account,
};
pub use comptoir_calendar::clock::{Ambiguity, Paris};
pub use comptoir_calendar::law::{ContractDay, LawChange};
pub use comptoir_calendar::{
    BusinessDays, Calendar, CalendarDays, CalendarPolicy, Day, DayWindow, Region,
};
pub use comptoir_cart::{
    Cart, CartOrOrder, CodeOutcome, ColissimoDestination, Delivery, DeliveryService, Order, Terms,
};
pub use comptoir_dispatch::{
    DeliveryDeadline, DispatchPolicy, DispatchSchedule, Fulfilment, ParcelId, TrackingEvent,
    TrackingKind,
};
pub use comptoir_money::{Decimal, Eur, Percent};
pub use comptoir_payment::{
    Card, CardBrand, CardToken, CreditRegime, Device, Eligibility, ExpectedDebit, ExpiryMonth,
    InstalmentPlan, InstalmentPolicy, InstalmentSchedule, OrderAmount, PaymentMethod,
    SecureOutcome, SecureTracker,
};
pub use comptoir_promo::{
    Catalogue, Code, Combinable, Conditions, Effect, EvaluationContext, Line, Offer, OfferSpec,
    Priority, PromoPolicy, Quantity, Selection, Target, Trigger, ValidityWindow,
};
pub use comptoir_refund::{
    Cancellation, CancellationDecision, CancelledLine, Depreciation, Inspection, LegalInterestRate,
    Refund, RefundAmountPolicy, RefundDeadlines, RefundDecision, RefundDue, RefundFacts,
    RefundLedger, Return, ReturnedItem, ReturnsPolicy, Surcharge,
};
pub use comptoir_support::{LineStatus, Support, SupportPolicy};
pub use comptoir_withdrawal::{
    CONFIRM_LABEL_FR, ConfirmedWithdrawal, FunctionDue, NoticeTimeliness, OnlineWithdrawal,
    OnlineWithdrawalPolicy, OrderExceptions, OrderNumber, Receipt, WITHDRAW_LABEL_FR,
    WithdrawalException, WithdrawalStatement, WithdrawalWindows,
};

pub use comptoir_aftersales::{
    AfterSalesCase, CaseDeadline, CaseStatus, Claim, Coverage, CustomerOption, Finding,
    GuaranteePolicy, Postage, Remedy,
};
pub use comptoir_withdrawal::{ParcelDecision, ReturnCandidate, ReturnedParcel};
