//! CloudWatch for the CLI: consumer metrics from `consume` (PutMetricData in namespace
//! `orderctl/Consumers`, dimension `FunctionName`).

use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum, StandardUnit};

use super::AwsTarget;
use crate::backend::TResult;
use crate::backend::telemetry::Point;

/// PutMetricData takes at most 1,000 metric data per request (aws-semantics §5.4).
const PUT_LIMIT: usize = 1000;

impl AwsTarget {
    /// Publish consumer metrics, in as few calls as the limits allow.
    pub async fn put_consumer_metrics(&self, namespace: &str, points: &[Point]) -> TResult<()> {
        for chunk in points.chunks(PUT_LIMIT) {
            let data: Vec<MetricDatum> = chunk
                .iter()
                .map(|p| {
                    MetricDatum::builder()
                        .metric_name(p.name)
                        .dimensions(
                            Dimension::builder()
                                .name("FunctionName")
                                .value(&p.function)
                                .build(),
                        )
                        .value(p.value as f64)
                        .unit(StandardUnit::from(p.unit))
                        .timestamp(DateTime::from_millis(p.ts_ms))
                        .build()
                })
                .collect();
            self.cloudwatch
                .put_metric_data()
                .namespace(namespace)
                .set_metric_data(Some(data))
                .send()
                .await
                .map_err(|e| self.err(e, "cloudwatch:PutMetricData", "namespace", namespace))?;
        }
        Ok(())
    }
}

/// One metric to read: namespace, metric name, dimensions, statistic.
#[derive(Debug, Clone)]
pub struct MetricQuery {
    /// Namespace.
    pub namespace: String,
    /// Metric name.
    pub name: String,
    /// Dimensions (name, value).
    pub dimensions: Vec<(String, String)>,
    /// `Maximum`, `Sum`, …
    pub stat: &'static str,
}

impl AwsTarget {
    /// Datapoints of several metrics over `[start_ms, end_ms)` in `period_s` periods
    /// (GetMetricData, following NextToken; aws-semantics §5.4). One series per query, oldest
    /// first; periods without data are absent.
    pub async fn metric_data(
        &self,
        queries: &[MetricQuery],
        start_ms: i64,
        end_ms: i64,
        period_s: i32,
    ) -> TResult<Vec<Vec<crate::backend::datapoints::Point>>> {
        use aws_sdk_cloudwatch::types::{Metric, MetricDataQuery, MetricStat, ScanBy};
        let mut out = vec![Vec::new(); queries.len()];
        for (chunk_no, chunk) in queries.chunks(500).enumerate() {
            let data_queries: Vec<MetricDataQuery> = chunk
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let metric = Metric::builder()
                        .namespace(&q.namespace)
                        .metric_name(&q.name)
                        .set_dimensions(Some(
                            q.dimensions
                                .iter()
                                .map(|(n, v)| Dimension::builder().name(n).value(v).build())
                                .collect(),
                        ))
                        .build();
                    MetricDataQuery::builder()
                        .id(format!("q{}", chunk_no * 500 + i))
                        .metric_stat(
                            MetricStat::builder()
                                .metric(metric)
                                .period(period_s)
                                .stat(q.stat)
                                .build(),
                        )
                        .return_data(true)
                        .build()
                })
                .collect();
            let mut token: Option<String> = None;
            loop {
                let page = self
                    .cloudwatch
                    .get_metric_data()
                    .set_metric_data_queries(Some(data_queries.clone()))
                    .start_time(DateTime::from_millis(start_ms))
                    .end_time(DateTime::from_millis(end_ms))
                    .scan_by(ScanBy::TimestampAscending)
                    .set_next_token(token.take())
                    .send()
                    .await
                    .map_err(|e| {
                        self.err(
                            e,
                            "cloudwatch:GetMetricData",
                            "namespace",
                            &chunk[0].namespace,
                        )
                    })?;
                for result in page.metric_data_results() {
                    let Some(index) = result
                        .id()
                        .and_then(|id| id.strip_prefix('q'))
                        .and_then(|n| n.parse::<usize>().ok())
                    else {
                        continue;
                    };
                    let points = result
                        .timestamps()
                        .iter()
                        .zip(result.values())
                        .map(|(t, v)| crate::backend::datapoints::Point {
                            timestamp_ms: t.to_millis().unwrap_or(0),
                            value: *v,
                        });
                    if let Some(series) = out.get_mut(index) {
                        series.extend(points);
                    }
                }
                match page.next_token() {
                    Some(t) if !t.is_empty() => token = Some(t.to_owned()),
                    _ => break,
                }
            }
        }
        for series in &mut out {
            series.sort_by_key(|p| p.timestamp_ms);
        }
        Ok(out)
    }

    /// The metrics published in `namespace` (ListMetrics, all pages): name and dimensions.
    pub async fn list_metrics(
        &self,
        namespace: &str,
    ) -> TResult<Vec<(String, Vec<(String, String)>)>> {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = self
                .cloudwatch
                .list_metrics()
                .namespace(namespace)
                .set_next_token(token.take())
                .send()
                .await
                .map_err(|e| self.err(e, "cloudwatch:ListMetrics", "namespace", namespace))?;
            for m in page.metrics() {
                let dims = m
                    .dimensions()
                    .iter()
                    .map(|d| {
                        (
                            d.name().unwrap_or_default().to_owned(),
                            d.value().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect();
                out.push((m.metric_name().unwrap_or_default().to_owned(), dims));
            }
            match page.next_token() {
                Some(t) if !t.is_empty() => token = Some(t.to_owned()),
                _ => return Ok(out),
            }
        }
    }
}
