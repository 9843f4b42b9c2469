//! `orderctl init` on AWS: create the tables (Orders with its stream and CustomerIndex,
//! Inventory, ProcessedEvents with TTL) and the dead-letter queue if missing, wait until they
//! are ACTIVE, and report each as created or existing. Existing resources are never changed.

use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ProvisionedThroughput, ScalarAttributeType, StreamSpecification,
    StreamViewType, TableStatus, TimeToLiveSpecification,
};
use aws_sdk_sqs::types::QueueAttributeName;

use super::orders::CUSTOMER_INDEX;
use super::{AwsTarget, build_error};
use crate::backend::{ResourceReport, TResult, TargetError};

/// How `init` runs.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    /// Report what would be created; create nothing.
    pub dry_run: bool,
    /// Provisioned (read, write) capacity instead of on-demand.
    pub provisioned: Option<(i64, i64)>,
}

/// The DLQ keeps messages for the SQS maximum, 14 days (aws-semantics §6.1).
const DLQ_RETENTION_SECONDS: &str = "1209600";
/// How long `init` waits for tables to become ACTIVE.
const ACTIVE_TIMEOUT: Duration = Duration::from_secs(600);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Orders,
    Inventory,
    ProcessedEvents,
}

impl AwsTarget {
    fn name_of(&self, table: Table) -> &str {
        match table {
            Table::Orders => &self.resources.orders_table,
            Table::Inventory => &self.resources.inventory_table,
            Table::ProcessedEvents => &self.resources.processed_events_table,
        }
    }

    /// Create what is missing; report every resource.
    pub async fn init(&self, options: &InitOptions) -> TResult<Vec<ResourceReport>> {
        let mut reports = Vec::new();
        let mut created = Vec::new();
        for table in [Table::Orders, Table::Inventory, Table::ProcessedEvents] {
            let name = self.name_of(table).to_owned();
            let exists = self.table_exists(&name).await?;
            let state = match (exists, options.dry_run) {
                (true, _) => "exists",
                (false, true) => "would create",
                (false, false) => {
                    self.create_table(table, options).await?;
                    created.push(table);
                    "created"
                }
            };
            let detail = match table {
                Table::Orders => "orderId HASH; stream NEW_AND_OLD_IMAGES",
                Table::Inventory => "productId HASH",
                Table::ProcessedEvents => "eventId HASH; TTL expiresAt",
            };
            reports.push(ResourceReport {
                kind: "table",
                name: name.clone(),
                state,
                detail: detail.into(),
            });
            if table == Table::Orders {
                reports.push(ResourceReport {
                    kind: "index",
                    name: CUSTOMER_INDEX.into(),
                    state,
                    detail: "customerId HASH, createdAt RANGE; projection ALL".into(),
                });
            }
        }
        for table in &created {
            self.wait_active(self.name_of(*table)).await?;
        }
        if created.contains(&Table::ProcessedEvents) {
            self.enable_ttl().await?;
        }
        let stream = if options.dry_run && !self.table_exists(&self.resources.orders_table).await? {
            ResourceReport {
                kind: "stream",
                name: format!("{} stream", self.resources.orders_table),
                state: "would create",
                detail: "NEW_AND_OLD_IMAGES".into(),
            }
        } else {
            ResourceReport {
                kind: "stream",
                name: format!("{} stream", self.resources.orders_table),
                state: if created.contains(&Table::Orders) {
                    "created"
                } else {
                    "exists"
                },
                detail: self.orders_stream_arn().await?,
            }
        };
        reports.insert(2, stream);
        reports.push(self.init_queue(options.dry_run).await?);
        Ok(reports)
    }

    async fn table_exists(&self, name: &str) -> TResult<bool> {
        match self.describe_table(name).await {
            Ok(_) => Ok(true),
            Err(TargetError::NotFound(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn create_table(&self, table: Table, options: &InitOptions) -> TResult<()> {
        let name = self.name_of(table);
        let key = |attr: &str, kind: KeyType| {
            KeySchemaElement::builder()
                .attribute_name(attr)
                .key_type(kind)
                .build()
        };
        let attr = |attr: &str| {
            AttributeDefinition::builder()
                .attribute_name(attr)
                .attribute_type(ScalarAttributeType::S)
                .build()
        };
        let throughput = options
            .provisioned
            .map(|(r, w)| {
                ProvisionedThroughput::builder()
                    .read_capacity_units(r)
                    .write_capacity_units(w)
                    .build()
                    .map_err(build_error)
            })
            .transpose()?;
        let mut request = self
            .ddb
            .create_table()
            .table_name(name)
            .billing_mode(if throughput.is_some() {
                BillingMode::Provisioned
            } else {
                BillingMode::PayPerRequest
            })
            .set_provisioned_throughput(throughput.clone());
        let hash = match table {
            Table::Orders => "orderId",
            Table::Inventory => "productId",
            Table::ProcessedEvents => "eventId",
        };
        request = request
            .key_schema(key(hash, KeyType::Hash).map_err(build_error)?)
            .attribute_definitions(attr(hash).map_err(build_error)?);
        if table == Table::Orders {
            let index = GlobalSecondaryIndex::builder()
                .index_name(CUSTOMER_INDEX)
                .key_schema(key("customerId", KeyType::Hash).map_err(build_error)?)
                .key_schema(key("createdAt", KeyType::Range).map_err(build_error)?)
                .projection(
                    Projection::builder()
                        .projection_type(ProjectionType::All)
                        .build(),
                )
                .set_provisioned_throughput(throughput)
                .build()
                .map_err(build_error)?;
            let stream = StreamSpecification::builder()
                .stream_enabled(true)
                .stream_view_type(StreamViewType::NewAndOldImages)
                .build()
                .map_err(build_error)?;
            request = request
                .attribute_definitions(attr("customerId").map_err(build_error)?)
                .attribute_definitions(attr("createdAt").map_err(build_error)?)
                .global_secondary_indexes(index)
                .stream_specification(stream);
        }
        match request.send().await {
            Ok(_) => Ok(()),
            // Created by someone else meanwhile: that is what we wanted.
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_resource_in_use_exception()) =>
            {
                Ok(())
            }
            Err(e) => Err(self.err(e, "dynamodb:CreateTable", "table", name)),
        }
    }

    async fn wait_active(&self, name: &str) -> TResult<()> {
        let started = Instant::now();
        loop {
            let table = self.describe_table(name).await?;
            if table.table_status() == Some(&TableStatus::Active) {
                return Ok(());
            }
            if started.elapsed() > ACTIVE_TIMEOUT {
                return Err(TargetError::Unavailable(format!(
                    "table {name} is not ACTIVE after {} s",
                    ACTIVE_TIMEOUT.as_secs()
                )));
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    async fn enable_ttl(&self) -> TResult<()> {
        let name = &self.resources.processed_events_table;
        let spec = TimeToLiveSpecification::builder()
            .enabled(true)
            .attribute_name("expiresAt")
            .build()
            .map_err(build_error)?;
        self.ddb
            .update_time_to_live()
            .table_name(name)
            .time_to_live_specification(spec)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:UpdateTimeToLive", "table", name))?;
        Ok(())
    }

    async fn init_queue(&self, dry_run: bool) -> TResult<ResourceReport> {
        let name = self.resources.dlq.clone();
        match self.queue_url().await {
            Ok(url) => {
                return Ok(ResourceReport {
                    kind: "queue",
                    name,
                    state: "exists",
                    detail: url,
                });
            }
            Err(TargetError::NotFound(_)) => {}
            // Access denied, throttled, unreachable: say so, rather than offer to create it.
            Err(e) => return Err(e),
        }
        if dry_run {
            return Ok(ResourceReport {
                kind: "queue",
                name,
                state: "would create",
                detail: "standard, 14 d retention".into(),
            });
        }
        let out = self
            .sqs
            .create_queue()
            .queue_name(&name)
            .attributes(
                QueueAttributeName::MessageRetentionPeriod,
                DLQ_RETENTION_SECONDS,
            )
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:CreateQueue", "queue", &name))?;
        Ok(ResourceReport {
            kind: "queue",
            name,
            state: "created",
            detail: out.queue_url().unwrap_or_default().to_owned(),
        })
    }
}
