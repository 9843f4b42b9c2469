//! Compiled leaf matchers and their per-value test; this is the hot path, so nothing here allocates.

use serde_json::Value;
use std::net::IpAddr;

/// One compiled element of a leaf array.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Matcher {
    Str(String),
    Num(f64),
    Bool(bool),
    Null,
    Prefix(String),
    /// Lower-cased prefix.
    PrefixIc(String),
    Suffix(String),
    /// Lower-cased suffix.
    SuffixIc(String),
    /// Lower-cased value.
    EqIc(String),
    AnythingBut(AnythingBut),
    Numeric(NumRange),
    Exists(bool),
    Wildcard(Wildcard),
    Cidr(Cidr),
}

/// The exclusion of an `anything-but`; any present leaf value not excluded matches (null too).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum AnythingBut {
    Strs(Vec<String>),
    Nums(Vec<f64>),
    Prefix(String),
    Suffix(String),
    /// Lower-cased values.
    EqIc(Vec<String>),
    Wildcard(Vec<Wildcard>),
}

/// `numeric` bounds: `(value, inclusive)`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumRange {
    pub lower: Option<(f64, bool)>,
    pub upper: Option<(f64, bool)>,
}

impl NumRange {
    pub fn contains(&self, x: f64) -> bool {
        let lower_ok = match self.lower {
            None => true,
            Some((b, true)) => x >= b,
            Some((b, false)) => x > b,
        };
        let upper_ok = match self.upper {
            None => true,
            Some((t, true)) => x <= t,
            Some((t, false)) => x < t,
        };
        lower_ok && upper_ok
    }
}

/// A wildcard split at its unescaped `*`s: `pieces.len()` = number of stars + 1.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Wildcard {
    pub pieces: Vec<String>,
}

impl Wildcard {
    pub fn matches(&self, v: &str) -> bool {
        let (first, rest) = match self.pieces.split_first() {
            Some(x) => x,
            None => return v.is_empty(),
        };
        let Some((last, middle)) = rest.split_last() else {
            return v == first;
        };
        let Some(after_first) = v.strip_prefix(first.as_str()) else {
            return false;
        };
        let Some(mut mid) = after_first.strip_suffix(last.as_str()) else {
            return false;
        };
        for piece in middle {
            match mid.find(piece.as_str()) {
                Some(at) => mid = mid.get(at + piece.len()..).unwrap_or_default(),
                None => return false,
            }
        }
        true
    }
}

/// An IPv4 or IPv6 network.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cidr {
    pub network: IpAddr,
    pub bits: u8,
}

impl Cidr {
    pub fn contains(&self, v: &str) -> bool {
        let Ok(ip) = v.parse::<IpAddr>() else {
            return false;
        };
        match (self.network, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                mask32(u32::from(a), self.bits) == mask32(u32::from(n), self.bits)
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                mask128(u128::from(a), self.bits) == mask128(u128::from(n), self.bits)
            }
            _ => false,
        }
    }
}

pub(super) fn mask32(x: u32, bits: u8) -> u32 {
    if bits == 0 {
        0
    } else {
        x & (u32::MAX << (32 - u32::from(bits.min(32))))
    }
}

pub(super) fn mask128(x: u128, bits: u8) -> u128 {
    if bits == 0 {
        0
    } else {
        x & (u128::MAX << (128 - u32::from(bits.min(128))))
    }
}

/// `v` lower-cased char by char equals the already lower-cased `pat`.
fn eq_ic(v: &str, pat: &str) -> bool {
    v.chars().flat_map(char::to_lowercase).eq(pat.chars())
}

fn starts_with_ic(v: &str, pat: &str) -> bool {
    let mut it = v.chars().flat_map(char::to_lowercase);
    pat.chars().all(|c| it.next() == Some(c))
}

fn ends_with_ic(v: &str, pat: &str) -> bool {
    let mut it = v.chars().rev().flat_map(|c| c.to_lowercase().rev());
    pat.chars().rev().all(|c| it.next() == Some(c))
}

/// Lower-case the way matching does (per char, no context rules).
pub(super) fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn as_num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

impl AnythingBut {
    /// Whether `v` is one of the excluded values.
    pub fn excludes(&self, v: &Value) -> bool {
        match (self, v) {
            (AnythingBut::Strs(list), Value::String(s)) => list.iter().any(|x| x == s),
            (AnythingBut::Nums(list), Value::Number(_)) => {
                as_num(v).is_some_and(|x| list.contains(&x))
            }
            (AnythingBut::Prefix(p), Value::String(s)) => s.starts_with(p.as_str()),
            (AnythingBut::Suffix(p), Value::String(s)) => s.ends_with(p.as_str()),
            (AnythingBut::EqIc(list), Value::String(s)) => list.iter().any(|x| eq_ic(s, x)),
            (AnythingBut::Wildcard(list), Value::String(s)) => list.iter().any(|w| w.matches(s)),
            _ => false,
        }
    }
}

impl Matcher {
    /// Whether a present leaf value (never an object or array) satisfies this element.
    /// `Exists(false)` never matches a present value; absence is handled by the caller.
    #[inline]
    pub fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Matcher::Str(p), Value::String(s)) => p == s,
            (Matcher::Num(p), Value::Number(_)) => as_num(v) == Some(*p),
            (Matcher::Bool(p), Value::Bool(b)) => p == b,
            (Matcher::Null, Value::Null) => true,
            (Matcher::Prefix(p), Value::String(s)) => s.starts_with(p.as_str()),
            (Matcher::PrefixIc(p), Value::String(s)) => starts_with_ic(s, p),
            (Matcher::Suffix(p), Value::String(s)) => s.ends_with(p.as_str()),
            (Matcher::SuffixIc(p), Value::String(s)) => ends_with_ic(s, p),
            (Matcher::EqIc(p), Value::String(s)) => eq_ic(s, p),
            (Matcher::AnythingBut(ab), _) => !v.is_object() && !v.is_array() && !ab.excludes(v),
            (Matcher::Numeric(r), Value::Number(_)) => as_num(v).is_some_and(|x| r.contains(x)),
            (Matcher::Exists(want), _) => *want && !v.is_object() && !v.is_array(),
            (Matcher::Wildcard(w), Value::String(s)) => w.matches(s),
            (Matcher::Cidr(c), Value::String(s)) => c.contains(s),
            _ => false,
        }
    }

    /// Operator name for messages (`"equals"` for scalars).
    pub fn kind(&self) -> &'static str {
        match self {
            Matcher::Str(_) | Matcher::Num(_) | Matcher::Bool(_) | Matcher::Null => "equals",
            Matcher::Prefix(_) | Matcher::PrefixIc(_) => "prefix",
            Matcher::Suffix(_) | Matcher::SuffixIc(_) => "suffix",
            Matcher::EqIc(_) => "equals-ignore-case",
            Matcher::AnythingBut(_) => "anything-but",
            Matcher::Numeric(_) => "numeric",
            Matcher::Exists(_) => "exists",
            Matcher::Wildcard(_) => "wildcard",
            Matcher::Cidr(_) => "cidr",
        }
    }

    /// Matches only string values.
    pub fn string_only(&self) -> bool {
        matches!(
            self,
            Matcher::Prefix(_)
                | Matcher::PrefixIc(_)
                | Matcher::Suffix(_)
                | Matcher::SuffixIc(_)
                | Matcher::EqIc(_)
                | Matcher::Wildcard(_)
                | Matcher::Cidr(_)
        )
    }
}
