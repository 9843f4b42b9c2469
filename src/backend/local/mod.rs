//! The local target: the whole pipeline in one SQLite file in the data dir — tables, the
//! stream, and (in later modules) queue, metrics and outbox — with no set-up step.

pub mod db;
pub mod effects;
pub mod facts;
pub mod faults;
mod feed;
mod inventory;
mod order_image;
mod orders;
pub mod queue;
pub mod reads;
pub mod status;
pub mod stream;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::backend::{ResourceReport, TResult, TargetError};
use crate::settings::{LocalSettings, Resources, Settings};
use db::SqlContext;
use stream::{Appender, StreamInfo};

/// The SQLite-backed target.
pub struct LocalTarget {
    conn: Mutex<Connection>,
    settings: LocalSettings,
    resources: Resources,
    path: PathBuf,
    created: bool,
    info: StreamInfo,
    /// When reads last checked the 24 h retention (epoch ms).
    last_retention_check: Mutex<i64>,
}

impl std::fmt::Debug for LocalTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalTarget")
            .field("path", &self.path)
            .finish()
    }
}

impl LocalTarget {
    /// Open the data dir's database, creating it (0600) on first use.
    pub fn open(settings: &Settings) -> TResult<LocalTarget> {
        let path = settings.db_path();
        let opened = db::open(&path, &settings.local, &settings.resources.orders_table)?;
        let info = stream::info(&opened.conn).ctx("cannot read the local stream's metadata")?;
        Ok(LocalTarget {
            conn: Mutex::new(opened.conn),
            settings: settings.local.clone(),
            resources: settings.resources.clone(),
            path,
            created: opened.created,
            info,
            last_retention_check: Mutex::new(i64::MIN),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stream's fixed facts (ARN, label, sequence base).
    pub fn stream_info(&self) -> &StreamInfo {
        &self.info
    }

    /// The connection, for reads and for modules that run their own transactions.
    pub fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Run `f` in an immediate (write-locked) transaction with a stream appender, committing
    /// the item changes and their stream records together.
    pub fn write<T>(
        &self,
        what: &str,
        f: impl FnOnce(&Transaction<'_>, &mut Appender<'_>) -> TResult<T>,
    ) -> TResult<T> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(what)?;
        let value = {
            let mut appender = Appender::begin(&tx, &self.settings).ctx(what)?;
            let value = f(&tx, &mut appender)?;
            appender.finish().ctx(what)?;
            value
        };
        tx.commit().ctx(what)?;
        Ok(value)
    }

    /// What `init` reports for the local target.
    pub fn init_report(&self) -> Vec<ResourceReport> {
        let state = if self.created { "created" } else { "exists" };
        let r = &self.resources;
        vec![
            ResourceReport {
                kind: "database",
                name: "orderctl.db".into(),
                state,
                detail: self.path.display().to_string(),
            },
            ResourceReport {
                kind: "table",
                name: r.orders_table.clone(),
                state,
                detail: "orderId HASH; CustomerIndex (customerId, createdAt)".into(),
            },
            ResourceReport {
                kind: "stream",
                name: format!("{} stream", r.orders_table),
                state,
                detail: self.info.arn.clone(),
            },
            ResourceReport {
                kind: "table",
                name: r.inventory_table.clone(),
                state,
                detail: "productId HASH".into(),
            },
            ResourceReport {
                kind: "table",
                name: r.processed_events_table.clone(),
                state,
                detail: "eventId HASH; TTL expiresAt".into(),
            },
            ResourceReport {
                kind: "queue",
                name: r.dlq.clone(),
                state,
                detail: "dead letters".into(),
            },
        ]
    }
}

fn not_found(what: &str, id: &str) -> TargetError {
    TargetError::NotFound(format!("{what} {id} not found"))
}
