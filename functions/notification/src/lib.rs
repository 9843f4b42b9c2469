//! The notification consumer: a confirmation email for every new order, a status email when an
//! order's status changes, nothing otherwise. A missing or invalid address is a permanent
//! failure (dead-letter queue, not retried); a mail outage is transient (Lambda retries).

use orders_core::batch::{Invocation, Report, process};
use orders_core::caps::{Applied, CapError, CapResult, DeadLetters, Email, Mailer};
use orders_core::event::OrderChange;
use orders_core::fact::Mark;
use orders_core::validate::check_email;
use orders_core::{Event, EventRecord, Order, Status};

/// The function's name (idempotency keys, dead-letter envelopes, metrics).
pub const NAME: &str = "notification";

/// Settings the function needs besides its capabilities.
#[derive(Debug, Clone)]
pub struct Config {
    /// The sender (a verified SES identity on AWS).
    pub sender: String,
}

/// Handle a batch: records in order, stopping at the first transient failure.
pub async fn handle<D: Mailer + DeadLetters>(
    event: &Event,
    deps: &D,
    config: &Config,
    attempt: u32,
) -> Report {
    let inv = Invocation {
        function: NAME,
        attempt,
    };
    process(&inv, &event.records, deps, async |record| {
        handle_record(record, deps, config).await
    })
    .await
}

/// Handle one record: at most one email, sent once per stream record.
pub async fn handle_record<D: Mailer>(
    record: &EventRecord,
    deps: &D,
    config: &Config,
) -> CapResult<Applied> {
    let change =
        OrderChange::from_record(record).map_err(|e| CapError::permanent(e.to_string()))?;
    let Some(email) = email_for(&change, config)? else {
        return Ok(Applied::Done);
    };
    deps.send_once(&Mark::new(NAME, record, &change), &email)
        .await
}

/// The email a change calls for, if any.
pub fn email_for(change: &OrderChange, config: &Config) -> CapResult<Option<Email>> {
    let (order, subject, intro) = match change {
        OrderChange::Created(order) => (
            order,
            format!("Order {} confirmed", order.order_id),
            "Thank you for your order.",
        ),
        OrderChange::Updated { old, new } if old.status != new.status => (
            new,
            format!("Order {} is now {}", new.order_id, new.status),
            status_line(new.status),
        ),
        _ => return Ok(None),
    };
    let to = order.customer_email.trim();
    if to.is_empty() {
        return Err(CapError::permanent(format!(
            "order {} has no customer email address",
            order.order_id
        )));
    }
    check_email("customerEmail", to).map_err(|_| {
        CapError::permanent(format!(
            "order {}: invalid customer email address {to:?}",
            order.order_id
        ))
    })?;
    Ok(Some(Email {
        from: config.sender.clone(),
        to: to.to_owned(),
        subject,
        body: body(order, intro),
    }))
}

fn status_line(status: Status) -> &'static str {
    match status {
        Status::Pending => "Your order is pending.",
        Status::Confirmed => "Your order has been confirmed.",
        Status::Shipped => "Your order is on its way.",
        Status::Delivered => "Your order has been delivered.",
        Status::Cancelled => "Your order has been cancelled.",
    }
}

/// The plain-text body: the order id, its lines and the exact total.
pub fn body(order: &Order, intro: &str) -> String {
    let mut text = format!("{intro}\n\nOrder {}\n", order.order_id);
    for line in &order.items {
        text.push_str(&format!(
            "  {} x {} at {} = {}\n",
            line.quantity,
            line.product_id,
            line.price,
            // Bounded on the way in (orders_core::limits); never a panic if it were not.
            line.total()
                .map_or_else(|| "(too large)".to_owned(), |t| t.to_string())
        ));
    }
    text.push_str(&format!("Total: {}\n", order.total_price));
    text
}
