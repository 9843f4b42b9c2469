//! A JSON value written as block-style YAML, for `deploy --template yaml`. Strings are
//! double-quoted with JSON escapes (valid YAML), so no value is ever misread as a number, a
//! boolean or a tag; mapping keys stay plain when they are plain words.

use serde_json::Value;

/// The YAML text of `value`, ending with a newline.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => mapping(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => sequence(&mut out, items, 0),
        scalar => {
            out.push_str(&inline(scalar));
            out.push('\n');
        }
    }
    out
}

fn mapping(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (k, v) in map {
        out.push_str(&" ".repeat(indent));
        out.push_str(&key(k));
        out.push(':');
        nested(out, v, indent);
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize) {
    for v in items {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match v {
            // A mapping in a list: its first key on the dash's line, the rest aligned with it.
            Value::Object(map) if !map.is_empty() => {
                let mut first = true;
                for (k, inner) in map {
                    if first {
                        out.push(' ');
                        first = false;
                    } else {
                        out.push_str(&" ".repeat(indent + 2));
                    }
                    out.push_str(&key(k));
                    out.push(':');
                    nested(out, inner, indent + 2);
                }
            }
            other => nested(out, other, indent),
        }
    }
}

/// After `key:` or `-`: a scalar on the same line, a collection on the next lines.
fn nested(out: &mut String, v: &Value, indent: usize) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            mapping(out, map, indent + 2);
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            sequence(out, items, indent + 2);
        }
        scalar => {
            out.push(' ');
            out.push_str(&inline(scalar));
            out.push('\n');
        }
    }
}

fn inline(v: &Value) -> String {
    match v {
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
        other => other.to_string(),
    }
}

fn key(k: &str) -> String {
    let plain = !k.is_empty()
        && k.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'))
        && !k.ends_with(':');
    if plain {
        k.to_owned()
    } else {
        Value::String(k.to_owned()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_are_block_yaml() {
        let v = serde_json::json!({
            "A": {"Fn::Sub": "x:${y}", "n": 3, "t": true, "e": [], "o": {}},
            "L": [{"k": "v", "m": [1, 2]}, "s", ["in"]],
            "needs quotes": "yes"
        });
        let text = to_string(&v);
        assert_eq!(
            text,
            "A:\n  Fn::Sub: \"x:${y}\"\n  e: []\n  n: 3\n  o: {}\n  t: true\nL:\n  - k: \"v\"\n    m:\n      - 1\n      - 2\n  - \"s\"\n  -\n    - \"in\"\n\"needs quotes\": \"yes\"\n"
        );
    }
}
