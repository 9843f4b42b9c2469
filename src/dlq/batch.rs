//! One received batch of dead letters (up to ten, aws-semantics §6.4): resolve each message,
//! read the orders of all their stale checks at once, replay them `concurrency` at a time, then
//! delete the ones done in one DeleteMessageBatch — each entry's answer read on its own, so no
//! message is counted deleted that SQS did not delete. The batch's visibility is extended in
//! one ChangeMessageVisibilityBatch per beat while it runs (lease.rs).

use std::collections::HashMap;

use futures_util::StreamExt;
use orders_core::dlq::DlqBody;

use super::journal::Journal;
use super::lease::{Lease, with_heartbeat};
use super::message::{Fate, Orders, Received, decide, mark, stale_check_ids};
use super::outcome::MessageOutcome;
use super::replay::{Deps, ReplayOptions, Sources, StalePolicy};
use super::resolve::resolve;
use crate::backend::queue::{BatchResult, Queue, QueueMessage, ReplayMarks};
use crate::backend::{ChangeFeed, OrderStore};
use crate::filter::FilterSet;
use crate::functions::{Function, Subscriptions};

/// A message of the batch, as it ends.
pub(super) struct Settled {
    /// The message (its receipt handle releases it at the end of the run).
    pub(super) message: QueueMessage,
    /// What became of it.
    pub(super) outcome: MessageOutcome,
    /// Whether to make it visible again at the end of the run: not deleted, and its handle
    /// still to be trusted (a stale one is not used again, not even to release it).
    pub(super) release: bool,
}

/// Replay one received batch; one [`Settled`] per message.
#[allow(clippy::too_many_arguments)] // the replay's sources and settings, passed through
pub(super) async fn run_batch<Q, F, O, M, D>(
    src: &Sources<'_, Q, F, O, M>,
    subs: &Subscriptions,
    filters: &std::collections::BTreeMap<Function, FilterSet>,
    opts: &ReplayOptions<'_, D>,
    journal: &Journal,
    messages: Vec<QueueMessage>,
    concurrency: usize,
) -> Vec<Settled>
where
    Q: Queue,
    F: ChangeFeed,
    O: OrderStore,
    M: ReplayMarks,
    D: Deps,
{
    let leases: Vec<Lease> = messages.iter().map(|_| Lease::default()).collect();
    let work = async {
        let received: Vec<Received<'_>> = futures_util::stream::iter(&messages)
            .map(|message| async move {
                let body = DlqBody::parse(&message.body);
                let resolved = resolve(&body, src.feed, subs, filters, opts.function).await;
                Received {
                    message,
                    body,
                    resolved,
                }
            })
            .buffered(concurrency)
            .collect()
            .await;
        let orders = stale_orders(src.orders, &received, opts).await;
        let mut decided: Vec<(usize, MessageOutcome, Fate)> =
            futures_util::stream::iter(received.into_iter().zip(&leases).enumerate())
                .map(|(i, (r, lease))| {
                    let orders = orders.as_ref();
                    async move {
                        let (out, fate) = decide(src, subs, opts, journal, r, orders, lease).await;
                        (i, out, fate)
                    }
                })
                .buffer_unordered(concurrency)
                .collect()
                .await;
        decided.sort_by_key(|(i, ..)| *i);
        decided
    };
    let decided = with_heartbeat(src.queue, &messages, &leases, opts.visibility, work).await;
    // The deletes go out with the heartbeat stopped: its last extension (or the receive) was
    // less than half a timeout ago, so each handle still holds its message, and an extension
    // answered by a message the delete just removed cannot pass for a lost lease.
    let outcomes = settle(src, &messages, &leases, decided).await;
    messages
        .into_iter()
        .zip(leases)
        .zip(outcomes)
        .map(|((message, lease), outcome)| Settled {
            release: !outcome.deleted && lease.lost().is_none(),
            message,
            outcome,
        })
        .collect()
}

/// The orders of the batch's stale checks, in one read; `None` with `--stale replay`.
async fn stale_orders<O: OrderStore, D>(
    orders: &O,
    received: &[Received<'_>],
    opts: &ReplayOptions<'_, D>,
) -> Option<Orders> {
    if opts.stale == StalePolicy::Replay {
        return None;
    }
    let ids = stale_check_ids(received, &opts.filters);
    if ids.is_empty() {
        return Some(Ok(Default::default()));
    }
    Some(orders.get_orders(&ids).await.map_err(|e| e.to_string()))
}

/// Delete the messages whose fate is deletion, in one batch call per ten, with handles that
/// are still to be trusted (a stale one can "succeed" without deleting, aws-semantics §6.1):
/// those whose lease held to the end of the heartbeat.
/// `decided` is in message order; the outcomes come back in the same order.
async fn settle<Q: Queue, F, O, M: ReplayMarks>(
    src: &Sources<'_, Q, F, O, M>,
    messages: &[QueueMessage],
    leases: &[Lease],
    decided: Vec<(usize, MessageOutcome, Fate)>,
) -> Vec<MessageOutcome> {
    let mut outcomes = Vec::with_capacity(decided.len());
    let mut to_delete: Vec<usize> = Vec::new();
    for (i, out, fate) in decided {
        let out = match (fate, leases[i].lost()) {
            (Fate::Keep, _) => out,
            (_, Some(why)) => not_deleted(out, fate, Undeleted::Untrusted(why)),
            _ => {
                to_delete.push(i);
                out
            }
        };
        outcomes.push((out, fate));
    }
    let handles: Vec<String> = to_delete
        .iter()
        .map(|&i| messages[i].receipt_handle.clone())
        .collect();
    let mut results: HashMap<usize, BatchResult> = to_delete
        .iter()
        .copied()
        .zip(src.queue.delete_batch(&handles).await)
        .collect();
    let mut settled = Vec::with_capacity(outcomes.len());
    for (i, (out, fate)) in outcomes.into_iter().enumerate() {
        let Some(result) = results.remove(&i) else {
            settled.push(out);
            continue;
        };
        settled.push(match result {
            Ok(()) => MessageOutcome {
                deleted: true,
                ..out
            },
            Err(e) => {
                if fate == (Fate::DeleteReplayed { marked: false }) {
                    // Only the mark lets a later run finish this deletion whatever the
                    // stream and the orders say by then.
                    mark(src.marks, &messages[i].message_id).await;
                }
                not_deleted(out, fate, Undeleted::Failed(&e))
            }
        });
    }
    settled
}

/// Why a message to delete is (or may be) still in the queue.
enum Undeleted<'a> {
    /// Its lease was lost before the delete: the handle may be stale, so no delete was sent.
    Untrusted(&'a str),
    /// The delete failed.
    Failed(&'a str),
}

/// `out`, reported as still in the queue.
fn not_deleted(out: MessageOutcome, fate: Fate, why: Undeleted<'_>) -> MessageOutcome {
    let before = out.error.as_deref().unwrap_or_default();
    let error = match (fate, why) {
        (Fate::DeleteDropped, Undeleted::Untrusted(why)) => format!("{before}; not deleted: {why}"),
        (Fate::DeleteDropped, Undeleted::Failed(e)) => {
            format!("{before}; and it could not be deleted ({e})")
        }
        (_, Undeleted::Untrusted(why)) => format!(
            "replayed, but not deleted: {why}; it stays in the queue, and a later replay will find it already processed"
        ),
        (_, Undeleted::Failed(e)) => format!(
            "replayed, but not deleted ({e}); a later replay will find it already processed"
        ),
    };
    MessageOutcome {
        deleted: false,
        error: Some(error),
        ..out
    }
}
