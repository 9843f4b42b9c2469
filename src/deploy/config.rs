//! `[deploy]` in orderctl.toml: the stack's name, where code goes, alarm actions, and the
//! Lambda functions' memory, timeout and architecture (defaults for all, overridable per
//! function under `[deploy.functions.NAME]`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::functions::Function;

/// The CPU architecture a function runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
pub enum Architecture {
    /// Intel/AMD.
    #[serde(rename = "x86_64")]
    #[value(name = "x86_64")]
    X86_64,
    /// Graviton.
    #[serde(rename = "arm64")]
    #[value(name = "arm64")]
    Arm64,
}

impl Architecture {
    /// Lambda's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

/// `[deploy]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeploySettings {
    /// The CloudFormation stack (`--stack-name` overrides it).
    pub stack_name: String,
    /// The S3 bucket for the functions' code [default: `orderctl-artifacts-ACCOUNT-REGION`,
    /// created when missing].
    pub artifacts_bucket: Option<String>,
    /// An SNS topic the alarms notify.
    pub alarm_topic_arn: Option<String>,
    /// Days the functions' logs are kept.
    pub log_retention_days: u32,
    /// Memory of every function, MB.
    pub memory_mb: u32,
    /// Timeout of every function, seconds.
    pub timeout_seconds: u32,
    /// Architecture of every function.
    pub architecture: Architecture,
    /// Per-function overrides.
    pub functions: BTreeMap<String, FunctionOverride>,
}

/// `[deploy.functions.NAME]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionOverride {
    /// Memory, MB.
    pub memory_mb: Option<u32>,
    /// Timeout, seconds.
    pub timeout_seconds: Option<u32>,
    /// Architecture.
    pub architecture: Option<Architecture>,
}

/// One function's resolved Lambda settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionShape {
    /// MB.
    pub memory_mb: u32,
    /// Seconds.
    pub timeout_seconds: u32,
    /// CPU.
    pub architecture: Architecture,
}

/// The retention values CloudWatch Logs accepts.
const RETENTION_DAYS: [u32; 22] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
    3288, 3653,
];

impl Default for DeploySettings {
    fn default() -> Self {
        DeploySettings {
            stack_name: "orderctl".into(),
            artifacts_bucket: None,
            alarm_topic_arn: None,
            log_retention_days: 14,
            memory_mb: 256,
            timeout_seconds: 30,
            architecture: Architecture::X86_64,
            functions: BTreeMap::new(),
        }
    }
}

impl DeploySettings {
    /// A function's memory, timeout and architecture.
    pub fn shape(&self, f: Function) -> FunctionShape {
        let o = self.functions.get(f.name()).cloned().unwrap_or_default();
        FunctionShape {
            memory_mb: o.memory_mb.unwrap_or(self.memory_mb),
            timeout_seconds: o.timeout_seconds.unwrap_or(self.timeout_seconds),
            architecture: o.architecture.unwrap_or(self.architecture),
        }
    }

    /// Check the ranges Lambda and CloudWatch Logs enforce.
    pub fn validate(&self) -> Result<(), String> {
        let bad = |what: String| Err(format!("orderctl.toml: deploy.{what}"));
        if !RETENTION_DAYS.contains(&self.log_retention_days) {
            return bad(format!(
                "log_retention_days must be one of {RETENTION_DAYS:?}"
            ));
        }
        if self.stack_name.is_empty() {
            return bad("stack_name must not be empty".into());
        }
        for name in self.functions.keys() {
            if Function::by_name(name).is_none() {
                return bad(format!(
                    "functions.{name}: unknown function (known: {})",
                    Function::names()
                ));
            }
        }
        for f in Function::ALL {
            let s = self.shape(f);
            if !(128..=10_240).contains(&s.memory_mb) {
                return bad(format!("{}: memory_mb must be 128 to 10240", f.name()));
            }
            if !(1..=900).contains(&s.timeout_seconds) {
                return bad(format!("{}: timeout_seconds must be 1 to 900", f.name()));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_merge_over_defaults_and_ranges_are_checked() {
        let d: DeploySettings = toml::from_str(
            "memory_mb = 512\n[functions.inventory]\narchitecture = \"arm64\"\ntimeout_seconds = 60\n",
        )
        .unwrap();
        d.validate().unwrap();
        let inv = d.shape(Function::Inventory);
        assert_eq!(
            (inv.memory_mb, inv.timeout_seconds, inv.architecture),
            (512, 60, Architecture::Arm64)
        );
        assert_eq!(d.shape(Function::Analytics).timeout_seconds, 30);
        let bad: DeploySettings = toml::from_str("log_retention_days = 2\n").unwrap();
        assert!(bad.validate().unwrap_err().contains("log_retention_days"));
        let bad: DeploySettings = toml::from_str("[functions.mailer]\nmemory_mb = 256\n").unwrap();
        assert!(bad.validate().unwrap_err().contains("unknown function"));
        assert!(toml::from_str::<DeploySettings>("memory = 1\n").is_err());
    }
}
