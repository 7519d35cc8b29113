//! Two after-sales cases under the legal guarantee of conformity (RET-5): a headset whose
//! replacement comes late and fails, then is terminated and refunded; a speaker the tests find
//! nothing wrong with.
//!
//! ```text
//! cargo run -p comptoir-aftersales --example after_sales
//! ```

use comptoir_aftersales::{
    AfterSalesCase, Claim, Condition, Coverage, Finding, FindingKind, GuaranteePolicy, Postage,
    Remedy,
};
use comptoir_calendar::Calendar;
use comptoir_calendar::clock::Paris;
use comptoir_cart::{Cart, CustomerId, Delivery, DeliveryService, Terms};
use comptoir_promo::{Catalogue, Code, Effect, EvaluationContext, Line, Offer, Quantity, Target};
use comptoir_refund::{RefundAmountPolicy, RefundLedger};

fn show(case: &AfterSalesCase, label: &str) {
    println!("  [{label}] {}: {}", case.status(), case.message_fr());
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let calendar = Calendar::metropolitan();
    let policy = GuaranteePolicy::default();

    // The order: a headset and a speaker, 15 % off with a code, validated on 8 June 2026.
    let fifteen = Effect::PercentOff {
        percent: "15 %".parse()?,
        on: Target::Order,
    };
    let catalogue = Catalogue::new([Offer::builder("ete".parse()?, "Été -15 %", fifteen)
        .code(Code::new("ETE15")?)
        .priority(1)
        .build()?])?;
    let context = EvaluationContext::new(Paris::at(2026, 6, 8, 20, 0, 0)?);
    let terms = Terms::new(&catalogue, &context);
    let mut cart = Cart::new();
    cart.add_line(
        Line::new(
            "casque".parse()?,
            "casque-bt".parse()?,
            "129.00".parse()?,
            Quantity::ONE,
        )?,
        &terms,
    )?;
    cart.add_line(
        Line::new(
            "enceinte".parse()?,
            "enceinte-mini".parse()?,
            "49.00".parse()?,
            Quantity::ONE,
        )?,
        &terms,
    )?;
    cart.enter_code("ete15", &terms)?;
    cart.choose_delivery(
        Delivery::new(DeliveryService::Pickup, "3.90".parse()?)?,
        &terms,
    )?;
    let order = cart.validate(CustomerId::new(1), &terms)?;
    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    println!("Order total: {:#}", order.total());

    // Collected at the relay point on 12 June 2026: the guarantee counts from the collection.
    let coverage = Coverage::compute(
        &Paris::at(2026, 6, 12, 18, 30, 0)?,
        Condition::New,
        &policy,
        &calendar,
    )?;
    println!(
        "Guarantee until {}, defects presumed at delivery until {}",
        coverage.guarantee(),
        coverage.presumption()
    );

    println!("\nHeadset: the left earpiece goes silent; the customer asks for a new one.");
    let claim = Claim::new(
        "casque".parse()?,
        Remedy::Replacement,
        "plus de son à gauche",
        &Paris::at(2027, 3, 2, 9, 15, 0)?,
    )?;
    let mut case = AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &calendar)?;
    show(&case, "2 March");
    case.record_prediagnosis(&Paris::at(2027, 3, 3, 11, 0, 0)?, "écouteur gauche muet")?;
    case.receive_product(
        &Paris::at(2027, 3, 9, 10, 0, 0)?,
        Postage::PaidByCustomer("6.50".parse()?),
    )?;
    case.confirm_defect(&Paris::at(2027, 3, 10, 14, 0, 0)?, &calendar)?;
    show(&case, "10 March");

    // The postage (L241-6): due by 24 March, paid on 10 April.
    if let Some(postage) = case.postage_refund() {
        let paid = Paris::at(2027, 4, 10, 10, 0, 0)?;
        if let Some(due) = postage.due() {
            println!(
                "  Postage {:#}: refund due {}, paid {} days late, increased by {:#}",
                postage.amount(),
                due.last_day(),
                postage.days_late(&paid)?.get(),
                postage.surcharge(&paid)?
            );
        }
    }

    // A repair before the diagnosis, or a termination before the 30 days: refused.
    let early = case.terminate(
        &Paris::at(2027, 3, 20, 9, 0, 0)?,
        &order,
        &mut ledger,
        &calendar,
    );
    println!(
        "  Termination on 20 March: {}",
        early.err().map(|e| e.to_string()).unwrap_or_default()
    );

    println!("  Options on 2 April, the 30 days over:");
    for option in case.options(&Paris::at(2027, 4, 2, 9, 0, 0)?)? {
        println!("    - {}", option.message_fr());
    }
    case.deliver_remedy(&Paris::at(2027, 4, 6, 16, 0, 0)?, &calendar)?;
    show(&case, "6 April");

    case.report_persisting_defect(&Paris::at(2027, 5, 10, 9, 0, 0)?)?;
    show(&case, "10 May");
    let refund = case.terminate(
        &Paris::at(2027, 5, 10, 9, 30, 0)?,
        &order,
        &mut ledger,
        &calendar,
    )?;
    println!("  Refund through the ledger: {:#}", refund.amount());
    show(&case, "10 May");
    case.prove_return_dispatch(&Paris::at(2027, 5, 12, 17, 0, 0)?, &calendar)?;
    show(&case, "12 May");
    case.pay_refund(&Paris::at(2027, 5, 20, 10, 0, 0)?)?;
    show(&case, "20 May");

    println!("\nSpeaker: it crackles, the customer asks for a repair; the tests find a drop.");
    let claim = Claim::new(
        "enceinte".parse()?,
        Remedy::Repair,
        "grésille à fort volume",
        &Paris::at(2027, 9, 1, 9, 0, 0)?,
    )?;
    let mut case = AfterSalesCase::open(&claim, &order, &ledger, &coverage, &policy, &calendar)?;
    println!("  Burden of proof: {:?}", case.burden());
    case.receive_product(&Paris::at(2027, 9, 6, 10, 0, 0)?, Postage::Prepaid)?;
    let finding = Finding::new(
        FindingKind::CausedAfterDelivery,
        "membrane déchirée, traces de choc sur la grille",
    )?;
    case.find_no_defect(&Paris::at(2027, 9, 8, 15, 0, 0)?, finding)?;
    show(&case, "8 September");
    Ok(())
}
