//! Operator, array-consistency, dotted-key and error-path tests beyond the conformance table.

use super::tests::{eventbridge, insert, lambda, lambda_err, rec, record_with};
use super::{FilterSet, Pattern, Profile};
use serde_json::{Value, json};

fn m(pattern: &str, record: &Value) -> bool {
    lambda(pattern).matches(record)
}

fn eb(pattern: &str, record: &Value) -> bool {
    eventbridge(pattern).matches(record)
}

/// `{"v": value}` as a record.
fn v(value: Value) -> Value {
    json!({ "v": value })
}

#[test]
fn equals_scalars() {
    assert!(m(r#"{"v":["a"]}"#, &v(json!("a"))));
    assert!(!m(r#"{"v":["a"]}"#, &v(json!("A"))));
    assert!(m(r#"{"v":[true]}"#, &v(json!(true))));
    assert!(!m(r#"{"v":[true]}"#, &v(json!("true"))));
    assert!(m(r#"{"v":[1.5e2]}"#, &v(json!(150))));
    assert!(!m(r#"{"v":[300]}"#, &v(json!("300"))));
    assert!(!m(r#"{"v":["300"]}"#, &v(json!(300))));
    assert!(m(r#"{"v":["x",300,false]}"#, &v(json!(false))));
}

#[test]
fn null_and_empty_string() {
    assert!(m(r#"{"v":[null]}"#, &v(Value::Null)));
    assert!(!m(r#"{"v":[null]}"#, &v(json!(""))));
    assert!(!m(r#"{"v":[null]}"#, &json!({})));
    assert!(m(r#"{"v":[""]}"#, &v(json!(""))));
    assert!(!m(r#"{"v":[""]}"#, &v(Value::Null)));
}

#[test]
fn dynamodb_values_are_strings() {
    let r = insert();
    assert!(m(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":["59.90"]}}}}"#,
        &r
    ));
    assert!(!m(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":["59.9"]}}}}"#,
        &r
    ));
    assert!(!m(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[59.90]}}}}"#,
        &r
    ));
    assert!(!m(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[{"numeric":[">",1]}]}}}}"#,
        &r
    ));
    assert!(m(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[{"prefix":"59."}]}}}}"#,
        &r
    ));
    assert!(m(
        r#"{"dynamodb":{"SizeBytes":[{"numeric":["<",1000]}]}}"#,
        &r
    ));
    assert!(m(r#"{"dynamodb":{"Keys":{"orderId":{"S":["o-1"]}}}}"#, &r));
    let b = record_with(
        "INSERT",
        json!({"gift": {"BOOL": true}, "note": {"NULL": true}}),
    );
    assert!(m(
        r#"{"dynamodb":{"NewImage":{"gift":{"BOOL":[true]}}}}"#,
        &b
    ));
    assert!(m(
        r#"{"dynamodb":{"NewImage":{"note":{"NULL":[true]}}}}"#,
        &b
    ));
}

#[test]
fn prefix_and_suffix() {
    assert!(m(r#"{"v":[{"prefix":"us-"}]}"#, &v(json!("us-east-1"))));
    assert!(!m(r#"{"v":[{"prefix":"US-"}]}"#, &v(json!("us-east-1"))));
    assert!(m(r#"{"v":[{"prefix":""}]}"#, &v(json!("anything"))));
    assert!(m(r#"{"v":[{"prefix":""}]}"#, &v(json!(""))));
    assert!(!m(r#"{"v":[{"prefix":""}]}"#, &v(json!(5))));
    assert!(!m(r#"{"v":[{"prefix":"1"}]}"#, &v(json!(123))));
    assert!(m(r#"{"v":[{"suffix":".png"}]}"#, &v(json!("a.png"))));
    assert!(!m(r#"{"v":[{"suffix":".png"}]}"#, &v(json!("a.PNG"))));
    assert!(!m(r#"{"v":[{"suffix":".png"}]}"#, &v(Value::Null)));
}

#[test]
fn ignore_case_variants() {
    let p = r#"{"v":[{"prefix":{"equals-ignore-case":"EventB"}}]}"#;
    assert!(m(p, &v(json!("eventbridge"))));
    assert!(!m(p, &v(json!("event"))));
    assert!(eb(p, &v(json!("EVENTBUS"))));
    let s = r#"{"v":[{"suffix":{"equals-ignore-case":".PnG"}}]}"#;
    assert!(m(s, &v(json!("x.png"))));
    assert!(!m(s, &v(json!("png"))));
    let e = r#"{"v":[{"equals-ignore-case":"ÄPFEL"}]}"#;
    assert!(m(e, &v(json!("äpfel"))));
    assert!(!m(e, &v(json!("äpfel!"))));
    assert!(!m(e, &v(json!(1))));
}

#[test]
fn anything_but_forms() {
    let p = r#"{"v":[{"anything-but":"x"}]}"#;
    assert!(m(p, &v(json!("y"))));
    assert!(!m(p, &v(json!("x"))));
    assert!(m(p, &v(Value::Null)));
    assert!(m(p, &v(json!(7))));
    assert!(
        !m(p, &json!({})),
        "a missing field never matches anything-but"
    );
    assert!(!m(p, &v(json!([]))), "an empty array counts as missing");
    assert!(m(p, &v(json!(["x", "z"]))), "any element may match");
    assert!(!m(p, &v(json!(["x"]))));
    let n = r#"{"v":[{"anything-but":[100,200]}]}"#;
    assert!(!m(n, &v(rec("100.0"))));
    assert!(m(n, &v(json!(150))));
    assert!(m(n, &v(json!("100"))), "a string is not the number 100");
    assert!(!m(r#"{"v":[{"anything-but":5}]}"#, &v(json!(5))));
}

#[test]
fn anything_but_eventbridge_objects() {
    let r = |s: &str| v(json!(s));
    assert!(eb(
        r#"{"v":[{"anything-but":{"prefix":"init"}}]}"#,
        &r("post-init")
    ));
    assert!(!eb(
        r#"{"v":[{"anything-but":{"prefix":"init"}}]}"#,
        &r("initial")
    ));
    assert!(eb(
        r#"{"v":[{"anything-but":{"prefix":"init"}}]}"#,
        &v(json!(1))
    ));
    assert!(!eb(
        r#"{"v":[{"anything-but":{"suffix":".tmp"}}]}"#,
        &r("a.tmp")
    ));
    let ic = r#"{"v":[{"anything-but":{"equals-ignore-case":["A","b"]}}]}"#;
    assert!(!eb(ic, &r("B")));
    assert!(eb(ic, &r("c")));
    let w = r#"{"v":[{"anything-but":{"wildcard":"*.tmp"}}]}"#;
    assert!(!eb(w, &r("x.tmp")));
    assert!(eb(w, &r("x.txt")));
    for op in ["prefix", "suffix", "equals-ignore-case", "wildcard"] {
        let p = format!(r#"{{"v":[{{"anything-but":{{"{op}":"x"}}}}]}}"#);
        let e = lambda_err(&p);
        assert_eq!(e.path, format!("$.v[0].anything-but.{op}"));
    }
}

#[test]
fn numeric_operators() {
    let cases = [
        (r#"["=",100]"#, json!(100), true),
        (r#"["=",100]"#, rec("100.0"), true),
        (r#"["=",100]"#, json!(100.5), false),
        (r#"["<",10]"#, json!(9.99), true),
        (r#"["<",10]"#, json!(10), false),
        (r#"["<=",10]"#, json!(10), true),
        (r#"[">",0]"#, json!(0), false),
        (r#"[">=",0]"#, json!(0), true),
        (r#"[">",0,"<=",5]"#, json!(5), true),
        (r#"[">",0,"<=",5]"#, json!(0), false),
        (r#"[">=",0,"<",5]"#, json!(5), false),
        (r#"[">",-1e3,"<",-1]"#, json!(-2), true),
        (r#"[">",100]"#, json!("101"), false),
        (r#"[">",100]"#, Value::Null, false),
        (r#"[">",100]"#, json!([50, 150]), true),
    ];
    for (expr, value, want) in cases {
        let p = format!(r#"{{"v":[{{"numeric":{expr}}}]}}"#);
        assert_eq!(m(&p, &v(value.clone())), want, "{p} vs {value}");
    }
}

#[test]
fn exists_semantics() {
    let t = r#"{"v":[{"exists":true}]}"#;
    let f = r#"{"v":[{"exists":false}]}"#;
    for (value, present) in [
        (json!("x"), true),
        (Value::Null, true),
        (json!(0), true),
        (json!([]), false),
        (json!([[]]), false),
        (json!(["a"]), true),
        (json!({"S": "x"}), false),
        (json!([{"S": "x"}]), false),
    ] {
        assert_eq!(m(t, &v(value.clone())), present, "exists:true vs {value}");
        assert_eq!(m(f, &v(value.clone())), !present, "exists:false vs {value}");
    }
    assert!(!m(t, &json!({})));
    assert!(m(f, &json!({})));
}

#[test]
fn wildcard_eventbridge() {
    let w = |p: &str, s: &str| eb(&format!(r#"{{"v":[{{"wildcard":{p}}}]}}"#), &v(json!(s)));
    assert!(w(r#""dir/*.png""#, "dir/a/b.png"));
    assert!(!w(r#""dir/*.png""#, "dir/a.jpg"));
    assert!(w(r#""*""#, ""));
    assert!(w(r#""a*b*c""#, "abc"));
    assert!(w(r#""a*b*c""#, "a-b-b-c"));
    assert!(!w(r#""a*b*c""#, "acb"));
    assert!(!w(r#""ab*ba""#, "aba"), "pieces must not overlap");
    assert!(w(r#""exact""#, "exact"));
    assert!(w(r#""a\\*b""#, "a*b"));
    assert!(!w(r#""a\\*b""#, "axb"));
    assert!(!eb(r#"{"v":[{"wildcard":"*"}]}"#, &v(json!(1))));
    let err = |p: &str| {
        Pattern::parse(p, Profile::EventBridge)
            .map(|_| ())
            .unwrap_err()
    };
    assert_eq!(
        err(r#"{"v":[{"wildcard":"a**b"}]}"#).path,
        "$.v[0].wildcard"
    );
    assert!(
        err(r#"{"v":[{"wildcard":"a\\b"}]}"#)
            .message
            .contains("escape")
    );
    assert_eq!(
        lambda_err(r#"{"v":[{"wildcard":"a*"}]}"#).path,
        "$.v[0].wildcard"
    );
}

#[test]
fn cidr_eventbridge() {
    let c = |p: &str, s: &str| eb(&format!(r#"{{"v":[{{"cidr":"{p}"}}]}}"#), &v(json!(s)));
    assert!(c("10.0.0.0/24", "10.0.0.255"));
    assert!(!c("10.0.0.0/24", "10.0.1.0"));
    assert!(c("10.0.0.7/24", "10.0.0.1"), "host bits are masked");
    assert!(c("0.0.0.0/0", "192.168.1.1"));
    assert!(c("2001:db8::/32", "2001:db8:1::1"));
    assert!(!c("2001:db8::/32", "10.0.0.1"));
    assert!(!c("10.0.0.0/8", "not-an-ip"));
    let err = |p: &str| {
        Pattern::parse(p, Profile::EventBridge)
            .map(|_| ())
            .unwrap_err()
    };
    assert_eq!(err(r#"{"v":[{"cidr":"10.0.0.0/33"}]}"#).path, "$.v[0].cidr");
    assert!(
        err(r#"{"v":[{"cidr":"10.0.0.0"}]}"#)
            .message
            .contains("CIDR")
    );
    assert_eq!(
        lambda_err(r#"{"v":[{"cidr":"10.0.0.0/8"}]}"#).path,
        "$.v[0].cidr"
    );
}

#[test]
fn or_groups() {
    let p = r#"{"eventName":["MODIFY"],"$or":[
        {"dynamodb":{"NewImage":{"status":{"S":["PAID"]}}}},
        {"dynamodb":{"OldImage":{"status":{"S":["PLACED"]}}}}]}"#;
    let paid = record_with("MODIFY", json!({"status": {"S": "PAID"}}));
    let shipped = record_with("MODIFY", json!({"status": {"S": "SHIPPED"}}));
    assert!(m(p, &paid));
    assert!(!m(p, &shipped));
    let nested = r#"{"$or":[{"a":["1"]},{"$or":[{"b":["2"]},{"c":["3"]}]}]}"#;
    assert!(m(nested, &json!({"c": "3"})));
    assert!(!m(nested, &json!({"d": "3"})));
    assert_eq!(lambda_err(r#"{"$or":[{"a":["1"]}]}"#).path, "$.$or");
    assert_eq!(lambda_err(r#"{"$or":{"a":["1"]}}"#).path, "$.$or");
    assert_eq!(lambda_err(r#"{"$or":[{"a":["1"]},"b"]}"#).path, "$.$or[1]");
    assert_eq!(lambda_err(r#"{"$or":[{"a":["1"]},{}]}"#).path, "$.$or[1]");
    assert_eq!(
        lambda_err(r#"{"$or":[{"a":["1"]},{"b":"2"}]}"#).path,
        "$.$or[1].b"
    );
}

fn or_levels(levels: usize, branches: usize) -> String {
    let groups: Vec<String> = (0..levels)
        .map(|l| {
            let bs: Vec<String> = (0..branches)
                .map(|b| format!(r#"{{"f{b}":["x"]}}"#))
                .collect();
            format!(r#""k{l}":{{"$or":[{}]}}"#, bs.join(","))
        })
        .collect();
    format!("{{{}}}", groups.join(","))
}

#[test]
fn or_combination_limit() {
    assert!(
        Pattern::parse(&or_levels(4, 5), Profile::Lambda).is_ok(),
        "625 combinations"
    );
    let e = lambda_err(&or_levels(4, 6));
    assert_eq!(e.path, "$");
    assert!(e.message.contains("1296"), "{e}");
}

#[test]
fn array_consistency() {
    let r = record_with(
        "INSERT",
        json!({"items": {"L": [
            {"M": {"sku": {"S": "A"}, "qty": {"N": "1"}, "gift": {"BOOL": true}}},
            {"M": {"sku": {"S": "B"}, "qty": {"N": "2"}}}
        ]}}),
    );
    let item = |inner: &str| {
        format!(r#"{{"dynamodb":{{"NewImage":{{"items":{{"L":{{"M":{inner}}}}}}}}}}}"#)
    };
    assert!(m(&item(r#"{"sku":{"S":["A"]},"qty":{"N":["1"]}}"#), &r));
    assert!(!m(&item(r#"{"sku":{"S":["A"]},"qty":{"N":["2"]}}"#), &r));
    assert!(m(&item(r#"{"sku":{"S":["B"]},"qty":{"N":["2"]}}"#), &r));
    // exists:false is checked in the element the other fields bound, wherever it is written.
    assert!(m(
        &item(r#"{"gift":{"BOOL":[{"exists":false}]},"sku":{"S":["B"]}}"#),
        &r
    ));
    assert!(!m(
        &item(r#"{"gift":{"BOOL":[{"exists":false}]},"sku":{"S":["A"]}}"#),
        &r
    ));
    // A dotted key and a nested key still share one element.
    let p = r#"{"a.b":["1"],"a":{"c":["2"]}}"#;
    assert!(!m(p, &json!({"a": [{"b": "1"}, {"c": "2"}]})));
    assert!(m(p, &json!({"a": [{"b": "0"}, {"b": "1", "c": "2"}]})));
    // Fields under different arrays combine freely.
    assert!(m(
        r#"{"x":["1"],"y":["2"]}"#,
        &json!({"x": ["0", "1"], "y": ["2"]})
    ));
}

#[test]
fn nested_arrays_are_crushed() {
    let p = r#"{"a":{"b":["x"]}}"#;
    assert!(m(p, &json!({"a": [[{"b": "y"}], [{"b": ["z", "x"]}]]})));
    assert!(!m(p, &json!({"a": [[{"c": "x"}]]})));
}

#[test]
fn dotted_keys_both_ways() {
    assert!(m(r#"{"a":{"b":["x"]}}"#, &json!({"a.b": "x"})));
    assert!(m(r#"{"a.b.c":["x"]}"#, &json!({"a": {"b.c": "x"}})));
    assert!(m(
        r#"{"a.b":{"c":["x"]}}"#,
        &json!({"a": {"b": {"c": "x"}}})
    ));
    assert!(!m(r#"{"a":["x"]}"#, &json!({"a.b": "x"})));
    assert!(!m(r#"{"a.b":["x"]}"#, &json!({"ab": "x"})));
}

#[test]
fn duplicate_keys_last_wins() {
    let p = lambda(r#"{"eventName":["MODIFY"],"eventName":["INSERT"]}"#);
    assert!(p.matches(&insert()));
    assert!(!p.matches(&record_with("MODIFY", json!({}))));
    // The AWS "Boolean expressions" example: only the second "dynamodb" takes effect.
    let aws = lambda(
        r#"{"dynamodb":{"NewImage":{"status":{"S":["PAID"]}}},
            "dynamodb":{"OldImage":{"status":{"S":["PLACED"]}}}}"#,
    );
    let mut r = record_with("MODIFY", json!({"status": {"S": "SHIPPED"}}));
    r["dynamodb"]["OldImage"] = json!({"status": {"S": "PLACED"}});
    assert!(aws.matches(&r));
    let op = lambda(r#"{"v":[{"prefix":"a","prefix":"b"}]}"#);
    assert!(op.matches(&v(json!("bc"))));
}

#[test]
fn empty_pattern_and_filter_sets() {
    let all = lambda("{}");
    assert!(all.matches(&insert()));
    assert!(all.explain(&insert()).is_none());
    assert!(FilterSet::default().matches(&insert()));
    assert!(FilterSet::default().is_empty());
    let set = FilterSet::new(vec![
        lambda(r#"{"eventName":["REMOVE"]}"#),
        lambda(r#"{"eventName":["INSERT"]}"#),
    ]);
    assert_eq!(set.len(), 2);
    assert!(set.matches(&insert()));
    assert!(!set.matches(&record_with("MODIFY", json!({}))));
    assert_eq!(lambda(r#"{"a":["x"]}"#).source(), r#"{"a":["x"]}"#);
    assert_eq!(lambda(r#"{"a":["x"]}"#).profile(), Profile::Lambda);
}

#[test]
fn profile_from_str() {
    assert_eq!("lambda".parse::<Profile>(), Ok(Profile::Lambda));
    assert_eq!("EventBridge".parse::<Profile>(), Ok(Profile::EventBridge));
    assert!("sqs".parse::<Profile>().is_err());
    assert_eq!(Profile::default(), Profile::Lambda);
    assert_eq!(Profile::EventBridge.to_string(), "eventbridge");
}

#[test]
fn unicode_escapes_in_keys_and_values() {
    let p = lambda(r#"{"k\u00e9y":["caf\u00e9"]}"#);
    assert!(p.matches(&json!({"kéy": "café"})));
}

#[test]
fn only_fields_under_dynamodb_make_a_filter_read_the_images() {
    let set = |texts: &[&str]| FilterSet::new(texts.iter().map(|t| lambda(t)).collect());
    // The word in a value, not a key: metadata alone decides.
    assert!(!set(&[r#"{"eventSource":["aws:dynamodb"]}"#]).reads_dynamodb());
    assert!(
        !set(&[r#"{"userIdentity":{"principalId":["dynamodb.amazonaws.com"]}}"#]).reads_dynamodb()
    );
    // A key spelled with an escape is still the key.
    assert!(set(&[r#"{"\u0064ynamodb":{"Keys":{"orderId":{"S":["o-1"]}}}}"#]).reads_dynamodb());
    assert!(
        set(&[
            r#"{"eventName":["INSERT"]}"#,
            r#"{"dynamodb.NewImage.status.S":["PAID"]}"#
        ])
        .reads_dynamodb()
    );
    assert!(
        set(&[r#"{"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"NewImage":{"a":{"S":["x"]}}}}]}"#])
            .reads_dynamodb()
    );
}
