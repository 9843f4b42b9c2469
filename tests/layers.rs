//! The layering rules of docs/architecture.md, checked on the source so they stay true: no
//! command imports another command, and nothing above `src/backend` asks which target it runs on.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn src(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)
}

/// The code of a file before its `#[cfg(test)]` module, with `//` comments removed.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths a file names after `prefix` (`super::` or `crate::cmd::`), one segment each,
/// including the members of a `{a, b::c}` group.
fn named_after(code: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            names.extend(
                inner
                    .split(',')
                    .map(|s| s.trim().split("::").next().unwrap_or_default().to_owned()),
            );
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            names.push(rest[..end].to_owned());
        }
    }
    names
}

#[test]
fn no_command_imports_another_command() {
    let commands: Vec<String> = rust_files(&src("cmd"))
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(str::to_owned))
        // Not commands: the dispatch-free module root and the pieces every command shares.
        .filter(|m| !["mod", "args", "render", "sink", "watch"].contains(&m.as_str()))
        .collect();
    assert!(commands.len() > 10, "found the commands: {commands:?}");
    let mut found = Vec::new();
    for path in rust_files(&src("cmd")) {
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let code = code(&path);
        // In src/cmd/x.rs `super::` is src/cmd; in src/cmd/x/y.rs it is src/cmd/x (the command itself).
        let direct = path.parent() == Some(src("cmd").as_path());
        let mut names = named_after(&code, "crate::cmd::");
        if direct {
            names.extend(named_after(&code, "super::"));
        }
        for name in names {
            if name != stem && commands.contains(&name) {
                found.push(format!("{} imports cmd::{name}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_the_backend_asks_which_target() {
    let needles = [
        "Target::Local",
        "Target::Aws",
        "TargetKind::Local",
        "TargetKind::Aws",
        "Backend::Local",
        "Backend::Aws",
        "settings.target",
    ];
    let mut found = Vec::new();
    for dir in ["cmd", "esm", "dlq", "stream"] {
        for path in rust_files(&src(dir)) {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if let Some(needle) = needles.iter().find(|needle| line.contains(*needle)) {
                    found.push(format!("{}:{}: {needle}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
