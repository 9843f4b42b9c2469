//! `orderctl tail`: read the stream on either target — every shard, parents before children —
//! from a chosen position, until idle, forever, or a limit; with Lambda filter patterns, a
//! resumable checkpoint, and a Lambda-event fixture of what was seen.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use orders_core::{SequenceNumber, TextRecord, clock};

use super::Ctx;
use super::args::{FilterArgs, FollowArgs};
use super::sink::Sink;
use crate::backend::ChangeFeed;
use crate::exit::ExitStatus;
use crate::interrupt::Interrupt;
use crate::output::Printer;
use crate::settings::OutputFormat;
use crate::stream::checkpoint::CheckpointFile;
use crate::stream::reader::{Event, Mode, Reader, ReaderOptions, Start};

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
    #[command(flatten)]
    pub run: FollowArgs,
    /// Stop after N records (after filtering)
    #[arg(long, value_name = "N")]
    pub max: Option<u64>,
    /// Stop after this long
    #[arg(long, value_name = "DURATION", value_parser = crate::duration::parse)]
    pub timeout: Option<Duration>,
    /// Resume from, and keep, the last sequence number per shard in FILE (written atomically);
    /// resuming, shards the file has not seen are read from the trim horizon
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
    // Ctrl-C and SIGTERM (`timeout`, a supervisor) stop the reading at once; what was printed is
    // checkpointed and `--save` is closed whole. Listening before anything is read leaves no
    // window where a signal kills tail, or is ignored, half-way.
    let stop = Interrupt::listen();
    let start = start_position(&args.from, args.after.as_deref())?;
    let filters = args.filter.load()?;
    for w in filters.patterns.iter().flat_map(|p| p.warnings()) {
        out.warn(format!("filter {}: {} [{}]", w.path, w.message, w.code));
    }
    let target = ctx.target().await?;
    let arn = target.stream_arn().await?;
    if !out.is_quiet() {
        crate::doctor::warn_reader_budget(&target, &arn, out, "tail").await;
    }
    let checkpoint = args
        .checkpoint
        .as_deref()
        .map(|p| CheckpointFile::open(p, &arn))
        .transpose()?;
    let mode = match (args.run.follow, args.run.until_idle) {
        (true, _) => Mode::Follow,
        (false, true) => Mode::UntilIdle(args.run.idle),
        (false, false) => Mode::Drain,
    };
    // A resumed run (its checkpoint has shards) reads every shard the checkpoint has not seen
    // from the trim horizon: none of its records was printed yet, whatever --from says. Found
    // by the SIGKILL test: a shard not reached before the kill was resumed at LATEST, and lost.
    let start = match &checkpoint {
        Some(cp) if !cp.data.shards.is_empty() => Start::TrimHorizon,
        _ => start,
    };
    let mut options = ReaderOptions::new(start, mode, &target.pace());
    options.concurrency = usize::from(args.concurrency);
    if let Some(cp) = &checkpoint {
        options.resume = cp.data.shards.clone().into_iter().collect();
    }
    let mut reader = Reader::new(&target, arn, options);
    let sink = Sink::new(out.clone(), args.redact, args.save.as_deref())?;
    // Output runs on its own thread: formatting and writing overlap with reading the next pages.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Output>(4);
    // Printed batches come back to be freed here: frees on the allocating thread avoid malloc
    // arena contention between the two threads.
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Vec<TextRecord>>();
    // Dropped when the output thread ends, for whatever reason (a closed stdout): the reading
    // side then stops at once, even when --follow waits for records that may never come.
    let (gone_tx, mut writer_gone) = tokio::sync::oneshot::channel::<()>();
    let writer = std::thread::spawn(move || {
        let _gone = gone_tx;
        write_loop(rx, sink, checkpoint, done_tx)
    });
    let deadline = args.timeout.map(|t| tokio::time::Instant::now() + t);
    let read = read_loop(
        &mut reader,
        (&tx, &done_rx, &mut writer_gone),
        &filters,
        (args.max, deadline, &stop),
        out,
    )
    .await;
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the output thread panicked"))?;
    let (sink, mut checkpoint) = written?;
    let interrupted = read?;
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

/// What the reading side hands the output thread, in stream order per shard.
enum Output {
    /// Records to print; then the shard's checkpoint moves to `advance_to`.
    Batch {
        shard: Arc<str>,
        records: Vec<TextRecord>,
        advance_to: Option<SequenceNumber>,
    },
    /// A shard was read to its end.
    Finished(Arc<str>),
}

/// Print batches, then checkpoint them (after the flush: a crash repeats at most one batch).
fn write_loop(
    rx: std::sync::mpsc::Receiver<Output>,
    mut sink: Sink,
    mut checkpoint: Option<CheckpointFile>,
    done: std::sync::mpsc::Sender<Vec<TextRecord>>,
) -> anyhow::Result<(Sink, Option<CheckpointFile>)> {
    for msg in rx {
        match msg {
            Output::Batch {
                shard,
                records,
                advance_to,
            } => {
                for record in &records {
                    sink.record(&shard, record)?;
                }
                sink.flush()?;
                let _ = done.send(records);
                if let (Some(cp), Some(seq)) = (checkpoint.as_mut(), advance_to) {
                    cp.advance(&shard, &seq);
                    cp.save()?;
                }
            }
            Output::Finished(shard) => {
                if let Some(cp) = checkpoint.as_mut() {
                    cp.finish(&shard);
                    cp.save()?;
                }
            }
        }
    }
    Ok((sink, checkpoint))
}

/// Read until the mode, `--max`, `--timeout` or Ctrl-C stops it; true when interrupted.
async fn read_loop<F: ChangeFeed>(
    reader: &mut Reader<'_, F>,
    (tx, done, writer_gone): (
        &std::sync::mpsc::SyncSender<Output>,
        &std::sync::mpsc::Receiver<Vec<TextRecord>>,
        &mut tokio::sync::oneshot::Receiver<()>,
    ),
    filters: &crate::filter::FilterSet,
    (max, deadline, stop): (Option<u64>, Option<tokio::time::Instant>, &Interrupt),
    out: &Printer,
) -> anyhow::Result<bool> {
    let far = tokio::time::Instant::now() + Duration::from_secs(100 * 365 * 86400);
    let mut sent = 0u64;
    loop {
        if max.is_some_and(|m| sent >= m) {
            return Ok(false);
        }
        let event = tokio::select! {
            ev = reader.next() => ev?,
            _ = stop.wait_requested() => return Ok(true),
            _ = tokio::time::sleep_until(deadline.unwrap_or(far)) => return Ok(false),
            // The output thread stopped (closed stdout, a write error): it reports why.
            _ = &mut *writer_gone => return Ok(false),
        };
        let Some(event) = event else { return Ok(false) };
        let msg = match event {
            Event::Batch(batch) => {
                let reads_images = filters.reads_dynamodb();
                let mut records = if filters.is_empty() {
                    batch.records
                } else {
                    let mut kept = Vec::with_capacity(batch.records.len());
                    for r in batch.records {
                        let value = crate::stream::filter_value(&r, reads_images)
                            .context("cannot encode a stream record")?;
                        if filters.matches(&value) {
                            kept.push(r);
                        }
                    }
                    kept
                };
                let mut advance_to = batch.last_seq;
                if let Some(m) = max
                    && sent + records.len() as u64 >= m
                {
                    records.truncate((m - sent) as usize);
                    advance_to = records
                        .last()
                        .map(|r| r.dynamodb.sequence_number.clone())
                        .or(advance_to);
                }
                sent += records.len() as u64;
                Output::Batch {
                    shard: batch.shard_id,
                    records,
                    advance_to,
                }
            }
            Event::Finished(shard) => Output::Finished(shard),
            Event::Warning(w) => {
                out.warn(w);
                continue;
            }
        };
        while let Ok(printed) = done.try_recv() {
            drop(printed);
        }
        if tx.send(msg).is_err() {
            // The output thread stopped (closed stdout, a write error): it reports why.
            return Ok(false);
        }
    }
}
