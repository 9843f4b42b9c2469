//! One function consuming the stream as a Lambda event source mapping does (aws-semantics §3):
//! per shard, parents before children; filters applied before batching (filtered records move
//! the checkpoint and are counted); batches up to BatchSize, gathered for up to the batching
//! window; the response read as §3.3 says; retries, bisection, record age, and exactly one
//! on-failure record when a batch is given up; the checkpoint persisted after every batch.

use std::time::Duration;

use orders_core::caps::DeadLetters;
use orders_core::{Event, SequenceNumber, TextRecord, clock};
use tokio::time::Instant;

use super::checkpoints::Checkpoints;
use super::handler::Handler;
use super::onfailure::{self, Condition};
use super::response::{Verdict, interpret};
use super::shard::{Pending, ShardRun};
use super::stats::FunctionStats;
use super::telemetry::Telemetry;
use crate::backend::{ChangeFeed, FeedPace, TargetError};
use crate::filter::FilterSet;
use crate::functions::Subscription;
use crate::stream::checkpoint::ShardProgress;
use crate::stream::cursor::ShardCursor;
use crate::stream::planner::Planner;
use crate::stream::reader::Start;

/// How a consumer paces its reads.
#[derive(Debug, Clone)]
pub struct Pace {
    /// Least time between two GetRecords calls on one shard after records came back.
    pub min_interval: Duration,
    /// Wait after an empty page.
    pub idle_poll: Duration,
    /// How often to look for new shards (`None`: only at start and when a parent closes).
    pub refresh_every: Option<Duration>,
    /// Consecutive failed reads of one shard before giving up (`None`: never, when following).
    pub max_read_failures: Option<u32>,
}

impl Pace {
    /// Polling at the feed's pace (Lambda's 4 polls a second per shard on AWS, aws-semantics
    /// §1.4); a follower looks for new shards periodically, a run that ends does not.
    pub fn for_feed(pace: &FeedPace, following: bool) -> Pace {
        Pace {
            min_interval: pace.min_interval,
            idle_poll: pace.consumer_idle_poll,
            refresh_every: following.then_some(pace.refresh_every),
            max_read_failures: None,
        }
    }
}

/// First wait before retrying a failed batch; it doubles per attempt up to `RETRY_DELAY_MAX`,
/// so retries ride out a transient fault instead of spending themselves in milliseconds.
const RETRY_DELAY: Duration = Duration::from_millis(100);
const RETRY_DELAY_MAX: Duration = Duration::from_secs(10);

/// With MaximumRecordAgeInSeconds -1, records are retried until the stream trims them: 24 h
/// (aws-semantics §3.1).
const RETENTION_S: i64 = 86_400;

/// What one step achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Something happened (a read, an invocation, a commit).
    Worked,
    /// Nothing to do before this time.
    Wait(Instant),
}

/// One function consuming one stream.
pub struct Consumer<'a, F: ChangeFeed, H, Q> {
    feed: &'a F,
    handler: H,
    destination: &'a Q,
    checkpoints: &'a Checkpoints<'a>,
    telemetry: &'a Telemetry<'a>,
    arn: String,
    sub: Subscription,
    filters: FilterSet,
    pace: Pace,
    planner: Planner,
    runs: Vec<ShardRun>,
    /// Since when there has been no shard to read.
    without_runs_since: Option<Instant>,
    next: usize,
    /// What it did so far.
    pub stats: FunctionStats,
}

/// Where a consumer reads, writes and reports.
#[derive(Debug)]
pub struct Wiring<'a, F, Q> {
    /// The stream.
    pub feed: &'a F,
    /// The on-failure destination.
    pub destination: &'a Q,
    /// Checkpoint store.
    pub checkpoints: &'a Checkpoints<'a>,
    /// Metrics.
    pub telemetry: &'a Telemetry<'a>,
    /// The stream ARN.
    pub arn: String,
    /// Polling.
    pub pace: Pace,
}

impl<'a, F: ChangeFeed, H: Handler, Q: DeadLetters> Consumer<'a, F, H, Q> {
    /// A consumer of the stream for `handler`, subscribed as `sub`, resuming from its
    /// checkpoints (or `start`, else the subscription's starting position).
    pub fn new(
        wiring: Wiring<'a, F, Q>,
        handler: H,
        sub: Subscription,
        filters: FilterSet,
        start: Option<Start>,
    ) -> anyhow::Result<Consumer<'a, F, H, Q>> {
        let Wiring {
            feed,
            destination,
            checkpoints,
            telemetry,
            arn,
            pace,
        } = wiring;
        let resume = checkpoints.load(handler.name(), &arn)?;
        let start = start.unwrap_or(if sub.starting_position == "latest" {
            Start::Latest
        } else {
            Start::TrimHorizon
        });
        Ok(Consumer {
            planner: Planner::new(start, resume, pace.refresh_every),
            feed,
            destination,
            checkpoints,
            telemetry,
            arn,
            stats: FunctionStats::new(handler.name()),
            handler,
            sub,
            filters,
            pace,
            runs: Vec::new(),
            without_runs_since: None,
            next: 0,
        })
    }

    /// When every shard has been idle (read to the end of what exists, all committed) — since
    /// when; `None` while work remains.
    pub fn idle_since(&self) -> Option<Instant> {
        if self.planner.busy() {
            return None;
        }
        let mut latest = None;
        for run in &self.runs {
            // A drained shard still here has not been retired: its filtered tail is not yet
            // committed and its children are not yet looked up (§1.4). Idle only after that,
            // or a run asked between the two steps ends with the children unread.
            if run.drained || run.matched() > 0 || !run.pending.is_empty() {
                return None;
            }
            match run.idle_since {
                Some(t) => latest = Some(latest.map_or(t, |l: Instant| l.max(t))),
                None => return None,
            }
        }
        // No shard to read (none yet, or all finished): idle since that was first seen, not
        // "now" — or `consume --until-idle` never ends on an empty stream.
        Some(
            latest
                .or(self.without_runs_since)
                .unwrap_or_else(Instant::now),
        )
    }

    /// Do the next piece of work on one shard.
    pub async fn step(&mut self) -> anyhow::Result<Step> {
        for (shard, kind) in self.planner.update(self.feed, &self.arn).await? {
            self.runs.push(ShardRun::new(
                ShardCursor::new(&self.arn, shard, kind),
                None,
            ));
        }
        if self.runs.is_empty() {
            self.without_runs_since.get_or_insert_with(Instant::now);
        } else {
            self.without_runs_since = None;
        }
        let now = Instant::now();
        let mut wake = now + self.pace.idle_poll;
        for _ in 0..self.runs.len() {
            self.next = (self.next + 1) % self.runs.len();
            let i = self.next;
            if self.runs[i].done() {
                // Read and committed to its end: its children may start (lineage, §1.4).
                let run = self.runs.remove(i);
                self.save(&run, true)?;
                self.planner.finished(&run.cursor.shard.shard_id);
                return Ok(Step::Worked);
            }
            match self.act(i, now).await? {
                Step::Worked => return Ok(Step::Worked),
                Step::Wait(t) => wake = wake.min(t),
            }
        }
        if let Some(t) = self.planner.next_refresh() {
            wake = wake.min(t);
        }
        Ok(Step::Wait(wake))
    }

    async fn act(&mut self, i: usize, now: Instant) -> anyhow::Result<Step> {
        // Filtered records never reach the function; the checkpoint moves past them at once
        // (§4.1: "the streams iterator advances past this record").
        let prefix = self.runs[i].filtered_prefix();
        if prefix > 0 {
            self.commit_counted(i, prefix - 1);
            self.save(&self.runs[i], false)?;
            return Ok(Step::Worked);
        }
        let max = self.runs[i]
            .limit
            .unwrap_or(usize::MAX)
            .min(self.sub.batch_size as usize);
        let matched = self.runs[i].matched();
        let window = Duration::from_secs(u64::from(self.sub.maximum_batching_window_seconds));
        let window_over = self.runs[i].batch_started.is_none_or(|t| now >= t + window);
        let caught_up = self.runs[i].drained || self.runs[i].idle_since.is_some();
        if let Some(at) = self.runs[i].retry_at.filter(|at| *at > now) {
            return Ok(Step::Wait(at));
        }
        if matched > 0 && (matched >= max || window_over || (caught_up && window.is_zero())) {
            return self.invoke(i, max).await.map(|()| Step::Worked);
        }
        if self.runs[i].drained {
            return Ok(Step::Wait(now + self.pace.idle_poll));
        }
        if self.runs[i].next_poll > now || matched >= max {
            let until = self.runs[i]
                .batch_started
                .map_or(self.runs[i].next_poll, |t| {
                    self.runs[i].next_poll.min(t + window)
                });
            return Ok(Step::Wait(until.max(now)));
        }
        self.read(i).await.map(|()| Step::Worked)
    }

    async fn read(&mut self, i: usize) -> anyhow::Result<()> {
        let started = Instant::now();
        let run = &mut self.runs[i];
        let fetch = match run.cursor.fetch(self.feed, 1000).await {
            Ok(f) => f,
            Err(e) if e.is_transient() => {
                run.failures += 1;
                if self
                    .pace
                    .max_read_failures
                    .is_some_and(|m| run.failures > m)
                {
                    return Err(e.into());
                }
                let backoff = Duration::from_millis(200 * 2u64.pow(run.failures.min(5)));
                if run.failures == 1 || run.failures.is_multiple_of(10) {
                    tracing::warn!(
                        "{}: {}: {e}; retrying in {}",
                        self.handler.name(),
                        run.cursor.shard.shard_id,
                        crate::duration::show(backoff)
                    );
                }
                run.next_poll = Instant::now() + backoff;
                return Ok(());
            }
            Err(TargetError::NotFound(msg)) => {
                // The shard is gone (trimmed after it closed): finish what was read from it.
                tracing::warn!(
                    "{}: {}: {msg}",
                    self.handler.name(),
                    run.cursor.shard.shard_id
                );
                run.drained = true;
                return Ok(());
            }
            Err(e) => return Err(e.into()),
        };
        run.failures = 0;
        if fetch.trimmed {
            tracing::warn!(
                "{}: {}: records were trimmed (older than 24 h) before they could be read; continuing from the trim horizon",
                self.handler.name(),
                run.cursor.shard.shard_id
            );
        }
        let now = Instant::now();
        if fetch.records.is_empty() {
            run.idle_since.get_or_insert(now);
            run.next_poll = now + self.pace.idle_poll;
        } else {
            run.idle_since = None;
            run.next_poll = (started + self.pace.min_interval).max(now);
            if run.pending.iter().all(|p| !p.matched) {
                run.batch_started = None;
            }
        }
        let images = self.filters.reads_dynamodb();
        for record in fetch.records {
            let matched = self.filters.is_empty()
                || self
                    .filters
                    .matches(&crate::stream::filter_value(&record, images)?);
            if matched && run.batch_started.is_none() {
                run.batch_started = Some(now);
            }
            run.pending.push_back(Pending { record, matched });
        }
        run.drained = fetch.finished;
        Ok(())
    }

    /// Invoke the function on the next batch and apply Lambda's rules to the result.
    async fn invoke(&mut self, i: usize, max: usize) -> anyhow::Result<()> {
        if self.expire(i).await? {
            return Ok(());
        }
        let Some((end, n)) = self.runs[i].batch_span(max) else {
            return Ok(());
        };
        let batch: Vec<TextRecord> = self.runs[i]
            .pending
            .range(0..=end)
            .filter(|p| p.matched)
            .map(|p| p.record.clone())
            .collect();
        let typed = batch
            .iter()
            .map(|r| r.typed())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| anyhow::anyhow!("a stream record is not valid JSON: {e}"))?;
        let seqs: Vec<SequenceNumber> = batch
            .iter()
            .map(|r| r.dynamodb.sequence_number.clone())
            .collect();
        let attempt = self.runs[i].attempt;
        let invoked = self
            .handler
            .invoke(&Event { records: typed }, attempt)
            .await;
        self.stats.invocations += 1;
        if attempt > 1 {
            self.stats.retried_records += n as u64;
        }
        for outcome in &invoked.outcomes {
            use orders_core::batch::Outcome::*;
            match outcome {
                Ok => self.stats.ok += 1,
                Duplicate => self.stats.duplicates += 1,
                Superseded => self.stats.superseded += 1,
                PermanentFailure => self.stats.permanent_failures += 1,
                TransientFailure | Filtered => {}
            }
        }
        // IteratorAge: now minus the last record's ApproximateCreationDateTime (§5.1 [emu]).
        // A record without ApproximateCreationDateTime gives no age (not one of 56 years).
        let age = batch
            .last()
            .and_then(|r| r.dynamodb.approximate_creation_date_time)
            .map_or(0, |created| {
                (clock::now_ms() - (created * 1000.0) as i64).max(0)
            });
        self.stats.age(age);
        let verdict = interpret(
            &seqs,
            invoked.response.as_ref(),
            invoked.function_error,
            self.sub.report_batch_item_failures,
        );
        let (mut filtered, mut dropped, mut delivered) = (0, 0, 0);
        let failed = !matches!(verdict, Verdict::Success);
        match verdict {
            Verdict::Success => {
                let (_, f) = self.runs[i].commit(end);
                filtered = f;
                self.reset(i);
            }
            Verdict::Partial { retry_from } => {
                let at = self.runs[i].position(&retry_from).unwrap_or(0);
                let first = self.runs[i].filtered_prefix();
                if at > first {
                    // Progress: commit before the failure; a new batch starts there (§3.3 [emu]).
                    let done = self.runs[i]
                        .pending
                        .range(0..at)
                        .filter(|p| p.matched)
                        .count();
                    let (_, f) = self.runs[i].commit(at - 1);
                    filtered = f;
                    self.stats.errors += 1;
                    if self.runs[i].limit.is_some() {
                        // What is left of a bisected half stays a batch of its own (a new one).
                        self.runs[i].halves.push((n.saturating_sub(done).max(1), 1));
                    }
                    self.reset(i);
                } else {
                    (dropped, delivered) = self.failed(i, end, n, &batch, false).await?;
                }
            }
            Verdict::WholeBatch { reason } => {
                tracing::debug!("{}: whole batch failed: {reason}", self.handler.name());
                (dropped, delivered) = self
                    .failed(i, end, n, &batch, invoked.function_error)
                    .await?;
            }
        }
        self.stats.filtered += filtered;
        self.telemetry.invocation(
            self.handler.name(),
            age,
            failed,
            filtered,
            dropped,
            delivered,
        );
        self.save(&self.runs[i], false)
    }

    /// A failed invocation: bisect, or count an attempt and give up when retries run out.
    /// Returns (records dropped, records reported to the destination).
    async fn failed(
        &mut self,
        i: usize,
        end: usize,
        n: usize,
        batch: &[TextRecord],
        function_error: bool,
    ) -> anyhow::Result<(u64, u64)> {
        self.stats.errors += 1;
        if self.sub.bisect_batch_on_function_error && n > 1 {
            // §3.4: split before retrying; splitting does not use the retry quota. The first
            // half goes next; the second waits its turn as a batch of its own, with the same
            // attempt count (issue 11, finding 4: it was merged with the records behind it).
            let first = n.div_ceil(2);
            let run = &mut self.runs[i];
            run.halves.push((n - first, run.attempt));
            run.limit = Some(first);
            self.stats.bisections += 1;
            return Ok((0, 0));
        }
        self.runs[i].attempt += 1;
        let invokes = self.runs[i].attempt - 1;
        let retries = self.sub.maximum_retry_attempts;
        if retries >= 0 && i64::from(invokes) > retries {
            let function_error = function_error.then_some("Unhandled");
            let sent = self
                .give_up(
                    i,
                    Condition::RetryAttemptsExhausted,
                    batch,
                    invokes,
                    function_error,
                )
                .await?;
            self.commit_counted(i, end);
            self.reset(i);
            return Ok((n as u64, sent));
        }
        let delay = RETRY_DELAY
            .saturating_mul(2u32.saturating_pow(invokes.saturating_sub(1).min(16)))
            .min(RETRY_DELAY_MAX);
        self.runs[i].retry_at = Some(Instant::now() + delay);
        Ok((0, 0))
    }

    /// Drop records at the front that are older than MaximumRecordAgeInSeconds (§3.4), with
    /// one on-failure record (`RecordAgeExceeded`). True when something expired.
    async fn expire(&mut self, i: usize) -> anyhow::Result<bool> {
        let max_age = match self.sub.maximum_record_age_seconds {
            age if age < 0 => RETENTION_S,
            age => age,
        };
        let now_s = clock::now_ms() as f64 / 1000.0;
        let mut expired = Vec::new();
        let mut end = None;
        for (idx, p) in self.runs[i].pending.iter().enumerate() {
            let created = p
                .record
                .dynamodb
                .approximate_creation_date_time
                .unwrap_or(now_s);
            if now_s - created <= max_age as f64 {
                break;
            }
            end = Some(idx);
            if p.matched {
                expired.push(p.record.clone());
            }
        }
        let Some(end) = end else { return Ok(false) };
        let mut sent = 0;
        // Observed on AWS: 1 when the records expired before delivery (§3.5).
        let invokes = self.runs[i].attempt.saturating_sub(1).max(1);
        // One on-failure record per batch of at most BatchSize records, as Lambda gives up
        // batch by batch (§3.5; issue 11, finding 6).
        for batch in expired.chunks(self.sub.batch_size.max(1) as usize) {
            sent += self
                .give_up(i, Condition::RecordAgeExceeded, batch, invokes, None)
                .await?;
        }
        self.commit_counted(i, end);
        // The records the halves counted may be among those just dropped: start afresh.
        self.runs[i].halves.clear();
        self.reset(i);
        self.telemetry
            .dropped(self.handler.name(), expired.len() as u64, sent);
        self.save(&self.runs[i], false)?;
        Ok(true)
    }

    /// Commit pending `0..=end` outside a successful invocation, counting the filtered records
    /// among them (stats and `FilteredOutEventCount`).
    fn commit_counted(&mut self, i: usize, end: usize) {
        let (_, filtered) = self.runs[i].commit(end);
        self.stats.filtered += filtered;
        self.telemetry.filtered(self.handler.name(), filtered);
    }

    async fn give_up(
        &mut self,
        i: usize,
        condition: Condition,
        records: &[TextRecord],
        invokes: u32,
        function_error: Option<&str>,
    ) -> anyhow::Result<u64> {
        self.stats.dropped += records.len() as u64;
        if self.sub.on_failure.is_empty() {
            return Ok(0);
        }
        let shard = self.runs[i].cursor.shard.shard_id.clone();
        let Some(record) = onfailure::record(
            condition,
            &self.arn,
            &shard,
            &self.sub.lambda_name,
            records,
            invokes,
            function_error,
        ) else {
            return Ok(0);
        };
        self.destination
            .send(&serde_json::to_string(&record)?)
            .await
            .map_err(|e| {
                anyhow::anyhow!("cannot send the on-failure record to the dead-letter queue: {e}")
            })?;
        self.stats.on_failure_records += 1;
        Ok(records.len() as u64)
    }

    /// The batch is over (committed or given up): the next is the untried half of a bisected
    /// batch, if one waits, else a fresh batch.
    fn reset(&mut self, i: usize) {
        let run = &mut self.runs[i];
        (run.limit, run.attempt) = match run.halves.pop() {
            Some((size, attempt)) => (Some(size), attempt),
            None => (None, 1),
        };
        run.retry_at = None;
        run.batch_started = run.pending.iter().any(|p| p.matched).then(Instant::now);
    }

    fn save(&self, run: &ShardRun, finished: bool) -> anyhow::Result<()> {
        let progress = ShardProgress {
            sequence_number: run.checkpoint.clone(),
            finished,
        };
        if progress.sequence_number.is_some() || finished {
            self.checkpoints.save(
                self.handler.name(),
                &self.arn,
                &run.cursor.shard.shard_id,
                &progress,
            )?;
        }
        Ok(())
    }
}

pub use crate::backend::effects::BatchScope;
