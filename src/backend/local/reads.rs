//! Reading what the local consumers produced: the outbox of sent emails and the metrics table.

use rusqlite::params;
use serde::Serialize;

use super::LocalTarget;
use super::db::SqlContext;
use crate::backend::TResult;
use crate::backend::datapoints::{MetricPoint, Point};

/// An email the local notification adapter sent.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEmail {
    /// When (RFC 3339).
    pub sent_at: String,
    /// The idempotency key (`notification#<eventID>`).
    pub event_key: String,
    /// Sender.
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
}

impl LocalTarget {
    /// The newest `limit` emails, newest first.
    pub fn outbox(&self, limit: usize) -> TResult<Vec<OutboxEmail>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare("SELECT sent_at, event_key, sender, recipient, subject, body FROM outbox ORDER BY id DESC LIMIT ?1")
            .ctx("cannot read the outbox")?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(OutboxEmail {
                    sent_at: r.get(0)?,
                    event_key: r.get(1)?,
                    from: r.get(2)?,
                    to: r.get(3)?,
                    subject: r.get(4)?,
                    body: r.get(5)?,
                })
            })
            .ctx("cannot read the outbox")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("cannot read the outbox")
    }

    /// Datapoints since `since_ms`, optionally of one namespace and metric, oldest first.
    pub fn metric_points(
        &self,
        namespace: Option<&str>,
        name: Option<&str>,
        since_ms: i64,
    ) -> TResult<Vec<MetricPoint>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT namespace, name, dimensions, ts_ms, value, unit FROM metrics \
                 WHERE ts_ms >= ?1 AND (?2 IS NULL OR namespace = ?2) AND (?3 IS NULL OR name = ?3) ORDER BY ts_ms, id",
            )
            .ctx("cannot read metrics")?;
        let rows = stmt
            .query_map(params![since_ms, namespace, name], |r| {
                let dims: String = r.get(2)?;
                let value: String = r.get(4)?;
                // A damaged row is an error, never a 0 (a Revenue of 0 would be believed).
                let corrupt = |i: usize, e: serde_json::Error| {
                    rusqlite::Error::FromSqlConversionFailure(
                        i,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                };
                Ok(MetricPoint {
                    namespace: r.get(0)?,
                    name: r.get(1)?,
                    dimensions: serde_json::from_str(&dims).map_err(|e| corrupt(2, e))?,
                    timestamp_ms: r.get(3)?,
                    value: serde_json::from_str(&value).map_err(|e| corrupt(4, e))?,
                    unit: r.get(5)?,
                    statistic: None,
                })
            })
            .ctx("cannot read metrics")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("cannot read metrics")
    }
}

impl LocalTarget {
    /// The Maximum of a metric per period since `since_ms`, per `FunctionName` dimension,
    /// oldest first — aggregated by SQLite, so `lag` stays fast over many datapoints.
    pub fn maximum_per_period(
        &self,
        namespace: &str,
        name: &str,
        since_ms: i64,
        period_ms: i64,
    ) -> TResult<std::collections::HashMap<String, Vec<Point>>> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare_cached(
                "SELECT json_extract(dimensions, '$.FunctionName'), (ts_ms / ?4) * ?4, max(CAST(value AS REAL)) FROM metrics \
                 WHERE namespace = ?1 AND name = ?2 AND ts_ms >= ?3 GROUP BY 1, 2 ORDER BY 2",
            )
            .ctx("cannot read metrics")?;
        let rows = stmt
            .query_map(params![namespace, name, since_ms, period_ms.max(1)], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    Point {
                        timestamp_ms: r.get(1)?,
                        value: r.get(2)?,
                    },
                ))
            })
            .ctx("cannot read metrics")?;
        let mut out: std::collections::HashMap<String, Vec<Point>> = Default::default();
        for row in rows {
            let (function, point) = row.ctx("cannot read metrics")?;
            out.entry(function.unwrap_or_default())
                .or_default()
                .push(point);
        }
        Ok(out)
    }
}

impl LocalTarget {
    /// Append consumer metrics (dimension `FunctionName`) in one transaction.
    pub fn write_consumer_metrics(
        &self,
        namespace: &str,
        points: &[crate::backend::telemetry::Point],
    ) -> TResult<()> {
        let mut conn = self.conn();
        // Inside a consume scope the rows join its transaction; otherwise they get their own.
        let sp = conn.savepoint().ctx("cannot write metrics")?;
        for p in points {
            let dims = serde_json::json!({ "FunctionName": p.function }).to_string();
            super::effects::insert_metric(
                &sp,
                namespace,
                p.name,
                &dims,
                p.ts_ms,
                &p.value.to_string(),
                p.unit,
            )
            .ctx("cannot write metrics")?;
        }
        sp.commit().ctx("cannot write metrics")
    }
}
