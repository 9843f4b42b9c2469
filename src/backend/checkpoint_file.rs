//! `tail --checkpoint FILE`: the last sequence number output per shard, and which shards are
//! finished, written atomically (temp file + rename) after each batch is flushed, so a tail
//! killed with SIGKILL resumes without missing a record and repeats at most one batch.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use orders_core::SequenceNumber;
use serde::{Deserialize, Serialize};

/// Progress in one shard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShardProgress {
    /// The last record handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sequence_number: Option<SequenceNumber>,
    /// Closed and fully read.
    #[serde(default)]
    pub finished: bool,
}

/// The checkpoint file's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Checkpoint {
    /// Format version.
    pub version: u32,
    /// The stream this belongs to.
    pub stream_arn: String,
    /// Per shard.
    pub shards: BTreeMap<String, ShardProgress>,
}

/// A checkpoint bound to its file.
#[derive(Debug)]
pub struct CheckpointFile {
    path: PathBuf,
    /// What is saved.
    pub data: Checkpoint,
    dirty: bool,
}

impl CheckpointFile {
    /// Load `path` (or start empty when it does not exist) for `stream_arn`.
    pub fn open(path: &Path, stream_arn: &str) -> anyhow::Result<CheckpointFile> {
        let data = match std::fs::read_to_string(path) {
            Ok(text) => {
                let data: Checkpoint = serde_json::from_str(&text)
                    .with_context(|| format!("{}: not an orderctl checkpoint", path.display()))?;
                if data.stream_arn != stream_arn {
                    anyhow::bail!(
                        "{}: the checkpoint belongs to stream {}, not {stream_arn}; use another file",
                        path.display(),
                        data.stream_arn
                    );
                }
                data
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Checkpoint {
                version: 1,
                stream_arn: stream_arn.to_owned(),
                shards: BTreeMap::new(),
            },
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read checkpoint {}", path.display()));
            }
        };
        // Found writable now, not after the records it would have covered were printed.
        let tmp = temp_path(path);
        std::fs::File::create(&tmp)
            .and_then(|_| std::fs::remove_file(&tmp))
            .with_context(|| format!("cannot write checkpoint {}", path.display()))?;
        Ok(CheckpointFile {
            path: path.to_owned(),
            data,
            dirty: false,
        })
    }

    /// Record that `seq` in `shard` has been handled.
    pub fn advance(&mut self, shard: &str, seq: &SequenceNumber) {
        let p = self.data.shards.entry(shard.to_owned()).or_default();
        if p.sequence_number.as_ref().is_none_or(|cur| seq > cur) {
            p.sequence_number = Some(seq.clone());
            self.dirty = true;
        }
    }

    /// Record that `shard` is finished.
    pub fn finish(&mut self, shard: &str) {
        let p = self.data.shards.entry(shard.to_owned()).or_default();
        if !p.finished {
            p.finished = true;
            self.dirty = true;
        }
    }

    /// Write the file if anything changed: temp file, fsync, rename.
    pub fn save(&mut self) -> anyhow::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        let tmp = temp_path(&self.path);
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            serde_json::to_writer_pretty(&mut f, &self.data)?;
            f.write_all(b"\n")?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        };
        write().with_context(|| format!("cannot write checkpoint {}", self.path.display()))?;
        self.dirty = false;
        Ok(())
    }
}

/// Where a checkpoint is written before it is renamed over `path`.
fn temp_path(path: &Path) -> PathBuf {
    path.with_extension(format!("tmp.{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_atomically_and_reloads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cp.json");
        let mut cp = CheckpointFile::open(&path, "arn:1").unwrap();
        cp.advance("s1", &SequenceNumber::parse("100").unwrap());
        cp.advance("s1", &SequenceNumber::parse("99").unwrap());
        cp.finish("s0");
        cp.save().unwrap();
        let again = CheckpointFile::open(&path, "arn:1").unwrap();
        assert_eq!(
            again.data.shards["s1"]
                .sequence_number
                .as_ref()
                .unwrap()
                .as_str(),
            "100"
        );
        assert!(again.data.shards["s0"].finished);
        assert!(
            CheckpointFile::open(&path, "arn:other")
                .unwrap_err()
                .to_string()
                .contains("belongs to stream arn:1")
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left behind"
        );
    }
}
