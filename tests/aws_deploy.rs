//! Issue 14 against moto (the Lambda moto process: a deployed mapping makes moto consume the
//! stream): `deploy` builds the stack from orderctl.toml, a second deploy has nothing to do, a
//! changed batch size plans one Modify, `destroy` leaves the tables and the queue, and a stack
//! that cannot be created says why and exits 1. The alarms, which moto skips, are checked in
//! the template, and the template passes cfn-lint.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::Env;
use crate::support::aws::{AwsEnv, block, endpoint};

const FUNCTIONS: [&str; 3] = ["notification", "analytics", "inventory"];

/// A fresh pipeline on the Lambda moto with its own stack and Lambda names, dummy zips where
/// `orderctl build` would put them, and `extra` appended to orderctl.toml.
fn deployable(extra: &str) -> (AwsEnv, String) {
    let aws = AwsEnv::on(&endpoint("ORDERCTL_TEST_LAMBDA_ENDPOINT"));
    aws.init();
    let suffix = aws.orders.trim_start_matches("Orders-").to_owned();
    let stack = format!("orderctl-{suffix}");
    write_config(&aws, &stack, &suffix, extra);
    let dir = aws.env.path().join("target/lambda");
    std::fs::create_dir_all(&dir).unwrap();
    for f in FUNCTIONS {
        // moto runs no code: any bytes do; this test's own, so its uploads are its own.
        std::fs::write(dir.join(format!("{f}.zip")), format!("zip of {f} {suffix}")).unwrap();
    }
    (aws, stack)
}

fn write_config(aws: &AwsEnv, stack: &str, suffix: &str, extra: &str) {
    let mut toml =
        format!("[deploy]\nstack_name = \"{stack}\"\n[aws]\nsender = \"orders@example.com\"\n");
    for f in FUNCTIONS {
        toml.push_str(&format!(
            "[functions.{f}]\nlambda_name = \"orders-{f}-{suffix}\"\n"
        ));
        if f == "inventory" {
            toml.push_str(extra);
        }
    }
    toml.push_str("[deploy.functions.analytics]\nmemory_mb = 512\narchitecture = \"arm64\"\n");
    aws.env.config(&toml);
}

fn stream_arn(aws: &AwsEnv) -> String {
    block(aws.ddb().describe_table().table_name(&aws.orders).send())
        .unwrap()
        .table
        .unwrap()
        .latest_stream_arn
        .unwrap()
}

/// The mappings on the orders stream, as ListEventSourceMappings returns them.
fn mappings(aws: &AwsEnv) -> Vec<aws_sdk_lambda::types::EventSourceMappingConfiguration> {
    block(
        aws.lambda()
            .list_event_source_mappings()
            .event_source_arn(stream_arn(aws))
            .send(),
    )
    .unwrap()
    .event_source_mappings
    .unwrap_or_default()
}

/// Every ESM field orderctl.toml holds, as `functions list -o json` shows it, against the
/// deployed mapping.
fn check_mappings_match_the_config(aws: &AwsEnv) {
    let listed = aws
        .run(&["functions", "list", "-o", "json"])
        .success()
        .json();
    let deployed = mappings(aws);
    assert_eq!(deployed.len(), 3, "{deployed:?}");
    let dlq_arn = format!("arn:aws:sqs:us-east-1:123456789012:{}", aws.dlq);
    for f in listed.as_array().unwrap() {
        let sub = &f["subscription"];
        let name = sub["lambdaName"].as_str().unwrap();
        let m = deployed
            .iter()
            .find(|m| {
                m.function_arn()
                    .unwrap_or_default()
                    .ends_with(&format!(":{name}"))
            })
            .unwrap_or_else(|| panic!("no mapping for {name}: {deployed:?}"));
        let what = format!("{name}: {m:?}");
        assert_eq!(
            i64::from(m.batch_size().unwrap()),
            sub["batchSize"].as_i64().unwrap(),
            "{what}"
        );
        assert_eq!(
            i64::from(m.maximum_batching_window_in_seconds().unwrap()),
            sub["maximumBatchingWindowSeconds"].as_i64().unwrap(),
            "{what}"
        );
        assert_eq!(
            i64::from(m.maximum_retry_attempts().unwrap()),
            sub["maximumRetryAttempts"].as_i64().unwrap(),
            "{what}"
        );
        assert_eq!(
            i64::from(m.maximum_record_age_in_seconds().unwrap()),
            sub["maximumRecordAgeSeconds"].as_i64().unwrap(),
            "{what}"
        );
        assert_eq!(
            m.bisect_batch_on_function_error(),
            sub["bisectBatchOnFunctionError"].as_bool(),
            "{what}"
        );
        let reports = m
            .function_response_types()
            .iter()
            .any(|t| t.as_str() == "ReportBatchItemFailures");
        assert_eq!(
            Some(reports),
            sub["reportBatchItemFailures"].as_bool(),
            "{what}"
        );
        let destination = m
            .destination_config()
            .and_then(|d| d.on_failure())
            .and_then(|o| o.destination());
        assert_eq!(destination, Some(dlq_arn.as_str()), "{what}");
        let patterns: Vec<&str> = m
            .filter_criteria()
            .map(|c| c.filters().iter().filter_map(|f| f.pattern()).collect())
            .unwrap_or_default();
        let wanted: Vec<&str> = sub["filters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(patterns, wanted, "{what}");
        let position = sub["startingPosition"]
            .as_str()
            .unwrap()
            .replace('-', "_")
            .to_uppercase();
        assert_eq!(
            m.starting_position().map(|p| p.as_str()),
            Some(position.as_str()),
            "{what}"
        );
        assert_eq!(m.state(), Some("Enabled"), "{what}");
    }
}

#[test]
fn deploy_builds_the_stack_from_orderctl_toml_then_plans_and_destroys() {
    let (aws, stack) = deployable("batch_size = 7\nmaximum_record_age_seconds = 7200\n");
    let out = aws.run(&["deploy", "-o", "json"]).success().json();
    assert_eq!(out["stackName"], stack.as_str());
    assert_eq!(out["changeSetType"], "CREATE");
    assert_eq!(out["stackStatus"], "CREATE_COMPLETE", "{out}");
    assert_eq!(out["uploaded"].as_array().unwrap().len(), 3, "{out}");
    assert!(out["failure"].is_null());
    assert_eq!(
        out["artifactsBucket"], "orderctl-artifacts-123456789012-us-east-1",
        "created when missing, named by account and region"
    );
    check_mappings_match_the_config(&aws);

    // The functions: runtime, handler, memory/timeout/architecture, environment.
    let suffix = stack.trim_start_matches("orderctl-");
    let lambda = aws.lambda();
    for f in FUNCTIONS {
        let config = block(
            lambda
                .get_function_configuration()
                .function_name(format!("orders-{f}-{suffix}"))
                .send(),
        )
        .unwrap();
        assert_eq!(
            config.runtime().map(|r| r.as_str()),
            Some("provided.al2023")
        );
        assert_eq!(config.handler(), Some("bootstrap"));
        // moto's CloudFormation drops Architectures: the template test checks it.
        let memory = if f == "analytics" { 512 } else { 256 };
        assert_eq!(config.memory_size(), Some(memory), "{f}");
        assert_eq!(config.timeout(), Some(30), "{f}");
        let vars = config.environment().and_then(|e| e.variables()).unwrap();
        assert_eq!(vars.get("INVENTORY_TABLE"), Some(&aws.inventory), "{f}");
        assert_eq!(
            vars.get("PROCESSED_EVENTS_TABLE"),
            Some(&aws.processed),
            "{f}"
        );
        assert_eq!(vars.get("DLQ_QUEUE"), Some(&aws.dlq), "{f}");
        assert_eq!(
            vars.get("SENDER").map(String::as_str),
            (f == "notification").then_some("orders@example.com"),
            "{f}"
        );
    }

    // After the deploy: doctor finds no error, status shows the three mappings, lag reads
    // the deployed names.
    let doctor = aws.run(&["doctor", "-o", "json"]);
    assert_eq!(
        doctor.code, 0,
        "doctor: {}\n{}",
        doctor.stdout, doctor.stderr
    );
    let status = aws.run(&["status", "-o", "json"]).json();
    let subs = status["subscriptions"].to_string();
    for f in FUNCTIONS {
        assert!(
            subs.contains(&format!("orders-{f}-{suffix}")),
            "{f} in {subs}"
        );
    }
    let lag = aws.run(&["lag", "-o", "json"]).stdout;
    for f in FUNCTIONS {
        assert!(
            lag.contains(&format!("lambda orders-{f}-{suffix}")),
            "{f} in {lag}"
        );
    }

    // Again: nothing to change, nothing uploaded; a plan says the same.
    let again = aws.run(&["deploy"]).success();
    assert!(again.stdout.starts_with("no changes\n"), "{}", again.stdout);
    assert!(!again.stderr.contains("uploaded"), "{}", again.stderr);
    let plan = aws.run(&["deploy", "--plan"]).success();
    assert_eq!(plan.stdout, "no changes\n");

    // One batch size changed: one Modify, and the plan changes nothing.
    write_config(
        &aws,
        &stack,
        suffix,
        "batch_size = 9\nmaximum_record_age_seconds = 7200\n",
    );
    let plan = aws
        .run(&["deploy", "--plan", "-o", "json"])
        .success()
        .json();
    assert_eq!(
        plan["changes"],
        serde_json::json!([{"resource": "InventoryStreamMapping", "resourceType": "AWS::Lambda::EventSourceMapping", "action": "Modify", "replacement": null}]),
        "{plan}"
    );
    let table = aws.run(&["deploy", "--plan"]).success().stdout;
    assert!(
        table.contains("InventoryStreamMapping") && table.contains("Modify"),
        "{table}"
    );
    assert!(
        mappings(&aws).iter().any(|m| m.batch_size() == Some(7)),
        "the plan applied nothing"
    );
    aws.run(&["deploy"]).success();
    assert!(mappings(&aws).iter().any(|m| m.batch_size() == Some(9)));

    // destroy: confirmation first; then the stack goes and the data stays.
    aws.run(&["destroy"]).input_error("add --yes");
    let gone = aws
        .run(&["destroy", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(gone["deleted"], true);
    assert!(mappings(&aws).is_empty());
    block(aws.ddb().describe_table().table_name(&aws.orders).send()).expect("Orders stays");
    block(aws.ddb().describe_table().table_name(&aws.inventory).send()).expect("Inventory stays");
    block(aws.sqs().get_queue_url().queue_name(&aws.dlq).send()).expect("the DLQ stays");
    let again = aws.run(&["destroy", "--yes"]).success();
    assert!(again.stdout.contains("no stack"), "{}", again.stdout);
}

#[test]
fn a_stack_that_cannot_be_created_reports_the_failing_resource_and_exits_1() {
    let (aws, stack) = deployable("");
    // The inventory function's role name is taken.
    orders_aws::moto_api::create_role(&aws.endpoint, &format!("{stack}-inventory")).unwrap();
    let out = aws.run(&["deploy"]).code(1);
    assert!(out.stdout.contains("FAILED:"), "{}", out.stdout);
    assert!(
        out.stdout.contains("already exists"),
        "the reason: {}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("stack {stack}: ")),
        "the state: {}",
        out.stdout
    );
    let json = aws.run(&["deploy", "-o", "json"]).code(1).json();
    assert!(
        json["failure"]["reason"]
            .as_str()
            .unwrap()
            .contains("already exists"),
        "{json}"
    );
}

#[test]
fn deploy_says_what_is_missing_in_one_line() {
    // No zips: build first (before any AWS call).
    let aws = AwsEnv::on(&endpoint("ORDERCTL_TEST_LAMBDA_ENDPOINT"));
    aws.run(&["deploy", "--plan"])
        .input_error("run `orderctl build` first");
    // The local target has no stacks.
    let local = Env::new();
    let dir = local.path().join("zips");
    std::fs::create_dir_all(&dir).unwrap();
    for f in FUNCTIONS {
        std::fs::write(dir.join(format!("{f}.zip")), f).unwrap();
    }
    local
        .run(&["deploy", "--artifacts", "zips"])
        .input_error("deploy needs --target aws");
    local
        .run(&["destroy", "--yes"])
        .input_error("destroy needs --target aws");
}

/// The template as `deploy --template` prints it, in a file.
fn template_file(env: &Env, args: &[&str], name: &str) -> PathBuf {
    let mut all = vec!["deploy", "--template"];
    all.extend_from_slice(args);
    let out = env.run(&all).success();
    let path = env.path().join(name);
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

#[test]
fn the_template_passes_cfn_lint_and_carries_the_alarms() {
    let env = Env::new();
    env.config(
        "[deploy]\nalarm_topic_arn = \"arn:aws:sns:us-east-1:123456789012:oncall\"\n[deploy.functions.analytics]\narchitecture = \"arm64\"\ntimeout_seconds = 60\n",
    );
    let json = template_file(&env, &["-o", "json"], "template.json");
    let yaml = template_file(&env, &["yaml"], "template.yaml");
    let t: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let resources = t["Resources"].as_object().unwrap();
    let alarms: Vec<&Value> = resources
        .values()
        .filter(|r| r["Type"] == "AWS::CloudWatch::Alarm")
        .map(|r| &r["Properties"])
        .collect();
    assert_eq!(alarms.len(), 7, "two per function and the DLQ's");
    let count = |metric: &str, stat: &str, threshold: i64, period: i64, periods: i64| {
        alarms
            .iter()
            .filter(|a| {
                a["MetricName"] == metric
                    && a["Statistic"] == stat
                    && a["Threshold"] == threshold
                    && a["Period"] == period
                    && a["EvaluationPeriods"] == periods
                    && a["ComparisonOperator"] == "GreaterThanThreshold"
            })
            .count()
    };
    assert_eq!(count("IteratorAge", "Maximum", 60_000, 60, 3), 3);
    assert_eq!(count("Errors", "Sum", 10, 300, 2), 3);
    assert_eq!(
        count("ApproximateNumberOfMessagesVisible", "Maximum", 0, 60, 1),
        1
    );
    let arch = |id: &str| resources[id]["Properties"]["Architectures"].clone();
    assert_eq!(arch("AnalyticsFunction"), serde_json::json!(["arm64"]));
    assert_eq!(arch("InventoryFunction"), serde_json::json!(["x86_64"]));
    assert_eq!(resources["AnalyticsFunction"]["Properties"]["Timeout"], 60);
    assert!(
        !resources.values().any(|r| {
            let ty = r["Type"].as_str().unwrap();
            ty.starts_with("AWS::DynamoDB::") || ty.starts_with("AWS::SQS::")
        }),
        "tables and the DLQ stay outside the stack"
    );

    let lint = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/cfn-lint");
    assert!(
        lint.exists(),
        "{} is missing: scripts/test installs it (pip install cfn-lint into .venv)",
        lint.display()
    );
    for file in [&json, &yaml] {
        let out = std::process::Command::new(&lint)
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cfn-lint {}:\n{}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
