//! `Metrics` on CloudWatch. PutMetricData cannot join a DynamoDB transaction, so each record's
//! key is claimed with an intent guard first (aws-semantics §7.3); the new records' shares are
//! summed exactly and published in one call; the claims are then settled.
//!
//! **Metrics are at least once.** PutMetricData has no idempotency key (§7.4), so only the
//! guard decides about publishing again, never the SDK: the call runs without SDK retries. A
//! call CloudWatch refused (a 4xx: throttled, invalid…) settles the claims `failed` and a retry
//! publishes at once. A call whose outcome is unknown (a 5xx, a timeout, a reset) leaves the
//! claims `sending`: redeliveries wait, and once the claims are 5 minutes old the records'
//! shares are published again. A sum may then count those records twice, but is never short
//! of them — the same rule as for a crash between claiming and settling.

use std::collections::{HashMap, HashSet};
use std::future::Future;

use aws_sdk_cloudwatch::config::retry::RetryConfig;
use aws_sdk_cloudwatch::types::{MetricDatum, StandardUnit};
use orders_core::caps::{Applied, CapError, CapResult, Datum, Metrics};
use orders_core::fact::{Effect, Mark};
use orders_core::recorder::sum_new;
use tokio::task::JoinSet;

use crate::AwsEffects;
use crate::errors::{Op, classify_effect};
use crate::guard::{self, Claim, FAILED, SENT, Ticket, in_flight, unknown_outcome};
use crate::sdk_errors::Outcome;

/// PutMetricData takes at most 1000 metric data per request (§5.4); the data are one datum per
/// metric name, so this bounds the distinct names of one call.
const MAX_METRIC_DATA: usize = 1000;

/// Guard writes in flight at once.
const CONCURRENCY: usize = 32;

impl Metrics for AwsEffects {
    async fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.put_once_now(namespace, marks, share)).await
    }
}

impl AwsEffects {
    /// Claim every key (each claim records its record's share for `trace`), publish the new
    /// ones' sum, settle.
    async fn put_once_now(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> CapResult<Vec<Applied>> {
        let keys: Vec<String> = marks.iter().map(Mark::key).collect();
        if keys.len() != share.len() {
            return Err(CapError::permanent(format!(
                "metrics for {namespace}: {} keys but {} shares",
                keys.len(),
                share.len()
            )));
        }
        let names: HashSet<&str> = share.iter().flatten().map(|d| d.name.as_str()).collect();
        if names.len() > MAX_METRIC_DATA {
            return Err(CapError::permanent(format!(
                "metrics for {namespace}: {} metric names, CloudWatch takes at most {MAX_METRIC_DATA} per call",
                names.len()
            )));
        }

        // A key repeated within the call counts once: later copies are duplicates.
        let mut seen = HashSet::new();
        let unique: Vec<usize> = (0..keys.len())
            .filter(|&i| seen.insert(keys[i].as_str()))
            .collect();
        let claims = self
            .claim_all(
                unique
                    .iter()
                    .map(|&i| (marks[i].clone(), Effect::counted(&share[i])))
                    .collect(),
            )
            .await;

        let mut applied = vec![Applied::Duplicate; keys.len()];
        let mut mine: Vec<(String, Ticket)> = Vec::new();
        let mut problem: Option<CapError> = None;
        for (&i, claim) in unique.iter().zip(claims) {
            match claim {
                Ok(Claim::Claimed(ticket)) => {
                    applied[i] = Applied::Done;
                    mine.push((keys[i].clone(), ticket));
                }
                Ok(Claim::Done) => {}
                Ok(Claim::InFlight(since)) => {
                    problem.get_or_insert_with(|| in_flight(&keys[i], since));
                }
                Err(e) => {
                    problem.get_or_insert(e);
                }
            }
        }
        if let Some(e) = problem {
            // Publish all new records or none: release what we claimed and retry the call.
            self.settle_all(&mine, FAILED).await;
            return Err(e);
        }

        let totals = match sum_new(&applied, share) {
            Ok(totals) => totals,
            Err(e) => {
                self.settle_all(&mine, FAILED).await;
                return Err(e);
            }
        };
        if !totals.is_empty() {
            match self.put_metric_data(namespace, &totals).await {
                Ok(()) => {}
                Err((e, Outcome::NotApplied)) => {
                    // Not published: release the claims so a retry publishes at once.
                    self.settle_all(&mine, FAILED).await;
                    return Err(e);
                }
                Err((e, Outcome::Unknown)) => {
                    // Perhaps published: the claims stay `sending` until stale (§7.4).
                    let claimed_at = mine.iter().map(|(_, t)| t.started_at).min();
                    return Err(unknown_outcome(
                        e,
                        claimed_at.unwrap_or_else(orders_core::clock::now_ms),
                    ));
                }
            }
        }
        // Published. A claim left `sending` by a failed settle is only re-counted by a
        // redelivery more than 5 minutes later; failing now would make that certain.
        self.settle_all(&mine, SENT).await;
        Ok(applied)
    }

    /// One PutMetricData call, sent once: no SDK retry (§7.4). A failure says whether the data
    /// may have been published. Values are exact decimals up to here; CloudWatch takes doubles,
    /// so they become `f64` at this boundary only.
    async fn put_metric_data(
        &self,
        namespace: &str,
        totals: &[Datum],
    ) -> Result<(), (CapError, Outcome)> {
        let data = totals
            .iter()
            .map(|d| {
                let value = d.value.to_string().parse::<f64>().map_err(|e| {
                    CapError::permanent(format!(
                        "metric {} in {namespace}: value {} is not a double: {e}",
                        d.name, d.value
                    ))
                })?;
                Ok(MetricDatum::builder()
                    .metric_name(&d.name)
                    .value(value)
                    .unit(StandardUnit::from(d.unit.as_str()))
                    .build())
            })
            .collect::<CapResult<Vec<_>>>()
            .map_err(|e| (e, Outcome::NotApplied))?;
        self.cloudwatch
            .put_metric_data()
            .namespace(namespace)
            .set_metric_data(Some(data))
            .customize()
            .config_override(
                aws_sdk_cloudwatch::config::Builder::default()
                    .retry_config(RetryConfig::disabled()),
            )
            .send()
            .await
            .map_err(|e| {
                classify_effect(
                    &e,
                    Op::new("cloudwatch:PutMetricData", "namespace", namespace),
                )
            })?;
        Ok(())
    }

    /// Claim every mark's key with its effect, `CONCURRENCY` at a time; results in order.
    async fn claim_all(&self, marks: Vec<(Mark, Effect)>) -> Vec<CapResult<Claim>> {
        let table = self.names.processed_events_table.clone();
        let tasks = marks.into_iter().map(|(mark, effect)| {
            let (ddb, table) = (self.ddb.clone(), table.clone());
            async move { guard::claim(&ddb, &table, &mark, &effect).await }
        });
        concurrently(tasks.collect()).await
    }

    /// Settle our claims, `CONCURRENCY` at a time. Failures are left to the 5-minute staleness
    /// rule: a claim that stays `sending` is retried once stale.
    async fn settle_all(&self, claims: &[(String, Ticket)], state: &'static str) {
        let table = self.names.processed_events_table.clone();
        let tasks = claims.iter().map(|(key, ticket)| {
            let (ddb, table, key, ticket) = (self.ddb.clone(), table.clone(), key.clone(), *ticket);
            async move { guard::settle(&ddb, &table, &key, ticket, state).await }
        });
        let _ = concurrently(tasks.collect()).await;
    }
}

/// Run `tasks` with at most `CONCURRENCY` in flight; results in the tasks' order.
async fn concurrently<T, F>(tasks: Vec<F>) -> Vec<CapResult<T>>
where
    T: Send + 'static,
    F: Future<Output = CapResult<T>> + Send + 'static,
{
    let total = tasks.len();
    let mut results: HashMap<usize, CapResult<T>> = HashMap::with_capacity(total);
    let mut pending = tasks.into_iter().enumerate();
    let mut running = JoinSet::new();
    loop {
        while running.len() < CONCURRENCY {
            let Some((i, task)) = pending.next() else {
                break;
            };
            running.spawn(async move { (i, task.await) });
        }
        match running.join_next().await {
            Some(Ok((i, result))) => {
                results.insert(i, result);
            }
            // A task that panicked: its slot stays empty and reads as a transient failure.
            Some(Err(_)) => {}
            None => break,
        }
    }
    (0..total)
        .map(|i| {
            results
                .remove(&i)
                .unwrap_or_else(|| Err(CapError::transient("a guard write was interrupted")))
        })
        .collect()
}
