//! A wedged consumer: one that fails on the same record on every run, so it never moves on —
//! every invocation in the window failed and it is still behind (or, where its position is
//! unknown, it failed every one of several invocations). `status` and `doctor` name it; on-call
//! would otherwise see only a backlog that does not shrink (issue 13).

use std::collections::BTreeMap;
use std::time::Duration;

use crate::backend::Target;
use crate::backend::telemetry::NAMESPACE;
use crate::doctor::{Finding, Severity};

/// Invocations that must all have failed before a consumer counts as wedged: a retry at least
/// (one failure may be a blip), more where its position is unknown (AWS).
const FAILURES: f64 = 2.0;
const UNKNOWN_POSITION_FAILURES: f64 = 3.0;

/// One wedged consumer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wedged {
    /// The function.
    pub function: String,
    /// Invocations in the window, every one failed.
    pub failed_invocations: u64,
    /// Records still behind, where known.
    pub records_behind: Option<u64>,
}

impl Wedged {
    /// One line for on-call.
    pub fn message(&self, since: Duration) -> String {
        format!(
            "{} is wedged: all {} invocation(s) in the last {} failed{}, so it retries the same record on every run",
            self.function,
            self.failed_invocations,
            crate::duration::show(since),
            self.records_behind.map_or(String::new(), |n| format!(
                " and it is {n} record(s) behind"
            ))
        )
    }
}

/// The consumers among `functions` that failed every invocation since `since` ago and have
/// not caught up.
pub async fn wedged(
    target: &Target,
    functions: &[&str],
    since: Duration,
) -> anyhow::Result<Vec<Wedged>> {
    let since_ms = orders_core::clock::now_ms() - i64::try_from(since.as_millis()).unwrap_or(0);
    let points = target
        .metric_points(Some(NAMESPACE), None, since_ms)
        .await?;
    // (invocations, errors) per function.
    let mut counts: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for p in points {
        let Some(function) = p.dimensions.get("FunctionName").and_then(|f| f.as_str()) else {
            continue;
        };
        let value = p.value.as_f64().unwrap_or(0.0);
        let entry = counts.entry(function.to_owned()).or_default();
        match p.name.as_str() {
            "Invocations" => entry.0 += value,
            "Errors" => entry.1 += value,
            _ => {}
        }
    }
    let mut out = Vec::new();
    for function in functions {
        let Some(&(invocations, errors)) = counts.get(*function) else {
            continue;
        };
        if invocations < FAILURES || errors < invocations {
            continue;
        }
        let behind = target.backlog(function)?.map(|b| b.records_behind);
        let stuck = match behind {
            Some(n) => n > 0,
            None => invocations >= UNKNOWN_POSITION_FAILURES,
        };
        if stuck {
            out.push(Wedged {
                function: (*function).to_owned(),
                failed_invocations: invocations as u64,
                records_behind: behind,
            });
        }
    }
    Ok(out)
}

/// `doctor`'s finding for a wedged consumer.
pub fn finding(w: &Wedged, since: Duration) -> Finding {
    Finding {
        severity: Severity::Error,
        function: w.function.clone(),
        rule: "wedged_consumer",
        message: w.message(since),
        fix: format!(
            "see why with `orderctl consume --function {} -v`; bound MaximumRetryAttempts so a poison batch goes to the on-failure destination, and replay it once fixed",
            w.function
        ),
    }
}
