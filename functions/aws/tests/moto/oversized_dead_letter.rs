//! Issue 18, item 3: a dead letter larger than the queue's `MaximumMessageSize` used to fail
//! SendMessage with InvalidParameterValue, read as transient: the record blocked its batch until
//! it expired. It is now sent without its images, keeping its keys, sequence number and stream,
//! from which a replay re-reads it (aws-semantics §6.1, §3.5).

use aws_sdk_sqs::types::QueueAttributeName;
use orders_core::EventRecord;
use orders_core::batch::{Invocation, send_to_dlq};
use orders_core::caps::CapError;
use orders_core::dlq::DlqBody;

use super::support::World;

const ENVELOPE: &str = include_str!("../../../../fixtures/dlq/envelope.json");

/// The fixture's record, its new image padded with a `note` of `pad` bytes.
fn record(pad: usize) -> EventRecord {
    let mut v: serde_json::Value = serde_json::from_str(ENVELOPE).unwrap();
    v["record"]["dynamodb"]["NewImage"]["note"] = serde_json::json!({"S": "n".repeat(pad)});
    serde_json::from_value(v["record"].clone()).unwrap()
}

const INV: Invocation = Invocation {
    function: "inventory",
    attempt: 1,
};

async fn create_queue(sqs: &aws_sdk_sqs::Client, name: &str, max: Option<&str>) -> String {
    let mut create = sqs.create_queue().queue_name(name);
    if let Some(max) = max {
        create = create.attributes(QueueAttributeName::MaximumMessageSize, max);
    }
    create.send().await.unwrap().queue_url.unwrap()
}

async fn bodies(sqs: &aws_sdk_sqs::Client, url: &str, want: usize) -> Vec<String> {
    let mut bodies = Vec::new();
    for _ in 0..5 {
        let out = sqs
            .receive_message()
            .queue_url(url)
            .max_number_of_messages(10)
            .send()
            .await
            .unwrap();
        bodies.extend(
            out.messages()
                .iter()
                .filter_map(|m| m.body().map(str::to_owned)),
        );
        if bodies.len() >= want {
            break;
        }
    }
    bodies
}

fn envelope(body: &str) -> orders_core::dlq::RecordEnvelope {
    match DlqBody::parse(body) {
        DlqBody::Envelope(e) => *e,
        other => panic!("not an envelope: {other:?}"),
    }
}

#[tokio::test]
async fn issue_18_an_envelope_over_the_queues_limit_lands_without_its_images() {
    let world = World::new().await;
    let sqs = aws_sdk_sqs::Client::new(&world.sdk);
    let url = create_queue(&sqs, &world.names.dlq_queue, Some("1024")).await;
    let error = CapError::permanent("insufficient stock for SKU-CHAIR: 10 left, 50 needed");

    let (small, big) = (record(0), record(2000));
    send_to_dlq(&INV, &small, &error, &world.effects)
        .await
        .unwrap();
    send_to_dlq(&INV, &big, &error, &world.effects)
        .await
        .expect("an oversized envelope is sent without its images");

    let mut got: Vec<_> = bodies(&sqs, &url, 2).await;
    assert_eq!(got.len(), 2);
    got.sort_by_key(String::len);
    assert!(got.iter().all(|b| b.len() <= 1024), "{got:?}");
    // A record that fits goes whole.
    let whole = envelope(&got[1]);
    assert!(!whole.images_omitted);
    assert_eq!(whole.record, small);
    // The oversized one keeps what a replay needs to re-read it from the stream.
    let slim = envelope(&got[0]);
    assert!(slim.images_omitted);
    assert_eq!(slim.record.dynamodb.new_image, None);
    assert_eq!(slim.record.dynamodb.keys, big.dynamodb.keys);
    assert_eq!(
        slim.record.dynamodb.sequence_number,
        big.dynamodb.sequence_number
    );
    assert_eq!(slim.record.event_source_arn, big.event_source_arn);
    assert_eq!(slim.record.event_id, big.event_id);
    assert_eq!(
        (slim.error.as_str(), slim.function.as_str()),
        (error.message.as_str(), "inventory")
    );
}

/// The limit is read once: a queue shrunk afterwards refuses the envelope with
/// InvalidParameterValue, which is not retried as it is for ever but sent slimmer at once.
#[tokio::test]
async fn issue_18_an_envelope_refused_as_too_large_is_sent_again_without_its_images() {
    let world = World::new().await;
    let sqs = aws_sdk_sqs::Client::new(&world.sdk);
    let url = create_queue(&sqs, &world.names.dlq_queue, None).await;
    let error = CapError::permanent("insufficient stock for SKU-CHAIR: 10 left, 50 needed");
    send_to_dlq(&INV, &record(0), &error, &world.effects)
        .await
        .unwrap();
    sqs.set_queue_attributes()
        .queue_url(&url)
        .attributes(QueueAttributeName::MaximumMessageSize, "1024")
        .send()
        .await
        .unwrap();

    send_to_dlq(&INV, &record(2000), &error, &world.effects)
        .await
        .expect("sent without its images after SQS refused it");
    let got = bodies(&sqs, &url, 2).await;
    assert_eq!(got.len(), 2);
    assert_eq!(
        got.iter().filter(|b| envelope(b).images_omitted).count(),
        1,
        "{got:?}"
    );
}
