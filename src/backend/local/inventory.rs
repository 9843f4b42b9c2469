//! Stock on the local target: the `Inventory` table as `{productId, stock, lastUpdated}`.

use rusqlite::{OptionalExtension, Row, params};

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::{InventoryStore, StockItem, TResult};

fn row(r: &Row<'_>) -> rusqlite::Result<StockItem> {
    Ok(StockItem {
        product_id: r.get(0)?,
        stock: r.get(1)?,
        last_updated: r.get(2)?,
    })
}

impl InventoryStore for LocalTarget {
    async fn list_stock(&self) -> TResult<Vec<StockItem>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT product_id, stock, last_updated FROM inventory ORDER BY product_id",
            )
            .ctx("cannot read inventory")?;
        let rows = stmt.query_map([], row).ctx("cannot read inventory")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .ctx("cannot read inventory")
    }

    async fn get_stock(&self, product_id: &str) -> TResult<Option<StockItem>> {
        self.conn()
            .query_row(
                "SELECT product_id, stock, last_updated FROM inventory WHERE product_id = ?1",
                [product_id],
                row,
            )
            .optional()
            .ctx("cannot read inventory")
    }

    async fn set_stock(&self, product_id: &str, stock: i64) -> TResult<StockItem> {
        let item = StockItem::stamped(product_id, stock)?;
        self.conn()
            .execute(
                "INSERT INTO inventory (product_id, stock, last_updated) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (product_id) DO UPDATE SET stock = excluded.stock, last_updated = excluded.last_updated",
                params![item.product_id, item.stock, item.last_updated],
            )
            .ctx("cannot write inventory")?;
        Ok(item)
    }
}
