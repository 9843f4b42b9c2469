//! Issue 15: `dlq replay` and `consume` on the AWS target SIGKILLed at seeded random moments
//! while the proxy injects faults, then rerun to the end. Nothing is lost and nothing moves
//! twice: a dead letter is deleted only after its replay, stock moves once per stream record,
//! each record's effects happen or the record is in the DLQ, and checkpoint files are whole and
//! never go backwards. A failure prints the seed; `ORDERCTL_FAULT_SEED` replays it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Duration;

use aws_sdk_dynamodb::types::AttributeValue as Av;
use orders_core::SequenceNumber;

use crate::aws_faults::dead_letters;
use crate::support::aws::{AwsEnv, block};
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};

/// The seed of this run: `ORDERCTL_FAULT_SEED`, else a fresh one (printed on failure).
fn seed() -> u64 {
    std::env::var("ORDERCTL_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| fastrand::u64(..))
}

/// 30 ms on every call (so a run lasts long enough to be cut), and about one call in ten
/// failing: half of them applied by moto before the client sees a 500 (aws-semantics §7.4).
fn faults() -> Vec<Rule> {
    let any = |trigger, action| Rule {
        service: None,
        operation: None,
        trigger,
        action,
    };
    vec![
        any(Trigger::Probability(0.05), Action::ForwardThen500),
        any(
            Trigger::Probability(0.05),
            Action::Error(AwsError::ServiceUnavailable),
        ),
        any(
            Trigger::Every(1),
            Action::Latency(Duration::from_millis(30)),
        ),
    ]
}

/// Start `args` through a fresh faulty proxy and SIGKILL it after a random delay (or let it
/// end first). Returns the proxy, for its description, and whether the kill found the run
/// still going (a kill mid-run, not after it ended).
fn run_and_kill(aws: &AwsEnv, seed: u64, args: &[&str], rng: &mut fastrand::Rng) -> (Proxy, bool) {
    let proxy = Proxy::start(&aws.endpoint, seed, faults());
    let mut child = aws
        .env
        .command(args)
        .env("ORDERCTL_ENDPOINT_URL", proxy.url())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn orderctl");
    std::thread::sleep(Duration::from_millis(rng.u64(200..2500)));
    let running = matches!(child.try_wait(), Ok(None));
    let _ = child.kill();
    let _ = child.wait();
    proxy.wait_idle();
    (proxy, running)
}

#[test]
fn dlq_replay_killed_under_faults_deletes_only_what_it_replayed() {
    const LETTERS: u64 = 6;
    let seed = seed();
    let mut rng = fastrand::Rng::with_seed(seed);
    let aws = dead_letters(LETTERS as usize);
    let before = aws.stock("SKU-CHAIR");
    let replay = ["dlq", "replay", "--yes", "--visibility-timeout", "2s", "-q"];
    for round in 0..3 {
        let (proxy, _) = run_and_kill(&aws, seed.wrapping_add(round), &replay, &mut rng);
        let why = format!("seed {seed}, round {round}: {}", proxy.describe());
        // Whatever was in flight comes back once its visibility lapses.
        let queued = aws.dlq_settled();
        let reserved = (before - aws.stock("SKU-CHAIR")) / 50;
        assert_eq!(
            (before - aws.stock("SKU-CHAIR")) % 50,
            0,
            "whole orders only: {why}"
        );
        assert!(
            reserved + queued >= LETTERS && reserved <= LETTERS,
            "every message replayed before it was deleted, or still queued: \
             {reserved} orders reserved, {queued} messages queued; {why}"
        );
    }
    let last = aws
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .success()
        .json();
    assert_eq!(aws.dlq_settled(), 0, "seed {seed}: {last}");
    assert_eq!(
        before - aws.stock("SKU-CHAIR"),
        50 * LETTERS,
        "each order reserved exactly once; seed {seed}: {last}"
    );
}

/// Every consume checkpoint under the data dir: file → shard → sequence number. A file that
/// does not parse fails the test.
fn checkpoints(data_dir: &Path) -> BTreeMap<String, BTreeMap<String, SequenceNumber>> {
    let mut all = BTreeMap::new();
    let Ok(streams) = std::fs::read_dir(data_dir.join("consume")) else {
        return all;
    };
    for stream in streams {
        for file in std::fs::read_dir(stream.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is corrupt ({e}): {text:?}", path.display()));
            let shards = value["shards"]
                .as_object()
                .unwrap_or_else(|| panic!("{}: no shards: {text}", path.display()));
            let mut seqs = BTreeMap::new();
            for (shard, progress) in shards {
                if let Some(seq) = progress["sequenceNumber"].as_str() {
                    seqs.insert(shard.clone(), SequenceNumber::parse(seq).unwrap());
                }
            }
            all.insert(path.display().to_string(), seqs);
        }
    }
    all
}

/// Move every claim still `sending` six minutes into the past, as if that much time had
/// passed since a crashed run claimed it (the guard's staleness is 5 minutes); the keys aged.
fn age_claims(aws: &AwsEnv) -> Vec<String> {
    let ddb = aws.ddb();
    block(async {
        let items = ddb
            .scan()
            .table_name(&aws.processed)
            .send()
            .await
            .unwrap()
            .items
            .unwrap_or_default();
        let mut aged = Vec::new();
        for item in items {
            if item
                .get("state")
                .and_then(|s| s.as_s().ok())
                .map(String::as_str)
                != Some("sending")
            {
                continue;
            }
            let started: i64 = item["startedAt"].as_n().unwrap().parse().unwrap();
            let key = item["eventId"].as_s().unwrap().clone();
            ddb.update_item()
                .table_name(&aws.processed)
                .key("eventId", Av::S(key.clone()))
                .update_expression("SET startedAt = :old")
                .expression_attribute_values(":old", Av::N((started - 6 * 60_000).to_string()))
                .send()
                .await
                .unwrap();
            aged.push(key);
        }
        aged
    })
}

#[test]
fn consume_killed_under_faults_then_rerun_applies_each_record_once() {
    const ORDERS: usize = 12;
    let seed = seed();
    let mut rng = fastrand::Rng::with_seed(seed);
    let aws = AwsEnv::new();
    aws.run(&["init", "--demo-stock"]).success();
    aws.verify_sender("orders@example.com");
    let mugs = aws.stock("SKU-MUG");
    let emails: Vec<String> = (0..ORDERS)
        .map(|i| format!("k{i}+{}@example.com", aws.orders.to_lowercase()))
        .collect();
    let ids: Vec<String> = emails
        .iter()
        .map(|e| crate::support::create_order(|a| aws.run(a), e, "SKU-MUG:1:12.50"))
        .collect();
    let consume = ["consume", "--until-idle", "--idle", "500ms", "-q"];
    let data_dir = aws.env.data_dir();
    let mut previous = checkpoints(&data_dir);
    let mut aged: HashMap<String, usize> = HashMap::new();
    let mut mid_run_kills = 0;
    for round in 0..3 {
        let (proxy, running) = run_and_kill(&aws, seed.wrapping_add(round), &consume, &mut rng);
        mid_run_kills += usize::from(running);
        let why = format!("seed {seed}, round {round}: {}", proxy.describe());
        let now = checkpoints(&data_dir);
        for (file, shards) in &previous {
            for (shard, seq) in shards {
                let after = now.get(file).and_then(|s| s.get(shard));
                assert!(
                    after.is_some_and(|a| a >= seq),
                    "{file} {shard} went back from {seq:?} to {after:?}; {why}"
                );
            }
        }
        previous = now;
        for key in age_claims(&aws) {
            *aged.entry(key).or_default() += 1;
        }
    }
    let last = aws.run(&["consume", "--until-idle", "--idle", "500ms", "-o", "json"]);
    let why = format!("seed {seed}: {}", last.stdout);
    assert!(matches!(last.code, 0 | 1), "{}; {why}", last.stderr);
    let dead: Vec<serde_json::Value> = aws
        .dlq_bodies()
        .iter()
        .map(|b| serde_json::from_str(b).unwrap())
        .collect();
    let dead_for = |function: &str, id: &str| {
        dead.iter()
            .any(|d| d["function"] == function && d.to_string().contains(id))
    };
    // Stock: once per order whose record is not in the DLQ.
    let reserved = ids.iter().filter(|id| !dead_for("inventory", id)).count();
    assert_eq!(
        mugs - aws.stock("SKU-MUG"),
        reserved as u64,
        "stock moved once per INSERT: {dead:?}; {why}"
    );
    // Email: at least once unless dead-lettered; a second copy only where a crashed claim was
    // left `sending` and went stale (documented at least once, aws-semantics §7.3).
    let resent: usize = aged
        .iter()
        .filter(|(k, _)| k.starts_with("notification#"))
        .map(|(_, n)| n)
        .sum();
    let mut extra = 0;
    for (id, to) in ids.iter().zip(&emails) {
        let n = aws.mail_to(to).len();
        assert!(
            n >= 1 || dead_for("notification", id),
            "{id}: no email and no dead letter; {why}"
        );
        extra += n.saturating_sub(1);
    }
    assert!(
        extra <= resent,
        "{extra} extra emails, {resent} stale claims; aged {aged:?}; {why}"
    );
    // No claim is left half done.
    assert!(age_claims(&aws).is_empty(), "claims left sending; {why}");
    // Issue 19: a consume that ends before the first kill proves nothing about kills.
    assert!(mid_run_kills > 0, "no round was killed mid-run; {why}");
    // The checkpoint files are lost (what a crash between effects and checkpoint amounts to):
    // every record comes again, and only the ProcessedEvents guards keep stock and mail from
    // happening twice.
    let stock_then = aws.stock("SKU-MUG");
    let mail_then: Vec<usize> = emails.iter().map(|to| aws.mail_to(to).len()).collect();
    std::fs::remove_dir_all(data_dir.join("consume")).unwrap();
    let again = aws
        .run(&[
            "consume",
            "--function",
            "inventory",
            "--function",
            "notification",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "500ms",
            "-o",
            "json",
        ])
        .success()
        .json();
    // A record dead-lettered earlier has no guard and is handled now, for the first time.
    let first_time = |function: &str| ids.iter().filter(|id| dead_for(function, id)).count();
    for f in again["functions"].as_array().unwrap() {
        let function = f["function"].as_str().unwrap();
        assert_eq!(
            f["ok"].as_u64(),
            Some(first_time(function) as u64),
            "no record handled a second time: {f}; {why}"
        );
        assert!(
            f["duplicates"].as_u64().unwrap() > 0,
            "records came again and the guards caught them: {f}; {why}"
        );
    }
    assert_eq!(
        stock_then - aws.stock("SKU-MUG"),
        first_time("inventory") as u64,
        "stock moved once per record; {why}"
    );
    for ((id, to), then) in ids.iter().zip(&emails).zip(mail_then) {
        let now = aws.mail_to(to).len();
        let expected = then + usize::from(dead_for("notification", id));
        assert_eq!(now, expected, "{id}: mail sent once; {why}");
    }
}
