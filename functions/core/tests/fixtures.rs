//! Every fixture in `fixtures/` has the exact AWS shape: events parse into the Lambda record
//! types and serialise back to the same JSON; DLQ bodies are classified as they should be.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use orders_core::dlq::DlqBody;
use orders_core::event::OrderChange;
use orders_core::{Event, EventName};
use serde_json::Value;

fn fixture(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

const EVENTS: [&str; 11] = [
    "order-created.json",
    "status-changed.json",
    "order-cancelled.json",
    "order-deleted.json",
    "order-deleted-ttl.json",
    "high-value-order.json",
    "multi-item-order.json",
    "mixed-batch.json",
    "insufficient-stock.json",
    "bad-email.json",
    "no-new-image.json",
];

#[test]
fn every_event_fixture_round_trips_exactly() {
    for name in EVENTS {
        let text = fixture(&format!("events/{name}"));
        let event: Event = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = serde_json::to_value(&event).unwrap();
        let want: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, want, "{name}");
        for r in &event.records {
            assert_eq!(r.event_id.len(), 32, "{name}");
            assert!(r.dynamodb.sequence_number.as_str().len() >= 21, "{name}");
            assert!(
                r.event_source_arn
                    .as_deref()
                    .unwrap()
                    .contains(":table/Orders/stream/"),
                "{name}"
            );
        }
    }
}

#[test]
fn fixtures_decode_as_the_changes_they_describe() {
    let event = |name: &str| -> Event {
        serde_json::from_str(&fixture(&format!("events/{name}"))).unwrap()
    };
    let change = |name: &str| OrderChange::from_record(&event(name).records[0]);
    assert!(
        matches!(change("order-created.json"), Ok(OrderChange::Created(o)) if o.total_price.to_string() == "25.30")
    );
    assert!(matches!(
        change("order-deleted-ttl.json"),
        Ok(OrderChange::Removed { by_ttl: true, .. })
    ));
    assert!(matches!(
        change("order-deleted.json"),
        Ok(OrderChange::Removed { by_ttl: false, .. })
    ));
    assert!(
        matches!(change("order-cancelled.json"), Ok(OrderChange::Updated { new, .. }) if new.status == orders_core::Status::Cancelled)
    );
    assert!(
        change("no-new-image.json")
            .unwrap_err()
            .to_string()
            .contains("without NewImage")
    );
    let mixed = event("mixed-batch.json");
    assert_eq!(mixed.records.len(), 10);
    assert!(mixed.records.windows(2).all(|w| w[0].seq() < w[1].seq()));
    assert_eq!(
        mixed
            .records
            .iter()
            .filter(|r| r.event_name == EventName::Insert)
            .count(),
        3
    );
}

#[test]
fn malformed_json_fails_to_parse() {
    assert!(serde_json::from_str::<Event>(&fixture("events/malformed.json")).is_err());
}

#[test]
fn dlq_fixtures_are_classified() {
    assert!(
        matches!(DlqBody::parse(&fixture("dlq/envelope.json")), DlqBody::Envelope(e) if e.function == "inventory")
    );
    assert!(
        matches!(DlqBody::parse(&fixture("dlq/on-failure.json")), DlqBody::OnFailure(r) if r.batch_info.batch_size == 5)
    );
    let age = DlqBody::parse(&fixture("dlq/on-failure-record-age.json"));
    assert!(
        matches!(age, DlqBody::OnFailure(r) if r.response_context.is_none() && r.request_context.condition == "RecordAgeExceeded")
    );
    assert!(matches!(
        DlqBody::parse(&fixture("dlq/unreadable.txt")),
        DlqBody::Unreadable(_)
    ));
}
