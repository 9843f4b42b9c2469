//! Issue 6 (consume) against moto: the bundled functions over moto's stream with the AWS
//! adapters — emails in moto's SES, stock in moto's Inventory table, a failing record in
//! moto's SQS dead-letter queue.

use crate::support::aws::{AwsEnv, block};

#[test]
fn consume_over_the_moto_stream_with_the_aws_adapters() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.verify_sender("orders@example.com");
    let to = format!("kim+{}@example.com", aws.orders.to_lowercase());
    aws.run(&[
        "create",
        "--customer",
        "c-kim",
        "--email",
        &to,
        "--item",
        "SKU-MUG:2:12.50",
    ])
    .success();
    // Ten chairs are in stock; fifty is a permanent failure.
    aws.run(&[
        "create",
        "--customer",
        "c-kim",
        "--email",
        &to,
        "--item",
        "SKU-CHAIR:50:249.00",
    ])
    .success();
    let summary = aws
        .run(&["consume", "--until-idle", "--idle", "500ms", "-o", "json"])
        .code(1)
        .json();
    let by = |f: &str| crate::support::for_function(&summary, "functions", f);
    assert_eq!(by("notification")["ok"], 2);
    assert_eq!(by("inventory")["ok"], 1);
    assert_eq!(by("inventory")["permanentFailures"], 1);
    assert_eq!(by("analytics")["ok"], 2);

    let mail = aws.mail_to(&to);
    assert_eq!(mail.len(), 2, "{mail:?}");
    assert!(
        mail.iter()
            .any(|m| m["body"].as_str().unwrap_or("").contains("Total: 25.00")),
        "{mail:?}"
    );

    let item = block(
        aws.ddb()
            .get_item()
            .table_name(&aws.inventory)
            .key(
                "productId",
                aws_sdk_dynamodb::types::AttributeValue::S("SKU-MUG".into()),
            )
            .consistent_read(true)
            .send(),
    )
    .unwrap()
    .item
    .unwrap();
    assert_eq!(item["stock"].as_n().unwrap(), "298");

    let bodies = aws.dlq_bodies();
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let envelope: serde_json::Value = serde_json::from_str(&bodies[0]).unwrap();
    assert_eq!(envelope["function"], "inventory");
    assert!(
        envelope["error"]
            .as_str()
            .unwrap()
            .contains("insufficient stock for SKU-CHAIR")
    );

    // Checkpoints in the data dir: a second run has nothing to do and sends nothing twice.
    let again = aws.run(&["consume", "-o", "json"]).success().json();
    assert!(
        again["functions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["invocations"] == 0)
    );
    assert_eq!(aws.mail_to(&to).len(), 2);
}

#[test]
fn invoke_applies_effects_on_the_aws_target() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    let stock = |sku: &str| {
        aws.run(&["inventory", "get", sku, "-o", "json"])
            .success()
            .json()["stock"]
            .as_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
    };
    let (mugs, pads) = (stock("SKU-MUG"), stock("SKU-PAD"));
    let event = crate::support::fixture("events/order-created.json");
    // Recording (the default) changes nothing on the target…
    aws.run(&["invoke", "inventory", "--event", &event])
        .success();
    assert_eq!((stock("SKU-MUG"), stock("SKU-PAD")), (mugs, pads));
    // …--effects target reserves through moto's DynamoDB, once per stream record.
    let mut outputs = Vec::new();
    for _ in 0..2 {
        outputs.push(
            aws.run(&[
                "invoke",
                "inventory",
                "--event",
                &event,
                "--effects",
                "target",
                "-o",
                "json",
            ])
            .success()
            .json(),
        );
    }
    // The AWS adapter reads no stock to report levels (one request per record): they are null,
    // under the same keys as on the local target.
    assert_eq!(
        outputs[0]["effects"]["stock"][0],
        serde_json::json!({"productId": "SKU-MUG", "before": null, "after": null}),
        "{}",
        outputs[0]
    );
    assert_eq!(outputs[1]["effects"]["stock"], serde_json::json!([]));
    assert_eq!((stock("SKU-MUG"), stock("SKU-PAD")), (mugs - 2, pads - 3));
}

/// Issue 13, finding 4, on AWS: where `orderctl consume` runs, its checkpoint files give its
/// position, so `lag` measures the age of its oldest unprocessed record instead of the last
/// IteratorAge it published: 0 when caught up, STALLED while it is stopped with records waiting.
#[test]
fn lag_of_orderctl_consume_on_aws_comes_from_its_checkpoints() {
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.verify_sender("orders@example.com");
    let create = || {
        aws.run(&["create", "--count", "3", "-q"]).success();
    };
    create();
    aws.run(&[
        "consume",
        "--function",
        "analytics",
        "--until-idle",
        "--idle",
        "300ms",
    ])
    .success();
    let lag = |threshold: &str| {
        let args = [
            "lag",
            "--function",
            "analytics",
            "--threshold",
            threshold,
            "-o",
            "json",
        ];
        let out = aws.run(&args);
        let code = out.code;
        (code, out.json())
    };
    let consume_of = |report: &serde_json::Value| -> serde_json::Value {
        report["consumers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["function"] == "analytics" && c["source"] == "orderctl consume")
            .cloned()
            .unwrap_or_else(|| panic!("no orderctl consume series: {report}"))
    };
    let (code, caught_up) = lag("60s");
    let consume = consume_of(&caught_up);
    assert_eq!(code, 0, "{caught_up}");
    assert_eq!(consume["latestMs"].as_f64(), Some(0.0), "{consume}");
    assert_eq!(consume["status"], "OK");
    create();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let (code, behind) = lag("1s");
    let consume = consume_of(&behind);
    assert_eq!(code, 1, "{behind}");
    assert_eq!(consume["status"], "STALLED", "{consume}");
    assert!(consume["latestMs"].as_f64().unwrap() >= 1000.0, "{consume}");
}
