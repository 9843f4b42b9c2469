//! `orderctl outbox` and `orderctl metrics`: what the consumers produced — the emails the local
//! notification adapter sent, and the metrics (local table; CloudWatch on AWS).

use std::time::Duration;

use clap::Args;

use super::Ctx;
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
    let local = crate::backend::local_only(
        &ctx.settings,
        "the outbox is the local target's mail; on AWS the notification function sends through SES",
    )?;
    let emails = local.outbox(args.limit)?;
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
    let points = ctx
        .target()
        .await?
        .metric_points(args.namespace.as_deref(), args.name.as_deref(), since_ms)
        .await?;
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
