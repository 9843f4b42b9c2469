//! `orderctl outbox` and `orderctl metrics`: what the consumers produced — the emails the local
//! notification adapter sent, and the metrics (local table; CloudWatch on AWS).

use std::time::Duration;

use clap::Args;

use super::Ctx;
use crate::backend::aws::cloudwatch::MetricQuery;
use crate::backend::local::reads::MetricPoint;
use crate::backend::{AwsTarget, Target};
use crate::esm::stats::NAMESPACE;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Emails the local notification adapter sent (local target; on AWS, mail goes through SES).
#[derive(Debug, Args)]
pub struct OutboxArgs {
    /// At most N emails, newest first
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

pub async fn outbox(args: OutboxArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if ctx.settings.target == crate::cli::TargetKind::Aws {
        anyhow::bail!(
            "the outbox is the local target's mail; on AWS the notification function sends through SES"
        );
    }
    let emails = ctx.local()?.outbox(args.limit)?;
    out.list(&emails, |p, emails| {
        let rows = emails
            .iter()
            .map(|e| vec![e.sent_at.clone(), e.to.clone(), e.subject.clone()])
            .collect();
        p.table(&["SENT", "TO", "SUBJECT"], rows)
    })?;
    Ok(ExitStatus::Success)
}

/// Metrics the consumers published: the local metrics table, or CloudWatch on AWS (one
/// datapoint per minute: the Sum, or the Maximum for IteratorAge).
#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Only this namespace (e.g. OrderService, orderctl/Consumers)
    #[arg(long)]
    pub namespace: Option<String>,
    /// Only this metric
    #[arg(long)]
    pub name: Option<String>,
    /// How far back
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = crate::duration::parse)]
    pub since: Duration,
}

pub async fn metrics(args: MetricsArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let since_ms = orders_core::clock::now_ms()
        - i64::try_from(args.since.as_millis()).unwrap_or(i64::MAX / 2);
    let points = match ctx.target().await? {
        Target::Local(local) => {
            local.metric_points(args.namespace.as_deref(), args.name.as_deref(), since_ms)?
        }
        Target::Aws(aws) => cloudwatch_points(&aws, &args, since_ms).await?,
    };
    out.list(&points, |p, points| {
        let rows = points
            .iter()
            .map(|m| {
                vec![
                    orders_core::clock::rfc3339_s(m.timestamp_ms),
                    m.namespace.clone(),
                    m.name.clone(),
                    if m.dimensions.as_object().is_some_and(|o| o.is_empty()) {
                        String::new()
                    } else {
                        m.dimensions.to_string()
                    },
                    m.value.to_string(),
                    m.statistic
                        .map_or_else(|| m.unit.clone(), |s| format!("({s})")),
                ]
            })
            .collect();
        p.table(
            &["TIME", "NAMESPACE", "METRIC", "DIMENSIONS", "VALUE", "UNIT"],
            rows,
        )
    })?;
    Ok(ExitStatus::Success)
}

/// CloudWatch's view: the metrics ListMetrics knows in the namespaces (default: the analytics
/// function's and `orderctl consume`'s), one datapoint per minute, oldest first.
async fn cloudwatch_points(
    aws: &AwsTarget,
    args: &MetricsArgs,
    since_ms: i64,
) -> anyhow::Result<Vec<MetricPoint>> {
    let namespaces = match &args.namespace {
        Some(ns) => vec![ns.clone()],
        None => vec![analytics::NAMESPACE.to_owned(), NAMESPACE.to_owned()],
    };
    let mut queries = Vec::new();
    for namespace in namespaces {
        for (name, dimensions) in aws.list_metrics(&namespace).await? {
            if args.name.as_ref().is_some_and(|n| *n != name) {
                continue;
            }
            let stat = if name == "IteratorAge" {
                "Maximum"
            } else {
                "Sum"
            };
            queries.push(MetricQuery {
                namespace: namespace.clone(),
                name,
                dimensions,
                stat,
            });
        }
    }
    let now = orders_core::clock::now_ms();
    let since = std::time::Duration::from_millis((now - since_ms).max(0) as u64);
    let period_s =
        crate::backend::consumers::cloudwatch_period_s(since, std::time::Duration::from_secs(60));
    let series = aws
        .metric_data(
            &queries,
            since_ms,
            now,
            i32::try_from(period_s).unwrap_or(3600),
        )
        .await?;
    let mut points: Vec<MetricPoint> = queries
        .iter()
        .zip(series)
        .flat_map(|(q, points)| {
            let dimensions: serde_json::Map<String, serde_json::Value> = q
                .dimensions
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            points.into_iter().filter_map(move |p| {
                Some(MetricPoint {
                    namespace: q.namespace.clone(),
                    name: q.name.clone(),
                    dimensions: serde_json::Value::Object(dimensions.clone()),
                    timestamp_ms: p.timestamp_ms,
                    value: serde_json::Number::from_f64(p.value)?,
                    unit: String::new(),
                    statistic: Some(q.stat),
                })
            })
        })
        .collect();
    points.sort_by_key(|p| p.timestamp_ms);
    Ok(points)
}
