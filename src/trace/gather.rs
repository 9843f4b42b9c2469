//! Gathering one order's story: the item, its facts, its records (the stream where reading it
//! is cheap or asked for; else those the facts and dead letters name), its dead letters, the
//! subscriptions — then each function judged record by record.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use anyhow::Context as _;
use indicatif::ProgressBar;
use orders_core::dlq::DlqBody;
use orders_core::fact::Fact;
use orders_core::{EventRecord, SequenceNumber, clock};

use super::judge::{Evidence, Subject, judge};
use super::verdict::verdict;
use super::{DeadLetter, DlqLook, FunctionTrace, RecordView, Source, Trace, scan};
use crate::backend::queue::{Queue, QueueMessage};
use crate::backend::{OrderStore, Target};
use crate::dlq::resolve::function_for;
use crate::dlq::stale::{order_ids, stale_reason};
use crate::filter::{Pattern, Profile, pattern_texts};
use crate::functions::{Function, Subscriptions};
use crate::mappings::{Mapping, from_subscriptions};

/// How a trace reads.
#[derive(Debug, Clone)]
pub struct TraceOptions {
    /// How far back the stream is read.
    pub since: Duration,
    /// Read the stream even where that is costly (AWS).
    pub scan_stream: bool,
    /// Dead letters to look at, at most.
    pub dlq_peek: usize,
}

/// Trace `order_id`. `bar` shows the stream read (hidden unless on a terminal).
pub async fn trace(
    target: &Target,
    subs: &Subscriptions,
    order_id: &str,
    options: &TraceOptions,
    bar: &ProgressBar,
) -> anyhow::Result<Trace> {
    let order = target.get_order(order_id).await?;
    let mut facts = target.order_facts(order_id).await?;
    facts.sort_by(|a, b| a.sequence_number.cmp(&b.sequence_number));

    let stream_read = target.stream_scan_is_cheap() || options.scan_stream;
    let since_ms = clock::now_ms() - options.since.as_millis() as i64;
    let mut records: BTreeMap<String, RecordView> = BTreeMap::new();
    if stream_read {
        for record in scan::order_records(target, order_id, since_ms, bar).await? {
            records.insert(record.event_id.clone(), record);
        }
    }
    bar.finish_and_clear();

    let messages = target.peek(options.dlq_peek).await?;
    let dead_letters = DlqLook {
        looked: messages.len(),
        complete: messages.len() < options.dlq_peek,
        note: target.peek_caveat().into(),
    };
    let mut letters: HashMap<(Function, String), DeadLetter> = HashMap::new();
    let mut ranges = Vec::new();
    for m in &messages {
        let body = DlqBody::parse(&m.body);
        let Ok(function) = function_for(&body, subs, None) else {
            continue;
        };
        match &body {
            DlqBody::Envelope(e) => {
                if key_of(&e.record).as_deref() != Some(order_id) {
                    continue;
                }
                let record = std::slice::from_ref(&e.record);
                let now = target.get_orders(&order_ids(record)).await?;
                let stale = stale_reason(record, &now);
                records
                    .entry(e.record.event_id.clone())
                    .or_insert_with(|| scan::typed_view(&e.record));
                letters.insert(
                    (function, e.record.event_id.clone()),
                    letter(m, "envelope", e.error.clone(), stale),
                );
            }
            DlqBody::OnFailure(r) => {
                let b = &r.batch_info;
                let (Ok(start), Ok(end)) = (
                    SequenceNumber::parse(&b.start_sequence_number),
                    SequenceNumber::parse(&b.end_sequence_number),
                ) else {
                    continue;
                };
                let error = format!(
                    "{} after {} invocations",
                    r.request_context.condition, r.request_context.approximate_invoke_count
                );
                ranges.push((function, b.shard_id.clone(), start, end, m, error));
            }
            DlqBody::Unreadable(_) => {}
        }
    }

    for fact in &facts {
        records
            .entry(fact.event_id.clone())
            .or_insert_with(|| fact_view(fact));
    }
    let mut records: Vec<RecordView> = records.into_values().collect();
    records.sort_by(|a, b| a.sequence_number.cmp(&b.sequence_number));

    // Lambda's on-failure records name a range of a shard, not the records: one of this
    // order's records inside it was in the failed batch.
    for (function, shard, start, end, m, error) in ranges {
        for r in &records {
            let in_shard = r.shard_id.as_deref().is_none_or(|s| s == shard);
            if in_shard && r.sequence_number >= start && r.sequence_number <= end {
                letters.insert(
                    (function, r.event_id.clone()),
                    letter(m, "on-failure", error.clone(), None),
                );
            }
        }
    }

    let by_key: HashMap<(&str, &str), &Fact> = facts
        .iter()
        .map(|f| ((f.function.as_str(), f.event_id.as_str()), f))
        .collect();
    let mut functions = Vec::new();
    for (function, mapping) in subscribed(target, subs).await? {
        let patterns = patterns(&mapping)?;
        let enabled = mapping.state == "Enabled";
        let subject = Subject {
            function,
            patterns: &mapping.filters,
            enabled,
        };
        let mut steps = Vec::with_capacity(records.len());
        for record in &records {
            let passes_filters = if patterns.is_empty() {
                Some(true)
            } else {
                record
                    .filter_value
                    .as_ref()
                    .map(|v| patterns.iter().any(|p| p.matches(v)))
            };
            let reached = match &record.shard_id {
                Some(shard) => target.reached(function.name(), shard, &record.sequence_number)?,
                None => None,
            };
            let evidence = Evidence {
                fact: by_key
                    .get(&(function.name(), record.event_id.as_str()))
                    .copied(),
                dead_letter: letters.get(&(function, record.event_id.clone())),
                passes_filters,
                reached,
            };
            steps.push(judge(&subject, record, &evidence));
        }
        functions.push(FunctionTrace {
            function: function.name().to_owned(),
            enabled,
            patterns: mapping.filters.clone(),
            verdict: verdict(function, &steps),
            records: steps,
        });
    }

    let seen = order.is_some() || !records.is_empty() || !facts.is_empty() || !letters.is_empty();
    Ok(Trace {
        order_id: order_id.to_owned(),
        order,
        since: stream_read.then(|| clock::rfc3339_s(since_ms)),
        stream_read,
        records,
        functions,
        facts,
        dead_letters,
        seen,
    })
}

/// The bundled functions subscribed to the stream, with their mappings: the event source
/// mappings on AWS — or, when none is a bundled function's (`orderctl consume` runs them
/// there), orderctl.toml's subscriptions, as locally.
async fn subscribed(
    target: &Target,
    subs: &Subscriptions,
) -> anyhow::Result<Vec<(Function, Mapping)>> {
    let (_, _, mappings) = target.subscriptions(subs).await?;
    let pick = |mappings: Vec<Mapping>| -> Vec<(Function, Mapping)> {
        mappings
            .into_iter()
            .filter_map(|m| Function::by_name(&m.function).map(|f| (f, m)))
            .collect()
    };
    let bundled = pick(mappings);
    Ok(if bundled.is_empty() {
        pick(from_subscriptions(subs))
    } else {
        bundled
    })
}

/// A mapping's patterns, parsed (`@FILE` read).
fn patterns(mapping: &Mapping) -> anyhow::Result<Vec<Pattern>> {
    let origin = format!("{}'s filters", mapping.function);
    let mut parsed = Vec::new();
    for arg in &mapping.filters {
        for (origin, text) in pattern_texts(arg, &origin)? {
            parsed.push(
                Pattern::parse(&text, Profile::Lambda)
                    .with_context(|| format!("{origin}: {text}"))?,
            );
        }
    }
    Ok(parsed)
}

fn letter(
    m: &QueueMessage,
    format: &'static str,
    error: String,
    stale: Option<String>,
) -> DeadLetter {
    DeadLetter {
        message_id: m.message_id.clone(),
        format,
        error,
        receive_count: m.receive_count,
        sent_at: clock::rfc3339_s(m.sent_ms),
        stale,
    }
}

/// The `orderId` of a typed record's keys.
fn key_of(record: &EventRecord) -> Option<String> {
    record
        .dynamodb
        .keys
        .get("orderId")
        .and_then(|v| v.as_s())
        .map(str::to_owned)
}

/// A record only a marker names: no images, no shard, no time.
fn fact_view(fact: &Fact) -> RecordView {
    let mut view = RecordView::new(
        &fact.event_id,
        fact.event_name,
        &fact.sequence_number,
        None,
        Source::Marker,
    );
    (view.old_status, view.new_status) = (fact.old_status, fact.new_status);
    view.statuses_known = true;
    view
}
