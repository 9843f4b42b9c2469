//! From a dead letter to the records to replay and the function to replay them into: the
//! envelope's record as it is; for Lambda's on-failure record, `[startSequenceNumber,
//! endSequenceNumber]` of its shard re-read from the stream (aws-semantics §6.4 steps 2–3,
//! numeric comparison, the function's filters applied again) — unrecoverable once trimmed. An
//! envelope sent without its images (too large for the queue) is re-read the same way, at its
//! sequence number in the shard that holds it.

use std::collections::BTreeMap;

use orders_core::dlq::{BatchInfo, DlqBody, RecordEnvelope};
use orders_core::{EventRecord, SequenceNumber};

use crate::backend::{ChangeFeed, IteratorKind, TargetError};
use crate::filter::{FilterSet, Profile};
use crate::functions::{Function, Subscriptions, lambda_name_of};

/// What a message resolves to.
#[derive(Debug)]
pub enum Resolved {
    /// Records to replay into a function.
    Records {
        /// The function.
        function: Function,
        /// The records, in order, with `eventSourceARN`.
        records: Vec<EventRecord>,
    },
    /// The records are gone from the stream (trimmed, shard deleted, another stream).
    Unrecoverable(String),
    /// The records are there, but none matches the function's current filters: replaying
    /// would run an empty batch, so the message is kept and reported.
    NoMatch(String),
    /// Not a dead letter orderctl understands.
    Unreadable(String),
    /// A function cannot be chosen for it.
    NoFunction(String),
}

/// Find the function a dead letter belongs to: `--function`, else the envelope's function, else
/// the on-failure record's function ARN mapped through the subscriptions' Lambda names.
pub fn function_for(
    body: &DlqBody,
    subs: &Subscriptions,
    chosen: Option<Function>,
) -> Result<Function, String> {
    if let Some(f) = chosen {
        return Ok(f);
    }
    let name = match body {
        DlqBody::Envelope(e) => e.function.clone(),
        DlqBody::OnFailure(r) => lambda_name_of(&r.request_context.function_arn).to_owned(),
        DlqBody::Unreadable(_) => return Err("unreadable".into()),
    };
    Function::for_lambda(&name, subs).ok_or_else(|| {
            format!("no bundled function matches {name:?} (set lambda_name under [functions.NAME] in orderctl.toml, or use --function)")
        })
}

/// Resolve a message body against the target's stream.
pub async fn resolve(
    body: &DlqBody,
    feed: &impl ChangeFeed,
    subs: &Subscriptions,
    filters: &BTreeMap<Function, FilterSet>,
    chosen: Option<Function>,
) -> Result<Resolved, TargetError> {
    if let DlqBody::Unreadable(why) = body {
        return Ok(Resolved::Unreadable(why.clone()));
    }
    let function = match function_for(body, subs, chosen) {
        Ok(f) => f,
        Err(why) => return Ok(Resolved::NoFunction(why)),
    };
    match body {
        DlqBody::Unreadable(why) => Ok(Resolved::Unreadable(why.clone())),
        DlqBody::Envelope(e) if e.images_omitted => Ok(match rehydrate_envelope(e, feed).await? {
            Ok(record) => Resolved::Records {
                function,
                records: vec![record],
            },
            Err(why) => Resolved::Unrecoverable(why),
        }),
        DlqBody::Envelope(e) => Ok(Resolved::Records {
            function,
            records: vec![e.record.clone()],
        }),
        DlqBody::OnFailure(r) => {
            let empty = FilterSet::default();
            let filters = filters.get(&function).unwrap_or(&empty);
            rehydrate(&r.batch_info, feed, filters)
                .await
                .map(|outcome| match outcome {
                    Ok(records) if records.is_empty() => Resolved::NoMatch(format!(
                        "no record of {}…{} matches {}'s current filters (kept; change the filters or use --function)",
                        r.batch_info.start_sequence_number,
                        r.batch_info.end_sequence_number,
                        function.name()
                    )),
                    Ok(records) => Resolved::Records { function, records },
                    Err(why) => Resolved::Unrecoverable(why),
                })
        }
    }
}

/// Each subscription's filters, parsed once for a run (a bad pattern is one error up front).
pub fn subscription_filters(subs: &Subscriptions) -> anyhow::Result<BTreeMap<Function, FilterSet>> {
    subs.iter()
        .map(|(f, s)| {
            let origin = format!("{}'s filters in orderctl.toml", f.name());
            crate::filter::load_patterns(&s.filters, &origin, Profile::Lambda).map(|set| (*f, set))
        })
        .collect()
}

/// Re-read the record of an envelope sent without its images. The Lambda event names no
/// shard, so the shards whose sequence range holds the record's number are read in turn, and
/// the record is the one with the envelope's `eventID`. `Ok(Err(why))` when it is gone.
async fn rehydrate_envelope(
    e: &RecordEnvelope,
    feed: &impl ChangeFeed,
) -> Result<Result<EventRecord, String>, TargetError> {
    let arn = feed.stream_arn().await?;
    let seq = &e.record.dynamodb.sequence_number;
    if let Some(named) = e.record.event_source_arn.as_deref()
        && named != arn
    {
        return Ok(Err(format!(
            "it names stream {named}, not the current {arn}"
        )));
    }
    let mut why = format!("no shard of the stream holds record {seq} (past the 24 h retention?)");
    let mut after: Option<String> = None;
    loop {
        let page = feed.describe_stream(&arn, after.as_deref(), None).await?;
        let holding = page.shards.iter().filter(|s| {
            s.starting_sequence_number <= *seq
                && s.ending_sequence_number
                    .as_ref()
                    .is_none_or(|end| seq <= end)
        });
        for shard in holding {
            let one = BatchInfo {
                shard_id: shard.shard_id.clone(),
                start_sequence_number: seq.to_string(),
                end_sequence_number: seq.to_string(),
                approximate_arrival_of_first_record: String::new(),
                approximate_arrival_of_last_record: String::new(),
                batch_size: 1,
                stream_arn: arn.clone(),
            };
            match rehydrate(&one, feed, &FilterSet::default()).await {
                Ok(Ok(records)) => {
                    if let Some(r) = records
                        .into_iter()
                        .find(|r| r.event_id == e.record.event_id)
                    {
                        return Ok(Ok(r));
                    }
                    why = format!(
                        "record {seq} of shard {} is not event {}",
                        shard.shard_id, e.record.event_id
                    );
                }
                // Not in this shard: try the next one that may hold it.
                Ok(Err(not_here)) | Err(TargetError::Invalid(not_here)) => why = not_here,
                Err(other) => return Err(other),
            }
        }
        match page.last_evaluated_shard_id {
            Some(id) => after = Some(id),
            None => return Ok(Err(why)),
        }
    }
}

/// Re-read the batch an on-failure record describes. `Ok(Err(why))` when it is gone.
async fn rehydrate(
    b: &BatchInfo,
    feed: &impl ChangeFeed,
    filters: &FilterSet,
) -> Result<Result<Vec<EventRecord>, String>, TargetError> {
    let arn = feed.stream_arn().await?;
    if b.stream_arn != arn {
        return Ok(Err(format!(
            "it names stream {}, not the current {arn}",
            b.stream_arn
        )));
    }
    let parse = |s: &str| SequenceNumber::parse(s).map_err(TargetError::Invalid);
    let (start, end) = (
        parse(&b.start_sequence_number)?,
        parse(&b.end_sequence_number)?,
    );
    let gone =
        |e: &TargetError| matches!(e, TargetError::TrimmedData(_) | TargetError::NotFound(_));
    let mut iterator = match feed
        .shard_iterator(&arn, &b.shard_id, &IteratorKind::At(start.clone()))
        .await
    {
        Ok(it) => Some(it),
        Err(e) if gone(&e) => {
            return Ok(Err(format!("shard {} no longer holds it: {e}", b.shard_id)));
        }
        Err(e) => return Err(e),
    };
    let mut records = Vec::new();
    let mut in_range = 0usize;
    let mut reached_end = false;
    let mut empty_pages = 0;
    'read: while let Some(it) = iterator.take() {
        let page = match feed.get_records(&it, 1000).await {
            Ok(p) => p,
            Err(e) if gone(&e) => return Ok(Err(format!("shard {}: {e}", b.shard_id))),
            Err(e) => return Err(e),
        };
        if page.records.is_empty() {
            // An empty page does not prove the end (aws-semantics §1.3): poll on a while.
            empty_pages += 1;
            if empty_pages > MAX_EMPTY_PAGES {
                break;
            }
            tokio::time::sleep(EMPTY_PAGE_PAUSE).await;
        }
        for mut record in page.records {
            let seq = record.dynamodb.sequence_number.clone();
            if seq < start {
                continue;
            }
            if seq > end {
                reached_end = true;
                break 'read;
            }
            in_range += 1;
            if record.event_source_arn.is_none() {
                record.event_source_arn = Some(std::sync::Arc::from(arn.as_str()));
            }
            // Records the mapping's filters dropped lie inside the range too (§6.4 step 3).
            if filters.is_empty()
                || filters.matches(
                    &crate::stream::filter_value(&record, filters.reads_dynamodb())
                        .map_err(|e| TargetError::other("cannot encode a record", e))?,
                )
            {
                records.push(
                    record
                        .typed()
                        .map_err(|e| TargetError::other("a stream image is not valid JSON", e))?,
                );
            }
            if seq == end {
                reached_end = true;
                break 'read;
            }
        }
        iterator = page.next_iterator;
    }
    if in_range == 0 {
        return Ok(Err(format!(
            "no record of {}…{} is left in shard {} (past the 24 h retention?)",
            b.start_sequence_number, b.end_sequence_number, b.shard_id
        )));
    }
    if !reached_end {
        // A part of the batch is not a batch: keep the message and say so (never replay half).
        return Err(TargetError::Unavailable(format!(
            "read {in_range} record(s) of {}…{} in shard {} but not its end; try again",
            b.start_sequence_number, b.end_sequence_number, b.shard_id
        )));
    }
    Ok(Ok(records))
}

/// Empty GetRecords pages tolerated, and the pause after each, before a rehydration that has
/// not reached the batch's last record gives up for this run.
const MAX_EMPTY_PAGES: u32 = 10;
const EMPTY_PAGE_PAUSE: std::time::Duration = std::time::Duration::from_millis(100);
