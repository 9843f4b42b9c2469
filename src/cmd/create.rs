//! `orderctl create`: one order from flags, orders from a file, or N synthetic orders for load.
//! Everything is validated before anything is written.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::bail;
use clap::Args;
use orders_core::validate::{self, NewOrder};
use orders_core::{Order, clock};
use serde::Serialize;

use super::Ctx;
use super::render::orders_table;
use crate::exit::ExitStatus;
use crate::input::{self, Layout};
use crate::interrupt::Interrupt;
use crate::output::Printer;
use crate::synth::{self, Generator};
use futures_util::StreamExt;

use crate::backend::{OrderStore, TargetError};

/// Create orders. New orders are PENDING; totals are exact decimal sums.
///
/// A `--file` is validated in full before anything is written: one bad entry (reported with
/// its line) means no order from the file is created.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  orderctl create --customer c-1 --email ann@example.com --item SKU-MUG:2:12.50\n  orderctl create --file orders.jsonl -o json\n  orderctl create --count 100000"
)]
pub struct CreateArgs {
    /// Customer id
    #[arg(long, requires = "email", conflicts_with_all = ["file", "count"])]
    pub customer: Option<String>,
    /// Customer email
    #[arg(long, requires = "customer")]
    pub email: Option<String>,
    /// An order line as SKU:QTY:PRICE (repeatable)
    #[arg(long = "item", value_name = "SKU:QTY:PRICE", requires = "customer")]
    pub items: Vec<String>,
    /// Orders from a file (`-` for stdin): a JSON object, a JSON array, or JSON lines of
    /// {customerId, customerEmail, items: [{productId, quantity, price}]}
    #[arg(long, value_name = "FILE", conflicts_with_all = ["customer", "count"])]
    pub file: Option<PathBuf>,
    /// Create N synthetic, realistic orders (load); prints a summary, not the orders
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// With --count: orders in flight at once (aws target)
    #[arg(long, value_name = "C", default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// With --count: seed the generator for repeatable data
    #[arg(long, value_name = "SEED")]
    pub seed: Option<u64>,
}

/// What `--count` reports.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadSummary {
    /// Orders written.
    pub written: u64,
    /// Orders that failed.
    pub failed: u64,
    /// Wall time.
    pub seconds: f64,
    /// Throughput.
    pub orders_per_second: f64,
    /// Stopped early by Ctrl-C or SIGTERM: `written` orders exist, whole, and no others.
    pub interrupted: bool,
}

pub async fn run(args: CreateArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if let Some(count) = args.count {
        return load(count, &args, ctx, out).await;
    }
    let (orders, single) = if let Some(path) = &args.file {
        from_file(path)?
    } else {
        let Some(customer) = &args.customer else {
            bail!("nothing to create: give --customer, --email and --item, or --file, or --count");
        };
        if args.items.is_empty() {
            bail!("items: an order needs at least one item (--item SKU:QTY:PRICE)");
        }
        let lines = args
            .items
            .iter()
            .map(|spec| validate::line_from_spec(spec))
            .collect::<Result<Vec<_>, _>>()?;
        let order = NewOrder::new(customer, args.email.as_deref().unwrap_or_default(), lines)?;
        (vec![order], true)
    };
    let now = clock::now_ms();
    let orders: Vec<Order> = orders
        .into_iter()
        .map(|o| o.into_order(synth::order_id(now), clock::rfc3339_ms(now)))
        .collect();
    let target = ctx.target().await?;
    target.put_orders(&orders).await?;
    if single {
        out.one(&orders[0], |p, o| orders_table(p, std::slice::from_ref(o)))?;
    } else {
        out.list(&orders, orders_table)?;
    }
    Ok(ExitStatus::Success)
}

/// Parse and validate every entry of a file; the first bad one is an error naming its line.
fn from_file(path: &std::path::Path) -> anyhow::Result<(Vec<NewOrder>, bool)> {
    let name = input::source_name(path);
    let text = input::read_source(path)?;
    let (layout, values) = input::json_values(&name, &text)?;
    let mut orders = Vec::with_capacity(values.len());
    for (index, (line, value)) in values.iter().enumerate() {
        let order = validate::order_from_json(value).map_err(|e| {
            anyhow::anyhow!(
                "{}: {e}; nothing was written",
                input::locate(&name, layout, index, *line)
            )
        })?;
        orders.push(order);
    }
    if orders.is_empty() {
        bail!("{name}: no orders in the file");
    }
    Ok((orders, layout == Layout::Single))
}

async fn load(
    count: u64,
    args: &CreateArgs,
    ctx: &Ctx,
    out: &Printer,
) -> anyhow::Result<ExitStatus> {
    let target = ctx.target().await?;
    let mut generator = Generator::new(args.seed);
    // A stop request ends the run after the chunk (local) or the puts (AWS) in flight. Listening
    // starts before the bar shows, so a Ctrl-C at the first sight of it counts.
    let stop = Interrupt::listen();
    let bar = out.progress(count, "creating orders");
    let started = Instant::now();
    let mut written = 0u64;
    let mut failed = 0u64;
    match target.bulk_chunk() {
        Some(chunk) => {
            let mut batch = Vec::with_capacity(chunk);
            while written < count && !stop.checkpoint().await {
                batch.clear();
                let n = (count - written).min(chunk as u64);
                batch.extend((0..n).map(|_| generator.next_order()));
                target.put_orders(&batch).await?;
                written += n;
                bar.inc(n);
            }
        }
        None => {
            let target = &target;
            // Bounded concurrency: at most C conditional puts in flight; throttling is retried
            // by the SDK (standard mode). A failure that every later write would share (missing
            // table, no credentials, unreachable endpoint) stops the run at once.
            let stop = &stop;
            let puts = futures_util::stream::iter(0..count)
                .take_while(|_| std::future::ready(!stop.requested()))
                .map(|_| generator.next_order())
                .map(|order| async move { target.put_orders(std::slice::from_ref(&order)).await })
                .buffer_unordered(usize::from(args.concurrency));
            futures_util::pin_mut!(puts);
            // A second request abandons the puts in flight: each is written whole or not at
            // all, and the summary counts only those confirmed.
            while let Some(result) = tokio::select! {
                r = puts.next() => r,
                _ = stop.wait_forced() => None,
            } {
                match result {
                    Ok(()) => written += 1,
                    Err(e) if matches!(e, TargetError::Conflict(_) | TargetError::Throttled(_)) => {
                        failed += 1;
                        tracing::warn!("{e}");
                    }
                    Err(e) => {
                        bar.finish_and_clear();
                        return Err(anyhow::Error::new(e)
                            .context(format!("after {written} orders were written")));
                    }
                }
                bar.inc(1);
            }
        }
    }
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let summary = LoadSummary {
        written,
        failed,
        seconds,
        orders_per_second: if seconds > 0.0 {
            written as f64 / seconds
        } else {
            0.0
        },
        interrupted: stop.requested(),
    };
    out.one(&summary, |p, s| {
        p.line(format!(
            "{}created {} orders in {:.2} s ({:.0} orders/s){}",
            if s.interrupted { "interrupted: " } else { "" },
            s.written,
            s.seconds,
            s.orders_per_second,
            if s.failed > 0 {
                format!(", {} failed", s.failed)
            } else {
                String::new()
            }
        ))
    })?;
    Ok(if summary.interrupted {
        ExitStatus::Interrupted
    } else {
        ExitStatus::failure_if(failed > 0)
    })
}
