//! One module per subcommand: its `Args` and `run(args, ctx, out)`. This file only dispatches.

pub mod completions;
pub mod consume;
pub mod create;
pub mod demo;
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
pub mod orders;
mod render;
pub mod sink;
pub mod status;
pub mod tail;

use crate::backend::Target;
use crate::cli::Command;
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

/// Run the parsed command.
pub async fn dispatch(command: Command, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Init(args) => init::run(args, ctx, out).await,
        Command::Create(args) => create::run(args, ctx, out).await,
        Command::Orders(args) => orders::run(args, ctx, out).await,
        Command::Inventory(args) => inventory::run(args, ctx, out).await,
        Command::Demo(args) => demo::run(args, ctx, out).await,
        Command::Tail(args) => tail::run(args, ctx, out).await,
        Command::Filter(args) => filter::run(args, ctx, out).await,
        Command::Functions(args) => functions::run(args, ctx, out).await,
        Command::Invoke(args) => invoke::run(args, ctx, out).await,
        Command::Consume(args) => consume::run(args, ctx, out).await,
        Command::Dlq(args) => dlq::run(args, ctx, out).await,
        Command::Lag(args) => lag::run(args, ctx, out).await,
        Command::Status(args) => status::run(args, ctx, out).await,
        Command::Doctor(args) => doctor::run(args, ctx, out).await,
        Command::Outbox(args) => local_reads::outbox(args, ctx, out).await,
        Command::Metrics(args) => local_reads::metrics(args, ctx, out).await,
        Command::Faults(args) => faults::run(args, ctx, out).await,
        Command::Completions(args) => completions::run(args, out),
    }
}
