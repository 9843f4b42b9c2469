//! Injected faults (local target): deterministic transient failures in the local mailer,
//! metrics and inventory adapters, so retries, bisection and dead letters can be practised.

use orders_core::caps::{CapError, CapResult};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::TResult;

/// The components faults can be injected into.
pub const COMPONENTS: [&str; 3] = ["mailer", "metrics", "inventory"];

/// One component's fault setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    /// `mailer`, `metrics` or `inventory`.
    pub component: String,
    /// Calls still to fail.
    pub fail_next: i64,
    /// Fail every call.
    pub always: bool,
}

/// Consume one injected fault of `component`, if any, as a transient error. The decrement is
/// committed on its own, so it holds even though the failing call then changes nothing.
pub fn check_fault(conn: &mut Connection, component: &str) -> CapResult<()> {
    let hit = (|| -> rusqlite::Result<bool> {
        let row: Option<(i64, bool)> = conn
            .prepare_cached("SELECT remaining, always FROM faults WHERE component = ?1")?
            .query_row([component], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match row {
            Some((_, true)) => true,
            Some((n, false)) if n > 0 => {
                conn.execute(
                    "UPDATE faults SET remaining = remaining - 1 WHERE component = ?1",
                    [component],
                )?;
                true
            }
            _ => false,
        })
    })()
    .map_err(|e| CapError::transient(format!("local database error: {e}")))?;
    if hit {
        Err(CapError::transient(format!(
            "injected fault in {component} (orderctl faults)"
        )))
    } else {
        Ok(())
    }
}

impl LocalTarget {
    /// Fail the next `n` calls of `component`, or every call.
    pub fn set_fault(&self, component: &str, fail_next: i64, always: bool) -> TResult<Fault> {
        self.conn()
            .execute(
                "INSERT INTO faults (component, remaining, always) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (component) DO UPDATE SET remaining = excluded.remaining, always = excluded.always",
                params![component, fail_next, always],
            )
            .ctx("cannot set the fault")?;
        Ok(Fault {
            component: component.to_owned(),
            fail_next,
            always,
        })
    }

    /// Remove every injected fault; returns how many there were.
    pub fn clear_faults(&self) -> TResult<usize> {
        self.conn()
            .execute("DELETE FROM faults", [])
            .ctx("cannot clear faults")
    }

    /// The faults in force.
    pub fn faults(&self) -> TResult<Vec<Fault>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT component, remaining, always FROM faults WHERE remaining > 0 OR always ORDER BY component")
            .ctx("cannot read faults")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Fault {
                    component: r.get(0)?,
                    fail_next: r.get(1)?,
                    always: r.get(2)?,
                })
            })
            .ctx("cannot read faults")?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .ctx("cannot read faults")
    }
}
