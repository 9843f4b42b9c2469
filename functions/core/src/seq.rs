//! Stream sequence numbers: digit strings of up to 40 characters, ordered as integers
//! (aws-semantics §1.2: `800000000003126276362` < `1405400000000002063282832`), never as text.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A DynamoDB Streams sequence number, compared numerically: equality, hashing and order all
/// read the value, so `0010` and `10` are one number however they were written.
#[derive(Clone)]
pub struct SequenceNumber(String);

/// The most digits a sequence number may have (aws-semantics §1.2).
pub const MAX_DIGITS: usize = 40;

impl SequenceNumber {
    /// Parse and validate: 1–40 ASCII digits.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.is_empty() || text.len() > MAX_DIGITS || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "not a sequence number: {text:?} (expected 1 to {MAX_DIGITS} digits)"
            ));
        }
        Ok(SequenceNumber(text.to_owned()))
    }

    /// The digits as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without leading zeros (`"0"` for zero).
    fn significant(&self) -> &str {
        let t = self.0.trim_start_matches('0');
        if t.is_empty() { "0" } else { t }
    }

    /// The value as `u128` when it fits (every number of up to 38 digits does).
    pub fn to_u128(&self) -> Option<u128> {
        self.significant().parse().ok()
    }

    /// A sequence number from an integer.
    pub fn from_u128(value: u128) -> Self {
        SequenceNumber(value.to_string())
    }

    /// The last `n` digits, for compact display.
    pub fn short(&self, n: usize) -> &str {
        &self.0[self.0.len().saturating_sub(n)..]
    }
}

// Equality must agree with `Ord` (issue 11, finding 9): equal values, whatever the padding.
impl PartialEq for SequenceNumber {
    fn eq(&self, other: &Self) -> bool {
        self.significant() == other.significant()
    }
}

impl Eq for SequenceNumber {}

impl std::hash::Hash for SequenceNumber {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.significant().hash(state);
    }
}

impl Ord for SequenceNumber {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.significant(), other.significant());
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }
}

impl PartialOrd for SequenceNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for SequenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SequenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Seq({})", self.0)
    }
}

impl FromStr for SequenceNumber {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SequenceNumber::parse(s)
    }
}

impl Serialize for SequenceNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SequenceNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        SequenceNumber::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(s: &str) -> SequenceNumber {
        SequenceNumber::parse(s).unwrap()
    }

    #[test]
    fn ordering_is_numeric_across_digit_lengths() {
        // The AWS example: 21 digits < 25 digits, although "8" > "1" as text.
        assert!(seq("800000000003126276362") < seq("1405400000000002063282832"));
        assert!(seq("999999999999999999999") < seq("1000000000000000000000"));
        assert!(seq("9") < seq("10"));
        assert_eq!(seq("0010").cmp(&seq("10")), Ordering::Equal);
        let forty = "9".repeat(40);
        assert!(seq(&"9".repeat(39)) < seq(&forty));
        let mut v = [
            seq("100"),
            seq("99"),
            seq("1000000000000000000000"),
            seq("300000000000000499659"),
        ];
        v.sort();
        let got: Vec<&str> = v.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "99",
                "100",
                "300000000000000499659",
                "1000000000000000000000"
            ]
        );
    }

    /// Issue 11, finding 9: `0010` sorted equal to `10` but compared unequal as text, so a
    /// sequence number found by order was then not found by equality.
    #[test]
    fn equality_and_hashing_agree_with_numeric_order() {
        use std::collections::HashSet;
        assert_eq!(seq("0010"), seq("10"));
        assert_ne!(seq("10"), seq("100"));
        let set: HashSet<SequenceNumber> = [seq("000300000000000000499659")].into();
        assert!(set.contains(&seq("300000000000000499659")));
    }

    #[test]
    fn rejects_non_digits_and_overlong() {
        assert!(SequenceNumber::parse("").is_err());
        assert!(SequenceNumber::parse("12a").is_err());
        assert!(SequenceNumber::parse("-1").is_err());
        assert!(SequenceNumber::parse(&"1".repeat(41)).is_err());
    }

    #[test]
    fn u128_conversion() {
        assert_eq!(
            seq("100000000000000000001").to_u128(),
            Some(100_000_000_000_000_000_001)
        );
        assert_eq!(seq(&"9".repeat(40)).to_u128(), None);
        assert_eq!(SequenceNumber::from_u128(42).as_str(), "42");
    }
}
