//! README's promises about credentials and permissions, end to end: no credentials, expired
//! credentials and an IAM denial are each one line on stderr with exit 2 and what to do; a
//! `status` part the caller may not read is shown unavailable with exit 1. moto does not
//! enforce IAM unless started for it, so the denial and the expiry come from the proxy, shaped
//! as DynamoDB answers them.

use crate::support::aws::AwsEnv;
use crate::support::proxy::{Action, AwsError, Proxy, Rule, Trigger};

/// Every call to `service` (every service when `None`) answered with `error`.
fn answering(aws: &AwsEnv, service: Option<&str>, error: AwsError) -> Proxy {
    Proxy::start(
        &aws.endpoint,
        19,
        vec![Rule {
            service: service.map(str::to_owned),
            operation: None,
            trigger: Trigger::Every(1),
            action: Action::Error(error),
        }],
    )
}

/// Keys of this test's own, so a test can check they are never printed.
const KEY_ID: &str = "AKIAORDERCTLTEST0001";
const SECRET: &str = "orderctl-secret-never-printed";

/// `aws` signing with [`KEY_ID`] and [`SECRET`] (moto accepts any keys).
fn with_keys(aws: AwsEnv) -> AwsEnv {
    AwsEnv {
        env: aws
            .env
            .env("AWS_ACCESS_KEY_ID", KEY_ID)
            .env("AWS_SECRET_ACCESS_KEY", SECRET),
        ..aws
    }
}

/// One line on stderr, containing each of `needles`, and nothing on stdout.
fn one_line(out: &crate::support::Output, needles: &[&str]) {
    let lines: Vec<&str> = out.stderr.trim_end().lines().collect();
    assert_eq!(lines.len(), 1, "one line: {:?}", out.stderr);
    for needle in needles {
        assert!(lines[0].contains(needle), "{needle} in {:?}", lines[0]);
    }
    for secret in [KEY_ID, SECRET] {
        assert!(
            !out.stderr.contains(secret),
            "a credential printed: {}",
            out.stderr
        );
    }
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn no_credentials_is_one_line_saying_how_to_give_them() {
    let aws = AwsEnv::new();
    aws.init();
    // The same environment without keys (the test's HOME has no ~/.aws).
    let mut cmd = aws.env.command(&["orders", "list"]);
    cmd.env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env("HOME", aws.env.path())
        .env("AWS_CONFIG_FILE", aws.env.path().join("no-config"))
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            aws.env.path().join("no-credentials"),
        );
    let out = cmd.output().unwrap();
    let out = crate::support::Output {
        args: vec!["orders".into(), "list".into()],
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_eq!(out.code, 2, "{}", out.stderr);
    one_line(&out, &["no AWS credentials", "AWS_ACCESS_KEY_ID"]);
}

#[test]
fn expired_credentials_are_one_line_saying_to_log_in_again() {
    let aws = AwsEnv::new();
    aws.init();
    let proxy = answering(&aws, None, AwsError::ExpiredToken);
    let out = with_keys(aws.via(&proxy)).run(&["orders", "list", "-v"]);
    assert_eq!(out.code, 2, "{}; {}", out.stderr, proxy.describe());
    one_line(&out, &["have expired", "log in again"]);
}

#[test]
fn an_iam_denial_names_the_action_and_resource_and_status_shows_the_rest() {
    let aws = AwsEnv::new();
    aws.init();
    let proxy = answering(&aws, Some("DynamoDB_20120810"), AwsError::AccessDenied);
    let aws = with_keys(aws.via(&proxy));
    let out = aws.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-MUG:1:12.50",
    ]);
    assert_eq!(out.code, 2, "{}; {}", out.stderr, proxy.describe());
    one_line(&out, &["access denied", "dynamodb:PutItem", &aws.orders]);
    // status reads what it may (the queue, the stream) and says why the rest is missing.
    let status = aws.run(&["status", "-o", "json"]);
    assert_eq!(status.code, 1, "{}", status.stderr);
    let status = status.json();
    let error = status["items"]["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{status}"));
    assert!(error.contains("access denied"), "{error}");
    assert_eq!(status["dlq"]["depth"], 0, "{status}");
}

/// Issue 19: a denial by a server that enforces IAM — moto started by scripts/test with
/// `INITIAL_NO_AUTH_ACTION_COUNT=3` — not one the proxy shapes. Its first three requests go
/// through unauthenticated: they make a user, its key, and a policy that allows everything but
/// `dynamodb:PutItem` and `sqs:GetQueueAttributes`. Every later request is checked: moto
/// answers a denied DynamoDB (AWS JSON) call with an XML `ErrorResponse` and a 403, which must
/// still read as the one-line access-denied message.
#[test]
fn an_iam_denial_enforced_by_moto_is_one_line_and_status_shows_the_rest() {
    let endpoint = crate::support::aws::endpoint("ORDERCTL_TEST_IAM_ENDPOINT");
    iam(&endpoint, &[("Action", "CreateUser"), ("UserName", "ops")]);
    let key = iam(
        &endpoint,
        &[("Action", "CreateAccessKey"), ("UserName", "ops")],
    );
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":["dynamodb:PutItem","sqs:GetQueueAttributes"],"Resource":"*"}]}"#;
    iam(
        &endpoint,
        &[
            ("Action", "PutUserPolicy"),
            ("UserName", "ops"),
            ("PolicyName", "all-but-two"),
            ("PolicyDocument", policy),
        ],
    );
    let aws = AwsEnv::on(&endpoint);
    let aws = AwsEnv {
        env: aws
            .env
            .env("AWS_ACCESS_KEY_ID", xml_text(&key, "AccessKeyId"))
            .env("AWS_SECRET_ACCESS_KEY", xml_text(&key, "SecretAccessKey")),
        ..aws
    };
    aws.init();
    let out = aws.run(&[
        "create",
        "--customer",
        "c-1",
        "--email",
        "ann@example.com",
        "--item",
        "SKU-MUG:1:12.50",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    one_line(&out, &["access denied", "dynamodb:PutItem", &aws.orders]);
    // status reads what it may and says why the rest is missing: the queue's depth is
    // GetQueueAttributes, the stream and the item counts are DynamoDB's.
    let status = aws.run(&["status", "-o", "json"]);
    assert_eq!(status.code, 1, "{}", status.stderr);
    let status = status.json();
    let dlq = status["dlq"]["error"]
        .as_str()
        .unwrap_or_else(|| panic!("{status}"));
    assert!(
        dlq.contains("access denied") && dlq.contains("sqs:GetQueueAttributes"),
        "{dlq}"
    );
    assert_eq!(status["stream"]["status"], "ENABLED", "{status}");
    assert_eq!(status["items"]["orders"], 0, "{status}");
}

/// One IAM call (query protocol) to moto, sent before it enforces IAM, so it needs no
/// signature; the response body.
fn iam(endpoint: &str, params: &[(&str, &str)]) -> String {
    use std::io::{Read, Write};
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let body = params
        .iter()
        .chain(&[("Version", "2010-05-08")])
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let host = endpoint.trim_start_matches("http://");
    let mut conn = std::net::TcpStream::connect(host).unwrap();
    write!(
        conn,
        "POST / HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    conn.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    response
}

/// The text of the first `<tag>` in `xml`.
fn xml_text<'a>(xml: &'a str, tag: &str) -> &'a str {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    xml.split_once(open.as_str())
        .and_then(|(_, rest)| rest.split_once(close.as_str()))
        .map(|(inner, _)| inner)
        .unwrap_or_else(|| panic!("no <{tag}> in {xml}"))
}
