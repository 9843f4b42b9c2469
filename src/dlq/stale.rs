//! Is a dead letter's record history? A replay runs a record after newer records of its order
//! (aws-semantics §7.4): an INSERT of an order cancelled since, a status change overtaken by
//! another. `dlq replay` compares each order's last record in the message with the order as it
//! is now and says so before running anything, instead of reviving a past the pipeline has
//! moved on from.

use std::collections::{BTreeMap, HashMap};

use orders_core::event::OrderChange;
use orders_core::{EventRecord, Order};

/// Each order's last record among `records`. A record that is not an order change is the
/// function's to judge (a permanent failure), not history.
fn last_changes(records: &[EventRecord]) -> BTreeMap<String, (&EventRecord, OrderChange)> {
    let mut last = BTreeMap::new();
    for record in records {
        if let Ok(change) = OrderChange::from_record(record) {
            last.insert(change.order_id().to_owned(), (record, change));
        }
    }
    last
}

/// The order ids whose current state `stale_reason` compares: read them all at once (one
/// BatchGetItem for a whole batch of messages on DynamoDB).
pub fn order_ids(records: &[EventRecord]) -> Vec<String> {
    last_changes(records).into_keys().collect()
}

/// Why the records are stale, or `None` when each order's last record still matches the
/// order as stored (`now`: the orders of [`order_ids`] that exist). Earlier records of an
/// order in the same message are not compared: the replay runs them in order, up to that
/// last one.
pub fn stale_reason(records: &[EventRecord], now: &HashMap<String, Order>) -> Option<String> {
    for (id, (record, change)) in last_changes(records) {
        let name = record.event_name.as_str();
        let reason = match (change, now.get(&id)) {
            (OrderChange::Removed { .. }, Some(_)) => Some(format!(
                "order {id} was created again after this REMOVE record"
            )),
            (OrderChange::Removed { .. }, None) => None,
            (OrderChange::Created(_) | OrderChange::Updated { .. }, None) => Some(format!(
                "order {id} has been deleted since this {name} record"
            )),
            (OrderChange::Created(then) | OrderChange::Updated { new: then, .. }, Some(now))
                if *now != then =>
            {
                Some(format!(
                    "order {id} has moved on since this {name} record: it is {} now, the record says {}",
                    now.status.as_str(),
                    then.status.as_str()
                ))
            }
            _ => None,
        };
        if reason.is_some() {
            return reason;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{LocalTarget, OrderStore};
    use crate::settings::Settings;
    use orders_core::Status;

    /// An order created and confirmed, as the stream has it (INSERT, MODIFY).
    async fn confirmed() -> (tempfile::TempDir, LocalTarget, Vec<EventRecord>) {
        let dir = tempfile::tempdir().unwrap();
        let target = LocalTarget::open(&Settings::local(dir.path().to_owned())).unwrap();
        let order = crate::synth::Generator::new(Some(1)).next_order();
        target
            .put_orders(std::slice::from_ref(&order))
            .await
            .unwrap();
        target
            .set_status(&order.order_id, Status::Confirmed)
            .await
            .unwrap();
        let records = crate::stream::drain_all(&target)
            .await
            .unwrap()
            .into_iter()
            .map(|(_, r)| r.typed().unwrap())
            .collect();
        (dir, target, records)
    }

    #[tokio::test]
    async fn a_batch_is_judged_by_each_order_last_record() {
        let (_dir, target, records) = confirmed().await;
        assert_eq!(records.len(), 2);
        let now = target.get_orders(&order_ids(&records)).await.unwrap();
        // INSERT then MODIFY of one order in one message: the MODIFY is what the order is now.
        assert_eq!(stale_reason(&records, &now), None);
        // The INSERT alone is history: the order has been confirmed since.
        let why = stale_reason(&records[..1], &now).unwrap();
        assert!(why.contains("it is CONFIRMED now"), "{why}");
    }
}
