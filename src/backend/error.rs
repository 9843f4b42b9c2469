//! The one error type commands see from a target, in words an operator can act on; SQLite
//! and SDK errors are translated into it at each adapter's boundary.

/// What went wrong at a target, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// A table, queue, stream, order or product does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A condition failed: the item exists already, or changed concurrently.
    #[error("{0}")]
    Conflict(String),
    /// The request is invalid (an illegal status transition, a bad value).
    #[error("{0}")]
    Invalid(String),
    /// Throttled, even after retries.
    #[error("{0}")]
    Throttled(String),
    /// The target answered that it is failing or busy (5xx, timeout, a locked database), even
    /// after retries: an operational error, worth retrying later.
    #[error("{0}")]
    Unavailable(String),
    /// The endpoint cannot be reached at all (connection refused, DNS, connect timeout): more
    /// often a wrong endpoint, region or profile than an outage.
    #[error("{0}")]
    Unreachable(String),
    /// A shard iterator is older than 15 minutes (ExpiredIteratorException).
    #[error("{0}")]
    ExpiredIterator(String),
    /// The records asked for are past the 24 h retention (TrimmedDataAccessException).
    #[error("{0}")]
    TrimmedData(String),
    /// Credentials missing or expired, or access denied.
    #[error("{0}")]
    Auth(String),
    /// Anything else, with its cause.
    #[error("{message}")]
    Other {
        /// One line saying what failed.
        message: String,
        /// The underlying error.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
}

impl TargetError {
    /// An error with a cause.
    pub fn other(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        TargetError::Other {
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }

    /// Whether retrying later may succeed (throttling, network, busy).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            TargetError::Throttled(_) | TargetError::Unavailable(_) | TargetError::Unreachable(_)
        )
    }

    /// Whether this is an operational failure (the service answered throttled or failing,
    /// past the retries) rather than a configuration or target error: exit 1, not 2 (issue 15;
    /// docs/output.md, exit codes).
    pub fn is_operational(&self) -> bool {
        matches!(
            self,
            TargetError::Throttled(_) | TargetError::Unavailable(_)
        )
    }
}

/// Result of a target operation.
pub type TResult<T> = Result<T, TargetError>;
