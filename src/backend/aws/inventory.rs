//! Stock on DynamoDB: the Inventory table as `{productId, stock, lastUpdated}`.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue as Av;

use super::AwsTarget;
use crate::backend::{InventoryStore, StockItem, TResult, TargetError};

fn decode(item: &HashMap<String, Av>) -> TResult<StockItem> {
    let s = |k: &str| item.get(k).and_then(|v| v.as_s().ok()).cloned();
    let product_id = s("productId")
        .ok_or_else(|| TargetError::Invalid("an inventory item has no productId".into()))?;
    let stock = item
        .get("stock")
        .and_then(|v| v.as_n().ok())
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or_else(|| {
            TargetError::Invalid(format!("inventory item {product_id} has no integer stock"))
        })?;
    Ok(StockItem {
        product_id,
        stock,
        last_updated: s("lastUpdated").unwrap_or_default(),
    })
}

impl AwsTarget {
    fn inventory(&self) -> &str {
        &self.resources.inventory_table
    }
}

impl InventoryStore for AwsTarget {
    async fn list_stock(&self) -> TResult<Vec<StockItem>> {
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .ddb
                .scan()
                .table_name(self.inventory())
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| self.err(e, "dynamodb:Scan", "table", self.inventory()))?;
            for item in page.items() {
                out.push(decode(item)?);
            }
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => break,
            }
        }
        out.sort_by(|a, b| a.product_id.cmp(&b.product_id));
        Ok(out)
    }

    async fn get_stock(&self, product_id: &str) -> TResult<Option<StockItem>> {
        let out = self
            .ddb
            .get_item()
            .table_name(self.inventory())
            .key("productId", Av::S(product_id.to_owned()))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:GetItem", "table", self.inventory()))?;
        out.item().map(decode).transpose()
    }

    async fn set_stock(&self, product_id: &str, stock: i64) -> TResult<StockItem> {
        let item = StockItem::stamped(product_id, stock)?;
        self.ddb
            .put_item()
            .table_name(self.inventory())
            .item("productId", Av::S(item.product_id.clone()))
            .item("stock", Av::N(stock.to_string()))
            .item("lastUpdated", Av::S(item.last_updated.clone()))
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:PutItem", "table", self.inventory()))?;
        Ok(item)
    }
}
