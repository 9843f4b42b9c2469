//! `orderctl status`: the pipeline on one screen for on-call — the stream and its shards, each
//! subscription and how far behind it is, the dead-letter queue, iterator age, item counts.
//! A part that cannot be read (a missing permission, say) says why; the rest still shows.

use std::time::Duration;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::render::{ms, paint_status};
use super::watch::repeat;
use crate::backend::queue::Queue;
use crate::backend::{ChangeFeed, Target};
use crate::exit::ExitStatus;
use crate::lag::{Window, measure};
use crate::mappings::Mapping;
use crate::output::{Printer, Style};
use crate::stream::lineage::Lineage;
use crate::wedge::Wedged;

/// The pipeline at a glance.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every part was read, 1 some part could not be read (it says why), 2 error."
)]
pub struct StatusArgs {
    /// Iterator age above this is OVER
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::duration::parse)]
    pub threshold: Duration,
    /// Read it again every --interval and redraw it (Ctrl-C to stop, exit 130)
    #[arg(long)]
    pub watch: bool,
    /// With --watch: how often
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = crate::duration::parse, requires = "watch")]
    pub interval: Duration,
}

/// A part of the report, or why it could not be read.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Part<T> {
    /// Read.
    Ok(T),
    /// Not readable.
    Unavailable {
        /// Why.
        error: String,
    },
}

impl<T> Part<T> {
    fn from(r: anyhow::Result<T>) -> Part<T> {
        r.map_or_else(
            |e| Part::Unavailable {
                error: format!("{e:#}"),
            },
            Part::Ok,
        )
    }
}

/// The stream.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StreamStatus {
    /// Its ARN.
    pub arn: String,
    /// `ENABLED`, …
    pub status: String,
    /// `NEW_AND_OLD_IMAGES`.
    pub view_type: String,
    /// Shards taking records.
    pub open_shards: usize,
    /// Shards closed (kept until their records are trimmed).
    pub closed_shards: usize,
}

/// A subscription and its progress.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// Its configuration and state.
    #[serde(flatten)]
    pub mapping: Mapping,
    /// Shards with a checkpoint (local).
    pub checkpointed_shards: Option<usize>,
    /// Stream records after its checkpoints (local; `null` when it never ran and starts at LATEST).
    pub records_behind: Option<u64>,
}

/// The dead-letter queue.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DlqStatus {
    /// Queue name.
    pub name: String,
    /// Messages (visible and in flight; approximate on AWS).
    pub depth: u64,
    /// Received and not yet visible again.
    pub in_flight: u64,
    /// Age of the oldest message (s), when known.
    pub oldest_age_seconds: Option<i64>,
}

/// One consumer's iterator age, summarised.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LagStatus {
    /// Function.
    pub function: String,
    /// Where it runs.
    pub source: String,
    /// Latest age (ms): from its position where known, else the latest period's Maximum.
    pub latest_ms: Option<f64>,
    /// `OK`, `OVER`, `STALLED` (behind, no progress for the threshold), `NO DATA`.
    pub status: &'static str,
}

/// Item counts.
#[derive(Debug, Serialize)]
pub struct Items {
    /// Orders.
    pub orders: u64,
    /// Inventory.
    pub inventory: u64,
    /// DescribeTable's ItemCount (refreshed about every 6 hours) rather than a count.
    pub approximate: bool,
}

/// What `status -o json` prints.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// `local` or `aws`.
    pub target: &'static str,
    /// The stream.
    pub stream: Part<StreamStatus>,
    /// Subscriptions.
    pub subscriptions: Part<Vec<Subscription>>,
    /// The DLQ.
    pub dlq: Part<DlqStatus>,
    /// Iterator age over the last 15 minutes.
    pub lag: Part<Vec<LagStatus>>,
    /// Item counts.
    pub items: Part<Items>,
    /// Consumers failing on the same record on every run (issue 13); empty when none.
    pub wedged: Vec<Wedged>,
}

impl StatusReport {
    fn complete(&self) -> bool {
        fn ok<T>(p: &Part<T>) -> bool {
            matches!(p, Part::Ok(_))
        }
        ok(&self.stream)
            && ok(&self.subscriptions)
            && ok(&self.dlq)
            && ok(&self.lag)
            && ok(&self.items)
    }
}

pub async fn run(args: StatusArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if args.interval.as_secs() < 1 {
        anyhow::bail!("--interval must be at least 1s");
    }
    let target = ctx.target().await?;
    let show = |report: &StatusReport| {
        out.one(report, text)?;
        Ok(ExitStatus::failure_if(!report.complete()))
    };
    let every = args.watch.then_some(args.interval);
    repeat(out, every, || read(&args, ctx, &target), show).await
}

/// Every part of the report, each read on its own so one that fails leaves the rest.
async fn read(args: &StatusArgs, ctx: &Ctx, target: &Target) -> anyhow::Result<StatusReport> {
    let window = Window {
        functions: Vec::new(),
        since: Duration::from_secs(15 * 60),
        period: Duration::from_secs(60),
        threshold: args.threshold,
    };
    let (stream, subscriptions, dlq, lag, items) = tokio::join!(
        stream(target),
        subscriptions(ctx, target),
        dlq(ctx, target),
        measure(
            &window,
            &ctx.settings.functions,
            target,
            &ctx.settings.data_dir
        ),
        items(target),
    );
    if let (Err(e), Err(_), Err(_), Err(_), Err(_)) = (&stream, &subscriptions, &dlq, &lag, &items)
    {
        // Nothing readable (an unreachable endpoint, no credentials): one line, not a screen.
        anyhow::bail!("{e:#}");
    }
    let lag = lag.map(|r| {
        r.consumers
            .into_iter()
            .map(|s| LagStatus {
                function: s.function,
                source: s.source,
                latest_ms: s.latest_ms,
                status: s.status,
            })
            .collect()
    });
    Ok(StatusReport {
        target: target.name(),
        stream: Part::from(stream),
        subscriptions: Part::from(subscriptions),
        dlq: Part::from(dlq),
        lag: Part::from(lag),
        items: Part::from(items),
        wedged: wedged(ctx, target).await,
    })
}

async fn stream(target: &Target) -> anyhow::Result<StreamStatus> {
    let arn = target.stream_arn().await?;
    let first = target.describe_stream(&arn, None, None).await?;
    let mut lineage = Lineage::default();
    lineage.refresh(target, &arn).await?;
    let closed = lineage.shards().filter(|s| s.is_closed()).count();
    Ok(StreamStatus {
        arn,
        status: first.stream_status,
        view_type: first.stream_view_type,
        open_shards: lineage.shards().count() - closed,
        closed_shards: closed,
    })
}

async fn subscriptions(ctx: &Ctx, target: &Target) -> anyhow::Result<Vec<Subscription>> {
    let (_, _, mappings) = target.subscriptions(&ctx.settings.functions).await?;
    mappings
        .into_iter()
        .map(|mapping| {
            let Some(backlog) = target.backlog(&mapping.function)? else {
                return Ok(Subscription {
                    mapping,
                    checkpointed_shards: None,
                    records_behind: None,
                });
            };
            let never_ran = backlog.checkpointed_shards == 0
                && mapping.starting_position.as_deref() == Some("LATEST");
            Ok(Subscription {
                mapping,
                checkpointed_shards: Some(backlog.checkpointed_shards),
                records_behind: (!never_ran).then_some(backlog.records_behind),
            })
        })
        .collect()
}

async fn dlq(ctx: &Ctx, target: &Target) -> anyhow::Result<DlqStatus> {
    let stats = target.stats().await?;
    let oldest_age_seconds = target.dlq_oldest_age_seconds(&stats).await?;
    Ok(DlqStatus {
        name: ctx.settings.resources.dlq.clone(),
        depth: stats.depth,
        in_flight: stats.in_flight,
        oldest_age_seconds,
    })
}

async fn items(target: &Target) -> anyhow::Result<Items> {
    let counts = target.item_counts().await?;
    Ok(Items {
        orders: counts.orders,
        inventory: counts.inventory,
        approximate: counts.approximate,
    })
}

/// How far back `status` looks for a consumer failing every invocation.
const WEDGE_WINDOW: Duration = Duration::from_secs(15 * 60);

/// The wedged consumers among the enabled functions (crate::wedge); metrics that cannot be
/// read name none (the iterator-age part says why).
async fn wedged(ctx: &Ctx, target: &Target) -> Vec<Wedged> {
    let functions: Vec<&str> = crate::functions::Function::ALL
        .iter()
        .filter(|f| ctx.settings.functions[f].enabled)
        .map(|f| f.name())
        .collect();
    crate::wedge::wedged(target, &functions, WEDGE_WINDOW)
        .await
        .unwrap_or_else(|e| {
            tracing::debug!("cannot tell wedged consumers: {e:#}");
            Vec::new()
        })
}

fn wedged_lines(p: &Printer, wedged: &[Wedged]) -> std::io::Result<()> {
    for w in wedged {
        p.line(p.paint(&format!("WEDGED: {}", w.message(WEDGE_WINDOW)), Style::Red))?;
    }
    Ok(())
}

fn text(p: &Printer, r: &StatusReport) -> std::io::Result<()> {
    let unavailable = |e: &str| p.paint(&format!("unavailable: {e}"), Style::Red);
    let stream = match &r.stream {
        Part::Ok(s) => format!(
            "{} {} {}, {} open / {} closed shards",
            s.arn,
            p.paint(
                &s.status,
                if s.status == "ENABLED" {
                    Style::Green
                } else {
                    Style::Red
                }
            ),
            s.view_type,
            s.open_shards,
            s.closed_shards
        ),
        Part::Unavailable { error } => unavailable(error),
    };
    let dlq = match &r.dlq {
        Part::Ok(d) => {
            let age = d.oldest_age_seconds.map_or(String::new(), |s| match s {
                ..=0 => ", oldest <1s".into(),
                s => format!(
                    ", oldest {}",
                    crate::duration::show(Duration::from_secs(s as u64))
                ),
            });
            let depth = format!("{} message(s)", d.depth);
            let depth = if d.depth > 0 {
                p.paint(&depth, Style::Yellow)
            } else {
                depth
            };
            format!("{}: {depth} ({} in flight){age}", d.name, d.in_flight)
        }
        Part::Unavailable { error } => unavailable(error),
    };
    let items = match &r.items {
        Part::Ok(i) => format!(
            "{} orders, {} products{}",
            i.orders,
            i.inventory,
            if i.approximate { " (approximate)" } else { "" }
        ),
        Part::Unavailable { error } => unavailable(error),
    };
    p.fields(&[
        ("target", r.target.to_owned()),
        ("stream", stream),
        ("dlq", dlq),
        ("items", items),
    ])?;
    p.line("")?;
    match &r.subscriptions {
        Part::Ok(subs) if subs.is_empty() => {
            p.line("no subscriptions on the stream: nothing consumes it")?
        }
        Part::Ok(subs) => {
            let rows = subs
                .iter()
                .map(|s| {
                    let m = &s.mapping;
                    vec![
                        m.function.clone(),
                        m.state.clone(),
                        m.last_processing_result
                            .clone()
                            .unwrap_or_else(|| "-".into()),
                        m.batch_size.to_string(),
                        if m.filters.is_empty() {
                            "-".into()
                        } else {
                            m.filters.len().to_string()
                        },
                        if m.report_batch_item_failures {
                            "yes".into()
                        } else {
                            p.paint("no", Style::Red)
                        },
                        m.destination
                            .clone()
                            .unwrap_or_else(|| p.paint("none", Style::Red)),
                        s.records_behind.map_or("-".into(), |n| n.to_string()),
                    ]
                })
                .collect();
            p.table(
                &[
                    "SUBSCRIPTION",
                    "STATE",
                    "LAST RESULT",
                    "BATCH",
                    "FILTERS",
                    "REPORT FAILURES",
                    "ON FAILURE",
                    "BEHIND",
                ],
                rows,
            )?;
        }
        Part::Unavailable { error } => p.line(format!("subscriptions: {}", unavailable(error)))?,
    }
    wedged_lines(p, &r.wedged)?;
    p.line("")?;
    match &r.lag {
        Part::Ok(lag) => {
            let rows = lag
                .iter()
                .map(|l| {
                    let status = paint_status(p, l.status);
                    vec![
                        l.function.clone(),
                        l.source.clone(),
                        ms(l.latest_ms),
                        status,
                    ]
                })
                .collect();
            p.table(&["ITERATOR AGE", "SOURCE", "LATEST", "STATUS"], rows)
        }
        Part::Unavailable { error } => p.line(format!("iterator age: {}", unavailable(error))),
    }
}
