//! The dead-letter queue capability: SQS on AWS, a table with SQS semantics locally.

use serde::Serialize;

/// A message as received (or peeked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueMessage {
    /// SQS MessageId.
    pub message_id: String,
    /// The current receipt handle (empty when peeked and never received).
    #[serde(skip)]
    pub receipt_handle: String,
    /// The body.
    pub body: String,
    /// When it was sent (epoch ms).
    pub sent_ms: i64,
    /// ApproximateReceiveCount.
    pub receive_count: u32,
    /// ApproximateFirstReceiveTimestamp (epoch ms).
    pub first_receive_ms: Option<i64>,
}

/// The queue's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QueueStats {
    /// Messages in the queue (visible or not).
    pub depth: u64,
    /// Messages received and not yet visible again.
    pub in_flight: u64,
    /// The oldest message's send time (epoch ms).
    pub oldest_sent_ms: Option<i64>,
}
