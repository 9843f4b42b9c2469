//! Orders on the local target: each write changes the `orders` row and appends its stream
//! record in the same transaction (INSERT / MODIFY / REMOVE with NEW_AND_OLD_IMAGES).

use orders_core::attr::Item;
use orders_core::{EventName, Order, Status};
use rusqlite::{OptionalExtension, Transaction, params};

use super::db::SqlContext;
use super::stream::Change;
use super::{LocalTarget, not_found, order_image};
use crate::backend::{OrderQuery, OrderStore, StatusChange, TResult, TargetError};

impl OrderStore for LocalTarget {
    async fn put_orders(&self, orders: &[Order]) -> TResult<()> {
        self.write("cannot write orders", |tx, appender| {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO orders (order_id, customer_id, created_at, status, item) VALUES (?1, ?2, ?3, ?4, ?5) \
                     ON CONFLICT (order_id) DO NOTHING",
                )
                .ctx("cannot write orders")?;
            for order in orders {
                let item = order_image::order(order);
                let inserted = insert
                    .execute(params![
                        order.order_id,
                        order.customer_id,
                        order.created_at,
                        order.status.as_str(),
                        item.json
                    ])
                    .ctx("cannot write orders")?;
                if inserted == 0 {
                    return Err(TargetError::Conflict(format!(
                        "order {} already exists; nothing was written",
                        order.order_id
                    )));
                }
                let keys = order_image::key(&order.order_id);
                appender
                    .append(&Change {
                        event_name: EventName::Insert,
                        partition_key: &order.order_id,
                        keys: &keys,
                        new_image: Some(&item),
                        old_image: None,
                        ttl_delete: false,
                    })
                    .ctx("cannot append stream records")?;
            }
            Ok(())
        })
    }

    async fn get_order(&self, id: &str) -> TResult<Option<Order>> {
        let conn = self.conn();
        let item: Option<String> = conn
            .query_row("SELECT item FROM orders WHERE order_id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .ctx("cannot read orders")?;
        item.map(|json| decode(&json)).transpose()
    }

    async fn list_orders<E: From<TargetError>>(
        &self,
        query: &OrderQuery,
        mut page: impl FnMut(Vec<Order>) -> Result<(), E>,
    ) -> Result<bool, E> {
        /// Orders handed over at a time.
        const PAGE: usize = 1000;
        let conn = self.conn();
        let limit = query.limit.map_or(-1, |l| l as i64 + 1);
        let status = query.status.map(|s| s.as_str());
        // With a customer: the CustomerIndex, newest first. Without: a scan in key order,
        // newest first because generated order ids start with their creation time.
        let (sql, customer) = match &query.customer {
            Some(c) => (
                "SELECT item FROM orders WHERE customer_id = ?1 AND (?2 IS NULL OR status = ?2) \
                 ORDER BY created_at DESC LIMIT ?3",
                c.as_str(),
            ),
            None => (
                "SELECT item FROM orders WHERE ?1 = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY order_id DESC LIMIT ?3",
                "",
            ),
        };
        let mut stmt = conn.prepare_cached(sql).ctx("cannot list orders")?;
        let rows = stmt
            .query_map(params![customer, status, limit], |r| r.get::<_, String>(0))
            .ctx("cannot list orders")?;
        let (mut items, mut taken, mut more) = (Vec::with_capacity(PAGE), 0, false);
        for row in rows {
            let json = row.ctx("cannot list orders")?;
            if query.limit == Some(taken) {
                more = true;
                break;
            }
            items.push(decode(&json)?);
            taken += 1;
            if items.len() == PAGE {
                page(std::mem::take(&mut items))?;
            }
        }
        if !items.is_empty() {
            page(items)?;
        }
        Ok(more)
    }

    async fn set_status(&self, id: &str, to: Status) -> TResult<StatusChange> {
        self.write("cannot change the order", |tx, appender| {
            let old = load(tx, id)?;
            old.status
                .check_transition(to)
                .map_err(|e| TargetError::Invalid(format!("order {id}: {e}")))?;
            let new = Order {
                status: to,
                ..old.clone()
            };
            let new_image = order_image::order(&new);
            tx.execute(
                "UPDATE orders SET status = ?2, item = ?3 WHERE order_id = ?1",
                params![id, to.as_str(), new_image.json],
            )
            .ctx("cannot change the order")?;
            let old_image = order_image::order(&old);
            appender
                .append(&Change {
                    event_name: EventName::Modify,
                    partition_key: id,
                    keys: &order_image::key(id),
                    new_image: Some(&new_image),
                    old_image: Some(&old_image),
                    ttl_delete: false,
                })
                .ctx("cannot append stream records")?;
            Ok(StatusChange { old, new })
        })
    }

    async fn delete_order(&self, id: &str) -> TResult<Order> {
        self.write("cannot delete the order", |tx, appender| {
            let old = load(tx, id)?;
            tx.execute("DELETE FROM orders WHERE order_id = ?1", [id])
                .ctx("cannot delete the order")?;
            let old_image = order_image::order(&old);
            appender
                .append(&Change {
                    event_name: EventName::Remove,
                    partition_key: id,
                    keys: &order_image::key(id),
                    new_image: None,
                    old_image: Some(&old_image),
                    ttl_delete: false,
                })
                .ctx("cannot append stream records")?;
            Ok(old)
        })
    }
}

fn load(tx: &Transaction<'_>, id: &str) -> TResult<Order> {
    let json: Option<String> = tx
        .query_row("SELECT item FROM orders WHERE order_id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()
        .ctx("cannot read orders")?;
    decode(&json.ok_or_else(|| not_found("order", id))?)
}

fn decode(json: &str) -> TResult<Order> {
    let item: Item =
        serde_json::from_str(json).map_err(|e| TargetError::other("corrupt order row", e))?;
    Order::from_item(&item).map_err(|e| TargetError::other("corrupt order row", e))
}
