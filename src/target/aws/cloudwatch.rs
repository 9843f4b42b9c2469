//! CloudWatch for the CLI: consumer metrics from `consume` (PutMetricData in namespace
//! `orderctl/Consumers`, dimension `FunctionName`).

use aws_sdk_cloudwatch::primitives::DateTime;
use aws_sdk_cloudwatch::types::{Dimension, MetricDatum, StandardUnit};

use super::AwsTarget;
use crate::esm::telemetry::Point;
use crate::target::TResult;

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
