//! Lint: valid patterns that cannot match a DynamoDB stream record as the author probably meant.
//!
//! Runs at parse time on each leaf, using the logical path segments (dotted keys split) and
//! the DynamoDB record shape of the Lambda event (§2): metadata at the top, `dynamodb.*`
//! below it, and attribute maps whose values are `{TYPE: value}` objects.

use super::json::quote;
use super::matcher::{AnythingBut, Matcher};
use super::path::Seg;
use super::types::{Leaf, Warning};

const KNOWN_TOP: [&str; 8] = [
    "eventID",
    "eventName",
    "eventVersion",
    "eventSource",
    "awsRegion",
    "eventSourceARN",
    "dynamodb",
    "userIdentity",
];
const UNVERIFIED_TOP: [&str; 4] = ["awsRegion", "eventSourceARN", "eventVersion", "eventID"];
/// The top-level fields whose values are strings: the first six of `KNOWN_TOP`.
const STRING_TOP: &[&str] = KNOWN_TOP.split_at(6).0;
const KNOWN_DYNAMODB: [&str; 7] = [
    "ApproximateCreationDateTime",
    "Keys",
    "NewImage",
    "OldImage",
    "SequenceNumber",
    "SizeBytes",
    "StreamViewType",
];
const IMAGES: [&str; 3] = ["Keys", "NewImage", "OldImage"];
const TYPE_KEYS: [&str; 10] = ["S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "M", "L"];

/// Collects warnings, at most one per (path, code).
#[derive(Debug, Default)]
pub(super) struct Linter {
    pub warnings: Vec<Warning>,
}

impl Linter {
    pub fn push(&mut self, path: &str, code: &'static str, message: impl Into<String>) {
        if self
            .warnings
            .iter()
            .any(|w| w.code == code && w.path == path)
        {
            return;
        }
        self.warnings.push(Warning {
            path: path.to_string(),
            code,
            message: message.into(),
        });
    }

    /// Report keys repeated in the object at `path` (from `json::dedupe`).
    pub fn duplicate_keys(&mut self, path: &str, dups: &[(&str, usize)]) {
        for (key, count) in dups {
            self.push(
                &super::path::child(path, key),
                "duplicate_key",
                format!(
                    "key {} appears {count} times in one object; only the last one takes effect",
                    quote(key)
                ),
            );
        }
    }

    /// Lint one leaf whose logical path is `segs` (non-empty) and display path `display`.
    pub fn leaf(&mut self, segs: &[Seg], leaf: &Leaf, display: &str) {
        let Some(top) = segs.first() else {
            return;
        };
        let has_numeric = leaf.elems.iter().any(|e| is_numeric(&e.matcher));
        let has_exists = leaf
            .elems
            .iter()
            .any(|e| matches!(e.matcher, Matcher::Exists(_)));
        match top.name.as_str() {
            "dynamodb" => self.dynamodb(segs, leaf, display, has_numeric, has_exists),
            "userIdentity" => {
                if let Some(seg) = segs.get(1)
                    && !matches!(seg.name.as_str(), "type" | "principalId")
                {
                    self.push(
                        &seg.display,
                        "unknown_user_identity_key",
                        format!(
                            "userIdentity has only \"type\" and \"principalId\" (camelCase) in Lambda records, not {}",
                            quote(&seg.name)
                        ),
                    );
                }
            }
            name if !KNOWN_TOP.contains(&name) => {
                let hint = match name {
                    "body" => {
                        " (\"body\" is the SQS message field; DynamoDB data is under \"dynamodb\")"
                    }
                    "detail" | "detail-type" | "source" => {
                        " (that is an EventBridge event field; DynamoDB data is under \"dynamodb\")"
                    }
                    "data" => " (Kinesis uses \"data\"; DynamoDB data is under \"dynamodb\")",
                    _ => "",
                };
                self.push(
                    &top.display,
                    "unknown_top_level_key",
                    format!(
                        "{} is not a field of a DynamoDB stream record{hint}; only exists:false can match it",
                        quote(name)
                    ),
                );
            }
            name => {
                if UNVERIFIED_TOP.contains(&name) {
                    self.push(
                        &top.display,
                        "unverified_metadata_key",
                        format!(
                            "filtering on {} works in this engine but is unverified on AWS Lambda \
                             (only eventName, eventSource and userIdentity are known to work)",
                            quote(name)
                        ),
                    );
                }
                if has_numeric && STRING_TOP.contains(&name) && segs.len() == 1 {
                    self.numeric_on_string(display, name);
                }
            }
        }
    }

    fn numeric_on_string(&mut self, display: &str, what: &str) {
        self.push(
            display,
            "numeric_on_string_field",
            format!(
                "{what} is always a string, and numeric matches only JSON numbers; this element never matches"
            ),
        );
    }

    fn dynamodb(
        &mut self,
        segs: &[Seg],
        leaf: &Leaf,
        display: &str,
        has_numeric: bool,
        has_exists: bool,
    ) {
        let Some(second) = segs.get(1) else {
            self.non_leaf(display, "dynamodb", has_exists);
            return;
        };
        let name = second.name.as_str();
        if !KNOWN_DYNAMODB.contains(&name) {
            self.push(
                &second.display,
                "unknown_dynamodb_key",
                format!(
                    "{} is not a field of the \"dynamodb\" object (known: {})",
                    quote(name),
                    KNOWN_DYNAMODB.join(", ")
                ),
            );
            return;
        }
        if IMAGES.contains(&name) {
            self.attribute_map(
                segs.get(2..).unwrap_or_default(),
                leaf,
                display,
                name,
                has_numeric,
                has_exists,
            );
        } else if has_numeric
            && segs.len() == 2
            && matches!(name, "SequenceNumber" | "StreamViewType")
        {
            self.numeric_on_string(display, name);
        }
    }

    /// `rest` starts at an attribute name inside an attribute map called `map_name`.
    fn attribute_map(
        &mut self,
        rest: &[Seg],
        leaf: &Leaf,
        display: &str,
        map_name: &str,
        has_numeric: bool,
        has_exists: bool,
    ) {
        let Some((attr, mut rest)) = rest.split_first() else {
            self.non_leaf(display, map_name, has_exists);
            return;
        };
        let mut owner = attr.name.as_str();
        loop {
            // `rest` starts at a type key of the attribute value `owner`.
            let Some((ty, after)) = rest.split_first() else {
                self.missing_type_key(display, owner, has_exists);
                return;
            };
            match ty.name.as_str() {
                "M" => {
                    let Some((inner, after_inner)) = after.split_first() else {
                        self.non_leaf(display, "M", has_exists);
                        return;
                    };
                    owner = inner.name.as_str();
                    rest = after_inner;
                }
                "L" => {
                    owner = "L";
                    rest = after;
                }
                t if TYPE_KEYS.contains(&t) => {
                    if after.is_empty() {
                        self.typed_leaf(t, leaf, display, has_numeric);
                    }
                    return;
                }
                other => {
                    self.push(
                        &ty.display,
                        "unknown_type_key",
                        format!(
                            "{} is not a DynamoDB type key (expected one of {}; type keys are case-sensitive)",
                            quote(other),
                            TYPE_KEYS.join(", ")
                        ),
                    );
                    return;
                }
            }
        }
    }

    fn typed_leaf(&mut self, ty: &str, leaf: &Leaf, display: &str, has_numeric: bool) {
        let n_type = matches!(ty, "N" | "NS");
        if n_type && has_numeric {
            self.push(
                display,
                "numeric_on_dynamodb_n",
                format!(
                    "numeric never matches a DynamoDB {ty} value: numbers in {ty} are JSON strings such as \"59.90\"; \
                     use the exact string, {{\"prefix\": ...}} or {{\"anything-but\": ...}} instead"
                ),
            );
        } else if n_type && leaf.elems.iter().any(|e| number_literal(&e.matcher)) {
            self.push(
                display,
                "numeric_on_dynamodb_n",
                format!(
                    "a JSON number never equals a DynamoDB {ty} value, which is a string; write the number as a string, e.g. [\"59.90\"]"
                ),
            );
        } else if has_numeric && matches!(ty, "S" | "SS" | "B" | "BS") {
            self.numeric_on_string(display, &format!("a DynamoDB {ty} value"));
        }
    }

    fn missing_type_key(&mut self, display: &str, owner: &str, has_exists: bool) {
        let what = if owner == "L" {
            "list elements are attribute values like {\"S\": ...}".to_string()
        } else {
            format!(
                "attribute {} is an object like {{\"S\": ...}}",
                quote(owner)
            )
        };
        let exists_note = if has_exists {
            "; exists on this intermediate node is never true (exists:true) or always true (exists:false)"
        } else {
            "; this leaf can never match a value"
        };
        self.push(
            display,
            "missing_type_key",
            format!(
                "the DynamoDB type key is missing: {what}, so write {owner}.S, {owner}.N, {owner}.BOOL, ...{exists_note}"
            ),
        );
        if has_exists {
            self.exists_on_non_leaf(display, owner);
        }
    }

    fn non_leaf(&mut self, display: &str, owner: &str, has_exists: bool) {
        if has_exists {
            self.exists_on_non_leaf(display, owner);
        } else {
            self.push(
                display,
                "value_on_non_leaf",
                format!(
                    "{} is an object in DynamoDB records; only leaf values can match",
                    quote(owner)
                ),
            );
        }
    }

    fn exists_on_non_leaf(&mut self, display: &str, owner: &str) {
        self.push(
            display,
            "exists_on_non_leaf",
            format!(
                "exists matches leaf values only; {} is an intermediate node, so exists:true never matches \
                 and exists:false always matches; add the type key (e.g. .S)",
                quote(owner)
            ),
        );
    }
}

fn is_numeric(m: &Matcher) -> bool {
    matches!(m, Matcher::Numeric(_))
}

fn number_literal(m: &Matcher) -> bool {
    matches!(
        m,
        Matcher::Num(_) | Matcher::AnythingBut(AnythingBut::Nums(_))
    )
}
