//! Order-preserving, duplicate-keeping JSON reader for pattern text (`serde_json::Value` drops duplicates).
//!
//! The text is first validated by serde_json, so this scanner only has to split tokens;
//! string unescaping and number parsing are still delegated to serde_json.

use serde_json::Number;

/// A JSON value whose objects keep every key in source order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Raw {
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<Raw>),
    Obj(Vec<(String, Raw)>),
}

impl Raw {
    /// Short type name for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Raw::Null => "null",
            Raw::Bool(_) => "a boolean",
            Raw::Num(_) => "a number",
            Raw::Str(_) => "a string",
            Raw::Arr(_) => "an array",
            Raw::Obj(_) => "an object",
        }
    }

    /// Compact JSON text (numbers keep their source text).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Raw::Null => out.push_str("null"),
            Raw::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Raw::Num(n) => out.push_str(&n.to_string()),
            Raw::Str(s) => out.push_str(&quote(s)),
            Raw::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Raw::Obj(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&quote(k));
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// JSON string literal for `s`.
pub(super) fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// Object entries after duplicate resolution, in first-occurrence order.
pub(super) type Entries<'a> = Vec<(&'a str, &'a Raw)>;
/// Each repeated key with how many times it appeared.
pub(super) type Duplicates<'a> = Vec<(&'a str, usize)>;

/// Object entries with duplicates resolved like serde_json (the last value wins, at the
/// position of the first occurrence), plus each repeated key with its count.
pub(super) fn dedupe(entries: &[(String, Raw)]) -> (Entries<'_>, Duplicates<'_>) {
    let mut out: Entries<'_> = Vec::with_capacity(entries.len());
    let mut dups: Duplicates<'_> = Vec::new();
    for (k, v) in entries {
        if let Some(slot) = out.iter_mut().find(|(ok, _)| *ok == k.as_str()) {
            slot.1 = v;
            match dups.iter_mut().find(|(dk, _)| *dk == k.as_str()) {
                Some(d) => d.1 += 1,
                None => dups.push((k.as_str(), 2)),
            }
        } else {
            out.push((k.as_str(), v));
        }
    }
    (out, dups)
}

/// Parse JSON text into [`Raw`]. Errors carry serde_json's message.
pub(super) fn parse(text: &str) -> Result<Raw, String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| e.to_string())?;
    let mut sc = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    sc.value()
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while let Some(b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&mut self) -> Result<u8, String> {
        self.skip_ws();
        self.bytes
            .get(self.pos)
            .copied()
            .ok_or_else(|| "unexpected end of JSON".to_string())
    }

    fn eat(&mut self, b: u8) -> Result<(), String> {
        if self.peek()? == b {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", b as char, self.pos))
        }
    }

    fn value(&mut self) -> Result<Raw, String> {
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string().map(Raw::Str),
            b't' => self.literal("true", Raw::Bool(true)),
            b'f' => self.literal("false", Raw::Bool(false)),
            b'n' => self.literal("null", Raw::Null),
            _ => self.number(),
        }
    }

    fn literal(&mut self, word: &str, v: Raw) -> Result<Raw, String> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|t| t.starts_with(word))
        {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(format!("invalid literal at byte {}", self.pos))
        }
    }

    fn number(&mut self) -> Result<Raw, String> {
        let start = self.pos;
        while let Some(b) = self.bytes.get(self.pos) {
            if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E') {
                self.pos += 1;
            } else {
                break;
            }
        }
        let token = self.text.get(start..self.pos).unwrap_or_default();
        token
            .parse::<Number>()
            .map(Raw::Num)
            .map_err(|e| format!("invalid number {token}: {e}"))
    }

    fn string(&mut self) -> Result<String, String> {
        let start = self.pos;
        self.eat(b'"')?;
        loop {
            match self.bytes.get(self.pos) {
                None => return Err("unterminated string".to_string()),
                Some(b'\\') => self.pos += 2,
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => self.pos += 1,
            }
        }
        let token = self
            .text
            .get(start..self.pos)
            .ok_or_else(|| "invalid string".to_string())?;
        serde_json::from_str::<String>(token).map_err(|e| e.to_string())
    }

    fn array(&mut self) -> Result<Raw, String> {
        self.eat(b'[')?;
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.pos += 1;
            return Ok(Raw::Arr(items));
        }
        loop {
            items.push(self.value()?);
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Ok(Raw::Arr(items));
                }
                _ => return Err(format!("expected ',' or ']' at byte {}", self.pos)),
            }
        }
    }

    fn object(&mut self) -> Result<Raw, String> {
        self.eat(b'{')?;
        let mut entries = Vec::new();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Ok(Raw::Obj(entries));
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.eat(b':')?;
            let value = self.value()?;
            entries.push((key, value));
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Ok(Raw::Obj(entries));
                }
                _ => return Err(format!("expected ',' or '}}' at byte {}", self.pos)),
            }
        }
    }
}
