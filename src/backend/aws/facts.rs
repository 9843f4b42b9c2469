//! The facts the functions recorded for one order (`orders_core::fact`), read with one Query of
//! ProcessedEvents' `OrderIndex` (created by `init`; see orders_aws::facts for the items).

use aws_sdk_dynamodb::types::AttributeValue as Av;
use orders_aws::facts::{ORDER_INDEX, fact_of};
use orders_core::fact::Fact;

use super::AwsTarget;
use crate::backend::{TResult, TargetError};

impl AwsTarget {
    /// Every fact of `order_id`. One Query: an order's few facts never reach its 1 MB page, but
    /// a next page is followed if they ever did. Eventually consistent, as every index read is:
    /// a fact written in the last second may be missing.
    pub async fn order_facts(&self, order_id: &str) -> TResult<Vec<Fact>> {
        let table = &self.resources.processed_events_table;
        let mut facts = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .ddb
                .query()
                .table_name(table)
                .index_name(ORDER_INDEX)
                .key_condition_expression("orderId = :id")
                .expression_attribute_values(":id", Av::S(order_id.to_owned()))
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(|e| match self.err(e, "dynamodb:Query", "table", table) {
                    TargetError::Invalid(why) if why.contains(ORDER_INDEX) || why.contains("index") => {
                        TargetError::NotFound(format!(
                            "{table} has no index {ORDER_INDEX}, where the functions record what they did per order: run `orderctl init` ({why})"
                        ))
                    }
                    other => other,
                })?;
            facts.extend(page.items().iter().filter_map(fact_of));
            match page.last_evaluated_key {
                Some(key) if !key.is_empty() => start = Some(key),
                _ => return Ok(facts),
            }
        }
    }
}
