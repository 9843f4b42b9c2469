//! Issue 18, item 7: SQS has no peek, so `dlq list` receives every message it shows and raises
//! its ApproximateReceiveCount. A dead-letter queue with a redrive policy of its own then moves
//! a message on once it was looked at more than maxReceiveCount times (aws-semantics §6.2):
//! `dlq list --help` says so, and `doctor` reads the policy and warns when it is that low.

use crate::support::aws::{AwsEnv, block};

/// Give the test's dead-letter queue a redrive policy to a new queue; that queue's URL.
fn redrive_after(aws: &AwsEnv, max_receive_count: u32) -> String {
    let sqs = aws.sqs();
    block(async {
        let next = sqs
            .create_queue()
            .queue_name(format!("{}-next", aws.dlq))
            .send()
            .await
            .unwrap()
            .queue_url
            .unwrap();
        let next_arn = sqs
            .get_queue_attributes()
            .queue_url(&next)
            .attribute_names(aws_sdk_sqs::types::QueueAttributeName::QueueArn)
            .send()
            .await
            .unwrap()
            .attributes
            .unwrap()[&aws_sdk_sqs::types::QueueAttributeName::QueueArn]
            .clone();
        let dlq = sqs
            .get_queue_url()
            .queue_name(&aws.dlq)
            .send()
            .await
            .unwrap()
            .queue_url
            .unwrap();
        let policy = serde_json::json!({
            "deadLetterTargetArn": next_arn,
            "maxReceiveCount": max_receive_count,
        });
        sqs.set_queue_attributes()
            .queue_url(dlq)
            .attributes(
                aws_sdk_sqs::types::QueueAttributeName::RedrivePolicy,
                policy.to_string(),
            )
            .send()
            .await
            .unwrap();
        next
    })
}

fn redrive_findings(aws: &AwsEnv) -> Vec<serde_json::Value> {
    let out = aws.run(&["doctor", "-o", "json"]);
    assert_ne!(out.code, 2, "{}", out.stderr);
    out.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "dlq_redrive_trips_on_peek")
        .cloned()
        .collect()
}

#[test]
fn issue_18_doctor_warns_when_looking_can_move_dead_letters_on() {
    let aws = AwsEnv::new();
    aws.init();
    assert!(redrive_findings(&aws).is_empty(), "no policy, no warning");
    let next = redrive_after(&aws, 3);
    let findings = redrive_findings(&aws);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["severity"], "warning");
    let message = findings[0]["message"].as_str().unwrap();
    assert!(
        message.contains(&aws.dlq) && message.contains("more than 3 times"),
        "{message}"
    );

    // What it warns of, on moto: the fourth look moves the message on.
    aws.run(&["dlq", "send", "--body", "{}"]).success();
    for look in 1..=3 {
        let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
        assert_eq!(listed.as_array().unwrap().len(), 1, "look {look}");
        assert_eq!(listed[0]["receiveCount"], look, "look {look}");
    }
    let listed = aws.run(&["dlq", "list", "-o", "json"]).success().json();
    assert!(listed.as_array().unwrap().is_empty(), "moved on: {listed}");
    let moved = block(
        aws.sqs()
            .receive_message()
            .queue_url(next)
            .wait_time_seconds(1)
            .send(),
    )
    .unwrap();
    assert_eq!(moved.messages().len(), 1);

    redrive_after(&aws, 100);
    assert!(redrive_findings(&aws).is_empty(), "a high count is no risk");
}

#[test]
fn issue_18_dlq_list_help_says_looking_raises_the_receive_count() {
    let out = crate::support::Env::new()
        .run(&["dlq", "list", "--help"])
        .success();
    for needle in ["ApproximateReceiveCount", "redrive", "doctor"] {
        assert!(out.stdout.contains(needle), "{needle}: {}", out.stdout);
    }
}
