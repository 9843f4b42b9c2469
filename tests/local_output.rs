//! The output contract (docs/output.md, issue 13): every command's `-o json` keys are camelCase
//! outside the AWS-shaped subtrees, integers that can pass 2^53 are strings, functions are
//! named one way, every command's key set matches tests/snapshots/json-keys.txt, and `orders
//! list` hands its orders over a page at a time.

use std::collections::{BTreeMap, BTreeSet};

use clap::CommandFactory;
use orderctl::backend::{OrderQuery, OrderStore, TargetError};
use serde_json::Value;

use crate::support::aws::block;
use crate::support::{Env, Output, fixture};
use snapbox::{assert_data_eq, file};

/// Keys whose subtree is not ours to name: AWS's shapes (a stream record's `dynamodb`, an
/// on-failure record's `DDBStreamBatchInfo`) and maps keyed by data (CloudWatch dimension
/// names, `dlq stats` counts by function and by format).
const OPAQUE: &[&str] = &[
    "dynamodb",
    "DDBStreamBatchInfo",
    "dimensions",
    "byFunction",
    "byFormat",
];

/// Keys whose values can pass 2^53 and so must be JSON strings.
const BIG_INTEGERS: &[&str] = &[
    "stock",
    "before",
    "after",
    "sequenceNumber",
    "SequenceNumber",
    "startSequenceNumber",
    "endSequenceNumber",
];

/// Commands that print no JSON document, and why.
const NO_JSON: &[(&str, &str)] = &[
    ("completions", "prints a shell script"),
    ("man", "prints a roff man page"),
    ("demo", "a walkthrough for people, in a data dir of its own"),
    (
        "build",
        "compiles with cargo-lambda for minutes; tests/build.rs checks its -o json",
    ),
    (
        "deploy",
        "needs --target aws (tests/aws_deploy.rs checks its -o json); --template prints CloudFormation's PascalCase document",
    ),
    (
        "destroy",
        "needs --target aws (tests/aws_deploy.rs checks its -o json)",
    ),
];

/// `lowerCamelCase`: a lowercase ASCII letter, then letters and digits (AWS's own
/// `eventID`/`eventSourceARN` qualify).
fn is_camel_case(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Every breach of the contract in `value`, as `path: what`.
fn breaches(path: &str, value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, v) in fields {
                let here = format!("{path}.{key}");
                if OPAQUE.contains(&key.as_str()) {
                    if key == "byFunction" {
                        for name in v.as_object().into_iter().flat_map(|m| m.keys()) {
                            if !["notification", "analytics", "inventory", "-"]
                                .contains(&name.as_str())
                            {
                                out.push(format!(
                                    "{here}: function {name:?} is not a bundled name"
                                ));
                            }
                        }
                    }
                    continue;
                }
                if !is_camel_case(key) {
                    out.push(format!("{here}: key is not camelCase"));
                }
                if BIG_INTEGERS.contains(&key.as_str()) && v.is_number() {
                    out.push(format!("{here}: {v} is a number, not a string"));
                }
                if key == "function" && v.as_str().is_some_and(|f| f.starts_with("orders-")) {
                    out.push(format!("{here}: {v} is a Lambda name, not the function's"));
                }
                breaches(&here, v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                breaches(&format!("{path}[{i}]"), v, out);
            }
        }
        Value::Number(n) => {
            let big = n.as_u64().is_some_and(|u| u >= 1 << 53)
                || n.as_i64().is_some_and(|i| i <= -(1 << 53));
            if big {
                out.push(format!("{path}: {n} is a number past 2^53"));
            }
        }
        _ => {}
    }
}

/// Every key path in `value` (`$.functions[].ok`), arrays collapsed; opaque subtrees are named
/// but not entered, as their keys are AWS's or the data's.
fn key_paths(path: &str, value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(fields) => {
            for (key, v) in fields {
                let here = format!("{path}.{key}");
                out.insert(here.clone());
                if !OPAQUE.contains(&key.as_str()) {
                    key_paths(&here, v, out);
                }
            }
        }
        Value::Array(items) => {
            for v in items {
                key_paths(&format!("{path}[]"), v, out);
            }
        }
        _ => {}
    }
}

#[track_caller]
fn assert_contract(args: &[&str], value: &Value) {
    let mut found = Vec::new();
    breaches("$", value, &mut found);
    assert!(
        found.is_empty(),
        "orderctl {}: output breaks docs/output.md:\n  {}",
        args.join(" "),
        found.join("\n  ")
    );
}

/// Runs commands with `-o json` (or `-o jsonl`), checks each document against the contract and
/// notes which subcommands were covered.
struct Checker {
    env: Env,
    covered: BTreeSet<String>,
    /// The key paths each subcommand printed, over all its runs.
    keys: BTreeMap<String, BTreeSet<String>>,
}

impl Checker {
    /// `args -o json`, exiting `code`; the document, checked.
    #[track_caller]
    fn json(&mut self, args: &[&str], code: i32) -> Value {
        let out = self.run(args, "json", code);
        let value = out.json();
        assert_contract(args, &value);
        self.note_keys(args, &value);
        value
    }

    fn note_keys(&mut self, args: &[&str], value: &Value) {
        let keys = self.keys.entry(subcommand_path(args)).or_default();
        key_paths("$", value, keys);
    }

    /// The key sets as one text: a subcommand per paragraph, a key path per line.
    fn key_sets(&self) -> String {
        self.keys
            .iter()
            .map(|(command, keys)| {
                let lines: Vec<&str> = keys.iter().map(String::as_str).collect();
                let lines = if lines.is_empty() {
                    "(no keys: empty arrays only)".to_owned()
                } else {
                    lines.join("\n  ")
                };
                format!("orderctl {command} -o json\n  {lines}\n")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `args -o jsonl`, exiting 0; every line, checked.
    #[track_caller]
    fn jsonl(&mut self, args: &[&str]) -> Vec<Value> {
        let lines = self.run(args, "jsonl", 0).jsonl();
        for line in &lines {
            assert_contract(args, line);
            self.note_keys(args, line);
        }
        lines
    }

    #[track_caller]
    fn run(&mut self, args: &[&str], format: &str, code: i32) -> Output {
        self.covered.insert(subcommand_path(args));
        let mut full = args.to_vec();
        full.extend(["-o", format]);
        self.env.run(&full).code(code)
    }
}

/// The subcommand `args` name (`dlq replay`), from the clap tree.
fn subcommand_path(args: &[&str]) -> String {
    let mut command = orderctl::cli::Cli::command();
    let mut path = Vec::new();
    for arg in args {
        match command.find_subcommand(arg) {
            Some(sub) => {
                path.push(sub.get_name().to_owned());
                command = sub.clone();
            }
            None => break,
        }
    }
    path.join(" ")
}

/// Every runnable subcommand (`orders list`, `lag`), from the clap tree.
fn every_subcommand() -> BTreeSet<String> {
    fn walk(prefix: &str, command: &clap::Command, out: &mut BTreeSet<String>) {
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            let path = format!("{prefix}{name}");
            if sub.has_subcommands() {
                walk(&format!("{path} "), sub, out);
            } else {
                out.insert(path);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk("", &orderctl::cli::Cli::command(), &mut out);
    out
}

/// Set a product's stock as another producer could (the AWS Inventory table is anyone's to
/// write): straight into the local table, past orderctl's own limit.
fn set_stock_behind_orderctls_back(env: &Env, sku: &str, stock: i64) {
    let db = rusqlite::Connection::open(env.data_dir().join(orderctl::settings::DB_FILE)).unwrap();
    db.execute(
        "UPDATE inventory SET stock = ?2 WHERE product_id = ?1",
        rusqlite::params![sku, stock],
    )
    .unwrap();
}

/// Issue 13, "Output contract": every data-producing command, run on the local target with
/// `-o json`, keeps to docs/output.md.
#[test]
fn every_commands_json_keeps_to_the_output_contract() {
    let mut c = Checker {
        env: Env::new(),
        covered: BTreeSet::new(),
        keys: BTreeMap::new(),
    };
    c.json(&["init", "--demo-stock"], 0);
    let order = c.json(
        &[
            "create",
            "--customer",
            "c-1",
            "--email",
            "ann@example.com",
            "--item",
            "SKU-MUG:2:12.50",
        ],
        0,
    );
    let created = c.json(&["create", "--file", &fixture("orders/orders.json")], 0);
    let ids: Vec<String> = created
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["orderId"].as_str().unwrap().to_owned())
        .collect();
    c.json(&["create", "--count", "3"], 0);

    let id = order["orderId"].as_str().unwrap();
    c.json(&["orders", "get", id], 0);
    c.json(&["orders", "list", "--all"], 0);
    assert_eq!(c.jsonl(&["orders", "list", "--all"]).len(), 7);
    c.json(&["orders", "set-status", &ids[0], "CONFIRMED"], 0);
    c.json(&["orders", "cancel", &ids[0]], 0);
    c.json(&["orders", "delete", &ids[1]], 0);

    c.json(&["inventory", "list"], 0);
    let set = c.json(&["inventory", "set", "SKU-LAMP", "40"], 0);
    assert_eq!(set["stock"], "40");
    // Past 2^53 a JSON number is rounded by jq and JavaScript; the string is exact.
    set_stock_behind_orderctls_back(&c.env, "SKU-LAMP", (1 << 53) + 1);
    let got = c.json(&["inventory", "get", "SKU-LAMP"], 0);
    assert_eq!(got["stock"], "9007199254740993");

    c.json(
        &[
            "tail",
            "--from",
            "trim-horizon",
            "--until-idle",
            "--idle",
            "300ms",
        ],
        0,
    );
    c.jsonl(&[
        "tail",
        "--from",
        "trim-horizon",
        "--until-idle",
        "--idle",
        "300ms",
    ]);

    let event = fixture("events/order-created.json");
    c.json(
        &[
            "filter",
            "test",
            "--pattern",
            r#"{"eventName":["INSERT"]}"#,
            "--event",
            &event,
        ],
        0,
    );
    c.json(&["functions", "list"], 0);
    c.json(&["invoke", "notification", "--event", &event], 0);
    c.json(&["invoke", "analytics", "--event", &event], 0);
    let inv = c.json(&["invoke", "inventory", "--event", &event], 0);
    assert!(inv["effects"]["stock"][0]["before"].is_string(), "{inv}");

    // Failures: an envelope (the inventory function's) and an on-failure record (Lambda's,
    // naming the function by its Lambda name, orders-notification).
    c.json(&["faults", "set", "mailer", "--always"], 0);
    c.json(&["faults", "list"], 0);
    c.json(&["inventory", "set", "SKU-MUG", "0"], 0);
    c.env
        .config("[functions.notification]\nmaximum_retry_attempts = 0\n");
    let consumed = c.json(&["consume", "--until-idle", "--idle", "300ms"], 1);
    assert!(
        consumed["functions"][0].get("iteratorAgeMs").is_some(),
        "{consumed}"
    );
    // The first order's story: dead-lettered by inventory (no stock), its mail failing.
    let story = c.json(&["trace", id], 1);
    assert!(
        story["facts"].is_array() && story["deadLetters"]["looked"].is_number(),
        "{story}"
    );
    c.json(&["faults", "clear"], 0);
    c.json(
        &[
            "dlq",
            "send",
            "--body",
            &format!("@{}", fixture("dlq/envelope.json")),
        ],
        0,
    );
    let listed = c.json(&["dlq", "list"], 0);
    let formats: BTreeSet<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["format"].as_str().unwrap())
        .collect();
    assert_eq!(
        formats,
        BTreeSet::from(["envelope", "on-failure"]),
        "{listed}"
    );
    // Each of them, whichever the list shows first: the key set is the union of both shapes.
    for message in listed.as_array().unwrap() {
        c.json(&["dlq", "show", message["messageId"].as_str().unwrap()], 0);
    }
    let stats = c.json(&["dlq", "stats"], 0);
    assert!(stats["byFunction"].get("notification").is_some(), "{stats}");
    c.json(&["dlq", "replay", "--dry-run"], 1); // stale messages are kept: exit 1

    c.json(&["lag"], 0);
    c.json(&["status"], 0);
    c.json(&["doctor"], 0);
    c.json(&["outbox"], 0);
    c.json(&["metrics"], 0);
    c.json(&["dlq", "replay", "--yes"], 1);
    c.json(&["dlq", "purge", "--yes"], 0);

    let exempt: BTreeSet<String> = NO_JSON.iter().map(|(c, _)| (*c).to_owned()).collect();
    let all = every_subcommand();
    let missing: Vec<&String> = all
        .difference(&c.covered)
        .filter(|s| !exempt.contains(*s))
        .collect();
    assert!(
        missing.is_empty(),
        "not checked against docs/output.md: {missing:?} (add them here, or to NO_JSON with why)"
    );
    // The README promises stable `-o json`: a key renamed, dropped or added shows here as a
    // diff to review (refresh with `SNAPSHOTS=overwrite cargo test --test integration
    // local_output`; scripts/test never rewrites it).
    assert_data_eq!(c.key_sets(), file!["snapshots/json-keys.txt"].raw());
}

/// The contract check itself: it catches what it is there to catch.
#[test]
fn the_contract_check_catches_snake_case_big_numbers_and_lambda_names() {
    let bad = serde_json::json!({
        "inFlight": 1,
        "in_flight": 1,
        "stock": 5,
        "function": "orders-notification",
        "count": 9007199254740993u64,
        "record": {"dynamodb": {"SequenceNumber": "1", "NewImage": {"snake_key": {"S": "x"}}}},
        "byFunction": {"orders-inventory": 1},
    });
    let mut found = Vec::new();
    breaches("$", &bad, &mut found);
    assert_eq!(
        found,
        [
            "$.byFunction: function \"orders-inventory\" is not a bundled name",
            "$.count: 9007199254740993 is a number past 2^53",
            "$.function: \"orders-notification\" is a Lambda name, not the function's",
            "$.in_flight: key is not camelCase",
            "$.stock: 5 is a number, not a string",
        ]
    );
}

/// Issue 13: `orders list --all` printed nothing until it had read every order. The target
/// now hands orders over a page at a time, and the command prints each page as it comes.
#[test]
fn orders_arrive_a_page_at_a_time() {
    let env = Env::new();
    env.run(&["init", "-q"]).success();
    env.run(&["create", "--count", "2500", "-q"]).success();
    let target = env.target();
    let mut pages = Vec::new();
    let query = OrderQuery::default();
    let more = block(target.list_orders(&query, |page| {
        pages.push(page.len());
        Ok::<_, TargetError>(())
    }))
    .unwrap();
    assert!(!more);
    assert!(pages.len() > 1, "one page of {pages:?}");
    assert_eq!(pages.iter().sum::<usize>(), 2500);

    let limited = OrderQuery {
        limit: Some(1200),
        ..OrderQuery::default()
    };
    let mut seen = 0;
    let more = block(target.list_orders(&limited, |page| {
        seen += page.len();
        Ok::<_, TargetError>(())
    }))
    .unwrap();
    assert_eq!((seen, more), (1200, true));

    // What is printed is what `Printer::list` printed: one pretty JSON array, a line per
    // order, an aligned table.
    let json = env
        .run(&["orders", "list", "--all", "-o", "json"])
        .success();
    let array = json.json();
    assert_eq!(array.as_array().unwrap().len(), 2500);
    let text = &json.stdout;
    assert!(
        text.starts_with("[\n  {\n    \"orderId\": "),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with("\n  }\n]\n"));
    assert_eq!(text.matches("\n  },\n  {\n").count(), 2499);
    let lines = env
        .run(&["orders", "list", "--all", "-o", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(lines, *array.as_array().unwrap());
    let table = env.run(&["orders", "list", "--all"]).success().stdout;
    assert_eq!(table.lines().count(), 2501);
    let status_column = table.lines().next().unwrap().find("STATUS").unwrap();
    assert!(
        table
            .lines()
            .skip(1)
            .all(|l| l[status_column..].starts_with("PENDING")),
        "columns stay aligned across pages"
    );
    let empty = Env::new();
    empty.run(&["init", "-q"]).success();
    let none = empty.run(&["orders", "list", "-o", "json"]).success();
    assert_eq!(none.stdout, "[]\n");
}
