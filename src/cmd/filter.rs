//! `orderctl filter test`: evaluate Lambda filter patterns against records or fixtures offline —
//! which match, and for those that do not, the first pattern path that failed and why — and
//! lint patterns that can never match. Also the `--filter` flags `tail` and `dlq` share.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use serde_json::Value;

use super::Ctx;
use crate::exit::ExitStatus;
use crate::filter::{FilterSet, Pattern, PatternError, Profile, Warning};
use crate::input;
use crate::output::{Printer, Style};

/// Which operators a pattern may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FilterProfile {
    /// What Lambda event source mappings accept (wildcard, cidr and anything-but with
    /// prefix/suffix are rejected).
    #[default]
    Lambda,
    /// Everything EventBridge accepts.
    Eventbridge,
}

impl From<FilterProfile> for Profile {
    fn from(p: FilterProfile) -> Profile {
        match p {
            FilterProfile::Lambda => Profile::Lambda,
            FilterProfile::Eventbridge => Profile::EventBridge,
        }
    }
}

/// `--filter` flags: Lambda FilterCriteria patterns, ORed.
#[derive(Debug, Clone, Args, Default)]
pub struct FilterArgs {
    /// Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or
    /// a FilterCriteria document); repeat to OR several, as FilterCriteria does
    #[arg(long = "filter", value_name = "PATTERN|@FILE")]
    pub filters: Vec<String>,
    /// Operators allowed in patterns
    #[arg(long, value_enum, default_value_t = FilterProfile::Lambda)]
    pub filter_profile: FilterProfile,
}

impl FilterArgs {
    /// Parse every pattern; the first invalid one is an error naming its JSON path.
    pub fn load(&self) -> anyhow::Result<FilterSet> {
        load_patterns(&self.filters, self.filter_profile.into())
    }
}

/// Parse `PATTERN|@FILE` arguments into an ORed set.
pub fn load_patterns(args: &[String], profile: Profile) -> anyhow::Result<FilterSet> {
    let mut patterns = Vec::new();
    for arg in args {
        for (origin, text) in pattern_texts(arg)? {
            let pattern =
                Pattern::parse(&text, profile).map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
            patterns.push(pattern);
        }
    }
    Ok(FilterSet::new(patterns))
}

/// The pattern texts an argument holds: itself, a file's pattern, or a FilterCriteria's
/// `Filters[].Pattern` strings.
fn pattern_texts(arg: &str) -> anyhow::Result<Vec<(String, String)>> {
    let Some(path) = arg.strip_prefix('@') else {
        return Ok(vec![("--filter".to_owned(), arg.to_owned())]);
    };
    let text = input::read_source(std::path::Path::new(path))?;
    if let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(&text)
        && obj.len() == 1
        && let Some(Value::Array(filters)) = obj.get("Filters")
    {
        return filters
            .iter()
            .enumerate()
            .map(|(i, f)| {
                f.get("Pattern")
                    .and_then(Value::as_str)
                    .map(|p| (format!("{path}: Filters[{i}]"), p.to_owned()))
                    .with_context(|| {
                        format!("{path}: Filters[{i}].Pattern: missing or not a string")
                    })
            })
            .collect();
    }
    Ok(vec![(path.to_owned(), text)])
}

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
    #[arg(long, value_enum, default_value_t = FilterProfile::Lambda)]
    pub filter_profile: FilterProfile,
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
        for (origin, text) in pattern_texts(arg)? {
            match Pattern::parse(&text, args.filter_profile.into()) {
                Ok(p) => patterns.push(p),
                Err(e) => {
                    if out.format() != crate::cli::OutputFormat::Table {
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
