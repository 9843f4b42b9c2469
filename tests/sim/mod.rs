//! Issue 11's deterministic simulation, in the style of FoundationDB's simulator: a seeded
//! random workload — creates (several lines, unknown products, too little stock), status
//! changes, cancels, deletes, stock changes, injected faults, time jumps from a millisecond to
//! 30 hours, consumers run for a random number of steps and crashed mid-scope, `dlq replay`
//! with every `--stale` and `--unrecoverable` mode and lost DeleteMessage responses — run
//! in-process on the local target with one simulated clock, then left to settle and checked
//! against the model (check.rs).
//!
//! `cargo test` runs a fixed set of seeds; `SIM_SEEDS=N` runs N seeds from `SIM_FIRST` (0),
//! which is how `scripts/sim` runs thousands. A failing seed prints its seed and the shortest
//! operation log that still fails; every seed that ever failed is a named test below.

mod check;
mod deps;
mod ops;
mod world;

use orderctl::settings::Settings;

/// The sender the notification function mails from.
pub const SENDER: &str = "orders@example.com";

/// Run one workload to the end and check it; `Err` describes the first broken promise.
fn outcome(seed: u64, ops: &[ops::Op]) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .map_err(|e| e.to_string())?;
    let subs = Settings::local(std::path::PathBuf::new()).functions;
    let run = runtime.block_on(world::run(seed, ops))?;
    if std::env::var_os("SIM_VERBOSE").is_some() {
        eprintln!("seed {seed}: {}", run.summary());
    }
    if std::env::var("SIM_VERBOSE").is_ok_and(|v| v == "2") {
        for m in &run.replays {
            eprintln!(
                "  replay {} {} deleted={} {:?}",
                m.message_id, m.outcome, m.deleted, m.error
            );
        }
        for e in &run.entries {
            eprintln!("  {e:?}");
        }
    }
    check::all(&run, &subs)
}

/// Drop operations while the run still fails: chunks first, then one at a time.
fn shrink(seed: u64, mut ops: Vec<ops::Op>, mut why: String) -> (Vec<ops::Op>, String) {
    let mut chunk = ops.len() / 2;
    while chunk >= 1 {
        let mut i = 0;
        while i < ops.len() {
            let mut fewer = ops.clone();
            fewer.drain(i..(i + chunk).min(ops.len()));
            match outcome(seed, &fewer) {
                Err(e) => {
                    ops = fewer;
                    why = e;
                }
                Ok(()) => i += chunk,
            }
        }
        chunk /= 2;
    }
    (ops, why)
}

/// Run a seed; panic with the seed and the shortest failing operation log.
fn check_seed(seed: u64) {
    check_ops(seed, ops::generate(seed));
}

/// Run a workload; panic with the seed and the shortest failing operation log.
fn check_ops(seed: u64, ops: Vec<ops::Op>) {
    if let Err(why) = outcome(seed, &ops) {
        let (ops, why) = shrink(seed, ops, why);
        let log: Vec<String> = ops
            .iter()
            .enumerate()
            .map(|(i, op)| format!("  {i:>3}. {op}"))
            .collect();
        panic!(
            "simulation seed {seed} failed: {why}\nshortest failing workload ({} operations):\n{}\nreproduce: SIM_FIRST={seed} SIM_SEEDS=1 cargo test --test integration sim::seeds",
            ops.len(),
            log.join("\n")
        );
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// A fixed set of seeds on every `cargo test`; `SIM_SEEDS` / `SIM_FIRST` choose others.
#[test]
fn seeds() {
    let first = env_u64("SIM_FIRST").unwrap_or(0);
    let count = env_u64("SIM_SEEDS").unwrap_or(64);
    for seed in first..first + count {
        check_seed(seed);
    }
}

// Every seed that ever failed, as the shortest workload it shrank to. Each names the bug.

use ops::Op;
use orderctl::dlq::replay::{StalePolicy, UnrecoverablePolicy};
use orderctl::functions::Function;

fn create(order: usize, lines: &[(usize, u32)]) -> Op {
    Op::Create {
        order,
        lines: lines.to_vec(),
    }
}

fn replay_op(
    stale: StalePolicy,
    unrecoverable: UnrecoverablePolicy,
    max: Option<usize>,
    lose: Option<u32>,
) -> Op {
    Op::Replay {
        stale,
        unrecoverable,
        max,
        lose_delete_every: lose,
    }
}

const HOUR: i64 = 3_600_000;

/// Seed 21: an on-failure batch of a good order and one for an unknown product. Its replay
/// applied the good record and kept the whole message for ever (the unknown product fails
/// every time): applied and dead-lettered at once. A batch's record that fails for good is
/// now dead-lettered on its own, and the batch deleted.
#[test]
fn seed_21_a_replayed_batch_with_a_poison_record_keeps_only_that_record() {
    check_ops(
        21,
        vec![
            create(0, &[(1, 4)]),
            create(4, &[(3, 1), (0, 1)]),
            Op::Advance { ms: 32 * HOUR / 10 },
        ],
    );
}

/// Seed 26: the simulation's own bug — a consumer started on an empty stream counted as idle
/// before its next shard refresh, so settling never delivered the later records.
#[test]
fn seed_26_a_consumer_started_before_any_record_delivers_them_later() {
    check_ops(
        26,
        vec![
            Op::Consume {
                function: Function::Analytics,
                steps: 39,
                crash: false,
            },
            create(0, &[(2, 2), (1, 4)]),
        ],
    );
}

/// Seed 82: a replay applied, its DeleteMessage lost, and then a day passed: the next replay
/// found the records trimmed and kept the message as unrecoverable, though it had been
/// replayed. Replayed messages are now marked before they are deleted.
#[test]
fn seed_82_a_replayed_message_whose_delete_was_lost_is_deleted_after_the_trim() {
    check_ops(
        82,
        vec![
            Op::Fault {
                component: "mailer",
                next: 6,
                always: false,
            },
            create(1, &[(0, 1), (1, 2)]),
            Op::Consume {
                function: Function::Notification,
                steps: 21,
                crash: false,
            },
            replay_op(StalePolicy::Keep, UnrecoverablePolicy::Keep, Some(3), None),
            replay_op(StalePolicy::Skip, UnrecoverablePolicy::Keep, Some(2), None),
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Keep,
                None,
                Some(1),
            ),
            Op::Advance {
                ms: 219 * HOUR / 10,
            },
            Op::Advance {
                ms: 213 * HOUR / 10,
            },
        ],
    );
}

/// Seed 98: the same lost delete, then the order was cancelled: the next replay called the
/// message stale and kept it, though it had been replayed.
#[test]
fn seed_98_a_replayed_message_whose_delete_was_lost_is_deleted_when_stale() {
    check_ops(
        98,
        vec![
            create(3, &[(1, 3)]),
            create(1, &[(1, 1)]),
            Op::Fault {
                component: "inventory",
                next: 2,
                always: false,
            },
            Op::Advance { ms: 37 * HOUR / 10 },
            Op::Consume {
                function: Function::Inventory,
                steps: 6,
                crash: false,
            },
            Op::Cancel { order: 3 },
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Drop,
                None,
                Some(3),
            ),
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Drop,
                None,
                Some(2),
            ),
        ],
    );
}

/// Seed 851: an order id deleted (its REMOVE dead-lettered, past the record age) and created
/// again. The new order's INSERT found the old reservation and reserved nothing; the old
/// REMOVE, replayed, then gave that back: the live order held no stock. The ledger now keeps a
/// reservation per INSERT.
#[test]
fn seed_851_an_order_id_used_again_before_its_old_end_is_processed_reserves_anew() {
    check_ops(
        851,
        vec![
            create(1, &[(0, 3)]),
            Op::Consume {
                function: Function::Inventory,
                steps: 15,
                crash: false,
            },
            Op::Delete { order: 1 },
            Op::Advance { ms: 12 * HOUR / 10 },
            create(1, &[(2, 3), (1, 2), (0, 1)]),
            Op::Consume {
                function: Function::Inventory,
                steps: 31,
                crash: false,
            },
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Keep,
                None,
                Some(1),
            ),
        ],
    );
}

/// Seed 11: the same id's two orders, the old one's delete processed after the new one's.
/// A ledger that pruned by list position took the new order's end for the old order's.
#[test]
fn seed_11_ends_of_an_old_and_a_new_order_of_one_id_close_their_own_reservations() {
    let consume = |steps| Op::Consume {
        function: Function::Inventory,
        steps,
        crash: false,
    };
    check_ops(
        11,
        vec![
            create(0, &[(1, 2), (0, 3)]),
            create(8, &[(0, 4)]),
            Op::Stock {
                product: 0,
                add: 11,
            },
            create(2, &[(1, 3), (2, 3)]),
            consume(18),
            Op::Delete { order: 8 },
            Op::Fault {
                component: "inventory",
                next: 0,
                always: true,
            },
            Op::Advance { ms: 14_500 },
            create(8, &[(0, 4)]),
            create(4, &[(1, 2)]),
            consume(12),
            Op::Delete { order: 8 },
            Op::Advance { ms: 37_400 },
            consume(30),
        ],
    );
}

/// Seed 2511: an on-failure batch replayed (its record dead-lettered again on its own, out of
/// stock) and its deletion lost, so a second replay dead-lettered the record once more. The
/// first copy then replayed; the second, by then stale, was kept for ever, its record applied.
/// A stale message whose records are all processed is now deleted as a leftover copy.
#[test]
fn seed_2511_a_stale_leftover_copy_of_a_processed_record_is_deleted() {
    let consume = |steps| Op::Consume {
        function: Function::Inventory,
        steps,
        crash: false,
    };
    check_ops(
        2511,
        vec![
            create(5, &[(1, 1), (0, 3)]),
            Op::Advance { ms: 28 * HOUR / 10 },
            create(1, &[(3, 4)]),
            create(3, &[(0, 4)]),
            consume(11),
            replay_op(
                StalePolicy::Keep,
                UnrecoverablePolicy::Drop,
                Some(1),
                Some(1),
            ),
            Op::Advance { ms: 12_600 },
            create(8, &[(3, 2), (1, 3)]),
            consume(36),
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Keep,
                None,
                Some(2),
            ),
            Op::Stock { product: 0, add: 7 },
            Op::Status {
                order: 5,
                to: orders_core::Status::Confirmed,
            },
            replay_op(
                StalePolicy::Replay,
                UnrecoverablePolicy::Drop,
                Some(3),
                None,
            ),
        ],
    );
}
