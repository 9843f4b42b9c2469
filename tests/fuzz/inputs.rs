//! Generators for the fuzz properties: text a user or another producer could hand orderctl,
//! mostly almost-valid (so the deep paths run) and sometimes anything at all.

use std::borrow::Cow;

use clap::CommandFactory;
use orders_core::attr::{AttributeValue, Item};
use orders_core::{EventName, EventRecord, Identity, SequenceNumber, StreamRecord};
use proptest::prelude::*;
use serde_json::Value;

/// Number text: in bounds, at the bounds, past them, past what rust_decimal or `i64` hold,
/// negative, exponent forms and junk.
pub fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..2000).prop_map(|n| n.to_string()),
        2 => (0u64..100_000_000, 0u32..100).prop_map(|(a, c)| format!("{a}.{c:02}")),
        2 => prop::sample::select(vec![
            "0", "1", "-1", "-0", "0.00", "1000000", "1000001", "2147483648", "4294967295",
            "4294967296", "999999999.99", "1000000000", "999999999999999.99",
            "1000000000000000", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "50000000000000000000000000000",
            "79228162514264337593543950335", "79228162514264337593543950336",
            "999999999999999999999999999.99", "99999999999999999999999999999999999999",
            "1e3", "1E400", "-1e-400", "0.001", "1.", ".5", "NaN", "inf", "", " 1 ", "0x10",
            "1_000",
        ])
        .prop_map(str::to_owned),
        1 => "-?[0-9]{0,45}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{1,3})?",
        1 => any::<String>(),
    ]
}

fn short_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Za-z0-9@._-]{0,12}",
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

/// Any DynamoDB attribute value, nested a little.
pub fn attr() -> impl Strategy<Value = AttributeValue> {
    let leaf = prop_oneof![
        short_text().prop_map(AttributeValue::S),
        number_text().prop_map(AttributeValue::N),
        short_text().prop_map(AttributeValue::B),
        any::<bool>().prop_map(AttributeValue::BOOL),
        any::<bool>().prop_map(AttributeValue::NULL),
        prop::collection::vec(short_text(), 0..3).prop_map(AttributeValue::SS),
        prop::collection::vec(number_text(), 0..3).prop_map(AttributeValue::NS),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(AttributeValue::L),
            prop::collection::btree_map(short_text(), inner, 0..4).prop_map(AttributeValue::M),
        ]
    })
}

/// A field that is usually `good`, sometimes any attribute, sometimes absent.
fn field(
    good: impl Strategy<Value = AttributeValue>,
) -> impl Strategy<Value = Option<AttributeValue>> {
    prop_oneof![
        12 => good.prop_map(Some),
        1 => attr().prop_map(Some),
        1 => Just(None),
    ]
}

fn line() -> impl Strategy<Value = AttributeValue> {
    let product = prop::sample::select(vec!["SKU-MUG", "SKU-PAD", "SKU-TEE", "SKU-NONE"]);
    (
        field(product.prop_map(|p| AttributeValue::S(p.into()))),
        field(number_text().prop_map(AttributeValue::N)),
        field(number_text().prop_map(AttributeValue::N)),
    )
        .prop_map(|(p, q, c)| {
            let mut m = Item::new();
            for (k, v) in [("productId", p), ("quantity", q), ("price", c)] {
                if let Some(v) = v {
                    m.insert(k.into(), v);
                }
            }
            AttributeValue::M(m)
        })
}

/// An order image: the right shape most of the time, with any field possibly wrong.
pub fn order_image() -> impl Strategy<Value = Item> {
    let status = prop::sample::select(vec![
        "PENDING",
        "CONFIRMED",
        "SHIPPED",
        "DELIVERED",
        "CANCELLED",
        "LOST",
        "",
    ]);
    let email = prop::sample::select(vec!["ann@example.com", "bad", "", "a@b"]);
    (
        field("o-[0-9]{1,2}".prop_map(AttributeValue::S)),
        field(short_text().prop_map(AttributeValue::S)),
        field(email.prop_map(|e| AttributeValue::S(e.into()))),
        field(prop::collection::vec(line(), 0..4).prop_map(AttributeValue::L)),
        field(number_text().prop_map(AttributeValue::N)),
        field(status.prop_map(|s| AttributeValue::S(s.into()))),
    )
        .prop_map(|(id, customer, email, items, total, status)| {
            let mut item = Item::new();
            for (k, v) in [
                ("orderId", id),
                ("customerId", customer),
                ("customerEmail", email),
                ("items", items),
                ("totalPrice", total),
                ("status", status),
            ] {
                if let Some(v) = v {
                    item.insert(k.into(), v);
                }
            }
            item
        })
}

/// A stream record of the Orders table, images as another producer might have written them.
pub fn record() -> impl Strategy<Value = EventRecord> {
    let name = prop::sample::select(vec![
        EventName::Insert,
        EventName::Modify,
        EventName::Remove,
    ]);
    (
        "[0-9a-f]{32}",
        name,
        prop::option::weighted(0.9, order_image()),
        prop::option::weighted(0.7, order_image()),
        1u128..u128::MAX,
        any::<bool>(),
    )
        .prop_map(
            |(event_id, event_name, new_image, old_image, seq, ttl)| EventRecord {
                event_id,
                event_name,
                event_version: Cow::Borrowed("1.1"),
                event_source: Cow::Borrowed("aws:dynamodb"),
                aws_region: Cow::Borrowed("us-east-1"),
                user_identity: ttl.then(Identity::ttl),
                dynamodb: StreamRecord {
                    approximate_creation_date_time: Some(1.7e9),
                    keys: Item::new(),
                    new_image,
                    old_image,
                    sequence_number: SequenceNumber::from_u128(seq),
                    size_bytes: Some(100),
                    stream_view_type: Some(Cow::Borrowed("NEW_AND_OLD_IMAGES")),
                },
                event_source_arn: None,
            },
        )
}

/// Any JSON value, with numbers as exact text (arbitrary_precision) of any size.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number_text().prop_map(|n| serde_json::from_str(&n).unwrap_or(Value::String(n))),
        short_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "orderId",
                    "customerId",
                    "customerEmail",
                    "items",
                    "productId",
                    "quantity",
                    "price",
                    "Records",
                    "dynamodb",
                    "NewImage",
                    "eventName",
                    "x",
                ])
                .prop_map(str::to_owned),
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An order-file entry: usually the documented shape with odd numbers, else any JSON.
pub fn order_json() -> impl Strategy<Value = Value> {
    let line = (number_text(), number_text(), any::<bool>()).prop_map(|(q, p, quoted)| {
        let num = |t: &str| serde_json::from_str(t).unwrap_or(Value::String(t.into()));
        let price = if quoted { Value::String(p) } else { num(&p) };
        serde_json::json!({"productId": "SKU-MUG", "quantity": num(&q), "price": price})
    });
    prop_oneof![
        4 => prop::collection::vec(line, 0..4).prop_map(|items| serde_json::json!({
            "customerId": "c-1", "customerEmail": "ann@example.com", "items": items
        })),
        1 => json(),
    ]
}

/// Text that is JSON with a flaw now and then: cut short, a byte-order mark, junk appended.
pub fn damaged(text: String) -> impl Strategy<Value = String> {
    let len = text.len();
    prop_oneof![
        6 => Just(text.clone()),
        1 => (0..=len).prop_map({
            let t = text.clone();
            move |cut| String::from_utf8_lossy(&t.as_bytes()[..cut]).into_owned()
        }),
        1 => Just(format!("\u{feff}{text}")),
        1 => any::<String>().prop_map(move |junk| format!("{text}{junk}")),
    ]
}

/// Every word the command line knows: subcommands, long and short flags, enumerated values.
pub fn cli_words() -> Vec<String> {
    fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
        out.push(cmd.get_name().to_owned());
        for arg in cmd.get_arguments() {
            if let Some(l) = arg.get_long() {
                out.push(format!("--{l}"));
            }
            if let Some(s) = arg.get_short() {
                out.push(format!("-{s}"));
            }
            for v in arg.get_possible_values() {
                out.push(v.get_name().to_owned());
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    let mut words = Vec::new();
    walk(&orderctl::cli::Cli::command(), &mut words);
    words.sort();
    words.dedup();
    words
}

/// A command line: known words mixed with values of every kind.
pub fn argv(words: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    let word = prop_oneof![
        6 => prop::sample::select(words),
        2 => number_text(),
        1 => "SKU-[A-Z]{1,3}:[0-9-]{0,25}:[0-9.e-]{0,32}",
        1 => any::<String>(),
    ];
    prop::collection::vec(word, 0..8)
}

/// A filter pattern: JSON built from the pattern language's words, or any text.
pub fn pattern() -> impl Strategy<Value = String> {
    let op = prop::sample::select(vec![
        "prefix",
        "suffix",
        "numeric",
        "anything-but",
        "exists",
        "equals-ignore-case",
        "wildcard",
        "cidr",
        "S",
        "N",
        "dynamodb",
        "NewImage",
        "eventName",
        "status",
    ]);
    let leaf = prop_oneof![
        json(),
        (op.clone(), json()).prop_map(|(k, v)| serde_json::json!([{ k: v }])),
        prop::collection::vec(
            prop::sample::select(vec![">", ">=", "<", "<=", "=", "x"]).prop_map(Value::from),
            0..4
        )
        .prop_map(|v| serde_json::json!([{"numeric": v}])),
    ];
    let tree = leaf.prop_recursive(3, 16, 3, move |inner| {
        prop::collection::btree_map(op.clone().prop_map(str::to_owned), inner, 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    });
    prop_oneof![
        5 => tree.prop_map(|v| v.to_string()),
        1 => any::<String>(),
    ]
}
