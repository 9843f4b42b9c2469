//! `orderctl doctor`: lint the pipeline's real subscriptions (the event source mappings on AWS,
//! orderctl.toml locally) and print each finding with its severity and fix; exit 1 on an error.

use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::backend::queue::Queue;
use crate::doctor::{Finding, Severity, dlq_redrive, lint, not_subscribed};
use crate::exit::ExitStatus;
use crate::output::{Printer, Style};

/// Check the stream's subscriptions for settings that lose records or block shards.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 no error-level finding (warnings allowed), 1 at least one error, 2 the configuration could not be read."
)]
pub struct DoctorArgs {}

/// Where the subscriptions came from and what is wrong with them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoctorReport {
    /// The stream they read.
    pub stream_arn: String,
    /// `event source mappings` (aws) or `orderctl.toml` (local).
    pub source: &'static str,
    /// How many subscriptions were checked.
    pub subscriptions: usize,
    /// Errors first.
    pub findings: Vec<Finding>,
}

pub async fn run(_args: DoctorArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    let (stream_arn, source, mappings) = target.subscriptions(&ctx.settings.functions).await?;
    let mut findings = lint(&mappings);
    if target.subscriptions_are_deployed() {
        findings.extend(not_subscribed(&ctx.settings.functions, &mappings));
    }
    findings.splice(0..0, wedged(&target, &mappings).await);
    match target.redrive().await {
        Ok(Some(redrive)) => {
            findings.extend(dlq_redrive(&ctx.settings.resources.dlq, &redrive));
        }
        Ok(None) => {}
        Err(e) => tracing::debug!("cannot read the dead-letter queue's redrive policy: {e}"),
    }
    let report = DoctorReport {
        stream_arn,
        source,
        subscriptions: mappings.len(),
        findings,
    };
    let errors = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    out.one(&report, text)?;
    Ok(ExitStatus::failure_if(errors))
}

/// How far back `doctor` looks for a consumer failing every invocation.
const WEDGE_WINDOW: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Subscribed consumers that fail on the same record on every run (crate::wedge), as
/// error-level findings; metrics that cannot be read name none.
async fn wedged(
    target: &crate::backend::Target,
    mappings: &[crate::mappings::Mapping],
) -> Vec<Finding> {
    let functions: Vec<&str> = mappings.iter().map(|m| m.function.as_str()).collect();
    match crate::wedge::wedged(target, &functions, WEDGE_WINDOW).await {
        Ok(wedged) => wedged
            .iter()
            .map(|w| crate::wedge::finding(w, WEDGE_WINDOW))
            .collect(),
        Err(e) => {
            tracing::debug!("cannot tell wedged consumers: {e:#}");
            Vec::new()
        }
    }
}

fn text(p: &Printer, r: &DoctorReport) -> std::io::Result<()> {
    for f in &r.findings {
        let label = match f.severity {
            Severity::Error => p.paint("error", Style::Red),
            Severity::Warning => p.paint("warning", Style::Yellow),
        };
        p.line(format!(
            "{label}[{}] {}: {}",
            f.rule,
            p.paint(&f.function, Style::Cyan),
            f.message
        ))?;
        p.line(format!("  fix: {}", f.fix))?;
    }
    let count = |s| r.findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    p.line(format!(
        "{} subscription(s) of {} checked ({}): {errors} error(s), {warnings} warning(s)",
        r.subscriptions, r.stream_arn, r.source
    ))
}
