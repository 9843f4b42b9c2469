//! Explain tests: the reported path is the first failing one in pattern order, with a stable reason.

use super::tests::{eventbridge, insert, lambda, record_with};
use super::{FilterSet, Mismatch};
use serde_json::{Value, json};

fn why(pattern: &str, record: &Value) -> (String, String) {
    let m = lambda(pattern)
        .explain(record)
        .unwrap_or_else(|| panic!("{pattern} should not match {record}"));
    (m.path, m.reason)
}

fn image(img: Value) -> Value {
    record_with("INSERT", img)
}

#[test]
fn matching_record_has_no_explanation() {
    assert_eq!(
        lambda(r#"{"eventName":["INSERT"]}"#).explain(&insert()),
        None
    );
}

#[test]
fn not_one_of() {
    let r = record_with("MODIFY", json!({}));
    assert_eq!(
        why(r#"{"eventName":["INSERT"]}"#, &r),
        (
            "$.eventName".into(),
            r#""MODIFY" is not one of ["INSERT"]"#.into()
        )
    );
    assert_eq!(
        why(r#"{"eventName":["INSERT","REMOVE"]}"#, &r).1,
        r#""MODIFY" is not one of ["INSERT","REMOVE"]"#
    );
    let shipped = image(json!({"status": {"S": "SHIPPED"}}));
    assert_eq!(
        why(
            r#"{"dynamodb":{"NewImage":{"status":{"S":["PENDING"]}}}}"#,
            &shipped
        ),
        (
            "$.dynamodb.NewImage.status.S".into(),
            r#""SHIPPED" is not one of ["PENDING"]"#.into()
        )
    );
}

#[test]
fn missing_and_empty() {
    assert_eq!(
        why(
            r#"{"dynamodb":{"NewImage":{"presentKey":{"S":["v"]}}}}"#,
            &insert()
        ),
        (
            "$.dynamodb.NewImage.presentKey.S".into(),
            "field is missing".into()
        )
    );
    assert_eq!(
        why(
            r#"{"resources":[{"exists":true}]}"#,
            &json!({"resources": []})
        )
        .1,
        "value is an empty array, which counts as missing"
    );
}

#[test]
fn numeric_on_dynamodb_string() {
    let r = image(json!({"n": {"N": "101"}}));
    assert_eq!(
        why(
            r#"{"dynamodb":{"NewImage":{"n":{"N":[{"numeric":[">",100]}]}}}}"#,
            &r
        ),
        (
            "$.dynamodb.NewImage.n.N".into(),
            r#""101" is a string; numeric matches only JSON numbers"#.into()
        )
    );
    assert_eq!(
        why(r#"{"dynamodb":{"SizeBytes":[{"numeric":[">",1000]}]}}"#, &r).1,
        r#"98 is outside {"numeric":[">",1000]}"#
    );
}

#[test]
fn exists_on_object() {
    let r = image(json!({"Organizations": {"L": [{"S": "Sales"}]}}));
    let (path, reason) = why(
        r#"{"dynamodb":{"NewImage":{"Organizations":[{"exists":true}]}}}"#,
        &r,
    );
    assert_eq!(path, "$.dynamodb.NewImage.Organizations");
    assert!(
        reason.starts_with("value is an object, exists matches leaves only"),
        "{reason}"
    );
    let (_, reason) = why(
        r#"{"dynamodb":{"NewImage":{"status":["PENDING"]}}}"#,
        &insert(),
    );
    assert!(reason.contains(r#"keys {"S"}"#), "{reason}");
}

#[test]
fn exists_false_on_present() {
    assert_eq!(
        why(r#"{"eventName":[{"exists":false}]}"#, &insert()).1,
        r#"field is present ("INSERT"); exists:false requires it to be absent"#
    );
}

#[test]
fn mixed_elements() {
    let r = image(json!({"n": {"N": "101"}}));
    assert_eq!(
        why(r#"{"dynamodb":{"NewImage":{"n":{"N":[{"numeric":[">",100]},{"anything-but":"101"}]}}}}"#, &r).1,
        r#""101" matches none of [{"numeric":[">",100]},{"anything-but":"101"}]"#
    );
    let h = image(json!({"homemade": {"S": "roses"}}));
    assert_eq!(
        why(r#"{"dynamodb":{"NewImage":{"homemade":{"S":[{"anything-but":["roses"]},{"exists":false}]}}}}"#, &h).1,
        r#""roses" is excluded by {"anything-but":["roses"]}; it is present, so exists:false does not apply"#
    );
}

#[test]
fn operator_reasons() {
    let r = json!({"v": "image.jpg", "n": 5});
    let cases = [
        (
            r#"{"v":[{"prefix":"img"}]}"#,
            r#""image.jpg" does not start with "img""#,
        ),
        (
            r#"{"v":[{"suffix":".png"}]}"#,
            r#""image.jpg" does not end with ".png""#,
        ),
        (
            r#"{"v":[{"equals-ignore-case":"X"}]}"#,
            r#""image.jpg" does not match {"equals-ignore-case":"X"} (ignoring case)"#,
        ),
        (
            r#"{"v":[{"anything-but":"image.jpg"}]}"#,
            r#""image.jpg" is excluded by {"anything-but":"image.jpg"}"#,
        ),
        (
            r#"{"n":[{"prefix":"5"}]}"#,
            "5 is not a string; prefix matches strings only",
        ),
        (
            r#"{"v":[{"numeric":["=",5]}]}"#,
            r#""image.jpg" is a string; numeric matches only JSON numbers"#,
        ),
    ];
    for (p, reason) in cases {
        assert_eq!(why(p, &r).1, reason, "{p}");
    }
    let w = eventbridge(r#"{"v":[{"wildcard":"*.png"}]}"#).explain(&r);
    assert_eq!(
        w.map(|m| m.reason).as_deref(),
        Some(r#""image.jpg" does not match {"wildcard":"*.png"}"#)
    );
}

#[test]
fn several_values() {
    assert_eq!(
        why(
            r#"{"resources":["a","b","c"]}"#,
            &json!({"resources": ["z", "y"]})
        )
        .1,
        r#"none of ["z","y"] is one of ["a","b","c"]"#
    );
}

#[test]
fn first_failure_in_pattern_order() {
    let r = record_with("MODIFY", json!({"status": {"S": "SHIPPED"}}));
    let a = r#"{"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["PENDING"]}}}}"#;
    let b = r#"{"dynamodb":{"NewImage":{"status":{"S":["PENDING"]}}},"eventName":["INSERT"]}"#;
    assert_eq!(why(a, &r).0, "$.eventName");
    assert_eq!(why(b, &r).0, "$.dynamodb.NewImage.status.S");
    // exists:false leaves are evaluated last but still reported in pattern order.
    let c = r#"{"eventName":[{"exists":false}],"eventSource":["nope"]}"#;
    assert_eq!(why(c, &r).0, "$.eventName");
}

#[test]
fn or_reason() {
    let p = r#"{"r":{"$or":[{"c":[{"numeric":[">",0,"<=",5]}]},{"d":[{"numeric":["<",10]}]}]}}"#;
    assert_eq!(
        why(p, &json!({"r": {"c": 0, "d": 10}})),
        (
            "$.r.$or".into(),
            r#"no $or branch matched (first: $.r.$or[0].c: 0 is outside {"numeric":[">",0,"<=",5]})"#
                .into()
        )
    );
}

#[test]
fn array_consistency_reason() {
    let r = json!({"items": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}]});
    let (path, reason) = why(r#"{"items":{"sku":["A"],"qty":[2]}}"#, &r);
    assert_eq!(path, "$.items.qty");
    assert!(reason.contains("different array element"), "{reason}");
}

#[test]
fn filter_set_explain() {
    let r = record_with("MODIFY", json!({}));
    let set = FilterSet::new(vec![
        lambda(r#"{"eventName":["INSERT"]}"#),
        lambda(r#"{"eventName":["REMOVE"]}"#),
    ]);
    assert_eq!(
        set.explain(&r),
        Some(Mismatch {
            path: "$.eventName".into(),
            reason: r#""MODIFY" is not one of ["INSERT"]"#.into()
        })
    );
    assert_eq!(set.explain(&insert()), None);
    assert_eq!(FilterSet::default().explain(&r), None);
}

#[test]
fn mismatch_serializes_and_displays() {
    let m = Mismatch {
        path: "$.eventName".into(),
        reason: "field is missing".into(),
    };
    assert_eq!(
        serde_json::to_value(&m).ok(),
        Some(json!({"path": "$.eventName", "reason": "field is missing"}))
    );
    assert_eq!(m.to_string(), "$.eventName: field is missing");
}

#[test]
fn long_values_are_truncated() {
    let long = "x".repeat(200);
    let (_, reason) = why(r#"{"v":["y"]}"#, &json!({ "v": long }));
    assert!(reason.contains('…') && reason.len() < 150, "{reason}");
}
