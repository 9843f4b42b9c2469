//! Issue 5 (the functions, `invoke`): invoking the bundled functions in-process on the fixtures
//! through the CLI, with recorded and with real (local) effects, faults, filters, and the
//! `functions`, `outbox`, `metrics` and `faults` commands.

use serde_json::Value;

use crate::support::{Env, fixture};

fn stocked() -> Env {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    env
}

fn stock(env: &Env, sku: &str) -> i64 {
    env.run(&["inventory", "get", sku, "-o", "json"])
        .success()
        .json()["stock"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn invoke_records_effects_without_applying_them() {
    let env = stocked();
    let out = env
        .run(&[
            "invoke",
            "inventory",
            "--event",
            &fixture("events/order-created.json"),
            "-o",
            "json",
        ])
        .success();
    let r = out.json();
    assert_eq!(r["function"], "inventory");
    assert_eq!(r["records"][0]["outcome"], "ok");
    assert_eq!(r["records"][0]["eventID"].as_str().unwrap().len(), 32);
    assert_eq!(r["response"], serde_json::json!({"batchItemFailures": []}));
    assert!(
        r["next"]
            .as_str()
            .unwrap()
            .starts_with("commit the batch: checkpoint after sequence number")
    );
    let stock_changes = r["effects"]["stock"].as_array().unwrap();
    assert_eq!(
        stock_changes[0],
        serde_json::json!({"productId": "SKU-MUG", "before": "300", "after": "298"})
    );
    assert_eq!(
        stock(&env, "SKU-MUG"),
        300,
        "--effects record changes nothing"
    );

    let mail = env
        .run(&[
            "invoke",
            "notification",
            "--event",
            &fixture("events/order-created.json"),
            "-o",
            "json",
        ])
        .success()
        .json();
    let email = &mail["effects"]["emails"][0];
    assert_eq!(email["to"], "ann@example.com");
    assert!(email["body"].as_str().unwrap().contains("Total: 25.30"));
    assert_eq!(
        env.run(&["outbox", "-o", "json"]).success().json(),
        serde_json::json!([])
    );

    let metrics = env
        .run(&[
            "invoke",
            "analytics",
            "--event",
            &fixture("events/mixed-batch.json"),
            "-o",
            "json",
        ])
        .success()
        .json();
    let revenue = &metrics["effects"]["metrics"][1];
    assert_eq!(
        (
            revenue["namespace"].as_str(),
            revenue["name"].as_str(),
            revenue["unit"].as_str()
        ),
        (Some("OrderService"), Some("Revenue"), Some("None"))
    );
    assert_eq!(
        revenue["value"].to_string(),
        "315.40",
        "an exact decimal number"
    );
    assert!(
        env.run(&["metrics", "-o", "json"])
            .success()
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn invoke_with_target_effects_applies_them_once() {
    let env = stocked();
    let args = [
        "invoke",
        "notification",
        "--event",
        &fixture("events/mixed-batch.json"),
        "--effects",
        "target",
        "-o",
        "json",
    ];
    let first = env.run(&args).success().json();
    assert_eq!(first["effects"]["emails"].as_array().unwrap().len(), 7);
    let outbox = env
        .run(&["outbox", "--limit", "50", "-o", "json"])
        .success()
        .json();
    assert_eq!(outbox.as_array().unwrap().len(), 7);
    let again = env.run(&args).success().json();
    let outcome = |report: &serde_json::Value| -> Vec<String> {
        report["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["outcome"].as_str().unwrap().to_owned())
            .collect()
    };
    // The seven records that emailed are duplicates now; the three that send nothing stay ok.
    let (before, after) = (outcome(&first), outcome(&again));
    assert_eq!(
        after.iter().filter(|o| *o == "duplicate").count(),
        7,
        "{after:?}"
    );
    assert!(before.iter().all(|o| o == "ok"), "{before:?}");
    assert_eq!(
        again["effects"]["emails"].as_array().unwrap().len(),
        0,
        "duplicates send nothing"
    );
    assert_eq!(
        env.run(&["outbox", "--limit", "50", "-o", "json"])
            .success()
            .json()
            .as_array()
            .unwrap()
            .len(),
        7
    );

    env.run(&[
        "invoke",
        "inventory",
        "--event",
        &fixture("events/order-created.json"),
        "--effects",
        "target",
    ])
    .success();
    env.run(&[
        "invoke",
        "inventory",
        "--event",
        &fixture("events/order-created.json"),
        "--effects",
        "target",
    ])
    .success();
    assert_eq!(stock(&env, "SKU-MUG"), 298, "stock moved once");
    env.run(&[
        "invoke",
        "inventory",
        "--event",
        &fixture("events/order-cancelled.json"),
        "--effects",
        "target",
    ])
    .success();
    assert_eq!(stock(&env, "SKU-MUG"), 300, "restocked exactly");

    env.run(&[
        "invoke",
        "analytics",
        "--event",
        &fixture("events/mixed-batch.json"),
        "--effects",
        "target",
    ])
    .success();
    let points = env
        .run(&["metrics", "--namespace", "OrderService", "-o", "json"])
        .success()
        .json();
    let revenue = points
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Revenue")
        .unwrap();
    assert_eq!(revenue["value"].to_string(), "315.40");
}

#[test]
fn permanent_failures_go_to_the_dlq_and_exit_1() {
    let env = stocked();
    let out = env
        .run(&[
            "invoke",
            "inventory",
            "--event",
            &fixture("events/insufficient-stock.json"),
            "-o",
            "json",
        ])
        .code(1);
    let r = out.json();
    assert_eq!(r["records"][0]["outcome"], "permanent_failure");
    assert_eq!(
        r["records"][0]["error"],
        "insufficient stock for SKU-CHAIR: 10 left, 50 needed"
    );
    assert_eq!(r["effects"]["dlq"][0]["function"], "inventory");
    assert_eq!(
        r["effects"]["dlq"][0]["record"]["dynamodb"]["Keys"]["orderId"]["S"],
        "o-4001"
    );
    let human = env
        .run(&[
            "invoke",
            "notification",
            "--event",
            &fixture("events/bad-email.json"),
        ])
        .code(1);
    assert!(
        human.stdout.contains("permanent failure → DLQ"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_transient_fault_retries_the_batch_from_the_failed_record() {
    let env = stocked();
    env.run(&["faults", "set", "mailer", "--fail-next", "1"])
        .success();
    let faults = env.run(&["faults", "list", "-o", "json"]).success().json();
    assert_eq!(faults[0]["component"], "mailer");
    let r = env
        .run(&[
            "invoke",
            "notification",
            "--event",
            &fixture("events/mixed-batch.json"),
            "--effects",
            "target",
            "-o",
            "json",
        ])
        .code(1)
        .json();
    assert_eq!(
        r["response"]["batchItemFailures"].as_array().unwrap().len(),
        10
    );
    assert_eq!(r["records"][0]["outcome"], "transient_failure");
    assert!(
        r["records"][0]["error"]
            .as_str()
            .unwrap()
            .contains("injected fault in mailer")
    );
    assert!(
        r["next"]
            .as_str()
            .unwrap()
            .starts_with("commit nothing: retry the batch from its first record"),
        "{}",
        r["next"]
    );
    let r = env
        .run(&[
            "invoke",
            "notification",
            "--event",
            &fixture("events/mixed-batch.json"),
            "--effects",
            "target",
            "-o",
            "json",
        ])
        .success()
        .json();
    assert!(
        r["response"]["batchItemFailures"]
            .as_array()
            .unwrap()
            .is_empty(),
        "the fault was used up"
    );
    env.run(&["faults", "set", "inventory", "--always"])
        .success();
    env.run(&[
        "invoke",
        "inventory",
        "--event",
        &fixture("events/order-created.json"),
        "--effects",
        "target",
    ])
    .code(1);
    env.run(&["faults", "clear"]).success();
    assert_eq!(
        env.run(&["faults", "list", "-o", "json"]).success().json(),
        serde_json::json!([])
    );
    env.run(&["faults", "set", "mailer"]).code(2);
}

#[test]
fn apply_filters_drops_what_the_subscription_would_drop() {
    let env = stocked();
    let r = env
        .run(&[
            "invoke",
            "inventory",
            "--apply-filters",
            "--event",
            &fixture("events/mixed-batch.json"),
            "-o",
            "json",
        ])
        .success()
        .json();
    let outcomes: Vec<&str> = r["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["outcome"].as_str().unwrap())
        .collect();
    // inventory sees INSERTs, MODIFY-to-CANCELLED and REMOVEs only.
    assert_eq!(
        outcomes,
        [
            "ok", "ok", "filtered", "ok", "filtered", "filtered", "ok", "ok", "filtered", "ok"
        ]
    );
}

#[test]
fn bad_input_is_exit_2() {
    let env = stocked();
    env.run(&[
        "invoke",
        "inventory",
        "--event",
        &fixture("events/malformed.json"),
    ])
    .input_error("invalid JSON");
    let unknown = env
        .run(&[
            "invoke",
            "mailer",
            "--event",
            &fixture("events/order-created.json"),
        ])
        .code(2);
    assert!(
        unknown.stderr.contains("notification") && unknown.stderr.contains("inventory"),
        "{}",
        unknown.stderr
    );
    env.run_stdin(
        &["invoke", "inventory", "--event", "-"],
        Some(r#"{"Records":[{"eventID":"x"}]}"#),
    )
    .input_error("stdin: record 0: not a Lambda DynamoDB stream record");
    let no_image = env
        .run(&[
            "invoke",
            "inventory",
            "--event",
            &fixture("events/no-new-image.json"),
            "-o",
            "json",
        ])
        .code(1)
        .json();
    assert!(
        no_image["records"][0]["error"]
            .as_str()
            .unwrap()
            .contains("without NewImage")
    );
}

/// Each fixture through each function, with the outcome it should have: every record's outcome,
/// the exit code that follows from it, and how many effects of each kind were recorded (emails,
/// metric datapoints, stock changes, dead letters). `init --demo-stock` holds 15 monitors and
/// 10 chairs, so the high-value and insufficient-stock orders fail inventory permanently.
#[test]
fn every_fixture_event_runs_through_every_function() {
    let env = stocked();
    // (fixture, function, each record's outcome, [emails, metrics, stock, dlq])
    let expected: &[(&str, &str, &str, [usize; 4])] = &[
        ("order-created", "notification", "ok", [1, 0, 0, 0]),
        ("order-created", "analytics", "ok", [0, 2, 0, 0]),
        ("order-created", "inventory", "ok", [0, 0, 2, 0]),
        ("status-changed", "notification", "ok", [1, 0, 0, 0]),
        ("status-changed", "analytics", "ok", [0, 0, 0, 0]),
        ("status-changed", "inventory", "ok", [0, 0, 0, 0]),
        // Nothing was reserved for this order here, so there is nothing to give back.
        ("order-cancelled", "notification", "ok", [1, 0, 0, 0]),
        ("order-cancelled", "analytics", "ok", [0, 0, 0, 0]),
        ("order-cancelled", "inventory", "ok", [0, 0, 0, 0]),
        ("order-deleted", "notification", "ok", [0, 0, 0, 0]),
        ("order-deleted", "analytics", "ok", [0, 0, 0, 0]),
        ("order-deleted", "inventory", "ok", [0, 0, 0, 0]),
        ("order-deleted-ttl", "notification", "ok", [0, 0, 0, 0]),
        ("order-deleted-ttl", "analytics", "ok", [0, 0, 0, 0]),
        ("order-deleted-ttl", "inventory", "ok", [0, 0, 0, 0]),
        ("high-value-order", "notification", "ok", [1, 0, 0, 0]),
        ("high-value-order", "analytics", "ok", [0, 2, 0, 0]),
        (
            "high-value-order",
            "inventory",
            "permanent_failure",
            [0, 0, 0, 1],
        ),
        ("multi-item-order", "notification", "ok", [1, 0, 0, 0]),
        ("multi-item-order", "analytics", "ok", [0, 2, 0, 0]),
        ("multi-item-order", "inventory", "ok", [0, 0, 4, 0]),
        ("mixed-batch", "notification", "ok", [7, 0, 0, 0]),
        ("mixed-batch", "analytics", "ok", [0, 2, 0, 0]),
        ("mixed-batch", "inventory", "ok", [0, 0, 7, 0]),
        ("insufficient-stock", "notification", "ok", [1, 0, 0, 0]),
        ("insufficient-stock", "analytics", "ok", [0, 2, 0, 0]),
        (
            "insufficient-stock",
            "inventory",
            "permanent_failure",
            [0, 0, 0, 1],
        ),
        (
            "bad-email",
            "notification",
            "permanent_failure",
            [0, 0, 0, 1],
        ),
        ("bad-email", "analytics", "ok", [0, 2, 0, 0]),
        ("bad-email", "inventory", "ok", [0, 0, 1, 0]),
    ];
    for (name, function, outcome, [emails, metrics, stock, dlq]) in expected {
        let path = fixture(&format!("events/{name}.json"));
        let records = serde_json::from_str::<Value>(&std::fs::read_to_string(&path).unwrap())
            .unwrap()["Records"]
            .as_array()
            .unwrap()
            .len();
        let code = if *outcome == "ok" { 0 } else { 1 };
        let r = env
            .run(&["invoke", function, "--event", &path, "-o", "json"])
            .code(code)
            .json();
        let what = format!("{function} {name}: {r}");
        let outcomes: Vec<&str> = r["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|rec| rec["outcome"].as_str().unwrap())
            .collect();
        assert_eq!(outcomes, vec![*outcome; records], "{what}");
        assert_eq!(
            r["response"]["batchItemFailures"],
            serde_json::json!([]),
            "{what}"
        );
        let count = |kind: &str| r["effects"][kind].as_array().unwrap().len();
        assert_eq!(
            [
                count("emails"),
                count("metrics"),
                count("stock"),
                count("dlq")
            ],
            [*emails, *metrics, *stock, *dlq],
            "{what}: effects [emails, metrics, stock, dlq]"
        );
    }
}

#[test]
fn functions_list_shows_each_subscription() {
    let env = Env::new();
    env.config("[functions.analytics]\nbatch_size = 250\n");
    let list = env
        .run(&["functions", "list", "-o", "json"])
        .success()
        .json();
    let by_name = |n: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == n)
            .unwrap()
            .clone()
    };
    let n = by_name("notification");
    assert_eq!(n["subscription"]["batchSize"], 10);
    assert_eq!(n["events"], serde_json::json!(["INSERT", "MODIFY"]));
    assert_eq!(n["subscription"]["maximumRetryAttempts"], 3);
    assert_eq!(by_name("analytics")["subscription"]["batchSize"], 250);
    assert_eq!(
        by_name("inventory")["events"],
        serde_json::json!(["INSERT", "MODIFY", "REMOVE"])
    );
    let table = env.run(&["functions", "list"]).success().stdout;
    assert!(table.starts_with("FUNCTION"), "{table}");
    env.config("[functions.inventory]\nbatch_size = 0\n");
    env.run(&["functions", "list"])
        .input_error("functions.inventory.batch_size");
}
