//! Paying in instalments from JSON: `InstalmentSchedule`, `Instalment`, `InstalmentPolicy`
//! and `OrderAmount` read back and pass their constructors' checks (a schedule's amounts are
//! the even split of their sum, numbered from 1, its dates those of a lawful spacing); then
//! a whole computation from a policy, an amount, a count and a shipment day: a schedule it
//! gives sums to the amount to pay, its dates a fixed number of days or calendar months
//! apart from the first, and reads back.
#![no_main]

use chrono::{Days, Months, NaiveDate};
use comptoir_fuzz::{json, json_written_back};
use comptoir_money::Eur;
use comptoir_payment::{
    Card, CardBrand, CardToken, Eligibility, ExpiryMonth, Instalment, InstalmentPolicy,
    InstalmentSchedule, OrderAmount,
};
use libfuzzer_sys::fuzz_target;

fn check_schedule(schedule: &InstalmentSchedule) {
    let n = schedule.len();
    assert!(
        (2..=InstalmentSchedule::MAX_INSTALMENTS).contains(&n),
        "{n} instalments"
    );
    let total = schedule.total().expect("a schedule sums");
    assert!(total.is_positive());
    let even = total.split_evenly(n).expect("a schedule's count splits");
    let amounts: Vec<Eur> = schedule.iter().map(Instalment::amount).collect();
    assert_eq!(amounts, even);
    for (i, instalment) in schedule.iter().enumerate() {
        assert_eq!(usize::from(instalment.number()), i + 1);
    }
    let (Some(first), Some(last)) = (
        schedule.instalments().first(),
        schedule.instalments().last(),
    ) else {
        panic!("a schedule has instalments");
    };
    assert!(
        schedule
            .instalments()
            .windows(2)
            .all(|w| w[0].due_on() < w[1].due_on())
    );
    // Counted from the first: equal gaps of days, or calendar months (chrono as the oracle).
    let start = first.due_on();
    let gap = schedule.instalments()[1].due_on() - start;
    let by_days = schedule
        .iter()
        .enumerate()
        .all(|(i, x)| x.due_on() - start == gap * i32::try_from(i).unwrap());
    let by_months = schedule.iter().enumerate().all(|(i, x)| {
        start.checked_add_months(Months::new(u32::try_from(i).unwrap())) == Some(x.due_on())
    });
    assert!(by_days || by_months, "{schedule:?}");
    assert!(last.due_on() > start);
}

#[derive(serde::Deserialize, Debug)]
struct Computation {
    policy: InstalmentPolicy,
    order: OrderAmount,
    count: u8,
    shipped_on: NaiveDate,
}

fuzz_target!(|data: &[u8]| {
    if let Some(schedule) = json::<InstalmentSchedule>(data) {
        check_schedule(&schedule);
    }
    if let Some(instalment) = json::<Instalment>(data) {
        assert!(instalment.number() >= 1 && !instalment.amount().is_negative());
    }
    if let Some(policy) = json::<InstalmentPolicy>(data) {
        assert_eq!(policy.validate(), Ok(()));
    }
    if let Some(order) = json::<OrderAmount>(data) {
        assert_eq!(
            OrderAmount::new(order.products(), order.shipping()),
            Ok(order)
        );
    }
    let Ok(computation) = serde_json::from_slice::<Computation>(data) else {
        return;
    };
    let Computation {
        policy,
        order,
        count,
        shipped_on,
    } = computation;
    let Ok(token) = CardToken::new("tok_fuzz") else {
        return;
    };
    let expiry = ExpiryMonth::containing(
        shipped_on
            .checked_add_days(Days::new(400))
            .unwrap_or(shipped_on),
    )
    .or_else(|_| ExpiryMonth::new(ExpiryMonth::MAX_YEAR, 12));
    let Ok(card) = expiry.and_then(|e| Card::new(token, CardBrand::Cb, e, shipped_on)) else {
        return;
    };
    let eligibility = Eligibility::compute(&order, &card, count, shipped_on, &policy);
    match InstalmentSchedule::compute(&order, &card, count, shipped_on, &policy) {
        Ok(schedule) => {
            assert_eq!(eligibility, Ok(Eligibility::Eligible));
            check_schedule(&schedule);
            assert_eq!(schedule.len(), usize::from(count));
            assert_eq!(schedule.total(), order.total());
            assert_eq!(
                schedule.instalments().first().map(Instalment::due_on),
                Some(shipped_on)
            );
            json_written_back(&schedule);
        }
        Err(_) => assert_ne!(eligibility, Ok(Eligibility::Eligible)),
    }
});
