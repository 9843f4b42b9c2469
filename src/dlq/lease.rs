//! A received message's hold on the queue while it is replayed: its visibility is extended
//! every half timeout (aws-semantics §6.4, step 6). When an extension fails (MessageNotInflight
//! once the visibility lapsed, the 12 h cap, an error that outlasted the retries) the receipt
//! handle may be stale, and a DeleteMessage with a stale handle can succeed without deleting
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

/// Run `work`, extending the message's visibility every half timeout while it runs. The first
/// extension that fails loses the lease and ends the extensions; `work` runs on (its effects
/// are idempotent, and stopping it midway would leave a deletion in flight unknown) and must
/// check the lease before and after deleting.
pub(super) async fn with_heartbeat<Q: Queue, T>(
    queue: &Q,
    m: &QueueMessage,
    visibility: Duration,
    lease: &Lease,
    work: impl Future<Output = T>,
) -> T {
    tokio::pin!(work);
    let beat = (visibility / 2).max(Duration::from_millis(500));
    loop {
        tokio::select! {
            done = &mut work => return done,
            _ = tokio::time::sleep(beat) => {
                if let Err(e) = queue.change_visibility(&m.receipt_handle, visibility).await {
                    lease.lose(format!(
                        "its visibility could not be extended, so its receipt handle may be stale ({e})"
                    ));
                    return work.await;
                }
            }
        }
    }
}
