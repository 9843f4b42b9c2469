//! Lambda event source mappings on the orders stream: who else reads it (the reader budget of
//! aws-semantics §1.4: two readers per shard), and their configuration for `status`/`doctor`.

use aws_sdk_lambda::types::EventSourceMappingConfiguration;

use super::AwsTarget;
use crate::backend::{TResult, TargetError};

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

/// What a synchronous Invoke returned.
#[derive(Debug, Clone)]
pub struct LambdaReply {
    /// `FunctionError` (`Unhandled`, …) when the function failed.
    pub function_error: Option<String>,
    /// The response payload, as text.
    pub payload: String,
}

impl AwsTarget {
    /// Invoke a deployed function synchronously (RequestResponse) with a Lambda event. Judging
    /// the reply (aws-semantics §3.3) is the caller's: it knows the batch.
    pub async fn invoke_lambda(
        &self,
        name: &str,
        event: &orders_core::Event,
    ) -> TResult<LambdaReply> {
        let payload = serde_json::to_vec(event)
            .map_err(|e| TargetError::other("cannot encode the event", e))?;
        let out = self
            .lambda
            .invoke()
            .function_name(name)
            .invocation_type(aws_sdk_lambda::types::InvocationType::RequestResponse)
            .payload(aws_smithy_types::Blob::new(payload))
            .send()
            .await
            .map_err(|e| self.err(e, "lambda:InvokeFunction", "function", name))?;
        Ok(LambdaReply {
            function_error: out.function_error().map(str::to_owned),
            payload: out
                .payload()
                .map(|b| String::from_utf8_lossy(b.as_ref()).into_owned())
                .unwrap_or_default(),
        })
    }
}
