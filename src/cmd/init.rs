//! `orderctl init`: create what the pipeline needs on the target and report, per resource,
//! whether it was created or already existed. Safe to run again.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;
use serde_json::Value;

use super::Ctx;
use crate::backend::aws::InitOptions;
use crate::backend::{InventoryStore, MISCONFIGURED, ResourceReport};
use crate::exit::ExitStatus;
use crate::input;
use crate::output::Printer;
use crate::synth::CATALOG;

/// Create the tables (Orders with its stream and CustomerIndex, Inventory, ProcessedEvents
/// with TTL) and the dead-letter queue. Idempotent: existing resources are checked and
/// reported.
///
/// On an existing table a missing stream or TTL is turned on. A stream view type or TTL
/// attribute that is wrong is reported as misconfigured with its fix, and init exits 1:
/// changing a view type replaces the stream.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Fill Inventory with the demo catalogue's stock
    #[arg(long)]
    pub demo_stock: bool,
    /// Fill Inventory from a JSON array or JSON lines of {productId, stock}
    #[arg(long, value_name = "FILE")]
    pub seed_inventory: Option<PathBuf>,
    /// AWS target: print what would be created, create nothing
    #[arg(long)]
    pub dry_run: bool,
    /// AWS target: provisioned capacity READ,WRITE instead of on-demand billing
    #[arg(long, value_name = "R,W", value_parser = parse_capacity)]
    pub provisioned: Option<(i64, i64)>,
}

fn parse_capacity(text: &str) -> Result<(i64, i64), String> {
    let (r, w) = text
        .split_once(',')
        .ok_or("expected READ,WRITE, e.g. 5,5")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<i64>()
            .ok()
            .filter(|v| *v >= 1)
            .ok_or(format!("not a positive capacity: {s:?}"))
    };
    Ok((parse(r)?, parse(w)?))
}

/// What `init` reports.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InitReport {
    /// `local` or `aws`.
    pub target: &'static str,
    /// One entry per resource.
    pub resources: Vec<ResourceReport>,
    /// Products whose stock was set.
    pub stock_seeded: usize,
}

pub async fn run(args: InitArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let seed = stock_to_seed(&args)?;
    let target = ctx.target().await?;
    let options = InitOptions {
        dry_run: args.dry_run,
        provisioned: args.provisioned,
    };
    let (name, resources) = (target.name(), target.provision(&options).await?);
    if args.dry_run && !seed.is_empty() {
        anyhow::bail!("--dry-run changes nothing; drop --demo-stock/--seed-inventory");
    }
    for (sku, stock) in &seed {
        target.set_stock(sku, *stock).await?;
    }
    let report = InitReport {
        target: name,
        resources,
        stock_seeded: seed.len(),
    };
    let misconfigured: Vec<&ResourceReport> = report
        .resources
        .iter()
        .filter(|r| r.state == MISCONFIGURED)
        .collect();
    for r in &misconfigured {
        out.warn(format!(
            "{} {} is misconfigured: {}",
            r.kind, r.name, r.detail
        ));
    }
    out.one(&report, |p, r| {
        let rows = r
            .resources
            .iter()
            .map(|x| {
                vec![
                    x.kind.to_owned(),
                    x.name.clone(),
                    x.state.to_owned(),
                    x.detail.clone(),
                ]
            })
            .collect();
        p.table(&["KIND", "NAME", "STATE", "DETAIL"], rows)?;
        if r.stock_seeded > 0 {
            p.line(format!("stock set for {} products", r.stock_seeded))?;
        }
        Ok(())
    })?;
    Ok(ExitStatus::failure_if(!misconfigured.is_empty()))
}

/// The stock to write, validated before anything is created.
fn stock_to_seed(args: &InitArgs) -> anyhow::Result<Vec<(String, i64)>> {
    let mut seed: Vec<(String, i64)> = Vec::new();
    if args.demo_stock {
        seed.extend(
            CATALOG
                .iter()
                .map(|(sku, _, _, stock)| ((*sku).to_owned(), *stock)),
        );
    }
    if let Some(path) = &args.seed_inventory {
        let name = input::source_name(path);
        let text = input::read_source(path)?;
        let (layout, values) = input::json_values(&name, &text)?;
        for (i, (line, v)) in values.iter().enumerate() {
            let at = || input::locate(&name, layout, i, *line);
            let obj = v
                .as_object()
                .with_context(|| format!("{}: expected an object {{productId, stock}}", at()))?;
            if let Some(k) = obj
                .keys()
                .find(|k| !matches!(k.as_str(), "productId" | "stock"))
            {
                anyhow::bail!("{}: {k}: unknown field (expected productId, stock)", at());
            }
            let sku = obj
                .get("productId")
                .and_then(Value::as_str)
                .with_context(|| format!("{}: productId: missing or not a string", at()))?;
            orders_core::validate::check_id("productId", sku)
                .map_err(|e| anyhow::anyhow!("{}: {e}", at()))?;
            let stock = match obj.get("stock") {
                Some(Value::Number(n)) => {
                    orders_core::validate::parse_stock("stock", &n.to_string())
                        .map_err(|e| anyhow::anyhow!("{}: {e}", at()))?
                }
                _ => anyhow::bail!("{}: stock: {}", at(), orders_core::limits::stock_rule()),
            };
            seed.push((sku.to_owned(), stock));
        }
    }
    Ok(seed)
}
