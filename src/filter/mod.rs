//! Lambda event-filter pattern engine: parse, match, explain and lint `FilterCriteria`
//! patterns the way a DynamoDB-stream event source mapping applies them
//! (`../shared/docs/aws-semantics.md` §4).
//!
//! Interpretations where AWS is silent:
//! - Array consistency follows event-ruler: fields bound to one element of a record array
//!   must all come from that element. `exists:false` leaves are checked after the positive
//!   fields of the same object, against the elements those fields bound.
//! - `anything-but` matches any present leaf value (null, numbers, booleans too) that is not
//!   excluded; its `prefix`/`suffix`/`equals-ignore-case`/`wildcard` forms exclude strings only.

mod eval;
mod explain;
mod json;
mod lint;
mod matcher;
mod ops;
mod parse;
mod path;
mod sources;
mod types;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_explain;
#[cfg(test)]
mod tests_lint;
#[cfg(test)]
mod tests_ops;

pub use eval::FilterSet;
pub use parse::{MAX_OR_COMBINATIONS, MAX_PATTERN_CHARS, Pattern};
pub use sources::{load_patterns, pattern_texts};
pub use types::{Mismatch, PatternError, Profile, Warning};
