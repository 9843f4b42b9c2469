//! Time as the pipeline writes it: epoch milliseconds internally, RFC 3339 UTC with
//! milliseconds (`2026-11-27T02:46:36.123Z`) on the wire, so text order is time order.
//!
//! Every reader of the time — stream, event-source mapping, dead-letter queue, metrics and the
//! functions — asks [`now_ms`], the one clock. Production reads the system clock. A test (or
//! the simulation) installs its own clock for the current thread with [`install`], and moves
//! it forward instead of sleeping: 25 hours pass in a microsecond.

use std::cell::RefCell;
use std::rc::Rc;

use jiff::Timestamp;

thread_local! {
    static INSTALLED: RefCell<Option<Rc<dyn Fn() -> i64>>> = const { RefCell::new(None) };
}

/// Milliseconds since the Unix epoch, now: the installed clock's, else the system's.
pub fn now_ms() -> i64 {
    INSTALLED
        .with(|c| c.borrow().as_ref().map(|f| f()))
        .unwrap_or_else(|| Timestamp::now().as_millisecond())
}

/// Read time from `clock` on this thread until the returned guard is dropped.
pub fn install(clock: impl Fn() -> i64 + 'static) -> Installed {
    let previous = INSTALLED.with(|c| c.borrow_mut().replace(Rc::new(clock)));
    Installed { previous }
}

/// Keeps a clock installed; dropping it restores the one before.
pub struct Installed {
    previous: Option<Rc<dyn Fn() -> i64>>,
}

impl std::fmt::Debug for Installed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("clock::Installed")
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        let previous = self.previous.take();
        INSTALLED.with(|c| *c.borrow_mut() = previous);
    }
}

/// A clock that moves only when told to: for tests.
#[derive(Debug, Clone)]
pub struct ManualClock(Rc<std::cell::Cell<i64>>);

impl ManualClock {
    /// A clock standing at `ms`, installed on this thread while the guard lives.
    pub fn install_at(ms: i64) -> (ManualClock, Installed) {
        let clock = ManualClock(Rc::new(std::cell::Cell::new(ms)));
        let reader = clock.clone();
        (clock, install(move || reader.now()))
    }

    /// Its time.
    pub fn now(&self) -> i64 {
        self.0.get()
    }

    /// Move it forward by `ms`.
    pub fn advance(&self, ms: i64) {
        self.0.set(self.0.get().saturating_add(ms.max(0)));
    }
}

/// `ms` as RFC 3339 UTC with milliseconds.
pub fn rfc3339_ms(ms: i64) -> String {
    match Timestamp::from_millisecond(ms) {
        Ok(t) => t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        Err(_) => String::from("1970-01-01T00:00:00.000Z"),
    }
}

/// `ms` as RFC 3339 UTC without fractional seconds (`2019-11-14T00:13:19Z`).
pub fn rfc3339_s(ms: i64) -> String {
    match Timestamp::from_millisecond(ms) {
        Ok(t) => t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Err(_) => String::from("1970-01-01T00:00:00Z"),
    }
}

/// Parse RFC 3339 (any offset) to epoch milliseconds.
pub fn parse_rfc3339(text: &str) -> Result<i64, String> {
    text.parse::<Timestamp>()
        .map(|t| t.as_millisecond())
        .map_err(|e| format!("not an RFC 3339 time: {text:?} ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses() {
        assert_eq!(rfc3339_ms(1_573_690_429_717), "2019-11-14T00:13:49.717Z");
        assert_eq!(rfc3339_s(1_573_690_399_000), "2019-11-14T00:13:19Z");
        assert_eq!(
            parse_rfc3339("2019-11-14T00:13:49.717Z").unwrap(),
            1_573_690_429_717
        );
        assert_eq!(
            parse_rfc3339("2019-11-14T01:13:49.717+01:00").unwrap(),
            1_573_690_429_717
        );
        assert!(parse_rfc3339("yesterday").is_err());
    }

    #[test]
    fn an_installed_clock_is_read_until_its_guard_drops() {
        let system = now_ms();
        {
            let (clock, _guard) = ManualClock::install_at(1_000);
            assert_eq!(now_ms(), 1_000);
            clock.advance(25 * 3600 * 1000);
            assert_eq!(now_ms(), 1_000 + 25 * 3600 * 1000);
        }
        assert!(now_ms() >= system, "the system clock is back");
    }
}
