//! `doctor`'s rules: the event-source-mapping settings that lose records, block shards or make
//! replay impossible (aws-semantics §3.1, §3.4, §3.5, §4.2, §1.4), and a dead-letter queue
//! whose own redrive policy moves dead letters on when they are looked at (§6.2), each with its
//! fix.

use serde::Serialize;

use crate::filter::{Pattern, Profile};
use crate::mappings::Mapping;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Warning,
    /// Loses or blocks records; `doctor` exits 1.
    Error,
}

/// One problem and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The function (or `stream` for pipeline-wide findings).
    pub function: String,
    /// A stable id for the rule.
    pub rule: &'static str,
    /// What is wrong, and why it matters.
    pub message: String,
    /// What to change.
    pub fix: String,
}

/// Readers per shard before DynamoDB Streams throttles (aws-semantics §1.4).
pub const READERS_PER_SHARD: usize = 2;

/// Lint every mapping of the stream.
pub fn lint(mappings: &[Mapping]) -> Vec<Finding> {
    let mut out = Vec::new();
    for m in mappings {
        lint_one(m, &mut out);
    }
    let readers = mappings.iter().filter(|m| m.reads()).count();
    if readers > READERS_PER_SHARD {
        out.push(Finding {
            severity: Severity::Warning,
            function: "stream".into(),
            rule: "too_many_readers",
            message: format!(
                "{readers} mappings read each shard; DynamoDB Streams supports {READERS_PER_SHARD} readers per shard before throttling (and `orderctl tail` is one more)"
            ),
            fix: "fan out from one consumer (e.g. to SNS, EventBridge or a Kinesis stream) or remove a reader".into(),
        });
    }
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.function.cmp(&b.function))
    });
    out
}

/// Below this maxReceiveCount, the dead-letter queue's own redrive policy can be tripped by
/// looking: every `dlq list`, `dlq show` and replay attempt receives each message it reads (SQS
/// has no peek), and an incident's worth of them — a few listings a day, a few failed replays —
/// adds up to tens of receives.
pub const PEEK_SAFE_RECEIVES: u32 = 50;

/// The dead-letter queue `queue` has a redrive policy of its own that peeks can trip
/// (aws-semantics §6.2: a message received more than maxReceiveCount times moves on).
pub fn dlq_redrive(queue: &str, redrive: &crate::backend::queue::Redrive) -> Option<Finding> {
    let n = redrive.max_receive_count;
    (n < PEEK_SAFE_RECEIVES).then(|| Finding {
        severity: Severity::Warning,
        function: "stream".into(),
        rule: "dlq_redrive_trips_on_peek",
        message: format!(
            "the dead-letter queue {queue} has a redrive policy of its own: a message received more than {n} times moves on to {}, out of reach of `dlq replay`; every `dlq list`, `dlq show` and replay attempt is a receive",
            redrive.target_arn
        ),
        fix: format!(
            "raise the dead-letter queue's maxReceiveCount to {PEEK_SAFE_RECEIVES} or more, or remove its redrive policy"
        ),
    })
}

/// Functions orderctl.toml enables that have no mapping on the stream (AWS): nothing runs them.
pub fn not_subscribed(
    subs: &crate::functions::Subscriptions,
    mappings: &[Mapping],
) -> Vec<Finding> {
    subs.iter()
        .filter(|(f, s)| s.enabled && !mappings.iter().any(|m| m.function == f.name()))
        .map(|(f, s)| Finding {
            severity: Severity::Warning,
            function: f.name().to_owned(),
            rule: "not_subscribed",
            message: format!("no event source mapping on the stream invokes {} (orderctl.toml enables it)", s.lambda_name),
            fix: format!("deploy functions/{} and map it to the stream, or set enabled = false under [functions.{}]", f.name(), f.name()),
        })
        .collect()
}

fn lint_one(m: &Mapping, out: &mut Vec<Finding>) {
    let mut add = |severity, rule, message: String, fix: &str| {
        out.push(Finding {
            severity,
            function: m.function.clone(),
            rule,
            message,
            fix: fix.to_owned(),
        });
    };
    match &m.destination {
        None => add(
            Severity::Error,
            "no_on_failure_destination",
            "no on-failure destination: a batch that runs out of retries or record age is dropped without a trace".into(),
            "set DestinationConfig.OnFailure.Destination to a standard SQS queue (orders-dlq)",
        ),
        Some(d) if d.ends_with(".fifo") => add(
            Severity::Error,
            "fifo_destination",
            format!("the on-failure destination {d} is a FIFO queue; Lambda cannot deliver to one (DestinationDeliveryFailures), so those records are dropped"),
            "use a standard SQS queue",
        ),
        Some(_) => {}
    }
    if m.maximum_retry_attempts < 0 && m.maximum_record_age_seconds < 0 {
        add(
            Severity::Error,
            "unbounded_retries",
            "MaximumRetryAttempts and MaximumRecordAgeInSeconds are both -1: one poison record blocks its shard for up to a day, and by the time it is given up its records are trimmed, so it cannot be replayed".into(),
            "set MaximumRecordAgeInSeconds to 3600 and MaximumRetryAttempts to 5",
        );
    }
    if m.maximum_record_age_seconds >= 86_400 {
        add(
            Severity::Warning,
            "record_age_past_retention",
            format!(
                "MaximumRecordAgeInSeconds is {} s, at or past the stream's 24 h retention: records are trimmed before they expire, and an on-failure record then points at data that is gone",
                m.maximum_record_age_seconds
            ),
            "keep it well under 24 h (3600 leaves a day to replay)",
        );
    }
    if m.bundled && !m.report_batch_item_failures {
        add(
            Severity::Error,
            "no_report_batch_item_failures",
            "the function returns failed records in batchItemFailures, but without ReportBatchItemFailures Lambda ignores the response: failed records count as processed".into(),
            "set FunctionResponseTypes to [\"ReportBatchItemFailures\"]",
        );
    }
    for pattern in &m.filters {
        match Pattern::parse(pattern, Profile::Lambda) {
            Err(e) => add(
                Severity::Error,
                "invalid_filter",
                format!("filter {pattern}: {e}"),
                "fix the pattern (orderctl filter test)",
            ),
            Ok(p) => {
                for w in p
                    .warnings()
                    .iter()
                    .filter(|w| w.code == "numeric_on_dynamodb_n")
                {
                    add(
                        Severity::Error,
                        "numeric_filter_on_n",
                        format!("filter {pattern}: {} — it never matches", w.message),
                        "match N values as strings: the exact text, {\"prefix\": …} or {\"anything-but\": …}",
                    );
                }
            }
        }
    }
}

/// Warn when the stream already has two enabled Lambda readers (aws-semantics §1.4).
pub async fn warn_reader_budget(
    target: &crate::backend::Target,
    arn: &str,
    out: &crate::output::Printer,
    command: &str,
) {
    match target.enabled_lambda_readers(arn).await {
        Ok(n) if n >= READERS_PER_SHARD => out.warn(format!(
            "the stream already has {n} enabled Lambda event source mappings; {command} is an extra reader \
             beyond the two-readers-per-shard guidance and may get them throttled (--quiet silences this)"
        )),
        Ok(_) => {}
        Err(e) => tracing::debug!("cannot count the stream's readers: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mappings::EsmList;

    /// A ListEventSourceMappings response, field for field.
    const ESMS: &str = r#"{"EventSourceMappings": [
      {"UUID": "a1", "StartingPosition": "TRIM_HORIZON", "BatchSize": 100, "MaximumBatchingWindowInSeconds": 0,
       "ParallelizationFactor": 1, "EventSourceArn": "arn:aws:dynamodb:us-east-1:111122223333:table/Orders/stream/2026-01-01T00:00:00.000",
       "FunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:orders-notification", "LastModified": 1.7e9,
       "LastProcessingResult": "OK", "State": "Enabled", "StateTransitionReason": "User action",
       "DestinationConfig": {"OnFailure": {}}, "MaximumRecordAgeInSeconds": -1, "BisectBatchOnFunctionError": false,
       "MaximumRetryAttempts": -1, "TumblingWindowInSeconds": 0, "FunctionResponseTypes": []},
      {"UUID": "b2", "StartingPosition": "LATEST", "BatchSize": 10, "FunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:orders-inventory",
       "State": "Enabled", "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:111122223333:orders-dlq.fifo"}},
       "MaximumRecordAgeInSeconds": 604800, "MaximumRetryAttempts": 5, "FunctionResponseTypes": ["ReportBatchItemFailures"],
       "FilterCriteria": {"Filters": [{"Pattern": "{\"dynamodb\":{\"NewImage\":{\"totalPrice\":{\"N\":[{\"numeric\":[\">=\",100]}]}}}}"}]}},
      {"UUID": "c3", "FunctionArn": "arn:aws:lambda:us-east-1:111122223333:function:orders-analytics", "State": "Enabled",
       "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:111122223333:orders-dlq"}},
       "MaximumRecordAgeInSeconds": 3600, "MaximumRetryAttempts": 5, "FunctionResponseTypes": ["ReportBatchItemFailures"]}
    ]}"#;

    fn findings() -> Vec<Finding> {
        let list: EsmList = serde_json::from_str(ESMS).unwrap();
        let subs = crate::functions::Function::ALL
            .into_iter()
            .map(|f| (f, f.defaults()))
            .collect();
        lint(
            &list
                .event_source_mappings
                .iter()
                .map(|d| d.mapping(&subs))
                .collect::<Vec<_>>(),
        )
    }

    fn rules_of(function: &str) -> Vec<&'static str> {
        findings()
            .into_iter()
            .filter(|f| f.function == function)
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn every_rule_on_esm_documents() {
        let notification = rules_of("notification");
        assert!(notification.contains(&"no_on_failure_destination"));
        assert!(notification.contains(&"unbounded_retries"));
        assert!(notification.contains(&"no_report_batch_item_failures"));
        let inventory = rules_of("inventory");
        assert!(inventory.contains(&"fifo_destination"));
        assert!(inventory.contains(&"record_age_past_retention"));
        assert!(inventory.contains(&"numeric_filter_on_n"));
        assert!(
            rules_of("analytics").is_empty(),
            "a well-configured mapping is clean"
        );
        assert_eq!(rules_of("stream"), ["too_many_readers"]);
        let all = findings();
        assert_eq!(all[0].severity, Severity::Error, "errors first");
        assert!(all.iter().all(|f| !f.fix.is_empty()));
    }

    #[test]
    fn the_default_subscriptions_have_no_errors() {
        let subs = crate::functions::Function::ALL
            .into_iter()
            .map(|f| (f, f.defaults()))
            .collect();
        let found = lint(&crate::mappings::from_subscriptions(&subs));
        assert!(
            found.iter().all(|f| f.severity == Severity::Warning),
            "{found:?}"
        );
    }
}
