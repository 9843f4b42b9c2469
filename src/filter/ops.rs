//! Compiles one leaf array (`[ "v", {"prefix": "x"}, ... ]`) into matchers, enforcing the profile's operator grammar.

use super::json::{Raw, dedupe, quote};
use super::lint::Linter;
use super::matcher::{AnythingBut, Cidr, Matcher, NumRange, Wildcard, lower, mask32, mask128};
use super::path::{child, index};
use super::types::{Elem, Leaf, PatternError, Profile};
use std::net::IpAddr;

const OPERATORS: [&str; 8] = [
    "prefix",
    "suffix",
    "equals-ignore-case",
    "anything-but",
    "numeric",
    "exists",
    "wildcard",
    "cidr",
];

fn err<T>(path: &str, message: impl Into<String>) -> Result<T, PatternError> {
    Err(PatternError::new(path, message))
}

fn not_in_lambda<T>(path: &str, what: &str) -> Result<T, PatternError> {
    err(
        path,
        format!("{what} is not supported by Lambda event filtering (EventBridge only)"),
    )
}

/// Compile a non-empty leaf array found at display path `display`.
pub(super) fn compile_leaf(
    items: &[Raw],
    display: &str,
    profile: Profile,
    lint: &mut Linter,
) -> Result<Leaf, PatternError> {
    if items.is_empty() {
        return err(display, "a leaf array must not be empty");
    }
    let mut elems = Vec::with_capacity(items.len());
    for (i, raw) in items.iter().enumerate() {
        let path = index(display, i);
        let matcher = compile_elem(raw, &path, profile, lint)?;
        elems.push(Elem {
            matcher,
            text: raw.to_json(),
        });
    }
    let absent_ok = elems
        .iter()
        .any(|e| matches!(e.matcher, Matcher::Exists(false)));
    Ok(Leaf { elems, absent_ok })
}

fn number(n: &serde_json::Number, path: &str) -> Result<f64, PatternError> {
    match n.as_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => err(path, format!("number {n} is out of range")),
    }
}

fn compile_elem(
    raw: &Raw,
    path: &str,
    profile: Profile,
    lint: &mut Linter,
) -> Result<Matcher, PatternError> {
    match raw {
        Raw::Null => Ok(Matcher::Null),
        Raw::Bool(b) => Ok(Matcher::Bool(*b)),
        Raw::Num(n) => number(n, path).map(Matcher::Num),
        Raw::Str(s) => Ok(Matcher::Str(s.clone())),
        Raw::Arr(_) => err(
            path,
            "leaf array elements must be scalars or operator objects, not arrays",
        ),
        Raw::Obj(entries) => {
            let (entries, dups) = dedupe(entries);
            lint.duplicate_keys(path, &dups);
            let [(op, value)] = entries.as_slice() else {
                return err(
                    path,
                    format!(
                        "an operator object must have exactly one key, got {}",
                        entries.len()
                    ),
                );
            };
            compile_operator(op, value, &child(path, op), profile, lint)
        }
    }
}

fn compile_operator(
    op: &str,
    v: &Raw,
    path: &str,
    profile: Profile,
    lint: &mut Linter,
) -> Result<Matcher, PatternError> {
    match op {
        "prefix" | "suffix" => {
            let prefix = op == "prefix";
            match v {
                Raw::Str(s) if prefix => Ok(Matcher::Prefix(s.clone())),
                Raw::Str(s) => Ok(Matcher::Suffix(s.clone())),
                Raw::Obj(_) => {
                    let s = ignore_case_string(v, path, lint)?;
                    if profile == Profile::Lambda {
                        lint.push(
                            path,
                            "unlisted_operator",
                            format!(
                                "{op} with equals-ignore-case is not in the Lambda filter-rule table \
                                 (EventBridge Pipes supports it); verify on AWS before relying on it"
                            ),
                        );
                    }
                    Ok(if prefix {
                        Matcher::PrefixIc(lower(&s))
                    } else {
                        Matcher::SuffixIc(lower(&s))
                    })
                }
                other => err(
                    path,
                    format!(
                        "{op} value must be a string or {{\"equals-ignore-case\": string}}, got {}",
                        other.kind()
                    ),
                ),
            }
        }
        "equals-ignore-case" => match v {
            Raw::Str(s) => Ok(Matcher::EqIc(lower(s))),
            other => err(
                path,
                format!(
                    "equals-ignore-case value must be a string, got {}",
                    other.kind()
                ),
            ),
        },
        "exists" => match v {
            Raw::Bool(b) => Ok(Matcher::Exists(*b)),
            other => err(
                path,
                format!("exists value must be true or false, got {}", other.kind()),
            ),
        },
        "numeric" => compile_numeric(v, path).map(Matcher::Numeric),
        "anything-but" => compile_anything_but(v, path, profile, lint).map(Matcher::AnythingBut),
        "wildcard" => {
            if profile == Profile::Lambda {
                return not_in_lambda(path, "the \"wildcard\" operator");
            }
            match v {
                Raw::Str(s) => compile_wildcard(s, path).map(Matcher::Wildcard),
                other => err(
                    path,
                    format!("wildcard value must be a string, got {}", other.kind()),
                ),
            }
        }
        "cidr" => {
            if profile == Profile::Lambda {
                return not_in_lambda(path, "the \"cidr\" operator");
            }
            match v {
                Raw::Str(s) => compile_cidr(s, path).map(Matcher::Cidr),
                other => err(
                    path,
                    format!("cidr value must be a string, got {}", other.kind()),
                ),
            }
        }
        other => {
            let hint = OPERATORS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(other))
                .map(|known| {
                    format!("; did you mean \"{known}\"? (operator names are case-sensitive)")
                })
                .unwrap_or_default();
            err(path, format!("unknown operator {}{hint}", quote(other)))
        }
    }
}

/// The string in `{"equals-ignore-case": "x"}` (used under prefix/suffix).
fn ignore_case_string(v: &Raw, path: &str, lint: &mut Linter) -> Result<String, PatternError> {
    let Raw::Obj(entries) = v else {
        return err(path, format!("expected an object, got {}", v.kind()));
    };
    let (entries, dups) = dedupe(entries);
    lint.duplicate_keys(path, &dups);
    match entries.as_slice() {
        [("equals-ignore-case", Raw::Str(s))] => Ok(s.clone()),
        [("equals-ignore-case", other)] => err(
            &child(path, "equals-ignore-case"),
            format!(
                "equals-ignore-case value must be a string, got {}",
                other.kind()
            ),
        ),
        _ => err(
            path,
            "expected exactly {\"equals-ignore-case\": string} inside prefix/suffix",
        ),
    }
}

fn compile_numeric(v: &Raw, path: &str) -> Result<NumRange, PatternError> {
    let Raw::Arr(items) = v else {
        return err(
            path,
            format!(
                "numeric value must be an array like [\">\", 0, \"<=\", 5], got {}",
                v.kind()
            ),
        );
    };
    if !matches!(items.len(), 2 | 4) {
        return err(
            path,
            format!(
                "numeric must be [op, number] or [lower-op, number, upper-op, number], got {} elements",
                items.len()
            ),
        );
    }
    let mut pairs: Vec<(&str, f64)> = Vec::with_capacity(2);
    for j in (0..items.len()).step_by(2) {
        let op = match items.get(j) {
            Some(Raw::Str(s)) if matches!(s.as_str(), "=" | "<" | "<=" | ">" | ">=") => s.as_str(),
            Some(other) => {
                return err(
                    &index(path, j),
                    format!(
                        "numeric operator must be one of \"=\", \"<\", \"<=\", \">\", \">=\", got {}",
                        other.to_json()
                    ),
                );
            }
            None => return err(path, "numeric operator missing"),
        };
        let value = match items.get(j + 1) {
            Some(Raw::Num(n)) => number(n, &index(path, j + 1))?,
            Some(other) => {
                return err(
                    &index(path, j + 1),
                    format!(
                        "numeric operand must be a JSON number, got {}",
                        other.to_json()
                    ),
                );
            }
            None => return err(path, "numeric operand missing"),
        };
        pairs.push((op, value));
    }
    match pairs.as_slice() {
        [("=", x)] => Ok(NumRange {
            lower: Some((*x, true)),
            upper: Some((*x, true)),
        }),
        [(op, x)] if op.starts_with('>') => Ok(NumRange {
            lower: Some((*x, *op == ">=")),
            upper: None,
        }),
        [(op, x)] => Ok(NumRange {
            lower: None,
            upper: Some((*x, *op == "<=")),
        }),
        [(lo_op, lo), (hi_op, hi)] => {
            if !lo_op.starts_with('>') {
                return err(
                    &index(path, 0),
                    "a numeric range must start with \">\" or \">=\"",
                );
            }
            if !hi_op.starts_with('<') {
                return err(
                    &index(path, 2),
                    "the second operator of a numeric range must be \"<\" or \"<=\"",
                );
            }
            if lo >= hi {
                return err(
                    path,
                    "numeric range is empty: the lower bound must be below the upper bound",
                );
            }
            Ok(NumRange {
                lower: Some((*lo, *lo_op == ">=")),
                upper: Some((*hi, *hi_op == "<=")),
            })
        }
        _ => err(path, "malformed numeric expression"),
    }
}

fn compile_anything_but(
    v: &Raw,
    path: &str,
    profile: Profile,
    lint: &mut Linter,
) -> Result<AnythingBut, PatternError> {
    match v {
        Raw::Str(s) => Ok(AnythingBut::Strs(vec![s.clone()])),
        Raw::Num(n) => Ok(AnythingBut::Nums(vec![number(n, path)?])),
        Raw::Arr(items) => {
            let Some(first) = items.first() else {
                return err(path, "anything-but list must not be empty");
            };
            if let Raw::Num(_) = first {
                let mut nums = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Raw::Num(n) => nums.push(number(n, &index(path, i))?),
                        other => return mixed_list(&index(path, i), other),
                    }
                }
                Ok(AnythingBut::Nums(nums))
            } else {
                let mut strs = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Raw::Str(s) => strs.push(s.clone()),
                        other => return mixed_list(&index(path, i), other),
                    }
                }
                Ok(AnythingBut::Strs(strs))
            }
        }
        Raw::Obj(entries) => {
            let (entries, dups) = dedupe(entries);
            lint.duplicate_keys(path, &dups);
            let [(op, inner)] = entries.as_slice() else {
                return err(
                    path,
                    format!(
                        "an anything-but operator object must have exactly one key, got {}",
                        entries.len()
                    ),
                );
            };
            let inner_path = child(path, op);
            if profile == Profile::Lambda {
                return not_in_lambda(&inner_path, &format!("anything-but with \"{op}\""));
            }
            match (*op, *inner) {
                ("prefix", Raw::Str(s)) => Ok(AnythingBut::Prefix(s.clone())),
                ("suffix", Raw::Str(s)) => Ok(AnythingBut::Suffix(s.clone())),
                ("equals-ignore-case", _) => Ok(AnythingBut::EqIc(
                    string_list(inner, &inner_path)?
                        .iter()
                        .map(|s| lower(s))
                        .collect(),
                )),
                ("wildcard", _) => string_list(inner, &inner_path)?
                    .iter()
                    .map(|s| compile_wildcard(s, &inner_path))
                    .collect::<Result<Vec<_>, _>>()
                    .map(AnythingBut::Wildcard),
                ("prefix" | "suffix", other) => err(
                    &inner_path,
                    format!(
                        "anything-but {op} value must be a string, got {}",
                        other.kind()
                    ),
                ),
                (other, _) => err(
                    &inner_path,
                    format!(
                        "unknown anything-but operator {} (expected prefix, suffix, equals-ignore-case or wildcard)",
                        quote(other)
                    ),
                ),
            }
        }
        other => err(
            path,
            format!(
                "anything-but value must be a string, a number, or a list of strings or of numbers, got {}",
                other.kind()
            ),
        ),
    }
}

fn mixed_list<T>(path: &str, got: &Raw) -> Result<T, PatternError> {
    err(
        path,
        format!(
            "an anything-but list must be all strings or all numbers, got {}",
            got.kind()
        ),
    )
}

/// A string or a non-empty list of strings.
fn string_list<'r>(v: &'r Raw, path: &str) -> Result<Vec<&'r String>, PatternError> {
    match v {
        Raw::Str(s) => Ok(vec![s]),
        Raw::Arr(items) if !items.is_empty() => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Raw::Str(s) => Ok(s),
                other => err(
                    &index(path, i),
                    format!("expected a string, got {}", other.kind()),
                ),
            })
            .collect(),
        other => err(
            path,
            format!(
                "expected a string or a non-empty list of strings, got {}",
                other.kind()
            ),
        ),
    }
}

/// Split at unescaped `*`; `\*` is a literal star and `\\` a literal backslash.
fn compile_wildcard(s: &str, path: &str) -> Result<Wildcard, PatternError> {
    let mut pieces = vec![String::new()];
    let mut chars = s.chars();
    let mut prev_star = false;
    while let Some(c) = chars.next() {
        let literal = match c {
            '*' => {
                if prev_star {
                    return err(path, "consecutive wildcard characters are not allowed");
                }
                prev_star = true;
                pieces.push(String::new());
                continue;
            }
            '\\' => match chars.next() {
                Some(e @ ('*' | '\\')) => e,
                _ => {
                    return err(
                        path,
                        "invalid escape in wildcard: only \\* and \\\\ are allowed",
                    );
                }
            },
            other => other,
        };
        prev_star = false;
        if let Some(last) = pieces.last_mut() {
            last.push(literal);
        }
    }
    Ok(Wildcard { pieces })
}

fn compile_cidr(s: &str, path: &str) -> Result<Cidr, PatternError> {
    let bad = || err(path, format!("invalid CIDR {}", quote(s)));
    let Some((addr, bits)) = s.split_once('/') else {
        return bad();
    };
    let (Ok(network), Ok(bits)) = (addr.parse::<IpAddr>(), bits.parse::<u8>()) else {
        return bad();
    };
    let network = match network {
        IpAddr::V4(a) if bits <= 32 => IpAddr::V4(mask32(u32::from(a), bits).into()),
        IpAddr::V6(a) if bits <= 128 => IpAddr::V6(mask128(u128::from(a), bits).into()),
        _ => return bad(),
    };
    Ok(Cidr { network, bits })
}
