//! The readable one-line form of a stream record: time, event, shard, short sequence number,
//! keys, and for MODIFY the attributes that changed (`status: PENDING → CANCELLED`).

use std::collections::BTreeSet;

use orders_core::attr::Item;
use orders_core::{EventName, EventRecord, clock};

use crate::output::{Printer, Style};

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
