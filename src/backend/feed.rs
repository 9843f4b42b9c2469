//! The change feed capability: the DynamoDB Streams API (DescribeStream, GetShardIterator,
//! GetRecords) as both targets offer it, so tail, consume and replay read one way.

use orders_core::{SequenceNumber, TextRecord};
use serde::Serialize;

use super::TResult;

/// DescribeStream returns at most this many shards per page (aws-semantics §1.2).
pub const DESCRIBE_LIMIT: usize = 100;
/// GetRecords returns at most this many records per call (aws-semantics §1.3).
pub const GET_RECORDS_LIMIT: usize = 1000;

/// One shard as DescribeStream shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShardDesc {
    /// `shardId-…`.
    pub shard_id: String,
    /// The shard this one continues, if any.
    pub parent_shard_id: Option<String>,
    /// First sequence number the shard may hold.
    pub starting_sequence_number: SequenceNumber,
    /// Set once the shard is closed.
    pub ending_sequence_number: Option<SequenceNumber>,
}

impl ShardDesc {
    /// Closed shards take no more records.
    pub fn is_closed(&self) -> bool {
        self.ending_sequence_number.is_some()
    }
}

/// One page of DescribeStream.
#[derive(Debug, Clone, Serialize)]
pub struct StreamPage {
    /// The stream ARN.
    pub stream_arn: String,
    /// `ENABLED`, `ENABLING`, `DISABLING`, `DISABLED`.
    pub stream_status: String,
    /// `NEW_AND_OLD_IMAGES` for `Orders`.
    pub stream_view_type: String,
    /// The table.
    pub table_name: String,
    /// This page's shards.
    pub shards: Vec<ShardDesc>,
    /// Present when another page may follow (absent means the last page).
    pub last_evaluated_shard_id: Option<String>,
}

/// Where a shard iterator starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IteratorKind {
    /// The oldest record still kept.
    TrimHorizon,
    /// Just after the newest record.
    Latest,
    /// Exactly at this sequence number.
    At(SequenceNumber),
    /// Just after this sequence number.
    After(SequenceNumber),
}

/// One GetRecords response.
#[derive(Debug)]
pub struct RecordsPage {
    /// Records in sequence order (possibly none even when more follow).
    pub records: Vec<TextRecord>,
    /// `None` once a closed shard is drained.
    pub next_iterator: Option<String>,
}

/// How fast readers may poll a feed: chosen once, by the feed (aws-semantics §1.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedPace {
    /// Least time between two GetRecords calls on one shard after records came back.
    pub min_interval: std::time::Duration,
    /// A reader's wait after an empty page (`tail`).
    pub idle_poll: std::time::Duration,
    /// A consumer's wait after an empty page (`consume`).
    pub consumer_idle_poll: std::time::Duration,
    /// The longest a reader backs off between empty pages.
    pub max_idle_poll: std::time::Duration,
    /// How often a follower looks for new shards.
    pub refresh_every: std::time::Duration,
    /// Empty pages in a row that mean an open shard is caught up when draining.
    pub drain_empty_pages: u32,
}

impl FeedPace {
    /// DynamoDB Streams: Lambda's own 4 polls a second per shard (AWS publishes no GetRecords
    /// rate, §1.4), and an empty page does not prove the end (§1.3).
    pub fn streams() -> FeedPace {
        use std::time::Duration;
        FeedPace {
            min_interval: Duration::from_millis(250),
            idle_poll: Duration::from_millis(250),
            consumer_idle_poll: Duration::from_millis(250),
            max_idle_poll: Duration::from_secs(1),
            refresh_every: Duration::from_secs(10),
            drain_empty_pages: 5,
        }
    }
}

impl FeedPace {
    /// The local stream: a file throttles nobody, so no interval between reads, and an empty
    /// page is the end.
    pub fn local() -> FeedPace {
        use std::time::Duration;
        FeedPace {
            min_interval: Duration::ZERO,
            consumer_idle_poll: Duration::from_millis(100),
            max_idle_poll: Duration::from_millis(500),
            refresh_every: Duration::from_secs(2),
            drain_empty_pages: 1,
            ..FeedPace::streams()
        }
    }
}

/// The DynamoDB Streams API of the `Orders` stream.
pub trait ChangeFeed {
    /// How fast it may be polled.
    fn pace(&self) -> FeedPace {
        FeedPace::streams()
    }
    /// The ARN of the orders table's current stream.
    fn stream_arn(&self) -> impl Future<Output = TResult<String>>;
    /// A page of shards, optionally after `exclusive_start` or only the children of a parent.
    fn describe_stream(
        &self,
        stream_arn: &str,
        exclusive_start: Option<&str>,
        child_of: Option<&str>,
    ) -> impl Future<Output = TResult<StreamPage>>;
    /// An iterator into a shard.
    fn shard_iterator(
        &self,
        stream_arn: &str,
        shard_id: &str,
        kind: &IteratorKind,
    ) -> impl Future<Output = TResult<String>>;
    /// Records from an iterator.
    fn get_records(
        &self,
        iterator: &str,
        limit: usize,
    ) -> impl Future<Output = TResult<RecordsPage>>;
}
