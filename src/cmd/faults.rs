//! `orderctl faults`: inject deterministic transient failures into the local target's mailer,
//! metrics or inventory adapter, to practise retries, bisection and dead letters.

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::backend::local::faults::Fault;
use crate::exit::ExitStatus;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum FaultsCommand {
    /// Make a component fail transiently
    Set(SetArgs),
    /// Remove every injected fault
    Clear,
    /// The faults in force
    List,
}

/// A component that can be made to fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Component {
    /// The notification function's mail adapter.
    Mailer,
    /// The analytics function's metrics adapter.
    Metrics,
    /// The inventory function's stock adapter.
    Inventory,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The component
    #[arg(value_enum)]
    pub component: Component,
    /// Fail the next N calls, then work again
    #[arg(
        long,
        value_name = "N",
        conflicts_with = "always",
        required_unless_present = "always"
    )]
    pub fail_next: Option<u32>,
    /// Fail every call until `orderctl faults clear`
    #[arg(long)]
    pub always: bool,
}

pub async fn run(command: FaultsCommand, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let local = crate::backend::local_only(
        &ctx.settings,
        "faults are injected into the local target's adapters only (use --target local)",
    )?;
    let table = |p: &Printer, faults: &[Fault]| {
        let rows = faults
            .iter()
            .map(|f| {
                vec![
                    f.component.clone(),
                    if f.always {
                        "always".into()
                    } else {
                        format!("next {}", f.fail_next)
                    },
                ]
            })
            .collect();
        p.table(&["COMPONENT", "FAILS"], rows)
    };
    match command {
        FaultsCommand::Set(args) => {
            let name = match args.component {
                Component::Mailer => "mailer",
                Component::Metrics => "metrics",
                Component::Inventory => "inventory",
            };
            let fault =
                local.set_fault(name, i64::from(args.fail_next.unwrap_or(0)), args.always)?;
            out.one(&fault, |p, f| table(p, std::slice::from_ref(f)))?;
        }
        FaultsCommand::Clear => {
            let n = local.clear_faults()?;
            out.one(&serde_json::json!({"cleared": n}), |p, _| {
                p.line(format!("cleared {n} faults"))
            })?;
        }
        FaultsCommand::List => {
            let faults = local.faults()?;
            out.list(&faults, |p, f| table(p, f))?;
        }
    }
    Ok(ExitStatus::Success)
}
