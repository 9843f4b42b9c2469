//! The capabilities the consumer functions use — mail, metrics, stock, dead letters — as small
//! traits. Each has an AWS adapter (SES, CloudWatch, DynamoDB, SQS), a local one (SQLite), and
//! a recording one; a function sees only the traits it needs. Adapters make every effect
//! idempotent per stream record, in one transaction with its guard where the store allows.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::fact::Mark;

/// Whether retrying may help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Throttling, network, an injected fault: retry the record.
    Transient,
    /// Bad data or a business rule (no such product, too little stock, a bad address): retrying
    /// cannot help; the record goes to the dead-letter queue.
    Permanent,
}

/// A failed effect.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct CapError {
    /// Transient or permanent.
    pub severity: Severity,
    /// What happened, in one line.
    pub message: String,
}

impl CapError {
    /// A failure that may pass on retry.
    pub fn transient(message: impl Into<String>) -> CapError {
        CapError {
            severity: Severity::Transient,
            message: message.into(),
        }
    }

    /// A failure no retry can fix.
    pub fn permanent(message: impl Into<String>) -> CapError {
        CapError {
            severity: Severity::Permanent,
            message: message.into(),
        }
    }

    /// Whether it is transient.
    pub fn is_transient(&self) -> bool {
        self.severity == Severity::Transient
    }
}

/// Result of a capability call.
pub type CapResult<T> = Result<T, CapError>;

/// What an idempotent effect did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applied {
    /// The effect happened now.
    Done,
    /// It had already happened for this key; nothing was done.
    Duplicate,
    /// The record is stale: a later change of its order made the effect moot (aws-semantics
    /// §7.4); nothing was done.
    Superseded,
}

/// An email to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Email {
    /// Sender (a verified SES identity on AWS).
    pub from: String,
    /// Recipient.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Sending mail.
pub trait Mailer {
    /// Send `email` unless `mark`'s key (the function and stream record) was already sent;
    /// the marker records the subject for `orderctl trace` ([`crate::fact`]).
    fn send_once(&self, mark: &Mark, email: &Email) -> impl Future<Output = CapResult<Applied>>;
}

/// CloudWatch units the functions use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// A count.
    Count,
    /// No unit (money).
    None,
    /// Milliseconds (iterator age).
    Milliseconds,
}

impl Unit {
    /// CloudWatch's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "Count",
            Unit::None => "None",
            Unit::Milliseconds => "Milliseconds",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One metric value; exact until it reaches CloudWatch (whose API takes doubles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Datum {
    /// Metric name (`OrderCount`, `Revenue`).
    pub name: String,
    /// The value, exact.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Its unit.
    pub unit: Unit,
}

/// Publishing metrics.
pub trait Metrics {
    /// Publish `data` in `namespace` once for the records `marks`: records already counted
    /// are reported as duplicates and their share is left out. `share[i]` is mark `i`'s data,
    /// recorded with its marker.
    fn put_once(
        &self,
        namespace: &str,
        marks: &[Mark],
        share: &[Vec<Datum>],
    ) -> impl Future<Output = CapResult<Vec<Applied>>>;
}

/// One order line as stock sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockLine {
    /// The product.
    pub product_id: String,
    /// Units.
    pub quantity: u32,
}

/// A product's stock level before and after an effect. The local and recording adapters read
/// and write in one step, so they know both exactly (`Some`). On AWS a transaction returns no
/// values and the adapter does not read stock just to report it (one request per record), so a
/// change it applied has both `None`: unknown, not zero.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StockChange {
    /// The product.
    pub product_id: String,
    /// Units before, when known.
    pub before: Option<i64>,
    /// Units after, when known.
    pub after: Option<i64>,
}

/// What a stock operation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StockOutcome {
    /// Applied now, with these changes.
    Done(Vec<StockChange>),
    /// Already applied for this key.
    Duplicate,
    /// Nothing to do (a cancelled order whose stock was never reserved: a tombstone now
    /// remembers it).
    Nothing,
    /// A stale INSERT: its order was cancelled or deleted after it (aws-semantics §7.4), so
    /// nothing is reserved.
    Superseded,
}

/// Reserving and restocking inventory.
pub trait Stock {
    /// Take every line of `mark`'s order from stock (`stock >= quantity`), all lines or none,
    /// once per record, and remember what was reserved — unless the order's ledger says it
    /// ended after this record (then `Superseded`, see [`crate::ledger`]). Unknown products and
    /// too little stock are permanent failures. The marker records what moved.
    fn reserve(
        &self,
        mark: &Mark,
        lines: &[StockLine],
    ) -> impl Future<Output = CapResult<StockOutcome>>;
    /// Record `mark`'s record ending its order (a cancel or a delete), once per record: put
    /// back exactly what was reserved for it when `give_back` (not when the goods have
    /// shipped), or leave a tombstone when nothing was reserved.
    fn release(
        &self,
        mark: &Mark,
        give_back: bool,
    ) -> impl Future<Output = CapResult<StockOutcome>>;
}

/// The idempotency guards, read: whether an effect key was processed (done, not merely
/// attempted). A replay asks it of a stale dead letter: one whose records were all processed
/// already is a leftover copy, not history to keep (aws-semantics §7.3, §7.4).
pub trait Idempotency {
    /// Whether the effect keyed `key` is done.
    fn processed(&self, key: &str) -> impl Future<Output = CapResult<bool>>;
}

/// The dead-letter queue.
pub trait DeadLetters {
    /// Send one message body.
    fn send(&self, body: &str) -> impl Future<Output = CapResult<()>>;
}

/// The idempotency key of a function's effect for one stream record (aws-semantics §7.3).
pub fn effect_key(function: &str, event_id: &str) -> String {
    format!("{function}#{event_id}")
}
