//! Packaging the bundled functions for Lambda's `provided.al2023` runtime: cargo-lambda
//! compiles each function's `runtime` binary (with zig as the linker, against an old glibc),
//! [`elf`] checks the binary needs no glibc newer than Amazon Linux 2023's, and [`archive`]
//! zips it as `bootstrap` so that the same binary always gives the same SHA-256. The zips are
//! what a deploy uploads: `<target dir>/lambda/<function>.zip` ([`Workspace::zip_path`]).

pub mod archive;
pub mod elf;
pub mod toolchain;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};
use clap::ValueEnum;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use toolchain::Workspace;

use crate::functions::Function;
use elf::{GlibcVersion, Machine};

/// A Lambda instruction set architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum, Serialize)]
pub enum Arch {
    /// Intel and AMD (Lambda's default)
    #[default]
    #[value(name = "x86_64")]
    #[serde(rename = "x86_64")]
    X86_64,
    /// Graviton
    #[value(name = "arm64")]
    #[serde(rename = "arm64")]
    Arm64,
}

impl Arch {
    /// Its name as Lambda spells it (`Architectures`).
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Arm64 => "arm64",
        }
    }

    /// The Rust target triple.
    pub fn triple(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-unknown-linux-gnu",
            Arch::Arm64 => "aarch64-unknown-linux-gnu",
        }
    }

    /// cargo-lambda's shortcut flag for it.
    fn cargo_lambda_flag(self) -> &'static str {
        match self {
            Arch::X86_64 => "--x86-64",
            Arch::Arm64 => "--arm64",
        }
    }

    fn machine(self) -> Machine {
        match self {
            Arch::X86_64 => Machine::X86_64,
            Arch::Arm64 => Machine::Aarch64,
        }
    }
}

/// One function built and zipped.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Built {
    /// The bundled function.
    pub function: Function,
    /// The architecture it was built for.
    pub arch: Arch,
    /// The zip: `<target dir>/lambda/<function>.zip`.
    pub zip: PathBuf,
    /// The zip's size.
    pub bytes: u64,
    /// The zip's SHA-256, lowercase hex.
    pub sha256: String,
    /// The newest glibc the binary needs (`null` when none).
    pub glibc: Option<String>,
}

/// What became of one function.
#[derive(Debug)]
pub enum Outcome {
    /// Zipped and written.
    Built(Built),
    /// The binary cannot run on Lambda; the line says why. No zip is left for it.
    Refused(String),
}

/// Compile `function` for `arch` with cargo-lambda (its output on stderr; `quiet` passes
/// `--quiet`), check the binary and write its zip.
pub fn build(
    workspace: &Workspace,
    function: Function,
    arch: Arch,
    quiet: bool,
) -> anyhow::Result<Outcome> {
    let name = function.name();
    let mut cargo = Command::new("cargo");
    cargo
        .args(["lambda", "build", "--release", "-p", name])
        .args(["--features", "runtime", "--bin", name])
        .arg(arch.cargo_lambda_flag())
        .arg("--lambda-dir")
        .arg(workspace.lambda_dir())
        .current_dir(&workspace.root)
        .stdin(Stdio::null())
        // stdout carries orderctl's data only: cargo-lambda's output goes to stderr.
        .stdout(std::io::stderr());
    if quiet {
        cargo.arg("--quiet");
    }
    tracing::debug!(?cargo, "building {name}");
    let status = cargo.status().context("running cargo lambda build")?;
    if !status.success() {
        bail!("cargo lambda build failed for {name} ({status}); its output is above");
    }
    let bootstrap = workspace.bootstrap_path(function);
    let binary =
        std::fs::read(&bootstrap).with_context(|| format!("reading {}", bootstrap.display()))?;
    let zip_path = workspace.zip_path(function);
    if let Some(reason) = refusal(function, arch, &binary)? {
        // A zip from an earlier build must not be deployed as if it were this one.
        match std::fs::remove_file(&zip_path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(e).with_context(|| format!("removing {}", zip_path.display()));
            }
        }
        return Ok(Outcome::Refused(reason));
    }
    let glibc = elf::inspect(&binary)?.max_glibc.map(|v| v.to_string());
    let zip = archive::bootstrap_zip(&binary)?;
    write_atomically(&zip_path, &zip)?;
    Ok(Outcome::Built(Built {
        function,
        arch,
        zip: zip_path,
        bytes: zip.len() as u64,
        sha256: sha256_hex(&zip),
        glibc,
    }))
}

/// Why `binary` cannot ship as `function` on `arch`, if it cannot.
pub fn refusal(function: Function, arch: Arch, binary: &[u8]) -> anyhow::Result<Option<String>> {
    let name = function.name();
    let info = elf::inspect(binary).with_context(|| format!("{name}: reading bootstrap"))?;
    if info.machine != arch.machine() {
        return Ok(Some(format!(
            "{name}: bootstrap is built for {:?}, not {}",
            info.machine,
            arch.name()
        )));
    }
    Ok(match info.max_glibc {
        Some(needed) if needed > GlibcVersion::AL2023 => Some(format!(
            "{name}: bootstrap needs glibc {needed}, newer than the {} of Lambda's provided.al2023; build it with cargo-lambda's zig linker (an older glibc)",
            GlibcVersion::AL2023
        )),
        _ => None,
    })
}

/// SHA-256 as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Write through a temporary file and a rename, so a reader (a deploy) never sees half a zip
/// or no zip, and two builds at once never write the same temporary file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension(format!("zip.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn a_binary_for_another_machine_is_refused() {
        let path = std::env::current_exe().unwrap();
        let bytes = std::fs::read(path).unwrap();
        let other = if cfg!(target_arch = "x86_64") {
            Arch::Arm64
        } else {
            Arch::X86_64
        };
        let reason = refusal(Function::Inventory, other, &bytes)
            .unwrap()
            .unwrap();
        assert!(
            reason.starts_with("inventory: bootstrap is built for"),
            "{reason}"
        );
        assert!(refusal(Function::Inventory, other, b"not elf").is_err());
    }

    #[test]
    fn a_binary_needing_glibc_past_2_34_is_refused_in_one_line() {
        let new = elf::tests::crafted(62, &["GLIBC_2.17", "GLIBC_2.38"]);
        let reason = refusal(Function::Analytics, Arch::X86_64, &new)
            .unwrap()
            .unwrap();
        assert!(
            reason.starts_with("analytics: bootstrap needs glibc 2.38, newer than the 2.34"),
            "{reason}"
        );
        assert_eq!(reason.lines().count(), 1);
        let ok = elf::tests::crafted(183, &["GLIBC_2.17", "GLIBC_2.34"]);
        assert_eq!(
            refusal(Function::Analytics, Arch::Arm64, &ok).unwrap(),
            None
        );
    }
}
