//! Reading the stream the way AWS requires: discover every shard (paged DescribeStream),
//! read a parent to its end before its children (aws-semantics §1.4 lineage rule), and keep
//! per-key order. Shared by `tail`, `consume`, `dlq replay` and the demo.

// `tail --checkpoint` files are storage, kept by the backend layer.
pub use crate::backend::checkpoint_file as checkpoint;
pub mod cursor;
pub mod lineage;
pub mod planner;
pub mod reader;

use std::sync::Arc;

use orders_core::{RawRecord, TextRecord};

use crate::backend::{ChangeFeed, TResult};
use reader::{Event, Mode, Reader, ReaderOptions, Start};

/// The record as the JSON a filter pattern is matched against: the Lambda record. Without
/// `images` only its metadata (enough for patterns that never look under `dynamodb`), which
/// spares parsing every image.
pub fn filter_value(record: &TextRecord, images: bool) -> serde_json::Result<serde_json::Value> {
    if images {
        let raw = record.map_images(|t| serde_json::value::RawValue::from_string(t.0.clone()))?;
        return serde_json::to_value(&raw);
    }
    let mut v = serde_json::json!({
        "eventID": record.event_id,
        "eventName": record.event_name,
        "eventVersion": record.event_version,
        "eventSource": record.event_source,
        "awsRegion": record.aws_region,
    });
    if let Some(obj) = v.as_object_mut() {
        if let Some(arn) = &record.event_source_arn {
            obj.insert(
                "eventSourceARN".into(),
                serde_json::Value::String(arn.to_string()),
            );
        }
        if let Some(identity) = &record.user_identity {
            obj.insert("userIdentity".into(), serde_json::to_value(identity)?);
        }
    }
    Ok(v)
}

/// Read every record the stream holds now, from the trim horizon, parents before children.
pub async fn drain_all(feed: &impl ChangeFeed) -> TResult<Vec<(Arc<str>, RawRecord)>> {
    let arn = feed.stream_arn().await?;
    let mut reader = Reader::new(
        feed,
        arn,
        ReaderOptions::new(Start::TrimHorizon, Mode::Drain, &feed.pace()),
    );
    let mut out = Vec::new();
    while let Some(event) = reader.next().await? {
        if let Event::Batch(batch) = event {
            for r in batch.records {
                let raw = r.into_raw().map_err(|e| {
                    crate::backend::TargetError::other("a stream image is not valid JSON", e)
                })?;
                out.push((batch.shard_id.clone(), raw));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
