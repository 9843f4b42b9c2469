//! `orderctl completions SHELL`: the completion script for a shell, on stdout. The generated
//! scripts are also committed in `completions/` and kept in sync by a test.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// Print a completion script, e.g. `orderctl completions bash > ~/.local/share/bash-completion/completions/orderctl`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "orderctl", &mut buf);
    buf
}

pub fn run(args: CompletionsArgs, out: &Printer) -> anyhow::Result<ExitStatus> {
    let script = script(args.shell);
    out.with_out(|w| std::io::Write::write_all(w, &script))?;
    out.flush()?;
    Ok(ExitStatus::Success)
}
