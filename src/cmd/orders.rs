//! `orderctl orders get|list|set-status|cancel|delete`: read orders by id or by customer (the
//! CustomerIndex), move them through the status machine (MODIFY), delete them (REMOVE).

use clap::{Args, Subcommand, ValueEnum};
use orders_core::Status;

use super::Ctx;
use super::render::{ORDER_HEADERS, order_detail, order_rows};
use crate::backend::{OrderQuery, OrderStore, TargetError};
use crate::exit::ExitStatus;
use crate::output::Printer;

#[derive(Debug, Subcommand)]
pub enum OrdersCommand {
    /// Show one order
    Get(GetArgs),
    /// List orders, by customer (newest first) or all
    List(ListArgs),
    /// Change an order's status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)
    SetStatus(SetStatusArgs),
    /// Cancel an order (PENDING or CONFIRMED)
    Cancel(GetArgs),
    /// Delete an order (the stream gets a REMOVE record)
    Delete(GetArgs),
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The order id
    pub id: String,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this customer's orders, newest first (uses the CustomerIndex)
    #[arg(long)]
    pub customer: Option<String>,
    /// Only orders in this status
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// At most N orders
    #[arg(long, value_name = "N", default_value_t = 50, conflicts_with = "all")]
    pub limit: usize,
    /// Every matching order (no limit)
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct SetStatusArgs {
    /// The order id
    pub id: String,
    /// The new status
    #[arg(value_enum)]
    pub status: StatusArg,
}

/// An order status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StatusArg {
    Pending,
    Confirmed,
    Shipped,
    Delivered,
    Cancelled,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Pending => Status::Pending,
            StatusArg::Confirmed => Status::Confirmed,
            StatusArg::Shipped => Status::Shipped,
            StatusArg::Delivered => Status::Delivered,
            StatusArg::Cancelled => Status::Cancelled,
        }
    }
}

pub async fn run(command: OrdersCommand, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    match command {
        OrdersCommand::Get(args) => {
            let order = target
                .get_order(&args.id)
                .await?
                .ok_or_else(|| TargetError::NotFound(format!("order {} not found", args.id)))?;
            out.one(&order, order_detail)?;
        }
        OrdersCommand::List(args) => {
            let query = OrderQuery {
                customer: args.customer,
                status: args.status.map(Into::into),
                limit: (!args.all).then_some(args.limit),
            };
            // Printed page by page as the target returns them (docs/output.md).
            let mut list = out.list_stream(&ORDER_HEADERS);
            let mut shown = 0;
            let more = target
                .list_orders(&query, |page| -> anyhow::Result<()> {
                    shown += page.len();
                    Ok(list.page(&page, order_rows)?)
                })
                .await?;
            list.finish()?;
            if more {
                out.note(format!(
                    "(showing the first {shown}; use --limit N or --all for more)"
                ));
            }
        }
        OrdersCommand::SetStatus(args) => {
            change(&target, &args.id, args.status.into(), out).await?
        }
        OrdersCommand::Cancel(args) => change(&target, &args.id, Status::Cancelled, out).await?,
        OrdersCommand::Delete(args) => {
            let old = target.delete_order(&args.id).await?;
            out.one(&old, |p, o| {
                p.line(format!(
                    "deleted {} ({}, {})",
                    o.order_id, o.customer_id, o.status
                ))
            })?;
        }
    }
    Ok(ExitStatus::Success)
}

async fn change(
    target: &impl OrderStore,
    id: &str,
    to: Status,
    out: &Printer,
) -> anyhow::Result<()> {
    let change = target.set_status(id, to).await?;
    out.one(&change.new, |p, o| {
        p.line(format!(
            "{}  {} → {}",
            o.order_id, change.old.status, o.status
        ))
    })?;
    Ok(())
}
