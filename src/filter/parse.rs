//! Pattern parsing: validates the JSON structure (objects, leaf arrays, `$or`) and flattens it into a compiled [`Pattern`].

use super::json::{self, Raw, dedupe};
use super::lint::Linter;
use super::ops::compile_leaf;
use super::path::{Seg, child, index, join_dotted, segments};
use super::types::{Conj, Field, Item, OrGroup, PatternError, Profile, Warning};

/// Longest accepted pattern text, in characters (Lambda `Pattern` limit).
pub const MAX_PATTERN_CHARS: usize = 4096;
/// Most `$or` combinations a pattern may expand to.
pub const MAX_OR_COMBINATIONS: u64 = 1000;

/// A compiled filter pattern (one `FilterCriteria.Filters[].Pattern`).
#[derive(Debug, Clone)]
pub struct Pattern {
    pub(super) source: String,
    /// Some field lies under the record's `dynamodb` key (computed from the parsed paths).
    pub(super) reads_dynamodb: bool,
    pub(super) profile: Profile,
    pub(super) root: Conj,
    pub(super) warnings: Vec<Warning>,
}

impl Pattern {
    /// Parse a pattern from its JSON text.
    pub fn parse(text: &str, profile: Profile) -> Result<Pattern, PatternError> {
        let chars = text.chars().count();
        if chars > MAX_PATTERN_CHARS {
            return Err(PatternError::new(
                "$",
                format!("pattern is {chars} characters; the limit is {MAX_PATTERN_CHARS}"),
            ));
        }
        let raw = json::parse(text)
            .map_err(|e| PatternError::new("$", format!("pattern is not valid JSON: {e}")))?;
        let Raw::Obj(entries) = &raw else {
            return Err(PatternError::new(
                "$",
                format!("a pattern must be a JSON object, got {}", raw.kind()),
            ));
        };
        let mut compiler = Compiler {
            profile,
            lint: Linter::default(),
            segs: Vec::new(),
        };
        let root = if entries.is_empty() {
            compiler.lint.push(
                "$",
                "empty_pattern",
                "the empty pattern {} matches every record",
            );
            Conj::default()
        } else {
            compiler.conj(entries, "$", "")?
        };
        let combos = combinations(&root);
        if combos > MAX_OR_COMBINATIONS {
            return Err(PatternError::new(
                "$",
                format!("$or expands to {combos} combinations; the limit is {MAX_OR_COMBINATIONS}"),
            ));
        }
        Ok(Pattern {
            source: text.to_string(),
            reads_dynamodb: reads_key(&root, "dynamodb"),
            profile,
            root,
            warnings: compiler.lint.warnings,
        })
    }

    /// Lint results computed at parse time.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The pattern text as given.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The profile the pattern was parsed with.
    pub fn profile(&self) -> Profile {
        self.profile
    }
}

/// Whether any field of `conj`, `$or` branches included, lies under the top-level `key`.
fn reads_key(conj: &Conj, key: &str) -> bool {
    conj.items.iter().any(|item| match item {
        Item::Field(f) => super::path::strip_key(&f.path, key).is_some(),
        Item::Or(o) => o.branches.iter().any(|b| reads_key(b, key)),
    })
}

/// Number of plain conjunctions the `$or`s expand to (saturating).
fn combinations(conj: &Conj) -> u64 {
    conj.items.iter().fold(1u64, |acc, item| match item {
        Item::Field(_) => acc,
        Item::Or(or) => acc.saturating_mul(
            or.branches
                .iter()
                .fold(0u64, |sum, b| sum.saturating_add(combinations(b))),
        ),
    })
}

struct Compiler {
    profile: Profile,
    lint: Linter,
    /// Logical segments of the current object's path.
    segs: Vec<Seg>,
}

impl Compiler {
    /// Compile a non-empty object into a conjunction.
    fn conj(
        &mut self,
        entries: &[(String, Raw)],
        display: &str,
        dotted: &str,
    ) -> Result<Conj, PatternError> {
        let mut items = Vec::new();
        self.object(entries, display, dotted, &mut items)?;
        // Positive conditions bind array elements first; absence-only leaves are checked
        // against those bindings afterwards (see the parent module's docs on array consistency).
        let (positive, absent): (Vec<usize>, Vec<usize>) = (0..items.len())
            .partition(|&i| !matches!(items.get(i), Some(Item::Field(f)) if f.leaf.absence_only()));
        let eval_order: Vec<usize> = positive.into_iter().chain(absent).collect();
        let mut pattern_order = vec![0; items.len()];
        for (pos, &orig) in eval_order.iter().enumerate() {
            if let Some(slot) = pattern_order.get_mut(orig) {
                *slot = pos;
            }
        }
        let mut slots: Vec<Option<Item>> = items.into_iter().map(Some).collect();
        let items = eval_order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .collect();
        Ok(Conj {
            items,
            pattern_order,
        })
    }

    /// Append the items of one pattern object (flattening nested objects) to `out`.
    fn object(
        &mut self,
        entries: &[(String, Raw)],
        display: &str,
        dotted: &str,
        out: &mut Vec<Item>,
    ) -> Result<(), PatternError> {
        let (entries, dups) = dedupe(entries);
        self.lint.duplicate_keys(display, &dups);
        for (key, value) in entries {
            let key_display = child(display, key);
            if key == "$or" {
                out.push(Item::Or(self.or_group(value, &key_display, dotted)?));
                continue;
            }
            let depth = self.segs.len();
            self.segs.extend(segments(key, &key_display));
            let path = join_dotted(dotted, key);
            let result = self.value(value, &key_display, &path, out);
            self.segs.truncate(depth);
            result?;
        }
        Ok(())
    }

    fn value(
        &mut self,
        value: &Raw,
        display: &str,
        path: &str,
        out: &mut Vec<Item>,
    ) -> Result<(), PatternError> {
        match value {
            Raw::Obj(inner) if inner.is_empty() => Err(PatternError::new(
                display,
                "an object in a pattern must have at least one key",
            )),
            Raw::Obj(inner) => self.object(inner, display, path, out),
            Raw::Arr(items) => {
                let leaf = compile_leaf(items, display, self.profile, &mut self.lint)?;
                self.lint.leaf(&self.segs, &leaf, display);
                out.push(Item::Field(Field {
                    path: path.to_string(),
                    display: display.to_string(),
                    leaf,
                }));
                Ok(())
            }
            other => Err(PatternError::new(
                display,
                format!(
                    "pattern values must be arrays (e.g. [{}]) or objects, got {}",
                    other.to_json(),
                    other.kind()
                ),
            )),
        }
    }

    fn or_group(
        &mut self,
        value: &Raw,
        display: &str,
        dotted: &str,
    ) -> Result<OrGroup, PatternError> {
        let Raw::Arr(branches) = value else {
            return Err(PatternError::new(
                display,
                format!(
                    "$or must be an array of at least two objects, got {}",
                    value.kind()
                ),
            ));
        };
        if branches.len() < 2 {
            return Err(PatternError::new(
                display,
                format!("$or must list at least two objects, got {}", branches.len()),
            ));
        }
        let mut out = Vec::with_capacity(branches.len());
        for (i, branch) in branches.iter().enumerate() {
            let branch_display = index(display, i);
            match branch {
                Raw::Obj(entries) if !entries.is_empty() => {
                    out.push(self.conj(entries, &branch_display, dotted)?);
                }
                Raw::Obj(_) => {
                    return Err(PatternError::new(
                        branch_display,
                        "a $or branch must have at least one key",
                    ));
                }
                other => {
                    return Err(PatternError::new(
                        branch_display,
                        format!("a $or branch must be an object, got {}", other.kind()),
                    ));
                }
            }
        }
        Ok(OrGroup {
            display: display.to_string(),
            branches: out,
        })
    }
}
