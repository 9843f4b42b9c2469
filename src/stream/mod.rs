//! Reading the stream the way AWS requires: discover every shard (paged DescribeStream),
//! read a parent to its end before its children (aws-semantics §1.4 lineage rule), and keep
//! per-key order. Shared by `tail`, `consume`, `dlq replay` and the demo.

pub mod lineage;
pub mod render;

use std::sync::Arc;

use orders_core::RawRecord;

use crate::target::{ChangeFeed, IteratorKind, TResult};
use lineage::Lineage;

/// Read every record the stream holds now, from the trim horizon, parents before children.
pub async fn drain_all(feed: &impl ChangeFeed) -> TResult<Vec<(Arc<str>, RawRecord)>> {
    let arn = feed.stream_arn().await?;
    let mut lineage = Lineage::default();
    let mut out = Vec::new();
    loop {
        lineage.refresh(feed, &arn).await?;
        let ready = lineage.ready();
        if ready.is_empty() {
            return Ok(out);
        }
        for shard in ready {
            let id: Arc<str> = Arc::from(shard.shard_id.as_str());
            let mut iterator = Some(
                feed.shard_iterator(&arn, &shard.shard_id, &IteratorKind::TrimHorizon)
                    .await?,
            );
            while let Some(it) = iterator {
                let page = feed.get_records(&it, 1000).await?;
                let empty = page.records.is_empty();
                out.extend(page.records.into_iter().map(|r| (id.clone(), r)));
                // Only a missing NextShardIterator means a shard is finished (aws-semantics
                // §1.3); an open shard answering an empty page is caught up for now.
                iterator = if empty && !shard.is_closed() {
                    None
                } else {
                    page.next_iterator
                };
            }
            lineage.mark_done(&shard.shard_id);
        }
    }
}
