//! Issue 13, finding 3: Ctrl-C (SIGINT) in the long commands stops at the next safe point,
//! prints the summary and exits 130, and keeps only whole units of work. Before the fix,
//! `consume` ignored SIGINT until its backlog was done, and `create --count` and `dlq replay`
//! died from the raw signal with no summary. SIGTERM, which `timeout` and supervisors send,
//! stops `tail --follow` the same way.

use std::process::Child;
use std::time::{Duration, Instant};

use crate::support::{Env, drain_args, finish};

fn sigint(child: &Child) {
    signal(child, "-INT");
}

/// Send `child` a signal, as `kill` names it (`-INT`, `-TERM`).
fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Poll `probe` until it is true (60 s at most: a hang detector, not a timing).
fn wait_until(what: &str, mut probe: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !probe() {
        assert!(Instant::now() < deadline, "never saw: {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn count(env: &Env, sql: &str) -> i64 {
    env.target()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn sigint_stops_consume_mid_backlog_with_a_summary() {
    let env = Env::new();
    env.run(&["init"]).success();
    for (sku, _, _, _) in orderctl::synth::CATALOG {
        env.run(&["inventory", "set", sku, "1000000"]).success();
    }
    env.run(&["create", "--count", "20000", "--seed", "3"])
        .success();
    let args = ["consume", "--function", "inventory", "-o", "json"];
    let child = env.spawn(&args);
    let guards = "SELECT count(*) FROM processed_events WHERE event_key LIKE 'inventory#%' AND event_key NOT LIKE 'inventory#reservation#%'";
    wait_until("stock moving", || count(&env, guards) > 0);
    sigint(&child);
    let out = finish(child, &args).code(130);
    let summary = out.json();
    assert_eq!(summary["interrupted"], true, "{summary}");
    let processed = count(&env, guards);
    assert!(
        processed < 20_000,
        "stopped mid-backlog, not after it: {processed} of 20000 processed"
    );
    // What it committed is whole: a later run finishes the rest, each record once.
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    assert_eq!(count(&env, guards), 20_000);
}

#[test]
fn sigint_stops_create_count_with_a_summary_and_whole_orders() {
    let env = Env::new();
    env.run(&["init"]).success();
    let args = ["create", "--count", "5000000", "-o", "json"];
    let child = env.spawn(&args);
    wait_until("orders written", || {
        count(&env, "SELECT count(*) FROM orders") > 0
    });
    sigint(&child);
    let out = finish(child, &args).code(130);
    let summary = out.json();
    assert_eq!(summary["interrupted"], true, "{summary}");
    let written = summary["written"].as_i64().unwrap();
    assert!(0 < written && written < 5_000_000, "{summary}");
    assert_eq!(count(&env, "SELECT count(*) FROM orders"), written);
    assert_eq!(
        count(&env, "SELECT count(*) FROM stream_records"),
        written,
        "one INSERT record per order written, none for an order not written"
    );
}

#[test]
fn sigint_stops_dlq_replay_with_a_summary_and_loses_no_message() {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    // Far more chairs ordered than exist: inventory dead-letters most orders.
    env.run(&["create", "--count", "3000", "--seed", "9"])
        .success();
    env.run(&["consume", "--function", "inventory", "-q"]);
    let queued = count(&env, "SELECT count(*) FROM queue");
    assert!(queued > 500, "{queued} dead letters");
    for (sku, _, _, _) in orderctl::synth::CATALOG {
        env.run(&["inventory", "set", sku, "100000000"]).success();
    }
    let args = ["dlq", "replay", "--yes", "--concurrency", "1", "-o", "json"];
    let child = env.spawn(&args);
    wait_until("a replayed message deleted", || {
        count(&env, "SELECT count(*) FROM queue") < queued
    });
    sigint(&child);
    let out = finish(child, &args).code(130);
    let summary = out.json();
    assert_eq!(summary["interrupted"], true);
    let deleted = summary["deleted"].as_i64().unwrap();
    assert!(deleted < queued, "stopped before the end: {summary}");
    assert_eq!(
        count(&env, "SELECT count(*) FROM queue"),
        queued - deleted,
        "every message not reported deleted is still in the queue"
    );
}

/// `timeout 10m orderctl tail --follow --save incident.json` ends with SIGTERM: tail stops as on
/// Ctrl-C, exits 130, keeps its checkpoint and writes the saved event whole. Before the fix,
/// tail listened for Ctrl-C alone: SIGTERM killed it, and `--save` left no file at all.
#[test]
fn sigterm_stops_tail_follow_with_its_save_file_written_whole() {
    let env = Env::new();
    env.run(&["init"]).success();
    env.run(&["create", "--count", "3", "--seed", "1", "-q"])
        .success();
    let args = [
        "tail",
        "--follow",
        "--from",
        "trim-horizon",
        "--checkpoint",
        "tail.ckpt",
        "--save",
        "incident.json",
        "-o",
        "jsonl",
    ];
    let child = env.spawn(&args);
    // The checkpoint moves once a batch is printed and saved.
    let checkpoint = env.path().join("tail.ckpt");
    wait_until("the checkpoint written", || checkpoint.exists());
    signal(&child, "-TERM");
    let out = finish(child, &args).code(130);
    let printed = out.stdout.lines().count();
    assert!(printed >= 1, "{}", out.stderr);
    let saved = std::fs::read_to_string(env.path().join("incident.json"))
        .expect("--save wrote its file on SIGTERM");
    let event: serde_json::Value = serde_json::from_str(&saved).expect("a whole JSON document");
    assert_eq!(
        event["Records"].as_array().map(Vec::len),
        Some(printed),
        "every printed record saved: {saved}"
    );
    // The checkpoint covers what was printed: a resume, even from the trim horizon, reads the
    // rest and only the rest.
    let resumed = env
        .run(&drain_args(&["--checkpoint", "tail.ckpt"]))
        .success();
    assert_eq!(
        printed + resumed.stdout.lines().count(),
        3,
        "{}",
        resumed.stdout
    );
}
