//! `Target`: the backend `--target` chose, a closed enum over the two adapters that delegates
//! every capability to the active one. `Target::open` is the one place that asks which.

use orders_core::{Order, Status};

use super::feed::{self, ChangeFeed, IteratorKind, RecordsPage, StreamPage};
use super::queue;
use super::stores::{InventoryStore, OrderQuery, OrderStore, StatusChange, StockItem};
use super::{AwsTarget, LocalTarget, TResult, TargetError};

/// The target a command runs against.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one per process; boxing the local target buys nothing
pub enum Target {
    /// SQLite in the data dir.
    Local(LocalTarget),
    /// AWS or an AWS-compatible endpoint.
    Aws(AwsTarget),
}

/// Delegate a method to whichever target is active.
impl Target {
    /// The backend `--target` chose: the local database (opened, or created on first use) or
    /// the AWS clients. The one place that asks which.
    pub async fn open(settings: &crate::settings::Settings) -> anyhow::Result<Target> {
        use anyhow::Context as _;
        match settings.target {
            crate::settings::TargetKind::Local => Ok(Target::Local(
                LocalTarget::open(settings).context("local target")?,
            )),
            crate::settings::TargetKind::Aws => {
                Ok(Target::Aws(AwsTarget::connect(settings).await?))
            }
        }
    }
}

macro_rules! delegate {
    ($self:ident, $t:ident => $call:expr) => {
        match $self {
            Target::Local($t) => $call,
            Target::Aws($t) => $call,
        }
    };
}

impl OrderStore for Target {
    async fn put_orders(&self, orders: &[Order]) -> TResult<()> {
        delegate!(self, t => t.put_orders(orders).await)
    }
    async fn get_order(&self, id: &str) -> TResult<Option<Order>> {
        delegate!(self, t => t.get_order(id).await)
    }
    async fn get_orders(
        &self,
        ids: &[String],
    ) -> TResult<std::collections::HashMap<String, Order>> {
        delegate!(self, t => t.get_orders(ids).await)
    }
    async fn list_orders<E: From<TargetError>>(
        &self,
        query: &OrderQuery,
        page: impl FnMut(Vec<Order>) -> Result<(), E>,
    ) -> Result<bool, E> {
        delegate!(self, t => t.list_orders(query, page).await)
    }
    async fn set_status(&self, id: &str, to: Status) -> TResult<StatusChange> {
        delegate!(self, t => t.set_status(id, to).await)
    }
    async fn delete_order(&self, id: &str) -> TResult<Order> {
        delegate!(self, t => t.delete_order(id).await)
    }
}

impl InventoryStore for Target {
    async fn list_stock(&self) -> TResult<Vec<StockItem>> {
        delegate!(self, t => t.list_stock().await)
    }
    async fn get_stock(&self, product_id: &str) -> TResult<Option<StockItem>> {
        delegate!(self, t => t.get_stock(product_id).await)
    }
    async fn set_stock(&self, product_id: &str, stock: i64) -> TResult<StockItem> {
        delegate!(self, t => t.set_stock(product_id, stock).await)
    }
}

impl ChangeFeed for Target {
    fn pace(&self) -> feed::FeedPace {
        delegate!(self, t => t.pace())
    }
    async fn stream_arn(&self) -> TResult<String> {
        delegate!(self, t => t.stream_arn().await)
    }
    async fn describe_stream(
        &self,
        arn: &str,
        exclusive_start: Option<&str>,
        child_of: Option<&str>,
    ) -> TResult<StreamPage> {
        delegate!(self, t => t.describe_stream(arn, exclusive_start, child_of).await)
    }
    async fn shard_iterator(
        &self,
        arn: &str,
        shard_id: &str,
        kind: &IteratorKind,
    ) -> TResult<String> {
        delegate!(self, t => t.shard_iterator(arn, shard_id, kind).await)
    }
    async fn get_records(&self, iterator: &str, limit: usize) -> TResult<RecordsPage> {
        delegate!(self, t => t.get_records(iterator, limit).await)
    }
}

impl queue::ReplayMarks for Target {
    async fn mark_replayed(&self, message_id: &str) -> TResult<()> {
        delegate!(self, t => t.mark_replayed(message_id).await)
    }
    async fn was_replayed(&self, message_id: &str) -> TResult<bool> {
        delegate!(self, t => t.was_replayed(message_id).await)
    }
}

impl queue::Queue for Target {
    async fn send(&self, body: &str) -> TResult<String> {
        delegate!(self, t => t.send(body).await)
    }
    async fn receive(
        &self,
        max: usize,
        visibility: std::time::Duration,
    ) -> TResult<Vec<queue::QueueMessage>> {
        delegate!(self, t => t.receive(max, visibility).await)
    }
    async fn peek(&self, max: usize) -> TResult<Vec<queue::QueueMessage>> {
        delegate!(self, t => t.peek(max).await)
    }
    async fn find(&self, id: &str, max: usize) -> TResult<Option<queue::QueueMessage>> {
        delegate!(self, t => t.find(id, max).await)
    }
    async fn delete(&self, receipt_handle: &str) -> TResult<()> {
        delegate!(self, t => queue::Queue::delete(t, receipt_handle).await)
    }
    async fn change_visibility(
        &self,
        receipt_handle: &str,
        visibility: std::time::Duration,
    ) -> TResult<()> {
        delegate!(self, t => t.change_visibility(receipt_handle, visibility).await)
    }
    async fn delete_batch(&self, receipt_handles: &[String]) -> Vec<queue::BatchResult> {
        delegate!(self, t => t.delete_batch(receipt_handles).await)
    }
    async fn change_visibility_batch(
        &self,
        receipt_handles: &[String],
        visibility: std::time::Duration,
    ) -> Vec<queue::BatchResult> {
        delegate!(self, t => t.change_visibility_batch(receipt_handles, visibility).await)
    }
    async fn purge(&self) -> TResult<u64> {
        delegate!(self, t => t.purge().await)
    }
    async fn stats(&self) -> TResult<queue::QueueStats> {
        delegate!(self, t => t.stats().await)
    }
    async fn redrive(&self) -> TResult<Option<queue::Redrive>> {
        delegate!(self, t => t.redrive().await)
    }
}
