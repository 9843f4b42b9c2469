//! Exact money: prices and totals are decimals with two places, never `f64`, so a total is
//! the same digits in the table, in the email and in the `Revenue` metric.

use std::str::FromStr;

pub use rust_decimal::Decimal;

/// Parse a price: a non-negative decimal with at most two places, given as JSON text or a
/// string (`"9.99"`, `9.99`, `10`). The result always carries two places (`"10.00"`).
pub fn parse_price(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(format!("must be a decimal number like 9.99, got {text:?}"));
    }
    let value = Decimal::from_str(t)
        .map_err(|_| format!("must be a decimal number like 9.99, got {text:?}"))?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(format!("must not be negative, got {t}"));
    }
    if value.normalize().scale() > 2 {
        return Err(format!("must have at most 2 decimal places, got {t}"));
    }
    Ok(money(value.abs()))
}

/// Rescale a value to exactly two places (values here never carry more).
pub fn money(mut value: Decimal) -> Decimal {
    value.rescale(2);
    value
}

/// The exact total of `price × quantity` lines.
pub fn total(lines: impl IntoIterator<Item = (Decimal, u32)>) -> Decimal {
    money(
        lines
            .into_iter()
            .map(|(price, qty)| price * Decimal::from(qty))
            .sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_cents_times_three_is_exactly_thirty_cents() {
        let p = parse_price("0.10").unwrap();
        assert_eq!(total([(p, 3)]).to_string(), "0.30");
        // The f64 sum would be 0.30000000000000004.
        let sum = total([(p, 1), (p, 1), (p, 1)]);
        assert_eq!(sum.to_string(), "0.30");
    }

    #[test]
    fn prices_are_normalised_to_two_places() {
        assert_eq!(parse_price("10").unwrap().to_string(), "10.00");
        assert_eq!(parse_price("9.9").unwrap().to_string(), "9.90");
        assert_eq!(parse_price("0").unwrap().to_string(), "0.00");
        assert_eq!(parse_price("1.50").unwrap().to_string(), "1.50");
    }

    #[test]
    fn bad_prices_are_refused_with_a_reason() {
        assert!(parse_price("-1").unwrap_err().contains("negative"));
        assert!(
            parse_price("1.999")
                .unwrap_err()
                .contains("2 decimal places")
        );
        assert!(parse_price("abc").unwrap_err().contains("decimal number"));
        assert!(parse_price("1e3").unwrap_err().contains("decimal number"));
        assert!(parse_price("").is_err());
    }

    #[test]
    fn large_totals_stay_exact() {
        let p = parse_price("99999999.99").unwrap();
        assert_eq!(total([(p, 1000)]).to_string(), "99999999990.00");
    }
}
