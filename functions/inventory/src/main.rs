//! The inventory Lambda: the library handler over the AWS adapters (DynamoDB transactions for
//! stock, SQS for dead letters), with its resource names from the environment.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    orders_aws::runtime::init_logging();
    orders_aws::runtime::serve(async |event, effects| inventory::handle(event, effects, 1).await)
        .await
}
