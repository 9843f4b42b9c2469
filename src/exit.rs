//! Exit codes scripts can rely on (design.md): 0 success, 1 ran but found problems,
//! 2 usage/input/configuration/target error, 130 interrupted.

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything worked.
    Success,
    /// The command ran but found problems (failed replays, handler failures, a threshold passed).
    Failure,
    /// Usage, input, configuration or target error.
    Error,
    /// Interrupted by Ctrl-C.
    Interrupted,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
            ExitStatus::Interrupted => 130,
        }
    }

    /// `Failure` when `problems` is true, else `Success`.
    pub fn failure_if(problems: bool) -> Self {
        if problems {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> Self {
        ExitCode::from(s.code())
    }
}

/// The exit status of a command that failed with `err`: 1 when, at its root, the target
/// answered throttled or failing past its retries (operational: the configuration is right, try
/// again later), else 2 (usage, input, configuration or target error).
pub fn status_of(err: &anyhow::Error) -> ExitStatus {
    let operational = err.chain().any(|cause| {
        cause
            .downcast_ref::<crate::backend::TargetError>()
            .is_some_and(crate::backend::TargetError::is_operational)
    });
    if operational {
        ExitStatus::Failure
    } else {
        ExitStatus::Error
    }
}

/// Whether an error is, at its root, a closed stdout (`orderctl … | head -1`): exit 0 silently.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
