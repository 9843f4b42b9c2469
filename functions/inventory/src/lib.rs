//! The inventory consumer: a new order reserves every line (`stock >= quantity`, all lines or
//! none); an order that becomes CANCELLED, or is deleted before it shipped (by a user or by TTL),
//! gets back exactly what was reserved for it. Unknown products and too little stock are
//! permanent failures (dead-letter queue). Stock never moves twice for one stream record, and a
//! replayed INSERT of an order that has since ended reserves nothing (`superseded`,
//! aws-semantics §7.4; see `orders_core::ledger`).

use std::collections::BTreeMap;

use orders_core::batch::{Invocation, Report, process};
use orders_core::caps::{
    Applied, CapError, CapResult, DeadLetters, Stock, StockLine, StockOutcome,
};
use orders_core::event::OrderChange;
use orders_core::fact::Mark;
use orders_core::{Event, EventRecord, Order, Status};

/// The function's name.
pub const NAME: &str = "inventory";

/// Handle a batch: records in order, stopping at the first transient failure.
pub async fn handle<D: Stock + DeadLetters>(event: &Event, deps: &D, attempt: u32) -> Report {
    let inv = Invocation {
        function: NAME,
        attempt,
    };
    process(&inv, &event.records, deps, async |record| {
        handle_record(record, deps).await
    })
    .await
}

/// Handle one record.
pub async fn handle_record<D: Stock>(record: &EventRecord, deps: &D) -> CapResult<Applied> {
    let change =
        OrderChange::from_record(record).map_err(|e| CapError::permanent(e.to_string()))?;
    let mark = Mark::new(NAME, record, &change);
    let outcome = match change {
        OrderChange::Created(order) => deps.reserve(&mark, &lines(&order)?).await?,
        OrderChange::Updated { old, new }
            if new.status == Status::Cancelled && old.status != Status::Cancelled =>
        {
            deps.release(&mark, true).await?
        }
        // A deleted order ends too: before it shipped its stock comes back (TTL expiry of an
        // abandoned order is the common case); after, the goods are gone and only the mark moves.
        OrderChange::Removed { old, .. } => {
            let shipped = matches!(old.status, Status::Shipped | Status::Delivered);
            deps.release(&mark, !shipped).await?
        }
        _ => StockOutcome::Nothing,
    };
    Ok(match outcome {
        StockOutcome::Duplicate => Applied::Duplicate,
        StockOutcome::Superseded => Applied::Superseded,
        StockOutcome::Done(_) | StockOutcome::Nothing => Applied::Done,
    })
}

/// An order's lines per product (one product listed twice is reserved once, summed). The sum
/// is checked: quantities come from stream images, whatever wrote them (bounded by
/// `orders_core::limits` on the way in, so it cannot overflow; if it did, the record fails
/// permanently).
pub fn lines(order: &Order) -> CapResult<Vec<StockLine>> {
    let mut per_product: BTreeMap<&str, u32> = BTreeMap::new();
    for line in &order.items {
        let sum = per_product.entry(&line.product_id).or_default();
        *sum = sum.checked_add(line.quantity).ok_or_else(|| {
            CapError::permanent(format!(
                "order {}: the quantities of {} overflow",
                order.order_id, line.product_id
            ))
        })?;
    }
    Ok(per_product
        .into_iter()
        .map(|(product_id, quantity)| StockLine {
            product_id: product_id.to_owned(),
            quantity,
        })
        .collect())
}
