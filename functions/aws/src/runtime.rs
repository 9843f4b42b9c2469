//! The Lambda entry point the bundled functions share (feature `runtime`): load the AWS config,
//! build the adapters from the environment, run the handler on each event, and log every failed
//! record to CloudWatch Logs so on-call sees why without replaying.

use aws_config::BehaviorVersion;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use orders_core::Event;
use orders_core::batch::{BatchResponse, Report};

use crate::AwsEffects;

/// Serve `handle` until the Lambda runtime stops. Lambda does not tell the attempt number; a
/// handler that records one records 1.
pub async fn serve<H>(handle: H) -> Result<(), Error>
where
    H: AsyncFn(&Event, &AwsEffects) -> Report,
{
    let sdk = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let effects = AwsEffects::from_env(&sdk);
    let (handle, effects) = (&handle, &effects);
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Event>| async move {
        let report = handle(&event.payload, effects).await;
        log(&report);
        Ok::<BatchResponse, Error>(report.response)
    }))
    .await
}

/// Set up logging the way the Lambda runtime expects (call first, before anything may fail).
pub fn init_logging() {
    lambda_runtime::tracing::init_default_subscriber();
}

/// One log line per failed record.
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
