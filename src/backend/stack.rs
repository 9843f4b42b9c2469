//! Deploying the pipeline's functions as a CloudFormation stack: a capability only an AWS
//! account has. `Target::stacks` hands it out, or says in one line that it needs
//! `--target aws`; the calls themselves are in `aws/stack.rs`.

use serde::Serialize;

pub use super::aws::stack::Stacks;
use super::{TResult, Target, TargetError};

/// One row of a change set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackChange {
    /// The logical id (`InventoryStreamMapping`).
    pub resource: String,
    /// `AWS::Lambda::EventSourceMapping`, …
    pub resource_type: String,
    /// `Add`, `Modify`, `Remove`.
    pub action: String,
    /// `True`, `False`, `Conditional` for a Modify; `null` otherwise.
    pub replacement: Option<String>,
}

/// Whether a change set creates the stack or updates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ChangeSetKind {
    /// A new stack (or one left in REVIEW_IN_PROGRESS).
    Create,
    /// An existing stack.
    Update,
}

/// A change set once CloudFormation has computed it.
#[derive(Debug, Clone)]
pub enum ChangeSet {
    /// Ready to execute.
    Ready {
        /// Its id (ARN).
        id: String,
        /// What it would do.
        changes: Vec<StackChange>,
    },
    /// The template and parameters match the stack: nothing to do.
    NoChanges {
        /// Its id, to delete it (`None`: CloudFormation made none).
        id: Option<String>,
    },
}

/// A stack event, for progress.
#[derive(Debug, Clone)]
pub struct StackEvent {
    /// Logical id.
    pub resource: String,
    /// Resource type.
    pub resource_type: String,
    /// `CREATE_COMPLETE`, …
    pub status: String,
    /// Why, when CloudFormation says.
    pub reason: Option<String>,
}

/// Why a deploy failed: the first resource that failed and the state the stack was left in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StackFailure {
    /// The first failing resource's logical id, when CloudFormation names one.
    pub resource: Option<String>,
    /// Its type.
    pub resource_type: Option<String>,
    /// CloudFormation's reason.
    pub reason: String,
    /// The stack's status afterwards (`ROLLBACK_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, …).
    pub stack_status: Option<String>,
}

/// What a deploy needs from the account: where it is, and the stream the mappings read.
#[derive(Debug, Clone)]
pub struct DeployInputs {
    /// The account id (from the orders table's ARN).
    pub account: String,
    /// The region.
    pub region: String,
    /// The orders table's stream.
    pub stream_arn: String,
}

impl Target {
    /// The stack operations, or why not: `command` names what asked (`deploy`, `destroy`).
    pub fn stacks(&self, command: &str) -> TResult<Stacks<'_>> {
        match self {
            Target::Local(_) => Err(TargetError::Invalid(format!(
                "{command} needs --target aws (the local target runs the functions in-process: see `orderctl consume`)"
            ))),
            Target::Aws(aws) => Ok(Stacks::new(aws)),
        }
    }
}
