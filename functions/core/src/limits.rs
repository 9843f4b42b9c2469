//! The bounds every number entering the pipeline is held to, in one place: prices, quantities,
//! lines per order, order totals and stock levels. They are checked where input enters
//! (`create` flags and files, `inventory set`, `init --seed-inventory`) and again where the
//! functions read a stream image another producer may have written, so no sum the functions
//! compute can overflow.
//!
//! Why these numbers: rust_decimal holds 28–29 significant digits (about 7.9 × 10^28) and
//! DynamoDB's `N` 38. The largest order total is 10^15 − 0.01 (17 digits); the largest sum the
//! functions compute is one batch's `Revenue` over at most 10,000 records (Lambda's BatchSize
//! maximum for streams): under 10^19, 21 digits, a billion times below rust_decimal's limit.
//! Stock stays under 2^53 (about 9 × 10^15), so a JSON reader holding numbers as doubles (jq)
//! reads it exactly, and a restock can never near `i64::MAX`.

use rust_decimal::Decimal;

/// Units on one order line: 1 to 1,000,000.
pub const MAX_QUANTITY: u32 = 1_000_000;

/// Lines on one order: 1 to 100 (one inventory transaction takes 98 products; aws-semantics
/// §7.3).
pub const MAX_LINES: usize = 100;

/// The largest unit price, in cents: 999,999,999.99.
pub const MAX_PRICE_CENTS: i64 = 99_999_999_999;

/// The largest order total, in cents: 999,999,999,999,999.99 (just under 10^15).
pub const MAX_TOTAL_CENTS: i64 = 99_999_999_999_999_999;

/// The largest stock level of one product: 10^15 (under 2^53).
pub const MAX_STOCK: i64 = 1_000_000_000_000_000;

/// [`MAX_PRICE_CENTS`] as a decimal.
pub fn max_price() -> Decimal {
    Decimal::new(MAX_PRICE_CENTS, 2)
}

/// [`MAX_TOTAL_CENTS`] as a decimal.
pub fn max_total() -> Decimal {
    Decimal::new(MAX_TOTAL_CENTS, 2)
}

/// The quantity rule in words, the same for every way a quantity is given.
pub fn quantity_rule() -> String {
    format!("quantity must be a whole number from 1 to {MAX_QUANTITY}")
}

/// The stock rule in words.
pub fn stock_rule() -> String {
    format!("stock must be a whole number from 0 to {MAX_STOCK}")
}

/// Stock after taking `quantity` units, refused with the reason the inventory function
/// dead-letters when fewer are left (the level is then left as it is).
pub fn taken(product_id: &str, before: i64, quantity: u32) -> Result<i64, String> {
    let need = i64::from(quantity);
    before
        .checked_sub(need)
        .filter(|_| before >= need)
        .ok_or_else(|| format!("insufficient stock for {product_id}: {before} left, {need} needed"))
}

/// Stock after giving back `quantity` units: checked, and refused past [`MAX_STOCK`] with a
/// reason (the level is then left as it is).
pub fn restocked(product_id: &str, before: i64, quantity: u32) -> Result<i64, String> {
    before
        .checked_add(i64::from(quantity))
        .filter(|after| *after <= MAX_STOCK)
        .ok_or_else(|| {
            format!(
                "cannot give back {quantity} of {product_id}: its stock of {before} would pass the limit of {MAX_STOCK}; stock left unchanged"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_batch_revenue_fits_with_headroom() {
        let mut sum = Decimal::ZERO;
        for _ in 0..10_000 {
            sum = sum.checked_add(max_total()).unwrap();
        }
        // Room for a billion such batches still.
        assert!(sum.checked_mul(Decimal::from(1_000_000_000u32)).is_some());
        assert!(sum.to_string().len() <= 38, "fits DynamoDB's N");
        let line = max_price()
            .checked_mul(Decimal::from(MAX_QUANTITY))
            .unwrap();
        assert!(line <= max_total(), "one line never passes the total bound");
        const { assert!(MAX_STOCK < 1 << 53) };
    }

    #[test]
    fn a_restock_past_the_limit_is_refused() {
        assert_eq!(restocked("P", 5, 2), Ok(7));
        assert!(restocked("P", MAX_STOCK - 1, 2).is_err());
        assert!(
            restocked("P", i64::MAX, 2)
                .unwrap_err()
                .contains("stock left unchanged")
        );
    }
}
