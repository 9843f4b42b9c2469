//! An order's DynamoDB JSON, written straight from the `Order`: `create --count` stores every
//! order twice (its row and its INSERT record's NewImage), and building the attribute map
//! (`Order::to_item`, a `BTreeMap` of owned strings) only to serialise it cost more than the
//! text itself. The output is byte for byte what `serde_json` makes of that map — keys in the
//! map's (sorted) order, strings escaped by `serde_json` — and the size is `item_size` of it;
//! the tests compare both with the map for generated and awkward orders.

use std::fmt::Write as _;

use orders_core::Order;

use super::stream::Image;

/// The order's item as DynamoDB JSON, with its DynamoDB size.
pub fn order(order: &Order) -> Image {
    let mut json = String::with_capacity(256 + 96 * order.items.len());
    let mut size = 0;
    json.push('{');
    // Attribute names in BTreeMap order: createdAt, customerEmail, customerId, items, orderId,
    // status, totalPrice; within a line: price, productId, quantity.
    size += s_attr(&mut json, "createdAt", &order.created_at);
    json.push(',');
    size += s_attr(&mut json, "customerEmail", &order.customer_email);
    json.push(',');
    size += s_attr(&mut json, "customerId", &order.customer_id);
    json.push_str(r#","items":{"L":["#);
    // A list is 3 bytes plus each element and 1; a map 3 plus its item size and 1 per entry.
    let mut lines = 3;
    for (i, line) in order.items.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(r#"{"M":{"#);
        let mut map = 3 + 3;
        map += n_attr(&mut json, "price", line.price);
        json.push(',');
        map += s_attr(&mut json, "productId", &line.product_id);
        json.push(',');
        map += n_attr(&mut json, "quantity", line.quantity);
        json.push_str("}}");
        lines += map + 1;
    }
    json.push_str("]}");
    size += "items".len() + lines;
    json.push(',');
    size += s_attr(&mut json, "orderId", &order.order_id);
    json.push(',');
    size += s_attr(&mut json, "status", order.status.as_str());
    json.push(',');
    size += n_attr(&mut json, "totalPrice", order.total_price);
    json.push('}');
    Image { json, size }
}

/// The key attributes (`{"orderId":{"S":…}}`).
pub fn key(order_id: &str) -> Image {
    let mut json = String::with_capacity(24 + order_id.len());
    json.push('{');
    let size = s_attr(&mut json, "orderId", order_id);
    json.push('}');
    Image { json, size }
}

/// `"name":{"S":"value"}`; returns the attribute's size.
fn s_attr(json: &mut String, name: &str, value: &str) -> usize {
    json.push('"');
    json.push_str(name);
    json.push_str(r#"":{"S":"#);
    push_json_str(json, value);
    json.push('}');
    name.len() + value.len()
}

/// `"name":{"N":"value"}`; returns the attribute's size.
fn n_attr(json: &mut String, name: &str, value: impl std::fmt::Display) -> usize {
    json.push('"');
    json.push_str(name);
    json.push_str(r#"":{"N":""#);
    let start = json.len();
    // Writing to a String cannot fail.
    let _ = write!(json, "{value}");
    let digits = json.as_bytes()[start..]
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    json.push_str("\"}");
    name.len() + digits.div_ceil(2) + 1
}

/// A JSON string literal, escaped exactly as `serde_json` escapes it.
fn push_json_str(json: &mut String, value: &str) {
    if value.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        json.push('"');
        json.push_str(value);
        json.push('"');
    } else {
        // Rare (user-supplied text with quotes or control characters): let serde_json do it.
        json.push_str(&serde_json::to_string(value).unwrap_or_else(|_| "\"\"".to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::{LineItem, Status};
    use rust_decimal::Decimal;

    fn same_as_the_map(order: &Order) {
        let want = Image::new(&order.to_item());
        let got = super::order(order);
        assert_eq!(got.json, want.json);
        assert_eq!(got.size, want.size, "{}", want.json);
        let want = Image::new(&Order::key(&order.order_id));
        let got = key(&order.order_id);
        assert_eq!(got.json, want.json);
        assert_eq!(got.size, want.size);
    }

    #[test]
    fn generated_orders_encode_as_their_item() {
        let mut g = crate::synth::Generator::new(Some(11));
        for _ in 0..2000 {
            same_as_the_map(&g.next_order());
        }
    }

    #[test]
    fn awkward_text_and_numbers_encode_as_their_item() {
        let line = |id: &str, q: u32, p: &str| LineItem {
            product_id: id.to_owned(),
            quantity: q,
            price: p.parse::<Decimal>().unwrap(),
        };
        for status in Status::ALL {
            same_as_the_map(&Order {
                order_id: "o-\"quoted\"\\back\u{1}\n\t é 😀 </script>".to_owned(),
                customer_id: "c-ü\u{7f}\u{2028}".to_owned(),
                customer_email: "a\"b@example.com".to_owned(),
                items: vec![
                    line("SKU-\u{0}", 1_000_000, "0"),
                    line("", 1, "0.00"),
                    line("SKU-X", 7, "123456789012.99"),
                ],
                total_price: "864197523090993.00".parse().unwrap(),
                status,
                created_at: String::new(),
            });
        }
        same_as_the_map(&Order {
            order_id: String::new(),
            customer_id: String::new(),
            customer_email: String::new(),
            items: Vec::new(),
            total_price: Decimal::ZERO,
            status: Status::Pending,
            created_at: "2026-11-29T08:58:38.182Z".to_owned(),
        });
    }
}
