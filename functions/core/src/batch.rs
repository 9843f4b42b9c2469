//! One batch through a function, as Lambda's stream contract wants it (aws-semantics §3.3):
//! records in order; a duplicate is success; a permanent failure goes to the dead-letter queue
//! as a record envelope and counts as handled; a transient failure stops the batch and every
//! record from it on is reported in `batchItemFailures`.

use serde::{Deserialize, Serialize};

use crate::caps::{Applied, CapError, DeadLetters};
use crate::clock;
use crate::dlq::RecordEnvelope;
use crate::record::EventRecord;

/// The partial batch response (`ReportBatchItemFailures`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchResponse {
    /// Sequence numbers to retry from (the lowest one counts).
    #[serde(rename = "batchItemFailures")]
    pub batch_item_failures: Vec<BatchItemFailure>,
}

/// One failed record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchItemFailure {
    /// The record's SequenceNumber.
    #[serde(rename = "itemIdentifier")]
    pub item_identifier: String,
}

/// What happened to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Its effects were applied (or it needed none).
    Ok,
    /// Already processed before; skipped.
    Duplicate,
    /// Stale: its order changed after it (a replayed INSERT of a cancelled order); nothing
    /// was done.
    Superseded,
    /// Could never succeed; sent to the dead-letter queue, counted as handled.
    PermanentFailure,
    /// Failed for now (or not reached after such a failure); Lambda retries it.
    TransientFailure,
    /// Dropped by the function's filter before invocation.
    Filtered,
}

/// One record's line in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordReport {
    /// The record's `eventID`.
    #[serde(rename = "eventID")]
    pub event_id: String,
    /// Its sequence number.
    pub sequence_number: String,
    /// What happened.
    pub outcome: Outcome,
    /// Why, when it failed.
    pub error: Option<String>,
}

/// Everything a batch run did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Per record, in order.
    pub records: Vec<RecordReport>,
    /// What the function returns to Lambda.
    pub response: BatchResponse,
}

impl Report {
    /// Whether any record failed (permanently or transiently).
    pub fn any_failed(&self) -> bool {
        self.records.iter().any(|r| {
            matches!(
                r.outcome,
                Outcome::PermanentFailure | Outcome::TransientFailure
            )
        })
    }
}

/// Who is running and which attempt this is.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// `notification`, `analytics` or `inventory`.
    pub function: &'static str,
    /// 1 for the first delivery of the batch; orderctl's event-source emulation counts retries.
    pub attempt: u32,
}

/// Build the envelope a permanent failure sends to the dead-letter queue.
pub fn envelope(inv: &Invocation, record: &EventRecord, error: &CapError) -> RecordEnvelope {
    RecordEnvelope {
        record: record.clone(),
        error: error.message.clone(),
        function: inv.function.to_owned(),
        attempt: inv.attempt,
        failed_at: clock::rfc3339_ms(clock::now_ms()),
        images_omitted: false,
    }
}

/// Run `f` on each record in order, with the failure rules above.
pub async fn process<D: DeadLetters>(
    inv: &Invocation,
    records: &[EventRecord],
    dlq: &D,
    mut f: impl AsyncFnMut(&EventRecord) -> Result<Applied, CapError>,
) -> Report {
    let mut reports = Vec::with_capacity(records.len());
    let mut stopped: Option<String> = None;
    for record in records {
        let outcome = match &stopped {
            Some(why) => Err(CapError::transient(format!("not processed: {why}"))),
            None => f(record).await,
        };
        let (outcome, error) = match outcome {
            Ok(Applied::Done) => (Outcome::Ok, None),
            Ok(Applied::Duplicate) => (Outcome::Duplicate, None),
            Ok(Applied::Superseded) => (Outcome::Superseded, None),
            Err(e) if e.is_transient() => {
                stopped.get_or_insert_with(|| {
                    format!(
                        "record {} failed transiently",
                        record.dynamodb.sequence_number
                    )
                });
                (Outcome::TransientFailure, Some(e.message))
            }
            Err(e) => match send_to_dlq(inv, record, &e, dlq).await {
                Ok(()) => (Outcome::PermanentFailure, Some(e.message)),
                Err(dlq_error) => {
                    stopped.get_or_insert_with(|| "the dead-letter queue is unavailable".into());
                    (
                        Outcome::TransientFailure,
                        Some(format!(
                            "{}; and the dead-letter queue failed: {dlq_error}",
                            e.message
                        )),
                    )
                }
            },
        };
        reports.push(RecordReport {
            event_id: record.event_id.clone(),
            sequence_number: record.dynamodb.sequence_number.to_string(),
            outcome,
            error,
        });
    }
    finish(reports)
}

/// The response for a list of record reports: every transient failure is an item failure.
pub fn finish(records: Vec<RecordReport>) -> Report {
    let batch_item_failures = records
        .iter()
        .filter(|r| r.outcome == Outcome::TransientFailure)
        .map(|r| BatchItemFailure {
            item_identifier: r.sequence_number.clone(),
        })
        .collect();
    Report {
        records,
        response: BatchResponse {
            batch_item_failures,
        },
    }
}

/// Send a permanently failed record to the dead-letter queue.
pub async fn send_to_dlq<D: DeadLetters>(
    inv: &Invocation,
    record: &EventRecord,
    error: &CapError,
    dlq: &D,
) -> Result<(), CapError> {
    let body = serde_json::to_string(&envelope(inv, record, error))
        .map_err(|e| CapError::permanent(format!("cannot encode the dead-letter envelope: {e}")))?;
    dlq.send(&body).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{EventName, StreamRecord};
    use crate::recorder::Recorder;
    use crate::seq::SequenceNumber;

    fn records(n: usize) -> Vec<EventRecord> {
        (0..n)
            .map(|i| EventRecord {
                event_id: format!("{i:032x}"),
                event_name: EventName::Insert,
                event_version: "1.1".into(),
                event_source: "aws:dynamodb".into(),
                aws_region: "us-east-1".into(),
                user_identity: None,
                dynamodb: StreamRecord {
                    approximate_creation_date_time: Some(1.0),
                    keys: Default::default(),
                    new_image: None,
                    old_image: None,
                    sequence_number: SequenceNumber::from_u128(100 + i as u128),
                    size_bytes: Some(1),
                    stream_view_type: None,
                },
                event_source_arn: None,
            })
            .collect()
    }

    fn inv() -> Invocation {
        Invocation {
            function: "inventory",
            attempt: 2,
        }
    }

    #[tokio::test]
    async fn a_transient_failure_on_record_3_of_5_reports_records_3_to_5() {
        let recs = records(5);
        let dlq = Recorder::default();
        let mut i = 0;
        let report = process(&inv(), &recs, &dlq, async |_| {
            i += 1;
            if i == 3 {
                Err(CapError::transient("throttled"))
            } else {
                Ok(Applied::Done)
            }
        })
        .await;
        let ids: Vec<&str> = report
            .response
            .batch_item_failures
            .iter()
            .map(|f| f.item_identifier.as_str())
            .collect();
        assert_eq!(ids, ["102", "103", "104"]);
        assert_eq!(i, 3, "records after the failure are not processed");
        assert_eq!(report.records[3].outcome, Outcome::TransientFailure);
        assert!(dlq.effects().dlq.is_empty());
    }

    #[tokio::test]
    async fn a_permanent_failure_goes_to_the_dlq_and_is_not_an_item_failure() {
        let recs = records(3);
        let dlq = Recorder::default();
        let mut i = 0;
        let report = process(&inv(), &recs, &dlq, async |_| {
            i += 1;
            if i == 2 {
                Err(CapError::permanent("unknown product X"))
            } else {
                Ok(Applied::Duplicate)
            }
        })
        .await;
        assert!(report.response.batch_item_failures.is_empty());
        assert_eq!(report.records[1].outcome, Outcome::PermanentFailure);
        assert_eq!(
            report.records[2].outcome,
            Outcome::Duplicate,
            "processing continues"
        );
        let bodies = dlq.effects().dlq;
        assert_eq!(bodies.len(), 1);
        let crate::dlq::DlqBody::Envelope(env) = crate::dlq::DlqBody::parse(&bodies[0]) else {
            panic!("{}", bodies[0])
        };
        assert_eq!(
            (env.function.as_str(), env.attempt, env.error.as_str()),
            ("inventory", 2, "unknown product X")
        );
        assert_eq!(env.record.event_id, recs[1].event_id);
    }

    #[tokio::test]
    async fn an_unavailable_dlq_turns_a_permanent_failure_into_a_transient_one() {
        let recs = records(2);
        let dlq = Recorder::default();
        dlq.fail_next("dlq", 1);
        let report = process(&inv(), &recs, &dlq, async |_| {
            Err(CapError::permanent("bad"))
        })
        .await;
        assert_eq!(
            report.response.batch_item_failures.len(),
            2,
            "nothing is lost"
        );
    }
}
