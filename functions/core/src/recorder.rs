//! The recording adapter: every capability, in memory. Effects are captured, never sent —
//! `orderctl invoke` uses it by default (safe with production credentials) and the handlers'
//! tests use it as their fake. Stock is simulated from the levels it is given.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::caps::{
    Applied, CapError, CapResult, Datum, DeadLetters, Email, Idempotency, Mailer, Metrics, Stock,
    StockChange, StockLine, StockOutcome,
};
use crate::fact::Mark;
use crate::ledger::{OnEnd, OnInsert, OrderLedger};

/// One metric as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricRecord {
    /// Namespace.
    pub namespace: String,
    /// Metric name.
    pub name: String,
    /// Exact value.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Unit.
    pub unit: String,
}

/// Everything captured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Effects {
    /// Emails that would have been sent.
    pub emails: Vec<Email>,
    /// Metrics that would have been published.
    pub metrics: Vec<MetricRecord>,
    /// Stock levels that would have changed.
    pub stock: Vec<StockChange>,
    /// Dead-letter bodies that would have been sent.
    pub dlq: Vec<String>,
}

#[derive(Debug, Default)]
struct State {
    effects: Effects,
    done: HashSet<String>,
    levels: HashMap<String, i64>,
    ledgers: HashMap<String, OrderLedger>,
    /// Per component: calls to let through first, then calls to fail.
    faults: HashMap<&'static str, (u32, u32)>,
}

/// In-memory capabilities.
#[derive(Debug, Default)]
pub struct Recorder {
    state: Mutex<State>,
}

impl Recorder {
    /// A recorder with these stock levels (products absent from the map are unknown).
    pub fn with_stock(levels: impl IntoIterator<Item = (String, i64)>) -> Recorder {
        let recorder = Recorder::default();
        recorder.lock().levels = levels.into_iter().collect();
        recorder
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// What was captured so far.
    pub fn effects(&self) -> Effects {
        self.lock().effects.clone()
    }

    /// A product's simulated stock.
    pub fn level(&self, product_id: &str) -> Option<i64> {
        self.lock().levels.get(product_id).copied()
    }

    /// Make the next `n` calls of `component` (`mailer`, `metrics`, `inventory`, `dlq`) fail
    /// transiently.
    pub fn fail_next(&self, component: &'static str, n: u32) {
        self.fail_after(component, 0, n);
    }

    /// Let `skip` calls of `component` through, then fail the next `n` transiently.
    pub fn fail_after(&self, component: &'static str, skip: u32, n: u32) {
        self.lock().faults.insert(component, (skip, n));
    }

    fn fault(state: &mut State, component: &'static str) -> CapResult<()> {
        match state.faults.get_mut(component) {
            Some((skip, _)) if *skip > 0 => {
                *skip -= 1;
                Ok(())
            }
            Some((_, n)) if *n > 0 => {
                *n -= 1;
                Err(CapError::transient(format!(
                    "injected fault in {component}"
                )))
            }
            _ => Ok(()),
        }
    }
}

impl Mailer for Recorder {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        let mut s = self.lock();
        Self::fault(&mut s, "mailer")?;
        if !s.done.insert(mark.key()) {
            return Ok(Applied::Duplicate);
        }
        s.effects.emails.push(email.clone());
        Ok(Applied::Done)
    }
}

impl Metrics for Recorder {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        let mut s = self.lock();
        Self::fault(&mut s, "metrics")?;
        let applied: Vec<Applied> = marks
            .iter()
            .map(|m| {
                if s.done.contains(&m.key()) {
                    Applied::Duplicate
                } else {
                    Applied::Done
                }
            })
            .collect();
        let totals = sum_new(&applied, share)?;
        for mark in marks {
            s.done.insert(mark.key());
        }
        for d in totals {
            s.effects.metrics.push(MetricRecord {
                namespace: namespace.to_owned(),
                name: d.name,
                value: d.value,
                unit: d.unit.as_str().to_owned(),
            });
        }
        Ok(applied)
    }
}

/// Sum the data of the records that are new, one datum per metric name, in first-seen order.
/// Checked: a sum that would overflow is a permanent failure (the functions bound each share
/// so that it cannot happen, see [`crate::limits`]).
pub fn sum_new(applied: &[Applied], share: &[Vec<Datum>]) -> CapResult<Vec<Datum>> {
    let mut totals: Vec<Datum> = Vec::new();
    for (a, data) in applied.iter().zip(share) {
        if *a != Applied::Done {
            continue;
        }
        for d in data {
            match totals.iter_mut().find(|t| t.name == d.name) {
                Some(t) => {
                    t.value = t.value.checked_add(d.value).ok_or_else(|| {
                        CapError::permanent(format!(
                            "metric {}: the sum of this call overflows",
                            d.name
                        ))
                    })?;
                }
                None => totals.push(d.clone()),
            }
        }
    }
    Ok(totals)
}

impl Stock for Recorder {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        let (key, order_id, seq) = (&mark.key(), &mark.order_id, &mark.sequence_number);
        let mut s = self.lock();
        Self::fault(&mut s, "inventory")?;
        if s.done.contains(key) {
            return Ok(StockOutcome::Duplicate);
        }
        if s.ledgers
            .entry(order_id.to_owned())
            .or_default()
            .on_insert(seq)
            == OnInsert::Superseded
        {
            s.done.insert(key.to_owned());
            return Ok(StockOutcome::Superseded);
        }
        let mut changes = Vec::with_capacity(lines.len());
        for line in lines {
            let Some(&have) = s.levels.get(&line.product_id) else {
                return Err(CapError::permanent(format!(
                    "unknown product {}",
                    line.product_id
                )));
            };
            let after = crate::limits::taken(&line.product_id, have, line.quantity)
                .map_err(CapError::permanent)?;
            changes.push((line.product_id.clone(), have, after));
        }
        for (product, _, after) in &changes {
            s.levels.insert(product.clone(), *after);
        }
        let changes = exact(changes);
        s.done.insert(key.to_owned());
        s.ledgers
            .entry(order_id.to_owned())
            .or_default()
            .reserved(seq, lines.to_vec());
        s.effects.stock.extend(changes.iter().cloned());
        Ok(StockOutcome::Done(changes))
    }

    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        let (key, order_id, seq) = (&mark.key(), &mark.order_id, &mark.sequence_number);
        let mut s = self.lock();
        Self::fault(&mut s, "inventory")?;
        if s.done.contains(key) {
            return Ok(StockOutcome::Duplicate);
        }
        let ledger = s.ledgers.get(order_id).cloned().unwrap_or_default();
        let decision = ledger.on_end(seq, give_back);
        // Checked before anything changes: a restock past the limit leaves everything as it was.
        let mut changes = Vec::new();
        if let OnEnd::GiveBack(lines) = &decision {
            for line in lines {
                let before = s.levels.get(&line.product_id).copied().unwrap_or(0);
                let after = crate::limits::restocked(&line.product_id, before, line.quantity)
                    .map_err(CapError::permanent)?;
                changes.push((line.product_id.clone(), before, after));
            }
        }
        s.done.insert(key.to_owned());
        let ledger = s.ledgers.entry(order_id.to_owned()).or_default();
        ledger.ended(seq, &decision);
        if !matches!(decision, OnEnd::GiveBack(_)) {
            return Ok(StockOutcome::Nothing);
        }
        for (product, _, after) in &changes {
            s.levels.insert(product.clone(), *after);
        }
        let changes = exact(changes);
        s.effects.stock.extend(changes.iter().cloned());
        Ok(StockOutcome::Done(changes))
    }
}

/// Changes whose levels this adapter knows exactly: (product, before, after).
fn exact(changes: Vec<(String, i64, i64)>) -> Vec<StockChange> {
    changes
        .into_iter()
        .map(|(product_id, before, after)| StockChange {
            product_id,
            before: Some(before),
            after: Some(after),
        })
        .collect()
}

impl Idempotency for Recorder {
    async fn processed(&self, key: &str) -> CapResult<bool> {
        Ok(self.lock().done.contains(key))
    }
}

impl DeadLetters for Recorder {
    async fn send(&self, body: &str) -> CapResult<()> {
        let mut s = self.lock();
        Self::fault(&mut s, "dlq")?;
        s.effects.dlq.push(body.to_owned());
        Ok(())
    }
}

/// Forwards every call to another adapter and captures the effects it applied — so
/// `orderctl invoke --effects target` can show what it actually did.
#[derive(Debug)]
pub struct Tee<'a, D> {
    inner: &'a D,
    seen: Mutex<Effects>,
}

impl<'a, D> Tee<'a, D> {
    /// Wrap `inner`.
    pub fn new(inner: &'a D) -> Tee<'a, D> {
        Tee {
            inner,
            seen: Mutex::new(Effects::default()),
        }
    }

    /// The effects applied through this wrapper.
    pub fn effects(&self) -> Effects {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn capture(&self, f: impl FnOnce(&mut Effects)) {
        f(&mut self.seen.lock().unwrap_or_else(|p| p.into_inner()));
    }
}

impl<D: Mailer> Mailer for Tee<'_, D> {
    async fn send_once(&self, mark: &Mark, email: &Email) -> CapResult<Applied> {
        let applied = self.inner.send_once(mark, email).await?;
        if applied == Applied::Done {
            self.capture(|e| e.emails.push(email.clone()));
        }
        Ok(applied)
    }
}

impl<D: Metrics> Metrics for Tee<'_, D> {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        let applied = self.inner.put_once(namespace, marks, share).await?;
        self.capture(|e| {
            e.metrics.extend(
                sum_new(&applied, share)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|d| MetricRecord {
                        namespace: namespace.to_owned(),
                        name: d.name,
                        value: d.value,
                        unit: d.unit.as_str().to_owned(),
                    }),
            )
        });
        Ok(applied)
    }
}

impl<D: Stock> Stock for Tee<'_, D> {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        let outcome = self.inner.reserve(mark, lines).await?;
        if let StockOutcome::Done(changes) = &outcome {
            self.capture(|e| e.stock.extend(changes.iter().cloned()));
        }
        Ok(outcome)
    }

    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        let outcome = self.inner.release(mark, give_back).await?;
        if let StockOutcome::Done(changes) = &outcome {
            self.capture(|e| e.stock.extend(changes.iter().cloned()));
        }
        Ok(outcome)
    }
}

impl<D: DeadLetters> DeadLetters for Tee<'_, D> {
    async fn send(&self, body: &str) -> CapResult<()> {
        self.inner.send(body).await?;
        self.capture(|e| e.dlq.push(body.to_owned()));
        Ok(())
    }
}
