//! What must hold after a run settles, checked against the model (the orders as written, every
//! stream record ever appended, every message ever queued) rather than against the pipeline's
//! own bookkeeping. Each check names the promise it keeps.

use std::collections::{BTreeMap, BTreeSet};

use orderctl::functions::{Function, Subscriptions, lambda_name_of};
use orders_core::batch::Outcome as RecordOutcome;
use orders_core::caps::StockOutcome;
use orders_core::dlq::DlqBody;
use orders_core::{EventName, SequenceNumber, Status};
use rust_decimal::Decimal;

use super::deps::Entry;
use super::world::{Outcome, Rec};

/// Stream retention (aws-semantics §1.4).
const RETENTION_MS: i64 = 24 * 3600 * 1000;

/// Every check; the first broken promise, described.
pub fn all(o: &Outcome, subs: &Subscriptions) -> Result<(), String> {
    stock_is_conserved(o)?;
    stock_moves_once_per_record_and_never_for_history(o)?;
    every_record_delivered_once_or_accounted_for(o, subs)?;
    analytics_counts_each_order_once(o)?;
    no_message_is_lost(o)?;
    consumers_keep_per_key_order(o)?;
    Ok(())
}

/// The functions' subscriptions, as the model knows them (the oracle does not ask the engine's
/// filter implementation).
fn subscribed(f: Function, r: &Rec) -> bool {
    match f {
        Function::Notification => matches!(r.name, EventName::Insert | EventName::Modify),
        Function::Analytics => r.name == EventName::Insert,
        Function::Inventory => match r.name {
            EventName::Insert | EventName::Remove => true,
            EventName::Modify => {
                r.new
                    .as_ref()
                    .is_some_and(|o| o.status == Status::Cancelled)
                    && r.old
                        .as_ref()
                        .is_some_and(|o| o.status != Status::Cancelled)
            }
        },
    }
}

fn stock_is_conserved(o: &Outcome) -> Result<(), String> {
    let mut expected = o.expected_base.clone();
    for e in &o.entries {
        if let Entry::Stock {
            outcome: StockOutcome::Done(changes),
            ..
        } = e
        {
            for c in changes {
                // The local adapter knows its levels exactly; unknown ones cannot be checked.
                let (Some(before), Some(after)) = (c.before, c.after) else {
                    return Err(format!("the move of {} has no levels", c.product_id));
                };
                *expected.entry(c.product_id.clone()).or_default() += after - before;
            }
        }
    }
    for (product, want) in &expected {
        let have = o.stock.get(product).copied().unwrap_or(0);
        if have != *want {
            return Err(format!(
                "stock of {product} is {have}, but the sets and the logged moves make {want}"
            ));
        }
    }
    if let Some((p, s)) = o.stock.iter().find(|(_, s)| **s < 0) {
        return Err(format!("stock of {p} is negative: {s}"));
    }
    Ok(())
}

fn stock_moves_once_per_record_and_never_for_history(o: &Outcome) -> Result<(), String> {
    let mut applied: BTreeSet<&str> = BTreeSet::new();
    let mut held: BTreeMap<&str, i64> = BTreeMap::new();
    let mut newest: BTreeMap<&str, &SequenceNumber> = BTreeMap::new();
    let mut reserved: BTreeSet<&str> = BTreeSet::new();
    for e in &o.entries {
        let Entry::Stock {
            key,
            order_id,
            seq,
            reserve,
            outcome,
            consumed,
        } = e
        else {
            continue;
        };
        if *outcome == StockOutcome::Duplicate {
            continue;
        }
        if !applied.insert(key) {
            return Err(format!("stock effect {key} applied twice"));
        }
        let h = held.entry(order_id).or_default();
        let later = newest.get(order_id.as_str()).filter(|n| **n > seq);
        match (reserve, outcome) {
            (true, StockOutcome::Done(_)) => {
                if let Some(n) = later {
                    return Err(format!(
                        "{order_id}: the INSERT at {seq} reserved stock after record {n} of the order was applied (a stale replay)"
                    ));
                }
                reserved.insert(key);
                *h += 1;
            }
            (true, StockOutcome::Superseded) if later.is_none() => {
                return Err(format!(
                    "{order_id}: the INSERT at {seq} was called superseded with no later record applied"
                ));
            }
            (false, StockOutcome::Done(_)) => *h -= 1,
            (false, _) if *consumed => *h -= 1,
            _ => {}
        }
        if *h < 0 {
            return Err(format!(
                "{order_id}: stock given back that was never reserved"
            ));
        }
        let n = newest.entry(order_id).or_insert(seq);
        if seq > *n {
            *n = seq;
        }
    }
    // What each order id holds at the end: its ledger agrees with the moves, and it is what
    // the model expects: the live order's reservation, plus at most one per end record of
    // the id that inventory has not processed (dead-lettered, or trimmed before it was read).
    let guards: BTreeSet<&str> = o.guards.iter().map(String::as_str).collect();
    let orders: BTreeSet<&str> = o.history.iter().map(|r| r.order_id.as_str()).collect();
    for order in orders {
        let moves = held.get(order).copied().unwrap_or(0);
        let stored = o.marks.get(order).map_or(0, |l| l.held().len() as i64);
        if moves != stored {
            return Err(format!(
                "{order}: its ledger holds {stored} reservation(s), the logged moves {moves}"
            ));
        }
        let current = o
            .history
            .iter()
            .rev()
            .find(|r| r.order_id == order && r.name == EventName::Insert);
        let live_reserved = o
            .live
            .get(order)
            .is_some_and(|l| l.status != Status::Cancelled)
            && current
                .is_some_and(|r| reserved.contains(format!("inventory#{}", r.event_id).as_str()));
        let open_ends = o
            .history
            .iter()
            .filter(|r| {
                r.order_id == order
                    && r.name != EventName::Insert
                    && subscribed(Function::Inventory, r)
            })
            .filter(|r| !guards.contains(format!("inventory#{}", r.event_id).as_str()))
            .count() as i64;
        let want = i64::from(live_reserved);
        if moves < want || moves > want + open_ends {
            return Err(format!(
                "{order} holds {moves} reservation(s); the model expects {want} (and up to {open_ends} more for ends not processed)"
            ));
        }
    }
    Ok(())
}

/// Which function a dead letter belongs to, and whether it stands for record `r`.
fn covers(body: &str, subs: &Subscriptions, f: Function, r: &Rec) -> bool {
    match DlqBody::parse(body) {
        DlqBody::Envelope(e) => e.function == f.name() && e.record.event_id == r.event_id,
        DlqBody::OnFailure(x) => {
            let name = lambda_name_of(&x.request_context.function_arn);
            let b = &x.batch_info;
            let (Ok(start), Ok(end)) = (
                SequenceNumber::parse(&b.start_sequence_number),
                SequenceNumber::parse(&b.end_sequence_number),
            ) else {
                return false;
            };
            subs[&f].lambda_name == name && b.shard_id == r.shard && start <= r.seq && r.seq <= end
        }
        DlqBody::Unreadable(_) => false,
    }
}

fn every_record_delivered_once_or_accounted_for(
    o: &Outcome,
    subs: &Subscriptions,
) -> Result<(), String> {
    let guards: BTreeSet<&str> = o.guards.iter().map(String::as_str).collect();
    let mut emails: BTreeMap<&str, u32> = BTreeMap::new();
    for e in &o.emails {
        *emails.entry(e).or_default() += 1;
    }
    if let Some((k, n)) = emails.iter().find(|(_, n)| **n > 1) {
        return Err(format!("{n} emails for {k}"));
    }
    let journaled: Vec<&str> = o
        .journal
        .iter()
        .filter_map(|l| l["body"].as_str())
        .collect();
    for f in Function::ALL {
        for r in o.history.iter().filter(|r| subscribed(f, r)) {
            let key = format!("{}#{}", f.name(), r.event_id);
            let applied = guards.contains(key.as_str());
            if f == Function::Notification && applied != emails.contains_key(key.as_str()) {
                return Err(format!("{key}: guard and email disagree"));
            }
            let queued = o.final_queue.iter().any(|(_, b)| covers(b, subs, f, r));
            if applied && queued {
                return Err(format!(
                    "{key} ({:?} of {} at {}) is both applied and in the dead-letter queue",
                    r.name, r.order_id, r.seq
                ));
            }
            let within = r.created_ms + RETENTION_MS > o.end_ms;
            let accounted = applied || queued || journaled.iter().any(|b| covers(b, subs, f, r));
            if within && !accounted {
                return Err(format!(
                    "{key} ({:?} of {} at {}, {} s old) was never delivered, and no dead letter or journal line stands for it",
                    r.name,
                    r.order_id,
                    r.seq,
                    (o.end_ms - r.created_ms) / 1000
                ));
            }
        }
    }
    Ok(())
}

fn analytics_counts_each_order_once(o: &Outcome) -> Result<(), String> {
    let guards: BTreeSet<&str> = o.guards.iter().map(String::as_str).collect();
    let (mut orders, mut revenue) = (0u64, Decimal::ZERO);
    for r in &o.history {
        if r.name == EventName::Insert
            && guards.contains(format!("analytics#{}", r.event_id).as_str())
        {
            orders += 1;
            revenue += r.new.as_ref().map_or(Decimal::ZERO, |n| n.total_price);
        }
    }
    let sum = |name: &str| -> Decimal {
        o.metrics
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| *v)
            .sum()
    };
    if sum("OrderCount") != Decimal::from(orders) || sum("Revenue") != revenue {
        return Err(format!(
            "analytics published OrderCount {} and Revenue {}, but it processed {orders} orders worth {revenue}",
            sum("OrderCount"),
            sum("Revenue")
        ));
    }
    Ok(())
}

fn no_message_is_lost(o: &Outcome) -> Result<(), String> {
    let queued: BTreeSet<&str> = o.final_queue.iter().map(|(id, _)| id.as_str()).collect();
    let replayed: BTreeSet<&str> = o
        .replays
        .iter()
        .filter(|m| m.deleted && m.outcome == "replayed")
        .map(|m| m.message_id.as_str())
        .collect();
    let journaled: BTreeSet<&str> = o
        .journal
        .iter()
        .filter(|l| l["deleted"] == true && l["body"].is_string())
        .filter_map(|l| l["messageId"].as_str())
        .collect();
    for (id, body) in &o.seen {
        let id = id.as_str();
        if !queued.contains(id) && !replayed.contains(id) && !journaled.contains(id) {
            return Err(format!(
                "message {id} is gone: not in the queue, not replayed, not in the journal: {body}"
            ));
        }
    }
    Ok(())
}

fn consumers_keep_per_key_order(o: &Outcome) -> Result<(), String> {
    let mut last: BTreeMap<(&str, &str), &SequenceNumber> = BTreeMap::new();
    for e in &o.entries {
        if let Entry::Delivery {
            function,
            order_id,
            seq,
            outcome: RecordOutcome::Ok,
            ..
        } = e
        {
            if let Some(prev) = last.get(&(*function, order_id.as_str()))
                && *prev >= seq
            {
                return Err(format!(
                    "{function} processed {order_id}'s record {seq} after {prev}"
                ));
            }
            last.insert((*function, order_id), seq);
        }
    }
    Ok(())
}
