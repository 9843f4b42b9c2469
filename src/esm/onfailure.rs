//! The on-failure invocation record Lambda sends to a stream mapping's destination when a batch
//! runs out of retries or record age (aws-semantics §3.5): metadata only — the shard and the
//! sequence range — so the records must be re-read from the stream to be replayed.

use orders_core::TextRecord;
use orders_core::clock;
use orders_core::dlq::{BatchInfo, OnFailureRecord, RequestContext, ResponseContext};

/// Why a batch was given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// `MaximumRetryAttempts` used up.
    RetryAttemptsExhausted,
    /// Records older than `MaximumRecordAgeInSeconds`.
    RecordAgeExceeded,
}

impl Condition {
    fn as_str(self) -> &'static str {
        match self {
            Condition::RetryAttemptsExhausted => "RetryAttemptsExhausted",
            Condition::RecordAgeExceeded => "RecordAgeExceeded",
        }
    }
}

/// The function ARN Lambda would report: the stream's region and account, the function's name.
pub fn function_arn(stream_arn: &str, lambda_name: &str) -> String {
    let parts: Vec<&str> = stream_arn.split(':').collect();
    let (region, account) = match parts.as_slice() {
        [_, _, _, region, account, ..] => (*region, *account),
        _ => ("us-east-1", "000000000000"),
    };
    format!("arn:aws:lambda:{region}:{account}:function:{lambda_name}")
}

fn arrival(record: &TextRecord) -> String {
    let secs = record
        .dynamodb
        .approximate_creation_date_time
        .unwrap_or(0.0);
    clock::rfc3339_s((secs * 1000.0) as i64)
}

/// Build the record for a given-up batch (`records` non-empty, in order).
pub fn record(
    condition: Condition,
    stream_arn: &str,
    shard_id: &str,
    lambda_name: &str,
    records: &[TextRecord],
    invoke_count: u32,
    function_error: Option<&str>,
) -> Option<OnFailureRecord> {
    let (first, last) = (records.first()?, records.last()?);
    Some(OnFailureRecord {
        request_context: RequestContext {
            request_id: uuid::Uuid::new_v4().to_string(),
            function_arn: function_arn(stream_arn, lambda_name),
            condition: condition.as_str().to_owned(),
            approximate_invoke_count: invoke_count,
        },
        // Absent when the records expired (observed on AWS, §3.5); functionError is
        // `Unhandled` after a thrown error, null after a partial batch response.
        response_context: (condition == Condition::RetryAttemptsExhausted).then(|| {
            ResponseContext {
                status_code: 200,
                executed_version: "$LATEST".into(),
                function_error: function_error.map(str::to_owned),
            }
        }),
        version: "1.0".into(),
        timestamp: clock::rfc3339_ms(clock::now_ms()),
        batch_info: BatchInfo {
            shard_id: shard_id.to_owned(),
            start_sequence_number: first.dynamodb.sequence_number.to_string(),
            end_sequence_number: last.dynamodb.sequence_number.to_string(),
            approximate_arrival_of_first_record: arrival(first),
            approximate_arrival_of_last_record: arrival(last),
            batch_size: u32::try_from(records.len()).unwrap_or(u32::MAX),
            stream_arn: stream_arn.to_owned(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_arns_follow_the_stream() {
        assert_eq!(
            function_arn(
                "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000",
                "orders-inventory"
            ),
            "arn:aws:lambda:eu-west-1:123456789012:function:orders-inventory"
        );
    }
}
