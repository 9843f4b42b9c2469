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
        let report = self
            .function
            .run(event, self.deps, &self.sender, attempt)
            .await;
        Invoked {
            response: serde_json::to_value(&report.response).ok(),
            function_error: false,
            outcomes: report.records.iter().map(|r| r.outcome).collect(),
        }
    }
}
