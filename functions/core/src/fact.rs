//! What a function did for one stream record of one order, stored with its idempotency marker
//! (in the same item on AWS, the same row locally) so `orderctl trace` reads an order's whole
//! story with one lookup — one Query of ProcessedEvents' `OrderIndex` on AWS — instead of
//! scanning a stream that may hold hundreds of millions of records a day.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::caps::{Datum, StockLine, effect_key};
use crate::clock;
use crate::event::OrderChange;
use crate::order::Status;
use crate::record::{EventName, EventRecord};
use crate::seq::SequenceNumber;

/// Which record of which order an effect is for: the idempotency key's parts plus what a
/// trace needs to place the effect in the order's story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The function (`notification`, `analytics`, `inventory`).
    pub function: String,
    /// The stream record's `eventID`.
    pub event_id: String,
    /// The order the record is about.
    pub order_id: String,
    /// INSERT, MODIFY or REMOVE.
    pub event_name: EventName,
    /// The record's sequence number.
    pub sequence_number: SequenceNumber,
    /// The order's status before the record (none for an INSERT).
    pub old_status: Option<Status>,
    /// The order's status after the record (none for a REMOVE).
    pub new_status: Option<Status>,
}

impl Mark {
    /// The mark of `function`'s effect for `record`, the order change `change`.
    pub fn new(function: &str, record: &EventRecord, change: &OrderChange) -> Mark {
        let (old_status, new_status) = change.statuses();
        Mark {
            function: function.to_owned(),
            event_id: record.event_id.clone(),
            order_id: change.order_id().to_owned(),
            event_name: record.event_name,
            sequence_number: record.dynamodb.sequence_number.clone(),
            old_status,
            new_status,
        }
    }

    /// The idempotency key (`function#eventID`, aws-semantics §7.3).
    pub fn key(&self) -> String {
        effect_key(&self.function, &self.event_id)
    }

    /// The fact of this mark with `effect`, settled now.
    pub fn fact(&self, effect: Effect) -> Fact {
        Fact {
            order_id: self.order_id.clone(),
            function: self.function.clone(),
            event_id: self.event_id.clone(),
            event_name: self.event_name,
            sequence_number: self.sequence_number.clone(),
            old_status: self.old_status,
            new_status: self.new_status,
            effect,
            state: FactState::Done,
            at: clock::rfc3339_ms(clock::now_ms()),
        }
    }
}

/// One metric a record was counted in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    /// Metric name (`OrderCount`, `Revenue`).
    pub name: String,
    /// This record's share, exact.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
}

/// What the effect was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Effect {
    /// An email with this subject (its time is the fact's `at`).
    Email {
        /// The subject line.
        subject: String,
    },
    /// Stock taken for the order.
    Reserved {
        /// Product and quantity per line.
        lines: Vec<StockLine>,
    },
    /// Stock given back when the order ended.
    Restored {
        /// Product and quantity per line.
        lines: Vec<StockLine>,
    },
    /// Metrics counted for the order.
    Counted {
        /// Each metric and the order's share.
        metrics: Vec<Counted>,
    },
    /// Handled with nothing to move: an order that ended with nothing reserved, or after it
    /// shipped.
    Nothing,
    /// A stale record (its order ended after it, aws-semantics §7.4): nothing was done.
    Superseded,
}

impl Effect {
    /// The metrics of one record's share.
    pub fn counted(share: &[Datum]) -> Effect {
        Effect::Counted {
            metrics: share
                .iter()
                .map(|d| Counted {
                    name: d.name.clone(),
                    value: d.value,
                })
                .collect(),
        }
    }
}

/// Whether the effect happened. Email and metrics on AWS record the intent before the effect
/// (aws-semantics §7.3), so their fact can be seen before it is known to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactState {
    /// Done.
    Done,
    /// Under way, or its outcome unknown (retried once 5 minutes old).
    Sending,
    /// Surely not done; a retry does it.
    Failed,
}

/// One function's effect for one stream record of one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// The order.
    pub order_id: String,
    /// The function.
    pub function: String,
    /// The record's `eventID`.
    #[serde(rename = "eventID")]
    pub event_id: String,
    /// INSERT, MODIFY or REMOVE.
    pub event_name: EventName,
    /// The record's sequence number.
    pub sequence_number: SequenceNumber,
    /// The order's status before the record (none for an INSERT).
    pub old_status: Option<Status>,
    /// The order's status after the record (none for a REMOVE).
    pub new_status: Option<Status>,
    /// What was done.
    pub effect: Effect,
    /// Done, or (email and metrics on AWS) still under way or failed.
    pub state: FactState,
    /// When it was recorded (RFC 3339).
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_round_trips_through_json_in_camel_case() {
        let fact = Fact {
            order_id: "o-1".into(),
            function: "inventory".into(),
            event_id: "e1".into(),
            event_name: EventName::Insert,
            sequence_number: SequenceNumber::from_u128(100),
            old_status: None,
            new_status: Some(Status::Pending),
            effect: Effect::Reserved {
                lines: vec![StockLine {
                    product_id: "SKU-MUG".into(),
                    quantity: 2,
                }],
            },
            state: FactState::Done,
            at: "2026-01-01T00:00:00.000Z".into(),
        };
        let json = serde_json::to_value(&fact).unwrap();
        assert_eq!(json["effect"]["kind"], "reserved");
        assert_eq!(json["effect"]["lines"][0]["productId"], "SKU-MUG");
        assert_eq!(json["sequenceNumber"], "100");
        assert_eq!(serde_json::from_value::<Fact>(json).unwrap(), fact);
    }
}
