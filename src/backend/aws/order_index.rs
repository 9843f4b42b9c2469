//! `init`'s part for `trace`: ProcessedEvents' `OrderIndex` (hash key `orderId`, projection
//! ALL), where the functions' per-order facts are read with one Query (orders_aws::facts).
//! Made with a new table; added to an existing one with UpdateTable, which DynamoDB backfills
//! in the background (the index is CREATING until then, and `trace` says so).

use aws_sdk_dynamodb::types::{
    CreateGlobalSecondaryIndexAction, GlobalSecondaryIndexUpdate, IndexStatus,
};
use orders_aws::facts::{ORDER_INDEX, order_index};

use super::init::InitOptions;
use super::{AwsTarget, build_error};
use crate::backend::{ResourceReport, TResult};

const DETAIL: &str = "orderId HASH; projection ALL (the functions' per-order facts, for trace)";

impl AwsTarget {
    /// Report `OrderIndex`: created with the table, found, or added now.
    pub(super) async fn init_order_index(
        &self,
        table_created: bool,
        options: &InitOptions,
    ) -> TResult<ResourceReport> {
        let table = self.resources.processed_events_table.clone();
        let report = |state: &'static str, detail: String| ResourceReport {
            kind: "index",
            name: format!("{table} {ORDER_INDEX}"),
            state,
            detail,
        };
        if table_created {
            return Ok(report("created", DETAIL.into()));
        }
        let description = match self.describe_table(&table).await {
            Ok(d) => d,
            Err(crate::backend::TargetError::NotFound(_)) if options.dry_run => {
                return Ok(report("would create", DETAIL.into()));
            }
            Err(e) => return Err(e),
        };
        let found = description
            .global_secondary_indexes()
            .iter()
            .find(|i| i.index_name() == Some(ORDER_INDEX));
        if let Some(index) = found {
            let status = index.index_status().map_or("", IndexStatus::as_str);
            return Ok(report(
                "exists",
                if status.is_empty() || status == "ACTIVE" {
                    DETAIL.into()
                } else {
                    format!("{DETAIL}; {status}")
                },
            ));
        }
        if options.dry_run {
            return Ok(report("would create", DETAIL.into()));
        }
        let (index, attr) = order_index(options.throughput()?).map_err(build_error)?;
        let create = CreateGlobalSecondaryIndexAction::builder()
            .index_name(ORDER_INDEX)
            .set_key_schema(Some(index.key_schema().to_vec()))
            .set_projection(index.projection().cloned())
            .set_provisioned_throughput(index.provisioned_throughput().cloned())
            .build()
            .map_err(build_error)?;
        self.ddb
            .update_table()
            .table_name(&table)
            .attribute_definitions(attr)
            .global_secondary_index_updates(
                GlobalSecondaryIndexUpdate::builder().create(create).build(),
            )
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:UpdateTable", "table", &table))?;
        Ok(report(
            "created",
            format!(
                "{DETAIL}; DynamoDB backfills it in the background: markers written before are in it once it is ACTIVE"
            ),
        ))
    }
}
