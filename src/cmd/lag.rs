//! `orderctl lag` (alias `iterator-age`): how far behind each consumer is — IteratorAge Maximum
//! per period over a window, a sparkline, and OK / OVER / NO DATA — with an exit code a cron
//! job can page on. AWS: CloudWatch (`AWS/Lambda` for the deployed functions, and
//! `orderctl/Consumers` for `orderctl consume`); local: the metrics table.

use std::time::Duration;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::esm::stats::NAMESPACE;
use crate::exit::ExitStatus;
use crate::functions::Function;
use crate::lag::{Series, series};
use crate::output::{Printer, Style};
use crate::target::Target;
use crate::target::aws::cloudwatch::MetricQuery;

/// Iterator age per consumer over a window. Missing data is shown as NO DATA, never as 0: an
/// idle stream sends no datapoints (aws-semantics §5.1).
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every latest value within --threshold (or no data), 1 any above it, 2 error.\nExample, for cron: orderctl lag --since 15m --threshold 5m -q || page-oncall"
)]
pub struct LagArgs {
    /// Only these functions (repeatable) [default: all]
    #[arg(long = "function", value_enum, value_name = "FUNCTION")]
    pub functions: Vec<Function>,
    /// The window
    #[arg(long, value_name = "DURATION", default_value = "1h", value_parser = crate::duration::parse)]
    pub since: Duration,
    /// One datapoint (and one sparkline character) per period
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::duration::parse)]
    pub period: Duration,
    /// A latest value above this is OVER (exit 1)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::duration::parse)]
    pub threshold: Duration,
    /// Redraw every period (Ctrl-C to stop)
    #[arg(long)]
    pub watch: bool,
}

/// What `lag -o json` prints.
#[derive(Debug, Serialize)]
pub struct LagReport {
    /// Window start (RFC 3339).
    pub since: String,
    /// Period (s).
    pub period_seconds: u64,
    /// Threshold (ms).
    pub threshold_ms: u64,
    /// One per consumer.
    pub consumers: Vec<Series>,
}

pub async fn run(args: LagArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if args.period.as_secs() < 1 {
        anyhow::bail!("--period must be at least 1s");
    }
    let target = ctx.target().await?;
    loop {
        let report = measure(&args, ctx, &target).await?;
        let over = report.consumers.iter().any(|s| s.status == "OVER");
        if args.watch && out.format() == crate::cli::OutputFormat::Table {
            out.with_out(|w| std::io::Write::write_all(w, b"\x1b[2J\x1b[H"))?;
        }
        out.one(&report, table)?;
        if !args.watch {
            return Ok(ExitStatus::failure_if(over));
        }
        tokio::select! {
            _ = tokio::time::sleep(args.period) => {}
            _ = tokio::signal::ctrl_c() => return Ok(ExitStatus::Interrupted),
        }
    }
}

/// Read every consumer's series for the window ending now.
pub async fn measure(args: &LagArgs, ctx: &Ctx, target: &Target) -> anyhow::Result<LagReport> {
    let functions = if args.functions.is_empty() {
        Function::ALL.to_vec()
    } else {
        args.functions.clone()
    };
    let end_ms = orders_core::clock::now_ms();
    let mut period_ms = i64::try_from(args.period.as_millis())
        .unwrap_or(60_000)
        .max(1000);
    if matches!(target, Target::Aws(_)) {
        // CloudWatch returns nothing for a period it does not accept: never report NO DATA
        // (and exit 0) because of the period.
        period_ms = cloudwatch_period_s(args.since, args.period) * 1000;
    }
    // Periods start on multiples of the period, as CloudWatch's do (§5.4).
    let start_ms = (end_ms - i64::try_from(args.since.as_millis()).unwrap_or(i64::MAX / 2))
        .div_euclid(period_ms)
        * period_ms;
    let threshold = args.threshold.as_millis() as f64;
    let mut consumers = Vec::new();
    match target {
        Target::Local(local) => {
            let mut by_function =
                local.maximum_per_period(NAMESPACE, "IteratorAge", start_ms, period_ms)?;
            for f in functions {
                let points = by_function.remove(f.name()).unwrap_or_default();
                consumers.push(series(
                    f.name(),
                    "orderctl consume",
                    points,
                    start_ms,
                    end_ms,
                    period_ms,
                    threshold,
                ));
            }
        }
        Target::Aws(aws) => {
            let mut queries = Vec::new();
            let mut labels = Vec::new();
            for f in functions {
                let lambda = ctx.settings.functions[&f].lambda_name.clone();
                if !lambda.is_empty() {
                    queries.push(query("AWS/Lambda", &lambda));
                    labels.push((f.name(), format!("lambda {lambda}")));
                }
                queries.push(query(NAMESPACE, f.name()));
                labels.push((f.name(), "orderctl consume".to_owned()));
            }
            let period_s = i32::try_from(period_ms / 1000).unwrap_or(60);
            let data = aws
                .metric_data(&queries, start_ms, end_ms, period_s)
                .await?;
            for ((name, source), points) in labels.into_iter().zip(data) {
                consumers.push(series(
                    name, &source, points, start_ms, end_ms, period_ms, threshold,
                ));
            }
        }
    }
    Ok(LagReport {
        since: orders_core::clock::rfc3339_s(start_ms),
        period_seconds: (period_ms / 1000) as u64,
        threshold_ms: args.threshold.as_millis() as u64,
        consumers,
    })
}

/// The period CloudWatch accepts for a standard-resolution metric over a window of `since`:
/// `period` rounded up to a multiple of 60 s (window up to 15 days), 300 s (up to 63 days) or
/// 3600 s (aws-semantics §5.4).
pub fn cloudwatch_period_s(since: Duration, period: Duration) -> i64 {
    const DAY: u64 = 86_400;
    let step = match since.as_secs() {
        s if s <= 15 * DAY => 60,
        s if s <= 63 * DAY => 300,
        _ => 3600,
    };
    (period.as_secs().max(1).div_ceil(step) * step) as i64
}

fn query(namespace: &str, function_name: &str) -> MetricQuery {
    MetricQuery {
        namespace: namespace.into(),
        name: "IteratorAge".into(),
        dimensions: vec![("FunctionName".into(), function_name.into())],
        stat: "Maximum",
    }
}

/// A duration in ms, compact.
pub fn ms(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| {
        crate::duration::show(Duration::from_millis(v.max(0.0) as u64))
    })
}

fn table(p: &Printer, r: &LagReport) -> std::io::Result<()> {
    let rows = r
        .consumers
        .iter()
        .map(|s| {
            let status = paint_status(p, s.status);
            vec![
                s.function.clone(),
                s.source.clone(),
                ms(s.latest_ms),
                ms(s.max_ms),
                s.sparkline.clone(),
                status,
            ]
        })
        .collect();
    p.table(
        &["FUNCTION", "SOURCE", "LATEST", "MAX", "WINDOW", "STATUS"],
        rows,
    )
}

/// OK green, OVER red, NO DATA dim.
pub fn paint_status(p: &Printer, status: &str) -> String {
    match status {
        "OK" => p.paint(status, Style::Green),
        "OVER" => p.paint(status, Style::Red),
        other => p.paint(other, Style::Dim),
    }
}

#[cfg(test)]
mod tests {
    use super::cloudwatch_period_s;
    use std::time::Duration;

    #[test]
    fn periods_are_ones_cloudwatch_accepts() {
        let (m, d) = (60, 86_400);
        let p = |since: u64, period: u64| {
            cloudwatch_period_s(Duration::from_secs(since), Duration::from_secs(period))
        };
        assert_eq!(p(3600, 60), 60);
        assert_eq!(p(3600, 10), 60, "standard resolution: at least a minute");
        assert_eq!(p(3600, 90), 120);
        assert_eq!(p(20 * d, m), 300);
        assert_eq!(p(90 * d, 300), 3600);
    }
}
