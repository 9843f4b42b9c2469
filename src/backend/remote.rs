//! What differs between a backend on this machine and one in an AWS account, asked as
//! questions a command can act on: its name, the region a change would reach (a reason to
//! confirm), and the deployed Lambda functions only an account has.

use super::aws::LambdaReply;
use super::{TResult, Target, TargetError};

impl Target {
    /// `local` or `aws`.
    pub fn name(&self) -> &'static str {
        match self {
            Target::Local(_) => "local",
            Target::Aws(_) => "aws",
        }
    }

    /// How `create --count` writes many orders here: in local transactions of this many
    /// orders, or one conditional put each, concurrently (`None`).
    ///
    /// Locally each chunk is one transaction, so each commit rewrites every page it touched,
    /// and random customer ids touch most leaf pages of the CustomerIndex whatever the chunk's
    /// size: at 1,000 orders that index was two thirds of the pages written to the WAL (issue
    /// 16 item 4; docs/benchmarks.md). At 8,000 the WAL takes 2.4x fewer pages. Every chunk is
    /// still whole or absent with its stream records, and a stop request still ends the run
    /// after the chunk in hand (~0.1 s of work).
    pub fn bulk_chunk(&self) -> Option<usize> {
        match self {
            Target::Local(_) => Some(8000),
            Target::Aws(_) => None,
        }
    }

    /// Create what the pipeline needs (idempotent) and report each resource: the local
    /// database creates itself on first use, so the options (which shape AWS tables) are
    /// refused there.
    pub async fn provision(
        &self,
        options: &super::aws::InitOptions,
    ) -> TResult<Vec<super::ResourceReport>> {
        match self {
            Target::Local(local) => {
                if options.dry_run || options.provisioned.is_some() {
                    return Err(TargetError::Invalid(
                        "--dry-run and --provisioned apply to the aws target; the local target creates its database on first use".into(),
                    ));
                }
                Ok(local.init_report())
            }
            Target::Aws(aws) => aws.init(options).await,
        }
    }

    /// The AWS region a change reaches; `None` for the local target, whose changes stay in a
    /// file on this machine.
    pub fn region(&self) -> Option<&str> {
        match self {
            Target::Local(_) => None,
            Target::Aws(aws) => Some(aws.region()),
        }
    }

    /// Whether deployed Lambda functions can be invoked here (an error saying why not).
    pub fn lambda_reachable(&self) -> TResult<()> {
        match self {
            Target::Local(_) => Err(no_lambda()),
            Target::Aws(_) => Ok(()),
        }
    }

    /// Invoke the deployed Lambda function `name` synchronously with `event`.
    pub async fn invoke_lambda(
        &self,
        name: &str,
        event: &orders_core::Event,
    ) -> TResult<LambdaReply> {
        match self {
            Target::Local(_) => Err(no_lambda()),
            Target::Aws(aws) => aws.invoke_lambda(name, event).await,
        }
    }
}

fn no_lambda() -> TargetError {
    TargetError::Invalid("--via lambda invokes deployed functions: use --target aws".into())
}
