//! One module per subcommand: its `Args` and `run(args, ctx, out)`, and what every command
//! gets (`Ctx`). The clap tree and the dispatch over these modules live in `cli.rs`.

pub mod args;
pub mod build;
pub mod completions;
pub mod consume;
pub mod create;
pub mod demo;
pub mod deploy;
pub mod destroy;
pub mod dlq;
pub mod doctor;
pub mod faults;
pub mod filter;
pub mod functions;
pub mod init;
pub mod inventory;
pub mod invoke;
pub mod lag;
pub mod local_reads;
pub mod man;
pub mod orders;
mod render;
pub mod sink;
pub mod status;
pub mod tail;
pub mod trace;
mod watch;

use std::future::Future;
use std::pin::Pin;

use crate::backend::Target;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::settings::Settings;

/// What every command gets: the resolved settings, and the target on demand.
#[derive(Debug)]
pub struct Ctx {
    /// Resolved once at start-up.
    pub settings: Settings,
}

impl Ctx {
    /// Connect to the configured target (opening or creating the local database, or building
    /// the AWS clients). Commands that never touch a target never call this.
    pub async fn target(&self) -> anyhow::Result<Target> {
        Target::open(&self.settings).await
    }
}

/// Runs one orderctl command line (without the program name) against a context, as a user
/// would type it. `demo` narrates real commands through it without importing them.
pub type LineRunner = for<'a> fn(
    &'a [&'a str],
    &'a Ctx,
    &'a Printer,
) -> Pin<Box<dyn Future<Output = anyhow::Result<ExitStatus>> + 'a>>;
