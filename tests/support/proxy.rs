//! A fault-injecting HTTP proxy in front of moto (issue 15). moto answers every call at once
//! and never fails; real AWS throttles, expires iterators, trims, drops connections and takes
//! time. Tests start a [`Proxy`] on 127.0.0.1, point an `AwsEnv` at it
//! ([`super::aws::AwsEnv::through`]) and give it [`Rule`]s; every other request is forwarded
//! unchanged. It is seeded and deterministic: triggers count matching calls, and probabilities
//! draw from one `fastrand::Rng` per rule seeded from the proxy's seed.
//!
//! Plain blocking `std::net` with a thread per connection rather than tokio: the tests are
//! synchronous, the traffic is one CLI process at a time, and it needs no extra tokio features.
//! HTTP/1.1 only: one request per connection (the answer says `Connection: close`), bodies
//! framed by `Content-Length` (the AWS SDK always sends it).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// When a rule fires, counted over the calls it matches (1-based).
#[derive(Debug, Clone, Copy)]
pub enum Trigger {
    /// Only the Nth matching call.
    Nth(u64),
    /// Every Nth matching call (N, 2N, 3N, …).
    Every(u64),
    /// Each matching call with this probability, from the rule's seeded RNG.
    Probability(f64),
    /// The matching calls from the first number to the second, both included.
    Calls(u64, u64),
}

/// An AWS error the proxy can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsError {
    ExpiredIterator,
    TrimmedDataAccess,
    ProvisionedThroughputExceeded,
    LimitExceeded,
    Throttling,
    /// `InternalServerError`, HTTP 500.
    InternalServerError,
    /// `ServiceUnavailable`, HTTP 503.
    ServiceUnavailable,
    /// `AccessDeniedException`: the caller's IAM policy does not allow the call.
    AccessDenied,
    /// `ExpiredTokenException`: the session credentials have expired.
    ExpiredToken,
}

impl AwsError {
    fn code(self) -> &'static str {
        match self {
            AwsError::ExpiredIterator => "ExpiredIteratorException",
            AwsError::TrimmedDataAccess => "TrimmedDataAccessException",
            AwsError::ProvisionedThroughputExceeded => "ProvisionedThroughputExceededException",
            AwsError::LimitExceeded => "LimitExceededException",
            AwsError::Throttling => "ThrottlingException",
            AwsError::InternalServerError => "InternalServerError",
            AwsError::ServiceUnavailable => "ServiceUnavailable",
            AwsError::AccessDenied => "AccessDeniedException",
            AwsError::ExpiredToken => "ExpiredTokenException",
        }
    }

    fn status(self) -> (u16, &'static str) {
        match self {
            AwsError::InternalServerError => (500, "Internal Server Error"),
            AwsError::ServiceUnavailable => (503, "Service Unavailable"),
            _ => (400, "Bad Request"),
        }
    }
}

/// What a firing rule does.
#[derive(Debug, Clone, Copy)]
pub enum Action {
    /// Wait this long, then forward.
    Latency(Duration),
    /// Answer with this error; moto never sees the call.
    Error(AwsError),
    /// Forward, send moto's status line and headers, then close before the body.
    ResetAfterHeaders,
    /// Forward, send the headers and half of moto's body, then close.
    TruncateBody,
    /// Forward (moto applies the call), then answer 500: the client sees a failed write.
    ForwardThen500,
    /// Hold the call until the test calls [`Proxy::release`] (at most 120 s), then forward:
    /// a window the test closes on a condition, not after a time.
    Hold,
}

/// A fault: which calls, when, and what.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `X-Amz-Target` prefix (`DynamoDBStreams_20120810`) or, for query and REST protocols,
    /// the SigV4 signing name (`monitoring`, `lambda`); `None` matches every service.
    pub service: Option<String>,
    /// `X-Amz-Target` suffix or `Action` form field; `None` matches every operation.
    pub operation: Option<String>,
    pub trigger: Trigger,
    pub action: Action,
}

impl Rule {
    /// `action` on `operation` of `service`, when `trigger` says.
    pub fn new(service: &str, operation: &str, trigger: Trigger, action: Action) -> Rule {
        Rule {
            service: Some(service.to_owned()),
            operation: Some(operation.to_owned()),
            trigger,
            action,
        }
    }
}

/// A fault actually injected: the call it hit and what was done.
#[derive(Debug, Clone)]
pub struct Injected {
    pub service: String,
    pub operation: String,
    /// Which matching call it was (1-based).
    pub call: u64,
    pub action: Action,
}

struct RuleState {
    rule: Rule,
    matched: u64,
    rng: fastrand::Rng,
}

/// One call as the proxy saw it: when it arrived and what was done to it.
#[derive(Debug, Clone)]
pub struct Call {
    pub operation: String,
    pub at: Instant,
    pub fault: Option<Action>,
    /// The request body as sent.
    pub body: Vec<u8>,
}

#[derive(Default)]
struct State {
    rules: Vec<RuleState>,
    calls: HashMap<String, u64>,
    injected: Vec<Injected>,
    log: Vec<Call>,
    /// Connections being served now.
    active: usize,
    /// Held calls may go on.
    released: bool,
}

/// A running proxy; it stops accepting when the test process ends.
pub struct Proxy {
    pub seed: u64,
    addr: std::net::SocketAddr,
    state: Arc<Mutex<State>>,
}

impl Proxy {
    /// Listen on an ephemeral 127.0.0.1 port and forward to `upstream` (`http://host:port`).
    pub fn start(upstream: &str, seed: u64, rules: Vec<Rule>) -> Proxy {
        let upstream = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let addr = listener.local_addr().expect("proxy address");
        let state = Arc::new(Mutex::new(State {
            rules: rules
                .into_iter()
                .enumerate()
                .map(|(i, rule)| RuleState {
                    rule,
                    matched: 0,
                    rng: fastrand::Rng::with_seed(seed.wrapping_add(i as u64)),
                })
                .collect(),
            ..State::default()
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let state = shared.clone();
                let upstream = upstream.clone();
                state.lock().unwrap().active += 1;
                std::thread::spawn(move || {
                    // A client that hangs up early is not the proxy's failure.
                    let _ = serve(conn, &upstream, &state);
                    state.lock().unwrap().active -= 1;
                });
            }
        });
        Proxy { seed, addr, state }
    }

    /// The endpoint URL to give the client.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Calls seen for `operation` (all services), injected or forwarded.
    pub fn calls(&self, operation: &str) -> u64 {
        let state = self.state.lock().unwrap();
        state
            .calls
            .iter()
            .filter(|(k, _)| k.rsplit('.').next() == Some(operation))
            .map(|(_, n)| n)
            .sum()
    }

    /// Calls seen per `service.operation`.
    pub fn all_calls(&self) -> HashMap<String, u64> {
        self.state.lock().unwrap().calls.clone()
    }

    /// Every call to `operation` (all services) so far, in order of arrival; for REST
    /// protocols the operation is the request line, matched by the part given (`/invocations`).
    pub fn log(&self, operation: &str) -> Vec<Call> {
        let state = self.state.lock().unwrap();
        state
            .log
            .iter()
            .filter(|c| c.operation == operation || c.operation.contains(operation))
            .cloned()
            .collect()
    }

    /// Wait (up to 30 s) until no request is being served: after its client was killed, a
    /// request the proxy holds (latency) may still reach moto, as one in flight would on AWS.
    pub fn wait_idle(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        // Idle twice, 100 ms apart: a connection still in the listen backlog is served too.
        let mut idle = 0;
        while idle < 2 {
            assert!(Instant::now() < deadline, "the proxy never went idle");
            std::thread::sleep(Duration::from_millis(100));
            idle = if self.state.lock().unwrap().active == 0 {
                idle + 1
            } else {
                0
            };
        }
    }

    /// Let every held call (and any later one) go on to moto.
    pub fn release(&self) {
        self.state.lock().unwrap().released = true;
    }

    /// Faults injected so far, in order.
    pub fn injected(&self) -> Vec<Injected> {
        self.state.lock().unwrap().injected.clone()
    }

    /// A line for assertion messages: the seed (to replay a failure) and what happened.
    pub fn describe(&self) -> String {
        format!(
            "proxy seed {} — calls {:?} — injected {:?}",
            self.seed,
            self.all_calls(),
            self.injected()
        )
    }
}

/// One parsed request.
struct Request {
    head: Vec<String>,
    body: Vec<u8>,
    service: String,
    operation: String,
    query_protocol: bool,
}

fn read_head(reader: &mut impl BufRead) -> std::io::Result<Vec<String>> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        if line.is_empty() {
            return Ok(lines);
        }
        lines.push(line);
    }
}

fn header<'a>(head: &'a [String], name: &str) -> Option<&'a str> {
    head.iter().skip(1).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn content_length(head: &[String]) -> Option<usize> {
    header(head, "content-length").and_then(|v| v.parse().ok())
}

fn read_request(conn: &mut TcpStream, reader: &mut impl BufRead) -> std::io::Result<Request> {
    let head = read_head(reader)?;
    if header(&head, "expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue")) {
        conn.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let mut body = vec![0; content_length(&head).unwrap_or(0)];
    reader.read_exact(&mut body)?;
    let (service, operation, query_protocol) = match header(&head, "x-amz-target") {
        Some(t) => {
            let (s, o) = t.split_once('.').unwrap_or(("", t));
            (s.to_owned(), o.to_owned(), false)
        }
        None => {
            // Query protocol: `Action=…` in the form body; the service is the signing name.
            let scope = header(&head, "authorization")
                .and_then(|a| a.split("Credential=").nth(1))
                .and_then(|c| c.split('/').nth(3))
                .unwrap_or("")
                .to_owned();
            let text = String::from_utf8_lossy(&body);
            match text.split('&').find_map(|kv| kv.strip_prefix("Action=")) {
                Some(action) => (scope, action.to_owned(), true),
                None => (scope, head[0].clone(), false),
            }
        }
    };
    Ok(Request {
        head,
        body,
        service,
        operation,
        query_protocol,
    })
}

/// The head with `Connection: close` in place of any connection or expect header.
fn rewrite(head: &[String]) -> Vec<u8> {
    let mut out = String::new();
    for (i, line) in head.iter().enumerate() {
        let name = line.split(':').next().unwrap_or("").trim();
        if i > 0
            && (name.eq_ignore_ascii_case("connection")
                || name.eq_ignore_ascii_case("keep-alive")
                || name.eq_ignore_ascii_case("expect"))
        {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("Connection: close\r\n\r\n");
    out.into_bytes()
}

/// Send the request to moto on a fresh connection; its response head and body.
fn forward(upstream: &str, req: &Request) -> std::io::Result<(Vec<String>, Vec<u8>)> {
    let mut up = TcpStream::connect(upstream)?;
    up.write_all(&rewrite(&req.head))?;
    up.write_all(&req.body)?;
    let mut reader = BufReader::new(up);
    let head = read_head(&mut reader)?;
    let mut body = Vec::new();
    match content_length(&head) {
        Some(n) => {
            body.resize(n, 0);
            reader.read_exact(&mut body)?;
        }
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok((head, body))
}

/// Which rule fires for this call (the first that does), counting every match.
fn decide(state: &Mutex<State>, req: &Request) -> Option<Action> {
    let mut state = state.lock().unwrap();
    *state
        .calls
        .entry(format!("{}.{}", req.service, req.operation))
        .or_default() += 1;
    let mut fired = None;
    for r in &mut state.rules {
        let matches = r.rule.service.as_ref().is_none_or(|s| *s == req.service)
            && r.rule
                .operation
                .as_ref()
                .is_none_or(|o| *o == req.operation);
        if !matches {
            continue;
        }
        r.matched += 1;
        let fire = match r.rule.trigger {
            Trigger::Nth(n) => r.matched == n,
            Trigger::Every(n) => n > 0 && r.matched.is_multiple_of(n),
            Trigger::Probability(p) => r.rng.f64() < p,
            Trigger::Calls(from, to) => (from..=to).contains(&r.matched),
        };
        if fire && fired.is_none() {
            fired = Some((r.rule.action, r.matched));
        }
    }
    state.log.push(Call {
        operation: req.operation.clone(),
        at: Instant::now(),
        fault: fired.map(|(action, _)| action),
        body: req.body.clone(),
    });
    let (action, call) = fired?;
    state.injected.push(Injected {
        service: req.service.clone(),
        operation: req.operation.clone(),
        call,
        action,
    });
    Some(action)
}

/// An AWS-shaped error: JSON (`__type`) for JSON protocols, XML for query protocols.
fn error_response(req: &Request, error: AwsError) -> Vec<u8> {
    let (status, reason) = error.status();
    let code = error.code();
    // No code in the message: real AWS messages seldom carry one, so a test that finds the code
    // in orderctl's output knows orderctl put it there.
    let message = "injected by the test proxy";
    let (content_type, body) = if req.query_protocol {
        let kind = if status >= 500 { "Receiver" } else { "Sender" };
        (
            "text/xml",
            format!(
                "<ErrorResponse><Error><Type>{kind}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>proxy</RequestId></ErrorResponse>"
            ),
        )
    } else {
        let namespace = if req.service.starts_with("DynamoDB") {
            "com.amazonaws.dynamodb.v20120810#"
        } else if req.service.starts_with("AmazonSQS") {
            "com.amazonaws.sqs#"
        } else {
            ""
        };
        (
            "application/x-amz-json-1.0",
            serde_json::json!({"__type": format!("{namespace}{code}"), "message": message})
                .to_string(),
        )
    };
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nx-amzn-ErrorType: {code}\r\nx-amzn-RequestId: proxy\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn serve(mut conn: TcpStream, upstream: &str, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(conn.try_clone()?);
    let req = read_request(&mut conn, &mut reader)?;
    let action = decide(state, &req);
    match action {
        Some(Action::Error(e)) => conn.write_all(&error_response(&req, e))?,
        Some(Action::ForwardThen500) => {
            forward(upstream, &req)?;
            conn.write_all(&error_response(&req, AwsError::InternalServerError))?;
        }
        other => {
            if let Some(Action::Latency(d)) = other {
                std::thread::sleep(d);
            }
            if let Some(Action::Hold) = other {
                let deadline = Instant::now() + Duration::from_secs(120);
                while !state.lock().unwrap().released && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
            let (mut head, body) = forward(upstream, &req)?;
            // Re-frame: the body was read whole, so its length is known.
            head.retain(|l| {
                let name = l.split(':').next().unwrap_or("").trim();
                !name.eq_ignore_ascii_case("content-length")
                    && !name.eq_ignore_ascii_case("transfer-encoding")
            });
            head.push(format!("Content-Length: {}", body.len()));
            conn.write_all(&rewrite(&head))?;
            match other {
                Some(Action::ResetAfterHeaders) => {}
                Some(Action::TruncateBody) => conn.write_all(&body[..body.len() / 2])?,
                _ => conn.write_all(&body)?,
            }
        }
    }
    conn.flush()?;
    conn.shutdown(Shutdown::Both)
}
