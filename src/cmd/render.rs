//! Human renderings shared by several commands (orders and stock as tables).

use std::io;

use orders_core::Order;

use crate::backend::StockItem;
use crate::output::{Printer, Style};

/// Orders as a table, one row each.
pub fn orders_table(out: &Printer, orders: &[Order]) -> io::Result<()> {
    let rows = orders
        .iter()
        .map(|o| {
            vec![
                o.order_id.clone(),
                o.customer_id.clone(),
                status(out, o),
                o.items
                    .iter()
                    .map(|l| format!("{}×{}", l.quantity, l.product_id))
                    .collect::<Vec<_>>()
                    .join(", "),
                o.total_price.to_string(),
                o.created_at.clone(),
            ]
        })
        .collect();
    out.table(
        &["ORDER", "CUSTOMER", "STATUS", "ITEMS", "TOTAL", "CREATED"],
        rows,
    )
}

/// One order in full.
pub fn order_detail(out: &Printer, o: &Order) -> io::Result<()> {
    out.fields(&[
        ("order", o.order_id.clone()),
        ("customer", o.customer_id.clone()),
        ("email", o.customer_email.clone()),
        ("status", status(out, o)),
        ("created", o.created_at.clone()),
        ("total", o.total_price.to_string()),
    ])?;
    let rows = o
        .items
        .iter()
        .map(|l| {
            vec![
                l.product_id.clone(),
                l.quantity.to_string(),
                l.price.to_string(),
                l.total().to_string(),
            ]
        })
        .collect();
    out.line("")?;
    out.table(&["PRODUCT", "QTY", "PRICE", "LINE TOTAL"], rows)
}

fn status(out: &Printer, o: &Order) -> String {
    use orders_core::Status::*;
    let style = match o.status {
        Pending => Style::Yellow,
        Confirmed | Shipped => Style::Cyan,
        Delivered => Style::Green,
        Cancelled => Style::Red,
    };
    out.paint(o.status.as_str(), style)
}

/// Stock levels as a table.
pub fn stock_table(out: &Printer, items: &[StockItem]) -> io::Result<()> {
    let rows = items
        .iter()
        .map(|s| {
            vec![
                s.product_id.clone(),
                s.stock.to_string(),
                s.last_updated.clone(),
            ]
        })
        .collect();
    out.table(&["PRODUCT", "STOCK", "LAST UPDATED"], rows)
}

/// A duration in ms, compact.
pub fn ms(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| {
        crate::duration::show(std::time::Duration::from_millis(v.max(0.0) as u64))
    })
}

/// OK green, OVER red, NO DATA dim.
pub fn paint_status(p: &Printer, status: &str) -> String {
    match status {
        "OK" => p.paint(status, Style::Green),
        "OVER" => p.paint(status, Style::Red),
        other => p.paint(other, Style::Dim),
    }
}
