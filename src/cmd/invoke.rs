//! `orderctl invoke FUNCTION --event FILE|-`: run a bundled function in-process on a Lambda
//! event (a `tail --save` fixture works as is) and show, per record, what happened, the
//! response, what Lambda would do next, and the effects — recorded, not sent, by default.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use orders_core::batch::{Outcome, RecordReport, Report};
use orders_core::caps::{DeadLetters, Mailer, Metrics, Stock};
use orders_core::recorder::{Effects, Recorder, Tee};
use orders_core::{Event, EventRecord, SequenceNumber};
use serde::Serialize;
use serde_json::Value;

use super::Ctx;
use crate::backend::{InventoryStore, Target};
use crate::esm::response::{describe, interpret};
use crate::exit::ExitStatus;
use crate::filter::Profile;
use crate::filter::load_patterns;
use crate::functions::Function;
use crate::input;
use crate::output::{Printer, Style};

/// Where effects go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EffectsMode {
    /// Capture effects without sending anything (safe with production credentials); stock is
    /// simulated from the target's current levels.
    Record,
    /// Apply them with the current target's adapters (local outbox/metrics/stock/queue, or
    /// SES/CloudWatch/DynamoDB/SQS).
    Target,
}

/// Run a bundled function on a Lambda DynamoDB event, in-process.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  orderctl invoke inventory --event fixtures/events/order-created.json\n  orderctl tail --from trim-horizon --save batch.json && orderctl invoke notification --event batch.json -o json"
)]
pub struct InvokeArgs {
    /// The function
    #[arg(value_enum)]
    pub function: Function,
    /// The event: {"Records":[…]}, a JSON array of records, one record, or JSON lines; `-` for stdin
    #[arg(long, value_name = "FILE|-")]
    pub event: PathBuf,
    /// Record effects (default) or apply them on the current target
    #[arg(long, value_enum, default_value_t = EffectsMode::Record)]
    pub effects: EffectsMode,
    /// Drop the records the function's subscription filters would drop (as Lambda does)
    #[arg(long)]
    pub apply_filters: bool,
    /// The attempt number written into dead-letter envelopes
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub attempt: u32,
}

/// What `invoke -o json` prints (field names are a stable contract).
#[derive(Debug, Serialize)]
pub struct InvokeReport {
    /// The function.
    pub function: &'static str,
    /// Per record, in input order.
    pub records: Vec<RecordReport>,
    /// The partial batch response.
    pub response: orders_core::batch::BatchResponse,
    /// What Lambda would do next.
    pub next: String,
    /// What was (or would have been) done.
    pub effects: EffectsReport,
}

/// The effects, in the stable `invoke` shape.
#[derive(Debug, Serialize)]
pub struct EffectsReport {
    /// `{to, subject, body}` per email.
    pub emails: Vec<Value>,
    /// `{namespace, name, value, unit}` per metric; values are exact.
    pub metrics: Vec<Value>,
    /// `{productId, before, after}` per stock change; levels are decimal strings.
    pub stock: Vec<Value>,
    /// The dead-letter bodies, decoded.
    pub dlq: Vec<Value>,
}

impl From<Effects> for EffectsReport {
    fn from(e: Effects) -> Self {
        let number = |d: &orders_core::money::Decimal| {
            d.to_string()
                .parse::<serde_json::Number>()
                .map(Value::Number)
                .unwrap_or_else(|_| Value::String(d.to_string()))
        };
        EffectsReport {
            emails: e.emails.iter().map(|m| serde_json::json!({"to": m.to, "subject": m.subject, "body": m.body})).collect(),
            metrics: e
                .metrics
                .iter()
                .map(|m| serde_json::json!({"namespace": m.namespace, "name": m.name, "value": number(&m.value), "unit": m.unit}))
                .collect(),
            // Stock levels can pass 2^53: decimal strings, as in `inventory -o json`. A level
            // the adapter does not know (AWS: a transaction returns no values) is null, so the
            // keys stay the same whatever the target.
            stock: e
                .stock
                .iter()
                .map(|s| {
                    let level = |l: Option<i64>| l.map_or(Value::Null, |n| Value::String(n.to_string()));
                    serde_json::json!({"productId": s.product_id, "before": level(s.before), "after": level(s.after)})
                })
                .collect(),
            dlq: e.dlq.iter().map(|b| serde_json::from_str(b).unwrap_or_else(|_| Value::String(b.clone()))).collect(),
        }
    }
}

/// Parse each record of an event input into the Lambda record type, naming the bad one.
pub fn parse_records(name: &str, text: &str) -> anyhow::Result<Vec<EventRecord>> {
    input::event_records(name, text)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value::<EventRecord>(v)
                .with_context(|| format!("{name}: record {i}: not a Lambda DynamoDB stream record"))
        })
        .collect()
}

pub async fn run(args: InvokeArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let name = input::source_name(&args.event);
    let records = parse_records(&name, &input::read_source(&args.event)?)?;
    let sub = &ctx.settings.functions[&args.function];
    let filters = if args.apply_filters {
        load_patterns(
            &sub.filters,
            &format!("{}'s filters in orderctl.toml", args.function.name()),
            Profile::Lambda,
        )?
    } else {
        Default::default()
    };
    let mut delivered = Vec::with_capacity(records.len());
    let mut filtered = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if filters.is_empty() || filters.matches(&serde_json::to_value(record)?) {
            delivered.push(record.clone());
        } else {
            filtered.push(i);
        }
    }
    if !filtered.is_empty() {
        out.note(format!(
            "{} of {} records dropped by {}'s filters",
            filtered.len(),
            records.len(),
            args.function.name()
        ));
    }
    let event = Event { records: delivered };
    let target = ctx.target().await?;
    let (function, sender, attempt) = (args.function, ctx.settings.sender(), args.attempt);
    let (report, effects) = match args.effects {
        EffectsMode::Record => {
            // Only inventory reads stock: the others need no read of the target at all.
            let stock = match function {
                Function::Inventory => stock_levels(&target).await?,
                _ => Vec::new(),
            };
            run_teed(
                function,
                &event,
                &Recorder::with_stock(stock),
                sender,
                attempt,
            )
            .await
        }
        EffectsMode::Target => run_teed(function, &event, &target.effects(), sender, attempt).await,
    };
    let report = merge_filtered(&records, report, &filtered);
    let seqs: Vec<SequenceNumber> = event
        .records
        .iter()
        .map(|r| r.dynamodb.sequence_number.clone())
        .collect();
    let response = serde_json::to_value(&report.response)?;
    let verdict = interpret(
        &seqs,
        Some(&response),
        false,
        sub.report_batch_item_failures,
    );
    let failed = report.any_failed();
    let result = InvokeReport {
        function: args.function.name(),
        records: report.records,
        response: report.response,
        next: describe(&seqs, &verdict),
        effects: effects.into(),
    };
    out.one(&result, human)?;
    Ok(ExitStatus::failure_if(failed))
}

/// Run `function` over `deps`, capturing every effect it had on them.
async fn run_teed<D: Mailer + Metrics + Stock + DeadLetters>(
    function: Function,
    event: &Event,
    deps: &D,
    sender: &str,
    attempt: u32,
) -> (Report, Effects) {
    let tee = Tee::new(deps);
    let report = function.run(event, &tee, sender, attempt).await;
    (report, tee.effects())
}

/// Current stock levels, for the recorder to simulate reservations against.
async fn stock_levels(target: &Target) -> anyhow::Result<Vec<(String, i64)>> {
    let items = target
        .list_stock()
        .await
        .context("reading stock levels to simulate the inventory")?;
    Ok(items.into_iter().map(|i| (i.product_id, i.stock)).collect())
}

/// Put the records dropped by filters back in input order, marked `filtered`.
fn merge_filtered(records: &[EventRecord], report: Report, filtered: &[usize]) -> Report {
    if filtered.is_empty() {
        return report;
    }
    let mut delivered = report.records.into_iter();
    let all = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            if filtered.contains(&i) {
                Some(RecordReport {
                    event_id: r.event_id.clone(),
                    sequence_number: r.dynamodb.sequence_number.to_string(),
                    outcome: Outcome::Filtered,
                    error: None,
                })
            } else {
                delivered.next()
            }
        })
        .collect();
    Report {
        records: all,
        response: report.response,
    }
}

fn human(p: &Printer, r: &InvokeReport) -> std::io::Result<()> {
    let rows = r
        .records
        .iter()
        .map(|x| {
            let (label, style) = match x.outcome {
                Outcome::Ok => ("ok", Style::Green),
                Outcome::Duplicate => ("duplicate", Style::Cyan),
                Outcome::Superseded => ("superseded (order moved on)", Style::Cyan),
                Outcome::Filtered => ("filtered", Style::Dim),
                Outcome::PermanentFailure => ("permanent failure → DLQ", Style::Red),
                Outcome::TransientFailure => ("transient failure", Style::Yellow),
            };
            vec![
                format!(
                    "…{}",
                    &x.sequence_number[x.sequence_number.len().saturating_sub(8)..]
                ),
                x.event_id.chars().take(12).collect(),
                p.paint(label, style),
                x.error.clone().unwrap_or_default(),
            ]
        })
        .collect();
    p.table(&["SEQUENCE", "EVENT ID", "OUTCOME", "ERROR"], rows)?;
    p.line("")?;
    p.fields(&[
        (
            "response",
            serde_json::to_string(&r.response).unwrap_or_default(),
        ),
        ("next", r.next.clone()),
    ])?;
    let e = &r.effects;
    let mut lines: Vec<String> = Vec::new();
    lines.extend(e.emails.iter().map(|m| {
        format!(
            "email to {} — {}",
            m["to"].as_str().unwrap_or(""),
            m["subject"].as_str().unwrap_or("")
        )
    }));
    lines.extend(e.metrics.iter().map(|m| {
        format!(
            "metric {}/{} = {} {}",
            m["namespace"].as_str().unwrap_or(""),
            m["name"].as_str().unwrap_or(""),
            m["value"],
            m["unit"].as_str().unwrap_or("")
        )
    }));
    lines.extend(e.stock.iter().map(|s| {
        format!(
            "stock {} {} → {}",
            s["productId"].as_str().unwrap_or(""),
            // null: a level the target did not report (AWS), not an empty one.
            s["before"].as_str().unwrap_or("?"),
            s["after"].as_str().unwrap_or("?")
        )
    }));
    lines.extend(e.dlq.iter().map(|b| {
        format!(
            "dead letter: {}",
            b.get("error")
                .and_then(Value::as_str)
                .unwrap_or("(message)")
        )
    }));
    if lines.is_empty() {
        lines.push("none".into());
    }
    p.line(format!("\n{}", p.paint("effects", Style::Bold)))?;
    for l in lines {
        p.line(format!("  {l}"))?;
    }
    Ok(())
}
