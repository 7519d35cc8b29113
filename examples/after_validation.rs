//! One order after its validation: a product found unavailable and refunded, the rest sent
//! in two parcels, one held at the post office and collected days later, the debit, the
//! delivery deadline and the withdrawal period that follow.
//!
//! ```text
//! cargo run --example after_validation
//! ```
//!
//! Every step names the rules (docs/rules.md) it shows. Nothing reads the clock: each instant
//! of the story is written below, on the Paris clock.

use std::error::Error;

use comptoir::account::{AddressForm, FormPolicy};
use comptoir::dispatch::{
    CancelledUnits, DeliveryFacts, DeliveryRemedies, DispatchForecast, Lengthening, PeakPeriod,
    PeakPeriods,
};
use comptoir::prelude::*;
use comptoir::promo::LineRef;
use comptoir::refund::CancellationFacts;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn at(m: u32, d: u32, h: u32, min: u32) -> Result<DateTime<chrono::FixedOffset>> {
    Ok(Paris::at(2026, m, d, h, min, 0)?)
}

fn moment(instant: &DateTime<Utc>) -> Result<String> {
    let local = comptoir::calendar::clock::to_paris(instant)?;
    Ok(local.format("%a %-d %b %Y %H:%M").to_string())
}

fn day(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

fn heading(title: &str) {
    println!("\n== {title} ==");
}

fn item(id: &str) -> Result<LineRef> {
    Ok(LineRef::Item(id.parse()?))
}

/// ACC-1, ACC-4, SHIP-1, CART-1..3: Camille orders for her holiday address.
fn place_order(validated_at: &DateTime<chrono::FixedOffset>) -> Result<(Account, Order)> {
    let today = validated_at.date_naive();
    let registration = RegistrationForm {
        email: "camille.martin@exemple.fr".into(),
        password: "Camille-Lyon-2026".into(),
        first_name: "Camille".into(),
        last_name: "Martin".into(),
        postcode: "69003".into(),
        ..RegistrationForm::default()
    }
    .validate(&FormPolicy::default(), today)?;
    let mut account = Account::open(CustomerId::new(1), registration.profile);
    account.addresses_mut().add(
        AddressForm {
            name: "Vacances".into(),
            first_name: "Camille".into(),
            last_name: "Martin".into(),
            line1: "3 chemin des Pins".into(),
            postcode: "17580".into(),
            city: "Le Bois-Plage-en-Ré".into(),
            ..AddressForm::default()
        }
        .validate(&FormPolicy::default())?,
    )?;

    let offers = Catalogue::new([Offer::builder(
        "ete".parse()?,
        "Été -10 % dès 100 €",
        Effect::PercentOff {
            percent: "10".parse()?,
            on: Target::Order,
        },
    )
    .minimum_amount("100".parse()?)
    .build()?])?;
    let context = EvaluationContext::new(*validated_at);
    let terms = Terms::new(&offers, &context);
    let mut cart = Cart::new();
    for (id, product, price, quantity) in [
        ("l1", "theiere-fonte", "34.90", 1),
        ("l2", "the-vert-100g", "8.50", 2),
        ("l3", "tasse-gres", "12.00", 2),
        ("l4", "coffret-degustation", "59.90", 1),
    ] {
        let line = Line::new(
            id.parse()?,
            product.parse()?,
            price.parse()?,
            Quantity::new(quantity)?,
        )?;
        cart.add_line(line, &terms)?;
    }
    // SHIP-1, ACC-4: Colissimo to the holiday address saved in the address book.
    let holiday = account
        .addresses()
        .get("vacances")
        .ok_or("no holiday address")?;
    let service = DeliveryService::Colissimo(ColissimoDestination::Holiday);
    cart.choose_delivery(Delivery::new(service, "6.90".parse()?)?, &terms)?;
    println!(
        "Delivery               {} ({}, {} {})",
        service.name_fr(),
        holiday.name(),
        holiday.postcode(),
        holiday.city()
    );
    // ACC-1: the order belongs to Camille's account, for her order history.
    let order = cart.validate(account.id(), &terms)?;
    for line in order.evaluated_lines() {
        println!(
            "  {} x {:<20} {:>10} -> net {:>10}",
            line.quantity(),
            line.product().to_string(),
            line.amount().french().to_string(),
            line.net().french().to_string()
        );
    }
    println!(
        "Order of customer {}: total {}",
        order.customer(),
        order.total().french()
    );
    Ok((account, order))
}

fn main() -> Result<()> {
    let calendar = Calendar::metropolitan();
    let dispatch = DispatchPolicy::default();
    let returns = ReturnsPolicy::default();

    heading("The order (ACC-1, ACC-4, SHIP-1, CART-1..3)");
    let validated_at = at(6, 1, 10, 0)?;
    let (_account, order) = place_order(&validated_at)?;

    // DISP-1..4: the shop declared its summer rush; this order, taken on 1 June, is before it.
    heading("When it leaves the warehouse (DISP-1..4)");
    let summer = PeakPeriod::new(
        "période estivale",
        DayWindow::new(
            NaiveDate::from_ymd_opt(2026, 7, 1).ok_or("date")?,
            NaiveDate::from_ymd_opt(2026, 8, 31).ok_or("date")?,
        )?,
        Lengthening::new(BusinessDays::new(2), BusinessDays::new(2))?,
    )?;
    let peaks = PeakPeriods::new([summer])?;
    let forecast = DispatchForecast::compute(&validated_at, &dispatch, &peaks, &calendar)?;
    println!("E-mail: {}", forecast.message_fr());
    let in_july = DispatchForecast::compute(&at(7, 6, 9, 0)?, &dispatch, &peaks, &calendar)?;
    println!("(The same order on 6 July: {})", in_july.message_fr());

    // DISP-4, REF-4: at preparation, the cups are not in stock.
    heading("A product unavailable at preparation (DISP-4, REF-4, PAY-3)");
    let mut fulfilment = Fulfilment::new(&order);
    let cups = item("l3")?;
    let notice = fulfilment.report_unavailable(&cups, Quantity::new(2)?, &at(6, 2, 9, 0)?)?;
    println!("E-mail: {}", notice.message_fr());
    let chosen_at = at(6, 2, 18, 30)?;
    let cancelled: CancelledUnits = fulfilment.refund_unavailable(&cups, &chosen_at)?;
    println!(
        "The customer chooses the refund, {}",
        moment(&cancelled.at())?
    );
    let mut ledger = RefundLedger::new(&order, RefundAmountPolicy::default())?;
    let refund = ledger.record(&order, Cancellation::from_units(&cancelled)?)?;
    println!(
        "Refund of the cups     {} (their net paid, no offer taken back)",
        refund.amount().french()
    );
    let decision = CancellationDecision::compute(
        &refund,
        &CancellationFacts::from_units(&order, &cancelled)?,
        &chosen_at,
        &calendar,
    )?;
    println!(
        "Due by                 {} (L216-7: 14 days after the choice)",
        day(decision.due().last_day())
    );
    // PAY-3: the order is debited when it ships; the cups never will be.
    let to_debit = OrderAmount::after_cancellations(
        &order,
        ledger.refunded_products(),
        ledger.refunded_delivery(),
    )?;
    println!(
        "Not debited yet: the card will be debited {} instead of {}",
        to_debit.total()?.french(),
        order.total().french()
    );

    // DISP-5, SHIP-2: the rest leaves in two parcels on Wednesday 3 June.
    heading("Two parcels, one held at the post office (DISP-5, SHIP-2)");
    let (p1, p2): (ParcelId, ParcelId) = ("6A10000000001".parse()?, "6A10000000002".parse()?);
    fulfilment.pack(
        p1.clone(),
        [(item("l1")?, Quantity::ONE), (item("l4")?, Quantity::ONE)],
        &at(6, 3, 9, 0)?,
    )?;
    fulfilment.pack(
        p2.clone(),
        [(item("l2")?, Quantity::new(2)?)],
        &at(6, 3, 9, 10)?,
    )?;
    for parcel in [&p1, &p2] {
        fulfilment.track(
            parcel,
            TrackingEvent::new(TrackingKind::Dispatched, &at(6, 3, 15, 0)?),
        )?;
    }
    if let Some(shipped) = fulfilment.shipped_in_full_at() {
        let debit_on =
            comptoir::payment::debit_day(comptoir::calendar::clock::paris_date(&shipped)?);
        println!(
            "Shipped in full        {}: debited {} on {} (PAY-3)",
            moment(&shipped)?,
            to_debit.total()?.french(),
            day(debit_on)
        );
    }
    println!("Status: {}", fulfilment.progress().message_fr());
    fulfilment.track(
        &p1,
        TrackingEvent::new(TrackingKind::DeliveredToLetterbox, &at(6, 4, 11, 20)?),
    )?;
    fulfilment.track(
        &p2,
        TrackingEvent::new(TrackingKind::HeldAtPostOffice, &at(6, 4, 12, 5)?),
    )?;
    println!("Status: {}", fulfilment.progress().message_fr());
    // Collecting before the parcel was held would have been refused; here Camille collects
    // it on Saturday with her identity document.
    fulfilment.track(
        &p2,
        TrackingEvent::new(TrackingKind::Collected, &at(6, 6, 10, 30)?),
    )?;
    for receipt in fulfilment.receipts() {
        println!(
            "Parcel {}  arrived {}, in the customer's hands {}",
            receipt.parcel(),
            moment(&receipt.arrived_at())?,
            match receipt.possession_at() {
                Some(possession) => moment(&possession)?,
                None => "not yet".to_owned(),
            }
        );
    }
    println!("Status: {}", fulfilment.progress().message_fr());

    // L216-1: delivered within the legal deadline.
    heading("The delivery deadline (L216-1, L216-6)");
    let deadline = DeliveryDeadline::for_order(&order, None)?;
    println!(
        "Deliver by             {} (30 days, no date agreed)",
        day(deadline.due())
    );
    let received_at = fulfilment.received_at().ok_or("not received")?;
    let facts = DeliveryFacts::default().with_delivery(&received_at);
    let remedies = DeliveryRemedies::compute(&deadline, &facts, &at(6, 8, 9, 0)?)?;
    println!("{}", remedies.message_fr());

    // RET-1, SHIP-2: the withdrawal period runs from the possession of the last parcel, the
    // collection at the post office, not its arrival there.
    heading("The withdrawal period (RET-1, SHIP-2)");
    let receipts = Receipt::of_fulfilment(&fulfilment)?;
    let windows = WithdrawalWindows::compute(
        &validated_at,
        &receipts,
        Region::Metropolitan,
        &returns.withdrawal,
        &calendar,
    )?;
    println!(
        "Legal 14-day deadline  {} (from the collection on Sat 6 Jun)",
        day(windows.statutory().last_day())
    );
    println!(
        "Shop's 30-day deadline {}",
        day(windows.contractual().last_day())
    );

    // RET-5: the after-sales case of this order (a teapot that leaks) goes here, with the
    // after-sales work.
    Ok(())
}
