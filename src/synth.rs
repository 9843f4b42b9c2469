//! Realistic synthetic orders for load tests and the demo: a small catalogue with real-looking
//! prices, customers with plausible emails, one to four lines per order.

use orders_core::money::parse_price;
use orders_core::{LineItem, NewOrder, Order, clock};
use std::sync::atomic::{AtomicI64, Ordering};

use rust_decimal::Decimal;

/// The demo catalogue: SKU, description, unit price, demo stock.
pub const CATALOG: &[(&str, &str, &str, i64)] = &[
    ("SKU-KEYBOARD", "Mechanical keyboard", "89.90", 40),
    ("SKU-MOUSE", "Wireless mouse", "24.99", 120),
    ("SKU-MONITOR", "27\" monitor", "329.00", 15),
    ("SKU-CABLE", "USB-C cable", "9.99", 500),
    ("SKU-HEADSET", "Headset", "59.50", 60),
    ("SKU-WEBCAM", "HD webcam", "44.00", 30),
    ("SKU-DOCK", "Docking station", "149.00", 20),
    ("SKU-LAMP", "Desk lamp", "34.90", 75),
    ("SKU-CHAIR", "Office chair", "249.00", 10),
    ("SKU-STAND", "Laptop stand", "39.00", 80),
    ("SKU-MUG", "Coffee mug", "12.50", 300),
    ("SKU-PAD", "Mouse pad", "0.10", 1000),
];

const FIRST: &[&str] = &[
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
    "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yara",
];
const LAST: &[&str] = &[
    "smith", "jones", "garcia", "miller", "davis", "lopez", "wilson", "moore", "taylor", "thomas",
    "lee", "white",
];
const DOMAINS: &[&str] = &["example.com", "example.org", "mail.example.net"];

static LAST_ID_MICROS: AtomicI64 = AtomicI64::new(0);

/// A new order id: `o-` + creation time in microseconds (hex, strictly increasing within a
/// process) + randomness, so ids sort by creation time and never collide across processes.
pub fn order_id(now_ms: i64) -> String {
    let now_us = now_ms.max(0).saturating_mul(1000).max(clock_micros());
    let prev = LAST_ID_MICROS.fetch_max(now_us, Ordering::Relaxed);
    let us = if prev >= now_us {
        LAST_ID_MICROS.fetch_add(1, Ordering::Relaxed) + 1
    } else {
        now_us
    };
    format!("o-{us:013x}{:06x}", fastrand::u32(..1 << 24))
}

fn clock_micros() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
}

/// Deterministic or random generator of orders.
pub struct Generator {
    rng: fastrand::Rng,
    customers: u32,
    /// `CATALOG`'s prices, parsed once.
    prices: Vec<Decimal>,
    /// The last creation time and its RFC 3339 text: thousands of orders share a millisecond.
    created: (i64, String),
}

impl Generator {
    /// A generator; the same seed gives the same customers and lines.
    pub fn new(seed: Option<u64>) -> Generator {
        Generator {
            rng: seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed),
            customers: 5000,
            prices: CATALOG.iter().map(|c| catalog_price(c.2)).collect(),
            created: (i64::MIN, String::new()),
        }
    }

    /// The next order, created now.
    pub fn next_order(&mut self) -> Order {
        let c = self.rng.u32(..self.customers);
        let first = FIRST[c as usize % FIRST.len()];
        let last = LAST[(c as usize / FIRST.len()) % LAST.len()];
        let domain = DOMAINS[c as usize % DOMAINS.len()];
        let lines = self.rng.usize(1..=4);
        let mut items: Vec<LineItem> = Vec::with_capacity(lines);
        for _ in 0..lines {
            let index = self.rng.usize(..CATALOG.len());
            let sku = CATALOG[index].0;
            if items.iter().any(|l| l.product_id == sku) {
                continue;
            }
            items.push(LineItem {
                product_id: sku.to_owned(),
                quantity: self.rng.u32(1..=3),
                price: self.prices[index],
            });
        }
        let now = clock::now_ms();
        if self.created.0 != now {
            self.created = (now, clock::rfc3339_ms(now));
        }
        NewOrder {
            order_id: None,
            customer_id: format!("c-{c:05}"),
            customer_email: format!("{first}.{last}{c}@{domain}"),
            // Catalogue prices, at most 3 units and a few lines: far within the limits.
            total_price: Order::compute_total(&items).unwrap_or_default(),
            items,
        }
        .into_order(order_id(now), self.created.1.clone())
    }
}

/// A catalogue price (all valid by construction).
pub fn catalog_price(text: &str) -> Decimal {
    parse_price(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_orders_are_valid_and_exact() {
        let mut g = Generator::new(Some(7));
        for _ in 0..200 {
            let o = g.next_order();
            assert!(!o.items.is_empty());
            assert_eq!(Some(o.total_price), Order::compute_total(&o.items));
            assert!(
                orders_core::validate::check_email("e", &o.customer_email).is_ok(),
                "{}",
                o.customer_email
            );
            assert!(
                o.order_id.starts_with("o-") && o.order_id.len() == 21,
                "{}",
                o.order_id
            );
        }
    }

    #[test]
    fn ids_sort_by_creation() {
        let ids: Vec<String> = (0..1000).map(|_| order_id(clock::now_ms())).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "strictly increasing within a process");
    }
}
