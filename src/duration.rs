//! Human durations on the command line (`2s`, `500ms`, `1h30m`, `7d`), parsed one way for
//! every flag that takes one (`--idle`, `--timeout`, `--since`, `--period`, …).

use std::time::Duration;

/// Parse `2s`, `500ms`, `1m`, `1h30m`, `7d`; a bare number means seconds.
pub fn parse(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty duration".into());
    }
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = t;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or(rest.len());
        if digits == 0 {
            return Err(format!("not a duration: {text:?} (try 2s, 500ms, 1h30m)"));
        }
        let value: f64 = rest[..digits]
            .parse()
            .map_err(|_| format!("not a duration: {text:?}"))?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let scale = match unit {
            "ms" => 0.001,
            "s" | "sec" | "secs" => 1.0,
            "m" | "min" | "mins" => 60.0,
            "h" | "hr" | "hrs" => 3600.0,
            "d" | "day" | "days" => 86400.0,
            _ => {
                return Err(format!(
                    "unknown unit {unit:?} in {text:?} (use ms, s, m, h or d)"
                ));
            }
        };
        total += Duration::from_secs_f64(value * scale);
    }
    Ok(total)
}

/// Print a duration compactly (`1.5s`, `250ms`, `2m`, `1h5m`).
pub fn show(d: Duration) -> String {
    let ms = d.as_millis();
    match ms {
        0..1000 => format!("{ms}ms"),
        1000..60_000 => {
            let s = d.as_secs_f64();
            if s.fract() == 0.0 {
                format!("{s:.0}s")
            } else {
                format!("{s:.1}s")
            }
        }
        60_000..3_600_000 => format!("{}m{}", ms / 60_000, secs_part(ms % 60_000)),
        _ => format!("{}h{}", ms / 3_600_000, mins_part(ms % 3_600_000)),
    }
}

fn secs_part(ms: u128) -> String {
    if ms >= 1000 {
        format!("{}s", ms / 1000)
    } else {
        String::new()
    }
}

fn mins_part(ms: u128) -> String {
    if ms >= 60_000 {
        format!("{}m", ms / 60_000)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse("2s").unwrap(), Duration::from_secs(2));
        assert_eq!(parse("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(parse("7d").unwrap(), Duration::from_secs(7 * 86400));
        assert_eq!(parse("1.5s").unwrap(), Duration::from_millis(1500));
        assert_eq!(parse("60").unwrap(), Duration::from_secs(60));
        assert!(parse("2 weeks").is_err());
        assert!(parse("s").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn shows_compactly() {
        assert_eq!(show(Duration::from_millis(250)), "250ms");
        assert_eq!(show(Duration::from_millis(1500)), "1.5s");
        assert_eq!(show(Duration::from_secs(125)), "2m5s");
        assert_eq!(show(Duration::from_secs(3900)), "1h5m");
    }
}
