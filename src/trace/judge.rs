//! What one function did with each record of an order, judged from what is known: its fact
//! (the marker's record of the effect), a dead letter, its filters, whether its checkpoint has
//! passed the record, and whether the record asks anything of it. What cannot be known is
//! said to be unknown, never guessed.

use orders_core::fact::{Effect, Fact, FactState};
use orders_core::{EventName, Status};
use serde::Serialize;

use super::{DeadLetter, RecordView};
use crate::functions::Function;

/// What happened to one record in one function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Dropped by the mapping's filters before the function saw it.
    Filtered,
    /// Not processed yet: behind the function's checkpoint, or its mapping is disabled.
    NotReached,
    /// Processed: its marker says what it did.
    Processed,
    /// Reached, and the record asks nothing of this function (no marker is written then).
    NoEffect,
    /// Under way, or its outcome unknown (email and metrics on AWS; retried once 5 minutes
    /// old), or its last attempt failed and a retry will do it.
    InFlight,
    /// Failed permanently: a dead letter holds it.
    DeadLettered,
    /// Not known from what trace can read (see `why`).
    Unknown,
}

impl Outcome {
    /// Whether the function still owes something for the record.
    pub fn pending(self) -> bool {
        matches!(
            self,
            Outcome::NotReached | Outcome::InFlight | Outcome::Unknown
        )
    }
}

/// One record in one function.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The record's `eventID`.
    #[serde(rename = "eventID")]
    pub event_id: String,
    /// INSERT, MODIFY or REMOVE.
    pub event_name: EventName,
    /// Its sequence number.
    pub sequence_number: String,
    /// What happened.
    pub outcome: Outcome,
    /// What the function did (`processed`, and `in_flight` for what it is doing).
    pub effect: Option<Effect>,
    /// When the marker was written or settled (RFC 3339).
    pub at: Option<String>,
    /// The dead letter (`dead_lettered`).
    pub dead_letter: Option<DeadLetter>,
    /// The mapping's patterns, none of which matched (`filtered`).
    pub patterns: Vec<String>,
    /// Why, in words, for every outcome but `processed`.
    pub why: Option<String>,
}

/// What the judge needs to know about one function besides the records.
pub struct Subject<'a> {
    /// The function.
    pub function: Function,
    /// Its mapping's patterns (none: every record).
    pub patterns: &'a [String],
    /// Whether its mapping (or `consume`'s subscription) is enabled.
    pub enabled: bool,
}

/// Everything known of one record for one function.
pub struct Evidence<'a> {
    /// The function's fact for it.
    pub fact: Option<&'a Fact>,
    /// A dead letter of the function holding it.
    pub dead_letter: Option<&'a DeadLetter>,
    /// Whether the mapping's filters let it through: `None` when they cannot be evaluated
    /// (the record's images are unknown).
    pub passes_filters: Option<bool>,
    /// Whether the function's checkpoint passed it: `None` where the position is not known.
    pub reached: Option<bool>,
}

/// Judge one record for one function.
pub fn judge(subject: &Subject<'_>, record: &RecordView, evidence: &Evidence<'_>) -> Step {
    let mut step = Step {
        event_id: record.event_id.clone(),
        event_name: record.event_name,
        sequence_number: record.sequence_number.to_string(),
        outcome: Outcome::Unknown,
        effect: None,
        at: None,
        dead_letter: None,
        patterns: Vec::new(),
        why: None,
    };
    let mut set = |outcome: Outcome, why: String| {
        step.outcome = outcome;
        step.why = Some(why);
    };
    // A marker that says done wins: a dead letter of the record was replayed since.
    if let Some(fact) = evidence.fact.filter(|f| f.state == FactState::Done) {
        step.outcome = Outcome::Processed;
        step.at = Some(fact.at.clone());
        step.effect = Some(fact.effect.clone());
        return step;
    }
    // An intent refused for good (SES rejecting the message) settles `failed` and dead-letters
    // the record: the dead letter is the news.
    if let Some(letter) = evidence.dead_letter {
        step.outcome = Outcome::DeadLettered;
        step.dead_letter = Some(letter.clone());
        step.why = Some(letter.error.clone());
        return step;
    }
    if let Some(fact) = evidence.fact {
        match fact.state {
            FactState::Done => {}
            FactState::Sending => set(
                Outcome::InFlight,
                format!(
                    "claimed at {}: under way, or its outcome unknown; a redelivery does it again once the claim is 5 minutes old",
                    fact.at
                ),
            ),
            FactState::Failed => set(
                Outcome::InFlight,
                "its last attempt failed before the effect; the next retry does it".into(),
            ),
        }
        step.effect = Some(fact.effect.clone());
        return step;
    }
    match evidence.passes_filters {
        Some(false) => {
            step.outcome = Outcome::Filtered;
            step.patterns = subject.patterns.to_vec();
            step.why = Some("no pattern of its mapping matches the record".into());
            return step;
        }
        None => {
            let needed = asks(subject.function, record);
            if needed == Some(false) {
                set(
                    Outcome::NoEffect,
                    "the record asks nothing of it (filtered out or not, nothing was to be done)"
                        .into(),
                );
            } else {
                set(
                    Outcome::Unknown,
                    "no marker, and its filters need the record's images: run with --scan-stream"
                        .into(),
                );
            }
            return step;
        }
        Some(true) => {}
    }
    let needed = asks(subject.function, record);
    match (evidence.reached, needed) {
        (Some(false), _) if !subject.enabled => set(
            Outcome::NotReached,
            "its mapping is disabled; enable it to process the record".into(),
        ),
        (Some(false), _) => set(
            Outcome::NotReached,
            "behind its checkpoint: the consumer has not got to this record yet".into(),
        ),
        (_, Some(false)) => set(Outcome::NoEffect, "the record asks nothing of it".into()),
        (Some(true), _) => set(
            Outcome::Unknown,
            "its checkpoint is past the record but no marker says what it did (expired after 7 days, written before markers held facts, or a dead letter since purged)".into(),
        ),
        (None, _) if !subject.enabled => set(
            Outcome::NotReached,
            "no marker yet, and its mapping is disabled".into(),
        ),
        (None, _) => set(
            Outcome::Unknown,
            "no marker yet: not reached, or failing and being retried (the Lambda's position is not known here; see orderctl lag)".into(),
        ),
    }
    step
}

/// Whether `record` asks `function` for an effect (whose marker would then exist): `None`
/// when its statuses are unknown.
pub fn asks(function: Function, record: &RecordView) -> Option<bool> {
    if !record.statuses_known {
        return None;
    }
    let (old, new) = (record.old_status, record.new_status);
    Some(match (function, record.event_name) {
        (_, EventName::Insert) => true,
        (Function::Notification, EventName::Modify) => old != new,
        (Function::Inventory, EventName::Modify) => {
            new == Some(Status::Cancelled) && old != Some(Status::Cancelled)
        }
        (Function::Inventory, EventName::Remove) => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::SequenceNumber;

    fn modify(old: Status, new: Status) -> RecordView {
        RecordView {
            event_id: "e2".into(),
            event_name: EventName::Modify,
            sequence_number: SequenceNumber::from_u128(200),
            shard_id: Some("shard-1".into()),
            at: None,
            old_status: Some(old),
            new_status: Some(new),
            statuses_known: true,
            filter_value: None,
            source: super::super::Source::Stream,
        }
    }

    #[test]
    fn a_cancel_asks_inventory_and_notification_but_not_analytics() {
        let r = modify(Status::Confirmed, Status::Cancelled);
        assert_eq!(asks(Function::Inventory, &r), Some(true));
        assert_eq!(asks(Function::Notification, &r), Some(true));
        assert_eq!(asks(Function::Analytics, &r), Some(false));
        let same = modify(Status::Confirmed, Status::Confirmed);
        assert_eq!(asks(Function::Notification, &same), Some(false));
    }

    #[test]
    fn behind_the_checkpoint_is_not_reached_and_a_disabled_mapping_says_so() {
        let r = modify(Status::Pending, Status::Confirmed);
        let evidence = Evidence {
            fact: None,
            dead_letter: None,
            passes_filters: Some(true),
            reached: Some(false),
        };
        let mut subject = Subject {
            function: Function::Notification,
            patterns: &[],
            enabled: true,
        };
        let step = judge(&subject, &r, &evidence);
        assert_eq!(step.outcome, Outcome::NotReached);
        assert!(step.why.unwrap().contains("behind its checkpoint"));
        subject.enabled = false;
        let step = judge(&subject, &r, &evidence);
        assert!(step.why.unwrap().contains("disabled"));
    }

    #[test]
    fn a_dead_letter_outranks_an_unsettled_marker_and_a_done_marker_outranks_the_dead_letter() {
        use orders_core::fact::{Effect, Fact, FactState};
        let r = modify(Status::Pending, Status::Confirmed);
        let mut fact = Fact {
            order_id: "o-1".into(),
            function: "notification".into(),
            event_id: "e2".into(),
            event_name: EventName::Modify,
            sequence_number: SequenceNumber::from_u128(200),
            old_status: Some(Status::Pending),
            new_status: Some(Status::Confirmed),
            effect: Effect::Email {
                subject: "Order o-1 is now CONFIRMED".into(),
            },
            state: FactState::Failed,
            at: "2026-01-01T00:00:00.000Z".into(),
        };
        let letter = DeadLetter {
            message_id: "m-1".into(),
            format: "envelope",
            error: "MessageRejected".into(),
            receive_count: 1,
            sent_at: "2026-01-01T00:00:01Z".into(),
            stale: None,
        };
        let subject = Subject {
            function: Function::Notification,
            patterns: &[],
            enabled: true,
        };
        let judged = |fact: &Fact| {
            let evidence = Evidence {
                fact: Some(fact),
                dead_letter: Some(&letter),
                passes_filters: Some(true),
                reached: Some(true),
            };
            judge(&subject, &r, &evidence).outcome
        };
        // SES refused the mail for good: the claim settled failed, the record went to the DLQ.
        assert_eq!(judged(&fact), Outcome::DeadLettered);
        // Replayed since: the marker says sent.
        fact.state = FactState::Done;
        assert_eq!(judged(&fact), Outcome::Processed);
    }

    #[test]
    fn without_a_position_or_a_marker_the_outcome_is_unknown_not_guessed() {
        let r = modify(Status::Pending, Status::Confirmed);
        let evidence = Evidence {
            fact: None,
            dead_letter: None,
            passes_filters: Some(true),
            reached: None,
        };
        let subject = Subject {
            function: Function::Notification,
            patterns: &[],
            enabled: true,
        };
        assert_eq!(judge(&subject, &r, &evidence).outcome, Outcome::Unknown);
    }
}
