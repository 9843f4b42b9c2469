//! The bundled consumer functions and their subscriptions (event-source-mapping settings),
//! with defaults that follow the seed and aws-semantics §3.1/§3.4, overridable per function in
//! `orderctl.toml` under `[functions.<name>]`.

use std::collections::BTreeMap;

use clap::ValueEnum;
use orders_core::Event;
use orders_core::batch::Report;
use orders_core::caps::{DeadLetters, Mailer, Metrics, Stock};
use serde::{Deserialize, Serialize};

/// A bundled function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Function {
    /// Emails on new orders and status changes (SES).
    Notification,
    /// OrderCount and Revenue metrics per batch (CloudWatch).
    Analytics,
    /// Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions).
    Inventory,
}

impl Function {
    /// Every bundled function.
    pub const ALL: [Function; 3] = [
        Function::Notification,
        Function::Analytics,
        Function::Inventory,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Function::Notification => notification::NAME,
            Function::Analytics => analytics::NAME,
            Function::Inventory => inventory::NAME,
        }
    }

    /// Find by name.
    pub fn by_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The bundled function a Lambda function name stands for: a bundled name itself, or a
    /// `lambda_name` in orderctl.toml.
    pub fn for_lambda(name: &str, subs: &Subscriptions) -> Option<Function> {
        Function::by_name(name).or_else(|| {
            subs.iter()
                .find(|(_, s)| s.lambda_name == name)
                .map(|(f, _)| *f)
        })
    }

    /// The known names, for messages.
    pub fn names() -> String {
        Function::ALL.map(Function::name).join(", ")
    }

    /// The default subscription.
    pub fn defaults(self) -> Subscription {
        let insert = r#"{"eventName":["INSERT"]}"#.to_owned();
        match self {
            // The seed: batches of 10, INSERT and MODIFY, 3 retries.
            Function::Notification => Subscription {
                batch_size: 10,
                filters: vec![r#"{"eventName":["INSERT","MODIFY"]}"#.into()],
                maximum_retry_attempts: 3,
                lambda_name: "orders-notification".into(),
                ..Subscription::base()
            },
            // Larger batches and a 1 s window: one PutMetricData per batch, so under load fewer,
            // fuller calls, and when quiet a metric is at most a second late. No bisection: a
            // metrics failure is never one record's fault.
            Function::Analytics => Subscription {
                batch_size: 100,
                maximum_batching_window_seconds: 1,
                filters: vec![insert],
                maximum_retry_attempts: 5,
                bisect_batch_on_function_error: false,
                lambda_name: "orders-analytics".into(),
                ..Subscription::base()
            },
            // Small batches, no window: stock should move as soon as an order lands. New orders,
            // cancellations and deletions only (a deleted order that had not shipped gives its
            // stock back); bisection isolates a poison order quickly.
            Function::Inventory => Subscription {
                batch_size: 25,
                filters: vec![
                    insert,
                    r#"{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"status":{"S":["CANCELLED"]}}}}"#.into(),
                    r#"{"eventName":["REMOVE"]}"#.into(),
                ],
                maximum_retry_attempts: 5,
                lambda_name: "orders-inventory".into(),
                ..Subscription::base()
            },
        }
    }

    /// Run the function's handler on an event.
    pub async fn run<D: Mailer + Metrics + Stock + DeadLetters>(
        self,
        event: &Event,
        deps: &D,
        sender: &str,
        attempt: u32,
    ) -> Report {
        match self {
            Function::Notification => {
                let config = notification::Config {
                    sender: sender.to_owned(),
                };
                notification::handle(event, deps, &config, attempt).await
            }
            Function::Analytics => analytics::handle(event, deps, attempt).await,
            Function::Inventory => inventory::handle(event, deps, attempt).await,
        }
    }
}

/// How a function is subscribed to the stream: Lambda's event-source-mapping parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Subscription {
    /// Whether `consume` runs it.
    pub enabled: bool,
    /// Records per invocation, 1–10,000.
    pub batch_size: u32,
    /// How long to gather a batch, 0–300 s.
    pub maximum_batching_window_seconds: u32,
    /// Lambda filter patterns, ORed; none means every record.
    pub filters: Vec<String>,
    /// Retries after the first failure, -1 (until the record expires) to 10,000.
    pub maximum_retry_attempts: i64,
    /// Records older than this are discarded: -1 (never) or 60–604,800 s.
    pub maximum_record_age_seconds: i64,
    /// Split a failing batch in two before retrying.
    pub bisect_batch_on_function_error: bool,
    /// Honour `batchItemFailures` in the response.
    pub report_batch_item_failures: bool,
    /// The on-failure destination queue ("" for none).
    pub on_failure: String,
    /// Where a new subscription starts: `trim-horizon` or `latest`.
    pub starting_position: String,
    /// The deployed Lambda function's name (for `lag`, `status`, `dlq replay --via lambda`).
    pub lambda_name: String,
}

impl Subscription {
    /// Settings shared by the defaults. Finite retries and a one-hour record age keep failed
    /// batches replayable from the stream (aws-semantics §3.4 "replay window rule").
    fn base() -> Subscription {
        Subscription {
            enabled: true,
            batch_size: 100,
            maximum_batching_window_seconds: 0,
            filters: Vec::new(),
            maximum_retry_attempts: 3,
            maximum_record_age_seconds: 3600,
            bisect_batch_on_function_error: true,
            report_batch_item_failures: true,
            on_failure: "orders-dlq".into(),
            starting_position: "trim-horizon".into(),
            lambda_name: String::new(),
        }
    }

    /// Check the ranges Lambda enforces (aws-semantics §3.1).
    pub fn validate(&self, function: &str) -> Result<(), String> {
        let bad = |what: &str| Err(format!("orderctl.toml: functions.{function}.{what}"));
        if !(1..=10_000).contains(&self.batch_size) {
            return bad("batch_size must be 1 to 10000");
        }
        if self.maximum_batching_window_seconds > 300 {
            return bad("maximum_batching_window_seconds must be 0 to 300");
        }
        if !(-1..=10_000).contains(&self.maximum_retry_attempts) {
            return bad("maximum_retry_attempts must be -1 or 0 to 10000");
        }
        let age = self.maximum_record_age_seconds;
        if age != -1 && !(60..=604_800).contains(&age) {
            return bad("maximum_record_age_seconds must be -1 or 60 to 604800");
        }
        if !matches!(self.starting_position.as_str(), "trim-horizon" | "latest") {
            return bad("starting_position must be trim-horizon or latest");
        }
        if self.filters.len() > 10 {
            return bad("filters: at most 10 patterns (Lambda's quota)");
        }
        Ok(())
    }
}

impl Default for Subscription {
    fn default() -> Self {
        Subscription::base()
    }
}

/// Every function's subscription, resolved.
/// The function name at the end of a Lambda function ARN (a bare name is returned as it is).
pub fn lambda_name_of(arn: &str) -> &str {
    arn.rsplit(':').next().unwrap_or(arn)
}

pub type Subscriptions = BTreeMap<Function, Subscription>;

/// Merge `[functions.<name>]` tables over the defaults.
pub fn resolve(file: &BTreeMap<String, toml::Value>) -> Result<Subscriptions, String> {
    let mut out: Subscriptions = Function::ALL
        .into_iter()
        .map(|f| (f, f.defaults()))
        .collect();
    for (name, table) in file {
        let function = Function::by_name(name).ok_or_else(|| {
            format!(
                "orderctl.toml: [functions.{name}]: unknown function (known: {})",
                Function::names()
            )
        })?;
        let mut merged = toml::Value::try_from(function.defaults()).map_err(|e| e.to_string())?;
        if let (toml::Value::Table(base), toml::Value::Table(over)) = (&mut merged, table) {
            for (k, v) in over {
                base.insert(k.clone(), v.clone());
            }
        }
        let sub: Subscription = merged.try_into().map_err(|e: toml::de::Error| {
            format!("orderctl.toml: [functions.{name}]: {}", e.message().trim())
        })?;
        sub.validate(name)?;
        out.insert(function, sub);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_follow_the_seed() {
        for f in Function::ALL {
            f.defaults().validate(f.name()).unwrap();
        }
        let n = Function::Notification.defaults();
        assert_eq!((n.batch_size, n.maximum_retry_attempts), (10, 3));
    }

    #[test]
    fn file_overrides_merge_over_defaults() {
        let file: BTreeMap<String, toml::Value> =
            toml::from_str("[inventory]\nbatch_size = 5\n[analytics]\nenabled = false\n").unwrap();
        let subs = resolve(&file).unwrap();
        assert_eq!(subs[&Function::Inventory].batch_size, 5);
        assert_eq!(
            subs[&Function::Inventory].maximum_retry_attempts,
            5,
            "unchanged default"
        );
        assert!(!subs[&Function::Analytics].enabled);
        let bad: BTreeMap<String, toml::Value> =
            toml::from_str("[mailer]\nbatch_size = 5\n").unwrap();
        assert!(resolve(&bad).unwrap_err().contains("unknown function"));
        let bad: BTreeMap<String, toml::Value> =
            toml::from_str("[inventory]\nbatch_size = 0\n").unwrap();
        assert!(resolve(&bad).unwrap_err().contains("batch_size"));
        let bad: BTreeMap<String, toml::Value> =
            toml::from_str("[inventory]\nbatchsize = 1\n").unwrap();
        assert!(resolve(&bad).unwrap_err().contains("batchsize"));
    }
}
