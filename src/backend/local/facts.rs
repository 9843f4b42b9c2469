//! What `orderctl trace` reads from the local database: the facts the functions recorded with
//! their markers (one indexed lookup by order id) and whether a consumer's checkpoint has
//! passed a record.

use orders_core::SequenceNumber;
use orders_core::fact::Fact;
use rusqlite::{OptionalExtension, params};

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::{TResult, TargetError};

impl LocalTarget {
    /// Every fact of `order_id` (markers written before facts were recorded have none).
    pub fn order_facts(&self, order_id: &str) -> TResult<Vec<Fact>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT event_key, detail FROM processed_events WHERE order_id = ?1 AND detail IS NOT NULL",
            )
            .ctx("cannot read markers")?;
        let rows = stmt
            .query_map([order_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .ctx("cannot read markers")?
            .collect::<rusqlite::Result<Vec<_>>>()
            .ctx("cannot read markers")?;
        rows.into_iter()
            .map(|(key, detail)| {
                serde_json::from_str(&detail).map_err(|e| {
                    TargetError::Invalid(format!("corrupt marker {key} in the local database: {e}"))
                })
            })
            .collect()
    }

    /// Whether `function` has processed `shard_id` up to `seq`: its checkpoint there is at or
    /// past it, or it finished the shard. No checkpoint: not yet.
    pub fn reached(&self, function: &str, shard_id: &str, seq: &SequenceNumber) -> TResult<bool> {
        let arn = self.stream_info().arn.clone();
        let row: Option<(Option<String>, bool)> = self
            .conn()
            .prepare_cached(
                "SELECT seq, finished FROM consumer_checkpoints WHERE function = ?1 AND stream_arn = ?2 AND shard_id = ?3",
            )
            .and_then(|mut st| {
                st.query_row(params![function, arn, shard_id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
            })
            .ctx("cannot read checkpoints")?;
        Ok(match row {
            None => false,
            Some((_, true)) => true,
            Some((at, false)) => at
                .and_then(|s| SequenceNumber::parse(&s).ok())
                .is_some_and(|at| &at >= seq),
        })
    }
}
