//! Replaying dead letters without losing one (aws-semantics §6.4): receive with a visibility
//! timeout, resolve the records, run them through the function (in-process with the target's
//! adapters, or the deployed Lambda), and delete the message only after the replay succeeded.
//! A message that fails stays — body intact — and is made visible again at the end of the
//! run; while a slow replay runs its visibility is extended; a crash at any point leaves the
//! message to come back, and the functions' idempotency makes the second replay harmless.

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use orders_core::caps::{DeadLetters, Idempotency, Mailer, Metrics, Stock};
use orders_core::clock;

use super::batch::run_batch;
use super::chosen::Chosen;
pub use super::invoke::Via;
use super::journal::Journal;
use super::lease::Held;
pub use super::outcome::{MessageOutcome, ReplaySummary};
use super::resolve::subscription_filters;
use crate::backend::queue::{Queue, ReplayMarks};
use crate::backend::{ChangeFeed, OrderStore};
use crate::filter::FilterSet;
use crate::functions::{Function, Subscriptions};
use crate::interrupt::Interrupt;

/// What becomes of a message whose records' order has moved on since (aws-semantics §7.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StalePolicy {
    /// Leave it in the queue and report it (the run exits 1).
    #[default]
    Keep,
    /// Delete it, after writing it whole to the journal.
    Skip,
    /// Replay it anyway (the functions' order marks still keep stock right).
    Replay,
}

/// What becomes of a message whose records the stream no longer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnrecoverablePolicy {
    /// Leave it in the queue and report it (the run exits 1).
    #[default]
    Keep,
    /// Delete it, after writing it whole to the journal.
    Drop,
}

/// How a replay runs.
pub struct ReplayOptions<'a, D> {
    /// Stop after this many messages.
    pub max: Option<usize>,
    /// Messages replayed at once.
    pub concurrency: usize,
    /// Replay only messages with a record matching these patterns.
    pub filters: FilterSet,
    /// Replay into this function, whatever the message says.
    pub function: Option<Function>,
    /// In-process or the deployed Lambda.
    pub via: Via<'a, D>,
    /// Decode and resolve only.
    pub dry_run: bool,
    /// How long a received message stays hidden (extended while its replay runs).
    pub visibility: Duration,
    /// Append one JSON line per message here (required when a policy deletes messages).
    pub journal: Option<PathBuf>,
    /// Messages whose order moved on.
    pub stale: StalePolicy,
    /// Messages whose records are trimmed.
    pub unrecoverable: UnrecoverablePolicy,
    /// `--id`: replay only the messages these ids (or their starts) name; empty for every one.
    pub ids: Vec<String>,
    /// Ctrl-C or SIGTERM: the first stops receiving and finishes the messages in hand; the
    /// second abandons them (undeleted, they come back when their visibility timeout ends).
    pub stop: Interrupt,
}

/// Where replay reads and writes: the queue, the stream, the orders table (to tell a stale
/// record), and the marks of messages replayed before.
#[derive(Debug)]
pub struct Sources<'a, Q, F, O, M> {
    /// The dead-letter queue.
    pub queue: &'a Q,
    /// The stream (on-failure records are re-read from it).
    pub feed: &'a F,
    /// The orders, as they are now.
    pub orders: &'a O,
    /// Which messages were replayed in full before.
    pub marks: &'a M,
}

/// What a replay runs records through: every capability a bundled function may use.
pub trait Deps: Mailer + Metrics + Stock + DeadLetters + Idempotency {}
impl<T: Mailer + Metrics + Stock + DeadLetters + Idempotency> Deps for T {}

/// Receives in a row that bring no message not seen before end a pass over the queue. Kept
/// messages are held out of sight until the run ends (lease.rs `Held`), so this is the
/// backstop for those whose hold could not be extended: they come back, and would otherwise be
/// received again for ever.
const RECEIVES_WITH_NOTHING_NEW: u32 = 3;

/// Replay dead letters from the queue, reading the stream and orders of `src`.
///
/// Messages are received ten at a time and replayed a batch at a time (batch.rs), with as many
/// batches in flight as `concurrency` needs: the next batch is received while one is replayed.
pub async fn replay<Q: Queue, F: ChangeFeed, O: OrderStore, M: ReplayMarks, D: Deps>(
    src: &Sources<'_, Q, F, O, M>,
    subs: &Subscriptions,
    opts: &ReplayOptions<'_, D>,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<ReplaySummary> {
    let queue = src.queue;
    let journal = &Journal::open(opts.journal.as_ref())?;
    let filters = &subscription_filters(subs)?;
    let concurrency = opts.concurrency.max(1);
    let batches = concurrency.div_ceil(10);
    let per_batch = concurrency.div_ceil(batches);
    let mut summary = ReplaySummary::default();
    let mut keep = Held::default();
    let mut chosen = Chosen::new(&opts.ids);
    // Received but not chosen: hidden while the search goes on (released at once, the next
    // receive would bring them back instead of the messages behind them), then released —
    // never deleted, never replayed.
    let mut passed = Held::default();
    // Messages sent after the run began (a deployed function dead-lettering a record again) or
    // seen already (kept, and visible again) are left for the next run: no replay loops.
    let started_ms = clock::now_ms();
    let mut seen: HashSet<String> = HashSet::new();
    let mut nothing_new = 0;
    let mut receiving = true;
    let mut failed: Option<crate::backend::TargetError> = None;
    let mut running = FuturesUnordered::new();
    loop {
        while receiving && running.len() < batches {
            keep.extend_due(queue, opts.visibility).await;
            passed.extend_due(queue, opts.visibility).await;
            if opts.stop.checkpoint().await {
                summary.interrupted = true;
                receiving = false;
                break;
            }
            let left = opts
                .max
                .map_or(10, |m| m.saturating_sub(summary.received as usize).min(10));
            if left == 0 || chosen.all_found() {
                receiving = false;
                break;
            }
            let messages = match queue.receive(left, opts.visibility).await {
                Ok(messages) if messages.is_empty() => {
                    receiving = false;
                    break;
                }
                Ok(messages) => messages,
                Err(e) => {
                    // The batches in hand finish (and are deleted) first.
                    failed = Some(e);
                    receiving = false;
                    break;
                }
            };
            let (messages, later): (Vec<_>, Vec<_>) = messages
                .into_iter()
                .partition(|m| m.sent_ms <= started_ms && !seen.contains(&m.message_id));
            for m in later {
                keep.push(m.receipt_handle, opts.visibility);
            }
            if messages.is_empty() {
                nothing_new += 1;
                receiving = nothing_new < RECEIVES_WITH_NOTHING_NEW;
                continue;
            }
            nothing_new = 0;
            seen.extend(messages.iter().map(|m| m.message_id.clone()));
            let (messages, others): (Vec<_>, Vec<_>) = messages
                .into_iter()
                .partition(|m| chosen.take(&m.message_id));
            for m in others {
                passed.push(m.receipt_handle, opts.visibility);
            }
            if chosen.all_found() {
                passed.release(queue).await;
            }
            summary.received += messages.len() as u64;
            if !messages.is_empty() {
                running.push(run_batch(
                    src, subs, filters, opts, journal, messages, per_batch,
                ));
            }
        }
        // Each batch is counted as it completes, so abandoning the rest loses no report of a
        // message already deleted.
        let settled = tokio::select! {
            s = running.next() => s,
            _ = opts.stop.wait_forced() => None,
        };
        let Some(settled) = settled else {
            if opts.stop.forced() {
                summary.interrupted = true;
                passed.release(queue).await;
                keep.release(queue).await;
                return Ok(summary);
            }
            if receiving {
                continue;
            }
            break;
        };
        for s in settled {
            if s.release {
                keep.push(s.message.receipt_handle, opts.visibility);
            }
            if s.outcome.body.is_none() {
                journal.append(&s.outcome)?;
            }
            summary.count(&s.outcome);
            progress.inc(1);
            summary.messages.push(s.outcome);
        }
    }
    if !summary.interrupted {
        summary.not_found = chosen.not_found();
    }
    // Kept and passed-over messages become visible again now, not when their timeout runs out.
    passed.release(queue).await;
    keep.release(queue).await;
    match failed {
        Some(e) => Err(e.into()),
        None => Ok(summary),
    }
}
