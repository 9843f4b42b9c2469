//! What `status` and `doctor` read, asked the same way of either backend: item counts (exact
//! locally, DescribeTable's approximate count on AWS), how far a consumer is behind (known
//! locally, where its checkpoints are), the oldest dead letter's age (CloudWatch on AWS, so
//! no message is received), and whether the subscriptions are deployed ones.

pub use super::local::status::Backlog;
use super::queue::QueueStats;
use super::{TResult, Target};

/// Items in the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemCounts {
    /// Orders.
    pub orders: u64,
    /// Inventory.
    pub inventory: u64,
    /// An estimate (DescribeTable's ItemCount, refreshed about every 6 hours).
    pub approximate: bool,
}

impl Target {
    /// Items in the orders and inventory tables.
    pub async fn item_counts(&self) -> TResult<ItemCounts> {
        Ok(match self {
            Target::Local(local) => {
                let (orders, inventory) = local.item_counts()?;
                ItemCounts {
                    orders,
                    inventory,
                    approximate: false,
                }
            }
            Target::Aws(aws) => {
                let names = &aws.resources;
                let (orders, inventory) = tokio::try_join!(
                    aws.item_count(&names.orders_table),
                    aws.item_count(&names.inventory_table)
                )?;
                ItemCounts {
                    orders,
                    inventory,
                    approximate: true,
                }
            }
        })
    }

    /// How far `function` is behind, where this backend knows its position (`None` on AWS: a
    /// deployed mapping's position is Lambda's).
    pub fn backlog(&self, function: &str) -> TResult<Option<Backlog>> {
        match self {
            Target::Local(local) => local.backlog(function).map(Some),
            Target::Aws(_) => Ok(None),
        }
    }

    /// The oldest dead letter's age (s), given the queue's stats.
    pub async fn dlq_oldest_age_seconds(&self, stats: &QueueStats) -> TResult<Option<i64>> {
        let now = orders_core::clock::now_ms();
        match self {
            Target::Local(_) => Ok(stats.oldest_sent_ms.map(|ms| (now - ms).max(0) / 1000)),
            Target::Aws(aws) if stats.depth > 0 => aws.dlq_oldest_age_seconds().await,
            Target::Aws(_) => Ok(None),
        }
    }

    /// Whether the subscriptions are deployed mappings (which may miss a function), rather
    /// than orderctl.toml's own.
    pub fn subscriptions_are_deployed(&self) -> bool {
        matches!(self, Target::Aws(_))
    }
}
