//! Iterator age as an on-call engineer reads it (aws-semantics §5.1): the Maximum per period —
//! the worst batch shows a stuck shard, an average hides it — a sparkline of the window, and
//! a verdict. A period without datapoints is missing, never zero: an idle stream sends none.

use std::time::Duration;

use serde::Serialize;

use crate::backend::Target;
use crate::backend::position::Position;
use crate::functions::{Function, Subscriptions};

/// The window `lag` and `status` look at.
#[derive(Debug, Clone)]
pub struct Window {
    /// These functions ([] for all).
    pub functions: Vec<Function>,
    /// How far back.
    pub since: Duration,
    /// One datapoint per period.
    pub period: Duration,
    /// A latest value above this is OVER.
    pub threshold: Duration,
}

/// What `lag -o json` prints.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LagReport {
    /// Window start (RFC 3339).
    pub since: String,
    /// Period (s).
    pub period_seconds: u64,
    /// Threshold (ms).
    pub threshold_ms: u64,
    /// One per consumer.
    pub consumers: Vec<Series>,
}

/// Read every consumer's series for the window ending now.
pub async fn measure(
    window: &Window,
    subs: &Subscriptions,
    target: &Target,
    data_dir: &std::path::Path,
) -> anyhow::Result<LagReport> {
    let functions = if window.functions.is_empty() {
        Function::ALL.to_vec()
    } else {
        window.functions.clone()
    };
    let end_ms = orders_core::clock::now_ms();
    let period_ms = target.age_period_ms(window.since, window.period);
    // Periods start on multiples of the period, as CloudWatch's do (§5.4).
    let start_ms = (end_ms - i64::try_from(window.since.as_millis()).unwrap_or(i64::MAX / 2))
        .div_euclid(period_ms)
        * period_ms;
    let threshold = window.threshold.as_millis() as f64;
    let mut positions = std::collections::HashMap::new();
    for f in &functions {
        let latest = subs[f].starting_position == "latest";
        if let Some(p) = target.position(f.name(), latest, data_dir).await? {
            positions.insert(f.name(), p);
        }
    }
    let consumers = target
        .iterator_ages(&functions, subs, start_ms, end_ms, period_ms)
        .await?
        .into_iter()
        .map(|a| {
            let mut s = series(
                a.function, &a.source, a.points, start_ms, end_ms, period_ms, threshold,
            );
            if let Some(b) = positions.get(a.function).filter(|_| a.source == CONSUME) {
                from_position(&mut s, b, end_ms, threshold);
            }
            s
        })
        .collect();
    Ok(LagReport {
        since: orders_core::clock::rfc3339_s(start_ms),
        period_seconds: (period_ms / 1000) as u64,
        threshold_ms: window.threshold.as_millis() as u64,
        consumers,
    })
}

pub use crate::backend::Point;

pub use crate::backend::consumers::CONSUME_SOURCE as CONSUME;

/// Where a consumer's position is known, its latest age is measured from it rather than read
/// from metrics: now minus the creation time of its oldest unprocessed record (0 when caught
/// up, growing while it is stopped). Behind with no checkpoint moved for `threshold_ms` is
/// STALLED: the worst answer on call is an OK from a consumer that stopped.
fn from_position(s: &mut Series, p: &Position, now_ms: i64, threshold_ms: f64) {
    let age = p.oldest_behind_ms.map_or(0, |t| (now_ms - t).max(0)) as f64;
    let idle_ms = p
        .last_progress_ms
        .map_or(f64::INFINITY, |t| (now_ms - t) as f64);
    s.latest_ms = Some(age);
    s.records_behind = p.records_behind;
    s.status = if p.is_behind() && idle_ms > threshold_ms {
        "STALLED"
    } else if age > threshold_ms {
        "OVER"
    } else {
        "OK"
    };
}

/// A consumer's iterator age over the window.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    /// The consumer (function name, and where it runs).
    pub function: String,
    /// `orderctl consume` or `lambda <name>`.
    pub source: String,
    /// The last period's Maximum, when there is data.
    pub latest_ms: Option<f64>,
    /// The window's Maximum.
    pub max_ms: Option<f64>,
    /// Stream records it has still to process, where its position is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records_behind: Option<u64>,
    /// `OK`, `OVER` (latest above the threshold), `STALLED` (behind, and no checkpoint moved
    /// for the threshold) or `NO DATA`.
    pub status: &'static str,
    /// One character per period.
    pub sparkline: String,
    /// The datapoints, oldest first.
    pub datapoints: Vec<Point>,
}

/// Build a series for `[start_ms, end_ms)` from per-period Maximum datapoints.
pub fn series(
    function: &str,
    source: &str,
    mut points: Vec<Point>,
    start_ms: i64,
    end_ms: i64,
    period_ms: i64,
    threshold_ms: f64,
) -> Series {
    points.retain(|p| {
        p.timestamp_ms >= start_ms.div_euclid(period_ms) * period_ms && p.timestamp_ms < end_ms
    });
    points.sort_by_key(|p| p.timestamp_ms);
    // The latest value is the current period's, or the one before it (CloudWatch publishes a
    // minute or two late); an older datapoint is history, not "latest": NO DATA, not OK.
    let fresh_from = (end_ms.div_euclid(period_ms) - 1) * period_ms;
    let latest_ms = points
        .last()
        .filter(|p| p.timestamp_ms >= fresh_from)
        .map(|p| p.value);
    let max_ms = points.iter().map(|p| p.value).reduce(f64::max);
    let status = match latest_ms {
        None => "NO DATA",
        Some(v) if v > threshold_ms => "OVER",
        Some(_) => "OK",
    };
    Series {
        function: function.to_owned(),
        source: source.to_owned(),
        latest_ms,
        max_ms,
        records_behind: None,
        status,
        sparkline: sparkline(&points, start_ms, end_ms, period_ms),
        datapoints: points,
    }
}

/// One character per period of the window: `▁`…`█` scaled to the window's maximum, `·` for a
/// period without data.
pub fn sparkline(points: &[Point], start_ms: i64, end_ms: i64, period_ms: i64) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let first = start_ms.div_euclid(period_ms) * period_ms;
    // The period `end_ms` falls in is drawn too: it holds the freshest data.
    let periods = ((end_ms - first + period_ms - 1) / period_ms).clamp(1, 240);
    let max = points.iter().map(|p| p.value).fold(0.0_f64, f64::max);
    (0..periods)
        .map(|i| {
            let at = first + i * period_ms;
            match points.iter().find(|p| p.timestamp_ms == at) {
                None => '·',
                Some(_) if max <= 0.0 => BARS[0],
                Some(p) => BARS[((p.value / max) * 8.0).floor().clamp(0.0, 7.0) as usize],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_periods_are_not_zero() {
        let points = vec![
            Point {
                timestamp_ms: 0,
                value: 9.0,
            },
            Point {
                timestamp_ms: 120_000,
                value: 100.0,
            },
        ];
        let s = series(
            "inventory",
            "orderctl consume",
            points,
            0,
            180_000,
            60_000,
            60_000.0,
        );
        assert_eq!(s.sparkline, "▁·█");
        assert_eq!(
            (s.latest_ms, s.max_ms, s.status),
            (Some(100.0), Some(100.0), "OK")
        );
        let none = series("inventory", "x", vec![], 0, 180_000, 60_000, 1.0);
        assert_eq!(
            (none.status, none.sparkline.as_str(), none.latest_ms),
            ("NO DATA", "···", None)
        );
        let over = series(
            "i",
            "x",
            vec![Point {
                timestamp_ms: 60_000,
                value: 61_000.0,
            }],
            0,
            120_000,
            60_000,
            60_000.0,
        );
        assert_eq!(over.status, "OVER");
    }

    /// Issue 13, finding 4: with nothing consuming, the last value seen was shown as LATEST
    /// and OK for as long as the window still held it.
    #[test]
    fn an_old_datapoint_is_not_the_latest_value() {
        let points = vec![Point {
            timestamp_ms: 0,
            value: 1_500.0,
        }];
        let s = series("notification", "x", points, 0, 300_000, 60_000, 60_000.0);
        assert_eq!(
            (s.latest_ms, s.max_ms, s.status),
            (None, Some(1_500.0), "NO DATA")
        );
    }
}
