//! The AWS target: SDK clients for DynamoDB, DynamoDB Streams, SQS, Lambda, CloudWatch, and
//! CloudFormation and S3 for `deploy`, built once from one
//! `SdkConfig` (standard credential chain, `--profile`, `--region`, `--endpoint-url` and the
//! `AWS_ENDPOINT_URL*` variables, standard retries), shared by every operation — except that
//! Lambda's Invoke, which no retry may repeat, gets its own timeout and none (invoke.rs).

pub mod attrs;
mod batch_get;
pub mod cloudwatch;
mod describe;
pub mod errors;
mod facts;
mod feed;
mod init;
mod inventory;
mod invoke;
mod lost_response;
mod mappings;
mod order_index;
mod orders;
mod queue;
pub mod stack;

use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use tokio::sync::OnceCell;

use crate::backend::{TResult, TargetError};
use crate::settings::{Resources, Settings};
use errors::{Op, Origin};

pub use init::InitOptions;
pub use invoke::LambdaReply;

/// Attempts per request (standard retry mode: exponential backoff with jitter from
/// `INITIAL_BACKOFF`; throttling and transient errors are retried, so an unreachable endpoint
/// is reported in well under a second and throttling is ridden out).
const MAX_ATTEMPTS: u32 = 4;
const INITIAL_BACKOFF: Duration = Duration::from_millis(100);
/// How long connecting may take, for every client.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// The SDK-backed target.
pub struct AwsTarget {
    pub(crate) ddb: aws_sdk_dynamodb::Client,
    pub(crate) streams: aws_sdk_dynamodbstreams::Client,
    pub(crate) sqs: aws_sdk_sqs::Client,
    pub(crate) lambda: aws_sdk_lambda::Client,
    pub(crate) cloudwatch: aws_sdk_cloudwatch::Client,
    pub(crate) cfn: aws_sdk_cloudformation::Client,
    pub(crate) s3: aws_sdk_s3::Client,
    clients: orders_aws::Clients,
    pub(crate) resources: Resources,
    pub(crate) origin: Origin,
    stream_arn: OnceCell<String>,
    queue_url: OnceCell<String>,
    /// Each invoked Lambda function's configured timeout, read once (invoke.rs).
    lambda_timeouts: tokio::sync::Mutex<std::collections::HashMap<String, Duration>>,
}

impl std::fmt::Debug for AwsTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsTarget")
            .field("origin", &self.origin)
            .finish()
    }
}

/// Load the shared SDK configuration once.
pub async fn sdk_config(settings: &Settings) -> TResult<aws_config::SdkConfig> {
    let aws = &settings.aws;
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .operation_attempt_timeout(Duration::from_secs(30))
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(
            RetryConfig::standard()
                .with_max_attempts(MAX_ATTEMPTS)
                .with_initial_backoff(INITIAL_BACKOFF),
        )
        .timeout_config(timeouts);
    if let Some(profile) = &aws.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = &aws.region {
        loader = loader.region(aws_config::Region::new(region.clone()));
    }
    if let Some(endpoint) = &aws.endpoint_url {
        loader = loader.endpoint_url(endpoint);
    }
    let config = loader.load().await;
    if config.region().is_none() {
        let hint = match &aws.profile {
            Some(p) => format!(" (is profile {p} defined in ~/.aws/config, with a region?)"),
            None => String::new(),
        };
        return Err(TargetError::Invalid(format!(
            "no AWS region: give --region, set AWS_REGION, or set a region in the profile{hint}"
        )));
    }
    Ok(config)
}

impl AwsTarget {
    /// Build the clients (no request is sent until a command needs one).
    pub async fn connect(settings: &Settings) -> TResult<AwsTarget> {
        let config = sdk_config(settings).await?;
        let origin = Origin {
            region: config.region().map(|r| r.to_string()).unwrap_or_default(),
            endpoint: config.endpoint_url().map(str::to_owned),
            profile: settings.aws.profile.clone(),
        };
        // One set of clients per process: the functions' adapters share these (effects()).
        let clients = orders_aws::Clients::new(&config);
        Ok(AwsTarget {
            ddb: clients.ddb.clone(),
            streams: aws_sdk_dynamodbstreams::Client::new(&config),
            sqs: clients.sqs.clone(),
            lambda: aws_sdk_lambda::Client::new(&config),
            cloudwatch: clients.cloudwatch.clone(),
            // `deploy` only: a client is a handle, building one sends nothing.
            cfn: aws_sdk_cloudformation::Client::new(&config),
            s3: aws_sdk_s3::Client::from_conf(
                aws_sdk_s3::config::Builder::from(&config)
                    // Path-style: a custom endpoint (moto, LocalStack) has no bucket subdomains.
                    .force_path_style(config.endpoint_url().is_some())
                    .build(),
            ),
            clients,
            resources: settings.resources.clone(),
            origin,
            stream_arn: OnceCell::new(),
            queue_url: OnceCell::new(),
            lambda_timeouts: Default::default(),
        })
    }

    /// The consumer functions' AWS adapters (SES, CloudWatch, DynamoDB, SQS) on this
    /// process's clients.
    pub fn effects(&self) -> orders_aws::AwsEffects {
        orders_aws::AwsEffects::with_clients(
            &self.clients,
            orders_aws::Names {
                inventory_table: self.resources.inventory_table.clone(),
                processed_events_table: self.resources.processed_events_table.clone(),
                dlq_queue: self.resources.dlq.clone(),
            },
        )
    }

    /// The region requests go to.
    pub fn region(&self) -> &str {
        &self.origin.region
    }

    /// Translate an SDK error for an operation on a named resource.
    pub(crate) fn err<E>(
        &self,
        err: SdkError<E, HttpResponse>,
        action: &str,
        kind: &str,
        name: &str,
    ) -> TargetError
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        errors::translate(err, Op { action, kind, name }, &self.origin)
    }

    /// The orders table's current stream ARN (DescribeTable, cached).
    pub async fn orders_stream_arn(&self) -> TResult<String> {
        self.stream_arn
            .get_or_try_init(|| async {
                let table = &self.resources.orders_table;
                self.describe_table(table)
                    .await?
                    .latest_stream_arn()
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        TargetError::NotFound(format!(
                            "table {table} has no stream in {} — enable a NEW_AND_OLD_IMAGES stream or run `orderctl init`",
                            self.region()
                        ))
                    })
            })
            .await
            .cloned()
    }

    /// The dead-letter queue's URL (GetQueueUrl, cached).
    pub async fn queue_url(&self) -> TResult<String> {
        self.queue_url
            .get_or_try_init(|| async {
                let name = &self.resources.dlq;
                let out = self
                    .sqs
                    .get_queue_url()
                    .queue_name(name)
                    .send()
                    .await
                    .map_err(|e| self.err(e, "sqs:GetQueueUrl", "queue", name))?;
                out.queue_url()
                    .map(str::to_owned)
                    .ok_or_else(|| TargetError::NotFound(format!("queue {name} has no URL")))
            })
            .await
            .cloned()
    }
}

/// A builder that could not build (a programming error in a request shape).
pub(crate) fn build_error(e: aws_smithy_types::error::operation::BuildError) -> TargetError {
    TargetError::other("invalid AWS request", e)
}
