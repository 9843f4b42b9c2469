//! Matching records against compiled patterns, with event-ruler's array consistency.
//!
//! Each leaf field is resolved by walking the record along its dotted path; arrays are
//! "crushed" (every element is tried). When a walk enters an array it binds that array to
//! the element index it took, and later fields that pass through the same array must take
//! the same index, so fields from different elements never combine into one match.
//! The search backtracks over bindings; bindings live on the stack for up to 16 arrays.

use super::parse::Pattern;
use super::path::strip_key;
use super::types::{Conj, Field, Item};
use serde_json::Value;

const INLINE: usize = 16;

/// Array → element bindings made so far, keyed by the array's address in the record.
pub(super) struct Bindings {
    inline: [(usize, usize); INLINE],
    len: usize,
    spill: Vec<(usize, usize)>,
}

impl Bindings {
    pub fn new() -> Self {
        Bindings {
            inline: [(0, 0); INLINE],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn get(&self, array: usize) -> Option<usize> {
        let n = self.len.min(INLINE);
        self.inline
            .get(..n)
            .unwrap_or_default()
            .iter()
            .chain(self.spill.iter())
            .find(|(a, _)| *a == array)
            .map(|(_, i)| *i)
    }

    fn push(&mut self, array: usize, i: usize) {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = (array, i),
            None => self.spill.push((array, i)),
        }
        self.len += 1;
    }

    fn pop(&mut self) {
        if self.len > INLINE {
            self.spill.pop();
        }
        self.len = self.len.saturating_sub(1);
    }
}

/// Call `f` for every leaf value at dotted `path` under `v` that is consistent with the
/// bindings, binding each array passed through. Stops and returns true when `f` does.
fn each_leaf(
    v: &Value,
    path: &str,
    b: &mut Bindings,
    f: &mut dyn FnMut(&Value, &mut Bindings) -> bool,
) -> bool {
    match v {
        Value::Array(items) => {
            let id = std::ptr::from_ref(items).addr();
            if let Some(i) = b.get(id) {
                return items.get(i).is_some_and(|e| each_leaf(e, path, b, f));
            }
            for (i, e) in items.iter().enumerate() {
                b.push(id, i);
                let found = each_leaf(e, path, b, f);
                b.pop();
                if found {
                    return true;
                }
            }
            false
        }
        Value::Object(map) => {
            if path.is_empty() {
                // An object where a leaf was expected: not a leaf value.
                return false;
            }
            for (k, child) in map {
                if let Some(rest) = strip_key(path, k)
                    && each_leaf(child, rest, b, f)
                {
                    return true;
                }
            }
            false
        }
        leaf => path.is_empty() && f(leaf, b),
    }
}

/// Try to satisfy `field`, then call `k` (the rest of the conjunction) under the
/// bindings that made it match; backtracks over candidate values.
pub(super) fn match_field(
    field: &Field,
    rec: &Value,
    b: &mut Bindings,
    k: &mut dyn FnMut(&mut Bindings) -> bool,
) -> bool {
    let leaf = &field.leaf;
    let mut seen = false;
    let found = each_leaf(rec, &field.path, b, &mut |v, b| {
        seen = true;
        leaf.accepts(v) && k(b)
    });
    found || (leaf.absent_ok && !seen && k(b))
}

/// The remaining items of the current conjunction, then those of the enclosing ones.
struct Cont<'a> {
    items: &'a [Item],
    next: Option<&'a Cont<'a>>,
}

fn run(cont: &Cont<'_>, rec: &Value, b: &mut Bindings) -> bool {
    let Some((first, rest)) = cont.items.split_first() else {
        return match cont.next {
            Some(next) => run(next, rec, b),
            None => true,
        };
    };
    let after = Cont {
        items: rest,
        next: cont.next,
    };
    match first {
        Item::Or(or) => or.branches.iter().any(|branch| {
            let inner = Cont {
                items: &branch.items,
                next: Some(&after),
            };
            run(&inner, rec, b)
        }),
        Item::Field(field) => match_field(field, rec, b, &mut |b| run(&after, rec, b)),
    }
}

/// Whether all of `items` match together.
pub(super) fn items_match(items: &[Item], rec: &Value) -> bool {
    let cont = Cont { items, next: None };
    run(&cont, rec, &mut Bindings::new())
}

pub(super) fn conj_matches(conj: &Conj, rec: &Value) -> bool {
    items_match(&conj.items, rec)
}

impl Pattern {
    /// Whether the record (one Lambda `Records[i]` object) matches the pattern.
    pub fn matches(&self, record: &Value) -> bool {
        conj_matches(&self.root, record)
    }
}

/// Several patterns ORed, like `FilterCriteria.Filters`. An empty set matches everything.
#[derive(Debug, Clone, Default)]
pub struct FilterSet {
    pub patterns: Vec<Pattern>,
}

impl FilterSet {
    pub fn new(patterns: Vec<Pattern>) -> Self {
        FilterSet { patterns }
    }

    /// Whether Lambda would deliver the record: no filters, or any filter matches.
    pub fn matches(&self, record: &Value) -> bool {
        self.patterns.is_empty() || self.patterns.iter().any(|p| p.matches(record))
    }

    /// None when the record is delivered; otherwise the first pattern's mismatch.
    pub fn explain(&self, record: &Value) -> Option<super::types::Mismatch> {
        if self.matches(record) {
            return None;
        }
        self.patterns.first().and_then(|p| p.explain(record))
    }

    /// Whether any pattern may look under the record's `dynamodb` key (its images, keys,
    /// sequence number); when none does, the record can be matched on its metadata alone.
    pub fn reads_dynamodb(&self) -> bool {
        self.patterns.iter().any(|p| p.reads_dynamodb)
    }

    /// No filters: every record matches.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }
}
