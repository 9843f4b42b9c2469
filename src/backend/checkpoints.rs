//! Where `consume` keeps each function's position in each shard, persisted after every batch:
//! in the local database for the local target, in a file per function under the data dir
//! (keyed by stream ARN) for the AWS target. A consume killed with SIGKILL resumes from here.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Context as _;
use orders_core::{SequenceNumber, clock};
use rusqlite::params;

use super::checkpoint_file::{CheckpointFile, ShardProgress};
use crate::backend::local::db::SqlContext;
use crate::backend::{LocalTarget, TResult};

/// A store of consumer checkpoints.
pub enum Checkpoints<'a> {
    /// The local database.
    Local(&'a LocalTarget),
    /// JSON files under a directory, one per function.
    Files {
        dir: PathBuf,
        open: RefCell<HashMap<String, CheckpointFile>>,
    },
}

impl std::fmt::Debug for Checkpoints<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Checkpoints::Local(_) => f.write_str("Checkpoints::Local"),
            Checkpoints::Files { dir, .. } => write!(f, "Checkpoints::Files({})", dir.display()),
        }
    }
}

impl super::Target {
    /// Where `consume` keeps its positions on this backend: the local database, or files under
    /// `data_dir` keyed by the stream's ARN (AWS keeps no checkpoint for a reader of its own).
    pub async fn checkpoints(&self, data_dir: &std::path::Path) -> TResult<Checkpoints<'_>> {
        use super::ChangeFeed as _;
        Ok(match self {
            super::Target::Local(local) => Checkpoints::Local(local),
            super::Target::Aws(_) => Checkpoints::files(data_dir, &self.stream_arn().await?),
        })
    }
}

impl<'a> Checkpoints<'a> {
    /// Files for `stream_arn` under `data_dir/consume/`.
    pub fn files(data_dir: &std::path::Path, stream_arn: &str) -> Checkpoints<'a> {
        let key: String = stream_arn
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Checkpoints::Files {
            dir: data_dir.join("consume").join(key),
            open: RefCell::new(HashMap::new()),
        }
    }

    /// Every shard's progress for `function`.
    pub fn load(
        &self,
        function: &str,
        stream_arn: &str,
    ) -> anyhow::Result<HashMap<String, ShardProgress>> {
        match self {
            Checkpoints::Local(target) => {
                let conn = target.conn();
                let mut stmt = conn
                    .prepare("SELECT shard_id, seq, finished FROM consumer_checkpoints WHERE function = ?1 AND stream_arn = ?2")
                    .ctx("cannot read checkpoints")?;
                let rows = stmt
                    .query_map(params![function, stream_arn], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, Option<String>>(1)?,
                            r.get::<_, bool>(2)?,
                        ))
                    })
                    .ctx("cannot read checkpoints")?
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .ctx("cannot read checkpoints")?;
                // A checkpoint that does not parse is an error: restarting the shard from its
                // starting position would skip records (LATEST) or replay them (TRIM_HORIZON).
                rows.into_iter()
                    .map(|(shard, seq, finished)| {
                        let sequence_number = seq
                            .map(|s| SequenceNumber::parse(&s))
                            .transpose()
                            .map_err(|e| {
                                anyhow::anyhow!(
                                    "corrupt checkpoint of {function} in shard {shard}: {e}"
                                )
                            })?;
                        Ok((
                            shard,
                            ShardProgress {
                                sequence_number,
                                finished,
                            },
                        ))
                    })
                    .collect()
            }
            Checkpoints::Files { dir, open } => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                let file = CheckpointFile::open(&dir.join(format!("{function}.json")), stream_arn)?;
                let shards = file.data.shards.clone().into_iter().collect();
                open.borrow_mut().insert(function.to_owned(), file);
                Ok(shards)
            }
        }
    }

    /// Record `function`'s progress in `shard`.
    pub fn save(
        &self,
        function: &str,
        stream_arn: &str,
        shard: &str,
        progress: &ShardProgress,
    ) -> anyhow::Result<()> {
        match self {
            Checkpoints::Local(target) => {
                target
                    .conn()
                    .prepare_cached(
                        "INSERT INTO consumer_checkpoints (function, stream_arn, shard_id, seq, finished, updated_ms) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (function, stream_arn, shard_id) DO UPDATE SET \
                         seq = excluded.seq, finished = excluded.finished, updated_ms = excluded.updated_ms",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            function,
                            stream_arn,
                            shard,
                            progress.sequence_number.as_ref().map(|s| s.to_string()),
                            progress.finished,
                            clock::now_ms()
                        ])
                    })
                    .ctx("cannot save a checkpoint")?;
                Ok(())
            }
            Checkpoints::Files { open, .. } => {
                let mut files = open.borrow_mut();
                let file = files
                    .get_mut(function)
                    .with_context(|| format!("checkpoints of {function} were not loaded"))?;
                if let Some(seq) = &progress.sequence_number {
                    file.advance(shard, seq);
                }
                if progress.finished {
                    file.finish(shard);
                }
                file.save()
            }
        }
    }
}
