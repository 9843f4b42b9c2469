//! Issue 2 (Foundation): the local stream — shard rollover and lineage, numeric sequence order
//! across digit-length changes, 24 h trim, concurrent writers, and crash consistency.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use orderctl::backend::{ChangeFeed, IteratorKind, TargetError};
use orders_core::{EventName, SequenceNumber};

use crate::support::{Env, finish};

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

#[test]
fn shards_roll_over_to_children_and_lineage_keeps_per_key_order() {
    let env = Env::new();
    env.config("[local]\nshards = 2\nshard_rollover_records = 3\n");
    let ids: Vec<String> = (0..6)
        .map(|i| {
            let email = format!("c{i}@example.com");
            let o = env.run(&[
                "create",
                "--customer",
                &format!("c-{i}"),
                "--email",
                &email,
                "--item",
                "A:1:1.00",
                "-o",
                "json",
            ]);
            o.success().json()["orderId"].as_str().unwrap().to_owned()
        })
        .collect();
    for id in &ids {
        env.run(&["orders", "set-status", id, "CONFIRMED"])
            .success();
        env.run(&["orders", "set-status", id, "SHIPPED"]).success();
    }
    let target = env.target();
    let arn = block(target.stream_arn()).unwrap();
    let page = block(target.describe_stream(&arn, None, None)).unwrap();
    assert!(
        page.shards.len() > 2,
        "rollover made child shards: {:?}",
        page.shards
    );
    let by_id: HashMap<_, _> = page
        .shards
        .iter()
        .map(|s| (s.shard_id.clone(), s.clone()))
        .collect();
    let children: Vec<_> = page
        .shards
        .iter()
        .filter(|s| s.parent_shard_id.is_some())
        .collect();
    assert!(!children.is_empty());
    for child in &children {
        let parent = &by_id[child.parent_shard_id.as_ref().unwrap()];
        assert!(parent.is_closed(), "a parent is closed: {parent:?}");
        assert!(parent.ending_sequence_number.as_ref().unwrap() < &child.starting_sequence_number);
    }
    let children_of_first = block(target.describe_stream(
        &arn,
        None,
        Some(&children[0].parent_shard_id.clone().unwrap()),
    ))
    .unwrap();
    assert_eq!(children_of_first.shards.len(), 1, "CHILD_SHARDS filter");

    // Reading parents before children keeps each order's records in its change order.
    let records = env.records();
    assert_eq!(records.len(), 18);
    let mut seen_shards: Vec<String> = Vec::new();
    for (shard, _) in &records {
        if seen_shards.last() != Some(shard) {
            assert!(!seen_shards.contains(shard), "each shard read in one go");
            seen_shards.push(shard.clone());
        }
    }
    for (pos, shard) in seen_shards.iter().enumerate() {
        if let Some(parent) = &by_id[shard].parent_shard_id {
            let parent_pos = seen_shards
                .iter()
                .position(|s| s == parent)
                .expect("parent read");
            assert!(
                parent_pos < pos,
                "parent {parent} read before child {shard}"
            );
        }
    }
    for id in &ids {
        let names: Vec<String> = records
            .iter()
            .filter(|(_, r)| r.dynamodb.keys["orderId"].as_s() == Some(id))
            .map(|(_, r)| {
                let status = r.dynamodb.new_image.as_ref().unwrap()["status"]
                    .as_s()
                    .unwrap()
                    .to_owned();
                format!("{}:{status}", r.event_name.as_str())
            })
            .collect();
        assert_eq!(
            names,
            ["INSERT:PENDING", "MODIFY:CONFIRMED", "MODIFY:SHIPPED"],
            "order {id}"
        );
    }
}

#[test]
fn sequence_numbers_order_as_integers_across_a_digit_length_change() {
    let env = Env::new();
    env.config("[local]\nshards = 1\nsequence_start = \"999999999999999999998\"\n");
    env.run(&["create", "--count", "5"]).success();
    let records = env.records();
    let seqs: Vec<SequenceNumber> = records
        .iter()
        .map(|(_, r)| r.dynamodb.sequence_number.clone())
        .collect();
    assert_eq!(seqs[0].as_str(), "999999999999999999998");
    assert_eq!(seqs[2].as_str(), "1000000000000000000000");
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");
    // An iterator AT a 22-digit sequence number starts exactly there.
    let target = env.target();
    let arn = block(target.stream_arn()).unwrap();
    let shard = block(target.describe_stream(&arn, None, None))
        .unwrap()
        .shards[0]
        .shard_id
        .clone();
    let it =
        block(target.shard_iterator(&arn, &shard, &IteratorKind::At(seqs[2].clone()))).unwrap();
    let page = block(target.get_records(&it, 10)).unwrap();
    assert_eq!(page.records[0].dynamodb.sequence_number, seqs[2]);
    assert_eq!(page.records.len(), 3);
    let it =
        block(target.shard_iterator(&arn, &shard, &IteratorKind::After(seqs[3].clone()))).unwrap();
    assert_eq!(block(target.get_records(&it, 10)).unwrap().records.len(), 1);
}

#[test]
fn records_older_than_24_hours_are_trimmed() {
    let env = Env::new();
    env.config("[local]\nshards = 1\n");
    env.run(&["create", "--count", "4"]).success();
    let target = env.target();
    let arn = block(target.stream_arn()).unwrap();
    let shard = block(target.describe_stream(&arn, None, None))
        .unwrap()
        .shards[0]
        .shard_id
        .clone();
    let old_iterator =
        block(target.shard_iterator(&arn, &shard, &IteratorKind::TrimHorizon)).unwrap();
    let first_seq = env.records()[0].1.dynamodb.sequence_number.clone();
    // Age the first two records past the retention.
    {
        let conn = target.conn();
        conn.execute(
            "UPDATE stream_records SET created_ms = created_ms - 90000000 WHERE pos <= 2",
            [],
        )
        .unwrap();
        // As time would: a shard is at least as old as its oldest record.
        conn.execute("UPDATE shards SET created_ms = created_ms - 90000000", [])
            .unwrap();
    }
    assert_eq!(target.trim_stream().unwrap(), 2);
    let records = env.records();
    assert_eq!(records.len(), 2, "TRIM_HORIZON is the oldest kept record");
    assert!(matches!(
        block(target.get_records(&old_iterator, 10)),
        Err(TargetError::TrimmedData(_))
    ));
    assert!(matches!(
        block(target.shard_iterator(&arn, &shard, &IteratorKind::At(first_seq))),
        Err(TargetError::TrimmedData(_))
    ));
    // Orders themselves are untouched by trimming.
    assert_eq!(
        env.run(&["orders", "list", "-o", "json"])
            .success()
            .json()
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn an_open_shard_always_gives_a_next_iterator_and_a_drained_closed_one_none() {
    let env = Env::new();
    env.config("[local]\nshards = 1\nshard_rollover_records = 2\n");
    env.run(&["create", "--count", "3"]).success();
    let target = env.target();
    let arn = block(target.stream_arn()).unwrap();
    let shards = block(target.describe_stream(&arn, None, None))
        .unwrap()
        .shards;
    let closed = shards.iter().find(|s| s.is_closed()).unwrap();
    let open = shards.iter().find(|s| !s.is_closed()).unwrap();
    let it =
        block(target.shard_iterator(&arn, &closed.shard_id, &IteratorKind::TrimHorizon)).unwrap();
    let page = block(target.get_records(&it, 1000)).unwrap();
    assert_eq!(page.records.len(), 2);
    assert!(page.next_iterator.is_none());
    let it = block(target.shard_iterator(&arn, &open.shard_id, &IteratorKind::Latest)).unwrap();
    let page = block(target.get_records(&it, 1000)).unwrap();
    assert!(page.records.is_empty());
    assert!(page.next_iterator.is_some());
    assert!(matches!(
        block(target.get_records(&it, 1001)),
        Err(TargetError::Throttled(_))
    ));
    assert!(matches!(
        block(target.get_records(&it, 0)),
        Err(TargetError::Invalid(_))
    ));
}

#[test]
fn two_processes_writing_at_once_both_succeed() {
    let env = Env::new();
    env.run(&["init"]).success();
    let args = ["create", "--count", "500", "-o", "json"];
    let (a, b) = (env.spawn(&args), env.spawn(&args));
    for child in [a, b] {
        finish(child, &args).success();
    }
    let orders = env
        .run(&["orders", "list", "--all", "-o", "json"])
        .success()
        .json();
    assert_eq!(orders.as_array().unwrap().len(), 1000);
    let records = env.records();
    assert_eq!(
        records
            .iter()
            .filter(|(_, r)| r.event_name == EventName::Insert)
            .count(),
        1000
    );
    let ids: HashSet<_> = records.iter().map(|(_, r)| r.event_id.clone()).collect();
    assert_eq!(ids.len(), 1000, "event ids are unique");
}

#[test]
fn sigkill_during_create_leaves_one_insert_record_per_order() {
    let env = Env::new();
    env.run(&["init"]).success();
    let mut child = env
        .command(&["create", "--count", "100000"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill once some orders are committed, however long that takes on a loaded machine.
    let target = env.target();
    let count_orders = || {
        target
            .conn()
            .query_row("SELECT count(*) FROM orders", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while count_orders() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "create committed nothing in 60 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(30));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let orders = count_orders();
    let inserts: i64 = target
        .conn()
        .query_row(
            "SELECT count(*) FROM stream_records WHERE event_name = 'INSERT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(orders > 0 && orders < 100_000, "killed mid-run: {orders}");
    assert_eq!(orders, inserts);
    // The data dir is still usable.
    env.run(&["create", "--count", "10"]).success();
}
