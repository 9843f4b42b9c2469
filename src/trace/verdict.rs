//! One verdict per function, from its steps: failed when a dead letter holds one of the
//! order's records, pending when a record is not reached, under way or unknown, else done —
//! worded for the person on call, with the command that fixes a dead letter.

use orders_core::fact::Effect;
use serde::Serialize;

use super::judge::{Outcome, Step};
use super::{short, stock};
use crate::functions::Function;

/// Whether a function has done its part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Everything asked of it is done (or nothing was asked).
    Done,
    /// Something is still to come (or cannot be known yet).
    Pending,
    /// A record failed permanently and sits in the dead-letter queue.
    Failed,
}

/// A function's verdict.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Done, pending or failed.
    pub state: State,
    /// In capitals, for people: `RESERVED`, `NOT EMAILED`, `PENDING`…
    pub label: String,
    /// What, in a few words.
    pub detail: String,
    /// The command that would finish the job, when one would.
    pub fix: Option<String>,
}

impl Verdict {
    /// `inventory: NOT RESERVED — insufficient stock … ; replay after restocking: orderctl …`.
    pub fn line(&self, function: &str) -> String {
        let mut line = format!("{function}: {}", self.label);
        if !self.detail.is_empty() {
            line.push_str(" — ");
            line.push_str(&self.detail);
        }
        if let Some(fix) = &self.fix {
            line.push_str("; ");
            line.push_str(fix);
        }
        line
    }
}

/// The word for a function's part done.
fn done_word(function: Function) -> &'static str {
    match function {
        Function::Notification => "EMAILED",
        Function::Analytics => "COUNTED",
        Function::Inventory => "RESERVED",
    }
}

/// The verdict of `function` over its `steps`.
pub fn verdict(function: Function, steps: &[Step]) -> Verdict {
    if let Some(step) = steps.iter().find(|s| s.outcome == Outcome::DeadLettered) {
        return failed(function, step);
    }
    let pending: Vec<&Step> = steps.iter().filter(|s| s.outcome.pending()).collect();
    if let Some(first) = pending.first() {
        let n = pending.len();
        return Verdict {
            state: State::Pending,
            label: "PENDING".into(),
            detail: format!(
                "{n} record{} of {} waiting; {} {}: {}",
                if n == 1 { "" } else { "s" },
                steps.len(),
                first.event_name.as_str(),
                short(&first.sequence_number),
                first.why.as_deref().unwrap_or("")
            ),
            fix: None,
        };
    }
    done(function, steps)
}

fn failed(function: Function, step: &Step) -> Verdict {
    let Some(letter) = &step.dead_letter else {
        return Verdict {
            state: State::Failed,
            label: format!("NOT {}", done_word(function)),
            detail: step.why.clone().unwrap_or_default(),
            fix: None,
        };
    };
    let id = &letter.message_id;
    let fix = match &letter.stale {
        Some(why) => format!(
            "a replay would be stale ({why}): leave it, or remove it with orderctl dlq purge"
        ),
        None => format!(
            "replay {}: orderctl dlq replay --id {id}",
            when_to_replay(&letter.error)
        ),
    };
    Verdict {
        state: State::Failed,
        label: format!("NOT {}", done_word(function)),
        detail: format!(
            "{} (DLQ {}…)",
            letter.error,
            id.chars().take(8).collect::<String>()
        ),
        fix: Some(fix),
    }
}

/// When a replay can succeed, from the error's words.
fn when_to_replay(error: &str) -> &'static str {
    if error.contains("insufficient stock") {
        "after restocking"
    } else if error.contains("unknown product") {
        "after adding the product"
    } else if error.contains("email") {
        "after fixing the customer's email address"
    } else {
        "once the cause is fixed"
    }
}

fn done(function: Function, steps: &[Step]) -> Verdict {
    let effects: Vec<(&Step, &Effect)> = steps
        .iter()
        .filter(|s| s.outcome == Outcome::Processed)
        .filter_map(|s| s.effect.as_ref().map(|e| (s, e)))
        .collect();
    let mut parts = Vec::new();
    let mut label = None;
    for (step, effect) in &effects {
        match effect {
            Effect::Email { subject } => {
                label.get_or_insert("EMAILED");
                parts.push(format!(
                    "\"{subject}\" at {}",
                    step.at.as_deref().unwrap_or("?")
                ));
            }
            Effect::Counted { metrics } => {
                label.get_or_insert("COUNTED");
                parts.push(
                    metrics
                        .iter()
                        .map(|m| format!("{} {}", m.name, m.value))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            Effect::Reserved { lines } => {
                label = Some("RESERVED");
                parts.push(format!("reserved {}", stock(lines)));
            }
            Effect::Restored { lines } => {
                label = Some("RESTORED");
                parts.push(format!(
                    "restored {} ({})",
                    stock(lines),
                    step.event_name.as_str()
                ));
            }
            Effect::Superseded => {
                label.get_or_insert(match function {
                    Function::Inventory => "NOT RESERVED",
                    _ => "NOTHING TO DO",
                });
                parts.push(format!(
                    "{} {} superseded: the order ended after it, so nothing was done",
                    step.event_name.as_str(),
                    short(&step.sequence_number)
                ));
            }
            Effect::Nothing => {
                label.get_or_insert("NOTHING TO MOVE");
                parts.push(format!(
                    "{} {}: nothing reserved to give back",
                    step.event_name.as_str(),
                    short(&step.sequence_number)
                ));
            }
        }
    }
    let label = match label {
        Some(l) => l.to_owned(),
        None if steps.iter().any(|s| s.outcome == Outcome::Filtered) => {
            let patterns = steps
                .iter()
                .find(|s| s.outcome == Outcome::Filtered)
                .map(|s| s.patterns.join(" OR "))
                .unwrap_or_default();
            parts.push(format!("no record passes its filters: {patterns}"));
            "FILTERED OUT".into()
        }
        None => "NOTHING TO DO".into(),
    };
    Verdict {
        state: State::Done,
        label,
        detail: parts.join("; "),
        fix: None,
    }
}
