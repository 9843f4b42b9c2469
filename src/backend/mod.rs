//! The two targets behind one set of capabilities. Commands talk to `Target`, a closed enum
//! over the local (SQLite) and AWS (SDK) implementations, chosen once at start-up; errors
//! reach commands only as `TargetError`, never as SQLite or SDK types.

pub mod aws;
pub mod checkpoint_file;
pub mod checkpoints;
pub mod consumers;
pub mod effects;
pub mod feed;
pub mod inspect;
pub mod local;
pub mod local_only;
pub mod metric_reads;
pub mod queue;
pub mod remote;
pub mod telemetry;

use orders_core::{Order, Status};
use serde::Serialize;

pub use aws::AwsTarget;
/// One metric datapoint: period start (epoch ms) and the value in it (the Maximum, or the
/// Sum, per the query).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// Period start.
    pub timestamp_ms: i64,
    /// The value in the period.
    pub value: f64,
}

pub use feed::{ChangeFeed, FeedPace, IteratorKind, RecordsPage, ShardDesc, StreamPage};
pub use local::LocalTarget;
pub use local_only::local_only;

/// What went wrong at a target, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// A table, queue, stream, order or product does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A condition failed: the item exists already, or changed concurrently.
    #[error("{0}")]
    Conflict(String),
    /// The request is invalid (an illegal status transition, a bad value).
    #[error("{0}")]
    Invalid(String),
    /// Throttled, even after retries.
    #[error("{0}")]
    Throttled(String),
    /// The target cannot be reached or is busy.
    #[error("{0}")]
    Unavailable(String),
    /// A shard iterator is older than 15 minutes (ExpiredIteratorException).
    #[error("{0}")]
    ExpiredIterator(String),
    /// The records asked for are past the 24 h retention (TrimmedDataAccessException).
    #[error("{0}")]
    TrimmedData(String),
    /// Credentials missing or expired, or access denied.
    #[error("{0}")]
    Auth(String),
    /// Anything else, with its cause.
    #[error("{message}")]
    Other {
        /// One line saying what failed.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

impl TargetError {
    /// An error with a cause.
    pub fn other(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        TargetError::Other {
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }

    /// Whether retrying later may succeed (throttling, network, busy).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            TargetError::Throttled(_) | TargetError::Unavailable(_)
        )
    }
}

/// Result of a target operation.
pub type TResult<T> = Result<T, TargetError>;

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

/// A page of results and whether more exist beyond it.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The results.
    pub items: Vec<T>,
    /// More matched than were returned.
    pub more: bool,
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
    /// Units available.
    pub stock: i64,
    /// When it last changed (RFC 3339).
    pub last_updated: String,
}

impl StockItem {
    /// A new stock level for `product_id`, stamped now; negative stock is refused.
    pub fn stamped(product_id: &str, stock: i64) -> TResult<StockItem> {
        if stock < 0 {
            return Err(TargetError::Invalid(format!(
                "stock must not be negative, got {stock}"
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
    /// `created`, `exists`, or `would create` (dry run).
    pub state: &'static str,
    /// ARN, path or other detail.
    pub detail: String,
}

/// Orders: the table with its stream.
pub trait OrderStore {
    /// Write new orders, each only if its id is new; all or nothing where the target allows.
    fn put_orders(&self, orders: &[Order]) -> impl Future<Output = TResult<()>>;
    /// One order by id.
    fn get_order(&self, id: &str) -> impl Future<Output = TResult<Option<Order>>>;
    /// Orders by customer (newest first) or all, optionally by status.
    fn list_orders(&self, query: &OrderQuery) -> impl Future<Output = TResult<Page<Order>>>;
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
    async fn list_orders(&self, query: &OrderQuery) -> TResult<Page<Order>> {
        delegate!(self, t => t.list_orders(query).await)
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
    async fn purge(&self) -> TResult<u64> {
        delegate!(self, t => t.purge().await)
    }
    async fn stats(&self) -> TResult<queue::QueueStats> {
        delegate!(self, t => t.stats().await)
    }
}
