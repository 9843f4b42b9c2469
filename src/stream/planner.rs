//! Which shards to read, and from where: the stream's lineage refreshed (paged DescribeStream,
//! periodically when following, ShardFilter CHILD_SHARDS as soon as a parent closes), a child
//! started only once its parent is read to its end, and each new shard's start position from a
//! checkpoint, the parent, or the requested start. Shared by `tail` and `consume`.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use orders_core::SequenceNumber;
use tokio::time::Instant;

use super::lineage::Lineage;
use crate::backend::checkpoint_file::ShardProgress;
use crate::backend::{ChangeFeed, IteratorKind, ShardDesc, TResult};

/// Where reading starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The oldest record kept.
    TrimHorizon,
    /// Only records written from now on.
    Latest,
    /// Records from this sequence number on.
    At(SequenceNumber),
    /// Records after this sequence number.
    After(SequenceNumber),
    /// Records created at or after this time (epoch ms); read from the trim horizon, as
    /// DynamoDB Streams has no AT_TIMESTAMP iterator.
    Time(i64),
}

/// Plans shard reading for one reader.
#[derive(Debug)]
pub struct Planner {
    start: Start,
    resume: HashMap<String, ShardProgress>,
    refresh_every: Option<Duration>,
    lineage: Lineage,
    touched: HashSet<String>,
    last_refresh: Option<Instant>,
    need_refresh: bool,
    /// Closed shards just finished, whose children are looked up with ShardFilter CHILD_SHARDS.
    finished_parents: Vec<String>,
    /// Whether the first DescribeStream pass is over: shards that appear later are new, and
    /// everything in them comes after any start position.
    initial_done: bool,
}

impl Planner {
    /// A planner; `refresh_every` is `None` when new shards need not be looked for.
    pub fn new(
        start: Start,
        resume: HashMap<String, ShardProgress>,
        refresh_every: Option<Duration>,
    ) -> Planner {
        Planner {
            start,
            resume,
            refresh_every,
            lineage: Lineage::default(),
            touched: HashSet::new(),
            last_refresh: None,
            need_refresh: true,
            finished_parents: Vec::new(),
            initial_done: false,
        }
    }

    /// Refresh what is due, and return the shards that can start now with their positions.
    pub async fn update(
        &mut self,
        feed: &impl ChangeFeed,
        arn: &str,
    ) -> TResult<Vec<(ShardDesc, IteratorKind)>> {
        let mut started = Vec::new();
        let refresh_due = self
            .refresh_every
            .is_some_and(|every| self.last_refresh.is_none_or(|t| t.elapsed() >= every));
        if self.need_refresh || refresh_due {
            self.lineage.refresh(feed, arn).await?;
            self.last_refresh = Some(Instant::now());
            self.need_refresh = false;
            self.finished_parents.clear();
            started.extend(self.activate_ready());
            self.initial_done = true;
        }
        // A parent closed: find its children at once (aws-semantics §1.4), without paging
        // through every shard again.
        while let Some(parent) = self.finished_parents.pop() {
            let page = feed.describe_stream(arn, None, Some(&parent)).await?;
            for child in page.shards {
                self.lineage.update(child);
            }
            started.extend(self.activate_ready());
        }
        Ok(started)
    }

    /// A shard has been read to its end: its children may start.
    pub fn finished(&mut self, shard_id: &str) {
        self.lineage.mark_done(shard_id);
        self.finished_parents.push(shard_id.to_owned());
    }

    /// A shard disappeared (trimmed): treat it as done and look at the stream again.
    pub fn gone(&mut self, shard_id: &str) {
        self.lineage.mark_done(shard_id);
        self.need_refresh = true;
    }

    /// Whether a refresh or a child lookup is still to happen.
    pub fn busy(&self) -> bool {
        self.need_refresh || !self.finished_parents.is_empty()
    }

    /// When the next periodic refresh is due.
    pub fn next_refresh(&self) -> Option<Instant> {
        Some(self.last_refresh? + self.refresh_every?)
    }

    /// The shards known so far.
    pub fn shards(&self) -> impl Iterator<Item = &ShardDesc> {
        self.lineage.shards()
    }

    /// Start shards whose parents are done; skip those the start position rules out.
    fn activate_ready(&mut self) -> Vec<(ShardDesc, IteratorKind)> {
        let mut started = Vec::new();
        loop {
            let ready = self.lineage.ready();
            if ready.is_empty() {
                return started;
            }
            for shard in ready {
                match self.start_for(&shard) {
                    Some(kind) => {
                        self.touched.insert(shard.shard_id.clone());
                        started.push((shard, kind));
                    }
                    None => self.lineage.mark_done(&shard.shard_id),
                }
            }
        }
    }

    /// Where a newly ready shard starts, or `None` to skip it.
    fn start_for(&mut self, shard: &ShardDesc) -> Option<IteratorKind> {
        if let Some(progress) = self.resume.get(&shard.shard_id) {
            if progress.finished {
                self.touched.insert(shard.shard_id.clone());
                return None;
            }
            if let Some(seq) = &progress.sequence_number {
                return Some(IteratorKind::After(seq.clone()));
            }
        }
        // A child of a shard we read continues where its parent ended; a shard that appeared
        // after we started holds only new records. So does the child of a shard we had a
        // checkpoint in, or (when we have checkpoints at all) of a shard trimmed away since:
        // the start position applies to a reader's first shards only, and its backlog is
        // read from TRIM_HORIZON (aws-semantics §1.4, §3.1; issue 11, finding 5).
        let continues = shard.parent_shard_id.as_ref().is_some_and(|p| {
            self.touched.contains(p)
                || self.resume.contains_key(p)
                || (!self.resume.is_empty() && self.lineage.get(p).is_none())
        });
        if self.initial_done || continues {
            return Some(IteratorKind::TrimHorizon);
        }
        match &self.start {
            Start::TrimHorizon | Start::Time(_) => Some(IteratorKind::TrimHorizon),
            Start::Latest if shard.is_closed() => None,
            Start::Latest => Some(IteratorKind::Latest),
            Start::At(s) | Start::After(s) => {
                if shard
                    .ending_sequence_number
                    .as_ref()
                    .is_some_and(|end| end < s)
                {
                    None
                } else if &shard.starting_sequence_number <= s {
                    Some(if matches!(self.start, Start::At(_)) {
                        IteratorKind::At(s.clone())
                    } else {
                        IteratorKind::After(s.clone())
                    })
                } else {
                    Some(IteratorKind::TrimHorizon)
                }
            }
        }
    }
}
