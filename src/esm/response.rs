//! What Lambda does with a function's result (aws-semantics §3.3): complete success, a valid
//! partial failure (checkpoint at the lowest failed sequence number, compared as integers), or
//! a whole-batch failure (an error, or an empty, null, malformed or foreign identifier).

use orders_core::SequenceNumber;
use serde::Serialize;
use serde_json::Value;

/// Lambda's reading of one invocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Commit the whole batch.
    Success,
    /// Commit every record before `retry_from`; retry from it (§3.3 valid partial failure).
    Partial {
        /// The lowest failed sequence number.
        retry_from: SequenceNumber,
    },
    /// Retry the whole batch.
    WholeBatch {
        /// Why.
        reason: String,
    },
}

/// Interpret a function's result for a batch whose records have `seqs`.
///
/// `response` is the returned JSON (`None` for no payload); `function_error` is an unhandled
/// error or timeout; `rbif` is whether `ReportBatchItemFailures` is on (without it Lambda
/// ignores the response).
pub fn interpret(
    seqs: &[SequenceNumber],
    response: Option<&Value>,
    function_error: bool,
    rbif: bool,
) -> Verdict {
    if function_error {
        return Verdict::WholeBatch {
            reason: "the function failed (unhandled error)".into(),
        };
    }
    if !rbif {
        return Verdict::Success;
    }
    let failures = match response {
        None | Some(Value::Null) => return Verdict::Success,
        Some(Value::Array(a)) if a.is_empty() => return Verdict::Success,
        Some(Value::Object(o)) if o.is_empty() => return Verdict::Success,
        Some(Value::Object(o)) => match o.get("batchItemFailures") {
            None | Some(Value::Null) => return Verdict::Success,
            Some(Value::Array(items)) if items.is_empty() => return Verdict::Success,
            Some(Value::Array(items)) => items,
            Some(other) => return invalid(format!("batchItemFailures is {other}, not a list")),
        },
        Some(other) => return invalid(format!("the response {other} is not an object")),
    };
    let mut lowest: Option<SequenceNumber> = None;
    for item in failures {
        let id = match item.get("itemIdentifier") {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(Value::String(_)) => return invalid("an empty itemIdentifier".into()),
            Some(Value::Null) => return invalid("a null itemIdentifier".into()),
            Some(other) => return invalid(format!("itemIdentifier {other} is not a string")),
            None => return invalid(format!("a failure entry without itemIdentifier: {item}")),
        };
        let Some(seq) = SequenceNumber::parse(id).ok().filter(|s| seqs.contains(s)) else {
            return invalid(format!(
                "itemIdentifier {id:?} is not a sequence number of this batch"
            ));
        };
        if lowest.as_ref().is_none_or(|l| seq < *l) {
            lowest = Some(seq);
        }
    }
    match lowest {
        Some(retry_from) => Verdict::Partial { retry_from },
        None => Verdict::Success,
    }
}

fn invalid(reason: String) -> Verdict {
    Verdict::WholeBatch {
        reason: format!("invalid partial batch response: {reason}"),
    }
}

/// One sentence: what Lambda would do next with this batch.
pub fn describe(seqs: &[SequenceNumber], verdict: &Verdict) -> String {
    let Some(last) = seqs.iter().max() else {
        return "nothing to do: the batch is empty".into();
    };
    match verdict {
        Verdict::Success => format!("commit the batch: checkpoint after sequence number {last}"),
        Verdict::Partial { retry_from } => match seqs.iter().filter(|s| *s < retry_from).max() {
            Some(before) => format!(
                "commit up to sequence number {before}, then retry from {retry_from} (records after it are retried too)"
            ),
            None => format!("commit nothing: retry the batch from its first record, {retry_from}"),
        },
        Verdict::WholeBatch { reason } => format!("retry the whole batch: {reason}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seqs() -> Vec<SequenceNumber> {
        [
            "999999999999999999999",
            "1000000000000000000000",
            "1000000000000000000001",
        ]
        .iter()
        .map(|s| SequenceNumber::parse(s).unwrap())
        .collect()
    }

    #[test]
    fn the_five_empty_responses_are_success() {
        for r in [
            json!(null),
            json!({}),
            json!([]),
            json!({"batchItemFailures": []}),
            json!({"batchItemFailures": null}),
        ] {
            assert_eq!(
                interpret(&seqs(), Some(&r), false, true),
                Verdict::Success,
                "{r}"
            );
        }
        assert_eq!(interpret(&seqs(), None, false, true), Verdict::Success);
    }

    #[test]
    fn the_lowest_failed_sequence_number_wins_numerically() {
        let r = json!({"batchItemFailures": [{"itemIdentifier": "1000000000000000000001"}, {"itemIdentifier": "1000000000000000000000"}]});
        let v = interpret(&seqs(), Some(&r), false, true);
        assert_eq!(
            v,
            Verdict::Partial {
                retry_from: seqs()[1].clone()
            }
        );
        assert!(describe(&seqs(), &v).starts_with("commit up to sequence number 999999999999999999999, then retry from 1000000000000000000000"));
    }

    #[test]
    fn invalid_identifiers_fail_the_whole_batch() {
        for r in [
            json!({"batchItemFailures": [{"itemIdentifier": ""}]}),
            json!({"batchItemFailures": [{"itemIdentifier": null}]}),
            json!({"batchItemFailures": [{"foo": 123}]}),
            json!({"batchItemFailures": [{"itemIdentifier": "123"}]}),
            json!({"batchItemFailures": [{"itemIdentifier": 5}]}),
            json!({"batchItemFailures": "x"}),
        ] {
            assert!(
                matches!(
                    interpret(&seqs(), Some(&r), false, true),
                    Verdict::WholeBatch { .. }
                ),
                "{r}"
            );
        }
    }

    #[test]
    fn errors_and_rbif_off() {
        let r = json!({"batchItemFailures": [{"itemIdentifier": "x"}]});
        assert_eq!(
            interpret(&seqs(), Some(&r), false, false),
            Verdict::Success,
            "ignored without RBIF"
        );
        assert!(matches!(
            interpret(&seqs(), None, true, true),
            Verdict::WholeBatch { .. }
        ));
    }
}
