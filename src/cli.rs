//! The command line: the clap tree and the dispatch over it, the top layer (nothing imports
//! it but `lib.rs`). Global flags live in one `GlobalArgs`; each subcommand's arguments live
//! beside its code in `src/cmd/`.

use std::path::PathBuf;

use std::future::Future;
use std::pin::Pin;

use clap::{Args, CommandFactory, Parser, Subcommand};
use clap_complete::Shell;

use crate::cmd::{self, Ctx};
use crate::exit::ExitStatus;
use crate::output::Printer;
pub use crate::settings::{ColorChoice, Flags, OutputFormat, TargetKind};

const GLOBAL: &str = "Global options";
const RESOURCES: &str =
    "Resource names (default from orderctl.toml, then Orders/Inventory/ProcessedEvents/orders-dlq)";

/// Operate an event-driven order pipeline (DynamoDB Streams → Lambda consumers → DLQ) from the
/// terminal: write orders, tail the stream, run and invoke the consumers, replay dead letters,
/// read iterator age.
///
/// `--target local` (the default) runs the whole pipeline on an embedded SQLite database with no
/// set-up; `--target aws` runs against AWS or any AWS-compatible endpoint.
#[derive(Debug, Parser)]
#[command(
    name = "orderctl",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = "Start with `orderctl demo`. Exit codes: 0 success, 1 problems found, 2 error, 130 interrupted.\nSee README.md for configuration and examples."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command understands; each also reads an `ORDERCTL_*` variable.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Where the pipeline lives.
    #[arg(long, global = true, value_enum, env = "ORDERCTL_TARGET", help_heading = GLOBAL)]
    pub target: Option<TargetKind>,
    /// Local target: the data directory holding the SQLite database [default: the platform data dir]
    #[arg(long, global = true, env = "ORDERCTL_DATA_DIR", value_name = "DIR", help_heading = GLOBAL)]
    pub data_dir: Option<PathBuf>,
    /// Configuration file [default: ./orderctl.toml when present]
    #[arg(long, global = true, env = "ORDERCTL_CONFIG", value_name = "FILE", help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
    /// AWS target: the named profile (else AWS_PROFILE, else default)
    #[arg(long, global = true, env = "ORDERCTL_PROFILE", help_heading = GLOBAL)]
    pub profile: Option<String>,
    /// AWS target: the region (else AWS_REGION / the profile's region)
    #[arg(long, global = true, env = "ORDERCTL_REGION", help_heading = GLOBAL)]
    pub region: Option<String>,
    /// AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local);
    /// AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too
    #[arg(long, global = true, env = "ORDERCTL_ENDPOINT_URL", value_name = "URL", help_heading = GLOBAL)]
    pub endpoint_url: Option<String>,
    /// Output format; json and jsonl field names are stable
    #[arg(short, long, global = true, value_enum, env = "ORDERCTL_OUTPUT", help_heading = GLOBAL)]
    pub output: Option<OutputFormat>,
    /// Print only data and errors
    #[arg(short, long, global = true, env = "ORDERCTL_QUIET", help_heading = GLOBAL)]
    pub quiet: bool,
    /// More logging on stderr (-v debug, -vv trace); RUST_LOG overrides
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = GLOBAL)]
    pub verbose: u8,
    /// When to use colours (NO_COLOR is honoured)
    #[arg(long, global = true, value_enum, env = "ORDERCTL_COLOR", help_heading = GLOBAL)]
    pub color: Option<ColorChoice>,
    /// Name of the orders table
    #[arg(long, global = true, env = "ORDERCTL_ORDERS_TABLE", value_name = "NAME", help_heading = RESOURCES, hide_short_help = true)]
    pub orders_table: Option<String>,
    /// Name of the inventory table
    #[arg(long, global = true, env = "ORDERCTL_INVENTORY_TABLE", value_name = "NAME", help_heading = RESOURCES, hide_short_help = true)]
    pub inventory_table: Option<String>,
    /// Name of the idempotency table
    #[arg(long, global = true, env = "ORDERCTL_PROCESSED_EVENTS_TABLE", value_name = "NAME", help_heading = RESOURCES, hide_short_help = true)]
    pub processed_events_table: Option<String>,
    /// Name of the dead-letter queue
    #[arg(long, global = true, env = "ORDERCTL_DLQ", value_name = "NAME", help_heading = RESOURCES, hide_short_help = true)]
    pub dlq_queue: Option<String>,
}

impl GlobalArgs {
    /// What these flags (and the environment variables clap merged in) ask of the settings.
    pub fn flags(&self) -> Flags {
        Flags {
            target: self.target,
            data_dir: self.data_dir.clone(),
            config: self.config.clone(),
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            output: self.output,
            quiet: self.quiet,
            verbose: self.verbose,
            color: self.color,
            orders_table: self.orders_table.clone(),
            inventory_table: self.inventory_table.clone(),
            processed_events_table: self.processed_events_table.clone(),
            dlq_queue: self.dlq_queue.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create what the pipeline needs on the target (tables, stream, index, queue); idempotent
    Init(cmd::init::InitArgs),
    /// Create orders from flags, a file, or synthetic load
    Create(cmd::create::CreateArgs),
    /// Read, change and delete orders
    #[command(subcommand)]
    Orders(cmd::orders::OrdersCommand),
    /// Stock levels
    #[command(subcommand)]
    Inventory(cmd::inventory::InventoryCommand),
    /// Read the stream: all shards in lineage order, from any position, with filters
    Tail(cmd::tail::TailArgs),
    /// Lambda event filter patterns: test them against records, offline
    #[command(subcommand)]
    Filter(cmd::filter::FilterCommand),
    /// The bundled consumer functions and their subscriptions
    #[command(subcommand)]
    Functions(cmd::functions::FunctionsCommand),
    /// Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects
    Invoke(cmd::invoke::InvokeArgs),
    /// Run the consumer functions on the stream with Lambda's event-source-mapping semantics
    Consume(cmd::consume::ConsumeArgs),
    /// Inspect and replay the dead-letter queue
    #[command(subcommand)]
    Dlq(cmd::dlq::DlqCommand),
    /// Iterator age per consumer over a window; --threshold sets the exit code
    #[command(visible_alias = "iterator-age")]
    Lag(cmd::lag::LagArgs),
    /// The pipeline on one screen: stream, subscriptions, DLQ, iterator age, item counts
    Status(cmd::status::StatusArgs),
    /// One order's story: its records, what each function did with each, one verdict per function
    Trace(cmd::trace::TraceArgs),
    /// Lint the subscriptions for settings that lose records or block shards
    Doctor(cmd::doctor::DoctorArgs),
    /// Emails the local notification adapter sent
    Outbox(cmd::local_reads::OutboxArgs),
    /// Metrics the consumers published (local table, or CloudWatch)
    Metrics(cmd::local_reads::MetricsArgs),
    /// Inject transient faults into the local adapters (mailer, metrics, inventory)
    #[command(subcommand)]
    Faults(cmd::faults::FaultsCommand),
    /// An end-to-end walkthrough on a fresh local data dir
    Demo(cmd::demo::DemoArgs),
    /// Build the functions for Lambda (provided.al2023) and zip each under target/lambda/
    Build(cmd::build::BuildArgs),
    /// Deploy the functions, their subscriptions and alarms as a CloudFormation stack (--plan, --template)
    Deploy(cmd::deploy::DeployArgs),
    /// Delete the deployed stack (the tables and the DLQ stay)
    Destroy(cmd::destroy::DestroyArgs),
    /// Print a shell completion script
    Completions(cmd::completions::CompletionsArgs),
    /// Print a man page (roff)
    Man(cmd::man::ManArgs),
}

/// Run the parsed command.
pub async fn dispatch(command: Command, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    use cmd::*;
    match command {
        Command::Init(args) => init::run(args, ctx, out).await,
        Command::Create(args) => create::run(args, ctx, out).await,
        Command::Orders(args) => orders::run(args, ctx, out).await,
        Command::Inventory(args) => inventory::run(args, ctx, out).await,
        Command::Demo(args) => demo::run(args, ctx, out, run_line).await,
        Command::Tail(args) => tail::run(args, ctx, out).await,
        Command::Filter(args) => filter::run(args, ctx, out).await,
        Command::Functions(args) => functions::run(args, ctx, out).await,
        Command::Invoke(args) => invoke::run(args, ctx, out).await,
        Command::Consume(args) => consume::run(args, ctx, out).await,
        Command::Dlq(args) => dlq::run(args, ctx, out).await,
        Command::Lag(args) => lag::run(args, ctx, out).await,
        Command::Status(args) => status::run(args, ctx, out).await,
        Command::Trace(args) => trace::run(args, ctx, out).await,
        Command::Doctor(args) => doctor::run(args, ctx, out).await,
        Command::Outbox(args) => local_reads::outbox(args, ctx, out).await,
        Command::Metrics(args) => local_reads::metrics(args, ctx, out).await,
        Command::Faults(args) => faults::run(args, ctx, out).await,
        Command::Build(args) => build::run(args, ctx, out).await,
        Command::Deploy(args) => deploy::run(args, ctx, out).await,
        Command::Destroy(args) => destroy::run(args, ctx, out).await,
        Command::Completions(args) => completions::run(completion_script(args.shell), out),
        Command::Man(args) => man::run(args, man_pages()?, out),
    }
}

/// Parse and run one command line (without the program name): [`cmd::LineRunner`].
fn run_line<'a>(
    args: &'a [&'a str],
    ctx: &'a Ctx,
    out: &'a Printer,
) -> Pin<Box<dyn Future<Output = anyhow::Result<ExitStatus>> + 'a>> {
    Box::pin(async move {
        let cli = Cli::try_parse_from(std::iter::once("orderctl").chain(args.iter().copied()))?;
        dispatch(cli.command, ctx, out).await
    })
}

/// A command-line error as the one line every orderctl error is: what is wrong (with clap's
/// tip, if it has one) and which `--help` to read. The usage block and the help stay behind
/// `--help`; the usage clap would print can even show flags that came from the environment.
pub fn usage_error_line(err: &clap::Error, argv: &[std::ffi::OsString]) -> String {
    let rendered = err.render().to_string();
    // The first paragraph: the error, and what it lists (e.g. the missing arguments).
    let what = rendered
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    let what = if what.is_empty() {
        "invalid arguments"
    } else {
        what
    };
    let tip = rendered
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("tip: "));
    let mut line = what.to_owned();
    if let Some(tip) = tip {
        line.push_str(&format!(" ({tip})"));
    }
    format!("{line} — see `{} --help`", command_path(argv))
}

/// `orderctl dlq replay`: the subcommands named on the command line, as far as they exist.
fn command_path(argv: &[std::ffi::OsString]) -> String {
    let mut command = Cli::command();
    let mut path = vec!["orderctl".to_owned()];
    for arg in argv.iter().skip(1).filter_map(|a| a.to_str()) {
        let Some(sub) = command.find_subcommand(arg).cloned() else {
            continue;
        };
        path.push(sub.get_name().to_owned());
        command = sub;
    }
    path.join(" ")
}

/// The completion script for `shell`, generated from this clap tree.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "orderctl", &mut buf);
    buf
}

/// Every man page, generated from this clap tree: `orderctl.1` and one per subcommand
/// (`orderctl-dlq-replay.1`), hidden ones left out, as (file name, roff) pairs.
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub.clone(), pages)?;
        }
        // The footer names the tool, not the subcommand: "orderctl 0.1.0", not "replay 0.1.0".
        let man = clap_mangen::Man::new(cmd)
            .source(concat!("orderctl ", env!("CARGO_PKG_VERSION")))
            .manual("orderctl manual");
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    walk(cmd, &mut pages)?;
    pages.sort();
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_usage_error_is_one_line_naming_the_help_to_read() {
        let argv: Vec<std::ffi::OsString> = ["orderctl", "dlq", "replay", "--yess"]
            .iter()
            .map(Into::into)
            .collect();
        let err = Cli::try_parse_from(&argv).unwrap_err();
        let line = usage_error_line(&err, &argv);
        assert_eq!(
            line,
            "unexpected argument '--yess' found (a similar argument exists: '--yes') — see `orderctl dlq replay --help`"
        );
    }

    #[test]
    fn global_flags_reach_the_settings_flags() {
        let cli = Cli::try_parse_from([
            "orderctl",
            "--target",
            "local",
            "--orders-table",
            "FromFlag",
            "--dlq-queue",
            "dlq-7",
            "--color",
            "always",
            "--config",
            "o.toml",
            "orders",
            "list",
        ])
        .unwrap();
        let flags = cli.global.flags();
        assert_eq!(flags.target, Some(TargetKind::Local));
        assert_eq!(flags.orders_table.as_deref(), Some("FromFlag"));
        assert_eq!(flags.dlq_queue.as_deref(), Some("dlq-7"));
        assert_eq!(flags.color, Some(ColorChoice::Always));
        assert_eq!(
            flags.config.as_deref(),
            Some(std::path::Path::new("o.toml"))
        );
    }
}
