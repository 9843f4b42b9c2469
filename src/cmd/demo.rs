//! `orderctl demo`: the whole pipeline on a fresh local data dir, narrated step by step on
//! stderr while the data (tables, records, summaries) goes to stdout — orders, the stream, the
//! consumers, a dead letter, an injected fault retried into an on-failure record.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use orders_core::validate::{NewOrder, line_from_spec};
use orders_core::{Order, Status, clock};

use super::render::{orders_table, stock_table};
use super::{Ctx, LineRunner};
use crate::backend::{InventoryStore, LocalTarget, OrderStore, Target};
use crate::exit::ExitStatus;
use crate::functions::Function;
use crate::output::{Printer, Style};
use crate::settings::OutputFormat;
use crate::stream;
use crate::synth::{self, CATALOG};

/// Walk through the pipeline on a fresh local data dir: tables and stock, orders (several
/// customers, multi-item, one too big for the shelves, one high-value, one later cancelled), the
/// stream, the three consumers with Lambda's semantics, the dead-letter queue, and a mail outage
/// retried into an on-failure record. Under ten seconds.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the demo's data here instead of a new temporary directory (must be empty or new)
    #[arg(long = "in", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub async fn run(
    args: DemoArgs,
    ctx: &Ctx,
    out: &Printer,
    run_command: LineRunner,
) -> anyhow::Result<ExitStatus> {
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
    let demo = demo_ctx(ctx, &dir);
    let target = demo.target().await?;
    let local = &crate::backend::local_only(&demo.settings, "the demo runs on the local target")?;
    let mut n = 0;
    let mut step = |text: &str| {
        n += 1;
        out.note(format!(
            "\n{} {}",
            out.paint_err(&format!("[{n}]"), Style::Bold),
            out.paint_err(text, Style::Bold)
        ));
    };

    step(&format!(
        "A fresh pipeline in {} — one SQLite file, no set-up",
        dir.display()
    ));
    for (sku, _, _, stock) in CATALOG {
        target.set_stock(sku, *stock).await?;
    }
    let rows = local
        .init_report()
        .into_iter()
        .map(|r| vec![r.kind.to_owned(), r.name, r.detail])
        .collect();
    out.table(&["KIND", "NAME", "DETAIL"], rows)?;

    step("Customers place orders; each write appends its INSERT record to the stream");
    let orders = place(
        &target,
        &[
            (
                "c-alice",
                "alice@example.com",
                &[
                    "SKU-KEYBOARD:1:89.90",
                    "SKU-MOUSE:1:24.99",
                    "SKU-PAD:3:0.10",
                ],
            ),
            ("c-bob", "bob@example.org", &["SKU-MONITOR:12:329.00"]),
            ("c-carol", "carol@example.net", &["SKU-CHAIR:50:249.00"]),
            ("c-dave", "dave@example.com", &["SKU-LAMP:2:34.90"]),
        ],
    )
    .await?;
    orders_table(out, &orders)?;
    out.note("Totals are exact decimals (alice's 3 × 0.10 is 0.30). bob's is high-value; carol wants 50 chairs and there are 10.");

    step("The consumers run with Lambda's event-source-mapping semantics (orderctl consume)");
    run_command(&["consume"], &demo, out).await?;
    out.note("notification emailed every customer; analytics counted orders and revenue; inventory reserved stock —");
    out.note("except carol's order: too little stock is a permanent failure, so it went to the dead-letter queue.");

    step("Emails in the outbox, stock after the reservations, metrics published");
    show_outbox(out, local)?;
    stock_table(out, &target.list_stock().await?)?;
    show_metrics(out, local)?;

    step("dave cancels; the inventory consumer puts back exactly what was reserved");
    target
        .set_status(&orders[3].order_id, Status::Cancelled)
        .await?;
    run_command(&["consume"], &demo, out).await?;
    let lamp = target.get_stock("SKU-LAMP").await?.map_or(0, |s| s.stock);
    out.note(format!("SKU-LAMP is back at {lamp}."));

    step("A mail outage: every send fails (orderctl faults set mailer --always)");
    local.set_fault("mailer", 0, true)?;
    place(
        &target,
        &[("c-erin", "erin@example.com", &["SKU-MUG:2:12.50"])],
    )
    .await?;
    run_command(&["consume", "--function", "notification"], &demo, out).await?;
    local.clear_faults()?;
    out.note("Lambda retried the batch (maximum_retry_attempts), then gave up: one on-failure record — metadata only.");

    step("The dead-letter queue: carol's record envelope and the on-failure record");
    show_dlq(out, local, &demo.settings.functions)?;

    step("The stream: every change, in order per order id, spread over shards by key");
    let records = stream::drain_all(&target)
        .await
        .context("reading the stream")?;
    for (shard, record) in &records {
        let typed = record.typed().context("decoding a stream record")?;
        out.line(super::render::line(out, shard, &typed))?;
    }

    step("Fix the cause, then replay the dead letters (orderctl dlq replay)");
    target.set_stock("SKU-CHAIR", 60).await?;
    out.note("50 chairs arrived. Each message is deleted only after its replay succeeded:");
    run_command(&["dlq", "replay", "--yes"], &demo, out).await?;
    let chairs = target.get_stock("SKU-CHAIR").await?.map_or(0, |s| s.stock);
    out.note(format!(
        "carol's order reserved its chairs ({chairs} left) and erin got her email; the queue is empty."
    ));

    step("On call: the pipeline on one screen (orderctl status)");
    run_command(&["status"], &demo, out).await?;
    out.note(
        "analytics and inventory are 1 behind: erin's order came in while only notification ran.",
    );
    out.flush()?;
    // Lines to paste as printed: a `cargo run` user has no `orderctl` on PATH (issue 16).
    let run = format!(
        "ORDERCTL_DATA_DIR={} {}",
        shell_word(&dir.display().to_string()),
        invocation()
    );
    out.note(format!(
        "\nExplore it:\n  {run} lag                            # iterator age per consumer\n  {run} doctor                         # subscription settings that lose records\n  {run} tail --from trim-horizon --until-idle"
    ));
    Ok(ExitStatus::Success)
}

/// How to run this binary again from a shell: `orderctl` when that name on PATH is this
/// binary, else its full path (e.g. `target/debug/orderctl` under `cargo run`).
fn invocation() -> String {
    let Ok(exe) = std::env::current_exe().and_then(std::fs::canonicalize) else {
        return "orderctl".to_owned();
    };
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .any(|dir| std::fs::canonicalize(dir.join("orderctl")).is_ok_and(|found| found == exe))
    });
    if on_path {
        "orderctl".to_owned()
    } else {
        shell_word(&exe.display().to_string())
    }
}

/// `text` as one POSIX shell word: as is when it needs no quoting, else single-quoted.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:=,@%".contains(c));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// The demo's own context: the local target in `dir`, short batching windows, and a mailer
/// that gives up after two retries, so the story fits in seconds.
fn demo_ctx(ctx: &Ctx, dir: &std::path::Path) -> Ctx {
    let mut settings = ctx.settings.local_at(dir);
    for sub in settings.functions.values_mut() {
        sub.maximum_batching_window_seconds = 0;
    }
    if let Some(n) = settings.functions.get_mut(&Function::Notification) {
        n.maximum_retry_attempts = 2;
        n.bisect_batch_on_function_error = false;
    }
    Ctx { settings }
}

async fn place(target: &Target, specs: &[(&str, &str, &[&str])]) -> anyhow::Result<Vec<Order>> {
    let mut orders = Vec::new();
    for (customer, email, lines) in specs {
        let lines = lines
            .iter()
            .map(|l| line_from_spec(l))
            .collect::<Result<Vec<_>, _>>()?;
        let now = clock::now_ms();
        let order = NewOrder::new(customer, email, lines)?
            .into_order(synth::order_id(now), clock::rfc3339_ms(now));
        target.put_orders(std::slice::from_ref(&order)).await?;
        orders.push(order);
    }
    Ok(orders)
}

fn show_outbox(out: &Printer, local: &LocalTarget) -> anyhow::Result<()> {
    let rows = local
        .outbox(20)?
        .into_iter()
        .rev()
        .map(|e| vec![e.to, e.subject])
        .collect();
    Ok(out.table(&["TO", "SUBJECT"], rows)?)
}

fn show_metrics(out: &Printer, local: &LocalTarget) -> anyhow::Result<()> {
    let rows = local
        .metric_points(Some("OrderService"), None, 0)?
        .into_iter()
        .map(|m| vec![m.name, m.value.to_string(), m.unit])
        .collect();
    Ok(out.table(&["METRIC", "VALUE", "UNIT"], rows)?)
}

fn show_dlq(
    out: &Printer,
    local: &LocalTarget,
    subs: &crate::functions::Subscriptions,
) -> anyhow::Result<()> {
    let rows = local
        .queue_peek(10)?
        .iter()
        .map(|m| crate::dlq::listing(m, subs))
        .map(|l| {
            let what = [l.error, l.subject].into_iter().filter(|s| !s.is_empty());
            vec![
                l.format.to_owned(),
                l.function.unwrap_or_default(),
                what.collect::<Vec<_>>().join(": "),
            ]
        })
        .collect();
    Ok(out.table(&["FORMAT", "FUNCTION", "WHAT"], rows)?)
}
