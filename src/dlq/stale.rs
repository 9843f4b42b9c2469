//! Is a dead letter's record history? A replay runs a record after newer records of its order
//! (aws-semantics §7.4): an INSERT of an order cancelled since, a status change overtaken by
//! another. `dlq replay` compares each record with the order as it is now and says so before
//! running anything, instead of reviving a past the pipeline has moved on from.

use orders_core::EventRecord;
use orders_core::event::OrderChange;

use crate::backend::{OrderStore, TResult};

/// Why the records are stale, or `None` when each still matches its order as stored.
pub async fn stale_reason(
    records: &[EventRecord],
    orders: &impl OrderStore,
) -> TResult<Option<String>> {
    for record in records {
        // A record that is not an order change is the function's to judge (a permanent
        // failure), not history.
        let Ok(change) = OrderChange::from_record(record) else {
            continue;
        };
        let reason = match change {
            OrderChange::Created(then) | OrderChange::Updated { new: then, .. } => {
                match orders.get_order(&then.order_id).await? {
                    None => Some(format!(
                        "order {} has been deleted since this {} record",
                        then.order_id,
                        record.event_name.as_str()
                    )),
                    Some(now) if now != then => Some(format!(
                        "order {} has moved on since this {} record: it is {} now, the record says {}",
                        then.order_id,
                        record.event_name.as_str(),
                        now.status.as_str(),
                        then.status.as_str()
                    )),
                    Some(_) => None,
                }
            }
            OrderChange::Removed { old, .. } => orders.get_order(&old.order_id).await?.map(|_| {
                format!(
                    "order {} was created again after this REMOVE record",
                    old.order_id
                )
            }),
        };
        if reason.is_some() {
            return Ok(reason);
        }
    }
    Ok(None)
}
