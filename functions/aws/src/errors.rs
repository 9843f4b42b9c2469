//! Every SDK error the functions' adapters meet becomes a `CapError` here: the shared reading
//! in `sdk_errors` decides retry or dead-letter (transient whenever a retry, or an operator
//! fixing configuration, can help; permanent only for data no retry can fix), and this adds
//! the one-line message.

use std::error::Error as StdError;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::error::operation::BuildError;
use orders_core::caps::{CapError, Severity};

pub(crate) use crate::sdk_errors::Op;
use crate::sdk_errors::{Cause, Outcome, SdkFailure, kind_of};

/// How a service error code (and its HTTP status) should be treated: the shared table in
/// `sdk_errors`, read as retry (transient) or dead-letter (permanent).
pub(crate) fn severity_of(code: &str, status: Option<u16>) -> Severity {
    kind_of(code, "", status).severity()
}

/// Translate an SDK error raised while doing `op`.
pub(crate) fn classify<E>(err: &SdkError<E, HttpResponse>, op: Op<'_>) -> CapError
where
    E: ProvideErrorMetadata + StdError + 'static,
{
    describe(&SdkFailure::read(err), op)
}

/// Translate an SDK error raised while doing `op`, a call with no idempotency key, and say
/// whether it may have been applied all the same (aws-semantics §7.4). An unknown outcome is
/// always transient: it says nothing about the data.
pub(crate) fn classify_effect<E>(err: &SdkError<E, HttpResponse>, op: Op<'_>) -> (CapError, Outcome)
where
    E: ProvideErrorMetadata + StdError + 'static,
{
    let failure = SdkFailure::read(err);
    let error = describe(&failure, op);
    match failure.outcome {
        Outcome::Unknown if !error.is_transient() => {
            (CapError::transient(error.message), Outcome::Unknown)
        }
        outcome => (error, outcome),
    }
}

/// The one-line error for a failure read while doing `op`.
fn describe(failure: &SdkFailure, op: Op<'_>) -> CapError {
    let why = match &failure.cause {
        Cause::Service {
            code,
            message,
            status,
        } => match (code.is_empty(), message.is_empty()) {
            (true, true) => format!("HTTP {status}"),
            (true, false) => format!("HTTP {status}: {message}"),
            (false, true) => code.clone(),
            (false, false) => format!("{code}: {message}"),
        },
        Cause::Timeout => "timed out".to_owned(),
        Cause::ConnectTimeout => "timed out connecting".to_owned(),
        Cause::Unreachable { .. } => format!("cannot reach the endpoint: {}", failure.chain),
        // Construction failures are mostly missing credentials or region; response failures
        // a truncated or garbled reply. Both may pass once the cause is fixed.
        Cause::Other => failure.chain.clone(),
    };
    let message = one_line(&format!("{}: {why}", op.what()));
    match failure.kind.severity() {
        Severity::Transient => CapError::transient(message),
        Severity::Permanent => CapError::permanent(message),
    }
}

/// A request that cannot be built will never build on a retry.
pub(crate) fn build_failed(err: BuildError, what: &str) -> CapError {
    CapError::permanent(one_line(&format!("cannot build {what}: {err}")))
}

/// Messages are one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_one_line() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
    }
}
