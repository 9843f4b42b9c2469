//! What a consumer did, counted the way Lambda reports it (aws-semantics §5.1, §5.2): iterator
//! age per invocation, invocations, errors, filtered and dropped records — kept for the summary
//! and the live line, and written as metrics (namespace `orderctl/Consumers`, dimension
//! `FunctionName`; `AWS/` namespaces are reserved).

use serde::Serialize;

pub use crate::backend::telemetry::{NAMESPACE, invocation_metrics};

/// One function's counters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionStats {
    /// The function.
    pub function: String,
    /// Invocations of the handler (retries included).
    pub invocations: u64,
    /// Invocations that did not fully succeed.
    pub errors: u64,
    /// Records the function handled successfully (first time).
    pub ok: u64,
    /// Records it had already handled (idempotency).
    pub duplicates: u64,
    /// Stale records whose order had moved on (a replayed INSERT of a cancelled order).
    pub superseded: u64,
    /// Records it sent to the dead-letter queue itself (permanent failures).
    pub permanent_failures: u64,
    /// Records re-delivered after a failure.
    pub retried_records: u64,
    /// On-failure records sent to the destination (batches given up).
    pub on_failure_records: u64,
    /// Records given up (retries or record age used up).
    pub dropped: u64,
    /// Records the subscription's filters dropped.
    pub filtered: u64,
    /// Batches split in two after a failure.
    pub bisections: u64,
    /// Iterator age of the last invocation (ms).
    pub iterator_age_ms: Option<i64>,
    /// The largest iterator age seen (ms).
    pub max_iterator_age_ms: Option<i64>,
}

impl FunctionStats {
    /// Counters for `function`.
    pub fn new(function: &str) -> FunctionStats {
        FunctionStats {
            function: function.to_owned(),
            ..FunctionStats::default()
        }
    }

    /// Record an invocation's iterator age.
    pub fn age(&mut self, ms: i64) {
        self.iterator_age_ms = Some(ms);
        self.max_iterator_age_ms = Some(self.max_iterator_age_ms.map_or(ms, |m| m.max(ms)));
    }

    /// Records delivered to the function, first time or retried.
    pub fn delivered(&self) -> u64 {
        self.ok + self.duplicates + self.superseded + self.permanent_failures
    }
}
