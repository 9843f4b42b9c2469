//! A received batch's hold on the queue while it is replayed: the visibility of its messages is
//! extended every half timeout (aws-semantics §6.4, step 6), all in one call. When a message's
//! extension fails (MessageNotInflight once the visibility lapsed, the 12 h cap, an error that
//! outlasted the retries) its receipt handle may be stale, and a DeleteMessage with a stale handle can succeed without deleting
//! (§6.1): from then on the handle is not used, and the message is reported as not deleted.

use std::sync::OnceLock;
use std::time::Duration;

use crate::backend::queue::{Queue, QueueMessage};

/// Whether the receipt handle of one received message can still be trusted.
#[derive(Debug, Default)]
pub(super) struct Lease {
    lost: OnceLock<String>,
}

impl Lease {
    /// Why the handle can no longer be trusted, once an extension failed.
    pub(super) fn lost(&self) -> Option<&str> {
        self.lost.get().map(String::as_str)
    }

    fn lose(&self, why: String) {
        // The first failure is the one that matters.
        let _ = self.lost.set(why);
    }
}

/// Run `work`, extending the visibility of the batch's `messages` every half timeout while it
/// runs, in one ChangeMessageVisibilityBatch for those whose lease still holds. An entry that
/// fails loses its message's lease, which is not extended again; `work` runs on (its effects
/// are idempotent), and a message whose lease was lost is not deleted after it. The deletes
/// come after `work`, with no extension in flight to race them (batch.rs).
pub(super) async fn with_heartbeat<Q: Queue, T>(
    queue: &Q,
    messages: &[QueueMessage],
    leases: &[Lease],
    visibility: Duration,
    work: impl Future<Output = T>,
) -> T {
    tokio::pin!(work);
    let beat = (visibility / 2).max(Duration::from_millis(500));
    loop {
        tokio::select! {
            done = &mut work => return done,
            _ = tokio::time::sleep(beat) => {
                let held: Vec<usize> = (0..messages.len())
                    .filter(|&i| leases[i].lost().is_none())
                    .collect();
                if held.is_empty() {
                    return work.await;
                }
                let handles: Vec<String> = held
                    .iter()
                    .map(|&i| messages[i].receipt_handle.clone())
                    .collect();
                let results = queue.change_visibility_batch(&handles, visibility).await;
                for (i, result) in held.into_iter().zip(results) {
                    if let Err(e) = result {
                        leases[i].lose(format!(
                            "its visibility could not be extended, so its receipt handle may be stale ({e})"
                        ));
                    }
                }
            }
        }
    }
}

/// The messages a run keeps (failed, stale, passed over, sent after it began), held out of
/// sight until the run ends: one that came back while the run went on would be received again
/// and again, and a long run over many of them would never find the queue empty (seen on AWS:
/// 1,775 ReceiveMessage calls in 30 min over ~2,000 kept messages). Each is extended, ten per
/// ChangeMessageVisibilityBatch, when half its timeout has passed; at the end all are released
/// at once. One whose extension fails comes back, and the run takes it as one seen before.
#[derive(Debug, Default)]
pub(super) struct Held {
    /// Receipt handles, each with when it is next due for an extension.
    handles: Vec<(String, std::time::Instant)>,
}

impl Held {
    /// Hold a message just received or extended (hidden for at least half of `visibility`).
    pub(super) fn push(&mut self, receipt_handle: String, visibility: Duration) {
        let due = std::time::Instant::now() + visibility / 2;
        self.handles.push((receipt_handle, due));
    }

    /// Extend the holds that are due, so none lapses while the run goes on.
    pub(super) async fn extend_due<Q: Queue>(&mut self, queue: &Q, visibility: Duration) {
        let now = std::time::Instant::now();
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.handles)
            .into_iter()
            .partition(|(_, at)| *at <= now);
        self.handles = later;
        if due.is_empty() {
            return;
        }
        let handles: Vec<String> = due.into_iter().map(|(h, _)| h).collect();
        let results = queue.change_visibility_batch(&handles, visibility).await;
        for (handle, result) in handles.into_iter().zip(results) {
            match result {
                Ok(()) => self.push(handle, visibility),
                Err(e) => tracing::debug!("a kept message will come back before the run ends: {e}"),
            }
        }
    }

    /// Make every held message visible again now (ChangeMessageVisibility 0, ten per call). A
    /// failure is harmless: the message comes back when its visibility timeout ends.
    pub(super) async fn release<Q: Queue>(&mut self, queue: &Q) {
        let handles: Vec<String> = std::mem::take(&mut self.handles)
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        let _ = queue
            .change_visibility_batch(&handles, Duration::ZERO)
            .await;
    }
}
