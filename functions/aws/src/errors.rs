//! Every SDK error becomes a `CapError` here and nowhere else, so "retry or dead-letter?" is
//! decided in one place: transient whenever a retry — or an operator fixing configuration — can
//! help; permanent only for data that no retry can fix.
//!
//! Permissions, credentials, missing tables and queues are deliberately transient: a
//! configuration problem must not send good records to the dead-letter queue, and Lambda
//! retrying (IteratorAge climbing) raises the alarm that gets it fixed.

use std::error::Error as StdError;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use aws_smithy_types::error::operation::BuildError;
use orders_core::caps::{CapError, Severity};

/// What was being done, for messages: the IAM action and the resource.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Op<'a> {
    /// IAM action, e.g. `dynamodb:PutItem`.
    pub action: &'static str,
    /// `table`, `queue`, `namespace`, `sender`, …
    pub kind: &'static str,
    /// The resource's name.
    pub name: &'a str,
}

impl Op<'_> {
    fn what(&self) -> String {
        format!("{} on {} {}", self.action, self.kind, self.name)
    }
}

/// Data errors: retrying the same request can never succeed.
const PERMANENT: &[&str] = &[
    // DynamoDB / CloudWatch / SQS request validation.
    "ValidationException",
    "ValidationError",
    "SerializationException",
    "InvalidParameterValue",
    "InvalidParameterValueException",
    "InvalidParameterCombination",
    "InvalidParameterCombinationException",
    "MissingParameter",
    "MissingRequiredParameterException",
    "InvalidAttributeValue",
    "ItemCollectionSizeLimitExceededException",
    // SES v2 SendEmail (aws-semantics §7.1): a message or address SES refuses.
    "MessageRejected",
    "BadRequestException",
];

/// Throttling, service faults, and configuration problems that an operator fixes.
const TRANSIENT: &[&str] = &[
    // Throttling (every service's spelling).
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "Throttling",
    "ThrottlingError",
    "RequestLimitExceeded",
    "RequestThrottled",
    "TooManyRequestsException",
    "LimitExceededException",
    "LimitExceeded",
    "TransactionConflict",
    "TransactionConflictException",
    "TransactionInProgressException",
    "ReplicatedWriteConflictException",
    // Service faults.
    "InternalServerError",
    "InternalFailure",
    "InternalServiceFault",
    "InternalError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    // SES account state (§7.1): sending resumes once the account is fixed.
    "SendingPausedException",
    "AccountSuspendedException",
    // SES configuration (§7.1): the MAIL FROM domain, a configuration set or identity that
    // does not exist — every email fails alike until an operator fixes it.
    "MailFromDomainNotVerifiedException",
    "NotFoundException",
    // Configuration: permissions, credentials, missing resources.
    "AccessDeniedException",
    "AccessDenied",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "MissingAuthenticationToken",
    "ExpiredTokenException",
    "ExpiredToken",
    "ResourceNotFoundException",
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
    "KmsAccessDenied",
    "KmsDisabled",
    "KmsNotFound",
    "KmsInvalidState",
    "KmsThrottled",
];

/// How a service error code (and its HTTP status) should be treated.
///
/// Unknown codes are transient: wrongly retrying stalls the shard visibly (IteratorAge) until
/// someone looks, while wrongly dead-lettering silently drops a good record's effect.
pub(crate) fn severity_of(code: &str, status: Option<u16>) -> Severity {
    if PERMANENT.contains(&code) {
        Severity::Permanent
    } else if TRANSIENT.contains(&code) || status.is_some_and(|s| s >= 500) {
        Severity::Transient
    } else if code.ends_with("ValidationException") || code.starts_with("InvalidParameter") {
        Severity::Permanent
    } else {
        Severity::Transient
    }
}

/// Translate an SDK error raised while doing `op`.
pub(crate) fn classify<E>(err: &SdkError<E, HttpResponse>, op: Op<'_>) -> CapError
where
    E: ProvideErrorMetadata + StdError + 'static,
{
    let (severity, why) = match err {
        SdkError::ServiceError(service) => {
            let code = service.err().code().unwrap_or("");
            let status = service.raw().status().as_u16();
            // A signature mismatch echoes the canonical request, which can carry the session
            // token: its message never reaches a log.
            let message = match code {
                "InvalidSignatureException" | "SignatureDoesNotMatch" => "",
                _ => service.err().message().unwrap_or("").trim(),
            };
            let why = match (code.is_empty(), message.is_empty()) {
                (true, true) => format!("HTTP {status}"),
                (true, false) => format!("HTTP {status}: {message}"),
                (false, true) => code.to_owned(),
                (false, false) => format!("{code}: {message}"),
            };
            (severity_of(code, Some(status)), why)
        }
        SdkError::TimeoutError(_) => (Severity::Transient, "timed out".to_owned()),
        SdkError::DispatchFailure(failure) => {
            let why = if failure.is_timeout() {
                "timed out connecting".to_owned()
            } else {
                format!("cannot reach the endpoint: {}", chain(err))
            };
            (Severity::Transient, why)
        }
        // Construction failures are mostly missing credentials or region; response failures
        // a truncated or garbled reply. Both may pass once the cause is fixed.
        _ => (Severity::Transient, chain(err)),
    };
    let message = one_line(&format!("{}: {why}", op.what()));
    match severity {
        Severity::Transient => CapError::transient(message),
        Severity::Permanent => CapError::permanent(message),
    }
}

/// A request that cannot be built will never build on a retry.
pub(crate) fn build_failed(err: BuildError, what: &str) -> CapError {
    CapError::permanent(one_line(&format!("cannot build {what}: {err}")))
}

/// Every message in the error's source chain, joined, duplicates dropped.
fn chain(err: &(dyn StdError + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = cur {
        let text = e.to_string();
        if !text.trim().is_empty() && !parts.iter().any(|p| p.contains(text.trim())) {
            parts.push(text.trim().to_owned());
        }
        cur = e.source();
    }
    parts.join(": ")
}

/// Messages are one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_errors_are_permanent_and_the_rest_transient() {
        for code in [
            "ValidationException",
            "MessageRejected",
            "BadRequestException",
            "InvalidParameterValue",
        ] {
            assert_eq!(severity_of(code, Some(400)), Severity::Permanent, "{code}");
        }
        for code in [
            "ThrottlingException",
            "ProvisionedThroughputExceededException",
            "TooManyRequestsException",
            "LimitExceededException",
            "SendingPausedException",
            "MailFromDomainNotVerifiedException",
            "NotFoundException",
            "AccountSuspendedException",
            "AccessDeniedException",
            "UnrecognizedClientException",
            "ExpiredTokenException",
            "ResourceNotFoundException",
            "InternalServerError",
        ] {
            assert_eq!(severity_of(code, Some(400)), Severity::Transient, "{code}");
        }
        assert_eq!(severity_of("", Some(503)), Severity::Transient);
        assert_eq!(severity_of("SomethingNew", Some(400)), Severity::Transient);
        assert_eq!(
            severity_of("FooValidationException", Some(400)),
            Severity::Permanent
        );
    }

    #[test]
    fn messages_are_one_line() {
        assert_eq!(one_line("a\n  b\tc "), "a b c");
    }
}
