//! The metrics the consumers published, read where the backend keeps them: the local metrics
//! table, or CloudWatch (one datapoint per minute: the Sum, or the Maximum for IteratorAge).

use super::aws::cloudwatch::MetricQuery;
use super::datapoints::MetricPoint;
use super::telemetry::NAMESPACE;
use super::{AwsTarget, TResult, Target};

impl Target {
    /// Datapoints since `since_ms`, optionally of one namespace and one metric, oldest first.
    pub async fn metric_points(
        &self,
        namespace: Option<&str>,
        name: Option<&str>,
        since_ms: i64,
    ) -> TResult<Vec<MetricPoint>> {
        match self {
            Target::Local(local) => local.metric_points(namespace, name, since_ms),
            Target::Aws(aws) => cloudwatch_points(aws, namespace, name, since_ms).await,
        }
    }
}

/// CloudWatch's view: the metrics ListMetrics knows in the namespaces (default: the analytics
/// function's and `orderctl consume`'s), one datapoint per minute, oldest first.
async fn cloudwatch_points(
    aws: &AwsTarget,
    namespace: Option<&str>,
    name_filter: Option<&str>,
    since_ms: i64,
) -> TResult<Vec<MetricPoint>> {
    let namespaces = match namespace {
        Some(ns) => vec![ns.to_owned()],
        None => vec![analytics::NAMESPACE.to_owned(), NAMESPACE.to_owned()],
    };
    let mut queries = Vec::new();
    for namespace in namespaces {
        for (name, dimensions) in aws.list_metrics(&namespace).await? {
            if name_filter.is_some_and(|n| n != name) {
                continue;
            }
            let stat = if name == "IteratorAge" {
                "Maximum"
            } else {
                "Sum"
            };
            queries.push(MetricQuery {
                namespace: namespace.clone(),
                name,
                dimensions,
                stat,
            });
        }
    }
    let now = orders_core::clock::now_ms();
    let since = std::time::Duration::from_millis((now - since_ms).max(0) as u64);
    let period_s = super::consumers::cloudwatch_period_s(since, std::time::Duration::from_secs(60));
    let series = aws
        .metric_data(
            &queries,
            since_ms,
            now,
            i32::try_from(period_s).unwrap_or(3600),
        )
        .await?;
    let mut points: Vec<MetricPoint> = queries
        .iter()
        .zip(series)
        .flat_map(|(q, points)| {
            let dimensions: serde_json::Map<String, serde_json::Value> = q
                .dimensions
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                .collect();
            points.into_iter().filter_map(move |p| {
                Some(MetricPoint {
                    namespace: q.namespace.clone(),
                    name: q.name.clone(),
                    dimensions: serde_json::Value::Object(dimensions.clone()),
                    timestamp_ms: p.timestamp_ms,
                    value: serde_json::Number::from_f64(p.value)?,
                    unit: String::new(),
                    statistic: Some(q.stat),
                })
            })
        })
        .collect();
    points.sort_by_key(|p| p.timestamp_ms);
    Ok(points)
}
