//! Issue 13, Deliver 2: property tests over every parser and handler — flags, order files,
//! fixtures (Lambda events), dead-letter bodies, filter patterns, stream images, and the three
//! functions over arbitrary records. Arbitrary input never panics; it is accepted, refused
//! with an error (exit 2), or dead-lettered with a reason.
//!
//! `ORDERCTL_FUZZ_CASES` sets the cases per property (default 256, so `scripts/test` stays
//! quick); `ORDERCTL_FUZZ_SEED` changes the otherwise fixed seed, e.g.
//! `ORDERCTL_FUZZ_CASES=100000 ORDERCTL_FUZZ_SEED=$RANDOM cargo test --test integration fuzz`.

mod inputs;

use clap::Parser;
use orderctl::functions::Function;
use orders_core::batch::Outcome;
use orders_core::dlq::DlqBody;
use orders_core::event::OrderChange;
use orders_core::limits::{self, MAX_STOCK};
use orders_core::recorder::Recorder;
use orders_core::validate;
use orders_core::{Event, Order};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use crate::support::{Env, aws::block};

fn env_u64(key: &str, default: u64) -> u64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Cases per property, `divisor` times fewer for properties that run the binary.
fn runner(divisor: u32) -> TestRunner {
    let cases = u32::try_from(env_u64("ORDERCTL_FUZZ_CASES", 256)).unwrap_or(u32::MAX);
    TestRunner::new(Config {
        cases: (cases / divisor).max(4),
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(env_u64("ORDERCTL_FUZZ_SEED", 13)),
        ..Config::default()
    })
}

fn check<S: Strategy>(
    divisor: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    if let Err(e) = runner(divisor).run(&strategy, test) {
        panic!("{e}");
    }
}

#[test]
fn fuzz_the_three_functions_dead_letter_what_they_cannot_handle() {
    let levels = prop::sample::select(vec![0, 1, 5, 300, MAX_STOCK - 1, MAX_STOCK, i64::MAX]);
    check(
        1,
        (prop::collection::vec(inputs::record(), 1..6), levels),
        |(records, level)| {
            let deps = Recorder::with_stock(
                ["SKU-MUG", "SKU-PAD", "SKU-TEE"].map(|p| (p.to_owned(), level)),
            );
            let event = Event { records };
            for f in Function::ALL {
                let before = deps.effects().dlq.len();
                let report = block(f.run(&event, &deps, "orders@example.com", 1));
                prop_assert_eq!(report.records.len(), event.records.len());
                let permanent = report
                    .records
                    .iter()
                    .filter(|r| r.outcome == Outcome::PermanentFailure)
                    .count();
                for r in &report.records {
                    prop_assert!(
                        r.outcome != Outcome::TransientFailure,
                        "{}: nothing here is transient: {:?}",
                        f.name(),
                        r
                    );
                }
                let letters = deps.effects().dlq;
                prop_assert_eq!(letters.len() - before, permanent, "{}", f.name());
                for body in &letters[before..] {
                    match DlqBody::parse(body) {
                        DlqBody::Envelope(e) => prop_assert!(!e.error.is_empty()),
                        other => prop_assert!(false, "not an envelope: {:?}", other),
                    }
                }
            }
            for p in ["SKU-MUG", "SKU-PAD", "SKU-TEE"] {
                let now = deps.level(p).unwrap_or(0);
                prop_assert!(now >= 0, "{p}: {now}");
                prop_assert!(now <= level.max(MAX_STOCK), "{p}: {now} past the limit");
            }
            Ok(())
        },
    );
}

#[test]
fn fuzz_stream_images_decode_within_the_limits_or_not_at_all() {
    check(1, inputs::record(), |record| {
        if let Ok(change) = OrderChange::from_record(&record) {
            let orders = match change {
                OrderChange::Created(o) => vec![o],
                OrderChange::Updated { old, new } => vec![old, new],
                OrderChange::Removed { old, .. } => vec![old],
            };
            for o in orders {
                prop_assert_eq!(validate::check_stored(&o), Ok(()));
                // A batch of 10,000 such orders still sums.
                prop_assert!(o.total_price.checked_mul(10_000.into()).is_some());
            }
        }
        Ok(())
    });
}

#[test]
fn fuzz_order_files_validate_to_orders_the_functions_accept() {
    let file = prop::collection::vec(inputs::order_json(), 1..4)
        .prop_map(|v| {
            v.iter()
                .map(|o| o.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .prop_flat_map(inputs::damaged);
    check(1, file, |text| {
        let Ok((_, values)) = orderctl::input::json_values("orders.jsonl", &text) else {
            return Ok(());
        };
        for (_, value) in values {
            let Ok(new) = validate::order_from_json(&value) else {
                continue;
            };
            let order = new.into_order("o-1".into(), "2026-01-01T00:00:00.000Z".into());
            prop_assert!(order.total_price <= limits::max_total());
            prop_assert_eq!(validate::check_stored(&order), Ok(()));
            let back = Order::from_item(&order.to_item());
            prop_assert_eq!(back.as_ref(), Ok(&order));
        }
        Ok(())
    });
}

#[test]
fn fuzz_create_file_exits_0_or_2_with_one_line() {
    let env = Env::new();
    env.run(&["init"]).success();
    let file = prop::collection::vec(inputs::order_json(), 1..3)
        .prop_map(|v| {
            v.iter()
                .map(|o| o.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .prop_flat_map(inputs::damaged);
    check(16, file, |text| {
        let out = env.run_stdin(&["create", "--file", "-", "-o", "json"], Some(&text));
        prop_assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        match out.code {
            0 => {}
            2 => prop_assert_eq!(out.stderr.trim_end().lines().count(), 1, "{}", out.stderr),
            code => prop_assert!(false, "exit {code}: {}", out.stderr),
        }
        Ok(())
    });
}

#[test]
fn fuzz_flags_parse_or_fail_with_a_usage_error() {
    let words = inputs::cli_words();
    check(1, inputs::argv(words), |argv| {
        let args = std::iter::once("orderctl".to_owned()).chain(argv);
        if let Err(e) = orderctl::cli::Cli::try_parse_from(args) {
            // Usage errors exit 2; --help and --version print and exit 0.
            prop_assert!(matches!(e.exit_code(), 0 | 2), "{e}");
        }
        Ok(())
    });
}

#[test]
fn fuzz_item_and_stock_flags_exit_0_or_2() {
    let env = Env::new();
    env.run(&["init", "--demo-stock"]).success();
    let spec = (inputs::number_text(), inputs::number_text())
        .prop_map(|(q, p)| (format!("SKU-MUG:{q}:{p}"), q));
    check(16, spec, |(item, stock)| {
        for args in [
            vec![
                "create",
                "--customer",
                "c-1",
                "--email",
                "ann@example.com",
                "--item",
                &item,
            ],
            vec!["inventory", "set", "SKU-PAD", "--", &stock],
        ] {
            let out = env.run(&args);
            prop_assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
            prop_assert!(
                matches!(out.code, 0 | 2),
                "{args:?}: exit {}: {}",
                out.code,
                out.stderr
            );
        }
        Ok(())
    });
}

#[test]
fn fuzz_fixtures_parse_to_records_or_name_the_bad_one() {
    let event = prop::collection::vec(inputs::record(), 1..4)
        .prop_map(|records| serde_json::to_string(&Event { records }).unwrap_or_default());
    let text = prop_oneof![
        3 => event.prop_flat_map(inputs::damaged),
        1 => inputs::json().prop_map(|v| v.to_string()),
    ];
    check(1, text, |text| {
        if let Ok(records) = orderctl::cmd::invoke::parse_records("event.json", &text) {
            let deps = Recorder::default();
            let event = Event { records };
            for f in Function::ALL {
                block(f.run(&event, &deps, "orders@example.com", 1));
            }
        }
        Ok(())
    });
}

#[test]
fn fuzz_dead_letter_bodies_are_classified_never_a_panic() {
    let envelope = inputs::record().prop_map(|record| {
        serde_json::json!({
            "record": record, "error": "x", "function": "inventory", "attempt": 1,
            "failedAt": "2026-01-01T00:00:00.000Z"
        })
        .to_string()
    });
    let body = prop_oneof![
        2 => envelope.prop_flat_map(inputs::damaged),
        2 => inputs::json().prop_map(|v| v.to_string()),
        1 => any::<String>(),
    ];
    check(1, body, |body| {
        let parsed = DlqBody::parse(&body);
        let _ = format!("{parsed:?}");
        Ok(())
    });
}

#[test]
fn fuzz_filter_patterns_parse_match_and_explain() {
    let profiles = [
        orderctl::filter::Profile::Lambda,
        orderctl::filter::Profile::EventBridge,
    ];
    check(
        1,
        (inputs::pattern(), inputs::record()),
        |(text, record)| {
            let value = serde_json::to_value(&record).unwrap_or_default();
            for profile in profiles {
                if let Ok(p) = orderctl::filter::Pattern::parse(&text, profile) {
                    let _ = (p.matches(&value), p.explain(&value), p.warnings().len());
                    let set = orderctl::filter::FilterSet::new(vec![p]);
                    let _ = (set.matches(&value), set.reads_dynamodb());
                }
            }
            Ok(())
        },
    );
}
