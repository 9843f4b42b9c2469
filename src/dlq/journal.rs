//! The replay journal: one JSON line per message outcome, appended and synced — and, for a
//! message deleted without a replay (`--stale skip`, `--unrecoverable drop`), the whole body,
//! written before the deletion so no message is ever gone without a trace.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use super::outcome::MessageOutcome;

/// The replay journal: one JSON line per message, appended to a file.
pub(super) struct Journal {
    file: Option<Mutex<std::fs::File>>,
}

impl Journal {
    pub(super) fn open(path: Option<&PathBuf>) -> anyhow::Result<Journal> {
        let file = match path {
            Some(path) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .map_err(|e| anyhow::anyhow!("cannot open journal {}: {e}", path.display()))?,
            )),
            None => None,
        };
        Ok(Journal { file })
    }

    /// Append one line. A line that keeps a message about to be deleted (it carries the body)
    /// is synced to disk first; the others need not be. Without a journal, such a line is an
    /// error (the options require one; this is the backstop).
    pub(super) fn append(&self, outcome: &MessageOutcome) -> anyhow::Result<()> {
        let Some(file) = &self.file else {
            if outcome.body.is_some() {
                anyhow::bail!("no journal to write the message to");
            }
            return Ok(());
        };
        let mut file = file.lock().unwrap_or_else(|p| p.into_inner());
        let mut line = serde_json::to_vec(outcome)?;
        line.push(b'\n');
        file.write_all(&line)?;
        if outcome.body.is_some() {
            file.sync_data()?;
        } else {
            file.flush()?;
        }
        Ok(())
    }
}
