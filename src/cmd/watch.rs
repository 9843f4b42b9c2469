//! `--watch` (`lag`, `status`): read a report, show it, wait a period, read it again — redrawn
//! in place on a terminal, one report after another in a file or a pipe — until Ctrl-C or
//! SIGTERM, which exit 130. Without `--watch` the report is shown once with its own exit code.

use std::future::Future;
use std::time::Duration;

use crate::exit::ExitStatus;
use crate::interrupt::Interrupt;
use crate::output::Printer;
use crate::settings::OutputFormat;

/// Clear the screen and put the cursor home: the next report draws over the last one.
const CLEAR: &[u8] = b"\x1b[2J\x1b[H";

/// Read a report with `read` and show it with `show` (which prints it and says what it means
/// for the exit code): once when `every` is `None`; else again every `every` until stopped.
pub async fn repeat<T, F>(
    out: &Printer,
    every: Option<Duration>,
    mut read: impl FnMut() -> F,
    show: impl Fn(&T) -> anyhow::Result<ExitStatus>,
) -> anyhow::Result<ExitStatus>
where
    F: Future<Output = anyhow::Result<T>>,
{
    let Some(every) = every else {
        return show(&read().await?);
    };
    // Listening from the start: a Ctrl-C during a read is not lost, and never kills the
    // process halfway through drawing a report.
    let stop = Interrupt::listen();
    let redraw = out.format() == OutputFormat::Table && out.stdout_is_terminal();
    loop {
        let report = tokio::select! {
            r = read() => r?,
            _ = stop.wait_requested() => return Ok(ExitStatus::Interrupted),
        };
        if stop.requested() {
            return Ok(ExitStatus::Interrupted);
        }
        if redraw {
            out.with_out(|w| std::io::Write::write_all(w, CLEAR))?;
        }
        show(&report)?;
        out.flush()?;
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.wait_requested() => return Ok(ExitStatus::Interrupted),
        }
    }
}
