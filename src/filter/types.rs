//! Public result/error types and the compiled pattern tree shared by parse, eval, explain and lint.

use std::fmt;
use std::str::FromStr;

/// Which AWS dialect of the pattern language to accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// Lambda event source mappings: rejects `wildcard`, `cidr` and `anything-but` with
    /// `prefix`/`suffix`/`equals-ignore-case`/`wildcard`.
    #[default]
    Lambda,
    /// EventBridge (`TestEventPattern`): every operator is allowed.
    EventBridge,
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Profile::Lambda => "lambda",
            Profile::EventBridge => "eventbridge",
        })
    }
}

impl FromStr for Profile {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "lambda" | "esm" => Ok(Profile::Lambda),
            "eventbridge" | "events" | "eb" => Ok(Profile::EventBridge),
            other => Err(format!(
                "unknown filter profile \"{other}\" (expected lambda or eventbridge)"
            )),
        }
    }
}

/// A pattern that AWS would reject (`InvalidParameterValueException`).
#[derive(Debug, thiserror::Error, Clone, PartialEq, serde::Serialize)]
#[error("invalid filter pattern at {path}: {message}")]
pub struct PatternError {
    /// JSON path of the offending pattern element, e.g. `$.dynamodb.NewImage.total.N[0].numeric[1]`.
    pub path: String,
    pub message: String,
}

impl PatternError {
    pub(super) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        PatternError {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Why a record did not match: the first failing pattern path and a short reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mismatch {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// A lint finding: the pattern is valid but probably does not do what was meant.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Warning {
    pub path: String,
    /// Stable snake_case identifier, e.g. `numeric_on_dynamodb_n`.
    pub code: &'static str,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning[{}] {}: {}", self.code, self.path, self.message)
    }
}

/// A conjunction of items (all must match, with array consistency).
#[derive(Debug, Clone, Default)]
pub(super) struct Conj {
    /// Evaluation order: positive items first, absence-only fields last (see `parse`).
    pub items: Vec<Item>,
    /// Indices into `items` in the order the pattern text lists them (for `explain`).
    pub pattern_order: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(super) enum Item {
    Field(Field),
    Or(OrGroup),
}

impl Item {
    pub fn display(&self) -> &str {
        match self {
            Item::Field(f) => &f.display,
            Item::Or(o) => &o.display,
        }
    }
}

/// `"$or": [ {...}, {...} ]`; branch fields carry full paths from the record root.
#[derive(Debug, Clone)]
pub(super) struct OrGroup {
    pub display: String,
    pub branches: Vec<Conj>,
}

/// One leaf condition: a dotted record path and the ORed elements of its array.
#[derive(Debug, Clone)]
pub(super) struct Field {
    /// Dotted path from the record root, e.g. `dynamodb.NewImage.status.S`.
    pub path: String,
    /// Pattern path for messages, e.g. `$.dynamodb.NewImage.status.S`.
    pub display: String,
    pub leaf: Leaf,
}

#[derive(Debug, Clone)]
pub(super) struct Leaf {
    pub elems: Vec<Elem>,
    /// Some element is `{"exists": false}`: an absent field satisfies the leaf.
    pub absent_ok: bool,
}

impl Leaf {
    /// Whether a present leaf value satisfies any element.
    #[inline]
    pub fn accepts(&self, v: &serde_json::Value) -> bool {
        self.elems.iter().any(|e| e.matcher.matches(v))
    }

    /// The leaf is only `{"exists": false}` elements (checked after the positive fields).
    pub fn absence_only(&self) -> bool {
        self.elems
            .iter()
            .all(|e| matches!(e.matcher, super::matcher::Matcher::Exists(false)))
    }
}

/// One element of a leaf array, with its compact source text for messages.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    pub matcher: super::matcher::Matcher,
    pub text: String,
}
