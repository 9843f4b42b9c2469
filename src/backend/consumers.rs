//! What the backend knows of the stream's consumers, asked without naming the backend: their
//! subscriptions (orderctl.toml locally, the event source mappings on AWS) and their iterator
//! age per period (the metrics table `consume` writes locally; CloudWatch on AWS, for the
//! deployed Lambda and for `orderctl consume`).

use std::time::Duration;

use super::datapoints::Point;
use super::telemetry::NAMESPACE;
use super::{ChangeFeed, TResult, Target};
use crate::functions::{Function, Subscriptions};
use crate::mappings::{EsmDoc, Mapping, from_subscriptions};

/// The source of the consumers `orderctl consume` runs (as opposed to a deployed Lambda).
pub const CONSUME_SOURCE: &str = "orderctl consume";

/// One consumer's IteratorAge datapoints, with where they come from.
#[derive(Debug)]
pub struct AgeSeries {
    /// The function.
    pub function: &'static str,
    /// `orderctl consume` or `lambda <name>`.
    pub source: String,
    /// Maximum per period.
    pub points: Vec<Point>,
}

/// The period CloudWatch accepts for a standard-resolution metric over a window of `since`:
/// `period` rounded up to a multiple of 60 s (window up to 15 days), 300 s (up to 63 days) or
/// 3600 s (aws-semantics §5.4).
pub fn cloudwatch_period_s(since: Duration, period: Duration) -> i64 {
    const DAY: u64 = 86_400;
    let step = match since.as_secs() {
        s if s <= 15 * DAY => 60,
        s if s <= 63 * DAY => 300,
        _ => 3600,
    };
    (period.as_secs().max(1).div_ceil(step) * step) as i64
}

impl Target {
    /// The stream's ARN, its subscriptions, and where they were read from.
    pub async fn subscriptions(
        &self,
        subs: &Subscriptions,
    ) -> TResult<(String, &'static str, Vec<Mapping>)> {
        let arn = self.stream_arn().await?;
        Ok(match self {
            Target::Local(_) => (arn, "orderctl.toml", from_subscriptions(subs)),
            Target::Aws(aws) => {
                let esms = aws.event_source_mappings(&arn).await?;
                let mappings = esms
                    .iter()
                    .map(|m| EsmDoc::from_sdk(m).mapping(subs))
                    .collect();
                (arn, "event source mappings", mappings)
            }
        })
    }

    /// Lambda event source mappings reading the stream (none locally): with two, another
    /// reader is beyond the per-shard budget (aws-semantics §1.4).
    pub async fn enabled_lambda_readers(&self, arn: &str) -> TResult<usize> {
        match self {
            Target::Local(_) => Ok(0),
            Target::Aws(aws) => aws.enabled_readers(arn).await,
        }
    }

    /// The period (ms) this backend can report over a window of `since`: CloudWatch returns
    /// nothing for a period it does not accept, which must never read as NO DATA.
    pub fn age_period_ms(&self, since: Duration, period: Duration) -> i64 {
        match self {
            Target::Local(_) => i64::try_from(period.as_millis())
                .unwrap_or(60_000)
                .max(1000),
            Target::Aws(_) => cloudwatch_period_s(since, period) * 1000,
        }
    }

    /// Maximum IteratorAge per period of `[start_ms, end_ms)` for each of `functions`.
    pub async fn iterator_ages(
        &self,
        functions: &[Function],
        subs: &Subscriptions,
        start_ms: i64,
        end_ms: i64,
        period_ms: i64,
    ) -> TResult<Vec<AgeSeries>> {
        match self {
            Target::Local(local) => {
                let mut by_function =
                    local.maximum_per_period(NAMESPACE, "IteratorAge", start_ms, period_ms)?;
                Ok(functions
                    .iter()
                    .map(|f| AgeSeries {
                        function: f.name(),
                        source: CONSUME_SOURCE.into(),
                        points: by_function.remove(f.name()).unwrap_or_default(),
                    })
                    .collect())
            }
            Target::Aws(aws) => {
                let mut queries = Vec::new();
                let mut labels = Vec::new();
                for f in functions {
                    let lambda = subs[f].lambda_name.clone();
                    if !lambda.is_empty() {
                        queries.push(aws::age_query("AWS/Lambda", &lambda));
                        labels.push((f.name(), format!("lambda {lambda}")));
                    }
                    queries.push(aws::age_query(NAMESPACE, f.name()));
                    labels.push((f.name(), CONSUME_SOURCE.to_owned()));
                }
                let period_s = i32::try_from(period_ms / 1000).unwrap_or(60);
                let data = aws
                    .metric_data(&queries, start_ms, end_ms, period_s)
                    .await?;
                Ok(labels
                    .into_iter()
                    .zip(data)
                    .map(|((function, source), points)| AgeSeries {
                        function,
                        source,
                        points,
                    })
                    .collect())
            }
        }
    }
}

mod aws {
    use crate::backend::aws::cloudwatch::MetricQuery;

    /// The IteratorAge Maximum of one function in `namespace`.
    pub fn age_query(namespace: &str, function_name: &str) -> MetricQuery {
        MetricQuery {
            namespace: namespace.into(),
            name: "IteratorAge".into(),
            dimensions: vec![("FunctionName".into(), function_name.into())],
            stat: "Maximum",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cloudwatch_period_s;
    use std::time::Duration;

    #[test]
    fn periods_are_ones_cloudwatch_accepts() {
        let (m, d) = (60, 86_400);
        let p = |since: u64, period: u64| {
            cloudwatch_period_s(Duration::from_secs(since), Duration::from_secs(period))
        };
        assert_eq!(p(3600, 60), 60);
        assert_eq!(p(3600, 10), 60, "standard resolution: at least a minute");
        assert_eq!(p(3600, 90), 120);
        assert_eq!(p(20 * d, m), 300);
        assert_eq!(p(90 * d, 300), 3600);
    }
}
