//! The consumers' capabilities on whichever backend runs: one value that is the local adapters
//! (SQLite, effects grouped into one transaction per scope) or the AWS ones (SES, CloudWatch,
//! DynamoDB, SQS), so `consume`, `invoke` and `dlq replay` never ask which.

use orders_aws::AwsEffects;
use orders_core::caps::{
    Applied, CapResult, Datum, DeadLetters, Email, Idempotency, Mailer, Metrics, Stock, StockLine,
    StockOutcome,
};
use orders_core::fact::Mark;

use super::Target;
use super::local::effects::LocalEffects;

/// Grouping writes: on the local target, the effects of the invocations run in one scope and
/// their checkpoints commit in one transaction (a crash repeats nothing and loses nothing, and
/// there is one commit instead of dozens); on AWS each effect stands alone.
pub trait BatchScope {
    /// Before the function runs.
    fn begin(&self) -> anyhow::Result<()> {
        Ok(())
    }
    /// After the checkpoint is saved (`commit`), or when the step failed.
    fn end(&self, _commit: bool) -> anyhow::Result<()> {
        Ok(())
    }
}

impl BatchScope for LocalEffects<'_> {
    fn begin(&self) -> anyhow::Result<()> {
        Ok(self.begin_batch()?)
    }
    fn end(&self, commit: bool) -> anyhow::Result<()> {
        Ok(self.end_batch(commit)?)
    }
}

impl BatchScope for AwsEffects {}
impl BatchScope for orders_core::recorder::Recorder {}

/// The backend's adapters for the bundled functions.
#[derive(Debug)]
pub enum Effects<'a> {
    /// SQLite.
    Local(LocalEffects<'a>),
    /// The AWS services.
    Aws(AwsEffects),
}

impl Target {
    /// The consumers' capabilities on this backend.
    pub fn effects(&self) -> Effects<'_> {
        match self {
            Target::Local(t) => Effects::Local(t.effects()),
            Target::Aws(t) => Effects::Aws(t.effects()),
        }
    }
}

macro_rules! each {
    ($self:ident, $e:ident => $call:expr) => {
        match $self {
            Effects::Local($e) => $call,
            Effects::Aws($e) => $call,
        }
    };
}

impl BatchScope for Effects<'_> {
    fn begin(&self) -> anyhow::Result<()> {
        each!(self, e => e.begin())
    }
    fn end(&self, commit: bool) -> anyhow::Result<()> {
        each!(self, e => e.end(commit))
    }
}

impl Mailer for Effects<'_> {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        each!(self, e => e.send_once(mark, email).await)
    }
}

impl Metrics for Effects<'_> {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        each!(self, e => e.put_once(namespace, marks, share).await)
    }
}

impl Stock for Effects<'_> {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        each!(self, e => e.reserve(mark, lines).await)
    }
    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        each!(self, e => e.release(mark, give_back).await)
    }
}

impl Idempotency for Effects<'_> {
    async fn processed(&self, key: &str) -> CapResult<bool> {
        each!(self, e => e.processed(key).await)
    }
}

impl DeadLetters for Effects<'_> {
    async fn send(&self, body: &str) -> CapResult<()> {
        each!(self, e => e.send(body).await)
    }
}
