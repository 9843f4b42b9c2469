//! Exact money: prices and totals are decimals with two places, never `f64`, so a total is
//! the same digits in the table, in the email and in the `Revenue` metric.

use std::str::FromStr;

pub use rust_decimal::Decimal;

use crate::limits;

/// Parse a price: a non-negative decimal with at most two places, at most
/// [`limits::max_price`], given as JSON text or a string (`"9.99"`, `9.99`, `10`). The result
/// always carries two places (`"10.00"`).
pub fn parse_price(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(format!("must be a decimal number like 9.99, got {text:?}"));
    }
    let too_large = || format!("must be at most {}, got {t}", limits::max_price());
    let well_formed = t.strip_prefix('-').unwrap_or(t).split('.').count() <= 2
        && t.rfind('-').is_none_or(|i| i == 0)
        && t.bytes().any(|b| b.is_ascii_digit());
    let value = match Decimal::from_str(t) {
        Ok(value) => value,
        // Digits rust_decimal cannot hold: a number, but far past the bound.
        Err(_) if well_formed && t.starts_with('-') => {
            return Err(format!("must not be negative, got {t}"));
        }
        Err(_) if well_formed => return Err(too_large()),
        Err(_) => return Err(format!("must be a decimal number like 9.99, got {text:?}")),
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(format!("must not be negative, got {t}"));
    }
    if value.normalize().scale() > 2 {
        return Err(format!("must have at most 2 decimal places, got {t}"));
    }
    if value > limits::max_price() {
        return Err(too_large());
    }
    Ok(money(value.abs()))
}

/// Rescale a value to exactly two places (values here never carry more).
pub fn money(mut value: Decimal) -> Decimal {
    value.rescale(2);
    value
}

/// The exact total of `price × quantity` lines; `None` when it would overflow (never for
/// lines within [`limits`]).
pub fn total(lines: impl IntoIterator<Item = (Decimal, u32)>) -> Option<Decimal> {
    lines
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, (price, qty)| {
            sum.checked_add(price.checked_mul(Decimal::from(qty))?)
        })
        .map(money)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_cents_times_three_is_exactly_thirty_cents() {
        let p = parse_price("0.10").unwrap();
        assert_eq!(total([(p, 3)]).unwrap().to_string(), "0.30");
        // The f64 sum would be 0.30000000000000004.
        let sum = total([(p, 1), (p, 1), (p, 1)]).unwrap();
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
        assert_eq!(total([(p, 1000)]).unwrap().to_string(), "99999999990.00");
    }

    #[test]
    fn prices_past_the_bound_are_refused_and_totals_never_panic() {
        assert_eq!(
            parse_price("999999999.99").unwrap().to_string(),
            "999999999.99"
        );
        for big in [
            "1000000000",
            "999999999999999999999999999.99",
            "50000000000000000000000000000",
            "99999999999999999999999999999999999999",
        ] {
            let e = parse_price(big).unwrap_err();
            assert_eq!(e, format!("must be at most 999999999.99, got {big}"));
        }
        assert_eq!(
            total([(Decimal::MAX, 2)]),
            None,
            "an overflow is None, not a panic"
        );
        assert_eq!(total([(Decimal::MAX, 1), (Decimal::MAX, 1)]), None);
    }
}
