//! Lint tests: each warning code, its path, and patterns that must stay clean.

use super::tests::{eventbridge, lambda};
use super::{Pattern, Warning};

fn codes(p: &Pattern) -> Vec<(&'static str, String)> {
    p.warnings()
        .iter()
        .map(|w| (w.code, w.path.clone()))
        .collect()
}

fn has(pattern: &str, code: &str, path: &str) -> Warning {
    let p = lambda(pattern);
    p.warnings()
        .iter()
        .find(|w| w.code == code && w.path == path)
        .cloned()
        .unwrap_or_else(|| panic!("{pattern}: expected {code} at {path}, got {:?}", codes(&p)))
}

#[test]
fn clean_patterns() {
    for p in [
        r#"{"eventName":["INSERT"],"eventSource":["aws:dynamodb"]}"#,
        r#"{"dynamodb":{"NewImage":{"status":{"S":["PENDING"]}}}}"#,
        r#"{"dynamodb":{"NewImage":{"items":{"L":{"M":{"productId":{"S":["SKU-1"]}}}}}}}"#,
        r#"{"dynamodb":{"NewImage":{"Organizations":{"L":{"S":[{"exists":true}]}}}}}"#,
        r#"{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">",0]}],"SizeBytes":[{"numeric":["<",400000]}]}}"#,
        r#"{"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}"#,
        r#"{"$or":[{"eventName":["REMOVE"]},{"dynamodb":{"OldImage":{"gift":{"BOOL":[true]}}}}]}"#,
    ] {
        assert_eq!(codes(&lambda(p)), vec![], "{p}");
    }
}

#[test]
fn numeric_on_dynamodb_n() {
    let w = has(
        r#"{"dynamodb":{"NewImage":{"totalPrice":{"N":[{"numeric":[">=",100]}]}}}}"#,
        "numeric_on_dynamodb_n",
        "$.dynamodb.NewImage.totalPrice.N",
    );
    assert!(
        w.message.contains("prefix") && w.message.contains("anything-but"),
        "{}",
        w.message
    );
    has(
        r#"{"dynamodb.NewImage.total.N":[{"numeric":[">",1]}]}"#,
        "numeric_on_dynamodb_n",
        "$.dynamodb.NewImage.total.N",
    );
    has(
        r#"{"dynamodb":{"Keys":{"qty":{"N":[5]}}}}"#,
        "numeric_on_dynamodb_n",
        "$.dynamodb.Keys.qty.N",
    );
    has(
        r#"{"dynamodb":{"OldImage":{"items":{"L":{"M":{"qty":{"N":[{"numeric":["<",3]}]}}}}}}}"#,
        "numeric_on_dynamodb_n",
        "$.dynamodb.OldImage.items.L.M.qty.N",
    );
}

#[test]
fn missing_type_key() {
    let w = has(
        r#"{"dynamodb":{"NewImage":{"status":["PENDING"]}}}"#,
        "missing_type_key",
        "$.dynamodb.NewImage.status",
    );
    assert!(w.message.contains("status.S"), "{}", w.message);
    let w = has(
        r#"{"dynamodb":{"NewImage":{"presentKey":[{"exists":false}]}}}"#,
        "missing_type_key",
        "$.dynamodb.NewImage.presentKey",
    );
    assert!(w.message.contains("always true"), "{}", w.message);
    has(
        r#"{"dynamodb":{"NewImage":{"tags":{"L":["a"]}}}}"#,
        "missing_type_key",
        "$.dynamodb.NewImage.tags.L",
    );
}

#[test]
fn exists_on_non_leaf() {
    for (p, path) in [
        (
            r#"{"dynamodb":{"NewImage":{"Organizations":[{"exists":true}]}}}"#,
            "$.dynamodb.NewImage.Organizations",
        ),
        (
            r#"{"dynamodb":{"NewImage":{"items":{"L":[{"exists":true}]}}}}"#,
            "$.dynamodb.NewImage.items.L",
        ),
        (
            r#"{"dynamodb":{"NewImage":{"addr":{"M":[{"exists":false}]}}}}"#,
            "$.dynamodb.NewImage.addr.M",
        ),
        (
            r#"{"dynamodb":{"OldImage":[{"exists":false}]}}"#,
            "$.dynamodb.OldImage",
        ),
    ] {
        has(p, "exists_on_non_leaf", path);
    }
}

#[test]
fn value_on_non_leaf() {
    has(
        r#"{"dynamodb":{"NewImage":["x"]}}"#,
        "value_on_non_leaf",
        "$.dynamodb.NewImage",
    );
}

#[test]
fn unknown_top_level_key() {
    let w = has(
        r#"{"body":{"status":["x"]}}"#,
        "unknown_top_level_key",
        "$.body",
    );
    assert!(w.message.contains("SQS"), "{}", w.message);
    let w = has(
        r#"{"detail":{"status":["x"]}}"#,
        "unknown_top_level_key",
        "$.detail",
    );
    assert!(w.message.contains("EventBridge"), "{}", w.message);
    // One warning per key, however many leaves sit below it.
    let p = lambda(r#"{"body":{"a":["x"],"b":["y"]}}"#);
    assert_eq!(
        codes(&p),
        vec![("unknown_top_level_key", "$.body".to_string())]
    );
    // Keys inside $or branches are top-level keys too.
    has(
        r#"{"$or":[{"eventName":["INSERT"]},{"Body":["x"]}]}"#,
        "unknown_top_level_key",
        "$.$or[1].Body",
    );
}

#[test]
fn unverified_metadata_key() {
    for key in ["awsRegion", "eventSourceARN", "eventVersion", "eventID"] {
        has(
            &format!(r#"{{"{key}":[{{"exists":true}}]}}"#),
            "unverified_metadata_key",
            &format!("$.{key}"),
        );
    }
}

#[test]
fn unknown_dynamodb_key() {
    let w = has(
        r#"{"dynamodb":{"NewImages":{"status":{"S":["x"]}}}}"#,
        "unknown_dynamodb_key",
        "$.dynamodb.NewImages",
    );
    assert!(w.message.contains("NewImage"), "{}", w.message);
}

#[test]
fn unknown_type_key() {
    has(
        r#"{"dynamodb":{"NewImage":{"status":{"s":["x"]}}}}"#,
        "unknown_type_key",
        "$.dynamodb.NewImage.status.s",
    );
}

#[test]
fn unknown_user_identity_key() {
    has(
        r#"{"userIdentity":{"PrincipalId":["dynamodb.amazonaws.com"]}}"#,
        "unknown_user_identity_key",
        "$.userIdentity.PrincipalId",
    );
}

#[test]
fn numeric_on_string_field() {
    has(
        r#"{"eventID":[{"numeric":[">",1]}]}"#,
        "numeric_on_string_field",
        "$.eventID",
    );
    has(
        r#"{"dynamodb":{"SequenceNumber":[{"numeric":[">",1]}]}}"#,
        "numeric_on_string_field",
        "$.dynamodb.SequenceNumber",
    );
    has(
        r#"{"dynamodb":{"NewImage":{"s":{"S":[{"numeric":[">",1]}]}}}}"#,
        "numeric_on_string_field",
        "$.dynamodb.NewImage.s.S",
    );
}

#[test]
fn duplicate_key() {
    let w = has(
        r#"{"dynamodb":{"NewImage":{"a":{"S":["1"]}}},"dynamodb":{"OldImage":{"a":{"S":["2"]}}}}"#,
        "duplicate_key",
        "$.dynamodb",
    );
    assert!(
        w.message.contains("only the last one takes effect"),
        "{}",
        w.message
    );
    has(
        r#"{"eventName":[{"prefix":"I","prefix":"M"}]}"#,
        "duplicate_key",
        "$.eventName[0].prefix",
    );
    has(
        r#"{"dynamodb":{"Keys":{"k":{"S":["1"]},"k":{"S":["2"]},"k":{"S":["3"]}}}}"#,
        "duplicate_key",
        "$.dynamodb.Keys.k",
    );
}

#[test]
fn unlisted_operator() {
    let p = r#"{"eventName":[{"prefix":{"equals-ignore-case":"ins"}},{"suffix":{"equals-ignore-case":"ERT"}}]}"#;
    has(p, "unlisted_operator", "$.eventName[0].prefix");
    has(p, "unlisted_operator", "$.eventName[1].suffix");
    assert!(eventbridge(p).warnings().is_empty());
}

#[test]
fn empty_pattern() {
    has("{}", "empty_pattern", "$");
}

#[test]
fn warnings_serialize_and_display() {
    let w = has(r#"{"body":["x"]}"#, "unknown_top_level_key", "$.body");
    let json = serde_json::to_value(&w).unwrap_or_default();
    assert_eq!(json["code"], "unknown_top_level_key");
    assert_eq!(json["path"], "$.body");
    assert!(
        w.to_string()
            .starts_with("warning[unknown_top_level_key] $.body: ")
    );
}
