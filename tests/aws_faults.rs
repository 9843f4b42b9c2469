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
//!
//! Further down: `status` with one service failing, a DeleteMessage that fails (or is applied
//! and then answered 500) under `dlq replay`, and a call that stays throttled past its retries.

use std::collections::HashMap;

use aws_sdk_dynamodbstreams::types::ShardIteratorType;

use crate::support::aws::{AwsEnv, block};
use crate::support::drain_args;
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};

pub(crate) const ORDERS: usize = 1200;
pub(crate) const STREAMS: &str = "DynamoDBStreams_20120810";

/// A fixed seed: the triggers below count calls and draw nothing, but a failure still names
/// it so a run can be replayed.
pub(crate) const SEED: u64 = 15;

/// Tables with `ORDERS` new orders (written straight to moto), and a proxy with `rules`.
pub(crate) fn setup(rules: Vec<Rule>) -> (AwsEnv, Proxy) {
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
pub(crate) fn moto_event_ids(aws: &AwsEnv) -> Vec<String> {
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
pub(crate) fn event_ids(records: &[serde_json::Value]) -> Vec<String> {
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
pub(crate) fn seen(records: &[serde_json::Value]) -> HashMap<String, usize> {
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

pub(crate) const SQS: &str = "AmazonSQS";
pub(crate) const DYNAMODB: &str = "DynamoDB_20120810";

/// Every call to `service` answered with `error`.
fn always(service: &str, error: AwsError) -> Rule {
    Rule {
        service: Some(service.to_owned()),
        operation: None,
        trigger: Trigger::Every(1),
        action: Action::Error(error),
    }
}

/// `status` through a proxy applying `rule`: exit 1, `part` says why, the others are read.
fn status_with_one_part_failing(rule: Rule, part: &str, needle: &str) {
    let aws = AwsEnv::new();
    aws.init();
    let proxy = Proxy::start(&aws.endpoint, SEED, vec![rule]);
    let aws = aws.via(&proxy);
    let out = aws.run(&["status", "-o", "json"]);
    let why = proxy.describe();
    assert!(!proxy.injected().is_empty(), "the fault never fired: {why}");
    assert_eq!(Some(out.code), Some(1), "{}; {why}", out.stderr);
    let status = out.json();
    let error = status[part]["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{part} must say why it is unavailable: {status}; {why}"));
    assert!(error.contains(needle), "{needle} in {error}; {why}");
    for (other, field) in [
        ("stream", "status"),
        ("dlq", "depth"),
        ("items", "orders"),
        ("lag", ""),
        ("subscriptions", ""),
    ] {
        if other == part {
            continue;
        }
        let value = if field.is_empty() {
            &status[other]
        } else {
            &status[other][field]
        };
        assert!(
            !value.is_null() && status[other].get("error").is_none(),
            "{other} is still read: {status}; {why}"
        );
    }
}

#[test]
fn status_with_sqs_failing_shows_the_rest_and_exits_1() {
    status_with_one_part_failing(always(SQS, AwsError::ServiceUnavailable), "dlq", "sqs:");
}

#[test]
fn status_with_cloudwatch_failing_shows_the_rest_and_exits_1() {
    let rule = Rule {
        service: None,
        operation: Some("GetMetricData".into()),
        trigger: Trigger::Every(1),
        action: Action::Error(AwsError::InternalServerError),
    };
    status_with_one_part_failing(rule, "lag", "GetMetricData");
}

#[test]
fn create_throttled_past_its_retries_says_service_operation_and_code() {
    let aws = AwsEnv::new();
    aws.init();
    let proxy = Proxy::start(
        &aws.endpoint,
        SEED,
        vec![Rule::new(
            DYNAMODB,
            "PutItem",
            Trigger::Every(1),
            Action::Error(AwsError::ProvisionedThroughputExceeded),
        )],
    );
    let aws = aws.via(&proxy);
    let out = aws.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-CHAIR:1:249.00",
    ]);
    let why = proxy.describe();
    assert!(proxy.calls("PutItem") > 1, "no retry: {why}");
    // Throttled past the retries is operational: exit 1 (issue 15; docs/output.md).
    assert_eq!(Some(out.code), Some(1), "{}; {why}", out.stderr);
    let lines: Vec<&str> = out.stderr.trim_end().lines().collect();
    assert_eq!(lines.len(), 1, "one line: {:?}; {why}", out.stderr);
    for needle in ["dynamodb:PutItem", "ProvisionedThroughputExceededException"] {
        assert!(
            lines[0].contains(needle),
            "{needle} in {:?}; {why}",
            lines[0]
        );
    }
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

/// An order each for `n` chairs more than the demo stock holds, dead-lettered by `consume`,
/// then enough stock for all of them: `n` messages a replay can deliver.
pub(crate) fn dead_letters(n: usize) -> AwsEnv {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    for i in 0..n {
        crate::support::create_order(
            |a| aws.run(a),
            &format!("c{i}@example.com"),
            "SKU-CHAIR:50:249.00",
        );
    }
    aws.dead_letter_inventory();
    assert_eq!(aws.dlq_bodies().len(), n, "one dead letter per order");
    aws.run(&["inventory", "set", "SKU-CHAIR", &(50 * n + 10).to_string()])
        .success();
    aws
}

const LETTERS: usize = 3;

#[test]
fn a_dlq_delete_applied_but_answered_500_is_counted_once() {
    let aws = dead_letters(LETTERS);
    // moto deletes the messages, the client sees a 500 and retries the batch delete.
    let proxy = Proxy::start(
        &aws.endpoint,
        SEED,
        vec![Rule::new(
            SQS,
            "DeleteMessageBatch",
            Trigger::Nth(1),
            Action::ForwardThen500,
        )],
    );
    let aws = aws.via(&proxy);
    let out = aws.run(&["dlq", "replay", "--yes", "-o", "json"]);
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 1, "the fault never fired: {why}");
    assert_eq!(
        proxy.calls("DeleteMessageBatch"),
        2,
        "one batch delete for the {LETTERS}, answered 500 and retried: {why}"
    );
    let summary = out.json();
    let deleted = summary["deleted"].as_u64().unwrap();
    let queued = aws.dlq_bodies().len() as u64;
    assert_eq!(
        deleted + queued,
        LETTERS as u64,
        "every message deleted (and counted) or still queued: {summary}; {why}"
    );
    assert_eq!(summary["replayed"], LETTERS, "{summary}; {why}");
    assert_eq!(
        Some(out.code),
        Some(if queued == 0 { 0 } else { 1 }),
        "{summary}; {why}"
    );
}

#[test]
fn a_dlq_delete_that_keeps_failing_is_reported_not_counted() {
    let aws = dead_letters(LETTERS);
    let proxy = Proxy::start(
        &aws.endpoint,
        SEED,
        vec![Rule::new(
            SQS,
            "DeleteMessageBatch",
            Trigger::Every(1),
            Action::Error(AwsError::ServiceUnavailable),
        )],
    );
    let proxied = aws.via(&proxy);
    let out = proxied.run(&["dlq", "replay", "--yes", "-o", "json"]);
    let why = proxy.describe();
    let summary = out.json();
    assert!(
        proxy.calls("DeleteMessageBatch") > 1,
        "a failed batch delete is retried: {why}"
    );
    assert_eq!(summary["replayed"], LETTERS, "{summary}; {why}");
    assert_eq!(summary["deleted"], 0, "{summary}; {why}");
    for m in summary["messages"].as_array().unwrap() {
        assert_eq!(m["deleted"], false, "{m}; {why}");
        let error = m["error"].as_str().unwrap_or_default();
        assert!(error.contains("not deleted"), "reported: {m}; {why}");
    }
    assert_eq!(
        Some(out.code),
        Some(1),
        "messages left in the queue fail the run: {summary}; {why}"
    );
    let queued = proxied.dlq_bodies().len();
    assert_eq!(queued, LETTERS, "still queued: {why}");
    // Without the fault the next replay finds them processed already and deletes them.
    let aws = AwsEnv {
        env: proxied.env.env("ORDERCTL_ENDPOINT_URL", &proxied.endpoint),
        ..proxied
    };
    let again = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(again["deleted"], LETTERS, "{again}");
    assert!(aws.dlq_bodies().is_empty());
}
