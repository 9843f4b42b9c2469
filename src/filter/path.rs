//! Path handling: `$.a.b[0]` display paths for messages and dotted-key resolution against records.
//!
//! Event patterns compare *flattened* paths, so a pattern key `"a.b"` equals nested `a` → `b`
//! and a record key literally named `"a.b"` equals nested pattern keys. Resolution here works
//! on the dotted path string directly, so it needs no allocation per record.

/// Append an object key to a display path: `.key` for plain keys, `["k y"]` otherwise.
pub(super) fn child(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && !key.starts_with('.')
        && !key.ends_with('.')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '$' | '.' | ':' | '@'));
    if plain {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", super::json::quote(key))
    }
}

/// Append an array index to a display path.
pub(super) fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// Join a dotted record path with one more pattern key.
pub(super) fn join_dotted(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// If the record key `key` is the first step of the dotted `path`, return the remainder
/// (`""` when `key` is the whole path). `key` may itself contain dots.
#[inline]
pub(super) fn strip_key<'p>(path: &'p str, key: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(key)?;
    if rest.is_empty() {
        Some(rest)
    } else {
        rest.strip_prefix('.')
    }
}

/// One logical path segment with the display path of the pattern key it came from
/// (a dotted key yields several segments sharing one display path).
#[derive(Debug, Clone)]
pub(super) struct Seg {
    pub name: String,
    pub display: String,
}

/// Split a pattern key into logical segments.
pub(super) fn segments(key: &str, display: &str) -> Vec<Seg> {
    key.split('.')
        .map(|name| Seg {
            name: name.to_string(),
            display: display.to_string(),
        })
        .collect()
}
