//! Issue 17, item 1: `orderctl trace ORDER_ID` on the local target, one test per story an
//! on-call engineer meets — delivered everywhere, dead-lettered by inventory then replayed,
//! cancelled after its reservation, filtered out by a pattern, not reached yet, never seen.
//! Every effect shown comes from the facts the functions record with their markers.

use serde_json::Value;

use crate::support::{Env, create_order, for_function};

/// A fresh pipeline with `stock` units of `sku`.
fn pipeline(sku: &str, stock: i64) -> Env {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["inventory", "set", sku, &stock.to_string(), "-q"])
        .success();
    env
}

fn order(env: &Env, item: &str) -> String {
    create_order(|a| env.run(a), "ann@example.com", item)
}

fn trace(env: &Env, id: &str, code: i32) -> Value {
    env.run(&["trace", id, "-o", "json"]).code(code).json()
}

/// The function's verdict and its steps' outcomes.
fn part<'a>(story: &'a Value, function: &str) -> (&'a Value, Vec<&'a str>) {
    let f = for_function(story, "functions", function);
    let outcomes = f["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outcome"].as_str().unwrap())
        .collect();
    (&f["verdict"], outcomes)
}

fn stock(env: &Env, sku: &str) -> String {
    env.run(&["inventory", "get", sku, "-o", "json"])
        .success()
        .json()["stock"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn issue_17_trace_of_an_order_delivered_everywhere_shows_each_effect_and_exits_0() {
    let env = pipeline("SKU-MUG", 10);
    let id = order(&env, "SKU-MUG:2:12.50");
    env.run(&["consume", "-q"]).success();
    let story = trace(&env, &id, 0);
    assert_eq!(story["order"]["status"], "PENDING", "{story}");
    assert_eq!(story["records"].as_array().unwrap().len(), 1, "{story}");
    assert_eq!(story["records"][0]["eventName"], "INSERT");

    let (verdict, outcomes) = part(&story, "notification");
    assert_eq!(
        (verdict["state"].as_str(), outcomes),
        (Some("done"), vec!["processed"])
    );
    let step = &for_function(&story, "functions", "notification")["records"][0];
    assert_eq!(step["effect"]["subject"], format!("Order {id} confirmed"));
    assert!(step["at"].as_str().is_some(), "the email's time: {step}");

    let (verdict, _) = part(&story, "analytics");
    assert_eq!(verdict["label"], "COUNTED");
    let counted = &for_function(&story, "functions", "analytics")["records"][0]["effect"];
    assert_eq!(
        counted["metrics"][1],
        serde_json::json!({"name": "Revenue", "value": "25.00"})
    );

    let (verdict, _) = part(&story, "inventory");
    assert_eq!(verdict["label"], "RESERVED");
    let reserved = &for_function(&story, "functions", "inventory")["records"][0]["effect"];
    assert_eq!(
        reserved["lines"][0],
        serde_json::json!({"productId": "SKU-MUG", "quantity": 2})
    );

    // The table says the same, one verdict line per function.
    let table = env.run(&["trace", &id]).success().stdout;
    assert!(
        table.contains(&format!("notification: EMAILED — \"Order {id} confirmed\"")),
        "{table}"
    );
    assert!(
        table.contains("analytics: COUNTED — OrderCount 1, Revenue 25.00"),
        "{table}"
    );
    assert!(
        table.contains("inventory: RESERVED — reserved 2×SKU-MUG"),
        "{table}"
    );
}

#[test]
fn issue_17_trace_of_an_order_dead_lettered_by_inventory_names_the_message_then_the_replay() {
    let env = pipeline("SKU-CHAIR", 0);
    let id = order(&env, "SKU-CHAIR:1:80.00");
    env.run(&["consume", "-q"]).code(1);
    let message = env.run(&["dlq", "list", "-o", "json"]).success().json()[0]["messageId"]
        .as_str()
        .unwrap()
        .to_owned();

    let story = trace(&env, &id, 1);
    let (verdict, outcomes) = part(&story, "inventory");
    assert_eq!(outcomes, vec!["dead_lettered"]);
    assert_eq!(
        (verdict["state"].as_str(), verdict["label"].as_str()),
        (Some("failed"), Some("NOT RESERVED"))
    );
    let letter = &for_function(&story, "functions", "inventory")["records"][0]["deadLetter"];
    assert_eq!(letter["messageId"], message.as_str());
    assert!(
        letter["error"]
            .as_str()
            .unwrap()
            .contains("insufficient stock for SKU-CHAIR"),
        "{letter}"
    );
    assert_eq!(
        letter["stale"],
        Value::Null,
        "the order is as the record says: a replay is not stale"
    );
    // The other functions did their part.
    assert_eq!(part(&story, "notification").0["state"], "done");

    let table = env.run(&["trace", &id]).code(1).stdout;
    let line = table
        .lines()
        .find(|l| l.starts_with("inventory: "))
        .unwrap_or_else(|| panic!("no inventory verdict: {table}"));
    assert!(
        line.starts_with("inventory: NOT RESERVED — insufficient stock for SKU-CHAIR"),
        "{line}"
    );
    assert!(
        line.contains(&format!("(DLQ {}…)", &message[..8])),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            "replay after restocking: orderctl dlq replay --id {message}"
        )),
        "{line}"
    );

    // The same story from the dead letter's id.
    let by_dlq = env
        .run(&["trace", "--dlq", &message, "-o", "json"])
        .code(1)
        .json();
    assert_eq!(by_dlq["orderId"], id.as_str());

    // Restocked and replayed: reserved now, the dead letter gone.
    env.run(&["inventory", "set", "SKU-CHAIR", "3", "-q"])
        .success();
    env.run(&["dlq", "replay", "-q"]).success();
    let story = trace(&env, &id, 0);
    let (verdict, outcomes) = part(&story, "inventory");
    assert_eq!(
        (verdict["label"].as_str(), outcomes),
        (Some("RESERVED"), vec!["processed"])
    );
    assert_eq!(stock(&env, "SKU-CHAIR"), "2");
}

#[test]
fn issue_17_trace_of_an_order_cancelled_after_its_reservation_shows_the_restock() {
    let env = pipeline("SKU-MUG", 10);
    let id = order(&env, "SKU-MUG:3:5.00");
    env.run(&["consume", "-q"]).success();
    env.run(&["orders", "cancel", &id, "-q"]).success();
    env.run(&["consume", "-q"]).success();
    assert_eq!(stock(&env, "SKU-MUG"), "10");

    let story = trace(&env, &id, 0);
    let records = story["records"].as_array().unwrap();
    assert_eq!(records.len(), 2, "{story}");
    assert_eq!(
        (
            records[1]["oldStatus"].as_str(),
            records[1]["newStatus"].as_str()
        ),
        (Some("PENDING"), Some("CANCELLED"))
    );
    let inventory = for_function(&story, "functions", "inventory");
    assert_eq!(inventory["records"][0]["effect"]["kind"], "reserved");
    assert_eq!(
        inventory["records"][1]["effect"],
        serde_json::json!({"kind": "restored", "lines": [{"productId": "SKU-MUG", "quantity": 3}]})
    );
    assert_eq!(inventory["verdict"]["label"], "RESTORED");
    let emails: Vec<&str> = for_function(&story, "functions", "notification")["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["effect"]["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        emails,
        vec![
            format!("Order {id} confirmed"),
            format!("Order {id} is now CANCELLED")
        ]
    );
    // Analytics counts the INSERT; its subscription's filter drops the MODIFY.
    assert_eq!(part(&story, "analytics").1, vec!["processed", "filtered"]);

    let table = env.run(&["trace", &id]).success().stdout;
    assert!(
        table.contains("inventory: RESTORED — reserved 3×SKU-MUG; restored 3×SKU-MUG (MODIFY)"),
        "{table}"
    );
    assert!(table.contains("PENDING → CANCELLED"), "{table}");
}

#[test]
fn issue_17_trace_names_the_pattern_that_filtered_a_record_out() {
    let env = pipeline("SKU-MUG", 10);
    let pattern = r#"{"eventName":["MODIFY"]}"#;
    env.config(&format!(
        "[functions.notification]\nfilters = ['{pattern}']\n"
    ));
    let id = order(&env, "SKU-MUG:1:5.00");
    env.run(&["consume", "-q"]).success();

    let story = trace(&env, &id, 0);
    let notification = for_function(&story, "functions", "notification");
    let step = &notification["records"][0];
    assert_eq!(step["outcome"], "filtered", "{story}");
    assert_eq!(step["patterns"], serde_json::json!([pattern]));
    assert_eq!(
        (
            notification["verdict"]["state"].as_str(),
            notification["verdict"]["label"].as_str()
        ),
        (Some("done"), Some("FILTERED OUT"))
    );
    assert_eq!(part(&story, "inventory").0["label"], "RESERVED");
    let table = env.run(&["trace", &id]).success().stdout;
    assert!(
        table.contains(&format!(
            "notification: FILTERED OUT — no record passes its filters: {pattern}"
        )),
        "{table}"
    );
}

#[test]
fn issue_17_trace_of_records_the_consumers_have_not_reached_is_pending() {
    let env = pipeline("SKU-MUG", 10);
    env.config("[functions.analytics]\nenabled = false\n");
    let id = order(&env, "SKU-MUG:1:5.00");
    env.run(&["consume", "-q"]).success();
    env.run(&["orders", "set-status", &id, "CONFIRMED", "-q"])
        .success();

    let story = trace(&env, &id, 1);
    let (verdict, outcomes) = part(&story, "notification");
    assert_eq!(outcomes, vec!["processed", "not_reached"]);
    assert_eq!(verdict["state"], "pending");
    let why = for_function(&story, "functions", "notification")["records"][1]["why"]
        .as_str()
        .unwrap();
    assert!(why.contains("behind its checkpoint"), "{why}");
    // A disabled subscription never reaches anything, and says why.
    let analytics = for_function(&story, "functions", "analytics");
    assert_eq!(analytics["enabled"], false);
    let why = analytics["records"][0]["why"].as_str().unwrap();
    assert!(why.contains("disabled"), "{why}");

    env.run(&["consume", "-q"]).success();
    let story = trace(&env, &id, 1); // analytics is still disabled
    assert_eq!(part(&story, "notification").0["state"], "done");
    assert_eq!(part(&story, "analytics").0["state"], "pending");
}

#[test]
fn issue_17_trace_of_an_id_never_seen_exits_2() {
    let env = pipeline("SKU-MUG", 10);
    order(&env, "SKU-MUG:1:5.00");
    env.run(&["consume", "-q"]).success();
    env.run(&["trace", "o-never"])
        .input_error("order o-never was never seen");
}

#[test]
fn issue_17_trace_takes_the_order_id_from_a_saved_stream_record() {
    let env = pipeline("SKU-MUG", 10);
    let id = order(&env, "SKU-MUG:1:5.00");
    env.run(&[
        "tail",
        "--from",
        "trim-horizon",
        "--max",
        "1",
        "--save",
        "event.json",
        "-q",
    ])
    .success();
    let story = env
        .run(&["trace", "--event", "event.json", "-o", "json"])
        .code(1)
        .json();
    assert_eq!(story["orderId"], id.as_str());
    assert_eq!(part(&story, "inventory").1, vec!["not_reached"]);
}

#[test]
fn issue_17_trace_says_when_replaying_a_dead_letter_would_be_stale() {
    let env = pipeline("SKU-CHAIR", 0);
    let id = order(&env, "SKU-CHAIR:1:80.00");
    env.run(&["consume", "-q"]).code(1);
    // The customer gave up: the order is cancelled, its INSERT's dead letter is history.
    env.run(&["orders", "cancel", &id, "-q"]).success();
    env.run(&["consume", "-q"]).success();

    let story = trace(&env, &id, 1);
    let inventory = for_function(&story, "functions", "inventory");
    let stale = inventory["records"][0]["deadLetter"]["stale"]
        .as_str()
        .unwrap_or_else(|| panic!("not stale: {story}"));
    assert!(stale.contains("CANCELLED"), "{stale}");
    // The cancel found nothing reserved and left a tombstone.
    assert_eq!(inventory["records"][1]["effect"]["kind"], "nothing");
    let fix = inventory["verdict"]["fix"].as_str().unwrap();
    assert!(fix.starts_with("a replay would be stale"), "{fix}");
    assert!(!fix.contains("dlq replay"), "{fix}");
}
