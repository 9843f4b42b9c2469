//! The analytics handler on the fixtures: one metrics call per batch, exact revenue, each order
//! counted once, and a metrics outage retried from the first new order.

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

fn values(deps: &Recorder) -> Vec<(String, String, String)> {
    deps.effects()
        .metrics
        .iter()
        .map(|m| (m.name.clone(), m.value.to_string(), m.unit.clone()))
        .collect()
}

#[tokio::test]
async fn a_batch_publishes_order_count_and_exact_revenue_once() {
    let deps = Recorder::default();
    let report = analytics::handle(&event("mixed-batch.json"), &deps, 1).await;
    assert!(report.records.iter().all(|r| r.outcome == Outcome::Ok));
    // 34.90 + (2 × 59.50 + 12.50) + 149.00
    assert_eq!(
        values(&deps),
        [
            ("OrderCount".into(), "3".into(), "Count".into()),
            ("Revenue".into(), "315.40".into(), "None".into())
        ]
    );
    assert!(
        deps.effects()
            .metrics
            .iter()
            .all(|m| m.namespace == "OrderService")
    );
}

#[tokio::test]
async fn the_same_event_twice_counts_once() {
    let deps = Recorder::default();
    analytics::handle(&event("order-created.json"), &deps, 1).await;
    let again = analytics::handle(&event("order-created.json"), &deps, 1).await;
    assert_eq!(again.records[0].outcome, Outcome::Duplicate);
    assert_eq!(
        values(&deps),
        [
            ("OrderCount".into(), "1".into(), "Count".into()),
            ("Revenue".into(), "25.30".into(), "None".into())
        ]
    );
}

#[tokio::test]
async fn a_high_value_order_keeps_every_cent() {
    let deps = Recorder::default();
    analytics::handle(&event("high-value-order.json"), &deps, 1).await;
    assert_eq!(values(&deps)[1].1, "12360.00");
}

#[tokio::test]
async fn a_metrics_outage_retries_from_the_first_new_order() {
    let deps = Recorder::default();
    deps.fail_next("metrics", 1);
    let batch = event("mixed-batch.json");
    let report = analytics::handle(&batch, &deps, 1).await;
    assert_eq!(
        report.response.batch_item_failures.len(),
        10,
        "the first record is an INSERT"
    );
    assert!(deps.effects().metrics.is_empty());
    // Delivered again, nothing was counted twice.
    let retry = analytics::handle(&batch, &deps, 2).await;
    assert!(retry.response.batch_item_failures.is_empty());
    assert_eq!(values(&deps)[0].1, "3");
}

#[tokio::test]
async fn an_insert_without_its_image_goes_to_the_dlq() {
    let deps = Recorder::default();
    let report = analytics::handle(&event("no-new-image.json"), &deps, 1).await;
    assert_eq!(report.records[0].outcome, Outcome::PermanentFailure);
    assert_eq!(deps.effects().dlq.len(), 1);
}

/// Issue 13, Found 1: two orders priced 50000000000000000000000000000 in one batch (another
/// producer wrote them) overflowed the Revenue sum and panicked on every delivery. Each is now
/// dead-lettered with its reason; the rest of the batch is counted.
#[tokio::test]
async fn issue_13_impossible_totals_are_dead_lettered_not_a_panic() {
    use orders_core::AttributeValue;
    let mut batch = event("mixed-batch.json");
    let huge = AttributeValue::N("50000000000000000000000000000".into());
    let mut poisoned = 0;
    for record in &mut batch.records {
        if let Some(image) = record.dynamodb.new_image.as_mut()
            && record.event_name == orders_core::EventName::Insert
            && poisoned < 2
        {
            image.insert("totalPrice".into(), huge.clone());
            poisoned += 1;
        }
    }
    assert_eq!(poisoned, 2);
    let deps = Recorder::default();
    let report = analytics::handle(&batch, &deps, 1).await;
    let failed: Vec<&str> = report
        .records
        .iter()
        .filter(|r| r.outcome == Outcome::PermanentFailure)
        .filter_map(|r| r.error.as_deref())
        .collect();
    assert_eq!(failed.len(), 2, "{report:?}");
    assert!(
        failed
            .iter()
            .all(|e| e.contains("totalPrice: must be from 0 to 999999999999999.99")),
        "{failed:?}"
    );
    assert_eq!(deps.effects().dlq.len(), 2);
    assert!(report.response.batch_item_failures.is_empty());
    assert_eq!(
        values(&deps)[0],
        ("OrderCount".into(), "1".into(), "Count".into())
    );
}
