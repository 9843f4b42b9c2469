//! Input validation for new orders: every rule in one place, each failure naming the field,
//! so `orderctl create`, `--file` and the functions refuse bad orders the same way.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::limits::{self, MAX_LINES, MAX_QUANTITY, MAX_STOCK};
use crate::money;
use crate::order::{LineItem, Order, Status};

/// A validation failure: the field path and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// Path of the offending field, e.g. `items[1].quantity`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl ValidationError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A validated order that has not been written yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    /// A caller-chosen id (for idempotent seeding), or none to generate one.
    pub order_id: Option<String>,
    /// The customer.
    pub customer_id: String,
    /// The customer's email.
    pub customer_email: String,
    /// One to [`MAX_LINES`] lines.
    pub items: Vec<LineItem>,
    /// The exact total of the lines, as [`NewOrder::new`] computed and bounded it.
    pub total_price: Decimal,
}

impl NewOrder {
    /// Validate the parts of an order given as flags.
    pub fn new(
        customer_id: &str,
        customer_email: &str,
        items: Vec<LineItem>,
    ) -> Result<NewOrder, ValidationError> {
        let customer_id = check_id("customerId", customer_id)?;
        let customer_email = check_email("customerEmail", customer_email)?;
        if items.is_empty() {
            return Err(ValidationError::new(
                "items",
                "an order needs at least one item",
            ));
        }
        let total_price = check_lines(&items)?;
        Ok(NewOrder {
            order_id: None,
            customer_id,
            customer_email,
            items,
            total_price,
        })
    }

    /// The order as stored: `PENDING`, with its exact total.
    pub fn into_order(self, order_id: String, created_at: String) -> Order {
        Order {
            order_id: self.order_id.unwrap_or(order_id),
            customer_id: self.customer_id,
            customer_email: self.customer_email,
            total_price: self.total_price,
            items: self.items,
            status: Status::Pending,
            created_at,
        }
    }
}

/// Validate one order object `{customerId, customerEmail, items[{productId, quantity, price}]}`
/// (plus an optional `orderId`). Unknown fields are errors.
pub fn order_from_json(value: &Value) -> Result<NewOrder, ValidationError> {
    let obj = value.as_object().ok_or_else(|| {
        ValidationError::new(
            "order",
            format!("expected a JSON object, got {}", kind(value)),
        )
    })?;
    for key in obj.keys() {
        if !matches!(
            key.as_str(),
            "orderId" | "customerId" | "customerEmail" | "items"
        ) {
            return Err(ValidationError::new(
                key.clone(),
                "unknown field (expected orderId, customerId, customerEmail, items)",
            ));
        }
    }
    let customer_id = str_field(obj.get("customerId"), "customerId")?;
    let customer_email = str_field(obj.get("customerEmail"), "customerEmail")?;
    let order_id = match obj.get("orderId") {
        None | Some(Value::Null) => None,
        Some(v) => Some(check_id("orderId", &str_field(Some(v), "orderId")?)?),
    };
    let items = match obj.get("items") {
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| line_from_json(i, v))
            .collect::<Result<Vec<_>, _>>()?,
        Some(other) => {
            return Err(ValidationError::new(
                "items",
                format!("expected an array, got {}", kind(other)),
            ));
        }
        None => return Err(ValidationError::new("items", "missing")),
    };
    let mut order = NewOrder::new(&customer_id, &customer_email, items)?;
    order.order_id = order_id;
    Ok(order)
}

fn line_from_json(i: usize, value: &Value) -> Result<LineItem, ValidationError> {
    let path = |f: &str| format!("items[{i}].{f}");
    let obj = value.as_object().ok_or_else(|| {
        ValidationError::new(
            format!("items[{i}]"),
            format!("expected an object, got {}", kind(value)),
        )
    })?;
    for key in obj.keys() {
        if !matches!(key.as_str(), "productId" | "quantity" | "price") {
            return Err(ValidationError::new(
                path(key),
                "unknown field (expected productId, quantity, price)",
            ));
        }
    }
    let product_id = check_id(
        &path("productId"),
        &str_field(obj.get("productId"), &path("productId"))?,
    )?;
    let quantity = match obj.get("quantity") {
        Some(Value::Number(n)) => parse_quantity(&path("quantity"), &n.to_string())?,
        Some(other) => {
            return Err(ValidationError::new(
                path("quantity"),
                format!("{}, got {}", limits::quantity_rule(), kind(other)),
            ));
        }
        None => return Err(ValidationError::new(path("quantity"), "missing")),
    };
    let price = match obj.get("price") {
        // With serde_json's arbitrary_precision the number keeps its exact text: no f64.
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ValidationError::new(
                path("price"),
                format!("must be a decimal number, got {}", kind(other)),
            ));
        }
        None => return Err(ValidationError::new(path("price"), "missing")),
    };
    let price = money::parse_price(&price).map_err(|m| ValidationError::new(path("price"), m))?;
    Ok(LineItem {
        product_id,
        quantity,
        price,
    })
}

/// Parse `SKU:QTY:PRICE` from `--item`.
pub fn line_from_spec(spec: &str) -> Result<LineItem, ValidationError> {
    let field = format!("--item {spec}");
    let parts: Vec<&str> = spec.split(':').collect();
    let [sku, qty, price] = parts[..] else {
        return Err(ValidationError::new(
            field,
            "expected SKU:QTY:PRICE, e.g. SKU-1:2:9.99",
        ));
    };
    let product_id = check_id(&field, sku)?;
    let quantity = parse_quantity(&field, qty)?;
    let price = money::parse_price(price)
        .map_err(|m| ValidationError::new(&field, format!("price {m}")))?;
    Ok(LineItem {
        product_id,
        quantity,
        price,
    })
}

/// A quantity: 1 to [`MAX_QUANTITY`]; every way it can be wrong gets the same message.
fn parse_quantity(field: &str, text: &str) -> Result<u32, ValidationError> {
    let bad = || ValidationError::new(field, format!("{}, got {text}", limits::quantity_rule()));
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match text.parse::<u32>() {
        Ok(q @ 1..=MAX_QUANTITY) => Ok(q),
        _ => Err(bad()),
    }
}

/// The lines' count and total within [`limits`]: the total, computed with checked arithmetic.
fn check_lines(items: &[LineItem]) -> Result<Decimal, ValidationError> {
    if items.len() > MAX_LINES {
        return Err(ValidationError::new(
            "items",
            format!(
                "an order has at most {MAX_LINES} lines, got {}",
                items.len()
            ),
        ));
    }
    Order::compute_total(items)
        .filter(|t| *t <= limits::max_total())
        .ok_or_else(|| {
            ValidationError::new(
                "totalPrice",
                format!("an order's total must be at most {}", limits::max_total()),
            )
        })
}

/// An order read from a stream image, which any producer may have written: its numbers within
/// [`limits`], so no sum over it can overflow. A value past them is impossible for orderctl to
/// have written, and a permanent failure for the record.
pub fn check_stored(order: &Order) -> Result<(), ValidationError> {
    if order.items.len() > MAX_LINES {
        return Err(ValidationError::new(
            "items",
            format!(
                "{} lines; an order has at most {MAX_LINES}",
                order.items.len()
            ),
        ));
    }
    for (i, line) in order.items.iter().enumerate() {
        if line.quantity > MAX_QUANTITY {
            return Err(ValidationError::new(
                format!("items[{i}].quantity"),
                format!("{}, got {}", limits::quantity_rule(), line.quantity),
            ));
        }
        if line.price.is_sign_negative() || line.price > limits::max_price() {
            return Err(ValidationError::new(
                format!("items[{i}].price"),
                format!(
                    "must be from 0 to {}, got {}",
                    limits::max_price(),
                    line.price
                ),
            ));
        }
    }
    if order.total_price.is_sign_negative() || order.total_price > limits::max_total() {
        return Err(ValidationError::new(
            "totalPrice",
            format!(
                "must be from 0 to {}, got {}",
                limits::max_total(),
                order.total_price
            ),
        ));
    }
    Ok(())
}

/// A stock level given as text (`inventory set`, `init --seed-inventory`): 0 to
/// [`MAX_STOCK`].
pub fn parse_stock(field: &str, text: &str) -> Result<i64, ValidationError> {
    let t = text.trim();
    match t.parse::<i64>() {
        Ok(n @ 0..=MAX_STOCK) if t.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(ValidationError::new(
            field,
            format!("{}, got {text}", limits::stock_rule()),
        )),
    }
}

fn str_field(value: Option<&Value>, field: &str) -> Result<String, ValidationError> {
    match value {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(ValidationError::new(
            field,
            format!("expected a string, got {}", kind(other)),
        )),
        None => Err(ValidationError::new(field, "missing")),
    }
}

/// An identifier: 1–255 printable characters without spaces.
pub fn check_id(field: &str, id: &str) -> Result<String, ValidationError> {
    if id.is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if id.len() > 255 {
        return Err(ValidationError::new(
            field,
            "must be at most 255 characters",
        ));
    }
    if id.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(ValidationError::new(
            field,
            format!("must not contain spaces or control characters: {id:?}"),
        ));
    }
    Ok(id.to_owned())
}

/// A plausible email address: `local@domain.tld`, no spaces, one `@`.
pub fn check_email(field: &str, email: &str) -> Result<String, ValidationError> {
    let bad = || ValidationError::new(field, format!("not a valid email address: {email:?}"));
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let labels_ok = domain.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    if local.is_empty() || domain.contains('@') || !domain.contains('.') || !labels_ok {
        return Err(bad());
    }
    Ok(email.to_owned())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(v: Value) -> String {
        order_from_json(&v).unwrap_err().to_string()
    }

    fn valid() -> Value {
        json!({"customerId":"c-1","customerEmail":"a@example.com","items":[{"productId":"SKU-1","quantity":2,"price":9.99}]})
    }

    #[test]
    fn a_valid_order_passes_with_exact_price() {
        let o = order_from_json(&valid()).unwrap();
        assert_eq!(o.items[0].price.to_string(), "9.99");
        assert_eq!(o.items[0].quantity, 2);
        let stored = o.into_order("o-1".into(), "t".into());
        assert_eq!(stored.total_price.to_string(), "19.98");
        assert_eq!(stored.status, Status::Pending);
    }

    #[test]
    fn price_text_is_exact_through_json() {
        let v: Value = serde_json::from_str(
            r#"{"customerId":"c","customerEmail":"a@b.co","items":[{"productId":"P","quantity":3,"price":0.10}]}"#,
        )
        .unwrap();
        let o = order_from_json(&v)
            .unwrap()
            .into_order("o".into(), "t".into());
        assert_eq!(o.total_price.to_string(), "0.30");
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut v = valid();
        v["items"] = json!([]);
        assert_eq!(err(v), "items: an order needs at least one item");
        let mut v = valid();
        v["items"][0]["quantity"] = json!(0);
        assert!(err(v).starts_with("items[0].quantity: quantity must be a whole number from 1"));
        let mut v = valid();
        v["items"][0]["quantity"] = json!(1.5);
        assert!(err(v).contains("got 1.5"));
        let mut v = valid();
        v["items"][0]["quantity"] = json!("2");
        assert!(err(v).starts_with("items[0].quantity: quantity must be a whole number"));
        let mut v = valid();
        v["items"][0]["price"] = json!(-1);
        assert!(err(v).starts_with("items[0].price: must not be negative"));
        let mut v = valid();
        v["items"][0]["price"] = json!(1.234);
        assert!(err(v).contains("at most 2 decimal places"));
        let mut v = valid();
        v["customerEmail"] = json!("not-an-email");
        assert!(err(v).starts_with("customerEmail: not a valid email"));
        let mut v = valid();
        v["colour"] = json!("red");
        assert!(err(v).starts_with("colour: unknown field"));
        let mut v = valid();
        v["items"][0]["sku"] = json!("x");
        assert!(err(v).starts_with("items[0].sku: unknown field"));
        let mut v = valid();
        v.as_object_mut().unwrap().remove("customerId");
        assert_eq!(err(v), "customerId: missing");
        assert!(err(json!([1])).starts_with("order: expected a JSON object"));
    }

    #[test]
    fn item_specs() {
        let l = line_from_spec("SKU-1:2:9.99").unwrap();
        assert_eq!(
            (
                l.product_id.as_str(),
                l.quantity,
                l.price.to_string().as_str()
            ),
            ("SKU-1", 2, "9.99")
        );
        assert!(
            line_from_spec("SKU-1:2")
                .unwrap_err()
                .to_string()
                .contains("SKU:QTY:PRICE")
        );
        assert!(
            line_from_spec("SKU-1:-2:1")
                .unwrap_err()
                .to_string()
                .contains("whole number from 1 to 1000000")
        );
        assert!(
            line_from_spec("SKU-1:2:1.001")
                .unwrap_err()
                .to_string()
                .contains("2 decimal places")
        );
        assert!(
            line_from_spec(":2:1")
                .unwrap_err()
                .to_string()
                .contains("must not be empty")
        );
    }

    #[test]
    fn emails() {
        for ok in ["a@example.com", "first.last+tag@mail.example.co.uk"] {
            assert!(check_email("e", ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.com",
            "a@b",
            "a b@c.com",
            "a@b..com",
            "a@@b.com",
            "a@-b.com",
        ] {
            assert!(check_email("e", bad).is_err(), "{bad}");
        }
    }

    /// Issue 13, Found 1 and 6: the same quantity rule for every bad quantity, and bounded
    /// prices and totals instead of a panic.
    #[test]
    fn quantities_prices_and_totals_are_bounded_with_one_message() {
        for q in [
            "0",
            "1000001",
            "2147483648",
            "99999999999999999999999",
            "-1",
            "x",
        ] {
            assert_eq!(
                line_from_spec(&format!("SKU:{q}:1")).unwrap_err().message,
                format!("quantity must be a whole number from 1 to 1000000, got {q}")
            );
        }
        let e = line_from_spec("SKU-MUG:1000000:999999999999999999999999999.99").unwrap_err();
        assert_eq!(
            e.message,
            "price must be at most 999999999.99, got 999999999999999999999999999.99"
        );
        let max = line_from_spec("SKU:1000000:999999999.99").unwrap();
        let order = NewOrder::new("c", "a@b.co", vec![max.clone()]).unwrap();
        assert_eq!(order.total_price.to_string(), "999999999990000.00");
        let e = NewOrder::new("c", "a@b.co", vec![max.clone(), max.clone()]).unwrap_err();
        assert_eq!(e.field, "totalPrice");
        assert!(e.message.contains("at most 999999999999999.99"), "{e}");
        let e =
            NewOrder::new("c", "a@b.co", vec![line_from_spec("S:1:1").unwrap(); 101]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "items: an order has at most 100 lines, got 101"
        );
    }

    #[test]
    fn stored_orders_past_the_bounds_are_refused() {
        let ok = order_from_json(&valid())
            .unwrap()
            .into_order("o".into(), "t".into());
        assert_eq!(check_stored(&ok), Ok(()));
        let mut big = ok.clone();
        big.total_price = "50000000000000000000000000000".parse().unwrap();
        assert!(
            check_stored(&big)
                .unwrap_err()
                .to_string()
                .starts_with("totalPrice: must be from 0 to")
        );
        let mut big = ok.clone();
        big.items[0].quantity = u32::MAX;
        assert!(
            check_stored(&big)
                .unwrap_err()
                .to_string()
                .starts_with("items[0].quantity")
        );
        let mut neg = ok;
        neg.items[0].price = "-1".parse().unwrap();
        assert!(
            check_stored(&neg)
                .unwrap_err()
                .to_string()
                .starts_with("items[0].price")
        );
    }

    #[test]
    fn stock_levels() {
        assert_eq!(parse_stock("stock", "0"), Ok(0));
        assert_eq!(parse_stock("stock", "1000000000000000"), Ok(MAX_STOCK));
        for bad in [
            "-1",
            "1000000000000001",
            "9223372036854775807",
            "1.5",
            "+3",
            "",
        ] {
            assert_eq!(
                parse_stock("stock", bad).unwrap_err().message,
                format!("stock must be a whole number from 0 to 1000000000000000, got {bad}")
            );
        }
    }
}
