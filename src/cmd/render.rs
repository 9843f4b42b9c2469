//! Human renderings shared by several commands: orders and stock as tables, a stream record
//! as one readable line (time, event, shard, short sequence number, keys, and for MODIFY the
//! attributes that changed, `status: PENDING → CANCELLED`), durations and lag verdicts.

use std::collections::BTreeSet;
use std::io;

use orders_core::attr::Item;
use orders_core::{EventName, EventRecord, Order, clock};

use crate::backend::StockItem;
use crate::output::{Printer, Style};

/// The columns of [`orders_table`].
pub const ORDER_HEADERS: [&str; 6] = ["ORDER", "CUSTOMER", "STATUS", "ITEMS", "TOTAL", "CREATED"];

/// Orders as a table, one row each.
pub fn orders_table(out: &Printer, orders: &[Order]) -> io::Result<()> {
    out.table(&ORDER_HEADERS, order_rows(out, orders))
}

/// The rows of [`orders_table`], for a table printed a page at a time.
pub fn order_rows(out: &Printer, orders: &[Order]) -> Vec<Vec<String>> {
    orders
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
        .collect()
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
                l.total()
                    .map_or_else(|| "(too large)".into(), |t| t.to_string()),
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
        "OVER" | "STALLED" => p.paint(status, Style::Red),
        other => p.paint(other, Style::Dim),
    }
}

/// Format a record as one line (colour only when the printer has it on).
pub fn line(out: &Printer, shard_id: &str, record: &EventRecord) -> String {
    let d = &record.dynamodb;
    let time = d
        .approximate_creation_date_time
        .map(|t| clock::rfc3339_s((t * 1000.0) as i64))
        .unwrap_or_else(|| "-".repeat(20));
    let (name, style) = match record.event_name {
        EventName::Insert => ("INSERT", Style::Green),
        EventName::Modify => ("MODIFY", Style::Yellow),
        EventName::Remove => ("REMOVE", Style::Red),
    };
    let keys = pairs(&d.keys);
    let detail = match record.event_name {
        EventName::Insert => d.new_image.as_ref().map(summary).unwrap_or_default(),
        EventName::Modify => match (&d.old_image, &d.new_image) {
            (Some(old), Some(new)) => changes(old, new),
            _ => String::new(),
        },
        EventName::Remove if record.is_ttl_delete() => "(TTL)".to_owned(),
        EventName::Remove => String::new(),
    };
    let text = format!(
        "{time}  {}  {}  {}  {}  {detail}",
        out.paint(name, style),
        out.paint(&shard_id[shard_id.len().saturating_sub(8)..], Style::Dim),
        out.paint(&format!("…{}", d.sequence_number.short(8)), Style::Dim),
        out.paint(&keys, Style::Cyan),
    );
    text.trim_end().to_owned()
}

fn pairs(item: &Item) -> String {
    item.iter()
        .map(|(k, v)| format!("{k}={}", v.display()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A few telling attributes of a new order (or of any item: its short scalars).
fn summary(image: &Item) -> String {
    const PREFERRED: [&str; 4] = ["customerId", "totalPrice", "status", "productId"];
    let picked: Vec<String> = PREFERRED
        .iter()
        .filter_map(|k| image.get(*k).map(|v| format!("{k}={}", v.display())))
        .collect();
    picked.join(" ")
}

/// `name: old → new` for every attribute that differs.
pub fn changes(old: &Item, new: &Item) -> String {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter(|k| old.get(*k) != new.get(*k))
        .map(|k| {
            let show = |v: Option<&orders_core::AttributeValue>| match v {
                None => "∅".to_owned(),
                Some(v) => {
                    let s = v.display();
                    if s.len() > 40 {
                        format!("{}…", &s[..s.floor_char_boundary(39)])
                    } else {
                        s
                    }
                }
            };
            format!("{k}: {} → {}", show(old.get(k)), show(new.get(k)))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::attr::{n, s};

    #[test]
    fn modify_shows_only_changed_attributes() {
        let old = Item::from([
            ("status".to_owned(), s("PENDING")),
            ("total".to_owned(), n("1.00")),
        ]);
        let mut new = old.clone();
        new.insert("status".into(), s("CANCELLED"));
        new.insert("note".into(), s("x"));
        assert_eq!(
            changes(&old, &new),
            "note: ∅ → x, status: PENDING → CANCELLED"
        );
    }
}
