//! `orderctl deploy`: the bundled functions, their stream subscriptions and alarms as one
//! CloudFormation stack. `--template` prints it (no account needed), `--plan` shows the change
//! set and deletes it, and plain `deploy` uploads the zips `orderctl build` wrote, executes
//! the change set and waits. The tables and the DLQ stay outside the stack (`init`).

use std::collections::HashSet;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;

use super::Ctx;
use super::args::StackArgs;
use crate::backend::stack::{ChangeSet, ChangeSetKind, StackChange, StackFailure, Stacks};
use crate::deploy::{artifacts, template, yaml};
use crate::exit::ExitStatus;
use crate::output::{Printer, Style};
use crate::settings::OutputFormat;

/// Deploy the consumer functions, their subscriptions and alarms as a CloudFormation stack
#[derive(Debug, Args)]
#[command(after_help = "See README.md, section \"Deploying\".")]
pub struct DeployArgs {
    /// Show what would change (a change set, deleted afterwards); change nothing
    #[arg(long, conflicts_with = "template")]
    pub plan: bool,
    /// Print the template and exit (needs no AWS access): json, or yaml
    #[arg(long, value_enum, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "json")]
    pub template: Option<TemplateFormat>,
    #[command(flatten)]
    pub stack: StackArgs,
    /// Where `orderctl build` wrote the zips [default: target/lambda]
    #[arg(long, value_name = "DIR")]
    pub artifacts: Option<PathBuf>,
}

/// How `--template` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
}

/// What `deploy` and `deploy --plan` report.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeployReport {
    /// The stack.
    pub stack_name: String,
    /// Whether this was `--plan` (nothing changed).
    pub plan: bool,
    /// `CREATE` (a new stack) or `UPDATE`.
    pub change_set_type: ChangeSetKind,
    /// What the change set holds; empty when nothing changes.
    pub changes: Vec<StackChange>,
    /// The bucket holding the code.
    pub artifacts_bucket: String,
    /// The zips uploaded by this run (unchanged code is never uploaded again).
    pub uploaded: Vec<String>,
    /// The stack's status at the end (`null` for a plan).
    pub stack_status: Option<String>,
    /// Why the deploy failed, if it did.
    pub failure: Option<StackFailure>,
}

pub async fn run(args: DeployArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let settings = &ctx.settings;
    let body = template::template(settings);
    if let Some(format) = args.template {
        // `-o json` asks for JSON too; YAML only when asked for by name.
        let text = match (format, out.format()) {
            (TemplateFormat::Yaml, OutputFormat::Table) => yaml::to_string(&body),
            _ => format!("{}\n", serde_json::to_string_pretty(&body)?),
        };
        out.with_out(|w| std::io::Write::write_all(w, text.as_bytes()))?;
        out.flush()?;
        return Ok(ExitStatus::Success);
    }
    let functions = template::functions(settings);
    if functions.is_empty() {
        anyhow::bail!("every function is disabled in orderctl.toml: nothing to deploy");
    }
    let dir = args
        .artifacts
        .clone()
        .unwrap_or_else(|| PathBuf::from(artifacts::DEFAULT_DIR));
    let zips = artifacts::read(&dir, &functions)?;
    let stack = args.stack.resolve(settings);
    let target = ctx.target().await?;
    let stacks = target.stacks("deploy")?;
    let inputs = stacks.inputs().await?;
    let bucket = settings
        .deploy
        .artifacts_bucket
        .clone()
        .unwrap_or_else(|| format!("orderctl-artifacts-{}-{}", inputs.account, inputs.region));
    let kind = match stacks.status(&stack).await?.as_deref() {
        None | Some("REVIEW_IN_PROGRESS") => ChangeSetKind::Create,
        Some(s @ ("ROLLBACK_COMPLETE" | "ROLLBACK_FAILED" | "DELETE_FAILED")) => anyhow::bail!(
            "stack {stack} is {s} after a failed first deploy: run `orderctl destroy --yes{}` and deploy again",
            stack_flag(&args.stack)
        ),
        Some(s) if s.ends_with("_IN_PROGRESS") => {
            anyhow::bail!("stack {stack} is busy ({s}); wait for it to settle and try again")
        }
        Some(_) => ChangeSetKind::Update,
    };
    let mut uploaded = Vec::new();
    if !args.plan {
        stacks.ensure_bucket(&bucket).await?;
        for zip in &zips {
            if stacks.upload(&bucket, &zip.key, &zip.bytes).await? {
                out.note(format!(
                    "uploaded {} to s3://{bucket}/{}",
                    zip.path.display(),
                    zip.key
                ));
                uploaded.push(zip.key.clone());
            }
        }
    }
    let mut parameters = vec![
        (template::STREAM_PARAM.to_owned(), inputs.stream_arn.clone()),
        (template::BUCKET_PARAM.to_owned(), bucket.clone()),
        (
            template::TOPIC_PARAM.to_owned(),
            settings.deploy.alarm_topic_arn.clone().unwrap_or_default(),
        ),
    ];
    parameters.extend(
        zips.iter()
            .map(|z| (template::code_param(z.function), z.key.clone())),
    );
    let text = serde_json::to_string(&body)?;
    let change_set = stacks.change_set(&stack, &text, &parameters, kind).await?;
    let mut report = DeployReport {
        stack_name: stack.clone(),
        plan: args.plan,
        change_set_type: kind,
        changes: Vec::new(),
        artifacts_bucket: bucket,
        uploaded,
        stack_status: None,
        failure: None,
    };
    let (id, changes) = match change_set {
        ChangeSet::NoChanges { id } => {
            if let Some(id) = id {
                stacks.delete_change_set(&stack, &id).await?;
            }
            if !args.plan {
                report.stack_status = stacks.status(&stack).await?;
            }
            print(out, &report)?;
            return Ok(ExitStatus::Success);
        }
        ChangeSet::Ready { id, changes } => (id, changes),
    };
    report.changes = changes;
    if args.plan {
        stacks.delete_change_set(&stack, &id).await?;
        if kind == ChangeSetKind::Create {
            // The empty stack CloudFormation made to hold the change set: a plan leaves nothing.
            stacks.delete(&stack).await?;
        }
        print(out, &report)?;
        return Ok(ExitStatus::Success);
    }
    let status = execute(&stacks, &stack, &id, report.changes.len(), out).await?;
    report.stack_status = status.0;
    report.failure = status.1;
    print(out, &report)?;
    Ok(ExitStatus::failure_if(report.failure.is_some()))
}

/// Execute and wait: the stack's final status and, when it did not complete, its first failure.
async fn execute(
    stacks: &Stacks<'_>,
    stack: &str,
    id: &str,
    resources: usize,
    out: &Printer,
) -> anyhow::Result<(Option<String>, Option<StackFailure>)> {
    let mut seen: HashSet<String> = stacks.seen_events(stack).await?;
    let before = seen.clone();
    if let Err(e) = stacks.execute(stack, id).await {
        // moto applies the change set inside ExecuteChangeSet and answers with the error.
        let failure = stacks.first_failure(stack, &before).await?;
        let status = stacks.status(stack).await?;
        let failure = failure.unwrap_or(StackFailure {
            resource: None,
            resource_type: None,
            reason: e.to_string(),
            stack_status: status.clone(),
        });
        return Ok((status, Some(failure)));
    }
    let bar = out.progress(resources as u64, "deploying");
    let status = stacks
        .wait(stack, &mut seen, |event| {
            if event.resource_type != "AWS::CloudFormation::Stack"
                && event.status.ends_with("_COMPLETE")
            {
                bar.inc(1);
            }
            bar.set_message(format!("{} {}", event.resource, event.status));
        })
        .await?;
    bar.finish_and_clear();
    let ok = status
        .as_deref()
        .is_some_and(|s| matches!(s, "CREATE_COMPLETE" | "UPDATE_COMPLETE"));
    if ok {
        return Ok((status, None));
    }
    let failure = stacks
        .first_failure(stack, &before)
        .await?
        .unwrap_or(StackFailure {
            resource: None,
            resource_type: None,
            reason: "CloudFormation named no failing resource".into(),
            stack_status: status.clone(),
        });
    Ok((status, Some(failure)))
}

fn stack_flag(stack: &StackArgs) -> String {
    stack
        .stack_name
        .as_deref()
        .map(|s| format!(" --stack-name {s}"))
        .unwrap_or_default()
}

fn print(out: &Printer, report: &DeployReport) -> anyhow::Result<()> {
    out.one(report, |p, r| {
        if r.changes.is_empty() {
            p.line("no changes")?;
        } else {
            let rows = r
                .changes
                .iter()
                .map(|c| {
                    vec![
                        c.resource.clone(),
                        c.resource_type.clone(),
                        c.action.clone(),
                        c.replacement.clone().unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            p.table(&["RESOURCE", "TYPE", "ACTION", "REPLACEMENT"], rows)?;
        }
        if let Some(f) = &r.failure {
            let what = match (&f.resource, &f.resource_type) {
                (Some(res), Some(ty)) => format!("{res} ({ty})"),
                _ => "the change set".into(),
            };
            p.line(format!(
                "{} {what}: {}",
                p.paint("FAILED:", Style::Red),
                f.reason
            ))?;
            p.line(format!(
                "stack {}: {}",
                r.stack_name,
                f.stack_status.as_deref().unwrap_or("gone")
            ))?;
        } else if let Some(s) = &r.stack_status {
            p.line(format!("stack {}: {s}", r.stack_name))?;
        }
        Ok(())
    })?;
    Ok(())
}
