//! The notification Lambda: the library handler over the AWS adapters (SES v2 for mail, SQS for
//! dead letters), reading its sender from `SENDER` and its resource names from the environment.

use lambda_runtime::Error;
use notification::Config;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    orders_aws::runtime::init_logging();
    let config = Config { sender: sender()? };
    let config = &config;
    orders_aws::runtime::serve(async |event, effects| {
        notification::handle(event, effects, config, 1).await
    })
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
