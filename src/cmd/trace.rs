//! `orderctl trace ORDER_ID`: one order's story through the pipeline on one screen — the item
//! now, its stream records, what each subscribed function did with each, one verdict per
//! function. The engine is `crate::trace`; this renders it and sets the exit code.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::anyhow;
use clap::Args;
use indicatif::ProgressBar;

use super::Ctx;
use crate::exit::ExitStatus;
use crate::output::{Printer, Style};
use crate::trace::{Outcome, State, Step, Trace, TraceOptions, short, source, stock, trace};

/// One order's story: its records, what each function did with each, one verdict per function
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every function has done its part, 1 something is pending or failed, 2 the order id was never seen (or an error).\nOn AWS a trace reads the functions' markers (one Query of ProcessedEvents' OrderIndex), the item and a peek at the DLQ, not the stream; --scan-stream reads the stream too.\nSee README, \"Tracing one order\"."
)]
pub struct TraceArgs {
    /// The order id
    #[arg(required_unless_present_any = ["event", "dlq"], conflicts_with_all = ["event", "dlq"])]
    pub order_id: Option<String>,
    /// Take the order id from a stream record, Lambda event or dead-letter envelope (`-`: stdin)
    #[arg(long, value_name = "FILE", conflicts_with = "dlq")]
    pub event: Option<PathBuf>,
    /// Take the order id from a dead letter (message id, or its first characters)
    #[arg(long, value_name = "ID")]
    pub dlq: Option<String>,
    /// How far back the stream is read
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = crate::duration::parse)]
    pub since: Duration,
    /// On AWS, also read every shard back to --since: costly on a busy stream; for small tables, or records no function has seen
    #[arg(long)]
    pub scan_stream: bool,
    /// Look at no more than N dead letters (on AWS each look raises a message's receive count)
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub dlq_peek: usize,
}

/// Run `trace`.
pub async fn run(args: TraceArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    let subs = &ctx.settings.functions;
    let order_id = match (&args.order_id, &args.event, &args.dlq) {
        (Some(id), _, _) => id.clone(),
        (None, Some(path), _) => source::from_event(path)?,
        (None, None, Some(id)) => source::from_dlq(&target, subs, id, args.dlq_peek).await?,
        (None, None, None) => return Err(anyhow!("give an ORDER_ID, --event FILE or --dlq ID")),
    };
    let options = TraceOptions {
        since: args.since,
        scan_stream: args.scan_stream,
        dlq_peek: args.dlq_peek,
    };
    let bar = if args.scan_stream {
        out.progress(0, "reading the stream")
    } else {
        ProgressBar::hidden()
    };
    let story = trace(&target, subs, &order_id, &options, &bar).await?;
    if !story.seen {
        return Err(anyhow!(
            "order {order_id} was never seen: no item, no marker, no dead letter among the {} looked at{}",
            story.dead_letters.looked,
            match &story.since {
                Some(since) => format!(", no stream record since {since}"),
                None => " (the stream was not read: --scan-stream reads it)".into(),
            }
        ));
    }
    if story.dead_letters.looked > 0 {
        out.note(format!(
            "looked at {} dead letter{}{}: {}",
            story.dead_letters.looked,
            if story.dead_letters.looked == 1 {
                ""
            } else {
                "s"
            },
            if story.dead_letters.complete {
                " (all)"
            } else {
                " (not all: --dlq-peek)"
            },
            story.dead_letters.note
        ));
    }
    out.one(&story, render)?;
    Ok(ExitStatus::failure_if(!story.all_done()))
}

/// The story for people.
fn render(out: &Printer, story: &Trace) -> io::Result<()> {
    let order = match &story.order {
        Some(o) => format!(
            "{}  {}  customer {}  {}  total {}  created {}",
            o.order_id,
            o.status.as_str(),
            o.customer_id,
            o.items
                .iter()
                .map(|l| format!("{}×{}", l.quantity, l.product_id))
                .collect::<Vec<_>>()
                .join(", "),
            o.total_price,
            o.created_at
        ),
        None => format!(
            "{}  not in the table (deleted, or never written)",
            story.order_id
        ),
    };
    let records = match &story.since {
        Some(since) => format!("{} (stream since {since})", story.records.len()),
        None => format!(
            "{} (named by markers and dead letters; the stream was not read)",
            story.records.len()
        ),
    };
    out.fields(&[("order", order), ("records", records)])?;
    let rows = story
        .records
        .iter()
        .map(|r| {
            vec![
                r.at.clone().unwrap_or_else(|| "-".into()),
                r.event_name.as_str().to_owned(),
                short(r.sequence_number.as_str()),
                r.shard_id
                    .as_deref()
                    .map_or_else(|| "-".into(), |s| s[s.len().saturating_sub(8)..].to_owned()),
                match (r.old_status, r.new_status) {
                    (None, Some(new)) => new.as_str().to_owned(),
                    (Some(old), Some(new)) if old != new => {
                        format!("{} → {}", old.as_str(), new.as_str())
                    }
                    (Some(old), Some(_)) => format!("{} (unchanged)", old.as_str()),
                    (Some(old), None) => format!("{} → deleted", old.as_str()),
                    (None, None) => "?".into(),
                },
            ]
        })
        .collect();
    out.table(&["TIME", "EVENT", "SEQUENCE", "SHARD", "STATUS"], rows)?;
    for f in &story.functions {
        out.line("")?;
        let rows = f
            .records
            .iter()
            .map(|s| {
                vec![
                    s.event_name.as_str().to_owned(),
                    short(&s.sequence_number),
                    paint_outcome(out, s.outcome),
                    step_detail(s),
                ]
            })
            .collect();
        out.table(
            &[&f.function.to_uppercase(), "SEQUENCE", "OUTCOME", "DETAIL"],
            rows,
        )?;
    }
    let lines = story
        .functions
        .iter()
        .map(|f| {
            let style = match f.verdict.state {
                State::Done => Style::Green,
                State::Pending => Style::Yellow,
                State::Failed => Style::Red,
            };
            let line = f.verdict.line(&f.function);
            out.paint(&line, style)
        })
        .collect::<Vec<_>>();
    out.line("")?;
    for line in lines {
        out.line(line)?;
    }
    Ok(())
}

fn paint_outcome(out: &Printer, outcome: Outcome) -> String {
    let text = serde_json::to_value(outcome)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let style = match outcome {
        Outcome::Processed | Outcome::NoEffect | Outcome::Filtered => Style::Green,
        Outcome::NotReached | Outcome::InFlight | Outcome::Unknown => Style::Yellow,
        Outcome::DeadLettered => Style::Red,
    };
    out.paint(&text, style)
}

/// What a step shows after its outcome.
fn step_detail(s: &Step) -> String {
    use orders_core::fact::Effect;
    let effect = s.effect.as_ref().map(|e| match e {
        Effect::Email { subject } => format!("email \"{subject}\""),
        Effect::Reserved { lines } => format!("reserved {}", stock(lines)),
        Effect::Restored { lines } => format!("restored {}", stock(lines)),
        Effect::Counted { metrics } => format!(
            "counted {}",
            metrics
                .iter()
                .map(|m| format!("{} {}", m.name, m.value))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Effect::Nothing => "nothing reserved to give back".into(),
        Effect::Superseded => "superseded: the order ended after it".into(),
    });
    let mut parts: Vec<String> = effect.into_iter().collect();
    if let Some(at) = &s.at {
        parts.push(format!("at {at}"));
    }
    if let Some(letter) = &s.dead_letter {
        parts.push(format!("DLQ {}", letter.message_id));
    }
    if !s.patterns.is_empty() {
        parts.push(format!("patterns {}", s.patterns.join(" OR ")));
    }
    if let Some(why) = &s.why {
        parts.push(why.clone());
    }
    parts.join("  ")
}
