//! Reading the stream the way AWS requires: discover every shard (paged DescribeStream),
//! read a parent to its end before its children (aws-semantics §1.4 lineage rule), and keep
//! per-key order. Shared by `tail`, `consume`, `dlq replay` and the demo.

pub mod checkpoint;
pub mod cursor;
pub mod lineage;
pub mod reader;
pub mod render;

use std::sync::Arc;

use orders_core::RawRecord;

use crate::target::{ChangeFeed, TResult};
use reader::{Event, Mode, Reader, ReaderOptions, Start};

/// Read every record the stream holds now, from the trim horizon, parents before children.
pub async fn drain_all(feed: &impl ChangeFeed) -> TResult<Vec<(Arc<str>, RawRecord)>> {
    let arn = feed.stream_arn().await?;
    let mut reader = Reader::new(
        feed,
        arn,
        ReaderOptions::local(Start::TrimHorizon, Mode::Drain),
    );
    let mut out = Vec::new();
    while let Some(event) = reader.next().await? {
        if let Event::Batch(batch) = event {
            for r in batch.records {
                let raw = r.into_raw().map_err(|e| {
                    crate::target::TargetError::other("a stream image is not valid JSON", e)
                })?;
                out.push((batch.shard_id.clone(), raw));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
