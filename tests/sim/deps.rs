//! What the simulation puts between the pipeline and the local target: capabilities that log
//! every stock move and every delivery — kept only when their scope commits, as the database
//! does — and a queue that loses some DeleteMessage calls after the replay was applied.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use orderctl::backend::TargetError;
use orderctl::backend::local::effects::LocalEffects;
use orderctl::backend::queue::{Queue, QueueMessage, QueueStats};
use orderctl::backend::{LocalTarget, TResult};
use orderctl::esm::handler::{Bundled, Handler, Invoked};
use orderctl::functions::Function;
use orders_core::batch::Outcome;
use orders_core::caps::{
    Applied, CapResult, Datum, DeadLetters, Email, Idempotency, Mailer, Metrics, Stock, StockLine,
    StockOutcome,
};
use orders_core::fact::Mark;
use orders_core::ledger::OrderLedger;
use orders_core::{Event, SequenceNumber};

/// Something the pipeline did.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A stock call that returned (an error is no call: nothing of it was kept).
    Stock {
        key: String,
        order_id: String,
        seq: SequenceNumber,
        /// A reservation (INSERT), else a release (cancel or delete).
        reserve: bool,
        outcome: StockOutcome,
        /// A release that consumed the reservation without giving stock back (shipped).
        consumed: bool,
    },
    /// A consumer delivered a record (not a replay).
    Delivery {
        function: &'static str,
        order_id: String,
        seq: SequenceNumber,
        outcome: Outcome,
    },
}

/// The local capabilities, logged.
pub struct SimDeps<'a> {
    target: &'a LocalTarget,
    pub inner: LocalEffects<'a>,
    in_batch: Cell<bool>,
    pending: RefCell<Vec<Entry>>,
    pub committed: RefCell<Vec<Entry>>,
}

impl<'a> SimDeps<'a> {
    pub fn new(target: &'a LocalTarget) -> SimDeps<'a> {
        SimDeps {
            target,
            inner: target.effects(),
            in_batch: Cell::new(false),
            pending: RefCell::new(Vec::new()),
            committed: RefCell::new(Vec::new()),
        }
    }

    fn log(&self, entry: Entry) {
        if self.in_batch.get() {
            self.pending.borrow_mut().push(entry);
        } else {
            self.committed.borrow_mut().push(entry);
        }
    }

    /// Open a scope: one transaction for every effect and checkpoint until [`SimDeps::end`].
    pub fn begin(&self) {
        self.inner.begin_batch().expect("begin a batch");
        self.in_batch.set(true);
    }

    /// Commit the scope, or abandon it (a crash: nothing of it happened).
    pub fn end(&self, commit: bool) {
        self.inner.end_batch(commit).expect("end a batch");
        self.in_batch.set(false);
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if commit {
            self.committed.borrow_mut().extend(pending);
        }
    }
}

/// How many reservations an order id holds, as its stored ledger says.
pub fn held(target: &LocalTarget, order_id: &str) -> usize {
    let detail: Option<String> = target
        .conn()
        .query_row(
            "SELECT detail FROM processed_events WHERE event_key = ?1",
            [format!("inventory#reservation#{order_id}")],
            |r| r.get(0),
        )
        .ok()
        .flatten();
    detail
        .and_then(|d| serde_json::from_str::<OrderLedger>(&d).ok())
        .map_or(0, |l| l.held().len())
}

impl Mailer for SimDeps<'_> {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        self.inner.send_once(mark, email).await
    }
}

impl Metrics for SimDeps<'_> {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        self.inner.put_once(namespace, marks, share).await
    }
}

impl Stock for SimDeps<'_> {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        let outcome = self.inner.reserve(mark, lines).await?;
        self.log(Entry::Stock {
            key: mark.key(),
            order_id: mark.order_id.clone(),
            seq: mark.sequence_number.clone(),
            reserve: true,
            outcome: outcome.clone(),
            consumed: false,
        });
        Ok(outcome)
    }

    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        let order_id = &mark.order_id;
        let before = held(self.target, order_id);
        let outcome = self.inner.release(mark, give_back).await?;
        let consumed =
            !give_back && outcome == StockOutcome::Nothing && held(self.target, order_id) < before;
        self.log(Entry::Stock {
            key: mark.key(),
            order_id: mark.order_id.clone(),
            seq: mark.sequence_number.clone(),
            reserve: false,
            outcome: outcome.clone(),
            consumed,
        });
        Ok(outcome)
    }
}

impl Idempotency for SimDeps<'_> {
    async fn processed(&self, key: &str) -> CapResult<bool> {
        self.inner.processed(key).await
    }
}

impl DeadLetters for SimDeps<'_> {
    async fn send(&self, body: &str) -> CapResult<()> {
        self.inner.send(body).await
    }
}

/// A bundled function whose deliveries are logged.
pub struct Logged<'a> {
    pub function: Function,
    pub deps: &'a SimDeps<'a>,
}

impl Handler for Logged<'_> {
    fn name(&self) -> &'static str {
        self.function.name()
    }

    async fn invoke(&self, event: &Event, attempt: u32) -> Invoked {
        let bundled = Bundled {
            function: self.function,
            deps: self.deps,
            sender: crate::sim::SENDER.to_owned(),
        };
        let invoked = bundled.invoke(event, attempt).await;
        for (record, outcome) in event.records.iter().zip(&invoked.outcomes) {
            let order_id = record
                .dynamodb
                .keys
                .get("orderId")
                .and_then(|v| v.as_s())
                .unwrap_or_default()
                .to_owned();
            self.deps.log(Entry::Delivery {
                function: self.function.name(),
                order_id,
                seq: record.dynamodb.sequence_number.clone(),
                outcome: *outcome,
            });
        }
        invoked
    }
}

/// The local queue, except that every `lose_every`th DeleteMessage fails after the replay was
/// applied: the message stays, and its next replay must find everything already done.
pub struct FlakyQueue<'a> {
    pub target: &'a LocalTarget,
    pub lose_every: Option<u32>,
    pub deletes: Cell<u32>,
}

impl Queue for FlakyQueue<'_> {
    async fn send(&self, body: &str) -> TResult<String> {
        self.target.send(body).await
    }
    async fn receive(&self, max: usize, visibility: Duration) -> TResult<Vec<QueueMessage>> {
        self.target.receive(max, visibility).await
    }
    async fn peek(&self, max: usize) -> TResult<Vec<QueueMessage>> {
        self.target.peek(max).await
    }
    async fn find(&self, id: &str, max: usize) -> TResult<Option<QueueMessage>> {
        self.target.find(id, max).await
    }
    async fn delete(&self, receipt_handle: &str) -> TResult<()> {
        let n = self.deletes.get() + 1;
        self.deletes.set(n);
        if self.lose_every.is_some_and(|every| n.is_multiple_of(every)) {
            return Err(TargetError::Unavailable(
                "simulated: the DeleteMessage response was lost".into(),
            ));
        }
        Queue::delete(self.target, receipt_handle).await
    }
    async fn change_visibility(&self, receipt_handle: &str, visibility: Duration) -> TResult<()> {
        self.target
            .change_visibility(receipt_handle, visibility)
            .await
    }
    async fn purge(&self) -> TResult<u64> {
        self.target.purge().await
    }
    async fn stats(&self) -> TResult<QueueStats> {
        self.target.stats().await
    }
}
