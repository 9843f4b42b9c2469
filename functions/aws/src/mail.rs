//! `Mailer` on SES v2. Sending is not idempotent and cannot join a DynamoDB transaction, so the
//! intent is recorded in the guard before sending and settled after (aws-semantics §7.1, §7.3):
//! at most one email per key while attempts settle, at least one after a crash.

use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};
use orders_core::caps::{Applied, CapResult, Email, Mailer};

use crate::AwsEffects;
use crate::errors::{Op, build_failed, classify};
use crate::guard::{Claim, FAILED, SENT, in_flight};

impl Mailer for AwsEffects {
    async fn send_once(&self, key: &str, email: &Email) -> CapResult<Applied> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.send_once_now(key, email)).await
    }
}

impl AwsEffects {
    /// Claim, send, settle.
    async fn send_once_now(&self, key: &str, email: &Email) -> CapResult<Applied> {
        let ticket = match self.claim(key).await? {
            Claim::Claimed(ticket) => ticket,
            Claim::Done => return Ok(Applied::Duplicate),
            Claim::InFlight(since) => return Err(in_flight(key, since)),
        };
        match self.send_email(email).await {
            Ok(()) => {
                // The mail is out. If confirming fails, the claim stays `sending` and only a
                // redelivery more than 5 minutes later could send again; reporting an error now
                // would make that resend certain, so the send counts as done.
                let _ = self.settle(key, ticket, SENT).await;
                Ok(Applied::Done)
            }
            Err(send_error) => {
                // Release the claim so a retry may send at once; if this fails too, the claim
                // goes stale after 5 minutes and is retried then.
                let _ = self.settle(key, ticket, FAILED).await;
                Err(send_error)
            }
        }
    }

    /// SES v2 SendEmail, the minimal Simple request of §7.1 (UTF-8 subject and text body).
    async fn send_email(&self, email: &Email) -> CapResult<()> {
        let text = |data: &str, what: &str| {
            Content::builder()
                .data(data)
                .charset("UTF-8")
                .build()
                .map_err(|e| build_failed(e, what))
        };
        let message = Message::builder()
            .subject(text(&email.subject, "the email subject")?)
            .body(
                Body::builder()
                    .text(text(&email.body, "the email body")?)
                    .build(),
            )
            .build();
        let identity = format!("{} (to {})", email.from, email.to);
        self.ses
            .send_email()
            .from_email_address(&email.from)
            .destination(Destination::builder().to_addresses(&email.to).build())
            .content(EmailContent::builder().simple(message).build())
            .send()
            .await
            .map_err(|e| classify(&e, Op::new("ses:SendEmail", "identity", &identity)))?;
        Ok(())
    }
}
