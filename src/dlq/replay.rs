//! Replaying dead letters without losing one (aws-semantics §6.4): receive with a visibility
//! timeout, resolve the records, run them through the function (in-process with the target's
//! adapters, or the deployed Lambda), and delete the message only after the replay succeeded.
//! A message that fails stays — body intact — and is made visible again at the end of the
//! run; while a slow replay runs its visibility is extended; a crash at any point leaves the
//! message to come back, and the functions' idempotency makes the second replay harmless.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use futures_util::StreamExt;
use orders_core::caps::{DeadLetters, Idempotency, Mailer, Metrics, Stock, effect_key};
use orders_core::dlq::DlqBody;
use orders_core::{Event, clock};

use super::chosen::Chosen;
pub use super::invoke::Via;
use super::invoke::invoke;
use super::journal::Journal;
use super::lease::{Lease, with_heartbeat};
pub use super::outcome::{MessageOutcome, ReplaySummary};
use super::resolve::{Resolved, resolve, subscription_filters};
use super::stale::stale_reason;
use crate::backend::queue::{Queue, QueueMessage, ReplayMarks};
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

/// Replay dead letters from the queue, reading the stream and orders of `src`.
pub async fn replay<Q: Queue, F: ChangeFeed, O: OrderStore, M: ReplayMarks, D: Deps>(
    src: &Sources<'_, Q, F, O, M>,
    subs: &Subscriptions,
    opts: &ReplayOptions<'_, D>,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<ReplaySummary> {
    let queue = src.queue;
    let journal = &Journal::open(opts.journal.as_ref())?;
    let filters = &subscription_filters(subs)?;
    let mut summary = ReplaySummary::default();
    let mut keep: Vec<String> = Vec::new();
    let mut chosen = Chosen::new(&opts.ids);
    // Received but not chosen: hidden while the search goes on (released at once, the next
    // receive would bring them back instead of the messages behind them), then released —
    // never deleted, never replayed.
    let mut passed: Vec<String> = Vec::new();
    // Messages sent after the run began (a deployed function dead-lettering a record again) or
    // seen already (kept, and visible again) are left for the next run: no replay loops.
    let started_ms = clock::now_ms();
    let mut seen: HashSet<String> = HashSet::new();
    loop {
        if opts.stop.checkpoint().await {
            summary.interrupted = true;
            break;
        }
        // No more in hand than can run at once: a received message waits for nothing, so its
        // heartbeat covers it from receipt to deletion.
        // Searching for chosen ids, receive as many as SQS allows: most are passed over.
        let batch = if chosen.is_some() {
            10
        } else {
            opts.concurrency.clamp(1, 10)
        };
        let left = opts.max.map_or(batch, |m| {
            m.saturating_sub(summary.received as usize).min(batch)
        });
        if left == 0 {
            break;
        }
        let messages = queue.receive(left, opts.visibility).await?;
        if messages.is_empty() {
            break;
        }
        let (messages, later): (Vec<_>, Vec<_>) = messages
            .into_iter()
            .partition(|m| m.sent_ms <= started_ms && !seen.contains(&m.message_id));
        keep.extend(later.into_iter().map(|m| m.receipt_handle));
        seen.extend(messages.iter().map(|m| m.message_id.clone()));
        let (messages, others): (Vec<_>, Vec<_>) = messages
            .into_iter()
            .partition(|m| chosen.take(&m.message_id));
        passed.extend(others.into_iter().map(|m| m.receipt_handle));
        if chosen.all_found() {
            release(queue, &mut passed).await;
        }
        summary.received += messages.len() as u64;
        let outcomes = futures_util::stream::iter(messages)
            .map(|m| async move {
                let lease = Lease::default();
                let work = replay_one(src, subs, filters, opts, journal, &m, &lease);
                let outcome = with_heartbeat(queue, &m, opts.visibility, &lease, work).await;
                let held = lease.lost().is_none();
                (m, outcome, held)
            })
            .buffer_unordered(opts.concurrency.max(1));
        futures_util::pin_mut!(outcomes);
        // Each outcome is counted as it completes, so abandoning the rest loses no report of
        // a message already deleted.
        while let Some((m, outcome, held)) = tokio::select! {
            o = outcomes.next() => o,
            _ = opts.stop.wait_forced() => None,
        } {
            // A handle that may be stale is not used again, not even to release the message:
            // it comes back when its visibility lapses.
            if !outcome.deleted && held {
                keep.push(m.receipt_handle.clone());
            }
            if outcome.body.is_none() {
                journal.append(&outcome)?;
            }
            summary.count(&outcome);
            progress.inc(1);
            summary.messages.push(outcome);
        }
        if opts.stop.forced() {
            summary.interrupted = true;
            release(queue, &mut passed).await;
            return Ok(summary);
        }
        if chosen.all_found() {
            break;
        }
    }
    if !summary.interrupted {
        summary.not_found = chosen.not_found();
    }
    // Kept and passed-over messages become visible again now, not when their timeout runs out.
    keep.append(&mut passed);
    release(queue, &mut keep).await;
    Ok(summary)
}

/// Make received messages visible again at once (ChangeMessageVisibility 0). A failure is
/// harmless: the message comes back when its visibility timeout ends.
async fn release<Q: Queue>(queue: &Q, receipts: &mut Vec<String>) {
    for receipt in receipts.drain(..) {
        let _ = queue.change_visibility(&receipt, Duration::ZERO).await;
    }
}

async fn replay_one<Q: Queue, F: ChangeFeed, O: OrderStore, M: ReplayMarks, D: Deps>(
    src: &Sources<'_, Q, F, O, M>,
    subs: &Subscriptions,
    filters: &BTreeMap<Function, FilterSet>,
    opts: &ReplayOptions<'_, D>,
    journal: &Journal,
    m: &QueueMessage,
    lease: &Lease,
) -> MessageOutcome {
    let out = MessageOutcome {
        message_id: m.message_id.clone(),
        outcome: "failed",
        function: None,
        records: 0,
        duplicates: 0,
        deleted: false,
        error: None,
        at: clock::rfc3339_ms(clock::now_ms()),
        body: None,
    };
    let body = DlqBody::parse(&m.body);
    let kept = |outcome: &'static str, why: String| MessageOutcome {
        outcome,
        error: Some(why),
        ..out.clone()
    };
    let (function, records) = match resolve(&body, src.feed, subs, filters, opts.function).await {
        Ok(Resolved::Records { function, records }) => (function, records),
        Ok(Resolved::Unreadable(why)) => return kept("unreadable", why),
        Ok(Resolved::NoMatch(why)) => return kept("unmatched", why),
        Ok(Resolved::NoFunction(why)) => return kept("failed", why),
        Err(e) => return kept("failed", e.to_string()),
        Ok(Resolved::Unrecoverable(why)) => {
            let drop = opts.unrecoverable == UnrecoverablePolicy::Drop;
            let kept = Kept::new("unrecoverable", why, drop);
            return keep_or_drop(src, opts, journal, m, lease, out, kept).await;
        }
    };
    let mut out = MessageOutcome {
        function: Some(function.name()),
        records: records.len(),
        ..out
    };
    if !opts.filters.is_empty() {
        let matched = records
            .iter()
            .any(|r| serde_json::to_value(r).is_ok_and(|v| opts.filters.matches(&v)));
        if !matched {
            return MessageOutcome {
                outcome: "skipped",
                ..out
            };
        }
    }
    if opts.stale != StalePolicy::Replay {
        match stale_reason(&records, src.orders).await {
            Ok(None) => {}
            Ok(Some(why)) => {
                if !opts.dry_run && all_processed(function, &records, &opts.via).await {
                    // A leftover copy (a batch replayed twice before its deletion went
                    // through dead-letters a failing record twice): its work is done.
                    let out = MessageOutcome {
                        error: Some(
                            "every record was processed already (a leftover copy); deleted".into(),
                        ),
                        ..out
                    };
                    return delete_replayed(src.queue, m, lease, out).await;
                }
                let kept = Kept::new("stale", why, opts.stale == StalePolicy::Skip);
                return keep_or_drop(src, opts, journal, m, lease, out, kept).await;
            }
            Err(e) => {
                return MessageOutcome {
                    error: Some(format!("cannot tell whether it is stale: {e}")),
                    ..out
                };
            }
        }
    }
    if opts.dry_run {
        return MessageOutcome {
            outcome: "would_replay",
            ..out
        };
    }
    let event = Event { records };
    let attempt = m.receive_count.max(1);
    let hold = matches!(body, DlqBody::Envelope(_));
    match invoke(function, &event, attempt, hold, subs, &opts.via).await {
        Ok(done) => {
            out.duplicates = done.duplicates;
            if !done.dead_lettered.is_empty() {
                out.error = Some(format!(
                    "{} record(s) failed for good and were dead-lettered on their own: {}",
                    done.dead_lettered.len(),
                    done.dead_lettered.join("; ")
                ));
            }
            if let Err(e) = src.marks.mark_replayed(&m.message_id).await {
                // Not fatal: a later replay re-runs the records and finds them processed; only
                // a message gone stale or past retention would then be kept for nothing.
                tracing::warn!("message {}: cannot record its replay: {e}", m.message_id);
            }
            delete_replayed(src.queue, m, lease, out).await
        }
        Err(why) => MessageOutcome {
            error: Some(why),
            ..out
        },
    }
}

/// Why a message would be kept, and whether the policy drops it instead.
struct Kept {
    /// `stale` or `unrecoverable`.
    outcome: &'static str,
    why: String,
    drop: bool,
}

impl Kept {
    fn new(outcome: &'static str, why: String, drop: bool) -> Kept {
        Kept { outcome, why, drop }
    }
}

/// A message to keep (stale, unrecoverable) — unless it was replayed in full before but not
/// deleted (a crash, a lost response), when only its deletion is left whatever the stream and
/// the orders say now; or unless the policy drops it, after the journal has it whole. Found by
/// the simulation (issue 11): a replayed message was kept for ever, applied and dead-lettered.
async fn keep_or_drop<Q, F, O, M: ReplayMarks, D>(
    src: &Sources<'_, Q, F, O, M>,
    opts: &ReplayOptions<'_, D>,
    journal: &Journal,
    m: &QueueMessage,
    lease: &Lease,
    out: MessageOutcome,
    kept: Kept,
) -> MessageOutcome
where
    Q: Queue,
{
    if opts.dry_run {
        return MessageOutcome {
            outcome: kept.outcome,
            error: Some(kept.why),
            ..out
        };
    }
    if src.marks.was_replayed(&m.message_id).await.unwrap_or(false) {
        let out = MessageOutcome {
            error: Some("replayed before; its deletion is completed now".into()),
            ..out
        };
        return delete_replayed(src.queue, m, lease, out).await;
    }
    let out = MessageOutcome {
        outcome: kept.outcome,
        error: Some(kept.why),
        ..out
    };
    if kept.drop {
        return drop_journaled(src.queue, journal, m, lease, out).await;
    }
    out
}

/// Whether `function` has processed every one of `records` (their idempotency guards say
/// done). Only the in-process replay can ask; a deployed Lambda's guards are its own.
async fn all_processed<D: Idempotency>(
    function: Function,
    records: &[orders_core::EventRecord],
    via: &Via<'_, D>,
) -> bool {
    let Via::InProcess { deps, .. } = via else {
        return false;
    };
    for r in records {
        if !deps
            .processed(&effect_key(function.name(), &r.event_id))
            .await
            .unwrap_or(false)
        {
            return false;
        }
    }
    !records.is_empty()
}

/// Delete a message whose replay is done — with a handle that is still to be trusted
/// (lease.rs): a stale one can "succeed" without deleting (aws-semantics §6.1).
async fn delete_replayed<Q: Queue>(
    queue: &Q,
    m: &QueueMessage,
    lease: &Lease,
    out: MessageOutcome,
) -> MessageOutcome {
    if let Some(why) = lease.lost() {
        return MessageOutcome {
            outcome: "replayed",
            error: Some(format!(
                "replayed, but not deleted: {why}; it stays in the queue, and a later replay will find it already processed"
            )),
            ..out
        };
    }
    match queue.delete(&m.receipt_handle).await {
        // The lease can be lost while the delete is under way.
        Ok(()) => match lease.lost() {
            Some(why) => MessageOutcome {
                outcome: "replayed",
                error: Some(format!(
                    "replayed, but not known to be deleted: {why} while it was being deleted"
                )),
                ..out
            },
            None => MessageOutcome {
                outcome: "replayed",
                deleted: true,
                ..out
            },
        },
        Err(e) => MessageOutcome {
            outcome: "replayed",
            error: Some(format!(
                "replayed, but not deleted ({e}); a later replay will find it already processed"
            )),
            ..out
        },
    }
}

/// Delete a message without replaying it, by policy — only after it is in the journal whole
/// (synced to disk): a message is never gone without a trace.
async fn drop_journaled<Q: Queue>(
    queue: &Q,
    journal: &Journal,
    m: &QueueMessage,
    lease: &Lease,
    out: MessageOutcome,
) -> MessageOutcome {
    if let Some(why) = lease.lost() {
        return MessageOutcome {
            error: Some(format!(
                "{}; not deleted: {why}",
                out.error.unwrap_or_default()
            )),
            ..out
        };
    }
    let mut out = MessageOutcome {
        body: Some(m.body.clone()),
        deleted: true,
        ..out
    };
    if let Err(e) = journal.append(&out) {
        out.deleted = false;
        out.body = None;
        out.error = Some(format!("kept: cannot write it to the journal first ({e})"));
        return out;
    }
    if let Err(e) = queue.delete(&m.receipt_handle).await {
        out.deleted = false;
        out.error = Some(format!(
            "{}; and it could not be deleted ({e})",
            out.error.unwrap_or_default()
        ));
    } else if let Some(why) = lease.lost() {
        out.deleted = false;
        out.error = Some(format!(
            "{}; and it is not known to be deleted: {why} while it was being deleted",
            out.error.unwrap_or_default()
        ));
    }
    out
}
