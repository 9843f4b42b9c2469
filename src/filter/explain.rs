//! Explaining non-matches: the first failing pattern path (in pattern order) and a short human reason.

use super::eval::{Bindings, conj_matches, items_match, match_field};
use super::json::quote;
use super::matcher::Matcher;
use super::parse::Pattern;
use super::path::strip_key;
use super::types::{Conj, Elem, Field, Item, Leaf, Mismatch};
use serde_json::{Map, Value};

const MAX_SHOWN: usize = 5;
const MAX_VALUE_CHARS: usize = 80;

impl Pattern {
    /// None when the record matches; otherwise the first pattern path that failed and why.
    pub fn explain(&self, record: &Value) -> Option<Mismatch> {
        if self.matches(record) {
            return None;
        }
        Some(explain_conj(&self.root, record))
    }
}

fn mismatch(path: &str, reason: impl Into<String>) -> Mismatch {
    Mismatch {
        path: path.to_string(),
        reason: reason.into(),
    }
}

/// Explain a conjunction known (or assumed) not to match.
fn explain_conj(conj: &Conj, rec: &Value) -> Mismatch {
    for &pos in &conj.pattern_order {
        if let Some(m) = conj
            .items
            .get(pos)
            .and_then(|item| explain_alone(item, rec))
        {
            return m;
        }
    }
    // Every item matches on its own; find where matching them together breaks.
    for (k, item) in conj.items.iter().enumerate() {
        if !items_match(conj.items.get(..=k).unwrap_or_default(), rec) {
            return mismatch(
                item.display(),
                "matches only in a different array element than the fields checked before it \
                 (fields from different elements of one array never combine)",
            );
        }
    }
    mismatch("$", "no match")
}

/// Mismatch of one item evaluated on its own, or None when it matches alone.
fn explain_alone(item: &Item, rec: &Value) -> Option<Mismatch> {
    match item {
        Item::Field(field) => {
            if match_field(field, rec, &mut Bindings::new(), &mut |_| true) {
                None
            } else {
                Some(field_mismatch(field, rec))
            }
        }
        Item::Or(or) => {
            if or.branches.iter().any(|b| conj_matches(b, rec)) {
                return None;
            }
            let first = or
                .branches
                .first()
                .map(|b| explain_conj(b, rec).to_string())
                .unwrap_or_default();
            Some(mismatch(
                &or.display,
                format!("no $or branch matched (first: {first})"),
            ))
        }
    }
}

/// What the record holds at a path, ignoring array consistency.
#[derive(Default)]
struct Probe<'v> {
    leaves: Vec<&'v Value>,
    objects: Vec<&'v Map<String, Value>>,
    empty_arrays: usize,
}

fn probe<'v>(v: &'v Value, path: &str, out: &mut Probe<'v>) {
    match v {
        Value::Array(items) => {
            if items.is_empty() {
                out.empty_arrays += 1;
            }
            for e in items {
                probe(e, path, out);
            }
        }
        Value::Object(map) if path.is_empty() => out.objects.push(map),
        Value::Object(map) => {
            for (k, child) in map {
                if let Some(rest) = strip_key(path, k) {
                    probe(child, rest, out);
                }
            }
        }
        leaf => {
            if path.is_empty() {
                out.leaves.push(leaf);
            }
        }
    }
}

pub(super) fn show(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    if s.chars().count() > MAX_VALUE_CHARS {
        let cut: String = s.chars().take(MAX_VALUE_CHARS).collect();
        format!("{cut}…")
    } else {
        s
    }
}

fn list(texts: impl Iterator<Item = String>) -> String {
    format!("[{}]", texts.collect::<Vec<_>>().join(","))
}

fn field_mismatch(field: &Field, rec: &Value) -> Mismatch {
    let mut found = Probe::default();
    probe(rec, &field.path, &mut found);
    let leaf = &field.leaf;
    let reason = match found.leaves.as_slice() {
        [] => absent_reason(leaf, &found),
        [one] => present_reason(leaf, one),
        many => {
            let shown = list(many.iter().take(MAX_SHOWN).map(|v| show(v)));
            let positive: Vec<&Elem> = positive(leaf).collect();
            let elems = list(positive.iter().map(|e| e.text.clone()));
            if positive.is_empty() {
                format!("field is present ({shown}); exists:false requires it to be absent")
            } else if positive.iter().all(|e| e.matcher.kind() == "equals") {
                format!("none of {shown} is one of {elems}")
            } else {
                format!("none of {shown} matches {elems}")
            }
        }
    };
    mismatch(&field.display, reason)
}

fn positive(leaf: &Leaf) -> impl Iterator<Item = &Elem> {
    leaf.elems
        .iter()
        .filter(|e| !matches!(e.matcher, Matcher::Exists(false)))
}

fn absent_reason(leaf: &Leaf, found: &Probe<'_>) -> String {
    if let Some(obj) = found.objects.first() {
        let keys: Vec<String> = obj.keys().take(MAX_SHOWN).map(|k| quote(k)).collect();
        let shape = format!("{{{}}}", keys.join(","));
        if leaf
            .elems
            .iter()
            .any(|e| matches!(e.matcher, Matcher::Exists(true)))
        {
            format!("value is an object, exists matches leaves only (it holds keys {shape})")
        } else {
            format!(
                "value is an object with keys {shape}, not a leaf; add the key to the path (e.g. the DynamoDB type key)"
            )
        }
    } else if found.empty_arrays > 0 {
        "value is an empty array, which counts as missing".to_string()
    } else {
        "field is missing".to_string()
    }
}

fn present_reason(leaf: &Leaf, v: &Value) -> String {
    let shown = show(v);
    let positive: Vec<&Elem> = positive(leaf).collect();
    let also_absent = if leaf.absent_ok {
        "; it is present, so exists:false does not apply"
    } else {
        ""
    };
    let reason = match positive.as_slice() {
        [] => return format!("field is present ({shown}); exists:false requires it to be absent"),
        [one] => single_reason(one, v, &shown),
        many if many.iter().all(|e| e.matcher.kind() == "equals") => format!(
            "{shown} is not one of {}",
            list(many.iter().map(|e| e.text.clone()))
        ),
        many => format!(
            "{shown} matches none of {}",
            list(many.iter().map(|e| e.text.clone()))
        ),
    };
    format!("{reason}{also_absent}")
}

fn single_reason(elem: &Elem, v: &Value, shown: &str) -> String {
    let m = &elem.matcher;
    let text = &elem.text;
    if m.string_only() && !v.is_string() {
        return format!("{shown} is not a string; {} matches strings only", m.kind());
    }
    match m {
        Matcher::Str(_) | Matcher::Num(_) | Matcher::Bool(_) | Matcher::Null => {
            format!("{shown} is not one of [{text}]")
        }
        Matcher::Numeric(_) => match v {
            Value::String(_) => format!("{shown} is a string; numeric matches only JSON numbers"),
            Value::Number(_) => format!("{shown} is outside {text}"),
            _ => format!("{shown} is not a number; numeric matches only JSON numbers"),
        },
        Matcher::Prefix(p) => format!("{shown} does not start with {}", quote(p)),
        Matcher::Suffix(p) => format!("{shown} does not end with {}", quote(p)),
        Matcher::PrefixIc(_) | Matcher::SuffixIc(_) | Matcher::EqIc(_) => {
            format!("{shown} does not match {text} (ignoring case)")
        }
        Matcher::AnythingBut(_) => format!("{shown} is excluded by {text}"),
        Matcher::Wildcard(_) => format!("{shown} does not match {text}"),
        Matcher::Cidr(_) => format!("{shown} is not an IP address in {text}"),
        Matcher::Exists(_) => format!("{shown} does not satisfy {text}"),
    }
}
