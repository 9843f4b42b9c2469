//! The simulation's operations, drawn from a seed. Every random choice an operation needs is
//! drawn here, into the operation, so a shortened log replays exactly what it says.

use std::fmt;

use orderctl::dlq::replay::{StalePolicy, UnrecoverablePolicy};
use orderctl::functions::Function;
use orders_core::Status;

/// Products: three stocked ones and one the inventory never heard of.
pub const PRODUCTS: [&str; 4] = ["SKU-A", "SKU-B", "SKU-C", "SKU-NONE"];
/// Order ids are drawn from a small pool, so ids are cancelled, deleted and used again.
pub const ORDER_POOL: usize = 10;

/// One step of the workload.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// Create order `order` (fails if it exists) with these (product, quantity) lines.
    Create {
        order: usize,
        lines: Vec<(usize, u32)>,
    },
    /// Move an order on (CONFIRMED, SHIPPED, DELIVERED).
    Status { order: usize, to: Status },
    /// Cancel an order.
    Cancel { order: usize },
    /// Delete an order (REMOVE).
    Delete { order: usize },
    /// `inventory set` a product to its stock plus `add` (not below 0).
    Stock { product: usize, add: i64 },
    /// Fail the next `next` calls of a component, or every call, or clear it.
    Fault {
        component: &'static str,
        next: i64,
        always: bool,
    },
    /// Let time pass.
    Advance { ms: i64 },
    /// Run a function's consumer for `steps` steps in one scope; `crash` abandons the scope
    /// (its uncommitted work) and the consumer's memory.
    Consume {
        function: Function,
        steps: u32,
        crash: bool,
    },
    /// `dlq replay` with these policies; `lose_delete_every` makes every Nth DeleteMessage
    /// fail after the replay applied (a lost response, or a crash before the delete).
    Replay {
        stale: StalePolicy,
        unrecoverable: UnrecoverablePolicy,
        max: Option<usize>,
        lose_delete_every: Option<u32>,
    },
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::Create { order, lines } => {
                let lines: Vec<String> = lines
                    .iter()
                    .map(|(p, q)| format!("{}:{q}", PRODUCTS[*p]))
                    .collect();
                write!(f, "create o-{order} {}", lines.join(" "))
            }
            Op::Status { order, to } => write!(f, "set-status o-{order} {to}"),
            Op::Cancel { order } => write!(f, "cancel o-{order}"),
            Op::Delete { order } => write!(f, "delete o-{order}"),
            Op::Stock { product, add } => write!(f, "inventory {} {add:+}", PRODUCTS[*product]),
            Op::Fault {
                component,
                next,
                always,
            } => match (always, next) {
                (true, _) => write!(f, "faults {component} always"),
                (false, 0) => write!(f, "faults {component} clear"),
                (false, n) => write!(f, "faults {component} next {n}"),
            },
            Op::Advance { ms } => write!(f, "advance {}", show_ms(*ms)),
            Op::Consume {
                function,
                steps,
                crash,
            } => write!(
                f,
                "consume {} {steps} steps{}",
                function.name(),
                if *crash { ", crash" } else { "" }
            ),
            Op::Replay {
                stale,
                unrecoverable,
                max,
                lose_delete_every,
            } => write!(
                f,
                "dlq replay --stale {stale:?} --unrecoverable {unrecoverable:?}{}{}",
                max.map_or(String::new(), |m| format!(" --max {m}")),
                lose_delete_every.map_or(String::new(), |n| format!(", every {n}th delete lost"))
            ),
        }
    }
}

fn show_ms(ms: i64) -> String {
    match ms {
        ms if ms >= 3_600_000 => format!("{:.1} h", ms as f64 / 3_600_000.0),
        ms if ms >= 1000 => format!("{:.1} s", ms as f64 / 1000.0),
        ms => format!("{ms} ms"),
    }
}

/// The workload of one seed.
pub fn generate(seed: u64) -> Vec<Op> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let n = rng.usize(40..120);
    (0..n).map(|_| one(&mut rng)).collect()
}

fn one(rng: &mut fastrand::Rng) -> Op {
    let order = rng.usize(..ORDER_POOL);
    match rng.u32(..100) {
        0..=24 => {
            let mut lines = Vec::new();
            for _ in 0..rng.usize(1..=3) {
                // Mostly stocked products; now and then one nobody stocks.
                let p = if rng.u32(..12) == 0 {
                    3
                } else {
                    rng.usize(..3)
                };
                if lines.iter().all(|(q, _)| *q != p) {
                    lines.push((p, rng.u32(1..=4)));
                }
            }
            Op::Create { order, lines }
        }
        25..=34 => Op::Status {
            order,
            to: [Status::Confirmed, Status::Shipped, Status::Delivered][rng.usize(..3)],
        },
        35..=42 => Op::Cancel { order },
        43..=48 => Op::Delete { order },
        49..=54 => Op::Stock {
            product: rng.usize(..3),
            add: rng.i64(-3..=12),
        },
        55..=60 => Op::Fault {
            component: ["mailer", "metrics", "inventory"][rng.usize(..3)],
            next: rng.i64(0..=6),
            always: rng.u32(..4) == 0,
        },
        61..=72 => Op::Advance {
            ms: match rng.u32(..10) {
                // Mostly seconds; sometimes hours (rollovers, max record age); now and then a
                // day or more (the 24 h trim).
                0..=6 => rng.i64(1..=60_000),
                7..=8 => rng.i64(3_600_000..=5 * 3_600_000),
                _ => rng.i64(20 * 3_600_000..=30 * 3_600_000),
            },
        },
        73..=92 => Op::Consume {
            function: Function::ALL[rng.usize(..3)],
            steps: rng.u32(1..=40),
            crash: rng.u32(..5) == 0,
        },
        _ => Op::Replay {
            stale: [StalePolicy::Keep, StalePolicy::Skip, StalePolicy::Replay][rng.usize(..3)],
            unrecoverable: if rng.bool() {
                UnrecoverablePolicy::Keep
            } else {
                UnrecoverablePolicy::Drop
            },
            max: rng.bool().then(|| rng.usize(1..=4)),
            lose_delete_every: (rng.u32(..3) == 0).then(|| rng.u32(1..=3)),
        },
    }
}
