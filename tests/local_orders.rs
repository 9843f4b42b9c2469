//! Issue 2 (Foundation): orders, inventory and init on the local target through the CLI, each
//! write checked against the stream records it must leave behind.

use std::os::unix::fs::PermissionsExt;

use orders_core::attr::AttributeValue;
use orders_core::{EventName, Order};
use serde_json::json;

use crate::support::Env;

fn create_one(env: &Env) -> serde_json::Value {
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-PAD:3:0.10",
        "--item",
        "SKU-MUG:1:12.50",
        "-o",
        "json",
    ])
    .success()
    .json()
}

#[test]
fn order_lifecycle_leaves_exactly_its_stream_records() {
    let env = Env::new();
    let order = create_one(&env);
    let id = order["orderId"].as_str().unwrap().to_owned();
    assert_eq!(order["totalPrice"], "12.80");
    assert_eq!(order["status"], "PENDING");
    assert_eq!(
        order["items"][0],
        json!({"productId": "SKU-PAD", "quantity": 3, "price": "0.10"})
    );
    let records = env.records();
    assert_eq!(records.len(), 1);
    let insert = &records[0].1;
    assert_eq!(insert.event_name, EventName::Insert);
    assert_eq!(
        insert.dynamodb.keys["orderId"],
        AttributeValue::S(id.clone())
    );
    assert!(insert.dynamodb.old_image.is_none());
    let image = insert.dynamodb.new_image.as_ref().unwrap();
    assert_eq!(image["totalPrice"], AttributeValue::N("12.80".into()));
    assert_eq!(Order::from_item(image).unwrap().order_id, id);
    assert_eq!(insert.event_id.len(), 32);
    assert!(insert.dynamodb.sequence_number.as_str().len() >= 21);

    // get and list by customer (the CustomerIndex), newest first
    let got = env
        .run(&["orders", "get", &id, "-o", "json"])
        .success()
        .json();
    assert_eq!(got, order);
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-CABLE:1:9.99",
    ])
    .success();
    env.run(&[
        "create",
        "--customer",
        "c-2",
        "--email",
        "bob@example.com",
        "--item",
        "SKU-CABLE:1:9.99",
    ])
    .success();
    let list = env
        .run(&["orders", "list", "--customer", "c-1", "-o", "json"])
        .success()
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[1]["orderId"], id.as_str(), "oldest last");
    assert!(list[0]["createdAt"].as_str() >= list[1]["createdAt"].as_str());
    assert_eq!(env.records().len(), 3, "reads write nothing");

    // set-status → MODIFY with both images
    let confirmed = env
        .run(&["orders", "set-status", &id, "CONFIRMED", "-o", "json"])
        .success()
        .json();
    assert_eq!(confirmed["status"], "CONFIRMED");
    let records = env.records();
    assert_eq!(records.len(), 4);
    let modify = records
        .iter()
        .map(|(_, r)| r)
        .find(|r| r.event_name == EventName::Modify)
        .unwrap();
    assert_eq!(
        modify.dynamodb.old_image.as_ref().unwrap()["status"],
        AttributeValue::S("PENDING".into())
    );
    assert_eq!(
        modify.dynamodb.new_image.as_ref().unwrap()["status"],
        AttributeValue::S("CONFIRMED".into())
    );

    // cancel → MODIFY to CANCELLED; an illegal transition afterwards writes nothing
    env.run(&["orders", "cancel", &id]).success();
    env.run(&["orders", "set-status", &id, "SHIPPED"])
        .input_error("CANCELLED is final");
    let mods: Vec<_> = env
        .records()
        .into_iter()
        .filter(|(_, r)| r.event_name == EventName::Modify)
        .collect();
    assert_eq!(mods.len(), 2);

    // delete → REMOVE with the old image only
    let deleted = env
        .run(&["orders", "delete", &id, "-o", "json"])
        .success()
        .json();
    assert_eq!(deleted["status"], "CANCELLED");
    let records = env.records();
    assert_eq!(records.len(), 6);
    let remove = records
        .iter()
        .map(|(_, r)| r)
        .find(|r| r.event_name == EventName::Remove)
        .unwrap();
    assert!(remove.dynamodb.new_image.is_none());
    assert_eq!(
        remove.dynamodb.old_image.as_ref().unwrap()["status"],
        AttributeValue::S("CANCELLED".into())
    );
    assert!(
        remove.user_identity.is_none(),
        "a user delete carries no userIdentity"
    );
    env.run(&["orders", "get", &id])
        .input_error(&format!("order {id} not found"));
    env.run(&["orders", "delete", &id]).input_error("not found");
    assert_eq!(env.records().len(), 6);
}

#[test]
fn records_of_one_order_stay_in_order_in_one_shard() {
    let env = Env::new();
    let id = create_one(&env)["orderId"].as_str().unwrap().to_owned();
    for status in ["CONFIRMED", "SHIPPED", "DELIVERED"] {
        env.run(&["orders", "set-status", &id, status]).success();
    }
    let records = env.records();
    let shards: std::collections::HashSet<_> = records.iter().map(|(s, _)| s.clone()).collect();
    assert_eq!(shards.len(), 1);
    let seqs: Vec<_> = records
        .iter()
        .map(|(_, r)| r.dynamodb.sequence_number.clone())
        .collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn bad_input_is_one_line_exit_2_and_writes_nothing() {
    let env = Env::new();
    let base = ["create", "--customer", "c-1", "--email", "ann@example.com"];
    let with = |item: &str| {
        let mut a = base.to_vec();
        a.extend(["--item", item]);
        env.run(&a)
    };
    with("SKU-1:0:1.00").input_error("quantity must be a whole number from 1 to 1000000, got 0");
    with("SKU-1:1.5:1.00")
        .input_error("quantity must be a whole number from 1 to 1000000, got 1.5");
    with("SKU-1:1:-1").input_error("must not be negative");
    with("SKU-1:1:1.001").input_error("at most 2 decimal places");
    with("SKU-1:1").input_error("SKU:QTY:PRICE");
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "not-an-email",
        "--item",
        "A:1:1",
    ])
    .input_error("customerEmail: not a valid email");
    env.run(&["create", "--customer", "c-1", "--email", "a@b.co"])
        .input_error("at least one item");
    env.run(&["orders", "set-status", "nope", "CONFIRMED"])
        .input_error("order nope not found");
    assert_eq!(
        env.run(&["orders", "list", "-o", "json"]).success().json(),
        json!([])
    );
    assert!(env.records().is_empty());
}

#[test]
fn file_of_orders_is_validated_before_anything_is_written() {
    let env = Env::new();
    let good = r#"{"customerId":"c-1","customerEmail":"a@example.com","items":[{"productId":"P","quantity":3,"price":0.10}]}"#;
    let bad_price = r#"{"customerId":"c-2","customerEmail":"b@example.com","items":[{"productId":"P","quantity":1,"price":-5}]}"#;
    let unknown = r#"{"customerId":"c-2","customerEmail":"b@example.com","colour":"red","items":[{"productId":"P","quantity":1,"price":1}]}"#;
    std::fs::write(
        env.path().join("bad.jsonl"),
        format!("{good}\n{good}\n{bad_price}\n"),
    )
    .unwrap();
    env.run(&["create", "--file", "bad.jsonl"])
        .input_error("bad.jsonl: line 3: items[0].price: must not be negative");
    std::fs::write(
        env.path().join("unknown.jsonl"),
        format!("{good}\n\n{unknown}\n"),
    )
    .unwrap();
    env.run(&["create", "--file", "unknown.jsonl"])
        .input_error("line 3: colour: unknown field");
    std::fs::write(
        env.path().join("broken.jsonl"),
        format!("{good}\n{{\"customerId\": \n"),
    )
    .unwrap();
    env.run(&["create", "--file", "broken.jsonl"])
        .input_error("broken.jsonl: line 3: invalid JSON");
    assert!(env.records().is_empty(), "nothing written for a bad file");

    // JSONL, an array, a single object, and stdin
    std::fs::write(env.path().join("ok.jsonl"), format!("{good}\n{good}\n")).unwrap();
    let created = env
        .run(&["create", "--file", "ok.jsonl", "-o", "json"])
        .success()
        .json();
    assert_eq!(created.as_array().unwrap().len(), 2);
    assert_eq!(created[0]["totalPrice"], "0.30");
    std::fs::write(
        env.path().join("arr.json"),
        format!("[{good}, {good}, {good}]"),
    )
    .unwrap();
    let lines = env
        .run(&["create", "--file", "arr.json", "-o", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(lines.len(), 3);
    let one = env
        .run_stdin(&["create", "--file", "-", "-o", "json"], Some(good))
        .success()
        .json();
    assert_eq!(one["customerId"], "c-1");
    assert_eq!(env.records().len(), 6);
}

#[test]
fn inventory_set_get_list() {
    let env = Env::new();
    let set = env
        .run(&["inventory", "set", "SKU-1", "7", "-o", "json"])
        .success()
        .json();
    assert_eq!(set["productId"], "SKU-1");
    assert_eq!(set["stock"], "7");
    assert!(set["lastUpdated"].as_str().unwrap().ends_with('Z'));
    env.run(&["inventory", "set", "SKU-0", "0"]).success();
    let list = env
        .run(&["inventory", "list", "-o", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(
        list.iter()
            .map(|v| v["productId"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["SKU-0", "SKU-1"]
    );
    assert_eq!(
        env.run(&["inventory", "get", "SKU-1", "-o", "json"])
            .success()
            .json()["stock"],
        "7"
    );
    env.run(&["inventory", "get", "SKU-9"])
        .input_error("product SKU-9 not found");
    env.run(&["inventory", "set", "SKU-1", "-3"]).code(2);
    let table = env.run(&["inventory", "list"]).success().stdout;
    assert!(table.starts_with("PRODUCT"), "{table}");
    assert!(env.records().is_empty(), "Inventory has no stream");
}

#[test]
fn init_is_idempotent_and_the_database_is_private() {
    let env = Env::new();
    let first = env
        .run(&["init", "--demo-stock", "-o", "json"])
        .success()
        .json();
    assert!(
        first["resources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["state"] == "created"),
        "{first}"
    );
    assert_eq!(first["stockSeeded"], 12);
    let second = env.run(&["init", "-o", "json"]).success().json();
    assert!(
        second["resources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["state"] == "exists"),
        "{second}"
    );
    let names: Vec<_> = second["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect();
    for want in ["Orders", "Inventory", "ProcessedEvents", "orders-dlq"] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    let mode = std::fs::metadata(env.data_dir().join("orderctl.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    std::fs::write(
        env.path().join("stock.jsonl"),
        "{\"productId\":\"X\",\"stock\":5}\n{\"productId\":\"Y\",\"stock\":-1}\n",
    )
    .unwrap();
    env.run(&["init", "--seed-inventory", "stock.jsonl"])
        .input_error("stock.jsonl: line 2: stock");
    assert!(
        env.run(&["inventory", "get", "X"]).code == 2,
        "nothing seeded from a bad file"
    );
}

/// Run `args` (in `env`'s temp dir, with its clean environment) and close stdout after the
/// first line, as `| head -1` does: the output must be far larger than a pipe's buffer, so the
/// command is still writing when the pipe breaks. A hang detector, not a timing: a command that
/// ignores the broken pipe and keeps running is killed after 60 s and fails the test.
fn read_one_line_then_close(env: &Env, args: &[&str]) -> crate::support::Output {
    use std::io::BufRead;
    let mut child = env.spawn(args);
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "orderctl {args:?} printed something");
    drop(stdout);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("orderctl {args:?} kept running after its stdout closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    crate::support::finish(child, args)
}

/// Enough orders that any listing of them is megabytes, far past a pipe's 64 KiB.
fn many_orders() -> Env {
    let env = Env::new();
    env.run(&["create", "--count", "3000", "-q"]).success();
    env
}

#[test]
fn broken_pipe_exits_zero_silently() {
    let env = many_orders();
    for output in ["jsonl", "json"] {
        let out = read_one_line_then_close(&env, &["orders", "list", "--all", "-o", output]);
        assert_eq!(out.code, 0, "-o {output}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "-o {output}: {}", out.stderr);
    }
}

/// `tail` prints from its own writer thread; a broken pipe there must end the whole command
/// (even with --follow, which otherwise never ends) with exit 0 and nothing on stderr.
#[test]
fn broken_pipe_ends_tail_zero_silently() {
    let env = many_orders();
    for mode in [&[][..], &["--follow"][..]] {
        let mut args = vec!["tail", "--from", "trim-horizon", "-o", "jsonl"];
        args.extend_from_slice(mode);
        let out = read_one_line_then_close(&env, &args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
    }
}

#[test]
fn count_creates_valid_orders_with_insert_records() {
    let env = Env::new();
    let summary = env
        .run(&["create", "--count", "250", "--seed", "1", "-o", "json"])
        .success()
        .json();
    assert_eq!(summary["written"], 250);
    assert_eq!(summary["failed"], 0);
    let all = env
        .run(&["orders", "list", "--all", "-o", "json"])
        .success()
        .json();
    assert_eq!(all.as_array().unwrap().len(), 250);
    assert_eq!(env.records().len(), 250);
    let page = env
        .run(&["orders", "list", "--limit", "5", "-o", "json"])
        .success();
    assert_eq!(page.json().as_array().unwrap().len(), 5);
    assert!(
        page.stderr.contains("--limit"),
        "a truncated list says so: {}",
        page.stderr
    );
}

#[test]
fn demo_runs_end_to_end() {
    let env = Env::new();
    let demo_dir = env.path().join("demo");
    let out = env
        .run(&["demo", "--in", demo_dir.to_str().unwrap()])
        .success();
    assert!(
        out.stdout.contains("status: PENDING → CANCELLED"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("insufficient stock for SKU-CHAIR"),
        "the dead letter: {}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("RetryAttemptsExhausted after 3 invocations"),
        "the on-failure record: {}",
        out.stdout
    );
    assert!(out.stderr.contains("dlq replay"), "{}", out.stderr);
    // The closing hints run as printed, from a shell without orderctl on PATH.
    let hints: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("ORDERCTL_DATA_DIR="))
        .collect();
    assert_eq!(hints.len(), 3, "{}", out.stderr);
    for hint in hints {
        let line = hint.split(" # ").next().unwrap();
        let ran = std::process::Command::new("sh")
            .args(["-c", line])
            .env("PATH", "/usr/bin:/bin")
            .current_dir(env.path())
            .output()
            .unwrap();
        assert!(
            ran.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&ran.stderr)
        );
    }
    // The demo's data is a normal data dir.
    let mut cmd = env.command(&["orders", "list", "-o", "json"]);
    cmd.env("ORDERCTL_DATA_DIR", &demo_dir);
    let listed: serde_json::Value = serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 5);
    // Once the cause is fixed, both dead letters replay and are deleted: nothing lost.
    assert!(
        out.stdout.contains("replayed 2  deleted 2  failed 0"),
        "{}",
        out.stdout
    );
    let in_demo = |args: &[&str]| {
        let mut cmd = env.command(args);
        cmd.env("ORDERCTL_DATA_DIR", &demo_dir);
        serde_json::from_slice::<serde_json::Value>(&cmd.output().unwrap().stdout).unwrap()
    };
    assert_eq!(in_demo(&["dlq", "stats", "-o", "json"])["depth"], 0);
    assert_eq!(
        in_demo(&["inventory", "get", "SKU-CHAIR", "-o", "json"])["stock"],
        "10"
    );
    assert!(
        out.stdout.contains("ITERATOR AGE"),
        "status ends the demo: {}",
        out.stdout
    );
}

#[test]
fn the_order_fixtures_create_as_documented() {
    let env = Env::new();
    let fixture = crate::support::fixture;
    let lines = env
        .run(&[
            "create",
            "--file",
            &fixture("orders/orders.jsonl"),
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(lines.as_array().unwrap().len(), 3);
    assert_eq!(lines[1]["totalPrice"], "10.29");
    let array = env
        .run(&[
            "create",
            "--file",
            &fixture("orders/orders.json"),
            "-o",
            "jsonl",
        ])
        .success()
        .jsonl();
    assert_eq!(array.len(), 3);
    env.run(&["create", "--file", &fixture("orders/bad-line.jsonl")])
        .input_error("bad-line.jsonl: line 3: items[0].quantity");
    assert_eq!(env.records().len(), 6);
}
