//! `orderctl init` on AWS: create the tables (Orders with its stream and CustomerIndex,
//! Inventory, ProcessedEvents with TTL and OrderIndex) and the dead-letter queue if missing, wait until they
//! are ACTIVE, and report each as created or existing. An existing table is checked, not
//! trusted: a missing stream or a disabled TTL is turned on (that loses nothing); a stream with
//! the wrong view type, or TTL on another attribute, is reported as misconfigured with the fix
//! and left alone, since changing it loses the stream or is refused for an hour.

use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ProvisionedThroughput, ScalarAttributeType, StreamSpecification,
    StreamViewType, TableStatus, TimeToLiveSpecification, TimeToLiveStatus,
};
use aws_sdk_sqs::types::QueueAttributeName;

use super::orders::CUSTOMER_INDEX;
use super::{AwsTarget, build_error};
use crate::backend::{MISCONFIGURED, ResourceReport, TResult, TargetError};

/// How `init` runs.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    /// Report what would be created; create nothing.
    pub dry_run: bool,
    /// Provisioned (read, write) capacity instead of on-demand.
    pub provisioned: Option<(i64, i64)>,
}

impl InitOptions {
    /// The provisioned capacity of a table or index `init` creates; `None` is on-demand.
    pub(super) fn throughput(&self) -> TResult<Option<ProvisionedThroughput>> {
        self.provisioned
            .map(|(r, w)| {
                ProvisionedThroughput::builder()
                    .read_capacity_units(r)
                    .write_capacity_units(w)
                    .build()
                    .map_err(build_error)
            })
            .transpose()
    }
}

/// The DLQ keeps messages for the SQS maximum, 14 days (aws-semantics §6.1).
const DLQ_RETENTION_SECONDS: &str = "1209600";
/// How long `init` waits for tables to become ACTIVE.
const ACTIVE_TIMEOUT: Duration = Duration::from_secs(600);
/// The stream view the functions need: OldImage tells a status change, a cancellation and what
/// a delete gives back (aws-semantics §1.5).
const STREAM_VIEW: StreamViewType = StreamViewType::NewAndOldImages;
/// The attribute the functions write each ProcessedEvents item's expiry into (§7.3).
const TTL_ATTRIBUTE: &str = "expiresAt";

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
            // The stream and the TTL have rows of their own, saying what was found.
            let detail = match table {
                Table::Orders => "orderId HASH",
                Table::Inventory => "productId HASH",
                Table::ProcessedEvents => "eventId HASH",
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
        let orders_created = created.contains(&Table::Orders);
        reports.insert(2, self.init_stream(orders_created, options.dry_run).await?);
        let processed_created = created.contains(&Table::ProcessedEvents);
        reports.push(self.init_order_index(processed_created, options).await?);
        reports.push(self.init_ttl(processed_created, options.dry_run).await?);
        reports.push(self.init_queue(options.dry_run).await?);
        Ok(reports)
    }

    /// The Orders stream: made with the table; enabled on a table that has none; otherwise its
    /// view type checked. A view type cannot be changed, only replaced by disabling and
    /// re-enabling the stream, which makes a new stream (aws-semantics §1.2): its unread
    /// records and every consumer's position stay with the old one. So that is reported with
    /// the fix, not done.
    async fn init_stream(&self, created: bool, dry_run: bool) -> TResult<ResourceReport> {
        let table = self.resources.orders_table.clone();
        let report = |state, detail: String| ResourceReport {
            kind: "stream",
            name: format!("{table} stream"),
            state,
            detail,
        };
        if created {
            return Ok(report("created", self.orders_stream_arn().await?));
        }
        if dry_run && !self.table_exists(&table).await? {
            return Ok(report("would create", STREAM_VIEW.as_str().into()));
        }
        let description = self.describe_table(&table).await?;
        let Some(spec) = description
            .stream_specification()
            .filter(|s| s.stream_enabled())
        else {
            if dry_run {
                return Ok(report("would create", STREAM_VIEW.as_str().into()));
            }
            self.enable_stream().await?;
            return Ok(report("created", self.orders_stream_arn().await?));
        };
        let found = spec
            .stream_view_type()
            .map_or("(none)", StreamViewType::as_str);
        if found == STREAM_VIEW.as_str() {
            let arn = description.latest_stream_arn().unwrap_or_default();
            return Ok(report("exists", arn.to_owned()));
        }
        let need = STREAM_VIEW.as_str();
        Ok(report(
            MISCONFIGURED,
            format!(
                "view type {found}, the functions need {need}: without OldImage a cancellation, \
                 a status change and what a delete gives back go unseen. A view type cannot be \
                 changed; once every consumer has caught up, run \
                 `aws dynamodb update-table --table-name {table} --stream-specification StreamEnabled=false`, \
                 then `aws dynamodb update-table --table-name {table} --stream-specification StreamEnabled=true,StreamViewType={need}`, \
                 then `orderctl deploy` to move the event-source mappings to the new stream \
                 (the old stream's unread records are not carried over)"
            ),
        ))
    }

    /// Turn on a stream on an Orders table that has none, and wait until the table is ACTIVE.
    async fn enable_stream(&self) -> TResult<()> {
        let table = &self.resources.orders_table;
        let spec = StreamSpecification::builder()
            .stream_enabled(true)
            .stream_view_type(STREAM_VIEW)
            .build()
            .map_err(build_error)?;
        self.ddb
            .update_table()
            .table_name(table)
            .stream_specification(spec)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:UpdateTable", "table", table))?;
        self.wait_active(table).await
    }

    /// TTL on ProcessedEvents (aws-semantics §7.3): enabled with a new table, and on an existing
    /// one where DescribeTimeToLive finds it off. TTL on another attribute, or being disabled,
    /// is reported: DynamoDB refuses another change for up to an hour after one.
    async fn init_ttl(&self, created: bool, dry_run: bool) -> TResult<ResourceReport> {
        let table = self.resources.processed_events_table.clone();
        let report = |state, detail: String| ResourceReport {
            kind: "ttl",
            name: format!("{table} TTL"),
            state,
            detail,
        };
        if created {
            self.enable_ttl().await?;
            return Ok(report("created", TTL_ATTRIBUTE.into()));
        }
        if dry_run && !self.table_exists(&table).await? {
            return Ok(report("would create", TTL_ATTRIBUTE.into()));
        }
        let out = self
            .ddb
            .describe_time_to_live()
            .table_name(&table)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:DescribeTimeToLive", "table", &table))?;
        let ttl = out.time_to_live_description();
        let attribute = ttl.and_then(|t| t.attribute_name());
        match ttl.and_then(|t| t.time_to_live_status()) {
            None | Some(TimeToLiveStatus::Disabled) if dry_run => {
                Ok(report("would enable", TTL_ATTRIBUTE.into()))
            }
            None | Some(TimeToLiveStatus::Disabled) => {
                self.enable_ttl().await?;
                Ok(report("enabled", TTL_ATTRIBUTE.into()))
            }
            Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling)
                if attribute == Some(TTL_ATTRIBUTE) =>
            {
                Ok(report("exists", TTL_ATTRIBUTE.into()))
            }
            Some(TimeToLiveStatus::Enabled | TimeToLiveStatus::Enabling) => {
                let found = attribute.unwrap_or("(none)");
                Ok(report(
                    MISCONFIGURED,
                    format!(
                        "TTL is on {found}, the functions write {TTL_ATTRIBUTE}: processed \
                         events never expire. Run \
                         `aws dynamodb update-time-to-live --table-name {table} --time-to-live-specification Enabled=false,AttributeName={found}`, \
                         then `orderctl init` again once it is off (DynamoDB takes up to an hour)"
                    ),
                ))
            }
            Some(status) => Ok(report(
                MISCONFIGURED,
                format!(
                    "TTL is {status}; run `orderctl init` again once it is off (DynamoDB takes \
                     up to an hour)"
                ),
            )),
        }
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
        let throughput = options.throughput()?;
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
        if table == Table::ProcessedEvents {
            // The functions' per-order facts, read by `trace` (see orders_aws::facts).
            let (index, attr) =
                orders_aws::facts::order_index(throughput.clone()).map_err(build_error)?;
            request = request
                .attribute_definitions(attr)
                .global_secondary_indexes(index);
        }
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
            .attribute_name(TTL_ATTRIBUTE)
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
