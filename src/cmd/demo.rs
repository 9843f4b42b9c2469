//! `orderctl demo`: the pipeline end to end on a fresh local data dir, narrated step by step
//! on stderr while the data (tables, stream records) goes to stdout.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use orders_core::validate::{NewOrder, line_from_spec};
use orders_core::{Status, clock};

use super::Ctx;
use super::render::{orders_table, stock_table};
use crate::cli::{OutputFormat, TargetKind};
use crate::exit::ExitStatus;
use crate::output::{Printer, Style};
use crate::stream;
use crate::synth::{self, CATALOG};
use crate::target::{InventoryStore, OrderQuery, OrderStore, Target};

/// Walk through the pipeline on a fresh local data dir: create the tables, stock the shelves,
/// place orders (several customers, multi-item, one cancelled), and show the orders, the stock
/// and the stream records the writes produced.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the demo's data here instead of a new temporary directory (must be empty or new)
    #[arg(long = "in", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub async fn run(args: DemoArgs, ctx: &Ctx, out: &Printer) -> anyhow::Result<ExitStatus> {
    if out.format() != OutputFormat::Table {
        anyhow::bail!("demo is a narrated walkthrough; it prints tables only (drop -o)");
    }
    let dir = match args.dir {
        Some(d) => d,
        None => std::env::temp_dir().join(format!(
            "orderctl-demo-{}-{:06x}",
            std::process::id(),
            fastrand::u32(..0xffffff)
        )),
    };
    if dir.join(crate::settings::DB_FILE).exists() {
        anyhow::bail!(
            "{} already holds an orderctl database; give an empty directory",
            dir.display()
        );
    }
    let mut settings = ctx.settings.clone();
    settings.target = TargetKind::Local;
    settings.data_dir = dir.clone();
    let demo = Ctx { settings };
    let target = demo.target().await?;
    let step = |n: u32, text: &str| {
        out.note(format!(
            "\n{} {}",
            out.paint_err(&format!("[{n}]"), Style::Bold),
            out.paint_err(text, Style::Bold)
        ))
    };

    step(
        1,
        &format!(
            "A fresh pipeline in {} — one SQLite file, no set-up",
            dir.display()
        ),
    );
    for (sku, _, _, stock) in CATALOG {
        target.set_stock(sku, *stock).await?;
    }
    if let Target::Local(local) = &target {
        let rows = local
            .init_report()
            .into_iter()
            .map(|r| vec![r.kind.to_owned(), r.name, r.detail])
            .collect();
        out.table(&["KIND", "NAME", "DETAIL"], rows)?;
    }

    step(
        2,
        "Customers place orders (each write appends its INSERT record to the stream)",
    );
    let placed = [
        (
            "c-alice",
            "alice@example.com",
            vec!["SKU-KEYBOARD:1:89.90", "SKU-MOUSE:1:24.99"],
        ),
        ("c-bob", "bob@example.org", vec!["SKU-MONITOR:1:329.00"]),
        (
            "c-carol",
            "carol@example.net",
            vec!["SKU-PAD:3:0.10", "SKU-CABLE:2:9.99", "SKU-MUG:1:12.50"],
        ),
        ("c-dave", "dave@example.com", vec!["SKU-CHAIR:1:249.00"]),
        ("c-alice", "alice@example.com", vec!["SKU-LAMP:2:34.90"]),
    ];
    let mut orders = Vec::new();
    for (customer, email, lines) in placed {
        let lines = lines
            .into_iter()
            .map(line_from_spec)
            .collect::<Result<Vec<_>, _>>()?;
        let now = clock::now_ms();
        let order = NewOrder::new(customer, email, lines)?
            .into_order(synth::order_id(now), clock::rfc3339_ms(now));
        target.put_orders(std::slice::from_ref(&order)).await?;
        orders.push(order);
    }
    orders_table(out, &orders)?;
    out.note("Totals are exact decimals: carol's 3 × 0.10 is 0.30, not 0.30000000000000004.");

    step(
        3,
        "The shop confirms and ships bob's monitor; dave cancels his chair (MODIFY records)",
    );
    let bob = &orders[1].order_id;
    target.set_status(bob, Status::Confirmed).await?;
    target.set_status(bob, Status::Shipped).await?;
    target
        .set_status(&orders[3].order_id, Status::Cancelled)
        .await?;
    let page = target.list_orders(&OrderQuery::default()).await?;
    orders_table(out, &page.items)?;

    step(4, "alice's orders, newest first, through the CustomerIndex");
    let alice = target
        .list_orders(&OrderQuery {
            customer: Some("c-alice".into()),
            ..OrderQuery::default()
        })
        .await?;
    orders_table(out, &alice.items)?;

    step(
        5,
        "Stock (the inventory consumer reserves it once consumers run)",
    );
    stock_table(out, &target.list_stock().await?)?;

    step(
        6,
        "The stream: every change, in order per order id, spread over shards by key",
    );
    let records = stream::drain_all(&target)
        .await
        .context("reading the stream")?;
    for (shard, record) in &records {
        let typed = record.typed().context("decoding a stream record")?;
        out.line(stream::render::line(out, shard, &typed))?;
    }
    out.flush()?;
    out.note(format!(
        "\n{} records. Explore this pipeline:\n  orderctl --data-dir {} orders list\n  orderctl --data-dir {} inventory list",
        records.len(),
        dir.display(),
        dir.display()
    ));
    Ok(ExitStatus::Success)
}
