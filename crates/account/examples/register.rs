//! A registration with every invalid field reported at once, then an account and its
//! address book (ACC-1..4).
//!
//! ```text
//! cargo run -p comptoir-account --example register
//! ```

use chrono::NaiveDate;
use comptoir_account::{Account, AddressForm, CustomerId, FormPolicy, RegistrationForm};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?;
    let mut form = RegistrationForm {
        email: "marie.dupont@exemple".into(),
        password: "motdepasse".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        birth_date: "31/02/1990".into(),
        postcode: "69003".into(),
        phone: "06 12 34 56 78".into(),
    };
    // ACC-2: every invalid field at once, each with the sentence shown in red under it.
    if let Err(refused) = form.validate(&FormPolicy::default(), today) {
        for (field, message) in refused.field_errors().iter().zip(refused.messages_fr()) {
            println!("{:<12} {message}", field.field().to_string());
        }
    }
    form.email = "marie.dupont@exemple.fr".into();
    form.password = "Motdepasse-2026".into();
    form.birth_date = "28/02/1990".into();
    let registration = form.validate(&FormPolicy::default(), today)?;

    // ACC-1: the account gives the registered customer an order needs.
    let mut account = Account::open("42".parse::<CustomerId>()?, registration.profile);
    println!("\nAccount {} opened", account.customer().id());

    // ACC-4: named addresses, unique ignoring case.
    let home = AddressForm {
        name: "Maison".into(),
        first_name: "Marie".into(),
        last_name: "Dupont".into(),
        line1: "12 rue de la République".into(),
        postcode: "69002".into(),
        city: "Lyon".into(),
        ..AddressForm::default()
    };
    account
        .addresses_mut()
        .add(home.validate(&FormPolicy::default())?)?;
    let again = AddressForm {
        name: " MAISON ".into(),
        ..home
    };
    if let Err(refused) = account
        .addresses_mut()
        .add(again.validate(&FormPolicy::default())?)
    {
        println!("A second \"MAISON\": {}", refused.message_fr());
    }
    Ok(())
}
