//! Where a consumer stands, where this backend knows it (aws-semantics §5.1): on the local
//! target from its checkpoints in the database; on AWS from the checkpoint files `orderctl
//! consume` writes, reading one record after each checkpoint. A deployed Lambda's position is
//! Lambda's own: only CloudWatch knows it, and `None` says so.

use std::path::Path;

use super::checkpoint_file::Checkpoint;
use super::checkpoints::Checkpoints;
use super::feed::{ChangeFeed, IteratorKind};
use super::{AwsTarget, TResult, Target, TargetError};

/// A consumer's position, summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Records kept in the stream after its checkpoints, where they can be counted cheaply
    /// (the local database); `None` on AWS, where counting means reading them all.
    pub records_behind: Option<u64>,
    /// When the oldest record it has still to process was written (epoch ms); `None` when it
    /// is caught up.
    pub oldest_behind_ms: Option<i64>,
    /// When it last moved a checkpoint (epoch ms).
    pub last_progress_ms: Option<i64>,
}

impl Position {
    /// Whether records wait for it.
    pub fn is_behind(&self) -> bool {
        self.oldest_behind_ms.is_some()
    }
}

impl Target {
    /// `function`'s position, when this backend knows it. A consumer that never ran has one only
    /// once records wait for it: from LATEST (`starts_at_latest`) none do.
    pub async fn position(
        &self,
        function: &str,
        starts_at_latest: bool,
        data_dir: &Path,
    ) -> TResult<Option<Position>> {
        match self {
            Target::Local(local) => {
                let b = local.backlog(function)?;
                let known =
                    b.checkpointed_shards > 0 || (b.records_behind > 0 && !starts_at_latest);
                Ok(known.then_some(Position {
                    records_behind: Some(b.records_behind),
                    oldest_behind_ms: b.oldest_behind_ms,
                    last_progress_ms: b.last_progress_ms,
                }))
            }
            Target::Aws(aws) => {
                // No table here (a CloudWatch-only view of a pipeline): no consume ran on it.
                let arn = match aws.stream_arn().await {
                    Ok(arn) => arn,
                    Err(TargetError::NotFound(_)) => return Ok(None),
                    Err(e) => return Err(e),
                };
                let Checkpoints::Files { dir, .. } = Checkpoints::files(data_dir, &arn) else {
                    return Ok(None);
                };
                file_position(aws, &arn, &dir.join(format!("{function}.json"))).await
            }
        }
    }
}

/// The position in a checkpoint file: the first record after each shard's checkpoint (every
/// shard the stream lists and the file has not finished), and the file's time as the last
/// progress. No file: `orderctl consume` never ran here, so nothing is known.
async fn file_position(aws: &AwsTarget, arn: &str, path: &Path) -> TResult<Option<Position>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(TargetError::other(
                format!("cannot read {}", path.display()),
                e,
            ));
        }
    };
    let Ok(checkpoint) = serde_json::from_str::<Checkpoint>(&text) else {
        return Ok(None);
    };
    let last_progress_ms = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_millis() as i64);
    let mut oldest: Option<i64> = None;
    let mut exclusive_start: Option<String> = None;
    loop {
        let page = aws
            .describe_stream(arn, exclusive_start.as_deref(), None)
            .await?;
        for shard in &page.shards {
            let progress = checkpoint.shards.get(&shard.shard_id);
            if progress.is_some_and(|p| p.finished) {
                continue;
            }
            let kind = match progress.and_then(|p| p.sequence_number.clone()) {
                Some(seq) => IteratorKind::After(seq),
                None => IteratorKind::TrimHorizon,
            };
            let iterator = match aws.shard_iterator(arn, &shard.shard_id, &kind).await {
                Ok(it) => it,
                // Trimmed past the checkpoint: what it had to read is gone; not "behind".
                Err(TargetError::TrimmedData(_)) => continue,
                Err(e) => return Err(e),
            };
            let first = aws.get_records(&iterator, 1).await?;
            if let Some(created) = first
                .records
                .first()
                .and_then(|r| r.dynamodb.approximate_creation_date_time)
            {
                let ms = (created * 1000.0) as i64;
                oldest = Some(oldest.map_or(ms, |o| o.min(ms)));
            }
        }
        match page.last_evaluated_shard_id {
            Some(next) => exclusive_start = Some(next),
            None => break,
        }
    }
    Ok(Some(Position {
        records_behind: None,
        oldest_behind_ms: oldest,
        last_progress_ms,
    }))
}
