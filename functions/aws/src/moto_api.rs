//! The moto server's own HTTP API (`/moto-api/...`), for the AWS-target tests of this crate
//! and of orderctl: read what moto recorded (sent mail) and configure it. Plain HTTP/1.0 over a
//! TCP stream — moto listens on 127.0.0.1 without TLS — so tests need no HTTP client crate.

use std::io::{Read, Write};
use std::net::TcpStream;

/// `METHOD {endpoint}{path}` with an optional JSON body; the response body parsed as JSON
/// (`null` when empty).
pub fn request(
    endpoint: &str,
    method: &str,
    path: &str,
    body: Option<&serde_json::Value>,
) -> Result<serde_json::Value, String> {
    let host = endpoint
        .strip_prefix("http://")
        .ok_or_else(|| format!("{endpoint}: the moto endpoint must be plain http"))?
        .trim_end_matches('/');
    let mut stream =
        TcpStream::connect(host).map_err(|e| format!("cannot reach moto at {host}: {e}"))?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: {host}\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{payload}",
        payload.len()
    )
    .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no HTTP header in moto's answer")?;
    let head = String::from_utf8_lossy(&raw[..split]);
    let status = head.split_whitespace().nth(1).unwrap_or("");
    if !status.starts_with('2') {
        return Err(format!("{method} {path}: {head}"));
    }
    let body = &raw[split + 4..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_slice(body).map_err(|e| format!("{method} {path}: not JSON: {e}"))
}

/// Mail moto recorded as sent to `to` (SES v1 and v2 share `ses.Message`).
pub fn mail_to(endpoint: &str, to: &str) -> Result<Vec<serde_json::Value>, String> {
    let data = request(endpoint, "GET", "/moto-api/data.json", None)?;
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
