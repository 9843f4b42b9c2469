//! A stream record as an order change: an enum the functions match on, instead of an
//! `eventName` string and optional images.

use crate::order::{DecodeError, Order};
use crate::record::{EventName, EventRecord};
use crate::validate::{ValidationError, check_stored};

/// What happened to an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderChange {
    /// A new order (INSERT).
    Created(Order),
    /// An order changed (MODIFY); `old.status` may equal `new.status`.
    Updated {
        /// Before.
        old: Order,
        /// After.
        new: Order,
    },
    /// An order was deleted (REMOVE), by a user or by TTL.
    Removed {
        /// What it was.
        old: Order,
        /// Deleted by DynamoDB's TTL process.
        by_ttl: bool,
    },
}

/// Why a record is not a usable order change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// An image the change needs is absent (e.g. a KEYS_ONLY stream).
    #[error("{0} record without {1}")]
    MissingImage(&'static str, &'static str),
    /// The image is not an order.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The image is an order with a number past [`crate::limits`]: another producer wrote it,
    /// and no function can handle it.
    #[error("order {0}: {1} (limits: see README, Orders and inputs)")]
    OutOfBounds(String, ValidationError),
}

impl OrderChange {
    /// The order's id.
    pub fn order_id(&self) -> &str {
        match self {
            OrderChange::Created(o) | OrderChange::Updated { new: o, .. } => &o.order_id,
            OrderChange::Removed { old, .. } => &old.order_id,
        }
    }

    /// The order's status before and after the change (none before an INSERT, none after a
    /// REMOVE).
    pub fn statuses(&self) -> (Option<crate::order::Status>, Option<crate::order::Status>) {
        match self {
            OrderChange::Created(o) => (None, Some(o.status)),
            OrderChange::Updated { old, new } => (Some(old.status), Some(new.status)),
            OrderChange::Removed { old, .. } => (Some(old.status), None),
        }
    }

    /// Decode a record.
    pub fn from_record(record: &EventRecord) -> Result<OrderChange, ChangeError> {
        let d = &record.dynamodb;
        let image = |img: &Option<crate::Item>, name: &'static str| {
            img.as_ref()
                .ok_or(ChangeError::MissingImage(record.event_name.as_str(), name))
                .and_then(|i| Order::from_item(i).map_err(ChangeError::from))
                .and_then(|order| match check_stored(&order) {
                    Ok(()) => Ok(order),
                    Err(e) => Err(ChangeError::OutOfBounds(order.order_id, e)),
                })
        };
        Ok(match record.event_name {
            EventName::Insert => OrderChange::Created(image(&d.new_image, "NewImage")?),
            EventName::Modify => OrderChange::Updated {
                old: image(&d.old_image, "OldImage")?,
                new: image(&d.new_image, "NewImage")?,
            },
            EventName::Remove => OrderChange::Removed {
                old: image(&d.old_image, "OldImage")?,
                by_ttl: record.is_ttl_delete(),
            },
        })
    }
}
