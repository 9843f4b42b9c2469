//! Issue 4 (tail) against moto: records written through the SDK by the test — not by orderctl —
//! come back in order with their images; `--until-idle` returns exactly what was written; a
//! missing table or stream is one line and exit 2. (moto has one shard that never closes:
//! lineage is covered by the local target and the fake feed.) Issue 18, item 5: an iterator
//! opened at LATEST that expires before its first record, answered by the fault proxy, loses
//! nothing written meanwhile.

use aws_sdk_dynamodb::types::AttributeValue as Av;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
};

use std::time::{Duration, Instant};

use crate::support::aws::{AwsEnv, block};
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};
use crate::support::{drain_args, finish};

fn put(aws: &AwsEnv, id: &str, status: &str) {
    block(
        aws.ddb()
            .put_item()
            .table_name(&aws.orders)
            .item("orderId", Av::S(id.into()))
            .item("customerId", Av::S("c-sdk".into()))
            .item("createdAt", Av::S("2026-11-27T00:00:00.000Z".into()))
            .item("status", Av::S(status.into()))
            .item("totalPrice", Av::N("10.00".into()))
            .send(),
    )
    .unwrap();
}

#[test]
fn records_written_by_the_sdk_come_back_in_order_with_images() {
    let aws = AwsEnv::new();
    aws.init();
    put(&aws, "sdk-1", "PENDING");
    put(&aws, "sdk-2", "PENDING");
    put(&aws, "sdk-1", "CONFIRMED");
    block(
        aws.ddb()
            .delete_item()
            .table_name(&aws.orders)
            .key("orderId", Av::S("sdk-2".into()))
            .send(),
    )
    .unwrap();
    let out = aws
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "500ms",
            "-o",
            "jsonl",
        ])
        .success();
    let records = out.jsonl();
    let summary: Vec<(String, String)> = records
        .iter()
        .map(|r| {
            (
                r["eventName"].as_str().unwrap().to_owned(),
                r["dynamodb"]["Keys"]["orderId"]["S"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    let want = [
        ("INSERT", "sdk-1"),
        ("INSERT", "sdk-2"),
        ("MODIFY", "sdk-1"),
        ("REMOVE", "sdk-2"),
    ];
    assert_eq!(summary, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    let modify = &records[2]["dynamodb"];
    assert_eq!(modify["OldImage"]["status"]["S"], "PENDING");
    assert_eq!(modify["NewImage"]["status"]["S"], "CONFIRMED");
    assert_eq!(modify["NewImage"]["totalPrice"]["N"], "10.00");
    assert!(records[3]["dynamodb"]["NewImage"].is_null());
    assert_eq!(records[3]["dynamodb"]["OldImage"]["orderId"]["S"], "sdk-2");
    let seqs: Vec<u128> = records
        .iter()
        .map(|r| {
            r["dynamodb"]["SequenceNumber"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    for r in &records {
        assert_eq!(r["eventSource"], "aws:dynamodb");
        assert!(
            r["eventSourceARN"]
                .as_str()
                .unwrap()
                .contains(&format!("table/{}/stream/", aws.orders))
        );
        assert!(r["dynamodb"]["ApproximateCreationDateTime"].is_number());
    }
}

#[test]
fn until_idle_from_trim_horizon_returns_exactly_the_records_written() {
    let aws = AwsEnv::new();
    aws.init();
    aws.run(&["create", "--count", "25", "--concurrency", "4"])
        .success();
    let out = aws
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "500ms",
            "-o",
            "json",
        ])
        .success();
    let records = out.json();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 25);
    let ids: std::collections::HashSet<_> = records
        .iter()
        .map(|r| r["eventID"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 25);
    // A checkpointed second run sees nothing new; a later write is picked up.
    aws.run(&drain_args(&["--checkpoint", "cp.json", "-q"]))
        .success();
    put(&aws, "late-1", "PENDING");
    let again = aws.run(&drain_args(&["--checkpoint", "cp.json"])).success();
    let again = again.jsonl();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["dynamodb"]["Keys"]["orderId"]["S"], "late-1");
}

#[test]
fn a_missing_table_or_stream_is_exit_2() {
    let aws = AwsEnv::new();
    aws.run(&["tail"])
        .input_error(&format!("table {} not found", aws.orders));
    // A table without a stream.
    block(
        aws.ddb()
            .create_table()
            .table_name(&aws.orders)
            .billing_mode(BillingMode::PayPerRequest)
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name("orderId")
                    .key_type(KeyType::Hash)
                    .build()
                    .unwrap(),
            )
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("orderId")
                    .attribute_type(ScalarAttributeType::S)
                    .build()
                    .unwrap(),
            )
            .send(),
    )
    .unwrap();
    aws.run(&["tail", "--until-idle"])
        .input_error("has no stream");
}

/// Wait until the proxy has seen `n` calls to `operation`.
fn wait_for_calls(proxy: &Proxy, operation: &str, n: u64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while proxy.calls(operation) < n {
        assert!(
            Instant::now() < deadline,
            "no {operation} call {n}: {}",
            proxy.describe()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Issue 18, item 5. `tail --from latest` blocked before its first record (a slow stdout) finds
/// its iterator expired; the proxy answers the first GetRecords with ExpiredIteratorException
/// and holds the reopen for `GAP` while the test writes. Reopening at LATEST skipped what was
/// written in the gap; now every order written after tail started is printed exactly once, and
/// none written before it.
#[test]
fn tail_from_latest_loses_nothing_when_its_first_iterator_expires() {
    const GAP: Duration = Duration::from_secs(4);
    let streams = "DynamoDBStreams_20120810";
    let rules = vec![
        Rule::new(
            streams,
            "GetRecords",
            Trigger::Nth(1),
            Action::Error(AwsError::ExpiredIterator),
        ),
        Rule::new(
            streams,
            "GetShardIterator",
            Trigger::Nth(2),
            Action::Latency(GAP),
        ),
    ];
    let aws = AwsEnv::new();
    aws.init();
    for id in ["before-1", "before-2", "before-3"] {
        put(&aws, id, "PENDING");
    }
    // Well before the start: past the rounding to the second and the clock-skew allowance.
    std::thread::sleep(Duration::from_millis(3500));
    let proxy = Proxy::start(&aws.endpoint, 18, rules);
    let aws = aws.via(&proxy);
    let args = [
        "tail",
        "--from",
        "latest",
        "--until-idle",
        "--idle",
        "5s",
        "-o",
        "jsonl",
    ];
    let tail = aws.env.spawn(&args);
    // The reopen after the expiry has arrived and is held: write in the gap.
    wait_for_calls(&proxy, "GetShardIterator", 2);
    let reopen = Instant::now();
    for id in ["gap-1", "gap-2", "gap-3"] {
        put(&aws, id, "PENDING");
    }
    assert!(
        reopen.elapsed() < GAP,
        "the writes took longer than the gap; raise GAP: {}",
        proxy.describe()
    );
    // Read again after the reopen; then more.
    wait_for_calls(&proxy, "GetRecords", 2);
    for id in ["after-1", "after-2"] {
        put(&aws, id, "PENDING");
    }
    let out = finish(tail, &args).success();
    let why = proxy.describe();
    assert_eq!(proxy.injected().len(), 2, "the faults never fired: {why}");
    let printed: Vec<String> = out
        .jsonl()
        .iter()
        .map(|r| {
            r["dynamodb"]["Keys"]["orderId"]["S"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        printed,
        ["gap-1", "gap-2", "gap-3", "after-1", "after-2"],
        "every order written after tail started, once, in order: {}; {why}",
        out.stderr
    );
}
