//! Opening the local database: one SQLite file created `0600` on first use, WAL with a busy
//! timeout so several `orderctl` processes can share a data dir, and the schema.

use std::fs::OpenOptions;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::backend::{TResult, TargetError};
use crate::settings::LocalSettings;

/// Bumped when the schema changes; older databases are migrated on open.
const SCHEMA_VERSION: i64 = 4;

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- Orders: the DynamoDB item as DynamoDB JSON, plus the columns its key and index need.
CREATE TABLE IF NOT EXISTS orders (
    order_id    TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL,
    item        TEXT NOT NULL
) WITHOUT ROWID;
-- CustomerIndex: customerId HASH, createdAt RANGE.
CREATE INDEX IF NOT EXISTS orders_customer_index ON orders (customer_id, created_at);
CREATE TABLE IF NOT EXISTS inventory (
    product_id   TEXT PRIMARY KEY,
    stock        INTEGER NOT NULL,
    last_updated TEXT NOT NULL
) WITHOUT ROWID;
-- Idempotency markers. A function's marker also holds what it did (`detail`, an
-- orders_core::fact::Fact as JSON) under its order id, so `trace` reads an order's facts at once.
CREATE TABLE IF NOT EXISTS processed_events (
    event_key    TEXT PRIMARY KEY,
    processed_at TEXT NOT NULL,
    expires_at   INTEGER NOT NULL,
    detail       TEXT,
    order_id     TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS processed_events_by_order ON processed_events (order_id)
    WHERE order_id IS NOT NULL;
-- The stream: shards with lineage, and records in global append order (`pos`); a record's
-- SequenceNumber is seq_base + pos.
CREATE TABLE IF NOT EXISTS shards (
    shard_id        TEXT PRIMARY KEY,
    slot            INTEGER NOT NULL,
    parent_shard_id TEXT,
    start_pos       INTEGER NOT NULL,
    end_pos         INTEGER,
    created_ms      INTEGER NOT NULL,
    closed_ms       INTEGER,
    records         INTEGER NOT NULL DEFAULT 0,
    trimmed_pos     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- Clustered by shard, so reading a shard is one sequential range scan.
CREATE TABLE IF NOT EXISTS stream_records (
    shard_id     TEXT NOT NULL,
    pos          INTEGER NOT NULL,
    event_id     TEXT NOT NULL,
    event_name   TEXT NOT NULL,
    created_ms   INTEGER NOT NULL,
    keys         TEXT NOT NULL,
    new_image    TEXT,
    old_image    TEXT,
    size_bytes   INTEGER NOT NULL,
    ttl_delete   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (shard_id, pos)
) WITHOUT ROWID;
-- The consumers' local effects: mail (outbox), metrics, dead letters (with SQS semantics:
-- visibility, receipt handles, receive counts), and injected faults.
CREATE TABLE IF NOT EXISTS outbox (
    id         INTEGER PRIMARY KEY,
    sent_at    TEXT NOT NULL,
    event_key  TEXT NOT NULL,
    sender     TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metrics (
    id         INTEGER PRIMARY KEY,
    namespace  TEXT NOT NULL,
    name       TEXT NOT NULL,
    dimensions TEXT NOT NULL DEFAULT '{}',
    ts_ms      INTEGER NOT NULL,
    value      TEXT NOT NULL,
    unit       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS metrics_by_name ON metrics (namespace, name, ts_ms);
CREATE TABLE IF NOT EXISTS queue (
    seq              INTEGER PRIMARY KEY,
    message_id       TEXT NOT NULL UNIQUE,
    body             TEXT NOT NULL,
    sent_ms          INTEGER NOT NULL,
    visible_at_ms    INTEGER NOT NULL DEFAULT 0,
    receive_count    INTEGER NOT NULL DEFAULT 0,
    first_receive_ms INTEGER,
    receipt_handle   TEXT
);
-- Where each consumer (function) is in each shard: the last sequence number committed.
CREATE TABLE IF NOT EXISTS consumer_checkpoints (
    function   TEXT NOT NULL,
    stream_arn TEXT NOT NULL,
    shard_id   TEXT NOT NULL,
    seq        TEXT,
    finished   INTEGER NOT NULL DEFAULT 0,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (function, stream_arn, shard_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS faults (
    component  TEXT PRIMARY KEY,
    remaining  INTEGER NOT NULL DEFAULT 0,
    always     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
"#;

/// An open database and whether this call created it.
pub struct Opened {
    /// The connection, configured.
    pub conn: Connection,
    /// The file did not exist before.
    pub created: bool,
}

/// Open (creating on first use) the database at `path`.
pub fn open(path: &Path, settings: &LocalSettings, table: &str) -> TResult<Opened> {
    let created = create_file(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| TargetError::other(format!("cannot open local database {}", path.display()), e))?;
    let what = path.display().to_string();
    configure(&conn).map_err(|e| sql_error(e, &what))?;
    migrate(&mut conn, settings, table).map_err(|e| sql_error(e, &what))?;
    Ok(Opened { conn, created })
}

/// Create the data dir (`0700`) and the database file (`0600`) if missing; true when created.
fn create_file(path: &Path) -> TResult<bool> {
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| {
                    TargetError::other(format!("cannot create data dir {}", dir.display()), e)
                })?;
        }
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(TargetError::other(
            format!("cannot create local database {}", path.display()),
            e,
        )),
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // journal_mode returns a row; WAL lets readers (tail) run beside a writer (create).
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 8192;")?;
    Ok(())
}

fn migrate(conn: &mut Connection, settings: &LocalSettings, table: &str) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version >= SCHEMA_VERSION {
        return Ok(());
    }
    let mut tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version < SCHEMA_VERSION {
        if (1..4).contains(&version) {
            // Version 4 keeps each marker's order id, for `trace`; older markers have none.
            tx.execute_batch("ALTER TABLE processed_events ADD COLUMN order_id TEXT")?;
        }
        tx.execute_batch(SCHEMA)?;
        if version < 1 {
            super::stream::init_meta(&mut tx, settings, table)?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))?;
    }
    tx.commit()
}

/// Translate a SQLite error into a target error.
pub fn sql_error(err: rusqlite::Error, what: &str) -> TargetError {
    if let rusqlite::Error::SqliteFailure(e, _) = &err {
        if matches!(
            e.code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        ) {
            return TargetError::Unavailable(format!(
                "{what}: the local database stayed busy for {} s (another orderctl is writing)",
                BUSY_TIMEOUT.as_secs()
            ));
        }
        // What happened and what to do, once; SQLite's own text adds nothing.
        match e.code {
            rusqlite::ErrorCode::DiskFull => {
                return TargetError::Unavailable(format!("{what}: disk full"));
            }
            rusqlite::ErrorCode::ReadOnly
            | rusqlite::ErrorCode::PermissionDenied
            | rusqlite::ErrorCode::CannotOpen => {
                return TargetError::Auth(format!(
                    "{what}: the local database cannot be written — give this user write permission on the file and its directory (the data dir, --data-dir)"
                ));
            }
            rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => {
                return TargetError::Invalid(format!(
                    "{what}: the local database is damaged or not an orderctl database — move the file aside (or restore a copy), then run `orderctl init`"
                ));
            }
            _ => {}
        }
    }
    TargetError::other(what.to_owned(), err)
}

/// Extension to turn rusqlite results into target results with a message.
pub trait SqlContext<T> {
    /// Attach what was being done.
    fn ctx(self, what: &str) -> TResult<T>;
}

impl<T> SqlContext<T> for rusqlite::Result<T> {
    fn ctx(self, what: &str) -> TResult<T> {
        self.map_err(|e| sql_error(e, what))
    }
}
