//! Issue 8 on the local target: `lag` reads what `consume` recorded (and pages through its exit
//! code), `status` shows the pipeline on one screen, `doctor` lints orderctl.toml.

use orderctl::esm::stats::NAMESPACE;
use orderctl::esm::telemetry::Point;

use crate::support::{Env, for_function};

fn age(function: &str, value: i64, ago_ms: i64) -> Point {
    Point {
        function: function.into(),
        name: "IteratorAge",
        value,
        unit: "Milliseconds",
        ts_ms: orders_core::clock::now_ms() - ago_ms,
    }
}

#[test]
fn lag_shows_what_consume_recorded_and_a_function_never_run_as_stalled() {
    let env = Env::new();
    env.run(&["create", "--count", "30", "--seed", "3"])
        .success();
    env.run(&["consume", "--function", "analytics"]).success();
    let recorded = env
        .run(&[
            "metrics",
            "--namespace",
            NAMESPACE,
            "--name",
            "IteratorAge",
            "-o",
            "json",
        ])
        .success()
        .json();
    let max_recorded = recorded
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["dimensions"]["FunctionName"] == "analytics")
        .map(|p| p["value"].as_f64().unwrap())
        .reduce(f64::max)
        .expect("consume records IteratorAge");
    let report = env.run(&["lag", "-o", "json"]).code(1).json();
    let analytics = for_function(&report, "consumers", "analytics");
    assert_eq!(analytics["maxMs"].as_f64(), Some(max_recorded));
    assert_eq!(analytics["status"], "OK");
    assert_eq!(
        analytics["latestMs"].as_f64(),
        Some(0.0),
        "caught up: its position says 0"
    );
    assert!(!analytics["datapoints"].as_array().unwrap().is_empty());
    // Never run, 30 records waiting (issue 13, finding 4): not NO DATA, not OK.
    let never = for_function(&report, "consumers", "inventory");
    assert_eq!(never["status"], "STALLED", "{never}");
    assert_eq!(never["recordsBehind"], 30);
    assert!(never["latestMs"].as_f64().is_some(), "{never}");
    assert!(never["datapoints"].as_array().unwrap().is_empty());
    let table = env.run(&["lag"]).code(1).stdout;
    let line = table.lines().find(|l| l.starts_with("inventory")).unwrap();
    assert!(line.contains("STALLED"), "{line}");
}

/// Issue 13, finding 4: with nothing consuming and records behind, `status` and `lag` showed
/// the last age recorded (1.5 s, OK). The age now comes from the consumer's position: it grows
/// while the consumer is stopped, and a consumer behind with no progress is STALLED.
#[test]
fn a_stopped_consumer_is_stalled_and_its_age_grows() {
    let env = Env::new();
    env.run(&["create", "--count", "3"]).success();
    env.run(&["consume", "--function", "notification"])
        .success();
    env.run(&["create", "--count", "103"]).success();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let status = env
        .run(&["status", "--threshold", "1s", "-o", "json"])
        .success()
        .json();
    let notification = for_function(&status, "lag", "notification");
    assert_eq!(notification["status"], "STALLED", "{notification}");
    let first = notification["latestMs"].as_f64().unwrap();
    assert!(first >= 1000.0, "{notification}");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let lag = env
        .run(&[
            "lag",
            "--function",
            "notification",
            "--threshold",
            "1s",
            "-o",
            "json",
        ])
        .code(1)
        .json();
    let later = &lag["consumers"][0];
    assert_eq!(later["recordsBehind"], 103);
    assert!(later["latestMs"].as_f64().unwrap() > first, "{later}");
    // Caught up again: 0 and OK.
    env.run(&["consume", "--function", "notification"])
        .success();
    let lag = env
        .run(&[
            "lag",
            "--function",
            "notification",
            "--threshold",
            "1s",
            "-o",
            "json",
        ])
        .success()
        .json();
    assert_eq!(lag["consumers"][0]["latestMs"].as_f64(), Some(0.0));
    assert_eq!(lag["consumers"][0]["status"], "OK");
}

#[test]
fn lag_exits_1_when_a_latest_value_passes_the_threshold() {
    let env = Env::new();
    let target = env.target();
    // A consumer that fell 90 s behind a minute ago and is 5 s behind now.
    target
        .write_consumer_metrics(
            NAMESPACE,
            &[age("inventory", 90_000, 70_000), age("inventory", 5_000, 0)],
        )
        .unwrap();
    let ok = env
        .run(&[
            "lag",
            "--function",
            "inventory",
            "--threshold",
            "60s",
            "-o",
            "json",
        ])
        .success()
        .json();
    let inventory = &ok["consumers"][0];
    assert_eq!(
        (inventory["latestMs"].as_f64(), inventory["maxMs"].as_f64()),
        (Some(5000.0), Some(90000.0))
    );
    assert_eq!(
        inventory["status"], "OK",
        "the latest value decides, not the window's maximum"
    );
    assert_eq!(
        ok["consumers"].as_array().unwrap().len(),
        1,
        "--function selects"
    );
    let over = env
        .run(&[
            "lag",
            "--function",
            "inventory",
            "--threshold",
            "4s",
            "-o",
            "json",
        ])
        .code(1)
        .json();
    assert_eq!(over["consumers"][0]["status"], "OVER");
    // The alias, and a sparkline with one character per period and a bar for each datapoint.
    let table = env
        .run(&[
            "iterator-age",
            "--function",
            "inventory",
            "--since",
            "10m",
            "--threshold",
            "4s",
        ])
        .code(1)
        .stdout;
    let line = table.lines().find(|l| l.starts_with("inventory")).unwrap();
    assert!(line.contains("OVER"), "{line}");
    let bars = line.chars().filter(|c| ('▁'..='█').contains(c)).count();
    let series = env
        .run(&[
            "iterator-age",
            "--function",
            "inventory",
            "--since",
            "10m",
            "--threshold",
            "4s",
            "-o",
            "json",
        ])
        .code(1)
        .json();
    let points = series["consumers"][0]["datapoints"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(points, 2, "{series}");
    assert_eq!(bars, points, "one bar per datapoint, '·' elsewhere: {line}");
    assert!(
        line.contains('█'),
        "the 90 s datapoint is the window's top: {line}"
    );
    assert!(
        line.contains('·'),
        "periods without data are not bars: {line}"
    );
    env.run(&["lag", "--period", "500ms"])
        .input_error("--period");
}

#[test]
fn status_shows_stream_subscriptions_backlog_dlq_and_items() {
    let env = Env::new();
    env.config("[local]\nshards = 2\n[functions.notification]\nstarting_position = \"latest\"\n");
    env.run(&["create", "--count", "12", "--seed", "4"])
        .success();
    // No stock: every order fails inventory permanently and is dead-lettered.
    env.run(&["consume", "--function", "inventory"]).code(1);
    let status = env.run(&["status", "-o", "json"]).success().json();
    assert_eq!(status["target"], "local");
    assert_eq!(status["stream"]["status"], "ENABLED");
    assert_eq!(status["stream"]["viewType"], "NEW_AND_OLD_IMAGES");
    assert_eq!(status["stream"]["openShards"], 2);
    assert_eq!(status["items"]["orders"], 12);
    assert_eq!(status["items"]["approximate"], false);
    let inventory = for_function(&status, "subscriptions", "inventory");
    assert_eq!(inventory["recordsBehind"], 0);
    assert_eq!(inventory["destination"], "orders-dlq");
    assert_eq!(inventory["reportBatchItemFailures"], true);
    assert_eq!(
        for_function(&status, "subscriptions", "analytics")["recordsBehind"],
        12
    );
    assert!(
        for_function(&status, "subscriptions", "notification")["recordsBehind"].is_null(),
        "a LATEST consumer that never ran is not 12 behind"
    );
    let dlq = &status["dlq"];
    assert_eq!(
        dlq["depth"], 12,
        "every order failed inventory for good: {dlq}"
    );
    assert!(dlq["oldestAgeSeconds"].is_i64());
    assert_eq!(for_function(&status, "lag", "inventory")["status"], "OK");
    assert_eq!(
        for_function(&status, "lag", "analytics")["status"],
        "STALLED",
        "never run, 12 records waiting"
    );
    assert_eq!(
        for_function(&status, "lag", "notification")["status"],
        "NO DATA",
        "a LATEST consumer that never ran has no position"
    );
    let screen = env.run(&["status"]).success().stdout;
    for part in [
        "stream",
        "dlq",
        "items",
        "SUBSCRIPTION",
        "ITERATOR AGE",
        "NEW_AND_OLD_IMAGES",
    ] {
        assert!(screen.contains(part), "{part} missing:\n{screen}");
    }
}

#[test]
fn doctor_passes_the_defaults_and_fails_a_config_that_loses_records() {
    let env = Env::new();
    let clean = env.run(&["doctor", "-o", "json"]).success().json();
    let findings = clean["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["severity"] == "warning"),
        "{clean}"
    );
    assert_eq!(clean["subscriptions"], 3);
    env.config(
        "[functions.inventory]\non_failure = \"\"\nmaximum_retry_attempts = -1\nmaximum_record_age_seconds = -1\n\
         [functions.analytics]\nreport_batch_item_failures = false\n",
    );
    let out = env.run(&["doctor", "-o", "json"]).code(1).json();
    let rules: Vec<(String, String)> = out["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["function"].as_str().unwrap().to_owned(),
                f["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for (function, rule) in [
        ("inventory", "no_on_failure_destination"),
        ("inventory", "unbounded_retries"),
        ("analytics", "no_report_batch_item_failures"),
    ] {
        assert!(
            rules.contains(&(function.into(), rule.into())),
            "{rule} on {function}: {rules:?}"
        );
    }
    let text = env.run(&["doctor"]).code(1).stdout;
    assert!(
        text.contains("error[unbounded_retries] inventory"),
        "{text}"
    );
    assert!(text.contains("  fix: "), "{text}");
}
