//! What one dead letter comes to in a replay: kept (and why), replayed, or dropped by policy —
//! decided from its resolved records and its orders as they are now. Deleting is left to the
//! batch (batch.rs), so the messages of one receive are deleted in one call.

use std::collections::{BTreeSet, HashMap};

use orders_core::caps::{Idempotency, effect_key};
use orders_core::dlq::DlqBody;
use orders_core::{Event, EventRecord, Order, clock};

use super::invoke::{Via, invoke};
use super::journal::Journal;
use super::lease::Lease;
use super::outcome::MessageOutcome;
use super::replay::{Deps, ReplayOptions, Sources, StalePolicy, UnrecoverablePolicy};
use super::resolve::Resolved;
use super::stale::stale_reason;
use crate::backend::queue::{QueueMessage, ReplayMarks};
use crate::backend::{ChangeFeed, OrderStore, TargetError};
use crate::filter::FilterSet;
use crate::functions::{Function, Subscriptions};

/// What is left to do with a message once its replay is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fate {
    /// Leave it in the queue: made visible again at the end of the run.
    Keep,
    /// Delete it: its replay is done (now, or in an earlier run).
    DeleteReplayed {
        /// Whether its replay mark is written (only then can a later run complete the deletion
        /// without re-running the replay). If not, and the delete fails, the batch writes it.
        marked: bool,
    },
    /// Delete it without a replay, by policy: the journal holds it whole already.
    DeleteDropped,
}

/// A message received, its body understood and its records found (or not).
pub(super) struct Received<'m> {
    pub(super) message: &'m QueueMessage,
    pub(super) body: DlqBody,
    pub(super) resolved: Result<Resolved, TargetError>,
}

impl Received<'_> {
    /// The records to replay, when the message resolved to some and they pass `--filter`.
    pub(super) fn records_to_run(&self, filters: &FilterSet) -> Option<&[EventRecord]> {
        let Ok(Resolved::Records { records, .. }) = &self.resolved else {
            return None;
        };
        let matched = filters.is_empty()
            || records
                .iter()
                .any(|r| serde_json::to_value(r).is_ok_and(|v| filters.matches(&v)));
        matched.then_some(records.as_slice())
    }

    /// Whether the body carries its records (an envelope with its images): a later run can
    /// re-run the replay from the body alone and find every record processed, so no replay mark
    /// is needed before the deletion. Records re-read from the stream may be trimmed by then.
    fn carries_its_records(&self) -> bool {
        matches!(&self.body, DlqBody::Envelope(e) if !e.images_omitted)
    }
}

/// The orders a batch's stale check compares against, read once for the batch.
pub(super) type Orders = Result<HashMap<String, Order>, String>;

/// Decide and, unless it is kept, replay one message. `orders` holds its orders as they are
/// now (`None` with `--stale replay`).
pub(super) async fn decide<Q, F: ChangeFeed, O: OrderStore, M: ReplayMarks, D: Deps>(
    src: &Sources<'_, Q, F, O, M>,
    subs: &Subscriptions,
    opts: &ReplayOptions<'_, D>,
    journal: &Journal,
    r: Received<'_>,
    orders: Option<&Orders>,
    lease: &Lease,
) -> (MessageOutcome, Fate) {
    let m = r.message;
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
    let kept = |outcome: &'static str, why: String| {
        let out = MessageOutcome {
            outcome,
            error: Some(why),
            ..out.clone()
        };
        (out, Fate::Keep)
    };
    let records_to_run = r.records_to_run(&opts.filters);
    let (function, records) = match &r.resolved {
        Ok(Resolved::Records { function, records }) => (*function, records),
        Ok(Resolved::Unreadable(why)) => return kept("unreadable", why.clone()),
        Ok(Resolved::NoMatch(why)) => return kept("unmatched", why.clone()),
        Ok(Resolved::NoFunction(why)) => return kept("failed", why.clone()),
        Err(e) => return kept("failed", e.to_string()),
        Ok(Resolved::Unrecoverable(why)) => {
            let drop = opts.unrecoverable == UnrecoverablePolicy::Drop;
            let kept = Kept::new("unrecoverable", why.clone(), drop);
            return keep_or_drop(src, opts, journal, m, lease, out, kept).await;
        }
    };
    let out = MessageOutcome {
        function: Some(function.name()),
        records: records.len(),
        ..out
    };
    if records_to_run.is_none() {
        let out = MessageOutcome {
            outcome: "skipped",
            ..out
        };
        return (out, Fate::Keep);
    }
    if let Some(orders) = orders {
        let why = match orders {
            Ok(now) => stale_reason(records, now),
            Err(e) => {
                let why = format!("cannot tell whether it is stale: {e}");
                let out = MessageOutcome {
                    error: Some(why),
                    ..out
                };
                return (out, Fate::Keep);
            }
        };
        if let Some(why) = why {
            if !opts.dry_run && all_processed(function, records, &opts.via).await {
                // A leftover copy (a batch replayed twice before its deletion went through
                // dead-letters a failing record twice): its work is done.
                let out = MessageOutcome {
                    outcome: "replayed",
                    error: Some(
                        "every record was processed already (a leftover copy); deleted".into(),
                    ),
                    ..out
                };
                return (out, Fate::DeleteReplayed { marked: false });
            }
            let kept = Kept::new("stale", why, opts.stale == StalePolicy::Skip);
            return keep_or_drop(src, opts, journal, m, lease, out, kept).await;
        }
    }
    if opts.dry_run {
        let out = MessageOutcome {
            outcome: "would_replay",
            ..out
        };
        return (out, Fate::Keep);
    }
    let event = Event {
        records: records.clone(),
    };
    let attempt = m.receive_count.max(1);
    let hold = matches!(r.body, DlqBody::Envelope(_));
    match invoke(function, &event, attempt, hold, subs, &opts.via).await {
        Ok(done) => {
            let mut out = MessageOutcome {
                outcome: "replayed",
                duplicates: done.duplicates,
                ..out
            };
            if !done.dead_lettered.is_empty() {
                out.error = Some(format!(
                    "{} record(s) failed for good and were dead-lettered on their own: {}",
                    done.dead_lettered.len(),
                    done.dead_lettered.join("; ")
                ));
            }
            // The mark is written before the deletion when only it can finish the deletion
            // later: records re-read from the stream may be trimmed by then, and a deployed
            // Lambda's guards cannot be asked from here. Otherwise the functions' guards
            // answer a second replay, and the mark costs a request only if the delete fails.
            let in_process = matches!(opts.via, Via::InProcess { .. });
            let marked =
                !(r.carries_its_records() && in_process) && mark(src.marks, &m.message_id).await;
            (out, Fate::DeleteReplayed { marked })
        }
        Err(why) => {
            let out = MessageOutcome {
                error: Some(why),
                ..out
            };
            (out, Fate::Keep)
        }
    }
}

/// Record that message `message_id` was replayed in full; whether that worked. Not fatal: a
/// later replay re-runs the records and finds them processed; only a message gone stale or
/// past retention would then be kept for nothing.
pub(super) async fn mark<M: ReplayMarks>(marks: &M, message_id: &str) -> bool {
    match marks.mark_replayed(message_id).await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!("message {message_id}: cannot record its replay: {e}");
            false
        }
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
/// the orders say now; or unless the policy drops it, after the journal has it whole (synced to
/// disk: a message is never gone without a trace). Found by the simulation (issue 11): a
/// replayed message was kept for ever, applied and dead-lettered.
async fn keep_or_drop<Q, F, O, M: ReplayMarks, D>(
    src: &Sources<'_, Q, F, O, M>,
    opts: &ReplayOptions<'_, D>,
    journal: &Journal,
    m: &QueueMessage,
    lease: &Lease,
    out: MessageOutcome,
    kept: Kept,
) -> (MessageOutcome, Fate) {
    if opts.dry_run {
        let out = MessageOutcome {
            outcome: kept.outcome,
            error: Some(kept.why),
            ..out
        };
        return (out, Fate::Keep);
    }
    if src.marks.was_replayed(&m.message_id).await.unwrap_or(false) {
        let out = MessageOutcome {
            outcome: "replayed",
            error: Some("replayed before; its deletion is completed now".into()),
            ..out
        };
        return (out, Fate::DeleteReplayed { marked: true });
    }
    let out = MessageOutcome {
        outcome: kept.outcome,
        error: Some(kept.why),
        ..out
    };
    if !kept.drop {
        return (out, Fate::Keep);
    }
    if let Some(why) = lease.lost() {
        // Not journaled: it will not be deleted with a handle that may be stale.
        let out = MessageOutcome {
            error: Some(format!("{}; not deleted: {why}", kept_why(&out))),
            ..out
        };
        return (out, Fate::Keep);
    }
    let journaled = MessageOutcome {
        body: Some(m.body.clone()),
        deleted: true,
        ..out.clone()
    };
    if let Err(e) = journal.append(&journaled) {
        let out = MessageOutcome {
            error: Some(format!("kept: cannot write it to the journal first ({e})")),
            ..out
        };
        return (out, Fate::Keep);
    }
    (journaled, Fate::DeleteDropped)
}

fn kept_why(out: &MessageOutcome) -> &str {
    out.error.as_deref().unwrap_or_default()
}

/// Whether `function` has processed every one of `records` (their idempotency guards say
/// done). Only the in-process replay can ask; a deployed Lambda's guards are its own.
async fn all_processed<D: Idempotency>(
    function: Function,
    records: &[EventRecord],
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

/// The order ids the stale checks of `received` compare, for one read of them all.
pub(super) fn stale_check_ids(received: &[Received<'_>], filters: &FilterSet) -> Vec<String> {
    let mut ids = BTreeSet::new();
    for r in received {
        if let Some(records) = r.records_to_run(filters) {
            ids.extend(super::stale::order_ids(records));
        }
    }
    ids.into_iter().collect()
}
