//! The local stream's read side, behaving like the DynamoDB Streams API (aws-semantics §8):
//! paged DescribeStream with CHILD_SHARDS, opaque iterators that expire after 15 minutes,
//! TrimmedDataAccess below the trim point, no next iterator once a closed shard is drained.

use std::borrow::Cow;
use std::sync::Arc;

use orders_core::clock;
use orders_core::record::{EventRecord, StreamRecord};
use orders_core::{EventName, Identity, ImageText, TextRecord};
use rusqlite::{OptionalExtension, params};

use super::LocalTarget;
use super::db::SqlContext;
use super::stream::{LOCAL_REGION, meta};
use crate::backend::feed::{
    ChangeFeed, DESCRIBE_LIMIT, FeedPace, GET_RECORDS_LIMIT, IteratorKind, RecordsPage, ShardDesc,
    StreamPage,
};
use crate::backend::{TResult, TargetError};

/// Iterators expire this long after they are issued (aws-semantics §1.3).
pub const ITERATOR_TTL_MS: i64 = 15 * 60 * 1000;
/// GetRecords stops adding records past this many bytes (aws-semantics §1.3).
const PAGE_BYTES: usize = 1 << 20;

struct Position {
    shard_id: String,
    after_pos: i64,
    issued_ms: i64,
}

fn encode(arn: &str, p: &Position) -> String {
    let payload = format!("{}:{}:{}", p.shard_id, p.after_pos, p.issued_ms);
    let hex: String = payload.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{arn}|1|{hex}")
}

fn decode(iterator: &str) -> Option<Position> {
    let hex = iterator.rsplit('|').next()?;
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect();
    let text = String::from_utf8(bytes?).ok()?;
    let mut parts = text.rsplitn(3, ':');
    let issued_ms = parts.next()?.parse().ok()?;
    let after_pos = parts.next()?.parse().ok()?;
    Some(Position {
        shard_id: parts.next()?.to_owned(),
        after_pos,
        issued_ms,
    })
}

struct ShardRow {
    start_pos: i64,
    end_pos: Option<i64>,
    trimmed_pos: i64,
}

impl LocalTarget {
    fn check_arn(&self, arn: &str) -> TResult<()> {
        if arn == self.stream_info().arn {
            Ok(())
        } else {
            Err(TargetError::NotFound(format!(
                "stream {arn} not found (the local stream is {})",
                self.stream_info().arn
            )))
        }
    }

    fn shard_row(&self, shard_id: &str) -> TResult<ShardRow> {
        self.conn()
            .query_row(
                "SELECT start_pos, end_pos, trimmed_pos FROM shards WHERE shard_id = ?1",
                [shard_id],
                |r| {
                    Ok(ShardRow {
                        start_pos: r.get(0)?,
                        end_pos: r.get(1)?,
                        trimmed_pos: r.get(2)?,
                    })
                },
            )
            .optional()
            .ctx("cannot read shards")?
            .ok_or_else(|| {
                TargetError::NotFound(format!(
                    "shard {shard_id} not found (trimmed or never existed)"
                ))
            })
    }

    fn last_pos(&self) -> TResult<i64> {
        Ok(meta(&self.conn(), "next_pos")
            .ctx("cannot read the stream")?
            .parse::<i64>()
            .unwrap_or(1)
            - 1)
    }

    /// Trim records past retention now. Every write trims as it goes; this is for a store
    /// nobody writes to (and for tests that age records).
    pub fn trim_stream(&self) -> TResult<u64> {
        let now = clock::now_ms();
        let mut conn = self.conn();
        if !conn.is_autocommit() {
            // Inside the caller's transaction (a consumer's batch scope): trim within it.
            return super::stream::trim(&conn, now).ctx("cannot trim the stream");
        }
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .ctx("cannot trim the stream")?;
        let trimmed = super::stream::trim(&tx, now).ctx("cannot trim the stream")?;
        tx.commit().ctx("cannot trim the stream")?;
        Ok(trimmed)
    }

    /// The 24 h cut applies to every read, not only after a write (issue 11, finding 2): a
    /// store nobody writes to must not serve day-old records. Checked at most once a second
    /// (a read), trimmed (a write) only when something is past retention.
    fn enforce_retention(&self) -> TResult<()> {
        let now = clock::now_ms();
        {
            let mut last = self
                .last_retention_check
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if (0..1000).contains(&now.saturating_sub(*last)) {
                return Ok(());
            }
            *last = now;
        }
        let due = super::stream::trim_due(&self.conn(), now).ctx("cannot read the stream")?;
        if due {
            self.trim_stream()?;
        }
        Ok(())
    }
}

impl ChangeFeed for LocalTarget {
    fn pace(&self) -> FeedPace {
        FeedPace::local()
    }

    async fn stream_arn(&self) -> TResult<String> {
        Ok(self.stream_info().arn.clone())
    }

    async fn describe_stream(
        &self,
        arn: &str,
        exclusive_start: Option<&str>,
        child_of: Option<&str>,
    ) -> TResult<StreamPage> {
        self.check_arn(arn)?;
        self.enforce_retention()?;
        let info = self.stream_info();
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT shard_id, parent_shard_id, start_pos, end_pos FROM shards \
                 WHERE shard_id > ?1 AND (?2 IS NULL OR parent_shard_id = ?2) ORDER BY shard_id LIMIT ?3",
            )
            .ctx("cannot describe the stream")?;
        let rows = stmt
            .query_map(
                params![
                    exclusive_start.unwrap_or(""),
                    child_of,
                    DESCRIBE_LIMIT as i64 + 1
                ],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                    ))
                },
            )
            .ctx("cannot describe the stream")?;
        let mut shards = Vec::new();
        for row in rows {
            let (shard_id, parent, start, end) = row.ctx("cannot describe the stream")?;
            shards.push(ShardDesc {
                shard_id,
                parent_shard_id: parent,
                starting_sequence_number: info.seq(start),
                ending_sequence_number: end.map(|e| info.seq(e.max(start))),
            });
        }
        let last_evaluated_shard_id = if shards.len() > DESCRIBE_LIMIT {
            shards.truncate(DESCRIBE_LIMIT);
            shards.last().map(|s| s.shard_id.clone())
        } else {
            None
        };
        Ok(StreamPage {
            stream_arn: info.arn.clone(),
            stream_status: "ENABLED".into(),
            stream_view_type: "NEW_AND_OLD_IMAGES".into(),
            table_name: info.table.clone(),
            shards,
            last_evaluated_shard_id,
        })
    }

    async fn shard_iterator(
        &self,
        arn: &str,
        shard_id: &str,
        kind: &IteratorKind,
    ) -> TResult<String> {
        self.check_arn(arn)?;
        self.enforce_retention()?;
        let shard = self.shard_row(shard_id)?;
        let trimmed = shard.trimmed_pos;
        let info = self.stream_info();
        let after_pos = match kind {
            IteratorKind::TrimHorizon => trimmed.max(shard.start_pos - 1),
            IteratorKind::Latest => shard.end_pos.unwrap_or(self.last_pos()?),
            IteratorKind::At(seq) | IteratorKind::After(seq) => {
                let pos = info.pos(seq);
                if pos <= trimmed {
                    return Err(TargetError::TrimmedData(format!(
                        "sequence number {seq} of {shard_id} has been trimmed (older than 24 h)"
                    )));
                }
                if matches!(kind, IteratorKind::At(_)) {
                    pos - 1
                } else {
                    pos
                }
            }
        };
        Ok(encode(
            arn,
            &Position {
                shard_id: shard_id.to_owned(),
                after_pos,
                issued_ms: clock::now_ms(),
            },
        ))
    }

    async fn get_records(&self, iterator: &str, limit: usize) -> TResult<RecordsPage> {
        if limit == 0 {
            return Err(TargetError::Invalid(
                "GetRecords limit must be at least 1".into(),
            ));
        }
        if limit > GET_RECORDS_LIMIT {
            return Err(TargetError::Throttled(format!(
                "GetRecords limit {limit} exceeds {GET_RECORDS_LIMIT}"
            )));
        }
        let pos = decode(iterator)
            .ok_or_else(|| TargetError::Invalid("invalid shard iterator".into()))?;
        self.enforce_retention()?;
        if clock::now_ms() - pos.issued_ms > ITERATOR_TTL_MS {
            return Err(TargetError::ExpiredIterator(
                "the shard iterator is older than 15 minutes".into(),
            ));
        }
        let shard = self.shard_row(&pos.shard_id)?;
        if pos.after_pos < shard.trimmed_pos {
            return Err(TargetError::TrimmedData(format!(
                "records of {} after the iterator have been trimmed (older than 24 h)",
                pos.shard_id
            )));
        }
        let records = self.read_records(&pos.shard_id, pos.after_pos, limit)?;
        let last = records.last().map_or(pos.after_pos, |(p, _)| *p);
        let drained = shard.end_pos.is_some_and(|end| last >= end);
        let next_iterator = (!drained).then(|| {
            encode(
                &self.stream_info().arn,
                &Position {
                    shard_id: pos.shard_id.clone(),
                    after_pos: last,
                    issued_ms: clock::now_ms(),
                },
            )
        });
        Ok(RecordsPage {
            records: records.into_iter().map(|(_, r)| r).collect(),
            next_iterator,
        })
    }
}

impl LocalTarget {
    fn read_records(
        &self,
        shard_id: &str,
        after_pos: i64,
        limit: usize,
    ) -> TResult<Vec<(i64, TextRecord)>> {
        let info = self.stream_info();
        let arn: Arc<str> = Arc::from(info.arn.as_str());
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT pos, event_id, event_name, created_ms, keys, new_image, old_image, size_bytes, ttl_delete \
                 FROM stream_records WHERE shard_id = ?1 AND pos > ?2 ORDER BY pos LIMIT ?3",
            )
            .ctx("cannot read the stream")?;
        let mut rows = stmt
            .query(params![shard_id, after_pos, limit as i64])
            .ctx("cannot read the stream")?;
        let mut out = Vec::new();
        let mut bytes = 0usize;
        while let Some(r) = rows.next().ctx("cannot read the stream")? {
            // Images stay the JSON text they were stored as; they are validated when printed.
            let raw = |i: usize| -> rusqlite::Result<Option<ImageText>> {
                Ok(r.get::<_, Option<String>>(i)?.map(ImageText))
            };
            let pos: i64 = r.get(0).ctx("cannot read the stream")?;
            let name = match r.get_ref(2).ctx("cannot read the stream")?.as_str() {
                Ok("INSERT") => EventName::Insert,
                Ok("MODIFY") => EventName::Modify,
                Ok("REMOVE") => EventName::Remove,
                // Never guess: a consumer would act on a change that did not happen.
                other => {
                    return Err(TargetError::Invalid(format!(
                        "corrupt stream record at position {pos}: event name {other:?}"
                    )));
                }
            };
            let created_ms: i64 = r.get(3).ctx("cannot read the stream")?;
            let size: i64 = r.get(7).ctx("cannot read the stream")?;
            let ttl: bool = r.get(8).ctx("cannot read the stream")?;
            let keys = raw(4)
                .ctx("cannot read the stream")?
                .ok_or_else(|| TargetError::Invalid("corrupt stream record".into()))?;
            bytes += size.max(0) as usize;
            out.push((
                pos,
                EventRecord {
                    event_id: r.get(1).ctx("cannot read the stream")?,
                    event_name: name,
                    event_version: Cow::Borrowed("1.1"),
                    event_source: Cow::Borrowed("aws:dynamodb"),
                    aws_region: Cow::Borrowed(LOCAL_REGION),
                    user_identity: ttl.then(Identity::ttl),
                    dynamodb: StreamRecord {
                        // Rounded down to the second, as AWS does (aws-semantics §1.5).
                        approximate_creation_date_time: Some((created_ms.div_euclid(1000)) as f64),
                        keys,
                        new_image: raw(5).ctx("cannot read the stream")?,
                        old_image: raw(6).ctx("cannot read the stream")?,
                        sequence_number: info.seq(pos),
                        size_bytes: Some(size.max(1) as u64),
                        stream_view_type: Some(Cow::Borrowed("NEW_AND_OLD_IMAGES")),
                    },
                    event_source_arn: Some(arn.clone()),
                },
            ));
            if bytes >= PAGE_BYTES {
                break;
            }
        }
        Ok(out)
    }
}
