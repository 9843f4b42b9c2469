//! Issue 15: the AWS target under faults, through the fault-injecting proxy in front of moto.
//! moto itself never expires an iterator nor trims a shard (testing.md, Traps), so the proxy
//! answers those errors on chosen calls and the tests check what orderctl does with them:
//! an expired iterator is reopened AFTER the last sequence number read, with no record skipped
//! or repeated; a trimmed range is reported, never skipped in silence.
//!
//! moto answers GetRecords with at most the 1,000 records asked for, so 1,200 orders give two
//! pages and a fault on the second GetRecords lands between them: reopening from the trim
//! horizon would repeat the first page, from LATEST would skip the rest. What orderctl prints
//! is compared with the stream as the test reads it from moto directly.
//!
//! The orders are written one at a time: moto numbers stream records `len(items) + start`
//! without a lock, so concurrent writes can share a sequence number.

use std::collections::HashMap;

use aws_sdk_dynamodbstreams::types::ShardIteratorType;

use crate::support::aws::{AwsEnv, block};
use crate::support::drain_args;
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};

const ORDERS: usize = 1200;
const STREAMS: &str = "DynamoDBStreams_20120810";

/// A fixed seed: the triggers below count calls and draw nothing, but a failure still names
/// it so a run can be replayed.
const SEED: u64 = 15;

/// Tables with `ORDERS` new orders (written straight to moto), and a proxy with `rules`.
fn setup(rules: Vec<Rule>) -> (AwsEnv, Proxy) {
    let aws = AwsEnv::new();
    aws.init();
    let count = ORDERS.to_string();
    aws.run(&[
        "create",
        "--count",
        &count,
        "--concurrency",
        "1",
        "--seed",
        "15",
        "-q",
    ])
    .success();
    let proxy = Proxy::start(&aws.endpoint, SEED, rules);
    (aws.via(&proxy), proxy)
}

/// The event ids of the orders stream, read from moto without the proxy.
fn moto_event_ids(aws: &AwsEnv) -> Vec<String> {
    let streams = aws.streams();
    block(async {
        let arn = aws
            .ddb()
            .describe_table()
            .table_name(&aws.orders)
            .send()
            .await
            .unwrap()
            .table
            .unwrap()
            .latest_stream_arn
            .unwrap();
        let stream = streams
            .describe_stream()
            .stream_arn(&arn)
            .send()
            .await
            .unwrap();
        let shard = stream.stream_description.unwrap().shards.unwrap()[0]
            .shard_id
            .clone()
            .unwrap();
        let mut iterator = streams
            .get_shard_iterator()
            .stream_arn(&arn)
            .shard_id(shard)
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send()
            .await
            .unwrap()
            .shard_iterator;
        let mut ids = Vec::new();
        while let Some(it) = iterator {
            let page = streams
                .get_records()
                .shard_iterator(it)
                .send()
                .await
                .unwrap();
            if page.records().is_empty() {
                break;
            }
            ids.extend(page.records().iter().map(|r| r.event_id.clone().unwrap()));
            iterator = page.next_shard_iterator;
        }
        ids
    })
}

/// The event ids orderctl printed, in order.
fn event_ids(records: &[serde_json::Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            r["eventID"]
                .as_str()
                .unwrap_or_else(|| panic!("a record without an eventID: {r}"))
                .to_owned()
        })
        .collect()
}

/// Each record's sequence number with how often it came back.
fn seen(records: &[serde_json::Value]) -> HashMap<String, usize> {
    let mut seen = HashMap::new();
    for r in records {
        let seq = r["dynamodb"]["SequenceNumber"]
            .as_str()
            .unwrap_or_else(|| panic!("a record without a sequence number: {r}"))
            .to_owned();
        *seen.entry(seq).or_default() += 1;
    }
    seen
}

#[test]
fn tail_reopens_an_expired_iterator_after_its_last_record() {
    let rule = Rule::new(
        STREAMS,
        "GetRecords",
        Trigger::Nth(2),
        Action::Error(AwsError::ExpiredIterator),
    );
    let (aws, proxy) = setup(vec![rule]);
    let out = aws.run(&drain_args(&[])).success();
    let records = out.jsonl();
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 1, "the fault never fired: {why}");
    let seen = seen(&records);
    let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "records repeated: {repeated:?}; {why}");
    let expected = moto_event_ids(&aws);
    assert_eq!(expected.len(), ORDERS);
    assert!(
        event_ids(&records) == expected,
        "{} records printed, {ORDERS} in the stream: not each exactly once, in order; {why}",
        records.len()
    );
    // One reopen: the first iterator, then one AFTER the last record read.
    assert_eq!(proxy.calls("GetShardIterator"), 2, "{why}");
}

#[test]
fn consume_reopens_an_expired_iterator_after_its_last_record() {
    let rule = Rule::new(
        STREAMS,
        "GetRecords",
        Trigger::Nth(2),
        Action::Error(AwsError::ExpiredIterator),
    );
    let (aws, proxy) = setup(vec![rule]);
    let summary = aws
        .run(&[
            "consume",
            "--function",
            "analytics",
            "--until-idle",
            "--idle",
            "300ms",
            "-o",
            "json",
        ])
        .success()
        .json();
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 1, "the fault never fired: {why}");
    let analytics = crate::support::for_function(&summary, "functions", "analytics");
    assert_eq!(
        analytics["ok"], ORDERS,
        "every record once, none skipped or repeated: {summary}; {why}"
    );
    assert_eq!(proxy.calls("GetShardIterator"), 2, "{why}");
}

#[test]
fn a_trimmed_get_records_is_reported() {
    let rule = Rule::new(
        STREAMS,
        "GetRecords",
        Trigger::Nth(2),
        Action::Error(AwsError::TrimmedDataAccess),
    );
    let (aws, proxy) = setup(vec![rule]);
    let out = aws.run(&drain_args(&[]));
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 1, "the fault never fired: {why}");
    assert!(
        out.stderr.contains("trimmed"),
        "a trimmed range must be reported on stderr: {:?}; {why}",
        out.stderr
    );
    // Nothing that was readable is lost (moto's trim horizon is still the first record, so
    // reading on from it repeats the first page; AWS's would lie past the trimmed range).
    assert_eq!(seen(&out.jsonl()).len(), ORDERS, "{why}");
}

#[test]
fn a_trimmed_reopen_after_expiry_is_reported() {
    let rules = vec![
        Rule::new(
            STREAMS,
            "GetRecords",
            Trigger::Nth(2),
            Action::Error(AwsError::ExpiredIterator),
        ),
        Rule::new(
            STREAMS,
            "GetShardIterator",
            Trigger::Nth(2),
            Action::Error(AwsError::TrimmedDataAccess),
        ),
    ];
    let (aws, proxy) = setup(rules);
    let out = aws.run(&drain_args(&[]));
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 2, "the faults never fired: {why}");
    assert!(
        out.stderr.contains("trimmed"),
        "a trimmed range must be reported on stderr: {:?}; {why}",
        out.stderr
    );
    assert_eq!(seen(&out.jsonl()).len(), ORDERS, "{why}");
}

#[test]
fn a_trimmed_first_iterator_fails_the_run() {
    // Nothing can be read from where the reader was told to start: one line, exit 2.
    let rule = Rule::new(
        STREAMS,
        "GetShardIterator",
        Trigger::Every(1),
        Action::Error(AwsError::TrimmedDataAccess),
    );
    let (aws, proxy) = setup(vec![rule]);
    let out = aws.run(&drain_args(&[])).code(2);
    assert!(
        out.stderr.contains("trimmed"),
        "{:?}; {}",
        out.stderr,
        proxy.describe()
    );
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}
