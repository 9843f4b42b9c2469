//! Metric values as the backends read them back: plain data, shared by both adapters and the
//! readers above them.

use serde::Serialize;

/// One metric datapoint: period start (epoch ms) and the value in it (the Maximum, or the
/// Sum, per the query).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Point {
    /// Period start.
    pub timestamp_ms: i64,
    /// The value in the period.
    pub value: f64,
}

/// One datapoint as stored (the local metrics table) or as CloudWatch aggregates it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricPoint {
    /// Namespace.
    pub namespace: String,
    /// Metric name.
    pub name: String,
    /// Dimensions (JSON object).
    pub dimensions: serde_json::Value,
    /// When (epoch ms).
    pub timestamp_ms: i64,
    /// Exact value.
    pub value: serde_json::Number,
    /// Unit (empty from CloudWatch: GetMetricData returns none).
    pub unit: String,
    /// The statistic a value is (`Sum`, `Maximum`) when it aggregates datapoints (CloudWatch);
    /// `null` for a raw datapoint (the local table).
    pub statistic: Option<&'static str>,
}
