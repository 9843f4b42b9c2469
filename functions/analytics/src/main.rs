//! The analytics Lambda: the library handler over the AWS adapters (CloudWatch for metrics, SQS
//! for dead letters), with its resource names from the environment.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    orders_aws::runtime::init_logging();
    orders_aws::runtime::serve(async |event, effects| analytics::handle(event, effects, 1).await)
        .await
}
