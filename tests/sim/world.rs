//! Running a workload: the local target in a temporary dir, the bundled functions consuming it
//! through the ESM engine, `dlq replay`, and one clock — tokio's paused time, which the
//! pipeline's `clock::now_ms` follows — so hours pass without a sleep. It records what the
//! checks need: every stream record ever written, every message ever queued, every replay
//! outcome, and the model's view of orders and stock.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use orderctl::backend::{ChangeFeed, InventoryStore, LocalTarget, OrderStore, TargetError};
use orderctl::dlq::replay::{
    MessageOutcome, ReplayOptions, Sources, StalePolicy, UnrecoverablePolicy, Via, replay,
};
use orderctl::dlq::resolve::subscription_filters;
use orderctl::esm::checkpoints::Checkpoints;
use orderctl::esm::engine::{Consumer, Pace, Step, Wiring};
use orderctl::esm::telemetry::Telemetry;
use orderctl::filter::FilterSet;
use orderctl::functions::Function;
use orderctl::interrupt::Interrupt;
use orderctl::settings::Settings;
use orders_core::attr::Item;
use orders_core::order::LineItem;
use orders_core::{EventName, Order, SequenceNumber, Status, clock};
use rust_decimal::Decimal;

use super::deps::{Entry, FlakyQueue, Logged, SimDeps};
use super::ops::{Op, PRODUCTS};

/// Where the simulated clock starts (2027-01-15): fixed, so runs repeat.
const EPOCH_MS: i64 = 1_800_000_000_000;

/// One stream record, as the checks see it.
#[derive(Debug, Clone)]
pub struct Rec {
    pub shard: String,
    pub seq: SequenceNumber,
    pub event_id: String,
    pub name: EventName,
    pub created_ms: i64,
    pub order_id: String,
    pub new: Option<Order>,
    pub old: Option<Order>,
}

/// Everything a run leaves for the checks.
pub struct Outcome {
    pub history: Vec<Rec>,
    pub entries: Vec<Entry>,
    /// Every message ever seen in the queue: id → body.
    pub seen: BTreeMap<String, String>,
    pub replays: Vec<MessageOutcome>,
    pub journal: Vec<serde_json::Value>,
    pub final_queue: Vec<(String, String)>,
    pub stock: BTreeMap<String, i64>,
    pub expected_base: BTreeMap<String, i64>,
    pub guards: Vec<String>,
    pub emails: Vec<String>,
    pub metrics: Vec<(String, Decimal)>,
    pub marks: BTreeMap<String, orders_core::ledger::OrderLedger>,
    pub live: BTreeMap<String, Order>,
    pub end_ms: i64,
}

type SimConsumer<'a> = Consumer<'a, LocalTarget, Logged<'a>, SimDeps<'a>>;

/// Run `ops` from a fresh store; `Err` when the pipeline itself failed (an error it returned).
pub async fn run(seed: u64, ops: &[Op]) -> Result<Outcome, String> {
    fastrand::seed(seed);
    let start = tokio::time::Instant::now();
    let _clock = clock::install(move || EPOCH_MS + start.elapsed().as_millis() as i64);
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut settings = Settings::local(dir.path().to_owned());
    settings.local.shards = 2;
    settings.local.shard_rollover_records = 8;
    let target = LocalTarget::open(&settings).map_err(|e| e.to_string())?;
    let journal = dir.path().join("journal.jsonl");
    let mut w = World {
        target: &target,
        subs: settings.functions.clone(),
        journal,
        history: Vec::new(),
        seen: BTreeMap::new(),
        replays: Vec::new(),
        base: BTreeMap::new(),
        live: BTreeMap::new(),
    };
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    for p in &PRODUCTS[..3] {
        let n = rng.i64(0..=8);
        target.set_stock(p, n).await.map_err(|e| e.to_string())?;
        w.base.insert((*p).to_owned(), n);
    }
    let deps = SimDeps::new(&target);
    let checkpoints = Checkpoints::Local(&target);
    let telemetry = Telemetry::Off;
    let arn = target.stream_arn().await.map_err(|e| e.to_string())?;
    let filters = subscription_filters(&w.subs).map_err(|e| e.to_string())?;
    let parts = Parts {
        deps: &deps,
        checkpoints: &checkpoints,
        telemetry: &telemetry,
        arn,
        filters,
    };
    let mut consumers: Vec<Option<SimConsumer<'_>>> = vec![None, None, None];
    for op in ops {
        w.apply(op, &parts, &mut consumers).await?;
        w.observe()?;
    }
    w.quiesce(&parts, &mut consumers).await?;
    w.observe()?;
    drop(consumers);
    w.finish(deps.committed.take())
}

/// What every consumer is built from.
struct Parts<'a> {
    deps: &'a SimDeps<'a>,
    checkpoints: &'a Checkpoints<'a>,
    telemetry: &'a Telemetry<'a>,
    arn: String,
    filters: BTreeMap<Function, FilterSet>,
}

struct World<'t> {
    target: &'t LocalTarget,
    subs: orderctl::functions::Subscriptions,
    journal: PathBuf,
    history: Vec<Rec>,
    seen: BTreeMap<String, String>,
    replays: Vec<MessageOutcome>,
    /// Per product: its first stock plus every change `inventory set` made.
    base: BTreeMap<String, i64>,
    /// The model's orders: those that exist, as last written.
    live: BTreeMap<String, Order>,
}

/// A pipeline error is a finding; an expected refusal (a conflict, an illegal transition) is not.
fn refused(e: &TargetError) -> bool {
    matches!(
        e,
        TargetError::Conflict(_) | TargetError::Invalid(_) | TargetError::NotFound(_)
    )
}

impl<'t> World<'t> {
    async fn apply(
        &mut self,
        op: &Op,
        parts: &'t Parts<'t>,
        consumers: &mut [Option<SimConsumer<'t>>],
    ) -> Result<(), String> {
        let t = self.target;
        let written = |r: Result<Order, TargetError>| match r {
            Ok(o) => Ok(Some(o)),
            Err(e) if refused(&e) => Ok(None),
            Err(e) => Err(format!("store error: {e}")),
        };
        match op {
            Op::Create { order, lines } => {
                let order = new_order(*order, lines);
                match t.put_orders(std::slice::from_ref(&order)).await {
                    Ok(()) => {
                        self.live.insert(order.order_id.clone(), order);
                    }
                    Err(e) if refused(&e) => {
                        if !self.live.contains_key(&order.order_id) {
                            return Err(format!(
                                "create refused an order that does not exist: {e}"
                            ));
                        }
                    }
                    Err(e) => return Err(format!("store error: {e}")),
                }
            }
            Op::Status { order, to } => {
                let id = format!("o-{order}");
                if let Some(c) = written(t.set_status(&id, *to).await.map(|c| c.new))? {
                    self.live.insert(id, c);
                }
            }
            Op::Cancel { order } => {
                let id = format!("o-{order}");
                if let Some(c) = written(t.set_status(&id, Status::Cancelled).await.map(|c| c.new))?
                {
                    self.live.insert(id, c);
                }
            }
            Op::Delete { order } => {
                let id = format!("o-{order}");
                if written(t.delete_order(&id).await)?.is_some() {
                    self.live.remove(&id);
                }
            }
            Op::Stock { product, add } => {
                let p = PRODUCTS[*product];
                let now = t
                    .get_stock(p)
                    .await
                    .map_err(|e| e.to_string())?
                    .map_or(0, |s| s.stock);
                let next = (now + add).max(0);
                t.set_stock(p, next).await.map_err(|e| e.to_string())?;
                *self.base.entry(p.to_owned()).or_default() += next - now;
            }
            Op::Fault {
                component,
                next,
                always,
            } => {
                t.set_fault(component, *next, *always)
                    .map_err(|e| e.to_string())?;
            }
            Op::Advance { ms } => tokio::time::advance(Duration::from_millis(*ms as u64)).await,
            Op::Consume {
                function,
                steps,
                crash,
            } => {
                let i = index(*function);
                self.consume(parts, &mut consumers[i], *function, *steps, *crash)
                    .await?;
            }
            Op::Replay {
                stale,
                unrecoverable,
                max,
                lose_delete_every,
            } => {
                self.replay(parts, *stale, *unrecoverable, *max, *lose_delete_every)
                    .await?;
            }
        }
        Ok(())
    }

    async fn consume(
        &mut self,
        parts: &'t Parts<'t>,
        slot: &mut Option<SimConsumer<'t>>,
        function: Function,
        steps: u32,
        crash: bool,
    ) -> Result<(), String> {
        if slot.is_none() {
            let wiring = Wiring {
                feed: self.target,
                destination: parts.deps,
                checkpoints: parts.checkpoints,
                telemetry: parts.telemetry,
                arn: parts.arn.clone(),
                pace: Pace {
                    min_interval: Duration::ZERO,
                    idle_poll: Duration::from_millis(100),
                    refresh_every: Some(Duration::from_secs(2)),
                    max_read_failures: None,
                },
            };
            let handler = Logged {
                function,
                deps: parts.deps,
            };
            let sub = self.subs[&function].clone();
            let filters = parts.filters[&function].clone();
            *slot = Some(
                Consumer::new(wiring, handler, sub, filters, None).map_err(|e| format!("{e:#}"))?,
            );
        }
        let Some(consumer) = slot.as_mut() else {
            return Ok(());
        };
        parts.deps.begin();
        let mut result = Ok(());
        for _ in 0..steps {
            match consumer.step().await {
                Ok(Step::Worked) => {}
                Ok(Step::Wait(at)) => {
                    if consumer.idle_since().is_some() {
                        break;
                    }
                    tokio::time::sleep_until(at).await;
                }
                Err(e) => {
                    result = Err(format!("{} failed: {e:#}", function.name()));
                    break;
                }
            }
        }
        let commit = !crash && result.is_ok();
        parts.deps.end(commit);
        if !commit {
            // A crash: the process's memory is gone too; the next run resumes from what
            // was committed.
            *slot = None;
        }
        result
    }

    async fn replay(
        &mut self,
        parts: &'t Parts<'t>,
        stale: StalePolicy,
        unrecoverable: UnrecoverablePolicy,
        max: Option<usize>,
        lose_every: Option<u32>,
    ) -> Result<(), String> {
        let queue = FlakyQueue {
            target: self.target,
            lose_every,
            deletes: std::cell::Cell::new(0),
        };
        let opts = ReplayOptions {
            max,
            concurrency: 1,
            filters: FilterSet::default(),
            function: None,
            via: Via::InProcess {
                deps: parts.deps,
                sender: super::SENDER.to_owned(),
            },
            dry_run: false,
            visibility: Duration::from_secs(30),
            journal: Some(self.journal.clone()),
            stale,
            unrecoverable,
            ids: Vec::new(),
            stop: Interrupt::never(),
        };
        let sources = Sources {
            queue: &queue,
            feed: self.target,
            orders: self.target,
            marks: self.target,
        };
        let summary = replay(
            &sources,
            &self.subs,
            &opts,
            &indicatif::ProgressBar::hidden(),
        )
        .await
        .map_err(|e| format!("dlq replay failed: {e:#}"))?;
        self.replays.extend(summary.messages);
        Ok(())
    }

    /// Let the pipeline settle: no faults, plenty of stock, every consumer run until idle and
    /// the queue replayed, a few rounds.
    async fn quiesce(
        &mut self,
        parts: &'t Parts<'t>,
        consumers: &mut [Option<SimConsumer<'t>>],
    ) -> Result<(), String> {
        self.target.clear_faults().map_err(|e| e.to_string())?;
        for p in &PRODUCTS[..3] {
            self.apply(
                &Op::Stock {
                    product: product_index(p),
                    add: 1000,
                },
                parts,
                consumers,
            )
            .await?;
        }
        for _ in 0..3 {
            for f in Function::ALL {
                // A fresh consumer, as `consume --until-idle` starts: it looks for shards at
                // once (a running one finds new shards only at its next periodic refresh, and
                // counts as idle meanwhile).
                consumers[index(f)] = None;
                self.consume(parts, &mut consumers[index(f)], f, 20_000, false)
                    .await?;
                self.observe()?;
            }
            self.replay(
                parts,
                StalePolicy::Keep,
                UnrecoverablePolicy::Keep,
                None,
                None,
            )
            .await?;
            self.observe()?;
        }
        Ok(())
    }

    /// Record new stream records and queue messages.
    fn observe(&mut self) -> Result<(), String> {
        let conn = self.target.conn();
        let last = self
            .history
            .last()
            .map_or(-1, |r| self.target.stream_info().pos(&r.seq));
        let mut stmt = conn
            .prepare(
                "SELECT shard_id, pos, event_id, event_name, created_ms, keys, new_image, old_image \
                 FROM stream_records WHERE pos > ?1 ORDER BY pos",
            )
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([last], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            })
            .map_err(|e| e.to_string())?;
        for row in rows {
            let (shard, pos, event_id, name, created_ms, keys, new, old) =
                row.map_err(|e| e.to_string())?;
            let image = |t: Option<String>| -> Option<Order> {
                let item: Item = serde_json::from_str(&t?).ok()?;
                Order::from_item(&item).ok()
            };
            let keys: Item = serde_json::from_str(&keys).map_err(|e| e.to_string())?;
            self.history.push(Rec {
                shard,
                seq: self.target.stream_info().seq(pos),
                event_id,
                name: match name.as_str() {
                    "INSERT" => EventName::Insert,
                    "MODIFY" => EventName::Modify,
                    _ => EventName::Remove,
                },
                created_ms,
                order_id: keys
                    .get("orderId")
                    .and_then(|v| v.as_s())
                    .unwrap_or_default()
                    .to_owned(),
                new: image(new),
                old: image(old),
            });
        }
        drop(stmt);
        let mut stmt = conn
            .prepare("SELECT message_id, body FROM queue")
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| e.to_string())?;
        for row in rows {
            let (id, body) = row.map_err(|e| e.to_string())?;
            self.seen.insert(id, body);
        }
        Ok(())
    }

    fn finish(self, entries: Vec<Entry>) -> Result<Outcome, String> {
        let conn = self.target.conn();
        let strings = |sql: &str| -> Result<Vec<String>, String> {
            let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| e.to_string())?;
            rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
        };
        let pairs = |sql: &str| -> Result<Vec<(String, String)>, String> {
            let mut stmt = conn.prepare(sql).map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(|e| e.to_string())?;
            rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
        };
        let guards = strings(
            "SELECT event_key FROM processed_events WHERE event_key NOT LIKE 'inventory#reservation#%'",
        )?;
        let emails = strings("SELECT event_key FROM outbox")?;
        let metrics = pairs("SELECT name, value FROM metrics WHERE namespace = 'OrderService'")?
            .into_iter()
            .map(|(n, v)| Ok((n, v.parse::<Decimal>().map_err(|e| e.to_string())?)))
            .collect::<Result<_, String>>()?;
        let marks = pairs("SELECT substr(event_key, 23), detail FROM processed_events WHERE event_key LIKE 'inventory#reservation#%'")?
            .into_iter()
            .map(|(o, d)| Ok((o, serde_json::from_str(&d).map_err(|e| format!("mark {d}: {e}"))?)))
            .collect::<Result<_, String>>()?;
        let stock = {
            let mut stmt = conn
                .prepare("SELECT product_id, stock FROM inventory")
                .map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .map_err(|e| e.to_string())?;
            rows.collect::<Result<BTreeMap<_, _>, _>>()
                .map_err(|e| e.to_string())?
        };
        let final_queue = pairs("SELECT message_id, body FROM queue")?;
        drop(conn);
        let journal = match std::fs::read_to_string(&self.journal) {
            Ok(text) => text
                .lines()
                .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
                .collect::<Result<_, _>>()?,
            Err(_) => Vec::new(),
        };
        Ok(Outcome {
            history: self.history,
            entries,
            seen: self.seen,
            replays: self.replays,
            journal,
            final_queue,
            stock,
            expected_base: self.base,
            guards,
            emails,
            metrics,
            marks,
            live: self.live,
            end_ms: clock::now_ms(),
        })
    }
}

impl Outcome {
    /// How much the run exercised, for `SIM_VERBOSE`.
    pub fn summary(&self) -> String {
        let deliveries = self
            .entries
            .iter()
            .filter(|e| matches!(e, Entry::Delivery { .. }))
            .count();
        let outcomes: BTreeMap<&str, usize> =
            self.replays.iter().fold(BTreeMap::new(), |mut m, r| {
                *m.entry(r.outcome).or_default() += 1;
                m
            });
        format!(
            "{} records, {} deliveries, {} stock calls, {} dead letters ({} left), replays {:?}, {} journal lines, {} emails, {} h simulated",
            self.history.len(),
            deliveries,
            self.entries.len() - deliveries,
            self.seen.len(),
            self.final_queue.len(),
            outcomes,
            self.journal.len(),
            self.emails.len(),
            (self.end_ms - EPOCH_MS) / 3_600_000
        )
    }
}

fn index(f: Function) -> usize {
    Function::ALL.iter().position(|g| *g == f).unwrap_or(0)
}

fn product_index(p: &str) -> usize {
    PRODUCTS.iter().position(|q| *q == p).unwrap_or(0)
}

/// Order `n` with these lines, priced so totals are exact and distinct per product.
fn new_order(n: usize, lines: &[(usize, u32)]) -> Order {
    let items: Vec<LineItem> = lines
        .iter()
        .map(|(p, q)| LineItem {
            product_id: PRODUCTS[*p].to_owned(),
            quantity: *q,
            price: Decimal::new(125 * (*p as i64 + 1), 2),
        })
        .collect();
    Order {
        order_id: format!("o-{n}"),
        customer_id: format!("c-{n}"),
        customer_email: format!("c{n}@example.com"),
        total_price: Order::compute_total(&items).unwrap(),
        items,
        status: Status::Pending,
        created_at: clock::rfc3339_ms(clock::now_ms()),
    }
}
