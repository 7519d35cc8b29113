//! The values a back office records after validation, from text and JSON: `ParcelId`
//! (`ParcelId::new`, read back as text and JSON), `Incident` (`Incident::new`, its lines
//! sorted and unique), `FormalNotice` (`FormalNotice::new`), `TrackingEvent`,
//! `DeliveryFacts` and the plain enums and ids, each read back from what it writes.
#![no_main]

use comptoir_calendar::clock;
use comptoir_dispatch::{
    CancelReason, ClaimId, ClaimKind, DeliveryFacts, DropPoint, FormalNotice, Incident, IncidentId,
    IncidentKind, ParcelId, Resolution, TrackingEvent, TrackingKind,
};
use comptoir_fuzz::{json, json_string, parsed, text};
use libfuzzer_sys::fuzz_target;

fn check_notice(notice: &FormalNotice) {
    assert_eq!(
        FormalNotice::new(&notice.sent_at(), notice.extra_delay_ends()),
        Ok(*notice)
    );
    let sent_on = clock::paris_date(&notice.sent_at()).expect("a notice has a Paris date");
    assert!(notice.extra_delay_ends() > sent_on);
}

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        if let Some(id) = parsed::<ParcelId>(text) {
            assert_eq!(ParcelId::new(id.as_str()).as_ref(), Ok(&id));
            assert!(!id.as_str().is_empty() && id.as_str().len() <= ParcelId::MAX_LEN);
            assert_eq!(json::<ParcelId>(&json_string(text)), Some(id));
        }
    }
    if let Some(id) = json::<ParcelId>(data) {
        assert_eq!(ParcelId::new(id.as_str()).as_ref(), Ok(&id));
    }
    if let Some(incident) = json::<Incident>(data) {
        let rebuilt = Incident::new(incident.kind(), incident.reason(), &incident.reported_at())
            .expect("a stored incident is one `new` makes")
            .concerning(incident.lines().iter().cloned());
        assert_eq!(rebuilt, incident);
        assert!(incident.lines().windows(2).all(|w| w[0] < w[1]));
        let _ = incident.message_fr();
    }
    if let Some(notice) = json::<FormalNotice>(data) {
        check_notice(&notice);
    }
    if let Some(facts) = json::<DeliveryFacts>(data) {
        if let Some(notice) = facts.formal_notice() {
            check_notice(&notice);
        }
    }
    if let Some(event) = json::<TrackingEvent>(data) {
        assert_eq!(TrackingEvent::new(event.kind(), &event.at()), event);
    }
    let _ = json::<TrackingKind>(data).map(|k| k.to_string());
    let _ = json::<DropPoint>(data);
    let _ = json::<IncidentKind>(data).map(|k| k.to_string());
    let _ = json::<CancelReason>(data);
    let _ = json::<Resolution>(data);
    let _ = json::<ClaimKind>(data);
    let _ = json::<ClaimId>(data).map(|c| c.to_string());
    let _ = json::<IncidentId>(data).map(|i| i.to_string());
});
