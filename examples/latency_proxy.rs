//! The tests' fault-injecting proxy as a process, for `scripts/bench aws_latency` (issue 15):
//! it forwards to moto, adds a fixed delay to every call (a round trip to a real region), and
//! keeps a JSON file of its call counts per operation up to date, so the benchmark can compare
//! a command's time with its floor (calls × round trip ÷ concurrency).
//!
//! Usage: `latency_proxy UPSTREAM DELAY_MS COUNTS_FILE` — prints its URL on stdout, then serves
//! until killed.

#[allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
#[path = "../tests/support/proxy.rs"]
mod proxy;

use std::io::Write;
use std::time::Duration;

use proxy::{Action, Proxy, Rule, Trigger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(upstream), Some(delay), Some(counts)) = (args.next(), args.next(), args.next())
    else {
        return Err("usage: latency_proxy UPSTREAM DELAY_MS COUNTS_FILE".into());
    };
    let delay = Duration::from_millis(delay.parse()?);
    let rule = Rule {
        service: None,
        operation: None,
        trigger: Trigger::Every(1),
        action: Action::Latency(delay),
    };
    let proxy = Proxy::start(&upstream, 0, vec![rule]);
    println!("{}", proxy.url());
    std::io::stdout().flush()?;
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let text = serde_json::to_string(&proxy.all_calls())?;
        let tmp = format!("{counts}.tmp");
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, &counts)?;
    }
}
