//! One order's story through the pipeline (`orderctl trace`): the item now, its stream
//! records, and for each subscribed function and record whether it was filtered out, not
//! reached yet, processed (with its effect), or dead-lettered — then one verdict per function.
//!
//! Everything comes from one model on both targets: the facts the functions record with their
//! idempotency markers (`orders_core::fact`), read by order id. The stream is read only where
//! that is cheap (the local target) or asked for (`--scan-stream` on AWS, a bounded read back
//! to `--since`); otherwise the records are the ones the facts and dead letters name. On AWS a
//! trace costs a GetItem, one Query, the subscriptions (DescribeTable, ListEventSourceMappings)
//! and a peek at the dead-letter queue, whatever the stream's size.

mod gather;
pub mod judge;
mod scan;
pub mod source;
mod verdict;

use orders_core::caps::StockLine;
use orders_core::event::OrderChange;
use orders_core::fact::Fact;
use orders_core::{EventName, Order, SequenceNumber, Status};
use serde::Serialize;

pub use gather::{TraceOptions, trace};
pub use judge::{Outcome, Step};
pub use verdict::{State, Verdict};

/// Where a record of the story was learnt from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Read from the stream.
    Stream,
    /// Named by a function's marker (its images are not known).
    Marker,
    /// Named by a dead letter's record.
    DeadLetter,
}

/// One stream record of the order.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordView {
    /// `eventID`.
    #[serde(rename = "eventID")]
    pub event_id: String,
    /// INSERT, MODIFY or REMOVE.
    pub event_name: EventName,
    /// Its sequence number.
    pub sequence_number: SequenceNumber,
    /// Its shard, where known (the stream; a marker does not name it).
    pub shard_id: Option<String>,
    /// When it was written (RFC 3339, to the second), where known.
    pub at: Option<String>,
    /// The order's status before it (`null` for an INSERT, or when unknown).
    pub old_status: Option<Status>,
    /// The order's status after it (`null` for a REMOVE, or when unknown).
    pub new_status: Option<Status>,
    /// Whether the statuses are known (from the record's images or a marker).
    #[serde(skip)]
    pub statuses_known: bool,
    /// The Lambda record filters are matched against, when the record itself was read.
    #[serde(skip)]
    pub filter_value: Option<serde_json::Value>,
    /// Where it was learnt from.
    pub source: Source,
}

impl RecordView {
    /// A record known by its id, name, number and (when it could be decoded) its change;
    /// shard, time and filter value unknown until set.
    pub fn new(
        event_id: &str,
        event_name: EventName,
        sequence_number: &SequenceNumber,
        change: Option<&OrderChange>,
        source: Source,
    ) -> RecordView {
        let (old_status, new_status) = change.map(OrderChange::statuses).unwrap_or_default();
        RecordView {
            event_id: event_id.to_owned(),
            event_name,
            sequence_number: sequence_number.clone(),
            shard_id: None,
            at: None,
            old_status,
            new_status,
            statuses_known: change.is_some(),
            filter_value: None,
            source,
        }
    }
}

/// A dead letter holding one of the order's records.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeadLetter {
    /// SQS MessageId.
    pub message_id: String,
    /// `envelope` (the function's) or `on-failure` (Lambda's, retries exhausted).
    pub format: &'static str,
    /// Why it failed.
    pub error: String,
    /// ApproximateReceiveCount (a look raises it on AWS).
    pub receive_count: u32,
    /// When it was sent (RFC 3339).
    pub sent_at: String,
    /// Why replaying it now would be stale (the order moved on), `null` when it would not be;
    /// see `dlq replay`.
    pub stale: Option<String>,
}

/// One function's part.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionTrace {
    /// The function.
    pub function: String,
    /// Whether its mapping is enabled.
    pub enabled: bool,
    /// Its mapping's filter patterns (none: every record).
    pub patterns: Vec<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// Per record, in stream order.
    pub records: Vec<Step>,
}

/// How much of the dead-letter queue was looked at.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DlqLook {
    /// Messages looked at.
    pub looked: usize,
    /// Whether that was every message (fewer than the limit came back).
    pub complete: bool,
    /// The caveat of looking.
    pub note: String,
}

/// The whole story.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// The order id.
    pub order_id: String,
    /// The item now (`null`: not in the table, or deleted).
    pub order: Option<Order>,
    /// How far back the stream was read (RFC 3339), or `null` when it was not read.
    pub since: Option<String>,
    /// Whether the stream was read (else the records are those markers and dead letters name).
    pub stream_read: bool,
    /// The order's records, in stream order.
    pub records: Vec<RecordView>,
    /// Per subscribed function.
    pub functions: Vec<FunctionTrace>,
    /// Every fact recorded for the order, as stored.
    pub facts: Vec<Fact>,
    /// The dead letters looked at.
    pub dead_letters: DlqLook,
    /// Whether anything at all knows the order id.
    pub seen: bool,
}

/// Stock lines as `2×SKU-MUG, 1×SKU-PAD`.
pub fn stock(lines: &[StockLine]) -> String {
    lines
        .iter()
        .map(|l| format!("{}×{}", l.quantity, l.product_id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A sequence number as `…` and its last 8 digits.
pub fn short(seq: &str) -> String {
    format!("…{}", &seq[seq.len().saturating_sub(8)..])
}

impl Trace {
    /// Whether every function has done its part.
    pub fn all_done(&self) -> bool {
        self.functions
            .iter()
            .all(|f| f.verdict.state == State::Done)
    }
}
