//! Dead letters: what a message is (a function's record envelope, Lambda's on-failure record,
//! or unreadable), which records it stands for — re-read from the stream for an on-failure
//! record — and the replay engine that deletes a message only after its replay succeeded.

mod batch;
mod chosen;
mod invoke;
mod journal;
mod lease;
mod message;
mod outcome;
pub mod replay;
pub mod resolve;
pub mod stale;

use orders_core::dlq::DlqBody;
use serde::Serialize;

use crate::backend::queue::QueueMessage;
use crate::functions::Subscriptions;

/// One message, summarised for `dlq list`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    /// SQS message id.
    pub message_id: String,
    /// ApproximateReceiveCount.
    pub receive_count: u32,
    /// When it was sent (RFC 3339).
    pub sent_at: String,
    /// `envelope`, `on-failure` or `unreadable`.
    pub format: &'static str,
    /// The function that failed, by its bundled name (`notification`, not the Lambda name an
    /// on-failure record's function ARN carries); a function orderctl does not bundle keeps
    /// its own name.
    pub function: Option<String>,
    /// The order id (envelope) or the sequence range (on-failure).
    pub subject: String,
    /// Why it failed (or why it cannot be read).
    pub error: String,
}

/// Summarise a message; `subs` maps Lambda names back to the bundled functions.
pub fn listing(m: &QueueMessage, subs: &Subscriptions) -> Listing {
    let body = DlqBody::parse(&m.body);
    let (function, subject, error) = match &body {
        DlqBody::Envelope(e) => {
            let order = e
                .record
                .dynamodb
                .keys
                .get("orderId")
                .and_then(|v| v.as_s())
                .unwrap_or("?")
                .to_owned();
            (Some(function_name(&body, subs)), order, e.error.clone())
        }
        DlqBody::OnFailure(r) => {
            let b = &r.batch_info;
            (
                Some(function_name(&body, subs)),
                format!(
                    "{} {}…{} ({} records)",
                    short_shard(&b.shard_id),
                    b.start_sequence_number,
                    b.end_sequence_number,
                    b.batch_size
                ),
                format!(
                    "{} after {} invocations",
                    r.request_context.condition, r.request_context.approximate_invoke_count
                ),
            )
        }
        DlqBody::Unreadable(why) => (None, String::new(), why.clone()),
    };
    Listing {
        message_id: m.message_id.clone(),
        receive_count: m.receive_count,
        sent_at: orders_core::clock::rfc3339_s(m.sent_ms),
        format: body.format(),
        function,
        subject,
        error,
    }
}

/// The bundled function's name for a dead letter, else the name the body gives.
fn function_name(body: &DlqBody, subs: &Subscriptions) -> String {
    match resolve::function_for(body, subs, None) {
        Ok(f) => f.name().to_owned(),
        Err(_) => match body {
            DlqBody::Envelope(e) => e.function.clone(),
            DlqBody::OnFailure(r) => {
                crate::functions::lambda_name_of(&r.request_context.function_arn).to_owned()
            }
            DlqBody::Unreadable(_) => String::new(),
        },
    }
}

/// The last 8 characters of a shard id (which comes from a message body: any text).
fn short_shard(shard: &str) -> &str {
    shard
        .char_indices()
        .rev()
        .nth(7)
        .map_or(shard, |(i, _)| &shard[i..])
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_shard_never_splits_a_character() {
        assert_eq!(
            super::short_shard("shardId-00000001700000000000-a1b2c3d4"),
            "a1b2c3d4"
        );
        assert_eq!(super::short_shard("€€€€€€€€€"), "€€€€€€€€");
        assert_eq!(super::short_shard("abc"), "abc");
    }
}
