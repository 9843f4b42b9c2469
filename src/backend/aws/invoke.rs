//! Invoking a deployed Lambda function (`dlq replay --via lambda`). Invoke has no idempotency
//! key (aws-semantics §7.4): a retry after an attempt that reached the function runs the same
//! event again — at the same time as the first, when the client only gave up waiting. So Invoke
//! gets its own attempt timeout, the function's configured timeout (read once per function)
//! plus a margin, and no retry but of throttling, which Lambda answers before running anything.

use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use orders_aws::sdk_errors::{Cause, ErrorKind, SdkFailure};

use super::{AwsTarget, CONNECT_TIMEOUT, INITIAL_BACKOFF, MAX_ATTEMPTS};
use crate::backend::{TResult, TargetError};

/// Waited beyond the function's own timeout: its cold start's init phase, which Lambda allows
/// 10 s outside that timeout. A reply later than this is an unknown outcome, never retried.
const REPLY_MARGIN: Duration = Duration::from_secs(10);

/// Lambda's timeout for a function whose configuration names none.
const DEFAULT_FUNCTION_TIMEOUT: Duration = Duration::from_secs(3);

/// What a synchronous Invoke returned.
#[derive(Debug, Clone)]
pub struct LambdaReply {
    /// `FunctionError` (`Unhandled`, …) when the function failed.
    pub function_error: Option<String>,
    /// The response payload, as text.
    pub payload: String,
}

impl AwsTarget {
    /// The function's configured timeout (GetFunctionConfiguration, once per function).
    async fn lambda_timeout(&self, name: &str) -> TResult<Duration> {
        let mut known = self.lambda_timeouts.lock().await;
        if let Some(timeout) = known.get(name) {
            return Ok(*timeout);
        }
        let out = self
            .lambda
            .get_function_configuration()
            .function_name(name)
            .send()
            .await
            .map_err(|e| self.err(e, "lambda:GetFunctionConfiguration", "function", name))?;
        let timeout = out
            .timeout()
            .and_then(|s| u64::try_from(s).ok())
            .map_or(DEFAULT_FUNCTION_TIMEOUT, Duration::from_secs);
        known.insert(name.to_owned(), timeout);
        Ok(timeout)
    }

    /// Invoke a deployed function synchronously (RequestResponse) with a Lambda event, at most
    /// once unless throttled. Judging the reply (aws-semantics §3.3) is the caller's: it knows
    /// the batch.
    pub async fn invoke_lambda(
        &self,
        name: &str,
        event: &orders_core::Event,
    ) -> TResult<LambdaReply> {
        let payload = serde_json::to_vec(event)
            .map_err(|e| TargetError::other("cannot encode the event", e))?;
        let timeout = self.lambda_timeout(name).await?;
        let limit = timeout + REPLY_MARGIN;
        let once = aws_sdk_lambda::config::Builder::default()
            .retry_config(RetryConfig::disabled())
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(CONNECT_TIMEOUT)
                    .operation_attempt_timeout(limit)
                    .operation_timeout(limit)
                    .build(),
            );
        let mut backoff = INITIAL_BACKOFF;
        let mut attempt = 1;
        let out = loop {
            let sent = self
                .lambda
                .invoke()
                .function_name(name)
                .invocation_type(aws_sdk_lambda::types::InvocationType::RequestResponse)
                .payload(aws_smithy_types::Blob::new(payload.clone()))
                .customize()
                .config_override(once.clone())
                .send()
                .await;
            let e = match sent {
                Ok(out) => break out,
                Err(e) => e,
            };
            let failure = SdkFailure::read(&e);
            if failure.kind == ErrorKind::Throttled && attempt < MAX_ATTEMPTS {
                // Throttled: nothing ran; wait and ask again, as the SDK would.
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                attempt += 1;
                continue;
            }
            let unknown = match &failure.cause {
                Cause::Timeout => Some(format!(
                    "no reply within {}s (its timeout of {}s plus {}s)",
                    limit.as_secs(),
                    timeout.as_secs(),
                    REPLY_MARGIN.as_secs()
                )),
                Cause::Service { code, status, .. } if *status >= 500 => {
                    Some(format!("{code} (HTTP {status})"))
                }
                _ => None,
            };
            return Err(match unknown {
                Some(what) => TargetError::Unavailable(format!(
                    "lambda:InvokeFunction on function {name}: {what}; it may have run, so it is not invoked again"
                )),
                None => self.err(e, "lambda:InvokeFunction", "function", name),
            });
        };
        Ok(LambdaReply {
            function_error: out.function_error().map(str::to_owned),
            payload: out
                .payload()
                .map(|b| String::from_utf8_lossy(b.as_ref()).into_owned())
                .unwrap_or_default(),
        })
    }
}
