//! `orderctl build` (issue 14): the real thing — cargo-lambda compiles the inventory function
//! and the zip is checked from the outside (Python's zipfile reads it, the ELF reader reads
//! the binary) — and every missing prerequisite as one line saying how to get it. The real
//! build needs cargo-lambda on PATH (scripts/test installs it into .venv); without it the
//! test fails, it never skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use orderctl::bundle::archive::read_entries;
use orderctl::bundle::elf::{GlibcVersion, inspect};

use crate::support::{Env, Output, finish};

/// The orderctl workspace, where `build` must run.
fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An environment whose commands run in the workspace, with the toolchain settings of this
/// test run (so the build reuses its target directory).
fn env() -> Env {
    let mut env = Env::new();
    for key in [
        "CARGO_TARGET_DIR",
        "CARGO_HOME",
        "RUSTUP_HOME",
        "RUSTUP_TOOLCHAIN",
    ] {
        if let Ok(value) = std::env::var(key) {
            env = env.env(key, &value);
        }
    }
    env
}

fn run_in(env: &Env, dir: &Path, args: &[&str]) -> Output {
    let child = env
        .command(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn orderctl");
    finish(child, args)
}

/// `program` as found on this run's PATH.
fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// A PATH holding only `cargo` and `rustc` (so cargo-lambda is not on it); `rustc` answers
/// `--print sysroot` with `sysroot` when given one.
fn bare_path(env: &Env, sysroot: Option<&Path>) -> String {
    let bin = env.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let cargo = which("cargo").expect("cargo on PATH");
    let rustc = which("rustc").expect("rustc on PATH");
    std::os::unix::fs::symlink(cargo, bin.join("cargo")).unwrap();
    match sysroot {
        None => std::os::unix::fs::symlink(rustc, bin.join("rustc")).unwrap(),
        Some(sysroot) => {
            let script = format!(
                "#!/bin/sh\nif [ \"$1 $2\" = \"--print sysroot\" ]; then echo '{}'; exit 0; fi\nexec '{}' \"$@\"\n",
                sysroot.display(),
                rustc.display()
            );
            let path = bin.join("rustc");
            std::fs::write(&path, script).unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    bin.display().to_string()
}

#[test]
fn build_outside_the_workspace_says_where_to_run_it() {
    let env = env();
    run_in(&env, env.path(), &["build", "--function", "inventory"])
        .input_error("run it inside the orderctl workspace");
}

#[test]
fn build_without_cargo_lambda_says_how_to_install_it() {
    let env = env();
    let path = bare_path(&env, None);
    let env = env.env("PATH", &path);
    let out = run_in(&env, workspace(), &["build", "--function", "inventory"])
        .input_error("cargo-lambda is not on PATH");
    assert!(
        out.stderr.contains("pip install cargo-lambda"),
        "{}",
        out.stderr
    );
}

#[test]
fn build_for_arm64_without_its_std_says_how_to_add_it() {
    let env = env();
    // A toolchain with the x86_64 standard library only.
    let sysroot = env.path().join("sysroot");
    let lib = sysroot.join("lib/rustlib/x86_64-unknown-linux-gnu/lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("libstd-0000.rlib"), b"").unwrap();
    let path = bare_path(&env, Some(&sysroot));
    let env = env.env("PATH", &path);
    run_in(&env, workspace(), &["build", "--arch", "arm64"])
        .input_error("rustup target add aarch64-unknown-linux-gnu");
}

/// Issue 14, "Tests that must exist", Build: one function built for real, its zip checked,
/// and a rebuild byte for byte the same.
#[test]
fn build_zips_inventory_as_an_executable_bootstrap_and_rebuilds_it_identically() {
    assert!(
        which("cargo-lambda").is_some(),
        "cargo-lambda is not on PATH: run scripts/test (it installs it into .venv), or `pip install cargo-lambda`"
    );
    let env = env();
    let args = ["build", "--function", "inventory", "-o", "json"];
    let first = run_in(&env, workspace(), &args).success().json();
    let built = &first[0];
    assert_eq!(first.as_array().unwrap().len(), 1, "{first}");
    assert_eq!(built["function"], "inventory");
    assert_eq!(built["arch"], "x86_64");
    let zip_path = PathBuf::from(built["zip"].as_str().unwrap());
    assert!(zip_path.ends_with("lambda/inventory.zip"), "{zip_path:?}");
    let zip = std::fs::read(&zip_path).unwrap();
    assert_eq!(built["bytes"], zip.len() as u64);
    assert_eq!(
        built["sha256"].as_str().unwrap(),
        orderctl::bundle::sha256_hex(&zip)
    );

    // Read by a zip implementation that is not ours: one entry, `bootstrap`, 0755, 1980.
    let python = Command::new("python3")
        .arg("-c")
        .arg(
            "import sys, zipfile\n\
             z = zipfile.ZipFile(sys.argv[1])\n\
             assert z.testzip() is None\n\
             for i in z.infolist():\n\
             \x20   print(i.filename, oct(i.external_attr >> 16), i.date_time, i.file_size)\n",
        )
        .arg(&zip_path)
        .output()
        .expect("python3 (scripts/test needs it too)");
    assert!(python.status.success(), "{python:?}");
    let listing = String::from_utf8(python.stdout).unwrap();
    let entries = read_entries(&zip).expect("a readable zip");
    let binary = &entries[0].contents;
    assert_eq!(
        listing.trim(),
        format!("bootstrap 0o100755 (1980, 1, 1, 0, 0, 0) {}", binary.len())
    );

    // The binary runs on provided.al2023: glibc 2.34 at most.
    let info = inspect(binary).unwrap();
    let glibc = info.max_glibc.expect("a glibc-linked binary");
    assert!(glibc <= GlibcVersion::AL2023, "needs glibc {glibc}");
    assert_eq!(built["glibc"], glibc.to_string());

    // Rebuilt (cargo-lambda copies the binary again, the zip is written anew, never removed,
    // since a deploy may be reading it): the same bytes, so the same hash, so a deploy sees
    // nothing to update.
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(&zip_path).unwrap().ino();
    let second = run_in(&env, workspace(), &args).success().json();
    assert_ne!(
        std::fs::metadata(&zip_path).unwrap().ino(),
        inode,
        "the zip was not rewritten"
    );
    assert_eq!(second[0]["sha256"], built["sha256"]);
    assert_eq!(std::fs::read(&zip_path).unwrap(), zip);
}
