//! Issue 8 against moto: `lag` and `metrics` read IteratorAge datapoints the test put into
//! CloudWatch itself; `status` and `doctor` read real event source mappings (on the Lambda moto
//! process), and `tail` warns when it would be a reader beyond the two-per-shard budget.

use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum, StandardUnit};
use serde_json::Value;

use crate::support::aws::{AwsEnv, block, endpoint};

fn find<'a>(list: &'a Value, function: &str, source_prefix: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["function"] == function
                && c["source"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with(source_prefix)
        })
        .unwrap_or_else(|| panic!("{function} ({source_prefix}) missing from {list}"))
}

/// Put IteratorAge datapoints (ms, seconds ago) for a deployed function, as Lambda would.
fn put_iterator_age(aws: &AwsEnv, lambda_name: &str, points: &[(f64, i64)]) {
    let cloudwatch = aws_sdk_cloudwatch::Client::new(&aws.sdk_config());
    let now = orders_core::clock::now_ms();
    let data = points
        .iter()
        .map(|(value, ago_s)| {
            MetricDatum::builder()
                .metric_name("IteratorAge")
                .dimensions(
                    Dimension::builder()
                        .name("FunctionName")
                        .value(lambda_name)
                        .build(),
                )
                .value(*value)
                .unit(StandardUnit::Milliseconds)
                .timestamp(DateTime::from_millis(now - ago_s * 1000))
                .build()
        })
        .collect();
    block(
        cloudwatch
            .put_metric_data()
            .namespace("AWS/Lambda")
            .set_metric_data(Some(data))
            .send(),
    )
    .unwrap();
}

fn lambda_names(aws: &AwsEnv) -> [(String, String); 3] {
    ["notification", "analytics", "inventory"].map(|f| {
        (
            f.to_owned(),
            format!("orders-{f}-{}", aws.orders.to_lowercase()),
        )
    })
}

fn name_config(aws: &AwsEnv) {
    let toml: String = lambda_names(aws)
        .iter()
        .map(|(f, name)| format!("[functions.{f}]\nlambda_name = \"{name}\"\n"))
        .collect();
    aws.env.config(&toml);
}

#[test]
fn lag_reads_cloudwatch_iterator_age_of_the_deployed_functions() {
    let aws = AwsEnv::new();
    name_config(&aws);
    let [_, (_, analytics), (_, inventory)] = lambda_names(&aws);
    // Inventory fell 3 minutes behind five minutes ago and is 90 s behind now.
    put_iterator_age(&aws, &inventory, &[(180_000.0, 300), (90_000.0, 5)]);
    put_iterator_age(&aws, &analytics, &[(2_000.0, 5)]);
    let over = aws
        .run(&["lag", "--since", "15m", "--threshold", "60s", "-o", "json"])
        .code(1)
        .json();
    let consumers = &over["consumers"];
    let inv = find(consumers, "inventory", "lambda");
    assert_eq!(inv["source"], format!("lambda {inventory}"));
    assert_eq!(
        (inv["latestMs"].as_f64(), inv["maxMs"].as_f64()),
        (Some(90_000.0), Some(180_000.0))
    );
    assert_eq!(inv["status"], "OVER");
    assert_eq!(inv["datapoints"].as_array().unwrap().len(), 2);
    assert_eq!(find(consumers, "analytics", "lambda")["status"], "OK");
    let silent = find(consumers, "notification", "lambda");
    assert_eq!(
        silent["status"], "NO DATA",
        "a function without datapoints is not 0: {silent}"
    );
    assert!(silent["latestMs"].is_null());
    let ok = aws
        .run(&[
            "lag",
            "--function",
            "inventory",
            "--since",
            "15m",
            "--threshold",
            "120s",
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(
        find(&ok["consumers"], "inventory", "lambda")["status"],
        "OK"
    );
    // The same datapoints through `metrics`, CloudWatch's per-minute Maximum.
    let points = aws
        .run(&[
            "metrics",
            "--namespace",
            "AWS/Lambda",
            "--name",
            "IteratorAge",
            "--since",
            "15m",
            "-o",
            "json",
        ])
        .success()
        .json();
    let mine: Vec<f64> = points
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["dimensions"]["FunctionName"] == inventory.as_str())
        .map(|p| p["value"].as_f64().unwrap())
        .collect();
    assert_eq!(mine, [180_000.0, 90_000.0]);
}

#[test]
fn status_and_doctor_read_the_event_source_mappings() {
    use aws_sdk_lambda::types::{
        DestinationConfig, EventSourcePosition, Filter, FilterCriteria, FunctionResponseType,
        OnFailure,
    };
    let lambda_endpoint = endpoint("ORDERCTL_TEST_LAMBDA_ENDPOINT");
    let aws = AwsEnv::on(&lambda_endpoint);
    name_config(&aws);
    aws.init();
    aws.lambda_without_docker();
    let stream_arn = block(aws.ddb().describe_table().table_name(&aws.orders).send())
        .unwrap()
        .table
        .unwrap()
        .latest_stream_arn
        .unwrap();
    let dlq_url = block(aws.sqs().get_queue_url().queue_name(&aws.dlq).send())
        .unwrap()
        .queue_url
        .unwrap();
    let dlq_arn = block(
        aws.sqs()
            .get_queue_attributes()
            .queue_url(dlq_url)
            .attribute_names(aws_sdk_sqs::types::QueueAttributeName::QueueArn)
            .send(),
    )
    .unwrap()
    .attributes
    .unwrap()[&aws_sdk_sqs::types::QueueAttributeName::QueueArn]
        .clone();
    let [(_, notification), (_, analytics), (_, inventory)] = lambda_names(&aws);
    let on_failure = |arn: &str| {
        DestinationConfig::builder()
            .on_failure(OnFailure::builder().destination(arn).build())
            .build()
    };
    let filter = |p: &str| {
        FilterCriteria::builder()
            .filters(Filter::builder().pattern(p).build())
            .build()
    };
    // notification: as it should be.
    aws.create_function(&notification);
    block(
        aws.lambda()
            .create_event_source_mapping()
            .function_name(&notification)
            .event_source_arn(&stream_arn)
            .starting_position(EventSourcePosition::TrimHorizon)
            .batch_size(10)
            .maximum_retry_attempts(3)
            .maximum_record_age_in_seconds(3600)
            .bisect_batch_on_function_error(true)
            .function_response_types(FunctionResponseType::ReportBatchItemFailures)
            .destination_config(on_failure(&dlq_arn))
            .filter_criteria(filter(r#"{"eventName":["INSERT","MODIFY"]}"#))
            .send(),
    )
    .unwrap();
    // Only notification is mapped: the two functions orderctl.toml enables that nothing runs
    // are named (a warning: exit 0).
    let early = aws.run(&["doctor", "-o", "json"]).success().json();
    let mut unmapped: Vec<(String, String)> = early["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "not_subscribed")
        .map(|f| {
            assert_eq!(f["severity"], "warning", "{f}");
            (
                f["function"].as_str().unwrap().to_owned(),
                f["message"].to_string(),
            )
        })
        .collect();
    unmapped.sort();
    assert_eq!(unmapped.len(), 2, "{early}");
    assert_eq!(unmapped[0].0, "analytics");
    assert!(unmapped[0].1.contains(&analytics), "{early}");
    assert_eq!(unmapped[1].0, "inventory");
    // inventory: no destination, unbounded retries, failures ignored.
    aws.create_function(&inventory);
    block(
        aws.lambda()
            .create_event_source_mapping()
            .function_name(&inventory)
            .event_source_arn(&stream_arn)
            .starting_position(EventSourcePosition::Latest)
            .batch_size(25)
            .maximum_retry_attempts(-1)
            .maximum_record_age_in_seconds(-1)
            .send(),
    )
    .unwrap();
    // analytics: a FIFO destination and a numeric filter on an N attribute.
    aws.create_function(&analytics);
    block(
        aws.lambda()
            .create_event_source_mapping()
            .function_name(&analytics)
            .event_source_arn(&stream_arn)
            .starting_position(EventSourcePosition::TrimHorizon)
            .maximum_retry_attempts(5)
            .maximum_record_age_in_seconds(3600)
            .function_response_types(FunctionResponseType::ReportBatchItemFailures)
            .destination_config(on_failure(&format!("{dlq_arn}.fifo")))
            .filter_criteria(filter(
                r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[{"numeric":[">=",100]}]}}}}"#,
            ))
            .send(),
    )
    .unwrap();

    let doctor = aws.run(&["doctor", "-o", "json"]).code(1).json();
    assert_eq!(doctor["subscriptions"], 3);
    assert_eq!(doctor["streamArn"], stream_arn.as_str());
    let rules = |function: &str| -> Vec<String> {
        doctor["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["function"] == function)
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(rules("notification").is_empty(), "{doctor}");
    let mut inv = rules("inventory");
    inv.sort();
    assert_eq!(
        inv,
        [
            "no_on_failure_destination",
            "no_report_batch_item_failures",
            "unbounded_retries"
        ]
    );
    let mut an = rules("analytics");
    an.sort();
    assert_eq!(an, ["fifo_destination", "numeric_filter_on_n"]);
    assert_eq!(rules("stream"), ["too_many_readers"]);

    let status = aws.run(&["status", "-o", "json"]).success().json();
    assert_eq!(status["target"], "aws");
    assert_eq!(status["stream"]["arn"], stream_arn.as_str());
    assert_eq!(status["stream"]["viewType"], "NEW_AND_OLD_IMAGES");
    assert_eq!(status["items"]["approximate"], true);
    assert_eq!(status["dlq"]["depth"], 0);
    let sub = |f: &str| crate::support::for_function(&status, "subscriptions", f);
    assert_eq!(sub("notification")["state"], "Enabled");
    assert_eq!(sub("notification")["batchSize"], 10);
    assert_eq!(sub("notification")["destination"], dlq_arn.as_str());
    assert_eq!(sub("notification")["reportBatchItemFailures"], true);
    assert_eq!(
        sub("notification")["filters"][0],
        r#"{"eventName":["INSERT","MODIFY"]}"#
    );
    assert_eq!(sub("inventory")["lambdaName"], inventory.as_str());
    assert!(sub("inventory")["destination"].is_null());
    assert_eq!(sub("inventory")["maximumRetryAttempts"], -1);
    assert_eq!(sub("inventory")["startingPosition"], "LATEST");
    assert!(sub("inventory")["uuid"].is_string());
    assert!(status["lag"].is_array(), "{status}");

    // tail is a fourth reader: it says so on stderr, unless --quiet.
    let tail = aws
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "200ms",
        ])
        .success();
    assert!(
        tail.stderr
            .contains("3 enabled Lambda event source mappings"),
        "{}",
        tail.stderr
    );
    let quiet = aws
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "200ms",
            "-q",
        ])
        .success();
    assert!(
        !quiet.stderr.contains("event source mappings"),
        "{}",
        quiet.stderr
    );
}

#[test]
fn status_shows_what_it_can_read_and_says_why_not_for_the_rest() {
    let aws = AwsEnv::new();
    // Only the queue exists: the tables (and so the stream) do not.
    block(aws.sqs().create_queue().queue_name(&aws.dlq).send()).unwrap();
    let status = aws.run(&["status", "-o", "json"]).code(1).json();
    assert_eq!(status["dlq"]["depth"], 0);
    let error = status["stream"]["error"].as_str().unwrap();
    assert!(error.contains(&aws.orders), "{error}");
    assert!(status["items"]["error"].is_string(), "{status}");
    // Nothing reachable at all: one line, no screen.
    let down = crate::support::aws::AwsEnv::on("http://127.0.0.1:9");
    let out = down.run(&["status"]).code(2);
    assert_eq!(out.stderr.trim_end().lines().count(), 1, "{}", out.stderr);
    assert!(out.stdout.is_empty());
}
