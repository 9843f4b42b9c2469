//! SDK errors become `TargetError`s here and nowhere else: one line each that says what failed,
//! where, and what to do (run `orderctl init`, log in to the profile, check the endpoint).

use std::error::Error as StdError;
use std::fmt::Debug;

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use crate::backend::TargetError;

/// What was being done, for messages: the IAM action and the resource.
#[derive(Debug, Clone, Copy)]
pub struct Op<'a> {
    /// IAM action, e.g. `dynamodb:PutItem`.
    pub action: &'a str,
    /// `table`, `queue`, `stream`, …
    pub kind: &'a str,
    /// The resource's name.
    pub name: &'a str,
}

/// Where requests go and as whom, for messages.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The region.
    pub region: String,
    /// An explicit endpoint, if any.
    pub endpoint: Option<String>,
    /// The profile, if named.
    pub profile: Option<String>,
}

impl Origin {
    fn endpoint_for(&self, action: &str) -> String {
        self.endpoint.clone().unwrap_or_else(|| {
            let service = action.split(':').next().unwrap_or("aws");
            format!("https://{service}.{}.amazonaws.com", self.region)
        })
    }

    fn profile_name(&self) -> String {
        self.profile.clone().unwrap_or_else(|| "default".into())
    }
}

/// Translate an SDK error for `op`.
pub fn translate<E, R>(err: SdkError<E, R>, op: Op<'_>, origin: &Origin) -> TargetError
where
    E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    R: Debug + Send + Sync + 'static,
{
    let chain = chain_text(&err);
    match &err {
        SdkError::ServiceError(service) => {
            service_error(service.err().code(), service.err().message(), op, origin)
        }
        SdkError::DispatchFailure(failure) => {
            if is_credentials(&chain) {
                return credentials(origin, &chain);
            }
            let endpoint = origin.endpoint_for(op.action);
            if failure.is_timeout() {
                TargetError::Unavailable(format!("cannot reach {endpoint}: timed out"))
            } else if failure.is_io() {
                TargetError::Unavailable(format!("cannot reach {endpoint}: {}", io_reason(&chain)))
            } else {
                TargetError::Unavailable(format!("cannot reach {endpoint}: {}", last_cause(&chain)))
            }
        }
        SdkError::TimeoutError(_) => TargetError::Unavailable(format!(
            "{} on {} {} timed out",
            op.action, op.kind, op.name
        )),
        SdkError::ConstructionFailure(_) if is_credentials(&chain) => credentials(origin, &chain),
        _ if is_credentials(&chain) => credentials(origin, &chain),
        _ => TargetError::Other {
            message: format!(
                "{} on {} {} failed: {}",
                op.action,
                op.kind,
                op.name,
                last_cause(&chain)
            ),
            source: None,
        },
    }
}

fn service_error(
    code: Option<&str>,
    message: Option<&str>,
    op: Op<'_>,
    origin: &Origin,
) -> TargetError {
    let msg = message.unwrap_or("").trim();
    let what = format!("{} {}", op.kind, op.name);
    match code.unwrap_or("") {
        "ResourceNotFoundException"
        | "AWS.SimpleQueueService.NonExistentQueue"
        | "QueueDoesNotExist" => {
            let hint = if matches!(op.kind, "table" | "queue") {
                " — run `orderctl init`"
            } else {
                ""
            };
            TargetError::NotFound(format!("{what} not found in {}{hint}", origin.region))
        }
        "ConditionalCheckFailedException" => {
            TargetError::Conflict(format!("{}: condition failed on {what}: {msg}", op.action))
        }
        // The reasons are in the message, in request order (aws-semantics §7.3): a failed
        // condition is a conflict, throttling or a conflicting transaction is worth a retry.
        "TransactionCanceledException" if msg.contains("ConditionalCheckFailed") => {
            TargetError::Conflict(format!("{}: condition failed on {what}: {msg}", op.action))
        }
        "TransactionCanceledException"
            if msg.contains("ThrottlingError") || msg.contains("TransactionConflict") =>
        {
            TargetError::Throttled(format!(
                "{} on {what} was cancelled by throttling or a concurrent transaction; try again ({msg})",
                op.action
            ))
        }
        "ProvisionedThroughputExceededException"
        | "ThrottlingException"
        | "Throttling"
        | "RequestLimitExceeded"
        | "TooManyRequestsException"
        | "LimitExceededException"
        | "RequestThrottled" => TargetError::Throttled(format!(
            "throttled: {} on {what} still throttled after retries ({msg})",
            op.action
        )),
        "AccessDeniedException"
        | "AccessDenied"
        | "UnauthorizedOperation"
        | "AuthorizationError" => TargetError::Auth(format!(
            "access denied: {} on {what} (profile {}): {msg}",
            op.action,
            origin.profile_name()
        )),
        "ExpiredTokenException" | "ExpiredToken" | "TokenRefreshRequired" => {
            TargetError::Auth(format!(
                "the credentials of profile {} have expired — log in again (e.g. `aws sso login --profile {}`)",
                origin.profile_name(),
                origin.profile_name()
            ))
        }
        // The service's own message is left out on purpose: a signature mismatch echoes the
        // canonical request, which can carry the session token.
        code @ ("UnrecognizedClientException"
        | "InvalidClientTokenId"
        | "InvalidSignatureException"
        | "SignatureDoesNotMatch"
        | "MissingAuthenticationToken") => TargetError::Auth(format!(
            "the credentials of profile {} were rejected ({code}): check the access key and secret, and the clock",
            origin.profile_name()
        )),
        "ExpiredIteratorException" => {
            TargetError::ExpiredIterator(format!("shard iterator expired: {msg}"))
        }
        "TrimmedDataAccessException" => {
            TargetError::TrimmedData(format!("{what}: data trimmed (older than 24 h): {msg}"))
        }
        "ValidationException"
        | "InvalidParameterValue"
        | "InvalidParameterValueException"
        | "InvalidAttributeValue" => {
            TargetError::Invalid(format!("{} on {what}: {msg}", op.action))
        }
        "InternalServerError"
        | "InternalFailure"
        | "ServiceUnavailable"
        | "ServiceUnavailableException" => TargetError::Unavailable(format!(
            "{} on {what}: service error after retries: {msg}",
            op.action
        )),
        other => TargetError::Other {
            message: format!(
                "{} on {what} failed: {}{}",
                op.action,
                if other.is_empty() { "error" } else { other },
                if msg.is_empty() {
                    String::new()
                } else {
                    format!(": {msg}")
                }
            ),
            source: None,
        },
    }
}

fn credentials(origin: &Origin, chain: &str) -> TargetError {
    let lower = chain.to_ascii_lowercase();
    if lower.contains("expired") || lower.contains("token") && lower.contains("sso") {
        TargetError::Auth(format!(
            "the credentials of profile {} have expired — log in again (e.g. `aws sso login --profile {}`)",
            origin.profile_name(),
            origin.profile_name()
        ))
    } else {
        TargetError::Auth(format!(
            "no AWS credentials found for profile {} (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, --profile, or log in with `aws sso login`)",
            origin.profile_name()
        ))
    }
}

fn is_credentials(chain: &str) -> bool {
    let lower = chain.to_ascii_lowercase();
    lower.contains("credentials")
        && (lower.contains("no ")
            || lower.contains("fail")
            || lower.contains("not")
            || lower.contains("expired"))
}

/// Every message in the error's source chain, joined.
fn chain_text(err: &(dyn StdError + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut cur = err.source();
    while let Some(e) = cur {
        parts.push(e.to_string());
        cur = e.source();
    }
    parts.join(": ")
}

fn last_cause(chain: &str) -> String {
    chain
        .rsplit(": ")
        .find(|p| !p.trim().is_empty())
        .unwrap_or(chain)
        .trim()
        .to_owned()
}

fn io_reason(chain: &str) -> String {
    let lower = chain.to_ascii_lowercase();
    if lower.contains("connection refused") {
        "connection refused".into()
    } else if lower.contains("dns") || lower.contains("lookup") || lower.contains("resolve") {
        "cannot resolve the host name".into()
    } else if lower.contains("reset") {
        "connection reset".into()
    } else {
        last_cause(chain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            region: "us-east-1".into(),
            endpoint: None,
            profile: Some("prod".into()),
        }
    }

    fn op() -> Op<'static> {
        Op {
            action: "dynamodb:PutItem",
            kind: "table",
            name: "Orders",
        }
    }

    #[test]
    fn service_codes_become_actionable_lines() {
        let e = service_error(
            Some("ResourceNotFoundException"),
            Some("Requested resource not found"),
            op(),
            &origin(),
        );
        assert_eq!(
            e.to_string(),
            "table Orders not found in us-east-1 — run `orderctl init`"
        );
        let e = service_error(
            Some("AccessDeniedException"),
            Some("not authorized"),
            op(),
            &origin(),
        );
        assert!(matches!(e, TargetError::Auth(_)));
        assert!(
            e.to_string()
                .contains("dynamodb:PutItem on table Orders (profile prod)"),
            "{e}"
        );
        let e = service_error(Some("ExpiredTokenException"), None, op(), &origin());
        assert!(e.to_string().contains("profile prod have expired"), "{e}");
        let e = service_error(
            Some("ProvisionedThroughputExceededException"),
            None,
            op(),
            &origin(),
        );
        assert!(e.is_transient());
        let e = service_error(Some("TrimmedDataAccessException"), None, op(), &origin());
        assert!(matches!(e, TargetError::TrimmedData(_)));
        assert_eq!(
            origin().endpoint_for("dynamodb:PutItem"),
            "https://dynamodb.us-east-1.amazonaws.com"
        );
    }
}
