//! Test support: run the `orderctl` binary in a temporary data dir and inspect the result, or
//! open the same data dir through the library to assert on tables and the stream.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use orderctl::backend::LocalTarget;
use orderctl::settings::Settings;
use orders_core::{EventRecord, RawRecord};
use serde_json::Value;

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_orderctl"))
}

/// A temporary local pipeline.
pub struct Env {
    pub dir: tempfile::TempDir,
    extra_env: Vec<(String, String)>,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            extra_env: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Set an environment variable for every command run from here.
    pub fn env(mut self, key: &str, value: &str) -> Env {
        self.extra_env.push((key.into(), value.into()));
        self
    }

    /// A command with a clean environment pointed at this data dir.
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_under(&[], args)
    }

    /// The same command run through `wrapper` (a program and its arguments, e.g. `setsid
    /// --ctty`), which is given the binary and `args` to run.
    pub fn command_under(&self, wrapper: &[&str], args: &[&str]) -> Command {
        let mut cmd = match wrapper.split_first() {
            None => Command::new(bin()),
            Some((program, rest)) => {
                let mut cmd = Command::new(program);
                cmd.args(rest).arg(bin());
                cmd
            }
        };
        cmd.args(args).current_dir(self.dir.path()).env_clear();
        for key in ["PATH", "HOME", "TMPDIR"] {
            if let Some(v) = std::env::var_os(key) {
                cmd.env(key, v);
            }
        }
        cmd.env("ORDERCTL_DATA_DIR", self.data_dir())
            .env("NO_COLOR", "1");
        for (k, v) in &self.extra_env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Write `orderctl.toml` in the working directory.
    pub fn config(&self, toml: &str) {
        std::fs::write(self.path().join("orderctl.toml"), toml).expect("write orderctl.toml");
    }

    /// Start in the background with stdout and stderr captured; see [`finish`].
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        self.command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn orderctl")
    }

    /// Run to completion.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_stdin(args, None)
    }

    /// Run with `stdin` fed to the process.
    pub fn run_stdin(&self, args: &[&str], stdin: Option<&str>) -> Output {
        use std::io::Write;
        let mut cmd = self.command(args);
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn orderctl");
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())
                .expect("write stdin");
        }
        finish(child, args)
    }

    /// The data dir through the library.
    pub fn target(&self) -> LocalTarget {
        LocalTarget::open(&Settings::local(self.data_dir())).expect("open local target")
    }

    /// Every stream record now held, parents before children, with its shard.
    pub fn records(&self) -> Vec<(String, EventRecord)> {
        let target = self.target();
        aws::block(orderctl::stream::drain_all(&target))
            .expect("drain stream")
            .into_iter()
            .map(|(shard, r): (_, RawRecord)| (shard.to_string(), r.typed().expect("typed record")))
            .collect()
    }
}

/// Wait for a spawned run.
pub fn finish(child: std::process::Child, args: &[&str]) -> Output {
    let out = child.wait_with_output().expect("wait");
    Output {
        args: args.iter().map(|s| s.to_string()).collect(),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `tail` from the trim horizon until idle for 300 ms, as JSON lines, plus `extra`.
pub fn drain_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "tail",
        "--from",
        "trim-horizon",
        "--until-idle",
        "--idle",
        "300ms",
        "-o",
        "jsonl",
    ];
    args.extend_from_slice(extra);
    args
}

/// A finished run.
#[derive(Debug)]
pub struct Output {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    #[track_caller]
    pub fn success(self) -> Output {
        assert_eq!(
            self.code, 0,
            "orderctl {:?} failed:\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Output {
        assert_eq!(
            self.code, code,
            "orderctl {:?}: expected exit {code}:\nstdout: {}\nstderr: {}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    /// Exit 2 with exactly one line on stderr containing `needle`, and nothing on stdout.
    #[track_caller]
    pub fn input_error(self, needle: &str) -> Output {
        let out = self.code(2);
        assert!(
            out.stderr.contains(needle),
            "stderr lacks {needle:?}: {}",
            out.stderr
        );
        assert_eq!(
            out.stderr.trim_end().lines().count(),
            1,
            "one line expected: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        assert!(
            out.stdout.is_empty(),
            "stdout should be empty: {}",
            out.stdout
        );
        out
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }

    #[track_caller]
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}
pub mod aws;
pub mod proxy;
pub mod term;

/// The entry of `report[list]` whose `function` is `function` (consume summaries, lag, status).
#[track_caller]
pub fn for_function<'a>(report: &'a Value, list: &str, function: &str) -> &'a Value {
    report[list]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} array in {report}"))
        .iter()
        .find(|c| c["function"] == function)
        .unwrap_or_else(|| panic!("{function} missing from {list} in {report}"))
}

/// `create` one order for customer `c-1` with one line (`SKU:QTY:PRICE`) through `run` (a
/// local or an AWS environment's); returns its order id.
#[track_caller]
pub fn create_order(run: impl Fn(&[&str]) -> Output, email: &str, item: &str) -> String {
    let args = [
        "create",
        "--customer",
        "c-1",
        "--email",
        email,
        "--item",
        item,
        "-o",
        "json",
    ];
    run(&args).success().json()["orderId"]
        .as_str()
        .expect("an orderId")
        .to_owned()
}

/// A file under `fixtures/`.
pub fn fixture(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
        .display()
        .to_string()
}
