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

/// The queue's own redrive policy (aws-semantics §6.2): a message received more than
/// `max_receive_count` times moves on to `target_arn`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redrive {
    /// maxReceiveCount.
    pub max_receive_count: u32,
    /// deadLetterTargetArn.
    pub target_arn: String,
}

use std::time::Duration;

use super::{LocalTarget, TResult, TargetError};

/// The dead-letter queue: SQS on AWS, a table with SQS semantics locally.
pub trait Queue {
    /// Send a message; returns its id.
    fn send(&self, body: &str) -> impl Future<Output = TResult<String>>;
    /// Receive up to `max` (≤ 10) messages, hidden for `visibility`.
    fn receive(
        &self,
        max: usize,
        visibility: Duration,
    ) -> impl Future<Output = TResult<Vec<QueueMessage>>>;
    /// Look at up to `max` messages. Locally nothing changes; SQS has no peek, so on AWS the
    /// messages are received with a short visibility timeout and released at once — their
    /// receive counts go up.
    fn peek(&self, max: usize) -> impl Future<Output = TResult<Vec<QueueMessage>>>;
    /// The message whose id is `id` or starts with it, looking at no more than `max`; on AWS
    /// it stops receiving as soon as it is found (see `peek`).
    fn find(&self, id: &str, max: usize) -> impl Future<Output = TResult<Option<QueueMessage>>>;
    /// Delete a received message.
    fn delete(&self, receipt_handle: &str) -> impl Future<Output = TResult<()>>;
    /// Hide a received message for `visibility` from now (0 makes it visible again).
    fn change_visibility(
        &self,
        receipt_handle: &str,
        visibility: Duration,
    ) -> impl Future<Output = TResult<()>>;
    /// Delete received messages, one result per handle in order (an error as its one line):
    /// SQS takes ten per DeleteMessageBatch and can fail some entries of a call that succeeds,
    /// so no entry is ever assumed deleted. By default, one delete after another.
    fn delete_batch(&self, receipt_handles: &[String]) -> impl Future<Output = Vec<BatchResult>> {
        async move {
            let mut out = Vec::with_capacity(receipt_handles.len());
            for handle in receipt_handles {
                out.push(self.delete(handle).await.map_err(|e| e.to_string()));
            }
            out
        }
    }
    /// Hide received messages for `visibility` from now, one result per handle in order
    /// (ChangeMessageVisibilityBatch on SQS, ten per call). By default, one after another.
    fn change_visibility_batch(
        &self,
        receipt_handles: &[String],
        visibility: Duration,
    ) -> impl Future<Output = Vec<BatchResult>> {
        async move {
            let mut out = Vec::with_capacity(receipt_handles.len());
            for handle in receipt_handles {
                let done = self.change_visibility(handle, visibility).await;
                out.push(done.map_err(|e| e.to_string()));
            }
            out
        }
    }
    /// Delete every message.
    fn purge(&self) -> impl Future<Output = TResult<u64>>;
    /// Depth and in-flight count (and the oldest message's time where known).
    fn stats(&self) -> impl Future<Output = TResult<QueueStats>>;
    /// The queue's own redrive policy, if it has one. A queue without redrive policies (the
    /// local one) keeps this default.
    fn redrive(&self) -> impl Future<Output = TResult<Option<Redrive>>> {
        async { Ok(None) }
    }
}

/// One entry of a batch call: done, or why not (one line).
pub type BatchResult = Result<(), String>;

/// Which dead letters were replayed. Written before a replayed message is deleted, so a
/// message whose deletion did not happen (a crash, a lost response) can still be deleted later
/// — even once its records are past the stream's retention and the replay cannot be re-run to
/// find them already processed. Kept in the idempotency table (`replay#<MessageId>`).
pub trait ReplayMarks {
    /// Remember that message `message_id` was replayed in full.
    fn mark_replayed(&self, message_id: &str) -> impl Future<Output = TResult<()>>;
    /// Whether message `message_id` was replayed in full before.
    fn was_replayed(&self, message_id: &str) -> impl Future<Output = TResult<bool>>;
}

/// The idempotency-table key of a replayed message.
pub fn replay_mark_key(message_id: &str) -> String {
    format!("replay#{message_id}")
}

/// Replay marks outlive any message: SQS keeps one at most 14 days.
pub const REPLAY_MARK_TTL_MS: i64 = 15 * 24 * 3600 * 1000;

impl ReplayMarks for LocalTarget {
    async fn mark_replayed(&self, message_id: &str) -> TResult<()> {
        self.put_replay_mark(message_id)
    }
    async fn was_replayed(&self, message_id: &str) -> TResult<bool> {
        self.has_replay_mark(message_id)
    }
}

impl Queue for LocalTarget {
    async fn send(&self, body: &str) -> TResult<String> {
        self.queue_send(body)
    }
    async fn receive(&self, max: usize, visibility: Duration) -> TResult<Vec<QueueMessage>> {
        self.queue_receive(max, visibility)
    }
    async fn peek(&self, max: usize) -> TResult<Vec<QueueMessage>> {
        self.queue_peek(max)
    }
    async fn find(&self, id: &str, _max: usize) -> TResult<Option<QueueMessage>> {
        self.queue_find(id)
    }
    async fn delete(&self, receipt_handle: &str) -> TResult<()> {
        // SQS deletes only by the latest handle; a stale one must not pass for a deletion.
        match self.queue_delete(receipt_handle)? {
            true => Ok(()),
            false => Err(TargetError::Invalid(format!(
                "ReceiptHandleIsInvalid: {receipt_handle} (the message was received again, or is gone)"
            ))),
        }
    }
    async fn change_visibility(&self, receipt_handle: &str, visibility: Duration) -> TResult<()> {
        self.queue_change_visibility(receipt_handle, visibility)
    }
    async fn purge(&self) -> TResult<u64> {
        self.queue_purge()
    }
    async fn stats(&self) -> TResult<QueueStats> {
        self.queue_stats()
    }
}
