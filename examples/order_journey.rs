//! The whole journey of one order through the shop's rules, from a question to customer
//! service to the refunds after two returns.
//!
//! ```text
//! cargo run --example order_journey
//! ```
//!
//! Every step names the rules (docs/rules.md) it shows. Nothing reads the clock: each instant
//! of the story is written below, on the Paris clock.

use std::error::Error;

// The common path in one import. chrono-tz's Paris, imported by name so that it takes the
// place of the prelude's Paris wall clock, shows that instants in any chrono time zone work.
use comptoir::calendar::Deadline;
use comptoir::chrono::FixedOffset;
use comptoir::chrono_tz::{Europe::Paris, Tz};
use comptoir::prelude::*;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> Result<DateTime<Tz>> {
    Ok(Paris
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .ok_or("not a single Paris instant")?)
}

fn day(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

fn moment(instant: &DateTime<FixedOffset>) -> String {
    instant.format("%a %-d %b %Y %H:%M").to_string()
}

fn deadline(d: Deadline) -> String {
    if d.is_rolled() {
        format!(
            "{} 23:59 (its day {} is closed)",
            day(d.last_day()),
            day(d.nominal_last_day())
        )
    } else {
        format!("{} 23:59", day(d.last_day()))
    }
}

fn heading(title: &str) {
    println!("\n== {title} ==");
}

/// The shop's offers, checked once into the catalogue every cart is priced against.
fn shop_offers() -> Result<Catalogue> {
    Ok(Catalogue::new([
        Offer::builder(
            "printemps".parse()?,
            "Printemps -10 %",
            Effect::PercentOff {
                percent: "10".parse()?,
                on: Target::Order,
            },
        )
        .code(Code::new("PRINTEMPS10")?)
        .priority(5)
        .build()?,
        Offer::builder(
            "flash".parse()?,
            "Vente flash -5 €",
            Effect::AmountOff {
                amount: "5".parse()?,
                on: Target::Order,
            },
        )
        .code(Code::new("FLASH5")?)
        .not_combinable()
        .priority(8)
        .build()?,
        Offer::builder(
            "port-offert".parse()?,
            "Livraison offerte dès 50 €",
            Effect::FreeShipping,
        )
        .minimum_amount("50".parse()?)
        .priority(9)
        .build()?,
    ])?)
}

/// CART-1..3, PROMO-1..5, SHIP-1: the cart, its codes and offers, and its validation.
fn cart_to_order(
    offers: &Catalogue,
    validated_at: &DateTime<Tz>,
    customer: CustomerId,
) -> Result<Order> {
    // The instant is an input: the crates never read a clock.
    let context = EvaluationContext::new(*validated_at);
    let terms = Terms::new(offers, &context);
    let mut cart = Cart::new();
    for (id, product, price, quantity) in [
        ("l1", "theiere-fonte", "34.90", 1),
        ("l2", "the-vert-100g", "8.50", 2),
        ("l3", "coffret-degustation", "59.90", 1),
    ] {
        let line = Line::new(
            id.parse()?,
            product.parse()?,
            price.parse()?,
            Quantity::new(quantity)?,
        )?;
        cart.add_line(line, &terms)?;
    }
    let colissimo = DeliveryService::Colissimo(ColissimoDestination::Home);
    cart.choose_delivery(Delivery::new(colissimo, "4.90".parse()?)?, &terms)?;
    println!("Cart: 1 teapot 34.90, 2 green teas 8.50, 1 tasting box 59.90; Colissimo home 4.90");

    let outcome = cart.enter_code(" printemps10 ", &terms)?;
    println!("Code \" printemps10 \": {}", outcome.message_fr());
    let outcome = cart.enter_code("FLASH5", &terms)?;
    if let CodeOutcome::Refused(reason) = &outcome {
        println!(
            "Code \"FLASH5\" refused ({reason}): {}",
            outcome.message_fr()
        );
    }

    // ACC-1: the order is recorded under the customer's account, for the order history.
    let order = cart.validate(customer, &terms)?;
    for applied in order.evaluation().applied() {
        println!(
            "Offer applied          {} (-{})",
            applied.name(),
            applied.discount().french()
        );
    }
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
        "Shipping {}; order total {}",
        order.shipping_net().french(),
        order.total().french()
    );

    // CART-1, CART-2: loaded back as "cart or order", the order refuses every change.
    let mut stored = CartOrOrder::Order(order.clone());
    if let Err(refused) = stored.enter_code("FLASH5", &terms) {
        println!("A code entered on the order: {}", refused.message_fr());
    }
    Ok(order)
}

fn main() -> Result<()> {
    let calendar = Calendar::metropolitan();
    let dispatch = DispatchPolicy::default();

    // SUP-1, SUP-2: on Friday 22 May 2026 at 17:20, Camille writes to customer service.
    heading("A question before ordering (SUP-1, SUP-2)");
    let support = Support::faq();
    let written = paris(2026, 5, 22, 17, 20)?;
    let due = support.answer_due(&written)?;
    println!(
        "Message sent           {}",
        written.format("%a %-d %b %Y %H:%M")
    );
    println!(
        "Written answer due     {} (24 business hours; Mon 25 May is Whit Monday)",
        moment(&due)
    );
    match support.line_status(&written)? {
        LineStatus::Open { closes_at } => {
            println!("Phone line             open until {}", moment(&closes_at))
        }
        LineStatus::Closed { opens_at } => {
            println!("Phone line             closed, opens {}", moment(&opens_at))
        }
    }

    // ACC-1, ACC-2: an account is required; the form reports every invalid field at once.
    heading("Registration (ACC-1, ACC-2)");
    let today = NaiveDate::from_ymd_opt(2026, 5, 23).ok_or("date")?;
    let mut form = RegistrationForm {
        email: "camille.martin@exemple".into(),
        password: "motdepasse".into(),
        first_name: "Camille".into(),
        last_name: "Martin".into(),
        birth_date: "14/07/1992".into(),
        postcode: "69003".into(),
        phone: "06 12 34 56 78".into(),
    };
    if let Err(refused) = form.validate(&FormPolicy::default(), today) {
        for message in refused.messages_fr() {
            println!("In red under the field: {message}");
        }
    }
    form.email = "camille.martin@exemple.fr".into();
    form.password = "Camille-Lyon-2026".into();
    let registration = form.validate(&FormPolicy::default(), today)?;
    let account = Account::open(CustomerId::new(1), registration.profile);
    println!("Account opened for customer {}", account.customer().id());

    // CART, PROMO, SHIP: the cart is validated on Saturday 23 May at 18:00.
    heading("Cart, promotions and validation (CART-1..3, PROMO-1..5, SHIP-1)");
    let ordered_at = paris(2026, 5, 23, 18, 0)?;
    let offers = shop_offers()?;
    let placed = cart_to_order(&offers, &ordered_at, account.id())?;

    // DISP-1..3: when the validated order leaves the warehouse.
    heading("Dispatch of this order (DISP-1..3)");
    let schedule = DispatchSchedule::compute(&ordered_at, &dispatch, &calendar)?;
    println!(
        "Validated              {}",
        ordered_at.format("%a %-d %b %Y %H:%M")
    );
    println!(
        "Taken into account     {}",
        day(schedule.taken_into_account())
    );
    let window = schedule.expected_dispatch();
    println!(
        "Expected dispatch      {} to {}",
        day(window.earliest()),
        day(window.latest())
    );
    println!("Dispatched at latest   {}", day(schedule.dispatch_by()));

    heading("When other orders would be taken into account (DISP-1..3)");
    for (what, at) in [
        (
            "Tuesday, one second before 11:00",
            Paris.with_ymd_and_hms(2026, 3, 3, 10, 59, 59).single(),
        ),
        (
            "Tuesday, 11:00:00 exactly",
            Paris.with_ymd_and_hms(2026, 3, 3, 11, 0, 0).single(),
        ),
        (
            "Friday afternoon",
            Paris.with_ymd_and_hms(2026, 3, 6, 15, 30, 0).single(),
        ),
        (
            "Saturday evening before Whit Monday",
            Paris.with_ymd_and_hms(2026, 5, 23, 18, 0, 0).single(),
        ),
        (
            "Eve of Ascension, afternoon",
            Paris.with_ymd_and_hms(2026, 5, 13, 14, 0, 0).single(),
        ),
        (
            "Monday after the spring DST change, 10:30",
            Paris.with_ymd_and_hms(2026, 3, 30, 10, 30, 0).single(),
        ),
        (
            "Night of the autumn DST change, 02:30 (second time)",
            Paris.with_ymd_and_hms(2026, 10, 25, 2, 30, 0).latest(),
        ),
    ] {
        let at = at.ok_or("instant")?;
        let s = DispatchSchedule::compute(&at, &dispatch, &calendar)?;
        let window = s.expected_dispatch();
        println!(
            "{what:<52} {} -> taken {}, out {} to {}, at latest {}",
            at.format("%a %-d %b %H:%M:%S %:z"),
            day(s.taken_into_account()),
            day(window.earliest()),
            day(window.latest()),
            day(s.dispatch_by())
        );
    }

    // PAY-1..7: paid by card in three instalments, debited when the parcel leaves.
    heading("Payment in 3 instalments (PAY-1..7)");
    let card = Card::new(
        CardToken::new("tok_journey_cb_0001")?,
        CardBrand::Cb,
        ExpiryMonth::new(2027, 9)?,
        today,
    )?;
    let mut tracker = SecureTracker::new(Device::ApplePayCompatible);
    for outcome in [SecureOutcome::WrongCode, SecureOutcome::Authenticated] {
        println!(
            "3-D Secure, {outcome}: {}",
            tracker.record(outcome)?.message_fr()
        );
    }
    let debit = ExpectedDebit::compute(&ordered_at, &dispatch, &calendar)?;
    println!(
        "Card debited when shipped: expected {} to {}, at the latest {}",
        day(debit.expected().earliest()),
        day(debit.expected().latest()),
        day(debit.at_latest())
    );
    // PAY-4 counts the order total after discounts: the products' net amounts and shipping.
    let order = OrderAmount::from_order(&placed)?;
    // Before shipment, check 3x against the latest day the first instalment can fall on.
    let policy = InstalmentPolicy::default();
    let offer = match Eligibility::compute(&order, &card, 3, debit.at_latest(), &policy)? {
        Eligibility::Eligible => "offered".to_owned(),
        Eligibility::Refused(reason) => reason.message_fr(),
    };
    println!(
        "3x with this card (first debit at the latest {}): {offer}",
        day(debit.at_latest())
    );
    // The parcel leaves on the first day of the expected window: the first instalment.
    let shipped_on = schedule.expected_dispatch().earliest();
    println!("Shipped on {}; the schedule:", day(shipped_on));
    let instalments = InstalmentSchedule::compute(&order, &card, 3, shipped_on, &policy)?;
    for instalment in &instalments {
        println!(
            "  instalment {}: {:>10} on {}",
            instalment.number(),
            instalment.amount().french().to_string(),
            day(instalment.due_on())
        );
    }
    println!(
        "  total        {:>10}",
        instalments.total()?.french().to_string()
    );
    // PAY-5, L312-4: the plan's credit regime, by the day of the contract. This order was
    // validated on 23 May 2026, under the former exclusion of three months; the same plan for
    // an order validated today, 6 December 2026, after the credit reform, is a consumer
    // credit (the shop has not said who finances it), and its banner carries the mention.
    let plan = InstalmentPlan::for_order(&placed, &card, 3, shipped_on, &policy)?;
    println!("Credit regime ({}): {}", plan.contract(), plan.regime());
    let today_contract = ContractDay::new(NaiveDate::from_ymd_opt(2026, 12, 6).ok_or("date")?);
    let now = InstalmentPlan::compute(&order, today_contract, &card, 3, shipped_on, &policy)?;
    println!("The same plan concluded {today_contract}: {}", now.regime());
    println!("  {}", now.regime().explanation_fr());
    println!(
        "  banner: {}",
        CreditRegime::of_offer(today_contract, &policy).banner_fr(3, policy.minimum)
    );
    if let Some(borrower) = now.borrower_withdrawal(&Calendar::legal(Region::Metropolitan))? {
        println!(
            "  the borrower may withdraw from the credit until {}",
            deadline(borrower)
        );
    }

    // SHIP-2, RET-1: two parcels reach the customer on different days; the windows run from
    // the day after the customer had the last one in hand. The second was held at the post
    // office: it counts from its collection, not from its arrival there.
    heading("Delivery and withdrawal windows (SHIP-2, RET-1)");
    let returns = ReturnsPolicy::default();
    let parcels = [
        Receipt::at_address(&paris(2026, 5, 28, 12, 30)?),
        Receipt::collected(&paris(2026, 6, 3, 9, 50)?, &paris(2026, 6, 4, 17, 30)?)?,
    ];
    for (i, parcel) in parcels.iter().enumerate() {
        let when = |at: DateTime<Utc>| at.with_timezone(&Paris).format("%a %-d %b %Y %H:%M");
        if parcel.arrival() == parcel.possession() {
            println!(
                "Parcel {} delivered     {}",
                i + 1,
                when(parcel.possession())
            );
        } else {
            println!(
                "Parcel {} collected     {} (at the post office since {})",
                i + 1,
                when(parcel.possession()),
                when(parcel.arrival())
            );
        }
    }
    // The customer lives in metropolitan France: the law's 14 days roll on its legal calendar.
    let windows = WithdrawalWindows::compute(
        &ordered_at,
        &parcels,
        Region::Metropolitan,
        &returns.withdrawal,
        &calendar,
    )?;
    println!("Legal 14-day deadline  {}", deadline(windows.statutory()));
    println!("Shop's 30-day deadline {}", deadline(windows.contractual()));

    // RET-1, L221-21: the customer withdraws through the online function: a statement, then
    // its separate confirmation; the confirmed submission is the notice, and the shop sends
    // its acknowledgement. (A contract of May 2026 predates the duty of 19 June 2026: the
    // function is offered, not yet required.)
    heading("Withdrawal through the online function (RET-1, L221-21)");
    let stated = paris(2026, 6, 8, 21, 6)?;
    let online = OnlineWithdrawalPolicy::default();
    println!(
        "« {WITHDRAW_LABEL_FR} »: {}",
        FunctionDue::compute(&ordered_at, &stated, Some(&windows), &online)?
    );
    let number: OrderNumber = "CMD-2026-0523-1".parse()?;
    let statement = WithdrawalStatement::for_order(
        &number,
        &placed,
        &number,
        "Camille Martin",
        vec![("l2".parse()?, Quantity::ONE)],
        "camille.martin@example.fr",
        &stated,
    )?;
    let withdrawal = statement.confirm(&paris(2026, 6, 8, 21, 10)?)?;
    println!("« {CONFIRM_LABEL_FR} », then the acknowledgement sent:");
    for line in withdrawal.acknowledgement().text_fr()?.lines() {
        println!("  | {line}");
    }
    // L221-27: the withdrawal ends the plan that pays for the purchase.
    println!(
        "{}",
        plan.on_withdrawal(&withdrawal.notice_at())?.message_fr()
    );

    // REF-2: the refund has a window and a ceiling, counted from the confirmed submission.
    heading("Withdrawal and refund deadlines (REF-2, REF-3)");
    let notice = withdrawal.notice_at().with_timezone(&Paris);
    println!(
        "Withdrawal notice      {} -> {}",
        notice.format("%a %-d %b %Y %H:%M"),
        withdrawal.timeliness(&windows)?
    );
    let facts = RefundFacts::of_online_withdrawal(&withdrawal)
        .with_proof_of_shipment(&paris(2026, 6, 9, 10, 0)?)
        .with_goods_received(&paris(2026, 6, 11, 14, 0)?);
    let refund = RefundDeadlines::compute(&facts, &returns.refund, &calendar)?;
    println!("Refund ceiling         {}", deadline(refund.ceiling()));
    if let RefundDue::By { last_day, .. } = refund.due() {
        println!("Refund due by          {}", day(last_day));
    }
    if let Some(expected) = refund.expected() {
        println!(
            "Refund expected        {} to {}",
            day(expected.earliest()),
            day(expected.latest())
        );
    }

    // REF-1, RET-2: one of the two green teas comes back with this withdrawal. The ledger of
    // the order's refunds is what the back office keeps, next to the order.
    heading("A partial return and its refund (REF-1, REF-2, REF-3)");
    let rate = LegalInterestRate::new(Decimal::new(762, 2))?;
    let mut ledger = RefundLedger::new(&placed, RefundAmountPolicy::default())?;
    let one_tea = Return::new([ReturnedItem::item("l2".parse()?, Quantity::ONE)])?;
    let first = ledger.record(&placed, one_tea)?;
    print_refund(&first);
    let paid_on_time = paris(2026, 6, 16, 10, 0)?;
    let decision =
        RefundDecision::compute(&first, &facts, &paid_on_time, rate, &returns, &calendar)?;
    print_decision(&decision, &paid_on_time);
    let paid_late = paris(2026, 7, 10, 9, 0)?;
    let late = RefundDecision::compute(&first, &facts, &paid_late, rate, &returns, &calendar)?;
    println!(
        "If paid {} ({}), the shop would owe {} more, {} in all",
        paid_late.format("%a %-d %b"),
        late.days_late(),
        late.surcharge().amount().french(),
        late.total().french()
    );

    // REF-1, RET-2: within the shop's 30 days, the tasting box comes back too, opened, one
    // sachet missing: the inspection deducts its depreciation. The kept items now miss the
    // free-shipping minimum; delivery is not repriced.
    heading("A later return and its refund (REF-1, RET-2, REF-2)");
    let notice = paris(2026, 6, 22, 8, 30)?;
    println!(
        "Second notice          {} -> {}",
        notice.format("%a %-d %b %Y %H:%M"),
        windows.notice(&notice)?
    );
    let opened = Depreciation::new("6.00".parse()?, "coffret ouvert, un sachet manquant")?;
    let tasting_box =
        Return::new([ReturnedItem::item("l3".parse()?, Quantity::ONE)
            .inspected(Inspection::Depreciated(opened))])?;
    let second = ledger.record(&placed, tasting_box)?;
    print_refund(&second);
    let facts = RefundFacts::notified(&notice)
        .with_goods_received(&paris(2026, 6, 25, 11, 0)?)
        .with_goods_checked(&paris(2026, 6, 26, 16, 0)?);
    let paid = paris(2026, 7, 1, 10, 0)?;
    let decision = RefundDecision::compute(&second, &facts, &paid, rate, &returns, &calendar)?;
    print_decision(&decision, &paid);
    println!(
        "Refunded so far        {} of the {} paid",
        ledger.refunded()?.french(),
        placed.total().french()
    );
    Ok(())
}

/// The refund as a credit note lists it, and the explanation the customer reads.
fn print_refund(refund: &Refund) {
    for line in refund.lines() {
        println!(
            "  {} x {:<20} paid {:>10}, deducted {:>8}, refunded {:>10}",
            line.quantity(),
            line.product().to_string(),
            line.net_paid().french().to_string(),
            line.deduction().french().to_string(),
            line.amount().french().to_string()
        );
    }
    let label = format!("Refund {}", refund.number());
    println!("{label:<23}{}", refund.amount().french());
    println!("E-mail: {}", refund.message_fr());
}

/// When the refund is due and what the shop pays on a given day.
fn print_decision(decision: &RefundDecision, paid: &DateTime<Tz>) {
    if let Some(last_day) = decision.due().last_day() {
        println!("Refund due by          {}", day(last_day));
    }
    if let Some(expected) = decision.deadlines().expected() {
        println!(
            "Refund expected        {} to {}",
            day(expected.earliest()),
            day(expected.latest())
        );
    }
    let label = format!("Paid {}", paid.format("%a %-d %b"));
    if decision.is_late() {
        println!(
            "{label:<23}{}: {} surcharge, {} in all",
            decision.days_late(),
            decision.surcharge().amount().french(),
            decision.total().french()
        );
    } else {
        println!("{label:<23}on time: {} in all", decision.total().french());
    }
}
