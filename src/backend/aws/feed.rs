//! The change feed on AWS: the DynamoDB Streams API, with records converted to the Lambda
//! event shape (camelCase `userIdentity`, epoch-seconds float timestamps; aws-semantics §2).

use aws_sdk_dynamodbstreams::types::{
    OperationType, Record, ShardFilter, ShardFilterType, ShardIteratorType,
};
use orders_core::record::{EventRecord, StreamRecord};
use orders_core::{EventName, Identity, ImageText, SequenceNumber, TextRecord};

use super::AwsTarget;
use super::attrs::streams::item_from_sdk;
use crate::backend::feed::{
    ChangeFeed, DESCRIBE_LIMIT, IteratorKind, RecordsPage, ShardDesc, StreamPage,
};
use crate::backend::{TResult, TargetError};

fn raw_image(
    map: &std::collections::HashMap<String, aws_sdk_dynamodbstreams::types::AttributeValue>,
) -> TResult<ImageText> {
    let json = serde_json::to_string(&item_from_sdk(map))
        .map_err(|e| TargetError::other("cannot encode a stream image", e))?;
    Ok(ImageText(json))
}

fn convert(record: &Record, region: &str) -> TResult<TextRecord> {
    let d = record
        .dynamodb()
        .ok_or_else(|| TargetError::Invalid("a stream record without its dynamodb part".into()))?;
    let event_name = match record.event_name() {
        Some(OperationType::Insert) => EventName::Insert,
        Some(OperationType::Modify) => EventName::Modify,
        Some(OperationType::Remove) => EventName::Remove,
        other => {
            return Err(TargetError::Invalid(format!(
                "unknown stream event name {other:?}"
            )));
        }
    };
    let seq = d
        .sequence_number()
        .ok_or_else(|| TargetError::Invalid("a stream record without a sequence number".into()))?;
    Ok(EventRecord {
        event_id: record.event_id().unwrap_or_default().to_owned(),
        event_name,
        event_version: record.event_version().unwrap_or("1.1").to_owned().into(),
        event_source: record
            .event_source()
            .unwrap_or("aws:dynamodb")
            .to_owned()
            .into(),
        aws_region: record.aws_region().unwrap_or(region).to_owned().into(),
        user_identity: record.user_identity().map(|i| Identity {
            principal_id: i.principal_id().unwrap_or_default().to_owned(),
            kind: i.r#type().unwrap_or_default().to_owned(),
        }),
        dynamodb: StreamRecord {
            // Rounded down to the second, as AWS documents it (aws-semantics §1.5).
            approximate_creation_date_time: d
                .approximate_creation_date_time()
                .map(|t| t.secs() as f64),
            keys: raw_image(d.keys().unwrap_or(&Default::default()))?,
            new_image: d.new_image().map(raw_image).transpose()?,
            old_image: d.old_image().map(raw_image).transpose()?,
            sequence_number: SequenceNumber::parse(seq).map_err(TargetError::Invalid)?,
            size_bytes: d.size_bytes().map(|s| s.max(1) as u64),
            stream_view_type: d.stream_view_type().map(|v| v.as_str().to_owned().into()),
        },
        event_source_arn: None,
    })
}

impl ChangeFeed for AwsTarget {
    async fn stream_arn(&self) -> TResult<String> {
        self.orders_stream_arn().await
    }

    async fn describe_stream(
        &self,
        arn: &str,
        exclusive_start: Option<&str>,
        child_of: Option<&str>,
    ) -> TResult<StreamPage> {
        let filter = child_of.map(|parent| {
            ShardFilter::builder()
                .r#type(ShardFilterType::ChildShards)
                .shard_id(parent)
                .build()
        });
        let out = self
            .streams
            .describe_stream()
            .stream_arn(arn)
            .limit(DESCRIBE_LIMIT as i32)
            .set_exclusive_start_shard_id(exclusive_start.map(str::to_owned))
            .set_shard_filter(filter)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:DescribeStream", "stream", arn))?;
        let d = out
            .stream_description()
            .ok_or_else(|| TargetError::NotFound(format!("stream {arn} not found")))?;
        let mut shards = Vec::new();
        for s in d.shards() {
            let range = s.sequence_number_range();
            let parse = |v: Option<&str>| {
                v.map(SequenceNumber::parse)
                    .transpose()
                    .map_err(TargetError::Invalid)
            };
            shards.push(ShardDesc {
                shard_id: s.shard_id().unwrap_or_default().to_owned(),
                parent_shard_id: s.parent_shard_id().map(str::to_owned),
                starting_sequence_number: parse(range.and_then(|r| r.starting_sequence_number()))?
                    .unwrap_or_else(|| SequenceNumber::from_u128(0)),
                ending_sequence_number: parse(range.and_then(|r| r.ending_sequence_number()))?,
            });
        }
        Ok(StreamPage {
            stream_arn: d.stream_arn().unwrap_or(arn).to_owned(),
            stream_status: d
                .stream_status()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            stream_view_type: d
                .stream_view_type()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            table_name: d.table_name().unwrap_or_default().to_owned(),
            shards,
            last_evaluated_shard_id: d.last_evaluated_shard_id().map(str::to_owned),
        })
    }

    async fn shard_iterator(
        &self,
        arn: &str,
        shard_id: &str,
        kind: &IteratorKind,
    ) -> TResult<String> {
        let (kind, seq) = match kind {
            IteratorKind::TrimHorizon => (ShardIteratorType::TrimHorizon, None),
            IteratorKind::Latest => (ShardIteratorType::Latest, None),
            IteratorKind::At(s) => (ShardIteratorType::AtSequenceNumber, Some(s.to_string())),
            IteratorKind::After(s) => (ShardIteratorType::AfterSequenceNumber, Some(s.to_string())),
        };
        let out = self
            .streams
            .get_shard_iterator()
            .stream_arn(arn)
            .shard_id(shard_id)
            .shard_iterator_type(kind)
            .set_sequence_number(seq)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:GetShardIterator", "shard", shard_id))?;
        out.shard_iterator()
            .map(str::to_owned)
            .ok_or_else(|| TargetError::NotFound(format!("no iterator for shard {shard_id}")))
    }

    async fn get_records(&self, iterator: &str, limit: usize) -> TResult<RecordsPage> {
        let limit = i32::try_from(limit)
            .map_err(|_| TargetError::Invalid(format!("limit {limit} too large")))?;
        let out = self
            .streams
            .get_records()
            .shard_iterator(iterator)
            .limit(limit)
            .send()
            .await
            .map_err(|e| {
                self.err(
                    e,
                    "dynamodb:GetRecords",
                    "stream",
                    &self.resources.orders_table,
                )
            })?;
        let records = out
            .records()
            .iter()
            .map(|r| convert(r, self.region()))
            .collect::<TResult<Vec<_>>>()?;
        Ok(RecordsPage {
            records,
            next_iterator: out.next_shard_iterator().map(str::to_owned),
        })
    }
}
