//! The inventory Lambda: the library handler over the AWS adapters (DynamoDB transactions for
//! stock, SQS for dead letters), with its resource names from the environment.

use aws_config::BehaviorVersion;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use orders_aws::AwsEffects;
use orders_core::Event;
use orders_core::batch::{BatchResponse, Report};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let sdk = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let effects = AwsEffects::from_env(&sdk);
    lambda_runtime::run(service_fn(|event: LambdaEvent<Event>| {
        let effects = &effects;
        async move {
            // Lambda does not tell the attempt number; the dead-letter envelope records 1.
            let report = inventory::handle(&event.payload, effects, 1).await;
            log(&report);
            Ok::<BatchResponse, Error>(report.response)
        }
    }))
    .await
}

/// One log line per failed record (CloudWatch Logs), so on-call sees why without replaying.
fn log(report: &Report) {
    for record in &report.records {
        if let Some(error) = &record.error {
            lambda_runtime::tracing::warn!(
                event_id = %record.event_id,
                sequence_number = %record.sequence_number,
                outcome = ?record.outcome,
                "{error}"
            );
        }
    }
}
