//! One function's progress through one shard: records read but not yet committed, each marked
//! matched or filtered; the committed checkpoint; the attempt count and bisection limit of the
//! batch being retried. Pure bookkeeping — the engine decides when to read and invoke.

use std::collections::VecDeque;

use orders_core::{SequenceNumber, TextRecord};
use tokio::time::Instant;

use crate::stream::cursor::ShardCursor;

/// A record waiting in a shard, and whether the function's filters let it through.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The record.
    pub record: TextRecord,
    /// Matched the filters (delivered) or filtered out (skipped, counted).
    pub matched: bool,
}

/// A shard being consumed by one function.
#[derive(Debug)]
pub struct ShardRun {
    /// Reads the shard.
    pub cursor: ShardCursor,
    /// Read, not yet committed, in order.
    pub pending: VecDeque<Pending>,
    /// The last committed sequence number.
    pub checkpoint: Option<SequenceNumber>,
    /// Invocations of the current batch so far.
    pub attempt: u32,
    /// After a bisection: the most records the next batch may hold.
    pub limit: Option<usize>,
    /// Halves of bisected batches not tried yet, the next on top: (matched records, attempt).
    /// Each is retried as its own batch, never merged with records behind it (§3.4).
    pub halves: Vec<(usize, u32)>,
    /// The shard is closed and fully read.
    pub drained: bool,
    /// The last read found nothing new (since when).
    pub idle_since: Option<Instant>,
    /// When the batch now forming got its first record (batching window).
    pub batch_started: Option<Instant>,
    /// Don't read before this.
    pub next_poll: Instant,
    /// Don't invoke the failed batch again before this.
    pub retry_at: Option<Instant>,
    /// Reads that failed in a row.
    pub failures: u32,
}

impl ShardRun {
    /// A run reading with `cursor`.
    pub fn new(cursor: ShardCursor, checkpoint: Option<SequenceNumber>) -> ShardRun {
        ShardRun {
            cursor,
            pending: VecDeque::new(),
            checkpoint,
            attempt: 1,
            limit: None,
            halves: Vec::new(),
            drained: false,
            idle_since: None,
            batch_started: None,
            next_poll: Instant::now(),
            retry_at: None,
            failures: 0,
        }
    }

    /// Matched records waiting.
    pub fn matched(&self) -> usize {
        self.pending.iter().filter(|p| p.matched).count()
    }

    /// Finished: closed, fully read, and everything committed.
    pub fn done(&self) -> bool {
        self.drained && self.pending.is_empty()
    }

    /// The span of the next batch: pending indexes `0..=end` holding `n` matched records
    /// (`n` ≤ `max`, and together within Lambda's 6 MB payload, aws-semantics §3.1), or `None`
    /// when no matched record is waiting. A single record is always a batch.
    pub fn batch_span(&self, max: usize) -> Option<(usize, usize)> {
        let mut n = 0;
        let mut bytes = 0;
        let mut end = None;
        for (i, p) in self.pending.iter().enumerate() {
            if p.matched {
                bytes += approximate_size(&p.record);
                if n > 0 && bytes > MAX_PAYLOAD_BYTES {
                    break;
                }
                n += 1;
                end = Some(i);
                if n == max {
                    break;
                }
            }
        }
        end.map(|e| (e, n))
    }

    /// Leading filtered records (before the first matched one).
    pub fn filtered_prefix(&self) -> usize {
        self.pending.iter().take_while(|p| !p.matched).count()
    }

    /// Commit pending `0..=end`: they leave the buffer and the checkpoint moves to the last.
    /// Returns (records committed, of which filtered).
    pub fn commit(&mut self, end: usize) -> (u64, u64) {
        let mut filtered = 0;
        let mut n = 0;
        for _ in 0..=end {
            if let Some(p) = self.pending.pop_front() {
                n += 1;
                if !p.matched {
                    filtered += 1;
                }
                self.checkpoint = Some(p.record.dynamodb.sequence_number.clone());
            }
        }
        (n, filtered)
    }

    /// Index of the pending record with this sequence number.
    pub fn position(&self, seq: &SequenceNumber) -> Option<usize> {
        self.pending
            .iter()
            .position(|p| &p.record.dynamodb.sequence_number == seq)
    }
}

/// A synchronous invocation's payload limit.
pub const MAX_PAYLOAD_BYTES: usize = 6 * 1024 * 1024;

/// A record's size in the event JSON: its images and keys as stored, plus the fixed fields.
fn approximate_size(r: &TextRecord) -> usize {
    let image = |i: &Option<orders_core::ImageText>| i.as_ref().map_or(0, |t| t.0.len());
    512 + r.dynamodb.keys.0.len() + image(&r.dynamodb.new_image) + image(&r.dynamodb.old_image)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::{IteratorKind, ShardDesc};
    use orders_core::record::{EventRecord, StreamRecord};
    use orders_core::{EventName, ImageText};

    fn run(matched: &[bool]) -> ShardRun {
        let shard = ShardDesc {
            shard_id: "s".into(),
            parent_shard_id: None,
            starting_sequence_number: SequenceNumber::from_u128(1),
            ending_sequence_number: None,
        };
        let mut r = ShardRun::new(
            ShardCursor::new("arn", shard, IteratorKind::TrimHorizon),
            None,
        );
        for (i, m) in matched.iter().enumerate() {
            r.pending.push_back(Pending {
                matched: *m,
                record: EventRecord {
                    event_id: format!("{i}"),
                    event_name: EventName::Insert,
                    event_version: "1.1".into(),
                    event_source: "aws:dynamodb".into(),
                    aws_region: "r".into(),
                    user_identity: None,
                    dynamodb: StreamRecord {
                        approximate_creation_date_time: None,
                        keys: ImageText("{}".into()),
                        new_image: None,
                        old_image: None,
                        sequence_number: SequenceNumber::from_u128(10 + i as u128),
                        size_bytes: None,
                        stream_view_type: None,
                    },
                    event_source_arn: None,
                },
            });
        }
        r
    }

    #[test]
    fn batches_count_matched_records_and_span_filtered_ones() {
        let r = run(&[false, true, false, true, true]);
        assert_eq!(r.filtered_prefix(), 1);
        assert_eq!(r.batch_span(2), Some((3, 2)));
        assert_eq!(r.batch_span(10), Some((4, 3)));
        assert_eq!(run(&[false, false]).batch_span(5), None);
    }

    #[test]
    fn a_batch_stays_within_the_6_mb_payload() {
        let mut r = run(&[true, true, true, true]);
        for p in &mut r.pending {
            p.record.dynamodb.new_image = Some(ImageText("x".repeat(2 * 1024 * 1024)));
        }
        assert_eq!(
            r.batch_span(100),
            Some((1, 2)),
            "two 2 MB records fit, three do not"
        );
        r.pending[0].record.dynamodb.new_image = Some(ImageText("x".repeat(7 * 1024 * 1024)));
        assert_eq!(
            r.batch_span(100),
            Some((0, 1)),
            "one record is always a batch"
        );
    }

    #[test]
    fn commit_moves_the_checkpoint_and_counts_filtered() {
        let mut r = run(&[false, true, false, true]);
        assert_eq!(r.commit(2), (3, 2));
        assert_eq!(
            r.checkpoint.as_ref().map(|s| s.to_string()),
            Some("12".into())
        );
        assert_eq!(r.pending.len(), 1);
        assert_eq!(r.position(&SequenceNumber::from_u128(13)), Some(0));
    }
}
