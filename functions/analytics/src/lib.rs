//! The analytics consumer: per batch, `OrderCount` (Count) and `Revenue` (None, the exact sum of
//! the new orders' totals) in namespace `OrderService`, in one PutMetricData call. Each order is
//! counted once, however often its record is delivered.

use orders_core::batch::{Invocation, Report, process};
use orders_core::caps::{Applied, CapError, Datum, DeadLetters, Metrics, Unit};
use orders_core::event::OrderChange;
use orders_core::fact::Mark;
use orders_core::money::Decimal;
use orders_core::{Event, EventName};

/// The function's name.
pub const NAME: &str = "analytics";
/// The CloudWatch namespace.
pub const NAMESPACE: &str = "OrderService";

/// Handle a batch: one metrics call for all its new orders, then each record's outcome.
pub async fn handle<D: Metrics + DeadLetters>(event: &Event, deps: &D, attempt: u32) -> Report {
    let inv = Invocation {
        function: NAME,
        attempt,
    };
    // Each INSERT contributes OrderCount 1 and Revenue = its total; other records need nothing.
    let mut marks = Vec::new();
    let mut shares = Vec::new();
    let mut per_record: Vec<Result<Option<usize>, CapError>> =
        Vec::with_capacity(event.records.len());
    // The batch's Revenue, checked as it grows: each order is bounded (orders_core::limits), so
    // this only fails on a batch far larger than Lambda's 10,000 records; the order that would
    // overflow it is then refused on its own, not the whole batch.
    let mut revenue = Decimal::ZERO;
    for record in &event.records {
        if record.event_name != EventName::Insert {
            per_record.push(Ok(None));
            continue;
        }
        match OrderChange::from_record(record) {
            Ok(ref change @ OrderChange::Created(ref order)) => {
                let mark = Mark::new(NAME, record, change);
                let Some(sum) = revenue.checked_add(order.total_price) else {
                    per_record.push(Err(CapError::permanent(format!(
                        "order {}: totalPrice {} overflows the batch's Revenue",
                        order.order_id, order.total_price
                    ))));
                    continue;
                };
                revenue = sum;
                per_record.push(Ok(Some(marks.len())));
                marks.push(mark);
                shares.push(vec![
                    Datum {
                        name: "OrderCount".into(),
                        value: Decimal::ONE,
                        unit: Unit::Count,
                    },
                    Datum {
                        name: "Revenue".into(),
                        value: order.total_price,
                        unit: Unit::None,
                    },
                ]);
            }
            Ok(_) => per_record.push(Ok(None)),
            Err(e) => per_record.push(Err(CapError::permanent(e.to_string()))),
        }
    }
    let published = if marks.is_empty() {
        Ok(Vec::new())
    } else {
        deps.put_once(NAMESPACE, &marks, &shares).await
    };
    let mut outcomes = per_record.into_iter();
    process(&inv, &event.records, deps, async |_record| {
        match outcomes.next() {
            Some(Ok(None)) => Ok(Applied::Done),
            Some(Ok(Some(i))) => match &published {
                Ok(applied) => Ok(applied.get(i).copied().unwrap_or(Applied::Done)),
                Err(e) => Err(e.clone()),
            },
            Some(Err(e)) => Err(e),
            None => Err(CapError::permanent("record without an outcome")),
        }
    })
    .await
}
