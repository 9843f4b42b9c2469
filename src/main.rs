//! The `orderctl` binary: parse, set up logging, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;
use orderctl::cli::Cli;
use orderctl::exit::{ExitStatus, is_broken_pipe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    orderctl::init_tracing(cli.global.verbose, cli.global.quiet);
    match orderctl::run(cli) {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitStatus::Success.into(),
        Err(err) => {
            eprintln!("orderctl: {err:#}");
            ExitStatus::Error.into()
        }
    }
}
