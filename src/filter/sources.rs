//! Where patterns come from on the command line and in orderctl.toml: `PATTERN` itself, or
//! `@FILE` holding one pattern or a whole FilterCriteria document (`Filters[].Pattern`).

use anyhow::Context as _;
use serde_json::Value;

use super::{FilterSet, Pattern, Profile};
use crate::input;

/// Parse `PATTERN|@FILE` arguments into an ORed set.
/// `origin` names where the patterns came from in messages (`--filter`, or a function's filters
/// in orderctl.toml).
pub fn load_patterns(args: &[String], origin: &str, profile: Profile) -> anyhow::Result<FilterSet> {
    let mut patterns = Vec::new();
    for arg in args {
        for (origin, text) in pattern_texts(arg, origin)? {
            let pattern =
                Pattern::parse(&text, profile).map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
            patterns.push(pattern);
        }
    }
    Ok(FilterSet::new(patterns))
}

/// The pattern texts an argument holds: itself, a file's pattern, or a FilterCriteria's
/// `Filters[].Pattern` strings.
pub fn pattern_texts(arg: &str, origin: &str) -> anyhow::Result<Vec<(String, String)>> {
    let Some(path) = arg.strip_prefix('@') else {
        return Ok(vec![(origin.to_owned(), arg.to_owned())]);
    };
    let text = input::read_source(std::path::Path::new(path))?;
    if let Ok(Value::Object(obj)) = serde_json::from_str::<Value>(&text)
        && obj.len() == 1
        && let Some(Value::Array(filters)) = obj.get("Filters")
    {
        return filters
            .iter()
            .enumerate()
            .map(|(i, f)| {
                f.get("Pattern")
                    .and_then(Value::as_str)
                    .map(|p| (format!("{path}: Filters[{i}]"), p.to_owned()))
                    .with_context(|| {
                        format!("{path}: Filters[{i}].Pattern: missing or not a string")
                    })
            })
            .collect();
    }
    Ok(vec![(path.to_owned(), text)])
}
