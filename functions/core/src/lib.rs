//! `orders-core`: the domain shared by `orderctl` and the bundled consumer functions — orders
//! and exact money, DynamoDB attribute values, the Lambda stream event, sequence numbers — so
//! the CLI and the deployed Lambdas can never disagree on a shape.
#![deny(missing_docs)]

pub mod attr;
pub mod batch;
pub mod caps;
pub mod clock;
pub mod dlq;
pub mod event;
pub mod fact;
pub mod ledger;
pub mod limits;
pub mod money;
pub mod names;
pub mod order;
pub mod record;
pub mod recorder;
pub mod seq;
pub mod validate;

pub use attr::{AttributeValue, Item};
pub use order::{LineItem, Order, Status};
pub use record::{
    Event, EventName, EventRecord, Identity, ImageText, RawRecord, StreamRecord, Text, TextRecord,
};
pub use seq::SequenceNumber;
pub use validate::{NewOrder, ValidationError};
