//! What the backend knows of one order for `orderctl trace`, asked without naming the backend:
//! the facts the functions recorded with their idempotency markers (a lookup by order id
//! locally, one Query of `OrderIndex` on AWS), whether a consumer has passed a record, and
//! whether reading the whole stream is cheap enough to do by default.

use orders_core::SequenceNumber;
use orders_core::fact::Fact;

use super::{TResult, Target};

impl Target {
    /// Every fact recorded for `order_id`, in no particular order.
    pub async fn order_facts(&self, order_id: &str) -> TResult<Vec<Fact>> {
        match self {
            Target::Local(local) => local.order_facts(order_id),
            Target::Aws(aws) => aws.order_facts(order_id).await,
        }
    }

    /// Whether `function` has passed record `seq` of `shard_id`: known locally from its
    /// checkpoints; `None` on AWS, where a deployed Lambda's position is Lambda's own.
    pub fn reached(
        &self,
        function: &str,
        shard_id: &str,
        seq: &SequenceNumber,
    ) -> TResult<Option<bool>> {
        match self {
            Target::Local(local) => local.reached(function, shard_id, seq).map(Some),
            Target::Aws(_) => Ok(None),
        }
    }

    /// What looking at the dead-letter queue costs the messages looked at.
    pub fn peek_caveat(&self) -> &'static str {
        match self {
            Target::Local(_) => "the local queue is read without receiving",
            Target::Aws(_) => {
                "SQS has no peek: each message looked at was received, its receive count is one higher, and a queue with its own redrive policy moves a message on after enough looks"
            }
        }
    }

    /// Whether reading every record kept in the stream is cheap: the local stream is one
    /// table; a busy DynamoDB stream holds hundreds of millions of records a day.
    pub fn stream_scan_is_cheap(&self) -> bool {
        matches!(self, Target::Local(_))
    }
}
