//! What a replay reports: one outcome per message, and the run's totals. Shared by the replay
//! engine and its journal.

use serde::Serialize;

/// What became of one message.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageOutcome {
    /// SQS message id.
    pub message_id: String,
    /// `replayed`, `failed`, `unrecoverable`, `unreadable`, `stale`, `unmatched`, `skipped`
    /// or `would_replay`.
    pub outcome: &'static str,
    /// The function it was (or would be) replayed into.
    pub function: Option<&'static str>,
    /// Records in it.
    pub records: usize,
    /// Of which the function had already processed.
    pub duplicates: usize,
    /// Deleted from the queue.
    pub deleted: bool,
    /// Why it failed or was kept.
    pub error: Option<String>,
    /// When (RFC 3339).
    pub at: String,
    /// The whole body, in the journal line of a message deleted without a replay
    /// (`--stale skip`, `--unrecoverable drop`), so nothing is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// The run's totals.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplaySummary {
    /// Messages received.
    pub received: u64,
    /// Replayed successfully.
    pub replayed: u64,
    /// Deleted after a successful replay.
    pub deleted: u64,
    /// Replayed and failed; kept.
    pub failed: u64,
    /// Records gone from the stream; kept.
    pub unrecoverable: u64,
    /// Not understood; kept.
    pub unreadable: u64,
    /// Records of an order that moved on since (kept, or deleted with `--stale skip`).
    pub stale: u64,
    /// No record matches the function's current filters; kept.
    pub unmatched: u64,
    /// Records the functions had already processed (harmless repeats).
    pub duplicates: u64,
    /// Left alone: no record matched `--filter`.
    pub skipped: u64,
    /// `--dry-run`: would be replayed.
    pub would_replay: u64,
    /// Stopped early by Ctrl-C or SIGTERM; messages not reached stay in the queue.
    pub interrupted: bool,
    /// `--id`: the ids that named no message in the queue (nothing was replayed for them).
    pub not_found: Vec<String>,
    /// Every message's outcome.
    pub messages: Vec<MessageOutcome>,
}

impl ReplaySummary {
    /// Whether every received message was replayed and deleted (or, in a dry run, could be
    /// replayed), or deleted on purpose by a policy: nothing was kept for a problem, and every
    /// `--id` found its message. A message replayed but not deleted (its DeleteMessage failed)
    /// is still queued: that fails the run.
    pub fn all_replayed(&self) -> bool {
        self.not_found.is_empty()
            && self
                .messages
                .iter()
                .all(|m| m.deleted || matches!(m.outcome, "skipped" | "would_replay"))
    }

    pub(super) fn count(&mut self, m: &MessageOutcome) {
        match m.outcome {
            "replayed" => self.replayed += 1,
            "failed" => self.failed += 1,
            "unrecoverable" => self.unrecoverable += 1,
            "unreadable" => self.unreadable += 1,
            "stale" => self.stale += 1,
            "unmatched" => self.unmatched += 1,
            "skipped" => self.skipped += 1,
            _ => self.would_replay += 1,
        }
        self.deleted += u64::from(m.deleted);
        self.duplicates += m.duplicates as u64;
    }
}
