//! One shard's read position, recovering the way aws-semantics §1.3 prescribes: an expired
//! iterator is reopened AFTER the last sequence number seen; trimmed data continues from the
//! trim horizon; a missing NextShardIterator means the shard is finished.

use std::sync::Arc;

use orders_core::{SequenceNumber, TextRecord};

use crate::backend::{ChangeFeed, IteratorKind, ShardDesc, TResult, TargetError};

/// What a fetch produced.
#[derive(Debug)]
pub struct Fetch {
    /// Records in order (possibly none, even when more follow).
    pub records: Vec<TextRecord>,
    /// The shard is closed and fully read.
    pub finished: bool,
    /// Records were trimmed before they could be read; reading went on from the trim horizon.
    pub trimmed: bool,
}

/// A shard being read.
#[derive(Debug, Clone)]
pub struct ShardCursor {
    /// The shard.
    pub shard: ShardDesc,
    /// Its id, shared with the records it yields.
    pub shard_id: Arc<str>,
    arn: Arc<str>,
    start: IteratorKind,
    iterator: Option<String>,
    /// The last sequence number read from this shard.
    pub last_seq: Option<SequenceNumber>,
    /// Closed and fully read.
    pub finished: bool,
}

impl ShardCursor {
    /// A cursor that will open its iterator at `start` on first use.
    pub fn new(arn: &str, shard: ShardDesc, start: IteratorKind) -> ShardCursor {
        ShardCursor {
            shard_id: Arc::from(shard.shard_id.as_str()),
            shard,
            arn: Arc::from(arn),
            start,
            iterator: None,
            last_seq: None,
            finished: false,
        }
    }

    /// Read the next page (at most `limit` records).
    pub async fn fetch(&mut self, feed: &impl ChangeFeed, limit: usize) -> TResult<Fetch> {
        let mut trimmed = false;
        // At most: one reopen after expiry, one after trimming.
        for _ in 0..3 {
            if self.iterator.is_none() {
                let kind = self.reopen_kind();
                match feed
                    .shard_iterator(&self.arn, &self.shard.shard_id, &kind)
                    .await
                {
                    Ok(it) => self.iterator = Some(it),
                    Err(TargetError::TrimmedData(_)) if kind != IteratorKind::TrimHorizon => {
                        trimmed = true;
                        self.start = IteratorKind::TrimHorizon;
                        self.last_seq = None;
                        continue;
                    }
                    // A sequence number the service will not position at in this shard: read
                    // from the trim horizon instead (the reader filters by sequence number).
                    Err(TargetError::Invalid(_))
                        if matches!(kind, IteratorKind::At(_) | IteratorKind::After(_))
                            && self.last_seq.is_none() =>
                    {
                        self.start = IteratorKind::TrimHorizon;
                        continue;
                    }
                    Err(e) => return Err(e),
                }
            }
            let Some(it) = self.iterator.as_deref() else {
                continue;
            };
            match feed.get_records(it, limit).await {
                Ok(page) => {
                    let mut records = page.records;
                    for r in &mut records {
                        if r.event_source_arn.is_none() {
                            r.event_source_arn = Some(self.arn.clone());
                        }
                    }
                    if let Some(last) = records.last() {
                        self.last_seq = Some(last.dynamodb.sequence_number.clone());
                    }
                    self.iterator = page.next_iterator;
                    self.finished = self.iterator.is_none();
                    return Ok(Fetch {
                        records,
                        finished: self.finished,
                        trimmed,
                    });
                }
                Err(TargetError::ExpiredIterator(_)) => {
                    // Reopen AFTER the last record seen (or where we started).
                    self.iterator = None;
                }
                Err(TargetError::TrimmedData(_)) => {
                    trimmed = true;
                    self.iterator = None;
                    self.start = IteratorKind::TrimHorizon;
                    self.last_seq = None;
                }
                Err(e) => return Err(e),
            }
        }
        Err(TargetError::Unavailable(format!(
            "shard {}: could not obtain a usable iterator",
            self.shard.shard_id
        )))
    }

    fn reopen_kind(&self) -> IteratorKind {
        match &self.last_seq {
            Some(seq) => IteratorKind::After(seq.clone()),
            None => self.start.clone(),
        }
    }
}
