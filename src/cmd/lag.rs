//! `orderctl lag` (alias `iterator-age`): how far behind each consumer is — IteratorAge Maximum
//! per period over a window, a sparkline, and OK / OVER / NO DATA — with an exit code a cron
//! job can page on. AWS: CloudWatch (`AWS/Lambda` for the deployed functions, and
//! `orderctl/Consumers` for `orderctl consume`); local: the metrics table.

use std::time::Duration;

use clap::Args;

use super::Ctx;
use super::args::FunctionArgs;
use super::render::{ms, paint_status};
use super::watch::repeat;
use crate::exit::ExitStatus;
use crate::lag::{LagReport, Window, measure};
use crate::output::Printer;

/// Iterator age per consumer over a window. Missing data is shown as NO DATA, never as 0: an
/// idle stream sends no datapoints (aws-semantics §5.1).
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every latest value within --threshold (or no data), 1 any above it, 2 error.\nExample, for cron: orderctl lag --since 15m --threshold 5m -q || page-oncall"
)]
pub struct LagArgs {
    #[command(flatten)]
    pub select: FunctionArgs,
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

pub async fn run(args: LagArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if args.period.as_secs() < 1 {
        anyhow::bail!("--period must be at least 1s");
    }
    let target = ctx.target().await?;
    let window = Window {
        functions: args.select.functions.clone(),
        since: args.since,
        period: args.period,
        threshold: args.threshold,
    };
    let read = || {
        measure(
            &window,
            &ctx.settings.functions,
            &target,
            &ctx.settings.data_dir,
        )
    };
    let show = |report: &LagReport| {
        out.one(report, table)?;
        let over = report
            .consumers
            .iter()
            .any(|s| matches!(s.status, "OVER" | "STALLED"));
        Ok(ExitStatus::failure_if(over))
    };
    repeat(out, args.watch.then_some(args.period), read, show).await
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
