//! The pipeline's resource names by default — one table, read by the CLI's settings and by the
//! functions' Lambda binaries, so the two can never disagree on where an order lives.

/// The orders table (stream on, `NEW_AND_OLD_IMAGES`).
pub const ORDERS_TABLE: &str = "Orders";
/// Stock per product.
pub const INVENTORY_TABLE: &str = "Inventory";
/// The functions' idempotency guards and inventory's order ledgers.
pub const PROCESSED_EVENTS_TABLE: &str = "ProcessedEvents";
/// The on-failure / dead-letter queue.
pub const DLQ_QUEUE: &str = "orders-dlq";
