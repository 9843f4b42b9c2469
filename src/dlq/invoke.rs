//! Running a dead letter's records through a function: the bundled one in-process on the
//! target's capabilities, or the deployed Lambda; and reading the answer by Lambda's own rules
//! (aws-semantics §3.3), so a message is deleted only when its replay fully succeeded.

use orders_core::Event;
use orders_core::batch::Outcome;
use orders_core::caps::{
    Applied, CapResult, Datum, DeadLetters, Email, Idempotency, Mailer, Metrics, Stock, StockLine,
    StockOutcome,
};
use orders_core::fact::Mark;

use crate::esm::response::{Verdict, interpret};
use crate::functions::{Function, Subscriptions};

/// Where records are replayed.
pub enum Via<'a, D> {
    /// The bundled function, in-process, on these capabilities.
    InProcess {
        /// The target's adapters.
        deps: &'a D,
        /// The notification sender.
        sender: String,
    },
    /// The deployed Lambda function, invoked synchronously.
    Lambda {
        /// The backend the functions are deployed on.
        target: &'a crate::backend::Target,
        /// A name that overrides the subscription's `lambda_name`.
        name: Option<String>,
    },
}

/// What a replay that succeeded did.
pub(super) struct Replayed {
    /// Records the function had processed before.
    pub(super) duplicates: usize,
    /// Records that failed for good and were dead-lettered on their own, with why.
    pub(super) dead_lettered: Vec<String>,
}

/// Replay `event` into `function`; `Ok` when the message may be deleted.
///
/// A message that is one record's envelope (`hold`) stays that record's dead letter when it
/// fails again: the function's own dead-letter send is held back. A batch — Lambda's
/// on-failure record — is replayed as Lambda delivers it: a record that fails for good is
/// dead-lettered on its own (its envelope sent before the batch's message is deleted), and the
/// batch succeeds. Holding the whole batch instead kept the records that did apply in the
/// queue for ever, applied and dead-lettered at once (found by the simulation, issue 11).
pub(super) async fn invoke<D: Mailer + Metrics + Stock + DeadLetters + Idempotency>(
    function: Function,
    event: &Event,
    attempt: u32,
    hold: bool,
    subs: &Subscriptions,
    via: &Via<'_, D>,
) -> Result<Replayed, String> {
    match via {
        Via::InProcess { deps, sender } => {
            let report = if hold {
                let held = HoldDeadLetters { inner: *deps };
                function.run(event, &held, sender, attempt).await
            } else {
                function.run(event, *deps, sender, attempt).await
            };
            let errors = |only_permanent: bool| -> Vec<String> {
                report
                    .records
                    .iter()
                    .filter(|r| !only_permanent || r.outcome == Outcome::PermanentFailure)
                    .filter_map(|r| {
                        r.error
                            .as_ref()
                            .map(|e| format!("{}: {e}", r.sequence_number))
                    })
                    .collect()
            };
            let failed = if hold {
                report.any_failed()
            } else {
                !report.response.batch_item_failures.is_empty()
            };
            if failed {
                let failed = errors(false);
                return Err(if failed.is_empty() {
                    "the function reported a failure".into()
                } else {
                    failed.join("; ")
                });
            }
            Ok(Replayed {
                duplicates: report
                    .records
                    .iter()
                    .filter(|r| r.outcome == Outcome::Duplicate)
                    .count(),
                dead_lettered: if hold { Vec::new() } else { errors(true) },
            })
        }
        Via::Lambda { target, name } => {
            let name = name
                .clone()
                .unwrap_or_else(|| subs[&function].lambda_name.clone());
            let reply = target
                .invoke_lambda(&name, event)
                .await
                .map_err(|e| e.to_string())?;
            lambda_verdict(&name, event, &reply).map(|duplicates| Replayed {
                duplicates,
                dead_lettered: Vec::new(),
            })
        }
    }
}

/// Whether a deployed function's reply means the whole replayed batch succeeded, by the
/// rules Lambda itself applies with ReportBatchItemFailures on (aws-semantics §3.3). A reply
/// that is not JSON is not a success: the message stays.
fn lambda_verdict(
    name: &str,
    event: &Event,
    reply: &crate::backend::aws::LambdaReply,
) -> Result<usize, String> {
    let body = reply.payload.trim();
    let response: Option<serde_json::Value> = if body.is_empty() {
        None
    } else {
        Some(serde_json::from_str(body).map_err(|e| {
            format!("{name} answered with something that is not JSON ({e}): {body}")
        })?)
    };
    let seqs: Vec<_> = event
        .records
        .iter()
        .map(|r| r.dynamodb.sequence_number.clone())
        .collect();
    match interpret(
        &seqs,
        response.as_ref(),
        reply.function_error.is_some(),
        true,
    ) {
        Verdict::Success => Ok(0),
        Verdict::Partial { .. } => Err(format!("{name} reported batchItemFailures: {body}")),
        Verdict::WholeBatch { reason } => Err(format!(
            "{name} failed{}: {reason}: {body}",
            reply
                .function_error
                .as_deref()
                .map_or(String::new(), |k| format!(" ({k})"))
        )),
    }
}

/// The target's capabilities, except that a record failing again is not sent to the
/// dead-letter queue a second time: the message being replayed stays there instead.
struct HoldDeadLetters<'a, D> {
    inner: &'a D,
}

impl<D: Mailer> Mailer for HoldDeadLetters<'_, D> {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        self.inner.send_once(mark, email).await
    }
}

impl<D: Metrics> Metrics for HoldDeadLetters<'_, D> {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        self.inner.put_once(namespace, marks, share).await
    }
}

impl<D: Stock> Stock for HoldDeadLetters<'_, D> {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        self.inner.reserve(mark, lines).await
    }
    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        self.inner.release(mark, give_back).await
    }
}

impl<D> DeadLetters for HoldDeadLetters<'_, D> {
    async fn send(&self, _body: &str) -> CapResult<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::aws::LambdaReply;

    fn event() -> Event {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/events/order-created.json"
        ))
        .unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn verdict(payload: &str, function_error: Option<&str>) -> Result<usize, String> {
        let reply = LambdaReply {
            function_error: function_error.map(str::to_owned),
            payload: payload.into(),
        };
        lambda_verdict("orders-inventory", &event(), &reply)
    }

    #[test]
    fn only_a_complete_success_lets_a_message_be_deleted() {
        for ok in ["", "null", "{}", "[]", r#"{"batchItemFailures":[]}"#] {
            assert_eq!(
                verdict(ok, None),
                Ok(0),
                "{ok:?} is a complete success (§3.3)"
            );
        }
        let seq = &event().records[0].dynamodb.sequence_number;
        let partial = format!(r#"{{"batchItemFailures":[{{"itemIdentifier":"{seq}"}}]}}"#);
        assert!(
            verdict(&partial, None)
                .unwrap_err()
                .contains("batchItemFailures")
        );
        assert!(
            verdict("Task timed out", None)
                .unwrap_err()
                .contains("not JSON")
        );
        assert!(
            verdict(r#"{"batchItemFailures":[{"foo":123}]}"#, None).is_err(),
            "a wrong key name fails the batch"
        );
        assert!(
            verdict("{}", Some("Unhandled"))
                .unwrap_err()
                .contains("Unhandled")
        );
    }
}
