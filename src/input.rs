//! Reading JSON input files (`--file`, `--event`, `--seed-inventory`, `--body`): a file or
//! `-` for stdin, holding one JSON value, a JSON array, or JSON lines — with line numbers so
//! a bad entry is reported as `FILE: line N: …`.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};
use serde_json::Value;

/// Read a whole file, or stdin for `-`.
pub fn read_source(path: &Path) -> anyhow::Result<String> {
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read stdin")?;
        text
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON does not allow.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// A name for messages: the path, or `stdin`.
pub fn source_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}

/// How the values were laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON value (an object, usually).
    Single,
    /// A JSON array of values.
    Array,
    /// Several values, one per line (JSON lines) or concatenated.
    Lines,
}

/// Split the text into JSON values, each with the 1-based line where it starts. An array at
/// the top level yields its elements.
pub fn json_values(name: &str, text: &str) -> anyhow::Result<(Layout, Vec<(usize, Value)>)> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        bail!("{name}: empty input (expected JSON)");
    }
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    if trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(text).map_err(|e| syntax(name, &e))?;
        let start = line_of(text.len() - trimmed.len());
        let items = match value {
            Value::Array(items) => items.into_iter().map(|v| (start, v)).collect(),
            other => vec![(start, other)],
        };
        return Ok((Layout::Array, items));
    }
    let mut values = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    loop {
        let offset = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(v)) => {
                let skipped = text[offset..].len() - text[offset..].trim_start().len();
                values.push((line_of(offset + skipped), v));
            }
            Some(Err(e)) => return Err(syntax(name, &e)),
        }
    }
    let layout = if values.len() == 1 {
        Layout::Single
    } else {
        Layout::Lines
    };
    Ok((layout, values))
}

fn syntax(name: &str, e: &serde_json::Error) -> anyhow::Error {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; say it our way, once.
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
    anyhow::anyhow!("{name}: line {}: invalid JSON: {msg}", e.line())
}

/// Where an entry came from, for messages: `FILE: line N` or `FILE: element I`.
pub fn locate(name: &str, layout: Layout, index: usize, line: usize) -> String {
    match layout {
        Layout::Array => format!("{name}: element {index} (array at line {line})"),
        _ => format!("{name}: line {line}"),
    }
}

/// The records of an event input: a Lambda event `{"Records":[…]}` (its records), a JSON
/// array, one object, or JSON lines (each line an object or an event).
pub fn event_records(name: &str, text: &str) -> anyhow::Result<Vec<Value>> {
    let (layout, values) = json_values(name, text)?;
    let mut out = Vec::new();
    for (index, (line, value)) in values.into_iter().enumerate() {
        match value {
            Value::Object(mut obj)
                if obj.len() == 1 && obj.get("Records").is_some_and(Value::is_array) =>
            {
                if let Some(Value::Array(records)) = obj.remove("Records") {
                    for (i, r) in records.into_iter().enumerate() {
                        if !r.is_object() {
                            bail!(
                                "{}: Records[{i}]: expected a JSON object",
                                locate(name, layout, index, line)
                            );
                        }
                        out.push(r);
                    }
                }
            }
            v @ Value::Object(_) => out.push(v),
            _ => bail!(
                "{}: expected a JSON object (a record) or {{\"Records\":[…]}}",
                locate(name, layout, index, line)
            ),
        }
    }
    if out.is_empty() {
        bail!("{name}: no records");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_array_and_lines() {
        let (l, v) = json_values("f", "  {\"a\":1}\n").unwrap();
        assert_eq!((l, v.len(), v[0].0), (Layout::Single, 1, 1));
        let (l, v) = json_values("f", "\n[{\"a\":1},{\"a\":2}]").unwrap();
        assert_eq!((l, v.len(), v[1].0), (Layout::Array, 2, 2));
        let (l, v) = json_values("f", "{\"a\":1}\n\n{\"a\":2}\n{\"a\":3}\n").unwrap();
        assert_eq!(l, Layout::Lines);
        assert_eq!(
            v.iter().map(|(line, _)| *line).collect::<Vec<_>>(),
            [1, 3, 4]
        );
    }

    #[test]
    fn event_records_from_every_layout() {
        let r = r#"{"eventID":"1"}"#;
        assert_eq!(
            event_records("f", &format!("{{\"Records\":[{r},{r}]}}"))
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            event_records("f", &format!("[{r},{r},{r}]")).unwrap().len(),
            3
        );
        assert_eq!(event_records("f", r).unwrap().len(), 1);
        assert_eq!(event_records("f", &format!("{r}\n{r}\n")).unwrap().len(), 2);
        assert!(
            event_records("f", "[1]")
                .unwrap_err()
                .to_string()
                .contains("expected a JSON object")
        );
        assert!(
            event_records("f", r#"{"Records":[]}"#)
                .unwrap_err()
                .to_string()
                .contains("no records")
        );
    }

    #[test]
    fn bad_json_names_the_line() {
        let err = json_values("orders.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("orders.jsonl: line "), "{err}");
        assert!(err.contains("invalid JSON"), "{err}");
        let err = json_values("f", "{\"a\":1}\n{oops}\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f: line 2: invalid JSON"), "{err}");
        assert!(
            json_values("f", "  ")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
    }
}
