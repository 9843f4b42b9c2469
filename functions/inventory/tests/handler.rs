//! The inventory handler on the fixtures: reservations all-or-nothing, restocking exactly what
//! was reserved, stock moving once per stream record, and permanent failures in the DLQ.

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

fn shelves() -> Recorder {
    Recorder::with_stock(
        [
            ("SKU-MUG", 10),
            ("SKU-PAD", 100),
            ("SKU-CHAIR", 10),
            ("SKU-KEYBOARD", 5),
            ("SKU-MOUSE", 5),
            ("SKU-CABLE", 1),
            ("SKU-STAND", 5),
        ]
        .map(|(k, v)| (k.to_owned(), v)),
    )
}

#[tokio::test]
async fn a_new_order_reserves_every_line() {
    let deps = shelves();
    let report = inventory::handle(&event("order-created.json"), &deps, 1).await;
    assert_eq!(report.records[0].outcome, Outcome::Ok);
    assert_eq!(
        (deps.level("SKU-MUG"), deps.level("SKU-PAD")),
        (Some(8), Some(97))
    );
    let changes = deps.effects().stock;
    assert_eq!(changes.len(), 2);
    assert_eq!((changes[0].before, changes[0].after), (Some(10), Some(8)));
}

#[tokio::test]
async fn the_same_event_twice_moves_stock_once() {
    let deps = shelves();
    inventory::handle(&event("order-created.json"), &deps, 1).await;
    let again = inventory::handle(&event("order-created.json"), &deps, 2).await;
    assert_eq!(again.records[0].outcome, Outcome::Duplicate);
    assert_eq!(deps.level("SKU-MUG"), Some(8));
}

#[tokio::test]
async fn a_cancellation_restocks_exactly_what_was_reserved_once() {
    let deps = shelves();
    inventory::handle(&event("order-created.json"), &deps, 1).await;
    inventory::handle(&event("status-changed.json"), &deps, 1).await;
    assert_eq!(
        deps.level("SKU-MUG"),
        Some(8),
        "a status change moves nothing"
    );
    inventory::handle(&event("order-cancelled.json"), &deps, 1).await;
    inventory::handle(&event("order-cancelled.json"), &deps, 1).await;
    assert_eq!(
        (deps.level("SKU-MUG"), deps.level("SKU-PAD")),
        (Some(10), Some(100))
    );
    // A cancellation of an order that never reserved anything changes nothing.
    let fresh = shelves();
    let report = inventory::handle(&event("order-cancelled.json"), &fresh, 1).await;
    assert_eq!(report.records[0].outcome, Outcome::Ok);
    assert_eq!(fresh.level("SKU-MUG"), Some(10));
}

#[tokio::test]
async fn too_little_stock_is_permanent_and_touches_nothing() {
    let deps = shelves();
    let report = inventory::handle(&event("insufficient-stock.json"), &deps, 1).await;
    assert_eq!(report.records[0].outcome, Outcome::PermanentFailure);
    assert!(
        report.records[0]
            .error
            .as_deref()
            .unwrap()
            .contains("SKU-CHAIR")
    );
    assert!(report.response.batch_item_failures.is_empty());
    assert_eq!(deps.level("SKU-CHAIR"), Some(10));
    let dlq: serde_json::Value = serde_json::from_str(&deps.effects().dlq[0]).unwrap();
    assert_eq!(dlq["function"], "inventory");
    assert_eq!(
        dlq["error"],
        "insufficient stock for SKU-CHAIR: 10 left, 50 needed"
    );
}

#[tokio::test]
async fn all_lines_or_none() {
    // SKU-CABLE has 1 left and the order wants 2: nothing of the other lines is taken either.
    let deps = shelves();
    let report = inventory::handle(&event("multi-item-order.json"), &deps, 1).await;
    assert_eq!(report.records[0].outcome, Outcome::PermanentFailure);
    assert_eq!(
        (deps.level("SKU-KEYBOARD"), deps.level("SKU-MOUSE")),
        (Some(5), Some(5))
    );
    let unknown = Recorder::with_stock([("SKU-MUG".to_owned(), 10)]);
    let report = inventory::handle(&event("order-created.json"), &unknown, 1).await;
    assert!(
        report.records[0]
            .error
            .as_deref()
            .unwrap()
            .contains("unknown product SKU-PAD")
    );
    assert_eq!(unknown.level("SKU-MUG"), Some(10));
}

#[tokio::test]
async fn an_inventory_outage_mid_batch_retries_from_that_record() {
    let deps = Recorder::with_stock(
        [
            ("SKU-LAMP", 10),
            ("SKU-HEADSET", 10),
            ("SKU-MUG", 10),
            ("SKU-DOCK", 10),
        ]
        .map(|(k, v)| (k.to_owned(), v)),
    );
    deps.fail_after("inventory", 2, 1);
    let batch = event("mixed-batch.json");
    let report = inventory::handle(&batch, &deps, 1).await;
    // Stock calls: INSERT 0, INSERT 1, INSERT 3 (fails): records 3.. are retried.
    let ids: Vec<&str> = report
        .response
        .batch_item_failures
        .iter()
        .map(|f| f.item_identifier.as_str())
        .collect();
    let want: Vec<String> = batch.records[3..]
        .iter()
        .map(|r| r.dynamodb.sequence_number.to_string())
        .collect();
    assert_eq!(ids, want);
    assert_eq!(deps.level("SKU-DOCK"), Some(10));
    let retry = inventory::handle(&batch, &deps, 2).await;
    assert!(retry.response.batch_item_failures.is_empty());
    assert_eq!(
        deps.level("SKU-LAMP"),
        Some(9),
        "reserved once across both deliveries"
    );
    assert_eq!(
        deps.level("SKU-HEADSET"),
        Some(10),
        "cancelled in the batch: restocked"
    );
}
