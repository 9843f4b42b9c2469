//! SDK errors become `TargetError`s here and nowhere else: one line each that says what failed,
//! where, and what to do (run `orderctl init`, log in to the profile, check the endpoint).

use std::error::Error as StdError;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
pub use orders_aws::sdk_errors::Op;
use orders_aws::sdk_errors::{Cause, ErrorKind, SdkFailure};

use crate::backend::TargetError;

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
pub fn translate<E>(err: SdkError<E, HttpResponse>, op: Op<'_>, origin: &Origin) -> TargetError
where
    E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
{
    let failure = SdkFailure::read(&err);
    let chain = failure.chain;
    if let Cause::Service { code, message, .. } = &failure.cause {
        return from_kind(failure.kind, code, message, op, origin);
    }
    if failure.kind == ErrorKind::NoCredentials {
        return credentials(origin, &chain);
    }
    let endpoint = origin.endpoint_for(op.action);
    match failure.cause {
        Cause::ConnectTimeout => {
            TargetError::Unreachable(format!("cannot reach {endpoint}: timed out"))
        }
        Cause::Unreachable { io: true } => {
            TargetError::Unreachable(format!("cannot reach {endpoint}: {}", io_reason(&chain)))
        }
        Cause::Unreachable { io: false } => {
            TargetError::Unreachable(format!("cannot reach {endpoint}: {}", last_cause(&chain)))
        }
        Cause::Timeout => TargetError::Unavailable(format!("{} timed out", op.what())),
        _ => TargetError::Other {
            message: format!("{} failed: {}", op.what(), last_cause(&chain)),
            source: None,
        },
    }
}

fn from_kind(kind: ErrorKind, code: &str, msg: &str, op: Op<'_>, origin: &Origin) -> TargetError {
    let what = format!("{} {}", op.kind, op.name);
    match kind {
        ErrorKind::NotFound => {
            let hint = if matches!(op.kind, "table" | "queue") {
                " — run `orderctl init`"
            } else {
                ""
            };
            TargetError::NotFound(format!("{what} not found in {}{hint}", origin.region))
        }
        ErrorKind::Conflict => {
            TargetError::Conflict(format!("{}: condition failed on {what}: {msg}", op.action))
        }
        ErrorKind::Throttled if code == "TransactionCanceledException" => {
            TargetError::Throttled(format!(
                "{} on {what} was cancelled by throttling or a concurrent transaction; try again ({msg})",
                op.action
            ))
        }
        ErrorKind::Throttled => TargetError::Throttled(format!(
            "throttled: {} on {what} still throttled after retries: {}",
            op.action,
            coded(code, msg)
        )),
        ErrorKind::Denied => TargetError::Auth(format!(
            "access denied: {} on {what} (profile {}): {msg}",
            op.action,
            origin.profile_name()
        )),
        ErrorKind::ExpiredCredentials => expired(origin),
        // The service's own message is left out on purpose: a signature mismatch echoes the
        // canonical request, which can carry the session token.
        ErrorKind::RejectedCredentials => TargetError::Auth(format!(
            "the credentials of profile {} were rejected ({code}): check the access key and secret, and the clock",
            origin.profile_name()
        )),
        ErrorKind::NoCredentials => credentials(origin, msg),
        ErrorKind::ExpiredIterator => {
            TargetError::ExpiredIterator(format!("shard iterator expired: {msg}"))
        }
        ErrorKind::TrimmedData => {
            TargetError::TrimmedData(format!("{what}: data trimmed (older than 24 h): {msg}"))
        }
        ErrorKind::Invalid => TargetError::Invalid(format!("{} on {what}: {msg}", op.action)),
        ErrorKind::Unavailable => TargetError::Unavailable(format!(
            "{} on {what}: service error after retries: {}",
            op.action,
            coded(code, msg)
        )),
        ErrorKind::Unknown => TargetError::Other {
            message: format!("{} on {what} failed: {}", op.action, coded(code, msg)),
            source: None,
        },
    }
}

/// The error code, which the service's message seldom repeats, then the message if any.
fn coded(code: &str, msg: &str) -> String {
    let code = if code.is_empty() { "error" } else { code };
    if msg.is_empty() {
        code.to_owned()
    } else {
        format!("{code}: {msg}")
    }
}

fn expired(origin: &Origin) -> TargetError {
    TargetError::Auth(format!(
        "the credentials of profile {} have expired — log in again (e.g. `aws sso login --profile {}`)",
        origin.profile_name(),
        origin.profile_name()
    ))
}

fn credentials(origin: &Origin, chain: &str) -> TargetError {
    let lower = chain.to_ascii_lowercase();
    if lower.contains("expired") || lower.contains("token") && lower.contains("sso") {
        expired(origin)
    } else {
        TargetError::Auth(format!(
            "no AWS credentials found for profile {} (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, --profile, or log in with `aws sso login`)",
            origin.profile_name()
        ))
    }
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
    use orders_aws::sdk_errors::kind_of;

    /// The line for a service error `code` (with its `message`) while doing `op`.
    fn service_error(code: &str, message: &str, op: Op<'_>, origin: &Origin) -> TargetError {
        from_kind(kind_of(code, message, None), code, message, op, origin)
    }

    fn origin() -> Origin {
        Origin {
            region: "us-east-1".into(),
            endpoint: None,
            profile: Some("prod".into()),
        }
    }

    fn op() -> Op<'static> {
        Op::new("dynamodb:PutItem", "table", "Orders")
    }

    #[test]
    fn service_codes_become_actionable_lines() {
        let e = service_error(
            "ResourceNotFoundException",
            "Requested resource not found",
            op(),
            &origin(),
        );
        assert_eq!(
            e.to_string(),
            "table Orders not found in us-east-1 — run `orderctl init`"
        );
        let e = service_error("AccessDeniedException", "not authorized", op(), &origin());
        assert!(matches!(e, TargetError::Auth(_)));
        assert!(
            e.to_string()
                .contains("dynamodb:PutItem on table Orders (profile prod)"),
            "{e}"
        );
        let e = service_error("ExpiredTokenException", "", op(), &origin());
        assert!(e.to_string().contains("profile prod have expired"), "{e}");
        let e = service_error(
            "ProvisionedThroughputExceededException",
            "",
            op(),
            &origin(),
        );
        assert!(e.is_transient());
        assert!(
            e.to_string()
                .contains("dynamodb:PutItem on table Orders still throttled after retries: ProvisionedThroughputExceededException"),
            "{e}"
        );
        let e = service_error("TrimmedDataAccessException", "", op(), &origin());
        assert!(matches!(e, TargetError::TrimmedData(_)));
        assert_eq!(
            origin().endpoint_for("dynamodb:PutItem"),
            "https://dynamodb.us-east-1.amazonaws.com"
        );
    }
}
