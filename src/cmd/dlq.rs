//! `orderctl dlq list|show|stats|send|purge|replay`: inspect the dead-letter queue and replay
//! it without ever losing a message or applying an effect twice.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use orders_core::caps::{DeadLetters, Idempotency, Mailer, Metrics, Stock};
use serde::Serialize;

use super::Ctx;
use super::args::FilterArgs;
use crate::backend::queue::{Queue, ReplayMarks};
use crate::backend::{ChangeFeed, OrderStore, Target, TargetError};
use crate::dlq::replay::{
    ReplayOptions, ReplaySummary, Sources, StalePolicy, UnrecoverablePolicy, Via, replay,
};
use crate::dlq::{Listing, listing};
use crate::exit::ExitStatus;
use crate::functions::{Function, Subscriptions};
use crate::input;
use crate::interrupt::Interrupt;
use crate::output::{Printer, Style};

/// The most messages `list`, `show` and `stats` look at.
const SCAN_MAX: usize = 1000;

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// The messages: id, receive count, sent time, format, function, order or sequence range,
    /// error. SQS has no peek: on AWS each message is received with a short visibility timeout
    /// and released at once, which bumps its receive count; the local queue is peeked for real.
    ///
    /// Each look raises the messages' ApproximateReceiveCount. If the dead-letter queue has a
    /// redrive policy of its own, a message received more than its maxReceiveCount times is
    /// moved on to that policy's queue, out of reach of `dlq replay`: looking can move dead
    /// letters. `orderctl doctor` warns when maxReceiveCount is that low.
    List(ListArgs),
    /// One message's whole body, decoded (same note on receive counts as `list`)
    Show(ShowArgs),
    /// Depth, oldest message's age, counts by function and format
    Stats,
    /// Put a message in (to re-inject one, or to test)
    Send(SendArgs),
    /// Delete every message (asks on a terminal; refuses without one unless --yes)
    Purge(PurgeArgs),
    /// Replay messages into their function; delete each only after its replay succeeded
    Replay(ReplayArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// At most N messages
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub max: usize,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The message id
    pub id: String,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The body: text, or @FILE (`@-` for stdin)
    #[arg(long, value_name = "TEXT|@FILE")]
    pub body: String,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Delete without asking (required without a terminal)
    #[arg(long)]
    pub yes: bool,
}

/// Where replayed records go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViaArg {
    /// The bundled function, in-process, with the target's adapters.
    InProcess,
    /// The deployed Lambda function (aws target), invoked synchronously.
    Lambda,
}

/// What to do with a message whose order has moved on since its records were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StaleArg {
    /// Keep it in the queue and report it (exit 1).
    Keep,
    /// Delete it, after writing it whole to the journal.
    Skip,
    /// Replay it anyway (a stale INSERT then reserves nothing: `superseded`).
    Replay,
}

/// What to do with a message whose records are past the stream's 24 h retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnrecoverableArg {
    /// Keep it in the queue and report it (exit 1).
    Keep,
    /// Delete it, after writing it whole to the journal.
    Drop,
}

/// Replay dead letters. A function's record envelope is replayed as it is; Lambda's on-failure
/// record is replayed by re-reading its sequence range from the stream (unrecoverable, and
/// kept, once that is past the 24 h retention); anything else is reported and kept.
#[derive(Debug, Args)]
#[command(
    after_help = "A message is deleted only after its replay succeeded; a failed one stays, body intact, and is\nvisible again when the run ends. Replays are idempotent: a record processed before is a duplicate.\nExit codes: 0 every message replayed, 1 any failed or was kept, 2 bad input or configuration."
)]
pub struct ReplayArgs {
    /// Only these messages: a message id, or its start as `dlq list` shows it (repeatable).
    /// The others received while looking for them are released at once, untouched; an id that
    /// names no message is reported (exit 1)
    #[arg(long = "id", value_name = "ID", num_args = 1.., conflicts_with = "max")]
    pub ids: Vec<String>,
    /// At most N messages
    #[arg(long, value_name = "N")]
    pub max: Option<usize>,
    /// Messages replayed at once (the records of one message stay in order)
    #[arg(long, value_name = "C", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Replay into this function, whatever the message names
    #[arg(long, value_enum)]
    pub function: Option<Function>,
    /// In-process (default) or the deployed Lambda
    #[arg(long, value_enum, default_value_t = ViaArg::InProcess)]
    pub via: ViaArg,
    /// With --via lambda: the function's name [default: lambda_name of its subscription]
    #[arg(long, value_name = "NAME")]
    pub lambda_name: Option<String>,
    /// Decode, resolve records and target; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Skip the confirmation (required on AWS without a terminal)
    #[arg(long)]
    pub yes: bool,
    /// How long a message being replayed stays hidden (extended while its replay runs)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = crate::duration::parse)]
    pub visibility_timeout: Duration,
    /// Append one JSON line per message outcome to FILE [default with --stale skip or
    /// --unrecoverable drop: dlq-journal.jsonl in the data dir]
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Messages whose order has changed since their records (replaying would revive history)
    #[arg(long, value_enum, default_value_t = StaleArg::Keep)]
    pub stale: StaleArg,
    /// Messages whose records the stream no longer holds (past its 24 h retention)
    #[arg(long, value_enum, default_value_t = UnrecoverableArg::Keep)]
    pub unrecoverable: UnrecoverableArg,
}

/// What `dlq stats` reports.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Messages in the queue.
    pub depth: u64,
    /// Received and not yet visible again.
    pub in_flight: u64,
    /// Age of the oldest message looked at (seconds).
    pub oldest_age_seconds: Option<i64>,
    /// How many messages the counts below are of: at most 1,000, oldest first (a bigger queue
    /// is counted by its oldest 1,000).
    pub counted: u64,
    /// Messages per function.
    pub by_function: BTreeMap<String, u64>,
    /// Messages per format.
    pub by_format: BTreeMap<String, u64>,
}

pub async fn run(command: DlqCommand, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    match command {
        DlqCommand::List(args) => {
            let rows: Vec<Listing> = target
                .peek(args.max)
                .await?
                .iter()
                .map(|m| listing(m, &ctx.settings.functions))
                .collect();
            out.list(&rows, list_table)?;
        }
        DlqCommand::Show(args) => {
            let message = target.find(&args.id, SCAN_MAX).await?.ok_or_else(|| {
                TargetError::NotFound(format!(
                    "message {} not found in the dead-letter queue",
                    args.id
                ))
            })?;
            let body: serde_json::Value = serde_json::from_str(&message.body)
                .unwrap_or(serde_json::Value::String(message.body.clone()));
            let shown = serde_json::json!({"listing": listing(&message, &ctx.settings.functions), "body": body});
            out.one(&shown, |p, v| {
                let l = &v["listing"];
                p.fields(&[
                    (
                        "message",
                        l["messageId"].as_str().unwrap_or_default().to_owned(),
                    ),
                    (
                        "format",
                        l["format"].as_str().unwrap_or_default().to_owned(),
                    ),
                    ("received", l["receiveCount"].to_string()),
                    ("sent", l["sentAt"].as_str().unwrap_or_default().to_owned()),
                ])?;
                p.line(serde_json::to_string_pretty(&v["body"]).unwrap_or_default())
            })?;
        }
        DlqCommand::Stats => {
            let stats = stats(&target, &ctx.settings.functions).await?;
            out.one(&stats, |p, s| {
                p.fields(&[
                    ("depth", s.depth.to_string()),
                    ("in flight", s.in_flight.to_string()),
                    (
                        "oldest",
                        s.oldest_age_seconds.map_or("-".into(), |a| {
                            crate::duration::show(Duration::from_secs(a.max(0) as u64))
                        }),
                    ),
                ])?;
                let rows = s
                    .by_function
                    .iter()
                    .map(|(k, v)| vec!["function".into(), k.clone(), v.to_string()]);
                let rows = rows.chain(
                    s.by_format
                        .iter()
                        .map(|(k, v)| vec!["format".into(), k.clone(), v.to_string()]),
                );
                p.line("")?;
                if s.counted < s.depth {
                    p.line(format!("counts of the oldest {} messages:", s.counted))?;
                }
                p.table(&["BY", "VALUE", "MESSAGES"], rows.collect())
            })?;
        }
        DlqCommand::Send(args) => {
            let body = match args.body.strip_prefix('@') {
                Some(path) => input::read_source(std::path::Path::new(path))?,
                None => args.body,
            };
            let id = target.send(body.trim_end_matches('\n')).await?;
            out.one(&serde_json::json!({"messageId": id}), |p, _| {
                p.line(format!("sent {id}"))
            })?;
        }
        DlqCommand::Purge(args) => {
            if !args.yes {
                let depth = target.stats().await?.depth;
                confirm(
                    &format!(
                        "Delete all {depth} message(s) in queue {} for good?",
                        ctx.settings.resources.dlq
                    ),
                    "purge deletes every dead letter for good",
                    "purged",
                )?;
            }
            let n = target.purge().await?;
            out.one(&serde_json::json!({"purged": n}), |p, _| {
                p.line(format!("purged {n} messages"))
            })?;
        }
        DlqCommand::Replay(args) => return replay_command(args, ctx, out, &target).await,
    }
    Ok(ExitStatus::Success)
}

async fn stats(target: &Target, subs: &Subscriptions) -> anyhow::Result<Stats> {
    let totals = target.stats().await?;
    let messages = target.peek(SCAN_MAX).await?;
    let now = orders_core::clock::now_ms();
    let mut by_function = BTreeMap::new();
    let mut by_format = BTreeMap::new();
    for m in &messages {
        let l = listing(m, subs);
        *by_format.entry(l.format.to_owned()).or_insert(0) += 1;
        *by_function
            .entry(l.function.unwrap_or_else(|| "-".into()))
            .or_insert(0) += 1;
    }
    let oldest = totals
        .oldest_sent_ms
        .or_else(|| messages.iter().map(|m| m.sent_ms).min());
    Ok(Stats {
        depth: totals.depth,
        in_flight: totals.in_flight,
        oldest_age_seconds: oldest.map(|ms| (now - ms) / 1000),
        counted: messages.len() as u64,
        by_function,
        by_format,
    })
}

fn list_table(p: &Printer, rows: &[Listing]) -> std::io::Result<()> {
    let rows = rows
        .iter()
        .map(|l| {
            let format = match l.format {
                "unreadable" => p.paint(l.format, Style::Red),
                other => other.to_owned(),
            };
            vec![
                l.message_id.chars().take(8).collect(),
                l.receive_count.to_string(),
                l.sent_at.clone(),
                format,
                l.function.clone().unwrap_or_default(),
                l.subject.clone(),
                l.error.clone(),
            ]
        })
        .collect();
    p.table(
        &[
            "ID",
            "RECEIVED",
            "SENT",
            "FORMAT",
            "FUNCTION",
            "ORDER / RANGE",
            "ERROR",
        ],
        rows,
    )
}

async fn replay_command(
    args: ReplayArgs,
    ctx: &Ctx,
    out: &Printer,
    target: &Target,
) -> anyhow::Result<ExitStatus> {
    let filters = args.filter.load()?;
    if let (Some(region), false, false) = (target.region(), args.dry_run, args.yes) {
        confirm(
            &format!(
                "Replay {} from queue {} in {region} ({})?",
                match (args.ids.len(), args.max) {
                    (0, None) => "every message".into(),
                    (0, Some(n)) => format!("up to {n} messages"),
                    (n, _) => format!("{n} chosen message(s)"),
                },
                ctx.settings.resources.dlq,
                match args.via {
                    ViaArg::InProcess => "in-process, with the AWS adapters",
                    ViaArg::Lambda => "into the deployed Lambda functions",
                }
            ),
            "replaying on the aws target changes real data",
            "replayed",
        )?;
    }
    let journal = journal_path(&args, ctx);
    if let (Some(path), None) = (&journal, &args.journal) {
        out.note(format!(
            "messages deleted without a replay are kept whole in {}",
            path.display()
        ));
    }
    let planned = args
        .max
        .or((!args.ids.is_empty()).then_some(args.ids.len()));
    let bar = out.progress(planned.map_or(0, |m| m as u64), "replaying");
    let summary = match args.via {
        ViaArg::InProcess => {
            in_process(
                target,
                &target.effects(),
                &args,
                journal,
                filters,
                ctx,
                &bar,
            )
            .await?
        }
        ViaArg::Lambda => {
            target.lambda_reachable()?;
            let opts = options::<orders_core::recorder::Recorder>(
                &args,
                journal,
                filters,
                Via::Lambda {
                    target,
                    name: args.lambda_name.clone(),
                },
            );
            replay(&sources(target), &ctx.settings.functions, &opts, &bar).await?
        }
    };
    bar.finish_and_clear();
    let ok = summary.all_replayed();
    out.one(&summary, summary_table)?;
    Ok(if summary.interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::failure_if(!ok)
    })
}

/// The journal: `--journal`, or — when a policy may delete a message without replaying it —
/// `dlq-journal.jsonl` in the data dir, so such a message is never gone without a trace.
fn journal_path(args: &ReplayArgs, ctx: &Ctx) -> Option<PathBuf> {
    let deletes = args.stale == StaleArg::Skip || args.unrecoverable == UnrecoverableArg::Drop;
    args.journal.clone().or_else(|| {
        (deletes && !args.dry_run).then(|| ctx.settings.data_dir.join("dlq-journal.jsonl"))
    })
}

fn sources<T: Queue + ChangeFeed + OrderStore + ReplayMarks>(
    target: &T,
) -> Sources<'_, T, T, T, T> {
    Sources {
        queue: target,
        feed: target,
        orders: target,
        marks: target,
    }
}

/// Replay into the bundled functions in this process, over the target's own adapters.
async fn in_process<T, D>(
    target: &T,
    deps: &D,
    args: &ReplayArgs,
    journal: Option<PathBuf>,
    filters: crate::filter::FilterSet,
    ctx: &Ctx,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<ReplaySummary>
where
    T: Queue + ChangeFeed + OrderStore + ReplayMarks,
    D: Mailer + Metrics + Stock + DeadLetters + Idempotency,
{
    let via = Via::InProcess {
        deps,
        sender: ctx.settings.sender().to_owned(),
    };
    let opts = options(args, journal, filters, via);
    replay(&sources(target), &ctx.settings.functions, &opts, bar).await
}

fn options<'a, D>(
    args: &ReplayArgs,
    journal: Option<PathBuf>,
    filters: crate::filter::FilterSet,
    via: Via<'a, D>,
) -> ReplayOptions<'a, D> {
    ReplayOptions {
        max: args.max,
        concurrency: usize::from(args.concurrency),
        filters,
        function: args.function,
        via,
        dry_run: args.dry_run,
        visibility: args.visibility_timeout,
        journal,
        stale: match args.stale {
            StaleArg::Keep => StalePolicy::Keep,
            StaleArg::Skip => StalePolicy::Skip,
            StaleArg::Replay => StalePolicy::Replay,
        },
        unrecoverable: match args.unrecoverable {
            UnrecoverableArg::Keep => UnrecoverablePolicy::Keep,
            UnrecoverableArg::Drop => UnrecoverablePolicy::Drop,
        },
        ids: args.ids.clone(),
        stop: Interrupt::listen(),
    }
}

/// Ask `question` on the terminal (stderr, the answer from stdin); anything but yes declines,
/// and nothing was `done`. Without a terminal, `--yes` is required: `why` says what is at stake.
fn confirm(question: &str, why: &str, done: &str) -> anyhow::Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        anyhow::bail!("{why}: add --yes (there is no terminal to ask on)");
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    if !matches!(answer.trim(), "y" | "Y" | "yes") {
        anyhow::bail!("not confirmed; nothing was {done}");
    }
    Ok(())
}

fn summary_table(p: &Printer, s: &ReplaySummary) -> std::io::Result<()> {
    let rows = s
        .messages
        .iter()
        .map(|m| {
            let style = match m.outcome {
                "replayed" => Style::Green,
                "skipped" | "would_replay" => Style::Dim,
                _ => Style::Red,
            };
            vec![
                m.message_id.chars().take(8).collect(),
                p.paint(m.outcome, style),
                m.function.unwrap_or("-").to_owned(),
                m.records.to_string(),
                if m.deleted { "yes".into() } else { "no".into() },
                m.error.clone().unwrap_or_default(),
            ]
        })
        .collect();
    p.table(
        &["ID", "OUTCOME", "FUNCTION", "RECORDS", "DELETED", "ERROR"],
        rows,
    )?;
    p.line(format!(
        "\nreceived {}  replayed {}  deleted {}  failed {}  unrecoverable {}  unreadable {}  duplicates {}{}{}{}",
        s.received,
        s.replayed,
        s.deleted,
        s.failed,
        s.unrecoverable,
        s.unreadable,
        s.duplicates,
        if s.stale + s.unmatched > 0 { format!("  stale {}  unmatched {}", s.stale, s.unmatched) } else { String::new() },
        if s.skipped > 0 { format!("  skipped {}", s.skipped) } else { String::new() },
        if s.would_replay > 0 { format!("  would replay {}", s.would_replay) } else { String::new() },
    ))?;
    if !s.not_found.is_empty() {
        p.line(p.paint(
            &format!(
                "not found in the queue: {} (nothing replayed for them)",
                s.not_found.join(", ")
            ),
            Style::Red,
        ))?;
    }
    if s.interrupted {
        p.line("interrupted: the messages not reached are still in the queue")?;
    }
    Ok(())
}
