//! The notification handler on the fixtures, with in-memory capabilities: who gets which
//! email with which total, idempotency, permanent and transient failures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use orders_core::Event;
use orders_core::batch::Outcome;
use orders_core::recorder::Recorder;

fn event(name: &str) -> Event {
    let p = format!(
        "{}/../../fixtures/events/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn config() -> notification::Config {
    notification::Config {
        sender: "orders@example.com".into(),
    }
}

#[tokio::test]
async fn a_new_order_gets_a_confirmation_with_lines_and_exact_total() {
    let deps = Recorder::default();
    let report = notification::handle(&event("order-created.json"), &deps, &config(), 1).await;
    assert_eq!(report.records[0].outcome, Outcome::Ok);
    let emails = deps.effects().emails;
    assert_eq!(emails.len(), 1);
    let e = &emails[0];
    assert_eq!(
        (e.from.as_str(), e.to.as_str()),
        ("orders@example.com", "ann@example.com")
    );
    assert_eq!(e.subject, "Order o-1001 confirmed");
    assert!(
        e.body.contains("2 x SKU-MUG at 12.50 = 25.00"),
        "{}",
        e.body
    );
    assert!(e.body.contains("3 x SKU-PAD at 0.10 = 0.30"), "{}", e.body);
    assert!(e.body.contains("Total: 25.30"), "{}", e.body);
}

#[tokio::test]
async fn status_changes_email_and_other_changes_do_not() {
    let deps = Recorder::default();
    notification::handle(&event("status-changed.json"), &deps, &config(), 1).await;
    notification::handle(&event("order-deleted.json"), &deps, &config(), 1).await;
    notification::handle(&event("order-deleted-ttl.json"), &deps, &config(), 1).await;
    let emails = deps.effects().emails;
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].subject, "Order o-1001 is now CONFIRMED");
    let deps = Recorder::default();
    let report = notification::handle(&event("mixed-batch.json"), &deps, &config(), 1).await;
    // 3 new orders + 4 status changes; the address-only MODIFY and the REMOVEs send nothing.
    assert_eq!(deps.effects().emails.len(), 7);
    assert!(report.response.batch_item_failures.is_empty());
}

#[tokio::test]
async fn the_same_event_twice_sends_one_email() {
    let deps = Recorder::default();
    notification::handle(&event("order-created.json"), &deps, &config(), 1).await;
    let again = notification::handle(&event("order-created.json"), &deps, &config(), 2).await;
    assert_eq!(again.records[0].outcome, Outcome::Duplicate);
    assert_eq!(deps.effects().emails.len(), 1);
}

#[tokio::test]
async fn a_bad_or_missing_address_is_a_permanent_failure_in_the_dlq() {
    for fixture in ["bad-email.json", "no-new-image.json"] {
        let deps = Recorder::default();
        let report = notification::handle(&event(fixture), &deps, &config(), 1).await;
        assert_eq!(
            report.records[0].outcome,
            Outcome::PermanentFailure,
            "{fixture}"
        );
        assert!(
            report.response.batch_item_failures.is_empty(),
            "handled, not retried"
        );
        let effects = deps.effects();
        assert!(effects.emails.is_empty());
        let body: serde_json::Value = serde_json::from_str(&effects.dlq[0]).unwrap();
        assert_eq!(body["function"], "notification");
        assert!(body["record"]["eventID"].is_string());
    }
}

#[tokio::test]
async fn a_mail_outage_on_the_third_email_retries_from_that_record() {
    let deps = Recorder::default();
    deps.fail_after("mailer", 2, 1);
    let batch = event("mixed-batch.json");
    let report = notification::handle(&batch, &deps, &config(), 1).await;
    // Emails go out for records 0, 1; record 2 (the third email) fails: records 2.. are retried.
    let want: Vec<String> = batch.records[2..]
        .iter()
        .map(|r| r.dynamodb.sequence_number.to_string())
        .collect();
    let got: Vec<String> = report
        .response
        .batch_item_failures
        .iter()
        .map(|f| f.item_identifier.clone())
        .collect();
    assert_eq!(got, want);
    assert_eq!(deps.effects().emails.len(), 2);
}
