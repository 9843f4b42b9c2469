//! The stream reader against a scripted fake feed: lineage across pages of shards, iterator
//! expiry, trimming, throttling and start positions — the cases moto cannot produce
//! (../shared/docs/testing.md: one shard, never closed).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;

use orders_core::record::{EventRecord, StreamRecord};
use orders_core::{EventName, ImageText, SequenceNumber, TextRecord};

use super::cursor::ShardCursor;
use super::reader::{Event, Mode, Reader, ReaderOptions, Start};
use crate::backend::{
    ChangeFeed, FeedPace, IteratorKind, RecordsPage, ShardDesc, StreamPage, TResult, TargetError,
};

fn seq(n: u128) -> SequenceNumber {
    SequenceNumber::from_u128(n)
}

fn record(n: u128, key: &str) -> TextRecord {
    let raw = ImageText;
    EventRecord {
        event_id: format!("{n:032x}"),
        event_name: EventName::Insert,
        event_version: "1.1".into(),
        event_source: "aws:dynamodb".into(),
        aws_region: "us-east-1".into(),
        user_identity: None,
        dynamodb: StreamRecord {
            approximate_creation_date_time: Some(1_000.0 + n as f64),
            keys: raw(format!(r#"{{"orderId":{{"S":"{key}"}}}}"#)),
            new_image: None,
            old_image: None,
            sequence_number: seq(n),
            size_bytes: Some(10),
            stream_view_type: Some("NEW_AND_OLD_IMAGES".into()),
        },
        event_source_arn: None,
    }
}

/// A scripted stream: shards with their records, and faults to inject.
#[derive(Default)]
struct Fake {
    shards: Vec<(ShardDesc, Vec<TextRecord>)>,
    expire_next: Cell<u32>,
    throttle_next: Cell<u32>,
    /// Empty pages to give before any data (AWS may, aws-semantics §1.3).
    empty_next: Cell<u32>,
    trimmed_below: Cell<usize>,
    page_size: usize,
    describe_calls: Cell<u32>,
    child_lookups: Cell<u32>,
    iterators: RefCell<HashMap<String, (usize, usize)>>,
}

impl Fake {
    fn shard(&mut self, id: &str, parent: Option<&str>, seqs: &[u128], closed: bool) {
        let records = seqs
            .iter()
            .map(|n| record(*n, &format!("k{}", n % 3)))
            .collect();
        let start = seqs.first().copied().unwrap_or(1);
        self.shards.push((
            ShardDesc {
                shard_id: id.into(),
                parent_shard_id: parent.map(Into::into),
                starting_sequence_number: seq(start),
                ending_sequence_number: closed.then(|| seq(seqs.last().copied().unwrap_or(start))),
            },
            records,
        ));
    }

    fn iterator(&self, shard: usize, index: usize) -> String {
        let id = format!("it-{}", self.iterators.borrow().len());
        self.iterators
            .borrow_mut()
            .insert(id.clone(), (shard, index));
        id
    }
}

impl ChangeFeed for Fake {
    async fn stream_arn(&self) -> TResult<String> {
        Ok("arn:fake".into())
    }

    async fn describe_stream(
        &self,
        _: &str,
        start: Option<&str>,
        child_of: Option<&str>,
    ) -> TResult<StreamPage> {
        self.describe_calls.set(self.describe_calls.get() + 1);
        if let Some(parent) = child_of {
            self.child_lookups.set(self.child_lookups.get() + 1);
            let shards = self
                .shards
                .iter()
                .filter(|(d, _)| d.parent_shard_id.as_deref() == Some(parent))
                .map(|(d, _)| d.clone())
                .collect();
            return Ok(StreamPage {
                stream_arn: "arn:fake".into(),
                stream_status: "ENABLED".into(),
                stream_view_type: "NEW_AND_OLD_IMAGES".into(),
                table_name: "Orders".into(),
                shards,
                last_evaluated_shard_id: None,
            });
        }
        // Pages of two shards, to exercise ExclusiveStartShardId.
        let from = start.map_or(0, |s| {
            self.shards
                .iter()
                .position(|(d, _)| d.shard_id == s)
                .map_or(0, |i| i + 1)
        });
        let page: Vec<ShardDesc> = self
            .shards
            .iter()
            .skip(from)
            .take(2)
            .map(|(d, _)| d.clone())
            .collect();
        let last = (from + 2 < self.shards.len())
            .then(|| page.last().map(|d| d.shard_id.clone()))
            .flatten();
        Ok(StreamPage {
            stream_arn: "arn:fake".into(),
            stream_status: "ENABLED".into(),
            stream_view_type: "NEW_AND_OLD_IMAGES".into(),
            table_name: "Orders".into(),
            shards: page,
            last_evaluated_shard_id: last,
        })
    }

    async fn shard_iterator(
        &self,
        _: &str,
        shard_id: &str,
        kind: &IteratorKind,
    ) -> TResult<String> {
        let i = self
            .shards
            .iter()
            .position(|(d, _)| d.shard_id == shard_id)
            .ok_or_else(|| TargetError::NotFound(shard_id.into()))?;
        let records = &self.shards[i].1;
        let index = match kind {
            IteratorKind::TrimHorizon => self.trimmed_below.get().min(records.len()),
            IteratorKind::Latest => records.len(),
            IteratorKind::At(s) => records
                .iter()
                .position(|r| r.dynamodb.sequence_number >= *s)
                .unwrap_or(records.len()),
            IteratorKind::After(s) => records
                .iter()
                .position(|r| r.dynamodb.sequence_number > *s)
                .unwrap_or(records.len()),
        };
        if index < self.trimmed_below.get() {
            return Err(TargetError::TrimmedData("trimmed".into()));
        }
        Ok(self.iterator(i, index))
    }

    async fn get_records(&self, iterator: &str, limit: usize) -> TResult<RecordsPage> {
        if self.throttle_next.get() > 0 {
            self.throttle_next.set(self.throttle_next.get() - 1);
            return Err(TargetError::Throttled("slow down".into()));
        }
        if self.expire_next.get() > 0 {
            self.expire_next.set(self.expire_next.get() - 1);
            return Err(TargetError::ExpiredIterator("expired".into()));
        }
        let (shard, index) = *self
            .iterators
            .borrow()
            .get(iterator)
            .ok_or_else(|| TargetError::Invalid("bad iterator".into()))?;
        if self.empty_next.get() > 0 {
            self.empty_next.set(self.empty_next.get() - 1);
            return Ok(RecordsPage {
                records: Vec::new(),
                next_iterator: Some(self.iterator(shard, index)),
            });
        }
        if index < self.trimmed_below.get() {
            return Err(TargetError::TrimmedData("trimmed".into()));
        }
        let (desc, records) = &self.shards[shard];
        let end = (index + limit.min(self.page_size.max(1))).min(records.len());
        let page: Vec<TextRecord> = records[index..end].to_vec();
        let next = if desc.is_closed() && end >= records.len() {
            None
        } else {
            Some(self.iterator(shard, end))
        };
        Ok(RecordsPage {
            records: page,
            next_iterator: next,
        })
    }
}

async fn read_all(fake: &Fake, opts: ReaderOptions) -> (Vec<(String, u128)>, Vec<String>) {
    let mut reader = Reader::new(fake, "arn:fake".into(), opts);
    let (mut seen, mut warnings) = (Vec::new(), Vec::new());
    while let Some(event) = reader.next().await.unwrap() {
        match event {
            Event::Batch(b) => seen.extend(b.records.iter().map(|r| {
                (
                    b.shard_id.to_string(),
                    r.dynamodb.sequence_number.to_u128().unwrap(),
                )
            })),
            Event::Warning(w) => warnings.push(w),
            Event::Finished(_) => {}
        }
    }
    (seen, warnings)
}

fn opts(start: Start) -> ReaderOptions {
    ReaderOptions::new(start, Mode::Drain, &FeedPace::local())
}

fn lineage_fake() -> Fake {
    let mut f = Fake {
        page_size: 2,
        ..Fake::default()
    };
    f.shard("a", None, &[1, 3, 5], true);
    f.shard("b", Some("a"), &[7, 9], true);
    f.shard("c", Some("b"), &[11, 13], false);
    f.shard("x", None, &[2, 4, 6, 8], false);
    f
}

#[tokio::test]
async fn parents_are_read_to_their_end_before_children_across_describe_pages() {
    let fake = lineage_fake();
    let (seen, _) = read_all(&fake, opts(Start::TrimHorizon)).await;
    assert_eq!(seen.len(), 11);
    let pos = |s: &str, n: u128| seen.iter().position(|x| x == &(s.to_owned(), n)).unwrap();
    assert!(pos("a", 5) < pos("b", 7));
    assert!(pos("b", 9) < pos("c", 11));
    let in_a: Vec<u128> = seen
        .iter()
        .filter(|(s, _)| s == "a")
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(in_a, [1, 3, 5], "order within a shard");
    assert!(
        fake.describe_calls.get() >= 2,
        "paged through DescribeStream"
    );
    assert_eq!(
        fake.child_lookups.get(),
        2,
        "children found with CHILD_SHARDS when a and b closed"
    );
}

#[tokio::test]
async fn an_expired_iterator_is_reopened_after_the_last_record_seen() {
    let fake = lineage_fake();
    let mut cursor = ShardCursor::new(
        "arn:fake",
        fake.shards[3].0.clone(),
        IteratorKind::TrimHorizon,
    );
    let first = cursor.fetch(&fake, 2).await.unwrap();
    assert_eq!(first.records.len(), 2);
    fake.expire_next.set(1);
    let second = cursor.fetch(&fake, 2).await.unwrap();
    let seqs: Vec<u128> = second
        .records
        .iter()
        .map(|r| r.dynamodb.sequence_number.to_u128().unwrap())
        .collect();
    assert_eq!(seqs, [6, 8], "no gap, no repeat");
    assert_eq!(
        second.records[0].event_source_arn.as_deref(),
        Some("arn:fake")
    );
}

/// Every record a cursor returns until a page comes back empty.
async fn read_until_empty(cursor: &mut ShardCursor, fake: &Fake) -> Vec<u128> {
    let mut seqs = Vec::new();
    loop {
        let fetch = cursor.fetch(fake, 2).await.unwrap();
        if fetch.records.is_empty() {
            return seqs;
        }
        seqs.extend(
            fetch
                .records
                .iter()
                .map(|r| r.dynamodb.sequence_number.to_u128().unwrap()),
        );
    }
}

/// Issue 18, item 5: `tail --from latest` blocked for 15 minutes before its first record (a
/// slow stdout) must not reopen at LATEST, which would skip what was written in the gap, nor
/// print what was there before it started.
#[tokio::test]
async fn an_expired_latest_iterator_skips_nothing_written_since_it_opened() {
    // Records 1..=3 were created at 1,001..1,003 s; the cursor opens at 1,010 s.
    let (clock, _installed) = orders_core::clock::ManualClock::install_at(1_010_000);
    let mut fake = Fake {
        page_size: 2,
        ..Fake::default()
    };
    fake.shard("open", None, &[1, 2, 3], false);
    let mut cursor = ShardCursor::new("arn:fake", fake.shards[0].0.clone(), IteratorKind::Latest);
    assert!(cursor.fetch(&fake, 2).await.unwrap().records.is_empty());
    // 15 minutes later: two records were written meanwhile, and the iterator has expired.
    clock.advance(15 * 60 * 1000);
    fake.shards[0]
        .1
        .extend([record(14, "k1"), record(15, "k2")]);
    fake.expire_next.set(1);
    assert_eq!(read_until_empty(&mut cursor, &fake).await, [14, 15]);
    // Expired again: reopened after the last record read, nothing repeated.
    fake.shards[0].1.push(record(16, "k0"));
    fake.expire_next.set(1);
    assert_eq!(read_until_empty(&mut cursor, &fake).await, [16]);

    // Expired on the very first GetRecords: nothing from before the start either.
    let mut cursor = ShardCursor::new("arn:fake", fake.shards[0].0.clone(), IteratorKind::Latest);
    fake.expire_next.set(1);
    assert!(read_until_empty(&mut cursor, &fake).await.is_empty());
    fake.shards[0].1.push(record(20_000, "k1"));
    assert_eq!(read_until_empty(&mut cursor, &fake).await, [20_000]);
}

#[tokio::test]
async fn trimmed_data_warns_and_continues_from_the_trim_horizon() {
    let fake = lineage_fake();
    let mut cursor = ShardCursor::new(
        "arn:fake",
        fake.shards[3].0.clone(),
        IteratorKind::TrimHorizon,
    );
    cursor.fetch(&fake, 1).await.unwrap();
    fake.trimmed_below.set(3);
    fake.expire_next.set(1);
    let after = cursor.fetch(&fake, 10).await.unwrap();
    assert!(after.trimmed);
    assert_eq!(after.records[0].dynamodb.sequence_number.to_u128(), Some(8));
    let mut reader_fake = lineage_fake();
    reader_fake.trimmed_below.set(1);
    reader_fake.shards.truncate(1);
    let (seen, warnings) = read_all(&reader_fake, opts(Start::At(seq(1)))).await;
    assert!(
        warnings.iter().any(|w| w.contains("trimmed")),
        "{warnings:?}"
    );
    // Record 1 is trimmed: reading goes on from the trim horizon, with all that is left.
    assert_eq!(seen, [("a".to_owned(), 3), ("a".to_owned(), 5)]);
}

#[tokio::test(start_paused = true)]
async fn throttling_backs_off_and_recovers_or_gives_up() {
    let fake = lineage_fake();
    fake.throttle_next.set(3);
    let (seen, warnings) = read_all(&fake, opts(Start::TrimHorizon)).await;
    assert_eq!(seen.len(), 11, "nothing lost");
    assert!(
        warnings.iter().any(|w| w.contains("retrying in")),
        "{warnings:?}"
    );
    let fake = lineage_fake();
    fake.throttle_next.set(1000);
    let mut reader = Reader::new(&fake, "arn:fake".into(), opts(Start::TrimHorizon));
    let err = loop {
        match reader.next().await {
            Ok(Some(_)) => continue,
            Ok(None) => panic!("should give up"),
            Err(e) => break e,
        }
    };
    assert!(err.is_transient());
}

#[tokio::test]
async fn start_positions() {
    let fake = lineage_fake();
    let seqs = |v: Vec<(String, u128)>| {
        let mut n: Vec<u128> = v.into_iter().map(|(_, n)| n).collect();
        n.sort();
        n
    };
    assert_eq!(
        seqs(read_all(&fake, opts(Start::At(seq(7)))).await.0),
        [7, 8, 9, 11, 13]
    );
    assert_eq!(
        seqs(read_all(&fake, opts(Start::After(seq(7)))).await.0),
        [8, 9, 11, 13]
    );
    assert_eq!(
        seqs(read_all(&fake, opts(Start::Time(1_009_000))).await.0),
        [9, 11, 13]
    );
    assert!(read_all(&fake, opts(Start::Latest)).await.0.is_empty());
}

#[tokio::test(start_paused = true)]
async fn until_idle_stops_once_every_open_shard_stayed_empty() {
    let fake = lineage_fake();
    let mut o = ReaderOptions::new(
        Start::TrimHorizon,
        Mode::UntilIdle(Duration::from_secs(2)),
        &FeedPace::local(),
    );
    o.concurrency = 2;
    let started = tokio::time::Instant::now();
    let (seen, _) = read_all(&fake, o).await;
    assert_eq!(seen.len(), 11);
    assert!(started.elapsed() >= Duration::from_secs(2));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn on_aws_a_drain_reads_past_empty_pages_of_an_open_shard() {
    let mut fake = Fake {
        page_size: 10,
        ..Fake::default()
    };
    fake.shard("open", None, &[1, 2, 3], false);
    fake.empty_next.set(2);
    let (seen, _) = read_all(
        &fake,
        ReaderOptions::new(Start::TrimHorizon, Mode::Drain, &FeedPace::streams()),
    )
    .await;
    assert_eq!(
        seen.len(),
        3,
        "two empty pages before the data are not the end (§1.3)"
    );
    // Locally an empty page is the end of what exists.
    fake.empty_next.set(1);
    let (seen, _) = read_all(&fake, opts(Start::TrimHorizon)).await;
    assert!(seen.is_empty());
}
