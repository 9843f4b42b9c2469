//! The dead-letter queue on SQS (aws-semantics §6): receive with a visibility timeout and the
//! receive count, delete with the current receipt handle (checking the answer), change
//! visibility, purge, and the queue's attributes.

use std::time::Duration;

use aws_sdk_sqs::types::{BatchResultErrorEntry, MessageSystemAttributeName, QueueAttributeName};

use super::AwsTarget;
use crate::backend::queue::{BatchResult, Queue, QueueMessage, QueueStats, Redrive};
use crate::backend::{TResult, TargetError};

/// How long a peeked message stays hidden before it is released (so one listing does not see
/// it twice).
const PEEK_VISIBILITY: Duration = Duration::from_secs(20);

/// A message id, or an unambiguous start of one (as `dlq list` shortens them).
pub(crate) fn matches_id(m: &QueueMessage, id: &str) -> bool {
    !id.is_empty() && m.message_id.starts_with(id)
}

/// Add a batch to the messages a peek has seen, once per message id: a standard queue can
/// deliver a message again while it is in flight (aws-semantics §6.1). The newest receive
/// wins, as only its receipt handle can release the message.
fn merge_received(seen: &mut Vec<QueueMessage>, batch: Vec<QueueMessage>) {
    for m in batch {
        match seen.iter_mut().find(|s| s.message_id == m.message_id) {
            Some(old) => *old = m,
            None => seen.push(m),
        }
    }
}

/// A RedrivePolicy attribute, `{"deadLetterTargetArn": …, "maxReceiveCount": N}` (aws-semantics
/// §6.2); the count comes as a number or, as some tools write it, a string.
fn redrive_policy(policy: &str) -> TResult<Redrive> {
    let invalid = || {
        TargetError::Invalid(format!(
            "the queue's RedrivePolicy is not understood: {policy}"
        ))
    };
    let v: serde_json::Value = serde_json::from_str(policy).map_err(|_| invalid())?;
    let max_receive_count = match &v["maxReceiveCount"] {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    }
    .and_then(|n| u32::try_from(n).ok())
    .ok_or_else(invalid)?;
    Ok(Redrive {
        max_receive_count,
        target_arn: v["deadLetterTargetArn"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// The ids a batch call lists as successful, and its failed entries.
type BatchAnswer = (Vec<String>, Vec<BatchResultErrorEntry>);

/// The results of one batch call's `n` entries (ids `0..n`), in order: an entry is done only
/// if the answer lists it as successful; a failed one says its code, and one the answer does
/// not mention at all is not assumed done either. A call that failed failed every entry.
fn entry_results(op: &str, n: usize, call: Result<BatchAnswer, String>) -> Vec<BatchResult> {
    let (successful, failed) = match call {
        Ok(answer) => answer,
        Err(e) => return vec![Err(e); n],
    };
    (0..n)
        .map(|i| {
            let id = i.to_string();
            if let Some(f) = failed.iter().find(|f| f.id() == id) {
                return Err(format!(
                    "{op}: {}: {}",
                    f.code(),
                    f.message().unwrap_or("no message")
                ));
            }
            if successful.contains(&id) {
                Ok(())
            } else {
                Err(format!("{op}: the answer does not mention it"))
            }
        })
        .collect()
}

fn seconds(d: Duration) -> i32 {
    i32::try_from(d.as_secs()).unwrap_or(43_200).min(43_200)
}

impl AwsTarget {
    /// Receive up to `max` messages with a short visibility timeout, stopping early once one
    /// satisfies `stop`, then release them all at once: SQS has no peek, so each one's receive
    /// count goes up — the fewer received, the better.
    async fn peek_until(
        &self,
        max: usize,
        stop: impl Fn(&QueueMessage) -> bool,
    ) -> TResult<Vec<QueueMessage>> {
        let mut seen: Vec<QueueMessage> = Vec::new();
        while seen.len() < max {
            let batch = self
                .receive_raw((max - seen.len()).min(10), PEEK_VISIBILITY)
                .await?;
            if batch.is_empty() {
                break;
            }
            let found = batch.iter().any(&stop);
            merge_received(&mut seen, batch);
            if found {
                break;
            }
        }
        self.release(&seen).await;
        Ok(seen)
    }

    /// Make received messages visible again, ten per ChangeMessageVisibilityBatch call. Best
    /// effort: a message not released comes back when its short timeout runs out.
    async fn release(&self, messages: &[QueueMessage]) {
        let handles: Vec<String> = messages.iter().map(|m| m.receipt_handle.clone()).collect();
        for failed in self
            .change_visibility_batch(&handles, Duration::ZERO)
            .await
            .into_iter()
            .filter_map(Result::err)
        {
            tracing::debug!("cannot release a peeked message: {failed}");
        }
    }

    /// Send `handles` ten at a time through `call` (given the queue URL and a chunk, whose
    /// entries it numbers from 0), one result per handle in order.
    async fn in_batches<'h, F, Fut>(
        &self,
        op: &str,
        handles: &'h [String],
        call: F,
    ) -> Vec<BatchResult>
    where
        F: Fn(String, &'h [String]) -> Fut,
        Fut: Future<Output = Result<BatchAnswer, String>>,
    {
        let mut out = Vec::with_capacity(handles.len());
        for chunk in handles.chunks(10) {
            let answer = match self.queue_url().await {
                Ok(url) => call(url, chunk).await,
                Err(e) => Err(e.to_string()),
            };
            out.extend(entry_results(op, chunk.len(), answer));
        }
        out
    }

    fn queue_name(&self) -> &str {
        &self.resources.dlq
    }

    async fn receive_raw(&self, max: usize, visibility: Duration) -> TResult<Vec<QueueMessage>> {
        let url = self.queue_url().await?;
        let out = self
            .sqs
            .receive_message()
            .queue_url(url)
            .max_number_of_messages(max.clamp(1, 10) as i32)
            .visibility_timeout(seconds(visibility))
            .wait_time_seconds(1)
            .message_system_attribute_names(MessageSystemAttributeName::ApproximateReceiveCount)
            .message_system_attribute_names(MessageSystemAttributeName::SentTimestamp)
            .message_system_attribute_names(
                MessageSystemAttributeName::ApproximateFirstReceiveTimestamp,
            )
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:ReceiveMessage", "queue", self.queue_name()))?;
        Ok(out
            .messages()
            .iter()
            .map(|m| {
                let attr = |name: MessageSystemAttributeName| {
                    m.attributes()
                        .and_then(|a| a.get(&name))
                        .and_then(|v| v.parse::<i64>().ok())
                };
                QueueMessage {
                    message_id: m.message_id().unwrap_or_default().to_owned(),
                    receipt_handle: m.receipt_handle().unwrap_or_default().to_owned(),
                    body: m.body().unwrap_or_default().to_owned(),
                    sent_ms: attr(MessageSystemAttributeName::SentTimestamp).unwrap_or(0),
                    receive_count: attr(MessageSystemAttributeName::ApproximateReceiveCount)
                        .unwrap_or(0) as u32,
                    first_receive_ms: attr(
                        MessageSystemAttributeName::ApproximateFirstReceiveTimestamp,
                    ),
                }
            })
            .collect())
    }
}

impl crate::backend::queue::ReplayMarks for AwsTarget {
    async fn mark_replayed(&self, message_id: &str) -> TResult<()> {
        use aws_sdk_dynamodb::types::AttributeValue as Av;
        let table = &self.resources.processed_events_table;
        let now = orders_core::clock::now_ms();
        self.ddb
            .put_item()
            .table_name(table)
            .item(
                "eventId",
                Av::S(crate::backend::queue::replay_mark_key(message_id)),
            )
            .item("processedAt", Av::S(orders_core::clock::rfc3339_ms(now)))
            .item(
                "expiresAt",
                Av::N(((now + crate::backend::queue::REPLAY_MARK_TTL_MS) / 1000).to_string()),
            )
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:PutItem", "table", table))?;
        Ok(())
    }

    async fn was_replayed(&self, message_id: &str) -> TResult<bool> {
        use aws_sdk_dynamodb::types::AttributeValue as Av;
        let table = &self.resources.processed_events_table;
        let out = self
            .ddb
            .get_item()
            .table_name(table)
            .key(
                "eventId",
                Av::S(crate::backend::queue::replay_mark_key(message_id)),
            )
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:GetItem", "table", table))?;
        Ok(out.item.is_some())
    }
}

impl Queue for AwsTarget {
    async fn send(&self, body: &str) -> TResult<String> {
        crate::backend::local::queue::check_body(body)?;
        let url = self.queue_url().await?;
        let out = self
            .sqs
            .send_message()
            .queue_url(url)
            .message_body(body)
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:SendMessage", "queue", self.queue_name()))?;
        Ok(out.message_id().unwrap_or_default().to_owned())
    }

    async fn receive(&self, max: usize, visibility: Duration) -> TResult<Vec<QueueMessage>> {
        self.receive_raw(max, visibility).await
    }

    async fn peek(&self, max: usize) -> TResult<Vec<QueueMessage>> {
        self.peek_until(max, |_| false).await
    }

    async fn find(&self, id: &str, max: usize) -> TResult<Option<QueueMessage>> {
        let seen = self.peek_until(max, |m| matches_id(m, id)).await?;
        Ok(seen.into_iter().find(|m| matches_id(m, id)))
    }

    async fn delete(&self, receipt_handle: &str) -> TResult<()> {
        let url = self.queue_url().await?;
        self.sqs
            .delete_message()
            .queue_url(url)
            .receipt_handle(receipt_handle)
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:DeleteMessage", "queue", self.queue_name()))?;
        Ok(())
    }

    async fn change_visibility(&self, receipt_handle: &str, visibility: Duration) -> TResult<()> {
        let url = self.queue_url().await?;
        self.sqs
            .change_message_visibility()
            .queue_url(url)
            .receipt_handle(receipt_handle)
            .visibility_timeout(seconds(visibility))
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:ChangeMessageVisibility", "queue", self.queue_name()))?;
        Ok(())
    }

    async fn delete_batch(&self, receipt_handles: &[String]) -> Vec<BatchResult> {
        use aws_sdk_sqs::types::DeleteMessageBatchRequestEntry as Entry;
        let op = "sqs:DeleteMessageBatch";
        self.in_batches(op, receipt_handles, |url, chunk| async move {
            let entries = chunk
                .iter()
                .enumerate()
                .map(|(i, h)| Entry::builder().id(i.to_string()).receipt_handle(h).build())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("cannot build a {op} entry: {e}"))?;
            let out = self
                .sqs
                .delete_message_batch()
                .queue_url(url)
                .set_entries(Some(entries))
                .send()
                .await
                .map_err(|e| self.err(e, op, "queue", self.queue_name()).to_string())?;
            let ok = out.successful().iter().map(|e| e.id().to_owned()).collect();
            Ok((ok, out.failed().to_vec()))
        })
        .await
    }

    async fn change_visibility_batch(
        &self,
        receipt_handles: &[String],
        visibility: Duration,
    ) -> Vec<BatchResult> {
        use aws_sdk_sqs::types::ChangeMessageVisibilityBatchRequestEntry as Entry;
        let op = "sqs:ChangeMessageVisibilityBatch";
        self.in_batches(op, receipt_handles, |url, chunk| async move {
            let entries = chunk
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    Entry::builder()
                        .id(i.to_string())
                        .receipt_handle(h)
                        .visibility_timeout(seconds(visibility))
                        .build()
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("cannot build a {op} entry: {e}"))?;
            let out = self
                .sqs
                .change_message_visibility_batch()
                .queue_url(url)
                .set_entries(Some(entries))
                .send()
                .await
                .map_err(|e| self.err(e, op, "queue", self.queue_name()).to_string())?;
            let ok = out.successful().iter().map(|e| e.id().to_owned()).collect();
            Ok((ok, out.failed().to_vec()))
        })
        .await
    }

    async fn purge(&self) -> TResult<u64> {
        let before = self.stats().await?.depth;
        let url = self.queue_url().await?;
        self.sqs
            .purge_queue()
            .queue_url(url)
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:PurgeQueue", "queue", self.queue_name()))?;
        Ok(before)
    }

    async fn stats(&self) -> TResult<QueueStats> {
        let url = self.queue_url().await?;
        let out = self
            .sqs
            .get_queue_attributes()
            .queue_url(url)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessages)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:GetQueueAttributes", "queue", self.queue_name()))?;
        let attr = |name: QueueAttributeName| -> TResult<u64> {
            out.attributes()
                .and_then(|a| a.get(&name))
                .map(|v| {
                    v.parse::<u64>()
                        .map_err(|_| TargetError::Invalid(format!("{name:?} is not a number: {v}")))
                })
                .transpose()
                .map(|v| v.unwrap_or(0))
        };
        let visible = attr(QueueAttributeName::ApproximateNumberOfMessages)?;
        let in_flight = attr(QueueAttributeName::ApproximateNumberOfMessagesNotVisible)?;
        Ok(QueueStats {
            depth: visible + in_flight,
            in_flight,
            oldest_sent_ms: None,
        })
    }

    async fn redrive(&self) -> TResult<Option<Redrive>> {
        let url = self.queue_url().await?;
        let out = self
            .sqs
            .get_queue_attributes()
            .queue_url(url)
            .attribute_names(QueueAttributeName::RedrivePolicy)
            .send()
            .await
            .map_err(|e| self.err(e, "sqs:GetQueueAttributes", "queue", self.queue_name()))?;
        out.attributes()
            .and_then(|a| a.get(&QueueAttributeName::RedrivePolicy))
            .filter(|p| !p.trim().is_empty())
            .map(|p| redrive_policy(p))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn received(id: &str, handle: &str, count: u32) -> QueueMessage {
        QueueMessage {
            message_id: id.into(),
            receipt_handle: handle.into(),
            body: "{}".into(),
            sent_ms: 0,
            receive_count: count,
            first_receive_ms: None,
        }
    }

    #[test]
    fn a_redrive_policy_is_read_with_its_count_as_a_number_or_a_string() {
        let arn = "arn:aws:sqs:us-east-1:123456789012:next";
        for policy in [
            format!(r#"{{"deadLetterTargetArn":"{arn}","maxReceiveCount":3}}"#),
            format!(r#"{{"deadLetterTargetArn":"{arn}","maxReceiveCount":"3"}}"#),
        ] {
            assert_eq!(
                redrive_policy(&policy).unwrap(),
                Redrive {
                    max_receive_count: 3,
                    target_arn: arn.into()
                }
            );
        }
        assert!(redrive_policy(r#"{"deadLetterTargetArn":"x"}"#).is_err());
    }

    /// Issue 18, item 7: a message delivered twice to one peek is listed once, with the
    /// handle of its newest receive.
    #[test]
    fn a_message_received_twice_is_seen_once() {
        let mut seen = Vec::new();
        merge_received(
            &mut seen,
            vec![received("a", "h1", 1), received("b", "h2", 1)],
        );
        merge_received(
            &mut seen,
            vec![received("a", "h3", 2), received("c", "h4", 1)],
        );
        assert_eq!(
            seen.iter()
                .map(|m| (
                    m.message_id.as_str(),
                    m.receipt_handle.as_str(),
                    m.receive_count
                ))
                .collect::<Vec<_>>(),
            [("a", "h3", 2), ("b", "h2", 1), ("c", "h4", 1)]
        );
    }
}
