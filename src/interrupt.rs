//! Ctrl-C and SIGTERM as requests to stop: the first asks a long command (`consume`,
//! `create --count`, `dlq replay`) to stop at its next safe point, print its summary and exit
//! 130; the second abandons the work in flight at once. Either way only whole units are kept:
//! a local transaction commits or rolls back, a dead letter is deleted only after its replay.
//! `tail` and the `--watch` loops stop on the first: they have no unit of work to finish.
//!
//! Listening is per command, not per process: a command that never calls [`Interrupt::listen`]
//! keeps the default disposition and dies on the first Ctrl-C, which is right for short reads.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use tokio::sync::Notify;

/// How many stop requests have arrived (shared with the listening task).
#[derive(Debug, Clone, Default)]
pub struct Interrupt {
    state: Arc<State>,
}

#[derive(Debug, Default)]
struct State {
    count: AtomicU32,
    notify: Notify,
}

impl Interrupt {
    /// Start listening for Ctrl-C and SIGTERM on the current runtime.
    ///
    /// The handlers are installed before this returns, not when the listening task first runs:
    /// that may be after a whole chunk of work, and until then a Ctrl-C keeps the disposition
    /// the process inherited — ignored, under a shell that started it in the background. A
    /// Ctrl-C after `listen` returns is always counted. The listening task runs when the
    /// command's task yields, so a busy loop calls [`Interrupt::checkpoint`] between units of
    /// work.
    pub fn listen() -> Interrupt {
        let interrupt = Interrupt::default();
        let state = interrupt.state.clone();
        let mut signals = Signals::install();
        tokio::spawn(async move {
            while signals.next().await {
                state.count.fetch_add(1, Ordering::SeqCst);
                state.notify.notify_waiters();
            }
        });
        interrupt
    }

    /// A handle that no signal reaches (tests, the simulation, embedded runs).
    pub fn never() -> Interrupt {
        Interrupt::default()
    }

    /// Ask to stop, as a signal would (tests).
    pub fn request(&self) {
        self.state.count.fetch_add(1, Ordering::SeqCst);
        self.state.notify.notify_waiters();
    }

    /// Whether a stop was asked for: finish the unit in hand, then stop.
    pub fn requested(&self) -> bool {
        self.state.count.load(Ordering::SeqCst) >= 1
    }

    /// Whether a second request came: abandon the work in flight.
    pub fn forced(&self) -> bool {
        self.state.count.load(Ordering::SeqCst) >= 2
    }

    /// Let the runtime deliver pending signals, then say whether a stop was asked for. Call it
    /// between units of work in loops that may never wait on I/O (the local target).
    pub async fn checkpoint(&self) -> bool {
        tokio::task::yield_now().await;
        self.requested()
    }

    /// Resolves once a stop has been asked for.
    pub async fn wait_requested(&self) {
        self.wait_for(1).await;
    }

    /// Resolves once a second stop request has come.
    pub async fn wait_forced(&self) {
        self.wait_for(2).await;
    }

    async fn wait_for(&self, n: u32) {
        loop {
            let notified = self.state.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.state.count.load(Ordering::SeqCst) >= n {
                return;
            }
            notified.await;
        }
    }
}

/// Ctrl-C and SIGTERM, each a stream that records every signal from its installation on.
#[cfg(unix)]
struct Signals {
    interrupt: Option<tokio::signal::unix::Signal>,
    terminate: Option<tokio::signal::unix::Signal>,
}

#[cfg(unix)]
impl Signals {
    fn install() -> Signals {
        use tokio::signal::unix::{SignalKind, signal};
        Signals {
            interrupt: signal(SignalKind::interrupt()).ok(),
            terminate: signal(SignalKind::terminate()).ok(),
        }
    }

    /// Wait for the next signal; false once none can come.
    async fn next(&mut self) -> bool {
        async fn recv(s: &mut Option<tokio::signal::unix::Signal>) -> Option<()> {
            match s {
                Some(s) => s.recv().await,
                None => None,
            }
        }
        tokio::select! {
            Some(()) = recv(&mut self.interrupt) => true,
            Some(()) = recv(&mut self.terminate) => true,
            else => false,
        }
    }
}

/// Ctrl-C (Ctrl-Break and console close are not stop requests here).
#[cfg(not(unix))]
struct Signals(Option<tokio::signal::windows::CtrlC>);

#[cfg(not(unix))]
impl Signals {
    fn install() -> Signals {
        Signals(tokio::signal::windows::ctrl_c().ok())
    }

    /// Wait for the next signal; false once none can come.
    async fn next(&mut self) -> bool {
        match &mut self.0 {
            Some(c) => c.recv().await.is_some(),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_request_forces() {
        let i = Interrupt::never();
        assert!(!i.requested());
        i.request();
        i.wait_requested().await;
        assert!(i.requested() && !i.forced());
        i.request();
        i.wait_forced().await;
        assert!(i.forced());
    }
}
