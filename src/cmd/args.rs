//! Flag groups several commands share (`--filter`, `--function`, `--follow`/`--until-idle`),
//! so no command imports another for them and each flag means the same everywhere.

use std::time::Duration;

use clap::{Args, ValueEnum};

use crate::functions::Function;

/// `--function`: which consumer functions a command looks at.
#[derive(Debug, Clone, Args, Default)]
pub struct FunctionArgs {
    /// Only these functions (repeatable) [default: every enabled function]
    #[arg(long = "function", value_enum, value_name = "FUNCTION")]
    pub functions: Vec<Function>,
}

/// `--follow`, `--until-idle`, `--idle`: how long a command that reads the stream runs.
/// Without either it reads what the stream holds now and exits.
#[derive(Debug, Clone, Args)]
pub struct FollowArgs {
    /// Keep reading new records (Ctrl-C stops after the batch in flight)
    #[arg(long, conflicts_with = "until_idle")]
    pub follow: bool,
    /// Exit once nothing new has arrived for --idle (for scripts and CI)
    #[arg(long)]
    pub until_idle: bool,
    /// With --until-idle: how long nothing must arrive
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = crate::duration::parse)]
    pub idle: Duration,
}

/// Which operators a pattern may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FilterProfile {
    /// What Lambda event source mappings accept (wildcard, cidr and anything-but with
    /// prefix/suffix are rejected).
    #[default]
    Lambda,
    /// Everything EventBridge accepts.
    Eventbridge,
}

impl From<FilterProfile> for crate::filter::Profile {
    fn from(p: FilterProfile) -> crate::filter::Profile {
        match p {
            FilterProfile::Lambda => crate::filter::Profile::Lambda,
            FilterProfile::Eventbridge => crate::filter::Profile::EventBridge,
        }
    }
}

/// `--filter` flags: Lambda FilterCriteria patterns, ORed.
#[derive(Debug, Clone, Args, Default)]
pub struct FilterArgs {
    /// Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or
    /// a FilterCriteria document); repeat to OR several, as FilterCriteria does
    #[arg(long = "filter", value_name = "PATTERN|@FILE")]
    pub filters: Vec<String>,
    /// Operators allowed in patterns
    #[arg(long, value_enum, default_value_t = FilterProfile::Lambda)]
    pub filter_profile: FilterProfile,
}

impl FilterArgs {
    /// Parse every pattern; the first invalid one is an error naming its JSON path.
    pub fn load(&self) -> anyhow::Result<crate::filter::FilterSet> {
        crate::filter::load_patterns(&self.filters, "--filter", self.filter_profile.into())
    }
}

/// `--stack-name`: the CloudFormation stack `deploy` and `destroy` manage.
#[derive(Debug, Clone, Args, Default)]
pub struct StackArgs {
    /// The stack [default: orderctl.toml's deploy.stack_name, else orderctl]
    #[arg(long, value_name = "NAME", env = "ORDERCTL_STACK_NAME")]
    pub stack_name: Option<String>,
}

impl StackArgs {
    /// The stack name: the flag, else orderctl.toml, else `orderctl`.
    pub fn resolve(&self, settings: &crate::settings::Settings) -> String {
        self.stack_name
            .clone()
            .unwrap_or_else(|| settings.deploy.stack_name.clone())
    }
}
