//! The local dead-letter queue with SQS semantics (aws-semantics §6, §8): every receive makes a
//! new receipt handle, bumps the receive count and hides the message for the visibility
//! timeout; deleting with a stale handle is a successful no-op; a peek changes nothing.

use std::time::Duration;

use orders_core::clock;
use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::queue::{QueueMessage, QueueStats};
use crate::backend::{TResult, TargetError};

/// SQS's largest message body (aws-semantics §6.1).
pub const MAX_BODY: usize = 1_048_576;

fn message(r: &Row<'_>) -> rusqlite::Result<QueueMessage> {
    Ok(QueueMessage {
        message_id: r.get(0)?,
        body: r.get(1)?,
        sent_ms: r.get(2)?,
        receive_count: r.get(3)?,
        first_receive_ms: r.get(4)?,
        receipt_handle: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
    })
}

const COLUMNS: &str = "message_id, body, sent_ms, receive_count, first_receive_ms, receipt_handle";

/// Check a body as SQS would: 1 byte to 1 MiB, XML-safe characters only.
pub fn check_body(body: &str) -> TResult<()> {
    if body.is_empty() || body.len() > MAX_BODY {
        return Err(TargetError::Invalid(format!(
            "a message body must be 1 byte to 1 MiB, got {} bytes",
            body.len()
        )));
    }
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if let Some(c) = body.chars().find(|c| !allowed(*c)) {
        return Err(TargetError::Invalid(format!(
            "the message body holds a character SQS refuses: {:?}",
            c
        )));
    }
    Ok(())
}

impl LocalTarget {
    /// Remember that a message was replayed (see `ReplayMarks`).
    pub fn put_replay_mark(&self, message_id: &str) -> TResult<()> {
        let now = clock::now_ms();
        self.conn()
            .execute(
                "INSERT INTO processed_events (event_key, processed_at, expires_at, detail) VALUES (?1, ?2, ?3, NULL) \
                 ON CONFLICT (event_key) DO NOTHING",
                params![
                    crate::backend::queue::replay_mark_key(message_id),
                    clock::rfc3339_ms(now),
                    (now + crate::backend::queue::REPLAY_MARK_TTL_MS) / 1000
                ],
            )
            .ctx("cannot record the replay")?;
        Ok(())
    }

    /// Whether a message was replayed before.
    pub fn has_replay_mark(&self, message_id: &str) -> TResult<bool> {
        self.conn()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_key = ?1)",
                [crate::backend::queue::replay_mark_key(message_id)],
                |r| r.get(0),
            )
            .ctx("cannot read the replay record")
    }

    /// Put a message in the queue; returns its id.
    pub fn queue_send(&self, body: &str) -> TResult<String> {
        check_body(body)?;
        let id = uuid::Uuid::new_v4().to_string();
        // Cached: a poison storm sends one message per record (issue 16 item 2).
        self.conn()
            .prepare_cached("INSERT INTO queue (message_id, body, sent_ms) VALUES (?1, ?2, ?3)")
            .and_then(|mut st| st.execute(params![id, body, clock::now_ms()]))
            .ctx("cannot send to the local queue")?;
        Ok(id)
    }

    /// Receive up to `max` visible messages, oldest first, hiding them for `visibility`.
    pub fn queue_receive(&self, max: usize, visibility: Duration) -> TResult<Vec<QueueMessage>> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx("cannot receive")?;
        let now = clock::now_ms();
        let ids: Vec<i64> = {
            let mut stmt = tx
                .prepare_cached(
                    "SELECT seq FROM queue WHERE visible_at_ms <= ?1 ORDER BY seq LIMIT ?2",
                )
                .ctx("cannot receive")?;
            let rows = stmt
                .query_map(params![now, max.clamp(1, 10) as i64], |r| r.get(0))
                .ctx("cannot receive")?;
            rows.collect::<rusqlite::Result<_>>()
                .ctx("cannot receive")?
        };
        let hidden_until = now + i64::try_from(visibility.as_millis()).unwrap_or(i64::MAX / 2);
        let mut out = Vec::with_capacity(ids.len());
        for seq in ids {
            let handle = format!("{}-{:016x}", seq, fastrand::u64(..));
            let m = tx
                .query_row(
                    &format!(
                        "UPDATE queue SET receipt_handle = ?2, receive_count = receive_count + 1, visible_at_ms = ?3, \
                         first_receive_ms = coalesce(first_receive_ms, ?4) WHERE seq = ?1 RETURNING {COLUMNS}"
                    ),
                    params![seq, handle, hidden_until, now],
                    message,
                )
                .ctx("cannot receive")?;
            out.push(m);
        }
        tx.commit().ctx("cannot receive")?;
        Ok(out)
    }

    /// Look at up to `max` messages, visible or not, oldest first, changing nothing.
    pub fn queue_peek(&self, max: usize) -> TResult<Vec<QueueMessage>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM queue ORDER BY seq LIMIT ?1"
            ))
            .ctx("cannot read the local queue")?;
        let rows = stmt
            .query_map([max as i64], message)
            .ctx("cannot read the local queue")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("cannot read the local queue")
    }

    /// The oldest message whose id is `id` or starts with it, without changing it.
    pub fn queue_find(&self, id: &str) -> TResult<Option<QueueMessage>> {
        if id.is_empty() {
            return Ok(None);
        }
        self.conn()
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM queue WHERE substr(message_id, 1, length(?1)) = ?1 ORDER BY seq LIMIT 1"
                ),
                [id],
                message,
            )
            .optional()
            .ctx("cannot read the local queue")
    }

    /// Delete the message a receipt handle names; a stale handle deletes nothing (and is not an
    /// error, as in SQS). Returns whether a message was deleted.
    pub fn queue_delete(&self, receipt_handle: &str) -> TResult<bool> {
        let Some(seq) = handle_seq(receipt_handle) else {
            return Ok(false);
        };
        let n = self
            .conn()
            .prepare_cached("DELETE FROM queue WHERE seq = ?1 AND receipt_handle = ?2")
            .and_then(|mut s| s.execute(params![seq, receipt_handle]))
            .ctx("cannot delete from the local queue")?;
        Ok(n == 1)
    }

    /// Change how long a received message stays hidden (counted from now).
    pub fn queue_change_visibility(
        &self,
        receipt_handle: &str,
        visibility: Duration,
    ) -> TResult<()> {
        let until = clock::now_ms() + i64::try_from(visibility.as_millis()).unwrap_or(i64::MAX / 2);
        let n = match handle_seq(receipt_handle) {
            None => 0,
            Some(seq) => self
                .conn()
                .prepare_cached(
                    "UPDATE queue SET visible_at_ms = ?3 WHERE seq = ?1 AND receipt_handle = ?2",
                )
                .and_then(|mut s| s.execute(params![seq, receipt_handle, until]))
                .ctx("cannot change visibility")?,
        };
        if n == 0 {
            return Err(TargetError::Invalid(format!(
                "ReceiptHandleIsInvalid: {receipt_handle}"
            )));
        }
        Ok(())
    }

    /// Delete every message; returns how many.
    pub fn queue_purge(&self) -> TResult<u64> {
        Ok(self
            .conn()
            .execute("DELETE FROM queue", [])
            .ctx("cannot purge the local queue")? as u64)
    }

    /// Depth, messages in flight, and the oldest message's age.
    pub fn queue_stats(&self) -> TResult<QueueStats> {
        let now = clock::now_ms();
        self.conn()
            .query_row(
                "SELECT count(*), coalesce(sum(visible_at_ms > ?1), 0), min(sent_ms) FROM queue",
                [now],
                |r| {
                    Ok(QueueStats {
                        depth: r.get::<_, i64>(0)? as u64,
                        in_flight: r.get::<_, i64>(1)? as u64,
                        oldest_sent_ms: r.get(2)?,
                    })
                },
            )
            .ctx("cannot read the local queue")
    }
}

/// The message a receipt handle (`<seq>-<random>`) points at, so that deleting or hiding by
/// handle is a primary-key lookup rather than a scan of the queue.
fn handle_seq(receipt_handle: &str) -> Option<i64> {
    receipt_handle.split_once('-')?.0.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked_like_sqs() {
        assert!(check_body("{}").is_ok());
        assert!(check_body("").is_err());
        assert!(check_body("a\u{1}b").is_err());
        assert!(check_body(&"x".repeat(MAX_BODY + 1)).is_err());
    }

    #[test]
    fn only_the_latest_receipt_handle_deletes_or_hides() {
        let dir = tempfile::tempdir().unwrap();
        let target =
            LocalTarget::open(&crate::settings::Settings::local(dir.path().to_owned())).unwrap();
        target.queue_send("{}").unwrap();
        let first = target
            .queue_receive(10, Duration::ZERO)
            .unwrap()
            .remove(0)
            .receipt_handle;
        let second = target
            .queue_receive(10, Duration::from_secs(60))
            .unwrap()
            .remove(0)
            .receipt_handle;
        assert_ne!(first, second);
        assert!(
            !target.queue_delete(&first).unwrap(),
            "a stale handle deletes nothing"
        );
        assert!(
            target
                .queue_change_visibility(&first, Duration::ZERO)
                .is_err()
        );
        assert!(!target.queue_delete("not-a-handle").unwrap());
        assert!(
            target
                .queue_change_visibility("garbage", Duration::ZERO)
                .is_err()
        );
        assert_eq!(target.queue_stats().unwrap().depth, 1);
        target
            .queue_change_visibility(&second, Duration::from_secs(120))
            .unwrap();
        assert!(target.queue_delete(&second).unwrap());
        assert_eq!(target.queue_stats().unwrap().depth, 0);
    }
}
