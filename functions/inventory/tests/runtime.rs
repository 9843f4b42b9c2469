//! The deployable binary, run as Lambda runs it: a Runtime API (here a minimal fake on
//! 127.0.0.1) hands it events, the AWS adapters write to moto, and the response goes back to the
//! Runtime API. Proves the binary built with `--features runtime` works as it is, and that a
//! redelivered event moves stock once. Needs `ORDERCTL_TEST_ENDPOINT` (scripts/test starts moto).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed step is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use orders_aws::moto_api::dynamodb;
use serde_json::json;

/// Serve `events` one per `invocation/next`, in order; send each response body (or error
/// report) on `done`. Once the events are used up, `next` never answers, as on a real idle
/// Lambda.
fn fake_runtime_api(events: Vec<String>, done: mpsc::Sender<String>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let queue = Arc::new(Mutex::new(
        events.into_iter().enumerate().collect::<Vec<_>>(),
    ));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (queue, done) = (Arc::clone(&queue), done.clone());
            std::thread::spawn(move || serve_connection(stream, &queue, &done));
        }
    });
    address
}

fn serve_connection(
    stream: TcpStream,
    queue: &Mutex<Vec<(usize, String)>>,
    done: &mpsc::Sender<String>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut length = 0;
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).unwrap();
            if header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let path = request_line
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_owned();
        if path.ends_with("/invocation/next") {
            let next = {
                let mut q = queue.lock().unwrap();
                (!q.is_empty()).then(|| q.remove(0))
            };
            let Some((n, event)) = next else {
                // No more events: hold the connection, as the real API does until one comes.
                std::thread::sleep(Duration::from_secs(3600));
                return;
            };
            let deadline = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_millis()
                + 60_000;
            write!(
                writer,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: req-{n}\r\n\
                 Lambda-Runtime-Deadline-Ms: {deadline}\r\n\
                 Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:orders-inventory\r\n\
                 Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000\r\nContent-Length: {}\r\n\r\n{event}",
                event.len()
            )
            .unwrap();
        } else {
            let body = String::from_utf8_lossy(&body).into_owned();
            write!(writer, "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}").unwrap();
            let kind = if path.ends_with("/response") {
                "response"
            } else {
                "error"
            };
            done.send(format!("{kind} {body}")).unwrap();
        }
        writer.flush().unwrap();
    }
}

fn stock(endpoint: &str, table: &str, product: &str) -> String {
    let item = dynamodb(
        endpoint,
        "GetItem",
        &json!({"TableName": table, "Key": {"productId": {"S": product}}}),
    )
    .unwrap();
    item["Item"]["stock"]["N"].as_str().unwrap().to_owned()
}

#[test]
fn the_lambda_binary_serves_events_and_moves_stock_once() {
    let endpoint = std::env::var("ORDERCTL_TEST_ENDPOINT")
        .expect("ORDERCTL_TEST_ENDPOINT is not set: run scripts/test, which starts moto");
    let suffix = format!(
        "{:08x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    let (inventory, processed) = (
        format!("Inventory-rt-{suffix}"),
        format!("ProcessedEvents-rt-{suffix}"),
    );
    for (table, key) in [(&inventory, "productId"), (&processed, "eventId")] {
        dynamodb(
            &endpoint,
            "CreateTable",
            &json!({"TableName": table, "BillingMode": "PAY_PER_REQUEST",
                    "AttributeDefinitions": [{"AttributeName": key, "AttributeType": "S"}],
                    "KeySchema": [{"AttributeName": key, "KeyType": "HASH"}]}),
        )
        .unwrap();
    }
    for product in ["SKU-MUG", "SKU-PAD"] {
        dynamodb(
            &endpoint,
            "PutItem",
            &json!({"TableName": inventory, "Item": {"productId": {"S": product}, "stock": {"N": "10"}}}),
        )
        .unwrap();
    }
    let event = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/events/order-created.json"
    ))
    .unwrap();
    // The same event twice: Lambda redelivers a batch whose response was lost.
    let (tx, rx) = mpsc::channel();
    let api = fake_runtime_api(vec![event.clone(), event], tx);
    let mut child = Command::new(env!("CARGO_BIN_EXE_inventory"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AWS_LAMBDA_RUNTIME_API", &api)
        .env("AWS_LAMBDA_FUNCTION_NAME", "orders-inventory")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "test")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders-inventory")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", &endpoint)
        .env("INVENTORY_TABLE", &inventory)
        .env("PROCESSED_EVENTS_TABLE", &processed)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut answers = Vec::new();
    for _ in 0..2 {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(answer) => answers.push(answer),
            Err(_) => {
                child.kill().unwrap();
                let mut logs = String::new();
                child
                    .stderr
                    .take()
                    .unwrap()
                    .read_to_string(&mut logs)
                    .unwrap();
                panic!("no answer from the binary; answers so far {answers:?}; its logs:\n{logs}");
            }
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    for answer in &answers {
        let body = answer
            .strip_prefix("response ")
            .unwrap_or_else(|| panic!("an invocation error: {answer}"));
        let response: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(response, json!({"batchItemFailures": []}));
    }
    assert_eq!(
        stock(&endpoint, &inventory, "SKU-MUG"),
        "8",
        "2 mugs reserved, once"
    );
    assert_eq!(
        stock(&endpoint, &inventory, "SKU-PAD"),
        "7",
        "3 pads reserved, once"
    );
}
