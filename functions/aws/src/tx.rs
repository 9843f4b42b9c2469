//! DynamoDB building blocks for stock: the actions of one `TransactWriteItems` (aws-semantics
//! §7.2, §7.3), each returning the item that refused it (`ALL_OLD`) so a cancellation explains
//! itself without a read, running it and keeping its cancellation reasons, and the reservation
//! marker's encoding.

use std::collections::HashMap;

use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeValue as Av, CancellationReason, Put, ReturnValuesOnConditionCheckFailure,
    TransactWriteItem, Update,
};
use orders_core::caps::{CapError, CapResult, StockLine};
use orders_core::clock;
use orders_core::ledger::OrderLedger;
use orders_core::limits::MAX_STOCK;

use crate::AwsEffects;
use crate::errors::{Op, build_failed, classify};

/// How a transaction ended, when DynamoDB answered.
pub(crate) enum TxOutcome {
    /// Every action was applied.
    Committed,
    /// Nothing was applied; one reason per action, in request order (§7.3).
    Cancelled(Vec<CancellationReason>),
}

/// A `Put` of `item` that fails if an item with its key `key_attr` exists; the cancellation
/// reason then carries that item (`ALL_OLD`), so a write can recognise its own (§7.4).
pub(crate) fn put_if_absent(
    table: &str,
    key_attr: &str,
    item: HashMap<String, Av>,
) -> CapResult<TransactWriteItem> {
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression("attribute_not_exists(#key)")
        .expression_attribute_names("#key", key_attr)
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .build()
        .map_err(|e| build_failed(e, "a transaction put"))?;
    Ok(TransactWriteItem::builder().put(put).build())
}

/// Take `line.quantity` units of a product that exists and has at least that many (§7.2); on
/// failure the reason carries the old item (`ALL_OLD`), or none when the product is unknown.
pub(crate) fn take_stock(
    table: &str,
    line: &StockLine,
    now_ms: i64,
) -> CapResult<TransactWriteItem> {
    let update = Update::builder()
        .table_name(table)
        .key("productId", Av::S(line.product_id.clone()))
        .update_expression("SET #stock = #stock - :q, lastUpdated = :now")
        .condition_expression("attribute_exists(productId) AND #stock >= :q")
        .expression_attribute_names("#stock", "stock")
        .expression_attribute_values(":q", Av::N(line.quantity.to_string()))
        .expression_attribute_values(":now", Av::S(clock::rfc3339_ms(now_ms)))
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .build()
        .map_err(|e| build_failed(e, "a stock update"))?;
    Ok(TransactWriteItem::builder().update(update).build())
}

/// Give back `line.quantity` units. A product removed since the reservation is recreated with
/// just the returned units (as the recording adapter does), rather than losing the restock.
/// DynamoDB numbers do not wrap, but stock is kept within `orders_core::limits::MAX_STOCK`: the
/// condition fails (and the transaction is cancelled, §7.3) when the restock would pass it.
pub(crate) fn give_stock(
    table: &str,
    line: &StockLine,
    now_ms: i64,
) -> CapResult<TransactWriteItem> {
    let room = MAX_STOCK - i64::from(line.quantity);
    let update = Update::builder()
        .table_name(table)
        .key("productId", Av::S(line.product_id.clone()))
        .update_expression("SET #stock = if_not_exists(#stock, :zero) + :q, lastUpdated = :now")
        .condition_expression("attribute_not_exists(#stock) OR #stock <= :room")
        .expression_attribute_names("#stock", "stock")
        .expression_attribute_values(":q", Av::N(line.quantity.to_string()))
        .expression_attribute_values(":room", Av::N(room.to_string()))
        .expression_attribute_values(":zero", Av::N("0".into()))
        .expression_attribute_values(":now", Av::S(clock::rfc3339_ms(now_ms)))
        // The stock that refused it words the error, with no read before (`limits::restocked`).
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .build()
        .map_err(|e| build_failed(e, "a stock update"))?;
    Ok(TransactWriteItem::builder().update(update).build())
}

/// The reservation marker's key for an order.
pub(crate) fn marker_key(order_id: &str) -> String {
    format!("inventory#reservation#{order_id}")
}

/// An order id's stock ledger as stored (`orders_core::ledger`), and the version it was read
/// at: `None` when there was no item, `Some(None)` for a reservation written before the
/// ledger (a `lines` list, no version).
pub(crate) struct StoredLedger {
    pub(crate) ledger: OrderLedger,
    pub(crate) version: Option<Option<u64>>,
}

/// The ledger item: the ledger as JSON text (`ledger`) and a `version` bumped on every write.
/// It has no `expiresAt`: TTL must never remove it — a cancellation weeks later still finds
/// what to put back.
pub(crate) fn ledger_item(
    order_id: &str,
    key: &str,
    stored: &StoredLedger,
    ledger: &OrderLedger,
    now_ms: i64,
) -> CapResult<HashMap<String, Av>> {
    let text = serde_json::to_string(ledger)
        .map_err(|e| CapError::permanent(format!("cannot encode the ledger of {order_id}: {e}")))?;
    let version = stored.version.flatten().unwrap_or(0) + 1;
    Ok(HashMap::from([
        ("eventId".to_owned(), Av::S(marker_key(order_id))),
        ("orderId".to_owned(), Av::S(order_id.to_owned())),
        ("lastEventKey".to_owned(), Av::S(key.to_owned())),
        ("processedAt".to_owned(), Av::S(clock::rfc3339_ms(now_ms))),
        ("ledger".to_owned(), Av::S(text)),
        ("version".to_owned(), Av::N(version.to_string())),
    ]))
}

/// Put the ledger, only if it is still the version read (or assumed: `None`, no ledger) before:
/// a concurrent change of the same order id cancels the transaction instead of being
/// overwritten. The refusal carries the stored ledger item (`ALL_OLD`, §7.4), so the caller can
/// decide again against it without reading it.
pub(crate) fn put_ledger_if_unchanged(
    table: &str,
    item: HashMap<String, Av>,
    stored: &StoredLedger,
) -> CapResult<TransactWriteItem> {
    let mut put = Put::builder().table_name(table).set_item(Some(item));
    put = match stored.version {
        None => put
            .condition_expression("attribute_not_exists(#key)")
            .expression_attribute_names("#key", "eventId"),
        Some(None) => put
            .condition_expression("attribute_exists(#key) AND attribute_not_exists(#v)")
            .expression_attribute_names("#key", "eventId")
            .expression_attribute_names("#v", "version"),
        Some(Some(v)) => put
            .condition_expression("#v = :v")
            .expression_attribute_names("#v", "version")
            .expression_attribute_values(":v", Av::N(v.to_string())),
    };
    let put = put
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .build()
        .map_err(|e| build_failed(e, "a transaction put"))?;
    Ok(TransactWriteItem::builder().put(put).build())
}

/// The ledger an item records (`None`: no item).
pub(crate) fn stored_ledger(
    order_id: &str,
    item: Option<&HashMap<String, Av>>,
) -> CapResult<StoredLedger> {
    let Some(item) = item else {
        return Ok(StoredLedger {
            ledger: OrderLedger::default(),
            version: None,
        });
    };
    let bad = |what: &str| {
        CapError::permanent(format!(
            "the stock ledger of order {order_id} has a malformed {what}"
        ))
    };
    if let Some(text) = item.get("ledger") {
        let text = text.as_s().map_err(|_| bad("ledger"))?;
        let ledger = serde_json::from_str(text).map_err(|_| bad("ledger"))?;
        let version = item
            .get("version")
            .and_then(|v| v.as_n().ok())
            .and_then(|n| n.parse::<u64>().ok())
            .ok_or_else(|| bad("version"))?;
        return Ok(StoredLedger {
            ledger,
            version: Some(Some(version)),
        });
    }
    let lines = item
        .get("lines")
        .and_then(|v| v.as_l().ok())
        .ok_or_else(|| bad("lines"))?
        .iter()
        .map(|line| {
            let m = line.as_m().map_err(|_| bad("lines"))?;
            let product_id = m
                .get("productId")
                .and_then(|v| v.as_s().ok())
                .ok_or_else(|| bad("lines"))?;
            let quantity = m
                .get("quantity")
                .and_then(|v| v.as_n().ok())
                .and_then(|n| n.parse::<u32>().ok())
                .ok_or_else(|| bad("lines"))?;
            Ok(StockLine {
                product_id: product_id.clone(),
                quantity,
            })
        })
        .collect::<CapResult<_>>()?;
    Ok(StoredLedger {
        ledger: OrderLedger::legacy(lines),
        version: Some(None),
    })
}

/// An inventory item's `stock`, when it is an integer.
pub(crate) fn stock_of(item: &HashMap<String, Av>) -> Option<i64> {
    item.get("stock")
        .and_then(|v| v.as_n().ok())
        .and_then(|n| n.parse::<i64>().ok())
}

impl AwsEffects {
    /// Run one transaction over the Inventory and ProcessedEvents tables.
    pub(crate) async fn transact(&self, items: Vec<TransactWriteItem>) -> CapResult<TxOutcome> {
        let result = self
            .ddb
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await;
        match result {
            Ok(_) => Ok(TxOutcome::Committed),
            Err(err) => match err.as_service_error() {
                Some(TransactWriteItemsError::TransactionCanceledException(cancelled)) => Ok(
                    TxOutcome::Cancelled(cancelled.cancellation_reasons().to_vec()),
                ),
                _ => {
                    let tables = format!(
                        "{} and {}",
                        self.names.inventory_table, self.names.processed_events_table
                    );
                    Err(classify(
                        &err,
                        Op::new("dynamodb:TransactWriteItems", "tables", &tables),
                    ))
                }
            },
        }
    }
}
