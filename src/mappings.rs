//! The pipeline's subscriptions as one shape, whichever target they come from: Lambda event
//! source mappings on AWS (the ListEventSourceMappings document), or orderctl.toml's
//! `[functions.NAME]` locally — for `status` to show and `doctor` to lint.

use serde::{Deserialize, Serialize};

use crate::functions::{Function, Subscriptions, lambda_name_of};

/// One subscription of a function to the stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    /// The function (bundled name, or the Lambda's name when it is not a bundled one).
    pub function: String,
    /// Whether it is one of the bundled functions (which report failures in batchItemFailures).
    pub bundled: bool,
    /// The Lambda function's name.
    pub lambda_name: String,
    /// ESM UUID (AWS).
    pub uuid: Option<String>,
    /// `Enabled`, `Disabled`, `Creating`, …
    pub state: String,
    /// `OK`, `No records processed`, `PROBLEM: …` (AWS).
    pub last_processing_result: Option<String>,
    /// BatchSize.
    pub batch_size: u32,
    /// MaximumBatchingWindowInSeconds.
    pub batching_window_seconds: u32,
    /// MaximumRetryAttempts (-1 infinite).
    pub maximum_retry_attempts: i64,
    /// MaximumRecordAgeInSeconds (-1 infinite).
    pub maximum_record_age_seconds: i64,
    /// BisectBatchOnFunctionError.
    pub bisect_batch_on_function_error: bool,
    /// FunctionResponseTypes has ReportBatchItemFailures.
    pub report_batch_item_failures: bool,
    /// On-failure destination (ARN or queue name), if any.
    pub destination: Option<String>,
    /// FilterCriteria patterns.
    pub filters: Vec<String>,
    /// StartingPosition.
    pub starting_position: Option<String>,
}

impl Mapping {
    /// Whether it reads the stream (counts against the two readers per shard).
    pub fn reads(&self) -> bool {
        matches!(
            self.state.as_str(),
            "Enabled" | "Enabling" | "Creating" | "Updating"
        )
    }
}

/// Whether a mapping in this `State` reads its stream (or is about to).
pub fn is_reading(state: &str) -> bool {
    matches!(state, "Enabled" | "Enabling" | "Creating" | "Updating")
}

/// From orderctl.toml (the local target's pipeline, or what is meant to be deployed).
pub fn from_subscriptions(subs: &Subscriptions) -> Vec<Mapping> {
    subs.iter()
        .map(|(f, s)| Mapping {
            function: f.name().to_owned(),
            bundled: true,
            lambda_name: s.lambda_name.clone(),
            uuid: None,
            state: if s.enabled {
                "Enabled".into()
            } else {
                "Disabled".into()
            },
            last_processing_result: None,
            batch_size: s.batch_size,
            batching_window_seconds: s.maximum_batching_window_seconds,
            maximum_retry_attempts: s.maximum_retry_attempts,
            maximum_record_age_seconds: s.maximum_record_age_seconds,
            bisect_batch_on_function_error: s.bisect_batch_on_function_error,
            report_batch_item_failures: s.report_batch_item_failures,
            destination: (!s.on_failure.is_empty()).then(|| s.on_failure.clone()),
            filters: s.filters.clone(),
            starting_position: Some(s.starting_position.replace('-', "_").to_uppercase()),
        })
        .collect()
}

/// An event source mapping exactly as ListEventSourceMappings returns it (PascalCase).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EsmDoc {
    /// UUID.
    #[serde(rename = "UUID")]
    pub uuid: Option<String>,
    /// FunctionArn.
    pub function_arn: Option<String>,
    /// State.
    pub state: Option<String>,
    /// LastProcessingResult.
    pub last_processing_result: Option<String>,
    /// BatchSize.
    pub batch_size: Option<u32>,
    /// MaximumBatchingWindowInSeconds.
    pub maximum_batching_window_in_seconds: Option<u32>,
    /// MaximumRetryAttempts.
    pub maximum_retry_attempts: Option<i64>,
    /// MaximumRecordAgeInSeconds.
    pub maximum_record_age_in_seconds: Option<i64>,
    /// BisectBatchOnFunctionError.
    pub bisect_batch_on_function_error: Option<bool>,
    /// FunctionResponseTypes.
    pub function_response_types: Vec<String>,
    /// DestinationConfig.
    pub destination_config: Option<DestinationConfig>,
    /// FilterCriteria.
    pub filter_criteria: Option<FilterCriteria>,
    /// StartingPosition.
    pub starting_position: Option<String>,
}

/// `DestinationConfig`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DestinationConfig {
    /// `OnFailure`.
    pub on_failure: Option<OnFailure>,
}

/// `OnFailure`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct OnFailure {
    /// `Destination` (ARN; empty removes it).
    pub destination: Option<String>,
}

/// `FilterCriteria`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FilterCriteria {
    /// `Filters`.
    pub filters: Vec<FilterDoc>,
}

/// One filter.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FilterDoc {
    /// The pattern text.
    pub pattern: Option<String>,
}

/// The documents of a ListEventSourceMappings response.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EsmList {
    /// `EventSourceMappings`.
    pub event_source_mappings: Vec<EsmDoc>,
}

impl EsmDoc {
    /// The common shape; the function is matched to a bundled one by Lambda name.
    pub fn mapping(&self, subs: &Subscriptions) -> Mapping {
        let lambda_name =
            lambda_name_of(self.function_arn.as_deref().unwrap_or_default()).to_owned();
        let bundled = Function::for_lambda(&lambda_name, subs);
        Mapping {
            function: bundled.map_or_else(|| lambda_name.clone(), |f| f.name().to_owned()),
            bundled: bundled.is_some(),
            lambda_name,
            uuid: self.uuid.clone(),
            state: self.state.clone().unwrap_or_default(),
            last_processing_result: self.last_processing_result.clone(),
            batch_size: self.batch_size.unwrap_or(100),
            batching_window_seconds: self.maximum_batching_window_in_seconds.unwrap_or(0),
            maximum_retry_attempts: self.maximum_retry_attempts.unwrap_or(-1),
            maximum_record_age_seconds: self.maximum_record_age_in_seconds.unwrap_or(-1),
            bisect_batch_on_function_error: self.bisect_batch_on_function_error.unwrap_or(false),
            report_batch_item_failures: self
                .function_response_types
                .iter()
                .any(|t| t == "ReportBatchItemFailures"),
            destination: self
                .destination_config
                .as_ref()
                .and_then(|d| d.on_failure.as_ref())
                .and_then(|o| o.destination.clone())
                .filter(|d| !d.is_empty()),
            filters: self
                .filter_criteria
                .as_ref()
                .map(|c| c.filters.iter().filter_map(|f| f.pattern.clone()).collect())
                .unwrap_or_default(),
            starting_position: self.starting_position.clone(),
        }
    }

    /// From the SDK's type.
    pub fn from_sdk(m: &aws_sdk_lambda::types::EventSourceMappingConfiguration) -> EsmDoc {
        EsmDoc {
            uuid: m.uuid().map(str::to_owned),
            function_arn: m.function_arn().map(str::to_owned),
            state: m.state().map(str::to_owned),
            last_processing_result: m.last_processing_result().map(str::to_owned),
            batch_size: m.batch_size().and_then(|b| u32::try_from(b).ok()),
            maximum_batching_window_in_seconds: m
                .maximum_batching_window_in_seconds()
                .and_then(|b| u32::try_from(b).ok()),
            maximum_retry_attempts: m.maximum_retry_attempts().map(i64::from),
            maximum_record_age_in_seconds: m.maximum_record_age_in_seconds().map(i64::from),
            bisect_batch_on_function_error: m.bisect_batch_on_function_error(),
            function_response_types: m
                .function_response_types()
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            destination_config: m.destination_config().map(|d| DestinationConfig {
                on_failure: d.on_failure().map(|o| OnFailure {
                    destination: o.destination().map(str::to_owned),
                }),
            }),
            filter_criteria: m.filter_criteria().map(|c| FilterCriteria {
                filters: c
                    .filters()
                    .iter()
                    .map(|f| FilterDoc {
                        pattern: f.pattern().map(str::to_owned),
                    })
                    .collect(),
            }),
            starting_position: m.starting_position().map(|p| p.as_str().to_owned()),
        }
    }
}
