//! `orderctl`: operate an event-driven order pipeline (DynamoDB table with a stream, Lambda
//! consumers, a dead-letter queue) from the terminal, on an embedded local target or on AWS.
//! `main.rs` only parses and maps the result to an exit code; everything else is here.

pub mod backend;
pub mod bundle;
pub mod cli;
pub mod cmd;
pub mod deploy;
pub mod dlq;
pub mod doctor;
pub mod duration;
pub mod esm;
pub mod exit;
pub mod filter;
pub mod functions;
pub mod input;
pub mod interrupt;
pub mod lag;
pub mod mappings;
pub mod output;
pub mod settings;
pub mod stream;
pub mod synth;
pub mod trace;
pub mod wedge;

use cli::Cli;
use exit::ExitStatus;
use output::Printer;
use settings::{Environment, Settings};

/// Run a parsed command line to completion.
pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    let settings = Settings::resolve(&cli.global.flags(), &Environment::capture())?;
    let out = Printer::new(&settings);
    let ctx = cmd::Ctx { settings };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let status = runtime.block_on(cli::dispatch(cli.command, &ctx, &out))?;
    out.flush()?;
    Ok(status)
}

/// Set up logging on stderr: `-v` debug, `-vv` trace for orderctl; `RUST_LOG` overrides.
pub fn init_tracing(verbose: u8, quiet: bool) {
    use tracing_subscriber::EnvFilter;
    let default = match (quiet, verbose) {
        (true, _) => "error",
        // The SDK's own warnings (IMDS probes, profile parsing) are noise unless asked for.
        (false, 0) => "error,orderctl=warn",
        (false, 1) => "warn,orderctl=debug,orders_core=debug",
        (false, _) => "info,orderctl=trace,orders_core=trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(verbose > 1);
    if verbose > 1 {
        builder.init();
    } else {
        builder.without_time().init();
    }
}
