//! `Mailer` on SES v2. Sending is not idempotent and cannot join a DynamoDB transaction, so the
//! intent is recorded in the guard before sending and settled after (aws-semantics §7.1, §7.3).
//!
//! **Email is at least once.** SES has no idempotency key (§7.4), so only the guard decides
//! about sending again, never the SDK: SendEmail runs without SDK retries. A send SES refused
//! (a 4xx: throttled, `MessageRejected`…) settles the claim `failed` and a retry sends at once.
//! A send whose outcome is unknown (a 5xx, a timeout, a reset) leaves the claim `sending`:
//! redeliveries wait, and once the claim is 5 minutes old the mail is sent again. The customer
//! may then get the same email twice, but an order confirmation is never lost — the same rule
//! as for a crash between claiming and settling.

use aws_sdk_sesv2::config::retry::RetryConfig;
use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};
use orders_core::caps::{Applied, CapError, CapResult, Email, Mailer};
use orders_core::fact::{Effect, Mark};

use crate::AwsEffects;
use crate::errors::{Op, build_failed, classify_effect};
use crate::guard::{Claim, FAILED, SENT, in_flight, unknown_outcome};
use crate::sdk_errors::Outcome;

impl Mailer for AwsEffects {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.send_once_now(mark, email)).await
    }
}

impl AwsEffects {
    /// Claim (the claim records the subject for `trace`), send, settle.
    async fn send_once_now(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        let key = &mark.key();
        let effect = Effect::Email {
            subject: email.subject.clone(),
        };
        let ticket = match self.claim(mark, &effect).await? {
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
            Err((send_error, Outcome::NotApplied)) => {
                // Not sent: release the claim so a retry may send at once; if this fails too,
                // the claim goes stale after 5 minutes and is retried then.
                let _ = self.settle(key, ticket, FAILED).await;
                Err(send_error)
            }
            // Perhaps sent: the claim stays `sending` until it is stale (at least once, §7.4).
            Err((send_error, Outcome::Unknown)) => {
                Err(unknown_outcome(send_error, ticket.started_at))
            }
        }
    }

    /// SES v2 SendEmail, the minimal Simple request of §7.1 (UTF-8 subject and text body),
    /// sent once: no SDK retry (§7.4). A failure says whether the mail may have gone out.
    async fn send_email(&self, email: &Email) -> Result<(), (CapError, Outcome)> {
        let not_built = |e: CapError| (e, Outcome::NotApplied);
        let text = |data: &str, what: &str| {
            Content::builder()
                .data(data)
                .charset("UTF-8")
                .build()
                .map_err(|e| build_failed(e, what))
        };
        let message = Message::builder()
            .subject(text(&email.subject, "the email subject").map_err(not_built)?)
            .body(
                Body::builder()
                    .text(text(&email.body, "the email body").map_err(not_built)?)
                    .build(),
            )
            .build();
        let identity = format!("{} (to {})", email.from, email.to);
        self.ses
            .send_email()
            .from_email_address(&email.from)
            .destination(Destination::builder().to_addresses(&email.to).build())
            .content(EmailContent::builder().simple(message).build())
            .customize()
            .config_override(
                aws_sdk_sesv2::config::Builder::default().retry_config(RetryConfig::disabled()),
            )
            .send()
            .await
            .map_err(|e| classify_effect(&e, Op::new("ses:SendEmail", "identity", &identity)))?;
        Ok(())
    }
}
