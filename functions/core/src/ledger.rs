//! What inventory remembers per order, and the one decision every stock adapter (SQLite,
//! DynamoDB, the recorder) takes from it. A replayed record can arrive after newer records of
//! its order (aws-semantics §7.4), so stock is decided by the order's latest known state, not
//! by the record alone: a cancel or delete that finds nothing to undo leaves a tombstone, and
//! an INSERT older than the tombstone reserves nothing.

use serde::{Deserialize, Serialize};

use crate::caps::StockLine;
use crate::seq::SequenceNumber;

/// The state of an order's claim on stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkState {
    /// Its lines are taken from stock.
    Reserved,
    /// It was reserved, then ended (cancelled, deleted, or shipped and deleted).
    Released,
    /// It ended before anything was reserved for it.
    Tombstone,
}

impl MarkState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkState::Reserved => "reserved",
            MarkState::Released => "released",
            MarkState::Tombstone => "tombstone",
        }
    }

    /// Parse the stored name.
    pub fn parse(text: &str) -> Option<MarkState> {
        match text {
            "reserved" => Some(MarkState::Reserved),
            "released" => Some(MarkState::Released),
            "tombstone" => Some(MarkState::Tombstone),
            _ => None,
        }
    }
}

/// One order's mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderMark {
    /// Reserved, released or tombstone.
    pub state: MarkState,
    /// The stream record that set it; `None` for marks written before marks carried one
    /// (they count as older than every record).
    pub seq: Option<SequenceNumber>,
    /// What was reserved (empty for a tombstone).
    pub lines: Vec<StockLine>,
}

impl OrderMark {
    /// A mark written by record `seq`.
    pub fn new(state: MarkState, seq: &SequenceNumber, lines: Vec<StockLine>) -> OrderMark {
        OrderMark {
            state,
            seq: Some(seq.clone()),
            lines,
        }
    }

    /// Whether this mark was set by a record at or after `seq`.
    fn newer_than_or_at(&self, seq: &SequenceNumber) -> bool {
        self.seq.as_ref().is_some_and(|s| s >= seq)
    }
}

/// What an INSERT record does to stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnInsert {
    /// Take the lines, and mark the order reserved.
    Reserve,
    /// The order already holds a reservation: nothing more is taken.
    AlreadyReserved,
    /// The order ended after this record was written (a stale replay): nothing is taken.
    Superseded,
}

/// Decide an INSERT at `seq`.
pub fn on_insert(mark: Option<&OrderMark>, seq: &SequenceNumber) -> OnInsert {
    match mark {
        None => OnInsert::Reserve,
        Some(m) if m.state == MarkState::Reserved => OnInsert::AlreadyReserved,
        // Ended by a later record: this INSERT is history.
        Some(m) if m.newer_than_or_at(seq) => OnInsert::Superseded,
        // Ended before this record: the order id was used again, a new order reserves.
        Some(_) => OnInsert::Reserve,
    }
}

/// What a record that ends an order (cancel, delete) does to stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnEnd {
    /// Put these lines back, and mark the order released.
    GiveBack(Vec<StockLine>),
    /// The reservation left with the goods (a shipped order deleted): mark it released, move
    /// no stock.
    Consume,
    /// Nothing was reserved: leave a tombstone at this record.
    Tombstone,
    /// A later record already decided this order: change nothing.
    Ignore,
}

/// Decide an ending at `seq`; `give_back` is false when the goods have shipped.
pub fn on_end(mark: Option<&OrderMark>, seq: &SequenceNumber, give_back: bool) -> OnEnd {
    match mark {
        None => OnEnd::Tombstone,
        Some(m) if m.newer_than_or_at(seq) => OnEnd::Ignore,
        Some(m) if m.state == MarkState::Reserved && give_back => OnEnd::GiveBack(m.lines.clone()),
        Some(m) if m.state == MarkState::Reserved => OnEnd::Consume,
        Some(_) => OnEnd::Tombstone,
    }
}

impl OnEnd {
    /// The mark to store after this decision (`None`: leave the mark as it is).
    pub fn mark(&self, before: Option<&OrderMark>, seq: &SequenceNumber) -> Option<OrderMark> {
        let lines = before.map(|m| m.lines.clone()).unwrap_or_default();
        match self {
            OnEnd::GiveBack(_) | OnEnd::Consume => {
                Some(OrderMark::new(MarkState::Released, seq, lines))
            }
            OnEnd::Tombstone => Some(OrderMark::new(MarkState::Tombstone, seq, lines)),
            OnEnd::Ignore => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(n: u128) -> SequenceNumber {
        SequenceNumber::from_u128(n)
    }

    fn mark(state: MarkState, at: u128) -> OrderMark {
        OrderMark::new(
            state,
            &seq(at),
            vec![StockLine {
                product_id: "P".into(),
                quantity: 2,
            }],
        )
    }

    #[test]
    fn a_stale_insert_meets_the_tombstone_and_reserves_nothing() {
        let t = mark(MarkState::Tombstone, 20);
        assert_eq!(on_insert(Some(&t), &seq(10)), OnInsert::Superseded);
        let r = mark(MarkState::Released, 20);
        assert_eq!(on_insert(Some(&r), &seq(10)), OnInsert::Superseded);
    }

    #[test]
    fn a_reused_order_id_reserves_again_after_its_end() {
        assert_eq!(
            on_insert(Some(&mark(MarkState::Released, 20)), &seq(30)),
            OnInsert::Reserve
        );
        assert_eq!(on_insert(None, &seq(30)), OnInsert::Reserve);
        assert_eq!(
            on_insert(Some(&mark(MarkState::Reserved, 5)), &seq(30)),
            OnInsert::AlreadyReserved
        );
    }

    #[test]
    fn an_ending_gives_back_only_a_reservation_made_before_it() {
        let r = mark(MarkState::Reserved, 10);
        assert!(matches!(on_end(Some(&r), &seq(20), true), OnEnd::GiveBack(l) if l.len() == 1));
        assert_eq!(on_end(Some(&r), &seq(20), false), OnEnd::Consume);
        assert_eq!(on_end(Some(&r), &seq(5), true), OnEnd::Ignore);
        assert_eq!(on_end(None, &seq(5), true), OnEnd::Tombstone);
        let t = mark(MarkState::Tombstone, 10);
        assert_eq!(on_end(Some(&t), &seq(20), true), OnEnd::Tombstone);
        assert_eq!(on_end(Some(&t), &seq(10), true), OnEnd::Ignore);
    }

    #[test]
    fn a_legacy_mark_without_a_sequence_number_is_older_than_any_record() {
        let legacy = OrderMark {
            state: MarkState::Reserved,
            seq: None,
            lines: vec![],
        };
        assert_eq!(
            on_end(Some(&legacy), &seq(1), true),
            OnEnd::GiveBack(vec![])
        );
    }
}
