//! Error-path tests: every rejected pattern names the offending element with a JSON path.

use super::tests::lambda_err;
use super::{Pattern, Profile};

#[test]
fn numeric_errors_name_the_element() {
    let cases = [
        (r#"{"v":[{"numeric":[">","100"]}]}"#, "$.v[0].numeric[1]"),
        (r#"{"v":[{"numeric":["!=",1]}]}"#, "$.v[0].numeric[0]"),
        (r#"{"v":[{"numeric":["<",1,">",0]}]}"#, "$.v[0].numeric[0]"),
        (r#"{"v":[{"numeric":[">",0,">",5]}]}"#, "$.v[0].numeric[2]"),
        (
            r#"{"v":[{"numeric":[">",0,"<",5,"<",6]}]}"#,
            "$.v[0].numeric",
        ),
        (r#"{"v":[{"numeric":[">",5,"<",5]}]}"#, "$.v[0].numeric"),
        (r#"{"v":[{"numeric":[">"]}]}"#, "$.v[0].numeric"),
        (r#"{"v":[{"numeric":"> 5"}]}"#, "$.v[0].numeric"),
        (r#"{"v":[{"numeric":["=",1e400]}]}"#, "$.v[0].numeric[1]"),
        (r#"{"v":[{"numeric":["=",1,"<",4]}]}"#, "$.v[0].numeric[0]"),
        (
            r#"{"dynamodb":{"NewImage":{"total":{"N":[{"numeric":[">=",null]}]}}}}"#,
            "$.dynamodb.NewImage.total.N[0].numeric[1]",
        ),
    ];
    for (p, path) in cases {
        assert_eq!(lambda_err(p).path, path, "{p}");
    }
}

#[test]
fn structural_errors() {
    let cases = [
        ("[1]", "$"),
        ("{", "$"),
        (r#"{"a":["x"]} trailing"#, "$"),
        (r#"{"eventName":"INSERT"}"#, "$.eventName"),
        (r#"{"eventName":null}"#, "$.eventName"),
        (r#"{"dynamodb":{}}"#, "$.dynamodb"),
        (r#"{"a":[["x"]]}"#, "$.a[0]"),
        (r#"{"a":[{}]}"#, "$.a[0]"),
        (r#"{"a":[{"prefix":"x","suffix":"y"}]}"#, "$.a[0]"),
        (r#"{"a":[{"EXISTS":true}]}"#, "$.a[0].EXISTS"),
        (r#"{"a":[{"exists":"true"}]}"#, "$.a[0].exists"),
        (r#"{"a":[{"prefix":5}]}"#, "$.a[0].prefix"),
        (
            r#"{"a":[{"prefix":{"equals-ignore-case":5}}]}"#,
            "$.a[0].prefix.equals-ignore-case",
        ),
        (r#"{"a":[{"prefix":{"other":"x"}}]}"#, "$.a[0].prefix"),
        (r#"{"a":[{"anything-but":[]}]}"#, "$.a[0].anything-but"),
        (
            r#"{"a":[{"anything-but":["x",1]}]}"#,
            "$.a[0].anything-but[1]",
        ),
        (
            r#"{"a":[{"anything-but":[1,"x"]}]}"#,
            "$.a[0].anything-but[1]",
        ),
        (r#"{"a":[{"anything-but":true}]}"#, "$.a[0].anything-but"),
        (
            r#"{"a":[{"anything-but":{"foo":"x"}}]}"#,
            "$.a[0].anything-but.foo",
        ),
        (r#"{"a":[1e400]}"#, "$.a[0]"),
        (
            r#"{"a b":{"c.d":["x"],"e":[{"prefix":1}]}}"#,
            r#"$["a b"].e[0].prefix"#,
        ),
    ];
    for (p, path) in cases {
        assert_eq!(lambda_err(p).path, path, "{p}");
    }
    let e = lambda_err(r#"{"a":[{"EXISTS":true}]}"#);
    assert!(e.message.contains("did you mean \"exists\""), "{e}");
    assert!(
        e.to_string()
            .starts_with("invalid filter pattern at $.a[0].EXISTS: ")
    );
}

#[test]
fn length_limit() {
    let filler = "x".repeat(4096 - r#"{"a":[""]}"#.len());
    let ok = format!(r#"{{"a":["{filler}"]}}"#);
    assert_eq!(ok.chars().count(), 4096);
    assert!(Pattern::parse(&ok, Profile::Lambda).is_ok());
    let long = format!(r#"{{"a":["{filler}x"]}}"#);
    let e = lambda_err(&long);
    assert_eq!(e.path, "$");
    assert!(e.message.contains("4096"), "{e}");
}
