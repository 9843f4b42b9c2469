//! The CloudFormation template, generated from orderctl.toml and the built-in defaults: per
//! enabled function a least-privilege role, the function, its log group, its event-source
//! mapping with every setting `[functions.NAME]` holds, and two alarms; one alarm on the DLQ.
//!
//! The tables and the DLQ hold data, so they stay outside the stack (`init` owns them): the
//! template names them by ARN, built from the account and region it is deployed in, and the
//! stream ARN (which carries a creation label) is a parameter. Deleting the stack can never
//! delete an order or a message. Code locations are parameters too, so the template itself
//! does not depend on a build and can be handed to SAM, CDK or Terraform as it is.
//!
//! Keys are sorted (serde_json's map), so the same settings always give the same text, and
//! CloudFormation (and moto) see no change when nothing changed.

use serde_json::{Value, json};

use crate::functions::{Function, Subscription};
use crate::settings::Settings;

/// The parameter carrying the orders table's stream ARN.
pub const STREAM_PARAM: &str = "OrdersStreamArn";
/// The parameter carrying the artifacts bucket.
pub const BUCKET_PARAM: &str = "ArtifactsBucket";
/// The parameter carrying the SNS topic for alarm actions ("" for none).
pub const TOPIC_PARAM: &str = "AlarmTopicArn";

/// IteratorAge alarm: Maximum above this many ms...
pub const ITERATOR_AGE_MS: u32 = 60_000;
/// Errors alarm: Sum above this many...
pub const ERRORS: u32 = 10;

/// A function's logical-id prefix: `Notification`, `Analytics`, `Inventory`.
pub fn logical(f: Function) -> String {
    let name = f.name();
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The parameter carrying a function's S3 key.
pub fn code_param(f: Function) -> String {
    format!("{}CodeKey", logical(f))
}

/// The functions the stack holds: the enabled ones.
pub fn functions(settings: &Settings) -> Vec<Function> {
    settings
        .functions
        .iter()
        .filter(|(_, s)| s.enabled)
        .map(|(f, _)| *f)
        .collect()
}

/// The whole template.
pub fn template(settings: &Settings) -> Value {
    let mut parameters = serde_json::Map::new();
    parameters.insert(
        STREAM_PARAM.into(),
        json!({"Type": "String", "Description": "The orders table's stream (LatestStreamArn)"}),
    );
    parameters.insert(
        BUCKET_PARAM.into(),
        json!({"Type": "String", "Description": "The S3 bucket holding the functions' zips"}),
    );
    parameters.insert(
        TOPIC_PARAM.into(),
        json!({"Type": "String", "Default": "", "Description": "SNS topic the alarms notify (empty: none)"}),
    );
    let mut resources = serde_json::Map::new();
    for f in functions(settings) {
        let sub = &settings.functions[&f];
        parameters.insert(
            code_param(f),
            json!({"Type": "String", "Description": format!("S3 key of the {} zip", f.name())}),
        );
        let id = logical(f);
        resources.insert(format!("{id}Role"), role(settings, f, sub));
        resources.insert(format!("{id}LogGroup"), log_group(settings, sub));
        resources.insert(format!("{id}Function"), function(settings, f, sub));
        resources.insert(format!("{id}StreamMapping"), mapping(f, sub));
        resources.insert(
            format!("{id}IteratorAgeAlarm"),
            alarm(
                &format!("{} is more than a minute behind the stream", f.name()),
                "AWS/Lambda",
                "IteratorAge",
                json!([{"Name": "FunctionName", "Value": {"Ref": format!("{id}Function")}}]),
                "Maximum",
                (60, 3),
                ITERATOR_AGE_MS,
            ),
        );
        resources.insert(
            format!("{id}ErrorsAlarm"),
            alarm(
                &format!(
                    "{} fails: more than {ERRORS} errors in 5 minutes, twice",
                    f.name()
                ),
                "AWS/Lambda",
                "Errors",
                json!([{"Name": "FunctionName", "Value": {"Ref": format!("{id}Function")}}]),
                "Sum",
                (300, 2),
                ERRORS,
            ),
        );
    }
    resources.insert(
        "DeadLetterQueueAlarm".into(),
        alarm(
            "records are waiting in the dead-letter queue: run `orderctl dlq stats`",
            "AWS/SQS",
            "ApproximateNumberOfMessagesVisible",
            json!([{"Name": "QueueName", "Value": settings.resources.dlq}]),
            "Maximum",
            (60, 1),
            0,
        ),
    );
    json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "orderctl: the order pipeline's consumer functions, their stream subscriptions and alarms (tables and DLQ are managed by `orderctl init`)",
        "Parameters": parameters,
        "Conditions": {"HasAlarmTopic": {"Fn::Not": [{"Fn::Equals": [{"Ref": TOPIC_PARAM}, ""]}]}},
        "Resources": resources,
    })
}

fn arn(service: &str, resource: &str) -> Value {
    json!({"Fn::Sub": format!("arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}")})
}

fn table_arn(name: &str) -> Value {
    arn("dynamodb", &format!("table/{name}"))
}

fn queue_arn(settings: &Settings) -> Value {
    arn("sqs", &settings.resources.dlq)
}

fn log_group_name(sub: &Subscription) -> String {
    format!("/aws/lambda/{}", sub.lambda_name)
}

/// The execution role: functions/aws/README.md's IAM table, plus reading the stream for the
/// mapping and writing its own log group.
fn role(settings: &Settings, f: Function, sub: &Subscription) -> Value {
    let r = &settings.resources;
    let processed = table_arn(&r.processed_events_table);
    let mut statements = vec![
        json!({"Sid": "ReadTheStream", "Effect": "Allow",
               "Action": ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
               "Resource": {"Ref": STREAM_PARAM}}),
        json!({"Sid": "ListStreams", "Effect": "Allow", "Action": "dynamodb:ListStreams", "Resource": "*"}),
        json!({"Sid": "DeadLetters", "Effect": "Allow",
               "Action": ["sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SendMessage"],
               "Resource": queue_arn(settings)}),
        json!({"Sid": "Logs", "Effect": "Allow",
               "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
               "Resource": arn("logs", &format!("log-group:{}:*", log_group_name(sub)))}),
    ];
    match f {
        Function::Notification => {
            let sender = settings.sender();
            let mut identities = vec![arn("ses", &format!("identity/{sender}"))];
            if let Some((_, domain)) = sender.split_once('@') {
                identities.push(arn("ses", &format!("identity/{domain}")));
            }
            statements.push(json!({"Sid": "Guards", "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], "Resource": processed}));
            statements.push(json!({"Sid": "SendEmail", "Effect": "Allow",
                "Action": "ses:SendEmail", "Resource": identities}));
        }
        Function::Analytics => {
            statements.push(json!({"Sid": "Guards", "Effect": "Allow",
                "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], "Resource": processed}));
            statements.push(json!({"Sid": "PutMetricData", "Effect": "Allow",
                "Action": "cloudwatch:PutMetricData", "Resource": "*",
                "Condition": {"StringEquals": {"cloudwatch:namespace": analytics::NAMESPACE}}}));
        }
        Function::Inventory => {
            statements.push(json!({"Sid": "Stock", "Effect": "Allow",
                "Action": ["dynamodb:BatchGetItem", "dynamodb:UpdateItem"],
                "Resource": table_arn(&r.inventory_table)}));
            statements.push(json!({"Sid": "GuardsAndMarkers", "Effect": "Allow",
                "Action": ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"], "Resource": processed}));
        }
    }
    json!({
        "Type": "AWS::IAM::Role",
        "Properties": {
            "RoleName": {"Fn::Sub": format!("${{AWS::StackName}}-{}", f.name())},
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]
            },
            "Policies": [{
                "PolicyName": format!("orderctl-{}", f.name()),
                "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}
            }]
        }
    })
}

fn log_group(settings: &Settings, sub: &Subscription) -> Value {
    json!({
        "Type": "AWS::Logs::LogGroup",
        "Properties": {
            "LogGroupName": log_group_name(sub),
            "RetentionInDays": settings.deploy.log_retention_days,
        }
    })
}

fn function(settings: &Settings, f: Function, sub: &Subscription) -> Value {
    let r = &settings.resources;
    let shape = settings.deploy.shape(f);
    let id = logical(f);
    let mut variables = json!({
        "INVENTORY_TABLE": r.inventory_table,
        "PROCESSED_EVENTS_TABLE": r.processed_events_table,
        "DLQ_QUEUE": r.dlq,
    });
    if f == Function::Notification {
        variables["SENDER"] = json!(settings.sender());
    }
    json!({
        "Type": "AWS::Lambda::Function",
        "DependsOn": format!("{id}LogGroup"),
        "Properties": {
            "FunctionName": sub.lambda_name,
            "Description": format!("orderctl {} consumer", f.name()),
            "Runtime": "provided.al2023",
            "Handler": "bootstrap",
            "Architectures": [shape.architecture.as_str()],
            "MemorySize": shape.memory_mb,
            "Timeout": shape.timeout_seconds,
            "Role": {"Fn::GetAtt": [format!("{id}Role"), "Arn"]},
            "Code": {"S3Bucket": {"Ref": BUCKET_PARAM}, "S3Key": {"Ref": code_param(f)}},
            "Environment": {"Variables": variables},
        }
    })
}

/// The event-source mapping: every setting of `[functions.NAME]`.
fn mapping(f: Function, sub: &Subscription) -> Value {
    let mut p = json!({
        "EventSourceArn": {"Ref": STREAM_PARAM},
        "FunctionName": {"Ref": format!("{}Function", logical(f))},
        "Enabled": true,
        "StartingPosition": sub.starting_position.replace('-', "_").to_uppercase(),
        "BatchSize": sub.batch_size,
        "MaximumBatchingWindowInSeconds": sub.maximum_batching_window_seconds,
        "MaximumRetryAttempts": sub.maximum_retry_attempts,
        "MaximumRecordAgeInSeconds": sub.maximum_record_age_seconds,
        "BisectBatchOnFunctionError": sub.bisect_batch_on_function_error,
    });
    if sub.report_batch_item_failures {
        p["FunctionResponseTypes"] = json!(["ReportBatchItemFailures"]);
    }
    if !sub.on_failure.is_empty() {
        p["DestinationConfig"] = json!({"OnFailure": {"Destination": arn("sqs", &sub.on_failure)}});
    }
    if !sub.filters.is_empty() {
        let filters: Vec<Value> = sub
            .filters
            .iter()
            .map(|pat| json!({"Pattern": pat}))
            .collect();
        p["FilterCriteria"] = json!({"Filters": filters});
    }
    json!({"Type": "AWS::Lambda::EventSourceMapping", "Properties": p})
}

fn alarm(
    description: &str,
    namespace: &str,
    metric: &str,
    dimensions: Value,
    statistic: &str,
    (period, periods): (u32, u32),
    threshold: u32,
) -> Value {
    let actions =
        json!({"Fn::If": ["HasAlarmTopic", [{"Ref": TOPIC_PARAM}], {"Ref": "AWS::NoValue"}]});
    json!({
        "Type": "AWS::CloudWatch::Alarm",
        "Properties": {
            "AlarmDescription": description,
            "Namespace": namespace,
            "MetricName": metric,
            "Dimensions": dimensions,
            "Statistic": statistic,
            "Period": period,
            "EvaluationPeriods": periods,
            "Threshold": threshold,
            "ComparisonOperator": "GreaterThanThreshold",
            "TreatMissingData": "notBreaching",
            "AlarmActions": actions,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alarm_props<'a>(t: &'a Value, id: &str) -> &'a Value {
        &t["Resources"][id]["Properties"]
    }

    #[test]
    fn alarms_follow_the_seed() {
        let settings = Settings::local(std::path::PathBuf::from("/nonexistent"));
        let t = template(&settings);
        for f in Function::ALL {
            let id = logical(f);
            let age = alarm_props(&t, &format!("{id}IteratorAgeAlarm"));
            assert_eq!(
                (
                    &age["MetricName"],
                    &age["Statistic"],
                    &age["Threshold"],
                    &age["Period"],
                    &age["EvaluationPeriods"]
                ),
                (
                    &json!("IteratorAge"),
                    &json!("Maximum"),
                    &json!(60000),
                    &json!(60),
                    &json!(3)
                )
            );
            assert_eq!(age["ComparisonOperator"], "GreaterThanThreshold");
            let errors = alarm_props(&t, &format!("{id}ErrorsAlarm"));
            assert_eq!(
                (
                    &errors["MetricName"],
                    &errors["Statistic"],
                    &errors["Threshold"],
                    &errors["Period"],
                    &errors["EvaluationPeriods"]
                ),
                (
                    &json!("Errors"),
                    &json!("Sum"),
                    &json!(10),
                    &json!(300),
                    &json!(2)
                )
            );
            assert_eq!(
                errors["Dimensions"][0]["Value"]["Ref"],
                format!("{id}Function")
            );
        }
        let dlq = alarm_props(&t, "DeadLetterQueueAlarm");
        assert_eq!(dlq["MetricName"], "ApproximateNumberOfMessagesVisible");
        assert_eq!(dlq["Dimensions"][0]["Value"], "orders-dlq");
        assert_eq!(
            (&dlq["Threshold"], &dlq["ComparisonOperator"]),
            (&json!(0), &json!("GreaterThanThreshold"))
        );
        assert_eq!(dlq["AlarmActions"]["Fn::If"][0], "HasAlarmTopic");
    }

    #[test]
    fn data_stays_outside_the_stack_and_disabled_functions_are_left_out() {
        let mut settings = Settings::local(std::path::PathBuf::from("/nonexistent"));
        settings
            .functions
            .get_mut(&Function::Analytics)
            .unwrap()
            .enabled = false;
        let t = template(&settings);
        let types: Vec<&str> = t["Resources"]
            .as_object()
            .unwrap()
            .values()
            .map(|r| r["Type"].as_str().unwrap())
            .collect();
        assert!(
            !types
                .iter()
                .any(|t| t.starts_with("AWS::DynamoDB") || t.starts_with("AWS::SQS"))
        );
        assert!(t["Resources"].get("AnalyticsFunction").is_none());
        assert!(t["Parameters"].get("AnalyticsCodeKey").is_none());
        assert_eq!(template(&settings), t, "deterministic");
        let inv = &t["Resources"]["InventoryFunction"]["Properties"];
        assert_eq!(inv["Runtime"], "provided.al2023");
        assert_eq!(inv["Handler"], "bootstrap");
        assert_eq!(inv["Environment"]["Variables"]["DLQ_QUEUE"], "orders-dlq");
    }
}
