//! Issue 4 (tail): the whole stream on the local target — lineage across rollovers, every start
//! position, until-idle and follow, SIGKILL and resume from a checkpoint, two tails at once,
//! filters, --save and --redact.

use std::collections::{HashMap, HashSet};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Env, drain_args, finish};

fn seqs(records: &[Value]) -> Vec<u128> {
    records
        .iter()
        .map(|r| {
            r["dynamodb"]["SequenceNumber"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

/// 10 orders, each INSERT + 3 MODIFY, over shards that roll over every 4 records.
fn busy_stream() -> Env {
    let env = Env::new();
    env.config("[local]\nshards = 2\nshard_rollover_records = 4\n");
    let ids: Vec<String> = (0..10)
        .map(|i| {
            let out = env.run(&[
                "create",
                "--customer",
                &format!("c-{i}"),
                "--email",
                "a@example.com",
                "--item",
                "P:1:1.00",
                "-o",
                "json",
            ]);
            out.success().json()["orderId"].as_str().unwrap().to_owned()
        })
        .collect();
    for id in &ids {
        for s in ["CONFIRMED", "SHIPPED", "DELIVERED"] {
            env.run(&["orders", "set-status", id, s]).success();
        }
    }
    env
}

#[test]
fn lineage_across_several_rollovers_keeps_per_key_order() {
    let env = busy_stream();
    let out = env
        .run(&["tail", "--from", "trim-horizon", "-o", "jsonl"])
        .success();
    let records = out.jsonl();
    assert_eq!(records.len(), 40);
    let mut by_key: HashMap<String, Vec<String>> = HashMap::new();
    for r in &records {
        let key = r["dynamodb"]["Keys"]["orderId"]["S"]
            .as_str()
            .unwrap()
            .to_owned();
        let status = r["dynamodb"]["NewImage"]["status"]["S"]
            .as_str()
            .unwrap()
            .to_owned();
        by_key.entry(key).or_default().push(status);
        assert!(
            r["eventSourceARN"]
                .as_str()
                .unwrap()
                .contains(":table/Orders/stream/")
        );
    }
    for (key, statuses) in by_key {
        assert_eq!(
            statuses,
            ["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED"],
            "{key}"
        );
    }
    let shards: HashSet<_> = env.records().into_iter().map(|(s, _)| s).collect();
    assert!(
        shards.len() >= 6,
        "several rollovers: {} shards",
        shards.len()
    );
}

#[test]
fn every_start_position() {
    let env = Env::new();
    env.run(&["create", "--count", "6"]).success();
    let all = env
        .run(&["tail", "--from", "trim-horizon", "-o", "jsonl"])
        .success()
        .jsonl();
    let mut all_seqs = seqs(&all);
    all_seqs.sort();
    assert_eq!(all_seqs.len(), 6);
    let third = all_seqs[2].to_string();
    let mut at = seqs(
        &env.run(&["tail", "--from", &third, "-o", "jsonl"])
            .success()
            .jsonl(),
    );
    at.sort();
    assert_eq!(at, all_seqs[2..]);
    let mut after = seqs(
        &env.run(&["tail", "--after", &third, "-o", "jsonl"])
            .success()
            .jsonl(),
    );
    after.sort();
    assert_eq!(after, all_seqs[3..]);
    assert!(
        env.run(&["tail", "-o", "jsonl"])
            .success()
            .stdout
            .is_empty(),
        "latest: nothing yet"
    );
    let past = env
        .run(&["tail", "--from", "2000-01-01T00:00:00Z", "-o", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(past.len(), 6);
    let future = env
        .run(&["tail", "--from", "2999-01-01T00:00:00+01:00", "-o", "jsonl"])
        .success()
        .jsonl();
    assert!(future.is_empty());
    env.run(&["tail", "--from", "yesterday"])
        .input_error("--from: expected latest, trim-horizon");
    env.run(&["tail", "--after", "12x"])
        .input_error("not a sequence number");
    let json = env
        .run(&["tail", "--from", "trim-horizon", "-o", "json"])
        .success()
        .json();
    assert_eq!(json.as_array().unwrap().len(), 6);
    let empty = env.run(&["tail", "-o", "json"]).success().json();
    assert_eq!(empty, serde_json::json!([]));
}

#[test]
fn follow_sees_new_records_and_until_idle_exits() {
    let env = Env::new();
    env.run(&["init"]).success();
    // From the trim horizon of the empty stream: whenever the follower gets its iterators, the
    // records written after it started are all ahead of it. --timeout bounds a failure.
    let args = [
        "tail",
        "--from",
        "trim-horizon",
        "--follow",
        "--max",
        "3",
        "--timeout",
        "60s",
        "-o",
        "jsonl",
    ];
    let follower = env.spawn(&args);
    env.run(&["create", "--count", "3"]).success();
    let out = crate::support::finish(follower, &args).success();
    assert_eq!(out.stdout.lines().count(), 3, "--max 3 ends the follow");

    let idle = env.run(&drain_args(&[])).success();
    assert_eq!(idle.jsonl().len(), 3, "--until-idle exits with what exists");
    let timed = env
        .run(&["tail", "--follow", "--timeout", "500ms", "-o", "jsonl"])
        .success();
    assert!(timed.stdout.is_empty());
}

#[test]
fn sigkill_then_resume_from_the_checkpoint_misses_nothing() {
    let env = Env::new();
    env.run(&["create", "--count", "3000"]).success();
    let out1 = env.path().join("out1.jsonl");
    let writer = env
        .command(&["create", "--count", "20000"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut tail = env
        .command(&[
            "tail",
            "--from",
            "trim-horizon",
            "--follow",
            "--checkpoint",
            "tail.ckpt",
            "-o",
            "jsonl",
        ])
        .stdout(std::fs::File::create(&out1).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill once it has checkpointed something, at a random point after that.
    let checkpoint = env.path().join("tail.ckpt");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !checkpoint.exists() {
        assert!(
            Instant::now() < deadline,
            "tail --checkpoint never wrote its file"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(fastrand::u64(..200)));
    tail.kill().unwrap(); // SIGKILL
    tail.wait().unwrap();
    writer.wait_with_output().unwrap();
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&checkpoint).unwrap()).unwrap();
    // Resume with --from latest: only the checkpoint can bring back what the kill cut off.
    let out2 = env
        .run(&[
            "tail",
            "--from",
            "latest",
            "--until-idle",
            "--idle",
            "300ms",
            "-o",
            "jsonl",
            "--checkpoint",
            "tail.ckpt",
        ])
        .success();
    let first = std::fs::read_to_string(&out1).unwrap();
    // The kill may cut the last line short: only whole lines count.
    let ids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .map(|v| v["eventID"].as_str().unwrap().to_owned())
            .collect()
    };
    let (a, b) = (ids(&first), ids(&out2.stdout));
    assert!(!a.is_empty(), "killed after output began");
    let records = env.records();
    assert_eq!(records.len(), 23_000);
    // Each shard restarts right after its checkpointed sequence number: the resumed run prints
    // exactly that shard's records after it, in order (a shard with no checkpoint: all of them).
    let resumed: HashSet<&String> = b.iter().collect();
    let mut shards: Vec<&String> = records.iter().map(|(s, _)| s).collect();
    shards.dedup();
    let shard_of: std::collections::HashMap<&str, &String> = records
        .iter()
        .map(|(s, r)| (r.event_id.as_str(), s))
        .collect();
    for shard in shards {
        let progress = &saved["shards"][shard.as_str()];
        let after = progress["sequenceNumber"]
            .as_str()
            .map(|s| orders_core::SequenceNumber::parse(s).unwrap());
        let finished = progress["finished"] == true;
        let expected: Vec<&String> = records
            .iter()
            .filter(|(s, r)| {
                s == shard
                    && !finished
                    && after
                        .as_ref()
                        .is_none_or(|c| r.dynamodb.sequence_number > *c)
            })
            .map(|(_, r)| &r.event_id)
            .collect();
        let got: Vec<&String> = b
            .iter()
            .filter(|id| shard_of.get(id.as_str()) == Some(&shard))
            .collect();
        assert_eq!(got, expected, "shard {shard} after {after:?}");
    }
    let seen: HashSet<&String> = a.iter().chain(resumed.iter().copied()).collect();
    assert_eq!(seen.len(), 23_000, "every record was output at least once");
}

#[test]
fn two_tails_at_once() {
    let env = Env::new();
    env.run(&["create", "--count", "500"]).success();
    let args = drain_args(&[]);
    let (a, b) = (env.spawn(&args), env.spawn(&args));
    for child in [a, b] {
        assert_eq!(finish(child, &args).success().jsonl().len(), 500);
    }
}

#[test]
fn filters_select_records_and_bad_patterns_name_the_path() {
    let env = busy_stream();
    let mods = env
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "-o",
            "jsonl",
            "--filter",
            r#"{"eventName":["MODIFY"]}"#,
        ])
        .success()
        .jsonl();
    assert_eq!(mods.len(), 30);
    let shipped = r#"{"dynamodb":{"NewImage":{"status":{"S":["SHIPPED"]}}}}"#;
    let ored = env
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "-o",
            "jsonl",
            "--filter",
            r#"{"eventName":["INSERT"]}"#,
            "--filter",
            shipped,
        ])
        .success()
        .jsonl();
    assert_eq!(ored.len(), 20, "filters are ORed");
    std::fs::write(
        env.path().join("criteria.json"),
        serde_json::json!({"Filters": [{"Pattern": r#"{"dynamodb":{"NewImage":{"status":{"S":["DELIVERED"]}}}}"#}]}).to_string(),
    )
    .unwrap();
    let delivered = env
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "-o",
            "jsonl",
            "--filter",
            "@criteria.json",
        ])
        .success()
        .jsonl();
    assert_eq!(delivered.len(), 10);
    env.run(&[
        "tail",
        "--filter",
        r#"{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">",1,"<"]}]}}}}"#,
    ])
    .input_error("$.dynamodb.NewImage.total.N[0].numeric");
    env.run(&["tail", "--filter", r#"{"k":[{"wildcard":"a*"}]}"#])
        .input_error("wildcard");
    // The same operator under the EventBridge profile is accepted, and matches.
    let eb = env
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "-o",
            "jsonl",
            "--filter-profile",
            "eventbridge",
            "--filter",
            r#"{"eventName":[{"wildcard":"MOD*"}]}"#,
        ])
        .success()
        .jsonl();
    assert_eq!(eb.len(), 30, "every MODIFY, nothing else");
    assert!(eb.iter().all(|r| r["eventName"] == "MODIFY"));
    let numeric = env.run(&[
        "tail",
        "--from",
        "trim-horizon",
        "--filter",
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[{"numeric":[">=",0]}]}}}}"#,
    ]);
    let numeric = numeric.success();
    assert!(
        numeric.stdout.is_empty(),
        "numeric never matches an N value"
    );
    assert!(
        numeric.stderr.contains("numeric_on_dynamodb_n"),
        "{}",
        numeric.stderr
    );
}

#[test]
fn save_writes_a_lambda_event_and_redact_masks_emails() {
    let env = Env::new();
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "alice@example.com",
        "--item",
        "P:1:1.00",
    ])
    .success();
    env.run(&[
        "create",
        "--customer",
        "c-2",
        "--email",
        "bob@example.org",
        "--item",
        "P:2:1.00",
    ])
    .success();
    let out = env
        .run(&[
            "tail",
            "--from",
            "trim-horizon",
            "--save",
            "event.json",
            "--redact",
            "-o",
            "jsonl",
        ])
        .success();
    assert!(
        !out.stdout.contains("alice@example.com") && out.stdout.contains("a***@example.com"),
        "{}",
        out.stdout
    );
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(env.path().join("event.json")).unwrap())
            .unwrap();
    let records = saved["Records"].as_array().unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["eventSource"], "aws:dynamodb");
    assert!(records.iter().all(|r| r["eventSourceARN"].is_string()));
    assert!(!saved.to_string().contains("bob@example.org"));
    // The saved event feeds the other commands as it is.
    let tested = env
        .run(&[
            "filter",
            "test",
            "--pattern",
            r#"{"eventName":["INSERT"]}"#,
            "--event",
            "event.json",
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(tested["results"].as_array().unwrap().len(), 2);
    assert!(
        tested["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["matched"] == true)
    );
}

#[test]
fn filter_test_explains_and_lints() {
    let env = busy_stream();
    env.run(&["tail", "--from", "trim-horizon", "--save", "all.json", "-q"])
        .success();
    let pattern =
        r#"{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"status":{"S":["SHIPPED"]}}}}"#;
    let out = env
        .run(&[
            "filter",
            "test",
            "--pattern",
            pattern,
            "--event",
            "all.json",
            "-o",
            "json",
        ])
        .success();
    let report = out.json();
    assert_eq!(report["valid"], true);
    let results = report["results"].as_array().unwrap();
    assert_eq!(results.len(), 40);
    assert_eq!(results.iter().filter(|r| r["matched"] == true).count(), 10);
    let insert = results.iter().find(|r| r["index"] == 0).unwrap();
    assert!(
        insert["reason"].as_str().unwrap().contains("eventName"),
        "{insert}"
    );
    let human = env
        .run(&[
            "filter",
            "test",
            "--pattern",
            pattern,
            "--event",
            "all.json",
        ])
        .success();
    let lines = |prefix: &str| {
        human
            .stdout
            .lines()
            .filter(|l| l.starts_with(prefix))
            .count()
    };
    assert_eq!(
        (lines("match "), lines("no match")),
        (10, results.len() - 10)
    );

    let lint = env
        .run(&[
            "filter",
            "test",
            "--pattern",
            r#"{"body":{"x":["y"]}}"#,
            "--event",
            "all.json",
            "-o",
            "json",
        ])
        .success()
        .json();
    let codes: Vec<&str> = lint["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unknown_top_level_key"), "{codes:?}");
    assert!(
        lint["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["matched"] == false)
    );

    let bad = env.run(&[
        "filter",
        "test",
        "--pattern",
        r#"{"eventName":["INSERT"],"dynamodb":{"Keys":{"orderId":{"S":[{"EXISTS":true}]}}}}"#,
        "--event",
        "all.json",
        "-o",
        "json",
    ]);
    let bad = bad.code(2);
    assert!(
        bad.stderr.contains("$.dynamodb.Keys.orderId.S[0]"),
        "{}",
        bad.stderr
    );
    let report: Value = serde_json::from_str(&bad.stdout).unwrap();
    assert_eq!(report["valid"], false);
    let stdin_event = std::fs::read_to_string(env.path().join("all.json")).unwrap();
    let from_stdin = env
        .run_stdin(
            &[
                "filter",
                "test",
                "--pattern",
                r#"{"eventName":["INSERT"]}"#,
                "--event",
                "-",
                "-o",
                "json",
            ],
            Some(&stdin_event),
        )
        .success()
        .json();
    assert_eq!(
        from_stdin["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["matched"] == true)
            .count(),
        10
    );
}

/// A resumed `tail --checkpoint` reads a shard its checkpoint has not seen from the trim
/// horizon, whatever `--from` says: a shard not reached before a kill was resumed at LATEST and
/// its records were lost (found by the SIGKILL test above under load).
#[test]
fn a_resumed_tail_reads_a_shard_its_checkpoint_has_not_seen_from_the_start() {
    let env = Env::new();
    env.config("[local]\nshards = 2\n");
    env.run(&["create", "--count", "40"]).success();
    let args = |from: &'static str| {
        vec![
            "tail",
            "--from",
            from,
            "--until-idle",
            "--idle",
            "300ms",
            "-o",
            "jsonl",
            "--checkpoint",
            "cp.json",
        ]
    };
    let all = env.run(&args("trim-horizon")).success().jsonl();
    assert_eq!(all.len(), 40);
    // Forget one shard, as if the kill came before the tail reached it.
    let path = env.path().join("cp.json");
    let mut cp: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let shards = cp["shards"].as_object_mut().unwrap();
    assert_eq!(shards.len(), 2, "{shards:?}");
    let forgotten = shards.keys().next().unwrap().clone();
    shards.remove(&forgotten);
    std::fs::write(&path, cp.to_string()).unwrap();
    let expected = env
        .records()
        .into_iter()
        .filter(|(s, _)| *s == forgotten)
        .count();
    assert!(expected > 0);
    let resumed = env.run(&args("latest")).success().jsonl();
    assert_eq!(
        resumed.len(),
        expected,
        "the forgotten shard, from its first record"
    );
}
