//! A function as the event source mapping sees it: something invoked with a batch that
//! answers with a response (or an error). The bundled functions run in-process; tests script
//! any response Lambda might get.

use orders_core::Event;
use orders_core::batch::Outcome;
use orders_core::caps::{DeadLetters, Mailer, Metrics, Stock};
use serde_json::Value;

use crate::functions::Function;

/// What an invocation returned.
#[derive(Debug, Clone)]
pub struct Invoked {
    /// The response payload (`None`: no payload).
    pub response: Option<Value>,
    /// The function failed (an unhandled error or a timeout).
    pub function_error: bool,
    /// Per record, when the function reports it (the bundled ones do).
    pub outcomes: Vec<Outcome>,
}

/// An invocable function.
pub trait Handler {
    /// Its name (checkpoints, metrics, the on-failure record).
    fn name(&self) -> &'static str;
    /// Invoke it with a batch.
    fn invoke(&self, event: &Event, attempt: u32) -> impl Future<Output = Invoked>;
}

/// A bundled function running in-process on some capabilities.
#[derive(Debug)]
pub struct Bundled<'a, D> {
    /// Which function.
    pub function: Function,
    /// Its capabilities.
    pub deps: &'a D,
    /// The notification sender.
    pub sender: String,
}

impl<D: Mailer + Metrics + Stock + DeadLetters> Handler for Bundled<'_, D> {
    fn name(&self) -> &'static str {
        self.function.name()
    }

    async fn invoke(&self, event: &Event, attempt: u32) -> Invoked {
        use futures_util::FutureExt as _;
        // A panic in a function is what Lambda reports as an unhandled error: a function error,
        // retried and given up by the mapping's rules (aws-semantics §3.4), never the end of
        // `consume` — which would meet the same record, and panic, on every run (issue 13).
        let run = self.function.run(event, self.deps, &self.sender, attempt);
        let report = match std::panic::AssertUnwindSafe(run).catch_unwind().await {
            Ok(report) => report,
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_owned());
                return Invoked {
                    response: Some(serde_json::json!({
                        "errorType": "Panic",
                        "errorMessage": message,
                    })),
                    function_error: true,
                    outcomes: Vec::new(),
                };
            }
        };
        Invoked {
            response: serde_json::to_value(&report.response).ok(),
            function_error: false,
            outcomes: report.records.iter().map(|r| r.outcome).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::caps::{Applied, CapResult, Datum, Email, StockLine, StockOutcome};
    use orders_core::fact::Mark;

    /// Capabilities that panic on every call.
    struct Panicky;

    impl Mailer for Panicky {
        async fn send_once(&self, _: &Mark, _: &Email) -> CapResult<Applied> {
            panic!("mailer exploded")
        }
    }
    impl Metrics for Panicky {
        async fn put_once(&self, _: &str, _: &[Mark], _: &[Vec<Datum>]) -> CapResult<Vec<Applied>> {
            panic!("metrics exploded")
        }
    }
    impl Stock for Panicky {
        async fn reserve(&self, _: &Mark, _: &[StockLine]) -> CapResult<StockOutcome> {
            panic!("stock exploded")
        }
        async fn release(&self, _: &Mark, _: bool) -> CapResult<StockOutcome> {
            panic!("stock exploded")
        }
    }
    impl DeadLetters for Panicky {
        async fn send(&self, _: &str) -> CapResult<()> {
            panic!("dlq exploded")
        }
    }

    /// Issue 13: a panicking function is a function error the mapping retries, not the end of
    /// `consume` on every run.
    #[tokio::test]
    async fn a_panic_is_a_function_error() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/events/order-created.json"
        ))
        .unwrap();
        let event: Event = serde_json::from_str(&text).unwrap();
        for function in Function::ALL {
            let handler = Bundled {
                function,
                deps: &Panicky,
                sender: "orders@example.com".into(),
            };
            let invoked = handler.invoke(&event, 1).await;
            assert!(invoked.function_error, "{}", function.name());
            assert_eq!(invoked.response.unwrap()["errorType"], "Panic");
        }
    }
}
