//! Lambda event source mappings on the orders stream: who else reads it (the reader budget of
//! aws-semantics §1.4: two readers per shard), and their configuration for `status`/`doctor`.

use aws_sdk_lambda::types::EventSourceMappingConfiguration;

use super::AwsTarget;
use crate::backend::TResult;

impl AwsTarget {
    /// Every event source mapping on `stream_arn` (ListEventSourceMappings, all pages).
    pub async fn event_source_mappings(
        &self,
        stream_arn: &str,
    ) -> TResult<Vec<EventSourceMappingConfiguration>> {
        let mut out = Vec::new();
        let mut marker: Option<String> = None;
        loop {
            let page = self
                .lambda
                .list_event_source_mappings()
                .event_source_arn(stream_arn)
                .set_marker(marker.take())
                .send()
                .await
                .map_err(|e| self.err(e, "lambda:ListEventSourceMappings", "stream", stream_arn))?;
            out.extend(page.event_source_mappings().iter().cloned());
            match page.next_marker() {
                Some(m) if !m.is_empty() => marker = Some(m.to_owned()),
                _ => return Ok(out),
            }
        }
    }

    /// How many of them are enabled (or on their way to it).
    pub async fn enabled_readers(&self, stream_arn: &str) -> TResult<usize> {
        let mappings = self.event_source_mappings(stream_arn).await?;
        Ok(mappings
            .iter()
            .filter(|m| m.state().is_some_and(crate::mappings::is_reading))
            .count())
    }
}
