//! The consumers' capabilities on the local target: mail into the outbox table, metrics into the
//! metrics table, stock in the local Inventory, dead letters into the local queue. Each effect
//! and its idempotency guard (ProcessedEvents) commit in one SQLite transaction, so locally
//! every effect happens exactly once per stream record. Injected faults come first.

use orders_core::caps::{
    Applied, CapError, CapResult, Datum, DeadLetters, Email, Idempotency, Mailer, Metrics, Stock,
    StockChange, StockLine, StockOutcome,
};
use orders_core::clock;
use orders_core::fact::{Effect, Mark};
use orders_core::ledger::{OnEnd, OnInsert, OrderLedger};
use orders_core::recorder::sum_new;
use std::cell::Cell;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::LocalTarget;
use super::faults::check_fault;

/// Idempotency records live at least this long (aws-semantics §7.3: ≥ 7 days).
const GUARD_TTL_MS: i64 = 7 * 24 * 3600 * 1000;

/// The local capabilities, borrowing the target's database.
#[derive(Debug)]
pub struct LocalEffects<'a> {
    target: &'a LocalTarget,
    /// Inside [`LocalEffects::begin_batch`]: effects are savepoints of the batch's transaction.
    in_batch: Cell<bool>,
}

impl LocalTarget {
    /// The consumers' capabilities on this database.
    pub fn effects(&self) -> LocalEffects<'_> {
        LocalEffects {
            target: self,
            in_batch: Cell::new(false),
        }
    }
}

fn sql(e: rusqlite::Error) -> CapError {
    // A busy database is worth retrying; anything else is a broken local store.
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(
                f.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            CapError::transient(format!("local database busy: {e}"))
        }
        _ => CapError::transient(format!("local database error: {e}")),
    }
}

/// Whether the guard of `mark` exists: its record was handled.
fn handled(tx: &Connection, mark: &Mark) -> CapResult<bool> {
    tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_key = ?1)")
        .and_then(|mut st| st.query_row([mark.key()], |r| r.get(0)))
        .map_err(sql)
}

/// Insert the guard of `mark` holding what was done (its fact, for `trace`); false when it
/// already exists. Called in the effect's transaction.
fn claim(tx: &Connection, mark: &Mark, effect: Effect) -> CapResult<bool> {
    let now = clock::now_ms();
    let fact = serde_json::to_string(&mark.fact(effect))
        .map_err(|e| CapError::permanent(format!("cannot encode a marker: {e}")))?;
    let n = tx
        .prepare_cached(
            "INSERT INTO processed_events (event_key, processed_at, expires_at, detail, order_id) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (event_key) DO NOTHING",
        )
        .and_then(|mut st| {
            st.execute(params![
                mark.key(),
                clock::rfc3339_ms(now),
                (now + GUARD_TTL_MS) / 1000,
                fact,
                mark.order_id
            ])
        })
        .map_err(sql)?;
    Ok(n == 1)
}

fn reservation_key(order_id: &str) -> String {
    format!("inventory#reservation#{order_id}")
}

impl LocalEffects<'_> {
    /// Run `f` in a write transaction after checking `component`'s injected faults; commit
    /// only when `f` succeeds (a permanent failure leaves no trace, so a replay is re-judged).
    fn transaction<T>(
        &self,
        component: &str,
        f: impl FnOnce(&Connection) -> CapResult<T>,
    ) -> CapResult<T> {
        let mut conn = self.target.conn();
        check_fault(&mut conn, component)?;
        if self.in_batch.get() {
            // A savepoint: a failed effect rolls back alone; the batch commits the rest.
            let sp = conn.savepoint().map_err(sql)?;
            let value = f(&sp)?;
            sp.commit().map_err(sql)?;
            return Ok(value);
        }
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let value = f(&tx)?;
        tx.commit().map_err(sql)?;
        Ok(value)
    }

    /// Open one write transaction for a whole invocation: every effect, and whatever else the
    /// caller writes on this database (its checkpoint), commits together in
    /// [`LocalEffects::end_batch`] — so a crash repeats nothing and loses nothing.
    pub fn begin_batch(&self) -> crate::backend::TResult<()> {
        use super::db::SqlContext;
        self.target
            .conn()
            .execute_batch("BEGIN IMMEDIATE")
            .ctx("cannot start a batch")?;
        self.in_batch.set(true);
        Ok(())
    }

    /// Commit (or, when `commit` is false, roll back) the batch's transaction.
    pub fn end_batch(&self, commit: bool) -> crate::backend::TResult<()> {
        use super::db::SqlContext;
        if !self.in_batch.replace(false) {
            return Ok(());
        }
        let sql = if commit { "COMMIT" } else { "ROLLBACK" };
        self.target
            .conn()
            .execute_batch(sql)
            .ctx("cannot finish a batch")
    }
}

impl Mailer for LocalEffects<'_> {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        let key = &mark.key();
        self.transaction("mailer", |tx| {
            let effect = Effect::Email {
                subject: email.subject.clone(),
            };
            if !claim(tx, mark, effect)? {
                return Ok(Applied::Duplicate);
            }
            tx.prepare_cached("INSERT INTO outbox (sent_at, event_key, sender, recipient, subject, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .and_then(|mut st| st.execute(params![clock::rfc3339_ms(clock::now_ms()), key, email.from, email.to, email.subject, email.body]))
            .map_err(sql)?;
            Ok(Applied::Done)
        })
    }
}

impl Metrics for LocalEffects<'_> {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        self.transaction("metrics", |tx| {
            let mut applied = Vec::with_capacity(marks.len());
            for (i, mark) in marks.iter().enumerate() {
                let effect = Effect::counted(share.get(i).map_or(&[][..], Vec::as_slice));
                applied.push(if claim(tx, mark, effect)? {
                    Applied::Done
                } else {
                    Applied::Duplicate
                });
            }
            let now = clock::now_ms();
            for d in sum_new(&applied, share)? {
                insert_metric(
                    tx,
                    namespace,
                    &d.name,
                    "{}",
                    now,
                    &d.value.to_string(),
                    d.unit.as_str(),
                )
                .map_err(sql)?;
            }
            Ok(applied)
        })
    }
}

/// Append one datapoint to the local metrics table.
pub fn insert_metric(
    tx: &rusqlite::Connection,
    namespace: &str,
    name: &str,
    dimensions: &str,
    ts_ms: i64,
    value: &str,
    unit: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO metrics (namespace, name, dimensions, ts_ms, value, unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![namespace, name, dimensions, ts_ms, value, unit])?;
    Ok(())
}

fn stock_of(tx: &Connection, product_id: &str) -> rusqlite::Result<Option<i64>> {
    tx.prepare_cached("SELECT stock FROM inventory WHERE product_id = ?1")?
        .query_row([product_id], |r| r.get(0))
        .optional()
}

fn set_stock(tx: &Connection, product_id: &str, stock: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE inventory SET stock = ?2, last_updated = ?3 WHERE product_id = ?1")?
        .execute(params![
            product_id,
            stock,
            clock::rfc3339_ms(clock::now_ms())
        ])?;
    Ok(())
}

/// The order id's stock ledger (see `orders_core::ledger`); a reservation from before the
/// ledger is the list of reserved lines.
fn load_ledger(tx: &Connection, order_id: &str) -> CapResult<OrderLedger> {
    let detail: Option<Option<String>> = tx
        .prepare_cached("SELECT detail FROM processed_events WHERE event_key = ?1")
        .and_then(|mut st| {
            st.query_row([reservation_key(order_id)], |r| r.get(0))
                .optional()
        })
        .map_err(sql)?;
    let Some(detail) = detail.flatten() else {
        return Ok(OrderLedger::default());
    };
    if let Ok(ledger) = serde_json::from_str::<OrderLedger>(&detail) {
        return Ok(ledger);
    }
    let lines: Vec<StockLine> = serde_json::from_str(&detail)
        .map_err(|e| CapError::permanent(format!("corrupt reservation of {order_id}: {e}")))?;
    Ok(OrderLedger::legacy(lines))
}

/// Store the ledger. It never expires: a cancellation weeks later still finds it.
fn store_ledger(tx: &Connection, order_id: &str, ledger: &OrderLedger) -> CapResult<()> {
    let detail = serde_json::to_string(ledger).map_err(|e| CapError::permanent(e.to_string()))?;
    tx.prepare_cached(
        "INSERT INTO processed_events (event_key, processed_at, expires_at, detail) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (event_key) DO UPDATE SET processed_at = excluded.processed_at, detail = excluded.detail",
    )
    .and_then(|mut st| {
        st.execute(params![
            reservation_key(order_id),
            clock::rfc3339_ms(clock::now_ms()),
            i64::MAX,
            detail
        ])
    })
    .map_err(sql)?;
    Ok(())
}

impl Stock for LocalEffects<'_> {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        let (order_id, seq) = (&mark.order_id, &mark.sequence_number);
        self.transaction("inventory", |tx| {
            if handled(tx, mark)? {
                return Ok(StockOutcome::Duplicate);
            }
            let mut ledger = load_ledger(tx, order_id)?;
            if ledger.on_insert(seq) == OnInsert::Superseded {
                claim(tx, mark, Effect::Superseded)?;
                return Ok(StockOutcome::Superseded);
            }
            let mut changes = Vec::with_capacity(lines.len());
            for line in lines {
                let have = stock_of(tx, &line.product_id)
                    .map_err(sql)?
                    .ok_or_else(|| {
                        CapError::permanent(format!("unknown product {}", line.product_id))
                    })?;
                let after = orders_core::limits::taken(&line.product_id, have, line.quantity)
                    .map_err(CapError::permanent)?;
                changes.push((line.product_id.clone(), have, after));
            }
            for (product, _, after) in &changes {
                set_stock(tx, product, *after).map_err(sql)?;
            }
            // Read and written in one SQLite transaction: the levels are exact.
            let changes = changes
                .into_iter()
                .map(|(product_id, before, after)| StockChange {
                    product_id,
                    before: Some(before),
                    after: Some(after),
                })
                .collect();
            ledger.reserved(seq, lines.to_vec());
            store_ledger(tx, order_id, &ledger)?;
            claim(
                tx,
                mark,
                Effect::Reserved {
                    lines: lines.to_vec(),
                },
            )?;
            Ok(StockOutcome::Done(changes))
        })
    }

    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        let (order_id, seq) = (&mark.order_id, &mark.sequence_number);
        self.transaction("inventory", |tx| {
            if handled(tx, mark)? {
                return Ok(StockOutcome::Duplicate);
            }
            let mut ledger = load_ledger(tx, order_id)?;
            let decision = ledger.on_end(seq, give_back);
            if decision != OnEnd::Ignore {
                ledger.ended(seq, &decision);
                store_ledger(tx, order_id, &ledger)?;
            }
            let OnEnd::GiveBack(lines) = decision else {
                claim(tx, mark, Effect::Nothing)?;
                return Ok(StockOutcome::Nothing);
            };
            claim(
                tx,
                mark,
                Effect::Restored {
                    lines: lines.clone(),
                },
            )?;
            let mut changes = Vec::with_capacity(lines.len());
            for line in lines {
                let before = stock_of(tx, &line.product_id).map_err(sql)?.unwrap_or(0);
                // Checked and bounded (orders_core::limits): a restock past the limit fails the
                // record permanently and the transaction rolls back, leaving stock unchanged.
                let after = orders_core::limits::restocked(&line.product_id, before, line.quantity)
                    .map_err(CapError::permanent)?;
                tx.prepare_cached("INSERT INTO inventory (product_id, stock, last_updated) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (product_id) DO UPDATE SET stock = excluded.stock, last_updated = excluded.last_updated")
                .and_then(|mut st| st.execute(params![line.product_id, after, clock::rfc3339_ms(clock::now_ms())]))
                .map_err(sql)?;
                changes.push(StockChange {
                    product_id: line.product_id,
                    before: Some(before),
                    after: Some(after),
                });
            }
            Ok(StockOutcome::Done(changes))
        })
    }
}

impl Idempotency for LocalEffects<'_> {
    async fn processed(&self, key: &str) -> CapResult<bool> {
        // A local guard commits with its effect: present means done.
        self.target
            .conn()
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_key = ?1)",
                [key],
                |r| r.get(0),
            )
            .map_err(sql)
    }
}

impl DeadLetters for LocalEffects<'_> {
    async fn send(&self, body: &str) -> CapResult<()> {
        self.target
            .queue_send(body)
            .map(|_| ())
            .map_err(|e| CapError::transient(e.to_string()))
    }
}
