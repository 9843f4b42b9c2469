//! The two dead-letter bodies (design.md): the record envelope a function writes for a
//! permanent failure, and Lambda's on-failure invocation record (aws-semantics §3.5) — and
//! telling them apart from anything else, which is kept as unreadable.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::record::EventRecord;

/// Written by a function for a record that can never succeed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordEnvelope {
    /// The Lambda record, as delivered.
    pub record: EventRecord,
    /// Why it failed.
    pub error: String,
    /// Which function failed it.
    pub function: String,
    /// Which attempt of the batch it was.
    pub attempt: u32,
    /// When (RFC 3339).
    #[serde(rename = "failedAt")]
    pub failed_at: String,
    /// Set when the record's images were left out so that the envelope fits the queue's
    /// `MaximumMessageSize` (aws-semantics §6.1): the record keeps its keys, `SequenceNumber`
    /// and `eventSourceARN`, and a replay re-reads it whole from the stream, as it does for
    /// Lambda's on-failure records (§3.5), while the stream still holds it (24 h).
    #[serde(rename = "imagesOmitted", default, skip_serializing_if = "is_false")]
    pub images_omitted: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl RecordEnvelope {
    /// This envelope without its record's images, and with its error cut (on a character
    /// boundary, marked `…`) if that is what it takes to fit `max_bytes` once encoded; `None`
    /// when even that does not fit (keys and error alone over the limit).
    pub fn slimmed(&self, max_bytes: usize) -> Option<String> {
        let mut slim = self.clone();
        slim.record.dynamodb.new_image = None;
        slim.record.dynamodb.old_image = None;
        slim.images_omitted = true;
        let encode = |e: &RecordEnvelope| serde_json::to_string(e).ok();
        let text = encode(&slim)?;
        if text.len() <= max_bytes {
            return Some(text);
        }
        // Each byte cut from the error saves at least one byte of JSON.
        let over = text.len() - max_bytes;
        let keep = slim.error.len().checked_sub(over + '…'.len_utf8())?;
        let cut = (0..=keep).rev().find(|&i| slim.error.is_char_boundary(i))?;
        slim.error.truncate(cut);
        slim.error.push('…');
        encode(&slim).filter(|t| t.len() <= max_bytes)
    }
}

/// Lambda's on-failure destination record for a stream batch (exact field names, §3.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OnFailureRecord {
    /// Who failed, why, how often.
    #[serde(rename = "requestContext")]
    pub request_context: RequestContext,
    /// The last invocation's result; absent for `RecordAgeExceeded`.
    #[serde(
        rename = "responseContext",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub response_context: Option<ResponseContext>,
    /// `"1.0"`.
    pub version: String,
    /// When the record was sent (ISO-8601 with milliseconds).
    pub timestamp: String,
    /// Which records: a sequence range of one shard.
    #[serde(rename = "DDBStreamBatchInfo")]
    pub batch_info: BatchInfo,
}

/// `requestContext`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestContext {
    /// An id for the request.
    pub request_id: String,
    /// The function's ARN.
    pub function_arn: String,
    /// `RetryAttemptsExhausted` or `RecordAgeExceeded`.
    pub condition: String,
    /// How many times the batch was invoked.
    pub approximate_invoke_count: u32,
}

/// `responseContext`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseContext {
    /// 200 when the function ran.
    pub status_code: u16,
    /// `$LATEST`.
    pub executed_version: String,
    /// `"Unhandled"` after a thrown error; `null` after a partial-batch response.
    pub function_error: Option<String>,
}

/// `DDBStreamBatchInfo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchInfo {
    /// The shard.
    pub shard_id: String,
    /// First record of the batch.
    pub start_sequence_number: String,
    /// Last record of the batch.
    pub end_sequence_number: String,
    /// ISO-8601 without milliseconds.
    pub approximate_arrival_of_first_record: String,
    /// ISO-8601 without milliseconds.
    pub approximate_arrival_of_last_record: String,
    /// Records in the batch.
    pub batch_size: u32,
    /// The stream.
    pub stream_arn: String,
}

/// A dead-letter body, understood.
#[derive(Debug, Clone, PartialEq)]
pub enum DlqBody {
    /// A function's record envelope.
    Envelope(Box<RecordEnvelope>),
    /// Lambda's on-failure record.
    OnFailure(Box<OnFailureRecord>),
    /// Anything else, with the reason.
    Unreadable(String),
}

impl DlqBody {
    /// Classify a message body.
    pub fn parse(body: &str) -> DlqBody {
        let value: Value = match serde_json::from_str(body) {
            Ok(v) => v,
            Err(e) => return DlqBody::Unreadable(format!("not JSON: {e}")),
        };
        let Some(obj) = value.as_object() else {
            return DlqBody::Unreadable("not a JSON object".into());
        };
        if obj.contains_key("DDBStreamBatchInfo") {
            return match serde_json::from_value::<OnFailureRecord>(value) {
                Ok(r) => DlqBody::OnFailure(Box::new(r)),
                Err(e) => {
                    DlqBody::Unreadable(format!("an on-failure record with a bad field: {e}"))
                }
            };
        }
        if obj.contains_key("record") && obj.contains_key("function") {
            return match serde_json::from_value::<RecordEnvelope>(value) {
                Ok(r) => DlqBody::Envelope(Box::new(r)),
                Err(e) => DlqBody::Unreadable(format!("a record envelope with a bad field: {e}")),
            };
        }
        DlqBody::Unreadable("neither a record envelope nor a Lambda on-failure record".into())
    }

    /// `envelope`, `on-failure` or `unreadable`.
    pub fn format(&self) -> &'static str {
        match self {
            DlqBody::Envelope(_) => "envelope",
            DlqBody::OnFailure(_) => "on-failure",
            DlqBody::Unreadable(_) => "unreadable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AWS_EXAMPLE: &str = r#"{
  "requestContext": {"requestId": "316aa6d0-8154-xmpl-9af7-85d5f4a6bc81",
    "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:myfunction",
    "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 1},
  "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
  "version": "1.0", "timestamp": "2019-11-14T00:13:49.717Z",
  "DDBStreamBatchInfo": {"shardId": "shardId-00000001573689847184-864758bb",
    "startSequenceNumber": "800000000003126276362", "endSequenceNumber": "800000000003126276362",
    "approximateArrivalOfFirstRecord": "2019-11-14T00:13:19Z", "approximateArrivalOfLastRecord": "2019-11-14T00:13:19Z",
    "batchSize": 1, "streamArn": "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388"}}"#;

    const ENVELOPE: &str = include_str!("../../../fixtures/dlq/envelope.json");

    #[test]
    fn a_slimmed_envelope_keeps_the_key_sequence_number_and_stream_and_fits() {
        let DlqBody::Envelope(full) = DlqBody::parse(ENVELOPE) else {
            panic!("not an envelope")
        };
        let whole = serde_json::to_string(&full).unwrap();
        assert!(!whole.contains("imagesOmitted"), "{whole}");
        let slim = full.slimmed(whole.len() - 1).unwrap();
        assert!(slim.len() < whole.len() - 1, "{slim}");
        let DlqBody::Envelope(back) = DlqBody::parse(&slim) else {
            panic!("a slim envelope is still an envelope: {slim}")
        };
        assert!(back.images_omitted);
        assert_eq!(back.record.dynamodb.new_image, None);
        assert_eq!(back.record.dynamodb.keys, full.record.dynamodb.keys);
        assert_eq!(
            back.record.dynamodb.sequence_number,
            full.record.dynamodb.sequence_number
        );
        assert_eq!(back.record.event_source_arn, full.record.event_source_arn);
        assert_eq!(back.error, full.error);

        // Tighter still: the error is cut to fit, and marked.
        let tight = full.slimmed(slim.len() - 10).unwrap();
        assert!(tight.len() <= slim.len() - 10);
        let DlqBody::Envelope(cut) = DlqBody::parse(&tight) else {
            panic!()
        };
        assert!(cut.error.ends_with('…'), "{}", cut.error);
        assert!(full.error.starts_with(cut.error.trim_end_matches('…')));
        // Keys alone over the limit: it cannot fit.
        assert_eq!(full.slimmed(100), None);
    }

    #[test]
    fn the_aws_example_round_trips_exactly() {
        let DlqBody::OnFailure(r) = DlqBody::parse(AWS_EXAMPLE) else {
            panic!("not on-failure")
        };
        assert_eq!(r.batch_info.batch_size, 1);
        let back: Value = serde_json::to_value(&r).unwrap();
        let want: Value = serde_json::from_str(AWS_EXAMPLE).unwrap();
        assert_eq!(back, want);
        let keys: Vec<&String> = back.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 5);
    }

    #[test]
    fn a_partial_batch_failure_keeps_a_null_function_error() {
        let body = AWS_EXAMPLE.replace("\"Unhandled\"", "null");
        let DlqBody::OnFailure(r) = DlqBody::parse(&body) else {
            panic!()
        };
        let text = serde_json::to_string(&r).unwrap();
        assert!(text.contains("\"functionError\":null"), "{text}");
    }

    #[test]
    fn anything_else_is_unreadable_with_a_reason() {
        assert!(
            matches!(DlqBody::parse("not json"), DlqBody::Unreadable(r) if r.starts_with("not JSON"))
        );
        assert!(matches!(DlqBody::parse("[1]"), DlqBody::Unreadable(_)));
        assert!(
            matches!(DlqBody::parse(r#"{"orderId":"o-1"}"#), DlqBody::Unreadable(r) if r.contains("neither"))
        );
        let bad = r#"{"record":{"eventID":"x"},"function":"inventory","error":"e","attempt":1,"failedAt":"t"}"#;
        assert!(matches!(DlqBody::parse(bad), DlqBody::Unreadable(r) if r.contains("bad field")));
    }
}
