//! What `orderctl status` reads on AWS without changing anything: approximate item counts
//! (DescribeTable, refreshed by DynamoDB about every six hours) and the age of the oldest
//! dead letter (CloudWatch `AWS/SQS` — receiving a message to look at it would bump its count).

use aws_sdk_dynamodb::types::TableDescription;

use super::AwsTarget;
use super::cloudwatch::MetricQuery;
use crate::backend::{TResult, TargetError};

impl AwsTarget {
    /// DescribeTable, its errors translated (a missing table says to run `orderctl init`).
    pub(crate) async fn describe_table(&self, table: &str) -> TResult<TableDescription> {
        let out = self
            .ddb
            .describe_table()
            .table_name(table)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:DescribeTable", "table", table))?;
        out.table
            .ok_or_else(|| TargetError::NotFound(format!("table {table} has no description")))
    }

    /// `ItemCount` of a table (approximate).
    pub async fn item_count(&self, table: &str) -> TResult<u64> {
        let description = self.describe_table(table).await?;
        Ok(description.item_count().map_or(0, |n| n.max(0) as u64))
    }

    /// `ApproximateAgeOfOldestMessage` of the DLQ: the latest 1-minute Maximum of the last
    /// 15 minutes, in seconds (`None` when SQS published none, e.g. an empty idle queue).
    pub async fn dlq_oldest_age_seconds(&self) -> TResult<Option<i64>> {
        let end = orders_core::clock::now_ms();
        let query = MetricQuery {
            namespace: "AWS/SQS".into(),
            name: "ApproximateAgeOfOldestMessage".into(),
            dimensions: vec![("QueueName".into(), self.resources.dlq.clone())],
            stat: "Maximum",
        };
        let data = self
            .metric_data(&[query], end - 15 * 60_000, end, 60)
            .await?;
        Ok(data.first().and_then(|s| s.last()).map(|p| p.value as i64))
    }
}
