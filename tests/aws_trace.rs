//! Issue 17, item 1 against moto: `trace` on AWS answers from the functions' markers through
//! one Query of ProcessedEvents' OrderIndex, reads the stream only with `--scan-stream`, and
//! makes the same calls whatever the stream holds.

use std::collections::HashMap;

use serde_json::Value;

use crate::support::aws::AwsEnv;
use crate::support::proxy::Proxy;
use crate::support::{create_order, for_function};

/// A pipeline on moto with demo stock and a verified sender, and one order consumed.
fn consumed() -> (AwsEnv, String) {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock", "-q"]).success();
    aws.verify_sender("orders@example.com");
    let to = format!("kim+{}@example.com", aws.orders.to_lowercase());
    let id = create_order(|a| aws.run(a), &to, "SKU-MUG:2:12.50");
    consume(&aws);
    (aws, id)
}

fn consume(aws: &AwsEnv) {
    aws.run(&["consume", "--until-idle", "--idle", "500ms", "-q"])
        .success();
}

fn verdicts(story: &Value) -> Vec<(String, String)> {
    story["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["function"].as_str().unwrap().to_owned(),
                f["verdict"]["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn issue_17_trace_on_aws_reads_every_functions_marker_through_one_query() {
    let (aws, id) = consumed();
    let proxy = Proxy::start(&aws.endpoint, 17, Vec::new());
    let story = aws
        .via(&proxy)
        .run(&["trace", &id, "-o", "json"])
        .success()
        .json();
    assert_eq!(proxy.calls("Query"), 1, "{:?}", proxy.all_calls());
    assert_eq!(story["streamRead"], false);
    assert_eq!(story["records"][0]["source"], "marker", "{story}");
    assert_eq!(story["records"][0]["newStatus"], "PENDING");
    assert_eq!(
        verdicts(&story),
        [
            ("notification", "EMAILED"),
            ("analytics", "COUNTED"),
            ("inventory", "RESERVED")
        ]
        .map(|(f, l)| (f.to_owned(), l.to_owned()))
    );
    let inventory = for_function(&story, "functions", "inventory");
    assert_eq!(
        inventory["records"][0]["effect"]["lines"][0],
        serde_json::json!({"productId": "SKU-MUG", "quantity": 2})
    );
    let email = &for_function(&story, "functions", "notification")["records"][0];
    assert_eq!(email["effect"]["subject"], format!("Order {id} confirmed"));
    assert!(email["at"].as_str().is_some(), "{email}");
}

/// Calls `trace` makes, per operation; `aws` talks to moto directly again afterwards.
fn trace_calls(aws: AwsEnv, id: &str) -> (AwsEnv, HashMap<String, u64>) {
    let proxy = Proxy::start(&aws.endpoint, 17, Vec::new());
    let mut aws = aws.via(&proxy);
    aws.run(&["trace", id, "-q"]).success();
    let endpoint = aws.endpoint.clone();
    aws.env = aws.env.env("ORDERCTL_ENDPOINT_URL", &endpoint);
    (aws, proxy.all_calls())
}

#[test]
fn issue_17_trace_on_aws_makes_the_same_calls_whatever_the_streams_size() {
    let (aws, id) = consumed();
    let (aws, small) = trace_calls(aws, &id);
    // Forty more orders, consumed: the stream holds 41 records, ProcessedEvents 123 markers.
    // (Mugs only, which are in stock: the dead-letter queue stays empty, so only the stream
    // grows between the two traces.)
    let lines: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"customerId":"c-{i}","customerEmail":"c{i}@example.com","items":[{{"productId":"SKU-MUG","quantity":1,"price":"12.50"}}]}}"#
            )
        })
        .collect();
    std::fs::write(aws.env.path().join("more.jsonl"), lines.join("\n")).unwrap();
    aws.run(&["create", "--file", "more.jsonl", "-q"]).success();
    consume(&aws);
    let (_, large) = trace_calls(aws, &id);
    assert_eq!(small, large, "trace's calls grew with the stream");
    let never: Vec<&String> = large
        .keys()
        .filter(|op| {
            ["GetRecords", "GetShardIterator", "DescribeStream", "Scan"]
                .iter()
                .any(|n| op.ends_with(n))
        })
        .collect();
    assert!(
        never.is_empty(),
        "trace read the stream or scanned: {large:?}"
    );
    let total: u64 = large.values().sum();
    // GetItem, one Query, the subscriptions (DescribeTable, ListEventSourceMappings), the
    // queue's URL and one receive and release for the peek.
    assert!(total <= 8, "{total} calls: {large:?}");
}

#[test]
fn issue_17_trace_scan_stream_finds_records_no_function_has_seen() {
    let (aws, id) = consumed();
    aws.run(&["orders", "set-status", &id, "CONFIRMED", "-q"])
        .success();
    // From the markers alone the MODIFY is invisible: nothing has processed it.
    let story = aws.run(&["trace", &id, "-o", "json"]).success().json();
    assert_eq!(story["records"].as_array().unwrap().len(), 1, "{story}");

    let story = aws
        .run(&["trace", &id, "--scan-stream", "-o", "json"])
        .code(1)
        .json();
    let records = story["records"].as_array().unwrap();
    assert_eq!(records.len(), 2, "{story}");
    assert!(records.iter().all(|r| r["source"] == "stream"), "{story}");
    assert_eq!(records[1]["newStatus"], "CONFIRMED");
    assert!(records[1]["shardId"].as_str().is_some());
    // The Lambda's position is not known on AWS: no marker yet is unknown, not guessed.
    let notification = for_function(&story, "functions", "notification");
    assert_eq!(notification["records"][1]["outcome"], "unknown", "{story}");
    assert_eq!(notification["verdict"]["state"], "pending");
    // Once consumed, the marker settles it.
    consume(&aws);
    let story = aws
        .run(&["trace", &id, "--scan-stream", "-o", "json"])
        .success()
        .json();
    let notification = for_function(&story, "functions", "notification");
    assert_eq!(
        notification["records"][1]["effect"]["subject"],
        format!("Order {id} is now CONFIRMED")
    );
}

#[test]
fn issue_17_init_adds_order_index_to_a_processed_events_table_made_without_it() {
    use aws_sdk_dynamodb::types::{
        AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
    };
    let aws = AwsEnv::new();
    // ProcessedEvents as an older orderctl made it: key eventId, no index.
    crate::support::aws::block(
        aws.ddb()
            .create_table()
            .table_name(&aws.processed)
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("eventId")
                    .attribute_type(ScalarAttributeType::S)
                    .build()
                    .unwrap(),
            )
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name("eventId")
                    .key_type(KeyType::Hash)
                    .build()
                    .unwrap(),
            )
            .billing_mode(BillingMode::PayPerRequest)
            .send(),
    )
    .unwrap();
    let index = |report: &Value| {
        report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == format!("{} OrderIndex", aws.processed))
            .unwrap_or_else(|| panic!("no OrderIndex row: {report}"))
            .clone()
    };
    let dry = aws
        .run(&["init", "--dry-run", "-o", "json"])
        .success()
        .json();
    assert_eq!(index(&dry)["state"], "would create");
    let first = aws.run(&["init", "-o", "json"]).success().json();
    assert_eq!(index(&first)["state"], "created", "{first}");
    let again = aws.run(&["init", "-o", "json"]).success().json();
    assert_eq!(index(&again)["state"], "exists", "{again}");

    // The functions' markers are now found through it.
    aws.run(&["inventory", "set", "SKU-MUG", "5", "-q"])
        .success();
    aws.verify_sender("orders@example.com");
    let id = create_order(|a| aws.run(a), "kim@example.com", "SKU-MUG:1:12.50");
    consume(&aws);
    let story = aws.run(&["trace", &id, "-o", "json"]).success().json();
    assert_eq!(
        for_function(&story, "functions", "inventory")["verdict"]["label"],
        "RESERVED"
    );
}

#[test]
fn issue_17_trace_on_aws_finds_the_dead_letter_of_a_failed_reservation_in_one_peek() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock", "-q"]).success();
    aws.verify_sender("orders@example.com");
    // Ten chairs are in stock: fifty is a permanent failure, dead-lettered by inventory.
    let id = create_order(|a| aws.run(a), "kim@example.com", "SKU-CHAIR:50:249.00");
    aws.run(&["consume", "--until-idle", "--idle", "500ms", "-q"])
        .code(1);
    let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
    let message = listed[0]["messageId"].as_str().unwrap().to_owned();

    let proxy = Proxy::start(&aws.endpoint, 17, Vec::new());
    let aws = aws.via(&proxy);
    let out = aws.run(&["trace", &id, "-o", "json"]).code(1);
    let story = out.json();
    let inventory = for_function(&story, "functions", "inventory");
    assert_eq!(inventory["verdict"]["state"], "failed", "{story}");
    let letter = &inventory["records"][0]["deadLetter"];
    assert_eq!(letter["messageId"], message.as_str());
    assert!(
        letter["error"]
            .as_str()
            .unwrap()
            .contains("insufficient stock for SKU-CHAIR"),
        "{letter}"
    );
    assert_eq!(
        inventory["verdict"]["fix"],
        format!("replay after restocking: orderctl dlq replay --id {message}")
    );
    // The others did their part. The peek: one receive that finds the message, one that finds
    // the queue drained, one release; the stale check reads the order again.
    assert_eq!(
        for_function(&story, "functions", "notification")["verdict"]["state"],
        "done"
    );
    assert_eq!(proxy.calls("ReceiveMessage"), 2, "{:?}", proxy.all_calls());
    assert_eq!(proxy.calls("ChangeMessageVisibilityBatch"), 1);
    assert_eq!(proxy.calls("Query"), 1);
    assert_eq!(proxy.calls("GetRecords"), 0);
    assert!(
        out.stderr.contains("SQS has no peek"),
        "the receive-count caveat: {}",
        out.stderr
    );
}
