//! One shard's read position, recovering the way aws-semantics §1.3 prescribes: an expired
//! iterator is reopened AFTER the last sequence number seen; trimmed data continues from the
//! trim horizon; a missing NextShardIterator means the shard is finished. A cursor opened at
//! LATEST that expires before its first record remembers when it was opened, so the reopen
//! skips nothing written since.

use std::sync::Arc;

use orders_core::{SequenceNumber, TextRecord, clock};

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
    /// When the LATEST iterator was first asked for (epoch ms): the position to come back to.
    opened_ms: Option<i64>,
    /// Records created before this (epoch ms) are behind the position and skipped, up to the
    /// first one at or after it.
    skip_before_ms: Option<i64>,
}

/// How far the client's clock may be ahead of the stream's: records created this long before a
/// LATEST cursor opened may come back after a reopen, rather than records after it be lost.
const CLOCK_SKEW_MS: i64 = 2_000;

/// Whether `record` was created at or after `ms` (epoch ms). ApproximateCreationDateTime is
/// rounded down to the second (aws-semantics §1.5), so `ms` is too; a record without one counts.
pub fn created_since(record: &TextRecord, ms: i64) -> bool {
    record
        .dynamodb
        .approximate_creation_date_time
        .is_none_or(|t| (t * 1000.0) as i64 >= ms.div_euclid(1000) * 1000)
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
            opened_ms: None,
            skip_before_ms: None,
        }
    }

    /// Read the next page (at most `limit` records).
    pub async fn fetch(&mut self, feed: &impl ChangeFeed, limit: usize) -> TResult<Fetch> {
        let mut trimmed = false;
        // At most three iterators: the first (or one after expiry), one after trimming, one
        // more after expiry.
        let mut opens = 0;
        loop {
            if self.iterator.is_none() {
                if opens == 3 {
                    return Err(TargetError::Unavailable(format!(
                        "shard {}: could not obtain a usable iterator",
                        self.shard.shard_id
                    )));
                }
                opens += 1;
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
                    let read_some = !records.is_empty();
                    if let Some(last) = records.last() {
                        self.last_seq = Some(last.dynamodb.sequence_number.clone());
                    }
                    self.iterator = page.next_iterator;
                    self.finished = self.iterator.is_none();
                    self.skip_behind(&mut records);
                    if read_some && records.is_empty() && !self.finished {
                        // Everything read lies behind the position: read on at once, so that
                        // callers never take it for an empty (caught-up) page.
                        continue;
                    }
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
    }

    /// Drop the records before the remembered position, up to the first one at or after it
    /// (later ones follow it in the shard, whatever their rounded creation times say).
    fn skip_behind(&mut self, records: &mut Vec<TextRecord>) {
        let Some(before) = self.skip_before_ms else {
            return;
        };
        match records.iter().position(|r| created_since(r, before)) {
            Some(first) => {
                records.drain(..first);
                self.skip_before_ms = None;
            }
            None => records.clear(),
        }
    }

    /// Where to open the next iterator; remembers when a LATEST one was first opened.
    fn reopen_kind(&mut self) -> IteratorKind {
        if let Some(seq) = &self.last_seq {
            return IteratorKind::After(seq.clone());
        }
        if self.start == IteratorKind::Latest {
            let Some(opened) = self.opened_ms else {
                self.opened_ms = Some(clock::now_ms());
                return IteratorKind::Latest;
            };
            // Expired before a record was read (aws-semantics §1.3: an iterator lives 15
            // minutes). LATEST again would skip whatever was written meanwhile, and the
            // service tells no open shard's newest sequence number (DescribeStream gives only
            // StartingSequenceNumber, §1.2) nor positions an iterator at a time: read from the
            // trim horizon and skip what was created before the first open, as `--from <time>`
            // does.
            self.skip_before_ms = Some(opened - CLOCK_SKEW_MS);
            self.start = IteratorKind::TrimHorizon;
        }
        self.start.clone()
    }
}
