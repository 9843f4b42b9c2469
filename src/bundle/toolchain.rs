//! What `build` needs around it, found before anything compiles so that each missing piece is
//! one line saying how to get it: the orderctl workspace and its target directory (from
//! `cargo metadata`, which honours `CARGO_TARGET_DIR` and `.cargo/config.toml`), cargo-lambda,
//! and the Rust standard library for the chosen architecture.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};
use serde::Deserialize;

use super::Arch;
use crate::functions::Function;

/// The orderctl source workspace: where to build, and where artifacts go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The directory holding the workspace's `Cargo.toml`.
    pub root: PathBuf,
    /// Cargo's target directory (`target/`, or `CARGO_TARGET_DIR`).
    pub target_dir: PathBuf,
}

impl Workspace {
    /// The directory the zips go to: `<target dir>/lambda`.
    pub fn lambda_dir(&self) -> PathBuf {
        self.target_dir.join("lambda")
    }

    /// Where `function`'s zip is written: `<target dir>/lambda/<function>.zip`.
    pub fn zip_path(&self, function: Function) -> PathBuf {
        self.lambda_dir().join(format!("{}.zip", function.name()))
    }

    /// Where cargo-lambda leaves `function`'s binary: `<target dir>/lambda/<bin>/bootstrap`.
    pub fn bootstrap_path(&self, function: Function) -> PathBuf {
        self.lambda_dir().join(function.name()).join("bootstrap")
    }
}

#[derive(Deserialize)]
struct Metadata {
    workspace_root: PathBuf,
    target_directory: PathBuf,
    packages: Vec<Package>,
}

#[derive(Deserialize)]
struct Package {
    name: String,
}

/// The orderctl workspace containing the current directory.
pub fn locate_workspace() -> anyhow::Result<Workspace> {
    let output = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                anyhow::anyhow!("build needs cargo on PATH (a Rust toolchain: https://rustup.rs)")
            } else {
                anyhow::Error::new(e).context("running cargo metadata")
            }
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("could not find `Cargo.toml`") {
            bail!(
                "build compiles the functions from source: run it inside the orderctl workspace (no Cargo.toml in this directory or above)"
            );
        }
        let first = stderr
            .lines()
            .map(|l| l.trim().trim_start_matches("error: "))
            .find(|l| !l.is_empty())
            .unwrap_or("no message");
        bail!("cargo metadata failed: {first}");
    }
    let metadata: Metadata =
        serde_json::from_slice(&output.stdout).context("reading cargo metadata's output")?;
    parse_workspace(metadata)
}

fn parse_workspace(metadata: Metadata) -> anyhow::Result<Workspace> {
    let has = |name: &str| metadata.packages.iter().any(|p| p.name == name);
    let ours = has("orderctl") && Function::ALL.iter().all(|f| has(f.name()));
    if !ours {
        bail!(
            "{} is not the orderctl workspace (it has no orderctl package with the notification, analytics and inventory functions): run build inside an orderctl checkout",
            metadata.workspace_root.display()
        );
    }
    Ok(Workspace {
        root: metadata.workspace_root,
        target_dir: metadata.target_directory,
    })
}

/// The one line said when cargo-lambda is missing.
pub const CARGO_LAMBDA_HINT: &str = "cargo-lambda is not on PATH: install it with `pip install cargo-lambda` (it brings zig, which links against Lambda's older glibc), then run build again";

/// Fails with [`CARGO_LAMBDA_HINT`] unless `cargo-lambda` runs.
pub fn require_cargo_lambda() -> anyhow::Result<()> {
    // Run as cargo runs it: `cargo-lambda lambda …` (a bare `--version` is refused).
    let found = Command::new("cargo-lambda")
        .args(["lambda", "--version"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        bail!(CARGO_LAMBDA_HINT);
    }
    Ok(())
}

/// Fails, saying how to add it, unless the standard library for `arch` is installed for the
/// toolchain the workspace builds with.
pub fn require_std(workspace: &Workspace, arch: Arch) -> anyhow::Result<()> {
    let output = Command::new("rustc")
        .args(["--print", "sysroot"])
        .current_dir(&workspace.root)
        .stdin(Stdio::null())
        .output()
        .context("running rustc --print sysroot")?;
    if !output.status.success() {
        bail!(
            "rustc --print sysroot failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let sysroot = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if !std_installed(&sysroot, arch) {
        bail!(
            "the {triple} standard library is not installed, so {arch} cannot be built: run `rustup target add {triple}`",
            triple = arch.triple(),
            arch = arch.name(),
        );
    }
    Ok(())
}

/// Whether `<sysroot>/lib/rustlib/<triple>/lib` holds a standard library.
fn std_installed(sysroot: &Path, arch: Arch) -> bool {
    let lib = sysroot
        .join("lib")
        .join("rustlib")
        .join(arch.triple())
        .join("lib");
    std::fs::read_dir(lib).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("libstd-") && name.ends_with(".rlib")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(names: &[&str]) -> Metadata {
        Metadata {
            workspace_root: "/src/orderctl".into(),
            target_directory: "/tmp/shared-target".into(),
            packages: names
                .iter()
                .map(|n| Package {
                    name: (*n).to_owned(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_target_dir_comes_from_cargo_and_zips_go_under_lambda() {
        let ws = parse_workspace(metadata(&[
            "orderctl",
            "orders-core",
            "notification",
            "analytics",
            "inventory",
        ]))
        .unwrap();
        assert_eq!(
            ws.zip_path(Function::Inventory),
            Path::new("/tmp/shared-target/lambda/inventory.zip")
        );
        assert_eq!(
            ws.bootstrap_path(Function::Analytics),
            Path::new("/tmp/shared-target/lambda/analytics/bootstrap")
        );
    }

    #[test]
    fn another_workspace_is_refused_in_one_line() {
        let err = parse_workspace(metadata(&["some-app"])).unwrap_err();
        let line = format!("{err:#}");
        assert!(line.contains("not the orderctl workspace"), "{line}");
        assert_eq!(line.lines().count(), 1);
    }

    #[test]
    fn a_std_is_found_by_its_rlib() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!std_installed(dir.path(), Arch::Arm64));
        let lib = dir.path().join("lib/rustlib/aarch64-unknown-linux-gnu/lib");
        std::fs::create_dir_all(&lib).unwrap();
        assert!(!std_installed(dir.path(), Arch::Arm64));
        std::fs::write(lib.join("libstd-0123abcd.rlib"), b"").unwrap();
        assert!(std_installed(dir.path(), Arch::Arm64));
        assert!(!std_installed(dir.path(), Arch::X86_64));
    }
}
