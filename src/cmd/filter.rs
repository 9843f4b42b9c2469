//! `orderctl filter test`: evaluate Lambda filter patterns against records or fixtures offline —
//! which match, and for those that do not, the first pattern path that failed and why — and
//! lint patterns that can never match.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::Value;

use super::Ctx;
use crate::exit::ExitStatus;
use crate::filter::{FilterSet, Pattern, PatternError, Warning};
use crate::input;
use crate::output::{Printer, Style};

#[derive(Debug, Subcommand)]
pub enum FilterCommand {
    /// Test patterns against records: which match, and why the others do not
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// A Lambda filter pattern (JSON) or @FILE; repeat to OR several
    #[arg(long = "pattern", value_name = "PATTERN|@FILE", required = true)]
    pub patterns: Vec<String>,
    /// Records to test: a Lambda event {"Records":[…]}, a JSON array, one object, or JSON
    /// lines; `-` for stdin. Each object is matched as it is.
    #[arg(long, value_name = "FILE|-")]
    pub event: PathBuf,
    /// Operators allowed in patterns
    #[arg(long, value_enum, default_value_t = super::args::FilterProfile::Lambda)]
    pub filter_profile: super::args::FilterProfile,
}

/// One record's verdict.
#[derive(Debug, Serialize)]
pub struct TestResult {
    /// Position in the input.
    pub index: usize,
    /// Whether any pattern matched.
    pub matched: bool,
    /// The first failing pattern path and why (when not matched).
    pub reason: Option<String>,
}

/// What `filter test -o json` prints.
#[derive(Debug, Serialize)]
pub struct TestReport {
    /// The patterns parsed.
    pub valid: bool,
    /// Lint findings.
    pub warnings: Vec<Warning>,
    /// Per record.
    pub results: Vec<TestResult>,
    /// Why a pattern is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<PatternError>,
}

pub async fn run(command: FilterCommand, _ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let FilterCommand::Test(args) = command;
    let name = input::source_name(&args.event);
    let text = input::read_source(&args.event)?;
    let records = input::event_records(&name, &text)?;
    let mut patterns = Vec::new();
    for arg in &args.patterns {
        for (origin, text) in crate::filter::pattern_texts(arg, "--pattern")? {
            match Pattern::parse(&text, args.filter_profile.into()) {
                Ok(p) => patterns.push(p),
                Err(e) => {
                    if out.format() != crate::settings::OutputFormat::Table {
                        let report = TestReport {
                            valid: false,
                            warnings: Vec::new(),
                            results: Vec::new(),
                            error: Some(e.clone()),
                        };
                        out.one(&report, |_, _| Ok(()))?;
                    }
                    anyhow::bail!("{origin}: {e}");
                }
            }
        }
    }
    let set = FilterSet::new(patterns);
    let warnings: Vec<Warning> = set
        .patterns
        .iter()
        .flat_map(|p| p.warnings().iter().cloned())
        .collect();
    for w in &warnings {
        out.warn(format!("{}: {} [{}]", w.path, w.message, w.code));
    }
    let results: Vec<TestResult> = records
        .iter()
        .enumerate()
        .map(|(index, record)| match set.explain(record) {
            None => TestResult {
                index,
                matched: true,
                reason: None,
            },
            Some(m) => TestResult {
                index,
                matched: false,
                reason: Some(format!("{}: {}", m.path, m.reason)),
            },
        })
        .collect();
    let report = TestReport {
        valid: true,
        warnings,
        results,
        error: None,
    };
    out.one(&report, |p, r| {
        for res in &r.results {
            let label = match &records[res.index].get("eventID").and_then(Value::as_str) {
                Some(id) => format!("#{} {id}", res.index),
                None => format!("#{}", res.index),
            };
            match &res.reason {
                None => p.line(format!("{}  {label}", p.paint("match   ", Style::Green)))?,
                Some(why) => p.line(format!(
                    "{}  {label}  {why}",
                    p.paint("no match", Style::Red)
                ))?,
            }
        }
        let matched = r.results.iter().filter(|x| x.matched).count();
        p.note(format!("{matched} of {} records matched", r.results.len()));
        Ok(())
    })?;
    Ok(ExitStatus::Success)
}
