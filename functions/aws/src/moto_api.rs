//! The moto server's own HTTP API (`/moto-api/...`), for the AWS-target tests of this crate
//! and of orderctl: read what moto recorded (sent mail) and configure it. Plain HTTP/1.0 over a
//! TCP stream — moto listens on 127.0.0.1 without TLS — so tests need no HTTP client crate.

use std::io::{Read, Write};
use std::net::TcpStream;

/// `METHOD {endpoint}{path}` with `headers` and `body`; the response body as text.
pub fn request_raw(
    endpoint: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<String, String> {
    let host = endpoint
        .strip_prefix("http://")
        .ok_or_else(|| format!("{endpoint}: the moto endpoint must be plain http"))?
        .trim_end_matches('/');
    let mut stream =
        TcpStream::connect(host).map_err(|e| format!("cannot reach moto at {host}: {e}"))?;
    let mut head = format!(
        "{method} {path} HTTP/1.0\r\nHost: {host}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    write!(stream, "{head}\r\n{body}").map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no HTTP header in moto's answer")?;
    let status_line = String::from_utf8_lossy(&raw[..split]);
    let status = status_line.split_whitespace().nth(1).unwrap_or("");
    if !status.starts_with('2') {
        return Err(format!(
            "{method} {path}: {status_line}: {}",
            String::from_utf8_lossy(&raw[split + 4..])
        ));
    }
    Ok(String::from_utf8_lossy(&raw[split + 4..]).into_owned())
}

/// `METHOD {endpoint}{path}` with an optional JSON body; the response body parsed as JSON
/// (`null` when empty).
pub fn request(
    endpoint: &str,
    method: &str,
    path: &str,
    body: Option<&serde_json::Value>,
) -> Result<serde_json::Value, String> {
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    let text = request_raw(
        endpoint,
        method,
        path,
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/json"),
        ],
        &payload,
    )?;
    if text.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_str(&text).map_err(|e| format!("{method} {path}: not JSON: {e}"))
}

/// Create an IAM role in moto (Lambda's CreateFunction wants one that exists); returns its ARN.
/// A bare query-protocol call: moto routes by the signing scope and checks no signature.
pub fn create_role(endpoint: &str, name: &str) -> Result<String, String> {
    let body = format!(
        "Action=CreateRole&Version=2010-05-08&RoleName={name}&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%7D"
    );
    let auth = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0";
    let xml = request_raw(
        endpoint,
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Authorization", auth),
        ],
        &body,
    )?;
    let arn = xml
        .split("<Arn>")
        .nth(1)
        .and_then(|rest| rest.split("</Arn>").next())
        .ok_or_else(|| format!("CreateRole answered without an ARN: {xml}"))?;
    Ok(arn.to_owned())
}

/// One DynamoDB API call (`action`, e.g. `CreateTable`) with its JSON request, for tests that
/// set up tables without an SDK client; the JSON response.
pub fn dynamodb(
    endpoint: &str,
    action: &str,
    request: &serde_json::Value,
) -> Result<serde_json::Value, String> {
    let target = format!("DynamoDB_20120810.{action}");
    let auth = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0";
    let text = request_raw(
        endpoint,
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Target", &target),
            ("Authorization", auth),
        ],
        &request.to_string(),
    )?;
    serde_json::from_str(&text).map_err(|e| format!("{action}: not JSON: {e}: {text}"))
}

/// Mail moto recorded as sent to `to` (SES v1 and v2 share `ses.Message`).
///
/// `data.json` serialises all of moto's state; while other tests change that state it can fail
/// with a 500 ("dictionary changed size during iteration"), so a 500 is retried a few times.
pub fn mail_to(endpoint: &str, to: &str) -> Result<Vec<serde_json::Value>, String> {
    let mut attempt = 0;
    let data = loop {
        match request(endpoint, "GET", "/moto-api/data.json", None) {
            Err(e) if e.contains(" 500 ") && attempt < 10 => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => break other?,
        }
    };
    let messages = data["ses"]["Message"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok(messages
        .into_iter()
        .filter(|m| {
            m["destinations"]["ToAddresses"]
                .as_array()
                .is_some_and(|a| a.iter().any(|d| d.as_str() == Some(to)))
        })
        .collect())
}
