//! The committed completion scripts must match what `orderctl completions SHELL` prints — the
//! binary a user runs, with no environment — (refresh them with `SNAPSHOTS=overwrite cargo test
//! completions`; scripts/test unsets SNAPSHOTS, so CI never rewrites them and passes).

use clap_complete::Shell;
use snapbox::{IntoData, assert_data_eq, file};

fn generated(shell: Shell) -> Vec<u8> {
    let out = std::process::Command::new(crate::support::bin())
        .args(["completions", &shell.to_string()])
        .env_clear()
        .output()
        .expect("run orderctl completions");
    assert!(
        out.status.success(),
        "orderctl completions {shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn bash_completions_are_current() {
    assert_data_eq!(
        generated(Shell::Bash).raw(),
        file!["../completions/orderctl.bash"].raw()
    );
}

#[test]
fn zsh_completions_are_current() {
    assert_data_eq!(
        generated(Shell::Zsh).raw(),
        file!["../completions/_orderctl"].raw()
    );
}

#[test]
fn fish_completions_are_current() {
    assert_data_eq!(
        generated(Shell::Fish).raw(),
        file!["../completions/orderctl.fish"].raw()
    );
}

#[test]
fn powershell_completions_are_current() {
    assert_data_eq!(
        generated(Shell::PowerShell).raw(),
        file!["../completions/_orderctl.ps1"].raw()
    );
}

#[test]
fn elvish_completions_are_current() {
    assert_data_eq!(
        generated(Shell::Elvish).raw(),
        file!["../completions/orderctl.elv"].raw()
    );
}
