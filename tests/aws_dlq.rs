//! Issue 7 (the dead-letter queue) against moto: a function's envelope and Lambda's on-failure
//! record end to end — the latter rehydrated from moto's stream — and `--via lambda` on a
//! separate moto process (Lambda functions there must not touch the stream tests' moto).

use aws_sdk_dynamodbstreams::types::ShardIteratorType;

use crate::support::aws::{AwsEnv, block, endpoint};
use crate::support::create_order;
use crate::support::proxy::Proxy;

#[test]
fn an_envelope_is_replayed_once_the_stock_is_fixed() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.verify_sender("orders@example.com");
    aws.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-CHAIR:50:249.00",
    ])
    .success();
    aws.dead_letter_inventory();
    let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["format"], "envelope");
    aws.run(&["dlq", "replay", "--yes", "-o", "json"]).code(1);
    assert_eq!(
        aws.dlq_bodies().len(),
        1,
        "a failed replay keeps its message"
    );
    aws.run(&["inventory", "set", "SKU-CHAIR", "60"]).success();
    let out = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(
        (out["replayed"].as_u64(), out["deleted"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        aws.run(&["inventory", "get", "SKU-CHAIR", "-o", "json"])
            .success()
            .json()["stock"],
        "10"
    );
    assert!(aws.dlq_bodies().is_empty());
    aws.run(&["dlq", "replay"]).input_error("--yes");
}

/// Issue 11, finding 3 on DynamoDB: an order dead-lettered for want of stock, then cancelled;
/// the replay calls the envelope stale and keeps it, and replayed anyway it reserves nothing.
#[test]
fn a_stale_replay_reserves_nothing_for_a_cancelled_order() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    let id = create_order(|a| aws.run(a), "ann@example.com", "SKU-CHAIR:50:249.00");
    let consume = || {
        aws.run(&[
            "consume",
            "--function",
            "inventory",
            "--until-idle",
            "--idle",
            "500ms",
            "-q",
        ])
    };
    consume().code(1);
    assert_eq!(aws.dlq_bodies().len(), 1);
    aws.run(&["orders", "cancel", &id]).success();
    consume().success();
    aws.run(&["inventory", "set", "SKU-CHAIR", "60"]).success();
    let kept = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .code(1)
        .json();
    assert_eq!(kept["messages"][0]["outcome"], "stale", "{kept}");
    assert_eq!(aws.dlq_bodies().len(), 1, "kept");
    aws.run(&["dlq", "replay", "--yes", "--stale", "replay", "-o", "json"])
        .success();
    assert!(aws.dlq_bodies().is_empty());
    assert_eq!(
        aws.run(&["inventory", "get", "SKU-CHAIR", "-o", "json"])
            .success()
            .json()["stock"],
        "60",
        "nothing reserved for the cancelled order"
    );
}

/// The on-failure record Lambda would send for the stream's first record.
fn on_failure_for_first_record(aws: &AwsEnv) -> String {
    let arn = block(aws.ddb().describe_table().table_name(&aws.orders).send())
        .unwrap()
        .table
        .unwrap()
        .latest_stream_arn
        .unwrap();
    let streams = aws.streams();
    let shard = block(streams.describe_stream().stream_arn(&arn).send())
        .unwrap()
        .stream_description
        .unwrap()
        .shards()[0]
        .shard_id()
        .unwrap()
        .to_owned();
    let it = block(
        streams
            .get_shard_iterator()
            .stream_arn(&arn)
            .shard_id(&shard)
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send(),
    )
    .unwrap()
    .shard_iterator
    .unwrap();
    let records = block(streams.get_records().shard_iterator(it).send())
        .unwrap()
        .records
        .unwrap();
    let seq = records[0]
        .dynamodb()
        .unwrap()
        .sequence_number()
        .unwrap()
        .to_owned();
    serde_json::json!({
        "requestContext": {"requestId": "8b4c2a3e-0b5c-4c43-9a55-2f7f3a1d1c11",
            "functionArn": "arn:aws:lambda:us-east-1:123456789012:function:orders-notification",
            "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": null},
        "version": "1.0", "timestamp": "2026-11-27T08:05:49.717Z",
        "DDBStreamBatchInfo": {"shardId": shard, "startSequenceNumber": seq, "endSequenceNumber": seq,
            "approximateArrivalOfFirstRecord": "2026-11-27T08:05:00Z", "approximateArrivalOfLastRecord": "2026-11-27T08:05:00Z",
            "batchSize": 1, "streamArn": arn}
    })
    .to_string()
}

#[test]
fn an_on_failure_record_is_rehydrated_from_the_moto_stream() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.verify_sender("orders@example.com");
    let to = format!("rehydrated+{}@example.com", aws.orders.to_lowercase());
    aws.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        &to,
        "--item",
        "SKU-MUG:1:12.50",
    ])
    .success();
    std::fs::write(
        aws.env.path().join("onfailure.json"),
        on_failure_for_first_record(&aws),
    )
    .unwrap();
    aws.run(&["dlq", "send", "--body", "@onfailure.json"])
        .success();
    let dry = aws
        .run(&["dlq", "replay", "--dry-run", "-o", "json"])
        .success()
        .json();
    assert_eq!(dry["messages"][0]["function"], "notification");
    assert_eq!(dry["messages"][0]["records"], 1);
    let out = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(out["deleted"], 1);
    let mail = aws.mail_to(&to);
    assert_eq!(mail.len(), 1, "the notification went out: {mail:?}");
    assert!(aws.dlq_bodies().is_empty());
}

#[test]
fn replay_via_the_deployed_lambda_deletes_only_on_success() {
    let lambda_endpoint = endpoint("ORDERCTL_TEST_LAMBDA_ENDPOINT");
    let aws = AwsEnv::on(&lambda_endpoint);
    aws.run(&["init"]).success();
    aws.lambda_without_docker();
    let name = format!("orders-notification-{}", aws.orders.to_lowercase());
    aws.create_function(&name);
    let envelope = std::fs::read_to_string(crate::support::fixture("dlq/envelope.json")).unwrap();
    aws.run(&["dlq", "send", "--body", &envelope]).success();
    // Through a proxy that keeps what was sent, to compare the payload Lambda received.
    let proxy = Proxy::start(&lambda_endpoint, 19, Vec::new());
    let aws = aws.via(&proxy);
    let canned = |response: &str| {
        orders_aws::moto_api::request(
            &lambda_endpoint,
            "POST",
            "/moto-api/static/lambda-simple/response",
            Some(&serde_json::json!({"results": [response], "region": "us-east-1"})),
        )
        .unwrap();
    };
    canned(r#"{"batchItemFailures":[{"itemIdentifier":"4421584500000000017450447091"}]}"#);
    let failed = aws
        .run(&[
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
        ])
        .code(1)
        .json();
    assert_eq!(failed["failed"], 1);
    assert!(
        failed["messages"][0]["error"]
            .as_str()
            .unwrap()
            .contains("batchItemFailures")
    );
    assert_eq!(aws.dlq_bodies().len(), 1, "kept");
    canned(r#"{"batchItemFailures":[]}"#);
    let ok = aws
        .run(&[
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
        ])
        .success()
        .json();
    assert_eq!(ok["deleted"], 1);
    assert!(aws.dlq_bodies().is_empty());
    // Each Invoke carried the envelope's record as Lambda delivers it: `{"Records": [record]}`,
    // byte for byte the Lambda event shape (aws-semantics §2).
    let record: serde_json::Value =
        serde_json::from_str::<serde_json::Value>(&envelope).unwrap()["record"].clone();
    let invokes = proxy.log("/invocations");
    assert_eq!(invokes.len(), 2, "{}", proxy.describe());
    for call in invokes {
        let payload: serde_json::Value = serde_json::from_slice(&call.body).unwrap();
        assert_eq!(payload, serde_json::json!({ "Records": [record] }));
    }
}

/// Issue 18, item 3: a dead letter larger than the queue's MaximumMessageSize used to be
/// refused (InvalidParameterValue) and retried until its record expired. It now lands without
/// the record's images; `dlq list` shows it and `dlq replay` re-reads the record from the stream
/// by its sequence number.
#[test]
fn issue_18_an_envelope_too_large_for_the_queue_lands_slim_and_replays_from_the_stream() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    let sqs = aws.sqs();
    let url = block(sqs.get_queue_url().queue_name(&aws.dlq).send())
        .unwrap()
        .queue_url
        .unwrap();
    block(
        sqs.set_queue_attributes()
            .queue_url(&url)
            .attributes(
                aws_sdk_sqs::types::QueueAttributeName::MaximumMessageSize,
                "1024",
            )
            .send(),
    )
    .unwrap();
    // Long ids make the order's image alone nearly fill the queue's 1 KiB.
    let customer = format!("c-{}", "c".repeat(240));
    let email = format!("{}@example.com", "e".repeat(230));
    let id = aws
        .run(&[
            "create",
            "--customer",
            &customer,
            "--email",
            &email,
            "--item",
            "SKU-CHAIR:50:249.00",
            "-o",
            "json",
        ])
        .success()
        .json()["orderId"]
        .as_str()
        .unwrap()
        .to_owned();
    aws.dead_letter_inventory();

    let bodies = aws.dlq_bodies();
    assert_eq!(bodies.len(), 1, "the dead letter landed");
    assert!(bodies[0].len() <= 1024, "{}", bodies[0].len());
    let body: serde_json::Value = serde_json::from_str(&bodies[0]).unwrap();
    assert_eq!(body["imagesOmitted"], true, "{body}");
    assert!(body["record"]["dynamodb"]["NewImage"].is_null(), "{body}");
    assert!(
        body["record"]["dynamodb"]["SequenceNumber"].is_string(),
        "{body}"
    );

    let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
    assert_eq!(listed[0]["format"], "envelope", "{listed}");
    assert_eq!(listed[0]["function"], "inventory", "{listed}");
    assert_eq!(listed[0]["subject"], id.as_str(), "{listed}");

    aws.run(&["inventory", "set", "SKU-CHAIR", "60"]).success();
    let out = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(
        (out["replayed"].as_u64(), out["deleted"].as_u64()),
        (Some(1), Some(1)),
        "{out}"
    );
    assert_eq!(
        aws.run(&["inventory", "get", "SKU-CHAIR", "-o", "json"])
            .success()
            .json()["stock"],
        "10",
        "the record re-read from the stream reserved its 50 chairs"
    );
    assert!(aws.dlq_bodies().is_empty());
}

/// Issue 17, item 2 on SQS, where a message can only be found by receiving it: `--id` replays
/// the messages named and passes over the others without deleting them; those are visible
/// again as soon as the run ends (ChangeMessageVisibility 0), and an unknown id exits 1.
#[test]
fn replay_by_id_replays_only_the_chosen_messages() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    for email in ["a@example.com", "b@example.com", "c@example.com"] {
        create_order(|a| aws.run(a), email, "SKU-CHAIR:50:249.00");
    }
    aws.dead_letter_inventory();
    let ids: Vec<String> = aws
        .run(&["dlq", "list", "-o", "json"])
        .success()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["messageId"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 3);
    aws.run(&["inventory", "set", "SKU-CHAIR", "500"]).success();
    let out = aws
        .run(&[
            "dlq",
            "replay",
            "--yes",
            "-o",
            "json",
            "--id",
            &ids[0][..8],
            "--id",
            &ids[2],
            "--id",
            "nosuchid",
        ])
        .code(1)
        .json();
    let mut replayed: Vec<&str> = out["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["outcome"] == "replayed" && m["deleted"] == true)
        .map(|m| m["messageId"].as_str().unwrap())
        .collect();
    replayed.sort();
    let mut want = vec![ids[0].as_str(), ids[2].as_str()];
    want.sort();
    assert_eq!(replayed, want, "{out}");
    assert_eq!(out["notFound"], serde_json::json!(["nosuchid"]));
    // Received with a zero visibility timeout by the test: visible at once, body intact.
    let left = aws.dlq_bodies();
    assert_eq!(
        left.len(),
        1,
        "the message not chosen stays, visible: {left:?}"
    );
    let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
    assert_eq!(listed[0]["messageId"], ids[1].as_str());
}
