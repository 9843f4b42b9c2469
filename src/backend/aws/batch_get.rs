//! Orders read many at a time (BatchGetItem, 100 keys a call, consistent): a dead-letter
//! batch's stale check reads the orders of ten messages in one request, not ten.

use std::collections::HashMap;
use std::time::Duration;

use aws_sdk_dynamodb::types::{AttributeValue as Av, KeysAndAttributes};
use orders_core::Order;

use super::AwsTarget;
use super::orders::decode;
use crate::backend::{TResult, TargetError};

/// Attempts at BatchGetItem's unprocessed keys before giving up (transiently).
const ATTEMPTS: u32 = 5;

impl AwsTarget {
    /// The orders of `ids` that exist, by id; unprocessed keys are retried with backoff.
    pub(super) async fn batch_get_orders(&self, ids: &[String]) -> TResult<HashMap<String, Order>> {
        let table = self.table();
        let mut found = HashMap::new();
        let mut unique: Vec<&String> = ids.iter().collect();
        unique.sort();
        unique.dedup();
        for chunk in unique.chunks(100) {
            let keys = chunk
                .iter()
                .map(|id| HashMap::from([("orderId".to_owned(), Av::S((*id).clone()))]))
                .collect();
            let mut request = Some(
                KeysAndAttributes::builder()
                    .set_keys(Some(keys))
                    .consistent_read(true)
                    .build()
                    .map_err(|e| TargetError::other("cannot build a BatchGetItem request", e))?,
            );
            let mut attempt = 0;
            while let Some(keys) = request.take() {
                if attempt == ATTEMPTS {
                    return Err(TargetError::Unavailable(format!(
                        "dynamodb:BatchGetItem on table {table}: keys still unprocessed after {ATTEMPTS} attempts"
                    )));
                }
                if attempt > 0 {
                    tokio::time::sleep(Duration::from_millis(50 << attempt)).await;
                }
                attempt += 1;
                let out = self
                    .ddb
                    .batch_get_item()
                    .request_items(table, keys)
                    .send()
                    .await
                    .map_err(|e| self.err(e, "dynamodb:BatchGetItem", "table", table))?;
                for item in out
                    .responses
                    .and_then(|mut r| r.remove(table))
                    .unwrap_or_default()
                {
                    let order = decode(&item)?;
                    found.insert(order.order_id.clone(), order);
                }
                request = out
                    .unprocessed_keys
                    .and_then(|mut u| u.remove(table))
                    .filter(|k| !k.keys().is_empty());
            }
        }
        Ok(found)
    }
}
