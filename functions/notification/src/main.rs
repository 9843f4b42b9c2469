//! The notification Lambda: the library handler over the AWS adapters (SES v2 for mail, SQS for
//! dead letters), reading its sender from `SENDER` and its resource names from the environment.

use aws_config::BehaviorVersion;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use notification::Config;
use orders_aws::AwsEffects;
use orders_core::Event;
use orders_core::batch::{BatchResponse, Report};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    lambda_runtime::tracing::init_default_subscriber();
    let config = Config { sender: sender()? };
    let sdk = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let effects = AwsEffects::from_env(&sdk);
    lambda_runtime::run(service_fn(|event: LambdaEvent<Event>| {
        let (effects, config) = (&effects, &config);
        async move {
            // Lambda does not tell the attempt number; the dead-letter envelope records 1.
            let report = notification::handle(&event.payload, effects, config, 1).await;
            log(&report);
            Ok::<BatchResponse, Error>(report.response)
        }
    }))
    .await
}

/// The sender, from `SENDER`: checked at start-up, not on the first record, since every email
/// needs one.
fn sender() -> Result<String, Error> {
    match std::env::var("SENDER") {
        Ok(sender) if !sender.trim().is_empty() => Ok(sender.trim().to_owned()),
        _ => {
            let message =
                "SENDER is not set: set it to the verified SES identity the emails are sent from";
            lambda_runtime::tracing::error!("{message}");
            Err(message.into())
        }
    }
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
