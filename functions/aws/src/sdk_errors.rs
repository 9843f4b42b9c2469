//! The one reading of an SDK error, shared by the functions' adapters (retry or dead-letter?)
//! and the CLI's backend (which line to print): one table from service error code to kind, one
//! way to get the code, the message and the cause chain out of an `SdkError`.

use std::error::Error as StdError;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use orders_core::caps::Severity;

/// What was being done, for messages: the IAM action and the resource.
#[derive(Debug, Clone, Copy)]
pub struct Op<'a> {
    /// IAM action, e.g. `dynamodb:PutItem`.
    pub action: &'a str,
    /// `table`, `queue`, `stream`, `namespace`, `sender`, …
    pub kind: &'a str,
    /// The resource's name.
    pub name: &'a str,
}

impl<'a> Op<'a> {
    /// `action` on the `kind` named `name`.
    pub fn new(action: &'a str, kind: &'a str, name: &'a str) -> Op<'a> {
        Op { action, kind, name }
    }

    /// `dynamodb:PutItem on table Orders`.
    pub fn what(&self) -> String {
        format!("{} on {} {}", self.action, self.kind, self.name)
    }
}

/// What kind of failure a service error code (or a transport failure) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The table, queue, stream or identity does not exist.
    NotFound,
    /// A condition failed.
    Conflict,
    /// Throttled, or a conflicting transaction.
    Throttled,
    /// Permission denied.
    Denied,
    /// The credentials' token has expired.
    ExpiredCredentials,
    /// The credentials were rejected (wrong key or secret, or a skewed clock).
    RejectedCredentials,
    /// No credentials could be loaded.
    NoCredentials,
    /// A shard iterator older than 15 minutes.
    ExpiredIterator,
    /// The records asked for were trimmed from the stream.
    TrimmedData,
    /// The request's data is invalid: retrying it can never succeed.
    Invalid,
    /// A service fault, an account or configuration state that an operator fixes, a timeout,
    /// or an endpoint that cannot be reached.
    Unavailable,
    /// Anything else.
    Unknown,
}

impl ErrorKind {
    /// Retry or dead-letter. Only data no retry can fix is permanent: a configuration problem
    /// (permissions, credentials, a missing table) must not send good records to the DLQ, and
    /// an unknown code that is wrongly retried stalls the shard visibly (IteratorAge), while
    /// one wrongly dead-lettered silently drops a good record's effect.
    pub fn severity(self) -> Severity {
        match self {
            ErrorKind::Invalid => Severity::Permanent,
            _ => Severity::Transient,
        }
    }
}

/// Data errors: retrying the same request can never succeed.
const INVALID: &[&str] = &[
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
    // SQS SendMessage: a body with characters SQS does not take (§6.1).
    "InvalidMessageContents",
    "ItemCollectionSizeLimitExceededException",
    // SES v2 SendEmail (aws-semantics §7.1): a message or address SES refuses.
    "MessageRejected",
    "BadRequestException",
];

const NOT_FOUND: &[&str] = &[
    "ResourceNotFoundException",
    "QueueDoesNotExist",
    "AWS.SimpleQueueService.NonExistentQueue",
    // SES (§7.1): a configuration set or identity that does not exist.
    "NotFoundException",
];

/// Throttling, in every service's spelling, and transactions that lost a race.
const THROTTLED: &[&str] = &[
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
    "KmsThrottled",
];

const DENIED: &[&str] = &[
    "AccessDeniedException",
    "AccessDenied",
    "UnauthorizedOperation",
    "AuthorizationError",
    "KmsAccessDenied",
];

const EXPIRED_CREDENTIALS: &[&str] = &[
    "ExpiredTokenException",
    "ExpiredToken",
    "TokenRefreshRequired",
];

const REJECTED_CREDENTIALS: &[&str] = &[
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "MissingAuthenticationToken",
];

/// Service faults, and account or configuration states every request fails alike in until
/// an operator fixes them.
const UNAVAILABLE: &[&str] = &[
    "InternalServerError",
    "InternalFailure",
    "InternalServiceFault",
    "InternalError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    // SES account state and configuration (§7.1).
    "SendingPausedException",
    "AccountSuspendedException",
    "MailFromDomainNotVerifiedException",
    "KmsDisabled",
    "KmsNotFound",
    "KmsInvalidState",
];

/// The kind of a service error: its code, its message (a cancelled transaction lists its
/// reasons there, in request order; aws-semantics §7.3) and its HTTP status.
pub fn kind_of(code: &str, message: &str, status: Option<u16>) -> ErrorKind {
    let is = |list: &[&str]| list.contains(&code);
    if is(INVALID) {
        ErrorKind::Invalid
    } else if is(NOT_FOUND) {
        ErrorKind::NotFound
    } else if code == "ConditionalCheckFailedException" {
        ErrorKind::Conflict
    } else if code == "TransactionCanceledException" {
        if message.contains("ConditionalCheckFailed") {
            ErrorKind::Conflict
        } else if message.contains("ThrottlingError") || message.contains("TransactionConflict") {
            ErrorKind::Throttled
        } else {
            ErrorKind::Unknown
        }
    } else if is(THROTTLED) {
        ErrorKind::Throttled
    } else if is(DENIED) {
        ErrorKind::Denied
    } else if is(EXPIRED_CREDENTIALS) {
        ErrorKind::ExpiredCredentials
    } else if is(REJECTED_CREDENTIALS) {
        ErrorKind::RejectedCredentials
    } else if code == "ExpiredIteratorException" {
        ErrorKind::ExpiredIterator
    } else if code == "TrimmedDataAccessException" {
        ErrorKind::TrimmedData
    } else if is(UNAVAILABLE) || status.is_some_and(|s| s >= 500) {
        ErrorKind::Unavailable
    } else if code.ends_with("ValidationException") || code.starts_with("InvalidParameter") {
        ErrorKind::Invalid
    } else if code.is_empty() && status == Some(403) {
        // Forbidden with no code anyone can read: a denial, not an unknown failure.
        ErrorKind::Denied
    } else {
        ErrorKind::Unknown
    }
}

/// Where a failure happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// The service answered with an error.
    Service {
        /// Its error code (empty when it gave none).
        code: String,
        /// Its message, trimmed; empty for a signature mismatch, whose message echoes the
        /// canonical request and can carry the session token.
        message: String,
        /// The HTTP status.
        status: u16,
    },
    /// Connecting timed out.
    ConnectTimeout,
    /// The request could not be sent (refused, reset, no such host…).
    Unreachable {
        /// An I/O error (as opposed to, say, a TLS or credentials failure).
        io: bool,
    },
    /// The operation timed out.
    Timeout,
    /// The request could not be built or the response not read.
    Other,
}

/// Whether a failed request may still have taken effect (aws-semantics §7.4). What matters for
/// calls with no idempotency key (SES `SendEmail`, `PutMetricData`): one that surely did nothing
/// may be sent again at once, one that may have been applied must not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The request had no effect: it was never sent, or the service refused it with a client
    /// error (4xx: throttling, validation, `MessageRejected`, denied…).
    NotApplied,
    /// It may have been applied: a 5xx, a timeout, a reset or a dispatch failure (the request
    /// may have reached the service), or a response that could not be read.
    Unknown,
}

/// One SDK error, read once.
#[derive(Debug, Clone)]
pub struct SdkFailure {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// Where it happened.
    pub cause: Cause,
    /// Whether the request may have been applied all the same.
    pub outcome: Outcome,
    /// Every message in the error's source chain, joined with `: `, repeats dropped.
    pub chain: String,
}

impl SdkFailure {
    /// Read an SDK error.
    pub fn read<E>(err: &SdkError<E, HttpResponse>) -> SdkFailure
    where
        E: ProvideErrorMetadata + StdError + 'static,
    {
        let chain = chain(err);
        let transport = |cause: Cause| {
            let kind = if is_credentials(&chain) {
                ErrorKind::NoCredentials
            } else if matches!(cause, Cause::Other) {
                ErrorKind::Unknown
            } else {
                ErrorKind::Unavailable
            };
            (kind, cause)
        };
        let (kind, cause) = match err {
            SdkError::ServiceError(service) => {
                let status = service.raw().status().as_u16();
                // A JSON-protocol client finds no code in an XML error body; read it there.
                let (code, message) = match service.err().code() {
                    Some(code) => (code.to_owned(), service.err().message().unwrap_or("")),
                    None => xml_error(service.raw().body().bytes().unwrap_or_default()),
                };
                let message = match code.as_str() {
                    "InvalidSignatureException" | "SignatureDoesNotMatch" => String::new(),
                    _ => message.trim().to_owned(),
                };
                let kind = kind_of(&code, &message, Some(status));
                (
                    kind,
                    Cause::Service {
                        code,
                        message,
                        status,
                    },
                )
            }
            SdkError::TimeoutError(_) => (ErrorKind::Unavailable, Cause::Timeout),
            SdkError::DispatchFailure(failure) if failure.is_timeout() => {
                transport(Cause::ConnectTimeout)
            }
            SdkError::DispatchFailure(failure) => transport(Cause::Unreachable {
                io: failure.is_io(),
            }),
            _ => transport(Cause::Other),
        };
        let outcome = match (err, &cause) {
            // Refused by the service: a 4xx is an answer about a request it did not apply.
            (_, Cause::Service { status, .. }) if (400..500).contains(status) => {
                Outcome::NotApplied
            }
            // Never sent: the request could not be built or signed.
            (SdkError::ConstructionFailure(_), _) => Outcome::NotApplied,
            // A connection that failed may have carried the request first; a response that could
            // not be read followed one that was sent.
            _ => Outcome::Unknown,
        };
        SdkFailure {
            kind,
            cause,
            outcome,
            chain,
        }
    }
}

/// The code and message of an XML `ErrorResponse` body (`<Code>…</Code>`, `<Message>…</Message>`),
/// which an endpoint in front of a JSON-protocol service can send: moto with IAM enforced
/// answers an AWS-JSON DynamoDB call that way. Empty when the body has none.
fn xml_error(body: &[u8]) -> (String, &str) {
    let body = std::str::from_utf8(body).unwrap_or_default();
    let tag = |name: &str| -> &str {
        let (open, close) = (format!("<{name}>"), format!("</{name}>"));
        body.split_once(open.as_str())
            .and_then(|(_, rest)| rest.split_once(close.as_str()))
            .map_or("", |(inner, _)| inner)
    };
    (tag("Code").trim().to_owned(), tag("Message"))
}

/// Whether a cause chain says credentials could not be loaded.
fn is_credentials(chain: &str) -> bool {
    let lower = chain.to_ascii_lowercase();
    lower.contains("credentials")
        && (lower.contains("no ")
            || lower.contains("fail")
            || lower.contains("not")
            || lower.contains("expired"))
}

/// Every message in the error's source chain, joined, repeats dropped.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_errors_are_permanent_and_the_rest_transient() {
        let severity = |code: &str| kind_of(code, "", Some(400)).severity();
        for code in [
            "ValidationException",
            "MessageRejected",
            "BadRequestException",
            "InvalidParameterValue",
            "FooValidationException",
        ] {
            assert_eq!(severity(code), Severity::Permanent, "{code}");
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
            "ConditionalCheckFailedException",
            "SomethingNew",
        ] {
            assert_eq!(severity(code), Severity::Transient, "{code}");
        }
        assert_eq!(kind_of("", "", Some(503)), ErrorKind::Unavailable);
    }

    /// Issue 19: moto with IAM enforced answers a DynamoDB (AWS JSON) call with an XML
    /// `ErrorResponse`; the code is read from it, and a 403 with no code at all is a denial.
    #[test]
    fn a_denial_in_an_xml_body_or_a_bare_403_is_read_as_denied() {
        use aws_sdk_dynamodb::operation::put_item::PutItemError;
        use aws_smithy_runtime_api::http::StatusCode;
        use aws_smithy_types::body::SdkBody;
        use aws_smithy_types::error::ErrorMetadata;

        let answered = |status: u16, body: &str| -> SdkError<PutItemError, HttpResponse> {
            SdkError::service_error(
                PutItemError::generic(ErrorMetadata::builder().build()),
                HttpResponse::new(
                    StatusCode::try_from(status).unwrap(),
                    SdkBody::from(body.to_owned()),
                ),
            )
        };
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<ErrorResponse><Errors><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ops is not authorized to perform: dynamodb:PutItem</Message><Type>Sender</Type></Error></Errors></ErrorResponse>"#;
        let failure = SdkFailure::read(&answered(403, xml));
        assert_eq!(failure.kind, ErrorKind::Denied);
        match failure.cause {
            Cause::Service { code, message, .. } => {
                assert_eq!(code, "AccessDenied");
                assert!(message.contains("not authorized to perform: dynamodb:PutItem"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(SdkFailure::read(&answered(403, "")).kind, ErrorKind::Denied);
        let signature = xml.replace("AccessDenied", "SignatureDoesNotMatch");
        let failure = SdkFailure::read(&answered(403, &signature));
        assert_eq!(failure.kind, ErrorKind::RejectedCredentials);
        assert!(
            matches!(failure.cause, Cause::Service { ref message, .. } if message.is_empty()),
            "a signature mismatch's message is never kept: {:?}",
            failure.cause
        );
        assert_eq!(
            SdkFailure::read(&answered(400, "")).kind,
            ErrorKind::Unknown
        );
    }

    #[test]
    fn only_a_refused_or_unsent_request_is_known_not_applied() {
        use aws_sdk_sqs::operation::send_message::SendMessageError;
        use aws_smithy_runtime_api::client::result::ConnectorError;
        use aws_smithy_runtime_api::http::StatusCode;
        use aws_smithy_types::body::SdkBody;
        use aws_smithy_types::error::ErrorMetadata;

        let answered = |status: u16, code: &str| -> SdkError<SendMessageError, HttpResponse> {
            SdkError::service_error(
                SendMessageError::generic(ErrorMetadata::builder().code(code).build()),
                HttpResponse::new(StatusCode::try_from(status).unwrap(), SdkBody::empty()),
            )
        };
        let outcome =
            |err: SdkError<SendMessageError, HttpResponse>| SdkFailure::read(&err).outcome;
        assert_eq!(
            outcome(answered(400, "ThrottlingException")),
            Outcome::NotApplied
        );
        assert_eq!(
            outcome(answered(400, "MessageRejected")),
            Outcome::NotApplied
        );
        assert_eq!(
            outcome(answered(429, "TooManyRequestsException")),
            Outcome::NotApplied
        );
        assert_eq!(
            outcome(SdkError::construction_failure("no credentials")),
            Outcome::NotApplied
        );
        assert_eq!(outcome(answered(500, "InternalFailure")), Outcome::Unknown);
        assert_eq!(outcome(answered(503, "")), Outcome::Unknown);
        assert_eq!(
            outcome(SdkError::timeout_error("operation timeout")),
            Outcome::Unknown
        );
        assert_eq!(
            outcome(SdkError::dispatch_failure(ConnectorError::io(
                "reset".into()
            ))),
            Outcome::Unknown
        );
    }

    #[test]
    fn a_cancelled_transaction_is_read_from_its_reasons() {
        let kind = |m: &str| kind_of("TransactionCanceledException", m, Some(400));
        assert_eq!(
            kind(
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
            ),
            ErrorKind::Conflict
        );
        assert_eq!(
            kind("reasons [ThrottlingError, None]"),
            ErrorKind::Throttled
        );
        assert_eq!(kind("reasons [TransactionConflict]"), ErrorKind::Throttled);
        assert_eq!(kind("reasons [ValidationError]"), ErrorKind::Unknown);
    }
}
