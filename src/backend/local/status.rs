//! What `orderctl status` reads from the local database: item counts and how many stream
//! records each consumer has still to process.

use rusqlite::params;

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::TResult;

/// Where one consumer stands on the local stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    /// Shards it has a checkpoint in.
    pub checkpointed_shards: usize,
    /// Records kept in the stream after its checkpoints (every record of a shard it has no
    /// checkpoint in; none of a shard it has finished).
    pub records_behind: u64,
    /// When the oldest of those records was written (epoch ms); `None` when it is caught up.
    pub oldest_behind_ms: Option<i64>,
    /// When it last moved a checkpoint (epoch ms).
    pub last_progress_ms: Option<i64>,
}

impl LocalTarget {
    /// Exact item counts of `Orders` and `Inventory`.
    pub fn item_counts(&self) -> TResult<(u64, u64)> {
        let conn = self.conn();
        let count = |table: &str| -> TResult<u64> {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n.max(0) as u64)
            .ctx("cannot count items")
        };
        Ok((count("orders")?, count("inventory")?))
    }

    /// How far `function` is behind on this database's stream.
    pub fn backlog(&self, function: &str) -> TResult<Backlog> {
        let info = self.stream_info().clone();
        let conn = self.conn();
        let mut checkpoints = conn
            .prepare_cached(
                "SELECT s.shard_id, c.seq, c.finished, c.shard_id IS NOT NULL, c.updated_ms FROM shards s \
                 LEFT JOIN consumer_checkpoints c ON c.shard_id = s.shard_id AND c.function = ?1 AND c.stream_arn = ?2",
            )
            .ctx("cannot read checkpoints")?;
        let shards = checkpoints
            .query_map(params![function, info.arn], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<bool>>(2)?.unwrap_or(false),
                    r.get::<_, bool>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })
            .ctx("cannot read checkpoints")?
            .collect::<rusqlite::Result<Vec<_>>>()
            .ctx("cannot read checkpoints")?;
        let mut count = conn
            .prepare_cached(
                "SELECT count(*), min(created_ms) FROM stream_records WHERE shard_id = ?1 AND pos > ?2",
            )
            .ctx("cannot count stream records")?;
        let mut backlog = Backlog {
            checkpointed_shards: 0,
            records_behind: 0,
            oldest_behind_ms: None,
            last_progress_ms: None,
        };
        for (shard, seq, finished, checkpointed, updated_ms) in shards {
            backlog.checkpointed_shards += usize::from(checkpointed);
            backlog.last_progress_ms = backlog.last_progress_ms.max(updated_ms);
            if finished {
                continue;
            }
            // Sequence numbers are compared as integers: the position is seq - seq_base.
            let after = seq
                .and_then(|s| orders_core::SequenceNumber::parse(&s).ok())
                .map_or(-1, |s| info.pos(&s));
            let (n, oldest): (i64, Option<i64>) = count
                .query_row(params![shard, after], |r| Ok((r.get(0)?, r.get(1)?)))
                .ctx("cannot count stream records")?;
            backlog.records_behind += n.max(0) as u64;
            // Records are appended in time order, so the oldest behind is the shard's first.
            if let Some(t) = oldest {
                backlog.oldest_behind_ms = Some(backlog.oldest_behind_ms.map_or(t, |o| o.min(t)));
            }
        }
        Ok(backlog)
    }
}
