//! The `orderctl` binary: parse, set up logging, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
use orderctl::cli::Cli;
use orderctl::exit::{ExitStatus, is_broken_pipe};

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        // --help, --version, and the help shown when a command is missing.
        Err(e) if !e.use_stderr() || e.kind() == DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(e) => {
            eprintln!("orderctl: {}", orderctl::cli::usage_error_line(&e, &argv));
            return ExitStatus::Error.into();
        }
    };
    orderctl::init_tracing(cli.global.verbose, cli.global.quiet);
    match orderctl::run(cli) {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitStatus::Success.into(),
        Err(err) => {
            eprintln!("orderctl: {err:#}");
            orderctl::exit::status_of(&err).into()
        }
    }
}
