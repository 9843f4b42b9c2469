//! `deploy` and `destroy` on CloudFormation and S3: the artifacts bucket and content-addressed
//! uploads, change sets (created, waited for, read, executed or deleted), waiting on the stack
//! with its events, and the first failure when it rolls back. SDK errors are translated here.

use std::collections::HashSet;
use std::time::Duration;

use aws_sdk_cloudformation::types::{Capability, ChangeSetStatus, ChangeSetType, Parameter};
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use super::AwsTarget;
use crate::backend::stack::{
    ChangeSet, ChangeSetKind, DeployInputs, StackChange, StackEvent, StackFailure,
};
use crate::backend::{TResult, TargetError};

/// How often to poll, at most, while CloudFormation works.
const MAX_POLL: Duration = Duration::from_secs(3);
/// How long to wait for a stack before giving up (CloudFormation's own default is an hour).
const STACK_TIMEOUT: Duration = Duration::from_secs(3600);

/// The stack operations on one AWS target.
#[derive(Debug, Clone, Copy)]
pub struct Stacks<'a> {
    aws: &'a AwsTarget,
}

/// Polls with a growing pause: the first answers come quickly (and from moto at once).
struct Backoff(Duration);

impl Backoff {
    fn new() -> Backoff {
        Backoff(Duration::from_millis(50))
    }
    async fn wait(&mut self) {
        tokio::time::sleep(self.0).await;
        self.0 = (self.0 * 2).min(MAX_POLL);
    }
}

/// CloudFormation's ways of saying a change set has nothing in it.
fn means_no_changes(reason: &str) -> bool {
    reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
}

impl<'a> Stacks<'a> {
    pub(crate) fn new(aws: &'a AwsTarget) -> Stacks<'a> {
        Stacks { aws }
    }

    /// The account and region, and the orders stream; checks the DLQ exists (the mappings'
    /// on-failure destination), so a missing one says to run `orderctl init`, not a rollback.
    pub async fn inputs(&self) -> TResult<DeployInputs> {
        let table = &self.aws.resources.orders_table;
        let description = self.aws.describe_table(table).await?;
        let account = description
            .table_arn()
            .and_then(|arn| arn.split(':').nth(4))
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| TargetError::Invalid(format!("table {table} has no ARN")))?;
        let stream_arn = description
            .latest_stream_arn()
            .map(str::to_owned)
            .ok_or_else(|| {
                TargetError::NotFound(format!(
                    "table {table} has no stream in {} — run `orderctl init`",
                    self.aws.region()
                ))
            })?;
        self.aws.queue_url().await?;
        Ok(DeployInputs {
            account,
            region: self.aws.region().to_owned(),
            stream_arn,
        })
    }

    /// Create the bucket unless it exists; `true` when it was created.
    pub async fn ensure_bucket(&self, bucket: &str) -> TResult<bool> {
        let s3 = &self.aws.s3;
        match s3.head_bucket().bucket(bucket).send().await {
            Ok(_) => return Ok(false),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_not_found()) => {}
            Err(e) => return Err(self.aws.err(e, "s3:ListBucket", "bucket", bucket)),
        }
        let mut create = s3.create_bucket().bucket(bucket);
        let region = self.aws.region();
        if region != "us-east-1" {
            create = create.create_bucket_configuration(
                aws_sdk_s3::types::CreateBucketConfiguration::builder()
                    .location_constraint(aws_sdk_s3::types::BucketLocationConstraint::from(region))
                    .build(),
            );
        }
        match create.send().await {
            Ok(_) => Ok(true),
            // Another deploy created it in between.
            Err(e)
                if e.as_service_error()
                    .is_some_and(|s| s.is_bucket_already_owned_by_you()) =>
            {
                Ok(false)
            }
            Err(e) => Err(self.aws.err(e, "s3:CreateBucket", "bucket", bucket)),
        }
    }

    /// Upload `bytes` under `key` unless an object is there already (keys are content
    /// hashes); `true` when uploaded.
    pub async fn upload(&self, bucket: &str, key: &str, bytes: &[u8]) -> TResult<bool> {
        let s3 = &self.aws.s3;
        let at = format!("{bucket}/{key}");
        match s3.head_object().bucket(bucket).key(key).send().await {
            Ok(_) => return Ok(false),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_not_found()) => {}
            Err(e) => return Err(self.aws.err(e, "s3:GetObject", "object", &at)),
        }
        s3.put_object()
            .bucket(bucket)
            .key(key)
            .body(aws_sdk_s3::primitives::ByteStream::from(bytes.to_vec()))
            .send()
            .await
            .map_err(|e| self.aws.err(e, "s3:PutObject", "object", &at))?;
        Ok(true)
    }

    /// The stack's status, `None` when there is no such stack.
    pub async fn status(&self, stack: &str) -> TResult<Option<String>> {
        match self
            .aws
            .cfn
            .describe_stacks()
            .stack_name(stack)
            .send()
            .await
        {
            Ok(out) => Ok(out
                .stacks()
                .first()
                .and_then(|s| s.stack_status())
                .map(|s| s.as_str().to_owned())),
            Err(e)
                if e.as_service_error()
                    .and_then(|s| s.message())
                    .is_some_and(|m| m.contains("does not exist")) =>
            {
                Ok(None)
            }
            Err(e) => Err(self
                .aws
                .err(e, "cloudformation:DescribeStacks", "stack", stack)),
        }
    }

    /// Create a change set and wait until CloudFormation has computed it.
    pub async fn change_set(
        &self,
        stack: &str,
        template: &str,
        parameters: &[(String, String)],
        kind: ChangeSetKind,
    ) -> TResult<ChangeSet> {
        let cfn = &self.aws.cfn;
        let name = format!("orderctl-{}", orders_core::clock::now_ms());
        let out = cfn
            .create_change_set()
            .stack_name(stack)
            .change_set_name(&name)
            .change_set_type(match kind {
                ChangeSetKind::Create => ChangeSetType::Create,
                ChangeSetKind::Update => ChangeSetType::Update,
            })
            .template_body(template)
            .set_parameters(Some(
                parameters
                    .iter()
                    .map(|(k, v)| {
                        Parameter::builder()
                            .parameter_key(k)
                            .parameter_value(v)
                            .build()
                    })
                    .collect(),
            ))
            .capabilities(Capability::CapabilityNamedIam)
            .description("orderctl deploy")
            .send()
            .await;
        let out = match out {
            Ok(out) => out,
            // Some endpoints (moto) refuse an empty change set outright.
            Err(e)
                if e.as_service_error()
                    .and_then(|s| s.message())
                    .is_some_and(means_no_changes) =>
            {
                return Ok(ChangeSet::NoChanges { id: None });
            }
            Err(e) => {
                return Err(self
                    .aws
                    .err(e, "cloudformation:CreateChangeSet", "stack", stack));
            }
        };
        let id = out.id().map(str::to_owned).unwrap_or(name);
        let mut backoff = Backoff::new();
        let started = std::time::Instant::now();
        loop {
            let mut changes = Vec::new();
            let mut token: Option<String> = None;
            let mut status;
            let mut reason;
            loop {
                let page = cfn
                    .describe_change_set()
                    .change_set_name(&id)
                    .stack_name(stack)
                    .set_next_token(token.take())
                    .send()
                    .await
                    .map_err(|e| {
                        self.aws
                            .err(e, "cloudformation:DescribeChangeSet", "stack", stack)
                    })?;
                status = page.status().cloned();
                reason = page.status_reason().unwrap_or_default().to_owned();
                changes.extend(page.changes().iter().filter_map(|c| {
                    let rc = c.resource_change()?;
                    Some(StackChange {
                        resource: rc.logical_resource_id().unwrap_or_default().to_owned(),
                        resource_type: rc.resource_type().unwrap_or_default().to_owned(),
                        action: rc
                            .action()
                            .map(|a| a.as_str().to_owned())
                            .unwrap_or_default(),
                        replacement: rc.replacement().map(|r| r.as_str().to_owned()),
                    })
                }));
                match page.next_token() {
                    Some(t) if !t.is_empty() => token = Some(t.to_owned()),
                    _ => break,
                }
            }
            match status {
                Some(ChangeSetStatus::CreateComplete) => {
                    return Ok(if changes.is_empty() {
                        ChangeSet::NoChanges { id: Some(id) }
                    } else {
                        ChangeSet::Ready { id, changes }
                    });
                }
                Some(ChangeSetStatus::Failed) if means_no_changes(&reason) => {
                    return Ok(ChangeSet::NoChanges { id: Some(id) });
                }
                Some(ChangeSetStatus::Failed) => {
                    let _ = self.delete_change_set(stack, &id).await;
                    return Err(TargetError::Invalid(format!(
                        "CloudFormation refused the change set for stack {stack}: {reason}"
                    )));
                }
                _ if started.elapsed() > STACK_TIMEOUT => {
                    return Err(TargetError::Unavailable(format!(
                        "the change set for stack {stack} was not ready within an hour"
                    )));
                }
                _ => backoff.wait().await,
            }
        }
    }

    /// Delete a change set (a plan leaves nothing behind).
    pub async fn delete_change_set(&self, stack: &str, id: &str) -> TResult<()> {
        self.aws
            .cfn
            .delete_change_set()
            .change_set_name(id)
            .stack_name(stack)
            .send()
            .await
            .map_err(|e| {
                self.aws
                    .err(e, "cloudformation:DeleteChangeSet", "stack", stack)
            })?;
        Ok(())
    }

    /// The ids of the stack's events so far (to tell a deploy's own events from older ones).
    pub async fn seen_events(&self, stack: &str) -> TResult<HashSet<String>> {
        Ok(self
            .events(stack)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect())
    }

    /// The stack's events, newest first (the first page: a deploy's own events fit in it
    /// while it is being watched).
    async fn events(&self, stack: &str) -> TResult<Vec<(String, StackEvent)>> {
        let out = self
            .aws
            .cfn
            .describe_stack_events()
            .stack_name(stack)
            .send()
            .await
            .map_err(|e| {
                self.aws
                    .err(e, "cloudformation:DescribeStackEvents", "stack", stack)
            })?;
        Ok(out
            .stack_events()
            .iter()
            .map(|e| {
                (
                    e.event_id().unwrap_or_default().to_owned(),
                    StackEvent {
                        resource: e.logical_resource_id().unwrap_or_default().to_owned(),
                        resource_type: e.resource_type().unwrap_or_default().to_owned(),
                        status: e
                            .resource_status()
                            .map(|s| s.as_str().to_owned())
                            .unwrap_or_default(),
                        reason: e.resource_status_reason().map(str::to_owned),
                    },
                )
            })
            .collect())
    }

    /// Execute a change set.
    pub async fn execute(&self, stack: &str, id: &str) -> TResult<()> {
        self.aws
            .cfn
            .execute_change_set()
            .change_set_name(id)
            .stack_name(stack)
            .send()
            .await
            .map_err(|e| {
                self.aws
                    .err(e, "cloudformation:ExecuteChangeSet", "stack", stack)
            })?;
        Ok(())
    }

    /// Wait until the stack settles, calling `on_event` with each new event (oldest first);
    /// returns the final status (`None`: the stack is gone).
    pub async fn wait(
        &self,
        stack: &str,
        seen: &mut HashSet<String>,
        mut on_event: impl FnMut(&StackEvent),
    ) -> TResult<Option<String>> {
        let mut backoff = Backoff::new();
        let started = std::time::Instant::now();
        loop {
            let status = self.status(stack).await?;
            if status.is_some() {
                let mut new: Vec<(String, StackEvent)> = self
                    .events(stack)
                    .await?
                    .into_iter()
                    .filter(|(id, _)| !seen.contains(id))
                    .collect();
                new.reverse();
                for (id, event) in new {
                    on_event(&event);
                    seen.insert(id);
                }
            }
            match status {
                Some(s) if s.ends_with("_IN_PROGRESS") && started.elapsed() < STACK_TIMEOUT => {
                    backoff.wait().await;
                }
                Some(s) if s.ends_with("_IN_PROGRESS") => {
                    return Err(TargetError::Unavailable(format!(
                        "stack {stack} is still {s} after an hour"
                    )));
                }
                other => return Ok(other),
            }
        }
    }

    /// The first resource that failed since `before` (event ids seen before the deploy),
    /// with the stack's status now.
    pub async fn first_failure(
        &self,
        stack: &str,
        before: &HashSet<String>,
    ) -> TResult<Option<StackFailure>> {
        let status = self.status(stack).await?;
        let events = self.events(stack).await?;
        let failed = events
            .iter()
            .rev()
            .filter(|(id, _)| !before.contains(id))
            .map(|(_, e)| e)
            .find(|e| {
                e.status.ends_with("_FAILED")
                    && e.resource_type != "AWS::CloudFormation::Stack"
                    && !e.reason.as_deref().is_some_and(|r| r.contains("cancelled"))
            });
        Ok(failed.map(|e| StackFailure {
            resource: Some(e.resource.clone()),
            resource_type: Some(e.resource_type.clone()),
            reason: e.reason.clone().unwrap_or_default(),
            stack_status: status,
        }))
    }

    /// Delete the stack and wait; `false` when there was none.
    pub async fn delete(&self, stack: &str) -> TResult<bool> {
        let Some(status) = self.status(stack).await? else {
            return Ok(false);
        };
        if status == "DELETE_COMPLETE" {
            return Ok(false);
        }
        let mut seen = self.seen_events(stack).await?;
        self.aws
            .cfn
            .delete_stack()
            .stack_name(stack)
            .send()
            .await
            .map_err(|e| {
                self.aws
                    .err(e, "cloudformation:DeleteStack", "stack", stack)
            })?;
        match self.wait(stack, &mut seen, |_| {}).await? {
            None => Ok(true),
            Some(s) if s == "DELETE_COMPLETE" => Ok(true),
            Some(s) => Err(TargetError::Other {
                message: format!("stack {stack} could not be deleted: {s}"),
                source: None,
            }),
        }
    }
}
