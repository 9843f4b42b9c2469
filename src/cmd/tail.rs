//! `orderctl tail`: read the stream on either target — every shard, parents before children —
//! from a chosen position, until idle, forever, or a limit; with Lambda filter patterns, a
//! resumable checkpoint, and a Lambda-event fixture of what was seen.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use orders_core::{RawRecord, SequenceNumber, clock};

use super::Ctx;
use super::filter::FilterArgs;
use super::sink::Sink;
use crate::cli::OutputFormat;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::stream::checkpoint::CheckpointFile;
use crate::stream::reader::{Event, Mode, Reader, ReaderOptions, Start};
use crate::target::{ChangeFeed, Target};

/// Read the Orders stream: all shards, parent before child, per-key order kept.
///
/// Without --follow or --until-idle, tail reads what exists and exits. DynamoDB Streams has no
/// AT_TIMESTAMP iterator: `--from <time>` reads from the trim horizon and skips older records.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  orderctl tail --from trim-horizon --until-idle -o jsonl\n  orderctl tail --follow --filter '{\"eventName\":[\"MODIFY\"]}'\n  orderctl tail --from 2026-11-27T03:00:00Z --save incident.json --redact\n  orderctl tail --follow --checkpoint tail.ckpt   # resumable"
)]
pub struct TailArgs {
    /// Where to start: latest, trim-horizon, a sequence number (AT it), or an RFC 3339 time
    #[arg(
        long,
        value_name = "POSITION",
        default_value = "latest",
        conflicts_with = "after"
    )]
    pub from: String,
    /// Start just after this sequence number
    #[arg(long, value_name = "SEQ")]
    pub after: Option<String>,
    /// Keep polling for new records (Ctrl-C to stop)
    #[arg(long, conflicts_with = "until_idle")]
    pub follow: bool,
    /// Exit once every open shard has returned nothing for --idle (for scripts and CI)
    #[arg(long)]
    pub until_idle: bool,
    /// With --until-idle: how long every shard must stay empty
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = crate::duration::parse)]
    pub idle: Duration,
    /// Stop after N records (after filtering)
    #[arg(long, value_name = "N")]
    pub max: Option<u64>,
    /// Stop after this long
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub timeout: Option<Duration>,
    /// Resume from, and keep, the last sequence number per shard in FILE (written atomically)
    #[arg(long, value_name = "FILE")]
    pub checkpoint: Option<PathBuf>,
    /// Also write the records seen as a Lambda event {"Records":[…]}, ready for `orderctl invoke`
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Mask customer email addresses in the output and the saved event
    #[arg(long)]
    pub redact: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Shards read at once
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

/// Parse `--from`/`--after` into a start position.
pub fn start_position(from: &str, after: Option<&str>) -> anyhow::Result<Start> {
    if let Some(seq) = after {
        return Ok(Start::After(
            SequenceNumber::parse(seq).map_err(|e| anyhow::anyhow!("--after: {e}"))?,
        ));
    }
    Ok(match from {
        "latest" | "LATEST" => Start::Latest,
        "trim-horizon" | "TRIM_HORIZON" | "oldest" => Start::TrimHorizon,
        s if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            Start::At(SequenceNumber::parse(s).map_err(|e| anyhow::anyhow!("--from: {e}"))?)
        }
        s => Start::Time(clock::parse_rfc3339(s).map_err(|e| {
            anyhow::anyhow!(
                "--from: expected latest, trim-horizon, a sequence number or an RFC 3339 time; {e}"
            )
        })?),
    })
}

pub async fn run(args: TailArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let start = start_position(&args.from, args.after.as_deref())?;
    let filters = args.filter.load()?;
    for w in filters.patterns.iter().flat_map(|p| p.warnings()) {
        out.warn(format!("filter {}: {} [{}]", w.path, w.message, w.code));
    }
    let target = ctx.target().await?;
    let arn = target.stream_arn().await?;
    if let Target::Aws(aws) = &target
        && !out.is_quiet()
    {
        warn_reader_budget(aws, &arn, out).await;
    }
    let mut checkpoint = args
        .checkpoint
        .as_deref()
        .map(|p| CheckpointFile::open(p, &arn))
        .transpose()?;
    let mode = match (args.follow, args.until_idle) {
        (true, _) => Mode::Follow,
        (false, true) => Mode::UntilIdle(args.idle),
        (false, false) => Mode::Drain,
    };
    let mut options = match &target {
        Target::Local(_) => ReaderOptions::local(start, mode),
        Target::Aws(_) => ReaderOptions::aws(start, mode),
    };
    options.concurrency = usize::from(args.concurrency);
    if let Some(cp) = &checkpoint {
        options.resume = cp.data.shards.clone().into_iter().collect();
    }
    let mut reader = Reader::new(&target, arn, options);
    let mut sink = Sink::new(out, args.redact, args.save.as_deref())?;
    let deadline = args.timeout.map(|t| tokio::time::Instant::now() + t);
    let interrupted = read_loop(
        &mut reader,
        &mut sink,
        &filters,
        checkpoint.as_mut(),
        args.max,
        deadline,
    )
    .await?;
    let shards = reader.shards().count();
    let emitted = sink.emitted();
    sink.finish()?;
    if let Some(cp) = checkpoint.as_mut() {
        cp.save()?;
    }
    if out.format() == OutputFormat::Table {
        out.note(format!("{emitted} records from {shards} shards"));
    }
    Ok(if interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::Success
    })
}

/// Read until the mode, `--max`, `--timeout` or Ctrl-C stops it; true when interrupted.
async fn read_loop<F: ChangeFeed>(
    reader: &mut Reader<'_, F>,
    sink: &mut Sink<'_>,
    filters: &crate::filter::FilterSet,
    mut checkpoint: Option<&mut CheckpointFile>,
    max: Option<u64>,
    deadline: Option<tokio::time::Instant>,
) -> anyhow::Result<bool> {
    let far = tokio::time::Instant::now() + Duration::from_secs(100 * 365 * 86400);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        if max.is_some_and(|m| sink.emitted() >= m) {
            return Ok(false);
        }
        let event = tokio::select! {
            ev = reader.next() => ev?,
            _ = &mut ctrl_c => return Ok(true),
            _ = tokio::time::sleep_until(deadline.unwrap_or(far)) => return Ok(false),
        };
        let Some(event) = event else { return Ok(false) };
        match event {
            Event::Batch(batch) => {
                let mut stopped_at: Option<SequenceNumber> = None;
                for record in &batch.records {
                    if !filters.is_empty() && !filters.matches(&record_value(record)?) {
                        continue;
                    }
                    sink.record(&batch.shard_id, record)?;
                    if max.is_some_and(|m| sink.emitted() >= m) {
                        stopped_at = Some(record.dynamodb.sequence_number.clone());
                        break;
                    }
                }
                sink.flush()?;
                if let Some(cp) = checkpoint.as_deref_mut() {
                    if let Some(seq) = stopped_at.as_ref().or(batch.last_seq.as_ref()) {
                        cp.advance(&batch.shard_id, seq);
                    }
                    cp.save()?;
                }
            }
            Event::Finished(shard) => {
                if let Some(cp) = checkpoint.as_deref_mut() {
                    cp.finish(&shard);
                    cp.save()?;
                }
            }
            Event::Warning(w) => sink.warn(&w),
        }
    }
}

/// The record as the JSON value a filter pattern is matched against (the Lambda record).
pub fn record_value(record: &RawRecord) -> anyhow::Result<serde_json::Value> {
    serde_json::to_value(record).context("cannot encode a stream record")
}

async fn warn_reader_budget(aws: &crate::target::AwsTarget, arn: &str, out: &Printer) {
    match aws.enabled_readers(arn).await {
        Ok(n) if n >= 2 => out.warn(format!(
            "the stream already has {n} enabled Lambda event source mappings; tail is an extra reader \
             beyond the two-readers-per-shard guidance and may get them throttled (--quiet silences this)"
        )),
        Ok(_) => {}
        Err(e) => tracing::debug!("cannot count the stream's readers: {e}"),
    }
}
