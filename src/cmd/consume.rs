//! `orderctl consume`: run the bundled functions against the target's stream with Lambda's
//! event-source-mapping semantics — the local target's whole pipeline, or the real stream on
//! AWS with the AWS adapters — with live progress, a summary, and checkpoints that survive a
//! crash.

use std::time::Duration;

use clap::{Args, ValueEnum};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use orders_core::caps::{DeadLetters, Mailer, Metrics, Stock};
use serde::Serialize;
use tokio::time::Instant;

use super::Ctx;
use super::args::{FollowArgs, FunctionArgs};
use crate::backend::ChangeFeed;
use crate::esm::checkpoints::Checkpoints;
use crate::esm::engine::{BatchScope, Consumer, Pace, Wiring};
use crate::esm::handler::Bundled;
use crate::esm::run::{RunUntil, run_consumers};
use crate::esm::stats::FunctionStats;
use crate::esm::telemetry::Telemetry;
use crate::exit::ExitStatus;
use crate::filter::Profile;
use crate::filter::load_patterns;
use crate::functions::Function;
use crate::interrupt::Interrupt;
use crate::output::Printer;
use crate::stream::reader::Start;

/// Where a function without a checkpoint starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FromArg {
    /// The oldest record kept.
    TrimHorizon,
    /// Only new records.
    Latest,
}

/// Run the consumer functions on the stream as Lambda would: batches, filters, retries,
/// bisection, partial batch responses, on-failure records, checkpoints per function and shard.
///
/// Without --follow or --until-idle, consume processes what the stream holds and exits. On
/// Ctrl-C it finishes the batch in flight, saves its checkpoints and exits 130.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  orderctl consume --until-idle\n  orderctl consume --function inventory --follow\n  orderctl consume --from latest --follow -o json"
)]
pub struct ConsumeArgs {
    #[command(flatten)]
    pub select: FunctionArgs,
    #[command(flatten)]
    pub run: FollowArgs,
    /// Start position for shards a function has no checkpoint for [default: the subscription's]
    #[arg(long, value_enum)]
    pub from: Option<FromArg>,
    /// Stop after this long
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub timeout: Option<Duration>,
}

/// What `consume -o json` prints.
#[derive(Debug, Serialize)]
pub struct ConsumeSummary {
    /// Per function.
    pub functions: Vec<FunctionStats>,
    /// Wall time.
    pub seconds: f64,
    /// Stopped by Ctrl-C.
    pub interrupted: bool,
}

pub async fn run(args: ConsumeArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    let deps = target.effects();
    let arn = target.stream_arn().await?;
    let checkpoints = target.checkpoints(&ctx.settings.data_dir).await?;
    let telemetry = target.telemetry();
    if !out.is_quiet() {
        crate::doctor::warn_reader_budget(&target, &arn, out, "consume").await;
    }
    consume(&args, ctx, out, &target, &deps, &checkpoints, &telemetry).await
}

/// Which functions run, and where shards without a checkpoint start.
fn selection(args: &ConsumeArgs, ctx: &Ctx) -> (Vec<Function>, Option<Start>) {
    let functions = if args.select.functions.is_empty() {
        Function::ALL
            .into_iter()
            .filter(|f| ctx.settings.functions[f].enabled)
            .collect()
    } else {
        args.select.functions.clone()
    };
    let start = args.from.map(|f| match f {
        FromArg::TrimHorizon => Start::TrimHorizon,
        FromArg::Latest => Start::Latest,
    });
    (functions, start)
}

#[allow(clippy::too_many_arguments)]
async fn consume<F: ChangeFeed, D: Mailer + Metrics + Stock + DeadLetters + BatchScope>(
    args: &ConsumeArgs,
    ctx: &Ctx,
    out: &Printer,
    feed: &F,
    deps: &D,
    checkpoints: &Checkpoints<'_>,
    telemetry: &Telemetry<'_>,
) -> anyhow::Result<ExitStatus> {
    let arn = feed.stream_arn().await?;
    let (functions, start) = selection(args, ctx);
    let mut pace = Pace::for_feed(&feed.pace(), args.run.follow || args.run.until_idle);
    // Following rides out any outage; a run that must end gives up on an unreachable feed.
    pace.max_read_failures = (!args.run.follow).then_some(5);
    let mut consumers = Vec::with_capacity(functions.len());
    for f in functions {
        let sub = ctx.settings.functions[&f].clone();
        let origin = format!("{}'s filters in orderctl.toml", f.name());
        let filters = load_patterns(&sub.filters, &origin, Profile::Lambda)?;
        let wiring = Wiring {
            feed,
            destination: deps,
            checkpoints,
            telemetry,
            arn: arn.clone(),
            pace: pace.clone(),
        };
        let handler = Bundled {
            function: f,
            deps,
            sender: ctx.settings.sender().to_owned(),
        };
        consumers.push(Consumer::new(wiring, handler, sub, filters, start.clone())?);
    }
    let started = Instant::now();
    let live = Live::new(
        out,
        &consumers
            .iter()
            .map(|c| c.stats.function.as_str())
            .collect::<Vec<_>>(),
    );
    let until = RunUntil {
        idle: (!args.run.follow).then_some(if args.run.until_idle {
            args.run.idle
        } else {
            Duration::ZERO
        }),
        timeout: args.timeout,
        stop: Interrupt::listen(),
    };
    let interrupted = run_consumers(&mut consumers, deps, telemetry, &until, |stats| {
        live.update(stats, started)
    })
    .await?;
    live.finish();
    let stats: Vec<FunctionStats> = consumers.into_iter().map(|c| c.stats).collect();
    let problems = stats
        .iter()
        .any(|s| s.permanent_failures > 0 || s.dropped > 0);
    let summary = ConsumeSummary {
        functions: stats,
        seconds: started.elapsed().as_secs_f64(),
        interrupted,
    };
    out.one(&summary, summary_table)?;
    Ok(if interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::failure_if(problems)
    })
}

fn summary_table(p: &Printer, s: &ConsumeSummary) -> std::io::Result<()> {
    let ms = |v: Option<i64>| {
        v.map_or("-".into(), |v| {
            crate::duration::show(Duration::from_millis(v.max(0) as u64))
        })
    };
    let rows = s
        .functions
        .iter()
        .map(|f| {
            vec![
                f.function.clone(),
                f.invocations.to_string(),
                f.ok.to_string(),
                f.duplicates.to_string(),
                f.permanent_failures.to_string(),
                f.retried_records.to_string(),
                f.on_failure_records.to_string(),
                f.dropped.to_string(),
                f.filtered.to_string(),
                ms(f.max_iterator_age_ms),
            ]
        })
        .collect();
    p.table(
        &[
            "FUNCTION",
            "INVOCATIONS",
            "OK",
            "DUPLICATE",
            "TO DLQ",
            "RETRIED",
            "ON-FAILURE",
            "DROPPED",
            "FILTERED",
            "MAX AGE",
        ],
        rows,
    )?;
    p.note(format!(
        "{:.2} s{}",
        s.seconds,
        if s.interrupted { ", interrupted" } else { "" }
    ));
    Ok(())
}

/// One live line per function on a terminal.
struct Live {
    _multi: Option<MultiProgress>,
    bars: Vec<ProgressBar>,
}

impl Live {
    fn new(out: &Printer, names: &[&str]) -> Live {
        if !out.shows_progress() {
            return Live {
                _multi: None,
                bars: Vec::new(),
            };
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {prefix:14} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bars = names
            .iter()
            .map(|n| {
                let bar = multi.add(ProgressBar::new_spinner());
                bar.set_style(style.clone());
                bar.set_prefix(n.to_string());
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            })
            .collect();
        Live {
            _multi: Some(multi),
            bars,
        }
    }

    fn update(&self, stats: &[&FunctionStats], started: Instant) {
        let secs = started.elapsed().as_secs_f64().max(0.001);
        for (bar, s) in self.bars.iter().zip(stats) {
            let age = s.iterator_age_ms.map_or("-".into(), |a| {
                crate::duration::show(Duration::from_millis(a.max(0) as u64))
            });
            bar.set_message(format!(
                "{} records  {:.0}/s  age {age}  retried {}  dlq {}",
                s.delivered(),
                s.delivered() as f64 / secs,
                s.retried_records,
                s.permanent_failures + s.on_failure_records
            ));
        }
    }

    fn finish(&self) {
        for bar in &self.bars {
            bar.finish_and_clear();
        }
    }
}
