//! Shard lineage: which shards exist (every DescribeStream page) and which may be read now —
//! a child only once its parent has been read to its end (aws-semantics §1.4).

use std::collections::{BTreeMap, HashSet};

use crate::backend::{ChangeFeed, ShardDesc, TResult};

/// The shards seen so far and how far reading them has got.
#[derive(Debug, Default)]
pub struct Lineage {
    shards: BTreeMap<String, ShardDesc>,
    taken: HashSet<String>,
    done: HashSet<String>,
}

impl Lineage {
    /// Page through DescribeStream (following `LastEvaluatedShardId`) and add new shards.
    pub async fn refresh(&mut self, feed: &impl ChangeFeed, arn: &str) -> TResult<()> {
        let mut start: Option<String> = None;
        loop {
            let page = feed.describe_stream(arn, start.as_deref(), None).await?;
            for shard in page.shards {
                self.shards.insert(shard.shard_id.clone(), shard);
            }
            match page.last_evaluated_shard_id {
                Some(last) if start.as_deref() != Some(last.as_str()) => start = Some(last),
                _ => return Ok(()),
            }
        }
    }

    /// Update what is known of one shard (e.g. it has closed since).
    pub fn update(&mut self, shard: ShardDesc) {
        self.shards.insert(shard.shard_id.clone(), shard);
    }

    /// Shards not yet handed out whose parent is finished (or gone from the stream), in
    /// creation order; each is handed out once.
    pub fn ready(&mut self) -> Vec<ShardDesc> {
        let ready: Vec<ShardDesc> = self
            .shards
            .values()
            .filter(|s| !self.taken.contains(&s.shard_id))
            .filter(|s| match &s.parent_shard_id {
                Some(parent) => self.done.contains(parent) || !self.shards.contains_key(parent),
                None => true,
            })
            .cloned()
            .collect();
        for s in &ready {
            self.taken.insert(s.shard_id.clone());
        }
        ready
    }

    /// Record that a shard has been read to its end.
    pub fn mark_done(&mut self, shard_id: &str) {
        self.done.insert(shard_id.to_owned());
    }

    /// Record that a shard was finished in an earlier run (resume from a checkpoint).
    pub fn mark_taken_and_done(&mut self, shard_id: &str) {
        self.taken.insert(shard_id.to_owned());
        self.done.insert(shard_id.to_owned());
    }

    /// Every shard known.
    pub fn shards(&self) -> impl Iterator<Item = &ShardDesc> {
        self.shards.values()
    }

    /// One shard.
    pub fn get(&self, shard_id: &str) -> Option<&ShardDesc> {
        self.shards.get(shard_id)
    }

    /// Shards handed out and not finished.
    pub fn in_progress(&self) -> usize {
        self.taken.difference(&self.done).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::SequenceNumber;

    fn shard(id: &str, parent: Option<&str>, closed: bool) -> ShardDesc {
        ShardDesc {
            shard_id: id.into(),
            parent_shard_id: parent.map(Into::into),
            starting_sequence_number: SequenceNumber::from_u128(1),
            ending_sequence_number: closed.then(|| SequenceNumber::from_u128(2)),
        }
    }

    #[test]
    fn children_wait_for_their_parent() {
        let mut l = Lineage::default();
        l.update(shard("a", None, true));
        l.update(shard("b", Some("a"), true));
        l.update(shard("c", Some("b"), false));
        l.update(shard("x", Some("trimmed-away"), false));
        let first: Vec<String> = l.ready().into_iter().map(|s| s.shard_id).collect();
        assert_eq!(first, ["a", "x"]);
        assert!(l.ready().is_empty(), "nothing new until a is done");
        l.mark_done("a");
        assert_eq!(l.ready()[0].shard_id, "b");
        l.mark_done("b");
        assert_eq!(l.ready()[0].shard_id, "c");
        assert_eq!(l.in_progress(), 2);
    }
}
