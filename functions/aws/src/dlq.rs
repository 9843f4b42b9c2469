//! `DeadLetters` on SQS: one SendMessage per permanently failed record. The queue is configured
//! by name; its URL is looked up once (GetQueueUrl) and cached. Every failure here is transient:
//! a record whose dead letter could not be written must be retried, never dropped.

use orders_core::caps::{CapError, CapResult, DeadLetters};

use crate::AwsEffects;
use crate::errors::{Op, classify};

impl DeadLetters for AwsEffects {
    async fn send(&self, body: &str) -> CapResult<()> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.send_now(body)).await
    }
}

impl AwsEffects {
    /// Look the queue up if needed, then SendMessage.
    async fn send_now(&self, body: &str) -> CapResult<()> {
        let url = self.dlq_url().await?;
        self.sqs
            .send_message()
            .queue_url(url)
            .message_body(body)
            .send()
            .await
            .map_err(|e| {
                transient(classify(
                    &e,
                    Op::new("sqs:SendMessage", "queue", &self.names.dlq_queue),
                ))
            })?;
        Ok(())
    }

    /// The dead-letter queue's URL, looked up on first use; a failed lookup is retried next time.
    async fn dlq_url(&self) -> CapResult<&str> {
        let queue = &self.names.dlq_queue;
        let url = self
            .dlq_url
            .get_or_try_init(|| async {
                let out = self
                    .sqs
                    .get_queue_url()
                    .queue_name(queue)
                    .send()
                    .await
                    .map_err(|e| {
                        transient(classify(&e, Op::new("sqs:GetQueueUrl", "queue", queue)))
                    })?;
                out.queue_url.filter(|u| !u.is_empty()).ok_or_else(|| {
                    CapError::transient(format!(
                        "sqs:GetQueueUrl on queue {queue}: no URL in the answer"
                    ))
                })
            })
            .await?;
        Ok(url)
    }
}

fn transient(e: CapError) -> CapError {
    CapError::transient(e.message)
}
