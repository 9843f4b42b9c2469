//! `DeadLetters` on SQS: one SendMessage per permanently failed record. The queue is configured
//! by name; its URL and its `MaximumMessageSize` are looked up once (GetQueueUrl,
//! GetQueueAttributes) and cached. An envelope over that size is sent without its record's
//! images (replay re-reads the record from the stream). Every other failure here is transient:
//! a record whose dead letter could not be written must be retried, never dropped.

use aws_sdk_sqs::types::QueueAttributeName;
use orders_core::caps::{CapError, CapResult, DeadLetters};
use orders_core::dlq::DlqBody;

use crate::AwsEffects;
use crate::errors::{Op, classify};
use crate::sdk_errors::{ErrorKind, SdkFailure};

/// The dead-letter queue, as looked up once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DlqQueue {
    /// Its URL.
    url: String,
    /// Its `MaximumMessageSize` in bytes (1,024–1,048,576; aws-semantics §6.1), when it could
    /// be read. Unread, a body is sent whole, and made smaller only if SQS refuses it.
    max_bytes: Option<usize>,
}

impl DeadLetters for AwsEffects {
    async fn send(&self, body: &str) -> CapResult<()> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.send_now(body)).await
    }
}

impl AwsEffects {
    /// Look the queue up if needed, then SendMessage: the body as it is when it fits, else the
    /// envelope without its images.
    async fn send_now(&self, body: &str) -> CapResult<()> {
        let queue = self.dlq_queue().await?;
        if let Some(max) = queue.max_bytes
            && body.len() > max
        {
            let slim = slimmed(body, max, &self.names.dlq_queue)?;
            return self
                .send_message(&queue.url, &slim)
                .await
                .map_err(transient);
        }
        match self.send_message(&queue.url, body).await {
            Ok(()) => Ok(()),
            // Refused as invalid (too large for a limit we could not read, or characters SQS
            // does not take, §6.1): retrying the same body can never pass, so send it slimmer
            // once instead of failing the record's batch until the record expires.
            Err(e) if e.kind == ErrorKind::Invalid => {
                let slim = slimmed(body, body.len().saturating_sub(1), &self.names.dlq_queue)
                    .map_err(|_| transient(e))?;
                self.send_message(&queue.url, &slim)
                    .await
                    .map_err(transient)
            }
            Err(e) => Err(transient(e)),
        }
    }

    /// One SendMessage, its failure read.
    async fn send_message(&self, url: &str, body: &str) -> Result<(), Refused> {
        self.sqs
            .send_message()
            .queue_url(url)
            .message_body(body)
            .send()
            .await
            .map_err(|e| Refused {
                kind: SdkFailure::read(&e).kind,
                error: classify(
                    &e,
                    Op::new("sqs:SendMessage", "queue", &self.names.dlq_queue),
                ),
            })?;
        Ok(())
    }

    /// The dead-letter queue, looked up on first use; a failed URL lookup is retried next time.
    async fn dlq_queue(&self) -> CapResult<&DlqQueue> {
        let queue = &self.names.dlq_queue;
        self.dlq
            .get_or_try_init(|| async {
                let out = self
                    .sqs
                    .get_queue_url()
                    .queue_name(queue)
                    .send()
                    .await
                    .map_err(|e| {
                        CapError::transient(
                            classify(&e, Op::new("sqs:GetQueueUrl", "queue", queue)).message,
                        )
                    })?;
                let url = out.queue_url.filter(|u| !u.is_empty()).ok_or_else(|| {
                    CapError::transient(format!(
                        "sqs:GetQueueUrl on queue {queue}: no URL in the answer"
                    ))
                })?;
                let max_bytes = self.max_message_size(&url).await;
                Ok(DlqQueue { url, max_bytes })
            })
            .await
    }

    /// The queue's `MaximumMessageSize`, or `None` when it cannot be read (a role without
    /// `sqs:GetQueueAttributes` still dead-letters: SendMessage's refusal is handled).
    async fn max_message_size(&self, url: &str) -> Option<usize> {
        let out = self
            .sqs
            .get_queue_attributes()
            .queue_url(url)
            .attribute_names(QueueAttributeName::MaximumMessageSize)
            .send()
            .await
            .ok()?;
        out.attributes()?
            .get(&QueueAttributeName::MaximumMessageSize)?
            .parse()
            .ok()
    }
}

/// A SendMessage the queue refused, and how.
struct Refused {
    kind: ErrorKind,
    error: CapError,
}

/// `body`, a record envelope, without its images and within `max` bytes; a body that is not
/// an envelope, or one whose keys alone are too large, cannot be made smaller.
fn slimmed(body: &str, max: usize, queue: &str) -> CapResult<String> {
    let DlqBody::Envelope(envelope) = DlqBody::parse(body) else {
        return Err(CapError::transient(format!(
            "sqs:SendMessage on queue {queue}: a {} byte body over the queue's limit of {max} bytes, and not a record envelope that could be sent without its images",
            body.len()
        )));
    };
    envelope.slimmed(max).ok_or_else(|| {
        CapError::transient(format!(
            "sqs:SendMessage on queue {queue}: record {} does not fit the queue's limit of {max} bytes even without its images",
            envelope.record.dynamodb.sequence_number
        ))
    })
}

fn transient(e: impl Into<CapError>) -> CapError {
    CapError::transient(e.into().message)
}

impl From<Refused> for CapError {
    fn from(r: Refused) -> CapError {
        r.error
    }
}
