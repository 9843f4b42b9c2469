//! Issue 13, Found 1 and 6 (quantities): values past the documented limits are refused where
//! they enter, with one line and exit 2; an impossible value another producer wrote to the
//! stream is dead-lettered with its reason instead of panicking (and wedging) a consumer; stock
//! never wraps.

use orderctl::backend::OrderStore;
use orders_core::dlq::DlqBody;
use orders_core::{LineItem, Order, Status};

use crate::support::{Env, aws::block};

fn stock(env: &Env, sku: &str) -> i64 {
    let item = env
        .run(&["inventory", "get", sku, "-o", "json"])
        .success()
        .json();
    // A decimal string (issue 13, output contract), or a number before that change.
    match &item["stock"] {
        serde_json::Value::String(s) => s.parse().unwrap(),
        other => other.as_i64().unwrap(),
    }
}

/// The dead letters' (function, reason) pairs.
fn dead_letters(env: &Env) -> Vec<(String, String)> {
    env.target()
        .queue_peek(100)
        .unwrap()
        .into_iter()
        .map(|m| match DlqBody::parse(&m.body) {
            DlqBody::Envelope(e) => (e.function, e.error),
            other => panic!("not an envelope: {other:?}"),
        })
        .collect()
}

fn consume(env: &Env) -> serde_json::Value {
    let out = env.run(&["consume", "-o", "json"]);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    out.json()
}

/// A function's records sent to the dead-letter queue in a consume summary (camelCase keys
/// per the output contract; snake_case before it).
fn to_dlq(summary: &serde_json::Value, function: &str) -> u64 {
    let f = crate::support::for_function(summary, "functions", function);
    f.get("permanentFailures")
        .or_else(|| f.get("permanent_failures"))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or_else(|| panic!("no permanent failures count in {f}"))
}

#[test]
fn issue_13_a_price_past_the_limit_is_refused_not_a_panic() {
    let env = Env::new();
    env.run(&["init"]).success();
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-MUG:1000000:999999999999999999999999999.99",
    ])
    .input_error("price must be at most 999999999.99");
    std::fs::write(
        env.path().join("orders.jsonl"),
        "{\"customerId\":\"c-1\",\"customerEmail\":\"a@example.com\",\"items\":[{\"productId\":\"SKU-MUG\",\"quantity\":1,\"price\":1}]}\n\
         {\"customerId\":\"c-1\",\"customerEmail\":\"a@example.com\",\"items\":[{\"productId\":\"SKU-MUG\",\"quantity\":1000000,\"price\":999999999999999999999999999.99}]}\n",
    )
    .unwrap();
    let out = env
        .run(&["create", "--file", "orders.jsonl"])
        .input_error("orders.jsonl: line 2: items[0].price: must be at most 999999999.99");
    assert!(out.stderr.contains("nothing was written"), "{}", out.stderr);
    // Two lines each within the price bound, whose total is not.
    env.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-MUG:1000000:999999999.99",
        "--item",
        "SKU-PAD:1000000:999999999.99",
    ])
    .input_error("totalPrice: an order's total must be at most 999999999999999.99");
    assert!(env.records().is_empty(), "nothing was written");
}

#[test]
fn issue_13_every_bad_quantity_names_the_same_bound() {
    let env = Env::new();
    for q in ["99999999999999999999999", "2147483648", "1000001", "0"] {
        env.run(&[
            "create",
            "--customer",
            "c-1",
            "--email",
            "ann@example.com",
            "--item",
            &format!("SKU-MUG:{q}:1.00"),
        ])
        .input_error(&format!(
            "quantity must be a whole number from 1 to 1000000, got {q}"
        ));
    }
}

#[test]
fn issue_13_an_impossible_price_on_the_stream_is_dead_lettered_not_a_wedge() {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    // Another producer writes two orders no orderctl input allows: their sum overflowed
    // rust_decimal in analytics, on every consume.
    let huge = "50000000000000000000000000000".parse().unwrap();
    let orders: Vec<Order> = (1..=2)
        .map(|n| Order {
            order_id: format!("o-huge-{n}"),
            customer_id: "c-1".into(),
            customer_email: "ann@example.com".into(),
            items: vec![LineItem {
                product_id: "SKU-MUG".into(),
                quantity: 1,
                price: huge,
            }],
            total_price: huge,
            status: Status::Pending,
            created_at: "2026-01-01T00:00:00.000Z".into(),
        })
        .collect();
    block(env.target().put_orders(&orders)).unwrap();
    let summary = consume(&env);
    assert_eq!(to_dlq(&summary, "analytics"), 2, "{summary}");
    let letters = dead_letters(&env);
    let reasons: Vec<&str> = letters
        .iter()
        .filter(|(f, _)| f == "analytics")
        .map(|(_, e)| e.as_str())
        .collect();
    assert_eq!(reasons.len(), 2, "{letters:?}");
    for reason in &reasons {
        assert!(
            reason.starts_with("order o-huge-")
                && reason.contains(": items[0].price: must be from 0 to 999999999.99, got 50000000000000000000000000000"),
            "{reasons:?}"
        );
    }
    // Not wedged: the next run has nothing left, and status shows nobody behind.
    let again = consume(&env);
    for f in again["functions"].as_array().unwrap() {
        assert_eq!(f["invocations"], 0, "{again}");
    }
    let status = env.run(&["status", "-o", "json"]).json();
    for s in status["subscriptions"].as_array().unwrap() {
        let behind = s
            .get("recordsBehind")
            .or_else(|| s.get("records_behind"))
            .unwrap();
        assert_eq!(behind, 0, "{status}");
    }
}

#[test]
fn issue_13_inventory_set_past_the_limit_is_refused() {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    let before = stock(&env, "SKU-MUG");
    env.run(&["inventory", "set", "SKU-MUG", "9223372036854775807"])
        .input_error("stock must be a whole number from 0 to 1000000000000000");
    env.run(&["inventory", "set", "SKU-MUG", "1000000000000001"])
        .input_error("stock must be a whole number from 0 to 1000000000000000");
    assert_eq!(stock(&env, "SKU-MUG"), before, "stock unchanged");
    std::fs::write(
        env.path().join("stock.json"),
        r#"{"productId":"SKU-BIG","stock":9223372036854775807}"#,
    )
    .unwrap();
    env.run(&["init", "--seed-inventory", "stock.json"])
        .input_error("stock must be a whole number from 0 to 1000000000000000");
}

#[test]
fn issue_13_a_restock_past_the_limit_is_dead_lettered_and_stock_never_wraps() {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    // A 2-unit order reserved, then the level raised to the limit, or (by another writer) to
    // i64::MAX: the cancellation cannot give the 2 units back, and says so.
    for level in [orders_core::limits::MAX_STOCK, i64::MAX] {
        let id = crate::support::create_order(|a| env.run(a), "ann@example.com", "SKU-MUG:2:1.00");
        consume(&env);
        env.target()
            .conn()
            .execute(
                "UPDATE inventory SET stock = ?1 WHERE product_id = 'SKU-MUG'",
                [level],
            )
            .unwrap();
        env.run(&["orders", "cancel", &id]).success();
        let summary = consume(&env);
        assert_eq!(to_dlq(&summary, "inventory"), 1, "{summary}");
        assert_eq!(stock(&env, "SKU-MUG"), level, "stock unchanged");
        let letters = dead_letters(&env);
        let (_, reason) = letters.iter().rfind(|(f, _)| f == "inventory").unwrap();
        assert_eq!(
            reason,
            &format!(
                "cannot give back 2 of SKU-MUG: its stock of {level} would pass the limit of 1000000000000000; stock left unchanged"
            )
        );
        env.run(&["dlq", "purge", "--yes"]).success();
    }
}

/// Issue 13, Found 1: a consumer that fails on the same record on every run was BEHIND in
/// `status` and unknown to `doctor`. Both now name it.
#[test]
fn issue_13_status_and_doctor_name_a_wedged_consumer() {
    let env = Env::new();
    // Unbounded retries: nothing ever gives the poison record up.
    env.config(
        "[local]\nshards = 1\n[functions.analytics]\nmaximum_retry_attempts = -1\nmaximum_record_age_seconds = -1\n",
    );
    env.run(&["init", "--demo-stock"]).success();
    crate::support::create_order(|a| env.run(a), "ann@example.com", "SKU-MUG:1:1.00");
    env.run(&["faults", "set", "metrics", "--always"]).success();
    // Its batching window is 1 s: 3 s see the first attempt and its retries.
    let out = env.run(&[
        "consume",
        "--function",
        "analytics",
        "--timeout",
        "3s",
        "-q",
    ]);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let status = env.run(&["status", "-o", "json"]).json();
    let wedged = status["wedged"].as_array().unwrap();
    assert_eq!(wedged.len(), 1, "{status}");
    assert_eq!(wedged[0]["function"], "analytics");
    assert_eq!(wedged[0]["recordsBehind"], 1);
    let text = env.run(&["status"]).stdout;
    assert!(text.contains("WEDGED: analytics is wedged"), "{text}");
    let doctor = env.run(&["doctor", "-o", "json"]).code(1).json();
    let finding = doctor["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "wedged_consumer")
        .unwrap_or_else(|| panic!("no wedged_consumer finding: {doctor}"));
    assert_eq!(finding["function"], "analytics");
    assert_eq!(finding["severity"], "error");

    // Fixed: it catches up and is no longer named.
    env.run(&["faults", "clear"]).success();
    env.run(&["consume", "--function", "analytics", "-q"])
        .success();
    let status = env.run(&["status", "-o", "json"]).json();
    assert_eq!(status["wedged"], serde_json::json!([]), "{status}");
}
