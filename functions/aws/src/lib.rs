//! `orders-aws`: the consumer functions' capabilities on AWS — mail through SES v2, metrics
//! through CloudWatch, stock in DynamoDB, dead letters in SQS — each effect idempotent per
//! stream record, with its guard item in the `ProcessedEvents` table (aws-semantics §7.3).
//!
//! Stock moves exactly once: the guard and the stock updates commit in one DynamoDB
//! transaction. Email and metrics cannot join a transaction, so their guard records the intent
//! before the effect and the outcome after it; a crash in between, or an effect call whose
//! outcome is unknown, is retried once the intent is five minutes old (at least once, never
//! lost), and the SDK never retries those calls itself. The `README.md` beside this crate
//! lists the IAM actions each adapter needs.
//!
//! Every capability method boxes its future: the SDK's futures are deep, and a handler nests
//! them inside batch processing and the Lambda runtime; unboxed, the Lambda binaries exceed
//! rustc's query depth limit when laying out `main`'s future.
#![deny(missing_docs)]

mod dlq;
mod errors;
pub mod facts;
mod guard;
mod mail;
mod metrics;
#[doc(hidden)]
pub mod moto_api;
#[cfg(feature = "runtime")]
pub mod runtime;
pub mod sdk_errors;
mod stock;
mod tx;

use aws_config::SdkConfig;
use tokio::sync::OnceCell;

/// The resources the adapters write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// The stock table (key `productId`, attributes `stock`, `lastUpdated`).
    pub inventory_table: String,
    /// The idempotency table (key `eventId`, TTL on `expiresAt`); it also holds the
    /// reservation markers `inventory#reservation#<orderId>`, which never expire.
    pub processed_events_table: String,
    /// The dead-letter queue's name (its URL is looked up on first use).
    pub dlq_queue: String,
}

impl Names {
    /// The default names `orderctl init` creates.
    pub fn defaults() -> Names {
        Names {
            inventory_table: orders_core::names::INVENTORY_TABLE.into(),
            processed_events_table: orders_core::names::PROCESSED_EVENTS_TABLE.into(),
            dlq_queue: orders_core::names::DLQ_QUEUE.into(),
        }
    }

    /// Names from `INVENTORY_TABLE`, `PROCESSED_EVENTS_TABLE` and `DLQ_QUEUE`, each falling back
    /// to its default when unset or empty.
    pub fn from_env() -> Names {
        let var = |name: &str, default: String| {
            std::env::var(name)
                .ok()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or(default)
        };
        let d = Names::defaults();
        Names {
            inventory_table: var("INVENTORY_TABLE", d.inventory_table),
            processed_events_table: var("PROCESSED_EVENTS_TABLE", d.processed_events_table),
            dlq_queue: var("DLQ_QUEUE", d.dlq_queue),
        }
    }
}

/// The SDK clients the functions' adapters use, built once per process.
#[derive(Debug, Clone)]
pub struct Clients {
    /// DynamoDB.
    pub ddb: aws_sdk_dynamodb::Client,
    /// SES v2.
    pub ses: aws_sdk_sesv2::Client,
    /// CloudWatch.
    pub cloudwatch: aws_sdk_cloudwatch::Client,
    /// SQS.
    pub sqs: aws_sdk_sqs::Client,
}

impl Clients {
    /// Every client on one config.
    pub fn new(config: &SdkConfig) -> Clients {
        Clients {
            ddb: aws_sdk_dynamodb::Client::new(config),
            ses: aws_sdk_sesv2::Client::new(config),
            cloudwatch: aws_sdk_cloudwatch::Client::new(config),
            sqs: aws_sdk_sqs::Client::new(config),
        }
    }
}

/// Every capability on AWS: implements `Mailer` (SES v2), `Metrics` (CloudWatch), `Stock`
/// (DynamoDB) and `DeadLetters` (SQS) from `orders_core::caps`.
#[derive(Debug)]
pub struct AwsEffects {
    ddb: aws_sdk_dynamodb::Client,
    ses: aws_sdk_sesv2::Client,
    cloudwatch: aws_sdk_cloudwatch::Client,
    sqs: aws_sdk_sqs::Client,
    names: Names,
    dlq: OnceCell<dlq::DlqQueue>,
}

impl AwsEffects {
    /// Adapters over clients built from `config` (credentials, region, endpoint, retries).
    pub fn new(config: &SdkConfig, names: Names) -> AwsEffects {
        AwsEffects::with_clients(&Clients::new(config), names)
    }

    /// The adapters over clients built elsewhere (the CLI's): an SDK client is a handle, so
    /// this shares the process's one set of clients and their connection pools.
    pub fn with_clients(clients: &Clients, names: Names) -> AwsEffects {
        AwsEffects {
            ddb: clients.ddb.clone(),
            ses: clients.ses.clone(),
            cloudwatch: clients.cloudwatch.clone(),
            sqs: clients.sqs.clone(),
            names,
            dlq: OnceCell::new(),
        }
    }

    /// For the Lambda binaries: resource names from the environment (`INVENTORY_TABLE`,
    /// `PROCESSED_EVENTS_TABLE`, `DLQ_QUEUE`; defaults `Inventory`, `ProcessedEvents`,
    /// `orders-dlq`).
    pub fn from_env(config: &SdkConfig) -> AwsEffects {
        AwsEffects::new(config, Names::from_env())
    }
}
