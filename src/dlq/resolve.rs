//! From a dead letter to the records to replay and the function to replay them into: the
//! envelope's record as it is; for Lambda's on-failure record, `[startSequenceNumber,
//! endSequenceNumber]` of its shard re-read from the stream (aws-semantics §6.4 steps 2–3,
//! numeric comparison, the function's filters applied again) — unrecoverable once trimmed.

use orders_core::dlq::{DlqBody, OnFailureRecord};
use orders_core::{EventRecord, SequenceNumber};

use crate::filter::{FilterSet, Profile};
use crate::functions::{Function, Subscriptions};
use crate::target::{ChangeFeed, IteratorKind, TargetError};

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
        DlqBody::OnFailure(r) => r
            .request_context
            .function_arn
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .to_owned(),
        DlqBody::Unreadable(_) => return Err("unreadable".into()),
    };
    Function::by_name(&name)
        .or_else(|| subs.iter().find(|(_, s)| s.lambda_name == name).map(|(f, _)| *f))
        .ok_or_else(|| {
            format!("no bundled function matches {name:?} (set lambda_name under [functions.NAME] in orderctl.toml, or use --function)")
        })
}

/// Resolve a message body against the target's stream.
pub async fn resolve(
    body: &DlqBody,
    feed: &impl ChangeFeed,
    subs: &Subscriptions,
    chosen: Option<Function>,
) -> Result<Resolved, TargetError> {
    let function = match function_for(body, subs, chosen) {
        Ok(f) => f,
        Err(_) if matches!(body, DlqBody::Unreadable(_)) => Function::Notification,
        Err(why) => return Ok(Resolved::NoFunction(why)),
    };
    match body {
        DlqBody::Unreadable(why) => Ok(Resolved::Unreadable(why.clone())),
        DlqBody::Envelope(e) => Ok(Resolved::Records {
            function,
            records: vec![e.record.clone()],
        }),
        DlqBody::OnFailure(r) => {
            let filters =
                crate::cmd::filter::load_patterns(&subs[&function].filters, Profile::Lambda)
                    .map_err(|e| {
                        TargetError::Invalid(format!("{}'s filters: {e}", function.name()))
                    })?;
            rehydrate(r, feed, &filters)
                .await
                .map(|outcome| match outcome {
                    Ok(records) => Resolved::Records { function, records },
                    Err(why) => Resolved::Unrecoverable(why),
                })
        }
    }
}

/// Re-read the batch an on-failure record describes. `Ok(Err(why))` when it is gone.
async fn rehydrate(
    r: &OnFailureRecord,
    feed: &impl ChangeFeed,
    filters: &FilterSet,
) -> Result<Result<Vec<EventRecord>, String>, TargetError> {
    let b = &r.batch_info;
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
    let mut empty_pages = 0;
    'read: while let Some(it) = iterator.take() {
        let page = match feed.get_records(&it, 1000).await {
            Ok(p) => p,
            Err(e) if gone(&e) => return Ok(Err(format!("shard {}: {e}", b.shard_id))),
            Err(e) => return Err(e),
        };
        if page.records.is_empty() {
            // An empty page does not prove the end (aws-semantics §1.3); give up after a few.
            empty_pages += 1;
            if empty_pages > 3 {
                break;
            }
        }
        for mut record in page.records {
            let seq = record.dynamodb.sequence_number.clone();
            if seq < start {
                continue;
            }
            if seq > end {
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
        }
        iterator = page.next_iterator;
    }
    if in_range == 0 {
        return Ok(Err(format!(
            "no record of {}…{} is left in shard {} (past the 24 h retention?)",
            b.start_sequence_number, b.end_sequence_number, b.shard_id
        )));
    }
    Ok(Ok(records))
}
