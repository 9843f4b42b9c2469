//! Issue 11 (nothing lost across time, crashes and stale replays) through the binary: time is
//! moved by ageing the store's timestamps — the state a day of silence leaves — never by
//! sleeping. Findings 1, 2, 3 and 8; the engine's findings are in src/esm/tests.rs.

use serde_json::{Value, json};

use crate::support::{Env, create_order, drain_args, for_function};

/// Move the store `hours` into the past, as if that much time had passed with no writes:
/// stream records, shards, and the stream's last write time.
fn age(env: &Env, hours: i64) {
    let ms = hours * 3600 * 1000;
    let target = env.target();
    let conn = target.conn();
    conn.execute(
        "UPDATE stream_records SET created_ms = created_ms - ?1",
        [ms],
    )
    .unwrap();
    conn.execute(
        "UPDATE shards SET created_ms = created_ms - ?1, closed_ms = closed_ms - ?1",
        [ms],
    )
    .unwrap();
    conn.execute(
        "UPDATE meta SET value = CAST(value AS INTEGER) - ?1 WHERE key = 'last_ms'",
        [ms],
    )
    .unwrap();
}

fn stock(env: &Env, sku: &str) -> i64 {
    let v = env
        .run(&["inventory", "get", sku, "-o", "json"])
        .success()
        .json();
    v["stock"]
        .as_i64()
        .or_else(|| v["stock"].as_str().and_then(|s| s.parse().ok()))
        .unwrap()
}

fn depth(env: &Env) -> u64 {
    env.run(&["dlq", "stats", "-o", "json"]).success().json()["depth"]
        .as_u64()
        .unwrap()
}

/// Finding 1: a parent whose records were all trimmed was closed at a position of another
/// shard, never finished, and its child was never read.
#[test]
fn issue_11_a_quiet_day_loses_no_record_written_after_it() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["create", "--count", "20", "-q"]).success();
    // Both shards hold records, so one of them does not hold the newest: the case where
    // closing it at "the newest position" named a position of the other shard.
    let shards: i64 = env
        .target()
        .conn()
        .query_row(
            "SELECT count(DISTINCT shard_id) FROM stream_records",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(shards, 2);
    age(&env, 25);
    env.run(&["create", "--count", "10", "-q"]).success();

    let records = env.run(&drain_args(&[])).success().jsonl();
    assert_eq!(
        records.len(),
        10,
        "every record of the last 24 h: {records:?}"
    );

    let summary = env
        .run(&["consume", "--function", "notification", "-o", "json"])
        .success()
        .json();
    assert_eq!(
        for_function(&summary, "functions", "notification")["ok"],
        10,
        "{summary}"
    );
    // And the next write still lands where readers find it.
    env.run(&["create", "--count", "1", "-q"]).success();
    let again = env
        .run(&["consume", "--function", "notification", "-o", "json"])
        .success()
        .json();
    assert_eq!(for_function(&again, "functions", "notification")["ok"], 1);
}

/// Finding 2: with no writes, retention never ran, so readers were served day-old records and
/// their on-failure records replayed as if still in the stream.
#[test]
fn issue_11_retention_applies_to_reads_of_a_store_nobody_writes_to() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["create", "--count", "3", "-q"]).success();
    let records = env.run(&drain_args(&[])).success().jsonl();
    assert_eq!(records.len(), 3);
    let first = &records[0];
    let seq = first["dynamodb"]["SequenceNumber"].as_str().unwrap();
    let shard = env
        .records()
        .into_iter()
        .find(|(_, r)| r.dynamodb.sequence_number.as_str() == seq)
        .map(|(shard, _)| shard)
        .unwrap();
    let body = on_failure(
        "orders-notification",
        &shard,
        seq,
        first["eventSourceARN"].as_str().unwrap(),
    );
    env.run(&["dlq", "send", "--body", &body.to_string(), "-q"])
        .success();
    age(&env, 25);

    assert!(
        env.run(&drain_args(&[])).success().stdout.trim().is_empty(),
        "records past 24 h are gone for readers"
    );
    let replay = env
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .code(1)
        .json();
    assert_eq!(
        replay["messages"][0]["outcome"], "unrecoverable",
        "{replay}"
    );
    assert_eq!(depth(&env), 1, "an unrecoverable message is kept");

    // --unrecoverable drop deletes it, but only after writing it whole to the journal.
    let dropped = env
        .run(&[
            "dlq",
            "replay",
            "--yes",
            "--unrecoverable",
            "drop",
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(dropped["messages"][0]["deleted"], true, "{dropped}");
    assert_eq!(depth(&env), 0);
    let journal = std::fs::read_to_string(env.data_dir().join("dlq-journal.jsonl")).unwrap();
    let line: Value = serde_json::from_str(journal.lines().next().unwrap()).unwrap();
    assert_eq!(line["outcome"], "unrecoverable");
    let kept: Value = serde_json::from_str(line["body"].as_str().unwrap()).unwrap();
    assert_eq!(kept, body, "the journal holds the whole message");
}

/// Lambda's on-failure record (aws-semantics §3.5) for one record of `shard`.
fn on_failure(lambda: &str, shard: &str, seq: &str, stream_arn: &str) -> Value {
    json!({
        "requestContext": {"requestId": "r-1", "functionArn": format!("arn:aws:lambda:ddblocal:000000000000:function:{lambda}"), "condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
        "version": "1.0",
        "timestamp": "2026-11-28T00:00:00.000Z",
        "DDBStreamBatchInfo": {"shardId": shard, "startSequenceNumber": seq, "endSequenceNumber": seq,
            "approximateArrivalOfFirstRecord": "2026-11-28T00:00:00Z", "approximateArrivalOfLastRecord": "2026-11-28T00:00:00Z",
            "batchSize": 1, "streamArn": stream_arn}
    })
}

/// Finding 7: an on-failure record whose records no current filter matches ran an empty batch
/// and was deleted. It is kept and reported.
#[test]
fn issue_11_a_dead_letter_no_current_filter_matches_is_kept() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    let id = create_order(|a| env.run(a), "c1@example.com", "SKU-MUG:1:5.00");
    env.run(&["orders", "delete", &id, "-q"]).success();
    let (shard, remove) = env
        .records()
        .into_iter()
        .find(|(_, r)| r.event_name == orders_core::EventName::Remove)
        .unwrap();
    // Notification subscribes to INSERT and MODIFY only: the REMOVE matches none of its filters.
    let body = on_failure(
        "orders-notification",
        &shard,
        remove.dynamodb.sequence_number.as_str(),
        remove.event_source_arn.as_deref().unwrap(),
    );
    env.run(&["dlq", "send", "--body", &body.to_string(), "-q"])
        .success();
    let out = env
        .run(&["dlq", "replay", "--yes", "-o", "json"])
        .code(1)
        .json();
    let m = &out["messages"][0];
    assert_eq!(m["outcome"], "unmatched", "{out}");
    assert!(m["error"].as_str().unwrap().contains("filters"), "{m}");
    assert_eq!(depth(&env), 1, "kept");
}

/// An order for `SKU-X` (none in stock) dead-lettered by inventory, then ended by `end`
/// (`cancel` or `delete`) and consumed; then 10 arrive. Returns the order id.
fn dead_lettered_then_ended(env: &Env, end: &str) -> String {
    env.run(&["init", "-q"]).success();
    env.run(&["inventory", "set", "SKU-X", "0", "-q"]).success();
    let id = create_order(|a| env.run(a), "c1@example.com", "SKU-X:2:5.00");
    env.run(&["consume", "--function", "inventory", "-q"])
        .code(1);
    assert_eq!(depth(env), 1);
    env.run(&["orders", end, &id, "-q"]).success();
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    env.run(&["inventory", "set", "SKU-X", "10", "-q"])
        .success();
    id
}

/// Finding 3: a replayed INSERT of a cancelled (or deleted) order reserved stock for it.
#[test]
fn issue_11_a_stale_replay_reserves_nothing_for_an_order_that_ended() {
    for end in ["cancel", "delete"] {
        let env = Env::new();
        let id = dead_lettered_then_ended(&env, end);

        // Default: reported as stale and kept; nothing moves.
        let kept = env
            .run(&["dlq", "replay", "--yes", "-o", "json"])
            .code(1)
            .json();
        let m = &kept["messages"][0];
        assert_eq!(m["outcome"], "stale", "{end}: {kept}");
        assert!(m["error"].as_str().unwrap().contains(&id), "{m}");
        assert_eq!(depth(&env), 1, "{end}: kept");
        assert_eq!(stock(&env, "SKU-X"), 10, "{end}");

        // Replayed anyway: the inventory mark makes it a no-op (superseded), and it is deleted.
        let forced = env
            .run(&["dlq", "replay", "--yes", "--stale", "replay", "-o", "json"])
            .success()
            .json();
        assert_eq!(forced["messages"][0]["outcome"], "replayed", "{forced}");
        assert_eq!(stock(&env, "SKU-X"), 10, "{end}: nothing reserved");
        assert_eq!(depth(&env), 0);
    }
}

/// `--stale skip` deletes a stale message, after a journal line that keeps it whole.
#[test]
fn issue_11_stale_skip_deletes_with_a_journal_line() {
    let env = Env::new();
    dead_lettered_then_ended(&env, "cancel");
    let journal = env.path().join("journal.jsonl");
    let out = env
        .run(&[
            "dlq",
            "replay",
            "--yes",
            "--stale",
            "skip",
            "--journal",
            journal.to_str().unwrap(),
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(out["messages"][0]["outcome"], "stale", "{out}");
    assert_eq!(out["messages"][0]["deleted"], true);
    assert_eq!(depth(&env), 0);
    assert_eq!(stock(&env, "SKU-X"), 10);
    let lines: Vec<Value> = std::fs::read_to_string(&journal)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "one line per message: {lines:?}");
    assert!(lines[0]["body"].as_str().unwrap().contains("\"record\""));
}

/// Finding 3 (TTL): an abandoned order deleted before it shipped gives its stock back; a
/// shipped one does not.
#[test]
fn issue_11_a_delete_before_shipping_releases_the_reservation() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["inventory", "set", "SKU-X", "10", "-q"])
        .success();
    let create = |email: &str| create_order(|a| env.run(a), email, "SKU-X:3:5.00");
    let abandoned = create("a@example.com");
    let shipped = create("b@example.com");
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    assert_eq!(stock(&env, "SKU-X"), 4);
    for status in ["CONFIRMED", "SHIPPED"] {
        env.run(&["orders", "set-status", &shipped, status, "-q"])
            .success();
    }
    env.run(&["orders", "delete", &abandoned, "-q"]).success();
    env.run(&["orders", "delete", &shipped, "-q"]).success();
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    assert_eq!(
        stock(&env, "SKU-X"),
        7,
        "only the abandoned order's 3 came back"
    );
}

/// Finding 8: re-creating a deleted order id reserved twice locally, once on AWS. Now both
/// keep one reservation per live order: created, deleted (released), created again (reserved).
#[test]
fn issue_11_a_recreated_order_id_holds_one_reservation() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["inventory", "set", "SKU-X", "10", "-q"])
        .success();
    let order = r#"{"orderId":"o-again","customerId":"c-1","customerEmail":"c1@example.com","items":[{"productId":"SKU-X","quantity":2,"price":"1.00"}]}"#;
    std::fs::write(env.path().join("o.json"), order).unwrap();
    env.run(&["create", "--file", "o.json", "-q"]).success();
    env.run(&["orders", "delete", "o-again", "-q"]).success();
    env.run(&["create", "--file", "o.json", "-q"]).success();
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    assert_eq!(stock(&env, "SKU-X"), 8, "one live order, one reservation");
    env.run(&["orders", "cancel", "o-again", "-q"]).success();
    env.run(&["consume", "--function", "inventory", "-q"])
        .success();
    assert_eq!(stock(&env, "SKU-X"), 10);
}
