//! The Lambda DynamoDB stream event, field for field as AWS delivers it (aws-semantics §2), so
//! a record `orderctl tail` prints can be saved as a fixture, invoked, or deployed against.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::attr::Item;
use crate::seq::SequenceNumber;

/// A record whose images are kept as raw JSON text: what the CLI moves around without
/// parsing every image (tail, replay), convertible to the typed form when a handler needs it.
pub type RawRecord = EventRecord<Box<serde_json::value::RawValue>>;

/// An image as DynamoDB JSON text, exactly as a change feed produced it, not yet validated.
/// It deliberately does not implement `Serialize`: convert the record with
/// [`TextRecord::into_raw`] (which validates) before writing it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageText(pub String);

/// A record as read from a change feed: images as text, validated only when printed or parsed,
/// so reading stays cheap and the validation can run where there is time for it.
pub type TextRecord = EventRecord<ImageText>;

/// `{"Records":[…]}`: what Lambda passes to a stream consumer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
pub struct Event<I = Item> {
    /// Records of one shard, in ascending sequence order.
    #[serde(rename = "Records")]
    pub records: Vec<EventRecord<I>>,
}

/// The kind of change a record describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventName {
    /// A new item.
    #[serde(rename = "INSERT")]
    Insert,
    /// An item changed.
    #[serde(rename = "MODIFY")]
    Modify,
    /// An item was deleted (by a user, or by TTL when `userIdentity` says so).
    #[serde(rename = "REMOVE")]
    Remove,
}

impl EventName {
    /// `INSERT`, `MODIFY` or `REMOVE`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventName::Insert => "INSERT",
            EventName::Modify => "MODIFY",
            EventName::Remove => "REMOVE",
        }
    }
}

/// Who made the change; present only for TTL deletes (aws-semantics §1.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    /// `"dynamodb.amazonaws.com"` for TTL deletes.
    #[serde(rename = "principalId", alias = "PrincipalId")]
    pub principal_id: String,
    /// `"Service"` for TTL deletes.
    #[serde(rename = "type", alias = "Type")]
    pub kind: String,
}

impl Identity {
    /// The identity DynamoDB puts on TTL deletes.
    pub fn ttl() -> Identity {
        Identity {
            principal_id: "dynamodb.amazonaws.com".into(),
            kind: "Service".into(),
        }
    }
}

/// One record in a Lambda event, in AWS's key order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
pub struct EventRecord<I = Item> {
    /// 32 hex characters, unique per stream record: the idempotency key.
    #[serde(rename = "eventID")]
    pub event_id: String,
    /// INSERT / MODIFY / REMOVE.
    #[serde(rename = "eventName")]
    pub event_name: EventName,
    /// Opaque (`"1.1"` in real events).
    #[serde(rename = "eventVersion", default = "default_version")]
    pub event_version: Text,
    /// Always `aws:dynamodb`.
    #[serde(rename = "eventSource", default = "default_source")]
    pub event_source: Text,
    /// The table's region.
    #[serde(rename = "awsRegion", default)]
    pub aws_region: Text,
    /// Present on TTL deletes only.
    #[serde(
        rename = "userIdentity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_identity: Option<Identity>,
    /// The change itself.
    pub dynamodb: StreamRecord<I>,
    /// The stream ARN; Lambda adds it, raw GetRecords output lacks it.
    #[serde(
        rename = "eventSourceARN",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_source_arn: Option<Arc<str>>,
}

/// The `dynamodb` part of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "I: Deserialize<'de>"))]
pub struct StreamRecord<I = Item> {
    /// Epoch seconds, rounded down; a float with `.0` in Lambda events.
    #[serde(
        rename = "ApproximateCreationDateTime",
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_epoch",
        deserialize_with = "de_epoch"
    )]
    pub approximate_creation_date_time: Option<f64>,
    /// The key attributes.
    #[serde(rename = "Keys")]
    pub keys: I,
    /// The item after the change (INSERT, MODIFY).
    #[serde(rename = "NewImage", default, skip_serializing_if = "Option::is_none")]
    pub new_image: Option<I>,
    /// The item before the change (MODIFY, REMOVE).
    #[serde(rename = "OldImage", default, skip_serializing_if = "Option::is_none")]
    pub old_image: Option<I>,
    /// Position in the shard.
    #[serde(rename = "SequenceNumber")]
    pub sequence_number: SequenceNumber,
    /// Size of the record.
    #[serde(rename = "SizeBytes", default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<u64>,
    /// `NEW_AND_OLD_IMAGES` for `Orders`.
    #[serde(
        rename = "StreamViewType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub stream_view_type: Option<Text>,
}

/// Text that is usually a constant (`"1.1"`, `"aws:dynamodb"`): borrowed when it is, so
/// reading a million records does not allocate a million copies.
pub type Text = Cow<'static, str>;

fn default_version() -> Text {
    Cow::Borrowed("1.1")
}

fn default_source() -> Text {
    Cow::Borrowed("aws:dynamodb")
}

fn ser_epoch<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

/// Accepts what AWS sends: a JSON number (also in exponent form, `1.46480646E9`), a numeric
/// string (`"1678831218.0"`, as one doc page shows), or null/absent (aws-semantics §2).
fn de_epoch<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    // Through Value, because serde_json's arbitrary_precision numbers need its own visitor.
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Number(n) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("ApproximateCreationDateTime: not a number")),
        Value::String(s) => s.trim().parse::<f64>().map(Some).map_err(|_| {
            serde::de::Error::custom(format!("ApproximateCreationDateTime: not a number: {s:?}"))
        }),
        other => Err(serde::de::Error::custom(format!(
            "ApproximateCreationDateTime: expected epoch seconds, got {other}"
        ))),
    }
}

impl TextRecord {
    /// Validate the images and make the record serialisable.
    pub fn into_raw(self) -> Result<RawRecord, serde_json::Error> {
        let raw = |t: ImageText| serde_json::value::RawValue::from_string(t.0);
        let d = self.dynamodb;
        Ok(EventRecord {
            event_id: self.event_id,
            event_name: self.event_name,
            event_version: self.event_version,
            event_source: self.event_source,
            aws_region: self.aws_region,
            user_identity: self.user_identity,
            event_source_arn: self.event_source_arn,
            dynamodb: StreamRecord {
                approximate_creation_date_time: d.approximate_creation_date_time,
                keys: raw(d.keys)?,
                new_image: d.new_image.map(raw).transpose()?,
                old_image: d.old_image.map(raw).transpose()?,
                sequence_number: d.sequence_number,
                size_bytes: d.size_bytes,
                stream_view_type: d.stream_view_type,
            },
        })
    }

    /// Parse the images into typed attribute maps.
    pub fn typed(&self) -> Result<EventRecord, serde_json::Error> {
        self.map_images(|t| serde_json::from_str::<Item>(&t.0))
    }
}

impl<I> EventRecord<I> {
    /// The same record with each image converted by `f`.
    pub fn map_images<J, E>(&self, f: impl Fn(&I) -> Result<J, E>) -> Result<EventRecord<J>, E> {
        Ok(EventRecord {
            event_id: self.event_id.clone(),
            event_name: self.event_name,
            event_version: self.event_version.clone(),
            event_source: self.event_source.clone(),
            aws_region: self.aws_region.clone(),
            user_identity: self.user_identity.clone(),
            event_source_arn: self.event_source_arn.clone(),
            dynamodb: StreamRecord {
                approximate_creation_date_time: self.dynamodb.approximate_creation_date_time,
                keys: f(&self.dynamodb.keys)?,
                new_image: self.dynamodb.new_image.as_ref().map(&f).transpose()?,
                old_image: self.dynamodb.old_image.as_ref().map(&f).transpose()?,
                sequence_number: self.dynamodb.sequence_number.clone(),
                size_bytes: self.dynamodb.size_bytes,
                stream_view_type: self.dynamodb.stream_view_type.clone(),
            },
        })
    }
}

impl RawRecord {
    /// Parse the images into typed attribute maps.
    pub fn typed(&self) -> Result<EventRecord, serde_json::Error> {
        self.map_images(|raw| serde_json::from_str::<Item>(raw.get()))
    }
}

impl<I> EventRecord<I> {
    /// The record's sequence number.
    pub fn seq(&self) -> &SequenceNumber {
        &self.dynamodb.sequence_number
    }

    /// Whether DynamoDB's TTL process made this change.
    pub fn is_ttl_delete(&self) -> bool {
        self.user_identity
            .as_ref()
            .is_some_and(|i| i.kind == "Service" && i.principal_id == "dynamodb.amazonaws.com")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AWS_EXAMPLE: &str = r#"{"Records":[
 {"eventID":"c4ca4238a0b923820dcc509a6f75849b","eventName":"INSERT","eventVersion":"1.1",
  "eventSource":"aws:dynamodb","awsRegion":"us-east-1",
  "dynamodb":{"ApproximateCreationDateTime":1763626841.0,
   "Keys":{"orderId":{"S":"o-1001"}},
   "NewImage":{"orderId":{"S":"o-1001"},"status":{"S":"PLACED"},"total":{"N":"59.90"}},
   "SequenceNumber":"4421584500000000017450439091","SizeBytes":98,
   "StreamViewType":"NEW_AND_OLD_IMAGES"},
  "eventSourceARN":"arn:aws:dynamodb:us-east-1:111122223333:table/Orders/stream/2025-11-20T08:15:03.123"},
 {"eventID":"eccbc87e4b5ce2fe28308fd9f2a7baf3","eventName":"REMOVE","eventVersion":"1.1",
  "eventSource":"aws:dynamodb","awsRegion":"us-east-1",
  "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
  "dynamodb":{"ApproximateCreationDateTime":1.46480646E9,
   "Keys":{"orderId":{"S":"o-1001"}},
   "OldImage":{"orderId":{"S":"o-1001"},"status":{"S":"PAID"},"total":{"N":"59.90"}},
   "SequenceNumber":"4421584700000000017450449876","SizeBytes":61,
   "StreamViewType":"NEW_AND_OLD_IMAGES"},
  "eventSourceARN":"arn:aws:dynamodb:us-east-1:111122223333:table/Orders/stream/2025-11-20T08:15:03.123"}
]}"#;

    #[test]
    fn parses_the_aws_shape_and_writes_it_back() {
        let event: Event = serde_json::from_str(AWS_EXAMPLE).unwrap();
        assert_eq!(event.records.len(), 2);
        assert_eq!(event.records[0].event_name, EventName::Insert);
        assert!(event.records[1].is_ttl_delete());
        assert_eq!(
            event.records[1].dynamodb.approximate_creation_date_time,
            Some(1_464_806_460.0)
        );
        let back = serde_json::to_value(&event).unwrap();
        let mut want: Value = serde_json::from_str(AWS_EXAMPLE).unwrap();
        want["Records"][1]["dynamodb"]["ApproximateCreationDateTime"] =
            serde_json::json!(1464806460.0);
        assert_eq!(back, want);
    }

    #[test]
    fn key_order_and_float_timestamp_match_aws() {
        let event: Event = serde_json::from_str(AWS_EXAMPLE).unwrap();
        let text = serde_json::to_string(&event.records[0]).unwrap();
        assert!(text.starts_with(r#"{"eventID":"c4ca4238a0b923820dcc509a6f75849b","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1763626841.0,"Keys""#), "{text}");
        assert!(text.ends_with(r#""SizeBytes":98,"StreamViewType":"NEW_AND_OLD_IMAGES"},"eventSourceARN":"arn:aws:dynamodb:us-east-1:111122223333:table/Orders/stream/2025-11-20T08:15:03.123"}"#), "{text}");
    }

    #[test]
    fn timestamp_may_be_a_string_or_missing() {
        let r: StreamRecord = serde_json::from_str(
            r#"{"ApproximateCreationDateTime":"1678831218.5","Keys":{},"SequenceNumber":"1"}"#,
        )
        .unwrap();
        assert_eq!(r.approximate_creation_date_time, Some(1_678_831_218.5));
        let r: StreamRecord = serde_json::from_str(r#"{"Keys":{},"SequenceNumber":"1"}"#).unwrap();
        assert_eq!(r.approximate_creation_date_time, None);
    }
}
