//! Conformance tests: every row of the §4.4 table, plus shared record builders for the other test modules.

use super::{Pattern, PatternError, Profile};
use serde_json::{Value, json};

/// A Lambda DynamoDB stream record (§2 shape) with the given event name and NewImage.
pub(super) fn record_with(event_name: &str, new_image: Value) -> Value {
    json!({
        "eventID": "c4ca4238a0b923820dcc509a6f75849b",
        "eventName": event_name,
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-1",
        "dynamodb": {
            "ApproximateCreationDateTime": 1763626841.0,
            "Keys": {"orderId": {"S": "o-1"}},
            "NewImage": new_image,
            "SequenceNumber": "100000000000000000001",
            "SizeBytes": 98,
            "StreamViewType": "NEW_AND_OLD_IMAGES"
        },
        "eventSourceARN": "arn:aws:dynamodb:us-east-1:111122223333:table/Orders/stream/2025-11-20T08:15:03.123"
    })
}

/// The standard order NewImage used across tests.
pub(super) fn order_image() -> Value {
    json!({
        "orderId": {"S": "o-1"},
        "status": {"S": "PENDING"},
        "totalPrice": {"N": "59.90"},
        "items": {"L": [{"M": {"productId": {"S": "SKU-1"}, "quantity": {"N": "2"}}}]}
    })
}

/// An INSERT record for the standard order.
pub(super) fn insert() -> Value {
    record_with("INSERT", order_image())
}

/// Parse a JSON record literal (panics in tests only).
pub(super) fn rec(text: &str) -> Value {
    serde_json::from_str(text).expect("test record must be valid JSON")
}

pub(super) fn lambda(pattern: &str) -> Pattern {
    Pattern::parse(pattern, Profile::Lambda)
        .unwrap_or_else(|e| panic!("pattern {pattern} should parse: {e}"))
}

pub(super) fn eventbridge(pattern: &str) -> Pattern {
    Pattern::parse(pattern, Profile::EventBridge)
        .unwrap_or_else(|e| panic!("pattern {pattern} should parse: {e}"))
}

pub(super) fn lambda_err(pattern: &str) -> PatternError {
    match Pattern::parse(pattern, Profile::Lambda) {
        Ok(_) => panic!("pattern {pattern} should be rejected"),
        Err(e) => e,
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Exp {
    Match,
    NoMatch,
    Invalid,
}
use Exp::{Invalid as E, Match as M, NoMatch as N};

struct Row {
    id: &'static str,
    profile: Profile,
    pattern: &'static str,
    record: Value,
    expect: Exp,
}

fn row(id: &'static str, pattern: &'static str, record: Value, expect: Exp) -> Row {
    Row {
        id,
        profile: Profile::Lambda,
        pattern,
        record,
        expect,
    }
}

fn outcome(profile: Profile, pattern: &str, record: &Value) -> Exp {
    match Pattern::parse(pattern, profile) {
        Err(_) => E,
        Ok(p) if p.matches(record) => M,
        Ok(_) => N,
    }
}

const P10: &str =
    r#"{"dynamodb":{"NewImage":{"n":{"N":[{"numeric":[">",100]},{"anything-but":"101"}]}}}}"#;
const P19: &str =
    r#"{"dynamodb":{"NewImage":{"homemade":{"S":[{"anything-but":["roses"]},{"exists":false}]}}}}"#;
const P23: &str = r#"{"r":{"state":[{"anything-but":["stopped","overloaded"]}]}}"#;
const P26: &str = r#"{"r":{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}}"#;
/// Row 31 says "same" after a row the table omits; §4.3 ties `101.0` to `>100`.
const P31: &str = r#"{"r":{"c":[{"numeric":[">",100]}]}}"#;
const P34: &str =
    r#"{"r":{"$or":[{"c":[{"numeric":[">",0,"<=",5]}]},{"d":[{"numeric":["<",10]}]}]}}"#;
const P35: &str = r#"{"r":{"responseElements":[null]}}"#;
const P38: &str = r#"{"resources":["a","b","c"]}"#;
const P46: &str = r#"{"r":{"state":[{"anything-but":{"prefix":"init"}}]}}"#;
const P47: &str = r#"{"EventBusArn":[{"wildcard":"arn:aws:events:us-east-1:*:event-bus/*"}]}"#;

fn conformance_rows() -> Vec<Row> {
    let ddb = |image: Value| record_with("INSERT", image);
    let orgs = json!({"Organizations": {"L": [{"S": "Sales"}]}});
    let mut rows = vec![
        row("1", r#"{"eventName":["INSERT"]}"#, insert(), M),
        row(
            "2",
            r#"{"eventName":["INSERT"]}"#,
            record_with("MODIFY", order_image()),
            N,
        ),
        row(
            "4",
            r#"{"eventName":["INSERT"],"eventSource":["aws:dynamodb"]}"#,
            insert(),
            M,
        ),
        row(
            "5",
            r#"{"dynamodb":{"NewImage":{"presentKey":{"S":["presentValue"]}}}}"#,
            ddb(json!({"presentKey": {"S": "presentValue"}})),
            M,
        ),
        row(
            "7",
            r#"{"dynamodb":{"NewImage":{"presentKey":{"S":[{"exists":true}]}}}}"#,
            ddb(json!({"presentKey": {"S": "x"}})),
            M,
        ),
        row(
            "8",
            r#"{"dynamodb":{"NewImage":{"presentKey":{"S":[{"exists":true}]}}}}"#,
            ddb(json!({"otherKey": {"S": "x"}})),
            N,
        ),
        row("10", P10, ddb(json!({"n": {"N": "42"}})), M),
        row("11", P10, ddb(json!({"n": {"N": "101"}})), N),
        row(
            "13",
            r#"{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">",0]}]}}"#,
            insert(),
            M,
        ),
        row("14", r#""single-string""#, insert(), E),
        row(
            "16",
            r#"{"dynamodb":{"NewImage":{"Organizations":[{"exists":true}]}}}"#,
            ddb(orgs.clone()),
            N,
        ),
        row(
            "17",
            r#"{"dynamodb":{"NewImage":{"Organizations":{"L":{"S":[{"exists":true}]}}}}}"#,
            ddb(orgs),
            M,
        ),
        row("19", P19, ddb(json!({"purchased": {"N": "789"}})), M),
        row("20", P19, ddb(json!({"homemade": {"N": "789"}})), M),
        // Row 22's pattern is "same" as an omitted row; content_anything_but_string_null
        // checks a string anything-but against a null value.
        row(
            "22",
            r#"{"r":{"state":[{"anything-but":["initializing"]}]}}"#,
            json!({"r": {"state": null}}),
            M,
        ),
        row("23 stopped", P23, json!({"r": {"state": "stopped"}}), N),
        row("23 pending", P23, json!({"r": {"state": "pending"}}), M),
        row(
            "25",
            r#"{"FileName":[{"suffix":".PNG"}]}"#,
            json!({"FileName": "image.png"}),
            N,
        ),
        row(
            "26 image.PNG",
            P26,
            json!({"r": {"FileName": "image.PNG"}}),
            M,
        ),
        row(
            "26 image.jpg",
            P26,
            json!({"r": {"FileName": "image.jpg"}}),
            N,
        ),
        row(
            "28",
            r#"{"detail-type":[{"equals-ignore-case":"ec2 instance state-change notification"}]}"#,
            json!({"detail-type": ["EC2 Instance State-change Notification"]}),
            M,
        ),
        row(
            "29",
            r#"{"detail-type":[{"equals-ignore-case":["x"]}]}"#,
            json!({"detail-type": "x"}),
            E,
        ),
        row("31 101.0", P31, rec(r#"{"r":{"c":101.0}}"#), M),
        row("31 null", P31, json!({"r": {"c": null}}), N),
        row("32", r#"{"number":[300]}"#, rec(r#"{"number":300.0}"#), M),
        row("34 c:0,d:0", P34, json!({"r": {"c": 0, "d": 0}}), M),
        row("34 c:0,d:10", P34, json!({"r": {"c": 0, "d": 10}}), N),
        row("35 null", P35, json!({"r": {"responseElements": null}}), M),
        row(
            "35 \"null\"",
            P35,
            json!({"r": {"responseElements": "null"}}),
            N,
        ),
        row(
            "37",
            r#"{"resources":[{"exists":true}]}"#,
            json!({"resources": []}),
            N,
        ),
        row("38 [z,a]", P38, json!({"resources": ["z", "a"]}), M),
        row("38 [z]", P38, json!({"resources": ["z"]}), N),
        row(
            "40",
            r#"{"r":{"state.status":["running"]}}"#,
            json!({"r": {"state": {"status": "running"}}}),
            M,
        ),
        row(
            "41",
            r#"{"MY_KEY":["my-value"]}"#,
            json!({"my_key": "my-value"}),
            N,
        ),
        row(
            "43",
            r#"{"my_key":[{"exists":true},{"prefix":"IGNORED"}]}"#,
            json!({"my_key": "my-value"}),
            M,
        ),
        row(
            "44 string",
            r#"{"string":"my-value"}"#,
            json!({"string": "my-value"}),
            E,
        ),
        row("44 int", r#"{"int":42}"#, json!({"int": 42}), E),
        row("44 []", r#"{"resources":[]}"#, json!({"resources": []}), E),
        row("46 lambda", P46, json!({"r": {"state": "post-init"}}), E),
        row(
            "47 lambda",
            P47,
            json!({"EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/myEventBus"}),
            E,
        ),
    ];
    let eb = |id, pattern, record, expect| Row {
        id,
        profile: Profile::EventBridge,
        pattern,
        record,
        expect,
    };
    rows.push(eb(
        "46 eventbridge",
        P46,
        json!({"r": {"state": "post-init"}}),
        M,
    ));
    rows.push(eb(
        "46 eventbridge init",
        P46,
        json!({"r": {"state": "initializing"}}),
        N,
    ));
    rows.push(eb(
        "47 eventbridge",
        P47,
        json!({"EventBusArn": "arn:aws:events:us-east-1:123456789012:event-bus/myEventBus"}),
        M,
    ));
    rows
}

#[test]
fn conformance_table_4_4() {
    let rows = conformance_rows();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let got = outcome(r.profile, r.pattern, &r.record);
            (got != r.expect).then(|| {
                format!(
                    "row #{} ({:?}): expected {:?}, got {:?}\n  pattern {}\n  record  {}",
                    r.id, r.profile, r.expect, got, r.pattern, r.record
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every row of the §4.4 table, by its number (a row may have several cases).
    let mut covered: Vec<u32> = rows
        .iter()
        .filter_map(|r| r.id.split_whitespace().next()?.parse().ok())
        .collect();
    covered.sort_unstable();
    covered.dedup();
    let table = [
        1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, 32, 34, 35,
        37, 38, 40, 41, 43, 44, 46, 47,
    ];
    assert_eq!(covered, table, "every row of the §4.4 table is covered");
}

/// Rows that are valid in the Lambda profile give the same verdict under EventBridge.
#[test]
fn conformance_rows_agree_across_profiles() {
    for r in conformance_rows() {
        if r.profile != Profile::Lambda || r.expect == E {
            continue;
        }
        let got = outcome(Profile::EventBridge, r.pattern, &r.record);
        assert_eq!(got, r.expect, "row #{} under EventBridge", r.id);
    }
}

/// FilterSet and explain agree with `matches` on every conformance row.
#[test]
fn conformance_rows_explain_agrees() {
    for r in conformance_rows() {
        let Ok(p) = Pattern::parse(r.pattern, r.profile) else {
            continue;
        };
        let explained = p.explain(&r.record);
        assert_eq!(
            explained.is_none(),
            p.matches(&r.record),
            "row #{}: explain {:?}",
            r.id,
            explained
        );
        let set = super::FilterSet::new(vec![p]);
        assert_eq!(
            set.matches(&r.record),
            r.expect == M,
            "row #{} via FilterSet",
            r.id
        );
    }
}

#[test]
fn row_14_error_is_at_root() {
    let e = lambda_err(r#""single-string""#);
    assert_eq!(e.path, "$");
    assert!(e.message.contains("JSON object"), "{e}");
}

#[test]
fn row_44_errors_name_the_key() {
    assert_eq!(lambda_err(r#"{"string":"my-value"}"#).path, "$.string");
    assert_eq!(lambda_err(r#"{"int":42}"#).path, "$.int");
    assert_eq!(lambda_err(r#"{"resources":[]}"#).path, "$.resources");
}

#[test]
fn rows_46_47_lambda_errors_name_the_operator() {
    let e = lambda_err(P46);
    assert_eq!(e.path, "$.r.state[0].anything-but.prefix");
    assert!(e.message.contains("not supported"), "{e}");
    let e = lambda_err(P47);
    assert_eq!(e.path, "$.EventBusArn[0].wildcard");
}

#[test]
fn row_29_error_path() {
    let e = lambda_err(r#"{"detail-type":[{"equals-ignore-case":["x"]}]}"#);
    assert_eq!(e.path, "$.detail-type[0].equals-ignore-case");
    assert!(e.message.contains("must be a string"), "{e}");
}

#[test]
fn row_13_against_exponent_timestamp() {
    let p = lambda(r#"{"dynamodb":{"ApproximateCreationDateTime":[{"numeric":[">",1e9]}]}}"#);
    let r = rec(r#"{"dynamodb":{"ApproximateCreationDateTime":1.46480646E9}}"#);
    assert!(p.matches(&r));
}
