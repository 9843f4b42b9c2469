//! Reading the stream for one order's records: every shard, parents before children, back to
//! `--since`, keeping the records whose key is the order's. Cheap locally; on AWS only on
//! request (`--scan-stream`), since it reads every record the stream holds in the window.

use indicatif::ProgressBar;
use orders_core::event::OrderChange;
use orders_core::{EventRecord, TextRecord, clock};

use super::{RecordView, Source};
use crate::backend::{ChangeFeed, TResult, TargetError};
use crate::stream::reader::{Event, Mode, Reader, ReaderOptions, Start};

/// The records of `order_id` created since `since_ms`, in the order read (sorted later).
pub async fn order_records(
    feed: &impl ChangeFeed,
    order_id: &str,
    since_ms: i64,
    bar: &ProgressBar,
) -> TResult<Vec<RecordView>> {
    let arn = feed.stream_arn().await?;
    let options = ReaderOptions::new(Start::Time(since_ms), Mode::Drain, &feed.pace());
    let mut reader = Reader::new(feed, arn, options);
    let mut found = Vec::new();
    let mut read = 0u64;
    while let Some(event) = reader.next().await? {
        let Event::Batch(batch) = event else {
            continue;
        };
        read += batch.records.len() as u64;
        for record in batch.records {
            if key_of(&record).as_deref() == Some(order_id) {
                found.push(view(&record, &batch.shard_id)?);
            }
        }
        bar.set_length(read);
        bar.set_position(read);
        bar.set_message(format!(
            "reading the stream ({} of this order) in",
            found.len()
        ));
    }
    Ok(found)
}

/// The `orderId` of a record's keys, if it has one.
pub fn key_of(record: &TextRecord) -> Option<String> {
    let keys: serde_json::Value = serde_json::from_str(&record.dynamodb.keys.0).ok()?;
    keys.get("orderId")?.get("S")?.as_str().map(str::to_owned)
}

/// A record read from the stream as the story shows it.
pub fn view(record: &TextRecord, shard_id: &str) -> TResult<RecordView> {
    let typed = record.typed().ok();
    let change = typed
        .as_ref()
        .and_then(|r| OrderChange::from_record(r).ok());
    let filter_value = crate::stream::filter_value(record, true)
        .map_err(|e| TargetError::Invalid(format!("a stream record is not JSON: {e}")))?;
    let mut view = RecordView::new(
        &record.event_id,
        record.event_name,
        &record.dynamodb.sequence_number,
        change.as_ref(),
        Source::Stream,
    );
    view.shard_id = Some(shard_id.to_owned());
    view.at = at(record.dynamodb.approximate_creation_date_time);
    view.filter_value = Some(filter_value);
    Ok(view)
}

/// A record a dead letter holds (its shard is not named).
pub fn typed_view(record: &EventRecord) -> RecordView {
    let change = OrderChange::from_record(record).ok();
    let mut view = RecordView::new(
        &record.event_id,
        record.event_name,
        &record.dynamodb.sequence_number,
        change.as_ref(),
        Source::DeadLetter,
    );
    view.at = at(record.dynamodb.approximate_creation_date_time);
    view.filter_value = serde_json::to_value(record).ok();
    view
}

/// ApproximateCreationDateTime (epoch seconds) as RFC 3339.
fn at(seconds: Option<f64>) -> Option<String> {
    seconds.map(|t| clock::rfc3339_s((t * 1000.0) as i64))
}
