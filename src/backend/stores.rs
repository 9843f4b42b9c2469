//! The order and stock capabilities, and the values they pass: both targets implement them.

use orders_core::{Order, Status};
use serde::Serialize;

use super::{TResult, TargetError};

/// How `orders list` selects.
#[derive(Debug, Clone, Default)]
pub struct OrderQuery {
    /// Only this customer's orders, newest first (the `CustomerIndex`).
    pub customer: Option<String>,
    /// Only orders in this status.
    pub status: Option<Status>,
    /// At most this many.
    pub limit: Option<usize>,
}

/// A status change as applied.
#[derive(Debug, Clone)]
pub struct StatusChange {
    /// Before.
    pub old: Order,
    /// After.
    pub new: Order,
}

/// One product's stock, as stored in `Inventory`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StockItem {
    /// The product.
    pub product_id: String,
    /// Units available; a decimal string in JSON (it can pass 2^53, docs/output.md).
    #[serde(serialize_with = "decimal_string")]
    pub stock: i64,
    /// When it last changed (RFC 3339).
    pub last_updated: String,
}

/// An integer that can pass 2^53 as a JSON string, so readers that parse JSON numbers as
/// doubles (jq, JavaScript) see it exactly.
fn decimal_string<S: serde::Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(n)
}

impl StockItem {
    /// A new stock level for `product_id`, stamped now; stock outside
    /// `0..=orders_core::limits::MAX_STOCK` is refused.
    pub fn stamped(product_id: &str, stock: i64) -> TResult<StockItem> {
        if !(0..=orders_core::limits::MAX_STOCK).contains(&stock) {
            return Err(TargetError::Invalid(format!(
                "{}, got {stock}",
                orders_core::limits::stock_rule()
            )));
        }
        Ok(StockItem {
            product_id: product_id.to_owned(),
            stock,
            last_updated: orders_core::clock::rfc3339_ms(orders_core::clock::now_ms()),
        })
    }
}

/// What `init` found or made for one resource.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceReport {
    /// `table`, `stream`, `index`, `queue`, `database`.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// `created`, `exists`, `would create` (dry run), `enabled` (a setting turned on that was
    /// off), `would enable`, or [`MISCONFIGURED`].
    pub state: &'static str,
    /// ARN, path or other detail; for a misconfigured resource, what is wrong and the fix.
    pub detail: String,
}

/// The state of a resource `init` found wrong and will not change itself, because that would
/// lose data: `init` exits 1.
pub const MISCONFIGURED: &str = "misconfigured";

/// Orders: the table with its stream.
pub trait OrderStore {
    /// Write new orders, each only if its id is new; all or nothing where the target allows.
    fn put_orders(&self, orders: &[Order]) -> impl Future<Output = TResult<()>>;
    /// One order by id.
    fn get_order(&self, id: &str) -> impl Future<Output = TResult<Option<Order>>>;
    /// The orders of `ids` that exist, by id: one BatchGetItem per 100 on DynamoDB (a dead
    /// letter batch's stale check reads its orders at once). By default, one read per id.
    fn get_orders(
        &self,
        ids: &[String],
    ) -> impl Future<Output = TResult<std::collections::HashMap<String, Order>>> {
        async move {
            let mut found = std::collections::HashMap::new();
            for id in ids {
                if let Some(order) = self.get_order(id).await? {
                    found.insert(id.clone(), order);
                }
            }
            Ok(found)
        }
    }
    /// Orders by customer (newest first) or all, optionally by status, handed to `page` a
    /// page at a time as they are read, so a caller can print the first before the last is
    /// read; returns whether more matched than `query.limit`.
    fn list_orders<E: From<TargetError>>(
        &self,
        query: &OrderQuery,
        page: impl FnMut(Vec<Order>) -> Result<(), E>,
    ) -> impl Future<Output = Result<bool, E>>;
    /// Change the status if the transition is legal and nobody changed it meanwhile.
    fn set_status(&self, id: &str, to: Status) -> impl Future<Output = TResult<StatusChange>>;
    /// Delete an order, returning what it was.
    fn delete_order(&self, id: &str) -> impl Future<Output = TResult<Order>>;
}

/// Stock levels.
pub trait InventoryStore {
    /// Every product.
    fn list_stock(&self) -> impl Future<Output = TResult<Vec<StockItem>>>;
    /// One product.
    fn get_stock(&self, product_id: &str) -> impl Future<Output = TResult<Option<StockItem>>>;
    /// Set a product's stock.
    fn set_stock(&self, product_id: &str, stock: i64) -> impl Future<Output = TResult<StockItem>>;
}
