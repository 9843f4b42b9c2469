//! Conversions between orders-core's DynamoDB JSON attribute values and the SDK's types (the
//! DynamoDB and DynamoDB Streams crates each have their own), generated once by a macro.

use std::collections::HashMap;

use aws_smithy_types::Blob;
use aws_smithy_types::base64;
use orders_core::attr::{AttributeValue as Core, Item};

/// Generate `to_sdk`/`from_sdk` for one SDK crate's `AttributeValue`.
macro_rules! attr_conversions {
    ($modname:ident, $sdk:path) => {
        /// Conversions for this SDK crate's attribute values.
        pub mod $modname {
            use super::*;
            use $sdk as Sdk;

            /// A core value as the SDK's.
            #[allow(dead_code)]
            pub fn to_sdk(v: &Core) -> Sdk {
                match v {
                    Core::S(s) => Sdk::S(s.clone()),
                    Core::N(n) => Sdk::N(n.clone()),
                    Core::B(b) => Sdk::B(Blob::new(base64::decode(b).unwrap_or_default())),
                    Core::SS(v) => Sdk::Ss(v.clone()),
                    Core::NS(v) => Sdk::Ns(v.clone()),
                    Core::BS(v) => Sdk::Bs(
                        v.iter()
                            .map(|b| Blob::new(base64::decode(b).unwrap_or_default()))
                            .collect(),
                    ),
                    Core::M(m) => Sdk::M(item_to_sdk(m)),
                    Core::L(l) => Sdk::L(l.iter().map(to_sdk).collect()),
                    Core::NULL(b) => Sdk::Null(*b),
                    Core::BOOL(b) => Sdk::Bool(*b),
                }
            }

            /// An item as the SDK's map.
            #[allow(dead_code)]
            pub fn item_to_sdk(item: &Item) -> HashMap<String, Sdk> {
                item.iter().map(|(k, v)| (k.clone(), to_sdk(v))).collect()
            }

            /// The SDK's value as core's; `None` for a variant this build does not know.
            pub fn from_sdk(v: &Sdk) -> Option<Core> {
                Some(match v {
                    Sdk::S(s) => Core::S(s.clone()),
                    Sdk::N(n) => Core::N(n.clone()),
                    Sdk::B(b) => Core::B(base64::encode(b.as_ref())),
                    Sdk::Ss(v) => Core::SS(v.clone()),
                    Sdk::Ns(v) => Core::NS(v.clone()),
                    Sdk::Bs(v) => Core::BS(v.iter().map(|b| base64::encode(b.as_ref())).collect()),
                    Sdk::M(m) => Core::M(item_from_sdk(m)),
                    Sdk::L(l) => Core::L(l.iter().filter_map(from_sdk).collect()),
                    Sdk::Null(b) => Core::NULL(*b),
                    Sdk::Bool(b) => Core::BOOL(*b),
                    _ => return None,
                })
            }

            /// The SDK's map as an item.
            pub fn item_from_sdk(map: &HashMap<String, Sdk>) -> Item {
                map.iter()
                    .filter_map(|(k, v)| from_sdk(v).map(|v| (k.clone(), v)))
                    .collect()
            }
        }
    };
}

attr_conversions!(ddb, aws_sdk_dynamodb::types::AttributeValue);
attr_conversions!(streams, aws_sdk_dynamodbstreams::types::AttributeValue);

#[cfg(test)]
mod tests {
    use super::*;
    use orders_core::attr::{n, s};

    #[test]
    fn round_trip_through_the_sdk_types() {
        let item = Item::from([
            ("s".to_owned(), s("x")),
            ("n".to_owned(), n("59.90")),
            ("b".to_owned(), Core::B("aGVsbG8=".into())),
            (
                "l".to_owned(),
                Core::L(vec![Core::M(Item::from([("q".to_owned(), n("2"))]))]),
            ),
            ("ss".to_owned(), Core::SS(vec!["a".into(), "b".into()])),
            ("nul".to_owned(), Core::NULL(true)),
            ("t".to_owned(), Core::BOOL(true)),
        ]);
        assert_eq!(ddb::item_from_sdk(&ddb::item_to_sdk(&item)), item);
        assert_eq!(streams::item_from_sdk(&streams::item_to_sdk(&item)), item);
    }
}
