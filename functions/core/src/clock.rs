//! Time as the pipeline writes it: epoch milliseconds internally, RFC 3339 UTC with
//! milliseconds (`2026-11-27T02:46:36.123Z`) on the wire, so text order is time order.

use jiff::Timestamp;

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
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
}
