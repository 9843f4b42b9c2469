//! DynamoDB attribute values in their wire JSON form (`{"S":"x"}`, `{"N":"1.5"}`, …), so
//! images travel between the stream, the functions and the CLI exactly as AWS writes them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// An item or image: attribute name to value.
pub type Item = BTreeMap<String, AttributeValue>;

/// One DynamoDB attribute value. Serde's externally tagged enum form is exactly DynamoDB JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum AttributeValue {
    /// A string.
    S(String),
    /// A number, kept as its decimal string (DynamoDB numbers are exact decimals).
    N(String),
    /// Binary data, base64 encoded.
    B(String),
    /// A string set.
    SS(Vec<String>),
    /// A number set.
    NS(Vec<String>),
    /// A binary set.
    BS(Vec<String>),
    /// A map.
    M(Item),
    /// A list.
    L(Vec<AttributeValue>),
    /// Null (always `true`).
    NULL(bool),
    /// A boolean.
    BOOL(bool),
}

impl AttributeValue {
    /// The string when this is an `S`.
    pub fn as_s(&self) -> Option<&str> {
        match self {
            AttributeValue::S(s) => Some(s),
            _ => None,
        }
    }

    /// The decimal text when this is an `N`.
    pub fn as_n(&self) -> Option<&str> {
        match self {
            AttributeValue::N(n) => Some(n),
            _ => None,
        }
    }

    /// The list when this is an `L`.
    pub fn as_l(&self) -> Option<&[AttributeValue]> {
        match self {
            AttributeValue::L(l) => Some(l),
            _ => None,
        }
    }

    /// The map when this is an `M`.
    pub fn as_m(&self) -> Option<&Item> {
        match self {
            AttributeValue::M(m) => Some(m),
            _ => None,
        }
    }

    /// A short human rendering: the bare value for scalars, JSON for the rest.
    pub fn display(&self) -> String {
        match self {
            AttributeValue::S(s) | AttributeValue::N(s) => s.clone(),
            AttributeValue::BOOL(b) => b.to_string(),
            AttributeValue::NULL(_) => "null".to_owned(),
            other => serde_json::to_string(other).unwrap_or_default(),
        }
    }

    /// Size in bytes by DynamoDB's item-size rules (an approximation AWS does not publish
    /// exactly for stream records; aws-semantics §1.5 `SizeBytes` [emu]).
    pub fn size(&self) -> usize {
        match self {
            AttributeValue::S(s) | AttributeValue::B(s) => s.len(),
            AttributeValue::N(n) => number_size(n),
            AttributeValue::SS(v) | AttributeValue::BS(v) => v.iter().map(String::len).sum(),
            AttributeValue::NS(v) => v.iter().map(|n| number_size(n)).sum(),
            AttributeValue::M(m) => 3 + item_size(m) + m.len(),
            AttributeValue::L(l) => 3 + l.iter().map(|v| v.size() + 1).sum::<usize>(),
            AttributeValue::NULL(_) | AttributeValue::BOOL(_) => 1,
        }
    }
}

fn number_size(n: &str) -> usize {
    let digits = n.bytes().filter(u8::is_ascii_digit).count();
    digits.div_ceil(2) + 1
}

/// Size of an item: attribute names plus values.
pub fn item_size(item: &Item) -> usize {
    item.iter().map(|(k, v)| k.len() + v.size()).sum()
}

/// Convenience constructor for an `S` value.
pub fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

/// Convenience constructor for an `N` value.
pub fn n(value: impl ToString) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_form_is_dynamodb_json() {
        let mut item = Item::new();
        item.insert("orderId".into(), s("o-1"));
        item.insert("total".into(), n("59.90"));
        item.insert(
            "items".into(),
            AttributeValue::L(vec![AttributeValue::M(Item::from([(
                "sku".to_owned(),
                s("SKU-1"),
            )]))]),
        );
        item.insert("gone".into(), AttributeValue::NULL(true));
        let json = serde_json::to_string(&item).unwrap();
        assert_eq!(
            json,
            r#"{"gone":{"NULL":true},"items":{"L":[{"M":{"sku":{"S":"SKU-1"}}}]},"orderId":{"S":"o-1"},"total":{"N":"59.90"}}"#
        );
        let back: Item = serde_json::from_str(&json).unwrap();
        assert_eq!(back, item);
    }

    #[test]
    fn number_text_is_kept_exactly() {
        let v: AttributeValue = serde_json::from_str(r#"{"N":"59.90"}"#).unwrap();
        assert_eq!(v.as_n(), Some("59.90"));
    }

    #[test]
    fn sizes_count_names_and_values() {
        let item = Item::from([("id".to_owned(), s("abc")), ("n".to_owned(), n("12345"))]);
        assert_eq!(item_size(&item), 2 + 3 + 1 + 4);
    }
}
