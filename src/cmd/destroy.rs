//! `orderctl destroy --yes`: delete the stack `deploy` made — the functions, their mappings,
//! roles, log groups and alarms. The tables, the DLQ and the artifacts bucket are not in the
//! stack, so no order, stock level or dead letter is ever deleted by it.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::args::StackArgs;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Delete the deployed stack (functions, mappings, roles, logs, alarms); tables and DLQ stay
#[derive(Debug, Args)]
#[command(after_help = "See README.md, section \"Deploying\".")]
pub struct DestroyArgs {
    /// Really delete it
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub stack: StackArgs,
}

/// What `destroy` reports.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DestroyReport {
    /// The stack.
    pub stack_name: String,
    /// `false` when there was no such stack.
    pub deleted: bool,
}

pub async fn run(args: DestroyArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let stack = args.stack.resolve(&ctx.settings);
    if !args.yes {
        anyhow::bail!(
            "destroy deletes stack {stack} (functions, mappings, roles, log groups, alarms; not the tables or the queue): add --yes"
        );
    }
    let target = ctx.target().await?;
    let deleted = target.stacks("destroy")?.delete(&stack).await?;
    let report = DestroyReport {
        stack_name: stack,
        deleted,
    };
    out.one(&report, |p, r| {
        p.line(if r.deleted {
            format!("stack {} deleted", r.stack_name)
        } else {
            format!("no stack {}", r.stack_name)
        })
    })?;
    Ok(ExitStatus::Success)
}
