//! Reading a whole stream: every shard (new ones found while following), parents before
//! children (aws-semantics §1.4), several shards in flight at once, each polled no faster than
//! the target allows and backed off when empty or throttled. Memory stays bounded: at most one
//! page per shard in flight.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use futures_util::stream::FuturesUnordered;
use orders_core::{SequenceNumber, TextRecord};
use tokio::time::Instant;

use super::cursor::{Fetch, ShardCursor, created_since};
use super::planner::Planner;
pub use super::planner::Start;
use crate::backend::checkpoint_file::ShardProgress;
use crate::backend::{ChangeFeed, FeedPace, ShardDesc, TResult, TargetError};

/// When reading stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read what exists: each open shard until it returns `drain_empty_pages` empty pages in a
    /// row.
    Drain,
    /// Stop once every open shard has returned nothing for this long.
    UntilIdle(Duration),
    /// Never stop (until the caller does).
    Follow,
}

/// Tuning.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Where to start.
    pub start: Start,
    /// When to stop.
    pub mode: Mode,
    /// Shards read at once.
    pub concurrency: usize,
    /// Records per GetRecords call (≤ 1000).
    pub limit: usize,
    /// Least time between two calls on one shard (AWS: 250 ms, Lambda's own 4 polls/s; AWS
    /// publishes no GetRecords rate for DynamoDB Streams, aws-semantics §1.4).
    pub min_interval: Duration,
    /// Consecutive empty pages that mean an open shard is caught up in `Mode::Drain`. On AWS an
    /// empty page does not prove it (§1.3: data may lie further on), locally it does.
    pub drain_empty_pages: u32,
    /// First wait after an empty page; doubles while the shard stays empty…
    pub idle_poll: Duration,
    /// …up to this.
    pub max_idle_poll: Duration,
    /// How often DescribeStream is asked for new shards while following.
    pub refresh_every: Duration,
    /// Consecutive failures of one shard before giving up (when not following).
    pub max_failures: u32,
    /// Progress from a checkpoint, by shard id.
    pub resume: HashMap<String, ShardProgress>,
}

impl ReaderOptions {
    /// Options for reading from `start` in `mode` at the feed's pace.
    pub fn new(start: Start, mode: Mode, pace: &FeedPace) -> ReaderOptions {
        ReaderOptions {
            start,
            mode,
            concurrency: 8,
            limit: 1000,
            min_interval: pace.min_interval,
            drain_empty_pages: pace.drain_empty_pages,
            idle_poll: pace.idle_poll,
            max_idle_poll: pace.max_idle_poll,
            refresh_every: pace.refresh_every,
            max_failures: 5,
            resume: HashMap::new(),
        }
    }
}

/// Records from one shard, in order.
#[derive(Debug)]
pub struct Batch {
    /// The shard.
    pub shard_id: Arc<str>,
    /// Records at or after the start position.
    pub records: Vec<TextRecord>,
    /// The last sequence number fetched, kept or not (for checkpoints).
    pub last_seq: Option<SequenceNumber>,
}

/// What the reader reports.
#[derive(Debug)]
pub enum Event {
    /// Records.
    Batch(Batch),
    /// A closed shard has been read to its end.
    Finished(Arc<str>),
    /// Something the operator should know (trimmed records, retries).
    Warning(String),
}

struct Slot {
    cursor: ShardCursor,
    /// When the last GetRecords call on this shard started (the rate limit counts calls).
    launched: Instant,
    next_poll: Instant,
    poll: Duration,
    empty_since: Option<Instant>,
    /// Empty pages in a row.
    empties: u32,
    failures: u32,
}

type InFlight<'a> = LocalBoxFuture<'a, (Slot, TResult<Fetch>)>;

/// Reads a stream shard by shard.
pub struct Reader<'a, F: ChangeFeed> {
    feed: &'a F,
    arn: String,
    opts: ReaderOptions,
    planner: Planner,
    idle: Vec<Slot>,
    in_flight: FuturesUnordered<InFlight<'a>>,
    pending: VecDeque<Event>,
}

impl<'a, F: ChangeFeed> Reader<'a, F> {
    /// A reader of `arn`.
    pub fn new(feed: &'a F, arn: String, mut opts: ReaderOptions) -> Reader<'a, F> {
        let planner = Planner::new(
            opts.start.clone(),
            std::mem::take(&mut opts.resume),
            (opts.mode != Mode::Drain).then_some(opts.refresh_every),
        );
        Reader {
            feed,
            arn,
            opts,
            planner,
            idle: Vec::new(),
            in_flight: FuturesUnordered::new(),
            pending: VecDeque::new(),
        }
    }

    /// The shards known so far.
    pub fn shards(&self) -> impl Iterator<Item = &ShardDesc> {
        self.planner.shards()
    }

    /// The next event, or `None` when the mode says reading is over.
    pub async fn next(&mut self) -> TResult<Option<Event>> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Ok(Some(event));
            }
            for (shard, kind) in self.planner.update(self.feed, &self.arn).await? {
                self.idle.push(Slot {
                    cursor: ShardCursor::new(&self.arn, shard, kind),
                    launched: Instant::now(),
                    next_poll: Instant::now(),
                    poll: self.opts.idle_poll,
                    empty_since: None,
                    empties: 0,
                    failures: 0,
                });
            }
            self.launch_due();
            if self.done() {
                return Ok(None);
            }
            let wake = self.next_wake();
            if self.in_flight.is_empty() {
                tokio::time::sleep_until(wake).await;
                continue;
            }
            let completed = tokio::select! {
                done = self.in_flight.next() => done,
                _ = tokio::time::sleep_until(wake) => None,
            };
            if let Some((slot, result)) = completed {
                self.complete(slot, result)?;
            }
        }
    }

    /// The earliest time something is due: a shard poll or a lineage refresh.
    fn next_wake(&self) -> Instant {
        let poll = self.idle.iter().map(|s| s.next_poll).min();
        let refresh = self.planner.next_refresh();
        let idle_end = match self.opts.mode {
            Mode::UntilIdle(d) => self
                .idle
                .iter()
                .filter_map(|s| s.empty_since.map(|e| e + d))
                .max(),
            _ => None,
        };
        [poll, refresh, idle_end]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or_else(|| Instant::now() + Duration::from_millis(100))
    }

    fn done(&self) -> bool {
        if !self.in_flight.is_empty() || self.planner.busy() || !self.pending.is_empty() {
            return false;
        }
        match self.opts.mode {
            Mode::Follow => false,
            Mode::Drain => self.idle.is_empty(),
            Mode::UntilIdle(d) => self
                .idle
                .iter()
                .all(|s| s.empty_since.is_some_and(|e| e.elapsed() >= d)),
        }
    }

    fn launch_due(&mut self) {
        let now = Instant::now();
        let mut i = 0;
        while i < self.idle.len() && self.in_flight.len() < self.opts.concurrency.max(1) {
            if self.idle[i].next_poll <= now {
                let mut slot = self.idle.swap_remove(i);
                slot.launched = now;
                let feed = self.feed;
                let limit = self.opts.limit;
                self.in_flight.push(Box::pin(async move {
                    let result = slot.cursor.fetch(feed, limit).await;
                    (slot, result)
                }));
            } else {
                i += 1;
            }
        }
    }

    fn complete(&mut self, mut slot: Slot, result: TResult<Fetch>) -> TResult<()> {
        let now = Instant::now();
        let fetch = match result {
            Ok(fetch) => fetch,
            Err(e) if e.is_transient() => {
                slot.failures += 1;
                if self.opts.mode != Mode::Follow && slot.failures > self.opts.max_failures {
                    return Err(e);
                }
                let backoff = Duration::from_millis(200 * 2u64.pow(slot.failures.min(5)));
                if slot.failures == 1 || slot.failures.is_multiple_of(10) {
                    self.pending.push_back(Event::Warning(format!(
                        "{}: {e}; retrying in {}",
                        slot.cursor.shard.shard_id,
                        crate::duration::show(backoff)
                    )));
                }
                slot.next_poll = now + backoff;
                self.idle.push(slot);
                return Ok(());
            }
            Err(TargetError::NotFound(msg)) => {
                // The shard is gone (trimmed after closing); the stream itself is checked on
                // the next refresh.
                self.pending.push_back(Event::Warning(format!(
                    "{}: {msg}",
                    slot.cursor.shard.shard_id
                )));
                self.planner.gone(&slot.cursor.shard.shard_id);
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        slot.failures = 0;
        if fetch.trimmed {
            self.pending.push_back(Event::Warning(format!(
                "{}: records were trimmed (older than 24 h) before they could be read; continuing from the trim horizon",
                slot.cursor.shard.shard_id
            )));
        }
        let empty = fetch.records.is_empty();
        let last_seq = fetch
            .records
            .last()
            .map(|r| r.dynamodb.sequence_number.clone());
        let records: Vec<TextRecord> = fetch.records.into_iter().filter(|r| self.keep(r)).collect();
        if last_seq.is_some() {
            self.pending.push_back(Event::Batch(Batch {
                shard_id: slot.cursor.shard_id.clone(),
                records,
                last_seq,
            }));
        }
        if fetch.finished {
            self.planner.finished(&slot.cursor.shard.shard_id);
            self.pending
                .push_back(Event::Finished(slot.cursor.shard_id.clone()));
            return Ok(());
        }
        if empty {
            slot.empties += 1;
            if self.opts.mode == Mode::Drain && slot.empties >= self.opts.drain_empty_pages {
                // Caught up with an open shard: done with it for this run.
                return Ok(());
            }
            slot.empty_since.get_or_insert(now);
            slot.next_poll = now + slot.poll;
            slot.poll = (slot.poll * 2).min(self.opts.max_idle_poll);
        } else {
            slot.empty_since = None;
            slot.empties = 0;
            slot.poll = self.opts.idle_poll;
            // At most one call per min_interval, counted from call start to call start.
            slot.next_poll = (slot.launched + self.opts.min_interval).max(now);
        }
        self.idle.push(slot);
        Ok(())
    }

    /// Client-side start filter for sequence-number and time starts.
    fn keep(&self, r: &TextRecord) -> bool {
        match &self.opts.start {
            Start::At(s) => r.dynamodb.sequence_number >= *s,
            Start::After(s) => r.dynamodb.sequence_number > *s,
            Start::Time(ms) => created_since(r, *ms),
            _ => true,
        }
    }
}
