//! `orderctl inventory list|get|set`: stock levels in the Inventory table.

use clap::{Args, Subcommand};

use super::Ctx;
use super::render::stock_table;
use crate::backend::{InventoryStore, TargetError};
use crate::exit::ExitStatus;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum InventoryCommand {
    /// Every product's stock
    List,
    /// One product's stock
    Get(SkuArgs),
    /// Set a product's stock
    Set(SetArgs),
}

#[derive(Debug, Args)]
pub struct SkuArgs {
    /// The product id (SKU)
    pub sku: String,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The product id (SKU)
    pub sku: String,
    /// Units in stock (0 to 10^15)
    #[arg(value_parser = parse_stock)]
    pub quantity: i64,
}

/// The stock argument, held to the bound every input of stock shares (orders_core::limits).
fn parse_stock(text: &str) -> Result<i64, String> {
    orders_core::validate::parse_stock("stock", text).map_err(|e| e.message)
}

pub async fn run(
    command: InventoryCommand,
    ctx: &Ctx,
    out: &Printer,
) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    match command {
        InventoryCommand::List => {
            let items = target.list_stock().await?;
            out.list(&items, stock_table)?;
        }
        InventoryCommand::Get(args) => {
            let item = target.get_stock(&args.sku).await?.ok_or_else(|| {
                TargetError::NotFound(format!("product {} not found in inventory", args.sku))
            })?;
            out.one(&item, |p, i| stock_table(p, std::slice::from_ref(i)))?;
        }
        InventoryCommand::Set(args) => {
            orders_core::validate::check_id("productId", &args.sku)?;
            let item = target.set_stock(&args.sku, args.quantity).await?;
            out.one(&item, |p, i| stock_table(p, std::slice::from_ref(i)))?;
        }
    }
    Ok(ExitStatus::Success)
}
