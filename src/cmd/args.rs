//! Flag groups several commands share (`--filter`), so no command imports another for them.

use clap::{Args, ValueEnum};

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
        crate::filter::load_patterns(&self.filters, self.filter_profile.into())
    }
}
