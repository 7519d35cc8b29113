//! The 3-D Secure attempts on one card (PAY-2).

use crate::error::offer_fr;
use crate::{Device, PaymentError, PaymentMethod, RefusalReason};

/// Wrong codes after which the bank blocks the card: "Si vous échouez trois fois à saisir le
/// code d'authentification, votre carte bancaire sera bloquée". The bank enforces it, so it is
/// not a shop policy.
pub const MAX_WRONG_CODES: u8 = 3;

/// What the bank answered to one 3-D Secure attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SecureOutcome {
    /// The customer was authenticated: the payment is accepted (and debited at shipment, PAY-3).
    Authenticated,
    /// The one-time code was wrong.
    WrongCode,
    /// A soft decline: the bank wants the customer authenticated with a challenge.
    SoftDecline,
    /// A hard decline, with the reason the bank gave: never retried.
    HardDecline(RefusalReason),
    /// The bank could not be reached: the attempt did not happen.
    BankUnavailable,
}

impl core::fmt::Display for SecureOutcome {
    /// What happened, in lowercase English: `wrong code`, `hard decline: ceiling reached`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SecureOutcome::Authenticated => f.write_str("authenticated"),
            SecureOutcome::WrongCode => f.write_str("wrong code"),
            SecureOutcome::SoftDecline => f.write_str("soft decline, challenge required"),
            SecureOutcome::HardDecline(reason) => write!(f, "hard decline: {reason}"),
            SecureOutcome::BankUnavailable => f.write_str("bank unavailable"),
        }
    }
}

/// What the next attempt must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attempt {
    /// The attempt must ask for a challenge (after a soft decline).
    pub challenge: bool,
    /// Wrong codes the customer may still enter before the card is blocked (1 to 3).
    pub codes_left: u8,
}

/// What to do after an outcome (PAY-2).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum NextStep {
    /// The payment is authenticated; nothing more to do on the card now.
    Accepted,
    /// Ask for the code again; the customer has `codes_left` tries before the card is blocked.
    EnterCodeAgain {
        /// Tries left (1 or 2).
        codes_left: u8,
    },
    /// Retry once, this time with a challenge (after a soft decline).
    RetryWithChallenge,
    /// The bank was unavailable: try again later, nothing was counted.
    RetryLater,
    /// The payment is refused on this card for good: offer another method.
    Refused {
        /// Why.
        reason: RefusalReason,
        /// The methods to offer instead (another card among them).
        other_methods: Vec<PaymentMethod>,
    },
    /// The third wrong code: the card is blocked for online 3-D Secure payments.
    CardBlocked {
        /// The methods to offer instead (another card among them).
        other_methods: Vec<PaymentMethod>,
    },
}

impl NextStep {
    /// The sentence shown to the customer, in French.
    pub fn message_fr(&self) -> String {
        match self {
            NextStep::Accepted => "Votre paiement est accepté. Vous serez débité·e à l'expédition de votre commande.".to_owned(),
            NextStep::EnterCodeAgain { codes_left } if *codes_left <= 1 => concat!(
                "Le code d'authentification est incorrect. Attention : il vous reste un essai, ",
                "après quoi votre carte sera bloquée pour les paiements sur Internet. ",
                "Vérifiez que le numéro de téléphone indiqué sur la page 3D Secure est bien le vôtre."
            )
            .to_owned(),
            NextStep::EnterCodeAgain { codes_left } => format!(
                "Le code d'authentification est incorrect. Il vous reste {codes_left} essais. \
                 Vérifiez que le numéro de téléphone indiqué sur la page 3D Secure est bien le vôtre."
            ),
            NextStep::RetryWithChallenge => "Votre banque demande une authentification : vous allez recevoir un code à usage unique.".to_owned(),
            NextStep::RetryLater => RefusalReason::TechnicalError.advice_fr().to_owned(),
            NextStep::Refused {
                reason,
                other_methods,
            } => format!("{} {}", reason.advice_fr(), offer_fr(other_methods)),
            NextStep::CardBlocked { other_methods } => format!(
                "{} {}",
                RefusalReason::CardBlockedFor3ds.advice_fr(),
                offer_fr(other_methods)
            ),
        }
    }
}

/// Where a tracker stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum SecureState {
    /// Waiting for the next attempt.
    Open,
    /// Authenticated: terminal.
    Authenticated,
    /// Refused for good on this card: terminal.
    Refused(RefusalReason),
    /// Blocked after three wrong codes: terminal.
    Blocked,
}

/// The 3-D Secure attempts on one card, as a state machine without a clock (PAY-2).
///
/// Each [`SecureOutcome`] gives the next allowed step:
///
/// - a wrong code leaves `3 - n` tries; the third blocks the card (terminal), and every
///   further attempt is refused with [`PaymentError::CardBlocked`], which carries the FAQ's
///   advice (contact your bank) and the other methods to offer;
/// - a soft decline is retried once, with a challenge; a second one refuses the payment;
/// - a hard decline is never retried;
/// - the bank being unavailable changes nothing but asks to retry later.
///
/// One tracker per card: blocking is the bank's, on that card only, and the other methods
/// offered include another card.
///
/// # Example
///
/// ```
/// use comptoir_payment::{Device, NextStep, PaymentError, SecureOutcome, SecureTracker};
///
/// let mut tracker = SecureTracker::new(Device::Other);
/// assert_eq!(tracker.record(SecureOutcome::WrongCode)?, NextStep::EnterCodeAgain { codes_left: 2 });
/// assert_eq!(tracker.record(SecureOutcome::WrongCode)?, NextStep::EnterCodeAgain { codes_left: 1 });
/// let blocked = tracker.record(SecureOutcome::WrongCode)?;
/// assert!(matches!(blocked, NextStep::CardBlocked { .. }));
///
/// // No fourth code.
/// let refused = tracker.attempt().unwrap_err();
/// assert!(matches!(refused, PaymentError::CardBlocked { .. }));
/// assert!(refused.message_fr().contains("contacter votre banque"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TrackerRepr")
)]
pub struct SecureTracker {
    device: Device,
    wrong_codes: u8,
    soft_declined: bool,
    state: SecureState,
}

impl SecureTracker {
    /// A card with no attempt yet, for a customer on `device` (which decides whether Apple
    /// Pay is among the other methods, PAY-1).
    pub fn new(device: Device) -> SecureTracker {
        SecureTracker {
            device,
            wrong_codes: 0,
            soft_declined: false,
            state: SecureState::Open,
        }
    }

    /// Where the tracker stands.
    pub fn state(&self) -> SecureState {
        self.state
    }

    /// Wrong codes entered so far (0 to 3).
    pub fn wrong_codes(&self) -> u8 {
        self.wrong_codes
    }

    /// The methods to offer when this card cannot be used: every method offered on the
    /// device, "carte bancaire" meaning another card.
    pub fn other_methods(&self) -> Vec<PaymentMethod> {
        PaymentMethod::offered_on(self.device)
    }

    /// The next attempt allowed, if any.
    ///
    /// # Errors
    ///
    /// - [`PaymentError::CardBlocked`] after three wrong codes (PAY-2);
    /// - [`PaymentError::Refused`] after a refusal that is never retried;
    /// - [`PaymentError::AlreadyAuthenticated`] once the payment is authenticated.
    pub fn attempt(&self) -> Result<Attempt, PaymentError> {
        match self.state {
            SecureState::Open => Ok(Attempt {
                challenge: self.soft_declined,
                codes_left: MAX_WRONG_CODES.saturating_sub(self.wrong_codes),
            }),
            SecureState::Authenticated => Err(PaymentError::AlreadyAuthenticated),
            SecureState::Refused(reason) => Err(PaymentError::Refused {
                reason,
                other_methods: self.other_methods(),
            }),
            SecureState::Blocked => Err(PaymentError::CardBlocked {
                other_methods: self.other_methods(),
            }),
        }
    }

    /// Records the outcome of the attempt [`attempt`](SecureTracker::attempt) allowed, and
    /// says what to do next.
    ///
    /// # Errors
    ///
    /// As [`attempt`](SecureTracker::attempt): an outcome cannot be recorded on a tracker
    /// that allows no attempt, and the tracker is left unchanged.
    pub fn record(&mut self, outcome: SecureOutcome) -> Result<NextStep, PaymentError> {
        self.attempt()?;
        let step = match outcome {
            SecureOutcome::Authenticated => {
                self.state = SecureState::Authenticated;
                NextStep::Accepted
            }
            SecureOutcome::WrongCode => {
                self.wrong_codes = self.wrong_codes.saturating_add(1);
                if self.wrong_codes >= MAX_WRONG_CODES {
                    self.state = SecureState::Blocked;
                    NextStep::CardBlocked {
                        other_methods: self.other_methods(),
                    }
                } else {
                    NextStep::EnterCodeAgain {
                        // Below the maximum in this branch.
                        codes_left: MAX_WRONG_CODES.saturating_sub(self.wrong_codes),
                    }
                }
            }
            // PAY-2: one retry, with a challenge.
            SecureOutcome::SoftDecline if !self.soft_declined => {
                self.soft_declined = true;
                NextStep::RetryWithChallenge
            }
            SecureOutcome::SoftDecline => self.refuse(RefusalReason::AuthenticationNotCompleted),
            SecureOutcome::HardDecline(reason) => self.refuse(reason),
            SecureOutcome::BankUnavailable => NextStep::RetryLater,
        };
        Ok(step)
    }

    fn refuse(&mut self, reason: RefusalReason) -> NextStep {
        self.state = SecureState::Refused(reason);
        NextStep::Refused {
            reason,
            other_methods: self.other_methods(),
        }
    }
}

/// The fields as stored, checked before they make a tracker.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct TrackerRepr {
    device: Device,
    wrong_codes: u8,
    soft_declined: bool,
    state: SecureState,
}

#[cfg(feature = "serde")]
impl TryFrom<TrackerRepr> for SecureTracker {
    type Error = &'static str;

    /// Accepts exactly the trackers [`SecureTracker::record`] can reach: the stored fields
    /// are replayed as outcomes on a new tracker (the soft decline, the wrong codes, then
    /// what ended it), and must give the same tracker back. A check written by hand would
    /// drift from the state machine; the replay cannot.
    ///
    /// Today that means: at most three wrong codes, blocked exactly at three, and an
    /// authenticated or refused tracker with fewer than three. The soft-decline flag agrees
    /// with every state (a soft decline may come before an authentication, a refusal or a
    /// block), and a refusal may carry any reason, since a hard decline is the bank's word.
    fn try_from(repr: TrackerRepr) -> Result<SecureTracker, &'static str> {
        const UNREACHABLE: &str = "no sequence of 3-D Secure outcomes leads to this tracker (wrong codes, soft decline and state disagree)";
        if repr.wrong_codes > MAX_WRONG_CODES {
            return Err("a tracker counts at most three wrong codes");
        }
        let stored = SecureTracker {
            device: repr.device,
            wrong_codes: repr.wrong_codes,
            soft_declined: repr.soft_declined,
            state: repr.state,
        };
        let mut replay = SecureTracker::new(repr.device);
        let mut outcomes = Vec::with_capacity(usize::from(MAX_WRONG_CODES) + 2);
        if repr.soft_declined {
            outcomes.push(SecureOutcome::SoftDecline);
        }
        outcomes.extend((0..repr.wrong_codes).map(|_| SecureOutcome::WrongCode));
        match repr.state {
            SecureState::Open | SecureState::Blocked => {}
            SecureState::Authenticated => outcomes.push(SecureOutcome::Authenticated),
            // A second soft decline and a hard decline for the same reason end alike.
            SecureState::Refused(reason) => outcomes.push(SecureOutcome::HardDecline(reason)),
        }
        for outcome in outcomes {
            replay.record(outcome).map_err(|_| UNREACHABLE)?;
        }
        if replay == stored {
            Ok(stored)
        } else {
            Err(UNREACHABLE)
        }
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;

    // PAY-2: each outcome reads as a short English phrase.
    #[test]
    fn pay_2_outcomes_display_in_words() {
        assert_eq!(SecureOutcome::WrongCode.to_string(), "wrong code");
        assert_eq!(SecureOutcome::Authenticated.to_string(), "authenticated");
        assert!(
            SecureOutcome::HardDecline(RefusalReason::CeilingReached)
                .to_string()
                .starts_with("hard decline: ")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(device: Device) -> SecureTracker {
        let mut t = SecureTracker::new(device);
        for _ in 0..3 {
            let _step = t.record(SecureOutcome::WrongCode);
        }
        t
    }

    // PAY-2
    #[test]
    fn third_wrong_code_blocks_the_card_and_offers_other_methods() {
        let t = blocked(Device::ApplePayCompatible);
        assert_eq!(t.state(), SecureState::Blocked);
        assert_eq!(
            t.attempt(),
            Err(PaymentError::CardBlocked {
                other_methods: PaymentMethod::ALL.to_vec()
            })
        );
    }

    // PAY-2, PAY-1: no Apple Pay to offer on an other device.
    #[test]
    fn blocked_card_on_other_device_offers_card_and_paypal() {
        let t = blocked(Device::Other);
        let Err(PaymentError::CardBlocked { other_methods }) = t.attempt() else {
            unreachable!("a blocked tracker refuses every attempt");
        };
        assert_eq!(
            other_methods,
            vec![PaymentMethod::Card, PaymentMethod::PayPal]
        );
    }

    // PAY-2
    #[test]
    fn recording_on_a_blocked_card_is_refused_and_changes_nothing() {
        let mut t = blocked(Device::Other);
        let before = t.clone();
        assert!(matches!(
            t.record(SecureOutcome::Authenticated),
            Err(PaymentError::CardBlocked { .. })
        ));
        assert_eq!(t, before);
    }

    // PAY-2
    #[test]
    fn soft_decline_is_retried_once_with_a_challenge() {
        let mut t = SecureTracker::new(Device::Other);
        assert_eq!(t.attempt().map(|a| a.challenge), Ok(false));
        assert_eq!(
            t.record(SecureOutcome::SoftDecline),
            Ok(NextStep::RetryWithChallenge)
        );
        assert_eq!(t.attempt().map(|a| a.challenge), Ok(true));
        assert!(matches!(
            t.record(SecureOutcome::SoftDecline),
            Ok(NextStep::Refused {
                reason: RefusalReason::AuthenticationNotCompleted,
                ..
            })
        ));
        assert!(t.attempt().is_err());
    }

    // PAY-2
    #[test]
    fn hard_decline_is_never_retried() {
        let mut t = SecureTracker::new(Device::Other);
        let step = t.record(SecureOutcome::HardDecline(RefusalReason::CeilingReached));
        assert!(matches!(
            step,
            Ok(NextStep::Refused {
                reason: RefusalReason::CeilingReached,
                ..
            })
        ));
        assert!(matches!(
            t.attempt(),
            Err(PaymentError::Refused {
                reason: RefusalReason::CeilingReached,
                ..
            })
        ));
    }

    // PAY-2: an attempt the bank never answered is not a wrong code.
    #[test]
    fn bank_unavailable_counts_nothing() {
        let mut t = SecureTracker::new(Device::Other);
        assert_eq!(
            t.record(SecureOutcome::WrongCode),
            Ok(NextStep::EnterCodeAgain { codes_left: 2 })
        );
        assert_eq!(
            t.record(SecureOutcome::BankUnavailable),
            Ok(NextStep::RetryLater)
        );
        assert_eq!(
            t.attempt(),
            Ok(Attempt {
                challenge: false,
                codes_left: 2
            })
        );
    }

    // PAY-2: once authenticated, no further code is asked.
    #[test]
    fn authenticated_is_terminal() {
        let mut t = SecureTracker::new(Device::Other);
        assert_eq!(
            t.record(SecureOutcome::Authenticated),
            Ok(NextStep::Accepted)
        );
        assert_eq!(t.attempt(), Err(PaymentError::AlreadyAuthenticated));
    }

    // PAY-2: before the third code, the customer is warned the card will be blocked.
    #[test]
    fn last_try_warning_is_explicit() {
        let step = NextStep::EnterCodeAgain { codes_left: 1 };
        assert!(step.message_fr().contains("il vous reste un essai"));
        let step = NextStep::EnterCodeAgain { codes_left: 2 };
        assert!(step.message_fr().contains("Il vous reste 2 essais"));
    }
}
