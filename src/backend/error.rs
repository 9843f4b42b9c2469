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
    /// The target cannot be reached or is busy.
    #[error("{0}")]
    Unavailable(String),
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
            TargetError::Throttled(_) | TargetError::Unavailable(_)
        )
    }
}

/// Result of a target operation.
pub type TResult<T> = Result<T, TargetError>;
