//! `Stock` on DynamoDB, exactly once: the guard, the reservation marker and every stock update
//! commit in one `TransactWriteItems` or not at all (aws-semantics §7.2, §7.3), and the
//! cancellation reasons, read in request order, tell a duplicate from a business failure. Each
//! write puts a random token in its guard, so a write applied but answered with an error, then
//! retried by the SDK and refused by its own guard, knows it was applied (§7.4).
//!
//! One request per INSERT: no read comes before the transaction. It assumes the order id has no
//! stock ledger yet (the common case, its first record) and lets the conditions decide; a
//! cancellation's reasons carry the items that refused (`ALL_OLD`), which explain it without a
//! read: the stored ledger (decide again against it and retry), the product's stock
//! (insufficient), or no product at all (unknown). A transaction returns no values, so the
//! levels of an applied change are not known here and are reported as `None`. An end (cancel,
//! delete) reads the ledger first, as it nearly always exists and says what to put back, then
//! sends one transaction; a restock refused by the stock limit is explained by its `ALL_OLD`
//! item too.

use std::collections::HashMap;

use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{
    AttributeValue as Av, CancellationReason, ReturnValuesOnConditionCheckFailure,
    TransactWriteItem,
};
use orders_core::caps::{
    CapError, CapResult, Severity, Stock, StockChange, StockLine, StockOutcome,
};
use orders_core::fact::{Effect, Mark};
use orders_core::ledger::{OnEnd, OnInsert, OrderLedger};
use orders_core::{clock, limits};

use crate::AwsEffects;
use crate::errors::{Op, classify, one_line, severity_of};
use crate::facts::fact_attrs;
use crate::guard::{guard_item, read_item};
use crate::tx::{
    StoredLedger, TxOutcome, give_stock, ledger_item, marker_key, put_if_absent,
    put_ledger_if_unchanged, stock_of, stored_ledger, take_stock,
};

/// A transaction takes at most 100 actions (§7.3): the guard, the marker, and 98 products.
const MAX_LINES: usize = 98;

const CHECK_FAILED: &str = "ConditionalCheckFailed";

/// Transactions one reservation sends while the ledger they assume turns out to have changed
/// (each refusal carries the newer one); then the record fails transiently and is retried.
const LEDGER_ATTEMPTS: usize = 5;

/// The guard attribute holding the token of the write that made it.
const WRITE_TOKEN: &str = "writeToken";

/// One stock write's mark in its guard item: 128 random bits as 32 hex digits.
struct WriteToken(String);

impl WriteToken {
    fn new() -> WriteToken {
        WriteToken(format!("{:032x}", fastrand::u128(..)))
    }

    /// The guard of `mark`, marked as this write's, holding what the write does (for
    /// `trace`, see facts.rs).
    fn guard(&self, mark: &Mark, effect: &Effect, now_ms: i64) -> CapResult<HashMap<String, Av>> {
        let mut item = guard_item(&mark.key(), now_ms);
        item.extend(fact_attrs(mark, effect)?);
        item.insert(WRITE_TOKEN.into(), Av::S(self.0.clone()));
        Ok(item)
    }

    /// Whether the guard that refused a write (`ALL_OLD`) is this write's own: the first
    /// attempt was applied and only its response was lost (§7.4). Another token, or none, is an
    /// earlier delivery's: a duplicate.
    fn made(&self, old_guard: Option<&HashMap<String, Av>>) -> bool {
        old_guard
            .and_then(|item| item.get(WRITE_TOKEN))
            .and_then(|v| v.as_s().ok())
            .is_some_and(|t| *t == self.0)
    }

    /// The transaction committed: now, or in an attempt whose response was lost, whose retry
    /// the guard (action 0) refused. Otherwise its cancellation reasons.
    fn committed(&self, outcome: TxOutcome) -> Result<(), Vec<CancellationReason>> {
        match outcome {
            TxOutcome::Committed => Ok(()),
            TxOutcome::Cancelled(reasons)
                if code(&reasons, 0) == CHECK_FAILED
                    && self.made(reasons.first().and_then(|r| r.item())) =>
            {
                Ok(())
            }
            TxOutcome::Cancelled(reasons) => Err(reasons),
        }
    }
}

impl Stock for AwsEffects {
    async fn reserve(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.reserve_now(mark, lines)).await
    }

    async fn release(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        // Boxed: SDK futures are deep, and a handler nests them deeper still (see lib.rs).
        Box::pin(self.release_now(mark, give_back)).await
    }
}

impl AwsEffects {
    /// The order id's stock ledger, read consistently.
    async fn ledger(&self, order_id: &str) -> CapResult<StoredLedger> {
        let events = &self.names.processed_events_table;
        let item = read_item(&self.ddb, events, &marker_key(order_id)).await?;
        stored_ledger(order_id, item.as_ref())
    }

    /// Reserve every line or none, once per `key` (the guard is action 0 of the transaction),
    /// unless the ledger knows something newer of the order id (aws-semantics §7.4).
    ///
    /// No read first: the transaction is built against no stored ledger, and its cancellation
    /// reasons, read in request order (§7.3), say what to do. The guard (0) refused: a
    /// duplicate, or this call's own write whose response was lost (§7.4). The ledger (1)
    /// refused: its `ALL_OLD` item is the ledger as stored; decide again against it and retry
    /// with its version. A product refused: its `ALL_OLD` item is its stock, or absent when it
    /// does not exist.
    async fn reserve_now(&self, mark: &Mark, lines: &[StockLine]) -> CapResult<StockOutcome> {
        let (key, order_id, seq) = (&mark.key(), &mark.order_id, &mark.sequence_number);
        let lines = merge(lines);
        if lines.len() > MAX_LINES {
            return Err(CapError::permanent(format!(
                "order {order_id} has {} products; one reservation takes at most {MAX_LINES}",
                lines.len()
            )));
        }
        let (events, inventory) = (
            &self.names.processed_events_table,
            &self.names.inventory_table,
        );
        let now = clock::now_ms();
        // One token for every attempt of this call: whichever attempt committed, a retry the
        // guard refuses is recognised as ours.
        let token = WriteToken::new();
        let effect = Effect::Reserved {
            lines: lines.clone(),
        };
        // Most INSERTs are their order id's first record: assume no ledger (its put then
        // requires none), and learn the stored one only if the condition says there is one.
        let mut stored = stored_ledger(order_id, None)?;
        for _ in 0..LEDGER_ATTEMPTS {
            if stored.ledger.on_insert(seq) == OnInsert::Superseded {
                // Only the guard is written: a stale record is done, with nothing to do.
                return Ok(
                    match self.record_guard_only(mark, &Effect::Superseded).await? {
                        StockOutcome::Nothing => StockOutcome::Superseded,
                        other => other,
                    },
                );
            }
            let mut ledger = stored.ledger.clone();
            ledger.reserved(seq, lines.clone());
            // Action 0 the guard, action 1 the ledger, actions 2.. one per product (§7.3).
            let guard = token.guard(mark, &effect, now)?;
            let mut actions =
                guard_and_ledger(events, guard, key, order_id, &stored, &ledger, now)?;
            for line in &lines {
                actions.push(take_stock(inventory, line, now)?);
            }
            let reasons = match token.committed(self.transact(actions).await?) {
                Ok(()) => return Ok(StockOutcome::Done(unknown_levels(&lines))),
                Err(reasons) => reasons,
            };
            match ledger_refused(&reasons) {
                // The order id's ledger is not what the transaction assumed: decide again
                // against the one stored, which the refusal carries.
                Some(item) => stored = stored_ledger(order_id, item)?,
                None => return reserve_cancelled(&reasons, &lines, inventory),
            }
        }
        // The ledger kept changing under us (other records of the order id, concurrently):
        // the next delivery decides again.
        Err(mark_moved(order_id))
    }

    /// Record the end at `seq` of the order id, once per `key`: put back what its reservation
    /// took when `give_back`, or leave a tombstone when nothing was reserved.
    async fn release_now(&self, mark: &Mark, give_back: bool) -> CapResult<StockOutcome> {
        let (key, order_id, seq) = (&mark.key(), &mark.order_id, &mark.sequence_number);
        let events = &self.names.processed_events_table;
        let stored = self.ledger(order_id).await?;
        let decision = stored.ledger.on_end(seq, give_back);
        if decision == OnEnd::Ignore {
            return self.record_guard_only(mark, &Effect::Nothing).await;
        }
        let lines = match &decision {
            OnEnd::GiveBack(lines) => lines.clone(),
            _ => Vec::new(),
        };
        // No stock read first: `give_stock`'s condition keeps the restock within the limit
        // (`limits::restocked`) and a refusal carries the stock it found (`ALL_OLD`), which is
        // all the error needs.
        let mut ledger = stored.ledger.clone();
        ledger.ended(seq, &decision);

        let inventory = &self.names.inventory_table;
        let now = clock::now_ms();
        let token = WriteToken::new();
        // Action 0 the guard, action 1 the ledger, actions 2.. the products.
        let effect = if lines.is_empty() {
            Effect::Nothing
        } else {
            Effect::Restored {
                lines: lines.clone(),
            }
        };
        let guard = token.guard(mark, &effect, now)?;
        let mut actions = guard_and_ledger(events, guard, key, order_id, &stored, &ledger, now)?;
        for line in &lines {
            actions.push(give_stock(inventory, line, now)?);
        }
        match token.committed(self.transact(actions).await?) {
            Ok(()) if lines.is_empty() => Ok(StockOutcome::Nothing),
            Ok(()) => Ok(StockOutcome::Done(unknown_levels(&lines))),
            Err(reasons) => match (code(&reasons, 0), code(&reasons, 1)) {
                (CHECK_FAILED, _) => Ok(StockOutcome::Duplicate),
                (_, CHECK_FAILED) => Err(mark_moved(order_id)),
                _ => Err(restock_cancelled(&reasons, &lines, inventory)),
            },
        }
    }

    /// A record that moves no stock (nothing to put back, a stale INSERT): record only its
    /// guard, so a repeat is a duplicate. A single conditional put is the one-action
    /// transaction; `Nothing` when written now (or by this call, its response lost),
    /// `Duplicate` when an earlier delivery wrote it.
    async fn record_guard_only(&self, mark: &Mark, effect: &Effect) -> CapResult<StockOutcome> {
        let events = &self.names.processed_events_table;
        let token = WriteToken::new();
        let result = self
            .ddb
            .put_item()
            .table_name(events)
            .set_item(Some(token.guard(mark, effect, clock::now_ms())?))
            .condition_expression("attribute_not_exists(eventId)")
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .send()
            .await;
        match result {
            Ok(_) => Ok(StockOutcome::Nothing),
            Err(err) => match err.as_service_error() {
                Some(PutItemError::ConditionalCheckFailedException(failed)) => {
                    Ok(if token.made(failed.item()) {
                        StockOutcome::Nothing
                    } else {
                        StockOutcome::Duplicate
                    })
                }
                _ => Err(classify(&err, Op::new("dynamodb:PutItem", "table", events))),
            },
        }
    }
}

/// Actions 0 and 1 of a stock transaction: the record's guard (`key`) marked with the write's
/// token, and the order id's ledger as it is to be, written only if unchanged since it was read
/// (§7.3).
fn guard_and_ledger(
    events: &str,
    guard: HashMap<String, Av>,
    key: &str,
    order_id: &str,
    stored: &StoredLedger,
    ledger: &OrderLedger,
    now: i64,
) -> CapResult<Vec<TransactWriteItem>> {
    Ok(vec![
        put_if_absent(events, "eventId", guard)?,
        put_ledger_if_unchanged(
            events,
            ledger_item(order_id, key, stored, ledger, now)?,
            stored,
        )?,
    ])
}

/// One line per product, quantities summed, in first-seen order (a transaction may not touch an
/// item twice).
fn merge(lines: &[StockLine]) -> Vec<StockLine> {
    let mut merged: Vec<StockLine> = Vec::with_capacity(lines.len());
    for line in lines {
        match merged.iter_mut().find(|m| m.product_id == line.product_id) {
            Some(m) => m.quantity = m.quantity.saturating_add(line.quantity),
            None => merged.push(line.clone()),
        }
    }
    merged
}

/// The changes of a transaction that committed: which products moved, at levels this adapter
/// does not know (a transaction returns no values, and reading them would cost a request per
/// record just to report them).
fn unknown_levels(lines: &[StockLine]) -> Vec<StockChange> {
    lines
        .iter()
        .map(|l| StockChange {
            product_id: l.product_id.clone(),
            before: None,
            after: None,
        })
        .collect()
}

/// The item that refused action `i`, as it was (`ALL_OLD`); `None` when there was none (an
/// empty map counts as none).
fn old_item(reasons: &[CancellationReason], i: usize) -> Option<&HashMap<String, Av>> {
    reasons
        .get(i)
        .and_then(|r| r.item())
        .filter(|item| !item.is_empty())
}

/// When the ledger put (action 1) alone decides the cancellation: the item it found, to decide
/// again against (`None`: no ledger item). A refused guard (action 0) goes first: the record
/// was handled, whatever the ledger says.
fn ledger_refused(reasons: &[CancellationReason]) -> Option<Option<&HashMap<String, Av>>> {
    (code(reasons, 0) != CHECK_FAILED && code(reasons, 1) == CHECK_FAILED)
        .then(|| old_item(reasons, 1))
}

/// Why a restock was cancelled, past the guard and the ledger: a product whose condition
/// failed would pass the stock limit (permanent, with the stock the refusal carries, as
/// `limits::restocked` words it); anything else as [`other_cancellation`].
fn restock_cancelled(
    reasons: &[CancellationReason],
    lines: &[StockLine],
    inventory: &str,
) -> CapError {
    let Some((i, line)) = lines
        .iter()
        .enumerate()
        .find(|(i, _)| code(reasons, i + 2) == CHECK_FAILED)
    else {
        return other_cancellation(reasons, inventory);
    };
    let old = old_item(reasons, i + 2);
    match old.and_then(stock_of) {
        Some(have) => match limits::restocked(&line.product_id, have, line.quantity) {
            Err(message) => CapError::permanent(message),
            // Not expected while `give_stock`'s condition and `limits::restocked` state the same
            // bound; the refusal is still final for this record, so permanent, with the level.
            Ok(_) => CapError::permanent(format!(
                "cannot give back {} of {}: its stock of {have} was refused by the restock \
                 condition; stock left unchanged",
                line.quantity, line.product_id
            )),
        },
        None => CapError::permanent(format!(
            "cannot give back {} of {}: its stock is not an integer ({:?}); stock left unchanged",
            line.quantity,
            line.product_id,
            old.and_then(|item| item.get("stock")).map(describe)
        )),
    }
}

/// A reason's code; `"None"` (a literal string, §7.3) when the action was not at fault.
fn code(reasons: &[CancellationReason], i: usize) -> &str {
    reasons.get(i).and_then(|r| r.code()).unwrap_or("None")
}

/// Why a reservation was cancelled, in request order (§7.3).
fn reserve_cancelled(
    reasons: &[CancellationReason],
    lines: &[StockLine],
    inventory: &str,
) -> CapResult<StockOutcome> {
    // 0: the guard exists, this record was handled. 1: the ledger is not the one assumed;
    // `reserve_now` decides again against it first (see `ledger_refused`), so this is only a
    // fallback: decide again on the next delivery.
    if code(reasons, 0) == CHECK_FAILED {
        return Ok(StockOutcome::Duplicate);
    }
    if code(reasons, 1) == CHECK_FAILED {
        let order = reasons
            .get(1)
            .and_then(|r| r.item())
            .and_then(|i| i.get("orderId"))
            .and_then(|v| v.as_s().ok())
            .map_or("?", |s| s.as_str());
        return Err(mark_moved(order));
    }
    // A product refused: its old item says why, no read needed (absent: no such product).
    for (i, line) in lines.iter().enumerate() {
        if code(reasons, i + 2) != CHECK_FAILED {
            continue;
        }
        let old = old_item(reasons, i + 2);
        return Err(CapError::permanent(
            match old.map(|item| (item, stock_of(item))) {
                None => format!("unknown product {}", line.product_id),
                Some((_, Some(left))) => {
                    format!(
                        "insufficient stock for {}: {left} left, {} needed",
                        line.product_id, line.quantity
                    )
                }
                Some((item, None)) => format!(
                    "insufficient stock for {}: no integer stock ({:?}), {} needed",
                    line.product_id,
                    item.get("stock").map(describe),
                    line.quantity
                ),
            },
        ));
    }
    Err(other_cancellation(reasons, inventory))
}

/// The order's mark changed between reading it and writing: retry (transient).
fn mark_moved(order_id: &str) -> CapError {
    CapError::transient(format!(
        "order {order_id}: its stock ledger changed meanwhile; it is decided again on retry"
    ))
}

/// A cancellation that is not a business outcome: conflicts and throttling are transient; a
/// validation error on an action is bad data, permanent.
fn other_cancellation(reasons: &[CancellationReason], inventory: &str) -> CapError {
    let codes: Vec<&str> = (0..reasons.len()).map(|i| code(reasons, i)).collect();
    let message = format!(
        "dynamodb:TransactWriteItems on table {inventory}: cancelled [{}]{}",
        codes.join(", "),
        reasons
            .iter()
            .filter_map(|r| r.message())
            .find(|m| !m.is_empty())
            .map(|m| format!(": {m}"))
            .unwrap_or_default()
    );
    let message = one_line(&message);
    // The same classification as every other error: a code that is bad data is permanent.
    if codes
        .iter()
        .any(|c| severity_of(c, None) == Severity::Permanent)
    {
        CapError::permanent(message)
    } else {
        CapError::transient(message)
    }
}

fn describe(value: &Av) -> String {
    match value {
        Av::N(n) => n.clone(),
        Av::S(s) => format!("{s:?}"),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(p: &str, q: u32) -> StockLine {
        StockLine {
            product_id: p.into(),
            quantity: q,
        }
    }

    fn reason(code: &str, item: Option<i64>) -> CancellationReason {
        let mut r = CancellationReason::builder().code(code);
        if let Some(stock) = item {
            r = r
                .item("productId", Av::S("P".into()))
                .item("stock", Av::N(stock.to_string()));
        }
        r.build()
    }

    #[test]
    fn cancellation_reasons_are_read_in_request_order() {
        let lines = [line("A", 1), line("B", 5)];
        let dup = [
            reason(CHECK_FAILED, None),
            reason("None", None),
            reason("None", None),
            reason("None", None),
        ];
        assert_eq!(
            reserve_cancelled(&dup, &lines, "Inventory"),
            Ok(StockOutcome::Duplicate)
        );
        let reserved = [
            reason("None", None),
            reason(CHECK_FAILED, None),
            reason("None", None),
            reason("None", None),
        ];
        assert!(
            reserve_cancelled(&reserved, &lines, "Inventory")
                .unwrap_err()
                .is_transient(),
            "the mark changed under us: decide again"
        );
        let short = [
            reason("None", None),
            reason("None", None),
            reason("None", None),
            reason(CHECK_FAILED, Some(3)),
        ];
        let e = reserve_cancelled(&short, &lines, "Inventory").unwrap_err();
        assert_eq!(
            e,
            CapError::permanent("insufficient stock for B: 3 left, 5 needed")
        );
        let unknown = [
            reason("None", None),
            reason("None", None),
            reason(CHECK_FAILED, None),
            reason("None", None),
        ];
        let e = reserve_cancelled(&unknown, &lines, "Inventory").unwrap_err();
        assert_eq!(e, CapError::permanent("unknown product A"));
        let conflict = [
            reason("None", None),
            reason("None", None),
            reason("TransactionConflict", None),
            reason("None", None),
        ];
        assert!(
            reserve_cancelled(&conflict, &lines, "Inventory")
                .unwrap_err()
                .is_transient()
        );
    }

    #[test]
    fn a_restock_cancelled_on_a_product_is_past_the_limit() {
        let lines = [line("A", 1), line("B", 5)];
        let past = [
            reason("None", None),
            reason("None", None),
            reason("None", None),
            reason(CHECK_FAILED, Some(limits::MAX_STOCK)),
        ];
        let e = restock_cancelled(&past, &lines, "Inventory");
        assert!(!e.is_transient());
        assert!(e.message.starts_with("cannot give back 5 of B"), "{e}");
        let conflict = [
            reason("None", None),
            reason("None", None),
            reason("TransactionConflict", None),
            reason("None", None),
        ];
        assert!(restock_cancelled(&conflict, &lines, "Inventory").is_transient());
    }

    #[test]
    fn a_refused_ledger_is_decided_again_unless_the_guard_refused_too() {
        let stored = CancellationReason::builder()
            .code(CHECK_FAILED)
            .item("eventId", Av::S("inventory#reservation#o-1".into()))
            .build();
        let ledger_only = [reason("None", None), stored.clone(), reason("None", None)];
        let item = ledger_refused(&ledger_only).expect("the ledger decides");
        assert!(item.is_some_and(|i| i.contains_key("eventId")));
        // The guard goes first: a handled record is a duplicate, whatever its ledger says.
        let both = [reason(CHECK_FAILED, None), stored, reason("None", None)];
        assert!(ledger_refused(&both).is_none());
        // An empty old item is no item: the ledger is gone, decide against none.
        let gone = [
            reason("None", None),
            CancellationReason::builder().code(CHECK_FAILED).build(),
        ];
        assert_eq!(ledger_refused(&gone), Some(None));
        let product = [
            reason("None", None),
            reason("None", None),
            reason(CHECK_FAILED, Some(1)),
        ];
        assert!(ledger_refused(&product).is_none());
    }

    #[test]
    fn lines_are_merged_per_product() {
        assert_eq!(
            merge(&[line("A", 1), line("B", 2), line("A", 3)]),
            vec![line("A", 4), line("B", 2)]
        );
    }
}
