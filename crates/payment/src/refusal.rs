use core::fmt;

/// Why a payment was refused, and the advice the FAQ gives for it (PAY-6).
///
/// "La première cause d'échec est le refus de votre organisme bancaire. Même si les fonds sont
/// suffisants, votre plafond de paiement peut être atteint ou votre compte bloqué
/// temporairement." Each reason carries the sentence the shop shows ([`RefusalReason::advice_fr`]);
/// `Display` is the developer's English.
///
/// # Example
///
/// ```
/// use comptoir_payment::RefusalReason;
///
/// let reason = RefusalReason::CeilingReached;
/// assert_eq!(reason.to_string(), "the card's payment ceiling is reached");
/// assert!(reason.advice_fr().contains("banquier·ère"));
/// assert!(reason.advice_fr().contains("service client"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum RefusalReason {
    /// The bank refused without saying why: the FAQ's "première cause d'échec".
    BankRefusal,
    /// The card's payment ceiling is reached.
    CeilingReached,
    /// The account is blocked for a while.
    AccountTemporarilyBlocked,
    /// Not enough money on the account.
    InsufficientFunds,
    /// Three wrong 3-D Secure codes: the card is blocked for online payments (PAY-2).
    CardBlockedFor3ds,
    /// The bank still asked for authentication after the challenge it required (PAY-2).
    AuthenticationNotCompleted,
    /// The card's expiry month is over.
    CardExpired,
    /// The bank or the payment provider could not be reached.
    TechnicalError,
}

// The FAQ's advice, written once. Macros rather than `const`s so that `concat!` can put
// them after each reason's own first sentence and every advice stays a `&'static str`.
macro_rules! ask_your_bank {
    () => {
        "Il est conseillé de vérifier auprès de votre banquier·ère la possibilité de passer commande sur le site."
    };
}

macro_rules! check_with_bank {
    () => {
        concat!(
            ask_your_bank!(),
            " Si les fonds sont suffisants et que vous avez les droits nécessaires mais que votre paiement est refusé, ",
            "veuillez contacter notre service client depuis Contactez-nous."
        )
    };
}

/// The FAQ's advice when the bank is the one refusing.
const CHECK_WITH_BANK: &str = check_with_bank!();

impl RefusalReason {
    /// The advice shown to the customer, in French, after the FAQ (PAY-6, PAY-2).
    pub fn advice_fr(self) -> &'static str {
        match self {
            RefusalReason::BankRefusal => concat!(
                "Votre paiement a été refusé par votre organisme bancaire. ",
                check_with_bank!()
            ),
            RefusalReason::CeilingReached => concat!(
                "Votre paiement a été refusé : votre plafond de paiement est peut-être atteint. ",
                check_with_bank!()
            ),
            RefusalReason::AccountTemporarilyBlocked => concat!(
                "Votre paiement a été refusé : votre compte est peut-être bloqué temporairement. ",
                check_with_bank!()
            ),
            RefusalReason::InsufficientFunds => concat!(
                "Votre paiement a été refusé : les fonds disponibles sont insuffisants. ",
                ask_your_bank!()
            ),
            RefusalReason::CardBlockedFor3ds => concat!(
                "Vous avez échoué trois fois à saisir le code d'authentification : votre carte bancaire est bloquée ",
                "pour toute utilisation sur un site Internet utilisant le système 3D Secure. Veuillez contacter votre banque."
            ),
            RefusalReason::AuthenticationNotCompleted => concat!(
                "Votre banque n'a pas pu authentifier ce paiement avec le protocole 3D Secure. ",
                "Vérifiez que le numéro de téléphone indiqué sur la page 3D Secure est bien le vôtre, ",
                "puis vérifiez auprès de votre banquier·ère la possibilité de passer commande sur le site."
            ),
            RefusalReason::CardExpired => {
                "Votre carte bancaire est expirée. Veuillez utiliser une autre carte ou un autre moyen de paiement."
            }
            RefusalReason::TechnicalError => concat!(
                "Votre banque est momentanément injoignable. Veuillez réessayer dans quelques instants ; ",
                "si le problème persiste, veuillez contacter notre service client depuis Contactez-nous."
            ),
        }
    }

    /// True when the FAQ sends the customer to the bank first (every bank-side refusal).
    pub fn is_bank_side(self) -> bool {
        !matches!(
            self,
            RefusalReason::TechnicalError | RefusalReason::CardExpired
        )
    }

    /// The FAQ's two-step advice, common to the bank's refusals: check with the bank, then
    /// contact customer service.
    pub fn generic_advice_fr() -> &'static str {
        CHECK_WITH_BANK
    }
}

impl fmt::Display for RefusalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefusalReason::BankRefusal => "the bank refused the payment",
            RefusalReason::CeilingReached => "the card's payment ceiling is reached",
            RefusalReason::AccountTemporarilyBlocked => "the account is temporarily blocked",
            RefusalReason::InsufficientFunds => "insufficient funds",
            RefusalReason::CardBlockedFor3ds => {
                "the card is blocked for 3-D Secure payments after three wrong codes"
            }
            RefusalReason::AuthenticationNotCompleted => {
                "the bank still required authentication after the challenge"
            }
            RefusalReason::CardExpired => "the card has expired",
            RefusalReason::TechnicalError => "the bank or the payment provider is unavailable",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [RefusalReason; 8] = [
        RefusalReason::BankRefusal,
        RefusalReason::CeilingReached,
        RefusalReason::AccountTemporarilyBlocked,
        RefusalReason::InsufficientFunds,
        RefusalReason::CardBlockedFor3ds,
        RefusalReason::AuthenticationNotCompleted,
        RefusalReason::CardExpired,
        RefusalReason::TechnicalError,
    ];

    // PAY-6
    #[test]
    fn bank_refusals_send_the_customer_to_the_bank() {
        for reason in ALL.into_iter().filter(|r| r.is_bank_side()) {
            let advice = reason.advice_fr();
            assert!(advice.contains("banqu"), "{reason}: {advice}");
        }
    }

    // PAY-6: "si les fonds sont suffisants ... contactez notre service client"
    #[test]
    fn ceiling_and_blocked_account_also_point_to_customer_service() {
        let second_step = "Si les fonds sont suffisants et que vous avez les droits nécessaires mais que votre paiement est refusé, veuillez contacter notre service client depuis Contactez-nous.";
        assert!(RefusalReason::generic_advice_fr().ends_with(second_step));
        for reason in [
            RefusalReason::BankRefusal,
            RefusalReason::CeilingReached,
            RefusalReason::AccountTemporarilyBlocked,
        ] {
            assert!(reason.advice_fr().ends_with(second_step), "{reason}");
            assert!(
                reason
                    .advice_fr()
                    .ends_with(RefusalReason::generic_advice_fr()),
                "{reason}"
            );
        }
    }

    // PAY-2
    #[test]
    fn blocked_card_advice_says_contact_your_bank() {
        assert!(
            RefusalReason::CardBlockedFor3ds
                .advice_fr()
                .ends_with("Veuillez contacter votre banque.")
        );
    }

    // PAY-6: the developer form of every refusal reason follows the house form.
    #[test]
    fn english_display_is_lowercase_without_trailing_dot() {
        for reason in ALL {
            let text = reason.to_string();
            assert!(!text.ends_with('.'));
            assert!(
                text.chars().next().is_some_and(char::is_lowercase),
                "{text}"
            );
        }
    }
}
