//! The order as the pipeline stores it: typed in Rust, and converted to and from the DynamoDB
//! item whose attribute names (`orderId`, `customerId`, …) every consumer reads.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::attr::{AttributeValue, Item, n, s};
use crate::money;

/// Lifecycle of an order: `PENDING → CONFIRMED → SHIPPED → DELIVERED`, and `CANCELLED`
/// from any state before `SHIPPED`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Just placed.
    Pending,
    /// Accepted by the shop.
    Confirmed,
    /// Handed to the carrier.
    Shipped,
    /// Received by the customer.
    Delivered,
    /// Cancelled before shipping.
    Cancelled,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Status; 5] = [
        Status::Pending,
        Status::Confirmed,
        Status::Shipped,
        Status::Delivered,
        Status::Cancelled,
    ];

    /// The stored spelling (`PENDING`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "PENDING",
            Status::Confirmed => "CONFIRMED",
            Status::Shipped => "SHIPPED",
            Status::Delivered => "DELIVERED",
            Status::Cancelled => "CANCELLED",
        }
    }

    /// Whether `self → to` is a legal transition.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Pending, Confirmed)
                | (Confirmed, Shipped)
                | (Shipped, Delivered)
                | (Pending, Cancelled)
                | (Confirmed, Cancelled)
        )
    }

    /// Check a transition, with the reason when it is illegal.
    pub fn check_transition(self, to: Status) -> Result<(), String> {
        if self == to {
            return Err(format!("order is already {self}"));
        }
        if self.can_become(to) {
            return Ok(());
        }
        let allowed: Vec<&str> = Status::ALL
            .iter()
            .filter(|s| self.can_become(**s))
            .map(|s| s.as_str())
            .collect();
        if allowed.is_empty() {
            Err(format!("cannot change a {self} order: {self} is final"))
        } else {
            Err(format!(
                "cannot go from {self} to {to}; from {self} an order can become {}",
                allowed.join(" or ")
            ))
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                format!("unknown status {text:?} (expected PENDING, CONFIRMED, SHIPPED, DELIVERED or CANCELLED)")
            })
    }
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineItem {
    /// The product (inventory `productId`).
    pub product_id: String,
    /// A positive quantity.
    pub quantity: u32,
    /// Unit price, two decimal places.
    #[serde(with = "rust_decimal::serde::str")]
    pub price: Decimal,
}

impl LineItem {
    /// `price × quantity`, exact; `None` when it would overflow (a line past the bounds of
    /// [`crate::limits`], written by another producer).
    pub fn total(&self) -> Option<Decimal> {
        money::total([(self.price, self.quantity)])
    }
}

/// An order, with the attribute names it is stored under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// Partition key of `Orders`.
    pub order_id: String,
    /// Partition key of `CustomerIndex`.
    pub customer_id: String,
    /// Where notifications go.
    pub customer_email: String,
    /// The lines, at least one.
    pub items: Vec<LineItem>,
    /// Exact sum of `price × quantity`.
    #[serde(with = "rust_decimal::serde::str")]
    pub total_price: Decimal,
    /// Lifecycle state.
    pub status: Status,
    /// RFC 3339 UTC with milliseconds; sort key of `CustomerIndex`.
    pub created_at: String,
}

/// Why an item could not be read as an order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid order item: {0}")]
pub struct DecodeError(pub String);

impl Order {
    /// The exact total of the lines; `None` when it would overflow.
    pub fn compute_total(items: &[LineItem]) -> Option<Decimal> {
        money::total(items.iter().map(|i| (i.price, i.quantity)))
    }

    /// The DynamoDB item.
    pub fn to_item(&self) -> Item {
        let lines = self
            .items
            .iter()
            .map(|line| {
                AttributeValue::M(Item::from([
                    ("productId".to_owned(), s(&line.product_id)),
                    ("quantity".to_owned(), n(line.quantity)),
                    ("price".to_owned(), n(line.price)),
                ]))
            })
            .collect();
        Item::from([
            ("orderId".to_owned(), s(&self.order_id)),
            ("customerId".to_owned(), s(&self.customer_id)),
            ("customerEmail".to_owned(), s(&self.customer_email)),
            ("items".to_owned(), AttributeValue::L(lines)),
            ("totalPrice".to_owned(), n(self.total_price)),
            ("status".to_owned(), s(self.status.as_str())),
            ("createdAt".to_owned(), s(&self.created_at)),
        ])
    }

    /// The key attributes (`orderId`).
    pub fn key(order_id: &str) -> Item {
        Item::from([("orderId".to_owned(), s(order_id))])
    }

    /// Read an order back from its item, whoever wrote it.
    pub fn from_item(item: &Item) -> Result<Order, DecodeError> {
        let order_id = req_s(item, "orderId")?;
        let lines = item
            .get("items")
            .and_then(AttributeValue::as_l)
            .ok_or_else(|| DecodeError("items: missing or not a list".into()))?;
        let mut items = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let m = line
                .as_m()
                .ok_or_else(|| DecodeError(format!("items[{i}]: not a map")))?;
            let quantity = req_n(m, "quantity")?
                .parse::<u32>()
                .map_err(|_| DecodeError(format!("items[{i}].quantity: not a positive integer")))?;
            let price = Decimal::from_str(req_n(m, "price")?)
                .map_err(|_| DecodeError(format!("items[{i}].price: not a decimal")))?;
            items.push(LineItem {
                product_id: req_s(m, "productId")?,
                quantity,
                price,
            });
        }
        let total_price = match item.get("totalPrice").and_then(AttributeValue::as_n) {
            Some(t) => {
                Decimal::from_str(t).map_err(|_| DecodeError("totalPrice: not a decimal".into()))?
            }
            None => Order::compute_total(&items)
                .ok_or_else(|| DecodeError("totalPrice: the lines' total overflows".into()))?,
        };
        Ok(Order {
            order_id,
            customer_id: req_s(item, "customerId")?,
            customer_email: item
                .get("customerEmail")
                .and_then(AttributeValue::as_s)
                .unwrap_or_default()
                .to_owned(),
            items,
            total_price,
            status: req_s(item, "status")?
                .parse()
                .map_err(|e: String| DecodeError(format!("status: {e}")))?,
            created_at: item
                .get("createdAt")
                .and_then(AttributeValue::as_s)
                .unwrap_or_default()
                .to_owned(),
        })
    }
}

fn req_s(item: &Item, name: &str) -> Result<String, DecodeError> {
    item.get(name)
        .and_then(AttributeValue::as_s)
        .map(str::to_owned)
        .ok_or_else(|| DecodeError(format!("{name}: missing or not a string")))
}

fn req_n<'a>(item: &'a Item, name: &str) -> Result<&'a str, DecodeError> {
    item.get(name)
        .and_then(AttributeValue::as_n)
        .ok_or_else(|| DecodeError(format!("{name}: missing or not a number")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> Order {
        let items = vec![
            LineItem {
                product_id: "SKU-1".into(),
                quantity: 3,
                price: money::parse_price("0.10").unwrap(),
            },
            LineItem {
                product_id: "SKU-2".into(),
                quantity: 1,
                price: money::parse_price("19.99").unwrap(),
            },
        ];
        Order {
            order_id: "o-1".into(),
            customer_id: "c-1".into(),
            customer_email: "a@example.com".into(),
            total_price: Order::compute_total(&items).unwrap(),
            items,
            status: Status::Pending,
            created_at: "2026-11-27T02:46:36.123Z".into(),
        }
    }

    #[test]
    fn total_is_exact() {
        assert_eq!(order().total_price.to_string(), "20.29");
    }

    #[test]
    fn item_round_trip_keeps_every_attribute() {
        let o = order();
        let item = o.to_item();
        assert_eq!(item["totalPrice"], AttributeValue::N("20.29".into()));
        assert_eq!(item["items"].as_l().unwrap().len(), 2);
        assert_eq!(Order::from_item(&item).unwrap(), o);
    }

    #[test]
    fn json_uses_stored_attribute_names() {
        let json = serde_json::to_value(order()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        for k in [
            "orderId",
            "customerId",
            "customerEmail",
            "items",
            "totalPrice",
            "status",
            "createdAt",
        ] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
        assert_eq!(json["items"][0]["price"], "0.10");
        assert_eq!(json["status"], "PENDING");
    }

    #[test]
    fn status_machine() {
        use Status::*;
        assert!(Pending.can_become(Confirmed));
        assert!(Confirmed.can_become(Shipped));
        assert!(Shipped.can_become(Delivered));
        assert!(Pending.can_become(Cancelled));
        assert!(Confirmed.can_become(Cancelled));
        assert!(!Shipped.can_become(Cancelled));
        assert!(!Delivered.can_become(Cancelled));
        assert!(!Pending.can_become(Shipped));
        assert!(!Cancelled.can_become(Pending));
        assert!(
            Pending
                .check_transition(Pending)
                .unwrap_err()
                .contains("already PENDING")
        );
        assert!(
            Shipped
                .check_transition(Cancelled)
                .unwrap_err()
                .contains("DELIVERED")
        );
        assert!(
            Cancelled
                .check_transition(Confirmed)
                .unwrap_err()
                .contains("final")
        );
        assert_eq!("shipped".parse::<Status>().unwrap(), Shipped);
        assert!("LOST".parse::<Status>().is_err());
    }

    #[test]
    fn decoding_reports_the_field() {
        let mut item = order().to_item();
        item.remove("customerId");
        assert!(
            Order::from_item(&item)
                .unwrap_err()
                .to_string()
                .contains("customerId")
        );
    }
}
