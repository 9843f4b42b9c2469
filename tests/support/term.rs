//! A running `orderctl` whose output is read as it comes (issue 17, item 3): on a
//! pseudo-terminal, as a person sees it, or on pipes, as a script does. On the terminal the
//! binary runs under `setsid -c` with the pty as its controlling terminal, so isatty holds,
//! Ctrl-C typed as `\x03` reaches it as SIGINT through the line discipline, and a prompt reads
//! the line typed. Waits poll for what is seen, with a generous deadline: a hang detector, not
//! a timing.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::fs::OFlags;
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

use super::Env;

/// How long a wait may take before the test fails (a loaded 2-core machine is slow).
const DEADLINE: Duration = Duration::from_secs(90);

/// A spawned `orderctl` and everything it has written so far.
pub struct Session {
    child: Child,
    /// The pty's master side (where typing goes); `None` on pipes.
    keyboard: Option<File>,
    seen: Arc<Mutex<Vec<u8>>>,
    readers: Vec<JoinHandle<()>>,
}

impl Session {
    /// `orderctl args` on a fresh 40×120 pseudo-terminal: stdin, stdout and stderr.
    /// `colour` false keeps the NO_COLOR=1 every test command has.
    pub fn terminal(env: &Env, args: &[&str], vars: &[(&str, &str)], colour: bool) -> Session {
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let size = Winsize {
            ws_row: 40,
            ws_col: 120,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&master, size).expect("window size");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        // O_NOCTTY: the test process must not make the pty its own controlling terminal.
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(OFlags::NOCTTY.bits() as i32)
            .open(name.to_str().expect("pty name"))
            .expect("open pty slave");
        let mut cmd = env.command_under(&["setsid", "--wait", "--ctty"], args);
        // A terminal emulator sets TERM; without it indicatif takes the terminal for a dumb one.
        cmd.env("TERM", "xterm-256color");
        if colour {
            cmd.env_remove("NO_COLOR");
        }
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.stdin(slave.try_clone().expect("dup"))
            .stdout(slave.try_clone().expect("dup"))
            .stderr(slave);
        let child = cmd.spawn().expect("spawn orderctl on a pty");
        // The parent's copies of the slave are closed with `cmd`: once the child exits, reads
        // from the master end (EIO) instead of waiting for ever.
        drop(cmd);
        let master = File::from(master);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let reader = read_into(master.try_clone().expect("dup master"), seen.clone());
        Session {
            child,
            keyboard: Some(master),
            seen,
            readers: vec![reader],
        }
    }

    /// `orderctl args` with stdout and stderr on one pipe each (both read into what is seen),
    /// stdin empty: what a script or a CI log gets.
    pub fn pipes(env: &Env, args: &[&str]) -> Session {
        let mut child = env
            .command(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn orderctl");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let readers = vec![
            read_into(child.stdout.take().expect("stdout"), seen.clone()),
            read_into(child.stderr.take().expect("stderr"), seen.clone()),
        ];
        Session {
            child,
            keyboard: None,
            seen,
            readers,
        }
    }

    /// Everything written so far (stdout and stderr together), lossily as text.
    pub fn seen(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().expect("lock")).into_owned()
    }

    /// Wait until what is seen satisfies `probe`; fail (showing it) past the deadline or if
    /// the process ends first.
    #[track_caller]
    pub fn wait_until(&mut self, what: &str, probe: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if probe(&self.seen()) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Its last output may still be in flight to the reader.
                std::thread::sleep(Duration::from_millis(200));
                assert!(
                    probe(&self.seen()),
                    "exited ({status}) before {what}; seen:\n{:?}",
                    self.seen()
                );
                return;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {what}; seen:\n{:?}",
                self.seen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Type `text` on the terminal.
    pub fn type_text(&mut self, text: &str) {
        let keyboard = self.keyboard.as_mut().expect("typing needs a terminal");
        keyboard.write_all(text.as_bytes()).expect("type");
        keyboard.flush().expect("flush");
    }

    /// Ctrl-C: `^C` typed on a terminal (SIGINT to its foreground process group), SIGINT sent
    /// to the process otherwise.
    pub fn ctrl_c(&mut self) {
        if self.keyboard.is_some() {
            self.type_text("\x03");
        } else {
            let ok = Command::new("kill")
                .args(["-INT", &self.child.id().to_string()])
                .status()
                .expect("kill -INT");
            assert!(ok.success());
        }
    }

    /// Wait for the exit (within the deadline) and return its code (-1 for death by a signal)
    /// and everything seen.
    #[track_caller]
    pub fn finish(mut self) -> (i32, String) {
        let deadline = Instant::now() + DEADLINE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "still running; seen:\n{:?}",
                self.seen()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        for reader in std::mem::take(&mut self.readers) {
            let _ = reader.join();
        }
        (status.code().unwrap_or(-1), self.seen())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test leaves nothing running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copy `from` into `seen` until it ends (EOF on a pipe, EIO on a pty whose process exited).
fn read_into(mut from: impl Read + Send + 'static, seen: Arc<Mutex<Vec<u8>>>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = from.read(&mut buf) {
            seen.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    })
}
