//! Help that cannot drift (issue 17, item 4): the `--help` of every command, as the binary
//! prints it, and the committed man pages (`man/`, generated from the same clap tree) must
//! match their snapshots, so a changed doc comment or flag shows as a diff to review. Refresh
//! with `SNAPSHOTS=overwrite cargo test --test integration help::`; with SNAPSHOTS unset a
//! difference, a missing file or a file no command has fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use clap::CommandFactory;
use snapbox::{Assert, Data, IntoData};

use crate::support;

/// Every visible command, as its path below `orderctl`: `[]`, `["init"]`, `["dlq", "replay"]`…
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, paths: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let mut p = path.clone();
            p.push(sub.get_name().to_owned());
            walk(sub, p, paths);
        }
        paths.push(path);
    }
    let mut paths = Vec::new();
    walk(
        &orderctl::cli::Cli::command().disable_help_subcommand(true),
        Vec::new(),
        &mut paths,
    );
    paths.sort();
    paths
}

/// `orderctl <path> --help` from the binary, with no environment: a set `ORDERCTL_*` variable
/// would show its value in the help, and `COLUMNS` would change the wrapping.
fn help(path: &[String]) -> Vec<u8> {
    let out = Command::new(support::bin())
        .args(path)
        .arg("--help")
        .env_clear()
        .output()
        .expect("run orderctl --help");
    assert!(out.status.success(), "orderctl {path:?} --help failed");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Compare each (file name, content) with the file of that name in `dir`, and fail on files
/// in `dir` that nothing generates (a command removed or renamed). Every difference is
/// reported, not just the first.
fn check_dir(dir: &Path, generated: Vec<(String, Vec<u8>)>) {
    let assert = Assert::new().action_env("SNAPSHOTS");
    let overwrite = assert.selected_action() == snapbox::assert::Action::Overwrite;
    let mut failures = Vec::new();
    for (name, content) in &generated {
        let expected = Data::read_from(&dir.join(name), None).raw();
        if let Err(e) = assert.try_eq(Some(&name), content.clone().into_data(), expected) {
            failures.push(format!("{name}: {e}"));
        }
    }
    let known: Vec<&str> = generated.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(dir).expect("read snapshot dir") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !known.contains(&name.as_str()) {
            if overwrite {
                std::fs::remove_file(&path).expect("remove stale snapshot");
            } else {
                failures.push(format!(
                    "{name}: no command generates it (SNAPSHOTS=overwrite removes it)"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn root(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn help_of_every_command_matches_its_snapshot() {
    let helps = command_paths()
        .into_iter()
        .map(|path| {
            let name = std::iter::once("orderctl".to_owned())
                .chain(path.iter().cloned())
                .collect::<Vec<_>>()
                .join("-");
            (format!("{name}.txt"), help(&path))
        })
        .collect();
    check_dir(&root("tests/snapshots/help"), helps);
}

#[test]
fn committed_man_pages_match_the_clap_tree() {
    let pages = orderctl::cli::man_pages().expect("render man pages");
    // One page per command, the same commands the help snapshots cover.
    assert_eq!(pages.len(), command_paths().len());
    check_dir(&root("man"), pages);
}

#[test]
fn man_prints_the_page_of_the_command_named() {
    let env = support::Env::new();
    let out = env.run(&["man", "dlq", "replay"]).success();
    let committed = std::fs::read_to_string(root("man/orderctl-dlq-replay.1")).expect("page");
    assert_eq!(out.stdout, committed);
    assert!(out.stdout.contains("\\-\\-id"), "{}", out.stdout);
    env.run(&["man", "dlq", "replays"])
        .input_error("no man page for `orderctl dlq replays`");
}
