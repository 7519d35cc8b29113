//! What an after-sales service stores, from JSON: `GuaranteePolicy`, `Claim`, `Finding`,
//! `Months` and the small enums (RET-5). What is accepted reads back from what it writes
//! and is what its constructor makes: a policy its `validate` passes (every period the law
//! fixes, L217-3 to L241-6), a claim and a finding with a description, trimmed.
#![no_main]

use comptoir_aftersales::{
    Burden, CaseEventKind, CaseStatus, Claim, Condition, Finding, FindingKind, Ground,
    GuaranteePolicy, LEGAL_GUARANTEE, Months, Postage, Remedy,
};
use comptoir_fuzz::json;
use libfuzzer_sys::fuzz_target;

fn check_text(text: &str) {
    assert!(!text.trim().is_empty() && text == text.trim(), "{text:?}");
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 5 {
        0 => {
            if let Some(policy) = json::<GuaranteePolicy>(rest) {
                assert_eq!(policy.validate(), Ok(()));
                assert!(policy.guarantee >= LEGAL_GUARANTEE);
            }
        }
        1 => {
            if let Some(claim) = json::<Claim>(rest) {
                check_text(claim.defect());
                let again = Claim::new(
                    claim.line().clone(),
                    claim.remedy(),
                    claim.defect(),
                    &claim.requested_at(),
                )
                .map(|c| c.with_units(claim.units()));
                let again = match claim.appeared_on() {
                    Some(day) => again.map(|c| c.with_appeared_on(day)),
                    None => again,
                };
                assert_eq!(again, Ok(claim));
            }
        }
        2 => {
            if let Some(finding) = json::<Finding>(rest) {
                check_text(finding.report());
                assert_eq!(Finding::new(finding.kind(), finding.report()), Ok(finding));
            }
        }
        3 => {
            if let Some(months) = json::<Months>(rest) {
                assert_eq!(Months::new(months.get()), months);
            }
        }
        _ => {
            let _ = json::<Remedy>(rest);
            let _ = json::<FindingKind>(rest);
            let _ = json::<Postage>(rest);
            let _ = json::<Condition>(rest);
            let _ = json::<Burden>(rest);
            let _ = json::<CaseStatus>(rest);
            let _ = json::<CaseEventKind>(rest);
            let _ = json::<Ground>(rest);
        }
    }
});
