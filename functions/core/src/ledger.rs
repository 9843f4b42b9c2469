//! What inventory remembers per order id, and the one decision every stock adapter (SQLite,
//! DynamoDB, the recorder) takes from it. A replayed record can arrive after newer records of
//! its order (aws-semantics §7.4), so stock is decided by what the ledger knows of the order
//! id, not by the record alone:
//! - an INSERT older than the newest record the ledger has applied for its order id is history
//!   (`Superseded`): its order ended since (cancelled, deleted, or deleted and created again);
//! - an end (a cancel, a delete) closes the reservation of the newest INSERT before it — giving
//!   its lines back, or not when the goods shipped — once; an end that finds no reservation
//!   before it is remembered as the newest record: a tombstone, which makes its INSERT history.
//!
//! A reservation is kept per INSERT, so an order id used again is a new order even while the
//! end of its previous order is still to be processed (found by the simulation, issue 11).
//! Once every reservation has ended they are dropped; the newest sequence number stays.

use serde::{Deserialize, Serialize};

use crate::caps::StockLine;
use crate::seq::SequenceNumber;

/// One INSERT's reservation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reservation {
    /// The INSERT's sequence number; `None` for a reservation written before the ledger
    /// existed (older than every record).
    pub seq: Option<SequenceNumber>,
    /// What was taken.
    pub lines: Vec<StockLine>,
    /// An end closed it (stock given back, or consumed by shipping).
    pub ended: bool,
}

/// An order id's ledger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLedger {
    /// Reservations, oldest first (dropped once all have ended).
    #[serde(default)]
    pub reservations: Vec<Reservation>,
    /// The newest record applied for this order id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newest: Option<SequenceNumber>,
}

/// What an INSERT record does to stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnInsert {
    /// Take the lines (then [`OrderLedger::reserved`]).
    Reserve,
    /// The ledger has applied a newer record of this order id: the INSERT is history.
    Superseded,
}

/// What an end record (cancel, delete) does to stock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnEnd {
    /// Put these lines back.
    GiveBack(Vec<StockLine>),
    /// The reservation left with the goods (a shipped order deleted): no stock moves.
    Consume,
    /// Nothing was reserved before it: remember the end, so its INSERT reserves nothing.
    Tombstone,
    /// The order already ended: nothing moves.
    Ignore,
}

impl OrderLedger {
    /// The ledger of a reservation written before the ledger existed.
    pub fn legacy(lines: Vec<StockLine>) -> OrderLedger {
        OrderLedger {
            reservations: vec![Reservation {
                seq: None,
                lines,
                ended: false,
            }],
            newest: None,
        }
    }

    fn newer_than(&self, seq: &SequenceNumber) -> bool {
        self.newest.as_ref().is_some_and(|n| n >= seq)
    }

    fn see(&mut self, seq: &SequenceNumber) {
        if !self.newer_than(seq) {
            self.newest = Some(seq.clone());
        }
    }

    /// Decide an INSERT at `seq`.
    pub fn on_insert(&self, seq: &SequenceNumber) -> OnInsert {
        if self.newer_than(seq) {
            OnInsert::Superseded
        } else {
            OnInsert::Reserve
        }
    }

    /// Record that the INSERT at `seq` reserved `lines`.
    pub fn reserved(&mut self, seq: &SequenceNumber, lines: Vec<StockLine>) {
        let at = self
            .reservations
            .partition_point(|r| r.seq.as_ref() <= Some(seq));
        self.reservations.insert(
            at,
            Reservation {
                seq: Some(seq.clone()),
                lines,
                ended: false,
            },
        );
        self.see(seq);
    }

    /// The reservation of the newest INSERT before `seq`.
    fn before(&self, seq: &SequenceNumber) -> Option<usize> {
        self.reservations
            .iter()
            .rposition(|r| r.seq.as_ref().is_none_or(|s| s < seq))
    }

    /// Decide an end at `seq`; `give_back` is false when the goods have shipped.
    pub fn on_end(&self, seq: &SequenceNumber, give_back: bool) -> OnEnd {
        match self.before(seq).map(|i| &self.reservations[i]) {
            Some(r) if r.ended => OnEnd::Ignore,
            Some(r) if give_back => OnEnd::GiveBack(r.lines.clone()),
            Some(_) => OnEnd::Consume,
            None if self.newer_than(seq) => OnEnd::Ignore,
            None => OnEnd::Tombstone,
        }
    }

    /// Record the end at `seq` as decided.
    pub fn ended(&mut self, seq: &SequenceNumber, decision: &OnEnd) {
        if matches!(decision, OnEnd::GiveBack(_) | OnEnd::Consume)
            && let Some(i) = self.before(seq)
        {
            self.reservations[i].ended = true;
        }
        self.see(seq);
        if self.reservations.iter().all(|r| r.ended) {
            self.reservations.clear();
        }
    }

    /// Reservations not ended yet (what this order id holds of stock).
    pub fn held(&self) -> Vec<&Reservation> {
        self.reservations.iter().filter(|r| !r.ended).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(n: u128) -> SequenceNumber {
        SequenceNumber::from_u128(n)
    }

    fn lines(q: u32) -> Vec<StockLine> {
        vec![StockLine {
            product_id: "P".into(),
            quantity: q,
        }]
    }

    fn end(l: &mut OrderLedger, at: u128, give_back: bool) -> OnEnd {
        let d = l.on_end(&seq(at), give_back);
        l.ended(&seq(at), &d);
        d
    }

    #[test]
    fn a_stale_insert_meets_the_tombstone_and_reserves_nothing() {
        let mut l = OrderLedger::default();
        assert_eq!(end(&mut l, 20, true), OnEnd::Tombstone);
        assert_eq!(l.on_insert(&seq(10)), OnInsert::Superseded);
        assert_eq!(
            l.on_insert(&seq(30)),
            OnInsert::Reserve,
            "the id used again"
        );
    }

    #[test]
    fn an_end_gives_back_once_what_its_insert_reserved() {
        let mut l = OrderLedger::default();
        assert_eq!(l.on_insert(&seq(10)), OnInsert::Reserve);
        l.reserved(&seq(10), lines(2));
        assert_eq!(l.held().len(), 1);
        assert_eq!(end(&mut l, 20, true), OnEnd::GiveBack(lines(2)));
        assert!(l.held().is_empty());
        // The delete after the cancel, and the cancel replayed: nothing moves.
        assert!(matches!(
            l.on_end(&seq(30), true),
            OnEnd::Tombstone | OnEnd::Ignore
        ));
        assert_eq!(l.on_end(&seq(20), true), OnEnd::Ignore);
        assert_eq!(l.on_insert(&seq(10)), OnInsert::Superseded);
    }

    #[test]
    fn a_shipped_order_deleted_consumes_its_reservation() {
        let mut l = OrderLedger::default();
        l.reserved(&seq(10), lines(2));
        assert_eq!(end(&mut l, 20, false), OnEnd::Consume);
        assert!(l.held().is_empty());
    }

    #[test]
    fn an_id_used_again_reserves_while_the_old_order_end_is_still_to_come() {
        // Order 1 reserved at 10 and deleted at 17 (not processed yet); order 2, the same id,
        // inserted at 21 and deleted at 22.
        let mut l = OrderLedger::default();
        l.reserved(&seq(10), lines(2));
        assert_eq!(l.on_insert(&seq(21)), OnInsert::Reserve);
        l.reserved(&seq(21), lines(5));
        assert_eq!(l.held().len(), 2);
        assert_eq!(end(&mut l, 22, true), OnEnd::GiveBack(lines(5)));
        // The delayed delete gives back order 1's lines, not order 2's.
        assert_eq!(end(&mut l, 17, true), OnEnd::GiveBack(lines(2)));
        assert!(l.held().is_empty());
        // A second end of order 2 moves nothing.
        assert!(matches!(
            l.on_end(&seq(23), true),
            OnEnd::Tombstone | OnEnd::Ignore
        ));
    }

    #[test]
    fn a_shipped_old_order_is_not_given_back_by_the_new_order_end() {
        let mut l = OrderLedger::default();
        l.reserved(&seq(10), lines(2));
        l.reserved(&seq(21), lines(5));
        assert_eq!(end(&mut l, 22, true), OnEnd::GiveBack(lines(5)));
        assert_eq!(
            end(&mut l, 23, true),
            OnEnd::Ignore,
            "order 2 ended already"
        );
        assert_eq!(end(&mut l, 17, false), OnEnd::Consume, "order 1 shipped");
    }

    #[test]
    fn a_legacy_reservation_is_older_than_any_record() {
        let l = OrderLedger::legacy(lines(3));
        assert_eq!(l.on_end(&seq(1), true), OnEnd::GiveBack(lines(3)));
        assert_eq!(l.on_insert(&seq(1)), OnInsert::Reserve);
    }

    #[test]
    fn ended_reservations_are_dropped() {
        let mut l = OrderLedger::default();
        for round in 0..5u128 {
            l.reserved(&seq(round * 10 + 1), lines(1));
            end(&mut l, round * 10 + 2, true);
        }
        assert!(l.reservations.is_empty());
        assert_eq!(l.on_insert(&seq(41)), OnInsert::Superseded);
    }
}
