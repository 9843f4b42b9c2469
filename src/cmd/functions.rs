//! `orderctl functions list`: the bundled functions and how each is subscribed to the stream.

use clap::Subcommand;
use serde::{Serialize, Serializer};

use super::Ctx;
use crate::exit::ExitStatus;
use crate::functions::{Function, Subscription};
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum FunctionsCommand {
    /// Each function with its subscription (orderctl.toml [functions.NAME], else defaults)
    List,
}

/// One function in `functions list -o json`.
#[derive(Debug, Serialize)]
pub struct FunctionView {
    /// The function.
    pub name: &'static str,
    /// What it does.
    pub description: &'static str,
    /// Which stream events reach it (from its filters).
    pub events: Vec<String>,
    /// Its subscription, keys in camelCase.
    #[serde(serialize_with = "camel_case_keys")]
    pub subscription: Subscription,
}

/// `Subscription`'s own serde names are orderctl.toml's snake_case keys (`functions::resolve`
/// merges the file over the serialized defaults), so the JSON view renames them here.
fn camel_case_keys<S: Serializer>(sub: &Subscription, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error as _;
    match serde_json::to_value(sub).map_err(S::Error::custom)? {
        serde_json::Value::Object(fields) => fields
            .into_iter()
            .map(|(k, v)| (camel_case(&k), v))
            .collect::<serde_json::Map<_, _>>()
            .serialize(s),
        other => other.serialize(s),
    }
}

/// `maximum_retry_attempts` → `maximumRetryAttempts`.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

fn description(f: Function) -> &'static str {
    match f {
        Function::Notification => "emails on new orders and status changes",
        Function::Analytics => "OrderCount and Revenue per batch",
        Function::Inventory => "reserves stock for new orders, restocks cancelled and deleted ones",
    }
}

/// The event names a set of patterns lets through (all three when a pattern does not say).
fn events(filters: &[String]) -> Vec<String> {
    let all = || {
        vec![
            "INSERT".to_owned(),
            "MODIFY".to_owned(),
            "REMOVE".to_owned(),
        ]
    };
    if filters.is_empty() {
        return all();
    }
    let mut out: Vec<String> = Vec::new();
    for f in filters {
        let names = serde_json::from_str::<serde_json::Value>(f)
            .ok()
            .and_then(|v| v.get("eventName").and_then(|n| n.as_array().cloned()));
        match names {
            // Plain names only; an operator (anything-but, prefix, …) may let any through.
            Some(names) if names.iter().all(|n| n.is_string()) => {
                out.extend(names.iter().filter_map(|n| n.as_str().map(str::to_owned)));
            }
            _ => return all(),
        }
    }
    out.sort();
    out.dedup();
    out
}

pub async fn run(
    command: FunctionsCommand,
    ctx: &Ctx,
    out: &Printer,
) -> anyhow::Result<ExitStatus> {
    let FunctionsCommand::List = command;
    let views: Vec<FunctionView> = Function::ALL
        .into_iter()
        .map(|f| {
            let sub = ctx.settings.functions[&f].clone();
            FunctionView {
                name: f.name(),
                description: description(f),
                events: events(&sub.filters),
                subscription: sub,
            }
        })
        .collect();
    out.list(&views, |p, views| {
        let rows = views
            .iter()
            .map(|v| {
                let s = &v.subscription;
                let age = if s.maximum_record_age_seconds < 0 {
                    "-1".into()
                } else {
                    format!("{}s", s.maximum_record_age_seconds)
                };
                vec![
                    v.name.to_owned(),
                    v.events.join(","),
                    s.batch_size.to_string(),
                    format!("{}s", s.maximum_batching_window_seconds),
                    s.maximum_retry_attempts.to_string(),
                    age,
                    yes(s.bisect_batch_on_function_error),
                    yes(s.report_batch_item_failures),
                    if s.on_failure.is_empty() {
                        "-".into()
                    } else {
                        s.on_failure.clone()
                    },
                    s.lambda_name.clone(),
                    if s.filters.is_empty() {
                        "-".into()
                    } else {
                        s.filters.join(" OR ")
                    },
                ]
            })
            .collect();
        p.table(
            &[
                "FUNCTION",
                "EVENTS",
                "BATCH",
                "WINDOW",
                "RETRIES",
                "MAX AGE",
                "BISECT",
                "RBIF",
                "ON FAILURE",
                "LAMBDA",
                "FILTERS",
            ],
            rows,
        )
    })?;
    Ok(ExitStatus::Success)
}

fn yes(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}
