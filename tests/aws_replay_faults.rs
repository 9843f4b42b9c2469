//! Issue 18, items 6 and 7: `dlq replay` on AWS when its hold on a message fails or its
//! function answers late, through the fault-injecting proxy in front of moto.
//!
//! Item 7: a heartbeat (ChangeMessageVisibility) that fails means the receipt handle may be
//! stale — the visibility lapsed, or reached the 12 h cap — and a DeleteMessage with a stale
//! handle can succeed without deleting (aws-semantics §6.1). The message must be reported as
//! not deleted, and the run exit 1.

use std::time::Duration;

use crate::support::aws::AwsEnv;
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};

const SEED: u64 = 18;
const DYNAMODB: &str = "DynamoDB_20120810";
const SQS: &str = "AmazonSQS";

/// A dead letter of the inventory function (the fixture's order of 50 chairs) with enough
/// stock for its replay to succeed.
fn one_dead_letter() -> AwsEnv {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.run(&["inventory", "set", "SKU-CHAIR", "60"]).success();
    let envelope = crate::support::fixture("dlq/envelope.json");
    let envelope = std::fs::read_to_string(envelope).unwrap();
    aws.run(&["dlq", "send", "--body", &envelope]).success();
    aws
}

/// Every DynamoDB call takes a while, so a heartbeat falls due while the message is replayed;
/// every ChangeMessageVisibility fails.
fn failing_heartbeats(aws: &AwsEnv) -> Proxy {
    Proxy::start(
        &aws.endpoint,
        SEED,
        vec![
            Rule {
                service: Some(DYNAMODB.into()),
                operation: None,
                trigger: Trigger::Every(1),
                action: Action::Latency(Duration::from_millis(1200)),
            },
            Rule::new(
                SQS,
                "ChangeMessageVisibilityBatch",
                Trigger::Every(1),
                Action::Error(AwsError::InternalServerError),
            ),
        ],
    )
}

#[test]
fn issue_18_a_replay_whose_heartbeat_fails_is_not_deleted() {
    let aws = one_dead_letter();
    let proxy = failing_heartbeats(&aws);
    let aws = aws.via(&proxy);
    let out = aws.run(&[
        "dlq",
        "replay",
        // The fixture's order is not in the table: replay it anyway.
        "--stale",
        "replay",
        "--visibility-timeout",
        "1s",
        "--yes",
        "-o",
        "json",
    ]);
    let why = proxy.describe();
    assert!(
        proxy.calls("ChangeMessageVisibilityBatch") > 0,
        "no heartbeat fell due: {why}"
    );
    let summary = out.json();
    assert_eq!(
        Some(out.code),
        Some(1),
        "a message left in the queue fails the run: {summary}; {why}"
    );
    assert_eq!(summary["deleted"], 0, "{summary}; {why}");
    let message = &summary["messages"][0];
    assert_eq!(message["deleted"], false, "{message}; {why}");
    let error = message["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("not deleted") && error.contains("ChangeMessageVisibility"),
        "says why: {message}; {why}"
    );
    assert_eq!(
        proxy.calls("DeleteMessage") + proxy.calls("DeleteMessageBatch"),
        0,
        "no delete with a handle that may be stale: {why}"
    );
    // Once its visibility has lapsed the message is back, and a replay without the faults
    // finds its record processed already and deletes it: the stock was taken once.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(aws.dlq_bodies().len(), 1, "still queued: {why}");
    let aws = AwsEnv {
        env: aws.env.env("ORDERCTL_ENDPOINT_URL", &aws.endpoint),
        ..aws
    };
    let again = aws
        .run(&["dlq", "replay", "--stale", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(
        (again["deleted"].as_u64(), again["duplicates"].as_u64()),
        (Some(1), Some(1)),
        "{again}"
    );
    let stock = aws
        .run(&["inventory", "get", "SKU-CHAIR", "-o", "json"])
        .success()
        .json();
    assert_eq!(stock["stock"], "10", "taken once: {stock}");
}

/// Item 6: `dlq replay --via lambda` against a function whose reply is later than its own
/// timeout allows. The Invoke's attempt timeout is the function's Timeout (1 s here) plus a
/// margin for a cold start's init (10 s); a reply later than that is an unknown outcome — the
/// function may have run — and is never retried (a retry would run the same event again, at
/// the same time). The message is reported not replayed, and stays queued.
#[test]
fn issue_18_an_invoke_slower_than_the_function_timeout_is_sent_once() {
    let lambda_endpoint = crate::support::aws::endpoint("ORDERCTL_TEST_LAMBDA_ENDPOINT");
    let aws = AwsEnv::on(&lambda_endpoint);
    aws.run(&["init"]).success();
    aws.lambda_without_docker();
    let name = format!("orders-notification-{}", aws.orders.to_lowercase());
    aws.create_function(&name);
    crate::support::aws::block(
        aws.lambda()
            .update_function_configuration()
            .function_name(&name)
            .timeout(1)
            .send(),
    )
    .unwrap();
    let envelope = std::fs::read_to_string(crate::support::fixture("dlq/envelope.json")).unwrap();
    aws.run(&["dlq", "send", "--body", &envelope]).success();
    orders_aws::moto_api::request(
        &lambda_endpoint,
        "POST",
        "/moto-api/static/lambda-simple/response",
        Some(
            &serde_json::json!({"results": [r#"{"batchItemFailures":[]}"#], "region": "us-east-1"}),
        ),
    )
    .unwrap();
    let invoke = format!("POST /2015-03-31/functions/{name}/invocations HTTP/1.1");
    let proxy = Proxy::start(
        &aws.endpoint,
        SEED,
        vec![Rule::new(
            "lambda",
            &invoke,
            Trigger::Nth(1),
            Action::Latency(Duration::from_secs(40)),
        )],
    );
    let aws = aws.via(&proxy);
    let started = std::time::Instant::now();
    let out = aws.run(&[
        "dlq",
        "replay",
        "--via",
        "lambda",
        "--lambda-name",
        &name,
        // The fixture's order is not in the table: replay it anyway.
        "--stale",
        "replay",
        "--yes",
        "-o",
        "json",
    ]);
    let took = started.elapsed();
    let why = proxy.describe();
    let invokes: u64 = proxy
        .all_calls()
        .iter()
        .filter(|(k, _)| k.contains("/invocations"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(invokes, 1, "invoked once, never retried: {why}");
    // The attempt gives up at 11 s; the reply would come at 40 s. The slack between covers
    // the rest of the run (start-up, receive, the function's configuration) on a busy machine:
    // with the reply at 13 s, one run of a loop beside other builds took 13.03 s.
    assert!(
        took < Duration::from_secs(30),
        "gave up after the function's timeout plus the margin, not the reply: {took:?}; {why}"
    );
    let summary = out.json();
    assert_eq!(Some(out.code), Some(1), "{summary}; {why}");
    assert_eq!(
        (summary["replayed"].as_u64(), summary["deleted"].as_u64()),
        (Some(0), Some(0)),
        "{summary}; {why}"
    );
    let error = summary["messages"][0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("may have run"), "says so: {summary}; {why}");
    assert_eq!(aws.dlq_bodies().len(), 1, "still queued: {why}");
}
