//! `orderctl build`: compile the bundled functions for Lambda (`provided.al2023`) with
//! cargo-lambda and write one deterministic zip per function to
//! `<target dir>/lambda/<function>.zip`, the artifacts a deploy uploads. The work is in
//! `crate::bundle`; this module checks the prerequisites up front and renders the result.

use clap::Args;

use super::Ctx;
use super::args::FunctionArgs;
use crate::bundle::{self, Arch, Built, Outcome, toolchain};
use crate::exit::ExitStatus;
use crate::functions::Function;
use crate::output::Printer;

/// Build each function's Lambda binary as `bootstrap` and zip it under target/lambda/.
#[derive(Debug, Args)]
#[command(
    after_help = "Needs the orderctl source workspace, cargo-lambda (`pip install cargo-lambda`, which brings zig) and, for arm64, `rustup target add aarch64-unknown-linux-gnu`.\nThe same binary always gives the same zip (fixed timestamps and modes), so its sha256 changes only when the code does.\nExit codes: 0 built, 1 a binary Lambda could not run (glibc newer than 2.34), 2 error.\nSee README.md, \"Building the functions\"."
)]
pub struct BuildArgs {
    #[command(flatten)]
    pub select: FunctionArgs,
    /// The Lambda architecture
    #[arg(long, value_enum, default_value_t = Arch::X86_64)]
    pub arch: Arch,
}

pub async fn run(args: BuildArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    // By default what a deploy ships: the functions orderctl.toml leaves enabled.
    let functions = if args.select.functions.is_empty() {
        Function::ALL
            .into_iter()
            .filter(|f| ctx.settings.functions.get(f).is_none_or(|s| s.enabled))
            .collect()
    } else {
        let mut chosen = args.select.functions.clone();
        chosen.sort();
        chosen.dedup();
        chosen
    };
    let workspace = toolchain::locate_workspace()?;
    toolchain::require_std(&workspace, args.arch)?;
    toolchain::require_cargo_lambda()?;

    let mut built = Vec::new();
    for function in functions {
        out.note(format!(
            "building {} for {} with cargo-lambda",
            function.name(),
            args.arch.name()
        ));
        match bundle::build(&workspace, function, args.arch, out.is_quiet())? {
            Outcome::Built(b) => built.push(b),
            Outcome::Refused(reason) => {
                out.list(&built, table)?;
                eprintln!("orderctl: {reason}");
                return Ok(ExitStatus::Failure);
            }
        }
    }
    out.list(&built, table)?;
    Ok(ExitStatus::Success)
}

fn table(p: &Printer, built: &[Built]) -> std::io::Result<()> {
    let rows = built
        .iter()
        .map(|b| {
            vec![
                b.function.name().to_owned(),
                b.arch.name().to_owned(),
                b.zip.display().to_string(),
                b.bytes.to_string(),
                b.sha256.clone(),
                b.glibc.clone().unwrap_or_else(|| "-".to_owned()),
            ]
        })
        .collect();
    p.table(
        &["FUNCTION", "ARCH", "ZIP", "BYTES", "SHA256", "GLIBC"],
        rows,
    )
}
